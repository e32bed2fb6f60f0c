"""Demo gemeenten: five real Flemish municipalities around Turnhout.

Turnhout is the centre town with clearly higher child poverty; its four neighbours are
smaller. NIS codes and names are real (Statbel); population figures are rounded
approximations of Statbel's figures for 1 January 2025, and the kansarmoede-index figures are
realistic but illustrative. Contact details are fictitious.
"""

from gemeenten.models import Gemeente

GEMEENTEN = [
    # naam, nis_code, inwoners, kinderen 0-3, kinderen 0-12, kansarmoede-index (%)
    ("Turnhout", "13040", 46_900, 1_690, 6_280, "24.9"),
    ("Beerse", "13004", 18_700, 590, 2_450, "11.2"),
    ("Kasterlee", "13017", 19_100, 520, 2_350, "4.3"),
    ("Oud-Turnhout", "13031", 14_400, 400, 1_750, "7.4"),
    ("Vosselaar", "13046", 11_600, 330, 1_450, "6.1"),
]
POSTCODES = {
    "13040": "2300",
    "13004": "2340",
    "13017": "2460",
    "13031": "2360",
    "13046": "2350",
}


def laad():
    for volgnummer, (naam, nis, inwoners, k03, k012, index) in enumerate(GEMEENTEN, start=1):
        slug = naam.lower()
        gemeente, _ = Gemeente.objects.update_or_create(
            nis_code=nis,
            defaults={
                "naam": naam,
                "slug": slug,
                "inwoners": inwoners,
                "kinderen_0_3": k03,
                "kinderen_0_12": k012,
                "bevolking_peiljaar": 2025,
                "kansarmoede_index": index,
                "kansarmoede_jaar": 2024,
                "aanspreekpunt_naam": f"Huis van het Kind {naam}",
                "aanspreekpunt_adres": f"Markt 1, {POSTCODES[nis]} {naam}",
                "aanspreekpunt_telefoon": f"014 00 00 {volgnummer:02d}",
                "aanspreekpunt_email": f"hvk@{slug}.demo.example",
                "aanspreekpunt_website": "",
            },
        )
        gemeente.full_clean()
    return [f"Gemeenten: {', '.join(g[0] for g in GEMEENTEN)}."]

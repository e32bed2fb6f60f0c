"""Demo of the partnership: five real Flemish municipalities around Turnhout.

Turnhout is the centre town with clearly higher child poverty; its four neighbours are
smaller. NIS codes and names are real (Statbel); population figures are rounded
approximations of Statbel's figures for 1 January 2025, and the kansarmoede-index figures are
realistic but illustrative. People, contact details and most partner names are fictitious.

The demo deliberately breaks each rule of the partnership once, so that a first-time user
sees the signals work: Vosselaar names kinderarmoede as a priority but sits in no werkgroep on
it, Kasterlee names gezondheid for which there is no werkgroep, Oud-Turnhout is missing from
the stuurgroep, Vosselaar has no contact point, and Beerse delivers far fewer hours than it
committed. Delivered hours are generated relative to today, so the lag shows from February on.
"""

import datetime
from decimal import Decimal

from django.utils.text import slugify

from gemeenten.models import (
    Afspraak,
    GemeenschappelijkeVisie,
    Gemeente,
    Groeifase,
    Inzet,
    Lid,
    Orgaan,
    Partner,
    Thema,
    Verwachting,
    Visienota,
)
from gemeenten.models.groeimodel import Fase
from gemeenten.models.periode import vandaag
from gemeenten.services import zelfevaluatie_starten

GEMEENTEN = [
    # naam, nis_code, inwoners, kinderen 0-3, kinderen 0-12, kansarmoede-index (%)
    ("Turnhout", "13040", 46_900, 1_690, 6_280, "24.9"),
    ("Beerse", "13004", 18_700, 590, 2_450, "11.2"),
    ("Kasterlee", "13017", 19_100, 520, 2_350, "4.3"),
    ("Oud-Turnhout", "13031", 14_400, 400, 1_750, "7.4"),
    ("Vosselaar", "13046", 11_600, 330, 1_450, "6.1"),
]
POSTCODES = {"13040": "2300", "13004": "2340", "13017": "2460", "13031": "2360", "13046": "2350"}
# Approximate town-hall coordinates (WGS84): the centre from which distances to offer are measured.
CENTRUM = {
    "13040": (Decimal("51.322700"), Decimal("4.944800")),
    "13004": (Decimal("51.319500"), Decimal("4.855600")),
    "13017": (Decimal("51.241200"), Decimal("4.966800")),
    "13031": (Decimal("51.319700"), Decimal("4.984000")),
    "13046": (Decimal("51.308900"), Decimal("4.888400")),
}
ZONDER_AANSPREEKPUNT = "13046"  # Vosselaar: breaks the contact-point rule

THEMAS = [
    ("Kinderarmoede", "Gezinnen in armoede bereiken en ondersteunen."),
    ("Ontmoeting", "Plekken en momenten waar ouders en kinderen elkaar ontmoeten."),
    ("Opvoedingsondersteuning", "Vragen over opvoeden, van baby tot tiener."),
    ("Gezondheid", "Preventieve gezondheidszorg voor kinderen en (aanstaande) ouders."),
    ("Communicatie", "Het Huis bekendmaken bij gezinnen en partners."),
    ("Kinderopvang / LOK", "Lokaal overleg kinderopvang."),
]

# Per gemeente: committed hours and budget per year, priorities, share of hours delivered.
VISIENOTAS = {
    "13040": (2400, 60_000, ["Kinderarmoede", "Opvoedingsondersteuning"], Decimal("1.02")),
    "13004": (1000, 22_000, ["Kinderarmoede"], Decimal("0.55")),
    "13017": (800, 18_000, ["Ontmoeting", "Gezondheid"], Decimal("0.95")),
    "13031": (700, 15_000, ["Ontmoeting"], Decimal("1.00")),
    "13046": (500, 11_000, ["Kinderarmoede", "Ontmoeting"], Decimal("0.92")),
}
PERIODE = (datetime.date(2026, 1, 1), datetime.date(2031, 12, 31))
VORIGE_PERIODE = (datetime.date(2020, 1, 1), datetime.date(2025, 12, 31))

PARTNERS = [
    # naam, soort, gemeenten (NIS) of its werkingsgebied
    ("Opgroeien (Kind en Gezin)", Partner.Soort.OPGROEIEN, list(POSTCODES)),
    ("CAW De Kempen", Partner.Soort.CAW, ["13040", "13004", "13031"]),
    ("Bibliotheek Turnhout", Partner.Soort.BIBLIOTHEEK, ["13040"]),
    ("Bibliotheek Kasterlee", Partner.Soort.BIBLIOTHEEK, ["13017"]),
    ("Kinderopvang Kempenkind", Partner.Soort.KINDEROPVANG, ["13004", "13046", "13040"]),
    ("Gezinsbond Kasterlee", Partner.Soort.VRIJWILLIGERS, ["13017"]),
    ("CLB Kempen", Partner.Soort.ONDERWIJS, ["13040", "13004", "13017", "13031"]),
]

LEDEN_START = datetime.date(2025, 3, 1)
ORGANEN = [
    # naam, soort, thema, alleen afstemming, members: (naam, rol, NIS or partner, mandaat)
    (
        "Beleidsgroep",
        Orgaan.Soort.BELEIDSGROEP,
        None,
        False,
        [
            ("Els Van den Broeck", "voorzitter", "13040", "schepen van Jeugd"),
            ("Tom Verlinden", "lid", "13004", "schepen van Welzijn"),
            ("Ann Mertens", "lid", "13017", "schepen van Gezin"),
            ("Koen Wouters", "lid", "13031", "schepen van Jeugd"),
            ("Sofie Peeters", "lid", "13046", "schepen van Welzijn"),
        ],
    ),
    (
        "Stuurgroep",
        Orgaan.Soort.STUURGROEP,
        None,
        False,
        [
            ("Lies Janssens", "voorzitter", "13040", ""),
            ("Bart Claes", "lid", "13004", ""),
            ("Nele Smets", "lid", "13017", ""),
            ("Hilde Goossens", "lid", "13046", ""),
            ("Karen Maes", "lid", "Opgroeien (Kind en Gezin)", ""),
        ],
    ),
    (
        "Werkgroep kinderarmoede",
        Orgaan.Soort.WERKGROEP,
        "Kinderarmoede",
        False,
        [
            ("Lies Janssens", "voorzitter", "13040", ""),
            ("Bart Claes", "lid", "13004", ""),
            ("Youssef El Amrani", "lid", "CAW De Kempen", ""),
        ],
    ),
    (
        "Werkgroep ontmoeting",
        Orgaan.Soort.WERKGROEP,
        "Ontmoeting",
        False,
        [
            ("Nele Smets", "voorzitter", "13017", ""),
            ("Wim Aerts", "lid", "13031", ""),
            ("Hilde Goossens", "lid", "13046", ""),
            ("Greet Vermeulen", "lid", "Gezinsbond Kasterlee", ""),
        ],
    ),
    (
        "Werkgroep opvoedingsondersteuning",
        Orgaan.Soort.WERKGROEP,
        "Opvoedingsondersteuning",
        False,
        [("Lies Janssens", "voorzitter", "13040", "")],
    ),
    (
        "Werkgroep intergemeentelijke afstemming",
        Orgaan.Soort.WERKGROEP,
        "Communicatie",
        True,
        [
            ("Lies Janssens", "voorzitter", "13040", ""),
            ("Bart Claes", "lid", "13004", ""),
            ("Nele Smets", "lid", "13017", ""),
        ],
    ),
]

AFSPRAKEN = [
    (
        Afspraak.Onderwerp.TOELEIDING,
        "Elke partner verwijst gezinnen warm door naar het aanspreekpunt van hun eigen gemeente; "
        "het aanspreekpunt neemt binnen drie werkdagen contact op.",
        "",
    ),
    (
        Afspraak.Onderwerp.REGISTRATIE,
        "Bij activiteiten registreren we enkel het aantal deelnemers, hun gemeente en de "
        "leeftijd van de kinderen; namen alleen als inschrijven nodig is, en die wissen we na "
        "zes maanden.",
        "Weten welke gemeenten en leeftijden we bereiken, om het aanbod eerlijk te spreiden.",
    ),
    (
        Afspraak.Onderwerp.TOEGANKELIJKHEID,
        "Elke plek is rolstoel- en buggytoegankelijk of zegt duidelijk waar niet; het aanbod is "
        "gratis of met sociaal tarief; we vermelden de bushalte.",
        "",
    ),
    (
        Afspraak.Onderwerp.GEBRUIKERSPARTICIPATIE,
        "Twee keer per jaar een oudercafé per gemeente, waar gezinnen het aanbod mee vormgeven.",
        "",
    ),
]


def _gemeenten():
    for volgnummer, (naam, nis, inwoners, k03, k012, index) in enumerate(GEMEENTEN, start=1):
        slug = slugify(naam)
        contact = nis != ZONDER_AANSPREEKPUNT
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
                "breedtegraad": CENTRUM[nis][0],
                "lengtegraad": CENTRUM[nis][1],
                "aanspreekpunt_naam": f"Huis van het Kind {naam}" if contact else "",
                "aanspreekpunt_adres": f"Markt 1, {POSTCODES[nis]} {naam}" if contact else "",
                "aanspreekpunt_telefoon": f"014 00 00 {volgnummer:02d}" if contact else "",
                "aanspreekpunt_email": f"hvk@{slug}.demo.example" if contact else "",
                "aanspreekpunt_website": "",
            },
        )
        gemeente.full_clean()
    return {g.nis_code: g for g in Gemeente.objects.all()}


def _themas():
    for naam, beschrijving in THEMAS:
        Thema.objects.update_or_create(
            slug=slugify(naam), defaults={"naam": naam, "beschrijving": beschrijving}
        )
    return {t.naam: t for t in Thema.objects.all()}


def _visienotas(gemeenten, themas):
    notas = []
    for nis, (uren, budget, prioriteiten, _aandeel) in VISIENOTAS.items():
        gemeente = gemeenten[nis]
        nota, _ = Visienota.objects.update_or_create(
            gemeente=gemeente,
            periode_start=PERIODE[0],
            defaults={
                "periode_einde": PERIODE[1],
                "verwachtingen": (
                    f"{gemeente.naam} verwacht een herkenbaar aanspreekpunt in de eigen gemeente "
                    "en aanbod dat gezinnen zonder auto kunnen bereiken."
                ),
                "doelen": f"Meer gezinnen met jonge kinderen in {gemeente.naam} bereiken.",
                "uren_per_jaar": uren,
                "budget_per_jaar": budget,
                "goedgekeurd_door_cbs_op": datetime.date(2025, 11, 17),
            },
        )
        nota.prioriteiten.set([themas[p] for p in prioriteiten])
        notas.append(nota)
    # Turnhout's previous period, so the history shows.
    Visienota.objects.update_or_create(
        gemeente=gemeenten["13040"],
        periode_start=VORIGE_PERIODE[0],
        defaults={
            "periode_einde": VORIGE_PERIODE[1],
            "verwachtingen": "Een Huis van het Kind in de centrumstad, open voor de regio.",
            "doelen": "Consultatiebureau en opvoedingswinkel uitbouwen.",
            "uren_per_jaar": 2000,
            "budget_per_jaar": 50_000,
            "goedgekeurd_door_cbs_op": datetime.date(2019, 12, 16),
        },
    )
    visie, _ = GemeenschappelijkeVisie.objects.update_or_create(
        titel="Samen één Huis van het Kind Kempenland 2026-2031",
        defaults={
            "periode_start": PERIODE[0],
            "periode_einde": PERIODE[1],
            "tekst": (
                "We zijn één Huis met vijf deuren. Elk gezin vindt in de eigen gemeente een "
                "aanspreekpunt, en het aanbod wordt gespreid volgens het aantal kinderen en de "
                "kansarmoede, niet gekopieerd naar elke gemeente."
            ),
            "partnerinbreng": "Opgroeien, CAW De Kempen en het CLB brachten hun cijfers in.",
        },
    )
    visie.visienotas.set(notas)


def _inzet(gemeenten):
    """Monthly delivered hours for last year and the complete months of this year."""
    vandaag_ = vandaag()
    maanden = [(vandaag_.year - 1, m) for m in range(1, 13)]
    maanden += [(vandaag_.year, m) for m in range(1, vandaag_.month)]
    for nis, (uren, _budget, _prio, aandeel) in VISIENOTAS.items():
        gemeente = gemeenten[nis]
        for jaar, maand in maanden:
            Inzet.objects.update_or_create(
                persoon="Lies Janssens" if nis == "13040" else f"Medewerker {gemeente.naam}",
                gemeente=gemeente,
                jaar=jaar,
                maand=maand,
                defaults={
                    "uren": (Decimal(uren) / 12 * aandeel).quantize(Decimal("0.1")),
                    "omschrijving": "Aanspreekpunt, overleg en activiteiten",
                    "werkgever": gemeenten["13040"] if nis == "13031" else None,
                },
            )


def _partners(gemeenten):
    for naam, soort, werkingsgebied in PARTNERS:
        partner, _ = Partner.objects.update_or_create(
            naam=naam,
            defaults={
                "soort": soort,
                "contactpersoon": "",
                "email": f"info@{slugify(naam)}.demo.example",
            },
        )
        partner.werkingsgebied.set([gemeenten[n] for n in werkingsgebied])
    return {p.naam: p for p in Partner.objects.all()}


def _organen(gemeenten, themas, partners):
    for naam, soort, thema, afstemming, leden in ORGANEN:
        orgaan, _ = Orgaan.objects.update_or_create(
            naam=naam,
            defaults={
                "soort": soort,
                "thema": themas[thema] if thema else None,
                "alleen_afstemming": afstemming,
            },
        )
        for lid_naam, rol, vertegenwoordigt, mandaat in leden:
            Lid.objects.update_or_create(
                orgaan=orgaan,
                naam=lid_naam,
                defaults={
                    "rol": rol,
                    "gemeente": gemeenten.get(vertegenwoordigt),
                    "partner": partners.get(vertegenwoordigt),
                    "met_mandaat": bool(mandaat),
                    "mandaat": mandaat,
                    "van": LEDEN_START,
                    "tot": None,
                },
            )


def _groeimodel(gemeenten):
    Groeifase.objects.update_or_create(
        sinds=datetime.date(2022, 3, 1),
        defaults={
            "fase": Fase.POTGROND,
            "motivatie": "De vijf gemeenten starten een lerend netwerk van jeugdambtenaren.",
        },
    )
    Groeifase.objects.update_or_create(
        sinds=datetime.date(2024, 9, 1),
        defaults={
            "fase": Fase.BLOEMENWEIDE,
            "motivatie": (
                "Eerste gezamenlijke acties met eigen budget: een gedeelde flyer en een "
                "regionale week van de opvoeding, naast het eigen aanbod van elke gemeente."
            ),
        },
    )
    jaar = vandaag().year
    evaluatie = zelfevaluatie_starten(gemeente=gemeenten["13040"], jaar=jaar)
    for afvinking in evaluatie.afvinkingen.order_by("pk")[:3]:
        afvinking.gedaan = True
        afvinking.save(update_fields=["gedaan"])
    verwachtingen = [
        ("13040", "Partners uit de buurgemeenten komen ook naar Turnhout.", "ja"),
        ("13004", "Een antenne met vrije inloop in Beerse.", "deels"),
        ("13046", "Een eigen aanspreekpunt in Vosselaar.", "nee"),
    ]
    for nis, tekst, ingelost in verwachtingen:
        Verwachting.objects.update_or_create(
            gemeente=gemeenten[nis],
            jaar=jaar,
            verwachting=tekst,
            defaults={"ingelost": ingelost},
        )


def _plan():
    for onderwerp, tekst, doel in AFSPRAKEN:
        Afspraak.objects.update_or_create(
            onderwerp=onderwerp,
            geldig_vanaf=datetime.date(2025, 6, 1),
            defaults={"tekst": tekst, "doel": doel, "goedgekeurd_door": "Stuurgroep"},
        )


def laad():
    gemeenten = _gemeenten()
    themas = _themas()
    _visienotas(gemeenten, themas)
    _inzet(gemeenten)
    partners = _partners(gemeenten)
    _organen(gemeenten, themas, partners)
    _groeimodel(gemeenten)
    _plan()
    return [
        f"Gemeenten: {', '.join(g[0] for g in GEMEENTEN)}.",
        f"Samenwerking: {len(THEMAS)} thema's, {len(VISIENOTAS) + 1} visienota's, "
        f"{len(PARTNERS)} partners, {len(ORGANEN)} organen.",
    ]

"""Demo places of the Huis: one of each kind, spread unevenly over the five gemeenten.

Turnhout has the central house and the walk-in meeting place Babbelonie; Beerse an antenne
with offer and a contact point, and a small meeting place; Kasterlee a contact point in the
town hall and an antenne in Lichtaart where offer happens; Oud-Turnhout an antenne with offer
only (its contact point is the town hall). Vosselaar deliberately has no fixed place at all:
only the Babybus, the mobile house, stops there twice a month. Beside them the virtual house.

Addresses are real-looking but fictitious, coordinates lie inside the right gemeente. Dates
are relative to today: the demo year runs for twelve months from the Monday two months ago;
the central house closes in the coming Christmas holidays (with one extra opening inside
them) and on the public holidays of the demo year, and the Babybus skips its stops in the
Christmas holidays.
"""

import datetime as dt
from decimal import Decimal

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from gemeenten.models import Gemeente
from gemeenten.models.periode import vandaag
from hvk.herhaling import Weekdag, lokale_tijd, rol_uit
from locaties.models import (
    Halte,
    Haltebezoek,
    Halteschema,
    Locatie,
    Openingsuur,
    Taal,
    Uitzondering,
)
from locaties.services import haltebezoeken_uitrollen

MA, DI, WO, DO, VR, ZA = (
    Weekdag.MAANDAG,
    Weekdag.DINSDAG,
    Weekdag.WOENSDAG,
    Weekdag.DONDERDAG,
    Weekdag.VRIJDAG,
    Weekdag.ZATERDAG,
)
CENTRAAL_HUIS = "huis-van-het-kind-turnhout"

# slug: naam, soort, NIS, contactpunt, aanbodplek, (straat, postcode, plaats), (lat, lon),
# (rolstoel, kinderwagen, verzorgingstafel, parking, stille ruimte), halte, talen, uren.
# Opening hours: (weekdag, van, tot, vrije inloop).
LOCATIES = {
    CENTRAAL_HUIS: (
        "Huis van het Kind Turnhout",
        Locatie.Soort.CENTRAAL_HUIS,
        "13040",
        True,
        True,
        ("Parklaan 45", "2300", "Turnhout"),
        ("51.320400", "4.939100"),
        (True, True, True, False, True),
        "Turnhout Parklaan",
        ["nl", "fr", "en", "ar", "tr"],
        [
            (MA, "09:00", "12:00", False),
            (MA, "13:30", "17:00", False),
            (DI, "09:00", "12:00", True),
            (DI, "13:30", "17:00", False),
            (WO, "09:00", "12:00", False),
            (WO, "13:30", "17:00", False),
            (DO, "09:00", "12:00", False),
            (DO, "13:30", "17:00", False),
            (DO, "17:00", "19:00", True),
            (VR, "09:00", "12:00", False),
        ],
    ),
    "babbelonie": (
        "Ontmoetingsplek Babbelonie",
        Locatie.Soort.ONTMOETINGSPLEK,
        "13040",
        False,
        True,
        ("Zandstraat 14", "2300", "Turnhout"),
        ("51.317300", "4.930600"),
        (True, True, True, None, False),
        "Turnhout Zandstraat",
        ["nl", "ar", "tr", "pl", "ro", "uk"],
        [
            (MA, "09:00", "11:30", True),
            (WO, "09:00", "11:30", False),
            (WO, "13:30", "16:30", True),
            (VR, "09:00", "11:30", True),
            (ZA, "10:00", "12:00", True),
        ],
    ),
    "antenne-beerse": (
        "Antenne Beerse",
        Locatie.Soort.ANTENNE,
        "13004",
        True,
        True,
        ("Kerkstraat 16", "2340", "Beerse"),
        ("51.319900", "4.860200"),
        (False, True, True, True, None),
        "Beerse Kerk",
        ["nl", "pl", "ro"],
        [
            (DI, "09:00", "12:00", False),
            (DO, "13:30", "17:00", False),
        ],
    ),
    "t-klavertje-beerse": (
        "Ontmoetingsplek 't Klavertje",
        Locatie.Soort.ONTMOETINGSPLEK,
        "13004",
        False,
        True,
        ("Vaartstraat 81", "2340", "Beerse"),
        ("51.326500", "4.862000"),
        (True, True, None, None, None),
        "Beerse Vaartstraat",
        ["nl", "pl", "ro", "bg"],
        [(WO, "14:00", "16:30", True)],
    ),
    "antenne-kasterlee": (
        "Antenne Kasterlee (loket in het gemeentehuis)",
        Locatie.Soort.ANTENNE,
        "13017",
        True,
        False,
        ("Markt 1", "2460", "Kasterlee"),
        ("51.241300", "4.966600"),
        (True, True, False, True, False),
        "Kasterlee Markt",
        ["nl", "en"],
        [
            (MA, "09:00", "12:00", False),
            (WO, "13:30", "16:30", False),
        ],
    ),
    "antenne-lichtaart": (
        "Antenne Lichtaart",
        Locatie.Soort.ANTENNE,
        "13017",
        False,
        True,
        ("Kerkstraat 5", "2460", "Lichtaart"),
        ("51.225200", "4.917500"),
        (None, True, True, True, True),
        "Lichtaart Kerk",
        ["nl"],
        [],
    ),
    "antenne-oud-turnhout": (
        "Antenne Oud-Turnhout",
        Locatie.Soort.ANTENNE,
        "13031",
        False,
        True,
        ("Dorp 12", "2360", "Oud-Turnhout"),
        ("51.319000", "4.983000"),
        (True, True, True, True, None),
        "Oud-Turnhout Dorp",
        ["nl", "fr"],
        [(WO, "09:00", "12:00", False)],
    ),
    "huis-van-het-kind-online": (
        "Huis van het Kind Kempenland online",
        Locatie.Soort.VIRTUEEL,
        None,
        True,
        True,
        ("", "", ""),
        None,
        (None, None, None, None, None),
        "",
        ["nl", "en", "fr", "ar", "uk"],
        [],
    ),
    "babybus": (
        "Babybus",
        Locatie.Soort.MOBIEL,
        "13040",
        True,
        True,
        ("", "", ""),
        None,
        (False, False, True, None, True),
        "",
        ["nl", "en", "fr"],
        [],
    ),
}

BESCHRIJVINGEN = {
    CENTRAAL_HUIS: (
        "Het centrale huis van de vijf gemeenten: consultaties van Kind en Gezin, de "
        "opvoedingswinkel en het onthaal voor al je vragen over opgroeien."
    ),
    "babbelonie": (
        "Binnenlopen zonder afspraak met je kinderen: spelen, een koffie, een babbel in je eigen "
        "taal of in het Nederlands."
    ),
    "antenne-beerse": "Loket en consultaties in het centrum van Beerse.",
    "t-klavertje-beerse": "Kleine ontmoetingsplek aan de vaart, elke woensdagnamiddag open.",
    "antenne-kasterlee": (
        "Voor vragen, afspraken en informatie aan het loket Welzijn van het gemeentehuis."
    ),
    "antenne-lichtaart": "Zaal voor babymassage, speelochtenden en lezingen in Lichtaart.",
    "antenne-oud-turnhout": "Consultaties en lezingen in het dorp; vragen aan het gemeentehuis.",
    "huis-van-het-kind-online": (
        "Het virtuele huis: de website, de nieuwsbrief en online infosessies voor de hele regio."
    ),
    "babybus": (
        "Een bus met een weegtafel, een verzorgingshoek en een speelhoek. Een verpleegkundige "
        "van Kind en Gezin en een medewerker van het Huis komen naar je toe."
    ),
}

# Babybus stops: naam, NIS, op locatie (slug) or address, coordinates, schedules
# (weekdag, week van de maand, van, tot).
HALTES = [
    (
        "Vosselaar Kerkplein",
        "13046",
        None,
        ("Kerkplein 2", "2350", "Vosselaar"),
        ("51.309300", "4.888900"),
        [(DI, 2, "09:00", "12:00"), (DI, 4, "13:30", "16:00")],
    ),
    (
        "Kasterlee gemeentehuis",
        "13017",
        "antenne-kasterlee",
        ("", "", ""),
        None,
        [(DO, 1, "13:30", "16:30")],
    ),
    (
        "Oosthoven, parking school",
        "13031",
        None,
        ("Schoolstraat 2", "2360", "Oud-Turnhout"),
        ("51.331200", "5.009800"),
        [(WO, 3, "09:00", "11:30")],
    ),
]


def demojaar() -> tuple[dt.date, dt.date]:
    """The demo's year: twelve months from the Monday two months ago.

    Starting on a Monday keeps "every other week" on the same weeks when the demo is loaded
    again later in the week.
    """
    begin = vandaag() - relativedelta(months=2)
    begin -= dt.timedelta(days=begin.weekday())
    return begin, begin + relativedelta(years=1) - dt.timedelta(days=1)


def kerstvakantie(jaar: int) -> tuple[dt.date, dt.date]:
    """Flemish Christmas holidays: two weeks from the Monday of Christmas week.

    When Christmas falls on a weekend, they start on the Monday after it.
    """
    kerstmis = dt.date(jaar, 12, 25)
    if kerstmis.weekday() >= ZA:
        begin = kerstmis + dt.timedelta(days=7 - kerstmis.weekday())
    else:
        begin = kerstmis - dt.timedelta(days=kerstmis.weekday())
    return begin, begin + dt.timedelta(days=13)


def komende_kerstvakantie() -> tuple[dt.date, dt.date]:
    jaar = vandaag().year
    vorige = kerstvakantie(jaar - 1)
    return vorige if vorige[1] >= vandaag() else kerstvakantie(jaar)


def feestdagen(van: dt.date, tot: dt.date) -> list[tuple[dt.date, str]]:
    """Belgian public holidays and 11 July (Vlaamse feestdag) from ``van`` to ``tot``."""
    dagen = []
    for jaar in range(van.year, tot.year + 1):
        pasen = easter(jaar)
        dagen += [
            (dt.date(jaar, 1, 1), "Nieuwjaar"),
            (pasen + dt.timedelta(days=1), "Paasmaandag"),
            (dt.date(jaar, 5, 1), "Dag van de Arbeid"),
            (pasen + dt.timedelta(days=39), "O.L.H. Hemelvaart"),
            (pasen + dt.timedelta(days=50), "Pinkstermaandag"),
            (dt.date(jaar, 7, 11), "Feest van de Vlaamse Gemeenschap"),
            (dt.date(jaar, 7, 21), "Nationale feestdag"),
            (dt.date(jaar, 8, 15), "O.L.V. Hemelvaart"),
            (dt.date(jaar, 11, 1), "Allerheiligen"),
            (dt.date(jaar, 11, 11), "Wapenstilstand"),
            (dt.date(jaar, 12, 25), "Kerstmis"),
        ]
    return sorted((d, naam) for d, naam in dagen if van <= d <= tot)


def buiten_de_regel(regel, gerold):
    """Rows of a demo rule on dates it does not have, e.g. left by a run on an earlier day."""
    return gerold.exclude(
        oorspronkelijke_datum__in=regel.datums(regel.geldig_van, regel.geldig_tot)
    )


def terug_naar_de_regel(regel, gerold) -> None:
    """Undo hand changes to the rows of a demo rule, past ones included.

    Expanding a rule leaves rows changed by hand, and rows already begun, alone; loading the
    demo again puts its own data back as it was.
    """
    for rij in gerold.filter(aangepast=True):
        gerold.filter(pk=rij.pk).update(
            begin=lokale_tijd(rij.oorspronkelijke_datum, regel.begintijd),
            einde=lokale_tijd(rij.oorspronkelijke_datum, regel.eindtijd),
            geannuleerd=False,
            aangepast=False,
        )


def _tijd(tekst: str) -> dt.time:
    return dt.time.fromisoformat(tekst)


def _locaties(gemeenten):
    talen = {t.code: t for t in Taal.objects.all()}
    locaties = {}
    for slug, (
        naam,
        soort,
        nis,
        contactpunt,
        aanbodplek,
        (straat, postcode, plaats),
        coordinaten,
        (rolstoel, kinderwagen, verzorgingstafel, parking, stille_ruimte),
        ov_halte,
        taalcodes,
        uren,
    ) in LOCATIES.items():
        locatie, _ = Locatie.objects.update_or_create(
            slug=slug,
            defaults={
                "naam": naam,
                "soort": soort,
                "gemeente": gemeenten.get(nis),
                "is_contactpunt": contactpunt,
                "is_aanbodplek": aanbodplek,
                "straat": straat,
                "postcode": postcode,
                "plaats": plaats,
                "breedtegraad": Decimal(coordinaten[0]) if coordinaten else None,
                "lengtegraad": Decimal(coordinaten[1]) if coordinaten else None,
                "telefoon": f"014 00 10 {len(locaties) + 1:02d}" if contactpunt else "",
                "email": f"{slug}@huisvanhetkind.demo.example" if contactpunt else "",
                "website": (
                    "https://huisvanhetkind-kempenland.demo.example/"
                    if soort == Locatie.Soort.VIRTUEEL
                    else ""
                ),
                "beschrijving": BESCHRIJVINGEN[slug],
                "rolstoeltoegankelijk": rolstoel,
                "kinderwagentoegankelijk": kinderwagen,
                "verzorgingstafel": verzorgingstafel,
                "parking": parking,
                "stille_ruimte": stille_ruimte,
                "ov_halte": ov_halte,
            },
        )
        locatie.full_clean()
        locatie.talen.set([talen[c] for c in taalcodes])
        for weekdag, begin, einde, inloop in uren:
            Openingsuur.objects.update_or_create(
                locatie=locatie,
                weekdag=weekdag,
                begin=_tijd(begin),
                defaults={"einde": _tijd(einde), "vrije_inloop": inloop},
            )
        locaties[slug] = locatie
    return locaties


def _uitzonderingen(centraal):
    """Closures of the central house, and an extra walk-in morning inside the holidays."""
    begin, einde = komende_kerstvakantie()
    uitzonderingen = [
        (begin, einde, "Kerstvakantie: gesloten", None, None, False),
        (
            begin + dt.timedelta(days=8),
            None,
            "Extra opening in de kerstvakantie: vragen over Groeipakket en kinderopvang",
            "09:00",
            "12:00",
            True,
        ),
    ]
    jaar_begin, jaar_einde = demojaar()
    for dag, naam in feestdagen(jaar_begin, jaar_einde):
        if dag.weekday() < ZA and not begin <= dag <= einde:
            uitzonderingen.append((dag, None, f"{naam}: gesloten", None, None, False))
    for van, tot, omschrijving, open_van, open_tot, inloop in uitzonderingen:
        uitzondering, _ = Uitzondering.objects.update_or_create(
            locatie=centraal,
            van=van,
            begin=_tijd(open_van) if open_van else None,
            defaults={
                "tot": tot,
                "omschrijving": omschrijving,
                "einde": _tijd(open_tot) if open_tot else None,
                "vrije_inloop": inloop,
            },
        )
        uitzondering.full_clean()


def _babybus(babybus, gemeenten, locaties):
    """The stops and monthly schedules of the mobile house, expanded over the demo year."""
    jaar_begin, jaar_einde = demojaar()
    schemas = []
    for naam, nis, op_locatie, (straat, postcode, plaats), coordinaten, regels in HALTES:
        halte, _ = Halte.objects.update_or_create(
            mobiel_huis=babybus,
            naam=naam,
            defaults={
                "gemeente": gemeenten[nis],
                "locatie": locaties.get(op_locatie),
                "straat": straat,
                "postcode": postcode,
                "plaats": plaats,
                "breedtegraad": Decimal(coordinaten[0]) if coordinaten else None,
                "lengtegraad": Decimal(coordinaten[1]) if coordinaten else None,
            },
        )
        halte.full_clean()
        for weekdag, week, begin, einde in regels:
            schema, _ = Halteschema.objects.update_or_create(
                halte=halte,
                frequentie=Halteschema.Frequentie.MAANDELIJKS,
                weekdag=weekdag,
                week_van_de_maand=week,
                defaults={
                    "interval": 1,
                    "begintijd": _tijd(begin),
                    "eindtijd": _tijd(einde),
                    "geldig_van": jaar_begin,
                    "geldig_tot": jaar_einde,
                },
            )
            schema.full_clean()
            schemas.append(schema)

    gisteren = vandaag() - dt.timedelta(days=1)
    for schema in schemas:
        buiten_de_regel(schema, schema.bezoeken.all()).delete()
        terug_naar_de_regel(schema, schema.bezoeken.all())
        # The service only expands from today on; the demo also has the past two months.
        rol_uit(
            regel=schema,
            gerold=schema.bezoeken.all(),
            nieuw=lambda begin, einde, dag, schema=schema: Haltebezoek(
                halte=schema.halte,
                schema=schema,
                begin=begin,
                einde=einde,
                oorspronkelijke_datum=dag,
            ),
            van=jaar_begin,
            tot=gisteren,
        )
    haltebezoeken_uitrollen(schemas=schemas, tot=jaar_einde)

    # The Babybus does not ride in the Christmas holidays.
    demo_bezoeken = Haltebezoek.objects.filter(schema__in=schemas)
    kerst_begin, kerst_einde = komende_kerstvakantie()
    for bezoek in demo_bezoeken.filter(
        oorspronkelijke_datum__gte=kerst_begin, oorspronkelijke_datum__lte=kerst_einde
    ):
        bezoek.geannuleerd = True
        bezoek.save()
    return demo_bezoeken.count()


def laad():
    gemeenten = {g.nis_code: g for g in Gemeente.objects.all()}
    locaties = _locaties(gemeenten)
    _uitzonderingen(locaties[CENTRAAL_HUIS])
    bezoeken = _babybus(locaties["babybus"], gemeenten, locaties)
    return [
        f"Locaties: {len(locaties)} plekken, {len(HALTES)} haltes van de Babybus met "
        f"{bezoeken} bezoeken.",
    ]

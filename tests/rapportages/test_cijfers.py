"""The report's figures on a small hand-built area whose answers are worked out here.

Two gemeenten, A (Turnhout) and B (Beerse):

- children 0-12: A 2000, B 1000 (area 3000): shares 66.7 % and 33.3 %;
- kansarmoede-index: A 10 %, B 40 % → weights 20000 and 40000: shares 33.3 % and 66.7 %;
- visienota: A 1200 hours and EUR 24000 a year, B 600 hours and EUR 12000;
- delivered: A 100 hours a month in January-May and 50 in June (550), B 30 a month in
  January-June (180); both 999 hours in July, which is not yet a complete month on 15 July.
  Due by 15 July (six complete months): A 600, B 300 → ratios 550/600 = 91.7 %,
  180/300 = 60 % (B lags 40 % > 20 %: a warning). Area: 730 of 900 = 81.1 %;
- offer in the first half of 2026: a regional meeting activity R at A's place with 3 moments,
  and a local health activity L for B at B's place with 1 moment. In A: 3 moments, in B: 1
  (shares 75 % and 25 %). Available to A: 3 moments (1.5 per 1,000 children), to B:
  3 + 1 = 4 (4.0 per 1,000);
- reach (anonymous counts): from A 4 adults and 6 children 0-2 at R (10 people); from B one
  adult and one child 0-2 at R and one adult and one child 3-5 at L (4 people); from
  elsewhere one adult at R. Area reach (participating gemeenten) 14: shares A 71.4 %,
  B 28.6 %. Children reached per 1,000: A 6/2000 → 3.0, B 2/1000 → 2.0;
- B gets less than its share of both children (33.3 %) and poverty (66.7 %) in offer (25 %)
  and in reach (28.6 %); A does not;
- B has no contact point; a CAW partner works in A only, so B misses a CAW;
- the partnership is in the potgrond phase since 2025; A ticked one of two role tasks and
  met its one expectation; B did not assess itself.
"""

import datetime as dt
from decimal import Decimal

import pytest

from aanbod.models import Bereikcijfer
from gemeenten.models.groeimodel import Afvinking, Groeifase, Roltaak, Verwachting, Zelfevaluatie
from hvk.herhaling import lokale_tijd
from rapportages.selectors import Periode, rapport
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    InzetFactory,
    LocatieFactory,
    MomentFactory,
    PartnerFactory,
    VisienotaFactory,
)

OP = dt.date(2026, 7, 15)
EERSTE_HELFT = Periode(van=dt.date(2026, 1, 1), tot=dt.date(2026, 6, 30))


def moment(activiteit, dag):
    begin = lokale_tijd(dag, dt.time(10))
    return MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2))


def bereik(moment, woonplaats, **per_groep):
    for groep, aantal in per_groep.items():
        Bereikcijfer.objects.create(
            moment=moment,
            activiteit=moment.activiteit,
            maand=moment.begin.date().replace(day=1),
            woonplaats=woonplaats,
            leeftijdsgroep={"baby": "0-2", "kleuter": "3-5"}.get(groep, groep),
            ingeschreven=aantal,
        )


@pytest.fixture
def gebied(db):
    a = GemeenteFactory(
        naam="Turnhout",
        nis_code="13040",
        slug="turnhout",
        kinderen_0_3=600,
        kinderen_0_12=2000,
        inwoners=40000,
        kansarmoede_index="10.0",
        aanspreekpunt_naam="Sociaal Huis Turnhout",
        aanspreekpunt_telefoon="014 00 00 00",
    )
    b = GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        kinderen_0_3=300,
        kinderen_0_12=1000,
        inwoners=18000,
        kansarmoede_index="40.0",
        aanspreekpunt_naam="",
    )
    VisienotaFactory(gemeente=a, uren_per_jaar=Decimal("1200"), budget_per_jaar=Decimal("24000"))
    VisienotaFactory(gemeente=b, uren_per_jaar=Decimal("600"), budget_per_jaar=Decimal("12000"))
    for maand, uren in enumerate([100, 100, 100, 100, 100, 50, 999], start=1):
        InzetFactory(gemeente=a, jaar=2026, maand=maand, uren=Decimal(uren))
    for maand, uren in enumerate([30] * 6 + [999], start=1):
        InzetFactory(gemeente=b, jaar=2026, maand=maand, uren=Decimal(uren))

    plek_a = LocatieFactory(gemeente=a)
    plek_b = LocatieFactory(gemeente=b, plaats="Beerse", postcode="2340")
    r = ActiviteitFactory(pijler="ontmoeting", bereik="regionaal", locatie=plek_a)
    r_momenten = [moment(r, dt.date(2026, maand, 10)) for maand in (2, 3, 4)]
    moment(r, dt.date(2026, 8, 10))  # after the period
    lokaal = ActiviteitFactory(pijler="gezondheid", bereik="lokaal", locatie=plek_b, gemeenten=[b])
    l_moment = moment(lokaal, dt.date(2026, 5, 6))

    bereik(r_momenten[0], a, volwassene=4, baby=6)
    bereik(r_momenten[1], b, volwassene=1, baby=1)
    bereik(l_moment, b, volwassene=1, kleuter=1)
    bereik(r_momenten[2], None, volwassene=1)

    PartnerFactory(soort="caw").werkingsgebied.set([a])
    Roltaak.objects.all().delete()  # the seeded checklist; this test brings its own
    Groeifase.objects.create(fase="potgrond", sinds=dt.date(2025, 1, 1), motivatie="Start")
    taken = [
        Roltaak.objects.create(fase="potgrond", rol="schepen", tekst=f"Taak {n}", volgorde=n)
        for n in (1, 2)
    ]
    evaluatie = Zelfevaluatie.objects.create(gemeente=a, jaar=2026, fase="potgrond")
    Afvinking.objects.create(zelfevaluatie=evaluatie, roltaak=taken[0], gedaan=True)
    Verwachting.objects.create(gemeente=a, jaar=2026, verwachting="Een antenne", ingelost="ja")
    return a, b


def cijfers(gebied):
    a, b = gebied
    uitkomst = rapport(periode=EERSTE_HELFT, op=OP)
    return uitkomst, uitkomst.voor(a), uitkomst.voor(b)


def test_inzet_toegezegd_geleverd_en_verhouding(gebied):
    uitkomst, a, b = cijfers(gebied)

    assert (a.inzet.uren_engagement, a.inzet.budget_engagement) == (1200, 24000)
    assert (a.inzet.uren_verwacht, a.inzet.uren_geleverd) == (Decimal("600.0"), Decimal("550.0"))
    assert round(a.inzet.verhouding, 3) == Decimal("0.917")
    assert (b.inzet.uren_verwacht, b.inzet.uren_geleverd) == (Decimal("300.0"), Decimal("180.0"))
    assert b.inzet.verhouding == Decimal("0.6")
    assert (uitkomst.gebied.uren_verwacht, uitkomst.gebied.uren_geleverd) == (900, 730)
    assert round(uitkomst.gebied.verhouding, 3) == Decimal("0.811")


def test_uren_per_maand_voor_de_lijn(gebied):
    uitkomst, a, _ = cijfers(gebied)

    assert a.uren_per_maand[:8] == [100, 100, 100, 100, 100, 50, 999, 0]
    assert uitkomst.gebied.uren_per_maand[0] == 130
    assert uitkomst.gebied.uren_per_maand[6] == 1998


def test_aanbod_in_en_beschikbaar_per_pijler_en_per_1000_kinderen(gebied):
    uitkomst, a, b = cijfers(gebied)

    assert (a.aanbod.momenten_in, b.aanbod.momenten_in) == (3, 1)
    assert (a.aanbod.momenten_beschikbaar, b.aanbod.momenten_beschikbaar) == (3, 4)
    assert a.aanbod.momenten_beschikbaar_per_1000_kinderen == 1.5
    assert b.aanbod.momenten_beschikbaar_per_1000_kinderen == 4.0
    assert b.aanbod.momenten_beschikbaar_per_pijler == {
        "gezondheid": 1,
        "opvoeding": 0,
        "ontmoeting": 3,
    }
    assert uitkomst.gebied.momenten_in == 4


def test_bereik_per_woonplaats_pijler_leeftijd_en_per_1000_kinderen(gebied):
    uitkomst, a, b = cijfers(gebied)

    assert (a.bereik.ingeschreven, b.bereik.ingeschreven) == (10, 4)
    assert (a.kinderen_bereikt, b.kinderen_bereikt) == (6, 2)
    assert (a.bereik_per_1000_kinderen, b.bereik_per_1000_kinderen) == (3.0, 2.0)
    assert b.bereik.per_pijler == {"ontmoeting": 2, "gezondheid": 2}
    assert b.bereik.per_leeftijdsgroep == {"volwassene": 2, "0-2": 1, "3-5": 1}
    assert (uitkomst.gebied.bereik, uitkomst.gebied.bereik_elders) == (14, 1)
    assert uitkomst.gebied.bereik_per_1000_kinderen == round(1000 * 8 / 3000, 1)


def test_billijkheid_toont_wie_minder_krijgt_dan_zijn_aandeel(gebied):
    _, a, b = cijfers(gebied)

    assert (a.aanbod.aandeel_kinderen, b.aanbod.aandeel_kinderen) == (66.7, 33.3)
    assert (a.aanbod.aandeel_kansarmoede, b.aanbod.aandeel_kansarmoede) == (33.3, 66.7)
    assert (a.aanbod.aandeel_momenten, b.aanbod.aandeel_momenten) == (75.0, 25.0)
    assert (a.aandeel_bereik, b.aandeel_bereik) == (71.4, 28.6)
    assert (a.aanbod.minder_dan_aandeel, a.minder_bereik_dan_aandeel) == (False, False)
    assert (b.aanbod.minder_dan_aandeel, b.minder_bereik_dan_aandeel) == (True, True)


def test_bestuur_signalen_en_blinde_vlekken(gebied):
    _, a, b = cijfers(gebied)

    assert {s.soort for s in b.signalen} == {"aanspreekpunt", "inzet"}
    assert a.signalen == []
    assert b.partners.ontbrekende_soorten == ("caw",)
    assert a.partners.ontbrekende_soorten == ()


def test_groeimodel_fase_rollenlijst_en_verwachtingen(gebied):
    uitkomst, a, b = cijfers(gebied)

    assert uitkomst.fase.fase == "potgrond"
    assert [(t.tekst, gedaan) for t, gedaan in a.groei.taken] == [
        ("Taak 1", True),
        ("Taak 2", False),
    ]
    assert (a.groei.taken_gedaan, a.groei.verwachtingen_ingelost) == (1, 1)
    assert (b.groei.zelfevaluatie, b.groei.taken, b.groei.verwachtingen) == (None, [], [])


def test_eigen_gemeente_eerst(gebied):
    a, b = gebied
    uitkomst = rapport(periode=EERSTE_HELFT, op=OP)

    assert [c.gemeente for c in uitkomst.eigen_eerst([b.pk])] == [b, a]
    assert [c.gemeente for c in uitkomst.eigen_eerst([])] == [b, a]  # by name: Beerse first
    assert [c.gemeente for c in uitkomst.anderen(a)] == [b]


def test_periode_standaard_is_dit_jaar_tot_vandaag():
    assert Periode.dit_jaar_tot_nu(OP) == Periode(dt.date(2026, 1, 1), OP)
    assert Periode.jaar(2025, OP) == Periode(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert Periode.jaar(2026, OP) == Periode(dt.date(2026, 1, 1), OP)


@pytest.mark.parametrize("aantal", [1, 3])
def test_aantal_queries_groeit_niet_met_de_gegevens(db, django_assert_num_queries, aantal):
    gemeenten = [
        GemeenteFactory(naam=f"G{n}", nis_code=code, slug=f"g{n}")
        for n, code in enumerate(["13040", "13004", "13017"][:aantal])
    ]
    for g in gemeenten:
        VisienotaFactory(gemeente=g)
        InzetFactory(gemeente=g)
        plek = LocatieFactory(gemeente=g)
        for _ in range(aantal):
            m = moment(ActiviteitFactory(locatie=plek), dt.date(2026, 3, 3))
            bereik(m, g, volwassene=2, baby=1)
        PartnerFactory().werkingsgebied.set([g])

    with django_assert_num_queries(27):
        uitkomst = rapport(periode=EERSTE_HELFT, op=OP)

    assert len(uitkomst.gemeenten) == aantal


def test_tieners_tellen_als_deelnemer_maar_niet_per_1000_kinderen_van_0_tot_12(gebied):
    a, _ = gebied
    r_moment = Bereikcijfer.objects.filter(woonplaats=a).first().moment
    bereik(r_moment, a, **{"12-17": 2})

    cijfers_a = rapport(periode=EERSTE_HELFT, op=OP).voor(a)

    assert cijfers_a.bereik.ingeschreven == 12
    assert cijfers_a.kinderen_bereikt == 6
    assert cijfers_a.bereik_per_1000_kinderen == 3.0

"""The spread of the offer per gemeente, on a small data set whose answers are worked out here."""

import datetime as dt
from decimal import Decimal

import pytest

from aanbod.selectors import spreiding_per_gemeente
from gemeenten.models import Gemeente
from hvk.herhaling import lokale_tijd
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory

DECEMBER = {"van": dt.date(2026, 12, 1), "tot": dt.date(2026, 12, 31)}
# One degree of latitude is 111.195 km on the mean Earth radius (6371.0088 km); the places
# below lie on one meridian so the distances can be read off: 0.05° = 5.6 km,
# 0.10° = 11.1 km, 0.15° = 16.7 km.
LENGTE = Decimal("4.900000")


def moment(activiteit, dag, *, locatie=None, geannuleerd=False):
    begin = lokale_tijd(dag, dt.time(9, 30))
    return MomentFactory(
        activiteit=activiteit,
        locatie=locatie,
        begin=begin,
        einde=begin + dt.timedelta(hours=2),
        geannuleerd=geannuleerd,
    )


@pytest.fixture
def gebied(db):
    """Three gemeenten: A the centre, B poorer, C small without a place of its own.

    children 0-12: A 3000, B 2000, C 1000 (total 6000)
    kansarmoede-index: A 10 %, B 30 %, C 10 % → weights 30000, 60000, 10000 (total 100000)
    centres on one meridian: A 51.30, B 51.15, C 51.20
    """
    a = GemeenteFactory(
        naam="Turnhout",
        nis_code="13040",
        slug="turnhout",
        kinderen_0_12=3000,
        kansarmoede_index="10.0",
        breedtegraad=Decimal("51.300000"),
        lengtegraad=LENGTE,
    )
    b = GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        kinderen_0_12=2000,
        kansarmoede_index="30.0",
        breedtegraad=Decimal("51.150000"),
        lengtegraad=LENGTE,
    )
    c = GemeenteFactory(
        naam="Vosselaar",
        nis_code="13046",
        slug="vosselaar",
        kinderen_0_12=1000,
        kansarmoede_index="10.0",
        breedtegraad=Decimal("51.200000"),
        lengtegraad=LENGTE,
    )
    plek_a = LocatieFactory(gemeente=a, breedtegraad=a.breedtegraad, lengtegraad=LENGTE)
    plek_b = LocatieFactory(gemeente=b, breedtegraad=b.breedtegraad, lengtegraad=LENGTE)

    # R1: regional meeting offer in A: four moments in December, one cancelled, one in January.
    r1 = ActiviteitFactory(pijler="ontmoeting", bereik="regionaal", locatie=plek_a)
    for dag in (2, 9, 16):
        moment(r1, dt.date(2026, 12, dag))
    moment(r1, dt.date(2026, 12, 23), geannuleerd=True)
    moment(r1, dt.date(2027, 1, 6))
    # L1: health offer in B, for B only: two moments.
    l1 = ActiviteitFactory(pijler="gezondheid", bereik="lokaal", locatie=plek_b, gemeenten=[b])
    moment(l1, dt.date(2026, 12, 3))
    moment(l1, dt.date(2026, 12, 17))
    # L2: parenting support for A and C, based in A but its one moment takes place in B.
    l2 = ActiviteitFactory(pijler="opvoeding", bereik="lokaal", locatie=plek_a, gemeenten=[a, c])
    moment(l2, dt.date(2026, 12, 10), locatie=plek_b)
    # D1: an ongoing regional meeting place in B, without moments.
    ActiviteitFactory(pijler="ontmoeting", bereik="regionaal", locatie=plek_b, doorlopend=True)
    # Unpublished offer counts nowhere.
    verborgen = ActiviteitFactory(bereik="regionaal", locatie=plek_a, gepubliceerd=False)
    for dag in range(1, 6):
        moment(verborgen, dt.date(2026, 12, dag))
    return a, b, c


def regels(spreiding):
    return {r.gemeente.naam: r for r in spreiding.regels}


def test_momenten_en_activiteiten_in_de_gemeente(gebied):
    # In A: R1's three moments. In B: L1's two and L2's one; activities L1, L2 and D1.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert (r["Turnhout"].momenten_in, r["Turnhout"].activiteiten_in) == (3, 1)
    assert (r["Beerse"].momenten_in, r["Beerse"].activiteiten_in) == (3, 3)
    assert (r["Vosselaar"].momenten_in, r["Vosselaar"].activiteiten_in) == (0, 0)


def test_beschikbaar_telt_regionaal_en_lokaal_voor_de_gemeente(gebied):
    # A: R1 (3) + L2 (1) = 4 moments; R1, L2, D1. B: R1 (3) + L1 (2) = 5; R1, L1, D1.
    # C: R1 (3) + L2 (1) = 4; R1, L2, D1.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert (r["Turnhout"].momenten_beschikbaar, r["Turnhout"].activiteiten_beschikbaar) == (4, 3)
    assert (r["Beerse"].momenten_beschikbaar, r["Beerse"].activiteiten_beschikbaar) == (5, 3)
    assert (r["Vosselaar"].momenten_beschikbaar, r["Vosselaar"].activiteiten_beschikbaar) == (
        4,
        3,
    )


def test_per_pijler(gebied):
    # In A: R1's 3 meeting moments. In B: L1's 2 health and L2's 1 parenting moments.
    # Available to A and C: R1 (3 meeting) and L2 (1 parenting); to B: R1 and L1 (2 health).
    # Activities available: meeting R1 and D1 everywhere; L2 for A and C; L1 for B.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert r["Turnhout"].momenten_in_per_pijler == {
        "gezondheid": 0,
        "opvoeding": 0,
        "ontmoeting": 3,
    }
    assert r["Beerse"].momenten_in_per_pijler == {"gezondheid": 2, "opvoeding": 1, "ontmoeting": 0}
    assert r["Vosselaar"].momenten_beschikbaar_per_pijler == {
        "gezondheid": 0,
        "opvoeding": 1,
        "ontmoeting": 3,
    }
    assert r["Beerse"].momenten_beschikbaar_per_pijler == {
        "gezondheid": 2,
        "opvoeding": 0,
        "ontmoeting": 3,
    }
    assert r["Turnhout"].activiteiten_beschikbaar_per_pijler == {
        "gezondheid": 0,
        "opvoeding": 1,
        "ontmoeting": 2,
    }
    assert r["Beerse"].activiteiten_beschikbaar_per_pijler == {
        "gezondheid": 1,
        "opvoeding": 0,
        "ontmoeting": 2,
    }


def test_per_1000_kinderen(gebied):
    # A: 3 / 3000 → 1.0 in, 4 / 3000 → 1.3 available; B: 3 / 2000 → 1.5, 5 / 2000 → 2.5;
    # C: 0 and 4 / 1000 → 4.0.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert r["Turnhout"].momenten_in_per_1000_kinderen == 1.0
    assert r["Turnhout"].momenten_beschikbaar_per_1000_kinderen == 1.3
    assert r["Beerse"].momenten_in_per_1000_kinderen == 1.5
    assert r["Beerse"].momenten_beschikbaar_per_1000_kinderen == 2.5
    assert r["Vosselaar"].momenten_in_per_1000_kinderen == 0.0
    assert r["Vosselaar"].momenten_beschikbaar_per_1000_kinderen == 4.0


def test_activiteiten_per_1000_kinderen(gebied):
    # Activities in: A 1 (R1), B 3 (L1, L2, D1), C 0; available: 3 everywhere.
    # A: 1 / 3000 → 0.3 in, 3 / 3000 → 1.0 available; B: 3 / 2000 → 1.5 and 1.5;
    # C: 0 in and 3 / 1000 → 3.0 available.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert [
        (r[n].activiteiten_in_per_1000_kinderen, r[n].activiteiten_beschikbaar_per_1000_kinderen)
        for n in ("Turnhout", "Beerse", "Vosselaar")
    ] == [(0.3, 1.0), (1.5, 1.5), (0.0, 3.0)]


def test_zonder_kinderen_geen_cijfer_per_1000(gebied):
    _, _, c = gebied
    c.kinderen_0_3 = c.kinderen_0_12 = 0
    c.save()

    vosselaar = regels(spreiding_per_gemeente(**DECEMBER))["Vosselaar"]

    assert vosselaar.activiteiten_beschikbaar == 3
    assert vosselaar.activiteiten_beschikbaar_per_1000_kinderen is None
    assert vosselaar.momenten_beschikbaar_per_1000_kinderen is None


def test_aandelen_naast_elkaar(gebied):
    # children 3000/2000/1000 of 6000; poverty 30000/60000/10000 of 100000;
    # moments in the gemeente 3/3/0 of 6.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert [r[n].aandeel_kinderen for n in ("Turnhout", "Beerse", "Vosselaar")] == [
        50.0,
        33.3,
        16.7,
    ]
    assert [r[n].aandeel_kansarmoede for n in ("Turnhout", "Beerse", "Vosselaar")] == [
        30.0,
        60.0,
        10.0,
    ]
    assert [r[n].aandeel_momenten for n in ("Turnhout", "Beerse", "Vosselaar")] == [
        50.0,
        50.0,
        0.0,
    ]


def test_wie_minder_krijgt_dan_zijn_aandeel(gebied):
    # A gets 50 % of the moments for 50 % of the children and 30 % of the poverty: fine.
    # B gets 50 % for 33.3 % of the children but 60 % of the poverty: below one measure.
    # C gets nothing for 16.7 % of the children and 10 % of the poverty: below both.
    r = regels(spreiding_per_gemeente(**DECEMBER))
    vlaggen = {
        naam: (
            regel.minder_dan_aandeel_kinderen,
            regel.minder_dan_aandeel_kansarmoede,
            regel.minder_dan_aandeel,
        )
        for naam, regel in r.items()
    }

    assert vlaggen == {
        "Turnhout": (False, False, False),
        "Beerse": (False, True, False),
        "Vosselaar": (True, True, True),
    }


def test_afstand_tot_het_dichtste_aanbod_per_pijler(gebied):
    # ontmoeting: R1 in A and D1 in B serve everyone: A 0, B 0, C min(11.1, 5.6) = 5.6.
    # gezondheid: only L1 in B, for B only: A none, B 0, C none.
    # opvoeding: L2's moment in B, for A and C: A 16.7, B none, C 5.6.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert r["Turnhout"].afstand_km == {"ontmoeting": 0.0, "gezondheid": None, "opvoeding": 16.7}
    assert r["Beerse"].afstand_km == {"ontmoeting": 0.0, "gezondheid": 0.0, "opvoeding": None}
    assert r["Vosselaar"].afstand_km == {
        "ontmoeting": 5.6,
        "gezondheid": None,
        "opvoeding": 5.6,
    }


def test_gemeente_van_het_dichtste_aanbod_per_pijler(gebied):
    # ontmoeting: A and B have their own; for C, D1 in B (5.6 km) is nearer than R1 in A.
    # gezondheid: only B has any. opvoeding: L2's moment in B is the nearest for A and C.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    def namen(regel):
        return {p: g.naam if g else None for p, g in regel.dichtstbij_in.items()}

    assert namen(r["Turnhout"]) == {
        "ontmoeting": "Turnhout",
        "gezondheid": None,
        "opvoeding": "Beerse",
    }
    assert namen(r["Beerse"]) == {"ontmoeting": "Beerse", "gezondheid": "Beerse", "opvoeding": None}
    assert namen(r["Vosselaar"]) == {
        "ontmoeting": "Beerse",
        "gezondheid": None,
        "opvoeding": "Beerse",
    }


def test_aanbod_in_de_gemeente_zelf_per_pijler(gebied):
    # A: R1 meets in A; L2 is based in A but its only moment is in B. B: D1 (ongoing) and L1;
    # L2's moment in B is not for B. C has no place of its own.
    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert r["Turnhout"].in_de_gemeente_zelf == {
        "ontmoeting": True,
        "gezondheid": False,
        "opvoeding": False,
    }
    assert r["Beerse"].in_de_gemeente_zelf == {
        "ontmoeting": True,
        "gezondheid": True,
        "opvoeding": False,
    }
    assert set(r["Vosselaar"].in_de_gemeente_zelf.values()) == {False}


def test_periode_begrenst_de_momenten(gebied):
    # Only R1's January moment falls in January; the ongoing D1 is there whatever the period.
    r = regels(spreiding_per_gemeente(van=dt.date(2027, 1, 1), tot=dt.date(2027, 1, 31)))

    assert r["Turnhout"].momenten_in == 1
    assert r["Beerse"].momenten_in == 0
    assert r["Beerse"].activiteiten_in == 1


def test_zonder_kansarmoede_index_geen_aandeel_kansarmoede(gebied):
    _, b, _ = gebied
    b.kansarmoede_index = None
    b.kansarmoede_jaar = None
    b.save()

    spreiding = spreiding_per_gemeente(**DECEMBER)

    assert not spreiding.kansarmoede_volledig
    assert all(r.aandeel_kansarmoede is None for r in spreiding.regels)


def test_zonder_centrum_geen_afstand(gebied):
    a, _, _ = gebied
    a.breedtegraad = a.lengtegraad = None
    a.save()

    r = regels(spreiding_per_gemeente(**DECEMBER))

    assert set(r["Turnhout"].afstand_km.values()) == {None}


def aanbod_maken(aantal):
    gemeente = GemeenteFactory(naam="Kasterlee", nis_code="13017", slug="kasterlee")
    plek = LocatieFactory(gemeente=gemeente)
    for i in range(aantal):
        lokaal = ActiviteitFactory(bereik="lokaal", locatie=plek, gemeenten=[gemeente])
        moment(lokaal, dt.date(2026, 12, 1 + i))
        moment(ActiviteitFactory(locatie=plek), dt.date(2026, 12, 10 + i), locatie=plek)
        ActiviteitFactory(locatie=plek, doorlopend=True)


@pytest.mark.parametrize("aantal", [1, 3])
def test_aantal_queries_groeit_niet_met_het_aanbod(db, django_assert_num_queries, aantal):
    aanbod_maken(aantal)

    with django_assert_num_queries(4):
        spreiding_per_gemeente(**DECEMBER)


def test_met_de_gemeenten_al_geladen_hetzelfde_antwoord(gebied):
    gemeenten = sorted(gebied, key=lambda g: g.naam)

    zelf = spreiding_per_gemeente(**DECEMBER)
    meegegeven = spreiding_per_gemeente(**DECEMBER, gemeenten=gemeenten)

    assert meegegeven == zelf


@pytest.mark.parametrize("aantal", [1, 3])
def test_met_de_gemeenten_al_geladen_een_query_minder(db, django_assert_num_queries, aantal):
    aanbod_maken(aantal)
    gemeenten = list(Gemeente.objects.order_by("naam"))

    with django_assert_num_queries(3):
        spreiding_per_gemeente(**DECEMBER, gemeenten=gemeenten)

"""Opening hours as a resident reads them: open now, next opening, this week.

Calendar used below: Monday 30 November 2026, Friday 4 and 25 December 2026, Monday 28
December 2026. In winter Belgium is UTC+1; from Sunday 29 March to Sunday 25 October 2026
it is UTC+2.
"""

import datetime as dt

import pytest
from django.utils import timezone

from hvk.herhaling import lokale_tijd
from locaties.models import Locatie
from tests.factories import LocatieFactory, OpeningsuurFactory, UitzonderingFactory

MAANDAG, WOENSDAG, VRIJDAG, ZATERDAG = 0, 2, 4, 5

pytestmark = pytest.mark.django_db


def lokaal(jaar, maand, dag, uur, minuut=0) -> dt.datetime:
    return lokale_tijd(dt.date(jaar, maand, dag), dt.time(uur, minuut))


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def uren(slots) -> list[tuple[str, str]]:
    """Slots as a resident reads them: [("09:00", "12:00"), …] in local time."""
    return [
        (f"{timezone.localtime(s.begin):%H:%M}", f"{timezone.localtime(s.einde):%H:%M}")
        for s in slots
    ]


def schema(locatie):
    return Locatie.objects.met_openingsuren().get(pk=locatie.pk).openingsschema()


@pytest.fixture
def huis():
    """Monday 9-12 and 13:30-16:30, Wednesday 9-12 (walk-in), Friday 9-12.

    The afternoon slot is saved first, so a day's slots must be put in order by the schedule.
    """
    huis = LocatieFactory()
    OpeningsuurFactory(locatie=huis, weekdag=MAANDAG, begin=dt.time(13, 30), einde=dt.time(16, 30))
    OpeningsuurFactory(locatie=huis, weekdag=MAANDAG, begin=dt.time(9), einde=dt.time(12))
    OpeningsuurFactory(locatie=huis, weekdag=WOENSDAG, vrije_inloop=True)
    OpeningsuurFactory(locatie=huis, weekdag=VRIJDAG)
    return huis


def test_open_tijdens_een_slot(huis):
    status = schema(huis).status(op=lokaal(2026, 11, 30, 10))
    assert status.open
    assert uren([status.huidig]) == [("09:00", "12:00")]


def test_gesloten_tussen_twee_slots_met_de_namiddag_als_volgende(huis):
    status = schema(huis).status(op=lokaal(2026, 11, 30, 12, 30))
    assert not status.open
    assert status.volgende.begin == lokaal(2026, 11, 30, 13, 30)


def test_einde_van_een_slot_is_gesloten(huis):
    assert not schema(huis).is_open_op(lokaal(2026, 11, 30, 12))


def test_open_geeft_het_volgende_slot_na_het_huidige(huis):
    # Open in the morning: the next opening is the afternoon slot of the same day.
    status = schema(huis).status(op=lokaal(2026, 11, 30, 10))
    assert status.volgende.begin == lokaal(2026, 11, 30, 13, 30)


def test_volgende_opening_slaat_een_gesloten_dag_over(huis):
    # Monday after closing time; Tuesday has no hours, so Wednesday 2 December 9:00.
    volgende = schema(huis).volgende_opening(na=lokaal(2026, 11, 30, 17))
    assert volgende.begin == lokaal(2026, 12, 2, 9)


def test_volgende_opening_slaat_het_weekend_over(huis):
    # Friday 4 December afternoon: the weekend is closed, so Monday 7 December 9:00.
    volgende = schema(huis).volgende_opening(na=lokaal(2026, 12, 4, 13))
    assert volgende.begin == lokaal(2026, 12, 7, 9)


def test_feestdag_is_gesloten(huis):
    UitzonderingFactory(locatie=huis, van=dt.date(2026, 12, 25), omschrijving="Kerstmis")
    # Friday 25 December at 10:00 would be inside the Friday 9-12 slot.
    assert not schema(huis).status(op=lokaal(2026, 12, 25, 10)).open


def test_volgende_opening_slaat_een_feestdag_over(huis):
    UitzonderingFactory(locatie=huis, van=dt.date(2026, 12, 25), omschrijving="Kerstmis")
    # From Wednesday 23 December afternoon: not Friday 25 (closed) but Monday 28, 9:00.
    volgende = schema(huis).volgende_opening(na=lokaal(2026, 12, 23, 13))
    assert volgende.begin == lokaal(2026, 12, 28, 9)


def test_extra_opening_in_een_vakantiesluiting_is_het_enige_slot_van_die_week(huis):
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 21),
        tot=dt.date(2027, 1, 3),
        omschrijving="Kerstvakantie",
    )
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 28),
        begin=dt.time(10),
        einde=dt.time(12),
        omschrijving="Extra opening",
    )
    week = schema(huis).week(dt.date(2026, 12, 28))
    assert [(d.datum, uren(d.slots)) for d in week] == [
        (dt.date(2026, 12, 28), [("10:00", "12:00")]),
        (dt.date(2026, 12, 29), []),
        (dt.date(2026, 12, 30), []),
        (dt.date(2026, 12, 31), []),
        (dt.date(2027, 1, 1), []),
        (dt.date(2027, 1, 2), []),
        (dt.date(2027, 1, 3), []),
    ]


def test_week_noemt_de_uitzondering_bij_elke_dag(huis):
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 21),
        tot=dt.date(2027, 1, 3),
        omschrijving="Kerstvakantie",
    )
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 28),
        begin=dt.time(10),
        einde=dt.time(12),
        omschrijving="Extra opening",
    )
    week = schema(huis).week(dt.date(2026, 12, 28))
    assert [d.uitzondering for d in week] == ["Extra opening"] + ["Kerstvakantie"] * 6


def test_week_zonder_uitzonderingen_volgt_het_weekschema(huis):
    week = schema(huis).week(dt.date(2026, 11, 30))
    assert [uren(d.slots) for d in week] == [
        [("09:00", "12:00"), ("13:30", "16:30")],
        [],
        [("09:00", "12:00")],
        [],
        [("09:00", "12:00")],
        [],
        [],
    ]


def test_kortere_uren_vervangen_de_slots_van_die_dag(huis):
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 7),
        begin=dt.time(9),
        einde=dt.time(11),
        omschrijving="Teamdag in de namiddag",
    )
    assert uren(schema(huis).slots_op(dt.date(2026, 12, 7))) == [("09:00", "11:00")]


def test_kortere_uren_sluiten_na_het_nieuwe_einde(huis):
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 7),
        begin=dt.time(9),
        einde=dt.time(11),
        omschrijving="Teamdag",
    )
    assert not schema(huis).is_open_op(lokaal(2026, 12, 7, 11, 30))


def test_vrije_inloop_alleen_op_de_gemarkeerde_slots(huis):
    # Wednesday 2 December has a walk-in slot; Monday 30 November has none.
    open_huis = schema(huis)
    assert uren(open_huis.vrije_inloop_op(dt.date(2026, 12, 2))) == [("09:00", "12:00")]
    assert open_huis.vrije_inloop_op(dt.date(2026, 11, 30)) == []


def test_plek_zonder_uren_heeft_geen_volgende_opening():
    zonder_uren = LocatieFactory()
    assert schema(zonder_uren).volgende_opening(na=lokaal(2026, 11, 30, 10)) is None


def test_plek_zonder_uren_is_gesloten_zonder_volgende():
    status = schema(LocatieFactory()).status(op=lokaal(2026, 11, 30, 10))
    assert (status.open, status.volgende) == (False, None)


# --- Daylight saving ------------------------------------------------------------------------


@pytest.fixture
def weekend_en_maandag():
    """Saturday 9-12 and Monday 9-12."""
    huis = LocatieFactory()
    OpeningsuurFactory(locatie=huis, weekdag=ZATERDAG)
    OpeningsuurFactory(locatie=huis, weekdag=MAANDAG)
    return huis


@pytest.mark.parametrize(
    ("op", "open_"),
    [
        # Saturday 28 March, still UTC+1: 07:30 UTC is 08:30 local, 08:30 UTC is 09:30.
        (utc(2026, 3, 28, 7, 30), False),
        (utc(2026, 3, 28, 8, 30), True),
        # Monday 30 March, now UTC+2: 06:30 UTC is 08:30 local, 07:30 UTC is 09:30.
        (utc(2026, 3, 30, 6, 30), False),
        (utc(2026, 3, 30, 7, 30), True),
        # Monday 30 March 10:30 UTC is 12:30 local: closed, although 11:30 UTC+1 would be open.
        (utc(2026, 3, 30, 10, 30), False),
        # Saturday 24 October, still UTC+2: 07:30 UTC is 09:30 local.
        (utc(2026, 10, 24, 7, 30), True),
        # Monday 26 October, back to UTC+1: 07:30 UTC is 08:30 local, 08:30 UTC is 09:30.
        (utc(2026, 10, 26, 7, 30), False),
        (utc(2026, 10, 26, 8, 30), True),
    ],
)
def test_open_op_het_juiste_uur_rond_de_uurwissel(weekend_en_maandag, op, open_):
    assert schema(weekend_en_maandag).is_open_op(op) is open_


def test_volgende_opening_na_zaterdagavond_voor_het_zomeruur(weekend_en_maandag):
    # Saturday 28 March 20:00 local (19:00 UTC) → Monday 30 March 9:00 local = 07:00 UTC.
    volgende = schema(weekend_en_maandag).volgende_opening(na=utc(2026, 3, 28, 19))
    assert volgende.begin == utc(2026, 3, 30, 7)


def test_volgende_opening_na_zaterdagavond_voor_het_winteruur(weekend_en_maandag):
    # Saturday 24 October 20:00 local (18:00 UTC) → Monday 26 October 9:00 local = 08:00 UTC.
    volgende = schema(weekend_en_maandag).volgende_opening(na=utc(2026, 10, 24, 18))
    assert volgende.begin == utc(2026, 10, 26, 8)


# --- Query count -----------------------------------------------------------------------------


@pytest.mark.parametrize("aantal", [1, 3])
def test_status_van_een_lijst_plekken_kost_vaste_queries(django_assert_num_queries, aantal):
    for _ in range(aantal):
        plek = LocatieFactory()
        OpeningsuurFactory(locatie=plek, weekdag=MAANDAG, begin=dt.time(13), einde=dt.time(17))
        OpeningsuurFactory(locatie=plek, weekdag=MAANDAG)
        UitzonderingFactory(locatie=plek)
    # One query for the places, one for the weekly hours, one for the exceptions.
    with django_assert_num_queries(3):
        statussen = [
            p.openingsschema().status(op=lokaal(2026, 11, 30, 10))
            for p in Locatie.objects.met_openingsuren()
        ]
    assert [s.open for s in statussen] == [True] * aantal

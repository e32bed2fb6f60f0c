"""Recurring rules: which dates they give, how they read, and how they expand into moments.

The dates below are read off the 2026 calendar: 1 January 2026 is a Thursday. Belgium moves
to summer time on Sunday 29 March 2026 (UTC+1 → UTC+2) and back on Sunday 25 October 2026.
"""

import datetime as dt
from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aanbod.models import Inschrijving, Moment, Reeks
from aanbod.services import momenten_uitrollen
from hvk.herhaling import lokale_tijd
from tests.factories import InschrijvingFactory, LocatieFactory, ReeksFactory

WOENSDAG, DINSDAG, VRIJDAG, ZATERDAG, ZONDAG, MAANDAG = 2, 1, 4, 5, 6, 0


def regel(**velden) -> Reeks:
    """An unsaved rule: every Wednesday 9:30-11:00 from Thursday 1 January 2026."""
    waarden = {
        "frequentie": Reeks.Frequentie.WEKELIJKS,
        "interval": 1,
        "weekdag": WOENSDAG,
        "begintijd": dt.time(9, 30),
        "eindtijd": dt.time(11),
        "geldig_van": dt.date(2026, 1, 1),
    } | velden
    return Reeks(**waarden)


def utc(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def met_nu(moment: dt.datetime):
    """Make ``timezone.now()`` (and so ``localdate()``) return ``moment``."""
    return patch("django.utils.timezone.now", return_value=moment)


def uitrollen(reeks, *, nu, tot):
    with met_nu(nu):
        return momenten_uitrollen(reeksen=[reeks], tot=tot)


def lokale_begin(reeks) -> dict[dt.date, dt.datetime]:
    """The moments of ``reeks`` as {date by the rule: local start}."""
    return {
        m.oorspronkelijke_datum: timezone.localtime(m.begin).replace(tzinfo=None)
        for m in Moment.objects.filter(reeks=reeks)
    }


def foutmeldingen(reeks) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as fout:
        reeks.clean()
    return fout.value.message_dict


# --- Dates -----------------------------------------------------------------------------------


def test_wekelijkse_regel_geeft_elke_woensdag():
    # January 2026: Wednesdays 7, 14, 21, 28.
    assert regel().datums(dt.date(2026, 1, 1), dt.date(2026, 1, 31)) == [
        dt.date(2026, 1, 7),
        dt.date(2026, 1, 14),
        dt.date(2026, 1, 21),
        dt.date(2026, 1, 28),
    ]


def test_om_de_twee_weken_telt_vanaf_de_eerste_woensdag_na_de_start():
    # The first Wednesday on or after Thursday 1 January is 7 January; then every 14 days.
    assert regel(interval=2).datums(dt.date(2026, 1, 1), dt.date(2026, 2, 28)) == [
        dt.date(2026, 1, 7),
        dt.date(2026, 1, 21),
        dt.date(2026, 2, 4),
        dt.date(2026, 2, 18),
    ]


def test_om_de_twee_weken_houdt_het_ritme_als_van_later_valt():
    # Asking from 10 January must not restart the count on 14 January: 21 Jan, 4 Feb.
    assert regel(interval=2).datums(dt.date(2026, 1, 10), dt.date(2026, 2, 10)) == [
        dt.date(2026, 1, 21),
        dt.date(2026, 2, 4),
    ]


def test_maandelijks_tweede_dinsdag():
    # Tuesdays: January 6, 13 · February 3, 10 · March 3, 10 · April 7, 14.
    tweede_dinsdag = regel(
        frequentie=Reeks.Frequentie.MAANDELIJKS, weekdag=DINSDAG, week_van_de_maand=2
    )
    assert tweede_dinsdag.datums(dt.date(2026, 1, 1), dt.date(2026, 4, 30)) == [
        dt.date(2026, 1, 13),
        dt.date(2026, 2, 10),
        dt.date(2026, 3, 10),
        dt.date(2026, 4, 14),
    ]


def test_maandelijks_laatste_vrijdag():
    # Last Fridays: 30 January, 27 February, 27 March, 24 April.
    laatste_vrijdag = regel(
        frequentie=Reeks.Frequentie.MAANDELIJKS, weekdag=VRIJDAG, week_van_de_maand=-1
    )
    assert laatste_vrijdag.datums(dt.date(2026, 1, 1), dt.date(2026, 4, 30)) == [
        dt.date(2026, 1, 30),
        dt.date(2026, 2, 27),
        dt.date(2026, 3, 27),
        dt.date(2026, 4, 24),
    ]


def test_maandelijks_begint_niet_voor_geldig_van_in_dezelfde_maand():
    # Valid from 20 January: the second Tuesday of January (13th) has passed; next is 10 Feb.
    tweede_dinsdag = regel(
        frequentie=Reeks.Frequentie.MAANDELIJKS,
        weekdag=DINSDAG,
        week_van_de_maand=2,
        geldig_van=dt.date(2026, 1, 20),
    )
    assert tweede_dinsdag.datums(dt.date(2026, 1, 1), dt.date(2026, 2, 28)) == [
        dt.date(2026, 2, 10)
    ]


def test_geldig_tot_is_de_laatste_dag_inbegrepen():
    # Until Wednesday 21 January included: 7, 14 and 21, not 28.
    assert regel(geldig_tot=dt.date(2026, 1, 21)).datums(
        dt.date(2026, 1, 1), dt.date(2026, 1, 31)
    ) == [dt.date(2026, 1, 7), dt.date(2026, 1, 14), dt.date(2026, 1, 21)]


def test_van_na_geldig_van_geeft_alleen_de_latere_datums():
    assert regel().datums(dt.date(2026, 1, 15), dt.date(2026, 1, 31)) == [
        dt.date(2026, 1, 21),
        dt.date(2026, 1, 28),
    ]


def test_periode_na_geldig_tot_geeft_geen_datums():
    assert (
        regel(geldig_tot=dt.date(2026, 1, 31)).datums(dt.date(2026, 2, 1), dt.date(2026, 2, 28))
        == []
    )


# --- Validation ------------------------------------------------------------------------------


def test_geldige_regel_heeft_geen_fouten():
    regel().clean()


def test_einde_voor_begin_wordt_geweigerd():
    fouten = foutmeldingen(regel(begintijd=dt.time(11), eindtijd=dt.time(9, 30)))
    assert fouten == {"eindtijd": ["Het einde moet na het begin liggen."]}


def test_maandelijks_zonder_week_van_de_maand_wordt_geweigerd():
    fouten = foutmeldingen(regel(frequentie=Reeks.Frequentie.MAANDELIJKS))
    assert fouten == {"week_van_de_maand": ["Kies welke week van de maand, bv. de tweede dinsdag."]}


def test_wekelijks_met_week_van_de_maand_wordt_geweigerd():
    fouten = foutmeldingen(regel(week_van_de_maand=2))
    assert fouten == {
        "week_van_de_maand": ["Een week van de maand hoort alleen bij een maandelijkse herhaling."]
    }


def test_geldig_tot_voor_geldig_van_wordt_geweigerd():
    fouten = foutmeldingen(regel(geldig_tot=dt.date(2025, 12, 31)))
    assert fouten == {"geldig_tot": ["De einddatum ligt vóór de begindatum."]}


# --- Description -----------------------------------------------------------------------------

# Times are joined by an en dash, as in print.
TIJDEN = "09:30\N{EN DASH}11:00"


@pytest.mark.parametrize(
    ("velden", "tekst"),
    [
        ({}, f"elke woensdag, {TIJDEN}"),
        ({"interval": 2}, f"om de 2 weken op woensdag, {TIJDEN}"),
        (
            {"frequentie": "maandelijks", "weekdag": DINSDAG, "week_van_de_maand": 2},
            f"elke tweede dinsdag van de maand, {TIJDEN}",
        ),
        (
            {"frequentie": "maandelijks", "weekdag": VRIJDAG, "week_van_de_maand": -1},
            f"elke laatste vrijdag van de maand, {TIJDEN}",
        ),
        (
            {
                "frequentie": "maandelijks",
                "interval": 3,
                "weekdag": DINSDAG,
                "week_van_de_maand": 1,
            },
            f"de eerste dinsdag, om de 3 maanden, {TIJDEN}",
        ),
    ],
)
def test_omschrijving_leest_als_zin(velden, tekst):
    assert regel(**velden).omschrijving == tekst


# --- Expansion across daylight-saving changes ------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("weekdag", "verwacht"),
    [
        # From Tuesday 17 March up to Monday 6 April.
        # Before 29 March 9:30 local is 08:30 UTC (UTC+1); from 29 March on it is 07:30 UTC.
        (ZATERDAG, [utc(2026, 3, 21, 8, 30), utc(2026, 3, 28, 8, 30), utc(2026, 4, 4, 7, 30)]),
        (ZONDAG, [utc(2026, 3, 22, 8, 30), utc(2026, 3, 29, 7, 30), utc(2026, 4, 5, 7, 30)]),
        (MAANDAG, [utc(2026, 3, 23, 8, 30), utc(2026, 3, 30, 7, 30), utc(2026, 4, 6, 7, 30)]),
    ],
)
def test_momenten_blijven_om_half_tien_rond_het_zomeruur(weekdag, verwacht):
    reeks = ReeksFactory(weekdag=weekdag, geldig_van=dt.date(2026, 3, 17))
    uitrollen(reeks, nu=utc(2026, 3, 17, 6), tot=dt.date(2026, 4, 6))
    assert list(Moment.objects.filter(reeks=reeks).values_list("begin", flat=True)) == verwacht


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("weekdag", "verwacht"),
    [
        # From Tuesday 13 October up to Monday 2 November.
        # Until 25 October 9:30 local is 07:30 UTC (UTC+2); from 25 October on 08:30 UTC.
        (ZATERDAG, [utc(2026, 10, 17, 7, 30), utc(2026, 10, 24, 7, 30), utc(2026, 10, 31, 8, 30)]),
        (ZONDAG, [utc(2026, 10, 18, 7, 30), utc(2026, 10, 25, 8, 30), utc(2026, 11, 1, 8, 30)]),
        (MAANDAG, [utc(2026, 10, 19, 7, 30), utc(2026, 10, 26, 8, 30), utc(2026, 11, 2, 8, 30)]),
    ],
)
def test_momenten_blijven_om_half_tien_rond_het_winteruur(weekdag, verwacht):
    reeks = ReeksFactory(weekdag=weekdag, geldig_van=dt.date(2026, 10, 13))
    uitrollen(reeks, nu=utc(2026, 10, 13, 6), tot=dt.date(2026, 11, 2))
    assert list(Moment.objects.filter(reeks=reeks).values_list("begin", flat=True)) == verwacht


@pytest.mark.django_db
def test_moment_rond_het_zomeruur_duurt_anderhalf_uur():
    # 9:30-11:00 on Sunday 29 March: 07:30-09:00 UTC, not shifted by the changed offset.
    reeks = ReeksFactory(weekdag=ZONDAG, geldig_van=dt.date(2026, 3, 29))
    uitrollen(reeks, nu=utc(2026, 3, 28, 12), tot=dt.date(2026, 3, 29))
    moment = Moment.objects.get(reeks=reeks)
    assert (moment.begin, moment.einde) == (utc(2026, 3, 29, 7, 30), utc(2026, 3, 29, 9))


# --- Expanding again -------------------------------------------------------------------------

# "Now" is Tuesday 24 November 2026; the Wednesdays up to 30 December are
# 25 November and 2, 9, 16, 23 and 30 December.
NU = utc(2026, 11, 24, 11)
HORIZON = dt.date(2026, 12, 31)
WOENSDAGEN = [
    dt.date(2026, 11, 25),
    dt.date(2026, 12, 2),
    dt.date(2026, 12, 9),
    dt.date(2026, 12, 16),
    dt.date(2026, 12, 23),
    dt.date(2026, 12, 30),
]


@pytest.fixture
def reeks(db):
    reeks = ReeksFactory(weekdag=WOENSDAG, geldig_van=dt.date(2026, 11, 1))
    uitrollen(reeks, nu=NU, tot=HORIZON)
    return reeks


def moment_op(reeks, dag) -> Moment:
    return Moment.objects.get(reeks=reeks, oorspronkelijke_datum=dag)


def test_uitrollen_maakt_een_moment_per_datum_vanaf_vandaag(reeks):
    assert sorted(lokale_begin(reeks)) == WOENSDAGEN


def test_opnieuw_uitrollen_maakt_niets_bij(reeks):
    assert uitrollen(reeks, nu=NU, tot=HORIZON) == (0, 0, 0)
    assert Moment.objects.filter(reeks=reeks).count() == 6


def test_verplaatst_moment_houdt_zijn_nieuwe_tijd_na_opnieuw_uitrollen(reeks):
    # Wednesday 2 December moved by hand to Thursday 3 December at 14:00.
    moment = moment_op(reeks, dt.date(2026, 12, 2))
    moment.begin = lokale_tijd(dt.date(2026, 12, 3), dt.time(14))
    moment.einde = lokale_tijd(dt.date(2026, 12, 3), dt.time(15, 30))
    moment.save()

    uitrollen(reeks, nu=NU, tot=HORIZON)

    assert lokale_begin(reeks)[dt.date(2026, 12, 2)] == dt.datetime(2026, 12, 3, 14)


def test_verplaatst_moment_krijgt_geen_dubbel_op_de_oude_datum(reeks):
    moment = moment_op(reeks, dt.date(2026, 12, 2))
    moment.begin = lokale_tijd(dt.date(2026, 12, 3), dt.time(14))
    moment.einde = lokale_tijd(dt.date(2026, 12, 3), dt.time(15, 30))
    moment.save()

    uitrollen(reeks, nu=NU, tot=HORIZON)

    op_2_december = Moment.objects.filter(
        reeks=reeks,
        begin__gte=lokale_tijd(dt.date(2026, 12, 2), dt.time()),
        begin__lt=lokale_tijd(dt.date(2026, 12, 3), dt.time()),
    )
    assert not op_2_december.exists()
    assert Moment.objects.filter(reeks=reeks).count() == 6


def test_geannuleerd_moment_blijft_geannuleerd_na_opnieuw_uitrollen(reeks):
    moment = moment_op(reeks, dt.date(2026, 12, 9))
    moment.geannuleerd = True
    moment.save()

    uitrollen(reeks, nu=NU, tot=HORIZON)

    op_9_december = Moment.objects.filter(reeks=reeks, oorspronkelijke_datum=dt.date(2026, 12, 9))
    assert list(op_9_december.values_list("geannuleerd", flat=True)) == [True]


def test_geannuleerd_moment_blijft_staan_als_de_regel_de_datum_laat_vallen(reeks):
    moment = moment_op(reeks, dt.date(2026, 12, 16))
    moment.geannuleerd = True
    moment.save(update_fields=["geannuleerd"])
    reeks.geldig_tot = dt.date(2026, 12, 10)
    reeks.save()

    uitrollen(reeks, nu=NU, tot=HORIZON)

    assert Moment.objects.filter(pk=moment.pk, geannuleerd=True).exists()


def test_andere_uren_verplaatsen_de_onveranderde_komende_momenten(reeks):
    reeks.begintijd, reeks.eindtijd = dt.time(10), dt.time(11, 30)
    reeks.save()

    gemaakt, bijgewerkt, gewist = uitrollen(reeks, nu=NU, tot=HORIZON)

    assert (gemaakt, bijgewerkt, gewist) == (0, 6, 0)
    assert lokale_begin(reeks) == {dag: dt.datetime.combine(dag, dt.time(10)) for dag in WOENSDAGEN}


def test_andere_uren_laten_een_verplaatst_moment_staan(reeks):
    moment = moment_op(reeks, dt.date(2026, 12, 2))
    moment.begin = lokale_tijd(dt.date(2026, 12, 2), dt.time(13))
    moment.einde = lokale_tijd(dt.date(2026, 12, 2), dt.time(14))
    moment.save()
    reeks.begintijd, reeks.eindtijd = dt.time(10), dt.time(11, 30)
    reeks.save()

    uitrollen(reeks, nu=NU, tot=HORIZON)

    assert lokale_begin(reeks)[dt.date(2026, 12, 2)] == dt.datetime(2026, 12, 2, 13)


def test_kortere_geldigheid_wist_de_weggevallen_komende_momenten(reeks):
    reeks.geldig_tot = dt.date(2026, 12, 10)
    reeks.save()

    uitrollen(reeks, nu=NU, tot=HORIZON)

    # 16, 23 and 30 December fall after the new end.
    assert sorted(lokale_begin(reeks)) == WOENSDAGEN[:3]


def test_kortere_geldigheid_annuleert_een_moment_met_bevestigde_inschrijving(reeks):
    met_inschrijving = moment_op(reeks, dt.date(2026, 12, 23))
    InschrijvingFactory(moment=met_inschrijving, status=Inschrijving.Status.BEVESTIGD)
    reeks.geldig_tot = dt.date(2026, 12, 10)
    reeks.save()

    uitrollen(reeks, nu=NU, tot=HORIZON)

    # 16 and 30 December are gone; 23 December stays, cancelled, so the family can be told.
    na = Moment.objects.filter(reeks=reeks, oorspronkelijke_datum__gt=dt.date(2026, 12, 10))
    assert list(na.values_list("oorspronkelijke_datum", "geannuleerd")) == [
        (dt.date(2026, 12, 23), True)
    ]


@pytest.mark.django_db
def test_voorbije_momenten_worden_nooit_aangeraakt():
    # Expanded on 1 November: Wednesdays 4, 11, 18 and 25 November.
    reeks = ReeksFactory(weekdag=WOENSDAG, geldig_van=dt.date(2026, 11, 1))
    uitrollen(reeks, nu=utc(2026, 11, 1, 8), tot=dt.date(2026, 11, 30))
    # On 24 November the hours change and the rule ends on 10 November.
    reeks.begintijd, reeks.eindtijd = dt.time(10), dt.time(11, 30)
    reeks.geldig_tot = dt.date(2026, 11, 10)
    reeks.save()

    uitrollen(reeks, nu=NU, tot=dt.date(2026, 11, 30))

    # 4, 11 and 18 November are past: kept, still at 9:30; 25 November is dropped.
    assert lokale_begin(reeks) == {
        dt.date(2026, 11, 4): dt.datetime(2026, 11, 4, 9, 30),
        dt.date(2026, 11, 11): dt.datetime(2026, 11, 11, 9, 30),
        dt.date(2026, 11, 18): dt.datetime(2026, 11, 18, 9, 30),
    }


@pytest.mark.django_db
def test_moment_van_vanochtend_is_voorbij_en_blijft_staan():
    # Expanded early on Wednesday 25 November; at 14:00 local the 9:30 moment is over when
    # the rule is changed to end the day before.
    reeks = ReeksFactory(weekdag=WOENSDAG, geldig_van=dt.date(2026, 11, 1))
    uitrollen(reeks, nu=utc(2026, 11, 25, 5), tot=dt.date(2026, 11, 30))
    reeks.geldig_tot = dt.date(2026, 11, 24)
    reeks.save()

    uitrollen(reeks, nu=utc(2026, 11, 25, 13), tot=dt.date(2026, 11, 30))

    assert lokale_begin(reeks) == {dt.date(2026, 11, 25): dt.datetime(2026, 11, 25, 9, 30)}


def test_telling_onderscheidt_gewist_en_geannuleerd(reeks):
    InschrijvingFactory(moment=moment_op(reeks, dt.date(2026, 12, 23)))
    reeks.geldig_tot = dt.date(2026, 12, 10)
    reeks.save()

    # 16 and 30 December are deleted; 23 December is cancelled (an update), not deleted.
    assert uitrollen(reeks, nu=NU, tot=HORIZON) == (0, 1, 2)


def test_andere_plek_van_de_regel_verhuist_de_onveranderde_momenten(reeks):
    verplaatst = moment_op(reeks, dt.date(2026, 12, 2))
    verplaatst.begin += dt.timedelta(hours=1)
    verplaatst.einde += dt.timedelta(hours=1)
    verplaatst.save()
    nieuwe_plek = LocatieFactory()
    reeks.locatie = nieuwe_plek
    reeks.save()

    uitrollen(reeks, nu=NU, tot=HORIZON)

    plekken = dict(
        Moment.objects.filter(reeks=reeks).values_list("oorspronkelijke_datum", "locatie")
    )
    assert plekken.pop(dt.date(2026, 12, 2)) is None  # moved by hand: left alone
    assert set(plekken.values()) == {nieuwe_plek.pk}


def test_regel_wissen_bewaart_voorbije_en_ingeschreven_momenten(reeks):
    # NU is Wednesday 25 November 2026 before 9:30: the 25 November moment is still to come.
    voorbij = Moment.objects.create(
        activiteit=reeks.activiteit,
        reeks=reeks,
        begin=utc(2026, 11, 18, 8, 30),
        einde=utc(2026, 11, 18, 10),
        oorspronkelijke_datum=dt.date(2026, 11, 18),
    )
    ingeschreven = moment_op(reeks, dt.date(2026, 12, 9))
    InschrijvingFactory(moment=ingeschreven)

    with met_nu(NU):
        reeks.delete()

    over = Moment.objects.filter(activiteit=reeks.activiteit)
    assert sorted(over.values_list("pk", flat=True)) == sorted([voorbij.pk, ingeschreven.pk])
    assert set(over.values_list("reeks", flat=True)) == {None}

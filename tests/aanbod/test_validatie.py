"""What a coordinator is told when an activity or a moment does not add up."""

import datetime as dt
from decimal import Decimal
from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from aanbod.models import Activiteit, Inschrijving
from hvk.herhaling import lokale_tijd
from tests.factories import ActiviteitFactory, InschrijvingFactory, MomentFactory

pytestmark = pytest.mark.django_db

# "Now" is Wednesday 25 November 2026 at noon (UTC+1).
NU = dt.datetime(2026, 11, 25, 11, tzinfo=dt.UTC)


def foutmeldingen(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as fout:
        obj.full_clean()
    return fout.value.message_dict


def activiteit(**velden) -> Activiteit:
    """An unsaved regional activity without a place."""
    return ActiviteitFactory.build(locatie=None, **velden)


def moment_op(activiteit, dag, *, geannuleerd=False):
    begin = lokale_tijd(dag, dt.time(9, 30))
    return MomentFactory(
        activiteit=activiteit,
        begin=begin,
        einde=begin + dt.timedelta(hours=2),
        geannuleerd=geannuleerd,
    )


def valideer_op_nu(obj):
    with patch("django.utils.timezone.now", return_value=NU):
        obj.full_clean()


def foutmeldingen_op_nu(obj) -> dict[str, list[str]]:
    with patch("django.utils.timezone.now", return_value=NU):
        return foutmeldingen(obj)


# --- Ages, price, place ----------------------------------------------------------------------


def test_geldige_activiteit_heeft_geen_fouten():
    activiteit(leeftijd_van=0, leeftijd_tot=36, prijs=Decimal("5"), sociaal_tarief=1).full_clean()


def test_omgekeerde_leeftijden_worden_geweigerd():
    fouten = foutmeldingen(activiteit(leeftijd_van=36, leeftijd_tot=12))
    assert fouten == {"leeftijd_tot": ["De leeftijd tot ligt onder de leeftijd van; draai ze om."]}


def test_sociaal_tarief_boven_de_prijs_wordt_geweigerd():
    fouten = foutmeldingen(activiteit(prijs=Decimal("5.00"), sociaal_tarief=Decimal("7.50")))
    assert fouten == {"sociaal_tarief": ["Het sociaal tarief is hoger dan de prijs."]}


def test_doorlopend_aanbod_zonder_locatie_wordt_geweigerd():
    fouten = foutmeldingen(activiteit(doorlopend=True))
    assert fouten == {
        "locatie": ["Doorlopend aanbod volgt de openingsuren van een locatie: kies die locatie."]
    }


def test_database_weigert_omgekeerde_leeftijden():
    with pytest.raises(IntegrityError), transaction.atomic():
        ActiviteitFactory(leeftijd_van=36, leeftijd_tot=12)


def test_database_weigert_een_negatieve_prijs():
    with pytest.raises(IntegrityError), transaction.atomic():
        ActiviteitFactory(prijs=Decimal("-1.00"))


def test_moment_met_einde_voor_begin_wordt_geweigerd():
    begin = lokale_tijd(dt.date(2026, 12, 2), dt.time(9, 30))
    moment = MomentFactory.build(
        activiteit=ActiviteitFactory(), begin=begin, einde=begin - dt.timedelta(hours=1)
    )
    assert foutmeldingen(moment) == {"einde": ["Het einde moet na het begin liggen."]}


def test_moment_van_meer_dan_een_week_wordt_geweigerd():
    begin = lokale_tijd(dt.date(2026, 12, 2), dt.time(9, 30))
    moment = MomentFactory.build(
        activiteit=ActiviteitFactory(), begin=begin, einde=begin + dt.timedelta(days=7, hours=1)
    )
    assert foutmeldingen(moment) == {
        "einde": [
            "Een moment duurt hoogstens 7 dagen. Maak voor een langer aanbod meerdere momenten."
        ]
    }


def test_een_moment_van_een_week_dat_al_begon_is_nog_komend():
    from aanbod.models import Moment

    begin = NU - dt.timedelta(days=6, hours=23)
    lang = MomentFactory(begin=begin, einde=begin + dt.timedelta(days=7))
    voorbij = MomentFactory(begin=NU - dt.timedelta(days=1), einde=NU - dt.timedelta(hours=1))

    assert list(Moment.objects.komend(NU)) == [lang]
    assert voorbij not in Moment.objects.komend(NU)


# --- Capacity against confirmed registrations ------------------------------------------------


@pytest.fixture
def per_persoon():
    """2 December: a family of 2 adults + 1 child and one of 1 adult + 1 child = 5 persons."""
    act = ActiviteitFactory(titel="Babymassage", plaatsen_per="persoon", capaciteit=10)
    moment = moment_op(act, dt.date(2026, 12, 2))
    InschrijvingFactory(moment=moment, volwassenen=2, kinderen=1)
    InschrijvingFactory(moment=moment, volwassenen=1, kinderen=1)
    return act


def test_capaciteit_onder_de_bevestigde_personen_wordt_geweigerd(per_persoon):
    per_persoon.capaciteit = 4
    assert foutmeldingen_op_nu(per_persoon) == {
        "capaciteit": [
            "Er zijn al 5 plaatsen bevestigd op Babymassage 02/12/2026 09:30; de capaciteit "
            "kan niet lager zijn."
        ]
    }


def test_capaciteit_gelijk_aan_de_bevestigde_plaatsen_mag(per_persoon):
    per_persoon.capaciteit = 5
    valideer_op_nu(per_persoon)


def test_capaciteit_per_gezin_telt_een_plaats_per_inschrijving(per_persoon):
    # The same two families take 2 seats when seats count per family.
    per_persoon.plaatsen_per = Activiteit.PlaatsenPer.GEZIN
    per_persoon.capaciteit = 1
    assert foutmeldingen_op_nu(per_persoon)["capaciteit"] == [
        "Er zijn al 2 plaatsen bevestigd op Babymassage 02/12/2026 09:30; de capaciteit kan "
        "niet lager zijn."
    ]


def test_capaciteit_per_gezin_gelijk_aan_het_aantal_gezinnen_mag(per_persoon):
    per_persoon.plaatsen_per = Activiteit.PlaatsenPer.GEZIN
    per_persoon.capaciteit = 2
    valideer_op_nu(per_persoon)


def test_capaciteit_kijkt_naar_het_drukste_komende_moment(per_persoon):
    # 9 December has 3 persons, 2 December 5: the message names 2 December.
    drukker = moment_op(per_persoon, dt.date(2026, 12, 9))
    InschrijvingFactory(moment=drukker, volwassenen=1, kinderen=2)
    per_persoon.capaciteit = 2
    assert foutmeldingen_op_nu(per_persoon)["capaciteit"] == [
        "Er zijn al 5 plaatsen bevestigd op Babymassage 02/12/2026 09:30; de capaciteit kan "
        "niet lager zijn."
    ]


@pytest.mark.parametrize(
    "status", [Inschrijving.Status.WACHTLIJST, Inschrijving.Status.GEANNULEERD]
)
def test_wachtlijst_en_geannuleerde_inschrijvingen_tellen_niet_mee(status):
    act = ActiviteitFactory(capaciteit=10)
    moment = moment_op(act, dt.date(2026, 12, 2))
    InschrijvingFactory(moment=moment, volwassenen=1, kinderen=1)
    InschrijvingFactory(moment=moment, volwassenen=2, kinderen=2, status=status)
    # Only the confirmed 2 persons count, so 2 seats are enough.
    act.capaciteit = 2
    valideer_op_nu(act)


def test_voorbije_momenten_tellen_niet_mee():
    act = ActiviteitFactory(capaciteit=10)
    # Friday 20 November is before "now" (25 November).
    InschrijvingFactory(moment=moment_op(act, dt.date(2026, 11, 20)), volwassenen=2, kinderen=3)
    act.capaciteit = 2
    valideer_op_nu(act)


def test_geannuleerde_momenten_tellen_niet_mee():
    act = ActiviteitFactory(capaciteit=10)
    geannuleerd = moment_op(act, dt.date(2026, 12, 2), geannuleerd=True)
    InschrijvingFactory(moment=geannuleerd, volwassenen=2, kinderen=3)
    act.capaciteit = 2
    valideer_op_nu(act)


# --- Age range as text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("van", "tot", "tekst"),
    [
        (None, None, "alle leeftijden"),
        (0, None, "alle leeftijden"),
        (0, 12, "tot 12 maanden"),
        (None, 1, "tot 1 maand"),
        (None, 36, "tot 3 jaar"),
        (36, None, "vanaf 3 jaar"),
        (9, None, "vanaf 9 maanden"),
        (3, 18, "3 tot 18 maanden"),
        (24, 72, "2 tot 6 jaar"),
        (6, 36, "6 maanden tot 3 jaar"),
        (30, 48, "30 maanden tot 4 jaar"),
        (12, 12, "12 maanden"),
    ],
)
def test_leeftijd_tekst_leest_zoals_een_ouder_het_zegt(van, tot, tekst):
    assert activiteit(leeftijd_van=van, leeftijd_tot=tot).leeftijd_tekst == tekst

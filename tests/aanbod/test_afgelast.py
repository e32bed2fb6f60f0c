"""A rule that drops a date with registrations cancels that moment and tells the families.

``momenten_uitrollen`` cancels (instead of deleting) a future moment with registrations when
its rule no longer has the date; every family still registered or waiting gets the
"afgelast" mail, once.
"""

import datetime as dt

import pytest
from django.core import mail
from django.template.defaultfilters import date as datumfilter
from django.utils import timezone

from aanbod.models import Activiteit, Inschrijving, Moment, Reeks
from aanbod.services import Gezin, annuleren, gegevens_wissen, inschrijven, momenten_uitrollen
from tests.factories import ActiviteitFactory, ReeksFactory

pytestmark = pytest.mark.django_db

STREEP = "\N{EN DASH}"


@pytest.fixture
def reeks() -> Reeks:
    """A weekly rule from today, on the weekday of the day after tomorrow, expanded three weeks.

    Its moments fall two, nine and sixteen days from now: all still to come.
    """
    vandaag = timezone.localdate()
    activiteit = ActiviteitFactory(
        titel="Babymassage",
        inschrijving_vereist=True,
        capaciteit=2,
        plaatsen_per=Activiteit.PlaatsenPer.GEZIN,
    )
    reeks = ReeksFactory(
        activiteit=activiteit,
        weekdag=(vandaag + dt.timedelta(days=2)).weekday(),
        geldig_van=vandaag,
    )
    momenten_uitrollen(reeksen=[reeks], tot=_tot())
    assert reeks.momenten.count() == 3
    return reeks


def _tot() -> dt.date:
    return timezone.localdate() + dt.timedelta(days=20)


def _tweede(reeks) -> Moment:
    return reeks.momenten.order_by("begin")[1]


def _andere_dag(reeks) -> None:
    """The rule moves to another weekday: none of its three dates stays."""
    reeks.weekdag = (reeks.weekdag + 1) % 7
    reeks.save()


def _gezin(naam, email="", telefoon=""):
    return Gezin(naam=naam, email=email, telefoon=telefoon, leeftijden=(4,))


def _afgelast_mails():
    return [m for m in mail.outbox if m.subject.startswith("Gaat niet door:")]


def test_weggevallen_datum_met_inschrijvingen_wordt_afgelast_en_de_gezinnen_krijgen_een_mail(
    reeks,
):
    moment = _tweede(reeks)
    inschrijven(moment=moment, gezin=_gezin("Gezin Peeters", "peeters@example.org"))
    geannuleerd = inschrijven(moment=moment, gezin=_gezin("Gezin Maes", "maes@example.org"))
    annuleren(inschrijving=geannuleerd)
    inschrijven(moment=moment, gezin=_gezin("Gezin Claes", telefoon="014 11 22 33"))
    inschrijven(
        moment=moment, gezin=_gezin("Gezin Wouters", "wouters@example.org"), wachtlijst=True
    )
    mail.outbox.clear()
    _andere_dag(reeks)

    momenten_uitrollen(reeksen=[reeks], tot=_tot())

    moment.refresh_from_db()
    assert moment.geannuleerd
    afgelast = _afgelast_mails()
    # The confirmed family and the waiting one with an e-mail address; not the one that
    # cancelled, not the one that left only a phone number (the Huis calls them).
    assert sorted(m.to[0] for m in afgelast) == ["peeters@example.org", "wouters@example.org"]
    datum = datumfilter(timezone.localtime(moment.begin), "j F")  # e.g. "2 december"
    for bericht in afgelast:
        assert bericht.subject == f"Gaat niet door: Babymassage {STREEP} {datum}"
        assert "dit moment gaat niet door" in bericht.body
        assert not bericht.attachments  # no calendar file for a moment that does not happen
    # The registrations stay as they were: the counts show who was affected.
    assert sorted(moment.inschrijvingen.values_list("status", flat=True)) == sorted(
        ["bevestigd", "bevestigd", "wachtlijst", "geannuleerd"]
    )


def test_afgelast_moment_krijgt_maar_een_keer_een_mail(reeks):
    moment = _tweede(reeks)
    inschrijven(moment=moment, gezin=_gezin("Gezin Peeters", "peeters@example.org"))
    _andere_dag(reeks)
    momenten_uitrollen(reeksen=[reeks], tot=_tot())
    assert len(_afgelast_mails()) == 1

    # The next daily run, and a run after yet another change of the rule, leave it alone.
    momenten_uitrollen(reeksen=[reeks], tot=_tot())
    _andere_dag(reeks)
    momenten_uitrollen(reeksen=[reeks], tot=_tot())

    assert len(_afgelast_mails()) == 1


def test_weggevallen_datums_zonder_inschrijvingen_verdwijnen_zonder_mail(reeks):
    _andere_dag(reeks)

    gemaakt, bijgewerkt, gewist = momenten_uitrollen(reeksen=[reeks], tot=_tot())

    assert (gemaakt, bijgewerkt, gewist) == (3, 0, 3)
    assert not reeks.momenten.filter(geannuleerd=True).exists()
    assert not _afgelast_mails()


def test_moment_met_alleen_geannuleerde_inschrijvingen_blijft_bewaard_zonder_mail(reeks):
    # A registration keeps its moment (PROTECT): deleting the moment would fail, and the
    # cancelled registration is history. The family cancelled, so it is not told again.
    moment = _tweede(reeks)
    inschrijving = inschrijven(moment=moment, gezin=_gezin("Gezin Maes", "maes@example.org"))
    annuleren(inschrijving=inschrijving)
    _andere_dag(reeks)

    momenten_uitrollen(reeksen=[reeks], tot=_tot())

    moment.refresh_from_db()
    assert moment.geannuleerd
    assert moment.inschrijvingen.get().status == Inschrijving.Status.GEANNULEERD
    assert not _afgelast_mails()


def test_met_de_hand_geannuleerd_moment_krijgt_geen_mail_van_de_herhaling(reeks):
    moment = _tweede(reeks)
    inschrijven(moment=moment, gezin=_gezin("Gezin Peeters", "peeters@example.org"))
    moment.geannuleerd = True
    moment.save()  # by hand: marked as changed, so expanding the rule never touches it
    _andere_dag(reeks)

    momenten_uitrollen(reeksen=[reeks], tot=_tot())

    assert not _afgelast_mails()


def test_afgelast_mail_gaat_niet_naar_een_gezin_dat_zijn_gegevens_liet_wissen(reeks):
    moment = _tweede(reeks)
    blijft = inschrijven(moment=moment, gezin=_gezin("Gezin Peeters", "peeters@example.org"))
    weg = inschrijven(moment=moment, gezin=_gezin("Gezin Claes", "claes@example.org"))
    gegevens_wissen(inschrijving=weg)
    mail.outbox.clear()
    _andere_dag(reeks)

    momenten_uitrollen(reeksen=[reeks], tot=_tot())

    assert [m.to for m in _afgelast_mails()] == [[blijft.email]]

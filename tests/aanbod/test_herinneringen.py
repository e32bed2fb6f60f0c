"""Reminders a few days before the moment, and the mail queue in the database.

``herinneringen_versturen(nu=...)`` queues one reminder per confirmed registration whose
moment starts within ``HVK_HERINNERING_DAGEN`` days of ``nu``; the daily command and task of
that name call it with the current time. The last tests run the real database task backend
with its worker (``manage.py db_worker``), as production does.
"""

import datetime as dt
import logging
import re
import signal
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.defaultfilters import date as datumfilter
from django.urls import resolve
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from icalendar import Calendar

from aanbod.models import Activiteit, Inschrijving, Moment
from aanbod.services import (
    Gezin,
    annuleren,
    herinneringen_versturen,
    inschrijven,
)
from aanbod.tasks import herinneringen
from hvk.herhaling import lokale_tijd
from tests.factories import ActiviteitFactory, LocatieFactory, MomentFactory

pytestmark = pytest.mark.django_db

STREEP = "\N{EN DASH}"

SITE = "https://www.huisvanhetkind.example"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.HVK_SITE_URL = SITE
    settings.HVK_HERINNERING_DAGEN = 2


def _moment(over_dagen: int, **activiteit) -> Moment:
    """A moment at 10:00-11:15 local, ``over_dagen`` days from today."""
    dag = timezone.localdate() + dt.timedelta(days=over_dagen)
    activiteit = ActiviteitFactory(
        titel="Babymassage",
        inschrijving_vereist=True,
        capaciteit=activiteit.pop("capaciteit", 8),
        plaatsen_per=Activiteit.PlaatsenPer.GEZIN,
        locatie=LocatieFactory(naam="Antenne Lichtaart"),
        **activiteit,
    )
    return MomentFactory(
        activiteit=activiteit,
        begin=lokale_tijd(dag, dt.time(10)),
        einde=lokale_tijd(dag, dt.time(11, 15)),
    )


@pytest.fixture
def moment() -> Moment:
    """Ten days ahead: families registering today do so well before the reminder window."""
    return _moment(10)


def _inschrijven(moment, naam="Gezin Peeters", email="peeters@example.org", **velden):
    gezin = Gezin(naam=naam, email=email, leeftijden=(5,), **velden)
    return inschrijven(moment=moment, gezin=gezin, wachtlijst=True)


def _herinneringen():
    return [m for m in mail.outbox if m.subject.startswith("Herinnering:")]


def _dag_voor(moment) -> dt.datetime:
    return moment.begin - dt.timedelta(days=1)


def test_herinnering_gaat_een_keer_in_het_nederlands_met_agenda_en_link(moment):
    inschrijving = _inschrijven(moment)
    mail.outbox.clear()
    nu = _dag_voor(moment)

    assert herinneringen_versturen(nu=nu) == 1

    [bericht] = mail.outbox
    begin = timezone.localtime(moment.begin)
    assert bericht.to == ["peeters@example.org"]
    dag = datumfilter(begin, "l j F")  # e.g. "dinsdag 8 december"
    assert bericht.subject == f"Herinnering: Babymassage {STREEP} {dag} 10:00"
    assert bericht.body.startswith("Dag Gezin Peeters,")
    assert "Binnenkort is het zover." in bericht.body
    assert "Kan je toch niet komen? Annuleer dan" in bericht.body
    assert f"Wanneer: {datumfilter(begin, 'l j F Y')}, 10:00{STREEP}11:15" in bericht.body
    assert "Waar: Antenne Lichtaart" in bericht.body
    assert [soort for _html, soort in bericht.alternatives] == ["text/html"]
    # The signed link opens this registration's page on the public site.
    [link] = re.findall(rf"{re.escape(SITE)}/aanbod/inschrijving/[^/\s]+/", bericht.body)
    pad = urlsplit(link).path
    assert resolve(pad).view_name == "aanbod:inschrijving"
    assert Inschrijving.met_sleutel(resolve(pad).kwargs["sleutel"]).pk == inschrijving.pk
    # The moment as a calendar file.
    [(naam, inhoud, soort)] = bericht.attachments
    assert (naam, soort.split(";")[0]) == ("afspraak.ics", "text/calendar")
    [gebeurtenis] = Calendar.from_ical(inhoud).walk("VEVENT")
    assert gebeurtenis.decoded("DTSTART") == moment.begin
    assert str(gebeurtenis["SUMMARY"]) == "Babymassage"

    inschrijving.refresh_from_db()
    assert inschrijving.herinnering_verstuurd_op == nu
    # Once: the next daily run (and the one after) sends nothing more.
    assert herinneringen_versturen(nu=nu + dt.timedelta(hours=12)) == 0
    assert herinneringen_versturen(nu=nu + dt.timedelta(hours=23)) == 0
    assert len(mail.outbox) == 1


def test_venster_begint_precies_zoveel_dagen_voor_het_moment(moment):
    _inschrijven(moment)
    twee_dagen_voor = moment.begin - dt.timedelta(days=2)

    assert herinneringen_versturen(nu=twee_dagen_voor - dt.timedelta(days=3)) == 0
    assert herinneringen_versturen(nu=twee_dagen_voor - dt.timedelta(seconds=1)) == 0
    assert herinneringen_versturen(nu=twee_dagen_voor) == 1
    assert len(_herinneringen()) == 1


def test_aantal_dagen_komt_uit_de_instelling(moment, settings):
    settings.HVK_HERINNERING_DAGEN = 5
    _inschrijven(moment)

    assert herinneringen_versturen(nu=moment.begin - dt.timedelta(days=5, seconds=1)) == 0
    assert herinneringen_versturen(nu=moment.begin - dt.timedelta(days=4)) == 1


def test_nul_dagen_zet_herinneringen_uit(moment, settings):
    settings.HVK_HERINNERING_DAGEN = 0
    inschrijving = _inschrijven(moment)
    mail.outbox.clear()
    uitvoer = StringIO()

    assert herinneringen_versturen(nu=_dag_voor(moment)) == 0
    assert herinneringen_versturen(nu=moment.begin - dt.timedelta(minutes=5)) == 0
    call_command("herinneringen_versturen", stdout=uitvoer)

    assert mail.outbox == []
    inschrijving.refresh_from_db()
    assert inschrijving.herinnering_verstuurd_op is None
    assert uitvoer.getvalue().strip() == "Herinneringen staan uit (HVK_HERINNERING_DAGEN is 0)."


def test_geen_herinnering_voor_een_afgelast_moment(moment):
    _inschrijven(moment)
    moment.geannuleerd = True
    moment.save()

    assert herinneringen_versturen(nu=_dag_voor(moment)) == 0
    assert _herinneringen() == []


def test_geen_herinnering_voor_een_geannuleerde_of_wachtende_inschrijving():
    moment = _moment(10, capaciteit=1)
    bevestigd = _inschrijven(moment)
    wachtend = _inschrijven(moment, naam="Gezin Claes", email="claes@example.org")
    later = _inschrijven(moment, naam="Gezin Maes", email="maes@example.org")
    assert (wachtend.status, later.status) == ("wachtlijst", "wachtlijst")
    # Peeters cancels, Claes moves up; Maes is still waiting.
    annuleren(inschrijving=bevestigd)
    mail.outbox.clear()

    assert herinneringen_versturen(nu=_dag_voor(moment)) == 1

    # Whoever moved up from the waiting list holds a seat now, and gets reminded.
    assert [m.to for m in _herinneringen()] == [["claes@example.org"]]


def test_geen_herinnering_zonder_emailadres(moment):
    inschrijving = _inschrijven(moment, email="", telefoon="014 11 22 33")

    assert herinneringen_versturen(nu=_dag_voor(moment)) == 0
    inschrijving.refresh_from_db()
    assert inschrijving.herinnering_verstuurd_op is None


def test_geen_herinnering_wie_zich_binnen_het_venster_inschreef():
    # Tomorrow's moment: who registers today has a fresh confirmation and needs no reminder.
    morgen = _moment(1)
    _inschrijven(morgen)
    mail.outbox.clear()

    assert herinneringen_versturen(nu=morgen.begin - dt.timedelta(hours=2)) == 0
    assert mail.outbox == []


def test_geen_herinnering_meer_als_het_moment_begonnen_is(moment):
    _inschrijven(moment)

    assert herinneringen_versturen(nu=moment.begin) == 0
    assert herinneringen_versturen(nu=moment.begin + dt.timedelta(minutes=1)) == 0


def test_geen_tweede_herinnering_voor_wie_er_al_een_kreeg(moment):
    inschrijving = _inschrijven(moment)
    al = moment.begin - dt.timedelta(days=3)
    Inschrijving.objects.filter(pk=inschrijving.pk).update(herinnering_verstuurd_op=al)

    assert herinneringen_versturen(nu=_dag_voor(moment)) == 0
    inschrijving.refresh_from_db()
    assert inschrijving.herinnering_verstuurd_op == al


def test_alleen_de_momenten_in_het_venster(moment):
    overmorgen = _moment(12)
    verder = _moment(20)
    for m in (moment, overmorgen, verder):
        _inschrijven(m)
    mail.outbox.clear()

    # One day before the first moment: the second is three days off, outside the window.
    assert herinneringen_versturen(nu=_dag_voor(moment)) == 1
    assert herinneringen_versturen(nu=_dag_voor(overmorgen)) == 1
    assert len(_herinneringen()) == 2


def _eerder_ingeschreven(inschrijving, dagen=7):
    Inschrijving.objects.filter(pk=inschrijving.pk).update(
        aangemaakt=timezone.now() - dt.timedelta(days=dagen)
    )


def test_commando_zet_de_herinneringen_klaar_en_zegt_hoeveel():
    morgen = _moment(1)
    _eerder_ingeschreven(_inschrijven(morgen))
    _eerder_ingeschreven(_inschrijven(morgen, naam="Gezin Claes", email="claes@example.org"))
    mail.outbox.clear()
    uitvoer = StringIO()

    call_command("herinneringen_versturen", stdout=uitvoer)
    call_command("herinneringen_versturen", stdout=uitvoer)

    assert uitvoer.getvalue().splitlines() == [
        "2 herinneringen klaargezet (momenten binnen 2 dagen).",
        "0 herinneringen klaargezet (momenten binnen 2 dagen).",
    ]
    assert sorted(m.to[0] for m in _herinneringen()) == ["claes@example.org", "peeters@example.org"]


def test_taak_herinneringen_via_de_takenlijst():
    morgen = _moment(1)
    _eerder_ingeschreven(_inschrijven(morgen))
    mail.outbox.clear()

    resultaat = herinneringen.enqueue()

    assert resultaat.return_value == 1
    assert len(_herinneringen()) == 1


# --- The database task backend and its worker ---------------------------------------------


# The worker closes "old" database connections between tasks, as a long-running process
# should; on PostgreSQL that would close the connection holding a test's transaction, so these
# tests commit for real (and the tables are emptied after each).
met_worker = pytest.mark.django_db(transaction=True)


@pytest.fixture
def taken_in_de_database(settings):
    """The production set-up: mails wait in the database until ``db_worker`` sends them.

    The worker installs its own signal handlers and log levels; they are put back after.
    """
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    signalen = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    loggers = {n: logging.getLogger(n).level for n in ("django_tasks", "django_tasks_db")}
    yield
    for s, handler in signalen.items():
        signal.signal(s, handler)
    for naam, niveau in loggers.items():
        logging.getLogger(naam).setLevel(niveau)


def _worker():
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval=0", verbosity=0
    )


@met_worker
def test_bevestiging_wacht_in_de_database_tot_de_worker_ze_verstuurt(moment, taken_in_de_database):
    inschrijving = _inschrijven(moment)

    # Nothing sent yet: one task waits in the queue, with no personal data in it.
    assert mail.outbox == []
    [taak] = DBTaskResult.objects.all()
    assert taak.status == "READY"
    assert taak.task_path == "aanbod.tasks.inschrijvingsmail"
    assert taak.args_kwargs == {
        "args": [],
        "kwargs": {"inschrijving_id": inschrijving.pk, "soort": "bevestiging"},
    }

    _worker()

    [bericht] = mail.outbox
    assert bericht.to == ["peeters@example.org"]
    assert bericht.subject.startswith(f"Ingeschreven: Babymassage {STREEP} ")
    taak.refresh_from_db()
    assert taak.status == "SUCCESSFUL"
    assert taak.return_value == "verstuurd"


@met_worker
def test_herinneringen_in_de_database_gaan_pas_met_de_worker(moment, taken_in_de_database):
    _inschrijven(moment)
    _inschrijven(moment, naam="Gezin Claes", email="claes@example.org")
    _worker()
    mail.outbox.clear()

    assert herinneringen_versturen(nu=_dag_voor(moment)) == 2
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == 2

    _worker()

    assert len(_herinneringen()) == 2
    assert not DBTaskResult.objects.filter(status="READY").exists()


@met_worker
def test_mail_voor_gegevens_die_intussen_gewist_zijn_gaat_niet(moment, taken_in_de_database):
    from aanbod.services import gegevens_wissen

    inschrijving = _inschrijven(moment)
    gegevens_wissen(inschrijving=inschrijving)

    _worker()

    # The confirmation was queued before the family withdrew; by the time it runs, the
    # address is gone, and so is the mail.
    assert mail.outbox == []
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"]
    assert DBTaskResult.objects.get().return_value == "overgeslagen"

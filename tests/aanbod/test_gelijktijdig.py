"""Many families registering for the last seats at the same instant, on PostgreSQL.

The registration services lock the moment's row (``SELECT … FOR UPDATE``) before counting
the confirmed seats, so concurrent registrations queue and each counts what the previous one
committed. These tests prove it with real threads, each on its own database connection,
released together by a barrier: the service directly, the public form over HTTP, and
cancellations racing registrations. A control run without the lock shows that the same test
does catch the race (more seats confirmed than there are).

Only on PostgreSQL: SQLite has no row locks, serialises writers as a whole
(``transaction_mode=IMMEDIATE``), and shares one in-memory test database badly between
threads. The CI's second run (``DATABASE_URL=postgres://…``) runs them.

Mails are queued but not sent here (the dummy task backend): rendering a hundred of them
one after another would only slow the tests down. What matters, that each registration
queues its confirmation inside its own transaction, is checked from the ``task_enqueued``
signal.
"""

import datetime as dt
import threading
import time
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Sum
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks.signals import task_enqueued

from aanbod.models import Activiteit, Bereikcijfer, Inschrijving, Moment
from aanbod.services import Gezin, annuleren, inschrijven
from aanbod.services import inschrijvingen as inschrijvingsdienst
from tests.factories import ActiviteitFactory, GemeenteFactory, MomentFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason=(
            "Alleen op PostgreSQL: SQLite kent geen rijvergrendeling (SELECT … FOR UPDATE) en "
            "laat schrijvers sowieso na elkaar. Draai met DATABASE_URL=postgres://…"
        ),
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def _taken_niet_uitvoeren(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def klaargezet():
    """The (task, keyword arguments) of every task queued, from any thread."""
    taken: list[tuple[str, dict]] = []

    def onthoud(sender, task_result, **kwargs):
        taken.append((task_result.task.module_path, task_result.kwargs))

    task_enqueued.connect(onthoud, dispatch_uid="test_gelijktijdig")
    yield taken
    task_enqueued.disconnect(dispatch_uid="test_gelijktijdig")


CAPACITEIT = 20
# Threads that hold a database connection at once; PostgreSQL allows 100 by default.
VERBINDINGEN = 40


def gelijktijdig(taken: list[Callable[[], object]]) -> tuple[list[object], list[BaseException]]:
    """Run every task in its own thread, all released at once by a barrier.

    At most ``VERBINDINGEN`` threads work at a time (a pool of connections); each opens its
    own connection and closes it when done. Returns the results in the order of ``taken``
    and the exceptions raised.
    """
    start = threading.Barrier(len(taken))
    pool = threading.BoundedSemaphore(VERBINDINGEN)
    resultaten: list[object] = [None] * len(taken)
    fouten: list[BaseException] = []

    def draai(index: int, taak: Callable[[], object]) -> None:
        try:
            start.wait(timeout=30)
            with pool:
                try:
                    resultaten[index] = taak()
                finally:
                    connection.close()
        except BaseException as fout:  # reported to the test below
            fouten.append(fout)

    threads = [threading.Thread(target=draai, args=(i, t)) for i, t in enumerate(taken)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread hangs"
    return resultaten, fouten


@pytest.fixture
def moment() -> Moment:
    """A moment next week with 20 seats, counted per person (every adult and every child)."""
    activiteit = ActiviteitFactory(
        slug="speelochtend",
        titel="Speelochtend",
        inschrijving_vereist=True,
        capaciteit=CAPACITEIT,
        plaatsen_per=Activiteit.PlaatsenPer.PERSOON,
    )
    begin = timezone.now() + dt.timedelta(days=7)
    return MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2))


@pytest.fixture
def gemeenten():
    return [
        GemeenteFactory(nis_code="13040", naam="Turnhout", slug="turnhout"),
        GemeenteFactory(nis_code="13004", naam="Beerse", slug="beerse"),
        None,  # elsewhere
    ]


def _gezin(nummer: int, gemeenten) -> Gezin:
    """Every other family is one adult, the others an adult with a toddler: 1 or 2 seats."""
    return Gezin(
        naam=f"Gezin {nummer}",
        email=f"gezin{nummer}@example.org",
        volwassenen=1,
        leeftijden=(30,) if nummer % 2 else (),
        woonplaats=gemeenten[nummer % 3],
    )


def _bevestigde_personen(moment) -> int:
    return (
        Inschrijving.objects.bevestigd()
        .filter(moment=moment)
        .aggregate(n=Sum(F("volwassenen") + F("kinderen")))["n"]
        or 0
    )


def _bereik_ingeschreven(moment) -> int:
    return Bereikcijfer.objects.filter(moment=moment).aggregate(n=Sum("ingeschreven"))["n"] or 0


def _elke_beslissing_telde_wat_ervoor_kwam(moment) -> None:
    """Replayed in the order they were made, each registration was decided on the seats then
    taken: confirmed when it fit, on the waiting list when it did not."""
    bezet = 0
    for inschrijving in Inschrijving.objects.filter(moment=moment).order_by("aangemaakt", "pk"):
        past = bezet + inschrijving.personen <= CAPACITEIT
        verwacht = Inschrijving.Status.BEVESTIGD if past else Inschrijving.Status.WACHTLIJST
        assert inschrijving.status == verwacht, (inschrijving.naam, bezet)
        if past:
            bezet += inschrijving.personen


def test_160_gelijktijdige_inschrijvingen_vullen_precies_de_capaciteit(
    moment, gemeenten, klaargezet
):
    pogingen = 160
    taken = [
        lambda n=n: inschrijven(moment=moment, gezin=_gezin(n, gemeenten), wachtlijst=True)
        for n in range(pogingen)
    ]

    resultaten, fouten = gelijktijdig(taken)

    assert fouten == []
    assert all(isinstance(r, Inschrijving) for r in resultaten)
    alle = Inschrijving.objects.filter(moment=moment)
    assert alle.count() == pogingen
    # Exactly full: single adults fit in the last seat whenever one is left.
    assert _bevestigde_personen(moment) == CAPACITEIT
    assert alle.filter(status=Inschrijving.Status.WACHTLIJST).count() == (
        pogingen - alle.bevestigd().count()
    )
    assert _bereik_ingeschreven(moment) == CAPACITEIT
    _elke_beslissing_telde_wat_ervoor_kwam(moment)
    # Each registration queued its confirmation (seat or waiting list), once.
    assert sorted(klaargezet, key=lambda t: t[1]["inschrijving_id"]) == [
        ("aanbod.tasks.inschrijvingsmail", {"inschrijving_id": pk, "soort": "bevestiging"})
        for pk in sorted(alle.values_list("pk", flat=True))
    ]


def test_100_gelijktijdige_inschrijvingen_via_het_formulier(moment, gemeenten, settings):
    # The limit per IP address counts in the cache; every "family" also has its own address.
    settings.HVK_INSCHRIJVING_PER_UUR = 10_000
    cache.clear()
    url = reverse("aanbod:inschrijven", args=[moment.activiteit.slug, moment.pk])
    bedankt = reverse("aanbod:ingeschreven", args=[moment.activiteit.slug, moment.pk])
    pogingen = 120

    def post(nummer: int):
        gemeente = gemeenten[nummer % 3]
        client = Client(REMOTE_ADDR=f"10.0.{nummer // 200}.{nummer % 200 + 1}")
        return client.post(
            url,
            {
                "naam": f"Gezin {nummer}",
                "email": f"gezin{nummer}@example.org",
                "telefoon": "",
                "woonplaats": str(gemeente.pk) if gemeente else "elders",
                "volwassenen": "1",
                "kind_1": "24" if nummer % 2 else "",  # 2 years, from the form's list
                **{f"kind_{k}": "" for k in range(2, 7)},
                "opmerking": "",
                "toestemming": "on",
                "wachtlijst": "on",
                "website": "",
            },
        )

    resultaten, fouten = gelijktijdig([lambda n=n: post(n) for n in range(pogingen)])

    assert fouten == []
    assert sorted({r.status_code for r in resultaten}) == [303]
    assert {r["Location"] for r in resultaten} == {bedankt}
    alle = Inschrijving.objects.filter(moment=moment)
    assert alle.count() == pogingen
    assert _bevestigde_personen(moment) == CAPACITEIT
    assert alle.filter(status=Inschrijving.Status.WACHTLIJST).count() == (
        pogingen - alle.bevestigd().count()
    )
    assert _bereik_ingeschreven(moment) == CAPACITEIT
    _elke_beslissing_telde_wat_ervoor_kwam(moment)


def test_annuleringen_en_inschrijvingen_door_elkaar_overschrijden_de_capaciteit_nooit(
    moment, gemeenten
):
    # Full: 20 single adults; 10 families wait (singles and pairs).
    eerst = [inschrijven(moment=moment, gezin=_gezin(n, gemeenten)) for n in range(0, 40, 2)]
    for n in range(100, 110):
        inschrijven(moment=moment, gezin=_gezin(n, gemeenten), wachtlijst=True)
    assert _bevestigde_personen(moment) == CAPACITEIT
    # Now 8 of them cancel while 60 new families register.
    taken = [lambda i=i: annuleren(inschrijving=i) for i in eerst[:8]]
    taken += [
        lambda n=n: inschrijven(moment=moment, gezin=_gezin(n, gemeenten), wachtlijst=True)
        for n in range(200, 260)
    ]

    _resultaten, fouten = gelijktijdig(taken)

    assert fouten == []
    alle = Inschrijving.objects.filter(moment=moment)
    assert alle.count() == 20 + 10 + 60
    assert alle.filter(status=Inschrijving.Status.GEANNULEERD).count() == 8
    bezet = _bevestigde_personen(moment)
    assert bezet == CAPACITEIT
    assert _bereik_ingeschreven(moment) == bezet
    # No seat stays empty while a waiting family fits in it.
    vrij = CAPACITEIT - bezet
    assert all(w.personen > vrij for w in alle.filter(status=Inschrijving.Status.WACHTLIJST))


def test_controle_zonder_vergrendeling_worden_er_te_veel_plaatsen_bevestigd(
    moment, gemeenten, monkeypatch
):
    """The same race without the row lock: proves the tests above can see a double booking."""

    def zonder_slot(moment_id: int) -> Moment:
        return Moment.objects.select_related("activiteit").get(pk=moment_id)

    tellen = inschrijvingsdienst.vrije_plaatsen

    def traag_tellen(moment: Moment):
        vrij = tellen(moment)
        time.sleep(0.02)  # the gap between counting and inserting, made wide
        return vrij

    monkeypatch.setattr(inschrijvingsdienst, "_vergrendel", zonder_slot)
    monkeypatch.setattr(inschrijvingsdienst, "vrije_plaatsen", traag_tellen)
    pogingen = 160

    gelijktijdig(
        [
            lambda n=n: inschrijven(moment=moment, gezin=_gezin(n, gemeenten), wachtlijst=True)
            for n in range(pogingen)
        ]
    )

    # Errors may happen here too (two transactions making the same reach row); what matters
    # is that families got seats that do not exist.
    assert _bevestigde_personen(moment) > CAPACITEIT

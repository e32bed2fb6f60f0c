"""The load of `make bench`: clients without think time on one page each run.

``bench/run.py`` starts locust headless with one of the user classes below and tells it what to
ask through the environment:

- ``BENCH_PAD``: the page (path and query string);
- ``BENCH_GEBRUIKERS``: how many users it started (-u), so the measurement starts once all of
  them are ready (logged in, holding a CSRF token);
- ``BENCH_SECONDEN``: how long the measurement runs from that moment;
- ``BENCH_UITVOER``: the JSON file the results go to;
- for ``Mandataris``: ``BENCH_LOGIN``, ``BENCH_EMAIL``, ``BENCH_WACHTWOORD``;
- for ``Inschrijver``: ``BENCH_WOONPLAATS`` (a gemeente's id for the form).

Setting up (logging in hashes a password, which is slow on purpose) is not measured: the
statistics are reset when the last user is ready, and locust stops itself ``BENCH_SECONDEN``
later. The results (requests/s, p50, p95, failures, and locust's own CPU time over the same
window) are written by the ``test_stop`` hook.
"""

import contextlib
import json
import os
import re
import resource
import time
import uuid
from pathlib import Path

import gevent
from locust import FastHttpUser, constant, events, task

from bench.inschrijving import inschrijving_gegevens

PAD = os.environ.get("BENCH_PAD", "/")
GEBRUIKERS = int(os.environ.get("BENCH_GEBRUIKERS", "16"))
SECONDEN = float(os.environ.get("BENCH_SECONDEN", "15"))
UITVOER = os.environ.get("BENCH_UITVOER", "")
# The one name under which every measured request is counted.
GEMETEN = "gemeten"

CSRF_VELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _Meting:
    """When the measurement started, locust's CPU time then, and the requests since."""

    klaar = 0
    begin: float | None = None
    cpu_begin = 0.0
    # Measured requests sent and answered: the difference was still waiting at the end.
    verstuurd = 0
    beantwoord = 0


@contextlib.contextmanager
def _gemeten_aanvraag():
    _Meting.verstuurd += 1
    yield
    # Not in a ``finally``: a request cut off when locust stops was never answered.
    _Meting.beantwoord += 1


def _cpu_seconden() -> float:
    gebruik = resource.getrusage(resource.RUSAGE_SELF)
    return gebruik.ru_utime + gebruik.ru_stime


def _gereed(environment) -> None:
    """One more user is ready; the last one starts the measurement and its end."""
    _Meting.klaar += 1
    if _Meting.klaar != GEBRUIKERS:
        return
    environment.runner.stats.reset_all()
    _Meting.verstuurd = _Meting.beantwoord = 0
    _Meting.begin = time.monotonic()
    _Meting.cpu_begin = _cpu_seconden()
    gevent.spawn_later(SECONDEN, environment.runner.quit)


@events.test_stop.add_listener
def _schrijf_resultaat(environment, **kwargs):
    if not UITVOER:
        return
    totaal = environment.stats.total
    gemeten = next(
        (entry for (naam, _), entry in environment.stats.entries.items() if naam == GEMETEN),
        None,
    ) or environment.stats.get(GEMETEN, "GET")
    duur = time.monotonic() - _Meting.begin if _Meting.begin is not None else None
    fouten = sorted(
        environment.stats.errors.values(), key=lambda fout: fout.occurrences, reverse=True
    )
    resultaat = {
        "gestart": _Meting.begin is not None,
        "klaar": _Meting.klaar,
        "seconden": duur,
        "aanvragen": gemeten.num_requests,
        "mislukt": gemeten.num_failures,
        "per_seconde": gemeten.num_requests / duur if duur else gemeten.total_rps,
        "p50": gemeten.get_response_time_percentile(0.5) if gemeten.num_requests else None,
        "p95": gemeten.get_response_time_percentile(0.95) if gemeten.num_requests else None,
        # Failures outside the measured requests (a failed login) count as failures too.
        "andere_mislukt": totaal.num_failures - gemeten.num_failures,
        "onbeantwoord": _Meting.verstuurd - _Meting.beantwoord,
        "fouten": [f"{fout.occurrences}x {fout.name}: {fout.error}" for fout in fouten[:5]],
        # Locust's own CPU time over the window, in % of one core.
        "cpu_procent": (100 * (_cpu_seconden() - _Meting.cpu_begin) / duur if duur else None),
    }
    Path(UITVOER).write_text(json.dumps(resultaat, indent=2), encoding="utf-8")


class _BenchGebruiker(FastHttpUser):
    abstract = True
    wait_time = constant(0)
    # gunicorn sits behind nginx in production, which says the request came over https.
    default_headers = {"X-Forwarded-Proto": "https"}

    def on_start(self):
        try:
            self.voorbereiden()
        finally:
            _gereed(self.environment)

    def voorbereiden(self):
        pass

    def _herkomst(self) -> dict:
        # Django checks the Origin of a POST over https against the host.
        host = self.host.split("://", 1)[-1]
        return {"Origin": f"https://{host}", "Referer": f"https://{host}{PAD}"}

    def _csrf(self, pad: str, naam: str) -> str:
        with self.client.get(pad, name=naam, catch_response=True) as response:
            gevonden = CSRF_VELD.search(response.text or "")
            if response.status_code != 200 or gevonden is None:
                response.failure(f"no form on {pad} (HTTP {response.status_code})")
                return ""
            return gevonden.group(1)


class Bezoeker(_BenchGebruiker):
    """An anonymous visitor: GETs the page, no cookies of its own."""

    @task
    def pagina(self):
        with (
            _gemeten_aanvraag(),
            self.client.get(PAD, name=GEMETEN, catch_response=True) as response,
        ):
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")


class Mandataris(_BenchGebruiker):
    """Logs in through the login form once, then reads the report overview."""

    def voorbereiden(self):
        login = os.environ["BENCH_LOGIN"]
        token = self._csrf(login, "login form")
        if not token:
            return
        gegevens = {
            "csrfmiddlewaretoken": token,
            "login": os.environ["BENCH_EMAIL"],
            "password": os.environ["BENCH_WACHTWOORD"],
        }
        with self.client.post(
            login,
            data=gegevens,
            name="login",
            headers={**self._herkomst(), "Referer": f"{self._herkomst()['Origin']}{login}"},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code not in (302, 303):
                response.failure(f"login refused (HTTP {response.status_code})")
                return
        # Once before the measurement: each worker has then built the page once.
        self.client.get(PAD, name="warm-up", allow_redirects=False)

    @task
    def overzicht(self):
        with (
            _gemeten_aanvraag(),
            self.client.get(
                PAD, name=GEMETEN, allow_redirects=False, catch_response=True
            ) as response,
        ):
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")


class Inschrijver(_BenchGebruiker):
    """Opens the form once (CSRF cookie and token), then registers new families."""

    token = ""

    def voorbereiden(self):
        self.token = self._csrf(PAD, "registration form")

    @task
    def inschrijven(self):
        email = f"gezin-{uuid.uuid4().hex[:16]}@bench.invalid"
        gegevens = {
            "csrfmiddlewaretoken": self.token,
            **inschrijving_gegevens(woonplaats=os.environ["BENCH_WOONPLAATS"], email=email),
        }
        with (
            _gemeten_aanvraag(),
            self.client.post(
                PAD,
                data=gegevens,
                name=GEMETEN,
                headers=self._herkomst(),
                allow_redirects=False,
                catch_response=True,
            ) as response,
        ):
            # Success is the redirect to the thank-you page; anything else is an error.
            adres = response.headers.get("Location", "") if response.headers else ""
            if response.status_code not in (302, 303) or "/ingeschreven/" not in adres:
                response.failure(f"HTTP {response.status_code} {adres}".strip())

"""Outages under load: PostgreSQL restarts, Redis goes away, the portal carries on by itself.

Run by ``.ci/run`` (and by hand: ``.venv/bin/python .ci/storingen.py``). It starts its own
PostgreSQL cluster and its own Redis on free ports in a temporary folder, so it never touches
the machine's own servers, and stops them again at the end, also after a failure:

1. loads the demo into that PostgreSQL and starts gunicorn (``deploy/gunicorn.conf.py``, 2
   workers, production settings, persistent connections with health checks, Redis cache);
2. puts load on it: clients that fetch public pages and clients that register families for one
   moment, each with its own e-mail address;
3. stops PostgreSQL (``pg_ctl stop -m fast``: every connection is cut) for a few seconds, starts
   it again, and lets the load run on; then stops Redis for a few seconds and starts it again;
4. checks:
   - no answer was a 500: while the database is away the portal answers 503 with its "try
     again" page, and nothing else fails;
   - gunicorn was never restarted, and after each outage every page answers 200 again within
     ``HERSTEL_SECONDEN``;
   - while Redis is away the pages keep answering 200 (without cache);
   - no registration is half-written: every registration the portal confirmed (303) is in the
     database, every registration in the database has its reach figures and its confirmation
     mail queued, in the same numbers.

Needs PostgreSQL's server programs (``initdb``, ``pg_ctl``: Debian's ``postgresql`` package)
and ``redis-server``. As root, PostgreSQL runs as the ``postgres`` user.
"""

import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent

# How long each phase lasts (seconds).
OPWARMEN = 5
PG_WEG = 4
NA_PG = 12
REDIS_WEG = 5
NA_REDIS = 10
# After an outage, every page must answer 200 again within this many seconds.
HERSTEL_SECONDEN = 8
LEZERS = 3
INSCHRIJVERS = 2
PAGINAS = ["/", "/aanbod/", "/locaties/", "/nieuws/", "/vraag/"]
EMAIL_PREFIX = "storing-"
CSRF_VELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def meld(tekst: str) -> None:
    print(tekst, flush=True)


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin() -> Path:
    """The folder with initdb and pg_ctl (Debian keeps them out of PATH)."""
    for kandidaat in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (kandidaat / "initdb").exists():
            return kandidaat
    gevonden = shutil.which("initdb")
    if gevonden:
        return Path(gevonden).parent
    raise SystemExit("initdb not found: install PostgreSQL's server package.")


class Diensten:
    """Our own PostgreSQL and Redis, in a temporary folder."""

    def __init__(self, map_: Path):
        self.map = map_
        self.pg_data = map_ / "pg"
        self.pg_poort = vrije_poort()
        self.redis_poort = vrije_poort()
        self.redis = None
        self.bin = pg_bin()
        self.als_postgres = os.geteuid() == 0

    def _pg(self, *argumenten: str, **kwargs) -> subprocess.CompletedProcess:
        opdracht = [str(self.bin / argumenten[0]), *argumenten[1:]]
        if self.als_postgres:
            opdracht = ["runuser", "-u", "postgres", "--", *opdracht]
        return subprocess.run(opdracht, check=True, capture_output=True, text=True, **kwargs)

    def pg_maken(self) -> None:
        self.pg_data.mkdir()
        if self.als_postgres:
            shutil.chown(self.map, "postgres")
            shutil.chown(self.pg_data, "postgres")
        self._pg("initdb", "-D", str(self.pg_data), "-U", "postgres", "-A", "trust", "-E", "UTF8")

    def pg_start(self) -> None:
        opties = f"-p {self.pg_poort} -k {self.pg_data} -c listen_addresses=127.0.0.1"
        self._pg(
            "pg_ctl",
            "-D",
            str(self.pg_data),
            "-o",
            opties,
            "-l",
            str(self.map / "pg.log"),
            "-w",
            "start",
        )

    def pg_stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.pg_data), "-m", "fast", "-w", "stop")

    def redis_start(self) -> None:
        self.redis = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.redis_poort),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.redis_poort), timeout=0.2),
            ):
                return
            time.sleep(0.1)
        raise SystemExit("redis-server did not start")

    def redis_stop(self) -> None:
        if self.redis and self.redis.poll() is None:
            self.redis.terminate()
            self.redis.wait(10)
        self.redis = None

    def opruimen(self) -> None:
        self.redis_stop()
        with contextlib.suppress(Exception):
            self.pg_stop()


def omgeving(diensten: Diensten, static: Path) -> dict:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_"))},
        "DJANGO_SETTINGS_MODULE": "hvk.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{diensten.pg_poort}/hvk",
        "REDIS_URL": f"redis://127.0.0.1:{diensten.redis_poort}/0",
        "CONN_MAX_AGE": "60",
        "HVK_STATIC_MANIFEST": "1",
        "STATIC_ROOT": str(static),
        "MEDIA_ROOT": str(static.parent / "media"),
        "BEHIND_HTTPS_PROXY": "1",
        # The load generator speaks plain http to gunicorn, as nginx would.
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "HVK_INSCHRIJVING_PER_UUR": "1000000000",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_MAX_REQUESTS": "0",
        "BENCH_WACHTWOORD": secrets.token_urlsafe(20),
    }


def manage(env: dict, *argumenten: str) -> str:
    uit = subprocess.run(
        [PYTHON, "manage.py", *argumenten], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    if uit.returncode:
        raise SystemExit(f"manage.py {' '.join(argumenten)} failed:\n{uit.stdout}{uit.stderr}")
    return uit.stdout


class Verbinding:
    """One client: a keep-alive connection with its own cookies, as a browser behind nginx."""

    def __init__(self, poort: int):
        self.poort = poort
        self.host = f"127.0.0.1:{poort}"
        self.cookies: dict[str, str] = {}
        self.http = None

    def vraag(self, methode: str, pad: str, body: dict | None = None) -> tuple[int, str]:
        koppen = {"X-Forwarded-Proto": "https", "Host": self.host}
        if self.cookies:
            koppen["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            koppen["Content-Type"] = "application/x-www-form-urlencoded"
            koppen["Origin"] = f"https://{self.host}"
            koppen["Referer"] = f"https://{self.host}{pad}"
        try:
            if self.http is None:
                self.http = http.client.HTTPConnection("127.0.0.1", self.poort, timeout=30)
            self.http.request(methode, pad, body=data, headers=koppen)
            antwoord = self.http.getresponse()
            inhoud = antwoord.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            # A connection gunicorn closed: open a new one next time; not the portal's answer.
            self.http = None
            return 0, ""
        for kop in antwoord.headers.get_all("Set-Cookie") or []:
            naam, _, rest = kop.partition("=")
            self.cookies[naam.strip()] = rest.split(";", 1)[0]
        return antwoord.status, inhoud


class Last:
    """The clients and what they saw: (time, kind, status) per request."""

    def __init__(self, poort: int, plan: dict):
        self.poort = poort
        self.plan = plan
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.antwoorden: list[tuple[float, str, int]] = []
        self.bevestigd: list[str] = []  # e-mail addresses that got the thank-you redirect
        self.verstuurd: list[str] = []  # every e-mail address posted
        self.draden = [
            threading.Thread(target=self.lezer, args=(i,), daemon=True) for i in range(LEZERS)
        ] + [
            threading.Thread(target=self.inschrijver, args=(i,), daemon=True)
            for i in range(INSCHRIJVERS)
        ]

    def noteer(self, soort: str, status: int) -> None:
        with self.lock:
            self.antwoorden.append((time.monotonic(), soort, status))

    def lezer(self, nummer: int) -> None:
        client = Verbinding(self.poort)
        i = nummer
        while not self.stop.is_set():
            pad = PAGINAS[i % len(PAGINAS)]
            status, _ = client.vraag("GET", pad)
            self.noteer("page", status)
            i += 1
            time.sleep(0.02)

    def inschrijver(self, nummer: int) -> None:
        client = Verbinding(self.poort)
        pad = self.plan["inschrijven"]
        teller = 0
        while not self.stop.is_set():
            status, html = client.vraag("GET", pad)
            self.noteer("form", status)
            gevonden = CSRF_VELD.search(html) if status == 200 else None
            if not gevonden:
                time.sleep(0.2)
                continue
            teller += 1
            email = f"{EMAIL_PREFIX}{nummer}-{teller}-{secrets.token_hex(3)}@example.org"
            with self.lock:
                self.verstuurd.append(email)
            status, _ = client.vraag(
                "POST",
                pad,
                {
                    "csrfmiddlewaretoken": gevonden.group(1),
                    "naam": "Storing Gezin",
                    "email": email,
                    "telefoon": "",
                    "woonplaats": self.plan["woonplaats"],
                    "volwassenen": "1",
                    "kind_1": "12",
                    "opmerking": "",
                    "wachtlijst": "on",
                    "toestemming": "on",
                    "website": "",
                },
            )
            self.noteer("registration", status)
            if status == 303:
                with self.lock:
                    self.bevestigd.append(email)
            time.sleep(0.05)

    def start(self) -> None:
        for draad in self.draden:
            draad.start()

    def stoppen(self) -> None:
        self.stop.set()
        for draad in self.draden:
            draad.join(30)


def telling(antwoorden, van: float, tot: float) -> Counter:
    return Counter(status for t, _, status in antwoorden if van <= t < tot)


CONTROLE = """
import json
from django.db.models import Sum
from aanbod.models import Bereikcijfer, Inschrijving
from django_tasks_db.models import DBTaskResult

rijen = Inschrijving.objects.filter(email__startswith=%(prefix)r)
ids = set(rijen.values_list("pk", flat=True))
bevestigd = rijen.filter(status=Inschrijving.Status.BEVESTIGD)
personen = sum(i.volwassenen + i.kinderen for i in bevestigd)
moment = %(moment)d
bereik = Bereikcijfer.objects.filter(moment_id=moment).aggregate(s=Sum("ingeschreven"))["s"] or 0
mails = 0
for taak in DBTaskResult.objects.filter(task_path__endswith="inschrijvingsmail"):
    if taak.args_kwargs.get("kwargs", {}).get("inschrijving_id") in ids:
        mails += 1
print(json.dumps({
    "emails": sorted(rijen.values_list("email", flat=True)),
    "onvolledig": rijen.filter(naam="").count(),
    "personen_bevestigd": personen,
    "bereik": bereik,
    "mails": mails,
    "rijen": len(ids),
}))
"""


def controle(env: dict, moment: int) -> dict:
    uit = manage(
        env, "shell", "--no-imports", "-c", CONTROLE % {"prefix": EMAIL_PREFIX, "moment": moment}
    )
    return json.loads(uit.strip().splitlines()[-1])


def bereik_van_moment(env: dict, moment: int) -> int:
    code = (
        "from django.db.models import Sum\n"
        "from aanbod.models import Bereikcijfer\n"
        f"rijen = Bereikcijfer.objects.filter(moment_id={moment})\n"
        "print(rijen.aggregate(s=Sum('ingeschreven'))['s'] or 0)"
    )
    return int(manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1])


def wacht_op_gunicorn(poort: int, gunicorn: subprocess.Popen) -> None:
    client = Verbinding(poort)
    for _ in range(60):
        if gunicorn.poll() is not None:
            raise SystemExit("gunicorn stopped")
        if client.vraag("GET", "/healthz")[0] == 200:
            return
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz")


def main() -> int:
    fouten: list[str] = []
    map_ = Path(tempfile.mkdtemp(prefix="hvk-storingen-"))
    diensten = Diensten(map_)
    gunicorn = None
    try:
        meld(
            f"PostgreSQL (own cluster, port {diensten.pg_poort}) "
            f"and Redis (port {diensten.redis_poort})"
        )
        diensten.pg_maken()
        diensten.pg_start()
        diensten.redis_start()
        static = map_ / "static"
        env = omgeving(diensten, static)
        subprocess.run(
            [
                str(diensten.bin / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(diensten.pg_poort),
                "-U",
                "postgres",
                "hvk",
            ],
            check=True,
        )
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "demo", "--ook-in-productie")
        manage(env, "collectstatic", "--noinput", "-v", "0")
        plan_pad = map_ / "plan.json"
        voorbereid = subprocess.run(
            [PYTHON, "bench/stappen.py", "voorbereiden", str(plan_pad)],
            cwd=PROJECT,
            env={**env, "PYTHONPATH": str(PROJECT), "HVK_BENCH": "1"},
            capture_output=True,
            text=True,
        )
        if voorbereid.returncode:
            raise SystemExit(f"bench/stappen.py voorbereiden failed:\n{voorbereid.stderr}")
        plan = json.loads(plan_pad.read_text(encoding="utf-8"))
        moment = int(plan["inschrijven"].rstrip("/").split("/")[-2])
        bereik_voor = bereik_van_moment(env, moment)

        poort = vrije_poort()
        gunicorn = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "hvk.wsgi"],
            cwd=PROJECT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{poort}"},
            stdout=open(map_ / "gunicorn.log", "w"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        wacht_op_gunicorn(poort, gunicorn)
        meld(f"gunicorn (pid {gunicorn.pid}) serves the demo on port {poort}; load starts")

        last = Last(poort, plan)
        last.start()
        time.sleep(OPWARMEN)
        pg_weg = time.monotonic()
        diensten.pg_stop()
        meld(f"PostgreSQL stopped for {PG_WEG} s")
        time.sleep(PG_WEG)
        diensten.pg_start()
        pg_terug = time.monotonic()
        meld("PostgreSQL started again")
        time.sleep(NA_PG)
        redis_weg = time.monotonic()
        diensten.redis_stop()
        meld(f"Redis stopped for {REDIS_WEG} s")
        time.sleep(REDIS_WEG)
        diensten.redis_start()
        redis_terug = time.monotonic()
        meld("Redis started again")
        time.sleep(NA_REDIS)
        last.stoppen()
        einde = time.monotonic()
        if gunicorn.poll() is not None:
            fouten.append("gunicorn stopped during the run")

        a = last.antwoorden
        begin = a[0][0] if a else einde
        fasen = [
            ("before the outages", begin, pg_weg),
            ("PostgreSQL away", pg_weg, pg_terug),
            (
                f"PostgreSQL back (first {HERSTEL_SECONDEN} s)",
                pg_terug,
                pg_terug + HERSTEL_SECONDEN,
            ),
            ("PostgreSQL back (after that)", pg_terug + HERSTEL_SECONDEN, redis_weg),
            ("Redis away", redis_weg, redis_terug),
            (
                f"Redis back (first {HERSTEL_SECONDEN} s)",
                redis_terug,
                redis_terug + HERSTEL_SECONDEN,
            ),
            ("Redis back (after that)", redis_terug + HERSTEL_SECONDEN, einde + 1),
        ]
        meld("\nAnswers per phase (HTTP status: count; 0 = connection closed before an answer):")
        for naam, van, tot in fasen:
            meld(f"  {naam:<34} {dict(sorted(telling(a, van, tot).items()))}")

        vijfhonderd = [s for _, _, s in a if s >= 500 and s != 503]
        if vijfhonderd:
            fouten.append(f"{len(vijfhonderd)} answers were a server error: {Counter(vijfhonderd)}")
        buiten = telling(a, begin, pg_weg) + telling(a, pg_terug + HERSTEL_SECONDEN, redis_weg)
        buiten += telling(a, redis_weg, einde + 1)
        slecht = {s: n for s, n in buiten.items() if s not in (200, 303)}
        if slecht:
            fouten.append(
                f"outside the PostgreSQL outage (and its {HERSTEL_SECONDEN} s) not all answers "
                f"were 200/303: {slecht}"
            )
        if not telling(a, pg_weg, pg_terug).get(503):
            fouten.append(
                "no 503 'try again' page while PostgreSQL was away: was it really stopped?"
            )
        if not telling(a, redis_weg, redis_terug).get(200):
            fouten.append("no page was served while Redis was away")

        stand = controle(env, moment)
        in_db = set(stand["emails"])
        ontbreekt = [e for e in last.bevestigd if e not in in_db]
        meld(
            f"\nRegistrations: {len(last.verstuurd)} posted, {len(last.bevestigd)} confirmed with "
            f"303, {stand['rijen']} in the database, {stand['mails']} confirmation mails queued; "
            f"people confirmed {stand['personen_bevestigd']}, reach figures of the moment "
            f"+{stand['bereik'] - bereik_voor}"
        )
        if ontbreekt:
            fouten.append(f"{len(ontbreekt)} registrations confirmed to the family are missing")
        if stand["onvolledig"]:
            fouten.append(f"{stand['onvolledig']} registrations are incomplete")
        if stand["bereik"] - bereik_voor != stand["personen_bevestigd"]:
            fouten.append("the reach figures do not match the confirmed registrations")
        if stand["mails"] != stand["rijen"]:
            fouten.append("not every registration has its confirmation mail queued")
        if not last.bevestigd:
            fouten.append("no registration went through at all")
    finally:
        if gunicorn is not None and gunicorn.poll() is None:
            gunicorn.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                gunicorn.wait(30)
        if fouten:
            with contextlib.suppress(OSError):
                meld("\ngunicorn log (last 40 lines):")
                meld("\n".join((map_ / "gunicorn.log").read_text().splitlines()[-40:]))
        diensten.opruimen()
        shutil.rmtree(map_, ignore_errors=True)

    if fouten:
        meld("\nOutage test FAILED:\n- " + "\n- ".join(fouten))
        return 1
    meld("\nOutage test passed: no server error, recovered by itself, nothing half-written.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`make bench`: the portal under load on PostgreSQL, gunicorn and Redis (docs/bench.md).

Starts everything it needs and stops it again, also on Ctrl-C or an error:

1. checks that PostgreSQL (PG* variables, default postgres@127.0.0.1:5432) and Redis
   (BENCH_REDIS_URL, default redis://127.0.0.1:6379/14, emptied before every run) answer;
2. creates the throw-away database hvk_bench_<pid>, migrates it, collects the static files into
   a temporary folder and loads the demo at the first scale;
3. per scale: prepares the pages (``bench/stappen.py``), counts each page's queries, starts
   gunicorn (deploy/gunicorn.conf.py, 2 workers, production settings, the bare view on) with
   the page cache on and measures the bare view, every public page (warm), the report overview
   and the registration POST; then restarts gunicorn with the page cache off and measures the
   public pages and the report overview again;
4. prints the table and the targets, and writes them to bench/resultaten/laatste.md.

Settings (environment): BENCH_SCHALEN (default "1,20"), BENCH_SECONDEN (default 15),
BENCH_GEBRUIKERS (default 16), BENCH_REDIS_URL, BENCH_GUNICORN_MAX_REQUESTS (default 0: no
worker replacement), PGHOST, PGPORT, PGUSER, PGPASSWORD.
"""

import contextlib
import datetime as dt
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from urllib.parse import quote

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

from bench import rapport  # noqa: E402
from bench.rapport import CACHED, GEEN_MODUS, INSCHRIJVEN, KAAL, RAPPORT, UNCACHED  # noqa: E402

BIN = Path(sys.executable).parent
PYTHON = sys.executable
RESULTATEN = PROJECT / "bench" / "resultaten" / "laatste.md"

# Requests before a page is measured: a cached page is then stored and read by both workers;
# an uncached one has had its templates loaded (fewer: at scale 20 one can take a second).
OPWARMEN = 20
OPWARMEN_UNCACHED = 4
# The page cache's lifetime in the cached runs; longer than any run.
CACHE_SECONDEN = 60
# One request slower than this is not put under load: the page is noted as too slow.
TRAAG_SECONDEN = 10
# A query that runs longer is cancelled (gunicorn and the query count only), so one runaway
# query cannot hold a gunicorn thread, and the bench, for many minutes.
QUERY_GRENS_MS = 30_000
# How long a step (migrate, the demo at scale 20, counting queries) may take at most.
STAP_SECONDEN = 45 * 60
# Extra seconds locust gets to set up its users before it is stopped from outside.
LOCUST_MARGE = 90
# Settings that must come from the bench, never from the caller's environment.
EIGEN_PREFIXEN = (
    "HVK_",
    "GUNICORN_",
    "EMAIL_",
    "SECURE_",
    "SESSION_",
    "CSRF_",
)
EIGEN_NAMEN = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "CONN_MAX_AGE",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "BEHIND_HTTPS_PROXY",
    "RATELIMIT_IP_META_KEY",
    "DJANGO_SETTINGS_MODULE",
}


class BenchFout(Exception):
    """Something the bench needs is missing or failed; the message says what to do."""


def meld(tekst: str) -> None:
    print(tekst, flush=True)


# --- Settings and services ------------------------------------------------------------------


def _schalen() -> list[int]:
    ruw = os.environ.get("BENCH_SCHALEN") or "1,20"
    try:
        schalen = [int(deel) for deel in ruw.split(",") if deel.strip()]
    except ValueError as exc:
        raise BenchFout(f"BENCH_SCHALEN={ruw!r}: give scales as a comma list, e.g. 1,20") from exc
    if not schalen or any(s < 1 for s in schalen):
        raise BenchFout(f"BENCH_SCHALEN={ruw!r}: scales are whole numbers from 1")
    return sorted(set(schalen))


def _positief(naam: str, standaard: int) -> int:
    ruw = os.environ.get(naam) or str(standaard)
    try:
        waarde = int(ruw)
    except ValueError as exc:
        raise BenchFout(f"{naam}={ruw!r} is not a whole number") from exc
    if waarde < 1:
        raise BenchFout(f"{naam}={ruw!r} must be at least 1")
    return waarde


def _postgres() -> dict:
    return {
        "host": os.environ.get("PGHOST") or "127.0.0.1",
        "port": int(os.environ.get("PGPORT") or 5432),
        "user": os.environ.get("PGUSER") or "postgres",
        "password": os.environ.get("PGPASSWORD") or None,
    }


def _beheerverbinding(pg: dict, dbname: str = "postgres"):
    import psycopg

    return psycopg.connect(dbname=dbname, connect_timeout=3, autocommit=True, **pg)


def _database_url(pg: dict, naam: str) -> str:
    wachtwoord = f":{quote(pg['password'], safe='')}" if pg["password"] else ""
    return f"postgres://{quote(pg['user'], safe='')}{wachtwoord}@{pg['host']}:{pg['port']}/{naam}"


def controleer_diensten(pg: dict, redis_url: str) -> None:
    try:
        with _beheerverbinding(pg) as verbinding:
            verbinding.execute("SELECT 1")
    except Exception as exc:
        raise BenchFout(
            f"PostgreSQL does not answer at {pg['user']}@{pg['host']}:{pg['port']} ({exc}).\n"
            "Start it (e.g. pg_ctlcluster 15 main start) or point PGHOST, PGPORT, PGUSER and "
            "PGPASSWORD at one."
        ) from exc
    import redis

    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=2).ping()
    except Exception as exc:
        raise BenchFout(
            f"Redis does not answer at {redis_url} ({exc}).\n"
            "Start it (e.g. redis-server --daemonize yes) or set BENCH_REDIS_URL. The bench "
            "empties that Redis database before every run: never point it at one in use."
        ) from exc


def leeg_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url, socket_connect_timeout=2).flushdb()


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- Processes ------------------------------------------------------------------------------


class Bench:
    """Everything one run started, so that ``opruimen`` can stop and remove it all."""

    def __init__(self):
        self.pg = _postgres()
        self.redis_url = os.environ.get("BENCH_REDIS_URL") or "redis://127.0.0.1:6379/14"
        self.schalen = _schalen()
        self.seconden = _positief("BENCH_SECONDEN", 15)
        self.gebruikers = _positief("BENCH_GEBRUIKERS", 16)
        self.database = f"hvk_bench_{os.getpid()}"
        self.map = Path(tempfile.mkdtemp(prefix="hvk_bench_"))
        self.database_gemaakt = False
        self.gunicorn: subprocess.Popen | None = None
        self.gunicorn_log: Path | None = None
        self.locust_proces: subprocess.Popen | None = None
        self.wachtwoord = secrets.token_urlsafe(24)
        self.metingen: list[rapport.Meting] = []
        self.plannen: dict[int, dict] = {}
        self.opmerkingen: list[str] = []

    # The environment of every manage.py, gunicorn and bench step: production settings.
    def omgeving(self, *, query_grens: bool = False, **extra) -> dict:
        omgeving = {
            naam: waarde
            for naam, waarde in os.environ.items()
            if not naam.startswith(EIGEN_PREFIXEN) and naam.removesuffix("_FILE") not in EIGEN_NAMEN
        }
        omgeving.update(
            DJANGO_SETTINGS_MODULE="hvk.settings",
            PYTHONPATH=str(PROJECT),
            DEBUG="0",
            SECRET_KEY=self.geheim,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=_database_url(self.pg, self.database)
            + (f"?options=-c%20statement_timeout%3D{QUERY_GRENS_MS}" if query_grens else ""),
            REDIS_URL=self.redis_url,
            CONN_MAX_AGE="60",
            HVK_STATIC_MANIFEST="1",
            STATIC_ROOT=str(self.map / "static"),
            MEDIA_ROOT=str(self.map / "media"),
            BEHIND_HTTPS_PROXY="1",
            HVK_BENCH="1",
            # Every registration of the bench comes from 127.0.0.1.
            HVK_INSCHRIJVING_PER_UUR="1000000000",
            # No mail leaves: mails are queued as tasks (no worker runs), and anything sent
            # directly goes nowhere.
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            # The load generator speaks plain http to gunicorn (nginx speaks https to the
            # browser in production): cookies marked Secure would never come back.
            SESSION_COOKIE_SECURE="0",
            CSRF_COOKIE_SECURE="0",
            BENCH_WACHTWOORD=self.wachtwoord,
        )
        omgeving.update(extra)
        return omgeving

    @property
    def geheim(self) -> str:
        if not hasattr(self, "_geheim"):
            self._geheim = secrets.token_urlsafe(50)
        return self._geheim

    def stap(self, *argumenten: str, log: str, **omgeving) -> str:
        """Run a command of the project; its output goes to a log, shown when it fails."""
        pad = self.map / f"{log}.log"
        with pad.open("w", encoding="utf-8") as uit:
            try:
                klaar = subprocess.run(  # noqa: S603
                    [*argumenten],
                    cwd=PROJECT,
                    env=self.omgeving(**omgeving),
                    stdout=uit,
                    stderr=subprocess.STDOUT,
                    check=False,
                    timeout=STAP_SECONDEN,
                )
            except subprocess.TimeoutExpired as exc:
                raise BenchFout(
                    f"{' '.join(argumenten[1:])} took more than {STAP_SECONDEN // 60} minutes"
                ) from exc
        tekst = pad.read_text(encoding="utf-8", errors="replace")
        if klaar.returncode != 0:
            raise BenchFout(f"{' '.join(argumenten[1:])} failed:\n{tekst[-3000:]}")
        return tekst

    def manage(self, *argumenten: str, log: str) -> str:
        return self.stap(PYTHON, "manage.py", *argumenten, log=log)

    # --- Database ---------------------------------------------------------------------------

    def database_maken(self) -> None:
        with _beheerverbinding(self.pg) as verbinding:
            verbinding.execute(f'CREATE DATABASE "{self.database}"')
        self.database_gemaakt = True

    def database_weg(self) -> None:
        if not self.database_gemaakt:
            return
        with _beheerverbinding(self.pg) as verbinding:
            verbinding.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        self.database_gemaakt = False

    # --- gunicorn ---------------------------------------------------------------------------

    def gunicorn_starten(self, *, cache_seconden: int) -> str:
        poort = vrije_poort()
        self.gunicorn_log = self.map / f"gunicorn-{len(list(self.map.glob('gunicorn-*')))}.log"
        omgeving = self.omgeving(
            query_grens=True,
            GUNICORN_BIND=f"127.0.0.1:{poort}",
            GUNICORN_WORKERS="2",
            # Production replaces a worker every ~1,000 requests; at the rates measured here
            # that is a new worker every second or two, which would be most of what the bench
            # sees. Steady state instead, unless asked otherwise (docs/bench.md).
            GUNICORN_MAX_REQUESTS=os.environ.get("BENCH_GUNICORN_MAX_REQUESTS") or "0",
            HVK_PAGINACACHE_SECONDEN=str(cache_seconden),
        )
        with self.gunicorn_log.open("w", encoding="utf-8") as uit:
            self.gunicorn = subprocess.Popen(  # noqa: S603
                [str(BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "hvk.wsgi"],
                cwd=PROJECT,
                env=omgeving,
                stdout=uit,
                stderr=subprocess.STDOUT,
                # Its own process group: Ctrl-C reaches this script, which stops it in order.
                start_new_session=True,
            )
        for _ in range(120):
            if self.gunicorn.poll() is not None:
                break
            with contextlib.suppress(OSError):
                status, _, _ = haal(poort, "/healthz")
                if status == 200:
                    return f"http://127.0.0.1:{poort}"
            time.sleep(0.5)
        log = self.gunicorn_log.read_text(encoding="utf-8", errors="replace")
        raise BenchFout(f"gunicorn did not become healthy:\n{log[-3000:]}")

    def gunicorn_stoppen(self) -> None:
        proces, self.gunicorn = self.gunicorn, None
        if proces is None or proces.poll() is not None:
            return
        proces.terminate()
        try:
            proces.wait(timeout=40)
        except subprocess.TimeoutExpired:
            # Its group holds the master and its workers, and nothing else.
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=10)

    # --- locust -----------------------------------------------------------------------------

    def locust(self, gebruiker: str, url: str, pad: str, naam: str, **extra) -> dict:
        uitvoer = self.map / f"locust-{len(list(self.map.glob('locust-*.json')))}.json"
        log = uitvoer.with_suffix(".log")
        omgeving = self.omgeving(
            BENCH_PAD=pad,
            BENCH_GEBRUIKERS=str(self.gebruikers),
            BENCH_SECONDEN=str(self.seconden),
            BENCH_UITVOER=str(uitvoer),
            **extra,
        )
        opdracht = [
            str(BIN / "locust"),
            "-f",
            "bench/locustfile.py",
            "--headless",
            "-u",
            str(self.gebruikers),
            "-r",
            str(self.gebruikers),
            "-t",
            f"{self.seconden + LOCUST_MARGE}s",
            "--host",
            url,
            "--only-summary",
            "--loglevel",
            "WARNING",
            gebruiker,
        ]
        with log.open("w", encoding="utf-8") as uit:
            self.locust_proces = subprocess.Popen(  # noqa: S603
                opdracht,
                cwd=PROJECT,
                env=omgeving,
                stdout=uit,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                self.locust_proces.wait(timeout=self.seconden + LOCUST_MARGE + 60)
            finally:
                self.locust_stoppen()
        if not uitvoer.exists():
            tekst = log.read_text(encoding="utf-8", errors="replace")
            raise BenchFout(f"locust gave no result for {naam}:\n{tekst[-3000:]}")
        return json.loads(uitvoer.read_text(encoding="utf-8"))

    def locust_stoppen(self) -> None:
        proces, self.locust_proces = self.locust_proces, None
        if proces is None or proces.poll() is not None:
            return
        proces.terminate()
        try:
            proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=10)

    def opruimen(self) -> None:
        for stap in (self.locust_stoppen, self.gunicorn_stoppen, self.database_weg):
            try:
                stap()
            except Exception as exc:
                meld(f"cleaning up: {stap.__name__} failed: {exc}")
        shutil.rmtree(self.map, ignore_errors=True)


def haal(poort: int, pad: str, *, seconden: float = 60) -> tuple[int, dict, bytes]:
    """One GET as nginx would pass it on (https), without following a redirect."""
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=seconden)
    try:
        verbinding.request("GET", pad, headers={"X-Forwarded-Proto": "https"})
        antwoord = verbinding.getresponse()
        return antwoord.status, dict(antwoord.getheaders()), antwoord.read()
    finally:
        verbinding.close()


# --- The measurements -----------------------------------------------------------------------


def demo_kent_schaal(bench: Bench) -> bool:
    return "--scale" in bench.manage("demo", "--help", log="demo-help")


def demo_laden(bench: Bench, schaal: int, met_schaal: bool) -> bool:
    """Load the demo at ``schaal``; False when this ``demo`` cannot make that scale."""
    if not met_schaal and schaal != 1:
        meld(
            f"WARNING: `manage.py demo` has no --scale yet: scale {schaal} is skipped "
            "(only the plain demo, as scale 1, is measured)."
        )
        bench.opmerkingen.append(f"scale {schaal} skipped: `demo` has no --scale option")
        return False
    argumenten = ["demo", "--ook-in-productie"]
    if met_schaal:
        argumenten += ["--scale", str(schaal)]
    begin = time.monotonic()
    bench.manage(*argumenten, log=f"demo-{schaal}")
    # Fresh statistics, as autovacuum would make them some minutes after a bulk load: without
    # them PostgreSQL can pick plans that take minutes instead of milliseconds.
    with _beheerverbinding(bench.pg, bench.database) as verbinding:
        verbinding.execute("ANALYZE")
    meld(f"  demo at scale {schaal} loaded in {time.monotonic() - begin:.0f} s")
    return True


def _meting(bench: Bench, *, naam: str, schaal: int, modus: str, queries, **cijfers) -> None:
    telling = queries.get(naam, {})
    meting = rapport.Meting(
        pagina=naam,
        schaal=schaal,
        modus=modus,
        queries=telling.get("queries"),
        # Built without the page cache: only comparable with the runs that are.
        alleen_ms=telling.get("ms") if modus in (UNCACHED, GEEN_MODUS) else None,
        **cijfers,
    )
    bench.metingen.append(meting)
    meld(
        f"  {naam:<22} {modus:<8} {meting.per_seconde:8.1f} req/s  p50 {meting.p50} ms  "
        f"p95 {meting.p95} ms  failures {meting.mislukt}  locust CPU {meting.locust_cpu or 0:.0f}%"
    )


def opwarmen(bench: Bench, url: str, pad: str, naam: str, *, cached: bool) -> str:
    """Ask the page a few times before it is measured; the reason when it cannot be."""
    poort = int(url.rsplit(":", 1)[1])
    aantal = OPWARMEN if cached else OPWARMEN_UNCACHED
    status, headers, gelukt = 0, {}, 0
    tot = time.monotonic() + TRAAG_SECONDEN
    for _ in range(aantal + 5):
        begin = time.monotonic()
        try:
            status, headers, _ = haal(poort, pad)
        except ConnectionError:
            # A worker that is being replaced drops the connections it held; ask again.
            continue
        except TimeoutError:
            return "no answer within 60 s"
        duur = time.monotonic() - begin
        if status != 200:
            return f"HTTP {status} after {duur:.1f} s"
        if duur > TRAAG_SECONDEN:
            return f"one request took {duur:.1f} s (more than {TRAAG_SECONDEN} s)"
        gelukt += 1
        # A slow page is warm after its first requests; the rest of the time is for measuring.
        if gelukt == aantal or (gelukt >= 2 and time.monotonic() > tot):
            break
    if not gelukt:
        return "gunicorn dropped every connection"
    herkomst = headers.get("X-Paginacache")
    if cached and herkomst != "hit":
        bench.opmerkingen.append(
            f"{naam} ({pad}): not served from the page cache after warming up "
            f"(X-Paginacache: {herkomst or 'absent'})"
        )
    return ""


def wacht_tot_rustig(bench: Bench, url: str) -> None:
    """Let requests still running from a run finish, so they do not slow down the next one."""
    tot = time.monotonic() + 2 * QUERY_GRENS_MS / 1000
    with _beheerverbinding(bench.pg) as verbinding:
        while time.monotonic() < tot:
            bezig = verbinding.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND state = 'active'",
                [bench.database],
            ).fetchone()[0]
            if not bezig:
                break
            time.sleep(0.5)
    with contextlib.suppress(OSError):
        haal(int(url.rsplit(":", 1)[1]), "/healthz", seconden=2 * QUERY_GRENS_MS / 1000)


def meet(
    bench: Bench,
    url: str,
    *,
    gebruiker: str,
    naam: str,
    pad: str,
    schaal: int,
    modus: str,
    queries: dict,
    opwarmen_als: str | None = None,
    **extra,
) -> None:
    """One run of the load generator on one page, from an empty Redis."""
    leeg_redis(bench.redis_url)
    if opwarmen_als is not None:
        reden = opwarmen(bench, url, pad, naam, cached=opwarmen_als == CACHED)
        if reden:
            bench.opmerkingen.append(
                f"scale {schaal}, {naam} {modus} ({pad}): not measured under load: {reden}"
            )
            _meting(
                bench,
                naam=naam,
                schaal=schaal,
                modus=modus,
                queries=queries,
                per_seconde=0.0,
                p50=None,
                p95=None,
                mislukt=0 if reden.startswith("one request took") else 1,
            )
            wacht_tot_rustig(bench, url)
            return
    resultaat = bench.locust(gebruiker, url, pad, naam, **extra)
    _meting(
        bench,
        naam=naam,
        schaal=schaal,
        modus=modus,
        queries=queries,
        per_seconde=resultaat["per_seconde"],
        p50=resultaat["p50"],
        p95=resultaat["p95"],
        mislukt=resultaat["mislukt"] + resultaat["andere_mislukt"],
        aanvragen=resultaat["aanvragen"],
        locust_cpu=resultaat["cpu_procent"],
    )
    if resultaat["fouten"]:
        meld("    " + "\n    ".join(resultaat["fouten"]))
    if not resultaat["gestart"]:
        bench.opmerkingen.append(
            f"scale {schaal}, {naam}: only {resultaat['klaar']} of {bench.gebruikers} clients "
            f"got ready within {LOCUST_MARGE + bench.seconden} s; the figures cover that time"
        )
    elif not resultaat["aanvragen"]:
        bench.opmerkingen.append(
            f"scale {schaal}, {naam} {modus}: no request was answered within "
            f"{bench.seconden} s ({resultaat['onbeantwoord']} still waiting)"
        )
    wacht_tot_rustig(bench, url)


def meet_publiek(bench: Bench, url: str, plan: dict, schaal: int, modus: str, queries) -> None:
    for pagina in plan["publiek"]:
        meet(
            bench,
            url,
            gebruiker="Bezoeker",
            naam=pagina["naam"],
            pad=pagina["pad"],
            schaal=schaal,
            modus=modus,
            queries=queries,
            opwarmen_als=modus,
        )


def meet_rapport(bench: Bench, url: str, plan: dict, modus: str, **gemeen) -> None:
    # The report's figures are kept in the same shared cache as the pages, and switched off
    # with it (hvk/paginacache.py, ``bewaard``): measured both ways, like the public pages.
    meet(
        bench,
        url,
        gebruiker="Mandataris",
        naam=RAPPORT,
        pad=plan["rapport"],
        modus=modus,
        BENCH_LOGIN=plan["login"],
        BENCH_EMAIL=plan["mandataris"],
        **gemeen,
    )


def meet_schaal(bench: Bench, schaal: int) -> None:
    plan_pad = bench.map / f"plan-{schaal}.json"
    queries_pad = bench.map / f"queries-{schaal}.json"
    bench.stap(PYTHON, "bench/stappen.py", "voorbereiden", str(plan_pad), log=f"plan-{schaal}")
    begin = time.monotonic()
    bench.stap(
        PYTHON,
        "bench/stappen.py",
        "queries",
        str(plan_pad),
        str(queries_pad),
        log=f"queries-{schaal}",
        query_grens=True,
    )
    meld(f"  queries per page counted in {time.monotonic() - begin:.0f} s")
    plan = json.loads(plan_pad.read_text(encoding="utf-8"))
    queries = json.loads(queries_pad.read_text(encoding="utf-8"))
    bench.plannen[schaal] = plan
    for naam, telling in queries.items():
        verwacht = 303 if naam == INSCHRIJVEN else 200
        if telling["status"] != verwacht:
            bench.opmerkingen.append(
                f"scale {schaal}, {naam}: counting queries, the test client got "
                f"{telling['status']}, expected HTTP {verwacht}"
            )
    gemeen = {"schaal": schaal, "queries": queries}

    meld(f"\nScale {schaal}: page cache on ({CACHE_SECONDEN} s)")
    url = bench.gunicorn_starten(cache_seconden=CACHE_SECONDEN)
    try:
        meet(
            bench,
            url,
            gebruiker="Bezoeker",
            naam=KAAL,
            pad=plan["kaal"],
            modus=GEEN_MODUS,
            opwarmen_als=UNCACHED,
            **gemeen,
        )
        meet_publiek(bench, url, plan, schaal, CACHED, queries)
        meet_rapport(bench, url, plan, CACHED, **gemeen)
        meet(
            bench,
            url,
            gebruiker="Inschrijver",
            naam=INSCHRIJVEN,
            pad=plan["inschrijven"],
            modus=GEEN_MODUS,
            BENCH_WOONPLAATS=plan["woonplaats"],
            **gemeen,
        )
    finally:
        bench.gunicorn_stoppen()

    meld(f"\nScale {schaal}: page cache off")
    url = bench.gunicorn_starten(cache_seconden=0)
    try:
        meet_publiek(bench, url, plan, schaal, UNCACHED, queries)
        meet_rapport(bench, url, plan, UNCACHED, **gemeen)
    finally:
        bench.gunicorn_stoppen()


# --- The report -----------------------------------------------------------------------------


def _volgorde(bench: Bench) -> list[rapport.Meting]:
    """Per scale: the bare view, each page cached then uncached, the report, the POST."""
    namen = [KAAL]
    for plan in bench.plannen.values():
        namen += [p["naam"] for p in plan["publiek"] if p["naam"] not in namen]
    namen += [RAPPORT, INSCHRIJVEN]
    modi = [GEEN_MODUS, CACHED, UNCACHED]
    return sorted(
        bench.metingen,
        key=lambda m: (m.schaal, namen.index(m.pagina), modi.index(m.modus)),
    )


def _adressen(bench: Bench) -> list[str]:
    regels = []
    for schaal, plan in bench.plannen.items():
        paden = [(KAAL, plan["kaal"])]
        paden += [(p["naam"], p["pad"]) for p in plan["publiek"]]
        paden += [(RAPPORT, plan["rapport"]), (INSCHRIJVEN, plan["inschrijven"])]
        regels.append(f"scale {schaal}: " + "; ".join(f"{n} {p}" for n, p in paden))
    return regels


def verslag(bench: Bench, begin: float) -> None:
    metingen = _volgorde(bench)
    doelen = rapport.doelen(metingen)
    cpu = [m.locust_cpu for m in metingen if m.locust_cpu is not None]
    kernen = os.cpu_count() or 1
    instellingen = (
        f"{bench.gebruikers} clients, {bench.seconden} s per run, gunicorn 2 workers "
        f"(gthread, deploy/gunicorn.conf.py), PostgreSQL, Redis, {kernen} CPU cores shared "
        f"with locust; total time {(time.monotonic() - begin) / 60:.1f} min"
    )
    cpu_regel = (
        f"locust's own CPU: {sum(cpu) / len(cpu):.0f}% of one core on average, at most "
        f"{max(cpu):.0f}% ({max(cpu) / kernen:.0f}% of the machine)"
        if cpu
        else ""
    )
    meld("\n" + rapport.tabel_tekst(metingen))
    meld(f"\n{instellingen}\n{cpu_regel}")
    meld("URLs:\n  " + "\n  ".join(_adressen(bench)))
    meld("\nTargets:\n" + rapport.checklist_tekst(doelen))
    if bench.opmerkingen:
        meld("\nNotes:\n  " + "\n  ".join(bench.opmerkingen))

    RESULTATEN.parent.mkdir(parents=True, exist_ok=True)
    delen = [
        f"# make bench, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        instellingen + ".  \n" + cpu_regel,
        rapport.tabel_markdown(metingen),
        "## Targets\n\n" + "\n".join(f"- {d.teken} {d.tekst}" for d in doelen),
        "## URLs\n\n" + "\n".join(f"- {regel}" for regel in _adressen(bench)),
    ]
    if bench.opmerkingen:
        delen.append("## Notes\n\n" + "\n".join(f"- {o}" for o in bench.opmerkingen))
    RESULTATEN.write_text("\n\n".join(delen) + "\n", encoding="utf-8")
    meld(f"\nWritten to {RESULTATEN.relative_to(PROJECT)}")


def _stop_bij_sigterm(signum, frame):
    raise KeyboardInterrupt


def main() -> int:
    # Ctrl-C and SIGTERM both stop the bench in order (also when started in the background).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _stop_bij_sigterm)
    begin = time.monotonic()
    try:
        bench = Bench()
    except BenchFout as fout:
        meld(f"make bench: {fout}")
        return 2
    try:
        controleer_diensten(bench.pg, bench.redis_url)
        meld(
            f"Database {bench.database}, Redis {bench.redis_url}, scales "
            f"{', '.join(map(str, bench.schalen))}, {bench.seconden} s per run"
        )
        bench.database_maken()
        bench.manage("migrate", "--noinput", "-v", "0", log="migrate")
        bench.manage("collectstatic", "--noinput", "-v", "0", log="collectstatic")
        met_schaal = demo_kent_schaal(bench)
        for schaal in bench.schalen:
            if not demo_laden(bench, schaal, met_schaal):
                continue
            meet_schaal(bench, schaal)
        if not bench.metingen:
            raise BenchFout("nothing was measured")
        verslag(bench, begin)
        return 0
    except BenchFout as fout:
        meld(f"\nmake bench: {fout}")
        return 1
    except KeyboardInterrupt:
        meld("\nmake bench: interrupted; stopping what it started")
        return 130
    except Exception:
        meld("\nmake bench: unexpected error; stopping what it started")
        traceback.print_exc()
        if bench.gunicorn_log and bench.gunicorn_log.exists():
            log = bench.gunicorn_log.read_text(encoding="utf-8", errors="replace")
            meld(f"Last lines of the gunicorn log:\n{log[-2000:]}")
        return 1
    finally:
        # A second Ctrl-C must not leave gunicorn or the database behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        bench.opruimen()


if __name__ == "__main__":
    sys.exit(main())

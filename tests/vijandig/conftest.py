"""The hypothesis profile, the request helper and the tally of the hostile-input tests.

Every example runs in a savepoint that is rolled back afterwards, with an empty cache (the
rate limits count there): each starts from the data its test made, so "nothing stored" is a
count before and after one request. ``aanvraag`` sends one request, runs what waits for the
commit (the mails, as in production), and fails on a server error or an unescaped fragment
of hostile HTML. The tally (``verslag``) is printed at the end of the run and written to
``vijandig-samenvatting.txt`` in pytest's basetemp.
"""

import contextlib
import os
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import DataError, connection, transaction
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.vijandig.strategieen import XSS_MERKTEKEN

PROFIEL = "hvk-vijandig"


def _factor() -> int:
    waarde = os.environ.get("HVK_HYPOTHESIS_VOORBEELDEN", "").strip() or "1"
    if not waarde.isdigit() or int(waarde) < 1:
        raise pytest.UsageError(
            f"HVK_HYPOTHESIS_VOORBEELDEN moet een geheel getal vanaf 1 zijn, niet {waarde!r}."
        )
    return int(waarde)


FACTOR = _factor()

hypothesis_settings.register_profile(
    PROFIEL,
    # The same examples on every run, so CI is reproducible; HVK_HYPOTHESIS_WILLEKEURIG=1
    # explores new ones.
    derandomize=os.environ.get("HVK_HYPOTHESIS_WILLEKEURIG", "") not in ("1", "ja"),
    # No example database: a derandomized run has nothing to replay. (Hypothesis still keeps
    # small caches in .hypothesis/, which ignores itself in git.)
    database=None,
    deadline=None,
    # The database and the client are set up once per test, not per example; the hostile
    # values are large on purpose.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


def voorbeelden(aantal: int) -> hypothesis_settings:
    """The profile with ``aantal`` examples, times HVK_HYPOTHESIS_VOORBEELDEN."""
    return hypothesis_settings(
        hypothesis_settings.get_profile(PROFIEL), max_examples=aantal * FACTOR
    )


# --- The tally -----------------------------------------------------------------------------


@dataclass
class Telling:
    voorbeelden: int = 0
    serverfouten: int = 0
    ongeldig_opgeslagen: int = 0
    geldig_opgeslagen: int = 0
    statussen: Counter = field(default_factory=Counter)

    def regel(self, naam: str) -> str:
        statussen = ", ".join(f"{s}x{n}" for s, n in sorted(self.statussen.items()))
        return (
            f"{naam}: {self.voorbeelden} vijandige invoeren, {self.serverfouten} serverfouten, "
            f"{self.ongeldig_opgeslagen} rijen opgeslagen uit ongeldige invoer "
            f"({self.geldig_opgeslagen} geldige inzendingen opgeslagen); antwoorden: {statussen}"
        )


@dataclass
class Verslag:
    tellingen: dict = field(default_factory=dict)
    map: object = None

    def telling(self, naam: str) -> Telling:
        return self.tellingen.setdefault(naam, Telling())

    def regels(self) -> list[str]:
        regels = [t.regel(naam) for naam, t in self.tellingen.items()]
        totaal = Telling()
        for t in self.tellingen.values():
            totaal.voorbeelden += t.voorbeelden
            totaal.serverfouten += t.serverfouten
            totaal.ongeldig_opgeslagen += t.ongeldig_opgeslagen
            totaal.geldig_opgeslagen += t.geldig_opgeslagen
            totaal.statussen.update(t.statussen)
        return [*regels, totaal.regel("TOTAAL")]


VERSLAG = Verslag()


@pytest.fixture(scope="session")
def _verslag(tmp_path_factory):
    VERSLAG.map = tmp_path_factory.getbasetemp()
    return VERSLAG


@pytest.fixture
def telling(_verslag, request) -> Telling:
    """The tally of this test; ``telling.voorbeelden += 1`` at the start of each example."""
    return _verslag.telling(request.node.nodeid.removeprefix("tests/vijandig/"))


def pytest_terminal_summary(terminalreporter):
    if not VERSLAG.tellingen:
        return
    regels = VERSLAG.regels()
    terminalreporter.section("vijandige invoer (tests/vijandig)")
    for regel in regels:
        terminalreporter.write_line(regel)
    if VERSLAG.map is not None:
        bestand = VERSLAG.map / "vijandig-samenvatting.txt"
        bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
        terminalreporter.write_line(f"(ook in {bestand})")


# --- PostgreSQL's refusal of NUL, on SQLite too ------------------------------------------------

NUL_GEWEIGERD = "PostgreSQL text fields cannot contain NUL (0x00) bytes"


def _tekst_met_nul(params) -> bool:
    if isinstance(params, dict):
        params = params.values()
    for param in params or ():
        if isinstance(param, (list, tuple)) and _tekst_met_nul(param):
            return True
        if isinstance(param, str) and "\x00" in param:
            return True
    return False


def _nul_zoals_postgresql(execute, sql, params, many, context):
    if _tekst_met_nul(params):
        raise DataError(NUL_GEWEIGERD)
    return execute(sql, params, many, context)


@pytest.fixture(autouse=True)
def _nul_geweigerd(db):
    """SQLite stores a NUL character; PostgreSQL, in production, refuses it with a DataError,
    which is a server error for the visitor. Here SQLite refuses it as PostgreSQL does, so the
    quick SQLite run finds what would break in production."""
    if connection.vendor == "postgresql":
        yield
        return
    with connection.execute_wrapper(_nul_zoals_postgresql):
        yield


# --- Per example ---------------------------------------------------------------------------


@pytest.fixture
def per_voorbeeld(db):
    """A context manager: an empty cache and outbox, and a savepoint rolled back afterwards."""

    @contextlib.contextmanager
    def voorbeeld():
        cache.clear()
        mail.outbox = []
        with transaction.atomic():
            yield
            transaction.set_rollback(True)

    return voorbeeld


@pytest.fixture
def aanvraag(telling, django_capture_on_commit_callbacks):
    """Send one request with a fresh client (or ``client=``); fail on any server error."""

    def stuur(methode: str, pad: str, *, client: Client | None = None, **kwargs):
        client = client or Client()
        try:
            with django_capture_on_commit_callbacks(execute=True):
                response = getattr(client, methode)(pad, **kwargs)
        except Exception:
            # The test client raises what the view raised: in production, a 500.
            telling.serverfouten += 1
            telling.statussen[500] += 1
            raise
        telling.statussen[response.status_code] += 1
        if response.status_code >= 500:
            telling.serverfouten += 1
        assert response.status_code < 500, f"{methode.upper()} {pad[:200]}: server error"
        if "html" in response.get("Content-Type", "") and not response.streaming:
            assert XSS_MERKTEKEN.encode() not in response.content, "hostile HTML unescaped"
        return response

    return stuur

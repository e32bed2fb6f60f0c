"""Pages as a person sees them: Debian's Chromium driven by Playwright, axe-core for WCAG.

Without /usr/bin/chromium these tests are skipped, unless HVK_BROWSERTESTS=verplicht (set by
.ci/run), in which case a missing browser is a failure.
"""

import os
import threading
import time
from pathlib import Path

import pytest
from django.core.signals import request_finished, request_started

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_VLAGGEN = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
GSM = {"width": 375, "height": 740}
BUREAUBLAD = {"width": 1280, "height": 900}
# Screenshots for a person to look at; kept out of the repository.
SCHERMAFDRUKKEN = Path(
    os.environ.get("HVK_SCHERMAFDRUKKEN", Path(__file__).resolve().parents[2] / "schermafdrukken")
)


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    if os.environ.get("HVK_BROWSERTESTS") == "verplicht":
        raise pytest.UsageError(f"HVK_BROWSERTESTS=verplicht but {CHROMIUM} is not installed.")
    overslaan = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(overslaan)


@pytest.fixture(scope="session", autouse=True)
def _synchrone_database_naast_playwright():
    # Playwright's sync API runs an event loop in this thread; the test itself still talks to
    # the database synchronously, which Django would otherwise refuse.
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_VLAGGEN, headless=True
        )
        yield browser
        browser.close()


class _LopendeVerzoeken:
    """Counts requests the live server is still handling.

    The live server shares the test's in-memory SQLite connection. A request that outlives the
    test (a late favicon or htmx fetch) would race with the database flush at teardown, so
    each page fixture waits for the count to reach zero after closing its browser context.
    """

    def __init__(self):
        self.aantal = 0
        self.voorwaarde = threading.Condition()
        request_started.connect(self.begonnen, weak=False)
        request_finished.connect(self.klaar, weak=False)

    def begonnen(self, **kwargs):
        with self.voorwaarde:
            self.aantal += 1

    def klaar(self, **kwargs):
        with self.voorwaarde:
            self.aantal = max(0, self.aantal - 1)
            self.voorwaarde.notify_all()

    def wacht(self, seconden=10):
        einde = time.monotonic() + seconden
        with self.voorwaarde:
            while self.aantal and time.monotonic() < einde:
                self.voorwaarde.wait(einde - time.monotonic())


_LOPEND = _LopendeVerzoeken()


def _sluit(context):
    context.close()
    _LOPEND.wacht()


def _pagina(browser, viewport, javascript=True):
    context = browser.new_context(viewport=viewport, locale="nl-BE", java_script_enabled=javascript)
    # Tests never reach the network: anything not served by the local test server is refused.
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://localhost", "http://127.0.0.1"))
            else route.abort()
        ),
    )
    page = context.new_page()
    # What the Content-Security-Policy blocked: Chromium says so on the console.
    page.csp_overtredingen = []
    page.on(
        "console",
        lambda bericht: (
            page.csp_overtredingen.append(bericht.text)
            if "Content Security Policy" in bericht.text
            else None
        ),
    )
    return context, page


def _zonder_csp_overtredingen(page):
    assert not page.csp_overtredingen, "\n".join(page.csp_overtredingen)


@pytest.fixture
def gsm(browser):
    """A phone-sized page that refuses every request outside the test server."""
    context, page = _pagina(browser, GSM)
    yield page
    _sluit(context)
    _zonder_csp_overtredingen(page)


@pytest.fixture
def bureaublad(browser):
    """A desktop-sized page that refuses every request outside the test server."""
    context, page = _pagina(browser, BUREAUBLAD)
    yield page
    _sluit(context)
    _zonder_csp_overtredingen(page)


@pytest.fixture
def zonder_javascript(browser):
    """A phone-sized page with JavaScript switched off."""
    context, page = _pagina(browser, GSM, javascript=False)
    yield page
    _sluit(context)
    _zonder_csp_overtredingen(page)


@pytest.fixture
def schermafdruk():
    def maak(page, naam):
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        pad = SCHERMAFDRUKKEN / f"{naam}.png"
        page.screenshot(path=str(pad), full_page=True)
        return pad

    return maak

"""The report pages in a real browser: WCAG 2.1 AA (axe-core), no sideways page scroll on a
phone (wide tables scroll inside their own frame), and the period form without JavaScript."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

from rapportages import views
from tests.browser.test_toegankelijkheid import WCAG_AA
from tests.factories import GebruikerFactory
from tests.rapportages import test_cijfers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCHERMEN = ["gsm", "bureaublad"]
gebied = test_cijfers.gebied  # the hand-built area (Turnhout and Beerse)


@pytest.fixture(autouse=True)
def _gezien_op_15_juli(monkeypatch):
    monkeypatch.setattr(views, "vandaag", lambda: test_cijfers.OP)


def aangemeld(page, client, live_server, gemeente):
    """Logs a mandataris of ``gemeente`` in by handing the browser a session cookie."""
    mandataris = GebruikerFactory(rol="mandataris")
    mandataris.gemeenten.set([gemeente])
    client.force_login(mandataris)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def zonder_wcag_fouten(page):
    resultaat = Axe().run(page, options=WCAG_AA)
    assert resultaat.violations_count == 0, resultaat.generate_report()


def past_in_de_breedte(page):
    breedte = page.evaluate("document.documentElement.scrollWidth")
    assert breedte <= page.viewport_size["width"], f"page is {breedte}px wide"


@pytest.mark.parametrize("scherm", SCHERMEN)
def test_overzicht(live_server, client, request, schermafdruk, gebied, scherm):
    page = aangemeld(request.getfixturevalue(scherm), client, live_server, gebied[1])

    page.goto(live_server.url + "/rapportages/")

    assert page.locator("h1").inner_text() == "Rapportages"
    schermafdruk(page, f"{scherm}-rapport-overzicht")
    zonder_wcag_fouten(page)
    past_in_de_breedte(page)
    eerste = page.locator("#tabel-gemeenten tbody tr").first.locator("th")
    assert eerste.inner_text().split() == ["Beerse", "uw", "gemeente"]
    assert page.get_by_role("img", name="Aandeel van elke gemeente in kinderen").is_visible()


@pytest.mark.parametrize("scherm", SCHERMEN)
def test_gemeentepagina(live_server, client, request, schermafdruk, gebied, scherm):
    page = aangemeld(request.getfixturevalue(scherm), client, live_server, gebied[1])

    page.goto(live_server.url + "/rapportages/beerse/")

    assert page.locator("h1").inner_text().startswith("Rapport Beerse")
    schermafdruk(page, f"{scherm}-rapport-gemeente")
    zonder_wcag_fouten(page)
    past_in_de_breedte(page)
    for naam in ("Uren van Beerse in 2026", "Aandeel van Beerse", "Momenten en bereikte kinderen"):
        assert page.get_by_role("img", name=naam).is_visible()
    # The table with a column per gemeente stays inside its frame, which scrolls on a phone.
    kader = page.locator(".rapport-tabel").filter(has=page.locator("#tabel-bereik"))
    breedte, zichtbaar = kader.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert zichtbaar <= page.viewport_size["width"]
    if scherm == "gsm":
        assert breedte > zichtbaar
        # A keyboard user can reach and scroll it.
        assert kader.get_attribute("tabindex") == "0"

    page.get_by_text("De uren per maand als tabel").click()
    assert page.get_by_role("cell", name="telt nog niet mee").first.is_visible()


def test_periode_kiezen_zonder_javascript(live_server, client, zonder_javascript, gebied):
    page = aangemeld(zonder_javascript, client, live_server, gebied[0])
    page.goto(live_server.url + "/rapportages/turnhout/")

    page.get_by_label("Jaar", exact=True).select_option("2025")
    page.get_by_role("button", name="Toon").click()

    assert page.url == live_server.url + "/rapportages/turnhout/?jaar=2025&van=&tot="
    assert "Getoond: 1 januari 2025 tot en met 31 december 2025." in page.content()
    assert page.get_by_role("link", name="Rapport Beerse").get_attribute("href") == (
        "/rapportages/beerse/?jaar=2025"
    )

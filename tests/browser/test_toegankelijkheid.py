"""Every public page meets WCAG 2.1 AA (axe-core) and fits a phone without sideways scrolling."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import GemeenteFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGINAS = [
    ("start", "/"),
    ("aanmelden", "/accounts/login/"),
    ("niet-gevonden", "/bestaat-niet/"),
]


@pytest.fixture
def gemeenten(db):
    GemeenteFactory(
        naam="Turnhout",
        nis_code="13040",
        slug="turnhout",
        aanspreekpunt_naam="Huis van het Kind Turnhout",
        aanspreekpunt_telefoon="014 00 00 01",
        aanspreekpunt_email="hvk@turnhout.demo.example",
    )
    GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@pytest.mark.parametrize(("naam", "pad"), PAGINAS)
def test_pagina_heeft_geen_wcag_aa_fouten(live_server, gsm, gemeenten, schermafdruk, naam, pad):
    gsm.goto(live_server.url + pad)
    schermafdruk(gsm, f"gsm-{naam}")

    resultaat = Axe().run(gsm, options=WCAG_AA)

    assert resultaat.violations_count == 0, resultaat.generate_report()


@pytest.mark.parametrize(("naam", "pad"), PAGINAS)
def test_pagina_past_op_een_gsm_zonder_horizontaal_scrollen(live_server, gsm, gemeenten, naam, pad):
    gsm.goto(live_server.url + pad)

    breedte = gsm.evaluate("document.documentElement.scrollWidth")

    assert breedte <= gsm.viewport_size["width"]


def test_skiplink_brengt_het_toetsenbord_naar_de_inhoud(live_server, gsm, gemeenten):
    gsm.goto(live_server.url + "/")

    gsm.keyboard.press("Tab")
    skiplink = gsm.locator(":focus")
    assert skiplink.inner_text() == "Naar de inhoud"
    assert skiplink.is_visible()
    gsm.keyboard.press("Enter")

    assert gsm.evaluate("location.hash") == "#inhoud"


def test_startpagina_werkt_zonder_javascript(live_server, browser, gemeenten):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    page = context.new_page()

    page.goto(live_server.url + "/")

    assert page.locator("h1").inner_text()
    assert page.get_by_text("Huis van het Kind Turnhout").is_visible()
    context.close()

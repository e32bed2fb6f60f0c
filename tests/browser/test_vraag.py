"""Asking a question as a person does: type, tick, send; on a phone, a desktop, without JS."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache

from communicatie.models import Vraag
from tests.factories import GemeenteFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
VRAAG = "Waar kan ik mijn baby laten wegen? Ik spreek een beetje Nederlands."


@pytest.fixture(autouse=True)
def _lege_cache():
    # The rate limit counts in the cache, which the live server shares with the tests.
    cache.clear()
    yield
    cache.clear()


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
    GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        aanspreekpunt_naam="Sociaal Huis Beerse",
        aanspreekpunt_telefoon="014 00 00 02",
        aanspreekpunt_email="hvk@beerse.demo.example",
    )


def _zonder_wcag_fouten(page):
    resultaat = Axe().run(page, options=WCAG_AA)
    assert resultaat.violations_count == 0, resultaat.generate_report()


def _zonder_horizontaal_scrollen(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def _vraag_invullen_en_versturen(page):
    page.get_by_label("Je gemeente").select_option(label="Beerse")
    page.get_by_label("Je naam").press_sequentially("Fatima")
    page.get_by_label("E-mailadres").press_sequentially("fatima@example.org")
    page.get_by_role("textbox", name=re.compile(r"^Je vraag")).press_sequentially(VRAAG)
    page.get_by_label("Ik geef toestemming").check()
    page.get_by_role("button", name="Vraag versturen").click()


def test_leeg_formulier_op_een_gsm_is_toegankelijk(live_server, gsm, gemeenten, schermafdruk):
    gsm.goto(live_server.url + "/vraag/")
    schermafdruk(gsm, "gsm-vraag")

    assert gsm.get_by_role("heading", level=1).inner_text() == "Stel je vraag"
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)


def test_formulier_met_fouten_op_een_gsm_toont_een_toegankelijke_foutenlijst(
    live_server, gsm, gemeenten, schermafdruk
):
    gsm.goto(live_server.url + "/vraag/")

    gsm.get_by_role("button", name="Vraag versturen").click()
    gsm.wait_for_load_state()
    schermafdruk(gsm, "gsm-vraag-fouten")

    foutenlijst = gsm.locator("#fouten")
    assert foutenlijst.is_visible()
    # Focus lands on the list of problems, so a screen reader reads it first.
    assert gsm.evaluate("document.activeElement.id") == "fouten"
    foutenlijst.get_by_role("link", name="Kies je gemeente.").click()
    assert gsm.evaluate("location.hash") == "#id_gemeente"
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)
    assert not Vraag.objects.exists()


@pytest.mark.parametrize("scherm", ["gsm", "bureaublad"])
def test_inwoner_stelt_een_vraag_en_ziet_de_bedankpagina(
    request, live_server, gemeenten, mailoutbox, scherm
):
    page = request.getfixturevalue(scherm)
    page.goto(live_server.url + "/vraag/")

    _vraag_invullen_en_versturen(page)
    page.wait_for_url("**/vraag/bedankt/?gemeente=beerse")

    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt, we kregen je vraag"
    assert page.get_by_text("Je vraag gaat naar Sociaal Huis Beerse").is_visible()
    vraag = Vraag.objects.get()
    assert (vraag.naam, vraag.vraag) == ("Fatima", VRAAG)
    assert mailoutbox[0].to == ["hvk@beerse.demo.example"]


def test_bedankpagina_op_een_gsm_is_toegankelijk(live_server, gsm, gemeenten, schermafdruk):
    gsm.goto(live_server.url + "/vraag/")
    _vraag_invullen_en_versturen(gsm)
    gsm.wait_for_url("**/vraag/bedankt/**")
    schermafdruk(gsm, "gsm-vraag-bedankt")

    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)


def test_vraag_stellen_werkt_zonder_javascript(live_server, zonder_javascript, gemeenten):
    zonder_javascript.goto(live_server.url + "/vraag/?gemeente=beerse")

    zonder_javascript.get_by_label("Je naam").fill("Fatima")
    zonder_javascript.get_by_label("Telefoonnummer").fill("0470 12 34 56")
    zonder_javascript.get_by_role("textbox", name=re.compile(r"^Je vraag")).fill(VRAAG)
    zonder_javascript.get_by_label("Ik geef toestemming").check()
    zonder_javascript.get_by_role("button", name="Vraag versturen").click()
    zonder_javascript.wait_for_url("**/vraag/bedankt/?gemeente=beerse")

    assert Vraag.objects.get().gemeente.slug == "beerse"

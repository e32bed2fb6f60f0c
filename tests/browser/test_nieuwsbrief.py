"""Subscribing to the newsletter as a person does, on a phone: tick, send, confirm; axe-core
checks WCAG 2.1 AA on every page of the way."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache

from communicatie.models import Abonnee
from tests.factories import GemeenteFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(autouse=True)
def _lege_cache():
    # The rate limit counts in the cache, which the live server shares with the tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def gemeenten(db):
    GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def _zonder_wcag_fouten(page):
    resultaat = Axe().run(page, options=WCAG_AA)
    assert resultaat.violations_count == 0, resultaat.generate_report()


def _zonder_horizontaal_scrollen(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_leeg_formulier_op_een_gsm_is_toegankelijk(live_server, gsm, gemeenten, schermafdruk):
    gsm.goto(live_server.url + "/nieuwsbrief/")
    schermafdruk(gsm, "gsm-nieuwsbrief")

    assert gsm.get_by_role("heading", level=1).inner_text() == "Schrijf je in voor de nieuwsbrief"
    # Each group of checkboxes is a group with a name a screen reader reads out.
    assert gsm.get_by_role("group", name=re.compile("Over welke gemeenten")).is_visible()
    assert gsm.get_by_role("group", name=re.compile("Hoe oud zijn je kinderen")).is_visible()
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)


def test_formulier_met_fouten_op_een_gsm_toont_een_toegankelijke_foutenlijst(
    live_server, gsm, gemeenten, schermafdruk
):
    gsm.goto(live_server.url + "/nieuwsbrief/")

    gsm.get_by_role("button", name="Inschrijven").click()
    gsm.wait_for_load_state()
    schermafdruk(gsm, "gsm-nieuwsbrief-fouten")

    foutenlijst = gsm.locator("#fouten")
    assert foutenlijst.is_visible()
    assert gsm.evaluate("document.activeElement.id") == "fouten"
    foutenlijst.get_by_role("link", name="Kies minstens één gemeente.").click()
    assert gsm.evaluate("location.hash") == "#id_gemeenten_0"
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)
    assert not Abonnee.objects.exists()


def test_inschrijven_en_bevestigen_op_een_gsm(
    live_server, gsm, gemeenten, mailoutbox, schermafdruk
):
    gsm.goto(live_server.url + "/nieuwsbrief/")
    gsm.get_by_label("Je e-mailadres").press_sequentially("fatima@example.org")
    gsm.get_by_label("Beerse").check()
    gsm.get_by_label("0 tot 3 jaar").check()
    gsm.get_by_label("Ik wil de nieuwsbrief krijgen").check()
    gsm.get_by_role("button", name="Inschrijven").click()
    gsm.wait_for_url("**/nieuwsbrief/bedankt/")
    schermafdruk(gsm, "gsm-nieuwsbrief-bedankt")

    assert gsm.get_by_role("heading", level=1).inner_text() == "Kijk in je mailbox"
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)

    link = re.search(r"https?://[^\s/]+(/nieuwsbrief/bevestigen/\S+/)", mailoutbox[0].body)
    gsm.goto(live_server.url + link.group(1))
    _zonder_wcag_fouten(gsm)
    gsm.get_by_role("button", name="Ja, ik wil de nieuwsbrief").click()
    gsm.wait_for_load_state()

    assert gsm.get_by_role("heading", level=1).inner_text() == "Je bent ingeschreven"
    assert Abonnee.objects.get().is_bevestigd
    _zonder_wcag_fouten(gsm)

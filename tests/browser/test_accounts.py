"""The pages of accounts and two-step login meet WCAG 2.1 AA (axe-core), on a phone and a desk."""

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from django.urls import reverse

from tests.browser.test_toegankelijkheid import WCAG_AA
from tests.factories import GebruikerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WACHTWOORD = "een-goed-wachtwoord"  # GebruikerFactory's
SCHERMEN = ["gsm", "bureaublad"]


@pytest.fixture(autouse=True)
def _lege_cache():
    """allauth counts login attempts in the cache; no test inherits another's count."""
    cache.clear()
    yield
    cache.clear()


def huidige_code(geheim: str) -> str:
    return format_hotp_value(hotp_value(geheim, next(yield_hotp_counters_from_time())))


def zonder_wcag_fouten(page):
    resultaat = Axe().run(page, options=WCAG_AA)
    assert resultaat.violations_count == 0, resultaat.generate_report()


def aanmelden(page, email):
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()


@pytest.mark.parametrize("scherm", SCHERMEN)
def test_nieuwe_medewerker_stelt_aanmelden_in_twee_stappen_in(
    live_server, request, schermafdruk, scherm
):
    GebruikerFactory(email="nele@example.org", is_staff=True, authenticator_app=False)
    page = request.getfixturevalue(scherm)

    page.goto(live_server.url + "/admin/")
    zonder_wcag_fouten(page)
    aanmelden(page, "nele@example.org")
    # allauth asks the password once more before two-step login is touched.
    schermafdruk(page, f"{scherm}-wachtwoord-bevestigen")
    zonder_wcag_fouten(page)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Bevestigen").click()

    assert page.url == live_server.url + reverse("mfa_activate_totp")
    assert page.locator("h1").inner_text() == "Aanmelden in twee stappen instellen"
    schermafdruk(page, f"{scherm}-tweestaps-instellen")
    zonder_wcag_fouten(page)
    assert page.get_by_role("img", name="QR-code om te scannen met je authenticator-app")
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]

    geheim = page.locator("#authenticator_secret").inner_text().strip()
    page.get_by_label("Authenticator code").fill(huidige_code(geheim))
    page.get_by_role("button", name="Activeren").click()

    assert page.url == live_server.url + reverse("mfa_view_recovery_codes")
    schermafdruk(page, f"{scherm}-herstelcodes")
    zonder_wcag_fouten(page)
    page.get_by_role("link", name="Verder naar het beheer").click()
    assert page.url == live_server.url + "/admin/"
    page.goto(live_server.url + reverse("mfa_index"))
    schermafdruk(page, f"{scherm}-tweestaps-overzicht")
    zonder_wcag_fouten(page)


@pytest.mark.parametrize("scherm", SCHERMEN)
def test_aanmelden_vraagt_een_code_uit_de_app(live_server, request, schermafdruk, scherm):
    geheim = generate_totp_secret()
    katrien = GebruikerFactory(email="katrien@example.org", is_staff=True, authenticator_app=False)
    TOTP.activate(katrien, geheim)
    page = request.getfixturevalue(scherm)

    page.goto(live_server.url + "/accounts/login/?next=/admin/")
    aanmelden(page, "katrien@example.org")

    assert page.locator("h1").inner_text() == "Code uit je app"
    schermafdruk(page, f"{scherm}-code-uit-je-app")
    zonder_wcag_fouten(page)
    page.get_by_label("Code").fill(huidige_code(geheim))
    page.get_by_role("button", name="Aanmelden").click()
    assert page.url == live_server.url + "/admin/"


@pytest.mark.parametrize("scherm", SCHERMEN)
def test_uitgenodigde_kiest_een_wachtwoord(live_server, request, schermafdruk, scherm):
    nele = GebruikerFactory(email="nele@example.org", is_staff=True, authenticator_app=False)
    nele.set_unusable_password()
    nele.save()
    sleutel = default_token_generator.make_token(nele)
    link = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(nele), "key": sleutel},
    )
    page = request.getfixturevalue(scherm)

    page.goto(live_server.url + link)
    assert page.locator("h1").inner_text() == "Kies je wachtwoord"
    schermafdruk(page, f"{scherm}-wachtwoord-kiezen")
    zonder_wcag_fouten(page)
    page.get_by_label("Nieuw wachtwoord*", exact=True).fill("zomer-aan-de-vaart-2026")
    page.get_by_label("Nieuw wachtwoord (bevestigen)").fill("zomer-aan-de-vaart-2026")
    page.get_by_role("button", name="Wachtwoord opslaan").click()

    assert page.locator("h1").inner_text() == "Je wachtwoord is opgeslagen"
    schermafdruk(page, f"{scherm}-wachtwoord-opgeslagen")
    zonder_wcag_fouten(page)
    page.goto(live_server.url + link)
    assert page.locator("h1").inner_text() == "Deze link werkt niet meer"
    zonder_wcag_fouten(page)


def test_te_veel_pogingen_toont_een_nederlandse_wachtpagina(live_server, gsm, schermafdruk):
    gsm.goto(live_server.url + "/accounts/login/")
    for i in range(31):
        gsm.get_by_label("E-mailadres").fill(f"persoon{i}@example.org")
        gsm.get_by_label("Wachtwoord").fill("fout-wachtwoord-123")
        gsm.get_by_role("button", name="Aanmelden").click()

    assert gsm.locator("h1").inner_text() == "Even wachten"
    schermafdruk(gsm, "gsm-te-veel-pogingen")
    zonder_wcag_fouten(gsm)

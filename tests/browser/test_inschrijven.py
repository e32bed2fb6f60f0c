"""Registering for a moment as a family does: on a phone, a desktop, without JavaScript."""

import datetime as dt
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from django.utils import timezone

from aanbod import services
from aanbod.models import Inschrijving
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(autouse=True)
def _lege_cache():
    # The rate limit counts in the cache, which the live server shares with the tests.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def babymassage(db):
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    activiteit = ActiviteitFactory(
        titel="Babymassage: lessenreeks van vijf ochtenden",
        slug="babymassage",
        inschrijving_vereist=True,
        capaciteit=2,
        plaatsen_per="gezin",
        prijs=Decimal("25"),
        sociaal_tarief=Decimal("5"),
        locatie=LocatieFactory(
            naam="Antenne Beerse",
            straat="Kerkstraat 16",
            postcode="2340",
            plaats="Beerse",
            telefoon="014 00 00 16",
            gemeente=beerse,
        ),
    )
    begin = timezone.now() + dt.timedelta(days=5)
    return MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2))


def formulier(live_server, moment):
    return f"{live_server.url}/aanbod/babymassage/{moment.pk}/inschrijven/"


def _zonder_wcag_fouten(page):
    resultaat = Axe().run(page, options=WCAG_AA)
    assert resultaat.violations_count == 0, resultaat.generate_report()


def _zonder_horizontaal_scrollen(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def _invullen(page, *, email="fatima@example.org"):
    page.get_by_label("Je naam").fill("Fatima")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Waar woont je gezin?").select_option(label="Beerse")
    page.get_by_label("Volwassenen").select_option("2")
    page.get_by_label("Leeftijd kind 1").select_option(label="8 maanden")
    page.get_by_label("Leeftijd kind 2").select_option(label="3 jaar")
    page.get_by_label("Ik geef toestemming").check()


def test_leeg_formulier_op_een_gsm_is_toegankelijk(live_server, gsm, babymassage, schermafdruk):
    gsm.goto(formulier(live_server, babymassage))
    schermafdruk(gsm, "gsm-inschrijven")

    assert gsm.get_by_role("heading", level=1).inner_text() == (
        "Inschrijven voor Babymassage: lessenreeks van vijf ochtenden"
    )
    assert gsm.get_by_role("group", name="Wie komt er?").is_visible()
    assert gsm.get_by_role("button", name="Inschrijven").is_visible()
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)


def test_leeftijden_staan_naast_elkaar_op_de_computer_en_onder_elkaar_op_de_gsm(
    live_server, gsm, bureaublad, babymassage
):
    for page in (gsm, bureaublad):
        page.goto(formulier(live_server, babymassage))

    def bovenkanten(page):
        return [page.get_by_label(f"Leeftijd kind {n}").bounding_box()["y"] for n in range(1, 4)]

    # Three in a row on a desktop; one under the other on a phone.
    assert len(set(bovenkanten(bureaublad))) == 1
    assert len(set(bovenkanten(gsm))) == 3


def test_formulier_met_fouten_op_een_gsm_toont_een_toegankelijke_foutenlijst(
    live_server, gsm, babymassage, schermafdruk
):
    gsm.goto(formulier(live_server, babymassage))
    gsm.get_by_label("Volwassenen").select_option("0")

    gsm.get_by_role("button", name="Inschrijven").click()
    gsm.wait_for_load_state()
    schermafdruk(gsm, "gsm-inschrijven-fouten")

    foutenlijst = gsm.locator("#fouten")
    assert foutenlijst.is_visible()
    # Focus lands on the list of problems, so a screen reader reads it first.
    assert gsm.evaluate("document.activeElement.id") == "fouten"
    foutenlijst.get_by_role("link", name="Vul je naam in.").click()
    assert gsm.evaluate("location.hash") == "#id_naam"
    assert foutenlijst.get_by_role("link", name="Schrijf minstens één persoon in.").is_visible()
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)
    assert not Inschrijving.objects.exists()


def test_inschrijven_op_een_gsm_zonder_javascript(
    live_server, zonder_javascript, babymassage, mailoutbox
):
    page = zonder_javascript
    page.goto(f"{live_server.url}/aanbod/babymassage/")
    page.get_by_role("link", name="Inschrijven").first.click()
    page.wait_for_url(f"**/{babymassage.pk}/inschrijven/")

    _invullen(page)
    page.get_by_role("button", name="Inschrijven").click()
    page.wait_for_url(f"**/{babymassage.pk}/ingeschreven/")

    assert page.get_by_role("heading", level=1).inner_text() == "Je bent ingeschreven"
    inschrijving = Inschrijving.objects.get()
    assert (inschrijving.naam, inschrijving.volwassenen, inschrijving.leeftijden) == (
        "Fatima",
        2,
        [8, 36],
    )
    assert inschrijving.status == Inschrijving.Status.BEVESTIGD
    assert mailoutbox[0].to == ["fatima@example.org"]


@pytest.mark.parametrize("scherm", ["gsm", "bureaublad"])
def test_inschrijven_met_javascript_en_een_toegankelijke_bedankpagina(
    request, live_server, babymassage, schermafdruk, scherm
):
    page = request.getfixturevalue(scherm)
    page.goto(formulier(live_server, babymassage))

    _invullen(page)
    page.get_by_role("button", name="Inschrijven").click()
    page.wait_for_url(f"**/{babymassage.pk}/ingeschreven/")
    schermafdruk(page, f"{scherm}-ingeschreven")

    assert page.get_by_role("heading", level=1).inner_text() == "Je bent ingeschreven"
    assert Inschrijving.objects.get().woonplaats.slug == "beerse"
    _zonder_wcag_fouten(page)
    _zonder_horizontaal_scrollen(page)


def test_volzet_moment_zet_op_de_wachtlijst(live_server, gsm, babymassage):
    for naam in ("An", "Bo"):
        services.inschrijven(
            moment=babymassage,
            gezin=services.Gezin(naam=naam, email=f"{naam.lower()}@example.org"),
            verwittigen=False,
        )
    gsm.goto(formulier(live_server, babymassage))

    assert gsm.get_by_text("Dit moment is volzet. Je kan je op de wachtlijst zetten.").is_visible()
    _invullen(gsm)
    gsm.get_by_role("button", name="Op de wachtlijst zetten").click()
    gsm.wait_for_url(f"**/{babymassage.pk}/ingeschreven/")

    assert gsm.get_by_role("heading", level=1).inner_text() == "Je staat op de wachtlijst"
    assert gsm.get_by_text("Je staat op plaats 1 van de wachtlijst.").is_visible()
    _zonder_wcag_fouten(gsm)


def test_pagina_van_de_link_op_een_gsm_annuleren_en_wissen(
    live_server, gsm, babymassage, schermafdruk
):
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004")
    inschrijving = services.inschrijven(
        moment=babymassage,
        gezin=services.Gezin(
            naam="Fatima",
            email="fatima@example.org",
            leeftijden=(8,),
            woonplaats=beerse,
            opmerking="We komen met een rolstoel.",
        ),
        verwittigen=False,
    )
    gsm.goto(f"{live_server.url}/aanbod/inschrijving/{inschrijving.sleutel()}/")
    schermafdruk(gsm, "gsm-inschrijving-link")

    assert gsm.get_by_role("heading", level=1).inner_text() == "Je inschrijving"
    assert gsm.get_by_text("1 volwassene en 1 kind (8 maanden)").is_visible()
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)

    # A link followed from this page passes on the site's name, not the secret path.
    link = gsm.url
    gsm.get_by_role("link", name="Babymassage: lessenreeks van vijf ochtenden").click()
    gsm.wait_for_url("**/aanbod/babymassage/")
    assert gsm.evaluate("document.referrer") == live_server.url + "/"
    gsm.goto(link)

    # Without the tick nothing happens, and the page says why.
    gsm.get_by_role("button", name="Inschrijving annuleren").click()
    gsm.wait_for_load_state()
    assert gsm.get_by_text("Vink aan dat je je inschrijving wil annuleren.").is_visible()
    _zonder_wcag_fouten(gsm)
    inschrijving.refresh_from_db()
    assert inschrijving.status == Inschrijving.Status.BEVESTIGD

    gsm.get_by_label("Ja, ik kan niet komen.").check()
    gsm.get_by_role("button", name="Inschrijving annuleren").click()
    gsm.wait_for_load_state()
    assert gsm.get_by_text("Je inschrijving is geannuleerd.").is_visible()
    inschrijving.refresh_from_db()
    assert inschrijving.status == Inschrijving.Status.GEANNULEERD

    gsm.get_by_label("Ja, wis mijn gegevens.").check()
    gsm.get_by_role("button", name="Mijn gegevens wissen").click()
    gsm.wait_for_load_state()
    assert gsm.get_by_role("heading", level=1).inner_text() == "Je gegevens zijn gewist"
    inschrijving.refresh_from_db()
    assert inschrijving.is_gewist
    assert inschrijving.naam == ""
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)


def test_link_werkt_zonder_javascript(live_server, zonder_javascript, babymassage):
    inschrijving = services.inschrijven(
        moment=babymassage,
        gezin=services.Gezin(naam="Fatima", telefoon="0470 12 34 56"),
        verwittigen=False,
    )
    page = zonder_javascript
    page.goto(f"{live_server.url}/aanbod/inschrijving/{inschrijving.sleutel()}/")

    page.get_by_label("Ja, wis mijn gegevens.").check()
    page.get_by_role("button", name="Mijn gegevens wissen").click()
    page.wait_for_load_state()

    assert page.get_by_role("heading", level=1).inner_text() == "Je gegevens zijn gewist"
    inschrijving.refresh_from_db()
    assert inschrijving.telefoon == ""


def test_verlopen_of_foute_link_is_toegankelijk(live_server, gsm, babymassage):
    gsm.goto(f"{live_server.url}/aanbod/inschrijving/klopt-niet/")

    assert gsm.get_by_role("heading", level=1).inner_text() == "Deze link klopt niet"
    _zonder_wcag_fouten(gsm)
    _zonder_horizontaal_scrollen(gsm)

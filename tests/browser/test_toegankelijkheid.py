"""Every public page meets WCAG 2.1 AA (axe-core) and fits a phone without sideways scrolling."""

import datetime as dt
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from communicatie.demo import OVER, PRIVACY, TOEGANKELIJKHEID
from communicatie.models import Nieuwsbericht, Pagina
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    LocatieFactory,
    MomentFactory,
    OpeningsuurFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGINAS = [
    ("start", "/"),
    ("aanmelden", "/accounts/login/"),
    ("niet-gevonden", "/bestaat-niet/"),
    ("deur-beerse", "/beerse/"),
    ("deur-turnhout", "/turnhout/"),
    ("nieuws", "/nieuws/"),
    ("nieuwsbericht", "/nieuws/nieuwe-ontmoetingsplek/"),
    ("over", "/over/"),
    ("privacy", "/privacy/"),
    ("toegankelijkheid", "/toegankelijkheid/"),
]
SCHERMEN = ["gsm", "bureaublad"]


@pytest.fixture
def gemeenten(db):
    turnhout = GemeenteFactory(
        naam="Turnhout",
        nis_code="13040",
        slug="turnhout",
        kleur="#8a1538",
        breedtegraad=Decimal("51.322700"),
        lengtegraad=Decimal("4.944800"),
        aanspreekpunt_naam="Huis van het Kind Turnhout",
        aanspreekpunt_telefoon="014 00 00 01",
        aanspreekpunt_email="hvk@turnhout.demo.example",
    )
    beerse = GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        kleur="#1b6e3c",
        breedtegraad=Decimal("51.319500"),
        lengtegraad=Decimal("4.855600"),
        aanspreekpunt_naam="Sociaal Huis Beerse",
        aanspreekpunt_adres="Bisschopslaan 41, 2340 Beerse",
        aanspreekpunt_telefoon="014 00 00 02",
        aanspreekpunt_email="huisvanhetkind@beerse.demo.example",
        aanspreekpunt_website="https://www.beerse.demo.example/gezin-en-kinderen",
    )
    return turnhout, beerse


@pytest.fixture
def inhoud(gemeenten):
    """Something in every block of the home and the doors: offer, places, walk-in, news, pages."""
    turnhout, beerse = gemeenten
    vandaag = timezone.localdate()
    huis = LocatieFactory(
        naam="Huis van het Kind Turnhout",
        slug="huis-turnhout",
        soort="centraal",
        gemeente=turnhout,
        is_contactpunt=True,
    )
    antenne = LocatieFactory(
        naam="Antenne Beerse",
        slug="antenne-beerse",
        soort="antenne",
        gemeente=beerse,
        straat="Kerkstraat 16",
        postcode="2340",
        plaats="Beerse",
        breedtegraad=Decimal("51.319900"),
        lengtegraad=Decimal("4.860200"),
    )
    for dag in range(7):
        OpeningsuurFactory(locatie=huis, weekdag=dag, begin=dt.time(9), einde=dt.time(12))
        OpeningsuurFactory(
            locatie=antenne,
            weekdag=dag,
            begin=dt.time(13),
            einde=dt.time(23, 59),
            vrije_inloop=True,
        )
    regionaal = ActiviteitFactory(
        titel="Babbel & Brabbel: samen Nederlands spelen", slug="babbel", locatie=huis
    )
    lokaal = ActiviteitFactory(
        titel="Consultatiebureau Kind en Gezin Beerse",
        slug="consultatie-beerse",
        locatie=antenne,
        bereik="lokaal",
        gemeenten=[beerse],
    )
    for i, activiteit in enumerate([regionaal, lokaal, regionaal], start=1):
        begin = timezone.make_aware(
            dt.datetime.combine(vandaag + dt.timedelta(days=i), dt.time(9, 30))
        )
        MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2))
    Nieuwsbericht.objects.create(
        titel="Nieuwe ontmoetingsplek 't Klavertje in Beerse",
        slug="nieuwe-ontmoetingsplek",
        inleiding="Elke woensdagnamiddag kun je met je kinderen binnenlopen, zonder afspraak.",
        tekst="In de Vaartstraat opent een plek om elkaar te ontmoeten.\n\nGratis.",
        gemeente=beerse,
    )
    Nieuwsbericht.objects.create(
        titel="De Babybus neemt kerstvakantie",
        slug="babybus-kerstvakantie",
        inleiding="Tijdens de kerstvakantie rijdt de Babybus niet.",
    )
    for soort, titel, tekst in [
        ("over", "Over het Huis van het Kind Kempenland", OVER),
        ("privacy", "Privacyverklaring", PRIVACY.format(termijn=365, maanden=3, bevestigen=7)),
        (
            "toegankelijkheid",
            "Toegankelijkheidsverklaring",
            TOEGANKELIJKHEID.format(datum="1 maart 2026"),
        ),
    ]:
        Pagina.objects.create(soort=soort, titel=titel, inhoud=tekst)
    return gemeenten


@pytest.mark.parametrize("scherm", SCHERMEN)
@pytest.mark.parametrize(("naam", "pad"), PAGINAS)
def test_pagina_heeft_geen_wcag_aa_fouten(
    live_server, request, inhoud, schermafdruk, scherm, naam, pad
):
    page = request.getfixturevalue(scherm)
    page.goto(live_server.url + pad)
    schermafdruk(page, f"{scherm}-{naam}")

    resultaat = Axe().run(page, options=WCAG_AA)

    assert resultaat.violations_count == 0, resultaat.generate_report()


@pytest.mark.parametrize("scherm", SCHERMEN)
@pytest.mark.parametrize(("naam", "pad"), PAGINAS)
def test_pagina_past_zonder_horizontaal_scrollen(live_server, request, inhoud, scherm, naam, pad):
    page = request.getfixturevalue(scherm)
    page.goto(live_server.url + pad)

    breedte = page.evaluate("document.documentElement.scrollWidth")

    assert breedte <= page.viewport_size["width"]


def test_lege_startpagina_heeft_geen_wcag_aa_fouten(live_server, gsm, schermafdruk):
    gsm.goto(live_server.url + "/")
    schermafdruk(gsm, "gsm-start-leeg")

    resultaat = Axe().run(gsm, options=WCAG_AA)

    assert resultaat.violations_count == 0, resultaat.generate_report()


def test_inwoner_opent_de_deur_van_zijn_gemeente_vanaf_de_startpagina(live_server, gsm, inhoud):
    gsm.goto(live_server.url + "/")

    gsm.get_by_role("link", name="Beerse Aanspreekpunt: Sociaal Huis Beerse").click()

    assert gsm.url == live_server.url + "/beerse/"
    assert gsm.locator("h1").inner_text() == "Huis van het Kind in Beerse"
    assert gsm.get_by_text("Sociaal Huis Beerse").is_visible()


def test_deur_werkt_zonder_javascript(live_server, zonder_javascript, inhoud):
    zonder_javascript.goto(live_server.url + "/beerse/")

    assert zonder_javascript.get_by_role(
        "link", name="Consultatiebureau Kind en Gezin Beerse"
    ).is_visible()
    assert zonder_javascript.get_by_role("link", name="Vraag stellen").is_visible()


def test_skiplink_brengt_het_toetsenbord_naar_de_inhoud(live_server, gsm, gemeenten):
    gsm.goto(live_server.url + "/")

    gsm.keyboard.press("Tab")
    skiplink = gsm.locator(":focus")
    assert skiplink.inner_text() == "Naar de inhoud"
    assert skiplink.is_visible()
    gsm.keyboard.press("Enter")

    assert gsm.evaluate("location.hash") == "#inhoud"


def test_startpagina_werkt_zonder_javascript(live_server, zonder_javascript, gemeenten):
    zonder_javascript.goto(live_server.url + "/")

    assert zonder_javascript.locator("h1").inner_text()
    assert zonder_javascript.get_by_text("Huis van het Kind Turnhout").is_visible()

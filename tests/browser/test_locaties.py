"""The places pages in a browser: WCAG 2.1 AA, a 375px phone, no JavaScript, the map on request.

The browser fixtures refuse every request outside the test server, so the map's tiles never
load: the map must still open with its markers and throw nothing.
"""

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from hvk.herhaling import lokale_tijd
from locaties.models import Haltebezoek, Locatie, Taal
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    HalteFactory,
    HalteschemaFactory,
    LocatieFactory,
    MobielHuisFactory,
    MomentFactory,
    OpeningsuurFactory,
    UitzonderingFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
LIJST = "/locaties/"
HUIS = "/locaties/huis-van-het-kind-turnhout/"
BABYBUS = "/locaties/babybus/"
PAGINAS = [("lijst", LIJST), ("detail", HUIS), ("mobiel", BABYBUS)]
# Markers on the list: four fixed places with coordinates and the Babybus's two stops.
MARKERS_OP_DE_LIJST = 6


@pytest.fixture
def huis_data(db):
    """A small Huis: a central house, an antenna, a meeting place, online and a Babybus."""
    turnhout = GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    vandaag = timezone.localdate()
    nederlands = Taal.objects.get_or_create(code="nl", naam="Nederlands")[0]

    huis = LocatieFactory(
        naam="Huis van het Kind Turnhout",
        slug="huis-van-het-kind-turnhout",
        soort=Locatie.Soort.CENTRAAL_HUIS,
        gemeente=turnhout,
        is_contactpunt=True,
        straat="Parklaan 45",
        telefoon="014 00 00 01",
        email="onthaal-huis-van-het-kind@turnhout.demo.example",
        beschrijving="Consultaties, opvoedingswinkel en onthaal.\n\nKom gerust binnen.",
        rolstoeltoegankelijk=True,
        kinderwagentoegankelijk=True,
        verzorgingstafel=None,
        ov_halte="Turnhout Parklaan",
    )
    huis.talen.add(nederlands)
    for weekdag in range(5):
        OpeningsuurFactory(locatie=huis, weekdag=weekdag, begin=dt.time(9), einde=dt.time(12))
        OpeningsuurFactory(
            locatie=huis,
            weekdag=weekdag,
            begin=dt.time(13, 30),
            einde=dt.time(17),
            vrije_inloop=weekdag == vandaag.weekday(),
        )
    UitzonderingFactory(
        locatie=huis, van=vandaag + dt.timedelta(days=2), omschrijving="Studiedag: gesloten"
    )
    activiteit = ActiviteitFactory(titel="Babymassage", slug="babymassage", locatie=huis)
    for dagen in (1, 8):
        begin = lokale_tijd(vandaag + dt.timedelta(days=dagen), dt.time(9, 30))
        MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=1))

    LocatieFactory(
        naam="Antenne Beerse",
        slug="antenne-beerse",
        soort=Locatie.Soort.ANTENNE,
        gemeente=beerse,
        is_contactpunt=True,
        straat="Kerkstraat 16",
        postcode="2340",
        plaats="Beerse",
        breedtegraad="51.319900",
        lengtegraad="4.860200",
    )
    babbelonie = LocatieFactory(
        naam="Ontmoetingsplek Babbelonie",
        slug="babbelonie",
        soort=Locatie.Soort.ONTMOETINGSPLEK,
        gemeente=turnhout,
        straat="Zandstraat 14",
        breedtegraad="51.317300",
        lengtegraad="4.930600",
    )
    OpeningsuurFactory(
        locatie=babbelonie,
        weekdag=vandaag.weekday(),
        begin=dt.time(0, 1),
        einde=dt.time(23, 59),
        vrije_inloop=True,
    )
    LocatieFactory(
        naam="Antenne Lichtaart met een heel lange naam die op een gsm moet afbreken",
        slug="antenne-lichtaart",
        soort=Locatie.Soort.ANTENNE,
        gemeente=beerse,
        breedtegraad="51.225200",
        lengtegraad="4.917500",
    )
    LocatieFactory(
        naam="Huis van het Kind online",
        slug="online",
        soort=Locatie.Soort.VIRTUEEL,
        gemeente=None,
        is_contactpunt=True,
        straat="",
        postcode="",
        plaats="",
        breedtegraad=None,
        lengtegraad=None,
        website="https://huisvanhetkind.demo.example/",
    )

    bus = MobielHuisFactory(
        naam="Babybus",
        slug="babybus",
        gemeente=turnhout,
        is_contactpunt=True,
        telefoon="014 00 10 09",
        email="babybus@huisvanhetkind.demo.example",
        beschrijving="Een bus met een weegtafel, een verzorgingshoek en een speelhoek.",
    )
    markt = HalteFactory(
        mobiel_huis=bus,
        naam="Marktplein Beerse",
        gemeente=beerse,
        breedtegraad="51.320000",
        lengtegraad="4.861000",
    )
    HalteschemaFactory(halte=markt)
    bij_huis = HalteFactory(
        mobiel_huis=bus, naam="Bij het huis", gemeente=turnhout, locatie=huis, straat=""
    )
    for dagen, halte, geannuleerd in [(3, markt, False), (10, bij_huis, True), (17, markt, False)]:
        begin = lokale_tijd(vandaag + dt.timedelta(days=dagen), dt.time(9))
        Haltebezoek.objects.create(
            halte=halte, begin=begin, einde=begin + dt.timedelta(hours=3), geannuleerd=geannuleerd
        )


def fouten_opvangen(page) -> list[str]:
    fouten = []
    page.on("pageerror", lambda fout: fouten.append(str(fout)))
    return fouten


def open_kaart(page):
    page.get_by_role("button", name="Toon op kaart").click()
    page.locator(".leaflet-marker-icon").first.wait_for()


@pytest.mark.parametrize(("naam", "pad"), PAGINAS)
@pytest.mark.parametrize("scherm", ["gsm", "bureaublad"])
def test_pagina_heeft_geen_wcag_aa_fouten(
    request, live_server, huis_data, schermafdruk, scherm, naam, pad
):
    page = request.getfixturevalue(scherm)
    page.goto(live_server.url + pad)
    schermafdruk(page, f"{scherm}-locaties-{naam}")

    resultaat = Axe().run(page, options=WCAG_AA)

    assert resultaat.violations_count == 0, resultaat.generate_report()


@pytest.mark.parametrize(("naam", "pad"), PAGINAS)
def test_pagina_met_open_kaart_heeft_geen_wcag_aa_fouten(
    live_server, gsm, huis_data, schermafdruk, naam, pad
):
    gsm.goto(live_server.url + pad)
    open_kaart(gsm)
    schermafdruk(gsm, f"gsm-locaties-{naam}-kaart")

    resultaat = Axe().run(gsm, options=WCAG_AA)

    assert resultaat.violations_count == 0, resultaat.generate_report()


@pytest.mark.parametrize(("naam", "pad"), PAGINAS)
def test_pagina_past_op_een_gsm_zonder_horizontaal_scrollen(live_server, gsm, huis_data, naam, pad):
    gsm.goto(live_server.url + pad)
    breedte_zonder_kaart = gsm.evaluate("document.documentElement.scrollWidth")
    open_kaart(gsm)

    breedte_met_kaart = gsm.evaluate("document.documentElement.scrollWidth")

    assert breedte_zonder_kaart <= gsm.viewport_size["width"]
    assert breedte_met_kaart <= gsm.viewport_size["width"]


def test_lijst_is_volledig_zonder_javascript(
    live_server, zonder_javascript, huis_data, schermafdruk
):
    page = zonder_javascript
    page.goto(live_server.url + LIJST)
    schermafdruk(page, "gsm-locaties-lijst-zonder-javascript")

    assert page.locator("h1").inner_text() == "Locaties"
    assert page.locator(".hvk-locatie").count() == 6
    assert page.get_by_text("Vandaag vrije inloop").first.is_visible()
    assert page.get_by_text("Online: altijd bereikbaar").is_visible()
    assert not page.get_by_role("button", name="Toon op kaart").is_visible()


def test_filter_werkt_zonder_javascript(live_server, zonder_javascript, huis_data):
    page = zonder_javascript
    page.goto(live_server.url + LIJST)

    page.get_by_label("Gemeente", exact=True).select_option("beerse")
    page.get_by_role("button", name="Toon de plekken").click()

    assert page.locator("h1").inner_text() == "Locaties in Beerse"
    assert page.get_by_role("link", name="Antenne Beerse").is_visible()
    assert not page.get_by_role("link", name="Ontmoetingsplek Babbelonie").count()


def test_detail_is_volledig_zonder_javascript(live_server, zonder_javascript, huis_data):
    page = zonder_javascript
    page.goto(live_server.url + HUIS)

    assert page.locator("h1").inner_text() == "Huis van het Kind Turnhout"
    assert page.locator("table.hvk-uren tbody tr").count() == 7
    assert page.get_by_text("Studiedag: gesloten").first.is_visible()
    assert page.get_by_role("link", name="Plan je route").is_visible()
    assert page.get_by_role("link", name="Babymassage").first.is_visible()
    assert not page.get_by_role("button", name="Toon op kaart").is_visible()


def test_mobiel_huis_is_volledig_zonder_javascript(live_server, zonder_javascript, huis_data):
    page = zonder_javascript
    page.goto(live_server.url + BABYBUS)

    assert page.locator(".hvk-agenda > li").count() == 3
    assert page.locator(".hvk-afgelast").get_by_text("Gaat niet door").is_visible()
    assert page.get_by_text("Elke tweede dinsdag van de maand, 09:00").is_visible()


def test_kaart_op_de_lijst_toont_een_marker_per_plek(live_server, gsm, huis_data):
    fouten = fouten_opvangen(gsm)
    gsm.goto(live_server.url + LIJST)
    knop = gsm.get_by_role("button", name="Toon op kaart")
    assert "De kaart wordt geladen van OpenStreetMap" in knop.inner_text()
    assert gsm.evaluate("typeof window.L") == "undefined"  # nothing loaded before the click

    open_kaart(gsm)

    assert gsm.locator("#kaart").is_visible()
    assert gsm.locator(".leaflet-marker-icon").count() == MARKERS_OP_DE_LIJST
    assert gsm.get_by_role("button", name="Verberg de kaart").get_attribute("aria-expanded") == (
        "true"
    )
    # The default marker image comes from the XStatic-Leaflet package, served by the portal.
    bron = gsm.locator(".leaflet-marker-icon").first.get_attribute("src")
    assert bron.startswith("/static/leaflet/images/marker-icon")
    assert fouten == []


def test_kaart_werkt_met_het_toetsenbord(live_server, bureaublad, huis_data):
    fouten = fouten_opvangen(bureaublad)
    bureaublad.goto(live_server.url + HUIS)
    knop = bureaublad.get_by_role("button", name="Toon op kaart")

    knop.focus()
    bureaublad.keyboard.press("Enter")
    bureaublad.locator(".leaflet-marker-icon").wait_for()
    marker = bureaublad.locator(".leaflet-marker-icon")
    marker.focus()
    bureaublad.keyboard.press("Enter")

    assert marker.get_attribute("alt") == "Huis van het Kind Turnhout"
    assert (
        bureaublad.locator(".leaflet-popup-content")
        .inner_text()
        .startswith("Huis van het Kind Turnhout")
    )
    bureaublad.get_by_role("button", name="Verberg de kaart").press("Enter")
    assert not bureaublad.locator("#kaart").is_visible()
    assert fouten == []


def test_kaart_van_het_mobiele_huis_toont_de_haltes(live_server, gsm, huis_data, schermafdruk):
    fouten = fouten_opvangen(gsm)
    gsm.goto(live_server.url + BABYBUS)

    open_kaart(gsm)

    alts = gsm.locator(".leaflet-marker-icon").evaluate_all("els => els.map(e => e.alt)")
    assert sorted(alts) == ["Babybus: Bij het huis", "Babybus: Marktplein Beerse"]
    assert fouten == []

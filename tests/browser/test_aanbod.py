"""The offer pages as a resident sees them: phone and desktop, with and without JavaScript."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from hvk.herhaling import lokale_tijd
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    InschrijvingFactory,
    LocatieFactory,
    MomentFactory,
    OpeningsuurFactory,
    PartnerFactory,
    ThemaFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
TOESTELLEN = ["gsm", "bureaublad"]


def moment(activiteit, dagen, uur=10, **kwargs):
    begin = lokale_tijd(timezone.localdate() + dt.timedelta(days=dagen), dt.time(uur))
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **kwargs
    )


@pytest.fixture
def aanbod(db):
    """A small but varied offer: each pillar, local and regional, paid and free, a full moment."""
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    antenne = LocatieFactory(
        naam="Antenne Beerse",
        slug="antenne-beerse",
        gemeente=beerse,
        straat="Kerkstraat 16",
        postcode="2340",
        plaats="Beerse",
        telefoon="014 00 00 16",
        rolstoeltoegankelijk=True,
        kinderwagentoegankelijk=False,
    )
    babbelonie = LocatieFactory(naam="Ontmoetingsplek Babbelonie", slug="babbelonie")
    OpeningsuurFactory(locatie=babbelonie, weekdag=2, begin=dt.time(9), einde=dt.time(11, 30))
    OpeningsuurFactory(
        locatie=babbelonie,
        weekdag=2,
        begin=dt.time(13, 30),
        einde=dt.time(16, 30),
        vrije_inloop=True,
    )

    consultatie = ActiviteitFactory(
        titel="Consultatiebureau Kind en Gezin Beerse",
        slug="consultatiebureau-beerse",
        samenvatting="Wegen, meten, vaccineren en vragen stellen.",
        pijler="gezondheid",
        bereik="lokaal",
        gemeenten=[beerse],
        leeftijd_van=0,
        leeftijd_tot=36,
        locatie=antenne,
    )
    for i in range(4):
        moment(consultatie, 2 + 7 * i, uur=13, geannuleerd=i == 1)

    babymassage = ActiviteitFactory(
        titel="Babymassage: lessenreeks van vijf ochtenden",
        slug="babymassage",
        samenvatting="Vijf ochtenden leren hoe je je baby masseert, met andere ouders.",
        beschrijving="Een erkende babymasseuse leert het je.\n\nBreng een handdoek mee.",
        pijler="gezondheid",
        leeftijd_van=1,
        leeftijd_tot=9,
        prijs=Decimal("25"),
        sociaal_tarief=Decimal("5"),
        uitpas=True,
        inschrijving_vereist=True,
        capaciteit=2,
        plaatsen_per="gezin",
        locatie=antenne,
    )
    babymassage.themas.set([ThemaFactory(naam="Gezondheid", slug="gezondheid")])
    babymassage.partners.set([PartnerFactory(naam="Gezinsbond Beerse")])
    vol = moment(babymassage, 3)
    InschrijvingFactory(moment=vol)
    InschrijvingFactory(moment=vol)
    moment(babymassage, 10)
    moment(babymassage, 17, locatie=babbelonie)

    ActiviteitFactory(
        titel="Vrije inloop in Babbelonie",
        slug="vrije-inloop-babbelonie",
        samenvatting="Binnenlopen zonder afspraak: spelen, koffie en een babbel.",
        pijler="ontmoeting",
        doorlopend=True,
        locatie=babbelonie,
    )
    lezing = ActiviteitFactory(
        titel="Lezing: slapen zonder tranen",
        slug="lezing-slapen",
        samenvatting="Wat helpt je baby of peuter (en jou) om beter te slapen?",
        pijler="opvoeding",
        inschrijving_vereist=True,
        capaciteit=40,
        locatie=babbelonie,
    )
    moment(lezing, 12, uur=20)


@pytest.mark.parametrize("toestel", TOESTELLEN)
@pytest.mark.parametrize(
    ("naam", "pad"),
    [
        ("aanbod-lijst", "/aanbod/"),
        ("aanbod-lijst-filters", "/aanbod/?gemeente=beerse&gratis=on&leeftijd=0"),
        ("aanbod-geen-resultaten", "/aanbod/?pijler=opvoeding&gratis=on&toegankelijk=on"),
        ("aanbod-foute-filters", "/aanbod/?leeftijd=abc&van=2026-13-45&page=x"),
        ("aanbod-detail", "/aanbod/babymassage/"),
        ("aanbod-detail-doorlopend", "/aanbod/vrije-inloop-babbelonie/"),
    ],
)
def test_aanbodpagina_heeft_geen_wcag_aa_fouten_en_past_op_het_scherm(
    request, live_server, aanbod, schermafdruk, toestel, naam, pad
):
    page = request.getfixturevalue(toestel)
    page.goto(live_server.url + pad)
    schermafdruk(page, f"{toestel}-{naam}")

    resultaat = Axe().run(page, options=WCAG_AA)

    assert resultaat.violations_count == 0, resultaat.generate_report()
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_filteren_met_javascript_ververst_de_resultaten_ter_plaatse(
    live_server, gsm, aanbod, schermafdruk
):
    gsm.goto(live_server.url + "/aanbod/")
    expect(gsm.locator("#aanbod-aantal")).to_have_text(re.compile(r"4 activiteiten gevonden"))
    gsm.evaluate("window.geenNieuwePagina = true")

    gsm.locator("#id_pijler").focus()
    gsm.select_option("#id_pijler", "gezondheid")

    expect(gsm.locator("#aanbod-aantal")).to_have_text(re.compile(r"2 activiteiten gevonden"))
    expect(gsm).to_have_url(re.compile(r"/aanbod/\?pijler=gezondheid$"))
    titels = gsm.locator("#aanbod-resultaten article h2").all_inner_texts()
    assert sorted(titels) == [
        "Babymassage: lessenreeks van vijf ochtenden",
        "Consultatiebureau Kind en Gezin Beerse",
    ]
    # Same page (no reload), and the keyboard stays where the resident was.
    assert gsm.evaluate("window.geenNieuwePagina") is True
    assert gsm.evaluate("document.activeElement.id") == "id_pijler"
    assert gsm.locator("#aanbod-aantal").get_attribute("role") == "status"
    schermafdruk(gsm, "gsm-aanbod-gefilterd")

    resultaat = Axe().run(gsm, options=WCAG_AA)
    assert resultaat.violations_count == 0, resultaat.generate_report()


def test_filteren_zonder_javascript_werkt_met_de_knop(
    live_server, zonder_javascript, aanbod, schermafdruk
):
    page = zonder_javascript
    page.goto(live_server.url + "/aanbod/")

    page.select_option("#id_pijler", "ontmoeting")
    page.get_by_role("button", name="Toon het aanbod").click()

    expect(page).to_have_url(re.compile(r"pijler=ontmoeting"))
    expect(page.locator("#aanbod-aantal")).to_have_text(re.compile(r"1 activiteit gevonden"))
    assert page.locator("#aanbod-resultaten article h2").all_inner_texts() == [
        "Vrije inloop in Babbelonie"
    ]
    schermafdruk(page, "gsm-aanbod-zonder-javascript")


def test_meer_filters_openen_zonder_javascript(live_server, zonder_javascript, aanbod):
    page = zonder_javascript
    page.goto(live_server.url + "/aanbod/")
    expect(page.get_by_label("Alleen gratis aanbod")).to_be_hidden()

    page.get_by_text("Meer filters").click()
    page.get_by_label("Alleen gratis aanbod").check()
    page.get_by_role("button", name="Toon het aanbod").click()

    expect(page).to_have_url(re.compile(r"gratis=on"))
    expect(page.locator("#aanbod-aantal")).to_have_text(re.compile(r"3 activiteiten gevonden"))


def test_een_filter_weghalen_met_de_keuzeknop(live_server, gsm, aanbod):
    gsm.goto(live_server.url + "/aanbod/?pijler=gezondheid&gemeente=beerse")

    gsm.get_by_role("link", name=re.compile(r"^Soort aanbod: preventieve gezondheidszorg")).click()

    expect(gsm).to_have_url(re.compile(r"/aanbod/\?gemeente=beerse$"))
    expect(gsm.locator("#id_pijler")).to_have_value("")


def test_detail_op_een_gsm_toont_plaatsen_en_toegankelijkheid_in_woorden(live_server, gsm, aanbod):
    gsm.goto(live_server.url + "/aanbod/babymassage/")

    expect(gsm.get_by_text("Volzet")).to_be_visible()
    expect(gsm.get_by_text("nog 2 plaatsen vrij (per gezin)").first).to_be_visible()
    expect(gsm.locator(".aanbod-toegankelijkheid")).to_contain_text("Rolstoeltoegankelijk")
    expect(gsm.locator(".aanbod-toegankelijkheid")).to_contain_text("niet gekend")
    expect(gsm.get_by_role("link", name="Zet deze momenten in je agenda")).to_be_visible()

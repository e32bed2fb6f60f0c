"""The shared home: the doors, this week's offer, walk-in today, the places, news."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from communicatie.models import Huisstijl, Nieuwsbericht, Pagina
from locaties.models import Haltebezoek, Locatie
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    HalteFactory,
    LocatieFactory,
    MobielHuisFactory,
    MomentFactory,
    OpeningsuurFactory,
)

pytestmark = pytest.mark.django_db

BRUSSEL = ZoneInfo("Europe/Brussels")
# A fixed Wednesday noon, so "today", "this week" and "open now" never depend on the clock.
NU = dt.datetime(2026, 3, 11, 12, 0, tzinfo=BRUSSEL)
VANDAAG = NU.date()
DRIE = [("Beerse", "13004"), ("Kasterlee", "13017"), ("Turnhout", "13040")]


@pytest.fixture(autouse=True)
def middag(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NU)


def op(dagen: int, uur: int = 10) -> dt.datetime:
    return dt.datetime.combine(VANDAAG + dt.timedelta(days=dagen), dt.time(uur), tzinfo=BRUSSEL)


@pytest.fixture
def beerse():
    return GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        aanspreekpunt_naam="Sociaal Huis Beerse",
        aanspreekpunt_telefoon="014 00 00 02",
        kleur="#1b6e3c",
    )


@pytest.fixture
def antenne(beerse):
    return LocatieFactory(naam="Antenne Beerse", slug="antenne-beerse", gemeente=beerse)


def nieuws(titel, *, dagen_geleden=1, **velden):
    return Nieuwsbericht.objects.create(
        titel=titel,
        slug=re.sub(r"[^a-z0-9]+", "-", titel.lower()).strip("-"),
        inleiding=f"Over {titel}.",
        publicatiedatum=NU - dt.timedelta(days=dagen_geleden),
        **velden,
    )


def startpagina(client):
    return client.get(reverse("home")).content.decode()


# --- The doors ----------------------------------------------------------------------------------


def test_startpagina_toont_elke_gemeente_als_deur_naar_haar_eigen_pagina(client, beerse):
    GemeenteFactory(naam="Vosselaar", nis_code="13046", slug="vosselaar")

    inhoud = startpagina(client)

    assert '<a class="hvk-deur hvk-deur--beerse" href="/beerse/">' in inhoud
    assert '<a class="hvk-deur hvk-deur--vosselaar" href="/vosselaar/">' in inhoud
    assert "Aanspreekpunt: Sociaal Huis Beerse" in inhoud
    assert "samen gedragen door 2 gemeenten" in inhoud


def test_elke_deur_krijgt_de_kleur_van_haar_gemeente(client, beerse):
    inhoud = startpagina(client)

    # The colour comes from the style sheet every page links (no inline style: CSP).
    assert '<link rel="stylesheet" href="/huisstijl.css">' in inhoud
    css = client.get("/huisstijl.css").content.decode()
    assert ".hvk-deur--beerse { --deur-kleur: #1b6e3c; }" in css


def test_startpagina_zonder_gemeenten_legt_uit_wat_er_ontbreekt(client):
    inhoud = startpagina(client)

    assert "Er zijn nog geen deelnemende gemeenten ingevoerd" in inhoud


def test_startpagina_toont_de_naam_uit_de_huisstijl(client):
    Huisstijl.objects.create(naam="Huis van het Kind Testland", ondertitel="Samen sterk")

    inhoud = startpagina(client)

    assert "<title>Huis van het Kind Testland</title>" in inhoud
    assert "Samen sterk" in inhoud


def test_startpagina_zonder_huisstijl_gebruikt_de_naam_uit_de_instellingen(client, settings):
    settings.HVK_NAAM = "Huis van het Kind Uit Instellingen"

    inhoud = startpagina(client)

    assert "Huis van het Kind Uit Instellingen" in inhoud


# --- This week ----------------------------------------------------------------------------------


def test_deze_week_toont_komende_momenten_met_link_plek_en_uur(client, antenne):
    activiteit = ActiviteitFactory(titel="Babymassage", slug="babymassage", locatie=antenne)
    MomentFactory(activiteit=activiteit, begin=op(1, 10), einde=op(1, 11))

    inhoud = startpagina(client)

    assert '<a href="/aanbod/babymassage/">Babymassage</a>' in inhoud
    assert "Morgen, donderdag 12 maart" in inhoud
    assert ">10:00</time>&ndash;<time" in inhoud
    assert "Antenne Beerse" in inhoud


def test_deze_week_laat_geannuleerd_ongepubliceerd_en_later_aanbod_weg(client, antenne):
    geannuleerd = ActiviteitFactory(titel="Geannuleerde les", locatie=antenne)
    MomentFactory(activiteit=geannuleerd, begin=op(1), einde=op(1, 11), geannuleerd=True)
    verborgen = ActiviteitFactory(titel="Nog geheim", locatie=antenne, gepubliceerd=False)
    MomentFactory(activiteit=verborgen, begin=op(2), einde=op(2, 11))
    later = ActiviteitFactory(titel="Over acht dagen", locatie=antenne)
    MomentFactory(activiteit=later, begin=op(7), einde=op(7, 11))
    voorbij = ActiviteitFactory(titel="Vanochtend", locatie=antenne)
    MomentFactory(activiteit=voorbij, begin=op(0, 9), einde=op(0, 11))

    inhoud = startpagina(client)

    for titel in ("Geannuleerde les", "Nog geheim", "Over acht dagen", "Vanochtend"):
        assert titel not in inhoud
    assert "De komende zeven dagen staan er geen activiteiten gepland." in inhoud


def test_lokaal_aanbod_zegt_voor_welke_gemeente_het_is(client, beerse, antenne):
    lokaal = ActiviteitFactory(
        titel="Consultatie", locatie=antenne, bereik="lokaal", gemeenten=[beerse]
    )
    MomentFactory(activiteit=lokaal, begin=op(1), einde=op(1, 11))

    inhoud = startpagina(client)

    assert "Voor inwoners van Beerse" in inhoud


# --- Walk-in today and the places ---------------------------------------------------------------


def test_vrije_inloop_van_vandaag_toont_de_plek_en_de_uren(client, antenne):
    OpeningsuurFactory(
        locatie=antenne,
        weekdag=VANDAAG.weekday(),
        begin=dt.time(14),
        einde=dt.time(16, 30),
        vrije_inloop=True,
    )

    inhoud = startpagina(client)

    blok = inhoud.split('id="inloop-titel"')[1].split("</section>")[0]
    assert "Antenne Beerse" in blok
    assert "14:00&ndash;16:30" in blok


def test_vrije_inloop_die_voorbij_is_telt_vandaag_niet_meer(client, antenne):
    OpeningsuurFactory(
        locatie=antenne,
        weekdag=VANDAAG.weekday(),
        begin=dt.time(9),
        einde=dt.time(11),
        vrije_inloop=True,
    )

    inhoud = startpagina(client)

    assert "Vandaag is er geen vrije inloop (meer)." in inhoud


def test_locaties_tonen_of_de_plek_nu_open_is(client, antenne):
    OpeningsuurFactory(
        locatie=antenne, weekdag=VANDAAG.weekday(), begin=dt.time(9), einde=dt.time(17)
    )

    inhoud = startpagina(client)

    blok = inhoud.split('id="locaties-titel"')[1].split("</section>")[0]
    assert '<a href="/locaties/antenne-beerse/">Antenne Beerse</a>' in blok
    assert "Nu open" in blok
    assert "tot 17:00" in blok
    assert 'href="/locaties/"' in blok


def test_een_gesloten_plek_zegt_wanneer_ze_weer_opengaat(client, antenne):
    morgen = (VANDAAG + dt.timedelta(days=1)).weekday()
    OpeningsuurFactory(locatie=antenne, weekdag=morgen, begin=dt.time(9), einde=dt.time(12))

    inhoud = startpagina(client)

    assert "Gesloten" in inhoud
    assert "opent morgen om 9:00" in inhoud


def test_locaties_beginnen_bij_het_huis(client, beerse, antenne):
    turnhout = GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    LocatieFactory(naam="Aaa speelhoek", soort=Locatie.Soort.ONTMOETINGSPLEK, gemeente=beerse)
    LocatieFactory(naam="Zzz Huis", soort=Locatie.Soort.CENTRAAL_HUIS, gemeente=turnhout)
    MobielHuisFactory(naam="Babybus", gemeente=turnhout)

    inhoud = startpagina(client)

    blok = inhoud.split('id="locaties-titel"')[1].split("</section>")[0]
    namen = re.findall(r'<a href="/locaties/[^"]+/">([^<]+)</a>', blok)
    assert namen == ["Zzz Huis", "Antenne Beerse", "Aaa speelhoek", "Babybus"]


def test_het_mobiele_huis_zegt_waar_het_de_volgende_keer_staat(client, beerse):
    bus = MobielHuisFactory(naam="Babybus")
    halte = HalteFactory(mobiel_huis=bus, naam="Kerkplein", gemeente=beerse)
    Haltebezoek.objects.create(halte=halte, begin=op(1, 9), einde=op(1, 12))

    inhoud = startpagina(client)

    blok = inhoud.split('id="locaties-titel"')[1].split("</section>")[0]
    assert re.search(
        r"Volgende halte</strong>:\s+morgen, 9:00&ndash;12:00,\s+Kerkplein \(Beerse\)", blok
    )


# --- News ---------------------------------------------------------------------------------------


def test_startpagina_toont_de_drie_laatste_berichten_ook_die_van_een_gemeente(client, beerse):
    nieuws("Oudste nieuws", dagen_geleden=9)
    nieuws("Nieuws voor Beerse", dagen_geleden=1, gemeente=beerse)
    nieuws("Algemeen nieuws", dagen_geleden=2)
    nieuws("Derde nieuws", dagen_geleden=3)
    nieuws("Nog niet gepubliceerd", dagen_geleden=0, gepubliceerd=False)

    inhoud = startpagina(client)

    assert "Oudste nieuws" not in inhoud
    assert "Nog niet gepubliceerd" not in inhoud
    posities = [inhoud.index(t) for t in ("Nieuws voor Beerse", "Algemeen nieuws", "Derde nieuws")]
    assert posities == sorted(posities)
    assert "nieuws voor Beerse" in inhoud


def test_startpagina_zonder_inhoud_heeft_voor_elk_blok_een_lege_toestand(client):
    inhoud = startpagina(client)

    assert "De komende zeven dagen staan er geen activiteiten gepland." in inhoud
    assert "Vandaag is er geen vrije inloop (meer)." in inhoud
    assert "Er zijn nog geen locaties ingevoerd." in inhoud
    assert "Er is nog geen nieuws." in inhoud


# --- The frame ----------------------------------------------------------------------------------


def test_menu_heeft_start_aanbod_locaties_nieuws_en_vraag_stellen(client):
    inhoud = startpagina(client)

    menu = inhoud.split('class="hvk-menu"')[1].split("</ul>")[0]
    teksten = re.findall(r">([^<>]+)</a>", menu)
    assert teksten == ["Start", "Aanbod", "Locaties", "Nieuws", "Vraag stellen"]
    assert '<a href="/" aria-current="page">Start</a>' in menu


def test_voettekst_noemt_de_gemeenten_en_opent_hun_deur(client):
    for naam, code in DRIE:
        GemeenteFactory(naam=naam, nis_code=code, slug=naam.lower())

    inhoud = startpagina(client)

    voet = inhoud.split('<footer class="hvk-voet')[1]
    assert re.search(r"samenwerking van de gemeenten\s+Beerse, Kasterlee en Turnhout\.", voet)
    for naam, _code in DRIE:
        assert f'<a href="/{naam.lower()}/">{naam}</a>' in voet
    assert 'href="/admin/"' in voet


def test_voettekst_linkt_alleen_naar_paginas_die_geschreven_zijn(client):
    Pagina.objects.create(soort="privacy", titel="Privacyverklaring", inhoud="Tekst.")

    voet = startpagina(client).split('<footer class="hvk-voet')[1]

    assert 'href="/privacy/"' in voet
    assert 'href="/over/"' not in voet
    assert 'href="/toegankelijkheid/"' not in voet


def test_canonical_wijst_naar_de_eigen_host_zonder_hoofddomein(client, settings):
    settings.HVK_HOOFDDOMEIN = ""

    inhoud = startpagina(client)

    assert '<link rel="canonical" href="http://testserver/">' in inhoud


def test_canonical_wijst_naar_het_hoofddomein(client, settings):
    settings.HVK_HOOFDDOMEIN = "www.huisvanhetkind-kempenland.be"

    inhoud = client.get(reverse("nieuws")).content.decode()

    assert (
        '<link rel="canonical" href="https://www.huisvanhetkind-kempenland.be/nieuws/">' in inhoud
    )


# --- Query counts -------------------------------------------------------------------------------


def _van_elk(aantal):
    """``aantal`` gemeenten, each with a place (with hours and walk-in), a moment, news and a
    stop of a mobile house with a visit."""
    for i, (naam, code) in enumerate(DRIE[:aantal]):
        gemeente = GemeenteFactory(naam=naam, nis_code=code, slug=naam.lower())
        plek = LocatieFactory(gemeente=gemeente)
        OpeningsuurFactory(
            locatie=plek,
            weekdag=VANDAAG.weekday(),
            begin=dt.time(9),
            einde=dt.time(17),
            vrije_inloop=True,
        )
        lokaal = ActiviteitFactory(locatie=plek, bereik="lokaal", gemeenten=[gemeente])
        MomentFactory(activiteit=lokaal, begin=op(i + 1), einde=op(i + 1, 12))
        nieuws(f"Bericht {naam}", gemeente=gemeente)
        halte = HalteFactory(mobiel_huis=MobielHuisFactory(gemeente=gemeente), gemeente=gemeente)
        Haltebezoek.objects.create(halte=halte, begin=op(i + 1, 13), einde=op(i + 1, 15))
        Pagina.objects.get_or_create(soort="over", defaults={"titel": "Over", "inhoud": "Tekst"})


@pytest.mark.parametrize("aantal", [1, 3])
def test_startpagina_doet_evenveel_queries_ongeacht_hoeveel_er_is(
    client, django_assert_num_queries, aantal
):
    _van_elk(aantal)

    # The host's Domein, Huisstijl, gemeenten, pages, moments (+ their gemeenten), places
    # (+ hours, exceptions, the mobile houses' stops and visits), news.
    with django_assert_num_queries(12):
        response = client.get(reverse("home"))

    assert response.content.decode().count('class="hvk-moment"') == aantal

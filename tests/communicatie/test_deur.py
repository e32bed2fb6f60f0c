"""A door per gemeente: /<slug>/ and the gemeente's own host name show the same Huis from there."""

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from communicatie.models import Domein, Huisstijl, Nieuwsbericht
from locaties.models import Haltebezoek
from locaties.selectors import dichtste_locaties
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
NU = dt.datetime(2026, 3, 11, 12, 0, tzinfo=BRUSSEL)
HOST = "huisvanhetkind-beerse.be"
HOOFDDOMEIN = "www.huisvanhetkind-kempenland.be"


@pytest.fixture(autouse=True)
def middag(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NU)


@pytest.fixture(autouse=True)
def huisstijl(db):
    return Huisstijl.objects.create(naam="Huis van het Kind Kempenland")


def op(dagen: int, uur: int = 10) -> dt.datetime:
    dag = NU.date() + dt.timedelta(days=dagen)
    return dt.datetime.combine(dag, dt.time(uur), tzinfo=BRUSSEL)


@pytest.fixture
def beerse():
    return GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        breedtegraad=Decimal("51.319500"),
        lengtegraad=Decimal("4.855600"),
        aanspreekpunt_naam="Sociaal Huis Beerse",
        aanspreekpunt_adres="Bisschopslaan 41, 2340 Beerse",
        aanspreekpunt_telefoon="014 00 00 02",
        aanspreekpunt_email="hvk@beerse.example",
        aanspreekpunt_website="https://www.beerse.example/gezin",
    )


@pytest.fixture
def turnhout():
    return GemeenteFactory(
        naam="Turnhout",
        nis_code="13040",
        slug="turnhout",
        breedtegraad=Decimal("51.322700"),
        lengtegraad=Decimal("4.944800"),
    )


@pytest.fixture
def kasterlee():
    return GemeenteFactory(naam="Kasterlee", nis_code="13017", slug="kasterlee")


def plek(gemeente, naam, lat, lon, **velden):
    return LocatieFactory(
        naam=naam,
        slug=naam.lower().replace(" ", "-"),
        gemeente=gemeente,
        breedtegraad=Decimal(lat),
        lengtegraad=Decimal(lon),
        **velden,
    )


def deur(client, slug="beerse"):
    return client.get(reverse("gemeente", kwargs={"slug": slug}))


# --- What the door says -------------------------------------------------------------------------


def test_deur_zegt_dat_het_huis_gedeeld_wordt_met_de_andere_gemeenten(
    client, beerse, turnhout, kasterlee
):
    inhoud = deur(client).content.decode()

    assert "<h1>Huis van het Kind Kempenland in Beerse</h1>" in inhoud
    assert (
        "Huis van het Kind Kempenland is een samenwerking van Beerse met Kasterlee en Turnhout."
        in inhoud
    )


def test_deur_van_een_huis_met_een_gemeente_noemt_geen_andere(client, beerse):
    inhoud = deur(client).content.decode()

    assert "Huis van het Kind Kempenland is er voor de gezinnen in Beerse." in inhoud
    assert "samenwerking van" not in inhoud.split("<footer")[0]


def test_deur_toont_het_aanspreekpunt_van_de_gemeente(client, beerse):
    inhoud = deur(client).content.decode()

    assert "Sociaal Huis Beerse" in inhoud
    assert "Bisschopslaan 41, 2340 Beerse" in inhoud
    assert 'href="tel:014000002"' in inhoud
    assert 'href="mailto:hvk@beerse.example"' in inhoud
    assert 'href="https://www.beerse.example/gezin"' in inhoud


def test_deur_zonder_aanspreekpunt_wijst_het_dichtste_contactpunt_aan(client, beerse, turnhout):
    plek(
        beerse,
        "Antenne Beerse",
        "51.319900",
        "4.860200",
        is_contactpunt=True,
        telefoon="014 00 10 02",
    )
    plek(turnhout, "Huis Turnhout", "51.320400", "4.939100", is_contactpunt=True)

    inhoud = deur(client, "turnhout").content.decode()

    assert "Turnhout heeft nog geen eigen aanspreekpunt" in inhoud
    kader = inhoud.split('id="aanspreekpunt-titel"')[1].split("</section>")[0]
    assert "Huis Turnhout" in kader
    assert "Antenne Beerse" not in kader


def test_deur_linkt_naar_het_vraagformulier_met_de_gemeente_al_gekozen(client, beerse):
    inhoud = deur(client).content.decode()

    assert f'href="{reverse("vraag")}?gemeente=beerse"' in inhoud


def test_deur_toont_regionaal_en_eigen_lokaal_aanbod_maar_niet_dat_van_een_ander(
    client, beerse, turnhout
):
    ergens = plek(turnhout, "Huis Turnhout", "51.320400", "4.939100")
    regionaal = ActiviteitFactory(titel="Lezing voor iedereen", locatie=ergens)
    eigen = ActiviteitFactory(
        titel="Consultatie Beerse", locatie=ergens, bereik="lokaal", gemeenten=[beerse]
    )
    ander = ActiviteitFactory(
        titel="Consultatie Turnhout", locatie=ergens, bereik="lokaal", gemeenten=[turnhout]
    )
    for i, activiteit in enumerate([regionaal, eigen, ander], start=1):
        MomentFactory(activiteit=activiteit, begin=op(i), einde=op(i, 12))

    inhoud = deur(client).content.decode()

    assert "Lezing voor iedereen" in inhoud
    assert "Consultatie Beerse" in inhoud
    assert "Consultatie Turnhout" not in inhoud
    assert 'href="/aanbod/?gemeente=beerse"' in inhoud


def test_deur_toont_hoogstens_tien_komende_momenten(client, beerse):
    activiteit = ActiviteitFactory(locatie=plek(beerse, "Antenne", "51.3199", "4.8602"))
    for dag in range(1, 14):
        MomentFactory(activiteit=activiteit, begin=op(dag), einde=op(dag, 12))

    inhoud = deur(client).content.decode()

    assert inhoud.count('class="hvk-moment"') == 10


def test_deur_zonder_aanbod_zegt_dat_er_niets_gepland_is(client, beerse):
    inhoud = deur(client).content.decode()

    assert "Er staan nog geen activiteiten gepland." in inhoud
    assert "Er zijn nog geen locaties ingevoerd." in inhoud
    assert "Er is nog geen nieuws." in inhoud


def test_deur_toont_de_dichtste_plekken_eerst_met_afstand_en_status(client, beerse, turnhout):
    verre = plek(turnhout, "Huis Turnhout", "51.320400", "4.939100")
    dichte = plek(beerse, "Antenne Beerse", "51.319900", "4.860200")
    OpeningsuurFactory(locatie=dichte, weekdag=NU.weekday(), begin=dt.time(9), einde=dt.time(17))
    OpeningsuurFactory(locatie=verre, weekdag=NU.weekday(), begin=dt.time(13), einde=dt.time(17))

    inhoud = deur(client).content.decode()

    blok = inhoud.split('id="plekken-titel"')[1].split("</section>")[0]
    assert blok.index("Antenne Beerse") < blok.index("Huis Turnhout")
    assert "0,3 km" in blok
    assert "Nu open" in blok
    assert "opent vandaag om 13:00" in blok
    assert 'href="/locaties/?gemeente=beerse"' in blok


def test_zonder_centrum_komen_de_plekken_in_de_gemeente_eerst(kasterlee, turnhout):
    plek(turnhout, "Aaa in Turnhout", "51.320400", "4.939100")
    plek(kasterlee, "Zzz in Kasterlee", "51.241300", "4.966600")

    buurt = dichtste_locaties(kasterlee)

    assert [p.locatie.naam for p in buurt.locaties] == ["Zzz in Kasterlee", "Aaa in Turnhout"]
    assert buurt.locaties[0].afstand_km is None


def test_een_mobiel_huis_telt_met_zijn_halte_en_toont_zijn_volgende_stop(beerse, turnhout):
    bus = MobielHuisFactory(naam="Babybus", gemeente=turnhout)
    halte = HalteFactory(
        mobiel_huis=bus,
        naam="Kerkplein Beerse",
        gemeente=beerse,
        breedtegraad=Decimal("51.319600"),
        lengtegraad=Decimal("4.855700"),
    )
    Haltebezoek.objects.create(halte=halte, begin=op(6, 9), einde=op(6, 12))
    plek(turnhout, "Huis Turnhout", "51.320400", "4.939100")

    buurt = dichtste_locaties(beerse)

    eerste = buurt.locaties[0]
    assert eerste.locatie == bus
    assert eerste.in_gemeente
    assert eerste.volgend_bezoek.halte == halte


def test_deur_zonder_vaste_plek_wijst_het_mobiele_huis_met_zijn_halte_hier_aan(
    client, beerse, turnhout
):
    vosselaar = GemeenteFactory(
        naam="Vosselaar",
        nis_code="13046",
        slug="vosselaar",
        breedtegraad=Decimal("51.308900"),
        lengtegraad=Decimal("4.888100"),
    )
    bus = MobielHuisFactory(naam="Babybus", gemeente=turnhout, is_contactpunt=True)
    kerkplein = HalteFactory(
        mobiel_huis=bus,
        naam="Kerkplein",
        gemeente=vosselaar,
        breedtegraad=Decimal("51.309000"),
        lengtegraad=Decimal("4.888000"),
    )
    markt = HalteFactory(
        mobiel_huis=bus,
        naam="Markt Beerse",
        gemeente=beerse,
        breedtegraad=Decimal("51.319600"),
        lengtegraad=Decimal("4.855700"),
    )
    Haltebezoek.objects.create(halte=markt, begin=op(1, 9), einde=op(1, 12))
    Haltebezoek.objects.create(halte=kerkplein, begin=op(6, 9), einde=op(6, 12))
    plek(turnhout, "Huis Turnhout", "51.320400", "4.939100")

    inhoud = deur(client, "vosselaar").content.decode()

    kader = inhoud.split('id="aanspreekpunt-titel"')[1].split("</section>")[0]
    assert "Vosselaar heeft nog geen eigen aanspreekpunt" in kader
    assert '<a class="fw-bold" href="/locaties/' + bus.slug + '/">Babybus</a>' in kader
    assert re.search(r"Volgende halte</strong>:\s+di 17 mrt, 9:00&ndash;12:00,\s+Kerkplein", kader)
    assert "Markt Beerse" not in kader


def test_plekken_zonder_coordinaten_komen_na_de_andere_zonder_afstand(beerse, turnhout):
    plek(turnhout, "Huis Turnhout", "51.320400", "4.939100")
    LocatieFactory(naam="Aaa zonder kaart", gemeente=beerse, breedtegraad=None, lengtegraad=None)

    buurt = dichtste_locaties(beerse)

    assert [(p.locatie.naam, p.afstand_km is None) for p in buurt.locaties] == [
        ("Huis Turnhout", False),
        ("Aaa zonder kaart", True),
    ]


def test_deur_toont_nieuws_van_de_gemeente_en_algemeen_nieuws(client, beerse, turnhout):
    for titel, gemeente in [
        ("Voor Beerse", beerse),
        ("Voor iedereen", None),
        ("Voor Turnhout", turnhout),
    ]:
        Nieuwsbericht.objects.create(
            titel=titel,
            slug=titel.lower().replace(" ", "-"),
            inleiding="Kort.",
            gemeente=gemeente,
            publicatiedatum=NU - dt.timedelta(days=1),
        )

    inhoud = deur(client).content.decode()

    assert "Voor Beerse" in inhoud
    assert "Voor iedereen" in inhoud
    assert "Voor Turnhout" not in inhoud
    assert 'href="/nieuws/?gemeente=beerse"' in inhoud


def test_deur_linkt_naar_de_andere_gemeenten(client, beerse, turnhout):
    inhoud = deur(client).content.decode()

    andere = inhoud.split('id="andere-titel"')[1].split("</nav>")[0]
    assert 'href="/turnhout/"' in andere
    assert 'href="/beerse/"' not in andere


# --- Not found ----------------------------------------------------------------------------------


def test_onbekende_gemeente_geeft_een_404_met_de_deuren(client, beerse, turnhout):
    response = deur(client, "atlantis")

    assert response.status_code == 404
    inhoud = response.content.decode()
    assert "geen gemeente met het webadres “atlantis”" in inhoud
    assert 'href="/beerse/"' in inhoud.split("<footer")[0]
    assert 'href="/turnhout/"' in inhoud.split("<footer")[0]
    # Not a page: nothing to index, no canonical address for a search engine to keep.
    assert 'rel="canonical"' not in inhoud
    assert "og:url" not in inhoud
    assert '<meta name="robots" content="noindex">' in inhoud


def test_een_pad_dat_nergens_bij_hoort_geeft_ook_de_deuren(client, beerse):
    response = client.get("/a/b/c/")

    assert response.status_code == 404
    assert 'href="/beerse/"' in response.content.decode().split("<footer")[0]


def test_gemeente_met_hoofdletter_stuurt_door_naar_het_juiste_adres(client, beerse):
    response = client.get("/Beerse/")

    assert response.status_code == 301
    assert response["Location"] == "/beerse/"


# --- The gemeente's own host name ---------------------------------------------------------------


@pytest.fixture
def eigen_domein(settings, beerse):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOST, f"www.{HOST}", "ander.example"]
    settings.HVK_HOOFDDOMEIN = HOOFDDOMEIN
    return Domein.objects.create(hostnaam=HOST, gemeente=beerse)


def test_eigen_domeinnaam_toont_de_deur_van_de_gemeente(client, eigen_domein):
    response = client.get("/", HTTP_HOST=HOST)

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "<h1>Huis van het Kind Kempenland in Beerse</h1>" in inhoud
    assert f'<link rel="canonical" href="https://{HOOFDDOMEIN}/beerse/">' in inhoud


@pytest.mark.parametrize("host", [f"{HOST}:8443", "HuisVanHetKind-Beerse.BE", f"www.{HOST}"])
def test_eigen_domeinnaam_negeert_poort_hoofdletters_en_www(client, eigen_domein, host):
    inhoud = client.get("/", HTTP_HOST=host).content.decode()

    assert "<h1>Huis van het Kind Kempenland in Beerse</h1>" in inhoud


def test_andere_paden_op_de_eigen_domeinnaam_werken_zoals_gewoonlijk(client, eigen_domein):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/nieuws/", HTTP_HOST=HOST)

    assert response.status_code == 200
    assert "<h1>Nieuws</h1>" in response.content.decode()
    assert not [q for q in queries.captured_queries if "communicatie_domein" in q["sql"]]


def test_onbekende_toegelaten_host_krijgt_de_gewone_startpagina(client, eigen_domein):
    inhoud = client.get("/", HTTP_HOST="ander.example").content.decode()

    assert "<h1>Huis van het Kind Kempenland</h1>" in inhoud


def test_zonder_hoofddomein_wijst_canonical_naar_het_pad_op_dezelfde_host(
    client, eigen_domein, settings
):
    settings.HVK_HOOFDDOMEIN = ""

    inhoud = client.get("/", HTTP_HOST=HOST).content.decode()

    assert f'<link rel="canonical" href="http://{HOST}/beerse/">' in inhoud


def test_deur_op_pad_heeft_canonical_naar_het_hoofddomein(client, eigen_domein):
    inhoud = deur(client).content.decode()

    assert f'<link rel="canonical" href="https://{HOOFDDOMEIN}/beerse/">' in inhoud


# --- Query counts -------------------------------------------------------------------------------


def _van_elk(aantal, beerse, turnhout, kasterlee):
    gemeenten = [beerse, turnhout, kasterlee][:aantal]
    for i, gemeente in enumerate(gemeenten):
        locatie = plek(gemeente, f"Plek {i}", "51.3199", f"4.86{i}")
        OpeningsuurFactory(
            locatie=locatie, weekdag=NU.weekday(), begin=dt.time(9), einde=dt.time(17)
        )
        activiteit = ActiviteitFactory(locatie=locatie, bereik="lokaal", gemeenten=[beerse])
        MomentFactory(activiteit=activiteit, begin=op(i + 1), einde=op(i + 1, 12))
        Nieuwsbericht.objects.create(
            titel=f"Nieuws {i}",
            slug=f"nieuws-{i}",
            inleiding="Kort.",
            gemeente=gemeente,
            publicatiedatum=NU - dt.timedelta(days=1),
        )
    bus = MobielHuisFactory(gemeente=turnhout)
    HalteFactory(mobiel_huis=bus, gemeente=beerse)


@pytest.mark.parametrize("aantal", [1, 3])
def test_deur_doet_evenveel_queries_ongeacht_hoeveel_er_is(
    client, django_assert_num_queries, beerse, turnhout, kasterlee, aantal
):
    _van_elk(aantal, beerse, turnhout, kasterlee)

    # Huisstijl, gemeenten, pages, moments (+ gemeenten), places (+ hours, exceptions, stops),
    # the mobile house's visits, news; the year's overview: moments, activities, local gemeenten.
    with django_assert_num_queries(14):
        response = deur(client)

    assert response.status_code == 200


@pytest.mark.parametrize("aantal", [1, 3])
def test_deur_op_eigen_domein_doet_evenveel_queries(
    client, django_assert_num_queries, eigen_domein, turnhout, kasterlee, aantal
):
    _van_elk(aantal, eigen_domein.gemeente, turnhout, kasterlee)

    # The Domein (with its gemeente) and then the same as the door at /beerse/.
    with django_assert_num_queries(15):
        response = client.get("/", HTTP_HOST=HOST)

    assert response.status_code == 200

"""The coordinator's pages, sitemap.xml and robots.txt, the admin of the public site, the demo."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from communicatie import selectors
from communicatie.models import Domein, Editie, Nieuwsbericht, Pagina
from gemeenten.models import Gemeente
from tests.admin import fouten
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory

pytestmark = pytest.mark.django_db

HOOFDDOMEIN = "www.huisvanhetkind-kempenland.be"


@pytest.fixture
def beerse():
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


# --- The pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("soort", ["over", "privacy", "toegankelijkheid"])
def test_pagina_toont_titel_alinea_s_en_de_datum_van_de_laatste_wijziging(client, soort):
    Pagina.objects.create(
        soort=soort, titel="Een titel", inhoud="Eerste alinea\nmet een tweede regel.\n\nTweede."
    )

    inhoud = client.get(reverse(soort)).content.decode()

    assert "<h1>Een titel</h1>" in inhoud
    assert "<p>Eerste alinea<br>met een tweede regel.</p>" in inhoud
    assert "<p>Tweede.</p>" in inhoud
    assert f"Laatst gewijzigd op {timezone.localdate():%-d}" in inhoud


def test_pagina_maakt_tussentitels_en_opsommingen_en_ontsnapt_html(client):
    Pagina.objects.create(
        soort="privacy",
        titel="Privacyverklaring",
        inhoud="## Wat we bewaren\n- je naam\n- je <script>vraag</script>\n\nDat is alles.",
    )

    inhoud = client.get(reverse("privacy")).content.decode()

    assert '<h2 class="h4 mt-4">Wat we bewaren</h2>' in inhoud
    assert "<li>je naam</li><li>je &lt;script&gt;vraag&lt;/script&gt;</li>" in inhoud
    assert "<script>vraag" not in inhoud


def test_tekstblokken_splitsen_koppen_lijsten_en_alinea_s():
    blokken = selectors.tekstblokken("Inleiding\n\n## Kop\nTekst\n- a\n- b\nSlot")

    assert [(b.soort, b.regels) for b in blokken] == [
        ("alinea", ("Inleiding",)),
        ("kop", ("Kop",)),
        ("alinea", ("Tekst",)),
        ("lijst", ("a", "b")),
        ("alinea", ("Slot",)),
    ]


@pytest.mark.parametrize(
    ("soort", "titel"),
    [("over", "Over het Huis"), ("privacy", "Privacyverklaring")],
)
def test_ontbrekende_pagina_geeft_een_404_die_uitlegt_wat_er_is(client, beerse, soort, titel):
    response = client.get(reverse(soort))

    assert response.status_code == 404
    inhoud = response.content.decode()
    assert f"{titel}: nog niet beschikbaar" in inhoud
    assert "Deze pagina is nog niet geschreven." in inhoud
    assert 'href="/beerse/"' in inhoud.split("<footer")[0]


# --- sitemap.xml and robots.txt -----------------------------------------------------------------


@pytest.fixture
def publieke_inhoud(beerse):
    plek = LocatieFactory(naam="Antenne Beerse", slug="antenne-beerse", gemeente=beerse)
    ActiviteitFactory(slug="babymassage", locatie=plek)
    ActiviteitFactory(slug="geheim-aanbod", locatie=plek, gepubliceerd=False)
    Nieuwsbericht.objects.create(titel="Gepubliceerd", slug="gepubliceerd", inleiding="x")
    Nieuwsbericht.objects.create(titel="Klad", slug="klad", inleiding="x", gepubliceerd=False)
    Nieuwsbericht.objects.create(
        titel="Later",
        slug="later",
        inleiding="x",
        publicatiedatum=timezone.now() + dt.timedelta(days=2),
    )
    Pagina.objects.create(soort="privacy", titel="Privacy", inhoud="Tekst.")
    Editie.objects.create(titel="Maart", slug="maart", intro="x", status="verstuurd")
    Editie.objects.create(titel="Concept", slug="concept-editie", intro="x")


def test_sitemap_noemt_elke_publieke_pagina(client, publieke_inhoud):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    xml = response.content.decode()
    for pad in [
        "/",
        "/nieuws/",
        "/beerse/",
        "/aanbod/babymassage/",
        "/locaties/antenne-beerse/",
        "/nieuws/gepubliceerd/",
        "/privacy/",
        "/nieuwsbrief/",
        "/nieuwsbrief/archief/",
        "/nieuwsbrief/archief/maart/",
    ]:
        assert f"<loc>http://testserver{pad}</loc>" in xml
    for verborgen in ["geheim-aanbod", "/nieuws/klad/", "/nieuws/later/", "/over/", "concept-"]:
        assert verborgen not in xml


def test_sitemap_gebruikt_het_hoofddomein(client, settings, publieke_inhoud):
    settings.HVK_HOOFDDOMEIN = HOOFDDOMEIN

    xml = client.get("/sitemap.xml").content.decode()

    assert f"<loc>https://{HOOFDDOMEIN}/beerse/</loc>" in xml
    assert "testserver" not in xml


def test_robots_laat_alles_toe_behalve_het_beheer_en_wijst_de_sitemap_aan(client, settings):
    settings.HVK_HOOFDDOMEIN = HOOFDDOMEIN

    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    regels = response.content.decode().splitlines()
    assert "User-agent: *" in regels
    assert "Disallow: /admin/" in regels
    assert "Disallow: /accounts/" in regels
    assert f"Sitemap: https://{HOOFDDOMEIN}/sitemap.xml" in regels


def test_robots_zonder_hoofddomein_gebruikt_de_eigen_host(client):
    inhoud = client.get("/robots.txt").content.decode()

    assert "Sitemap: http://testserver/sitemap.xml" in inhoud


# --- The admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "naam",
    [
        "admin:communicatie_nieuwsbericht_changelist",
        "admin:communicatie_nieuwsbericht_add",
        "admin:communicatie_pagina_changelist",
        "admin:communicatie_pagina_add",
        "admin:communicatie_domein_changelist",
        "admin:communicatie_domein_add",
    ],
)
def test_beheerpagina_s_van_de_website_openen(coordinator_client, beerse, naam):
    Nieuwsbericht.objects.create(titel="Bericht", slug="bericht", inleiding="x", gemeente=beerse)
    Domein.objects.create(hostnaam="huisvanhetkind-beerse.be", gemeente=beerse)

    response = coordinator_client.get(reverse(naam))

    assert response.status_code == 200


def test_nieuwsbericht_wijzigen_opent(coordinator_client, beerse):
    bericht = Nieuwsbericht.objects.create(titel="Bericht", slug="bericht", inleiding="x")

    response = coordinator_client.get(
        reverse("admin:communicatie_nieuwsbericht_change", args=[bericht.pk])
    )

    assert response.status_code == 200
    assert (
        "het hele Huis"
        in coordinator_client.get(
            reverse("admin:communicatie_nieuwsbericht_changelist")
        ).content.decode()
    )


def test_domein_met_https_en_schuine_streep_wordt_in_het_nederlands_geweigerd(
    coordinator_client, beerse
):
    response = coordinator_client.post(
        reverse("admin:communicatie_domein_add"),
        {"hostnaam": "https://x.be/", "gemeente": beerse.pk},
    )

    assert response.status_code == 200
    assert "Geef een domeinnaam zonder https:// of /" in fouten(response)
    assert not Domein.objects.exists()


def test_domein_met_hoofdletters_wordt_klein_bewaard_met_een_waarschuwing_over_allowed_hosts(
    coordinator_client, beerse
):
    response = coordinator_client.post(
        reverse("admin:communicatie_domein_add"),
        {"hostnaam": " HuisVanHetKind-Beerse.be ", "gemeente": beerse.pk},
    )

    assert response.status_code == 302
    assert Domein.objects.get().hostnaam == "huisvanhetkind-beerse.be"
    berichten = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("staat nog niet in ALLOWED_HOSTS" in b for b in berichten)


def test_dezelfde_domeinnaam_twee_keer_wordt_geweigerd(coordinator_client, beerse):
    Domein.objects.create(hostnaam="huisvanhetkind-beerse.be", gemeente=beerse)

    response = coordinator_client.post(
        reverse("admin:communicatie_domein_add"),
        {"hostnaam": "huisvanhetkind-beerse.be", "gemeente": beerse.pk},
    )

    assert "Deze domeinnaam hoort al bij een gemeente." in fouten(response)


def test_pagina_toevoegen_biedt_alleen_soorten_die_nog_niet_bestaan(coordinator_client):
    Pagina.objects.create(soort="privacy", titel="Privacy", inhoud="Tekst.")

    response = coordinator_client.get(reverse("admin:communicatie_pagina_add"))

    keuzes = [w for w, _label in response.context["adminform"].form.fields["soort"].choices]
    assert "privacy" not in keuzes
    assert "over" in keuzes


def test_als_elke_pagina_bestaat_kan_er_geen_meer_bij(coordinator_client):
    for soort in Pagina.Soort.values:
        Pagina.objects.create(soort=soort, titel=soort, inhoud="Tekst.")

    response = coordinator_client.get(reverse("admin:communicatie_pagina_add"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:communicatie_pagina_changelist")
    assert "Elke pagina bestaat al" in response.content.decode()


def test_een_tweede_pagina_van_dezelfde_soort_wordt_geweigerd(coordinator_client):
    Pagina.objects.create(soort="privacy", titel="Privacy", inhoud="Tekst.")

    response = coordinator_client.post(
        reverse("admin:communicatie_pagina_add"),
        {"soort": "privacy", "titel": "Nog een", "inhoud": "Tekst."},
    )

    assert response.status_code == 200
    assert Pagina.objects.count() == 1


# --- The demo -----------------------------------------------------------------------------------


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("demo", stdout=StringIO())


def test_demo_heeft_de_drie_pagina_s_nieuws_en_een_domeinnaam(demo):
    assert set(Pagina.objects.values_list("soort", flat=True)) == set(Pagina.Soort.values)
    assert Nieuwsbericht.objects.filter(gemeente__slug="beerse").exists()
    assert Nieuwsbericht.objects.count() >= 3
    assert Domein.objects.get().gemeente.slug == "beerse"


def test_demo_twee_keer_laden_maakt_geen_dubbels(demo):
    call_command("demo", stdout=StringIO())

    assert Pagina.objects.count() == 3
    assert Nieuwsbericht.objects.count() == 4
    assert Domein.objects.count() == 1


def test_demo_privacyverklaring_noemt_wat_we_bewaren_en_hoelang(demo, settings):
    privacy = Pagina.objects.get(soort="privacy").inhoud

    for woord in ["je naam", "e-mailadres of telefoonnummer", "je vraag", "de gemeente"]:
        assert woord in privacy
    assert f"{settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN} dagen" in privacy
    assert "aanspreekpunt" in privacy


def test_demo_toegankelijkheidsverklaring_volgt_het_vlaamse_model(demo):
    verklaring = Pagina.objects.get(soort="toegankelijkheid").inhoud

    for kop in [
        "## Nalevingsstatus",
        "## Niet-toegankelijke inhoud",
        "## Opstelling van deze verklaring",
        "## Feedback en contactgegevens",
        "## Handhavingsprocedure",
    ]:
        assert kop in verklaring
    assert "gedeeltelijk in overeenstemming" in verklaring
    assert "WCAG) 2.1, niveau AA" in verklaring
    assert "axe-core" in verklaring


def test_demo_kleuren_van_de_gemeenten_zijn_leesbaar_met_witte_tekst(demo):
    kleuren = set()
    for gemeente in Gemeente.objects.all():
        gemeente.full_clean()
        kleuren.add(gemeente.kleur)
    assert len(kleuren) == 5

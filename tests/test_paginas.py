"""Site-wide checks on every public page: one <h1>, a language, a title, a skip link."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aanbod import services
from aanbod.models import Moment
from accounts.models import Gebruiker
from communicatie.models import Abonnee, Editie, Nieuwsbericht, Pagina
from gemeenten.models import Gemeente
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory

pytestmark = pytest.mark.django_db

PUBLIEKE_PAGINAS = [
    ("/", 200),
    ("/accounts/login/", 200),
    ("/accounts/password/reset/", 200),
    ("/accounts/signup/", 200),
    ("/bestaat-niet/", 404),
    ("/beerse/", 200),
    ("/nieuws/", 200),
    ("/nieuws/speelplein-open/", 200),
    ("/nieuws/bestaat-niet/", 404),
    ("/over/", 200),
    ("/privacy/", 200),
    ("/toegankelijkheid/", 200),
    ("/aanbod/", 200),
    ("/aanbod/?leeftijd=abc&van=2026-13-45&pijler=onbekend", 200),
    ("/aanbod/speelgroep/", 200),
    ("/aanbod/bestaat-niet/", 404),
    ("/locaties/", 200),
    ("/locaties/?gemeente=nergens", 200),
    ("/locaties/huis-beerse/", 200),
    ("/locaties/bestaat-niet/", 404),
    ("/vraag/", 200),
    ("/vraag/bedankt/", 200),
    # The newsletter: {nb_bevestigen} and {nb_uitschrijven} come from the fixture.
    ("/nieuwsbrief/", 200),
    ("/nieuwsbrief/bedankt/", 200),
    ("/nieuwsbrief/archief/", 200),
    ("/nieuwsbrief/archief/maart/", 200),
    ("/nieuwsbrief/archief/bestaat-niet/", 404),
    ("/nieuwsbrief/bevestigen/{nb_bevestigen}/", 200),
    ("/nieuwsbrief/bevestigen/klopt-niet/", 404),
    ("/nieuwsbrief/uitschrijven/{nb_uitschrijven}/", 200),
    ("/nieuwsbrief/uitschrijven/klopt-niet/", 404),
    # Registering: {moment}, {afgelast} and {sleutel} come from the fixture.
    ("/aanbod/babymassage/{moment}/inschrijven/", 200),
    ("/aanbod/babymassage/{afgelast}/inschrijven/", 200),
    ("/aanbod/babymassage/{moment}/ingeschreven/", 200),
    ("/aanbod/babymassage/999999/inschrijven/", 404),
    ("/aanbod/inschrijving/{sleutel}/", 200),
    ("/aanbod/inschrijving/klopt-niet/", 404),
]


@pytest.fixture
def publieke_gegevens(db):
    """A gemeente with a door, a news item, the three pages the coordinator writes, and an
    activity to register for; returns what the registration pages' URLs need."""
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    Nieuwsbericht.objects.create(
        titel="Speelplein open", slug="speelplein-open", inleiding="Kom spelen.", gemeente=beerse
    )
    plek = LocatieFactory(naam="Huis Beerse", slug="huis-beerse", gemeente=beerse)
    speelgroep = ActiviteitFactory(titel="Speelgroep", slug="speelgroep", locatie=plek)
    MomentFactory(activiteit=speelgroep)
    for soort, titel in Pagina.Soort.choices:
        # str(): a choice label is a lazy translation, which no form ever stores.
        Pagina.objects.create(
            soort=soort, titel=str(titel), inhoud="Eerste alinea.\n\n## Kop\nMeer."
        )
    babymassage = ActiviteitFactory(
        titel="Babymassage", slug="babymassage", locatie=plek, inschrijving_vereist=True
    )
    begin = timezone.now() + dt.timedelta(days=7)
    moment = MomentFactory(activiteit=babymassage, begin=begin, einde=begin + dt.timedelta(hours=2))
    afgelast = MomentFactory(
        activiteit=babymassage, begin=begin, einde=begin + dt.timedelta(hours=2), geannuleerd=True
    )
    inschrijving = services.inschrijven(
        moment=moment,
        gezin=services.Gezin(naam="Fatima", email="fatima@example.org", leeftijden=(8,)),
        verwittigen=False,
    )
    # The newsletter: a sent edition with news and offer, and a subscriber's signed links.
    maart = Editie.objects.create(
        titel="Maart", slug="maart", intro="Dag.", status="verstuurd", verstuurd_op=timezone.now()
    )
    maart.nieuwsberichten.set(Nieuwsbericht.objects.all())
    abonnee = Abonnee.objects.create(email="ouder@example.org")
    abonnee.gemeenten.add(beerse)
    return {
        "moment": moment.pk,
        "afgelast": afgelast.pk,
        "sleutel": inschrijving.sleutel(),
        "nb_bevestigen": abonnee.bevestigingssleutel(),
        "nb_uitschrijven": abonnee.uitschrijfsleutel(),
    }


# Pages behind a personal link from a mail.
GEHEIME_LINKS = ("/aanbod/inschrijving/", "/nieuwsbrief/bevestigen/", "/nieuwsbrief/uitschrijven/")


@pytest.mark.parametrize(("url", "status"), PUBLIEKE_PAGINAS)
def test_publieke_pagina_heeft_een_h1_een_taal_een_titel_en_een_skiplink(
    client, publieke_gegevens, url, status
):
    GemeenteFactory()

    response = client.get(url.format(**publieke_gegevens))

    assert response.status_code == status
    html = response.content.decode()
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert re.search(r'<html lang="nl-be">', html)
    assert re.search(r"<title>[^<]+</title>", html)
    assert 'href="#inhoud"' in html
    assert 'id="inhoud"' in html
    if status == 200 and not any(geheim in url for geheim in GEHEIME_LINKS):
        assert re.search(r'<link rel="canonical" href="http://testserver/[^"]*">', html)
    else:
        # A page that is not there, or a person's own page behind a secret link, has no
        # canonical address and asks not to be indexed.
        assert 'rel="canonical"' not in html
        assert '<meta name="robots" content="noindex">' in html


def test_zelf_een_account_maken_kan_niet(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "iemand@example.org",
            "password1": "lang-wachtwoord-1",
            "password2": "lang-wachtwoord-1",
        },
    )

    assert "Registratie gesloten" in response.content.decode()
    assert not Gebruiker.objects.exists()


def meer_van_alles(gemeente, aantal):
    """More news, places, activities, moments and registrations than the fixture, in the same
    gemeente."""
    for i in range(aantal):
        Nieuwsbericht.objects.create(
            titel=f"Bericht {i}", slug=f"bericht-{i}", inleiding="…", gemeente=gemeente
        )
        plek = LocatieFactory(gemeente=gemeente)
        activiteit = ActiviteitFactory(locatie=plek)
        MomentFactory(activiteit=activiteit)
        MomentFactory(activiteit=activiteit, locatie=plek)
        services.inschrijven(
            moment=Moment.objects.get(activiteit__slug="babymassage", geannuleerd=False),
            gezin=services.Gezin(naam=f"Gezin {i}", email=f"gezin{i}@example.org"),
            verwittigen=False,
        )


PAGINAS_MET_QUERIES = [url for url, _ in PUBLIEKE_PAGINAS if not url.startswith("/accounts/")] + [
    "/sitemap.xml",
    "/robots.txt",
    "/aanbod/kalender.ics",
]


@pytest.mark.parametrize("url", PAGINAS_MET_QUERIES)
def test_aantal_queries_van_een_publieke_pagina_groeit_niet_met_de_gegevens(
    client, publieke_gegevens, url
):
    beerse = Gemeente.objects.get(slug="beerse")
    url = url.format(**publieke_gegevens)
    with CaptureQueriesContext(connection) as weinig:
        client.get(url)
    meer_van_alles(beerse, 3)
    with CaptureQueriesContext(connection) as veel:
        client.get(url)

    assert len(veel) == len(weinig)
    assert len(veel) <= 15


# What the Content-Security-Policy (hvk/csp.py) would block in the page itself: an inline
# <style>, a style attribute, an event handler attribute, or a script that is not a data block.
INLINE_STIJL = re.compile(r"<style[\s>]|\sstyle\s*=", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
DATABLOK = re.compile(r'type="application/(ld\+)?json"')


def csp_directieven(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy", "")
    return {
        naam: waarden
        for naam, *waarden in (deel.split() for deel in header.split(";") if deel.strip())
    }


@pytest.mark.parametrize(("url", "status"), PUBLIEKE_PAGINAS)
def test_publieke_pagina_heeft_een_strikte_csp_en_niets_inline_dat_die_blokkeert(
    client, publieke_gegevens, url, status
):
    response = client.get(url.format(**publieke_gegevens))

    assert response.status_code == status
    csp = csp_directieven(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    html = response.content.decode()
    assert not INLINE_STIJL.search(html)
    assert not EVENT_HANDLER.search(html)
    for attributen in SCRIPT.findall(html):
        assert "src=" in attributen or DATABLOK.search(attributen), attributen


def test_huisstijl_css_geeft_de_kleuren_van_het_huis_en_van_elke_deur(client):
    GemeenteFactory(slug="beerse", kleur="#12a4b6")

    response = client.get("/huisstijl.css")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert re.search(r":root \{ --hvk-kleur: #[0-9a-fA-F]{6}; \}", css)
    assert ".hvk-deur--beerse { --deur-kleur: #12a4b6; }" in css
    assert "max-age=" in response["Cache-Control"]


def test_het_beheer_mag_inline_stijlen_maar_geen_inline_scripts(client):
    csp = csp_directieven(client.get("/admin/login/"))

    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["script-src"] == ["'self'"]

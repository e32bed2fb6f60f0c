"""Requests Django refuses early: an unknown host gets a Dutch 404, any other a Dutch 400."""

import pytest

pytestmark = pytest.mark.django_db

ONBEKEND = "onbekend.example"
SITE = "https://www.huisvanhetkind-kempenland.be"


@pytest.fixture(autouse=True)
def productie(settings):
    # The error handlers only answer with DEBUG off; with it on, Django shows its debug page.
    settings.DEBUG = False
    settings.HVK_SITE_URL = SITE


@pytest.mark.parametrize("pad", ["/", "/beerse/", "/aanbod/", "/admin/", "/bestaat-niet"])
def test_onbekende_host_krijgt_een_nederlandse_404_met_de_weg_naar_de_site(client, pad):
    antwoord = client.get(pad, HTTP_HOST=ONBEKEND)

    assert antwoord.status_code == 404
    inhoud = antwoord.content.decode()
    assert '<html lang="nl-be">' in inhoud
    assert "<h1>Dit webadres hoort niet bij het Huis van het Kind</h1>" in inhoud
    assert f'<a href="{SITE}/">Naar de website van het Huis van het Kind</a>' in inhoud


def test_onbekende_host_vraagt_niets_aan_de_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        antwoord = client.get("/", HTTP_HOST=ONBEKEND)

    assert antwoord.status_code == 404


def test_onbekende_host_krijgt_de_404_ook_met_https_doorverwijzing(client, settings):
    # In production SecurityMiddleware asks for the host first, to redirect to https.
    settings.SECURE_SSL_REDIRECT = True

    antwoord = client.get("/", HTTP_HOST=ONBEKEND)

    assert antwoord.status_code == 404
    assert "Dit webadres hoort niet bij het Huis van het Kind" in antwoord.content.decode()


def test_onbekende_host_krijgt_de_404_ook_met_de_paginacache(client, settings):
    settings.HVK_PAGINACACHE_SECONDEN = 60

    antwoord = client.get("/", HTTP_HOST=ONBEKEND)

    assert antwoord.status_code == 404
    assert "Dit webadres hoort niet bij het Huis van het Kind" in antwoord.content.decode()


def test_een_andere_verdachte_aanvraag_krijgt_een_nederlandse_400(client, settings):
    # More form fields than Django accepts: reading the form raises TooManyFieldsSent.
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 2

    antwoord = client.post("/vraag/", {f"veld{i}": "x" for i in range(10)})

    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert '<html lang="nl-be">' in inhoud
    assert "<h1>Deze aanvraag konden we niet verwerken</h1>" in inhoud
    assert '<a href="/">Naar de startpagina van het Huis van het Kind</a>' in inhoud


def test_een_gekende_host_krijgt_gewoon_de_site(client):
    assert client.get("/", HTTP_HOST="localhost").status_code == 200


# --- Server errors: the database out of reach gets a 503 "try again", anything else a 500 ---


@pytest.fixture
def bezoeker(client):
    # As a browser sees it: Django's answer, not the exception re-raised into the test.
    client.raise_request_exception = False
    return client


def test_database_onbereikbaar_geeft_503_met_opnieuw_proberen(bezoeker, monkeypatch):
    from django.db import OperationalError

    def onbereikbaar(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed")

    monkeypatch.setattr("communicatie.views.publiek.locaties_met_status", onbereikbaar)

    antwoord = bezoeker.get("/")

    assert antwoord.status_code == 503
    assert antwoord["Retry-After"] == "10"
    inhoud = antwoord.content.decode()
    assert "<h1>Even geen verbinding</h1>" in inhoud
    assert "verstuur het over enkele seconden opnieuw" in inhoud
    assert "127.0.0.1" not in inhoud


def test_database_onbereikbaar_al_in_de_middleware_geeft_ook_503(bezoeker, monkeypatch):
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import InterfaceError

    def weg(self):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(SessionStore, "load", weg)
    bezoeker.cookies["sessionid"] = "a" * 32

    # The admin asks who is logged in: the session is read before any view runs.
    antwoord = bezoeker.get("/admin/")

    assert antwoord.status_code == 503
    assert "Even geen verbinding" in antwoord.content.decode()


def test_een_andere_fout_geeft_een_nederlandse_500(bezoeker, monkeypatch):
    def stuk(*args, **kwargs):
        raise ValueError("iets onverwachts")

    monkeypatch.setattr("communicatie.views.publiek.locaties_met_status", stuk)

    antwoord = bezoeker.get("/")

    assert antwoord.status_code == 500
    inhoud = antwoord.content.decode()
    assert "<h1>Er ging iets mis</h1>" in inhoud
    assert "iets onverwachts" not in inhoud
    assert "Retry-After" not in antwoord

"""HTTP around the API: CORS, caching headers and 304, the limit per client, schema and docs."""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.finders import AppDirectoriesFinder, get_finder

from tests.factories import ActiviteitFactory, GemeenteFactory

pytestmark = pytest.mark.django_db

ANDERE_SITE = "https://gezinsapp.example"


# --- CORS ------------------------------------------------------------------------------------


def test_cors_laat_elke_site_de_api_lezen(client):
    response = client.get("/api/v1/gemeenten", HTTP_ORIGIN=ANDERE_SITE)

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "etag" in response["Access-Control-Expose-Headers"].lower()


def test_cors_preflight_staat_alleen_lezen_toe(client):
    response = client.options(
        "/api/v1/activiteiten",
        HTTP_ORIGIN=ANDERE_SITE,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("url", ["/aanbod/", "/locaties/", "/"])
def test_geen_cors_buiten_de_api(client, url):
    response = client.get(url, HTTP_ORIGIN=ANDERE_SITE)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


# --- Caching ---------------------------------------------------------------------------------


def test_antwoord_heeft_etag_en_mag_kort_bewaard_worden(client, settings):
    settings.HVK_API_CACHE_SECONDEN = 90

    response = client.get("/api/v1/activiteiten")

    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
    assert sorted(response["Cache-Control"].split(", ")) == ["max-age=90", "public"]


def test_herhaalde_aanvraag_met_de_etag_krijgt_304_zonder_inhoud(client):
    GemeenteFactory()
    eerste = client.get("/api/v1/gemeenten")

    tweede = client.get("/api/v1/gemeenten", HTTP_IF_NONE_MATCH=eerste["ETag"])

    assert tweede.status_code == 304
    assert tweede.content == b""
    assert tweede["ETag"] == eerste["ETag"]


def test_na_een_wijziging_past_de_oude_etag_niet_meer(client):
    act = ActiviteitFactory(titel="Speelgroep", slug="speelgroep")
    eerste = client.get("/api/v1/activiteiten/speelgroep")
    act.titel = "Speelgroep op woensdag"
    act.save()

    tweede = client.get("/api/v1/activiteiten/speelgroep", HTTP_IF_NONE_MATCH=eerste["ETag"])

    assert tweede.status_code == 200
    assert tweede.json()["titel"] == "Speelgroep op woensdag"
    assert tweede["ETag"] != eerste["ETag"]


def test_het_schema_heeft_ook_een_etag(client):
    eerste = client.get("/api/v1/openapi.json")

    tweede = client.get("/api/v1/openapi.json", HTTP_IF_NONE_MATCH=eerste["ETag"])

    assert tweede.status_code == 304


def test_head_geeft_de_headers_zonder_inhoud(client):
    get = client.get("/api/v1/gemeenten")

    head = client.head("/api/v1/gemeenten")

    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


def test_een_fout_wordt_niet_bewaard(client):
    response = client.get("/api/v1/activiteiten/bestaat-niet")

    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


# --- Limit per client ------------------------------------------------------------------------


def test_na_de_limiet_volgt_429_met_nederlandse_melding(client, settings):
    settings.HVK_API_PER_MINUUT = 3

    statussen = [client.get("/api/v1/gemeenten").status_code for _ in range(4)]
    response = client.get("/api/v1/activiteiten")

    assert statussen == [200, 200, 200, 429]
    assert response.status_code == 429
    assert response.json()["melding"].startswith("Te veel aanvragen na elkaar")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Cache-Control"] == "no-store"


def test_de_limiet_geldt_per_adres(client, settings):
    settings.HVK_API_PER_MINUUT = 1

    eerste = client.get("/api/v1/gemeenten", REMOTE_ADDR="192.0.2.1")
    tweede = client.get("/api/v1/gemeenten", REMOTE_ADDR="192.0.2.1")
    ander_adres = client.get("/api/v1/gemeenten", REMOTE_ADDR="192.0.2.2")

    assert [eerste.status_code, tweede.status_code, ander_adres.status_code] == [200, 429, 200]


def test_een_verzonnen_x_forwarded_for_omzeilt_de_limiet_niet(client, settings):
    settings.HVK_API_PER_MINUUT = 1

    client.get("/api/v1/gemeenten", HTTP_X_FORWARDED_FOR="203.0.113.1")
    response = client.get("/api/v1/gemeenten", HTTP_X_FORWARDED_FOR="203.0.113.2")

    assert response.status_code == 429


def test_zonder_cache_blijft_de_api_leesbaar(client, settings, monkeypatch, caplog):
    settings.HVK_API_PER_MINUUT = 1

    def cache_ligt_plat(*args, **kwargs):
        raise ConnectionError("Redis antwoordt niet")

    monkeypatch.setattr("opendata.http.get_usage", cache_ligt_plat)

    statussen = [client.get("/api/v1/gemeenten").status_code for _ in range(3)]

    assert statussen == [200, 200, 200]
    assert "could not be counted" in caplog.text


def test_limiet_0_zet_ze_uit(client, settings):
    settings.HVK_API_PER_MINUUT = 0

    statussen = {client.get("/api/v1/gemeenten").status_code for _ in range(5)}

    assert statussen == {200}


# --- Schema and docs -------------------------------------------------------------------------


def test_openapi_schema_op_een_vaste_url(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/activiteiten",
        "/api/v1/activiteiten/{slug}",
        "/api/v1/momenten",
        "/api/v1/locaties",
        "/api/v1/locaties/{slug}",
        "/api/v1/gemeenten",
    }
    # Read-only: GET only (HEAD is implied).
    assert {methode for pad in schema["paths"].values() for methode in pad} == {"get"}


def test_docs_laden_niets_van_een_cdn(client):
    response = client.get("/api/v1/docs")
    html = response.content.decode()

    assert response.status_code == 200
    bronnen = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in bronnen
    assert all(bron.startswith("/static/") for bron in bronnen), bronnen


def test_collectstatic_neemt_alleen_de_bestanden_van_swagger_ui_mee():
    patronen = apps.get_app_config("staticfiles").ignore_patterns
    vinder = get_finder(next(v for v in settings.STATICFILES_FINDERS if "AppVinder" in v))
    paden = {pad for pad, _ in vinder.list(patronen)}
    # Django's own finder would collect them: the project's finder is what leaves them out.
    assert "ninja/redoc.standalone.js" in {pad for pad, _ in AppDirectoriesFinder().list(patronen)}

    assert {
        "ninja/swagger-ui-bundle.js",
        "ninja/swagger-ui.css",
        "ninja/swagger-ui.css.map",
    } <= paden
    assert not {pad for pad in paden if pad.startswith("ninja/redoc")}
    assert "ninja/swagger-ui-bundle.js.map" not in paden

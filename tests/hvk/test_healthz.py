"""/healthz: 200 when database and cache work, 200 "beperkt" without cache, 503 without database."""

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.core.exceptions import ValidationError
from django.db import OperationalError

from gemeenten.models.gemeente import valideer_slug_vrij
from hvk import gezondheid


class KapotteCache(LocMemCache):
    """A cache whose server is gone."""

    def set(self, *args, **kwargs):
        raise ConnectionError("cache server weg")


class KapotteVerbinding:
    """A database connection that cannot open a cursor."""

    def cursor(self):
        raise OperationalError("geheime details van de server")


@pytest.mark.django_db
def test_gezond(client):
    antwoord = client.get("/healthz")

    assert antwoord.status_code == 200
    assert antwoord.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in antwoord["Cache-Control"]


@pytest.mark.django_db
def test_head_mag(client):
    assert client.head("/healthz").status_code == 200


@pytest.mark.django_db
def test_post_mag_niet(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_database_weg_geeft_503(client, monkeypatch):
    monkeypatch.setattr(gezondheid, "connection", KapotteVerbinding())

    antwoord = client.get("/healthz")

    assert antwoord.status_code == 503
    assert antwoord.json() == {"status": "fout", "database": "fout", "cache": "ok"}
    assert "geheime" not in antwoord.content.decode()
    assert "no-store" in antwoord["Cache-Control"]


@pytest.mark.django_db
def test_cache_weg_is_beperkt_maar_de_server_blijft_in_dienst(client, settings):
    settings.CACHES = {"default": {"BACKEND": f"{__name__}.KapotteCache"}}

    antwoord = client.get("/healthz")

    assert antwoord.status_code == 200
    assert antwoord.json() == {"status": "beperkt", "database": "ok", "cache": "fout"}
    assert "weg" not in antwoord.content.decode()


@pytest.mark.django_db
def test_cache_die_iets_anders_teruggeeft_is_beperkt(client, monkeypatch):
    monkeypatch.setattr(gezondheid.cache, "get", lambda *a, **k: None)

    antwoord = client.get("/healthz")

    assert antwoord.status_code == 200
    assert antwoord.json()["status"] == "beperkt"
    assert antwoord.json()["cache"] == "fout"


def test_gemeente_kan_healthz_niet_als_webadres_nemen():
    with pytest.raises(ValidationError):
        valideer_slug_vrij("healthz")

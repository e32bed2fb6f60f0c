"""A Redis that is down: the site serves from the database, slower, but without errors."""

import pytest
from django.core.cache import caches

from hvk import cache as veerkrachtig

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused at once.
WEG = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_weg(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "hvk.cache.VeerkrachtigeRedisCache",
            "LOCATION": WEG,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    veerkrachtig._pauze_tot = 0.0
    yield caches["default"]
    veerkrachtig._pauze_tot = 0.0


def test_elke_cacheoproep_antwoordt_als_een_misser(redis_weg):
    cache = redis_weg

    assert cache.get("x", "standaard") == "standaard"
    assert cache.get_many(["x", "y"]) == {}
    assert cache.set("x", 1) is None
    assert cache.add("x", 1) is False
    assert cache.set_many({"x": 1, "y": 2}) == ["x", "y"]
    assert cache.has_key("x") is False
    assert cache.delete("x") is False
    assert cache.touch("x") is False
    assert cache.get_or_set("x", 5) == 5
    with pytest.raises(ValueError):
        cache.incr("x")
    with pytest.raises(ValueError):
        cache.decr("x")


def test_na_een_storing_laat_het_proces_redis_even_met_rust(redis_weg, monkeypatch):
    cache = redis_weg
    cache.get("x")
    pogingen = []
    monkeypatch.setattr(
        "django.core.cache.backends.redis.RedisCache.get",
        lambda *args, **kwargs: pogingen.append(args) or "uit redis",
    )

    assert cache.get("x") is None
    assert pogingen == []

    veerkrachtig._pauze_tot = 0.0
    assert cache.get("x") == "uit redis"


def test_een_andere_redisfout_wordt_niet_verzwegen(redis_weg, monkeypatch):
    from redis.exceptions import ResponseError

    def fout(*args, **kwargs):
        raise ResponseError("WRONGTYPE")

    monkeypatch.setattr("django.core.cache.backends.redis.RedisCache.get", fout)

    with pytest.raises(ResponseError):
        redis_weg.get("x")


@pytest.mark.parametrize("pad", ["/", "/aanbod/", "/locaties/", "/nieuws/", "/vraag/"])
def test_de_site_dient_de_paginas_zonder_redis(client, redis_weg, settings, pad):
    settings.HVK_PAGINACACHE_SECONDEN = 60

    assert client.get(pad).status_code == 200


def test_healthz_zonder_redis_is_beperkt_maar_in_dienst(client, redis_weg):
    antwoord = client.get("/healthz")

    assert antwoord.status_code == 200
    assert antwoord.json() == {"status": "beperkt", "database": "ok", "cache": "fout"}

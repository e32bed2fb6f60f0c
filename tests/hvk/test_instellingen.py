"""Settings come from the environment, strictly; production refuses to start unsafe."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from hvk.env import env_bool, env_int, env_list, env_str

PROJECT = Path(__file__).resolve().parents[2]
PRODUCTIE = {
    "DEBUG": "0",
    "SECRET_KEY": "een-lange-willekeurige-geheime-sleutel-voor-de-test-0123456789abcdefghij",
    "ALLOWED_HOSTS": "huisvanhetkind.example",
    "CSRF_TRUSTED_ORIGINS": "https://huisvanhetkind.example",
}


def manage(*args, **omgeving):
    weg = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in weg}
    env.update(omgeving)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_met_productie_instellingen_is_schoon():
    resultaat = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTIE)

    assert resultaat.returncode == 0, resultaat.stderr
    assert "System check identified no issues" in resultaat.stdout


def test_check_deploy_ziet_een_onveilige_instelling():
    # Control: the check above can fail.
    resultaat = manage(
        "check", "--deploy", "--fail-level", "WARNING", **PRODUCTIE, SESSION_COOKIE_SECURE="0"
    )

    assert resultaat.returncode != 0
    assert "SESSION_COOKIE_SECURE" in resultaat.stderr


def test_productie_start_niet_zonder_secret_key():
    omgeving = {k: v for k, v in PRODUCTIE.items() if k != "SECRET_KEY"}

    resultaat = manage("check", **omgeving)

    assert resultaat.returncode != 0
    assert "SECRET_KEY is not set" in resultaat.stderr


def test_productie_start_niet_zonder_allowed_hosts():
    resultaat = manage("check", **{**PRODUCTIE, "ALLOWED_HOSTS": ""})

    assert resultaat.returncode != 0
    assert "ALLOWED_HOSTS is empty" in resultaat.stderr


def test_debug_met_een_onbekend_woord_stopt_de_start():
    resultaat = manage("check", DEBUG="misschien")

    assert resultaat.returncode != 0
    assert "DEBUG='misschien' is not a boolean" in resultaat.stderr


def test_zonder_database_url_is_de_database_een_sqlite_bestand_in_de_projectmap():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    resultaat = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])",
        ],
        cwd=PROJECT,
        env={**env, "DJANGO_SETTINGS_MODULE": "hvk.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert resultaat.stdout.split() == ["django.db.backends.sqlite3", str(PROJECT / "db.sqlite3")]


@pytest.mark.django_db
def test_tests_draaien_op_de_database_uit_database_url():
    """.ci/run sets DATABASE_URL to PostgreSQL; this proves the suite really used it."""
    url = os.environ.get("DATABASE_URL", "")
    verwacht = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"

    with connection.cursor() as cursor:
        cursor.execute(
            "select version()" if verwacht == "postgresql" else "select sqlite_version()"
        )
        versie = cursor.fetchone()[0]

    print(f"database under test: {connection.vendor} {versie}")
    assert connection.vendor == verwacht


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [("1", True), ("true", True), ("ja", True), ("0", False), ("off", False)],
)
def test_env_bool_leest_ja_en_nee(monkeypatch, waarde, verwacht):
    monkeypatch.setenv("HVK_TEST_BOOL", waarde)

    assert env_bool("HVK_TEST_BOOL", not verwacht) is verwacht


def test_env_bool_zonder_waarde_geeft_de_standaard(monkeypatch):
    monkeypatch.delenv("HVK_TEST_BOOL", raising=False)

    assert env_bool("HVK_TEST_BOOL", True) is True


def test_env_int_weigert_tekst(monkeypatch):
    monkeypatch.setenv("HVK_TEST_INT", "twaalf")

    with pytest.raises(ImproperlyConfigured, match="not an integer"):
        env_int("HVK_TEST_INT", 1)


def test_env_list_splitst_op_komma(monkeypatch):
    monkeypatch.setenv("HVK_TEST_LIJST", "a.example, b.example,,")

    assert env_list("HVK_TEST_LIJST") == ["a.example", "b.example"]


def test_geheim_kan_uit_een_bestand_komen(monkeypatch, tmp_path):
    bestand = tmp_path / "geheim"
    bestand.write_text("uit-een-bestand\n")
    monkeypatch.setenv("HVK_TEST_GEHEIM_FILE", str(bestand))
    monkeypatch.setenv("HVK_TEST_GEHEIM", "uit-de-omgeving")

    assert env_str("HVK_TEST_GEHEIM") == "uit-een-bestand"


def test_onleesbaar_geheimbestand_stopt_de_start(monkeypatch, tmp_path):
    monkeypatch.setenv("HVK_TEST_GEHEIM_FILE", str(tmp_path / "bestaat-niet"))

    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        env_str("HVK_TEST_GEHEIM")


TOON_CACHE_EN_STATIC = (
    "from django.conf import settings; "
    "print(settings.CACHES['default']['BACKEND']); "
    "print(settings.SESSION_ENGINE); "
    "print(settings.STORAGES['staticfiles']['BACKEND']); "
    "print(settings.HVK_PAGINACACHE_SECONDEN)"
)


def test_zonder_redis_url_blijven_cache_en_sessies_lokaal():
    resultaat = manage("shell", "--no-imports", "-c", TOON_CACHE_EN_STATIC, REDIS_URL="")

    assert resultaat.returncode == 0, resultaat.stderr
    backend, sessies, static, paginacache = resultaat.stdout.split()
    assert backend == "django.core.cache.backends.locmem.LocMemCache"
    assert sessies == "django.contrib.sessions.backends.db"
    # A cache per process cannot tell the other processes that a page went stale.
    assert paginacache == "0"
    # Development (DEBUG on) needs no collectstatic.
    assert static == "django.contrib.staticfiles.storage.StaticFilesStorage"


def test_met_redis_url_gaan_cache_en_sessies_naar_redis():
    # Only the settings: nothing connects to Redis here.
    resultaat = manage(
        "shell", "--no-imports", "-c", TOON_CACHE_EN_STATIC, REDIS_URL="redis://127.0.0.1:6379/15"
    )

    assert resultaat.returncode == 0, resultaat.stderr
    backend, sessies, _static, paginacache = resultaat.stdout.split()
    # Django's RedisCache, answering like a miss while Redis is down (hvk/cache.py).
    assert backend == "hvk.cache.VeerkrachtigeRedisCache"
    assert sessies == "django.contrib.sessions.backends.cached_db"
    assert paginacache == "60"


def test_productie_gebruikt_gehashte_gecomprimeerde_static_bestanden():
    resultaat = manage("shell", "--no-imports", "-c", TOON_CACHE_EN_STATIC, **PRODUCTIE)

    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.split()[2] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_static_manifest_kan_uit_in_productie():
    resultaat = manage(
        "shell", "--no-imports", "-c", TOON_CACHE_EN_STATIC, **PRODUCTIE, HVK_STATIC_MANIFEST="0"
    )

    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.split()[2] == "django.contrib.staticfiles.storage.StaticFilesStorage"

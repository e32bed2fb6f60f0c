"""A staff member's session ends after HVK_STAF_SESSIE_MINUTEN without a request; others' don't."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import middleware

pytestmark = pytest.mark.django_db

WACHTWOORD = "een-goed-wachtwoord"  # GebruikerFactory's


def test_staf_sessie_verloopt_na_30_minuten(coordinator_client):
    response = coordinator_client.get("/admin/")

    assert response.status_code == 200
    assert settings.HVK_STAF_SESSIE_MINUTEN == 30
    assert coordinator_client.session.get_expiry_age() == 30 * 60


def test_sessie_van_wie_niet_in_het_beheer_werkt_blijft_ongemoeid(client, zonder_beheer):
    client.force_login(zonder_beheer)

    client.get("/")

    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert middleware.LAATST_VERLENGD not in client.session


def test_sessie_van_een_bezoeker_blijft_ongemoeid(client):
    client.get("/")

    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_duur_komt_uit_de_instelling(client, settings, staf_zonder_app):
    settings.HVK_STAF_SESSIE_MINUTEN = 10
    client.force_login(staf_zonder_app)

    client.get(reverse("mfa_index"))

    assert client.session.get_expiry_age() == 10 * 60


def test_onthouden_bij_het_aanmelden_verlengt_een_staf_sessie_niet(client, staf_zonder_app):
    client.post(
        reverse("account_login"),
        {"login": staf_zonder_app.email, "password": WACHTWOORD, "remember": "on"},
    )

    client.get(reverse("mfa_index"))

    assert client.session.get_expiry_age() == 30 * 60


def test_in_de_database_verloopt_de_sessie_30_minuten_na_het_laatste_verzoek(
    coordinator_client, monkeypatch
):
    coordinator_client.get("/admin/")
    later = middleware.time.time() + 10 * 60
    monkeypatch.setattr(middleware.time, "time", lambda: later)

    coordinator_client.get("/admin/")

    sessie = Session.objects.get(session_key=coordinator_client.session.session_key)
    verwacht = timezone.now() + dt.timedelta(minutes=30)
    assert abs(sessie.expire_date - verwacht) < dt.timedelta(seconds=5)
    assert coordinator_client.session[middleware.LAATST_VERLENGD] == int(later)


def test_binnen_de_minuut_schrijft_een_verzoek_de_sessie_niet_opnieuw(coordinator_client):
    coordinator_client.get("/admin/")

    with CaptureQueriesContext(connection) as queries:
        coordinator_client.get("/admin/")

    assert not [q for q in queries if 'UPDATE "django_session"' in q["sql"]]

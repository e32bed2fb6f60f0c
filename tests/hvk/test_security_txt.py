"""/.well-known/security.txt (RFC 9116) names the contact for security reports."""

import datetime as dt

import pytest

pytestmark = pytest.mark.django_db


def test_zonder_contact_bestaat_het_bestand_niet(client, settings):
    settings.HVK_SECURITY_CONTACT = ""

    assert client.get("/.well-known/security.txt").status_code == 404


def test_met_contact_geeft_het_contact_en_een_vervaldatum_binnen_het_jaar(client, settings):
    settings.HVK_SECURITY_CONTACT = "mailto:security@huis.example"

    antwoord = client.get("/.well-known/security.txt")

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/plain; charset=utf-8"
    regels = dict(r.split(": ", 1) for r in antwoord.content.decode().splitlines())
    assert regels["Contact"] == "mailto:security@huis.example"
    verloopt = dt.datetime.fromisoformat(regels["Expires"].replace("Z", "+00:00"))
    nu = dt.datetime.now(dt.UTC)
    assert nu < verloopt < nu + dt.timedelta(days=365)
    assert regels["Canonical"] == "http://testserver/.well-known/security.txt"

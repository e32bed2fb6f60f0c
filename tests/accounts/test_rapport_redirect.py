"""A mandataris lands on the reports after logging in; others keep their own landing page."""

import pytest

from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db

AANMELDEN = "/accounts/login/"


def aanmelden(client, gebruiker, volgende=""):
    url = f"{AANMELDEN}?next={volgende}" if volgende else AANMELDEN
    return client.post(url, {"login": gebruiker.email, "password": "een-goed-wachtwoord"})


def test_mandataris_komt_na_het_aanmelden_bij_de_rapportages(client):
    response = aanmelden(client, GebruikerFactory(rol="mandataris"))

    assert response.status_code == 302
    assert response.url == "/rapportages/"
    assert client.get(response.url).status_code == 200


def test_mandataris_met_next_gaat_daarheen(client):
    response = aanmelden(client, GebruikerFactory(rol="mandataris"), volgende="/aanbod/")

    assert response.url == "/aanbod/"


def test_account_zonder_rol_komt_op_de_startpagina(client):
    response = aanmelden(client, GebruikerFactory())

    assert response.url == "/"

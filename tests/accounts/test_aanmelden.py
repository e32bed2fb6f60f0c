"""Login is protected by allauth's rate limits, also on the admin's own login page."""

import pytest
from django.urls import reverse

from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db

AANMELDEN = "/accounts/login/"


def mislukte_poging(client, email="nele@example.org"):
    return client.post(AANMELDEN, {"login": email, "password": "fout-wachtwoord-123"})


def test_aanmeldpagina_zegt_dat_je_een_account_van_de_coordinator_krijgt(client):
    html = client.get(AANMELDEN).content.decode()

    assert "je krijgt een uitnodiging van de coördinator" in html
    assert "/accounts/signup/" not in html


def test_beheerlogin_stuurt_door_naar_allauth(client):
    response = client.get("/admin/login/?next=/admin/gemeenten/")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=%2Fadmin%2Fgemeenten%2F"


def test_beheerlogin_aanvaardt_geen_wachtwoord_meer_buiten_allauth_om(client):
    GebruikerFactory(email="nele@example.org", is_staff=True)

    response = client.post(
        "/admin/login/", {"username": "nele@example.org", "password": "een-goed-wachtwoord"}
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_na_vijf_mislukte_pogingen_is_het_account_even_dicht(client):
    GebruikerFactory(email="nele@example.org")
    for _ in range(5):
        assert mislukte_poging(client).status_code == 200

    response = client.post(
        AANMELDEN, {"login": "nele@example.org", "password": "een-goed-wachtwoord"}
    )

    assert response.status_code == 200
    assert "Te veel inlogpogingen. Probeer het later nogmaals." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_te_veel_pogingen_van_een_adres_geeft_429_met_nederlandse_uitleg(client):
    for i in range(30):
        mislukte_poging(client, email=f"persoon{i}@example.org")

    response = mislukte_poging(client)

    assert response.status_code == 429
    html = response.content.decode()
    assert "<h1>Even wachten</h1>" in html
    assert "Probeer het over een paar minuten opnieuw." in html
    assert '<html lang="nl-be">' in html

"""Staff reach the admin only with two-step login: a password and a code from an app."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from tests.admin import fouten
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db

INSTELLEN = "/accounts/2fa/totp/activate/"
WACHTWOORD = "een-goed-wachtwoord"  # GebruikerFactory's


def huidige_code(geheim: str) -> str:
    return format_hotp_value(hotp_value(geheim, next(yield_hotp_counters_from_time())))


def aanmelden(client, gebruiker):
    return client.post(reverse("account_login"), {"login": gebruiker.email, "password": WACHTWOORD})


def test_instellen_is_allauths_pagina():
    assert reverse("mfa_activate_totp") == INSTELLEN


@pytest.mark.parametrize("pad", ["/admin/", "/admin/aanbod/activiteit/"])
def test_staf_zonder_app_gaat_van_het_beheer_naar_het_instellen(client, staf_zonder_app, pad):
    client.force_login(staf_zonder_app)

    response = client.get(pad)

    assert response.status_code == 302
    assert response.url == INSTELLEN
    (bericht,) = get_messages(response.wsgi_request)
    assert "Het beheer vraagt aanmelden in twee stappen" in str(bericht)


def test_staf_met_app_komt_in_het_beheer(coordinator_client):
    response = coordinator_client.get("/admin/aanbod/activiteit/")

    assert response.status_code == 200


def test_staf_zonder_app_kan_wel_afmelden_en_zijn_account_beheren(client, staf_zonder_app):
    client.force_login(staf_zonder_app)

    assert client.get(reverse("mfa_index")).status_code == 200
    assert client.post("/admin/logout/").status_code == 200
    assert "_auth_user_id" not in client.session


def test_wie_niet_in_het_beheer_werkt_wordt_niet_naar_het_instellen_gestuurd(client, zonder_beheer):
    client.force_login(zonder_beheer)

    assert client.get("/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url != INSTELLEN
    assert client.get(response.url).status_code == 403


def test_beheerlogin_loopt_via_allauth(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0] == "/accounts/login/?next=%2Fadmin%2F"
    assert "account/login.html" in [t.name for t in response.templates]


def test_staf_met_app_moet_bij_het_aanmelden_een_code_geven(client):
    geheim = generate_totp_secret()
    katrien = GebruikerFactory(is_staff=True, authenticator_app=False)
    TOTP.activate(katrien, geheim)

    response = aanmelden(client, katrien)

    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": huidige_code(geheim)})
    assert response.url == reverse("admin:index")
    assert client.get("/admin/").status_code == 200


def test_foute_code_laat_niet_binnen(client):
    katrien = GebruikerFactory(is_staff=True, authenticator_app=False)
    TOTP.activate(katrien, generate_totp_secret())
    aanmelden(client, katrien)

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert response.status_code == 200
    assert "Ongeldige code" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_nieuwe_medewerker_stelt_de_app_in_en_komt_dan_in_het_beheer(client, staf_zonder_app):
    aanmelden(client, staf_zonder_app)
    assert client.get("/admin/").url == INSTELLEN
    # allauth asks for the password once more before anyone touches two-step login.
    naar_bevestigen = client.get(INSTELLEN)
    assert naar_bevestigen.url.startswith(reverse("account_reauthenticate"))
    client.post(naar_bevestigen.url, {"password": WACHTWOORD})
    formulier = client.get(INSTELLEN)
    assert "Aanmelden in twee stappen instellen" in formulier.content.decode()

    response = client.post(INSTELLEN, {"code": huidige_code(client.session["mfa.totp.secret"])})

    assert response.url == reverse("mfa_view_recovery_codes")
    assert Authenticator.objects.filter(user=staf_zonder_app).count() == 2  # app, herstelcodes
    herstelcodes = client.get(response.url).content.decode()
    assert "Herstelcodes" in herstelcodes
    assert "Verder naar het beheer" in herstelcodes
    assert client.get("/admin/").status_code == 200


def test_coordinator_wist_de_app_van_wie_zijn_gsm_kwijt_is(coordinator_client, staf_zonder_app):
    TOTP.activate(staf_zonder_app, generate_totp_secret())
    app = Authenticator.objects.get(user=staf_zonder_app)
    nele = Client()
    nele.force_login(staf_zonder_app)
    assert nele.get("/admin/").status_code == 200

    coordinator_client.post(
        reverse("admin:mfa_authenticator_delete", args=[app.pk]), {"post": "yes"}
    )

    assert not Authenticator.objects.filter(user=staf_zonder_app).exists()
    assert nele.get("/admin/").url == INSTELLEN


def test_beheer_toont_de_geheime_sleutel_van_een_app_nergens(coordinator_client, staf_zonder_app):
    geheim = generate_totp_secret()
    TOTP.activate(staf_zonder_app, geheim)
    app = Authenticator.objects.get(user=staf_zonder_app)

    pagina_app = coordinator_client.get(reverse("admin:mfa_authenticator_change", args=[app.pk]))
    pagina_persoon = coordinator_client.get(
        reverse("admin:accounts_gebruiker_change", args=[staf_zonder_app.pk])
    )

    assert pagina_app.status_code == 200
    assert pagina_persoon.status_code == 200
    assert "Nele" in pagina_app.content.decode()
    assert geheim not in pagina_app.content.decode()
    assert geheim not in pagina_persoon.content.decode()


def test_gebruikerslijst_toont_wie_de_tweede_stap_heeft(coordinator_client, staf_zonder_app):
    response = coordinator_client.get(reverse("admin:accounts_gebruiker_changelist"))

    rijen = {g.email: g.heeft_authenticator_app for g in response.context["cl"].result_list}
    assert rijen["nieuw@example.org"] is False
    assert True in rijen.values()


def formuliergegevens(response) -> dict:
    """What the admin's change form posts back unchanged, its inlines included."""
    gegevens = {}
    formulieren = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        beheer = formset.management_form
        gegevens.update({beheer[naam].html_name: beheer[naam].value() for naam in beheer.fields})
        formulieren += formset.forms
    for formulier in formulieren:
        for veld in formulier:
            waarde = veld.value()
            if hasattr(veld.field.widget, "widgets") and waarde:  # date and time, two inputs
                for nr, deel in enumerate(veld.field.widget.decompress(waarde)):
                    gegevens[f"{veld.html_name}_{nr}"] = str(deel)
            elif isinstance(waarde, list):
                gegevens[veld.html_name] = [str(w) for w in waarde]
            elif waarde is True:
                gegevens[veld.html_name] = "on"
            elif waarde not in (None, False):
                gegevens[veld.html_name] = waarde
    return gegevens


def test_coordinator_wist_de_tweede_stap_op_de_pagina_van_de_persoon(
    coordinator_client, staf_zonder_app
):
    TOTP.activate(staf_zonder_app, generate_totp_secret())
    pagina = reverse("admin:accounts_gebruiker_change", args=[staf_zonder_app.pk])
    gegevens = formuliergegevens(coordinator_client.get(pagina))
    gegevens["authenticator_set-0-DELETE"] = "on"

    response = coordinator_client.post(pagina, gegevens)

    assert response.status_code == 302, fouten(response)
    assert not Authenticator.objects.filter(user=staf_zonder_app).exists()

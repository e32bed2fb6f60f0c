"""A coordinator creates an account and invites the person, who chooses a password once."""

import re
from smtplib import SMTPException

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import Gebruiker
from communicatie.models import Huisstijl
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db

TOEVOEGEN = "/admin/accounts/gebruiker/add/"
LIJST = "/admin/accounts/gebruiker/"


def nieuw_account(client, **extra):
    gegevens = {
        "email": "an.peeters@beerse.example",
        "first_name": "An",
        "last_name": "Peeters",
        "rol": "",
        "_save": "Bewaren",
    }
    gegevens.update(extra)
    return client.post(TOEVOEGEN, gegevens)


def uitnodigen_via_actie(client, *gebruikers):
    return client.post(
        LIJST,
        {"action": "uitnodiging_sturen", "_selected_action": [g.pk for g in gebruikers]},
        follow=True,
    )


def link_uit(bericht) -> str:
    return re.search(r"http://testserver/accounts/password/reset/key/\S+", bericht.body).group()


def wachtwoord_kiezen(client, link, wachtwoord="zomer-aan-de-vaart-2026"):
    formulier = client.get(link)
    assert formulier.status_code == 302
    return client.post(formulier.url, {"password1": wachtwoord, "password2": wachtwoord})


def test_account_uit_het_beheer_heeft_geen_bruikbaar_wachtwoord(coordinator_client, mailoutbox):
    response = nieuw_account(coordinator_client)

    assert response.status_code == 302
    gebruiker = Gebruiker.objects.get(email="an.peeters@beerse.example")
    assert not gebruiker.has_usable_password()
    assert mailoutbox == []


def test_vinkje_stuurt_bij_het_toevoegen_meteen_een_uitnodiging(coordinator_client, mailoutbox):
    nieuw_account(coordinator_client, uitnodiging_sturen="on", rol="medewerker")

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["an.peeters@beerse.example"]


def test_actie_stuurt_een_nederlandse_uitnodiging_met_huis_afzender_en_link(
    coordinator, coordinator_client, mailoutbox
):
    Huisstijl.objects.create(pk=1, naam="Huis van het Kind Kempenland")
    coordinator.first_name, coordinator.last_name = "Katrien", "Claes"
    coordinator.save()
    nele = GebruikerFactory(email="nele@example.org", first_name="Nele", is_staff=True)

    response = uitnodigen_via_actie(coordinator_client, nele)

    assert "Uitnodiging verstuurd naar 1 persoon." in response.content.decode()
    (bericht,) = mailoutbox
    assert bericht.to == ["nele@example.org"]
    assert bericht.subject == "Je account voor Huis van het Kind Kempenland: kies je wachtwoord"
    assert "Dag Nele," in bericht.body
    assert "Katrien Claes heeft een account voor je gemaakt" in bericht.body
    assert "Huis van het Kind Kempenland" in bericht.body
    assert link_uit(bericht)
    assert "aanmelden in twee stappen" in bericht.body
    assert "authenticator-app" in bericht.body


def test_uitnodiging_voor_wie_niet_in_het_beheer_werkt_zwijgt_over_twee_stappen(
    coordinator_client, mailoutbox
):
    mandataris = GebruikerFactory(email="schepen@example.org")

    uitnodigen_via_actie(coordinator_client, mandataris)

    assert "twee stappen" not in mailoutbox[0].body


def test_link_laat_een_wachtwoord_kiezen_en_werkt_daarna_niet_meer(
    client, coordinator_client, mailoutbox
):
    nieuw_account(coordinator_client, uitnodiging_sturen="on")
    link = link_uit(mailoutbox[0])

    response = wachtwoord_kiezen(client, link)

    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_from_key_done")
    gebruiker = Gebruiker.objects.get(email="an.peeters@beerse.example")
    assert gebruiker.check_password("zomer-aan-de-vaart-2026")
    opnieuw = client.get(link, follow=True)
    assert opnieuw.status_code == 200
    assert "Deze link werkt niet meer" in opnieuw.content.decode()
    assert "password1" not in opnieuw.content.decode()


def test_wachtwoord_kiezen_bevestigt_het_e_mailadres(client, coordinator_client, mailoutbox):
    nieuw_account(coordinator_client, uitnodiging_sturen="on")

    wachtwoord_kiezen(client, link_uit(mailoutbox[0]))

    adres = EmailAddress.objects.get(email="an.peeters@beerse.example")
    assert adres.verified
    assert adres.primary


def test_na_het_kiezen_meldt_de_persoon_zich_aan(client, coordinator_client, mailoutbox):
    nieuw_account(coordinator_client, uitnodiging_sturen="on")
    wachtwoord_kiezen(client, link_uit(mailoutbox[0]))

    response = client.post(
        reverse("account_login"),
        {"login": "an.peeters@beerse.example", "password": "zomer-aan-de-vaart-2026"},
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(
        Gebruiker.objects.get(email="an.peeters@beerse.example").pk
    )


def test_uitnodiging_voor_een_inactief_account_wordt_niet_verstuurd(coordinator_client, mailoutbox):
    weg = GebruikerFactory(email="weg@example.org", is_active=False)

    response = uitnodigen_via_actie(coordinator_client, weg)

    assert mailoutbox == []
    assert "Het account van weg@example.org is niet actief" in response.content.decode()


def test_mislukte_verzending_zegt_de_coordinator_dat_het_niet_lukte(
    coordinator_client, mailoutbox, monkeypatch
):
    def weigeren(self, *args, **kwargs):
        raise SMTPException("mailserver weg")

    monkeypatch.setattr(mail.EmailMessage, "send", weigeren)
    nele = GebruikerFactory(email="nele@example.org")

    response = uitnodigen_via_actie(coordinator_client, nele)

    assert "De uitnodiging voor nele@example.org kon niet verstuurd worden" in (
        response.content.decode()
    )
    assert "Uitnodiging verstuurd" not in response.content.decode()


def test_zelf_een_account_maken_blijft_dicht(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "iemand@example.org",
            "password1": "lang-wachtwoord-1",
            "password2": "lang-wachtwoord-1",
        },
    )

    assert response.status_code == 200
    assert "Registratie gesloten" in response.content.decode()
    assert not Gebruiker.objects.filter(email="iemand@example.org").exists()


def test_wachtwoord_vergeten_stuurt_een_nederlandse_mail_met_link(client, mailoutbox):
    Huisstijl.objects.create(pk=1, naam="Huis van het Kind Kempenland")
    GebruikerFactory(email="nele@example.org")

    client.post(reverse("account_reset_password"), {"email": "nele@example.org"})

    (bericht,) = mailoutbox
    assert bericht.subject == "Huis van het Kind Kempenland: Kies een nieuw wachtwoord"
    assert bericht.body.startswith("Dag,")
    assert "vroeg een nieuw wachtwoord voor je account" in bericht.body
    assert link_uit(bericht)

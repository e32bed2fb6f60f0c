"""Asking a question: the form, the mail to the contact point, abuse, retention, the admin."""

import datetime
import re
from io import StringIO
from smtplib import SMTPException
from unittest import mock

import pytest
from django.contrib.admin.models import LogEntry
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from communicatie.models import Vraag
from tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db

RATELIMIET_TEKST = "Je hebt al enkele vragen gesteld. Probeer het over een uur opnieuw"


@pytest.fixture(autouse=True)
def _lege_cache():
    # The rate limit counts in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def beerse():
    return GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        aanspreekpunt_naam="Sociaal Huis Beerse",
        aanspreekpunt_telefoon="014 00 00 02",
        aanspreekpunt_email="hvk@beerse.example",
    )


@pytest.fixture
def vosselaar():
    """A gemeente whose contact point has no e-mail address yet."""
    return GemeenteFactory(naam="Vosselaar", nis_code="13046", slug="vosselaar")


@pytest.fixture
def gegevens(beerse):
    return {
        "gemeente": str(beerse.pk),
        "naam": "Fatima",
        "email": "fatima@example.org",
        "telefoon": "",
        "vraag": "Waar kan ik mijn baby laten wegen in Beerse?",
        "toestemming": "on",
        "website": "",
    }


@pytest.fixture
def versturen(client, django_capture_on_commit_callbacks):
    """POST the form as the site does, running what waits for the commit (the mails)."""

    def post(data, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("vraag"), data, **extra)

    return post


# --- The page ----------------------------------------------------------------------------


def test_formulier_toont_de_gemeenten_en_legt_uit_wat_er_met_de_gegevens_gebeurt(
    client, beerse, vosselaar, settings
):
    settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN = 365

    inhoud = client.get(reverse("vraag")).content.decode()

    assert "<h1>Stel je vraag</h1>" in inhoud
    assert "Kies je gemeente" in inhoud
    assert f'<option value="{beerse.pk}">Beerse</option>' in inhoud
    assert f'<option value="{vosselaar.pk}">Vosselaar</option>' in inhoud
    assert "om mijn vraag te beantwoorden" in inhoud
    assert "aanspreekpunt van de gemeente die ik kies" in inhoud
    assert "Na 365 dagen wordt ze gewist" in inhoud
    assert 'href="/privacy/"' in inhoud


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/vraag/", None),
        ("/vraag/bedankt/", None),
        ("/vraag/bedankt/", {"gemeente": "beerse"}),
    ],
)
def test_pagina_heeft_een_h1_en_een_titel(client, beerse, url, data):
    html = client.get(url, data).content.decode()

    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert re.search(r"<title>[^<]+</title>", html)


def test_formulier_met_fouten_heeft_een_h1_en_een_titel_die_de_fout_meldt(versturen, beerse):
    html = versturen({}).content.decode()

    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert "<title>Fout: Stel je vraag" in html


def test_gemeente_in_het_webadres_staat_al_gekozen(client, beerse, vosselaar):
    inhoud = client.get(reverse("vraag"), {"gemeente": "beerse"}).content.decode()

    assert f'<option value="{beerse.pk}" selected>Beerse</option>' in inhoud
    assert f'<option value="{vosselaar.pk}">Vosselaar</option>' in inhoud


def test_onbekende_gemeente_in_het_webadres_wordt_genegeerd(client, beerse):
    response = client.get(reverse("vraag"), {"gemeente": "bestaat-niet"})

    assert response.status_code == 200
    assert f'<option value="{beerse.pk}">Beerse</option>' in response.content.decode()


def test_lokmiddel_voor_robots_is_verborgen_voor_mensen(client, beerse):
    inhoud = client.get(reverse("vraag")).content.decode()

    assert re.search(
        r'class="visually-hidden"\s+aria-hidden="true">\s*<div id="div_id_website"', inhoud
    )
    assert re.search(r'name="website" tabindex="-1" autocomplete="off"', inhoud)
    assert "Laat dit veld leeg" in inhoud


# --- A question that goes through ----------------------------------------------------------


def test_vraag_wordt_bewaard_en_naar_het_aanspreekpunt_gemaild(
    versturen, gegevens, beerse, mailoutbox
):
    response = versturen(gegevens)

    assert response.status_code == 302
    assert response["Location"] == "/vraag/bedankt/?gemeente=beerse"
    vraag = Vraag.objects.get()
    assert vraag.gemeente == beerse
    assert vraag.naam == "Fatima"
    assert vraag.status == Vraag.Status.NIEUW
    assert vraag.doorgestuurd_naar == "hvk@beerse.example"
    mail = mailoutbox[0]
    assert mail.to == ["hvk@beerse.example"]
    assert mail.reply_to == ["fatima@example.org"]
    assert "Beerse" in mail.subject
    assert "Fatima" not in mail.subject
    assert "Waar kan ik mijn baby laten wegen in Beerse?" in mail.body
    assert "fatima@example.org" in mail.body
    assert "na 365 dagen" in mail.body
    assert f"http://testserver/admin/communicatie/vraag/{vraag.pk}/change/" in mail.body


def test_inwoner_met_e_mail_krijgt_een_bevestiging_zonder_de_vraag_zelf(
    versturen, gegevens, mailoutbox
):
    versturen(gegevens)

    assert len(mailoutbox) == 2
    bevestiging = mailoutbox[1]
    assert bevestiging.to == ["fatima@example.org"]
    assert bevestiging.reply_to == ["hvk@beerse.example"]
    assert "Sociaal Huis Beerse leest je vraag" in bevestiging.body
    assert "baby" not in bevestiging.body
    assert "Fatima" not in bevestiging.body


def test_inwoner_met_alleen_een_telefoonnummer_krijgt_geen_mail(versturen, gegevens, mailoutbox):
    gegevens.update(email="", telefoon="+32 470/12.34-56")

    versturen(gegevens)

    assert Vraag.objects.get().telefoon == "+32 470/12.34-56"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].reply_to == []
    assert "+32 470/12.34-56" in mailoutbox[0].body


def test_gemeente_zonder_e_mail_voor_het_aanspreekpunt_stuurt_naar_de_coordinator(
    versturen, gegevens, vosselaar, mailoutbox, settings
):
    settings.HVK_COORDINATOR_EMAIL = "coordinator@hvk.example"
    gegevens["gemeente"] = str(vosselaar.pk)

    versturen(gegevens)

    assert mailoutbox[0].to == ["coordinator@hvk.example"]
    assert "Vosselaar heeft nog geen e-mailadres" in mailoutbox[0].body
    assert Vraag.objects.get().doorgestuurd_naar == "coordinator@hvk.example"


def test_bedankpagina_zegt_wie_antwoordt_wanneer_en_hoe_lang_we_bewaren(client, beerse):
    response = client.get(reverse("vraag_bedankt"), {"gemeente": "beerse"})

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Bedankt, we kregen je vraag</h1>" in inhoud
    assert "Je vraag gaat naar Sociaal Huis Beerse, het aanspreekpunt van Beerse." in inhoud
    assert "binnen 5 werkdagen antwoord" in inhoud
    assert "Na 365 dagen wissen we ze." in inhoud
    assert 'href="tel:014000002"' in inhoud


def test_bedankpagina_zonder_gemeente_blijft_algemeen(client):
    response = client.get(reverse("vraag_bedankt"), {"gemeente": "bestaat-niet"})

    assert response.status_code == 200
    assert "aanspreekpunt van de gemeente die je koos" in response.content.decode()


def test_mailserver_in_panne_verliest_de_vraag_niet(versturen, client, gegevens, caplog):
    with mock.patch(
        "django.core.mail.backends.locmem.EmailBackend.send_messages",
        side_effect=SMTPException("server weg"),
    ):
        response = versturen(gegevens)

    assert response.status_code == 302
    vraag = Vraag.objects.get()
    assert vraag.vraag == gegevens["vraag"]
    # Empty: the coordinator sees in the admin that it still has to be passed on.
    assert vraag.doorgestuurd_naar == ""
    assert "could not be mailed" in caplog.text
    assert "Bedankt, we kregen je vraag" in client.get(response["Location"]).content.decode()


def test_mislukte_transactie_verstuurt_niets(gegevens, beerse, mailoutbox):
    from django.db import transaction

    from communicatie.services import vraag_stellen

    with pytest.raises(RuntimeError), transaction.atomic():
        vraag_stellen(
            gemeente=beerse, naam="An", email="an@example.org", telefoon="", vraag="Iets?"
        )
        raise RuntimeError("later in dezelfde transactie")

    assert not Vraag.objects.exists()
    assert mailoutbox == []


# --- Mistakes and abuse: a form error or a 4xx, never a 500, nothing stored -------------------


def test_zonder_e_mail_en_zonder_telefoon_een_duidelijke_fout(versturen, gegevens, mailoutbox):
    gegevens.update(email="", telefoon="")

    response = versturen(gegevens)

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "Vul je e-mailadres of je telefoonnummer in." in inhoud
    assert 'href="#id_email"' in inhoud
    assert "<title>Fout:" in inhoud
    assert not Vraag.objects.exists()
    assert mailoutbox == []


def test_zonder_toestemming_een_fout(versturen, gegevens, mailoutbox):
    del gegevens["toestemming"]

    response = versturen(gegevens)

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "Vink aan dat we je gegevens mogen gebruiken." in inhoud
    assert 'href="#id_toestemming"' in inhoud
    assert not Vraag.objects.exists()
    assert mailoutbox == []


def test_ingevuld_lokmiddel_doet_alsof_het_lukte_maar_bewaart_en_stuurt_niets(
    versturen, gegevens, mailoutbox
):
    gegevens["website"] = "http://spam.example"

    response = versturen(gegevens)

    assert response.status_code == 302
    assert response["Location"] == reverse("vraag_bedankt")
    assert not Vraag.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("veld", "waarde", "fout"),
    [
        ("vraag", "x" * 2001, "Je vraag is te lang: maximaal 2000 tekens (nu 2001)."),
        ("vraag", "x" * 10_000, "Je vraag is te lang: maximaal 2000 tekens (nu 10000)."),
        ("naam", "A" * 101, "Je naam mag maximaal 100 tekens hebben."),
        ("naam", "\x00\x1b\x07", "Vul je naam in."),
        ("telefoon", "bel me maar", "Vul een telefoonnummer in met cijfers"),
        ("telefoon", "12345", "Vul een telefoonnummer in met cijfers"),
        ("telefoon", "1" * 31, "Een telefoonnummer heeft maximaal 30 tekens."),
        ("email", "geen-adres", "Vul een geldig e-mailadres in"),
        ("gemeente", "999999", "Kies een gemeente uit de lijst."),
        ("gemeente", "niet-een-getal", "Kies een gemeente uit de lijst."),
        ("gemeente", "", "Kies je gemeente."),
    ],
)
def test_foute_invoer_geeft_een_fout_en_bewaart_niets(
    versturen, gegevens, mailoutbox, veld, waarde, fout
):
    gegevens[veld] = waarde

    response = versturen(gegevens)

    assert response.status_code == 200
    assert fout in response.content.decode()
    assert not Vraag.objects.exists()
    assert mailoutbox == []


def test_stuurtekens_worden_weggelaten(versturen, gegevens):
    gegevens.update(
        naam="Fa\x00ti\x1bma\u202e",
        vraag="Eerste regel\r\nTweede\x07 regel\tmet tab",
    )

    response = versturen(gegevens)

    assert response.status_code == 302
    vraag = Vraag.objects.get()
    assert vraag.naam == "Fatima"
    assert vraag.vraag == "Eerste regel\nTweede regel\tmet tab"


def test_regeleinden_tellen_als_een_teken(versturen, gegevens):
    # Browsers count a line break as one character but send two (\r\n).
    gegevens["vraag"] = "\r\n".join(["x" * 99] * 20) + "x"

    response = versturen(gegevens)

    assert response.status_code == 302
    assert len(Vraag.objects.get().vraag) == 2000


@pytest.mark.parametrize("methode", ["put", "patch", "delete"])
def test_andere_methodes_worden_geweigerd(client, methode):
    assert getattr(client, methode)(reverse("vraag")).status_code == 405


def test_bedankpagina_aanvaardt_geen_post(client):
    assert client.post(reverse("vraag_bedankt")).status_code == 405


# --- Rate limit ---------------------------------------------------------------------------


def test_zesde_vraag_binnen_het_uur_van_hetzelfde_ip_wordt_geweigerd(
    versturen, gegevens, beerse, mailoutbox
):
    for _ in range(5):
        assert versturen(gegevens, REMOTE_ADDR="203.0.113.7").status_code == 302

    response = versturen(gegevens, REMOTE_ADDR="203.0.113.7")

    inhoud = response.content.decode()
    assert response.status_code == 429
    assert RATELIMIET_TEKST in inhoud
    assert 'href="tel:014000002"' in inhoud
    # What the resident typed is still there, so nothing is lost.
    assert "Waar kan ik mijn baby laten wegen in Beerse?" in inhoud
    assert Vraag.objects.count() == 5
    assert len(mailoutbox) == 10


def test_limiet_geldt_per_ip(versturen, gegevens):
    for _ in range(5):
        versturen(gegevens, REMOTE_ADDR="203.0.113.7")

    assert versturen(gegevens, REMOTE_ADDR="198.51.100.3").status_code == 302


def test_vergissingen_in_het_formulier_tellen_niet_mee_voor_de_limiet(versturen, gegevens):
    # A resident who needs several tries must still get their question through.
    for _ in range(6):
        versturen({**gegevens, "toestemming": ""}, REMOTE_ADDR="203.0.113.7")

    assert versturen(gegevens, REMOTE_ADDR="203.0.113.7").status_code == 302


def test_robots_tellen_wel_mee_voor_de_limiet(versturen, gegevens):
    for _ in range(5):
        versturen({**gegevens, "website": "spam"}, REMOTE_ADDR="203.0.113.7")

    assert versturen(gegevens, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert not Vraag.objects.exists()


# --- Retention ----------------------------------------------------------------------------


def test_opruimen_wist_alleen_vragen_ouder_dan_de_bewaartermijn(beerse, settings):
    settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN = 365
    nu = timezone.now()
    oud = Vraag.objects.create(
        gemeente=beerse,
        naam="Oud",
        email="oud@example.org",
        vraag="?",
        aangemaakt=nu - datetime.timedelta(days=366),
    )
    recent = Vraag.objects.create(
        gemeente=beerse,
        naam="Recent",
        telefoon="014 00 00 00",
        vraag="?",
        aangemaakt=nu - datetime.timedelta(days=364),
    )
    uitvoer = StringIO()

    call_command("vragen_opruimen", stdout=uitvoer)

    assert list(Vraag.objects.all()) == [recent]
    assert not Vraag.objects.filter(pk=oud.pk).exists()
    assert "1 vragen gewist" in uitvoer.getvalue()


# --- Admin --------------------------------------------------------------------------------


@pytest.fixture
def vraag(beerse):
    return Vraag.objects.create(
        gemeente=beerse,
        naam="Fatima",
        email="fatima@example.org",
        vraag="Waar kan ik mijn baby laten wegen?",
        doorgestuurd_naar="hvk@beerse.example",
    )


def test_beheer_toont_de_vragen_en_de_bewaartermijn(coordinator_client, vraag):
    response = coordinator_client.get(reverse("admin:communicatie_vraag_changelist"))

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "Fatima" in inhoud
    assert "hvk@beerse.example" in inhoud
    assert "Vragen worden 365 dagen bewaard" in inhoud
    assert "Nu wissen" in inhoud


def test_beheer_toont_de_vraag_maar_laat_de_tekst_niet_wijzigen(coordinator_client, vraag):
    url = reverse("admin:communicatie_vraag_change", args=[vraag.pk])
    response = coordinator_client.get(url)

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert 'name="naam"' in inhoud
    assert 'name="email"' in inhoud
    assert 'name="vraag"' not in inhoud
    assert "Waar kan ik mijn baby laten wegen?" in inhoud


def test_beheer_zet_de_status_en_het_logboek_noemt_geen_naam(coordinator_client, vraag):
    url = reverse("admin:communicatie_vraag_change", args=[vraag.pk])

    response = coordinator_client.post(
        url,
        {
            "gemeente": vraag.gemeente_id,
            "naam": "Fatima",
            "email": "fatima@example.org",
            "telefoon": "",
            "status": "beantwoord",
        },
    )

    assert response.status_code == 302
    vraag.refresh_from_db()
    assert vraag.status == Vraag.Status.BEANTWOORD
    assert "Fatima" not in LogEntry.objects.get().object_repr


def test_nu_wissen_wist_de_gekozen_vragen(coordinator_client, vraag, beerse):
    andere = Vraag.objects.create(gemeente=beerse, naam="Jan", telefoon="0470 00 00 00", vraag="?")

    response = coordinator_client.post(
        reverse("admin:communicatie_vraag_changelist"),
        {"action": "nu_wissen", "_selected_action": [vraag.pk]},
        follow=True,
    )

    assert "1 vraag gewist." in response.content.decode()
    assert list(Vraag.objects.all()) == [andere]
    assert "Fatima" not in LogEntry.objects.get().object_repr


def test_vragen_toevoegen_in_het_beheer_kan_niet(coordinator_client):
    response = coordinator_client.get(reverse("admin:communicatie_vraag_add"))

    assert response.status_code == 403

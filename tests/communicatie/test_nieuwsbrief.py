"""The newsletter: double opt-in, unsubscribing, personalised editions, sending without ever
mailing anyone twice (also after a crash), the archive, the admin and retention."""

import datetime as dt
import re
import threading
import time
from collections import Counter
from io import StringIO
from smtplib import SMTPRecipientsRefused
from unittest import mock

import pytest
from django.core import signing
from django.core.cache import cache
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Doelgroep
from communicatie import nieuwsbrief
from communicatie.models import Abonnee, Editie, Nieuwsbericht, Verzending
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    GemeenteFactory,
    LocatieFactory,
    MomentFactory,
)

pytestmark = pytest.mark.django_db


class Stroomuitval(BaseException):
    """The worker process dies here: not an error the code may catch and handle."""


@pytest.fixture(autouse=True)
def _lege_cache():
    # The rate limit counts in the cache; every test starts with a clean slate.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def beerse():
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@pytest.fixture
def turnhout():
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


def _over(dagen: int, uur: int = 10) -> dt.datetime:
    dag = timezone.localdate() + dt.timedelta(days=dagen)
    return timezone.make_aware(dt.datetime.combine(dag, dt.time(uur)))


def _aanbod(titel, *, dagen=3, bereik="regionaal", gemeenten=(), plek=None, **velden):
    activiteit = ActiviteitFactory(
        titel=titel,
        slug=titel.lower().replace(" ", "-"),
        bereik=bereik,
        gemeenten=list(gemeenten),
        locatie=plek or LocatieFactory(),
        **velden,
    )
    begin = _over(dagen)
    MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=1))
    return activiteit


@pytest.fixture
def aanbod(beerse, turnhout):
    """Local baby offer in Beerse and in Turnhout, regional offer for toddlers and teens."""
    return {
        "beerse_baby": _aanbod(
            "Babymassage Beerse",
            bereik="lokaal",
            gemeenten=[beerse],
            leeftijd_van=0,
            leeftijd_tot=12,
            plek=LocatieFactory(naam="Huis Beerse", gemeente=beerse),
        ),
        "turnhout_baby": _aanbod(
            "Babymassage Turnhout",
            bereik="lokaal",
            gemeenten=[turnhout],
            leeftijd_van=0,
            leeftijd_tot=12,
            plek=LocatieFactory(naam="Huis Turnhout", gemeente=turnhout),
        ),
        "regio_peuter": _aanbod("Peuterzang", leeftijd_van=12, leeftijd_tot=36),
        "regio_tiener": _aanbod("Tienerclub", leeftijd_van=144, leeftijd_tot=215),
        "later": _aanbod("Zomerkamp", dagen=60),
    }


def abonnee(email, *, gemeenten=(), leeftijden=(), doelgroepen=(), bevestigd=True):
    rij = Abonnee.objects.create(
        email=email,
        leeftijden=list(leeftijden),
        bevestigd_op=timezone.now() if bevestigd else None,
    )
    rij.gemeenten.set(gemeenten)
    rij.doelgroepen.set(doelgroepen)
    return rij


def editie(**velden):
    standaard = {
        "titel": "Nieuwsbrief van maart",
        "slug": "maart",
        "intro": "Dag allemaal.\n\n## Nieuw in het Huis\n- een babybus\n- een speelplein",
        "aanbod_weken": 4,
    }
    return Editie.objects.create(**{**standaard, **velden})


def versturen(rij, capture):
    """Start sending and let the queued batches run, as the worker would."""
    with capture(execute=True):
        return nieuwsbrief.editie_versturen_starten(editie=rij)


def ontvangers(outbox) -> Counter:
    return Counter(adres for bericht in outbox for adres in bericht.to)


def inhoud(bericht) -> str:
    return bericht.body + bericht.alternatives[0].content


def inschrijven_via_formulier(client, **velden):
    gegevens = {
        "email": "fatima@example.org",
        "gemeenten": [],
        "leeftijden": ["0-3"],
        "toestemming": "on",
        "website": "",
        **velden,
    }
    return client.post(reverse("nieuwsbrief"), gegevens)


def link_uit(tekst: str, naam: str) -> str:
    """The path of the ``naam`` link (bevestigen, uitschrijven) in a mail."""
    gevonden = re.search(rf"https?://[^\s\"<>/]+(/nieuwsbrief/{naam}/[^\s\"<>]+/)", tekst)
    assert gevonden, f"no {naam} link in the mail"
    return gevonden.group(1)


# --- Subscribing: double opt-in ------------------------------------------------------------


def test_inschrijven_maakt_een_onbevestigde_abonnee_en_mailt_een_ondertekende_link(
    client, beerse, mailoutbox
):
    response = inschrijven_via_formulier(
        client, email=" Fatima@Example.org ", gemeenten=[beerse.pk]
    )

    assert response.status_code == 303
    assert response["Location"] == reverse("nieuwsbrief_bedankt")
    rij = Abonnee.objects.get()
    assert rij.email == "fatima@example.org"
    assert not rij.is_bevestigd
    assert list(rij.gemeenten.all()) == [beerse]
    assert rij.leeftijden == ["0-3"]
    [bericht] = mailoutbox
    assert bericht.to == ["fatima@example.org"]
    assert bericht.subject == "Bevestig je inschrijving voor de nieuwsbrief van Huis van het Kind"
    assert "Iemand, hopelijk jij, schreef dit e-mailadres in voor de nieuwsbrief" in bericht.body
    assert "zonder bevestiging wissen we je adres na 7 dagen" in bericht.body
    assert "Ja, ik wil de nieuwsbrief" in bericht.alternatives[0].content
    assert link_uit(bericht.body, "bevestigen").startswith("/nieuwsbrief/bevestigen/")
    # Also this mail can be cancelled in one click: the address is then deleted.
    assert bericht.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_de_link_openen_bevestigt_nog_niet_pas_de_knop(client, beerse, mailoutbox):
    inschrijven_via_formulier(client, gemeenten=[beerse.pk])
    link = link_uit(mailoutbox[0].body, "bevestigen")

    getoond = client.get(link)

    # A mail scanner that opens the link confirms nothing.
    assert getoond.status_code == 200
    assert "Ja, ik wil de nieuwsbrief" in getoond.content.decode()
    assert getoond["X-Robots-Tag"] == "noindex, nofollow"
    assert not Abonnee.objects.get().is_bevestigd

    bevestigd = client.post(link)

    assert bevestigd.status_code == 303
    assert Abonnee.objects.get().is_bevestigd
    pagina = client.get(link).content.decode()
    assert "Je bent ingeschreven" in pagina
    assert "Je koos: Beerse · 0 tot 3 jaar." in pagina


def test_een_onbevestigde_abonnee_krijgt_geen_nieuwsbrief(
    beerse, mailoutbox, django_capture_on_commit_callbacks
):
    abonnee("bevestigd@example.org", gemeenten=[beerse])
    abonnee("onbevestigd@example.org", gemeenten=[beerse], bevestigd=False)

    versturen(editie(), django_capture_on_commit_callbacks)

    assert ontvangers(mailoutbox) == Counter({"bevestigd@example.org": 1})


@pytest.mark.parametrize("methode", ["get", "post"])
def test_een_gewijzigde_bevestigingslink_wordt_geweigerd_en_verandert_niets(
    client, beerse, methode
):
    rij = abonnee("fatima@example.org", gemeenten=[beerse], bevestigd=False)
    sleutel = rij.bevestigingssleutel()
    anders = abonnee("ander@example.org", gemeenten=[beerse], bevestigd=False)
    # Someone swaps the number in the link for another subscriber's.
    waarde, handtekening = sleutel.rsplit(":", 1)
    inhoud_anders = signing.b64_encode(signing.JSONSerializer().dumps({"i": anders.pk})).decode()
    vervalst = f"{inhoud_anders}:{waarde.split(':', 1)[1]}:{handtekening}"

    for sleutel_fout in (vervalst, sleutel[:-2] + "xx", "klopt-niet", "x" * 300):
        response = getattr(client, methode)(
            reverse("nieuwsbrief_bevestigen", kwargs={"sleutel": sleutel_fout})
        )
        assert response.status_code == 404
        assert "Deze link klopt niet" in response.content.decode()

    assert not Abonnee.objects.bevestigd().exists()


def test_een_verlopen_bevestigingslink_wordt_geweigerd(client, beerse):
    rij = abonnee("fatima@example.org", gemeenten=[beerse], bevestigd=False)
    acht_dagen_geleden = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=acht_dagen_geleden):
        sleutel = rij.bevestigingssleutel()

    response = client.post(reverse("nieuwsbrief_bevestigen", kwargs={"sleutel": sleutel}))

    assert response.status_code == 410
    assert "Deze link is verlopen" in response.content.decode()
    rij.refresh_from_db()
    assert not rij.is_bevestigd


def test_een_bevestigd_adres_opnieuw_inschrijven_verandert_niets_en_verklapt_niets(
    client, beerse, turnhout, mailoutbox
):
    nieuw = inschrijven_via_formulier(client, email="nieuw@example.org", gemeenten=[beerse.pk])
    rij = abonnee("fatima@example.org", gemeenten=[beerse], leeftijden=["0-3"])
    mailoutbox.clear()

    response = inschrijven_via_formulier(
        client, email="fatima@example.org", gemeenten=[turnhout.pk], leeftijden=["12-18"]
    )

    # The same answer as for a new address: the page tells nothing about who subscribed.
    assert (response.status_code, response["Location"]) == (nieuw.status_code, nieuw["Location"])
    rij.refresh_from_db()
    assert list(rij.gemeenten.all()) == [beerse]
    assert rij.leeftijden == ["0-3"]
    [bericht] = mailoutbox
    assert bericht.subject == "Je bent al ingeschreven voor de nieuwsbrief van Huis van het Kind"
    assert "Dit adres krijgt de nieuwsbrief al" in bericht.body
    assert "/nieuwsbrief/bevestigen/" not in bericht.body
    assert link_uit(bericht.body, "uitschrijven") == reverse(
        "nieuwsbrief_uitschrijven", kwargs={"sleutel": rij.uitschrijfsleutel()}
    )


def test_een_adres_krijgt_hoogstens_een_bevestigingsmail_per_kwartier(client, beerse, mailoutbox):
    for _ in range(3):
        inschrijven_via_formulier(client, gemeenten=[beerse.pk])

    assert len(mailoutbox) == 1
    assert Abonnee.objects.count() == 1


def test_onbevestigd_opnieuw_inschrijven_neemt_de_nieuwe_keuzes(client, beerse, turnhout):
    inschrijven_via_formulier(client, gemeenten=[beerse.pk], leeftijden=["0-3"])

    inschrijven_via_formulier(client, gemeenten=[turnhout.pk], leeftijden=["6-12"])

    rij = Abonnee.objects.get()
    assert list(rij.gemeenten.all()) == [turnhout]
    assert rij.leeftijden == ["6-12"]
    # The service keeps only known age bands, whoever calls it.
    nieuwsbrief.inschrijven(
        email="fatima@example.org", gemeenten=[beerse], leeftijden=["12-18", "onzin"]
    )
    rij.refresh_from_db()
    assert rij.leeftijden == ["12-18"]


def test_formulier_met_fouten_bewaart_niets_en_zegt_wat_ontbreekt(client, beerse, mailoutbox):
    response = client.post(reverse("nieuwsbrief"), {"email": "geen-adres", "website": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Je bent nog niet ingeschreven. Kijk dit na:" in html
    assert "Vul een geldig e-mailadres in" in html
    assert '<a href="#id_gemeenten_0">Kies minstens één gemeente.</a>' in html
    assert "Vink aan dat we je e-mailadres en je keuzes mogen gebruiken" in html
    assert not Abonnee.objects.exists()
    assert mailoutbox == []


def test_formulier_zegt_waarom_we_wat_vragen_en_hoe_lang_we_het_bewaren(client, beerse):
    html = client.get(reverse("nieuwsbrief") + "?gemeente=beerse").content.decode()

    assert "Je naam hebben we niet nodig" in html
    assert "Bevestig je niet binnen 7 dagen, dan wissen we je adres" in html
    assert 'href="/privacy/"' in html
    assert re.search(rf'value="{beerse.pk}"[^>]*id="id_gemeenten_0"[^>]*checked', html)
    assert 'name="naam"' not in html


def test_honingpot_bewaart_niets_maar_bedankt_wel(client, beerse, mailoutbox):
    response = inschrijven_via_formulier(client, gemeenten=[beerse.pk], website="spam")

    assert response.status_code == 303
    assert not Abonnee.objects.exists()
    assert mailoutbox == []


def test_te_veel_inschrijvingen_van_een_adres_krijgen_429(client, beerse):
    for i in range(5):
        inschrijven_via_formulier(client, email=f"a{i}@example.org", gemeenten=[beerse.pk])

    response = inschrijven_via_formulier(client, email="a6@example.org", gemeenten=[beerse.pk])

    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Abonnee.objects.count() == 5


def test_de_wachtrij_bewaart_geen_adressen(client, beerse, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    from django_tasks import default_task_backend

    default_task_backend.clear()
    inschrijven_via_formulier(client, gemeenten=[beerse.pk])

    [resultaat] = default_task_backend.results
    assert resultaat.kwargs == {"abonnee_id": Abonnee.objects.get().pk, "soort": "bevestigen"}


# --- Unsubscribing -------------------------------------------------------------------------


def test_uitschrijven_toont_eerst_een_knop_en_wist_dan_het_adres(client, beerse):
    rij = abonnee("fatima@example.org", gemeenten=[beerse])
    link = reverse("nieuwsbrief_uitschrijven", kwargs={"sleutel": rij.uitschrijfsleutel()})

    getoond = client.get(link)

    assert "Ja, schrijf me uit" in getoond.content.decode()
    assert Abonnee.objects.exists()

    response = Client(enforce_csrf_checks=True).post(link)
    assert response.status_code == 403  # a plain form post still needs its CSRF token
    assert Abonnee.objects.exists()

    response = client.post(link)

    assert response.status_code == 200
    assert "We hebben je e-mailadres en je keuzes gewist" in response.content.decode()
    assert not Abonnee.objects.exists()
    # Opening the link again later says so, and changes nothing.
    assert "krijgt de nieuwsbrief niet (meer)" in client.get(link).content.decode()


def test_uitschrijven_met_een_klik_vanuit_het_mailprogramma(
    beerse, mailoutbox, django_capture_on_commit_callbacks, settings
):
    rij = abonnee("fatima@example.org", gemeenten=[beerse])
    versturen(editie(), django_capture_on_commit_callbacks)
    [bericht] = mailoutbox
    header = bericht.extra_headers["List-Unsubscribe"]
    assert bericht.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The header and the link at the bottom of the mail are the same address.
    pad = link_uit(bericht.body, "uitschrijven")
    assert header == f"<{settings.HVK_SITE_URL}{pad}>"
    assert pad in bericht.alternatives[0].content

    # RFC 8058: the mail program POSTs this body, without a CSRF token or cookie.
    response = Client(enforce_csrf_checks=True).post(pad, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not Abonnee.objects.filter(pk=rij.pk).exists()
    # The delivery stays as an anonymous count.
    verzending = Verzending.objects.get()
    assert (verzending.abonnee, verzending.status) == (None, "verstuurd")
    # A mail program that tries again gets a success too.
    again = Client(enforce_csrf_checks=True).post(pad, {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200


@pytest.mark.parametrize("een_klik", [False, True])
def test_een_gewijzigde_uitschrijflink_wist_niets(client, beerse, een_klik):
    rij = abonnee("fatima@example.org", gemeenten=[beerse])
    ander = abonnee("ander@example.org", gemeenten=[beerse])
    sleutel = rij.uitschrijfsleutel()
    handtekening = sleutel.rsplit(":", 1)[1]
    vervalst_inhoud = signing.b64_encode(signing.JSONSerializer().dumps({"i": ander.pk})).decode()

    for fout in (f"{vervalst_inhoud}:{handtekening}", sleutel[:-3] + "abc", "x" * 300):
        url = reverse("nieuwsbrief_uitschrijven", kwargs={"sleutel": fout})
        if een_klik:
            response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
        else:
            response = client.post(url)
        assert response.status_code == 404
        assert "Deze link klopt niet" in response.content.decode()

    assert Abonnee.objects.count() == 2


def test_een_bevestigingslink_is_geen_uitschrijflink(client, beerse):
    rij = abonnee("fatima@example.org", gemeenten=[beerse], bevestigd=False)

    response = client.post(
        reverse("nieuwsbrief_uitschrijven", kwargs={"sleutel": rij.bevestigingssleutel()})
    )

    assert response.status_code == 404
    assert Abonnee.objects.exists()


# --- Personalised content -----------------------------------------------------------------


def test_abonnee_krijgt_het_aanbod_van_haar_gemeente_en_leeftijd_en_het_regionale(
    beerse, turnhout, aanbod, mailoutbox, django_capture_on_commit_callbacks
):
    abonnee("beerse-baby@example.org", gemeenten=[beerse], leeftijden=["0-3"])
    abonnee("turnhout@example.org", gemeenten=[turnhout])

    versturen(editie(), django_capture_on_commit_callbacks)

    mails = {bericht.to[0]: inhoud(bericht) for bericht in mailoutbox}
    beerse_mail = mails["beerse-baby@example.org"]
    assert "Babymassage Beerse" in beerse_mail
    assert "Peuterzang" in beerse_mail  # regional, for toddlers
    assert "Babymassage Turnhout" not in beerse_mail  # local to another gemeente
    assert "Tienerclub" not in beerse_mail  # regional, but for another age
    assert "Zomerkamp" not in beerse_mail  # after the four weeks of this edition
    assert "Gekozen op basis van je keuzes: Beerse · 0 tot 3 jaar." in beerse_mail
    turnhout_mail = mails["turnhout@example.org"]
    assert "Babymassage Turnhout" in turnhout_mail
    assert "Tienerclub" in turnhout_mail
    assert "Babymassage Beerse" not in turnhout_mail


def test_doelgroepen_houden_aanbod_voor_iedereen_en_voor_de_gekozen_groep(
    beerse, mailoutbox, django_capture_on_commit_callbacks
):
    aanstaand = Doelgroep.objects.create(naam="Zwangere ouders", slug="zwanger-test")
    professionals = Doelgroep.objects.create(naam="Vroedvrouwen", slug="vroedvrouwen-test")
    _aanbod("Zwangerschapsyoga").doelgroepen.add(aanstaand)
    _aanbod("Vorming voor vroedvrouwen").doelgroepen.add(professionals)
    _aanbod("Open speelmoment")
    abonnee("zwanger@example.org", gemeenten=[beerse], doelgroepen=[aanstaand])

    versturen(editie(), django_capture_on_commit_callbacks)

    tekst = mailoutbox[0].body
    assert "Zwangerschapsyoga" in tekst
    assert "Open speelmoment" in tekst
    assert "Vorming voor vroedvrouwen" not in tekst


def test_nieuws_voor_een_andere_gemeente_gaat_niet_mee(
    beerse, turnhout, mailoutbox, django_capture_on_commit_callbacks, settings
):
    verleden = timezone.now() - dt.timedelta(days=1)
    algemeen = Nieuwsbericht.objects.create(
        titel="Nieuwe website", slug="website", inleiding="Kijk eens.", publicatiedatum=verleden
    )
    voor_turnhout = Nieuwsbericht.objects.create(
        titel="Speelplein Turnhout",
        slug="speelplein",
        inleiding="Open.",
        gemeente=turnhout,
        publicatiedatum=verleden,
    )
    rij = editie()
    rij.nieuwsberichten.set([algemeen, voor_turnhout])
    abonnee("beerse@example.org", gemeenten=[beerse])

    versturen(rij, django_capture_on_commit_callbacks)

    tekst = mailoutbox[0].body
    assert "Nieuwe website" in tekst
    assert f"{settings.HVK_SITE_URL}/nieuws/website/" in tekst
    assert "Speelplein Turnhout" not in tekst
    assert "NIEUW IN HET HUIS" in tekst
    assert "- een babybus" in tekst


# --- Sending: never twice --------------------------------------------------------------------


@pytest.fixture
def tien_abonnees(beerse, settings):
    settings.HVK_NIEUWSBRIEF_BATCH = 4
    return [abonnee(f"ouder{i}@example.org", gemeenten=[beerse]) for i in range(10)]


def _alle_adressen(abonnees):
    return Counter({a.email: 1 for a in abonnees})


def test_alle_bevestigde_abonnees_krijgen_de_editie_in_batches_precies_een_keer(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    rij = editie()
    with mock.patch.object(
        nieuwsbrief, "batch_versturen", wraps=nieuwsbrief.batch_versturen
    ) as batch:
        aantal = versturen(rij, django_capture_on_commit_callbacks)

    assert aantal == 10
    assert batch.call_count == 3  # 4 + 4 + 2
    assert ontvangers(mailoutbox) == _alle_adressen(tien_abonnees)
    rij.refresh_from_db()
    assert rij.status == Editie.Status.VERSTUURD
    assert rij.afgerond_op is not None
    assert nieuwsbrief.voortgang(rij).verstuurd == 10


def test_een_taak_stopt_na_haar_tijd_en_zet_een_nieuwe_in_de_wachtrij(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(nieuwsbrief, "TAAK_SECONDEN", 0)
    rij = editie()
    with mock.patch.object(
        nieuwsbrief, "_batch_inplannen", wraps=nieuwsbrief._batch_inplannen
    ) as inplannen:
        versturen(rij, django_capture_on_commit_callbacks)

    # The start, then one new task after each of the first two batches of 4.
    assert inplannen.call_count == 3
    assert ontvangers(mailoutbox) == _alle_adressen(tien_abonnees)


def test_twee_keer_starten_maakt_geen_dubbele_verzendingen(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    rij = editie()
    versturen(rij, django_capture_on_commit_callbacks)

    with pytest.raises(nieuwsbrief.NieuwsbriefFout):
        versturen(rij, django_capture_on_commit_callbacks)

    assert Verzending.objects.count() == 10
    assert ontvangers(mailoutbox) == _alle_adressen(tien_abonnees)


def test_crash_na_het_versturen_maar_voor_het_noteren_stuurt_na_hervatten_niemand_dubbel(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    """The worst moment: the SMTP server accepted mail 6 and the worker dies before it
    writes that down. Resuming must not send mail 6 again, and must send the rest."""
    rij = editie()
    echt_afsluiten = nieuwsbrief._afsluiten
    genoteerd = []

    def stroomuitval_bij_de_zesde(verzending_id, token, status, fout=""):
        if status == Verzending.Status.VERSTUURD and len(genoteerd) == 5:
            raise Stroomuitval
        genoteerd.append(verzending_id)
        echt_afsluiten(verzending_id, token, status, fout)

    with mock.patch.object(nieuwsbrief, "_afsluiten", stroomuitval_bij_de_zesde):
        versturen(rij, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 6
    voortgang = nieuwsbrief.voortgang(rij)
    assert (voortgang.verstuurd, voortgang.bezig, voortgang.wachtend) == (5, 3, 2)
    rij.refresh_from_db()
    assert rij.status == Editie.Status.WORDT_VERSTUURD  # not finished: the admin shows it

    with django_capture_on_commit_callbacks(execute=True):
        uitkomst = nieuwsbrief.hervatten(editie=rij)

    assert uitkomst == {"vrijgegeven": 2, "onzeker": 1}
    assert ontvangers(mailoutbox) == _alle_adressen(tien_abonnees)
    voortgang = nieuwsbrief.voortgang(rij)
    assert (voortgang.verstuurd, voortgang.onzeker, voortgang.resterend) == (9, 1, 0)
    rij.refresh_from_db()
    assert rij.status == Editie.Status.VERSTUURD


def test_crash_tijdens_de_smtp_oproep_stuurt_die_ene_mail_nooit_opnieuw(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    """Dying inside the SMTP call: the portal cannot know whether the mail left, so it
    never sends that one again (at most once) and reports it as uncertain."""
    rij = editie()
    echt = EmailBackend.send_messages
    pogingen = []

    def sterft_bij_de_derde(self, berichten):
        pogingen.append(berichten[0].to[0])
        if len(pogingen) == 3:
            raise Stroomuitval
        return echt(self, berichten)

    with mock.patch.object(EmailBackend, "send_messages", sterft_bij_de_derde):
        versturen(rij, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        nieuwsbrief.hervatten(editie=rij)
        # Resuming twice changes nothing.
        nieuwsbrief.hervatten(editie=rij)

    ontvangen = ontvangers(mailoutbox)
    assert max(ontvangen.values()) == 1
    onzeker = Verzending.objects.get(status=Verzending.Status.ONZEKER)
    assert set(ontvangen) == {a.email for a in tien_abonnees} - {onzeker.abonnee.email}
    assert onzeker.abonnee.email == pogingen[2]


def test_opnieuw_draaien_slaat_wat_al_verstuurd_is_over(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks, settings
):
    rij = editie(status=Editie.Status.WORDT_VERSTUURD, verstuurd_op=timezone.now())
    for a in tien_abonnees:
        Verzending.objects.create(
            editie=rij,
            abonnee=a,
            status="verstuurd" if a in tien_abonnees[:7] else "wachtend",
        )
    settings.HVK_NIEUWSBRIEF_BATCH = 50

    with django_capture_on_commit_callbacks(execute=True):
        nieuwsbrief.batch_versturen(editie_id=rij.pk)
        nieuwsbrief.batch_versturen(editie_id=rij.pk)

    assert ontvangers(mailoutbox) == Counter({a.email: 1 for a in tien_abonnees[7:]})


def test_batches_die_door_elkaar_lopen_nemen_elk_andere_rijen(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    """A second worker starts while the first is mid-batch (sequentially, as on SQLite):
    each claim takes other rows, and nobody gets the edition twice."""
    rij = editie()
    echt = EmailBackend.send_messages
    tweede_gestart = []

    def tweede_werker_begint(self, berichten):
        if not tweede_gestart:
            tweede_gestart.append(True)
            uitkomst = nieuwsbrief.batch_versturen(editie_id=rij.pk, aantal=3)
            assert uitkomst.verstuurd == 3
        return echt(self, berichten)

    with mock.patch.object(EmailBackend, "send_messages", tweede_werker_begint):
        versturen(rij, django_capture_on_commit_callbacks)

    assert ontvangers(mailoutbox) == _alle_adressen(tien_abonnees)


def test_hervatten_terwijl_een_batch_nog_loopt_stuurt_niemand_dubbel(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    rij = editie()
    echt = EmailBackend.send_messages
    hervat = []

    def ongeduldige_coordinator(self, berichten):
        if not hervat:
            hervat.append(nieuwsbrief.hervatten(editie=rij))
        return echt(self, berichten)

    with mock.patch.object(EmailBackend, "send_messages", ongeduldige_coordinator):
        versturen(rij, django_capture_on_commit_callbacks)

    # The running batch's other rows were released; the mail it was sending is recorded.
    assert hervat == [{"vrijgegeven": 3, "onzeker": 1}]
    assert ontvangers(mailoutbox) == _alle_adressen(tien_abonnees)
    assert nieuwsbrief.voortgang(rij).verstuurd == 10


def test_wie_zich_uitschrijft_tijdens_het_versturen_krijgt_niets_meer(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    rij = editie()
    echt = EmailBackend.send_messages
    laatste = tien_abonnees[-1]

    def schrijft_zich_uit(self, berichten):
        nieuwsbrief.uitschrijven(abonnee=laatste)
        return echt(self, berichten)

    with mock.patch.object(EmailBackend, "send_messages", schrijft_zich_uit):
        versturen(rij, django_capture_on_commit_callbacks)

    assert laatste.email not in ontvangers(mailoutbox)
    assert len(mailoutbox) == 9
    assert nieuwsbrief.voortgang(rij).overgeslagen == 1


def test_een_geweigerde_mail_is_mislukt_en_kan_opnieuw(
    tien_abonnees, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    rij = editie()
    echt = EmailBackend.send_messages
    geweigerd = tien_abonnees[4].email

    def weigert_een_adres(self, berichten):
        if berichten[0].to == [geweigerd]:
            raise SMTPRecipientsRefused({geweigerd: (550, b"no such user")})
        return echt(self, berichten)

    with mock.patch.object(EmailBackend, "send_messages", weigert_een_adres):
        versturen(rij, django_capture_on_commit_callbacks)

    mislukt = Verzending.objects.get(status="mislukt")
    assert mislukt.fout == "SMTPRecipientsRefused"
    assert geweigerd not in caplog.text  # the log names the kind of error, not the address
    rij.refresh_from_db()
    assert rij.status == Editie.Status.VERSTUURD

    with django_capture_on_commit_callbacks(execute=True):
        assert nieuwsbrief.mislukte_opnieuw(editie=rij) == 1

    assert ontvangers(mailoutbox) == _alle_adressen(tien_abonnees)
    rij.refresh_from_db()
    assert rij.status == Editie.Status.VERSTUURD


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_werkers_op_postgresql_sturen_niemand_dubbel(beerse, settings, mailoutbox):
    if connection.vendor != "postgresql":
        pytest.skip("needs real concurrent transactions (SKIP LOCKED): run on PostgreSQL")
    settings.HVK_NIEUWSBRIEF_BATCH = 3
    abonnees = [abonnee(f"ouder{i}@example.org", gemeenten=[beerse]) for i in range(40)]
    rij = editie()
    with mock.patch.object(nieuwsbrief, "_batch_inplannen"):
        nieuwsbrief.editie_versturen_starten(editie=rij)
    echt = EmailBackend.send_messages

    def traag(self, berichten):
        time.sleep(0.005)
        return echt(self, berichten)

    fouten = []

    def werker():
        try:
            while Verzending.objects.filter(editie=rij, status="wachtend").exists():
                nieuwsbrief.batch_versturen(editie_id=rij.pk)
        except Exception as fout:  # pragma: no cover - reported below
            fouten.append(fout)
        finally:
            connection.close()

    with (
        mock.patch.object(EmailBackend, "send_messages", traag),
        mock.patch.object(nieuwsbrief, "_batch_inplannen"),
    ):
        werkers = [threading.Thread(target=werker) for _ in range(4)]
        for w in werkers:
            w.start()
        for w in werkers:
            w.join()

    assert fouten == []
    assert ontvangers(mailoutbox) == _alle_adressen(abonnees)


# --- The archive ---------------------------------------------------------------------------


def test_archief_toont_alleen_verstuurde_edities(
    client, beerse, aanbod, django_capture_on_commit_callbacks
):
    verstuurd = editie(titel="Nieuwsbrief van maart", slug="maart")
    versturen(verstuurd, django_capture_on_commit_callbacks)
    editie(titel="Geheim concept", slug="concept")

    lijst = client.get(reverse("nieuwsbrief_archief")).content.decode()

    assert "Nieuwsbrief van maart" in lijst
    assert "Geheim concept" not in lijst
    assert client.get("/nieuwsbrief/archief/concept/").status_code == 404


def test_een_editie_in_het_archief_toont_intro_en_het_aanbod_van_de_hele_regio(
    client, beerse, aanbod, django_capture_on_commit_callbacks
):
    abonnee("fatima@example.org", gemeenten=[beerse], leeftijden=["0-3"])
    rij = editie()
    versturen(rij, django_capture_on_commit_callbacks)

    html = client.get(reverse("nieuwsbrief_editie", kwargs={"slug": "maart"})).content.decode()

    assert "<h1>Nieuwsbrief van maart</h1>" in html
    assert '<h2 class="h4 mt-4">Nieuw in het Huis</h2>' in html
    assert "<li>een babybus</li>" in html
    for titel in ("Babymassage Beerse", "Babymassage Turnhout", "Peuterzang", "Tienerclub"):
        assert titel in html
    # Nobody's choices or links.
    assert "fatima" not in html
    assert "/nieuwsbrief/uitschrijven/" not in html


# --- The admin -----------------------------------------------------------------------------


def test_voorbeeld_toont_de_mail_voor_een_gekozen_profiel(coordinator_client, beerse, aanbod):
    rij = editie()

    pagina = coordinator_client.get(
        reverse("admin:communicatie_editie_voorbeeld", args=[rij.pk]),
        {"gemeenten": beerse.pk, "leeftijden": "0-3"},
    )
    mail_html = coordinator_client.get(
        reverse("admin:communicatie_editie_voorbeeldmail", args=[rij.pk]),
        {"gemeenten": beerse.pk, "leeftijden": "0-3"},
    )

    assert pagina.status_code == 200
    assert "Voor wie koos: Beerse · 0 tot 3 jaar" in pagina.content.decode()
    assert "Babymassage Beerse" in pagina.content.decode()  # the text version
    assert mail_html["X-Frame-Options"] == "SAMEORIGIN"
    html = mail_html.content.decode()
    assert "Babymassage Beerse" in html
    assert "Babymassage Turnhout" not in html
    assert Editie.objects.get().is_concept


def test_test_naar_mezelf_gaat_alleen_naar_de_coordinator(
    coordinator_client, coordinator, beerse, aanbod, mailoutbox
):
    abonnee("fatima@example.org", gemeenten=[beerse])
    rij = editie()

    response = coordinator_client.post(
        reverse("admin:communicatie_editie_testmail", args=[rij.pk]),
        {"gemeenten": [beerse.pk], "leeftijden": ["0-3"]},
    )

    assert response.status_code == 302
    [bericht] = mailoutbox
    assert bericht.to == [coordinator.email]
    assert bericht.subject == "[TEST] Nieuwsbrief van maart"
    assert "Babymassage Beerse" in bericht.body
    assert "Babymassage Turnhout" not in bericht.body
    assert "List-Unsubscribe" not in bericht.extra_headers
    rij.refresh_from_db()
    assert rij.is_concept
    assert not Verzending.objects.exists()


def test_versturen_vraagt_bevestiging_en_toont_dan_de_voortgang(
    coordinator_client, tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    rij = editie()
    url = reverse("admin:communicatie_editie_versturen", args=[rij.pk])

    bevestigen = coordinator_client.get(url)

    assert "gaat nu naar 10 bevestigde abonnees" in bevestigen.content.decode()
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url)

    wijzig_url = reverse("admin:communicatie_editie_change", args=[rij.pk])
    assert response["Location"] == wijzig_url
    html = coordinator_client.get(wijzig_url).content.decode()
    assert "Versturen gestart naar 10 abonnees" in html
    assert "10 verstuurd, 0 mislukt, 0 onzeker, 0 nog te versturen (van 10)" in html
    assert len(mailoutbox) == 10
    lijst = coordinator_client.get(reverse("admin:communicatie_editie_changelist"))
    assert "10 van 10 verstuurd" in lijst.content.decode()
    # A sent edition is what was sent: it can no longer be changed.
    wijzigen = coordinator_client.post(
        reverse("admin:communicatie_editie_change", args=[rij.pk]),
        {"titel": "Anders", "slug": "maart", "intro": "x", "aanbod_weken": 4},
    )
    assert wijzigen.status_code == 403
    assert Editie.objects.get().titel == "Nieuwsbrief van maart"


def test_hervatten_in_het_beheer_na_een_crash(
    coordinator_client, tien_abonnees, mailoutbox, django_capture_on_commit_callbacks
):
    rij = editie()
    echt = EmailBackend.send_messages

    def sterft_bij_de_tweede(self, berichten):
        if len(mailoutbox) == 1:
            raise Stroomuitval
        return echt(self, berichten)

    with mock.patch.object(EmailBackend, "send_messages", sterft_bij_de_tweede):
        versturen(rij, django_capture_on_commit_callbacks)
    pagina = coordinator_client.get(reverse("admin:communicatie_editie_change", args=[rij.pk]))
    assert "1 verstuurd, 0 mislukt, 0 onzeker, 9 nog te versturen (van 10)" in (
        pagina.content.decode()
    )
    assert "Versturen hervatten" in pagina.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            reverse("admin:communicatie_editie_changelist"),
            {"action": "hervatten_actie", "_selected_action": [rij.pk]},
            follow=True,
        )

    assert "2 mails terug in de wachtrij; 1 onzeker" in response.content.decode()
    assert max(ontvangers(mailoutbox).values()) == 1
    assert len(mailoutbox) == 9


def test_een_medewerker_leest_edities_maar_verstuurt_niet_en_ziet_geen_abonnees(client, beerse):
    medewerker = GebruikerFactory(is_staff=True, rol="medewerker")
    medewerker.gemeenten.add(beerse)
    client.force_login(medewerker)
    rij = editie()
    abonnee("fatima@example.org", gemeenten=[beerse])

    assert client.get(reverse("admin:communicatie_editie_change", args=[rij.pk])).status_code == 200
    assert (
        client.get(reverse("admin:communicatie_editie_versturen", args=[rij.pk])).status_code == 403
    )
    assert (
        client.post(reverse("admin:communicatie_editie_testmail", args=[rij.pk])).status_code == 403
    )
    assert client.get(reverse("admin:communicatie_abonnee_changelist")).status_code == 403
    assert "fatima@example.org" not in client.get(reverse("admin:index")).content.decode()
    rij.refresh_from_db()
    assert rij.is_concept


def test_abonnees_in_het_beheer_zien_wissen_maar_niet_toevoegen(coordinator_client, beerse):
    rij = abonnee("fatima@example.org", gemeenten=[beerse], leeftijden=["0-3"])

    lijst = coordinator_client.get(reverse("admin:communicatie_abonnee_changelist"))

    assert "fatima@example.org" in lijst.content.decode()
    assert coordinator_client.get(reverse("admin:communicatie_abonnee_add")).status_code == 403
    coordinator_client.post(
        reverse("admin:communicatie_abonnee_delete", args=[rij.pk]), {"post": "yes"}
    )
    assert not Abonnee.objects.exists()
    # The admin's history names a number, never the address.
    from django.contrib.admin.models import LogEntry

    assert LogEntry.objects.get().object_repr == f"Abonnee {rij.pk}"


# --- Retention -----------------------------------------------------------------------------


def test_onbevestigde_inschrijvingen_worden_na_zeven_dagen_gewist(beerse):
    oud = abonnee("oud@example.org", gemeenten=[beerse], bevestigd=False)
    Abonnee.objects.filter(pk=oud.pk).update(aangemaakt=timezone.now() - dt.timedelta(days=8))
    abonnee("vers@example.org", gemeenten=[beerse], bevestigd=False)
    trouw = abonnee("trouw@example.org", gemeenten=[beerse])
    Abonnee.objects.filter(pk=trouw.pk).update(aangemaakt=timezone.now() - dt.timedelta(days=400))
    uitvoer = StringIO()

    call_command("nieuwsbrief_opruimen", stdout=uitvoer)

    assert set(Abonnee.objects.values_list("email", flat=True)) == {
        "vers@example.org",
        "trouw@example.org",
    }
    assert "1 onbevestigde inschrijvingen voor de nieuwsbrief gewist" in uitvoer.getvalue()


def test_het_auditlog_bewaart_geen_adres(
    client, beerse, turnhout, mailoutbox, django_capture_on_commit_callbacks
):
    from auditlog.models import LogEntry
    from django.forms.models import model_to_dict

    inschrijven_via_formulier(client, gemeenten=[beerse.pk])
    inschrijven_via_formulier(client, gemeenten=[turnhout.pk])  # other choices
    rij = Abonnee.objects.get()
    nieuwsbrief.bevestigen(abonnee=rij)
    versturen(editie(), django_capture_on_commit_callbacks)
    nieuwsbrief.uitschrijven(abonnee=rij)

    regels = [str(model_to_dict(regel)) for regel in LogEntry.objects.all()]
    assert regels  # the subscription was logged: when, not who
    assert not [regel for regel in regels if "fatima" in regel]


def test_een_abonnee_noemt_zichzelf_zonder_adres(beerse):
    rij = abonnee("fatima@example.org", gemeenten=[beerse])

    assert str(rij) == f"Abonnee {rij.pk}"
    assert "fatima" not in str(Verzending(editie=editie(), abonnee=rij))


def test_startpagina_en_voettekst_linken_naar_de_nieuwsbrief(client):
    html = client.get(reverse("home")).content.decode()

    assert html.count('href="/nieuwsbrief/"') >= 2

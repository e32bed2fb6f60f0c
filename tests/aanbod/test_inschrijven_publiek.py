"""Registering on the public site: the form, the thank-you page, the signed link, the detail
page."""

import datetime as dt
import re
import time
from html import unescape

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aanbod import services
from aanbod.models import Bereikcijfer, Inschrijving
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    InschrijvingFactory,
    LocatieFactory,
    MomentFactory,
)

pytestmark = pytest.mark.django_db

IP = "203.0.113.7"


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
def babymassage(beerse):
    """Two families per moment, counted per family, at a place with a phone number."""
    return ActiviteitFactory(
        titel="Babymassage",
        slug="babymassage",
        inschrijving_vereist=True,
        capaciteit=2,
        plaatsen_per="gezin",
        prijs=25,
        locatie=LocatieFactory(
            naam="Antenne Beerse",
            straat="Kerkstraat 16",
            postcode="2340",
            plaats="Beerse",
            telefoon="014 00 00 16",
            gemeente=beerse,
        ),
    )


def moment_over(activiteit, *, dagen=7, uren=0, **kwargs):
    """A moment relative to now, so the tests do not depend on today's date."""
    begin = timezone.now() + dt.timedelta(days=dagen, hours=uren)
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **kwargs
    )


@pytest.fixture
def moment(babymassage):
    return moment_over(babymassage)


def formulier_url(moment):
    return reverse("aanbod:inschrijven", args=[moment.activiteit.slug, moment.pk])


def bedankt_url(moment):
    return reverse("aanbod:ingeschreven", args=[moment.activiteit.slug, moment.pk])


def link_url(inschrijving):
    return reverse("aanbod:inschrijving", args=[inschrijving.sleutel()])


@pytest.fixture
def gegevens(beerse):
    return {
        "naam": "Fatima",
        "email": "Fatima@Example.org",
        "telefoon": "",
        "woonplaats": str(beerse.pk),
        "volwassenen": "1",
        "kind_1": "8",
        "kind_2": "",
        "kind_3": "",
        "kind_4": "",
        "kind_5": "",
        "kind_6": "",
        "opmerking": "We komen met een rolstoel.",
        "wachtlijst": "on",
        "toestemming": "on",
        "website": "",
    }


@pytest.fixture
def versturen(client, django_capture_on_commit_callbacks):
    """POST the form as the site does, running what waits for the commit (the mails)."""

    def post(moment, data, *, via=None, **extra):
        extra.setdefault("REMOTE_ADDR", IP)
        with django_capture_on_commit_callbacks(execute=True):
            return (via or client).post(formulier_url(moment), data, **extra)

    return post


def tekst(response) -> str:
    """The page's visible text with the tags taken out and the spaces folded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def h1(response) -> str:
    gevonden = re.findall(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), flags=re.S)
    assert len(gevonden) == 1
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", gevonden[0]))).strip()


def inschrijven(moment, *, naam="Gezin", wachtlijst=False, **velden):
    """A registration made as the site makes them (seats and reach kept), without mail."""
    velden.setdefault("email", f"{naam.lower().replace(' ', '')}@example.org")
    velden.setdefault("leeftijden", (8,))
    return services.inschrijven(
        moment=moment,
        gezin=services.Gezin(naam=naam, **velden),
        wachtlijst=wachtlijst,
        verwittigen=False,
    )


def vol(moment, aantal=2):
    for i in range(aantal):
        inschrijven(moment, naam=f"Gezin {i}")


# --- The form page -------------------------------------------------------------------------


def test_formulier_toont_het_moment_de_plaatsen_en_wat_er_met_de_gegevens_gebeurt(
    client, moment, beerse, settings
):
    settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN = 3
    InschrijvingFactory(moment=moment)

    response = client.get(formulier_url(moment))
    inhoud = tekst(response)
    html = response.content.decode()

    assert response.status_code == 200
    assert h1(response) == "Inschrijven voor Babymassage"
    assert timezone.localtime(moment.begin).strftime("%-d") in inhoud
    assert "Antenne Beerse, Kerkstraat 16, 2340 Beerse" in inhoud
    assert "€ 25,00" in inhoud
    assert "nog 1 plaats vrij" in inhoud
    assert "We tellen per gezin: je hele gezin neemt één plaats." in inhoud
    assert "Hoe kunnen we je bereiken?" in inhoud
    assert "Wie komt er?" in inhoud
    assert "Kies de leeftijd van elk kind dat meekomt. Namen hebben we niet nodig." in inhoud
    assert "om deze inschrijving te regelen en om me erover te contacteren" in inhoud
    assert "3 maanden na het moment worden ze gewist" in inhoud
    assert 'href="/privacy/"' in html
    assert f'<option value="{beerse.pk}">Beerse</option>' in html
    assert re.search(r'name="wachtlijst"[^>]*checked', html)
    assert 'value="Inschrijven"' in html
    assert "Dit moment is volzet." not in inhoud
    assert re.search(r"<form[^>]*novalidate", html)
    assert 'name="csrfmiddlewaretoken"' in html


def test_formulier_per_persoon_zegt_dat_elke_persoon_een_plaats_neemt(client, babymassage):
    babymassage.plaatsen_per = "persoon"
    babymassage.capaciteit = 10
    babymassage.save()
    m = moment_over(babymassage)
    InschrijvingFactory(moment=m, volwassenen=2, leeftijden=[8, 40])

    inhoud = tekst(client.get(formulier_url(m)))

    assert "nog 6 plaatsen vrij" in inhoud
    assert "We tellen per persoon: elke volwassene en elk kind neemt een plaats." in inhoud


def test_moment_zonder_grens_heeft_geen_wachtlijst(client, babymassage):
    babymassage.capaciteit = None
    babymassage.save()
    m = moment_over(babymassage)

    response = client.get(formulier_url(m))

    assert "Er is geen grens op het aantal plaatsen." in tekst(response)
    assert 'name="wachtlijst"' not in response.content.decode()


def test_lokmiddel_voor_robots_is_verborgen_voor_mensen(client, moment):
    html = client.get(formulier_url(moment)).content.decode()

    assert re.search(
        r'class="visually-hidden"\s+aria-hidden="true">\s*<div id="div_id_website"', html
    )
    assert re.search(r'name="website" tabindex="-1" autocomplete="off"', html)


# --- A registration that goes through ------------------------------------------------------


def test_inschrijving_wordt_bewaard_en_bevestigd_per_mail(versturen, moment, gegevens, beerse):
    response = versturen(moment, gegevens)

    assert response.status_code == 303
    assert response["Location"] == bedankt_url(moment)
    inschrijving = Inschrijving.objects.get()
    assert inschrijving.moment == moment
    assert inschrijving.status == Inschrijving.Status.BEVESTIGD
    assert (inschrijving.naam, inschrijving.email) == ("Fatima", "fatima@example.org")
    assert (inschrijving.volwassenen, inschrijving.kinderen) == (1, 1)
    assert inschrijving.leeftijden == [8]
    assert inschrijving.woonplaats == beerse
    assert inschrijving.opmerking == "We komen met een rolstoel."
    assert inschrijving.kanaal == Inschrijving.Kanaal.WEBSITE
    assert inschrijving.toestemming_op is not None
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]
    assert mail.outbox[0].subject.startswith("Ingeschreven: Babymassage")
    assert link_url(inschrijving) in mail.outbox[0].body


def test_de_geheime_link_staat_niet_in_het_adres_van_de_bedankpagina(versturen, moment, gegevens):
    response = versturen(moment, gegevens)

    assert "inschrijving/" not in response["Location"]
    assert Inschrijving.objects.get().sleutel() not in response["Location"]


def test_bedankpagina_zegt_dat_je_een_plaats_hebt(versturen, client, moment, gegevens):
    versturen(moment, gegevens)

    response = client.get(bedankt_url(moment))
    inhoud = tekst(response)

    assert response.status_code == 200
    assert h1(response) == "Je bent ingeschreven"
    assert "Babymassage" in inhoud
    assert "We wissen ze 3 maanden na het moment." in inhoud
    # Only what the family needs: no name, no address, no link with the secret.
    assert "Fatima" not in inhoud
    assert "fatima@example.org" not in inhoud
    assert "/aanbod/inschrijving/" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_bedankpagina_zonder_sessie_blijft_algemeen(versturen, moment, gegevens):
    versturen(moment, gegevens)

    response = Client().get(bedankt_url(moment))

    assert response.status_code == 200
    assert h1(response) == "Bedankt voor je inschrijving"
    assert "Je bent ingeschreven" not in tekst(response)


def test_bedankpagina_van_een_onbekend_moment_geeft_404(client, moment):
    response = client.get(reverse("aanbod:ingeschreven", args=["babymassage", moment.pk + 99]))

    assert response.status_code == 404


def test_alleen_een_telefoonnummer_geeft_geen_mail_en_zegt_hoe_je_annuleert(
    versturen, client, moment, gegevens
):
    gegevens.update(email="", telefoon="0470 12 34 56")

    versturen(moment, gegevens)
    inhoud = tekst(client.get(bedankt_url(moment)))

    assert Inschrijving.objects.get().telefoon == "0470 12 34 56"
    assert mail.outbox == []
    assert "Je gaf geen e-mailadres, dus je krijgt geen bevestiging." in inhoud
    assert "014 00 00 16" in inhoud


@pytest.mark.parametrize(
    ("wijziging", "veld", "melding"),
    [
        ({"naam": ""}, "naam", "Vul je naam in."),
        ({"naam": "x" * 101}, "naam", "Je naam mag maximaal 100 tekens hebben."),
        (
            {"email": "", "telefoon": ""},
            "email",
            "Vul je e-mailadres of je telefoonnummer in, zodat we je kunnen bereiken.",
        ),
        ({"email": "geen-adres"}, "email", "Vul een geldig e-mailadres in"),
        ({"telefoon": "bel me"}, "telefoon", "Vul een telefoonnummer in met cijfers"),
        ({"volwassenen": "0", "kind_1": ""}, "volwassenen", "Schrijf minstens één persoon in."),
        ({"volwassenen": "7"}, "volwassenen", "Kies een aantal uit de lijst."),
        ({"kind_1": "25"}, "kind_1", "Kies een leeftijd uit de lijst."),
        ({"kind_2": "abc"}, "kind_2", "Kies een leeftijd uit de lijst."),
        ({"opmerking": "x" * 501}, "opmerking", "Maximaal 500 tekens."),
        ({"woonplaats": "999999"}, "woonplaats", "Kies een gemeente uit de lijst."),
        ({"woonplaats": "beerse"}, "woonplaats", "Kies een gemeente uit de lijst."),
        ({"woonplaats": ""}, "woonplaats", "Kies de gemeente waar je gezin woont"),
        ({"toestemming": ""}, "toestemming", "Vink aan dat we je gegevens mogen gebruiken."),
    ],
)
def test_foute_invoer_geeft_een_nederlandse_fout_en_bewaart_niets(
    versturen, moment, gegevens, wijziging, veld, melding
):
    response = versturen(moment, {**gegevens, **wijziging})
    html = response.content.decode()

    assert response.status_code == 200
    assert melding in tekst(response)
    # The summary at the top links to the field, and the title says something is wrong.
    assert re.search(rf'<a href="#id_{veld}">{re.escape(melding[:20])}', unescape(html))
    assert "<title>Fout: Inschrijven voor Babymassage" in html
    assert len(re.findall(r"<h1[\s>]", html)) == 1
    assert not Inschrijving.objects.exists()
    assert mail.outbox == []


def test_andere_gemeente_mag_en_wordt_bewaard_zonder_gemeente(versturen, moment, gegevens):
    versturen(moment, {**gegevens, "woonplaats": "elders"})

    assert Inschrijving.objects.get().woonplaats is None


def test_alleen_kinderen_zonder_volwassene_mag(versturen, moment, gegevens):
    versturen(moment, {**gegevens, "volwassenen": "0", "kind_1": "", "kind_3": "36"})

    inschrijving = Inschrijving.objects.get()
    assert (inschrijving.volwassenen, inschrijving.leeftijden) == (0, [36])


def test_ingevuld_lokmiddel_doet_alsof_het_lukte_maar_bewaart_en_stuurt_niets(
    versturen, client, moment, gegevens
):
    response = versturen(moment, {**gegevens, "website": "http://spam.example", "naam": ""})

    assert response.status_code == 303
    assert response["Location"] == bedankt_url(moment)
    assert not Inschrijving.objects.exists()
    assert mail.outbox == []
    assert h1(client.get(bedankt_url(moment))) == "Bedankt voor je inschrijving"


# --- Full moments and doubles ----------------------------------------------------------------


def test_volzet_moment_zegt_het_en_zet_op_de_wachtlijst(versturen, client, moment, gegevens):
    vol(moment)

    pagina = client.get(formulier_url(moment))
    assert "Dit moment is volzet. Je kan je op de wachtlijst zetten." in tekst(pagina)
    assert 'value="Op de wachtlijst zetten"' in pagina.content.decode()

    response = versturen(moment, gegevens)

    assert response.status_code == 303
    inschrijving = Inschrijving.objects.get(email="fatima@example.org")
    assert inschrijving.status == Inschrijving.Status.WACHTLIJST
    assert mail.outbox[0].subject.startswith("Op de wachtlijst: Babymassage")
    bedankt = client.get(bedankt_url(moment))
    assert h1(bedankt) == "Je staat op de wachtlijst"
    assert "Je staat op plaats 1 van de wachtlijst." in tekst(bedankt)


def test_tweede_op_de_wachtlijst_ziet_plaats_twee(versturen, client, moment, gegevens):
    vol(moment)
    InschrijvingFactory(moment=moment, status=Inschrijving.Status.WACHTLIJST)

    versturen(moment, gegevens)

    assert "Je staat op plaats 2 van de wachtlijst." in tekst(client.get(bedankt_url(moment)))


def test_volzet_zonder_wachtlijst_geeft_een_fout_en_bewaart_niets(versturen, moment, gegevens):
    vol(moment)
    del gegevens["wachtlijst"]

    response = versturen(moment, gegevens)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Er zijn niet genoeg plaatsen meer vrij." in tekst(response)
    assert 'id="fouten"' in html
    assert 'name="wachtlijst"' in html
    assert Inschrijving.objects.count() == 2
    assert mail.outbox == []


def test_zelfde_e_mailadres_krijgt_een_vriendelijke_melding_zonder_gegevens(
    versturen, client, moment, gegevens
):
    eerste = InschrijvingFactory(
        moment=moment, naam="Anneke", email="fatima@example.org", telefoon="0470 99 99 99"
    )

    response = versturen(moment, gegevens)
    bedankt = client.get(response["Location"])
    inhoud = tekst(bedankt)

    assert response.status_code == 303
    assert h1(bedankt) == "Je bent al ingeschreven"
    assert "We stuurden de bevestiging opnieuw naar dat adres." in inhoud
    assert "Anneke" not in inhoud
    assert "0470 99 99 99" not in inhoud
    assert "bevestigd" not in inhoud.lower()
    assert list(Inschrijving.objects.all()) == [eerste]
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]


def test_groter_gezin_dan_er_plaatsen_zijn_krijgt_de_uitleg_van_de_dienst(
    versturen, babymassage, gegevens
):
    babymassage.plaatsen_per = "persoon"
    babymassage.save()
    m = moment_over(babymassage)

    response = versturen(m, {**gegevens, "volwassenen": "2"})

    assert response.status_code == 200
    assert "Dit moment heeft maar 2 plaatsen. Bel ons voor een grotere groep." in tekst(response)
    assert not Inschrijving.objects.exists()


# --- When registering is not possible --------------------------------------------------------


@pytest.mark.parametrize(
    ("soort", "melding"),
    [
        ("afgelast", "Dit moment gaat niet door."),
        ("voorbij", "Dit moment is al begonnen of voorbij."),
        ("begonnen", "Dit moment is al begonnen of voorbij."),
        ("zonder_inschrijving", "Voor dit aanbod hoef je je niet in te schrijven."),
    ],
)
def test_zonder_inschrijving_mogelijk_geen_formulier_maar_uitleg(
    client, versturen, babymassage, gegevens, soort, melding
):
    if soort == "afgelast":
        m = moment_over(babymassage, geannuleerd=True)
    elif soort == "voorbij":
        m = moment_over(babymassage, dagen=-3)
    elif soort == "begonnen":
        m = moment_over(babymassage, dagen=0, uren=-1)
    else:
        babymassage.inschrijving_vereist = False
        babymassage.save()
        m = moment_over(babymassage)

    response = client.get(formulier_url(m))
    post = versturen(m, gegevens)

    assert response.status_code == 200
    assert melding in tekst(response)
    assert 'name="naam"' not in response.content.decode()
    assert reverse("aanbod:detail", args=["babymassage"]) in response.content.decode()
    assert post.status_code == 200
    assert 'name="naam"' not in post.content.decode()
    assert not Inschrijving.objects.exists()


def test_onbekend_aanbod_geeft_een_behulpzame_404(client, moment):
    response = client.get(reverse("aanbod:inschrijven", args=["bestaat-niet", moment.pk]))

    assert response.status_code == 404
    assert "Dit aanbod bestaat niet (meer)." in tekst(response)


def test_moment_van_een_ander_aanbod_geeft_404_met_een_link_naar_het_aanbod(client, moment):
    ander = moment_over(ActiviteitFactory(inschrijving_vereist=True))

    response = client.get(reverse("aanbod:inschrijven", args=["babymassage", ander.pk]))

    assert response.status_code == 404
    assert "Dit moment bestaat niet (meer)." in tekst(response)
    assert 'href="/aanbod/babymassage/"' in response.content.decode()


def test_niet_gepubliceerd_aanbod_geeft_404(client, moment, babymassage):
    babymassage.gepubliceerd = False
    babymassage.save()

    assert client.get(formulier_url(moment)).status_code == 404
    assert client.get(bedankt_url(moment)).status_code == 404


@pytest.mark.parametrize("nummer", ["99999999999999999999", "9223372036854775808", "0"])
def test_vervalst_momentnummer_geeft_404_en_geen_serverfout(client, moment, nummer):
    response = client.get(f"/aanbod/babymassage/{nummer}/inschrijven/")

    assert response.status_code == 404


def test_andere_methodes_worden_geweigerd(client, moment):
    assert client.put(formulier_url(moment)).status_code == 405
    assert client.post(bedankt_url(moment)).status_code == 405


# --- Abuse -------------------------------------------------------------------------------------


def test_te_veel_inschrijvingen_van_hetzelfde_ip_worden_geweigerd(
    versturen, moment, babymassage, gegevens, settings
):
    settings.HVK_INSCHRIJVING_PER_UUR = 2
    babymassage.capaciteit = 10
    babymassage.save()
    for i in range(2):
        assert versturen(moment, {**gegevens, "email": f"gezin{i}@example.org"}).status_code == 303

    response = versturen(moment, {**gegevens, "email": "derde@example.org"})

    assert response.status_code == 429
    assert "Van hier kwamen al veel inschrijvingen kort na elkaar." in tekst(response)
    assert "014 00 00 16" in tekst(response)
    # What was typed comes back, so nothing is lost.
    assert 'value="derde@example.org"' in response.content.decode()
    assert Inschrijving.objects.count() == 2
    # Another address is not limited.
    other = versturen(moment, {**gegevens, "email": "vier@example.org"}, REMOTE_ADDR="198.51.100.3")
    assert other.status_code == 303


def test_vergissingen_tellen_niet_mee_voor_de_limiet(versturen, moment, gegevens, settings):
    settings.HVK_INSCHRIJVING_PER_UUR = 1
    for _ in range(3):
        assert versturen(moment, {**gegevens, "toestemming": ""}).status_code == 200

    assert versturen(moment, gegevens).status_code == 303


def test_robots_en_dubbele_adressen_tellen_wel_mee_voor_de_limiet(
    versturen, moment, gegevens, settings
):
    settings.HVK_INSCHRIJVING_PER_UUR = 2
    versturen(moment, {**gegevens, "website": "spam"})
    InschrijvingFactory(moment=moment, email="fatima@example.org")
    versturen(moment, gegevens)

    assert versturen(moment, {**gegevens, "email": "nieuw@example.org"}).status_code == 429


# --- The signed link ---------------------------------------------------------------------------


@pytest.fixture
def ingeschreven(moment, beerse):
    return inschrijven(
        moment,
        naam="Fatima",
        email="fatima@example.org",
        telefoon="0470 12 34 56",
        volwassenen=1,
        leeftijden=(8,),
        woonplaats=beerse,
        opmerking="We komen met een rolstoel.",
    )


def test_link_toont_de_inschrijving_en_lekt_het_adres_niet(client, ingeschreven):
    response = client.get(link_url(ingeschreven))
    inhoud = tekst(response)
    html = response.content.decode()

    assert response.status_code == 200
    assert h1(response) == "Je inschrijving"
    assert "Babymassage" in inhoud
    assert "Antenne Beerse, Kerkstraat 16, 2340 Beerse" in inhoud
    assert "Bevestigd" in inhoud
    assert "1 volwassene en 1 kind (8 maanden)" in inhoud
    assert "Beerse" in inhoud
    assert "We komen met een rolstoel." in inhoud
    assert "Fatima" in inhoud
    assert html.count('name="csrfmiddlewaretoken"') == 2
    assert 'value="annuleren"' in html
    assert 'value="wissen"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    # Other sites learn the site's name at most, never the path with the secret.
    assert '<meta name="referrer" content="strict-origin">' in html
    assert response["Referrer-Policy"] == "strict-origin"
    assert "noindex" in response["X-Robots-Tag"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_link_van_de_wachtlijst_toont_de_plaats(client, moment):
    vol(moment)
    InschrijvingFactory(moment=moment, status=Inschrijving.Status.WACHTLIJST)
    tweede = InschrijvingFactory(moment=moment, status=Inschrijving.Status.WACHTLIJST)

    inhoud = tekst(client.get(link_url(tweede)))

    assert "Op de wachtlijst" in inhoud
    assert "Je staat op plaats 2 van de wachtlijst." in inhoud


def test_link_openen_verandert_niets(client, ingeschreven):
    voor = Inschrijving.objects.values().get(pk=ingeschreven.pk)

    client.get(link_url(ingeschreven))
    client.head(link_url(ingeschreven))
    client.get(link_url(ingeschreven), {"actie": "annuleren", "annuleren-zeker": "on"})

    assert Inschrijving.objects.values().get(pk=ingeschreven.pk) == voor
    assert mail.outbox == []


def test_annuleren_geeft_de_plaats_aan_de_eerste_op_de_wachtlijst(
    client, moment, ingeschreven, django_capture_on_commit_callbacks
):
    inschrijven(moment, naam="Tweede")
    wachtend = inschrijven(moment, naam="Wachtend", wachtlijst=True)
    url = link_url(ingeschreven)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"actie": "annuleren", "annuleren-zeker": "on"})

    assert response.status_code == 303
    assert response["Location"] == url
    ingeschreven.refresh_from_db()
    wachtend.refresh_from_db()
    assert ingeschreven.status == Inschrijving.Status.GEANNULEERD
    assert wachtend.status == Inschrijving.Status.BEVESTIGD
    onderwerpen = {m.to[0]: m.subject for m in mail.outbox}
    assert onderwerpen["fatima@example.org"].startswith("Geannuleerd: Babymassage")
    assert onderwerpen["wachtend@example.org"].startswith("Er is een plaats vrij")
    pagina = client.get(url)
    inhoud = tekst(pagina)
    assert "Je inschrijving is geannuleerd." in inhoud
    assert "Geannuleerd" in inhoud
    assert 'value="annuleren"' not in pagina.content.decode()
    assert 'value="wissen"' in pagina.content.decode()


def test_annuleren_zonder_vinkje_verandert_niets(client, ingeschreven):
    response = client.post(link_url(ingeschreven), {"actie": "annuleren"})

    assert response.status_code == 200
    assert "Vink aan dat je je inschrijving wil annuleren." in tekst(response)
    assert 'aria-invalid="true"' in response.content.decode()
    ingeschreven.refresh_from_db()
    assert ingeschreven.status == Inschrijving.Status.BEVESTIGD


def test_onbekende_actie_verandert_niets(client, ingeschreven):
    response = client.post(link_url(ingeschreven), {"actie": "verwijderen"})

    assert response.status_code == 400
    ingeschreven.refresh_from_db()
    assert ingeschreven.status == Inschrijving.Status.BEVESTIGD
    assert not ingeschreven.is_gewist


def test_annuleren_na_het_begin_kan_niet(client, babymassage):
    m = moment_over(babymassage, dagen=0, uren=-1)
    inschrijving = InschrijvingFactory(moment=m, status=Inschrijving.Status.BEVESTIGD)

    pagina = client.get(link_url(inschrijving))
    response = client.post(link_url(inschrijving), {"actie": "annuleren", "annuleren-zeker": "on"})

    assert 'value="annuleren"' not in pagina.content.decode()
    assert "Annuleren kan niet meer." in tekst(pagina)
    assert response.status_code == 409
    assert "annuleren kan niet meer" in tekst(response)
    inschrijving.refresh_from_db()
    assert inschrijving.status == Inschrijving.Status.BEVESTIGD


def test_gegevens_wissen_wist_de_persoonsgegevens_maar_houdt_de_aantallen(
    client, moment, ingeschreven, beerse, django_capture_on_commit_callbacks
):
    url = link_url(ingeschreven)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"actie": "wissen", "wissen-zeker": "on"})

    assert response.status_code == 303
    ingeschreven.refresh_from_db()
    assert ingeschreven.is_gewist
    assert (ingeschreven.naam, ingeschreven.email, ingeschreven.telefoon) == ("", "", "")
    assert (ingeschreven.opmerking, ingeschreven.leeftijden) == ("", [])
    assert (ingeschreven.volwassenen, ingeschreven.kinderen) == (1, 1)
    assert ingeschreven.woonplaats == beerse
    # A moment still to come: the seat is given back too.
    assert ingeschreven.status == Inschrijving.Status.GEANNULEERD
    # No cancellation mail: the address is gone.
    assert mail.outbox == []
    pagina = client.get(url)
    inhoud = tekst(pagina)
    assert h1(pagina) == "Je gegevens zijn gewist"
    assert "Babymassage" in inhoud
    assert "Fatima" not in inhoud
    assert "rolstoel" not in inhoud
    assert 'value="wissen"' not in pagina.content.decode()


def test_gegevens_wissen_na_het_moment_houdt_het_bereik(client, babymassage, beerse):
    m = moment_over(babymassage, dagen=-2)
    inschrijving = InschrijvingFactory(
        moment=m, woonplaats=beerse, leeftijden=[8], status=Inschrijving.Status.BEVESTIGD
    )
    Bereikcijfer.objects.create(
        moment=m,
        activiteit=babymassage,
        maand=timezone.localdate(m.begin).replace(day=1),
        woonplaats=beerse,
        leeftijdsgroep="0-2",
        ingeschreven=1,
    )

    client.post(link_url(inschrijving), {"actie": "wissen", "wissen-zeker": "on"})

    inschrijving.refresh_from_db()
    assert inschrijving.is_gewist
    assert inschrijving.status == Inschrijving.Status.BEVESTIGD
    assert Bereikcijfer.objects.get().ingeschreven == 1


def test_wissen_zonder_vinkje_verandert_niets(client, ingeschreven):
    response = client.post(link_url(ingeschreven), {"actie": "wissen"})

    assert response.status_code == 200
    assert "Vink aan dat we je gegevens mogen wissen." in tekst(response)
    ingeschreven.refresh_from_db()
    assert not ingeschreven.is_gewist


@pytest.mark.parametrize(
    "vervalsen",
    [
        lambda s: s[:-1] + ("A" if s[-1] != "A" else "B"),
        # Someone else's number with this link's signature.
        lambda s: s.replace(s.split(":")[0], signing.b64_encode(b'{"i":999}').decode()),
        lambda s: "vals",
        lambda s: s * 10,
    ],
)
def test_vervalste_link_wordt_geweigerd_en_verandert_niets(client, ingeschreven, vervalsen):
    url = reverse("aanbod:inschrijving", args=[vervalsen(ingeschreven.sleutel())])

    pagina = client.get(url)
    response = client.post(url, {"actie": "wissen", "wissen-zeker": "on"})

    assert pagina.status_code == 404
    assert h1(pagina) == "Deze link klopt niet"
    assert "Fatima" not in tekst(pagina)
    assert response.status_code == 404
    ingeschreven.refresh_from_db()
    assert not ingeschreven.is_gewist
    assert ingeschreven.status == Inschrijving.Status.BEVESTIGD


def test_link_van_een_ander_doel_wordt_geweigerd(client, ingeschreven):
    # Signed with the same key but another salt: must not open a registration.
    sleutel = signing.TimestampSigner(salt="iets.anders").sign_object({"i": ingeschreven.pk})

    response = client.get(reverse("aanbod:inschrijving", args=[sleutel]))

    assert response.status_code == 404


def test_verlopen_link_wordt_geweigerd_en_verandert_niets(
    client, ingeschreven, monkeypatch, settings
):
    settings.HVK_INSCHRIJVING_LINK_DAGEN = 30
    # A link made 31 days ago.
    oud = int(time.time()) - 31 * 24 * 3600
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(oud))
    url = link_url(ingeschreven)
    monkeypatch.undo()

    pagina = client.get(url)
    response = client.post(url, {"actie": "annuleren", "annuleren-zeker": "on"})

    assert pagina.status_code == 410
    assert h1(pagina) == "Deze link is verlopen"
    assert "Stel je vraag aan het Huis van het Kind" in tekst(pagina)
    assert "Fatima" not in tekst(pagina)
    assert response.status_code == 410
    ingeschreven.refresh_from_db()
    assert ingeschreven.status == Inschrijving.Status.BEVESTIGD
    assert mail.outbox == []


def test_link_die_nog_net_geldig_is_werkt(client, ingeschreven, monkeypatch, settings):
    settings.HVK_INSCHRIJVING_LINK_DAGEN = 30
    oud = int(time.time()) - 29 * 24 * 3600
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(oud))
    url = link_url(ingeschreven)
    monkeypatch.undo()

    assert client.get(url).status_code == 200


def test_link_van_een_verdwenen_inschrijving_geeft_404(client, ingeschreven):
    url = link_url(ingeschreven)
    Inschrijving.objects.filter(pk=ingeschreven.pk).delete()

    response = client.get(url)

    assert response.status_code == 404
    assert h1(response) == "Deze inschrijving bestaat niet meer"


# --- Query counts ------------------------------------------------------------------------------


@pytest.mark.parametrize("aantal", [1, 3])
def test_formulier_kost_evenveel_queries_met_een_of_drie_inschrijvingen(
    client, django_assert_num_queries, babymassage, beerse, aantal
):
    babymassage.capaciteit = 10
    babymassage.save()
    m = moment_over(babymassage)
    for _ in range(aantal):
        InschrijvingFactory(moment=m)
        GemeenteFactory()

    # Huisstijl, the footer's gemeenten and pages; the moment; its seats; the form's gemeenten.
    with django_assert_num_queries(6):
        response = client.get(formulier_url(m))

    assert response.status_code == 200


@pytest.mark.parametrize("aantal", [1, 3])
def test_link_kost_evenveel_queries_met_een_of_drie_inschrijvingen(
    client, django_assert_num_queries, moment, aantal
):
    vol(moment)
    for _ in range(aantal):
        InschrijvingFactory(moment=moment, status=Inschrijving.Status.WACHTLIJST)
    laatste = Inschrijving.objects.wachtlijst().last()

    # Huisstijl, the footer's gemeenten and pages; the registration; its place on the list.
    with django_assert_num_queries(5):
        response = client.get(link_url(laatste))

    assert f"Je staat op plaats {aantal} van de wachtlijst." in tekst(response)


# --- The activity's page -----------------------------------------------------------------------


def test_detail_linkt_naar_het_formulier_of_de_wachtlijst(client, babymassage):
    open_moment = moment_over(babymassage, dagen=2)
    vol_moment = moment_over(babymassage, dagen=9)
    vol(vol_moment)
    afgelast = moment_over(babymassage, dagen=16, geannuleerd=True)
    begonnen = moment_over(babymassage, dagen=0, uren=-1)

    response = client.get(reverse("aanbod:detail", args=["babymassage"]))
    html = response.content.decode()
    inhoud = tekst(response)

    assert re.search(rf'href="{formulier_url(open_moment)}">Inschrijven<', html)
    wachtlijst = "Volzet \N{EN DASH} wachtlijst"
    assert re.search(rf'href="{formulier_url(vol_moment)}">{wachtlijst}<', html)
    assert formulier_url(afgelast) not in html
    assert formulier_url(begonnen) not in html
    assert "inschrijven kan niet meer" in inhoud
    assert "binnenkort" not in inhoud
    assert "Kies hierboven een moment" in inhoud
    # The link says the moment is full; no second "Volzet" beside it.
    assert inhoud.count("Volzet") == 1
    assert "014 00 00 16" in inhoud


def test_detail_zonder_inschrijving_heeft_geen_inschrijflink(client, babymassage):
    babymassage.inschrijving_vereist = False
    babymassage.save()
    m = moment_over(babymassage)

    html = client.get(reverse("aanbod:detail", args=["babymassage"])).content.decode()

    assert formulier_url(m) not in html
    assert "Je hoeft niet in te schrijven." in html

"""A resident's personal data by e-mail address: find, export and erase it (GDPR, issue #12).

The coordinator types an address on /admin/persoonsgegevens/ and sees every registration,
question and newsletter subscription that holds it; exports it as JSON; erases it in one
action after a confirmation. Each step writes one audit entry with a pseudonym, never the
address. Only coordinators get in.
"""

import datetime as dt
import hashlib
import json

import pytest
from auditlog.models import LogEntry
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Bereikcijfer, Inschrijving, Moment
from aanbod.services import Gezin, inschrijven
from accounts import persoonsgegevens
from accounts.admin_persoonsgegevens import SESSIE_GEWIST
from communicatie.models import Abonnee, Editie, Verzending, Vraag
from communicatie.services import vraag_stellen
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    GemeenteFactory,
    MomentFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db

PAGINA = reverse("admin:persoonsgegevens")
EXPORT = reverse("admin:persoonsgegevens_export")
WISSEN = reverse("admin:persoonsgegevens_wissen")

AN = "an.peeters@example.org"
BO = "bo@example.org"


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(snelle_wachtwoorden):
    """Several accounts a test: the real hasher's slowness buys nothing here."""


@pytest.fixture
def beerse():
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def _moment(titel, *, dagen, capaciteit=20) -> Moment:
    activiteit = ActiviteitFactory(
        titel=titel, capaciteit=capaciteit, plaatsen_per="gezin", inschrijving_vereist=True
    )
    begin = timezone.now() + dt.timedelta(days=dagen)
    return MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2))


def _inschrijving(moment, email, naam, *, woonplaats=None, wachtlijst=False) -> Inschrijving:
    return inschrijven(
        moment=moment,
        gezin=Gezin(
            naam=naam,
            email=email,
            telefoon="0470 12 34 56",
            volwassenen=1,
            leeftijden=(8, 48),
            woonplaats=woonplaats,
            opmerking="We spreken Pools.",
        ),
        wachtlijst=wachtlijst,
    )


def _naar_het_verleden(moment) -> None:
    """Move a moment (with its registrations and reach) back in time: it went on already."""
    begin = timezone.now() - dt.timedelta(days=10)
    Moment.objects.filter(pk=moment.pk).update(begin=begin, einde=begin + dt.timedelta(hours=2))


def _abonnee(email, gemeenten) -> Abonnee:
    abonnee = Abonnee.objects.create(email=email, bevestigd_op=timezone.now(), leeftijden=["0-3"])
    abonnee.gemeenten.set(gemeenten)
    return abonnee


@pytest.fixture
def an(beerse):
    """Everything the portal holds for An, and a registration and a question of Bo."""
    voorbij = _moment("Babymassage", dagen=5)
    vroeger = _inschrijving(voorbij, AN, "An Peeters", woonplaats=beerse)
    _naar_het_verleden(voorbij)
    komend = _moment("Peuterturnen", dagen=14)
    later = _inschrijving(komend, AN.upper(), "An Peeters", woonplaats=beerse)
    _inschrijving(komend, BO, "Bo Janssens", woonplaats=beerse)
    vraag = vraag_stellen(
        gemeente=beerse,
        naam="An Peeters",
        email=AN.title(),
        telefoon="",
        vraag="Waar kan ik terecht voor een consultatie?",
    )
    vraag_stellen(
        gemeente=beerse, naam="Bo Janssens", email=BO, telefoon="", vraag="Is er een speelotheek?"
    )
    abonnee = _abonnee(AN, [beerse])
    editie = Editie.objects.create(titel="Nieuwsbrief van maart", slug="maart", intro="Dag.")
    verstuurd = Verzending.objects.create(
        editie=editie, abonnee=abonnee, status="verstuurd", verstuurd_op=timezone.now()
    )
    volgende = Editie.objects.create(titel="Nieuwsbrief van april", slug="april", intro="Dag.")
    wachtend = Verzending.objects.create(editie=volgende, abonnee=abonnee)
    mail.outbox.clear()
    return {
        "vroeger": vroeger,
        "later": later,
        "vraag": vraag,
        "abonnee": abonnee,
        "verzendingen": [verstuurd, wachtend],
        "moment_voorbij": voorbij,
    }


def _regels(actie):
    return LogEntry.objects.filter(additional_data__persoonsgegevens=actie)


# --- Finding ---------------------------------------------------------------------------------


def test_vindt_inschrijvingen_vragen_en_abonnement_van_het_adres(coordinator_client, an):
    response = coordinator_client.post(PAGINA, {"email": f"  {AN.upper()} "})

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Babymassage" in inhoud
    assert "Peuterturnen" in inhoud
    assert "Waar kan ik terecht voor een consultatie?" in inhoud
    assert "Nieuwsbrief van maart" in inhoud
    assert "We spreken Pools." in inhoud
    assert "8 maanden, 4 jaar" in inhoud
    assert "Bo Janssens" not in inhoud
    assert "speelotheek" not in inhoud
    gevonden = response.context["gevonden"]
    assert gevonden.aantallen() == {"inschrijvingen": 2, "vragen": 1, "abonnementen": 1}


def test_zoeken_kijkt_niet_naar_hoofdletters_en_spaties(an):
    gevonden = persoonsgegevens.zoek(f"\t{AN.swapcase()}  ")

    assert {i.pk for i in gevonden.inschrijvingen} == {an["vroeger"].pk, an["later"].pk}
    assert [v.pk for v in gevonden.vragen] == [an["vraag"].pk]
    assert [a.pk for a in gevonden.abonnees] == [an["abonnee"].pk]


@pytest.mark.parametrize("ander", ["peeters@example.org", "an_peeters@example.org", "%@%"])
def test_zoeken_vindt_geen_ander_adres_dat_er_op_lijkt(an, ander):
    gevonden = persoonsgegevens.zoek(ander)

    assert gevonden.leeg


def test_een_leeg_adres_wist_nooit_de_rijen_zonder_adres(coordinator, beerse):
    # A question with only a phone number has an empty address: "" must not match it.
    vraag_stellen(gemeente=beerse, naam="Cas", email="", telefoon="0470 00 00 00", vraag="?")

    with pytest.raises(ValueError):
        persoonsgegevens.wis(email="  ", door=coordinator)

    assert Vraag.objects.count() == 1


def test_niets_gevonden_zegt_het_duidelijk(coordinator_client, an):
    response = coordinator_client.post(PAGINA, {"email": "niemand@example.org"})

    inhoud = response.content.decode()
    assert "Niets gevonden voor “niemand@example.org”" in inhoud
    assert "Exporteren" not in inhoud
    assert "Alles wissen" not in inhoud


@pytest.mark.parametrize(
    ("invoer", "fout"),
    [
        ("geen-adres", "Dit is geen geldig e-mailadres"),
        ("", "Vul het e-mailadres van de inwoner in."),
        ("a@" + "b" * 260 + ".be", "hoogstens 254 tekens"),
    ],
)
def test_een_fout_adres_geeft_een_nederlandse_foutmelding(coordinator_client, invoer, fout):
    response = coordinator_client.post(PAGINA, {"email": invoer})

    assert response.status_code == 400
    assert fout in response.content.decode()
    assert not _regels("opgezocht").exists()


@pytest.mark.parametrize("url", [EXPORT, WISSEN])
def test_export_en_wissen_weigeren_een_fout_adres_met_een_foutmelding(coordinator_client, url):
    response = coordinator_client.post(url, {"email": "geen-adres", "bevestigd": "ja"})

    assert response.status_code == 400
    assert "Dit is geen geldig e-mailadres" in response.content.decode()
    assert not LogEntry.objects.filter(additional_data__has_key="persoonsgegevens").exists()


def test_het_adres_staat_in_geen_enkele_link_van_de_pagina(coordinator_client, an):
    response = coordinator_client.post(PAGINA, {"email": AN})

    inhoud = response.content.decode()
    assert AN in inhoud
    assert f"?email={AN}" not in inhoud
    for link in inhoud.split('href="')[1:]:
        assert AN not in link.split('"')[0]


@pytest.mark.parametrize("url", [PAGINA, EXPORT, WISSEN])
def test_het_adres_blijft_uit_de_foutrapporten(coordinator_client, an, url):
    response = coordinator_client.post(url, {"email": AN})

    # Django's error reports (mails to ADMINS) show these POST fields as stars.
    assert response.wsgi_request.sensitive_post_parameters == ("email",)


def test_zoeken_kent_alleen_post(coordinator_client, an):
    response = coordinator_client.get(PAGINA, {"email": AN})

    assert response.status_code == 200
    assert "gevonden" not in response.context
    assert not _regels("opgezocht").exists()


# --- Exporting -------------------------------------------------------------------------------


def test_export_is_json_met_wat_de_pagina_toont(coordinator_client, an):
    pagina = coordinator_client.post(PAGINA, {"email": AN})

    response = coordinator_client.post(EXPORT, {"email": AN})

    assert response.status_code == 200
    inhoud = json.loads(response.content.decode("utf-8"))
    assert inhoud["email"] == AN
    onderdelen = inhoud["onderdelen"]
    getoond = {o.sleutel: [r.als_json() for r in o.rijen] for o in pagina.context["onderdelen"]}
    assert {s: o["rijen"] for s, o in onderdelen.items()} == getoond
    inschrijvingen = onderdelen["inschrijvingen"]["rijen"]
    assert [r["activiteit"] for r in inschrijvingen] == ["Babymassage", "Peuterturnen"]
    assert inschrijvingen[0]["opmerking"] == "We spreken Pools."
    assert inschrijvingen[0]["leeftijden"] == "8 maanden, 4 jaar"
    assert onderdelen["vragen"]["rijen"][0]["vraag"] == "Waar kan ik terecht voor een consultatie?"
    assert onderdelen["nieuwsbrief"]["rijen"][0]["gemeenten"] == "Beerse"
    assert [r["nieuwsbrief"] for r in onderdelen["nieuwsbrief_verzendingen"]["rijen"]] == [
        "Nieuwsbrief van maart",
        "Nieuwsbrief van april",
    ]
    assert BO not in response.content.decode("utf-8")


def test_export_is_een_bestand_met_datum_dat_nergens_bewaard_wordt(coordinator_client, an):
    response = coordinator_client.post(EXPORT, {"email": AN})

    assert response["Content-Type"] == "application/json; charset=utf-8"
    vandaag = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="persoonsgegevens-{vandaag}.json"'
    )
    assert "no-store" in response["Cache-Control"]


def test_export_schrijft_utf8_zoals_het_is(coordinator_client, an):
    Vraag.objects.filter(pk=an["vraag"].pk).update(vraag="Ça va? Gdzie jest żłobek?")

    response = coordinator_client.post(EXPORT, {"email": AN})

    # Not \u-escaped: a resident reads the file in any text editor.
    assert "Ça va? Gdzie jest żłobek?".encode() in response.content


def test_export_kan_niet_met_get(coordinator_client, an):
    response = coordinator_client.get(EXPORT, {"email": AN})

    assert response.status_code == 405


# --- Erasing ---------------------------------------------------------------------------------


def test_wissen_vraagt_eerst_een_bevestiging_en_zegt_wat_er_gebeurt(coordinator_client, an):
    response = coordinator_client.post(WISSEN, {"email": AN})

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Ja, alles wissen" in inhoud
    assert "eerst geannuleerd" in inhoud
    assert "Peuterturnen" in inhoud
    assert "nog niet beantwoord" in inhoud
    an["later"].refresh_from_db()
    assert an["later"].status == Inschrijving.Status.BEVESTIGD
    assert an["later"].email == AN
    assert Vraag.objects.filter(pk=an["vraag"].pk).exists()
    assert Abonnee.objects.filter(pk=an["abonnee"].pk).exists()


def test_wissen_wist_de_persoonsgegevens_en_houdt_de_tellingen(coordinator_client, an, beerse):
    bereik_voor = list(
        Bereikcijfer.objects.filter(moment=an["moment_voorbij"]).values_list(
            "leeftijdsgroep", "ingeschreven"
        )
    )

    response = coordinator_client.post(WISSEN, {"email": AN, "bevestigd": "ja"})

    assert response.status_code == 302
    for inschrijving in (an["vroeger"], an["later"]):
        inschrijving.refresh_from_db()
        assert inschrijving.is_gewist
        assert (inschrijving.naam, inschrijving.email, inschrijving.telefoon) == ("", "", "")
        assert (inschrijving.opmerking, inschrijving.leeftijden) == ("", [])
        assert (inschrijving.volwassenen, inschrijving.kinderen) == (1, 2)
        assert inschrijving.woonplaats == beerse
    assert an["vroeger"].status == Inschrijving.Status.BEVESTIGD
    bereik_na = list(
        Bereikcijfer.objects.filter(moment=an["moment_voorbij"]).values_list(
            "leeftijdsgroep", "ingeschreven"
        )
    )
    assert bereik_na == bereik_voor
    assert not Vraag.objects.filter(pk=an["vraag"].pk).exists()
    assert not Abonnee.objects.filter(pk=an["abonnee"].pk).exists()
    # The deliveries stay as anonymous counts of their edition.
    assert Verzending.objects.filter(pk__in=[v.pk for v in an["verzendingen"]]).count() == 2
    assert not Verzending.objects.filter(abonnee__isnull=False).exists()
    assert persoonsgegevens.zoek(AN).leeg
    # Bo's data is untouched.
    assert Inschrijving.objects.filter(email=BO, gewist_op__isnull=True).count() == 1
    assert Vraag.objects.filter(email=BO).count() == 1


def test_wissen_annuleert_een_komende_inschrijving_en_de_wachtlijst_schuift_door(
    coordinator, beerse
):
    moment = _moment("Babyzwemmen", dagen=7, capaciteit=1)
    eigen = _inschrijving(moment, AN, "An Peeters", woonplaats=beerse)
    wachtend = _inschrijving(moment, BO, "Bo Janssens", woonplaats=beerse, wachtlijst=True)
    assert wachtend.status == Inschrijving.Status.WACHTLIJST
    mail.outbox.clear()

    gewist = persoonsgegevens.wis(email=AN, door=coordinator)

    eigen.refresh_from_db()
    wachtend.refresh_from_db()
    assert eigen.status == Inschrijving.Status.GEANNULEERD
    assert eigen.is_gewist
    assert wachtend.status == Inschrijving.Status.BEVESTIGD
    assert [m.to for m in mail.outbox] == [[BO]]
    assert (gewist.inschrijvingen, gewist.geannuleerd, gewist.doorgeschoven) == (1, 1, 1)
    # The freed seat left the reach, the promoted family's people came in.
    assert (
        sum(Bereikcijfer.objects.filter(moment=moment).values_list("ingeschreven", flat=True)) == 3
    )


def test_na_het_wissen_toont_de_pagina_eenmaal_de_aantallen(coordinator_client, an):
    response = coordinator_client.post(WISSEN, {"email": AN, "bevestigd": "ja"}, follow=True)

    inhoud = response.content.decode()
    assert "Persoonsgegevens van 2 inschrijvingen gewist." in inhoud
    assert "1 inschrijving voor een komend moment werd eerst geannuleerd." in inhoud
    assert "1 vraag verwijderd." in inhoud
    assert "1 abonnement op de nieuwsbrief verwijderd." in inhoud
    assert AN not in inhoud
    assert AN not in json.dumps(dict(coordinator_client.session.items()))
    assert "Gewist" not in coordinator_client.get(PAGINA).content.decode()
    assert SESSIE_GEWIST not in coordinator_client.session


def test_wissen_gebeurt_helemaal_of_helemaal_niet(coordinator, an, monkeypatch):
    def kapot(**kwargs):
        raise RuntimeError("de databank viel weg")

    monkeypatch.setattr(persoonsgegevens, "uitschrijven", kapot)

    with pytest.raises(RuntimeError):
        persoonsgegevens.wis(email=AN, door=coordinator)

    an["later"].refresh_from_db()
    assert an["later"].email == AN.lower()
    assert an["later"].status == Inschrijving.Status.BEVESTIGD
    assert Vraag.objects.filter(pk=an["vraag"].pk).exists()
    assert not _regels("gewist").exists()


def test_wissen_laat_geen_persoonsgegevens_achter_in_de_logboeken(coordinator_client, an):
    coordinator_client.post(PAGINA, {"email": AN})
    coordinator_client.post(EXPORT, {"email": AN})

    coordinator_client.post(WISSEN, {"email": AN, "bevestigd": "ja"})

    sporen = [AN, AN.split("@")[0], "Peeters", "0470 12 34 56", "Pools", "consultatie"]
    for regel in LogEntry.objects.all():
        tekst = json.dumps(
            [
                regel.object_repr,
                regel.changes,
                regel.changes_text,
                regel.additional_data,
                regel.serialized_data,
            ],
            ensure_ascii=False,
        ).lower()
        for spoor in sporen:
            assert spoor.lower() not in tekst, (spoor, regel.object_repr)
    for regel in AdminLogEntry.objects.all():
        assert "peeters" not in f"{regel.object_repr} {regel.change_message}".lower()


# --- The audit trail -------------------------------------------------------------------------


def test_elke_stap_schrijft_een_auditregel_met_wie_wanneer_en_hoeveel(
    coordinator_client, coordinator, an
):
    voor = timezone.now()

    coordinator_client.post(PAGINA, {"email": AN})
    coordinator_client.post(EXPORT, {"email": AN})
    coordinator_client.post(WISSEN, {"email": AN})  # the confirmation page: no entry
    coordinator_client.post(WISSEN, {"email": AN, "bevestigd": "ja"})

    kenmerk = persoonsgegevens.kenmerk(AN)
    regels = LogEntry.objects.filter(additional_data__kenmerk=kenmerk).order_by("pk")
    assert [r.additional_data["persoonsgegevens"] for r in regels] == [
        "opgezocht",
        "geëxporteerd",
        "gewist",
    ]
    assert [r.action for r in regels] == [
        LogEntry.Action.ACCESS,
        LogEntry.Action.ACCESS,
        LogEntry.Action.DELETE,
    ]
    for regel in regels:
        assert regel.actor == coordinator
        assert regel.timestamp >= voor
        assert kenmerk in regel.object_repr
        assert "2 inschrijvingen, 1 vraag, 1 abonnement" in regel.object_repr
    gewist = regels.last()
    assert gewist.changes == {"inschrijvingen": [2, 0], "vragen": [1, 0], "abonnementen": [1, 0]}
    assert gewist.additional_data["aantallen"] == {
        "inschrijvingen": 2,
        "vragen": 1,
        "abonnementen": 1,
        "geannuleerd": 1,
        "doorgeschoven": 0,
        "verzendingen": 2,
    }


def test_het_kenmerk_is_een_sleutelhash_en_geen_gewone_hash_van_het_adres(settings):
    kenmerk = persoonsgegevens.kenmerk(AN)

    assert kenmerk == persoonsgegevens.kenmerk(f" {AN.upper()} ")
    assert kenmerk not in hashlib.sha256(AN.encode()).hexdigest()
    settings.SECRET_KEY = "een-andere-sleutel-" * 3
    assert persoonsgegevens.kenmerk(AN) != kenmerk


def test_de_auditregel_staat_leesbaar_in_het_auditlog_van_het_beheer(coordinator_client, an):
    coordinator_client.post(PAGINA, {"email": AN})
    kenmerk = persoonsgegevens.kenmerk(AN)

    response = coordinator_client.get(reverse("admin:auditlog_logentry_changelist"), {"q": kenmerk})

    assert response.status_code == 200
    assert f"Persoonsgegevens opgezocht van inwoner {kenmerk}" in response.content.decode()
    regel = _regels("opgezocht").get()
    detail = coordinator_client.get(reverse("admin:auditlog_logentry_change", args=[regel.pk]))
    assert detail.status_code == 200


# --- Who gets in -----------------------------------------------------------------------------


@pytest.fixture
def gebruikers(beerse):
    medewerker = GebruikerFactory(rol="medewerker")
    medewerker.gemeenten.add(beerse)
    return {
        "medewerker": medewerker,
        "partner": GebruikerFactory(rol="partner", partner=PartnerFactory(naam="CAW De Kempen")),
        "zonder_rol": GebruikerFactory(is_staff=True),
    }


@pytest.mark.parametrize("rol", ["medewerker", "partner", "zonder_rol"])
@pytest.mark.parametrize(
    ("methode", "url", "gegevens"),
    [
        ("get", PAGINA, {}),
        ("post", PAGINA, {"email": AN}),
        ("post", EXPORT, {"email": AN}),
        ("post", WISSEN, {"email": AN, "bevestigd": "ja"}),
    ],
)
def test_alleen_de_coordinator_komt_binnen(client, gebruikers, an, rol, methode, url, gegevens):
    client.force_login(gebruikers[rol])

    response = getattr(client, methode)(url, gegevens)

    assert response.status_code == 403
    assert not LogEntry.objects.filter(additional_data__has_key="persoonsgegevens").exists()
    an["later"].refresh_from_db()
    assert not an["later"].is_gewist


@pytest.mark.parametrize("url", [PAGINA, EXPORT, WISSEN])
def test_wie_niet_aangemeld_is_gaat_naar_de_aanmelding(client, an, url):
    response = client.post(url, {"email": AN, "bevestigd": "ja"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    an["later"].refresh_from_db()
    assert not an["later"].is_gewist


def test_een_mandataris_gaat_naar_de_aanmelding(client, beerse):
    client.force_login(GebruikerFactory(rol="mandataris"))

    response = client.get(PAGINA)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", [PAGINA, EXPORT, WISSEN])
def test_elke_post_vraagt_het_csrf_token(coordinator, an, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)

    response = client.post(url, {"email": AN, "bevestigd": "ja"})

    assert response.status_code == 403
    assert not LogEntry.objects.filter(additional_data__has_key="persoonsgegevens").exists()
    an["later"].refresh_from_db()
    assert not an["later"].is_gewist


def test_de_pagina_staat_in_het_overzicht_van_het_beheer_voor_de_coordinator(
    coordinator_client, client, gebruikers
):
    assert f'href="{PAGINA}"' in coordinator_client.get(reverse("admin:index")).content.decode()

    client.force_login(gebruikers["medewerker"])
    assert f'href="{PAGINA}"' not in client.get(reverse("admin:index")).content.decode()


# --- Queries ---------------------------------------------------------------------------------


def _gegevens_van(email, aantal, gemeente):
    for n in range(aantal):
        moment = _moment(f"Activiteit {email} {n}", dagen=10 + n)
        _inschrijving(moment, email, f"Gezin {n}", woonplaats=gemeente)
        vraag_stellen(gemeente=gemeente, naam=f"Ouder {n}", email=email, telefoon="", vraag="?")
    abonnee = _abonnee(email, [gemeente])
    for n in range(aantal):
        editie = Editie.objects.create(
            titel=f"Editie {email} {n}", slug=f"e-{n}-{aantal}", intro="."
        )
        Verzending.objects.create(editie=editie, abonnee=abonnee)


def _warm(client):
    """The session is started and the content type of the audit entries is cached, as on any
    request but the first."""
    client.get(PAGINA)
    ContentType.objects.get_for_model(LogEntry)


@pytest.mark.parametrize("aantal", [1, 3])
def test_opzoeken_doet_evenveel_queries_voor_een_of_drie_rijen(
    coordinator_client, beerse, django_assert_num_queries, aantal
):
    _gegevens_van(AN, aantal, beerse)
    _warm(coordinator_client)

    with django_assert_num_queries(11):
        response = coordinator_client.post(PAGINA, {"email": AN})

    assert len(response.context["gevonden"].inschrijvingen) == aantal


@pytest.mark.parametrize("aantal", [1, 3])
def test_exporteren_doet_evenveel_queries_voor_een_of_drie_rijen(
    coordinator_client, beerse, django_assert_num_queries, aantal
):
    _gegevens_van(AN, aantal, beerse)
    _warm(coordinator_client)

    with django_assert_num_queries(11):
        response = coordinator_client.post(EXPORT, {"email": AN})

    rijen = json.loads(response.content)["onderdelen"]["inschrijvingen"]["rijen"]
    assert len(rijen) == aantal

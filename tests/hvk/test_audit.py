"""The audit trail: who changed what, when, from what to what; for coordinators, read-only."""

import datetime as dt
import json
from io import StringIO

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from communicatie.models import Vraag
from communicatie.services import vraag_stellen
from locaties.models import Locatie
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    GemeenteFactory,
    LocatieFactory,
)
from tests.locaties.test_admin import locatie_gegevens

pytestmark = pytest.mark.django_db

LOCATIE_TOEVOEGEN = reverse("admin:locaties_locatie_add")
AUDIT_LIJST = reverse("admin:auditlog_logentry_changelist")


@pytest.fixture
def beerse():
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def regels_over(obj_of_model, **filters):
    soort = ContentType.objects.get_for_model(obj_of_model)
    regels = LogEntry.objects.filter(content_type=soort, **filters)
    if not isinstance(obj_of_model, type):
        regels = regels.filter(object_id=obj_of_model.pk)
    return regels


def locatie_via_het_beheer(client, gemeente, **anders):
    response = client.post(LOCATIE_TOEVOEGEN, locatie_gegevens(gemeente, **anders))
    assert response.status_code == 302
    return Locatie.objects.get(slug=anders.get("slug", "huis-beerse"))


# --- Create, change, delete in the admin ----------------------------------------------------


def test_locatie_toevoegen_in_het_beheer_schrijft_wie_wanneer_wat(
    coordinator_client, coordinator, beerse
):
    voor = timezone.now()

    locatie = locatie_via_het_beheer(coordinator_client, beerse)

    regel = regels_over(locatie).get()
    assert regel.action == LogEntry.Action.CREATE
    assert regel.actor == coordinator
    assert regel.object_repr == "Huis van het Kind Beerse"
    assert regel.timestamp >= voor
    assert regel.changes["naam"] == [None, "Huis van het Kind Beerse"]
    assert regel.remote_addr is None


def test_locatie_wijzigen_in_het_beheer_schrijft_de_velden_van_oud_naar_nieuw(
    coordinator_client, coordinator, beerse
):
    locatie = locatie_via_het_beheer(coordinator_client, beerse)

    response = coordinator_client.post(
        reverse("admin:locaties_locatie_change", args=[locatie.pk]),
        locatie_gegevens(beerse, naam="Huis van het Kind Beerse-Centrum", straat="Markt 1"),
    )

    assert response.status_code == 302
    regel = regels_over(locatie, action=LogEntry.Action.UPDATE).get()
    assert regel.actor == coordinator
    assert regel.changes == {
        "naam": ["Huis van het Kind Beerse", "Huis van het Kind Beerse-Centrum"],
        "straat": ["Bisschopslaan 42", "Markt 1"],
    }


def test_locatie_verwijderen_in_het_beheer_schrijft_wie_wat_verwijderde(
    coordinator_client, coordinator, beerse
):
    locatie = LocatieFactory(naam="Antenne Vosselaar", gemeente=beerse)

    response = coordinator_client.post(
        reverse("admin:locaties_locatie_delete", args=[locatie.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Locatie.objects.filter(pk=locatie.pk).exists()
    regel = regels_over(locatie, action=LogEntry.Action.DELETE).get()
    assert regel.actor == coordinator
    assert regel.object_repr == "Antenne Vosselaar"
    assert regel.changes["naam"] == ["Antenne Vosselaar", None]


def test_wijziging_buiten_een_verzoek_staat_in_het_log_zonder_persoon(beerse):
    locatie = LocatieFactory(naam="Oud", gemeente=beerse)

    locatie.naam = "Nieuw"
    locatie.save()

    regel = regels_over(locatie, action=LogEntry.Action.UPDATE).get()
    assert regel.actor is None
    assert regel.changes == {"naam": ["Oud", "Nieuw"]}


def test_lokale_versies_uit_het_beheer_staan_op_naam_van_de_coordinator(
    coordinator_client, coordinator, beerse
):
    generiek = ActiviteitFactory(titel="Voorleesuurtje")

    coordinator_client.post(
        reverse("admin:aanbod_activiteit_changelist"),
        {
            "action": "lokale_versies_actie",
            "_selected_action": [generiek.pk],
            "toepassen": "ja",
            "gemeenten": [beerse.pk],
        },
    )

    versie = generiek.lokale_versies.get()
    regels = regels_over(versie)
    assert {regel.actor for regel in regels} == {coordinator}
    assert regels.get(action=LogEntry.Action.CREATE).changes["titel"] == [
        None,
        "Voorleesuurtje (Beerse)",
    ]
    gemeenten = regels.get(changes__has_key="gemeenten").changes["gemeenten"]
    assert (gemeenten["operation"], gemeenten["objects"]) == ("add", ["Beerse"])


def test_een_actor_kan_ook_buiten_een_verzoek_gezet_worden(coordinator, beerse):
    # What a management command does when a person should stand on its changes.
    with set_actor(coordinator):
        activiteit = ActiviteitFactory(titel="Babymassage")

    assert regels_over(activiteit).get().actor == coordinator


# --- Secrets and residents' personal data ---------------------------------------------------


def test_nieuw_wachtwoord_staat_gemaskeerd_in_het_log(coordinator_client, coordinator):
    medewerker = GebruikerFactory(email="an@beerse.example")

    response = coordinator_client.post(
        reverse("admin:auth_user_password_change", args=[medewerker.pk]),
        {"password1": "Zomer-in-de-Kempen-2030", "password2": "Zomer-in-de-Kempen-2030"},
    )

    assert response.status_code == 302
    medewerker.refresh_from_db()
    regel = regels_over(medewerker, action=LogEntry.Action.UPDATE).get()
    assert regel.actor == coordinator
    oud, nieuw = regel.changes["password"]
    algoritme = medewerker.password[:6]
    assert nieuw == algoritme + "*" * (len(medewerker.password) - 6)
    assert set(oud[6:]) == {"*"}
    opgeslagen = json.dumps(regel.changes)
    assert medewerker.password not in opgeslagen
    assert medewerker.password.split("$")[-1] not in opgeslagen


def test_tweede_factor_staat_in_het_log_zonder_geheim():
    geheim = generate_totp_secret()
    medewerker = GebruikerFactory(rol="medewerker", authenticator_app=False)

    authenticator = TOTP.activate(medewerker, geheim).instance

    regel = regels_over(authenticator).get()
    assert regel.action == LogEntry.Action.CREATE
    assert regel.changes["type"] == [None, "totp"]
    assert geheim not in json.dumps(regel.changes)


def test_login_schrijft_geen_regel(client):
    GebruikerFactory(email="an@beerse.example")

    assert client.login(email="an@beerse.example", password="een-goed-wachtwoord")

    assert not LogEntry.objects.filter(changes__has_key="last_login").exists()


def test_vraag_van_een_inwoner_laat_geen_persoonsgegevens_in_het_log(beerse):
    vraag = vraag_stellen(
        gemeente=beerse,
        naam="Fatima El Amrani",
        email="fatima@example.org",
        telefoon="0470 12 34 56",
        vraag="Waar kan ik mijn baby laten wegen?",
    )
    vraag.status = Vraag.Status.BEANTWOORD
    vraag.save()

    regels = regels_over(vraag)
    assert regels.count() == 2
    opgeslagen = json.dumps([regel.changes for regel in regels])
    for persoonsgegeven in ("Fatima", "fatima@example.org", "0470 12 34 56", "baby"):
        assert persoonsgegeven not in opgeslagen
    assert not {"naam", "email", "telefoon", "vraag"} & {
        veld for regel in regels for veld in regel.changes
    }
    assert regels.get(action=LogEntry.Action.UPDATE).changes == {"status": ["nieuw", "beantwoord"]}


def test_vraag_in_het_beheer_logt_de_status_maar_geen_verbeterd_adres(
    coordinator_client, coordinator, beerse
):
    vraag = Vraag.objects.create(
        gemeente=beerse, naam="Fatima", email="fatima@exmaple.org", vraag="Waar is het?"
    )

    response = coordinator_client.post(
        reverse("admin:communicatie_vraag_change", args=[vraag.pk]),
        {
            "gemeente": beerse.pk,
            "naam": "Fatima",
            "email": "fatima@example.org",
            "telefoon": "",
            "status": "in_behandeling",
        },
    )

    assert response.status_code == 302
    regel = regels_over(vraag, action=LogEntry.Action.UPDATE).get()
    assert regel.actor == coordinator
    assert regel.changes == {"status": ["nieuw", "in_behandeling"]}


def test_opruimen_wist_de_regels_van_een_gewiste_vraag(beerse):
    # The entry's label names the resident, so it may not outlive the question.
    gewist = Vraag.objects.create(gemeente=beerse, naam="Fatima", telefoon="0470", vraag="?")
    blijft = Vraag.objects.create(gemeente=beerse, naam="Jan", telefoon="0471", vraag="?")
    gewist.delete()
    assert regels_over(Vraag).filter(object_repr__contains="Fatima").count() == 2

    call_command("audit_opruimen", stdout=StringIO())

    assert not regels_over(Vraag).filter(object_repr__contains="Fatima").exists()
    assert regels_over(blijft).count() == 1


# --- Retention ------------------------------------------------------------------------------


def test_opruimen_wist_alleen_regels_ouder_dan_de_bewaartermijn(beerse, settings):
    settings.HVK_AUDIT_BEWAARTERMIJN_DAGEN = 730
    oud = LocatieFactory(naam="Oud", gemeente=beerse)
    recent = LocatieFactory(naam="Recent", gemeente=beerse)
    regels_over(oud).update(timestamp=timezone.now() - dt.timedelta(days=731))
    regels_over(recent).update(timestamp=timezone.now() - dt.timedelta(days=729))
    uitvoer = StringIO()

    call_command("audit_opruimen", stdout=uitvoer)

    assert not regels_over(oud).exists()
    assert regels_over(recent).count() == 1
    assert "1 regels van het auditlog gewist (ouder dan 730 dagen)." in uitvoer.getvalue()


# --- The admin ------------------------------------------------------------------------------


def test_coordinator_ziet_het_log_in_het_nederlands(coordinator_client, coordinator, beerse):
    locatie_via_het_beheer(coordinator_client, beerse)

    response = coordinator_client.get(AUDIT_LIJST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Locatie: <a href=" in html
    assert "Huis van het Kind Beerse" in html
    assert "aangemaakt" in html
    assert str(coordinator) in html
    for kolom in ("Tijdstip", "Actie", "Object", "Gewijzigde velden", "Door"):
        assert kolom in html


def test_coordinator_zoekt_op_object_en_op_persoon(coordinator_client, beerse):
    an = GebruikerFactory(email="an@beerse.example", rol="medewerker")
    LocatieFactory(naam="Antenne Vosselaar", gemeente=beerse)
    with set_actor(an):
        LocatieFactory(naam="Consultatiebureau", gemeente=beerse)

    op_object = coordinator_client.get(AUDIT_LIJST, {"q": "Vosselaar"})
    op_persoon = coordinator_client.get(AUDIT_LIJST, {"q": "an@beerse"})

    assert [r.object_repr for r in op_object.context["cl"].result_list] == ["Antenne Vosselaar"]
    # The person's own account matches too: their address is its name.
    assert [r.object_repr for r in op_persoon.context["cl"].result_list] == [
        "Consultatiebureau",
        "an@beerse.example",
    ]


def test_coordinator_filtert_op_soort_en_actie(coordinator_client, beerse):
    locatie = LocatieFactory(naam="Oud", gemeente=beerse)
    locatie.naam = "Nieuw"
    locatie.save()

    response = coordinator_client.get(
        AUDIT_LIJST,
        {
            "soort": ContentType.objects.get_for_model(Locatie).pk,
            "actie": LogEntry.Action.UPDATE,
        },
    )

    assert [r.object_repr for r in response.context["cl"].result_list] == ["Nieuw"]


def test_detail_toont_de_wijziging_van_oud_naar_nieuw(coordinator_client, beerse):
    locatie = LocatieFactory(naam="Oud", gemeente=beerse, rolstoeltoegankelijk=None)
    locatie.naam = "Nieuw"
    locatie.rolstoeltoegankelijk = True
    locatie.save()
    regel = regels_over(locatie, action=LogEntry.Action.UPDATE).get()

    response = coordinator_client.get(reverse("admin:auditlog_logentry_change", args=[regel.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<td>Naam</td><td>Oud</td><td>Nieuw</td>" in html
    assert "<td>(leeg)</td><td>ja</td>" in html
    assert "het systeem (geen ingelogde persoon)" in html
    assert 'name="_save"' not in html


@pytest.mark.parametrize("aantal", [1, 3])
def test_loglijst_doet_evenveel_queries_voor_1_of_3_regels(
    coordinator_client, django_assert_num_queries, beerse, aantal
):
    for _ in range(aantal):
        LocatieFactory(gemeente=beerse)
    regels = LogEntry.objects.count()

    with django_assert_num_queries(9):
        response = coordinator_client.get(AUDIT_LIJST)

    assert response.context["cl"].result_count == regels


def test_niemand_voegt_toe_wijzigt_of_wist_in_het_log(coordinator_client, beerse):
    LocatieFactory(gemeente=beerse)
    regel = LogEntry.objects.first()
    wijzigen = reverse("admin:auditlog_logentry_change", args=[regel.pk])

    toevoegen = coordinator_client.get(reverse("admin:auditlog_logentry_add"))
    bewaren = coordinator_client.post(wijzigen, {"object_repr": "vervalst"})
    wissen = coordinator_client.post(
        reverse("admin:auditlog_logentry_delete", args=[regel.pk]), {"post": "yes"}
    )
    lijst_wissen = coordinator_client.post(
        AUDIT_LIJST, {"action": "delete_selected", "_selected_action": [regel.pk], "post": "yes"}
    )

    assert (toevoegen.status_code, bewaren.status_code, wissen.status_code) == (403, 403, 403)
    assert lijst_wissen.status_code in (200, 302)
    regel.refresh_from_db()
    assert regel.object_repr != "vervalst"


@pytest.mark.parametrize(
    ("rol", "status"), [("medewerker", 403), ("partner", 403), ("mandataris", 302)]
)
def test_alleen_coordinatoren_zien_het_log(client, rol, status):
    client.force_login(GebruikerFactory(rol=rol))

    response = client.get(AUDIT_LIJST)

    assert response.status_code == status  # a mandataris goes to the admin's login page


# --- Bulk writes of services -----------------------------------------------------------------


def test_uitrollen_van_een_herhaling_staat_op_naam_van_wie_de_regel_bewaarde(coordinator):
    from aanbod.models import Moment
    from aanbod.services import momenten_uitrollen
    from tests.factories import InschrijvingFactory, ReeksFactory

    reeks = ReeksFactory(geldig_van=timezone.localdate() + dt.timedelta(days=1))
    with set_actor(coordinator):
        momenten_uitrollen(reeksen=[reeks], tot=timezone.localdate() + dt.timedelta(days=21))
    momenten = list(Moment.objects.filter(reeks=reeks).order_by("begin"))
    InschrijvingFactory(moment=momenten[-1])
    reeks.begintijd = dt.time(10)
    reeks.geldig_tot = momenten[-1].begin.date() - dt.timedelta(days=1)
    reeks.save()
    with set_actor(coordinator):
        momenten_uitrollen(reeksen=[reeks], tot=timezone.localdate() + dt.timedelta(days=21))

    gemaakt = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Moment), action=LogEntry.Action.CREATE
    )
    gewijzigd = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Moment), action=LogEntry.Action.UPDATE
    )
    assert gemaakt.count() == len(momenten)
    assert {regel.actor for regel in gemaakt} == {coordinator}
    # The earlier moments moved to 10:00; the last one (with a registration) was cancelled.
    assert gewijzigd.count() == len(momenten)
    assert any("geannuleerd" in regel.changes_dict for regel in gewijzigd)
    assert all(regel.actor == coordinator for regel in gewijzigd)

"""Importing in the admin: upload, the background task, progress and report; bad files refused."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aanbod.models import Activiteit
from tests.factories import GebruikerFactory, PartnerFactory
from tests.uitdatabank.conftest import UIT_ID, uit_event
from uitdatabank.models import UitImport

pytestmark = pytest.mark.django_db

TOEVOEGEN = reverse("admin:uitdatabank_uitimport_add")


def upload(inhoud, naam="events.jsonld"):
    if not isinstance(inhoud, bytes):
        inhoud = json.dumps(inhoud).encode()
    return SimpleUploadedFile(naam, inhoud, content_type="application/ld+json")


def formulierfouten(response) -> str:
    return " ".join(
        str(e) for fouten in response.context["adminform"].form.errors.values() for e in fouten
    )


def test_opladen_start_de_import_en_de_pagina_toont_het_verslag(
    coordinator_client, coordinator, turnhout, django_capture_on_commit_callbacks
):
    tweede = uit_event(**{"@id": UIT_ID.replace("0001", "0002")}, name=None)

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(TOEVOEGEN, {"bestand": upload([uit_event(), tweede])})

    uit_import = UitImport.objects.get()
    pagina_url = reverse("admin:uitdatabank_uitimport_change", args=[uit_import.pk])
    assert response.url == pagina_url
    assert (uit_import.status, uit_import.door, uit_import.bestandsnaam) == (
        "klaar",
        coordinator,
        "events.jsonld",
    )
    assert (uit_import.totaal, uit_import.verwerkt, uit_import.nieuw, uit_import.overgeslagen) == (
        2,
        2,
        1,
        1,
    )
    assert not uit_import.bestand  # read, then deleted; the report stays
    pagina = coordinator_client.get(pagina_url).content.decode()
    assert "1 aangemaakt, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen" in pagina
    assert "De naam (name) ontbreekt." in pagina
    activiteit = Activiteit.objects.get()
    assert reverse("admin:aanbod_activiteit_change", args=[activiteit.pk]) in pagina
    assert 'http-equiv="refresh"' not in pagina


def test_alleen_controleren_bewaart_geen_activiteiten(
    coordinator_client, turnhout, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(TOEVOEGEN, {"bestand": upload(uit_event()), "proef": "on"})

    uit_import = UitImport.objects.get()
    assert (uit_import.status, uit_import.nieuw) == ("klaar", 1)
    assert not Activiteit.objects.exists()


def test_een_lopende_import_ververst_zijn_pagina(coordinator_client):
    uit_import = UitImport.objects.create(
        bestandsnaam="groot.json", status=UitImport.Status.BEZIG, totaal=40, verwerkt=12
    )

    response = coordinator_client.get(
        reverse("admin:uitdatabank_uitimport_change", args=[uit_import.pk])
    )

    pagina = response.content.decode()
    assert response.status_code == 200
    assert '<meta http-equiv="refresh" content="3">' in pagina
    assert "Bezig: 12 van 40 events verwerkt." in pagina


@pytest.mark.parametrize(
    ("inhoud", "naam", "fout"),
    [
        (b'[{"@id": "x", "name": ', "kapot.json", "kapot.json is geen geldige JSON"),
        (b"\xff\xfe\x00\x81", "binair.json", "is geen tekst in UTF-8"),
        (b"42", "getal.json", "bevat geen event, geen lijst van events"),
        (b"[]", "leeg.json", "Dit bestand bevat geen events."),
        (b"<html></html>", "pagina.html", "Kies een .json- of .jsonld-bestand"),
        (b"", "niets.json", "leeg"),
    ],
)
def test_een_slecht_bestand_is_een_formulierfout_en_geen_500(
    coordinator_client, django_capture_on_commit_callbacks, inhoud, naam, fout
):
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(TOEVOEGEN, {"bestand": upload(inhoud, naam)})

    assert response.status_code == 200
    assert fout in formulierfouten(response)
    assert not UitImport.objects.exists()


def test_een_te_groot_bestand_wordt_geweigerd(coordinator_client, settings):
    settings.HVK_UIT_IMPORT_MAX_BYTES = 1024

    response = coordinator_client.post(TOEVOEGEN, {"bestand": upload(b" " * 2048 + b"[]")})

    assert response.status_code == 200
    assert "een import neemt hoogstens 0.0 MB per bestand" in formulierfouten(response)
    assert not UitImport.objects.exists()


@pytest.fixture
def medewerker(turnhout):
    gebruiker = GebruikerFactory(rol="medewerker", is_staff=True)
    gebruiker.gemeenten.add(turnhout)
    return gebruiker


@pytest.fixture
def partner(db):
    return GebruikerFactory(rol="partner", is_staff=True, partner=PartnerFactory())


@pytest.mark.parametrize("wie", ["medewerker", "partner"])
def test_alleen_de_coordinator_importeert(client, request, wie, turnhout):
    client.force_login(request.getfixturevalue(wie))

    pagina = client.get(TOEVOEGEN)
    response = client.post(TOEVOEGEN, {"bestand": upload(uit_event())})

    assert (pagina.status_code, response.status_code) == (403, 403)
    assert not UitImport.objects.exists()
    assert not Activiteit.objects.exists()


def test_een_medewerker_leest_de_verslagen_maar_wijzigt_ze_niet(client, medewerker):
    uit_import = UitImport.objects.create(bestandsnaam="a.json", status=UitImport.Status.KLAAR)
    client.force_login(medewerker)

    lijst = client.get(reverse("admin:uitdatabank_uitimport_changelist"))
    pagina = client.get(reverse("admin:uitdatabank_uitimport_change", args=[uit_import.pk]))
    wissen = client.post(
        reverse("admin:uitdatabank_uitimport_delete", args=[uit_import.pk]), {"post": "yes"}
    )

    assert (lijst.status_code, pagina.status_code, wissen.status_code) == (200, 200, 403)
    assert UitImport.objects.filter(pk=uit_import.pk).exists()

"""Bad input for the partnership in the admin gets a Dutch message and stores nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gemeenten.models import Afspraak, Inzet, Lid, Orgaan, Visienota
from tests.admin import fouten
from tests.factories import GemeenteFactory, PartnerFactory, ThemaFactory, VisienotaFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def beerse(db):
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def visienota_gegevens(gemeente, **anders):
    gegevens = {
        "gemeente": gemeente.pk,
        "periode_start": "2026-01-01",
        "periode_einde": "2031-12-31",
        "verwachtingen": "Een antenne in de gemeente.",
        "doelen": "Meer kwetsbare gezinnen bereiken.",
        "uren_per_jaar": "800",
        "budget_per_jaar": "15000",
    }
    gegevens.update(anders)
    return gegevens


def test_visienota_met_pdf_wordt_bewaard(coordinator_client, beerse):
    bestand = SimpleUploadedFile("visienota.pdf", PDF, content_type="application/pdf")

    response = coordinator_client.post(
        reverse("admin:gemeenten_visienota_add"),
        {**visienota_gegevens(beerse), "bestand": bestand},
    )

    assert response.status_code == 302
    assert Visienota.objects.get().bestand.name.endswith(".pdf")


def test_overlappende_periode_van_dezelfde_gemeente_wordt_geweigerd(coordinator_client, beerse):
    VisienotaFactory(
        gemeente=beerse,
        periode_start=datetime.date(2025, 1, 1),
        periode_einde=datetime.date(2030, 12, 31),
    )

    response = coordinator_client.post(
        reverse("admin:gemeenten_visienota_add"), visienota_gegevens(beerse)
    )

    assert "overlapt met de visienota van 01/01/2025 tot 31/12/2030" in fouten(response)
    assert Visienota.objects.count() == 1


def test_aansluitende_periode_is_toegestaan(coordinator_client, beerse):
    VisienotaFactory(
        gemeente=beerse,
        periode_start=datetime.date(2020, 1, 1),
        periode_einde=datetime.date(2025, 12, 31),
    )

    response = coordinator_client.post(
        reverse("admin:gemeenten_visienota_add"), visienota_gegevens(beerse)
    )

    assert response.status_code == 302
    assert Visienota.objects.count() == 2


def test_einde_voor_begin_wordt_geweigerd(coordinator_client, beerse):
    response = coordinator_client.post(
        reverse("admin:gemeenten_visienota_add"),
        visienota_gegevens(beerse, periode_einde="2025-06-30"),
    )

    assert "Het einde van de periode ligt vóór het begin." in fouten(response)
    assert not Visienota.objects.exists()


def test_negatieve_uren_in_de_visienota_worden_geweigerd(coordinator_client, beerse):
    response = coordinator_client.post(
        reverse("admin:gemeenten_visienota_add"), visienota_gegevens(beerse, uren_per_jaar="-5")
    )

    assert "minstens 0" in fouten(response)
    assert not Visienota.objects.exists()


def test_bijlage_van_20_mb_wordt_geweigerd(coordinator_client, beerse):
    groot = SimpleUploadedFile("visienota.pdf", PDF + b"0" * (20 * 1024 * 1024))

    response = coordinator_client.post(
        reverse("admin:gemeenten_visienota_add"), {**visienota_gegevens(beerse), "bestand": groot}
    )

    assert "het mag hoogstens 10,0 MB zijn" in fouten(response)
    assert not Visienota.objects.exists()


def test_bijlage_die_geen_pdf_is_wordt_geweigerd(coordinator_client, beerse):
    vermomd = SimpleUploadedFile("visienota.pdf", b"MZ\x90\x00 geen pdf")

    response = coordinator_client.post(
        reverse("admin:gemeenten_visienota_add"),
        {**visienota_gegevens(beerse), "bestand": vermomd},
    )

    assert "Dit bestand is geen PDF" in fouten(response)
    assert not Visienota.objects.exists()


def test_bijlage_met_een_andere_extensie_wordt_geweigerd(coordinator_client, beerse):
    word = SimpleUploadedFile("visienota.docx", PDF)

    response = coordinator_client.post(
        reverse("admin:gemeenten_visienota_add"), {**visienota_gegevens(beerse), "bestand": word}
    )

    assert "Alleen een PDF-bestand" in fouten(response)
    assert not Visienota.objects.exists()


@pytest.mark.parametrize(
    ("veld", "waarde", "boodschap"),
    [
        ("uren", "-3", "groter zijn dan 0"),
        ("uren", "0", "groter zijn dan 0"),
        ("maand", "13", "geen beschikbare keuze"),
        ("jaar", "1850", "minstens 2000"),
    ],
)
def test_ongeldige_inzet_wordt_geweigerd(coordinator_client, beerse, veld, waarde, boodschap):
    gegevens = {
        "persoon": "An Peeters",
        "gemeente": beerse.pk,
        "jaar": "2026",
        "maand": "3",
        "uren": "12",
        "omschrijving": "Spreekuur",
        veld: waarde,
    }

    response = coordinator_client.post(reverse("admin:gemeenten_inzet_add"), gegevens)

    assert boodschap in fouten(response)
    assert not Inzet.objects.exists()


def test_gedeeld_personeel_van_een_andere_gemeente_wordt_bewaard(coordinator_client, beerse):
    turnhout = GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")

    coordinator_client.post(
        reverse("admin:gemeenten_inzet_add"),
        {
            "persoon": "Sara Janssens",
            "werkgever": turnhout.pk,
            "gemeente": beerse.pk,
            "jaar": "2026",
            "maand": "3",
            "uren": "12.5",
            "omschrijving": "Communicatie",
        },
    )

    inzet = Inzet.objects.get()
    assert (inzet.werkgever, inzet.gemeente) == (turnhout, beerse)


def orgaan_gegevens(*leden, soort="stuurgroep", thema=""):
    gegevens = {
        "naam": "Stuurgroep",
        "soort": soort,
        "thema": thema,
        "opdracht": "",
        "leden-TOTAL_FORMS": str(len(leden)),
        "leden-INITIAL_FORMS": "0",
        "leden-MIN_NUM_FORMS": "0",
        "leden-MAX_NUM_FORMS": "1000",
    }
    for i, lid in enumerate(leden):
        for sleutel, waarde in {"rol": "lid", "van": "2025-01-01", **lid}.items():
            gegevens[f"leden-{i}-{sleutel}"] = waarde
    return gegevens


def test_orgaan_met_leden_wordt_bewaard(coordinator_client, beerse):
    partner = PartnerFactory(naam="CAW De Kempen")

    response = coordinator_client.post(
        reverse("admin:gemeenten_orgaan_add"),
        orgaan_gegevens(
            {"naam": "Schepen Jeugd", "gemeente": beerse.pk, "met_mandaat": "on"},
            {"naam": "Teamleider CAW", "partner": partner.pk},
        ),
    )

    assert response.status_code == 302
    assert Lid.objects.count() == 2


def test_lid_zonder_gemeente_of_partner_wordt_geweigerd(coordinator_client, beerse):
    response = coordinator_client.post(
        reverse("admin:gemeenten_orgaan_add"), orgaan_gegevens({"naam": "Iemand"})
    )

    assert "Kies de gemeente óf de partner" in fouten(response)
    assert not Orgaan.objects.exists()
    assert not Lid.objects.exists()


def test_lid_met_gemeente_en_partner_tegelijk_wordt_geweigerd(coordinator_client, beerse):
    partner = PartnerFactory()

    response = coordinator_client.post(
        reverse("admin:gemeenten_orgaan_add"),
        orgaan_gegevens({"naam": "Iemand", "gemeente": beerse.pk, "partner": partner.pk}),
    )

    assert "Kies de gemeente óf de partner" in fouten(response)
    assert not Lid.objects.exists()


def test_werkgroep_zonder_thema_wordt_geweigerd(coordinator_client, beerse):
    response = coordinator_client.post(
        reverse("admin:gemeenten_orgaan_add"), orgaan_gegevens(soort="werkgroep")
    )

    assert "Kies het thema van deze werkgroep." in fouten(response)
    assert not Orgaan.objects.exists()


def test_werkgroep_met_thema_wordt_bewaard(coordinator_client, beerse):
    thema = ThemaFactory(naam="Ontmoeting", slug="ontmoeting")

    coordinator_client.post(
        reverse("admin:gemeenten_orgaan_add"), orgaan_gegevens(soort="werkgroep", thema=thema.pk)
    )

    assert Orgaan.objects.get().thema == thema


def test_afspraak_over_registratie_vraagt_een_doel(coordinator_client, db):
    response = coordinator_client.post(
        reverse("admin:gemeenten_afspraak_add"),
        {"onderwerp": "registratie", "geldig_vanaf": "2026-01-01", "tekst": "We registreren."},
    )

    assert "Registratie vraagt een doel" in fouten(response)
    assert not Afspraak.objects.exists()


def test_afspraken_worden_geversioneerd_per_datum(coordinator_client, db):
    for datum, tekst in [("2024-01-01", "oud"), ("2026-01-01", "nieuw"), ("2099-01-01", "later")]:
        Afspraak.objects.create(
            onderwerp="toeleiding", geldig_vanaf=datetime.date.fromisoformat(datum), tekst=tekst
        )

    geldend = Afspraak.objects.geldend(datetime.date(2026, 6, 1)).first()
    response = coordinator_client.get(reverse("admin:gemeenten_afspraak_changelist"))

    assert geldend.tekst == "nieuw"
    assert response.status_code == 200
    assert response.content.decode().count('alt="True"') == 1


@pytest.mark.parametrize(
    "model",
    ["thema", "visienota", "inzet", "gemeenschappelijkevisie", "orgaan", "lid", "afspraak"],
)
def test_beheerlijst_en_formulier_openen(coordinator_client, beerse, model):
    assert coordinator_client.get(reverse(f"admin:gemeenten_{model}_changelist")).status_code == 200
    assert coordinator_client.get(reverse(f"admin:gemeenten_{model}_add")).status_code == 200

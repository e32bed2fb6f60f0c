"""A Gemeente as the coordinator enters it in the admin: bad input gets a Dutch message and
nothing is stored."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse

from gemeenten.models import Gemeente
from tests.factories import GemeenteFactory

TOEVOEGEN = reverse("admin:gemeenten_gemeente_add")


def geldige_gegevens(**anders):
    gegevens = {
        "naam": "Beerse",
        "slug": "beerse",
        "nis_code": "13004",
        "inwoners": "18700",
        "kinderen_0_3": "590",
        "kinderen_0_12": "2450",
        "bevolking_peiljaar": "2025",
        "kansarmoede_index": "11.2",
        "kansarmoede_jaar": "2024",
        "kleur": "#1d5c8f",
    }
    gegevens.update(anders)
    return gegevens


def fout_bij(response, veld):
    return " ".join(response.context["adminform"].form.errors.get(veld, []))


def test_geldige_gemeente_wordt_bewaard(coordinator_client):
    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens())

    assert response.status_code == 302
    gemeente = Gemeente.objects.get()
    assert gemeente.naam == "Beerse"
    assert gemeente.kansarmoede_index == Decimal("11.2")


@pytest.mark.parametrize(
    ("nis_code", "boodschap"),
    [
        ("1300", "precies 5 cijfers"),
        ("13O04", "precies 5 cijfers"),
        ("130044", "niet meer dan 5 tekens"),
        ("99999", "Er bestaat vandaag geen gemeente met NIS-code 99999"),
        ("57081", "buiten Vlaanderen"),
    ],
)
def test_ongeldige_nis_code_krijgt_nederlandse_uitleg_en_niets_wordt_bewaard(
    coordinator_client, nis_code, boodschap
):
    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens(nis_code=nis_code))

    assert response.status_code == 200
    assert boodschap in fout_bij(response, "nis_code")
    assert boodschap in response.content.decode()
    assert not Gemeente.objects.exists()


def test_gefusioneerde_gemeente_met_oude_code_wordt_geweigerd(coordinator_client):
    # Kruibeke (46013) merged into Beveren-Kruibeke-Zwijndrecht on 1 January 2025.
    response = coordinator_client.post(
        TOEVOEGEN, geldige_gegevens(nis_code="46013", naam="Kruibeke", slug="kruibeke")
    )

    assert "Gefusioneerde gemeenten kregen op 1 januari 2025 een nieuwe code" in fout_bij(
        response, "nis_code"
    )
    assert not Gemeente.objects.exists()


def test_naam_moet_bij_de_nis_code_horen(coordinator_client):
    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens(naam="Turnhout"))

    assert "heet de gemeente met NIS-code 13004 “Beerse”" in fout_bij(response, "naam")
    assert not Gemeente.objects.exists()


def test_nis_code_is_uniek(coordinator_client):
    GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse-oud")

    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens())

    assert "Er bestaat al een gemeente met deze NIS-code." in fout_bij(response, "nis_code")
    assert Gemeente.objects.count() == 1


@pytest.mark.parametrize(
    ("index", "boodschap"),
    [
        ("100.1", "hoogstens 100"),
        ("-0.5", "minstens 0"),
        ("12.34", "1 cijfer achter de komma"),
        ("veel", "Voer een getal in"),
    ],
)
def test_ongeldige_kansarmoede_index_krijgt_nederlandse_uitleg_en_niets_wordt_bewaard(
    coordinator_client, index, boodschap
):
    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens(kansarmoede_index=index))

    assert response.status_code == 200
    assert boodschap in fout_bij(response, "kansarmoede_index")
    assert not Gemeente.objects.exists()


def test_kansarmoede_index_zonder_jaar_wordt_geweigerd(coordinator_client):
    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens(kansarmoede_jaar=""))

    assert "samen in" in fout_bij(response, "kansarmoede_jaar")
    assert not Gemeente.objects.exists()


def test_meer_jonge_kinderen_dan_kinderen_wordt_geweigerd(coordinator_client):
    response = coordinator_client.post(
        TOEVOEGEN, geldige_gegevens(kinderen_0_3="3000", kinderen_0_12="2450")
    )

    assert "niet meer kinderen van 0-3 jaar" in fout_bij(response, "kinderen_0_3")
    assert not Gemeente.objects.exists()


def test_meer_kinderen_dan_inwoners_wordt_geweigerd(coordinator_client):
    response = coordinator_client.post(
        TOEVOEGEN, geldige_gegevens(inwoners="2000", kinderen_0_12="2450")
    )

    assert "niet meer kinderen zijn dan inwoners" in fout_bij(response, "kinderen_0_12")
    assert not Gemeente.objects.exists()


def test_webadres_van_de_site_zelf_kan_geen_gemeente_zijn(coordinator_client):
    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens(slug="aanbod"))

    assert "vast deel van de website" in fout_bij(response, "slug")
    assert not Gemeente.objects.exists()


def test_te_lichte_kleur_wordt_geweigerd_omdat_witte_tekst_onleesbaar_wordt(coordinator_client):
    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens(kleur="#ffdd00"))

    assert "kies een donkerdere kleur" in fout_bij(response, "kleur")
    assert not Gemeente.objects.exists()


def test_te_groot_logo_wordt_geweigerd(coordinator_client, settings):
    settings.HVK_MAX_AFBEELDING_BYTES = 1024
    logo = SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * 4096, content_type="image/png")

    response = coordinator_client.post(TOEVOEGEN, {**geldige_gegevens(), "logo": logo})

    assert response.status_code == 200
    assert fout_bij(response, "logo")
    assert not Gemeente.objects.exists()


@pytest.mark.django_db
def test_database_weigert_kansarmoede_boven_100_ook_buiten_het_formulier():
    with pytest.raises(IntegrityError):
        GemeenteFactory(kansarmoede_index="100.5")


@pytest.mark.django_db
def test_database_weigert_nis_code_die_geen_5_cijfers_is():
    with pytest.raises(IntegrityError):
        GemeenteFactory(nis_code="1304a", naam="Fout")


@pytest.mark.django_db
def test_full_clean_aanvaardt_een_echte_vlaamse_gemeente():
    gemeente = GemeenteFactory.build(naam="Schoten", nis_code="11040", slug="schoten")

    gemeente.full_clean()


@pytest.mark.django_db
def test_full_clean_weigert_onbekende_nis_code():
    gemeente = GemeenteFactory.build(naam="Nergens", nis_code="00000", slug="nergens")

    with pytest.raises(ValidationError) as fout:
        gemeente.full_clean()

    assert "nis_code" in fout.value.message_dict


def test_gemeentelijst_in_beheer_toont_en_zoekt(coordinator_client):
    GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")

    response = coordinator_client.get(
        reverse("admin:gemeenten_gemeente_changelist"), {"q": "13004"}
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Beerse" in inhoud
    assert "Turnhout" not in inhoud


def test_kansarmoede_index_met_komma_wordt_aanvaard(coordinator_client):
    response = coordinator_client.post(TOEVOEGEN, geldige_gegevens(kansarmoede_index="11,2"))

    assert response.status_code == 302
    assert Gemeente.objects.get().kansarmoede_index == Decimal("11.2")

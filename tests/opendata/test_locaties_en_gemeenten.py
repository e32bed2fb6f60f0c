"""The API's places and gemeenten: /api/v1/locaties, /api/v1/locaties/<slug>, /api/v1/gemeenten."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from locaties.models import Taal
from tests.factories import (
    GemeenteFactory,
    HalteFactory,
    LocatieFactory,
    MobielHuisFactory,
    OpeningsuurFactory,
    UitzonderingFactory,
)

pytestmark = pytest.mark.django_db


def test_locatie_met_adres_toegankelijkheid_en_openingsuren(client, beerse):
    huis = LocatieFactory(
        naam="Huis Beerse",
        slug="huis-beerse",
        soort="fysiek",
        gemeente=beerse,
        straat="Markt 1",
        postcode="2340",
        plaats="Beerse",
        breedtegraad=Decimal("51.319600"),
        lengtegraad=Decimal("4.860000"),
        rolstoeltoegankelijk=True,
        verzorgingstafel=False,
        beschrijving="Naast het gemeentehuis.",
    )
    huis.talen.set(Taal.objects.filter(code="fr"))
    OpeningsuurFactory(locatie=huis, weekdag=2, vrije_inloop=True)
    vandaag = timezone.localdate()
    UitzonderingFactory(locatie=huis, van=vandaag + dt.timedelta(days=3), omschrijving="Opleiding")
    UitzonderingFactory(locatie=huis, van=vandaag - dt.timedelta(days=30), omschrijving="Voorbij")

    antwoord = client.get("/api/v1/locaties/huis-beerse").json()

    assert antwoord["soort"] == "fysiek"
    assert antwoord["gemeente"] == {"slug": "beerse", "naam": "Beerse"}
    assert antwoord["adres"] == {"straat": "Markt 1", "postcode": "2340", "plaats": "Beerse"}
    assert (antwoord["breedtegraad"], antwoord["lengtegraad"]) == (51.3196, 4.86)
    assert antwoord["toegankelijkheid"] == {
        "rolstoeltoegankelijk": True,
        "kinderwagentoegankelijk": None,
        "verzorgingstafel": False,
        "parking": None,
        "stille_ruimte": None,
    }
    assert antwoord["talen"] == [{"code": "fr", "naam": "Frans"}]
    assert antwoord["openingsuren"] == [
        {
            "weekdag": 2,
            "dag": "woensdag",
            "begin": "09:00",
            "einde": "12:00",
            "vrije_inloop": True,
        }
    ]
    assert [u["omschrijving"] for u in antwoord["uitzonderingen"]] == ["Opleiding"]
    assert antwoord["uitzonderingen"][0]["gesloten"] is True
    assert antwoord["beschrijving"] == "Naast het gemeentehuis."
    assert antwoord["url"] == "http://testserver/locaties/huis-beerse/"


def test_mobiel_huis_toont_zijn_haltes(client, beerse):
    bus = MobielHuisFactory(slug="babybus", gemeente=beerse)
    HalteFactory(mobiel_huis=bus, naam="Marktplein", gemeente=beerse)

    antwoord = client.get("/api/v1/locaties/babybus").json()

    assert antwoord["adres"] is None
    assert antwoord["haltes"] == [
        {
            "naam": "Marktplein",
            "gemeente": {"slug": "beerse", "naam": "Beerse"},
            "adres": {"straat": "Dorp 1", "postcode": "2340", "plaats": "Beerse"},
            "breedtegraad": None,
            "lengtegraad": None,
        }
    ]


def test_filter_gemeente_en_soort(client, beerse, turnhout):
    LocatieFactory(naam="In Beerse", gemeente=beerse, soort="antenne", is_contactpunt=True)
    LocatieFactory(naam="Ontmoeten in Beerse", gemeente=beerse, soort="ontmoetingsplek")
    LocatieFactory(naam="In Turnhout", gemeente=turnhout, soort="antenne")

    def namen(query):
        response = client.get("/api/v1/locaties" + query)
        assert response.status_code == 200, response.content
        return [loc["naam"] for loc in response.json()["resultaten"]]

    assert namen("?gemeente=beerse") == ["In Beerse", "Ontmoeten in Beerse"]
    assert namen("?soort=antenne") == ["In Beerse", "In Turnhout"]


def test_onbekende_locatie_is_404_in_het_nederlands(client):
    response = client.get("/api/v1/locaties/nergens")

    assert response.status_code == 404
    assert response.json()["melding"] == "Er is geen locatie met slug “nergens”."


@pytest.mark.parametrize("aantal", [3, 30])
def test_locaties_kosten_evenveel_queries_voor_3_als_voor_30(
    client, django_assert_num_queries, beerse, aantal
):
    for _ in range(aantal):
        plek = LocatieFactory(gemeente=beerse)
        plek.talen.set(Taal.objects.filter(code="nl"))
        OpeningsuurFactory(locatie=plek)
    HalteFactory(mobiel_huis=MobielHuisFactory(gemeente=beerse), gemeente=beerse)

    # Places, hours, exceptions, stops, next visits, languages.
    with django_assert_num_queries(6):
        response = client.get("/api/v1/locaties?per_pagina=100")

    assert len(response.json()["resultaten"]) == aantal + 1


def test_gemeenten_met_hun_openbare_cijfers(client):
    GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        inwoners=18_000,
        kinderen_0_3=600,
        kinderen_0_12=2_300,
        kansarmoede_index="12.5",
        breedtegraad=Decimal("51.319600"),
        lengtegraad=Decimal("4.860000"),
        aanspreekpunt_naam="Sociaal Huis Beerse",
        aanspreekpunt_email="sociaalhuis@beerse.example",
    )
    GemeenteFactory(naam="Arendonk", nis_code="13001", slug="arendonk")

    antwoord = client.get("/api/v1/gemeenten").json()

    assert [g["naam"] for g in antwoord["resultaten"]] == ["Arendonk", "Beerse"]
    assert antwoord["resultaten"][1] == {
        "slug": "beerse",
        "naam": "Beerse",
        "nis_code": "13004",
        "inwoners": 18_000,
        "kinderen_0_3": 600,
        "kinderen_0_12": 2_300,
        "bevolking_peiljaar": 2025,
        "kansarmoede_index": 12.5,
        "kansarmoede_jaar": 2024,
        "breedtegraad": 51.3196,
        "lengtegraad": 4.86,
        "url": "http://testserver/beerse/",
    }


@pytest.mark.parametrize("aantal", [3, 8])
def test_gemeenten_kosten_evenveel_queries(client, django_assert_num_queries, aantal):
    for naam, nis in [
        ("Turnhout", "13040"),
        ("Beerse", "13004"),
        ("Kasterlee", "13017"),
        ("Oud-Turnhout", "13031"),
        ("Vosselaar", "13046"),
        ("Schoten", "11040"),
        ("Zoersel", "11055"),
        ("Malle", "11057"),
    ][:aantal]:
        GemeenteFactory(naam=naam, nis_code=nis)

    with django_assert_num_queries(2):
        response = client.get("/api/v1/gemeenten")

    assert response.json()["aantal"] == aantal

"""The API holds public data only: nothing about the people who register, ask or work here."""

import pytest

from gemeenten.models import Gemeente
from tests.factories import (
    ActiviteitFactory,
    CoordinatorFactory,
    InschrijvingFactory,
    LocatieFactory,
    PartnerFactory,
)
from tests.opendata.conftest import moment

pytestmark = pytest.mark.django_db

PERSOONLIJK = [
    "Familie Janssens",
    "gezin.janssens@example.org",
    "0470 12 34 56",
    "We komen met een rolstoel",
    "Jan Contactpersoon",
    "jan.contact@partner.example",
    "coordinator.geheim@example.org",
    "An Aanspreekpunt",
    "an.aanspreekpunt@beerse.example",
]


@pytest.fixture
def met_persoonsgegevens(beerse):
    Gemeente.objects.filter(pk=beerse.pk).update(
        aanspreekpunt_naam="An Aanspreekpunt", aanspreekpunt_email="an.aanspreekpunt@beerse.example"
    )
    CoordinatorFactory(email="coordinator.geheim@example.org")
    plek = LocatieFactory(slug="huis", gemeente=beerse)
    act = ActiviteitFactory(
        slug="babymassage", capaciteit=5, inschrijving_vereist=True, locatie=plek
    )
    act.partners.set(
        [PartnerFactory(contactpersoon="Jan Contactpersoon", email="jan.contact@partner.example")]
    )
    m = moment(act, 2)
    InschrijvingFactory(
        moment=m,
        naam="Familie Janssens",
        email="gezin.janssens@example.org",
        telefoon="0470 12 34 56",
        opmerking="We komen met een rolstoel",
        woonplaats=beerse,
    )
    return act


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/activiteiten",
        "/api/v1/activiteiten/babymassage",
        "/api/v1/momenten",
        "/api/v1/locaties",
        "/api/v1/locaties/huis",
        "/api/v1/gemeenten",
        "/api/v1/openapi.json",
    ],
)
def test_geen_persoonsgegevens_in_een_antwoord(client, met_persoonsgegevens, url):
    response = client.get(url)

    assert response.status_code == 200
    inhoud = response.content.decode()
    for gegeven in PERSOONLIJK:
        assert gegeven not in inhoud


def test_een_inschrijving_telt_alleen_mee_in_de_vrije_plaatsen(client, met_persoonsgegevens):
    [m] = client.get("/api/v1/activiteiten/babymassage").json()["momenten"]

    # Five seats, one adult and one child registered.
    assert (m["vrije_plaatsen"], m["volzet"]) == (3, False)
    assert set(m) == {
        "id",
        "begin",
        "einde",
        "geannuleerd",
        "locatie",
        "eigen_locatie",
        "vrije_plaatsen",
        "volzet",
    }


def test_het_schema_kent_geen_velden_over_personen(client):
    velden = set()
    for schema in client.get("/api/v1/openapi.json").json()["components"]["schemas"].values():
        velden |= set(schema.get("properties", {}))

    for persoonlijk in ("email", "telefoon", "contactpersoon", "opmerking", "leeftijden"):
        assert persoonlijk not in velden
    assert not any(
        veld.startswith(("aanspreekpunt", "inschrijving"))
        for veld in velden - {"inschrijving_vereist"}
    )

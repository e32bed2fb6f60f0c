"""Wrong requests get a 4xx with a Dutch message in JSON, never a server error."""

import pytest

from tests.factories import ActiviteitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "parameter", "melding"),
    [
        (
            "/api/v1/activiteiten?van=2026-13-45",
            "van",
            "van moet een datum zijn als JJJJ-MM-DD, bv. 2026-12-02.",
        ),
        (
            "/api/v1/activiteiten?tot=1999-12-31",
            "tot",
            "tot moet een datum tussen het jaar 2000 en 2100 zijn, als JJJJ-MM-DD.",
        ),
        (
            "/api/v1/momenten?van=9999-01-01",
            "van",
            "van moet een datum tussen het jaar 2000 en 2100 zijn, als JJJJ-MM-DD.",
        ),
        (
            "/api/v1/activiteiten?leeftijd=26",
            "leeftijd",
            "leeftijd moet een geheel getal van 0 tot en met 25 zijn: de leeftijd van het kind "
            "in jaren.",
        ),
        (
            "/api/v1/activiteiten?leeftijd=drie",
            "leeftijd",
            "leeftijd moet een geheel getal van 0 tot en met 25 zijn: de leeftijd van het kind "
            "in jaren.",
        ),
        (
            "/api/v1/activiteiten?pagina=0",
            "pagina",
            "pagina moet een geheel getal zijn, 1 of meer.",
        ),
        (
            "/api/v1/gemeenten?per_pagina=101",
            "per_pagina",
            "per_pagina moet een geheel getal van 1 tot en met 100 zijn.",
        ),
        (
            "/api/v1/activiteiten?gemeente=nergens",
            "gemeente",
            "Er is geen gemeente met slug “nergens”. De gemeenten en hun slug staan op "
            "/api/v1/gemeenten.",
        ),
        (
            "/api/v1/momenten?gemeente=nergens",
            "gemeente",
            "Er is geen gemeente met slug “nergens”. De gemeenten en hun slug staan op "
            "/api/v1/gemeenten.",
        ),
        (
            "/api/v1/locaties?gemeente=nergens",
            "gemeente",
            "Er is geen gemeente met slug “nergens”. De gemeenten en hun slug staan op "
            "/api/v1/gemeenten.",
        ),
        (
            "/api/v1/activiteiten?pijler=sport",
            "pijler",
            "pijler moet een van deze zijn: gezondheid, opvoeding, ontmoeting.",
        ),
        (
            "/api/v1/activiteiten?doelgroep=katten",
            "doelgroep",
            "Er is geen doelgroep met slug “katten”. Geldig zijn: aanstaande-ouders, "
            "gezinnen-0-3, kinderen-3-12, tieners-jongeren, alle-ouders, professionals.",
        ),
        (
            "/api/v1/activiteiten?zoekterm=baby%00",
            "zoekterm",
            "De zoekterm bevat tekens die we niet kunnen gebruiken.",
        ),
        ("/api/v1/activiteiten?gratis=misschien", "gratis", "gratis moet true of false zijn."),
        (
            "/api/v1/momenten?gemeente=%C3%A9%C3%A9n",
            "gemeente",
            "gemeente moet een slug zijn: letters, cijfers, - en _ (hoogstens 100 tekens), "
            "bv. beerse.",
        ),
        (
            "/api/v1/activiteiten?thema=" + "a" * 101,
            "thema",
            "thema moet een slug zijn: letters, cijfers, - en _ (hoogstens 100 tekens), "
            "bv. gezondheid.",
        ),
    ],
)
def test_een_slechte_parameter_is_400_met_een_nederlandse_melding(
    client, beerse, url, parameter, melding
):
    response = client.get(url)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "melding": melding,
        "fouten": [{"parameter": parameter, "melding": melding}],
    }


def test_elke_slechte_parameter_wordt_genoemd(client):
    response = client.get("/api/v1/activiteiten?leeftijd=-1&pijler=sport&per_pagina=500")

    assert response.status_code == 400
    assert [f["parameter"] for f in response.json()["fouten"]] == [
        "leeftijd",
        "pijler",
        "per_pagina",
    ]


def test_een_periode_die_eindigt_voor_ze_begint_is_400(client):
    response = client.get("/api/v1/activiteiten?van=2026-12-10&tot=2026-12-01")

    assert response.status_code == 400
    assert response.json()["melding"] == "tot (2026-12-01) ligt vóór van (2026-12-10)."


def test_een_pagina_voorbij_de_laatste_is_404(client):
    ActiviteitFactory()

    response = client.get("/api/v1/activiteiten?pagina=2")

    assert response.status_code == 404
    assert response.json()["melding"] == "Pagina 2 bestaat niet: er is 1 pagina."


@pytest.mark.parametrize("slug", ["bestaat-niet", "met%00nul", "%C3%A9%C3%A9n"])
def test_onbekende_activiteit_is_404_in_het_nederlands(client, slug):
    response = client.get(f"/api/v1/activiteiten/{slug}")

    assert response.status_code == 404
    assert response.json()["melding"].startswith("Er is geen gepubliceerde activiteit met slug")
    assert response["Cache-Control"] == "no-store"

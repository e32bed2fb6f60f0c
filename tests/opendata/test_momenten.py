"""The API's moments: /api/v1/momenten."""

import pytest

from tests.factories import ActiviteitFactory, InschrijvingFactory, LocatieFactory
from tests.opendata.conftest import dag, moment, over

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/momenten"


def ids(client, query="") -> list[int]:
    response = client.get(LIJST + query)
    assert response.status_code == 200, response.content
    return [m["id"] for m in response.json()["resultaten"]]


def test_komende_momenten_van_gepubliceerd_aanbod_het_eerste_eerst(client):
    act = ActiviteitFactory()
    later = moment(act, 5)
    straks = moment(act, 1)
    afgelast = moment(act, 2, geannuleerd=True)
    moment(act, -1)  # over
    moment(ActiviteitFactory(gepubliceerd=False), 1)

    assert ids(client) == [straks.pk, afgelast.pk, later.pk]


def test_filter_gemeente_houdt_regionaal_en_lokaal_aanbod_voor_die_gemeente(
    client, beerse, turnhout
):
    regionaal = moment(ActiviteitFactory(bereik="regionaal"), 1)
    voor_beerse = moment(ActiviteitFactory(bereik="lokaal", gemeenten=[beerse]), 2)
    moment(ActiviteitFactory(bereik="lokaal", gemeenten=[turnhout]), 3)

    assert ids(client, "?gemeente=beerse") == [regionaal.pk, voor_beerse.pk]


def test_filter_activiteit_en_periode(client):
    act = ActiviteitFactory(slug="speelgroep")
    moment(act, 1)
    erin = moment(act, 8)
    moment(act, 20)
    moment(ActiviteitFactory(), 8)

    assert ids(client, f"?activiteit=speelgroep&van={dag(7)}&tot={dag(14)}") == [erin.pk]


def test_niet_gepubliceerde_activiteit_is_geen_filter(client):
    moment(ActiviteitFactory(slug="verborgen", gepubliceerd=False), 1)

    response = client.get(LIJST + "?activiteit=verborgen")

    assert response.status_code == 400
    assert response.json()["fouten"][0]["parameter"] == "activiteit"


def test_een_moment_met_zijn_activiteit_plek_en_vrije_plaatsen(client):
    act = ActiviteitFactory(
        slug="babymassage", titel="Babymassage", capaciteit=3, plaatsen_per="gezin"
    )
    bib = LocatieFactory(naam="Bibliotheek", slug="bib")
    m = moment(act, 2, locatie=bib)
    InschrijvingFactory(moment=m, volwassenen=2, leeftijden=[5, 30], kinderen=2)

    [item] = client.get(LIJST).json()["resultaten"]

    assert item == {
        "id": m.pk,
        "begin": over(2).isoformat(),
        "einde": over(2, 12).isoformat(),
        "geannuleerd": False,
        "locatie": {"id": bib.pk, "slug": "bib", "naam": "Bibliotheek"},
        "eigen_locatie": True,
        "vrije_plaatsen": 2,
        "volzet": False,
        "activiteit": {
            "id": act.pk,
            "slug": "babymassage",
            "titel": "Babymassage",
            "url": "http://testserver/aanbod/babymassage/",
        },
    }


def test_pagineren(client):
    act = ActiviteitFactory()
    momenten = [moment(act, 1 + i) for i in range(5)]

    tweede = client.get(LIJST + "?per_pagina=2&pagina=2").json()

    assert tweede["aantal"] == 5
    assert [m["id"] for m in tweede["resultaten"]] == [momenten[2].pk, momenten[3].pk]
    assert tweede["vorige"].endswith("per_pagina=2&pagina=1")
    assert tweede["volgende"].endswith("per_pagina=2&pagina=3")


@pytest.mark.parametrize("aantal", [3, 30])
def test_lijst_kost_evenveel_queries_voor_3_als_voor_30_momenten(
    client, django_assert_num_queries, beerse, aantal
):
    for i in range(aantal):
        act = ActiviteitFactory(bereik="lokaal", gemeenten=[beerse], capaciteit=5)
        m = moment(act, 1 + i % 5, locatie=LocatieFactory() if i % 2 else None)
        InschrijvingFactory(moment=m)

    # The gemeente, the count and the page.
    with django_assert_num_queries(3):
        response = client.get(LIJST + "?gemeente=beerse&per_pagina=100")

    assert len(response.json()["resultaten"]) == aantal

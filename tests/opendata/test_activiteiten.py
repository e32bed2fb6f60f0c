"""The API's activities: /api/v1/activiteiten and /api/v1/activiteiten/<slug>."""

from decimal import Decimal

import pytest

from aanbod.models import Doelgroep
from locaties.models import Taal
from tests.factories import (
    ActiviteitFactory,
    InschrijvingFactory,
    LocatieFactory,
    PartnerFactory,
    ThemaFactory,
)
from tests.opendata.conftest import dag, moment, over

pytestmark = pytest.mark.django_db

LIJST = "/api/v1/activiteiten"


def titels(client, query="") -> list[str]:
    response = client.get(LIJST + query)
    assert response.status_code == 200, response.content
    return [a["titel"] for a in response.json()["resultaten"]]


# --- The list and its filters ----------------------------------------------------------------


def test_lijst_toont_alleen_gepubliceerd_aanbod_het_eerstvolgende_eerst(client):
    later = ActiviteitFactory(titel="Later")
    moment(later, 10)
    straks = ActiviteitFactory(titel="Straks")
    moment(straks, 2)
    verborgen = ActiviteitFactory(titel="Verborgen", gepubliceerd=False)
    moment(verborgen, 1)

    assert titels(client) == ["Straks", "Later"]


def test_filter_gemeente_toont_regionaal_en_lokaal_aanbod_voor_die_gemeente(
    client, turnhout, beerse
):
    ActiviteitFactory(titel="Regionaal", bereik="regionaal")
    ActiviteitFactory(titel="Voor Beerse", bereik="lokaal", gemeenten=[beerse])
    ActiviteitFactory(titel="Voor Turnhout", bereik="lokaal", gemeenten=[turnhout])

    assert sorted(titels(client, "?gemeente=beerse")) == ["Regionaal", "Voor Beerse"]


@pytest.mark.parametrize(
    ("leeftijd", "verwacht"),
    [("0", ["Alle leeftijden", "Baby's"]), ("3", ["Alle leeftijden", "Peuters"])],
)
def test_filter_leeftijd_in_jaren(client, leeftijd, verwacht):
    ActiviteitFactory(titel="Baby's", leeftijd_van=3, leeftijd_tot=18)
    ActiviteitFactory(titel="Peuters", leeftijd_van=24, leeftijd_tot=48)
    ActiviteitFactory(titel="Alle leeftijden")

    assert sorted(titels(client, f"?leeftijd={leeftijd}")) == verwacht


def test_filter_doelgroep_pijler_en_thema(client):
    raak = ActiviteitFactory(titel="Raak", pijler="opvoeding")
    raak.doelgroepen.set([Doelgroep.objects.get(slug="aanstaande-ouders")])
    raak.themas.set([ThemaFactory(naam="Slaap", slug="slaap")])
    andere_pijler = ActiviteitFactory(titel="Andere pijler", pijler="ontmoeting")
    andere_pijler.doelgroepen.set([Doelgroep.objects.get(slug="aanstaande-ouders")])
    andere_pijler.themas.set([ThemaFactory(naam="Slaap", slug="slaap")])
    ActiviteitFactory(titel="Zonder doelgroep", pijler="opvoeding")

    assert titels(client, "?doelgroep=aanstaande-ouders&pijler=opvoeding&thema=slaap") == ["Raak"]


def test_filter_taal_inloop_gratis_en_toegankelijk(client):
    raak = ActiviteitFactory(
        titel="Raak", locatie=LocatieFactory(rolstoeltoegankelijk=True), inschrijving_vereist=False
    )
    raak.talen.set(Taal.objects.filter(code__in=["nl", "ar"]))
    ActiviteitFactory(titel="Betalend", prijs=Decimal("5"))
    ActiviteitFactory(titel="Trap", locatie=LocatieFactory(rolstoeltoegankelijk=False))
    ActiviteitFactory(titel="Cursus", inschrijving_vereist=True)

    assert titels(client, "?inloop=true&gratis=true&toegankelijk=true") == ["Raak"]
    assert titels(client, "?taal=ar") == ["Raak"]


def test_zoekterm_zoekt_elk_woord_in_titel_samenvatting_en_beschrijving(client):
    ActiviteitFactory(titel="Babymassage", beschrijving="Breng een handdoek en olie mee.")
    ActiviteitFactory(titel="Speelgroep", samenvatting="Samen spelen.")

    assert titels(client, "?zoekterm=BABY olie") == ["Babymassage"]


def test_filter_periode_houdt_aanbod_met_een_moment_erin_en_doorlopend_aanbod(client):
    erin = ActiviteitFactory(titel="In de periode")
    moment(erin, 3)
    in_periode = moment(erin, 10)
    ervoor = ActiviteitFactory(titel="Ervoor")
    moment(ervoor, 3)
    ActiviteitFactory(titel="Doorlopend", doorlopend=True)

    response = client.get(f"{LIJST}?van={dag(7)}&tot={dag(14)}")

    resultaten = response.json()["resultaten"]
    assert [a["titel"] for a in resultaten] == ["In de periode", "Doorlopend"]
    assert resultaten[0]["volgend_moment"]["id"] == in_periode.pk
    assert resultaten[1]["volgend_moment"] is None


def test_een_activiteit_in_de_lijst_heeft_haar_publieke_velden(client, beerse):
    plek = LocatieFactory(naam="Antenne Beerse", slug="antenne-beerse")
    act = ActiviteitFactory(
        titel="Babymassage",
        slug="babymassage",
        samenvatting="Vijf ochtenden.",
        pijler="gezondheid",
        bereik="lokaal",
        gemeenten=[beerse],
        leeftijd_van=1,
        leeftijd_tot=9,
        prijs=Decimal("25"),
        sociaal_tarief=Decimal("5"),
        uitpas=True,
        inschrijving_vereist=True,
        locatie=plek,
    )
    act.themas.set([ThemaFactory(naam="Gezondheid", slug="gezondheid")])
    act.doelgroepen.set([Doelgroep.objects.get(slug="gezinnen-0-3")])
    volgend = moment(act, 2, uur=9)

    [item] = client.get(LIJST).json()["resultaten"]

    assert item == {
        "id": act.pk,
        "slug": "babymassage",
        "titel": "Babymassage",
        "samenvatting": "Vijf ochtenden.",
        "pijler": "gezondheid",
        "themas": [{"slug": "gezondheid", "naam": "Gezondheid"}],
        "doelgroepen": [{"slug": "gezinnen-0-3", "naam": "Gezinnen met jonge kinderen (0-3 jaar)"}],
        "talen": [],
        "leeftijd_van_maanden": 1,
        "leeftijd_tot_maanden": 9,
        "leeftijd_tekst": "1 tot 9 maanden",
        "prijs": 25.0,
        "sociaal_tarief": 5.0,
        "uitpas": True,
        "gratis": False,
        "bereik": "lokaal",
        "gemeenten": [{"slug": "beerse", "naam": "Beerse"}],
        "locatie": {"id": plek.pk, "slug": "antenne-beerse", "naam": "Antenne Beerse"},
        "doorlopend": False,
        "inschrijving_vereist": True,
        "volgend_moment": {
            "id": volgend.pk,
            "begin": over(2, 9).isoformat(),
            "einde": over(2, 11).isoformat(),
        },
        "url": "http://testserver/aanbod/babymassage/",
    }


def test_publieke_url_wijst_naar_het_hoofddomein(client, settings):
    settings.HVK_HOOFDDOMEIN = "www.hvk.example"
    ActiviteitFactory(slug="speelgroep")

    [item] = client.get(LIJST).json()["resultaten"]

    assert item["url"] == "https://www.hvk.example/aanbod/speelgroep/"


# --- Paging ----------------------------------------------------------------------------------


def test_pagineren_met_totaal_en_links_die_de_filters_houden(client):
    for i in range(5):
        moment(ActiviteitFactory(titel=f"Speelgroep {i}", pijler="ontmoeting"), 1 + i)
    ActiviteitFactory(titel="Consultatie", pijler="gezondheid")

    eerste = client.get(LIJST + "?pijler=ontmoeting&per_pagina=2").json()
    tweede = client.get(eerste["volgende"]).json()
    laatste = client.get(tweede["volgende"]).json()

    assert eerste["aantal"] == 5
    assert eerste["paginas"] == 3
    assert eerste["vorige"] is None
    assert eerste["volgende"] == (
        "http://testserver/api/v1/activiteiten?pijler=ontmoeting&per_pagina=2&pagina=2"
    )
    assert [a["titel"] for a in tweede["resultaten"]] == ["Speelgroep 2", "Speelgroep 3"]
    assert tweede["vorige"].endswith("pagina=1")
    assert [a["titel"] for a in laatste["resultaten"]] == ["Speelgroep 4"]
    assert laatste["volgende"] is None


def test_standaard_twintig_per_pagina(client):
    for i in range(21):
        ActiviteitFactory(titel=f"Aanbod {i:02d}")

    antwoord = client.get(LIJST).json()

    assert len(antwoord["resultaten"]) == 20
    assert antwoord["per_pagina"] == 20
    assert antwoord["paginas"] == 2


def test_geen_resultaten_is_een_lege_eerste_pagina(client):
    antwoord = client.get(LIJST).json()

    assert antwoord == {
        "aantal": 0,
        "pagina": 1,
        "per_pagina": 20,
        "paginas": 1,
        "vorige": None,
        "volgende": None,
        "resultaten": [],
    }


# --- One activity ----------------------------------------------------------------------------


def test_detail_toont_de_komende_momenten_met_vrije_plaatsen_zonder_namen(client):
    act = ActiviteitFactory(
        slug="babymassage",
        beschrijving="Breng een handdoek mee.",
        inschrijving_vereist=True,
        capaciteit=4,
    )
    act.partners.set([PartnerFactory(naam="CAW De Kempen", website="https://caw.example")])
    andere_plek = LocatieFactory(naam="Bibliotheek", slug="bib")
    eerste = moment(act, 2)
    afgelast = moment(act, 3, geannuleerd=True)
    elders = moment(act, 4, locatie=andere_plek)
    InschrijvingFactory(moment=eerste, volwassenen=1, leeftijden=[10], kinderen=1)
    InschrijvingFactory(moment=elders, volwassenen=2, leeftijden=[10, 40], kinderen=2)
    moment(act, -2)  # over

    antwoord = client.get(f"{LIJST}/babymassage").json()

    assert antwoord["beschrijving"] == "Breng een handdoek mee."
    assert antwoord["capaciteit"] == 4
    assert antwoord["partners"] == [{"naam": "CAW De Kempen", "website": "https://caw.example"}]
    assert antwoord["volgend_moment"]["id"] == eerste.pk
    assert [
        (m["id"], m["geannuleerd"], m["vrije_plaatsen"], m["volzet"], m["eigen_locatie"])
        for m in antwoord["momenten"]
    ] == [
        (eerste.pk, False, 2, False, False),
        (afgelast.pk, True, 4, False, False),
        (elders.pk, False, 0, True, True),
    ]
    assert antwoord["momenten"][0]["locatie"]["id"] == act.locatie.pk
    assert antwoord["momenten"][2]["locatie"] == {
        "id": andere_plek.pk,
        "slug": "bib",
        "naam": "Bibliotheek",
    }


def test_detail_zonder_grens_op_plaatsen_heeft_geen_vrije_plaatsen(client):
    act = ActiviteitFactory(slug="speelgroep")
    moment(act, 2)

    [m] = client.get(f"{LIJST}/speelgroep").json()["momenten"]

    assert m["vrije_plaatsen"] is None
    assert m["volzet"] is False


def test_niet_gepubliceerde_activiteit_bestaat_niet_voor_de_api(client):
    act = ActiviteitFactory(slug="verborgen", gepubliceerd=False)
    moment(act, 2)

    response = client.get(f"{LIJST}/verborgen")

    assert response.status_code == 404
    assert response.json()["melding"] == (
        "Er is geen gepubliceerde activiteit met slug “verborgen”."
    )


# --- Query counts ----------------------------------------------------------------------------


@pytest.mark.parametrize("aantal", [3, 30])
def test_lijst_kost_evenveel_queries_voor_3_als_voor_30_activiteiten(
    client, django_assert_num_queries, beerse, aantal
):
    for i in range(aantal):
        act = ActiviteitFactory(titel=f"Aanbod {i}", bereik="lokaal", gemeenten=[beerse])
        act.themas.set([ThemaFactory(naam=f"Thema {i}", slug=f"thema-{i}")])
        act.talen.set(Taal.objects.filter(code="nl"))
        moment(act, 1 + i % 7)

    # The gemeente, count, page, gemeenten, themes, target groups, languages, next moments.
    with django_assert_num_queries(8):
        response = client.get(f"{LIJST}?gemeente=beerse&per_pagina=100")

    assert len(response.json()["resultaten"]) == aantal


@pytest.mark.parametrize("aantal", [3, 30])
def test_detail_kost_evenveel_queries_voor_3_als_voor_30_momenten(
    client, django_assert_num_queries, aantal
):
    act = ActiviteitFactory(slug="reeks", capaciteit=10, inschrijving_vereist=True)
    for i in range(aantal):
        InschrijvingFactory(moment=moment(act, 1 + i))

    # activiteit_voor_publiek (8) and komende_momenten (1).
    with django_assert_num_queries(9):
        response = client.get(f"{LIJST}/reeks")

    assert len(response.json()["momenten"]) == aantal

"""News: a list newest first, one page per item, and only what is published and due."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from communicatie.models import Nieuwsbericht
from tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db


def bericht(titel, *, dagen_geleden=1, **velden):
    velden.setdefault("slug", titel.lower().replace(" ", "-"))
    velden.setdefault("inleiding", f"Kort over {titel}.")
    return Nieuwsbericht.objects.create(
        titel=titel, publicatiedatum=timezone.now() - dt.timedelta(days=dagen_geleden), **velden
    )


def lijst(client, **params):
    return client.get(reverse("nieuws"), params).content.decode()


def test_nieuwslijst_toont_het_nieuwste_eerst(client):
    bericht("Oud bericht", dagen_geleden=10)
    bericht("Nieuw bericht", dagen_geleden=1)

    inhoud = lijst(client)

    assert inhoud.index("Nieuw bericht") < inhoud.index("Oud bericht")
    assert '<a href="/nieuws/nieuw-bericht/">Nieuw bericht</a>' in inhoud


def test_nieuwslijst_verbergt_ongepubliceerd_en_toekomstig_nieuws(client):
    bericht("Klad", gepubliceerd=False)
    bericht("Volgende week", dagen_geleden=-7)

    inhoud = lijst(client)

    assert "Klad" not in inhoud
    assert "Volgende week" not in inhoud
    assert "Er is nog geen nieuws." in inhoud


def test_nieuwslijst_toont_voor_welke_gemeente_een_bericht_is(client):
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    bericht("Speelplein", gemeente=beerse)
    bericht("Algemeen")

    inhoud = lijst(client)

    assert "nieuws voor Beerse" in inhoud
    assert "voor het hele Huis" in inhoud


def test_nieuwslijst_heeft_pagina_s_van_tien(client):
    for i in range(12):
        bericht(f"Bericht {i:02d}", dagen_geleden=i + 1)

    eerste = lijst(client)
    tweede = lijst(client, pagina=2)

    assert eerste.count('class="hvk-nieuwsitem"') == 10
    assert "Pagina 1 van 2" in eerste
    assert 'href="?pagina=2"' in eerste
    assert tweede.count('class="hvk-nieuwsitem"') == 2
    assert "Bericht 11" in tweede
    assert 'rel="canonical" href="http://testserver/nieuws/?pagina=2"' in tweede


def test_een_onzinnig_paginanummer_geeft_de_eerste_pagina(client):
    bericht("Enig bericht")

    response = client.get(reverse("nieuws"), {"pagina": "abc"})

    assert response.status_code == 200
    assert "Enig bericht" in response.content.decode()


def test_nieuws_voor_een_gemeente_toont_ook_het_algemene_nieuws(client):
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    turnhout = GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    bericht("Voor Beerse", gemeente=beerse)
    bericht("Voor Turnhout", gemeente=turnhout)
    bericht("Voor iedereen")

    inhoud = lijst(client, gemeente="beerse")

    assert "<h1>Nieuws voor Beerse</h1>" in inhoud
    assert "Voor Beerse" in inhoud
    assert "Voor iedereen" in inhoud
    assert "Voor Turnhout" not in inhoud
    assert '<link rel="canonical" href="http://testserver/nieuws/?gemeente=beerse">' in inhoud


def test_nieuwsbericht_toont_titel_datum_en_tekst_in_alinea_s(client):
    Nieuwsbericht.objects.create(
        titel="Nieuwe plek",
        slug="nieuwe-plek",
        inleiding="Een plek om binnen te lopen.",
        tekst="Eerste alinea.\n\nTweede alinea met <b>opmaak</b>.",
        publicatiedatum=dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC),
    )

    inhoud = client.get(reverse("nieuwsbericht", kwargs={"slug": "nieuwe-plek"})).content.decode()

    assert "<h1>Nieuwe plek</h1>" in inhoud
    assert "2 maart 2026" in inhoud
    assert "<p>Eerste alinea.</p>" in inhoud
    assert "<p>Tweede alinea met &lt;b&gt;opmaak&lt;/b&gt;.</p>" in inhoud
    assert "<title>Nieuwe plek | " in inhoud


@pytest.mark.parametrize(
    "velden", [{"gepubliceerd": False}, {"dagen_geleden": -3}], ids=["klad", "toekomst"]
)
def test_ongepubliceerd_of_toekomstig_bericht_geeft_404(client, velden):
    bericht("Geheim", **velden)

    response = client.get(reverse("nieuwsbericht", kwargs={"slug": "geheim"}))

    assert response.status_code == 404
    assert "Dit nieuwsbericht bestaat niet" in response.content.decode()


def test_onbekend_nieuwsbericht_geeft_404_met_link_naar_het_nieuws(client):
    response = client.get(reverse("nieuwsbericht", kwargs={"slug": "bestaat-niet"}))

    assert response.status_code == 404
    assert "Al het nieuws staat op de nieuwspagina." in response.content.decode()


@pytest.mark.parametrize("aantal", [1, 3])
def test_nieuwslijst_doet_evenveel_queries_ongeacht_het_aantal(
    client, django_assert_num_queries, aantal
):
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    for i in range(aantal):
        bericht(f"Bericht {i}", gemeente=beerse if i % 2 else None)

    # Huisstijl, gemeenten, pages, the count and the page of news.
    with django_assert_num_queries(5):
        client.get(reverse("nieuws"))

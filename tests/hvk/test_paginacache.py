"""The page cache of the public pages (hvk/paginacache.py): what is stored, for whom, and when
a stored page goes stale."""

import datetime as dt
from unittest import mock

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Bereikcijfer
from communicatie.models import Domein
from hvk import paginacache
from hvk.herhaling import lokale_tijd
from tests.admin import formulier_van
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    LocatieFactory,
    MomentFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

LIJST = reverse("aanbod:lijst")


@pytest.fixture(autouse=True)
def _cache_aan(settings):
    settings.HVK_PAGINACACHE_SECONDEN = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def activiteit():
    gemeente = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    activiteit = ActiviteitFactory(titel="Babymassage", locatie=LocatieFactory(gemeente=gemeente))
    begin = lokale_tijd(timezone.localdate() + dt.timedelta(days=3), dt.time(10))
    MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=1))
    return activiteit


def detail(activiteit):
    return reverse("aanbod:detail", args=[activiteit.slug])


def test_tweede_anonieme_vraag_komt_uit_de_cache_zonder_een_query(
    client, activiteit, django_assert_num_queries
):
    eerste = client.get(LIJST)
    assert eerste.status_code == 200
    assert eerste[paginacache.HEADER] == "miss"

    with django_assert_num_queries(0):
        tweede = client.get(LIJST)

    assert tweede.status_code == 200
    assert tweede[paginacache.HEADER] == "hit"
    assert tweede.content == eerste.content
    assert tweede["Content-Type"] == eerste["Content-Type"]
    # The security headers are added to the stored copy too.
    assert tweede["Content-Security-Policy"] == eerste["Content-Security-Policy"]
    assert "script-src 'self'" in tweede["Content-Security-Policy"]


@pytest.mark.parametrize(
    "pad",
    [
        "/",
        "/beerse/",
        "/aanbod/",
        "/aanbod/?pijler=ontmoeting",
        "detail",
        "/locaties/",
        "locatie",
        "/nieuws/",
        "/aanbod/kalender.ics",
        "/sitemap.xml",
        "/huisstijl.css",
    ],
)
def test_elke_publieke_paginasoort_wordt_bewaard(client, activiteit, pad):
    if pad == "detail":
        pad = detail(activiteit)
    elif pad == "locatie":
        pad = reverse("locaties:detail", args=[activiteit.locatie.slug])

    client.get(pad)
    response = client.get(pad)

    assert response.status_code == 200
    assert response[paginacache.HEADER] == "hit"


def test_een_activiteit_wijzigen_in_het_beheer_toont_meteen_op_de_publieke_pagina(
    client, coordinator, activiteit, django_capture_on_commit_callbacks
):
    assert "Babymassage" in client.get(detail(activiteit)).text
    assert "Babymassage" in client.get(LIJST).text
    assert client.get(LIJST)[paginacache.HEADER] == "hit"

    beheer = client.__class__()
    beheer.force_login(coordinator)
    wijzigen = reverse("admin:aanbod_activiteit_change", args=[activiteit.pk])
    data = formulier_van(beheer.get(wijzigen))
    data["titel"] = "Babymassage voor tweelingen"
    with django_capture_on_commit_callbacks(execute=True):
        response = beheer.post(wijzigen, data)
    assert response.status_code == 302, response.context and response.context["errors"]

    lijst = client.get(LIJST)
    assert lijst[paginacache.HEADER] == "miss"
    assert "Babymassage voor tweelingen" in lijst.text
    assert "Babymassage voor tweelingen" in client.get(detail(activiteit)).text


def test_verwijderen_en_koppelen_maken_de_pagina_ook_oud(
    client, activiteit, django_capture_on_commit_callbacks
):
    client.get(LIJST)
    with django_capture_on_commit_callbacks(execute=True):
        activiteit.themas.add(ThemaFactory())
    assert client.get(LIJST)[paginacache.HEADER] == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        activiteit.momenten.first().delete()
    assert client.get(LIJST)[paginacache.HEADER] == "miss"


def test_de_versie_gaat_pas_omhoog_als_de_wijziging_bewaard_is(
    activiteit, django_capture_on_commit_callbacks
):
    versie = paginacache._versie()
    with django_capture_on_commit_callbacks() as callbacks:
        activiteit.titel = "Nieuw"
        activiteit.save()
        assert paginacache._versie() == versie

    assert callbacks == [paginacache.vernieuwen]
    callbacks[0]()
    assert paginacache._versie() == versie + 1


def test_bereikcijfers_en_persoonsgegevens_laten_de_pagina_staan(
    client, activiteit, django_capture_on_commit_callbacks
):
    client.get(LIJST)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Bereikcijfer.objects.create(
            moment=activiteit.momenten.first(),
            activiteit=activiteit,
            maand=timezone.localdate().replace(day=1),
            ingeschreven=3,
        )

    assert callbacks == []
    assert client.get(LIJST)[paginacache.HEADER] == "hit"


def test_wie_ingelogd_is_krijgt_nooit_een_bewaarde_pagina(client, coordinator, activiteit):
    client.get(LIJST)
    client.force_login(coordinator)

    response = client.get(LIJST)

    assert paginacache.HEADER not in response
    assert cache.get(paginacache.VERSIE_SLEUTEL) is not None


def test_een_ingelogde_pagina_wordt_niet_bewaard_voor_anderen(client, coordinator, activiteit):
    ingelogd = client.__class__()
    ingelogd.force_login(coordinator)
    ingelogd.get(LIJST)

    assert client.get(LIJST)[paginacache.HEADER] == "miss"


def test_wie_een_melding_heeft_staan_krijgt_de_verse_pagina(client, activiteit):
    client.get(LIJST)
    client.cookies["messages"] = "iets"

    assert paginacache.HEADER not in client.get(LIJST)


def test_htmx_en_volledige_pagina_hebben_elk_hun_eigen_kopie(client, activiteit):
    volledig = client.get(LIJST)
    deel = client.get(LIJST, headers={"HX-Request": "true", "HX-Target": "resultaten"})

    assert deel[paginacache.HEADER] == "miss"
    assert deel.content != volledig.content
    assert client.get(LIJST)[paginacache.HEADER] == "hit"
    assert client.get(LIJST)[paginacache.HEADER] == "hit"


def test_de_deur_op_een_eigen_domein_is_een_andere_kopie_dan_de_startpagina(
    client, activiteit, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "huisvanhetkind-beerse.be"]
    Domein.objects.create(hostnaam="huisvanhetkind-beerse.be", gemeente=activiteit.locatie.gemeente)
    hoofd = client.get("/")
    deur = client.get("/", HTTP_HOST="huisvanhetkind-beerse.be")

    assert deur[paginacache.HEADER] == "miss"
    assert deur.content != hoofd.content
    assert 'rel="canonical"' in deur.text


def test_niet_gevonden_en_formulieren_worden_niet_bewaard(client, activiteit):
    client.get("/bestaat-niet/")
    assert paginacache.HEADER not in client.get("/bestaat-niet/")

    client.get(reverse("vraag"))
    assert paginacache.HEADER not in client.get(reverse("vraag"))


@pytest.mark.parametrize(
    ("maak", "bewaarbaar"),
    [
        (lambda: HttpResponse("ok"), True),
        (lambda: HttpResponse("ok", status=404), False),
        (lambda: _met_cookie(HttpResponse("ok")), False),
        (lambda: _met_header(HttpResponse("ok"), "Vary", "*"), False),
        # The request had no session cookie: an untouched, empty session (base.html looks for
        # messages) is nobody's.
        (lambda: _met_header(HttpResponse("ok"), "Vary", "Accept-Language, Cookie"), True),
        (lambda: _met_header(HttpResponse("ok"), "Cache-Control", "private"), False),
        (lambda: _met_header(HttpResponse("ok"), "Vary", "Accept-Language"), True),
    ],
)
def test_alleen_antwoorden_zonder_iets_persoonlijks_worden_bewaard(maak, bewaarbaar):
    assert paginacache.PaginacacheMiddleware._bewaarbaar(maak()) is bewaarbaar


def _met_cookie(response):
    response.set_cookie("csrftoken", "x")
    return response


def _met_header(response, naam, waarde):
    response[naam] = waarde
    return response


def test_een_cache_die_niet_antwoordt_breekt_de_pagina_niet(client, activiteit):
    with mock.patch.object(paginacache.cache, "get", side_effect=ConnectionError("weg")):
        response = client.get(LIJST)

    assert response.status_code == 200
    assert "Babymassage" in response.text


def test_een_verdwenen_versie_begint_opnieuw_bij_een_ongebruikt_getal(client, activiteit):
    client.get(LIJST)
    oud = cache.get(paginacache.VERSIE_SLEUTEL)
    cache.delete(paginacache.VERSIE_SLEUTEL)

    assert client.get(LIJST)[paginacache.HEADER] == "miss"
    assert cache.get(paginacache.VERSIE_SLEUTEL) != oud


def test_uit_staat_de_cache_niets_te_bewaren(client, activiteit, settings):
    settings.HVK_PAGINACACHE_SECONDEN = 0
    client.get(LIJST)

    assert paginacache.HEADER not in client.get(LIJST)


def test_bewaard_rekent_een_keer_per_versie_van_de_gegevens(settings):
    berekend = []

    def maak():
        berekend.append(1)
        return {"uitkomst": len(berekend)}

    assert paginacache.bewaard("proef", maak) == {"uitkomst": 1}
    assert paginacache.bewaard("proef", maak) == {"uitkomst": 1}
    assert paginacache.bewaard("andere-naam", maak) == {"uitkomst": 2}

    paginacache.vernieuwen()
    assert paginacache.bewaard("proef", maak) == {"uitkomst": 3}

    settings.HVK_PAGINACACHE_SECONDEN = 0
    assert paginacache.bewaard("proef", maak) == {"uitkomst": 4}
    assert paginacache.bewaard("proef", maak) == {"uitkomst": 5}


def test_de_deur_rekent_de_spreiding_een_keer(client, activiteit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # A message cookie keeps the page itself out of the cache: only the spread is kept.
    client.cookies["messages"] = "x"
    with CaptureQueriesContext(connection) as eerste:
        assert "Het aanbod voor Beerse" in client.get("/beerse/").text
    with CaptureQueriesContext(connection) as tweede:
        assert "Het aanbod voor Beerse" in client.get("/beerse/").text

    # The spread of the offer costs 3 queries (aanbod.selectors.spreiding_per_gemeente).
    assert len(tweede) == len(eerste) - 3

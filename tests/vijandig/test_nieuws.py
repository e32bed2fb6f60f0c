"""Paging through the news (/nieuws/?pagina=&gemeente=) and the newsletter archive
(/nieuwsbrief/archief/?pagina=) with a hostile query string.

A page number that is no page shows the nearest page, never an error; the canonical URL
keeps only a known gemeente and a real page number, never what the visitor typed.
"""

import re

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from communicatie.models import Editie, Nieuwsbericht
from tests.factories import GemeenteFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import geweigerd_met_uitleg

pytestmark = pytest.mark.django_db

# The only canonical URLs the news list may name: a known gemeente, a real page.
CANONIEK = re.compile(
    r'<link rel="canonical" href="http://testserver/nieuws/'
    r'(\?(gemeente=(beerse|vosselaar))?(&amp;)?(pagina=[23])?)?">'
)


@pytest.fixture
def nieuws(db, settings):
    settings.HVK_PAGINACACHE_SECONDEN = 60
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    GemeenteFactory(naam="Vosselaar", nis_code="13046", slug="vosselaar")
    # Three pages of ten.
    for nummer in range(25):
        Nieuwsbericht.objects.create(
            titel=f"Bericht {nummer}",
            slug=f"bericht-{nummer}",
            inleiding="Nieuws.",
            gemeente=beerse if nummer % 2 else None,
        )
    for nummer in range(14):
        Editie.objects.create(
            titel=f"Editie {nummer}",
            slug=f"editie-{nummer}",
            intro="Dag.",
            status="verstuurd",
            verstuurd_op=timezone.now(),
        )


PAGINA = st.one_of(st.sampled_from(["1", "2", "3", "4", "0", "-1", "laatste"]), vs.getal())


@voorbeelden(80)
@given(
    querystring=vs.vijandige_querystring(
        ["pagina", "gemeente", "page"],
        waarden={"pagina": PAGINA, "gemeente": st.sampled_from(["beerse", "vosselaar", "BEERSE"])},
    ),
    headers=vs.vijandige_headers(),
)
def test_nieuwslijst_met_vijandige_querystring(
    querystring, headers, nieuws, per_voorbeeld, aanvraag, telling
):
    telling.voorbeelden += 1
    with per_voorbeeld():
        response = aanvraag("get", "/nieuws/", QUERY_STRING=querystring, **headers)

        if response.status_code == 400:
            geweigerd_met_uitleg(response)
            return
        assert response.status_code == 200
        html = response.content.decode()
        assert "Bericht " in html, "a page of news, whatever the page number"
        canoniek = re.search(r'<link rel="canonical"[^>]*>', html)
        assert canoniek is None or CANONIEK.fullmatch(canoniek.group(0)), canoniek


@voorbeelden(40)
@given(
    querystring=vs.vijandige_querystring(["pagina"], waarden={"pagina": PAGINA}),
)
def test_nieuwsbriefarchief_met_vijandige_querystring(
    querystring, nieuws, per_voorbeeld, aanvraag, telling
):
    telling.voorbeelden += 1
    with per_voorbeeld():
        response = aanvraag("get", "/nieuwsbrief/archief/", QUERY_STRING=querystring)

        if response.status_code == 400:
            geweigerd_met_uitleg(response)
            return
        assert response.status_code == 200
        assert "Editie " in response.content.decode()

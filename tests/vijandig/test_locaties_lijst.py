"""The places list (/locaties/?gemeente=...&soort=...) under a hostile query string.

The page always answers (200, or Django's 400 for more fields than it reads); a gemeente or a
kind of place that is not one of ours is named in a Dutch message and left out, and a known
gemeente is applied.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from locaties.models import Locatie
from tests.factories import GemeenteFactory, LocatieFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import geweigerd_met_uitleg, tekst

pytestmark = pytest.mark.django_db

URL = "/locaties/"
SLUGS = ["beerse", "vosselaar"]


@pytest.fixture
def plekken(db, settings):
    settings.HVK_PAGINACACHE_SECONDEN = 60
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    vosselaar = GemeenteFactory(naam="Vosselaar", nis_code="13046", slug="vosselaar")
    LocatieFactory(naam="Huis Beerse", gemeente=beerse)
    LocatieFactory(naam="Antenne Vosselaar", gemeente=vosselaar, soort="antenne")


@voorbeelden(100)
@given(
    querystring=vs.vijandige_querystring(
        ["gemeente", "soort"],
        waarden={
            "gemeente": st.sampled_from([*SLUGS, "Beerse", " beerse", ""]),
            "soort": st.sampled_from([*Locatie.Soort.values, "Fysiek", ""]),
        },
    ),
    headers=vs.vijandige_headers(),
)
def test_locatielijst_met_vijandige_querystring(
    querystring, headers, plekken, per_voorbeeld, aanvraag, telling
):
    telling.voorbeelden += 1
    with per_voorbeeld():
        response = aanvraag("get", URL, QUERY_STRING=querystring, **headers)

        if response.status_code == 400:
            geweigerd_met_uitleg(response)
            return
        assert response.status_code == 200
        gelezen = response.wsgi_request.GET
        pagina = tekst(response)
        gemeente = gelezen.get("gemeente", "")
        soort = gelezen.get("soort", "")
        if gemeente in SLUGS:
            assert response.context["gemeente"].slug == gemeente
        else:
            assert response.context["gemeente"] is None
            if gemeente:
                assert "We vinden geen gemeente" in pagina
        if soort and soort not in Locatie.Soort.values:
            assert "We kennen de soort plek" in pagina
        assert len(response.context["onbekend"]) == (
            bool(gemeente and gemeente not in SLUGS)
            + bool(soort and soort not in Locatie.Soort.values)
        )

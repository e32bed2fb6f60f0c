"""sitemap.xml (with its ``?p=`` page) and robots.txt with a hostile query string."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import GemeenteFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import geweigerd_met_uitleg

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente(db, settings):
    settings.HVK_PAGINACACHE_SECONDEN = 60
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@voorbeelden(50)
@given(
    pad=st.sampled_from(["/sitemap.xml", "/robots.txt"]),
    querystring=vs.vijandige_querystring(
        ["p", "section"], waarden={"p": st.one_of(st.sampled_from(["1", "2", "0"]), vs.getal())}
    ),
)
def test_sitemap_en_robots_met_vijandige_querystring(
    pad, querystring, gemeente, per_voorbeeld, aanvraag, telling
):
    telling.voorbeelden += 1
    with per_voorbeeld():
        response = aanvraag("get", pad, QUERY_STRING=querystring)

        if response.status_code == 400:
            geweigerd_met_uitleg(response)
        elif pad == "/robots.txt":
            assert response.status_code == 200
            assert response.content.startswith(b"User-agent: *\n")
        elif response.status_code == 200:
            assert response["Content-Type"].startswith("application/xml")
            assert b"<loc>http://testserver/beerse/</loc>" in response.content
        else:
            # Django's sitemap answers a page that does not exist (also ``?p=``) with a 404;
            # without ``p`` it is the first page.
            assert response.status_code == 404
            assert response.wsgi_request.GET.get("p") is not None
            geweigerd_met_uitleg(response)

"""The shared flyer (/flyer.pdf, /<gemeente>/flyer.pdf) with hostile ``van``, ``tot`` and
``formaat``: a value that cannot be read is replaced by its default, so always a PDF."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from tests.factories import GemeenteFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import geweigerd_met_uitleg

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemeente(db):
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@voorbeelden(15)
@given(
    pad=st.sampled_from(["/flyer.pdf", "/beerse/flyer.pdf"]),
    querystring=vs.vijandige_querystring(
        ["van", "tot", "formaat"],
        waarden={
            "van": vs.datum(),
            "tot": vs.datum(),
            "formaat": st.sampled_from(["a4", "a5", "A5", "a3", ""]),
        },
    ),
)
def test_flyer_met_vijandige_querystring(pad, querystring, gemeente, aanvraag, telling):
    telling.voorbeelden += 1
    response = aanvraag("get", pad, QUERY_STRING=querystring)

    if response.status_code == 400:
        geweigerd_met_uitleg(response)
    else:
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert len(PdfReader(io.BytesIO(response.content)).pages) >= 1

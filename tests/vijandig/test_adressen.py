"""Forged slugs in the public detail addresses: an activity, a place, a news item, a sent
newsletter, a gemeente's door and its flyer. A real slug shows its page (a gemeente typed in
capitals is redirected); anything else is a Dutch 404, never a server error."""

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from communicatie.models import Editie, Nieuwsbericht
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import geweigerd_met_uitleg

pytestmark = pytest.mark.django_db

# Per address: the pattern and the one slug that exists.
ADRESSEN = {
    "activiteit": ("/aanbod/{}/", "babymassage"),
    "locatie": ("/locaties/{}/", "huis-beerse"),
    "nieuwsbericht": ("/nieuws/{}/", "speelplein-open"),
    "editie": ("/nieuwsbrief/archief/{}/", "maart"),
    "deur": ("/{}/", "beerse"),
    "flyer": ("/{}/flyer.pdf", None),  # see _adres
}


@pytest.fixture
def pagina_s(db, settings):
    settings.HVK_PAGINACACHE_SECONDEN = 60
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    plek = LocatieFactory(naam="Huis Beerse", slug="huis-beerse", gemeente=beerse)
    ActiviteitFactory(titel="Babymassage", slug="babymassage", locatie=plek)
    ActiviteitFactory(slug="verborgen", gepubliceerd=False, locatie=plek)
    Nieuwsbericht.objects.create(titel="Speelplein open", slug="speelplein-open", inleiding="x")
    Editie.objects.create(
        titel="Maart", slug="maart", intro="Dag.", status="verstuurd", verstuurd_op=timezone.now()
    )


@voorbeelden(80)
def _adres(soort: str) -> st.SearchStrategy[tuple[str, str | bytes]]:
    echt = ADRESSEN[soort][1]
    # A real gemeente's flyer is a PDF that takes a while to make (tests/vijandig/test_flyer.py
    # tries it); here only forged ones.
    bijna = ["BEERSE", "Beerse"] if soort != "flyer" else ["beerse-", "beerse_"]
    slug = st.one_of(
        st.sampled_from([*([echt] if echt else []), *bijna, "verborgen", "..", ".", "%2e%2e"]),
        st.sampled_from(["admin", "-", "_"]),
        vs.vijandige_waarde(),
    )
    return st.tuples(st.just(soort), slug)


@voorbeelden(80)
@given(
    adres=st.sampled_from(sorted(ADRESSEN)).flatmap(_adres),
    headers=vs.vijandige_headers(),
)
def test_vervalste_slug_geeft_een_nette_404(
    adres, headers, pagina_s, per_voorbeeld, aanvraag, telling
):
    soort, slug = adres
    telling.voorbeelden += 1
    patroon, echt = ADRESSEN[soort]
    with per_voorbeeld():
        response = aanvraag("get", patroon.format(vs.pad_segment(slug)), **headers)

        if slug == echt:
            assert response.status_code == 200
        elif soort == "deur" and isinstance(slug, str) and slug.lower() == "beerse":
            assert response.status_code == 301
            assert response["Location"] == "/beerse/"
        elif response.status_code != 404 and slug in ("..", ".", "admin"):
            # Not a slug at all: the path is another page (or its redirect).
            assert response.status_code in (200, 301, 302)
        else:
            assert response.status_code == 404, response.status_code
            geweigerd_met_uitleg(response, "bestaat niet", "vinden we niet", "Naar de startpagina")


@voorbeelden(20)
@given(
    pad=st.sampled_from(
        ["/rapportages/", "/rapportages/cijfers.xlsx", "/rapportages/beerse/", "/rapportages/x/"]
    ),
    querystring=vs.vijandige_querystring(["van", "tot", "gemeente", "periode"]),
)
def test_rapportages_vragen_eerst_aan_te_melden(
    pad, querystring, pagina_s, per_voorbeeld, aanvraag, telling
):
    """The reports' filters are for staff: an anonymous visitor is sent to the login page,
    whatever the query string holds."""
    telling.voorbeelden += 1
    with per_voorbeeld():
        response = aanvraag("get", pad, QUERY_STRING=querystring)

        if response.status_code == 400:
            geweigerd_met_uitleg(response)
        else:
            assert response.status_code == 302
            assert response["Location"].startswith("/accounts/login/?next=")

"""The offer list (/aanbod/?...) and its filters under a hostile query string.

Every filter parameter (q, gemeente, leeftijd, pijler, doelgroep, thema, van, tot, taal,
inloop, gratis, toegankelijk, page) and unknown ones get valid, hostile and undecodable
values, as a full page and as htmx's fragment, with the page cache on as in production. The
page always answers 200 (or Django's 400 for more fields than it reads); a filter that was
given and not applied is reported in Dutch, and so is a page number without a number in it.
"""

import datetime as dt
from urllib.parse import parse_qsl

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from aanbod.models import Doelgroep, Pijler
from gemeenten.models import Thema
from locaties.models import Taal
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import geweigerd_met_uitleg, tekst

pytestmark = pytest.mark.django_db

URL = "/aanbod/"
# Filters whose value, when given and not blank, is either applied or reported.
FILTERS = ["q", "gemeente", "leeftijd", "pijler", "doelgroep", "thema", "van", "tot", "taal"]
VINKJES = ["inloop", "gratis", "toegankelijk"]
NIET_ALLES = "Niet alles wat je vroeg, konden we gebruiken:"


@pytest.fixture
def aanbod(db, settings):
    # As in production: anonymous visitors get the list from the page cache.
    settings.HVK_PAGINACACHE_SECONDEN = 60
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    GemeenteFactory(naam="Vosselaar", nis_code="13046", slug="vosselaar")
    plek = LocatieFactory(gemeente=beerse)
    begin = timezone.now() + dt.timedelta(days=3)
    # Two pages of 20.
    for nummer in range(23):
        activiteit = ActiviteitFactory(
            titel=f"Speelmoment {nummer}", locatie=plek, leeftijd_van=0, leeftijd_tot=36
        )
        MomentFactory(activiteit=activiteit, begin=begin + dt.timedelta(hours=nummer))
    Thema.objects.get_or_create(slug="ontmoeting", defaults={"naam": "Ontmoeting"})
    return {
        "gemeente": ["beerse", "vosselaar"],
        "doelgroep": list(Doelgroep.objects.values_list("slug", flat=True)),
        "thema": list(Thema.objects.values_list("slug", flat=True)),
        "taal": list(Taal.objects.values_list("code", flat=True)),
    }


def querystrings(aanbod) -> st.SearchStrategy[str]:
    waarden = {
        "q": st.sampled_from(["speel", "speelmoment 3", "baby voorlezen"]),
        "leeftijd": st.one_of(st.integers(0, 26).map(str), vs.getal()),
        "pijler": st.sampled_from([*Pijler.values, "Ontmoeting", "ontmoeting "]),
        "van": vs.datum(),
        "tot": vs.datum(),
        "page": st.one_of(st.sampled_from(["1", "2", "3", "0", "-1", "last"]), vs.getal()),
        **{naam: vs.vinkje() for naam in VINKJES},
        **{naam: st.sampled_from(keuzes) for naam, keuzes in aanbod.items()},
    }
    return vs.vijandige_querystring([*FILTERS, *VINKJES, "page"], waarden=waarden)


@voorbeelden(150)
@given(data=st.data(), headers=vs.vijandige_headers())
def test_aanbodlijst_met_vijandige_querystring(
    data, headers, aanbod, per_voorbeeld, aanvraag, telling
):
    querystring = data.draw(querystrings(aanbod), label="querystring")
    telling.voorbeelden += 1
    with per_voorbeeld():
        response = aanvraag("get", URL, QUERY_STRING=querystring, **headers)

        if response.status_code == 400:
            geweigerd_met_uitleg(response)
            return
        assert response.status_code == 200
        gelezen = response.wsgi_request.GET
        toegepast = {f["naam"] for f in response.context["actieve_filters"]}
        opmerkingen = response.context["opmerkingen"]
        niet_toegepast = [
            naam for naam in FILTERS if (gelezen.get(naam) or "").strip() and naam not in toegepast
        ]
        # One Dutch remark (at least) per filter that was given and left out.
        assert len(opmerkingen) >= len(niet_toegepast), (niet_toegepast, opmerkingen)
        pagina = gelezen.get("page") or ""
        if pagina and not any(teken.isdigit() for teken in pagina):
            assert any(o.startswith("Pagina ") for o in opmerkingen)
        pagina_tekst = tekst(response)
        if opmerkingen:
            assert NIET_ALLES in pagina_tekst
        for opmerking in opmerkingen:
            assert " ".join(opmerking.split()) in pagina_tekst
        # Every link the page builds from the filters holds only what was applied.
        assert {naam for naam, _ in parse_qsl(response.context["filter_url"])} == toegepast

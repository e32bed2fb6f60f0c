"""The calendar feeds (.ics) with forged gemeente and activity slugs and a hostile query
string: a valid calendar or a Dutch 404, never a server error."""

import datetime as dt

import icalendar
import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import geweigerd_met_uitleg

pytestmark = pytest.mark.django_db

GEMEENTEN = ["beerse"]
ACTIVITEITEN = ["babymassage"]


@pytest.fixture
def kalender(db, settings):
    settings.HVK_PAGINACACHE_SECONDEN = 60
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    activiteit = ActiviteitFactory(
        titel="Babymassage <b>&</b>", slug="babymassage", locatie=LocatieFactory(gemeente=beerse)
    )
    begin = timezone.now() + dt.timedelta(days=3)
    MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=1))
    ActiviteitFactory(slug="verborgen", gepubliceerd=False, locatie=activiteit.locatie)


def _slug(echte):
    return st.one_of(
        st.sampled_from([*echte, "verborgen", "BEERSE", "bestaat-niet"]),
        vs.vijandige_waarde(lang=False),
    )


@voorbeelden(80)
@given(
    soort=st.sampled_from(["gebied", "gemeente", "activiteit"]),
    gemeente=_slug(GEMEENTEN),
    activiteit=_slug(ACTIVITEITEN),
    querystring=vs.vijandige_querystring(["gemeente", "page", "van"]),
)
def test_kalender_met_vervalste_slug(
    soort, gemeente, activiteit, querystring, kalender, per_voorbeeld, aanvraag, telling
):
    telling.voorbeelden += 1
    pad, bestaat = {
        "gebied": ("/aanbod/kalender.ics", True),
        "gemeente": (f"/aanbod/kalender/{vs.pad_segment(gemeente)}.ics", gemeente in GEMEENTEN),
        "activiteit": (
            f"/aanbod/{vs.pad_segment(activiteit)}/kalender.ics",
            activiteit in ACTIVITEITEN,
        ),
    }[soort]
    with per_voorbeeld():
        response = aanvraag("get", pad, QUERY_STRING=querystring)

        if response.status_code == 400:
            geweigerd_met_uitleg(response)
        elif bestaat:
            assert response.status_code == 200
            assert response["Content-Type"].startswith("text/calendar")
            feed = icalendar.Calendar.from_ical(response.content)
            assert feed.walk("VEVENT"), "the coming moment is in the feed"
        else:
            assert response.status_code == 404
            geweigerd_met_uitleg(response)

"""Calendar feeds of the offer, read back with the icalendar library as a calendar app would."""

import datetime as dt
from unittest.mock import patch
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from hvk.herhaling import lokale_tijd
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory

pytestmark = pytest.mark.django_db

BRUSSEL = ZoneInfo("Europe/Brussels")


@pytest.fixture
def turnhout():
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


@pytest.fixture
def beerse():
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def moment(activiteit, dagen: int, uur: int = 10, minuut: int = 0, **kwargs):
    begin = lokale_tijd(timezone.localdate() + dt.timedelta(days=dagen), dt.time(uur, minuut))
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **kwargs
    )


def lees(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def per_uid(calendar: Calendar) -> dict:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_kalender_van_het_hele_huis_is_geldig_en_heeft_vaste_uids(client):
    locatie = LocatieFactory(naam="Babbelonie", straat="Zandstraat 14", postcode="2300")
    act = ActiviteitFactory(
        titel="Speelgroep Kribbel",
        slug="kribbel",
        samenvatting="Samen spelen met je peuter.",
        locatie=locatie,
    )
    gaat_door = moment(act, 3)
    afgelast = moment(act, 10, geannuleerd=True)
    moment(act, -2)  # over
    moment(ActiviteitFactory(gepubliceerd=False), 4)

    calendar = lees(client.get(reverse("aanbod:kalender")))
    events = per_uid(calendar)

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert str(calendar["X-WR-CALNAME"]) == "Huis van het Kind: aanbod"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert set(events) == {
        f"moment-{gaat_door.pk}@testserver",
        f"moment-{afgelast.pk}@testserver",
    }
    event = events[f"moment-{gaat_door.pk}@testserver"]
    assert str(event["SUMMARY"]) == "Speelgroep Kribbel"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in event
    assert str(event["URL"]) == "http://testserver/aanbod/kribbel/"
    assert str(event["DESCRIPTION"]) == (
        "Samen spelen met je peuter.\n\nhttp://testserver/aanbod/kribbel/"
    )
    assert str(event["LOCATION"]) == "Babbelonie, Zandstraat 14, 2300 Turnhout"
    assert event.decoded("DTSTART") == gaat_door.begin
    assert event.decoded("DTEND") == gaat_door.einde


def test_een_afgelast_moment_staat_als_geannuleerd_in_de_kalender(client):
    act = ActiviteitFactory(titel="Speelgroep Kribbel", slug="kribbel")
    afgelast = moment(act, 10, geannuleerd=True)

    event = per_uid(lees(client.get(reverse("aanbod:kalender"))))[
        f"moment-{afgelast.pk}@testserver"
    ]

    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]) == "Afgelast: Speelgroep Kribbel"
    assert str(event["DESCRIPTION"]).startswith("Dit moment gaat niet door.")


def test_kalender_van_het_huis_kijkt_zes_maanden_vooruit(client):
    act = ActiviteitFactory()
    binnen = moment(act, 150)
    moment(act, 200)

    events = per_uid(lees(client.get(reverse("aanbod:kalender"))))

    assert list(events) == [f"moment-{binnen.pk}@testserver"]


@pytest.mark.parametrize(("dag", "utc_uur"), [(28, 8), (30, 7)])
def test_half_tien_blijft_half_tien_over_de_zomertijd_heen(client, dag, utc_uur):
    # Summer time starts on Sunday 29 March 2026: 9:30 in Brussels is 8:30 UTC the Saturday
    # before and 7:30 UTC the Monday after.
    act = ActiviteitFactory(titel="Consultatie", slug="consultatie")
    m = MomentFactory(
        activiteit=act,
        begin=dt.datetime(2026, 3, dag, 9, 30, tzinfo=BRUSSEL),
        einde=dt.datetime(2026, 3, dag, 11, 30, tzinfo=BRUSSEL),
    )

    with patch("django.utils.timezone.now", return_value=dt.datetime(2026, 3, 20, tzinfo=dt.UTC)):
        response = client.get(reverse("aanbod:kalender_activiteit", args=["consultatie"]))
    event = per_uid(lees(response))[f"moment-{m.pk}@testserver"]

    assert event["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert f"DTSTART;TZID=Europe/Brussels:202603{dag}T093000" in response.content.decode()
    start = event.decoded("DTSTART")
    assert (start.hour, start.minute) == (9, 30)
    assert start.astimezone(dt.UTC).time() == dt.time(utc_uur, 30)


def test_de_tijdzone_in_de_kalender_kent_de_zomertijd(client):
    act = ActiviteitFactory(slug="consultatie")
    MomentFactory(activiteit=act, begin=dt.datetime(2026, 3, 30, 9, 30, tzinfo=BRUSSEL))

    with patch("django.utils.timezone.now", return_value=dt.datetime(2026, 3, 20, tzinfo=dt.UTC)):
        calendar = lees(client.get(reverse("aanbod:kalender_activiteit", args=["consultatie"])))
    zomer = calendar.walk("DAYLIGHT")

    assert zomer
    assert zomer[0].decoded("DTSTART") == dt.datetime(2026, 3, 29, 3, 0)
    assert zomer[0]["TZOFFSETTO"].td == dt.timedelta(hours=2)


def test_kalender_van_een_gemeente_laat_het_lokale_aanbod_van_een_andere_gemeente_weg(
    client, beerse, turnhout
):
    regionaal = moment(ActiviteitFactory(titel="Regionaal", bereik="regionaal"), 2)
    voor_beerse = moment(
        ActiviteitFactory(titel="Voor Beerse", bereik="lokaal", gemeenten=[beerse]), 3
    )
    moment(ActiviteitFactory(titel="Voor Turnhout", bereik="lokaal", gemeenten=[turnhout]), 4)

    calendar = lees(client.get(reverse("aanbod:kalender_gemeente", args=["beerse"])))

    assert {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")} == {"Regionaal", "Voor Beerse"}
    assert set(per_uid(calendar)) == {
        f"moment-{regionaal.pk}@testserver",
        f"moment-{voor_beerse.pk}@testserver",
    }
    assert str(calendar["X-WR-CALNAME"]) == "Huis van het Kind: aanbod voor Beerse"


def test_kalender_van_een_onbekende_gemeente_bestaat_niet(client):
    assert client.get(reverse("aanbod:kalender_gemeente", args=["atlantis"])).status_code == 404


def test_kalender_van_een_activiteit_heeft_al_haar_komende_momenten(client):
    act = ActiviteitFactory(titel="Babymassage", slug="babymassage")
    eerste = moment(act, 3)
    na_een_jaar = moment(act, 300)
    moment(ActiviteitFactory(), 3)

    response = client.get(reverse("aanbod:kalender_activiteit", args=["babymassage"]))
    calendar = lees(response)

    assert set(per_uid(calendar)) == {
        f"moment-{eerste.pk}@testserver",
        f"moment-{na_een_jaar.pk}@testserver",
    }
    assert str(calendar["X-WR-CALNAME"]) == "Babymassage"
    assert response["Content-Disposition"] == 'attachment; filename="babymassage.ics"'


def test_kalender_van_ongepubliceerd_aanbod_bestaat_niet(client):
    ActiviteitFactory(slug="verborgen", gepubliceerd=False)

    response = client.get(reverse("aanbod:kalender_activiteit", args=["verborgen"]))

    assert response.status_code == 404


def test_een_moment_op_een_andere_plek_heeft_die_plek_als_locatie(client):
    act = ActiviteitFactory(slug="lezing")
    elders = moment(act, 3, locatie=LocatieFactory(naam="Bib", straat="Dorp 2", postcode="2340"))

    event = per_uid(lees(client.get(reverse("aanbod:kalender_activiteit", args=["lezing"]))))[
        f"moment-{elders.pk}@testserver"
    ]

    assert str(event["LOCATION"]) == "Bib, Dorp 2, 2340 Turnhout"


def test_met_een_hoofddomein_wijzen_uid_en_adres_naar_dat_domein(client, settings):
    # A gemeente's own host name serves the same feed: the UIDs must not change with it.
    settings.HVK_HOOFDDOMEIN = "www.hvk.example"
    m = moment(ActiviteitFactory(slug="lezing"), 3)

    event = per_uid(lees(client.get(reverse("aanbod:kalender"))))[f"moment-{m.pk}@www.hvk.example"]

    assert str(event["URL"]) == "https://www.hvk.example/aanbod/lezing/"


def test_een_lege_kalender_is_ook_geldig(client):
    calendar = lees(client.get(reverse("aanbod:kalender")))

    assert calendar.walk("VEVENT") == []
    assert calendar["VERSION"] == "2.0"


@pytest.mark.parametrize("aantal", [1, 3])
def test_kalenders_kosten_evenveel_queries_met_een_of_drie_activiteiten(
    client, django_assert_num_queries, beerse, aantal
):
    for _ in range(aantal):
        act = ActiviteitFactory(bereik="lokaal", gemeenten=[beerse])
        moment(act, 3, locatie=LocatieFactory())
        moment(act, 4)

    # The moments with activity and places; the huisstijl for the calendar's name.
    with django_assert_num_queries(2):
        client.get(reverse("aanbod:kalender"))
    # And the gemeente.
    with django_assert_num_queries(3):
        client.get(reverse("aanbod:kalender_gemeente", args=["beerse"]))
    # The activity and its moments: the calendar is named after the activity, not the Huis.
    with django_assert_num_queries(2):
        client.get(reverse("aanbod:kalender_activiteit", args=[act.slug]))


@pytest.mark.parametrize("gemeente", [False, True])
def test_kalender_van_het_huis_en_van_een_gemeente_houdt_de_eerste_momenten(
    client, turnhout, gemeente
):
    activiteit = ActiviteitFactory()
    eerste, tweede, _derde = (moment(activiteit, dagen) for dagen in (3, 1, 5))
    url = (
        reverse("aanbod:kalender_gemeente", args=[turnhout.slug])
        if gemeente
        else reverse("aanbod:kalender")
    )

    with patch("aanbod.views.KALENDER_MAX_MOMENTEN", 2):
        events = per_uid(lees(client.get(url)))

    assert len(events) == 2
    begin = sorted(e.decoded("dtstart") for e in events.values())
    assert begin == [tweede.begin, eerste.begin]

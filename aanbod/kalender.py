"""Calendar feeds (iCalendar, RFC 5545) of the offer, built with the icalendar library.

Times are written as local wall-clock times with ``TZID=Europe/Brussels`` and a VTIMEZONE
that spans the feed, so a 9:30 session stays 9:30 in every calendar across a daylight-saving
change. Each moment keeps the same UID in every version of a feed, so a calendar that
subscribes updates the event (moved, cancelled) instead of adding a second one.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event, Timezone, vDuration

from aanbod.models import Activiteit, Moment

PRODID = "-//Huis van het Kind//Portaal//NL"
# How often a subscribed calendar should fetch the feed again.
VERVERSEN = dt.timedelta(hours=12)


@lru_cache(maxsize=8)
def _tijdzone(eerste_jaar: int, laatste_jaar: int) -> Timezone:
    # Computing the transitions takes a moment; a feed spans the same years all day long.
    return Timezone.from_tzid(
        settings.TIME_ZONE,
        first_date=dt.date(eerste_jaar, 1, 1),
        last_date=dt.date(laatste_jaar + 1, 1, 1),
    )


def plek_tekst(moment: Moment) -> str:
    """Where a moment takes place, as one line: the place's name with its address or website."""
    plek = moment.plek
    if plek is None:
        return ""
    detail = plek.adres or plek.website
    return f"{plek.naam}, {detail}" if detail else plek.naam


def kalender_maken(
    *,
    naam: str,
    sleutel: str,
    momenten: Iterable[Moment],
    url_van: Callable[[Activiteit], str],
    host: str,
    beschrijving: str = "",
) -> Calendar:
    """A calendar with one event per moment.

    ``sleutel`` names this feed in its UID (``kalender-<sleutel>@<host>``); ``url_van`` gives
    the public address of an activity; ``host`` makes each event's UID
    (``moment-<pk>@<host>``) unique beyond this site. Moments need their activity and place
    loaded (``komende_momenten`` does that).
    """
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar.new(
        name=naam,
        description=beschrijving or None,
        prodid=PRODID,
        uid=f"kalender-{sleutel}@{host}",
        refresh_interval=VERVERSEN,
    )
    calendar.add("X-WR-TIMEZONE", settings.TIME_ZONE)
    calendar.add("X-PUBLISHED-TTL", vDuration(VERVERSEN))

    nu = timezone.now()
    momenten = list(momenten)
    jaren = [timezone.localtime(m.begin, zone).year for m in momenten] or [
        timezone.localdate(nu).year
    ]
    calendar.add_component(_tijdzone(min(jaren), max(jaren)))

    for moment in momenten:
        activiteit = moment.activiteit
        url = url_van(activiteit)
        omschrijving = "\n\n".join(d for d in (activiteit.samenvatting, url) if d)
        titel = activiteit.titel
        if moment.geannuleerd:
            titel = gettext("Afgelast: %(titel)s") % {"titel": titel}
            omschrijving = gettext("Dit moment gaat niet door.") + "\n\n" + omschrijving
        calendar.add_component(
            Event.new(
                uid=f"moment-{moment.pk}@{host}",
                stamp=nu,
                start=moment.begin.astimezone(zone),
                end=moment.einde.astimezone(zone),
                summary=titel,
                description=omschrijving,
                location=plek_tekst(moment) or None,
                url=url,
                status="CANCELLED" if moment.geannuleerd else "CONFIRMED",
            )
        )
    return calendar

"""The public offer: the filterable list, one activity, and the calendar feeds."""

import datetime as dt
import json

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django_htmx.http import push_url

from aanbod import selectors
from aanbod.forms import AanbodFilterForm
from aanbod.kalender import kalender_maken
from aanbod.models import Activiteit
from gemeenten.models import Gemeente
from hvk.paginacache import gecached

PER_PAGINA = 20
# The whole area's and a gemeente's feed look this far ahead.
KALENDER_HORIZON = relativedelta(months=6)
# The area's and a gemeente's feed hold at most this many moments, the soonest first: a
# calendar app fetches the feed again every few hours, and a file of tens of thousands of
# events is too big for it (and for the server to build on every request).
KALENDER_MAX_MOMENTEN = 1000
# The detail page lists this many coming moments; the activity's calendar has them all.
MOMENTEN_OP_PAGINA = 10


@gecached
def lijst(request):
    """The offer, filtered by the URL's query string; htmx gets only the results."""
    form = AanbodFilterForm(request.GET)
    filters = form.lees_filters()
    opmerkingen = form.opmerkingen

    paginator = Paginator(selectors.aanbod_zoeken(filters), PER_PAGINA)
    pagina_nummer = request.GET.get("page") or 1
    try:
        pagina = paginator.page(pagina_nummer)
    except InvalidPage:
        pagina = _gevraagde_pagina(paginator, pagina_nummer)
        opmerkingen.append(
            gettext("Pagina %(gevraagd)s bestaat niet. Je ziet pagina %(pagina)s.")
            % {"gevraagd": str(pagina_nummer)[:20], "pagina": pagina.number}
        )
    activiteiten = selectors.volgende_momenten_koppelen(pagina.object_list)

    filter_url = form.url_parameters()
    context = {
        "form": AanbodFilterForm(initial=form.toegepast),
        "meer_filters_open": form.meer_filters_actief(),
        "activiteiten": activiteiten,
        "pagina": pagina,
        "paginas": _paginanummers(pagina),
        "aantal": paginator.count,
        "actieve_filters": form.actieve_filters(),
        "filter_url": filter_url,
        "opmerkingen": opmerkingen,
        "gemeente": filters.gemeente,
    }
    volledig = not request.htmx or request.htmx.history_restore_request
    if volledig:
        response = render(request, "aanbod/lijst.html", context)
    else:
        response = render(request, "aanbod/_lijst_htmx.html", context)
        # The form sends every field, empty ones too; the address bar gets the tidy URL.
        adres = reverse("aanbod:lijst")
        if filter_url or pagina.number > 1:
            adres += "?" + "&".join(
                d for d in (filter_url, f"page={pagina.number}" if pagina.number > 1 else "") if d
            )
        push_url(response, adres)
    # The same URL answers with a page or a fragment: caches must keep them apart.
    patch_vary_headers(response, ("HX-Request",))
    return response


def _gevraagde_pagina(paginator, nummer):
    try:
        nummer = int(nummer)
    except (TypeError, ValueError):
        return paginator.page(1)
    return paginator.page(paginator.num_pages if nummer > paginator.num_pages else 1)


def _paginanummers(pagina):
    """Page numbers around the current one, with None where numbers are left out."""
    paginator = pagina.paginator
    return [
        None if nummer == paginator.ELLIPSIS else nummer
        for nummer in paginator.get_elided_page_range(pagina.number, on_each_side=1, on_ends=1)
    ]


@gecached
def detail(request, slug):
    try:
        activiteit = selectors.activiteit_voor_publiek(slug)
    except Activiteit.DoesNotExist:
        raise Http404(gettext("Dit aanbod bestaat niet (meer).")) from None

    # Cancelled moments are shown too, but do not count towards the ten that go ahead.
    momenten = _tot_en_met_actief(
        selectors.komende_momenten(
            activiteit=activiteit, aantal=2 * MOMENTEN_OP_PAGINA, met_plaatsen=True
        ),
        MOMENTEN_OP_PAGINA,
    )
    # Which moments take registrations on the site: not cancelled and not yet begun.
    nu = timezone.now()
    for moment in momenten:
        moment.inschrijven_kan = (
            activiteit.inschrijving_vereist and not moment.geannuleerd and moment.begin > nu
        )
    url = _publiek_adres(request, reverse("aanbod:detail", args=[activiteit.slug]))
    locatie = activiteit.locatie
    week = None
    if activiteit.doorlopend and locatie is not None:
        week = locatie.openingsschema().week(timezone.localdate())
    context = {
        "activiteit": activiteit,
        "momenten": momenten,
        "inschrijven_open": any(moment.inschrijven_kan for moment in momenten),
        "locatie": locatie,
        "week": week,
        "toegankelijkheid": _toegankelijkheid(locatie),
        "versies": selectors.andere_versies(activiteit),
        "afbeelding_url": (
            request.build_absolute_uri(activiteit.afbeelding.url) if activiteit.afbeelding else ""
        ),
        "jsonld": _jsonld(activiteit, momenten, url, request),
    }
    return render(request, "aanbod/detail.html", context)


def _tot_en_met_actief(momenten, aantal):
    """The moments up to and including the ``aantal``-th one that is not cancelled."""
    getoond, actief = [], 0
    for moment in momenten:
        if actief == aantal:
            break
        getoond.append(moment)
        actief += not moment.geannuleerd
    return getoond


# Accessibility facts of a place, in the order a parent asks about them.
TOEGANKELIJKHEID = (
    "rolstoeltoegankelijk",
    "kinderwagentoegankelijk",
    "verzorgingstafel",
    "stille_ruimte",
    "parking",
)


def _toegankelijkheid(locatie) -> list[dict]:
    """Yes / no / not known, in words: "not known" must never read as "no"."""
    if locatie is None or locatie.soort == locatie.Soort.VIRTUEEL:
        return []
    teksten = {True: gettext("ja"), False: gettext("nee"), None: gettext("niet gekend")}
    klassen = {True: "ja", False: "nee", None: "onbekend"}
    return [
        {
            "label": locatie._meta.get_field(naam).verbose_name,
            "waarde": getattr(locatie, naam),
            "tekst": teksten[getattr(locatie, naam)],
            "klasse": klassen[getattr(locatie, naam)],
        }
        for naam in TOEGANKELIJKHEID
    ]


def _jsonld(activiteit, momenten, url, request) -> str:
    """schema.org data for search engines and apps: an Event, or an EventSeries of them."""
    locatie = activiteit.locatie

    def plaats(plek):
        if plek is None:
            return None
        if plek.soort == plek.Soort.VIRTUEEL:
            return {"@type": "VirtualLocation", "name": plek.naam, "url": plek.website}
        gegevens = {
            "@type": "Place",
            "name": plek.naam,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": plek.straat,
                "postalCode": plek.postcode,
                "addressLocality": plek.plaats,
                "addressCountry": "BE",
            },
        }
        if plek.heeft_coordinaten:
            gegevens["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(plek.breedtegraad),
                "longitude": float(plek.lengtegraad),
            }
        return gegevens

    def aanbieding(volzet=False):
        return {
            "@type": "Offer",
            "price": f"{activiteit.prijs:.2f}",
            "priceCurrency": "EUR",
            "url": url,
            "availability": "https://schema.org/" + ("SoldOut" if volzet else "InStock"),
        }

    def gebeurtenis(moment):
        plek = moment.plek
        gegevens = {
            "@type": "Event",
            "name": activiteit.titel,
            "startDate": timezone.localtime(moment.begin).isoformat(),
            "endDate": timezone.localtime(moment.einde).isoformat(),
            "eventStatus": "https://schema.org/"
            + ("EventCancelled" if moment.geannuleerd else "EventScheduled"),
            "eventAttendanceMode": "https://schema.org/"
            + (
                "OnlineEventAttendanceMode"
                if plek is not None and plek.soort == plek.Soort.VIRTUEEL
                else "OfflineEventAttendanceMode"
            ),
            "location": plaats(plek),
            "offers": aanbieding(getattr(moment, "volzet", False)),
            "url": url,
        }
        return {k: v for k, v in gegevens.items() if v is not None}

    basis = {
        "@context": "https://schema.org",
        "name": activiteit.titel,
        "description": activiteit.samenvatting or activiteit.beschrijving[:300],
        "url": url,
        "inLanguage": [t.code for t in activiteit.talen.all()] or None,
        "organizer": [
            {"@type": "Organization", "name": p.naam, **({"url": p.website} if p.website else {})}
            for p in activiteit.partners.all()
        ]
        or None,
        "isAccessibleForFree": activiteit.is_gratis,
    }
    if activiteit.leeftijd_van is not None or activiteit.leeftijd_tot is not None:
        # In whole years, rounded outwards: 1 to 9 months is "0-1", not "0-0".
        van = (activiteit.leeftijd_van or 0) // 12
        tot = "" if activiteit.leeftijd_tot is None else -(-activiteit.leeftijd_tot // 12)
        basis["typicalAgeRange"] = f"{van}-{tot}"
    if activiteit.afbeelding:
        basis["image"] = request.build_absolute_uri(activiteit.afbeelding.url)

    if len(momenten) == 1 and not activiteit.doorlopend:
        gegevens = {**gebeurtenis(momenten[0]), **basis, "@type": "Event"}
    else:
        gegevens = {
            **basis,
            "@type": "EventSeries",
            "location": plaats(locatie),
            "offers": aanbieding(),
            "subEvent": [gebeurtenis(m) for m in momenten] or None,
        }
        if momenten:
            gegevens["startDate"] = timezone.localtime(momenten[0].begin).isoformat()
    gegevens = {k: v for k, v in gegevens.items() if v is not None}
    tekst = json.dumps(gegevens, ensure_ascii=False, indent=2)
    # Inside <script> only "</" can end the element early; escape the characters that could.
    tekst = tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(tekst)  # noqa: S308 - JSON with <, > and & escaped


def _publiek_adres(request, pad: str) -> str:
    """The absolute URL of ``pad`` on the main host, as base.html's canonical link has it.

    Feeds and structured data name one address even when a gemeente's own host name served
    the request, so that a moment keeps one UID and a page one URL.
    """
    if settings.HVK_HOOFDDOMEIN:
        return f"https://{settings.HVK_HOOFDDOMEIN}{pad}"
    return request.build_absolute_uri(pad)


def _kalender_response(request, *, sleutel, momenten, bestandsnaam=None, **naam_context):
    naam = render_to_string("aanbod/kalender_naam.txt", naam_context, request=request).strip()
    host = settings.HVK_HOOFDDOMEIN or request.get_host().split(":")[0]
    calendar = kalender_maken(
        naam=naam,
        sleutel=sleutel,
        momenten=momenten,
        url_van=lambda a: _publiek_adres(request, reverse("aanbod:detail", args=[a.slug])),
        host=host,
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    if bestandsnaam:
        response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


def _horizon() -> dt.date:
    return timezone.localdate() + KALENDER_HORIZON


@gecached
def kalender(request):
    """The whole area's coming moments, six months ahead (the first 1,000)."""
    return _kalender_response(
        request,
        sleutel="aanbod",
        momenten=selectors.komende_momenten(tot=_horizon(), aantal=KALENDER_MAX_MOMENTEN),
    )


@gecached
def kalender_gemeente(request, gemeente):
    """The coming moments a resident of one gemeente may go to, six months ahead (the first
    1,000)."""
    gemeente = get_object_or_404(Gemeente, slug=gemeente)
    return _kalender_response(
        request,
        gemeente=gemeente,
        sleutel=f"aanbod-{gemeente.slug}",
        momenten=selectors.komende_momenten(
            gemeente=gemeente, tot=_horizon(), aantal=KALENDER_MAX_MOMENTEN
        ),
    )


@gecached
def kalender_activiteit(request, slug):
    """Every coming moment of one activity: the "add to my calendar" file."""
    activiteit = get_object_or_404(Activiteit.objects.gepubliceerd(), slug=slug)
    return _kalender_response(
        request,
        activiteit=activiteit,
        sleutel=f"activiteit-{activiteit.slug}",
        momenten=selectors.komende_momenten(activiteit=activiteit),
        bestandsnaam=f"{activiteit.slug}.ics",
    )

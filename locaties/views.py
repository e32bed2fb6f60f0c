"""The public places pages: the list (with a map on request) and one place."""

import datetime as dt
import json
from itertools import groupby
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext, gettext_lazy

from gemeenten.models import Gemeente
from hvk.paginacache import gecached
from locaties.models import Locatie
from locaties.selectors import (
    doorlopend_aanbod,
    haltes_met_schema,
    komende_haltebezoeken,
    komende_momenten,
    locatie_met_status,
    locaties_met_status,
)

# Map tiles come from a third party, which sees the resident's IP address; they load only
# after the resident asks for the map. Both can point at a tile server of the Huis's own.
KAARTTEGELS_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
KAARTTEGELS_ATTRIBUTIE = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers'
)
# How far ahead a mobile house's page lists its stops.
HALTEBEZOEKEN_DAGEN = 92

# Accessibility facts in the order a parent with a pram or a wheelchair reads them.
TOEGANKELIJKHEID = [
    "rolstoeltoegankelijk",
    "kinderwagentoegankelijk",
    "verzorgingstafel",
    "parking",
    "stille_ruimte",
]
# On a place's page: what each fact means, in plain words.
TOEGANKELIJKHEID_LANG = {
    "rolstoeltoegankelijk": gettext_lazy("Toegankelijk met een rolstoel"),
    "kinderwagentoegankelijk": gettext_lazy("Toegankelijk met een kinderwagen"),
    "verzorgingstafel": gettext_lazy("Verzorgingstafel om je kind te verversen"),
    "parking": gettext_lazy("Parking"),
    "stille_ruimte": gettext_lazy("Stille ruimte, om borstvoeding te geven of tot rust te komen"),
}
# In the list, where space on a phone is scarce: the three facts parents ask about most.
TOEGANKELIJKHEID_KORT = {
    "rolstoeltoegankelijk": gettext_lazy("Rolstoel"),
    "kinderwagentoegankelijk": gettext_lazy("Kinderwagen"),
    "verzorgingstafel": gettext_lazy("Verzorgingstafel"),
}
SCHEMA_DAGEN = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]


# Said when a filter value in the address is unknown (an old link, a typo).
ONBEKENDE_KEUZE = {
    "gemeente": gettext_lazy(
        "We vinden geen gemeente “%(waarde)s”. Je ziet de plekken in alle gemeenten."
    ),
    "soort": gettext_lazy("We kennen de soort plek “%(waarde)s” niet. Je ziet alle soorten."),
}


class LocatieFilter(forms.Form):
    gemeente = forms.ChoiceField(label=gettext_lazy("Gemeente"), required=False)
    soort = forms.ChoiceField(
        label=gettext_lazy("Soort plek"),
        required=False,
        choices=[
            ("", gettext_lazy("Alle soorten")),
            *((waarde, capfirst(label)) for waarde, label in Locatie.Soort.choices),
        ],
    )

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", gettext("Alle gemeenten"))] + [
            (g.slug, g.naam) for g in gemeenten
        ]


def kaart_instellingen() -> dict:
    """The tile server from the settings, and the name a resident is told it loads from."""
    url = getattr(settings, "HVK_KAARTTEGELS_URL", KAARTTEGELS_URL)
    host = urlsplit(url).hostname or ""
    if host == "openstreetmap.org" or host.endswith(".openstreetmap.org"):
        bron = "OpenStreetMap"
    else:
        # A relative URL is the Huis's own tile server: nothing to warn about.
        bron = host
    return {
        "tegels": url,
        "attributie": getattr(settings, "HVK_KAARTTEGELS_ATTRIBUTIE", KAARTTEGELS_ATTRIBUTIE),
        "bron": bron,
    }


def _marker(naam, coordinaten, url="", adres="", soort=""):
    return {
        "naam": naam,
        "lat": coordinaten[0],
        "lon": coordinaten[1],
        "url": url,
        "adres": adres,
        "soort": soort,
    }


def _markers(locatie: Locatie, haltes) -> list[dict]:
    """A marker for a place with coordinates; a mobile house shows its stops instead."""
    url = reverse("locaties:detail", args=[locatie.slug])
    if locatie.soort == Locatie.Soort.MOBIEL:
        return [
            _marker(
                f"{locatie.naam}: {halte.naam}",
                halte.plek_coordinaten,
                url,
                halte.adres,
                gettext("halte van het mobiele huis"),
            )
            for halte in haltes
            if halte.plek_coordinaten
        ]
    if locatie.heeft_coordinaten:
        return [
            _marker(
                locatie.naam,
                locatie.coordinaten,
                url,
                locatie.adres,
                locatie.get_soort_display(),
            )
        ]
    return []


def _kaart(markers: list[dict]) -> dict:
    return {**kaart_instellingen(), "markers": markers}


def toegankelijkheid(locatie: Locatie, velden=TOEGANKELIJKHEID, labels=None) -> list[tuple]:
    """(label, True / False / None) per accessibility fact; the template says ja / nee / …"""
    labels = labels or {}
    return [
        (labels.get(veld) or Locatie._meta.get_field(veld).verbose_name, getattr(locatie, veld))
        for veld in velden
    ]


@gecached
def lijst(request):
    gemeenten = list(Gemeente.objects.order_by("naam"))
    filter_form = LocatieFilter(request.GET, gemeenten=gemeenten)
    filter_form.is_valid()
    # A stale link or a typo must not cost the resident the page: drop what is unknown, say
    # so plainly, and keep what is valid.
    gekozen = {veld: filter_form.cleaned_data.get(veld, "") for veld in filter_form.fields}
    onbekend = [
        ONBEKENDE_KEUZE[veld] % {"waarde": Truncator(request.GET.get(veld, "")).chars(40)}
        for veld in filter_form.errors
    ]
    gemeente = next((g for g in gemeenten if g.slug == gekozen["gemeente"]), None)
    items = locaties_met_status(gemeente=gemeente, soort=gekozen["soort"] or None)

    groepen = []
    for onderweg, groep in groupby(items, key=lambda i: i.is_onderweg_of_online):
        if onderweg:
            per_titel = [(gettext("Onderweg en online, voor alle gemeenten"), groep)]
        else:
            per_titel = groupby(groep, key=lambda i: i.locatie.gemeente.naam)
        for titel, rij in per_titel:
            kaartjes = [
                (item, toegankelijkheid(item.locatie, TOEGANKELIJKHEID_KORT, TOEGANKELIJKHEID_KORT))
                for item in rij
            ]
            groepen.append((titel, kaartjes))

    markers = [
        marker for item in items for marker in _markers(item.locatie, item.locatie.haltes.all())
    ]
    return render(
        request,
        "locaties/lijst.html",
        {
            "groepen": groepen,
            "aantal": len(items),
            "filter_form": LocatieFilter(initial=gekozen, gemeenten=gemeenten),
            "gefilterd": any(gekozen.values()),
            "gemeente": gemeente,
            "onbekend": onbekend,
            "kaart": _kaart(markers),
        },
    )


@gecached
def detail(request, slug):
    locatie = get_object_or_404(
        Locatie.objects.select_related("gemeente").prefetch_related("talen").met_openingsuren(),
        slug=slug,
    )
    nu = timezone.now()
    vandaag = timezone.localdate(nu)
    schema = locatie.openingsschema()
    is_mobiel = locatie.soort == Locatie.Soort.MOBIEL

    haltes, bezoeken = [], []
    if is_mobiel:
        haltes = haltes_met_schema(locatie, nu)
        bezoeken = komende_haltebezoeken(
            locatie, vandaag + dt.timedelta(days=HALTEBEZOEKEN_DAGEN), nu
        )
    bezoeken_per_dag = [
        (dag, list(per_dag))
        for dag, per_dag in groupby(bezoeken, key=lambda b: timezone.localdate(b.begin))
    ]
    item = locatie_met_status(
        locatie, nu, volgend_bezoek=next((b for b in bezoeken if not b.geannuleerd), None)
    )

    url = request.build_absolute_uri(reverse("locaties:detail", args=[locatie.slug]))
    return render(
        request,
        "locaties/detail.html",
        {
            "locatie": locatie,
            "item": item,
            "vandaag": vandaag,
            "week": schema.week(vandaag),
            "uitzonderingen": [u for u in locatie.uitzonderingen.all() if u.laatste_dag >= vandaag],
            "momenten": komende_momenten(locatie, nu),
            "doorlopend": doorlopend_aanbod(locatie),
            "toegankelijkheid": toegankelijkheid(locatie, TOEGANKELIJKHEID, TOEGANKELIJKHEID_LANG),
            "talen": list(locatie.talen.all()),
            "is_mobiel": is_mobiel,
            "haltes": haltes,
            "bezoeken_per_dag": bezoeken_per_dag,
            "kaart": _kaart(_markers(locatie, haltes)),
            "canonical": url,
            "afbeelding_url": (
                request.build_absolute_uri(locatie.afbeelding.url) if locatie.afbeelding else ""
            ),
            "json_ld": json_ld(locatie_als_place(locatie, url, request)),
        },
    )


def locatie_als_place(locatie: Locatie, url: str, request) -> dict:
    """schema.org ``Place`` for search engines and residents' apps."""
    place = {
        "@context": "https://schema.org",
        "@type": "Place",
        "@id": url,
        "url": url,
        "name": locatie.naam,
    }
    if locatie.beschrijving:
        place["description"] = locatie.beschrijving
    if locatie.straat or locatie.plaats:
        place["address"] = {
            "@type": "PostalAddress",
            "streetAddress": locatie.straat,
            "postalCode": locatie.postcode,
            "addressLocality": locatie.plaats,
            "addressCountry": "BE",
        }
    if locatie.heeft_coordinaten:
        lat, lon = locatie.coordinaten
        place["geo"] = {"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}
    if locatie.telefoon:
        place["telephone"] = locatie.telefoon
    if locatie.website:
        place["sameAs"] = locatie.website
    if locatie.afbeelding:
        place["image"] = request.build_absolute_uri(locatie.afbeelding.url)
    uren = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAGEN[uur.weekdag]}",
            "opens": f"{uur.begin:%H:%M}",
            "closes": f"{uur.einde:%H:%M}",
        }
        for uur in locatie.openingsuren.all()
    ]
    if uren:
        place["openingHoursSpecification"] = uren
    speciaal = [
        {
            "@type": "OpeningHoursSpecification",
            "validFrom": uitzondering.van.isoformat(),
            "validThrough": uitzondering.laatste_dag.isoformat(),
            # schema.org's way to say "closed": opening and closing at midnight.
            "opens": f"{uitzondering.begin:%H:%M}" if uitzondering.begin else "00:00",
            "closes": f"{uitzondering.einde:%H:%M}" if uitzondering.einde else "00:00",
            "description": uitzondering.omschrijving,
        }
        for uitzondering in locatie.uitzonderingen.all()
    ]
    if speciaal:
        place["specialOpeningHoursSpecification"] = speciaal
    kenmerken = [
        {
            "@type": "LocationFeatureSpecification",
            "name": str(label),
            "value": waarde,
        }
        for label, waarde in toegankelijkheid(locatie)
        if waarde is not None
    ]
    if kenmerken:
        place["amenityFeature"] = kenmerken
    return place


def json_ld(data: dict) -> str:
    """JSON for a ``<script type="application/ld+json">``, safe against ``</script>``."""
    tekst = json.dumps(data, ensure_ascii=False)
    for teken, vervanging in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        tekst = tekst.replace(teken, vervanging)
    return mark_safe(tekst)  # noqa: S308 - every markup character is escaped above

"""The offer as UiTdatabank reads it: an activity as an Event, a place as a Place (JSON-LD).

Only public data goes out: what the website shows anyway. Never a registration, a family's
name or address, nor a staff member. The shape follows publiq's event and place model
(``cultuurnet/udb3-json-schemas``); which portal word becomes which term is in ``termen``,
and the choices are explained in docs/uitdatabank.md.

The ``@id`` of an activity that came from UiTdatabank is its UiTdatabank id; one that began in
this portal gets a stable id on this portal's address, ``<HVK_SITE_URL>/uit/events/<uuid>``,
which the import recognises, so that exporting and importing again updates instead of
adding the activity twice.
"""

import uuid
from collections import Counter

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from aanbod.models import Activiteit, Moment
from locaties.models import Locatie
from uitdatabank import termen

EVENTS_PAD = "/uit/events/"
PLAATSEN_PAD = "/uit/places/"


class NietUitTeVoeren(Exception):
    """An activity UiTdatabank's model cannot describe; the message says why, in Dutch."""


def _eigen_uuid(soort: str, pk: int) -> uuid.UUID:
    # Derived from the site's address and the row: the same every time, different per Huis.
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.HVK_SITE_URL}/{soort}/{pk}")


def eigen_event_uuid(pk: int) -> uuid.UUID:
    return _eigen_uuid("aanbod", pk)


def eigen_plaats_uuid(pk: int) -> uuid.UUID:
    return _eigen_uuid("locaties", pk)


def event_id_prefix() -> str:
    return f"{settings.HVK_SITE_URL}{EVENTS_PAD}"


def plaats_id_prefix() -> str:
    return f"{settings.HVK_SITE_URL}{PLAATSEN_PAD}"


def eigen_activiteiten() -> dict[str, int]:
    """The uuid in the ``@id`` of every activity that began in this portal, with its pk."""
    pks = Activiteit.objects.filter(uit_id="").values_list("pk", flat=True)
    return {str(eigen_event_uuid(pk)): pk for pk in pks}


def eigen_plaatsen() -> dict[str, int]:
    return {str(eigen_plaats_uuid(pk)): pk for pk in Locatie.objects.values_list("pk", flat=True)}


def event_id(activiteit: Activiteit) -> str:
    if activiteit.uit_id:
        return activiteit.uit_id
    return f"{event_id_prefix()}{eigen_event_uuid(activiteit.pk)}"


def plaats_id(locatie: Locatie) -> str:
    if locatie.uit_id:
        return locatie.uit_id
    return f"{plaats_id_prefix()}{eigen_plaats_uuid(locatie.pk)}"


def te_exporteren():
    """Published activities with everything the export reads: a fixed number of queries."""
    return (
        Activiteit.objects.gepubliceerd()
        .select_related("locatie__gemeente")
        .prefetch_related(
            "themas",
            "doelgroepen",
            "talen",
            "partners",
            "gemeenten",
            "locatie__openingsuren",
            Prefetch(
                "momenten",
                queryset=Moment.objects.select_related("locatie").order_by("begin", "pk"),
            ),
        )
        .order_by("slug")
    )


def plaatsen_te_exporteren():
    return Locatie.objects.select_related("gemeente").prefetch_related("openingsuren")


def _tijd(moment) -> str:
    return timezone.localtime(moment).isoformat()


def _absoluut(pad: str) -> str:
    return f"{settings.HVK_SITE_URL}{pad}"


def openingsuren_als_jsonld(openingsuren) -> list[dict]:
    """Weekly slots grouped by their hours: one item per (opens, closes) with its days."""
    dagen: dict[tuple, list[int]] = {}
    for uur in openingsuren:
        dagen.setdefault((uur.begin, uur.einde), []).append(uur.weekdag)
    return [
        {
            "opens": f"{begin:%H:%M}",
            "closes": f"{einde:%H:%M}",
            "dayOfWeek": [termen.WEEKDAGEN[d] for d in sorted(set(weekdagen))],
        }
        for (begin, einde), weekdagen in sorted(dagen.items())
    ]


def locatie_als_jsonld(locatie: Locatie, *, ingebed: bool = False) -> dict:
    """A place as UiTdatabank's Place. A place without a full address (online, mobile) has
    no ``address``; UiTdatabank itself would not accept it as a place."""
    data = {
        "@context": "/contexts/place",
        "@id": plaats_id(locatie),
        "@type": "Place",
        "mainLanguage": "nl",
        "name": {"nl": locatie.naam},
    }
    if ingebed:
        del data["@context"]
    if locatie.beschrijving:
        data["description"] = {"nl": locatie.beschrijving}
    if locatie.straat and locatie.postcode and locatie.plaats:
        data["address"] = {
            "nl": {
                "addressCountry": "BE",
                "addressLocality": locatie.plaats,
                "postalCode": locatie.postcode,
                "streetAddress": locatie.straat,
            }
        }
    if locatie.heeft_coordinaten:
        data["geo"] = {
            "latitude": float(locatie.breedtegraad),
            "longitude": float(locatie.lengtegraad),
        }
    data["calendarType"] = "permanent"
    uren = openingsuren_als_jsonld(locatie.openingsuren.all())
    if uren:
        data["openingHours"] = uren
    data["terms"] = [termen.ONTMOETINGSCENTRUM.als_jsonld()] + [
        term.als_jsonld()
        for veld, term in termen.VOORZIENING_VAN_VELD.items()
        if getattr(locatie, veld) is True  # "not known" is not "no", and not "yes" either
    ]
    data["contactPoint"] = {
        "phone": [locatie.telefoon] if locatie.telefoon else [],
        "email": [locatie.email] if locatie.email else [],
        "url": [locatie.website] if locatie.website else [],
    }
    data["sameAs"] = [_absoluut(reverse("locaties:detail", args=[locatie.slug]))]
    return data


def leeftijd_in_jaren(activiteit: Activiteit) -> str | None:
    """``typicalAgeRange``: the ages in whole years ("0-3", "6-", "-12"), or None if unknown.

    Months round down to the year they fall in (9 months is "0"), so the range in years
    always contains the range in months. Without ages, the target groups' ages are used.
    """
    van, tot = activiteit.leeftijd_van, activiteit.leeftijd_tot
    if van is None and tot is None:
        banden = [
            termen.DOELGROEP_LEEFTIJD[d.slug]
            for d in activiteit.doelgroepen.all()
            if d.slug in termen.DOELGROEP_LEEFTIJD
        ]
        if not banden:
            return None
        return f"{min(b[0] for b in banden)}-{max(b[1] for b in banden)}"
    return f"{'' if van is None else van // 12}-{'' if tot is None else tot // 12}"


def _prijzen(activiteit: Activiteit) -> list[dict]:
    prijzen = [
        {
            "category": "base",
            "name": dict(termen.BASISTARIEF),
            "price": float(activiteit.prijs),
            "priceCurrency": "EUR",
        }
    ]
    if activiteit.sociaal_tarief is not None:
        prijzen.append(
            {
                "category": "tariff",
                "name": dict(termen.SOCIAAL_TARIEF),
                "price": float(activiteit.sociaal_tarief),
                "priceCurrency": "EUR",
            }
        )
        if activiteit.uitpas:
            # UiTdatabank computes UiTPAS prices itself (category "uitpas" is read-only
            # there); a reader of this file learns that the social tariff holds with UiTPAS.
            prijzen.append(
                {
                    "category": "uitpas",
                    "name": dict(termen.UITPAS_TARIEF),
                    "price": float(activiteit.sociaal_tarief),
                    "priceCurrency": "EUR",
                }
            )
    return prijzen


def _termen(activiteit: Activiteit) -> list[dict]:
    soort, thema = termen.PIJLER_NAAR_UIT[activiteit.pijler]
    if thema is None:
        thema = next(
            (
                termen.THEMA_NAAR_UIT[t.slug]
                for t in sorted(activiteit.themas.all(), key=lambda t: t.naam)
                if t.slug in termen.THEMA_NAAR_UIT
            ),
            None,
        )
    return [soort.als_jsonld()] + ([thema.als_jsonld()] if thema else [])


def _plek_en_momenten(activiteit: Activiteit) -> tuple[Locatie, list[Moment]]:
    """The event's one place, and the moments that take place there.

    UiTdatabank has one place per event. Moments at another place are left out rather than
    shown at the wrong address (docs/uitdatabank.md, "Beperkingen").
    """
    momenten = list(activiteit.momenten.all())
    plek = activiteit.locatie
    if plek is None:
        tellingen = Counter(m.locatie_id for m in momenten if m.locatie_id)
        if not tellingen:
            raise NietUitTeVoeren(gettext("Deze activiteit heeft geen locatie."))
        meest = tellingen.most_common(1)[0][0]
        plek = next(m.locatie for m in momenten if m.locatie_id == meest)
        return plek, [m for m in momenten if m.locatie_id == meest]
    return plek, [m for m in momenten if m.locatie_id in (None, plek.pk)]


def _kalender(activiteit: Activiteit, plek: Locatie, momenten: list[Moment]) -> dict:
    if activiteit.doorlopend:
        data = {"calendarType": "permanent", "status": {"type": "Available"}}
        uren = openingsuren_als_jsonld(plek.openingsuren.all())
        if uren:
            data["openingHours"] = uren
        return data
    if not momenten:
        raise NietUitTeVoeren(
            gettext("Deze activiteit heeft nog geen momenten en is geen doorlopend aanbod.")
        )
    sub = [
        {
            "@type": "Event",
            "startDate": _tijd(m.begin),
            "endDate": _tijd(m.einde),
            "status": {"type": "Unavailable" if m.geannuleerd else "Available"},
        }
        for m in momenten
    ]
    alles_afgelast = all(m.geannuleerd for m in momenten)
    return {
        # A series (Reeks) goes out as its dated moments too: "periodic" cannot say "every
        # other week", a moved date or a cancelled one (docs/uitdatabank.md).
        "calendarType": "single" if len(momenten) == 1 else "multiple",
        "startDate": _tijd(min(m.begin for m in momenten)),
        "endDate": _tijd(max(m.einde for m in momenten)),
        "status": {"type": "Unavailable" if alles_afgelast else "Available"},
        "subEvent": sub,
    }


def _eigen_blok(activiteit: Activiteit) -> dict:
    """What UiTdatabank has no field for, so that another copy of this portal (or this one,
    after an export) reads the activity back exactly. Public data only."""
    return {
        "versie": 1,
        "samenvatting": activiteit.samenvatting,
        "pijler": activiteit.pijler,
        "themas": sorted(t.slug for t in activiteit.themas.all()),
        "doelgroepen": sorted(d.slug for d in activiteit.doelgroepen.all()),
        "leeftijd": {"van": activiteit.leeftijd_van, "tot": activiteit.leeftijd_tot},
        "bereik": activiteit.bereik,
        "gemeenten": sorted(g.nis_code for g in activiteit.gemeenten.all()),
        "talen": sorted(t.code for t in activiteit.talen.all()),
        "partners": sorted(p.naam for p in activiteit.partners.all()),
        "uitpas": activiteit.uitpas,
        "inschrijvingVereist": activiteit.inschrijving_vereist,
        "capaciteit": activiteit.capaciteit,
        "plaatsenPer": activiteit.plaatsen_per,
    }


def activiteit_als_jsonld(activiteit: Activiteit) -> dict:
    """One activity as a UiTdatabank Event; raises ``NietUitTeVoeren`` when it cannot be one.

    Reads the activity's themes, target groups, languages, partners, gemeenten, moments and
    place with its opening hours; use ``te_exporteren()`` to load them in a few queries.
    """
    plek, momenten = _plek_en_momenten(activiteit)
    url = _absoluut(reverse("aanbod:detail", args=[activiteit.slug]))
    data = {
        "@context": "/contexts/event",
        "@id": event_id(activiteit),
        "@type": "Event",
        "mainLanguage": "nl",
        "name": {"nl": activiteit.titel},
    }
    tekst = activiteit.beschrijving or activiteit.samenvatting
    if tekst:
        data["description"] = {"nl": tekst}
    data["terms"] = _termen(activiteit)
    data.update(_kalender(activiteit, plek, momenten))
    if plek.soort == Locatie.Soort.VIRTUEEL:
        data["attendanceMode"] = "online"
    else:
        data["attendanceMode"] = "offline"
        data["location"] = locatie_als_jsonld(plek, ingebed=True)
    data["organizer"] = {
        "@type": "Organizer",
        "name": {"nl": settings.HVK_NAAM},
        "url": settings.HVK_SITE_URL,
    }
    leeftijd = leeftijd_in_jaren(activiteit)
    if leeftijd:
        data["typicalAgeRange"] = leeftijd
    doelgroepen = {d.slug for d in activiteit.doelgroepen.all()}
    alleen_professionals = doelgroepen == {termen.ALLEEN_PROFESSIONALS}
    data["audience"] = {
        "audienceType": termen.PUBLIEK_LEDEN if alleen_professionals else termen.PUBLIEK_IEDEREEN
    }
    data["priceInfo"] = _prijzen(activiteit)
    if activiteit.inschrijving_vereist:
        data["bookingInfo"] = {"url": url, "urlLabel": {"nl": "Inschrijven"}}
    if activiteit.afbeelding:
        data["image"] = _absoluut(activiteit.afbeelding.url)
    data["sameAs"] = [url]
    data[termen.EIGEN_BLOK] = _eigen_blok(activiteit)
    return data

import copy
import json
from io import StringIO

import pytest
from django.core.management import call_command

from aanbod.models import Activiteit, Moment, Reeks
from locaties.models import Locatie, Openingsuur
from tests.factories import GemeenteFactory

# A partner's event as UiTdatabank gives it: at the library of Turnhout, one morning.
UIT_ID = "https://io.uitdatabank.be/event/5f0c1f5e-7a0c-4a44-9c6e-2a1b8b3c0001"
PLAATS_ID = "https://io.uitdatabank.be/place/9d2b8f0e-3c4a-4f5e-8a6b-7c8d9e0f0002"
EVENT = {
    "@context": "/contexts/event",
    "@id": UIT_ID,
    "@type": "Event",
    "mainLanguage": "nl",
    "name": {"nl": "Voorleesuurtje voor peuters", "fr": "Heure du conte"},
    "description": {
        "nl": "<p>Verhalen en liedjes voor peuters.</p><p>Gratis, zonder inschrijven.</p>"
    },
    "terms": [{"id": "0.50.21.0.0", "label": "Spel of quiz", "domain": "eventtype"}],
    "calendarType": "single",
    "subEvent": [
        {
            "@type": "Event",
            "startDate": "2030-03-06T10:00:00+01:00",
            "endDate": "2030-03-06T11:00:00+01:00",
            "status": {"type": "Available"},
        }
    ],
    "location": {
        "@id": PLAATS_ID,
        "@type": "Place",
        "mainLanguage": "nl",
        "name": {"nl": "Bibliotheek Turnhout"},
        "address": {
            "nl": {
                "addressCountry": "BE",
                "addressLocality": "Turnhout",
                "postalCode": "2300",
                "streetAddress": "Warandestraat 44",
            }
        },
        "geo": {"latitude": 51.3227, "longitude": 4.9447},
        "terms": [
            {"id": "Yf4aZBfsUEu2NsQqsprngw", "domain": "eventtype"},
            {"id": "3.27.0.0.0", "domain": "facility"},
        ],
    },
    "typicalAgeRange": "2-4",
    "audience": {"audienceType": "everyone"},
    "priceInfo": [
        {"category": "base", "name": {"nl": "Basistarief"}, "price": 0, "priceCurrency": "EUR"}
    ],
    "workflowStatus": "APPROVED",
}


def uit_event(**anders) -> dict:
    """A fresh copy of the partner's event, with some properties replaced (None: left out)."""
    data = copy.deepcopy(EVENT)
    for sleutel, waarde in anders.items():
        if waarde is None:
            data.pop(sleutel, None)
        else:
            data[sleutel] = waarde
    return data


def schrijf(pad, data) -> str:
    pad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(pad)


def momentopname():
    """Every row an import may touch, as the database holds it now."""
    return {
        "activiteiten": list(Activiteit.objects.order_by("pk").values()),
        "themas": list(Activiteit.themas.through.objects.order_by("pk").values()),
        "doelgroepen": list(Activiteit.doelgroepen.through.objects.order_by("pk").values()),
        "momenten": list(Moment.objects.order_by("pk").values()),
        "reeksen": list(Reeks.objects.order_by("pk").values()),
        "locaties": list(Locatie.objects.order_by("pk").values()),
        "openingsuren": list(Openingsuur.objects.order_by("pk").values()),
    }


@pytest.fixture
def turnhout(db):
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("demo", stdout=StringIO())

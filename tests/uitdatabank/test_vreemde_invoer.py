"""Any value in any property of an event: skipped or imported with a reason, never an
unexpected error (which the import would also survive, but without a useful reason)."""

import pytest

from tests.factories import LocatieFactory
from tests.uitdatabank.conftest import momentopname, uit_event
from uitdatabank import importeren
from uitdatabank.inlezen import Opzoeken

VREEMD = [None, -1.5, True, "", "2030-13-45", ["x"], {"nl": 5}, [{"id": 5}]]
EIGENSCHAPPEN = [
    "@id",
    "@type",
    "mainLanguage",
    "name",
    "description",
    "terms",
    "calendarType",
    "subEvent",
    "location",
    "typicalAgeRange",
    "audience",
    "priceInfo",
    "organizer",
    "labels",
    "status",
    "openingHours",
    "attendanceMode",
    "workflowStatus",
    "hvk:aanbod",
]
PLEK = ["@id", "address", "geo", "terms", "openingHours", "name"]


def gevallen():
    for sleutel in EIGENSCHAPPEN:
        for waarde in VREEMD:
            data = uit_event()
            data[sleutel] = waarde
            yield data
    for sleutel in PLEK:
        for waarde in VREEMD:
            data = uit_event()
            data["location"] = {**data["location"], sleutel: waarde, "@id": "https://x/place/1"}
            yield data
    for waarde in VREEMD:
        yield uit_event(subEvent=[{"startDate": waarde, "endDate": waarde, "status": waarde}])
        yield uit_event(priceInfo=[{"category": "base", "price": waarde, "name": waarde}])


@pytest.mark.django_db
def test_vreemde_waarden_geven_altijd_een_reden(turnhout):
    LocatieFactory(soort="virtueel", gemeente=None, straat="", postcode="", plaats="")
    opzoeken = Opzoeken()
    voor = momentopname()
    onverwacht = []

    for data in gevallen():
        regel = importeren.importeer_event(data, nummer=1, opzoeken=opzoeken, proef=True)
        if "Onverwachte fout" in regel.reden or not regel.reden:
            onverwacht.append((regel.reden, data))

    assert onverwacht == []
    assert momentopname() == voor

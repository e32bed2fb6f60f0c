"""What the hostile-input tests found, pinned as plain examples that always run.

1. An e-mail address with a control character in a quoted local part (``"\\x01"@…``) or an
   invisible one in the domain (a soft hyphen, a zero-width space) passed Django's
   ``EmailValidator`` and was stored and mailed to; the public forms now refuse it.
2. ``?gemeente=`` with a NUL reached the database on /vraag/, /vraag/bedankt/ and
   /nieuwsbrief/: PostgreSQL refused it with a DataError, a server error for the visitor.
   (The NUL case is also an explicit example of the hypothesis tests; SQLite refuses NUL
   here as PostgreSQL does, see ``conftest._nul_geweigerd``.)
3. A newsletter subscription with a gemeente or target group number beyond 64 bits
   (``9223372036854775808``) was a server error on SQLite (``OverflowError``); on PostgreSQL it
   was refused. The form now refuses it before any query, on both.
"""

import pytest

from aanbod.forms import GezinForm
from aanbod.models import Doelgroep
from communicatie.forms import NieuwsbriefForm, VraagForm
from communicatie.models import Abonnee
from tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db

ONZICHTBAAR = [
    '"\x01"@example.org',
    '"\x1b[31m"@example.org',
    "a@exa\u00admple.org",
    "a@exa\u200bmple.org",
    "a@exam\u200dple.org",
]


@pytest.mark.parametrize("adres", ONZICHTBAAR)
@pytest.mark.parametrize("formulier", [VraagForm, NieuwsbriefForm, GezinForm])
def test_adres_met_stuur_of_onzichtbaar_teken_wordt_geweigerd(formulier, adres):
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    form = formulier(
        {
            "email": adres,
            "gemeente": beerse.pk,
            "gemeenten": [beerse.pk],
            "woonplaats": beerse.pk,
            "volwassenen": 1,
            "naam": "Fatima",
            "vraag": "Waar kan ik mijn baby laten wegen?",
            "toestemming": "on",
        }
    )

    assert not form.is_valid()
    assert form.errors["email"] == ["Vul een geldig e-mailadres in, bv. naam@voorbeeld.be."]


@pytest.mark.parametrize("veld", ["gemeenten", "doelgroepen"])
@pytest.mark.parametrize("getal", [str(2**63), str(-(2**63) - 1), "9" * 30])
def test_nieuwsbrief_met_reusachtig_nummer_wordt_geweigerd(client, veld, getal):
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    doelgroep = Doelgroep.objects.first()
    data = {
        "email": "ouder@example.org",
        "gemeenten": [beerse.pk],
        "doelgroepen": [doelgroep.pk],
        "toestemming": "on",
    }
    data[veld] = [getal]

    response = client.post("/nieuwsbrief/", data)

    assert response.status_code == 200
    assert "Kies " in response.context["form"].errors[veld][0]
    assert not Abonnee.objects.exists()


@pytest.mark.parametrize("pad", ["/vraag/", "/vraag/bedankt/", "/nieuwsbrief/"])
def test_nul_in_gemeente_toont_de_pagina_zonder_gemeente(client, pad):
    GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")

    response = client.get(pad, QUERY_STRING="gemeente=beerse%00")

    assert response.status_code == 200

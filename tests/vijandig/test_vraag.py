"""The question form (/vraag/) under hostile input: no 500, a Dutch error list, nothing stored.

A submission the test's own rules call invalid (a required field left out, an address
without "@", a question of thousands of characters, a phone number with letters) must come
back with the list of problems, store no ``Vraag`` and send no mail. One the form accepts is
stored once, without control characters and within the limits the admin relies on.
"""

import re

import pytest
from django.core import mail
from django.test import Client, RequestFactory
from hypothesis import example, given
from hypothesis import strategies as st

from communicatie.forms import NAAM_MAX_TEKENS, VRAAG_MAX_TEKENS
from communicatie.models import Vraag
from communicatie.views import vragen
from tests.factories import GemeenteFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import (
    fouten_getoond,
    geweigerd_met_uitleg,
    zichtbaar_adres,
    zichtbare_lengte,
)

pytestmark = pytest.mark.django_db

URL = "/vraag/"
TITEL = "Je vraag is nog niet verstuurd. Kijk dit na:"
TE_VEEL = "Je hebt al enkele vragen gesteld. Probeer het over een uur opnieuw"
# Control characters that must never reach the database (line breaks and tabs may, in the
# question itself), and the bidirectional overrides the form drops.
VERBODEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def gemeenten(db):
    return [
        GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse"),
        GemeenteFactory(
            naam="Vosselaar",
            nis_code="13046",
            slug="vosselaar",
            aanspreekpunt_email="hvk@vosselaar.example",
            aanspreekpunt_telefoon="014 00 00 46",
        ),
    ]


def geldig(gemeente_pk: int) -> dict[str, str]:
    return {
        "gemeente": str(gemeente_pk),
        "naam": "Fatima",
        "email": "fatima@example.org",
        "telefoon": "",
        "vraag": "Waar kan ik mijn baby laten wegen?",
        "toestemming": "on",
        "website": "",
    }


def _laatste(gelezen, veld) -> str | None:
    waarden = gelezen.get(veld)
    return waarden[-1] if waarden else None


def zeker_ongeldig(gelezen: dict[str, list[str]]) -> bool:
    """The rules a person can read off the form, applied without the form's code."""
    gemeente = _laatste(gelezen, "gemeente")
    naam = _laatste(gelezen, "naam")
    email = _laatste(gelezen, "email")
    telefoon = _laatste(gelezen, "telefoon")
    vraag = _laatste(gelezen, "vraag")
    toestemming = _laatste(gelezen, "toestemming")
    return (
        # Required, and no gemeente's number.
        gemeente is None
        or not any(teken.isdigit() for teken in gemeente)
        or naam is None
        or not naam.strip()
        or zichtbare_lengte(naam) > NAAM_MAX_TEKENS
        or vraag is None
        or zichtbare_lengte(vraag) > VRAAG_MAX_TEKENS
        or vs.niet_aangevinkt(toestemming)
        # No address is an address without "@".
        or (email is not None and email.strip() and "@" not in email)
        # Control and invisible characters make no address (hvk.validators).
        or (email is not None and not zichtbaar_adres(email.strip()))
        or (telefoon is not None and re.search(r"[a-zA-Z]", telefoon) is not None)
        or not ((email or "").strip() or (telefoon or "").strip())
    )


def vraag_inzendingen(gemeenten) -> st.SearchStrategy[vs.Inzending]:
    """Drawn inside the test (``st.data()``): the gemeenten's keys exist only then."""
    return st.sampled_from([g.pk for g in gemeenten]).flatmap(
        lambda pk: vs.inzending(
            geldig(pk),
            {
                "gemeente": st.one_of(vs.getal(), vs.vijandige_waarde()),
                "naam": vs.vijandige_waarde(),
                "email": vs.email(),
                "telefoon": vs.telefoon(),
                "vraag": vs.vijandige_waarde(),
                "toestemming": vs.vinkje(),
            },
            zeker_ongeldig,
        )
    )


def opgeslagen_is_schoon(vraag: Vraag) -> None:
    for veld in ("naam", "email", "telefoon"):
        assert not VERBODEN.search(getattr(vraag, veld)), veld
    assert not VERBODEN.search(vraag.vraag)
    assert "\r" not in vraag.vraag
    assert 0 < len(vraag.naam.strip()) <= NAAM_MAX_TEKENS
    assert len(vraag.vraag) <= VRAAG_MAX_TEKENS
    assert len(vraag.telefoon) <= 30
    assert vraag.email or vraag.telefoon
    assert not vraag.email or "@" in vraag.email
    assert zichtbaar_adres(vraag.email)


@voorbeelden(150)
@given(data=st.data())
def test_vijandige_vraag_wordt_geweigerd_of_schoon_opgeslagen(
    data, gemeenten, per_voorbeeld, aanvraag, telling
):
    inzending = data.draw(vraag_inzendingen(gemeenten), label="inzending")
    telling.voorbeelden += 1
    with per_voorbeeld():
        response = aanvraag("post", URL, **inzending.als_post())
        nieuw = list(Vraag.objects.all())

        if nieuw and (inzending.zeker_ongeldig or inzending.spam):
            telling.ongeldig_opgeslagen += len(nieuw)
        if response.status_code == 400:
            geweigerd_met_uitleg(response)
            assert not nieuw
        elif response.status_code == 302:
            assert response["Location"].startswith("/vraag/bedankt/")
            if inzending.spam:
                # The robot gets the same thank-you, but nothing is stored or sent.
                assert not nieuw
                assert not mail.outbox
            else:
                assert not inzending.zeker_ongeldig, "an invalid question was accepted"
                assert len(nieuw) == 1
                opgeslagen_is_schoon(nieuw[0])
                assert mail.outbox, "an accepted question is passed on"
                telling.geldig_opgeslagen += 1
        else:
            fouten_getoond(response, TITEL)
            assert not nieuw
            assert not mail.outbox


def _limiet_vol(ip: str) -> None:
    verzoek = RequestFactory().post(URL, REMOTE_ADDR=ip)
    for _ in range(5):
        vragen._gebruik(verzoek, tellen=True)


@voorbeelden(30)
@given(data=st.data())
def test_vijandige_vraag_boven_de_limiet_krijgt_de_wachtpagina(
    data, gemeenten, per_voorbeeld, aanvraag, telling
):
    """The 429 page fills the form in again with what was sent: hostile values included."""
    inzending = data.draw(vraag_inzendingen(gemeenten), label="inzending")
    telling.voorbeelden += 1
    with per_voorbeeld():
        _limiet_vol("198.51.100.9")
        response = aanvraag(
            "post", URL, client=Client(REMOTE_ADDR="198.51.100.9"), **inzending.als_post()
        )

        assert not Vraag.objects.exists()
        assert not mail.outbox
        geweigerd_met_uitleg(response, TE_VEEL)
        assert response.status_code in (400, 429)


@voorbeelden(50)
# Found by this test on PostgreSQL (a NUL in the slug reached the database): kept as examples.
@example(pad=URL, querystring=vs.Querystring("gemeente=%00"))
@example(pad="/vraag/bedankt/", querystring=vs.Querystring("gemeente=beerse%00"))
@given(
    pad=st.sampled_from([URL, "/vraag/bedankt/"]),
    querystring=vs.vijandige_querystring(
        ["gemeente", "website"], waarden={"gemeente": st.sampled_from(["beerse", "Beerse"])}
    ),
)
def test_vraagpaginas_met_vijandige_querystring(pad, querystring, gemeenten, aanvraag, telling):
    """``?gemeente=`` preselects a gemeente on the form and names it on the thank-you page;
    anything else shows the page without one."""
    telling.voorbeelden += 1
    response = aanvraag("get", pad, QUERY_STRING=querystring)
    if response.status_code == 400:
        geweigerd_met_uitleg(response)
        return
    assert response.status_code == 200
    gekozen = response.wsgi_request.GET.get("gemeente", "")
    if pad == URL:
        assert 'name="vraag"' in response.content.decode()
        form = response.context["form"]
        assert (form.initial["gemeente"] is not None) == (gekozen == "beerse")
    else:
        assert (response.context["gemeente"] is not None) == (gekozen == "beerse")

"""Registering for a moment (/aanbod/<slug>/<moment>/inschrijven/) under hostile input.

Per example a hostile POST of the form, to a moment with free seats or a full one. The test's
own rules (a required field left out, a residence that is not in the list, an age that is
not offered, a remark of thousands of characters) say when the form must refuse; then the
page lists the problems in Dutch and no ``Inschrijving`` and no ``Bereikcijfer`` is stored. An
accepted registration is stored once, clean, and its thank-you page and mail are built from
it. Forged slugs and moment ids in the URL store nothing either.
"""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client, RequestFactory
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from aanbod import services
from aanbod.models import Bereikcijfer, Inschrijving
from aanbod.models.inschrijving import MAX_KINDEREN, MAX_VOLWASSENEN
from aanbod.views_inschrijving import AL_INGESCHREVEN, SESSIE_SLEUTEL
from aanbod.views_inschrijving import _gebruik as gebruik_tellen
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import (
    NAAR_START,
    fouten_getoond,
    geweigerd_met_uitleg,
    zichtbaar_adres,
    zichtbare_lengte,
)

pytestmark = pytest.mark.django_db

TITEL = "Je inschrijving is nog niet verstuurd. Kijk dit na:"
TE_VEEL = "Van hier kwamen al veel inschrijvingen kort na elkaar."
VERBODEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The ages a parent can pick, in months: under two by the month, then by the year.
LEEFTIJDEN = {str(m) for m in range(24)} | {str(j * 12) for j in range(2, 18)}
KINDVELDEN = [f"kind_{n}" for n in range(1, MAX_KINDEREN + 1)]


def moment_over(activiteit, *, dagen=7, **kwargs):
    begin = timezone.now() + dt.timedelta(days=dagen)
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **kwargs
    )


@pytest.fixture
def aanbod(db):
    """An activity with two seats per moment: one moment free, one full; a second
    activity, a cancelled and a past moment, and an unpublished activity for forged URLs."""
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    vosselaar = GemeenteFactory(naam="Vosselaar", nis_code="13046", slug="vosselaar")
    plek = LocatieFactory(naam="Antenne Beerse", gemeente=beerse, telefoon="014 00 00 16")
    babymassage = ActiviteitFactory(
        titel="Babymassage",
        slug="babymassage",
        inschrijving_vereist=True,
        capaciteit=2,
        plaatsen_per="gezin",
        locatie=plek,
    )
    vrij = moment_over(babymassage)
    vol = moment_over(babymassage, dagen=8)
    for nummer in (1, 2):
        services.inschrijven(
            moment=vol,
            gezin=services.Gezin(naam=f"Gezin {nummer}", email=f"gezin{nummer}@example.org"),
            verwittigen=False,
        )
    voorlezen = ActiviteitFactory(slug="voorlezen", inschrijving_vereist=True, locatie=plek)
    verborgen = ActiviteitFactory(
        slug="verborgen", inschrijving_vereist=True, gepubliceerd=False, locatie=plek
    )
    return {
        "gemeenten": [beerse.pk, vosselaar.pk],
        "vrij": vrij,
        "vol": vol,
        "andere": {
            "afgelast": moment_over(babymassage, dagen=9, geannuleerd=True).pk,
            "voorbij": moment_over(babymassage, dagen=-1).pk,
            "voorlezen": moment_over(voorlezen).pk,
            "verborgen": moment_over(verborgen).pk,
        },
    }


def _tellen() -> tuple[int, int, int]:
    return (
        Inschrijving.objects.count(),
        Bereikcijfer.objects.count(),
        sum(Bereikcijfer.objects.values_list("ingeschreven", flat=True)),
    )


def _laatste(gelezen, veld) -> str | None:
    waarden = gelezen.get(veld)
    return waarden[-1] if waarden else None


def zeker_ongeldig_voor(gemeenten):
    woonplaatsen = {str(pk) for pk in gemeenten} | {"elders"}

    def zeker_ongeldig(gelezen: dict[str, list[str]]) -> bool:
        naam = _laatste(gelezen, "naam")
        email = _laatste(gelezen, "email") or ""
        telefoon = _laatste(gelezen, "telefoon") or ""
        volwassenen = _laatste(gelezen, "volwassenen")
        opmerking = _laatste(gelezen, "opmerking") or ""
        toestemming = _laatste(gelezen, "toestemming")
        kinderen = [_laatste(gelezen, veld) or "" for veld in KINDVELDEN]
        return (
            naam is None
            or not naam.strip()
            or zichtbare_lengte(naam) > 100
            or (email.strip() and "@" not in email)
            or not zichtbaar_adres(email.strip())
            or re.search(r"[a-zA-Z]", telefoon) is not None
            or not (email.strip() or telefoon.strip())
            or _laatste(gelezen, "woonplaats") not in woonplaatsen
            or volwassenen not in {str(n) for n in range(MAX_VOLWASSENEN + 1)}
            or any(kind not in LEEFTIJDEN | {""} for kind in kinderen)
            or (volwassenen == "0" and not any(kinderen))
            or zichtbare_lengte(opmerking) > 500
            or vs.niet_aangevinkt(toestemming)
        )

    return zeker_ongeldig


def inzendingen(aanbod) -> st.SearchStrategy[vs.Inzending]:
    gemeente = st.sampled_from(aanbod["gemeenten"]).map(str)
    leeftijd = st.one_of(st.sampled_from(sorted(LEEFTIJDEN)), vs.getal(), vs.vijandige_waarde())
    vijandig = {
        "naam": vs.vijandige_waarde(),
        "email": vs.email(),
        "telefoon": vs.telefoon(),
        "woonplaats": st.one_of(
            gemeente, st.sampled_from(["elders", "Elders", " elders", "0"]), vs.getal()
        )
        | vs.vijandige_waarde(),
        "volwassenen": st.one_of(st.sampled_from(["0", "1", "6", "7"]), vs.getal()),
        "opmerking": vs.vijandige_waarde(),
        "wachtlijst": vs.vinkje(),
        "toestemming": vs.vinkje(),
        **dict.fromkeys(KINDVELDEN[:2] + KINDVELDEN[-1:], leeftijd),
    }
    geldig = {
        "naam": "Fatima",
        "email": "fatima@example.org",
        "telefoon": "",
        "woonplaats": str(aanbod["gemeenten"][0]),
        "volwassenen": "1",
        "kind_1": "8",
        "opmerking": "",
        "wachtlijst": "on",
        "toestemming": "on",
        "website": "",
    }
    return vs.inzending(geldig, vijandig, zeker_ongeldig_voor(aanbod["gemeenten"]))


def _url(moment, soort="inschrijven") -> str:
    return f"/aanbod/{moment.activiteit.slug}/{moment.pk}/{soort}/"


def opgeslagen_is_schoon(inschrijving: Inschrijving) -> None:
    for veld in ("naam", "email", "telefoon"):
        assert not VERBODEN.search(getattr(inschrijving, veld)), veld
    assert not VERBODEN.search(inschrijving.opmerking)
    assert 0 < len(inschrijving.naam) <= 100
    assert len(inschrijving.opmerking) <= 500
    assert len(inschrijving.telefoon) <= 30
    assert inschrijving.email or inschrijving.telefoon
    assert not inschrijving.email or "@" in inschrijving.email
    assert zichtbaar_adres(inschrijving.email)
    assert {str(m) for m in inschrijving.leeftijden} <= LEEFTIJDEN
    assert inschrijving.volwassenen + inschrijving.kinderen > 0
    assert inschrijving.volwassenen <= MAX_VOLWASSENEN


@voorbeelden(150)
@given(data=st.data())
def test_vijandige_inschrijving_wordt_geweigerd_of_schoon_opgeslagen(
    data, aanbod, per_voorbeeld, aanvraag, telling
):
    inzending = data.draw(inzendingen(aanbod), label="inzending")
    moment = aanbod[data.draw(st.sampled_from(["vrij", "vol"]), label="moment")]
    telling.voorbeelden += 1
    with per_voorbeeld():
        client = Client()
        voor = _tellen()
        response = aanvraag("post", _url(moment), client=client, **inzending.als_post())
        na = _tellen()

        if na != voor and (inzending.zeker_ongeldig or inzending.spam):
            telling.ongeldig_opgeslagen += na[0] - voor[0] or 1
        if response.status_code == 400:
            geweigerd_met_uitleg(response)
            assert na == voor
        elif response.status_code == 303:
            assert response["Location"] == _url(moment, "ingeschreven")
            gezien = client.session.get(SESSIE_SLEUTEL, {}).get(str(moment.pk))
            if inzending.spam:
                assert na == voor
                assert not mail.outbox
            elif gezien == AL_INGESCHREVEN:
                assert na == voor
            else:
                assert not inzending.zeker_ongeldig, "an invalid registration was accepted"
                assert na[0] == voor[0] + 1
                nieuw = Inschrijving.objects.get(pk=gezien)
                opgeslagen_is_schoon(nieuw)
                assert bool(mail.outbox) == bool(nieuw.email)
                telling.geldig_opgeslagen += 1
                # The thank-you page shows what was stored.
                bedankt = aanvraag("get", response["Location"], client=client)
                assert bedankt.status_code == 200
        else:
            fouten_getoond(response, TITEL)
            assert na == voor
            assert not mail.outbox


@voorbeelden(25)
@given(data=st.data())
def test_vijandige_inschrijving_boven_de_limiet_krijgt_de_wachtpagina(
    data, aanbod, per_voorbeeld, aanvraag, telling, settings
):
    settings.HVK_INSCHRIJVING_PER_UUR = 3
    inzending = data.draw(inzendingen(aanbod), label="inzending")
    telling.voorbeelden += 1
    with per_voorbeeld():
        verzoek = RequestFactory().post("/", REMOTE_ADDR="198.51.100.9")
        for _ in range(3):
            gebruik_tellen(verzoek, tellen=True)
        voor = _tellen()
        response = aanvraag(
            "post",
            _url(aanbod["vrij"]),
            client=Client(REMOTE_ADDR="198.51.100.9"),
            **inzending.als_post(),
        )

        assert _tellen() == voor
        assert not mail.outbox
        geweigerd_met_uitleg(response, TE_VEEL)
        assert response.status_code in (400, 429)


@voorbeelden(80)
@given(data=st.data())
def test_vervalst_adres_slaat_niets_op(data, aanbod, per_voorbeeld, aanvraag, telling):
    """Forged slugs and moment ids: other activities, cancelled, past, hidden, huge, junk."""
    echte = aanbod["vrij"]
    # (slug, moment) pairs of published activities; anything else must be a 404.
    bestaande = {
        ("babymassage", echte.pk): "vrij",
        ("babymassage", aanbod["vol"].pk): "vol",
        ("babymassage", aanbod["andere"]["afgelast"]): "afgelast",
        ("babymassage", aanbod["andere"]["voorbij"]): "voorbij",
        # Another activity's moment that takes registrations: as open as the first.
        ("voorlezen", aanbod["andere"]["voorlezen"]): "vrij",
    }
    paren = [*bestaande, ("verborgen", aanbod["andere"]["verborgen"])]
    paren += [("voorlezen", echte.pk), ("babymassage", aanbod["andere"]["voorlezen"])]
    echt_slug, echt_id = data.draw(st.sampled_from(paren), label="paar")
    vervalst = data.draw(st.sampled_from(["slug", "moment", "geen"]), label="vervalst")
    slug = echt_slug
    if vervalst == "slug":
        slug = data.draw(
            st.one_of(
                st.sampled_from(["bestaat-niet", "BABYMASSAGE", "babymassage-"]),
                vs.vijandige_waarde(lang=False),
            ),
            label="slug",
        )
    moment = str(echt_id)
    if vervalst == "moment":
        moment = data.draw(
            st.one_of(
                st.sampled_from([f"0{echt_id}", f"{echt_id}.0", f"+{echt_id}", "0"]),
                vs.getal(),
                vs.vijandige_waarde(lang=False),
            ),
            label="moment",
        )
    soort = data.draw(st.sampled_from(["inschrijven", "ingeschreven"]), label="soort")
    methode = "post" if soort == "inschrijven" and data.draw(st.booleans(), label="post") else "get"
    telling.voorbeelden += 1
    with per_voorbeeld():
        voor = _tellen()
        pad = f"/aanbod/{vs.pad_segment(slug)}/{vs.pad_segment(moment)}/{soort}/"
        kwargs = {}
        if methode == "post":
            kwargs["data"] = {
                "naam": "Fatima",
                "email": "fatima@example.org",
                "woonplaats": str(aanbod["gemeenten"][0]),
                "volwassenen": "1",
                "toestemming": "on",
            }
        response = aanvraag(methode, pad, **kwargs)
        na = _tellen()

        # What the URL resolver reads: <slug:slug>/<int:moment>, ASCII digits only.
        slug, moment = vs.zoals_django(slug), vs.zoals_django(moment)
        echt = None
        if moment.isascii() and moment.isdigit() and len(moment) < 100:
            echt = bestaande.get((slug, int(moment)))
        if na != voor and not (echt == "vrij" and methode == "post"):
            telling.ongeldig_opgeslagen += 1
        if echt is None:
            assert na == voor, "a registration through a forged address"
            assert response.status_code == 404
            geweigerd_met_uitleg(
                response,
                "Dit aanbod bestaat niet (meer)",
                "Dit moment bestaat niet (meer)",
                NAAR_START,
            )
        elif echt == "vrij" and methode == "post":
            # The real address of an open moment, with a valid form: this one is stored.
            assert response.status_code == 303
            assert na[0] == voor[0] + 1
            telling.geldig_opgeslagen += 1
        else:
            assert na == voor
            assert response.status_code == 200
            if soort == "inschrijven" and echt in ("afgelast", "voorbij"):
                # Nothing to fill in: the page says why.
                assert 'id="gesloten"' in response.content.decode()

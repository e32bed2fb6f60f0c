"""The signed registration page (/aanbod/inschrijving/<sleutel>/) under hostile input.

A key we did not make shows that the link is wrong and changes no registration, by GET or
POST. With the real key, a hostile POST (an unknown ``actie``, a tick that is no tick) cancels
or erases nothing unless the person chose a step and ticked to confirm it.
"""

import datetime as dt

import pytest
from django.core import signing
from django.utils import timezone
from hypothesis import assume, given
from hypothesis import strategies as st

from aanbod import services
from aanbod.models import Bereikcijfer, Inschrijving
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory
from tests.vijandig import strategieen as vs
from tests.vijandig.conftest import voorbeelden
from tests.vijandig.controles import geweigerd_met_uitleg, tekst

pytestmark = pytest.mark.django_db

KLOPT_NIET = "Deze link klopt niet"
VERLOPEN = "Deze link is verlopen"
BESTAAT_NIET = "Deze inschrijving bestaat niet meer"
KIES = "Kies annuleren of gegevens wissen."


@pytest.fixture
def inschrijving(db):
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    activiteit = ActiviteitFactory(
        slug="babymassage",
        inschrijving_vereist=True,
        capaciteit=2,
        locatie=LocatieFactory(gemeente=beerse),
    )
    begin = timezone.now() + dt.timedelta(days=7)
    moment = MomentFactory(activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2))
    return services.inschrijven(
        moment=moment,
        gezin=services.Gezin(
            naam="Fatima", email="fatima@example.org", leeftijden=(8,), woonplaats=beerse
        ),
        verwittigen=False,
    )


def _toestand() -> list[tuple]:
    return [
        *Inschrijving.objects.values_list("pk", "status", "gewist_op", "naam").order_by("pk"),
        *Bereikcijfer.objects.values_list("pk", "ingeschreven").order_by("pk"),
    ]


def vreemd_ondertekend() -> st.SearchStrategy[str]:
    """Keys signed with our secret around content no link of ours holds: robustness only."""
    signer = signing.TimestampSigner(salt=Inschrijving.SLEUTEL_ZOUT)
    inhoud = st.sampled_from(
        [{"i": 2**80}, {"i": -1}, {"i": 0}, {"i": "1"}, {"i": 1.0}, {}, [1], "x", None]
    )
    return inhoud.map(signer.sign_object)


@st.composite
def actie_post(draw) -> dict:
    """The page's POST: an ``actie`` (mostly a real one) and the ticks, each valid, hostile or
    missing, and sometimes a field the page does not know."""
    if vs.toeval(draw, 0.6):
        actie = draw(st.sampled_from(["annuleren", "wissen"]))
    else:
        actie = draw(
            st.one_of(
                st.sampled_from(["ANNULEREN", "annuleren ", "", "annuleren\x00"]),
                vs.vijandige_waarde(lang=False),
            )
        )
    post = {"actie": actie}
    for veld in ("annuleren-zeker", "wissen-zeker"):
        if vs.toeval(draw, 0.6):
            post[veld] = draw(vs.vinkje())
    if vs.toeval(draw, 0.2):
        post[vs.XSS_MERKTEKEN] = draw(vs.vijandige_waarde(lang=False))
    return post


@voorbeelden(60)
@given(data=st.data())
def test_vervalste_sleutel_verandert_niets(data, inschrijving, per_voorbeeld, aanvraag, telling):
    echte = inschrijving.sleutel()
    sleutel = data.draw(
        st.one_of(vs.vervalste_sleutel([echte]), vreemd_ondertekend()), label="sleutel"
    )
    assume(sleutel != echte)
    post = data.draw(st.one_of(st.none(), actie_post()), label="post")
    telling.voorbeelden += 1
    with per_voorbeeld():
        voor = _toestand()
        pad = f"/aanbod/inschrijving/{vs.pad_segment(sleutel)}/"
        if post is None:
            response = aanvraag("get", pad)
        else:
            response = aanvraag(
                "post",
                pad,
                data=vs.urlencoded(list(post.items())),
                content_type="application/x-www-form-urlencoded",
            )

        if _toestand() != voor:
            telling.ongeldig_opgeslagen += 1
        assert _toestand() == voor, "a forged link changed a registration"
        assert response.status_code in (404, 410), response.status_code
        if "/" in vs.zoals_django(sleutel):
            geweigerd_met_uitleg(response)
        else:
            assert response["X-Robots-Tag"] == "noindex, nofollow"
            geweigerd_met_uitleg(response, KLOPT_NIET, VERLOPEN, BESTAAT_NIET)


@voorbeelden(60)
@given(post=actie_post())
def test_vijandige_post_met_de_echte_sleutel(post, inschrijving, per_voorbeeld, aanvraag, telling):
    """Only a known ``actie`` with its own tick changes the registration."""
    telling.voorbeelden += 1
    with per_voorbeeld():
        voor = _toestand()
        response = aanvraag(
            "post",
            f"/aanbod/inschrijving/{inschrijving.sleutel()}/",
            data=vs.urlencoded(list(post.items())),
            content_type="application/x-www-form-urlencoded",
        )
        na = _toestand()

        actie = vs.zoals_django(post.get("actie", ""))
        vinkje = post.get(f"{actie}-zeker")
        gevraagd = actie in ("annuleren", "wissen") and not vs.niet_aangevinkt(
            None if vinkje is None else vs.zoals_django(vinkje)
        )
        if na != voor and not gevraagd:
            telling.ongeldig_opgeslagen += 1
        if gevraagd:
            assert response.status_code == 303
            assert na != voor
            telling.geldig_opgeslagen += 1
        else:
            assert na == voor, "a registration changed without a confirmed step"
            gelezen = tekst(response)
            if actie not in ("annuleren", "wissen"):
                assert response.status_code == 400
                assert KIES in gelezen
            else:
                assert response.status_code == 200
                assert "Vink aan dat" in gelezen


@voorbeelden(20)
@given(querystring=vs.vijandige_querystring(["actie", "page"]))
def test_echte_link_met_vijandige_querystring(querystring, inschrijving, aanvraag, telling):
    telling.voorbeelden += 1
    response = aanvraag(
        "get", f"/aanbod/inschrijving/{inschrijving.sleutel()}/", QUERY_STRING=querystring
    )
    if response.status_code == 400:
        geweigerd_met_uitleg(response)
    else:
        # The query string is no part of the key: the page is the registration's own.
        assert response.status_code == 200
        assert "Je inschrijving" in tekst(response)

"""The door's overview of the coming year: how much offer a gemeente gets, and how far it is."""

import datetime as dt
import re
from decimal import Decimal
from html import unescape
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from communicatie.models import Huisstijl
from tests.factories import ActiviteitFactory, GemeenteFactory, LocatieFactory, MomentFactory

pytestmark = pytest.mark.django_db

BRUSSEL = ZoneInfo("Europe/Brussels")
NU = dt.datetime(2026, 3, 11, 12, 0, tzinfo=BRUSSEL)
# Beerse's centre and the places below lie on one meridian: 0.0375° of latitude is
# 0.0375 times 111.195 km = 4.17 km, shown as "4,2 km".
LENGTE = Decimal("4.855600")


@pytest.fixture(autouse=True)
def middag(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NU)


@pytest.fixture(autouse=True)
def huisstijl(db):
    return Huisstijl.objects.create(naam="Huis van het Kind Kempenland")


@pytest.fixture
def beerse():
    return GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        breedtegraad=Decimal("51.319500"),
        lengtegraad=LENGTE,
    )


@pytest.fixture
def turnhout():
    return GemeenteFactory(
        naam="Turnhout",
        nis_code="13040",
        slug="turnhout",
        breedtegraad=Decimal("51.322700"),
        lengtegraad=Decimal("4.944800"),
    )


def plek(gemeente, breedtegraad):
    return LocatieFactory(gemeente=gemeente, breedtegraad=Decimal(breedtegraad), lengtegraad=LENGTE)


def momenten(activiteit, *dagen, geannuleerd=False):
    for dag in dagen:
        begin = NU + dt.timedelta(days=dag)
        MomentFactory(
            activiteit=activiteit,
            begin=begin,
            einde=begin + dt.timedelta(hours=2),
            geannuleerd=geannuleerd,
        )


def overzicht(client, slug="beerse"):
    """The overview section's text, tags dropped and spaces collapsed."""
    html = client.get(reverse("gemeente", kwargs={"slug": slug})).content.decode()
    sectie = re.search(r'<section aria-labelledby="overzicht-titel".*?</section>', html, re.S)
    assert sectie, "the door has no overview of the offer"
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", sectie.group())).split())


def test_deur_telt_het_aanbod_voor_de_gemeente_en_in_de_gemeente_zelf(client, beerse, turnhout):
    in_turnhout = plek(turnhout, "51.357000")
    in_beerse = plek(beerse, "51.319500")
    # For Beerse: the regional lecture in Turnhout (2 moments) and its own consultation (3).
    momenten(ActiviteitFactory(locatie=in_turnhout), 1, 8)
    eigen = ActiviteitFactory(locatie=in_beerse, bereik="lokaal", gemeenten=[beerse])
    momenten(eigen, 2, 9, 16)
    # Not counted: a cancelled and a past moment, and Turnhout's own offer.
    momenten(eigen, 23, geannuleerd=True)
    momenten(eigen, -7)
    ander = ActiviteitFactory(locatie=in_turnhout, bereik="lokaal", gemeenten=[turnhout])
    momenten(ander, 3)

    tekst = overzicht(client)

    assert "Het aanbod voor Beerse het komende jaar" in tekst
    assert "Voor gezinnen uit Beerse 2 activiteiten, 5 momenten" in tekst
    assert "In Beerse zelf 1 activiteit, 3 momenten" in tekst
    assert "Geteld van vandaag tot en met 10 maart 2027." in tekst


def test_deur_zegt_per_pijler_hoe_ver_het_dichtste_aanbod_is(client, beerse, turnhout):
    # Meeting in Beerse itself; health only 4.2 km north, in Turnhout; parenting nowhere.
    momenten(ActiviteitFactory(pijler="ontmoeting", locatie=plek(beerse, "51.319500")), 1)
    momenten(ActiviteitFactory(pijler="gezondheid", locatie=plek(turnhout, "51.357000")), 1)

    tekst = overzicht(client)

    assert "Preventieve gezondheidszorg Dichtstbij op 4,2 km, in Turnhout" in tekst
    assert "Opvoedingsondersteuning Nog niets gepland" in tekst
    assert "Ontmoeting In Beerse zelf" in tekst


def test_doorlopend_aanbod_in_de_gemeente_telt_als_aanbod_in_de_gemeente_zelf(client, beerse):
    ActiviteitFactory(pijler="opvoeding", locatie=plek(beerse, "51.330000"), doorlopend=True)

    tekst = overzicht(client)

    assert "In Beerse zelf 1 activiteit, 0 momenten" in tekst
    assert "Opvoedingsondersteuning In Beerse zelf" in tekst


def test_zonder_centrum_zegt_de_deur_dat_de_afstand_niet_gekend_is(client, beerse, turnhout):
    beerse.breedtegraad = beerse.lengtegraad = None
    beerse.save()
    momenten(ActiviteitFactory(pijler="gezondheid", locatie=plek(turnhout, "51.357000")), 1)

    tekst = overzicht(client)

    assert "Preventieve gezondheidszorg Buiten Beerse; de afstand is niet gekend" in tekst
    assert "km" not in tekst
    assert "vogelvlucht" not in tekst


def test_overzicht_staat_onder_een_eigen_kop_na_de_h1(client, beerse):
    html = client.get(reverse("gemeente", kwargs={"slug": "beerse"})).content.decode()

    koppen = re.findall(r"<(h[1-6])[^>]*>(.*?)</\1>", html, re.S)
    titels = [(niveau, " ".join(re.sub(r"<[^>]+>", "", tekst).split())) for niveau, tekst in koppen]
    plaats = titels.index(("h2", "Het aanbod voor Beerse het komende jaar"))
    assert titels[plaats + 1] == ("h3", "Hoe ver is het dichtste aanbod?")
    assert titels[0][0] == "h1"

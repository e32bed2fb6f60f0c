import pytest
from django.urls import reverse

from communicatie.models import Huisstijl
from tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db


def test_startpagina_toont_de_deelnemende_gemeenten_met_hun_aanspreekpunt(client):
    GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        aanspreekpunt_naam="Sociaal Huis Beerse",
        aanspreekpunt_telefoon="014 00 00 02",
    )
    GemeenteFactory(naam="Vosselaar", nis_code="13046", slug="vosselaar")

    inhoud = client.get(reverse("home")).content.decode()

    assert "Beerse" in inhoud
    assert "Sociaal Huis Beerse" in inhoud
    assert 'href="tel:014000002"' in inhoud
    assert "Vosselaar" in inhoud
    assert "aanspreekpunt van deze gemeente wordt binnenkort bekendgemaakt" in inhoud
    assert "samen gedragen door 2 gemeenten" in inhoud


def test_startpagina_zonder_gemeenten_legt_uit_wat_er_ontbreekt(client):
    inhoud = client.get(reverse("home")).content.decode()

    assert "Er zijn nog geen deelnemende gemeenten ingevoerd" in inhoud


def test_startpagina_toont_de_naam_uit_de_huisstijl(client):
    Huisstijl.objects.create(naam="Huis van het Kind Testland", ondertitel="Samen sterk")

    inhoud = client.get(reverse("home")).content.decode()

    assert "<title>Huis van het Kind Testland</title>" in inhoud
    assert "Samen sterk" in inhoud


def test_startpagina_zonder_huisstijl_gebruikt_de_naam_uit_de_instellingen(client, settings):
    settings.HVK_NAAM = "Huis van het Kind Uit Instellingen"

    inhoud = client.get(reverse("home")).content.decode()

    assert "Huis van het Kind Uit Instellingen" in inhoud


def test_voettekst_noemt_alle_gemeenten_van_de_samenwerking(client):
    for naam, code in [("Beerse", "13004"), ("Kasterlee", "13017"), ("Turnhout", "13040")]:
        GemeenteFactory(naam=naam, nis_code=code, slug=naam.lower())

    inhoud = client.get(reverse("home")).content.decode()

    assert "samenwerking van de gemeenten\n          Beerse, Kasterlee en Turnhout." in inhoud


@pytest.mark.parametrize("aantal", [1, 3])
def test_startpagina_doet_evenveel_queries_ongeacht_het_aantal_gemeenten(
    client, django_assert_num_queries, aantal
):
    for naam, code in [("Beerse", "13004"), ("Kasterlee", "13017"), ("Turnhout", "13040")][:aantal]:
        GemeenteFactory(naam=naam, nis_code=code, slug=naam.lower())

    with django_assert_num_queries(3):
        client.get(reverse("home"))

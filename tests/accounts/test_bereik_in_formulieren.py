"""Forms keep a row where it belongs: links to others stay, nobody saves a row out of reach.

A partner keeps an activity it gives together with another partner; a medewerker keeps their
gemeente's rows in their gemeente and does not turn them into the whole area's.
"""

import pytest
from django.urls import reverse

from aanbod.models import Activiteit
from communicatie.models import Nieuwsbericht
from tests.admin import formulier_van, fouten
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    PartnerFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("snelle_wachtwoorden")]

NIEUWS_TOEVOEGEN = reverse("admin:communicatie_nieuwsbericht_add")


@pytest.fixture
def bibliotheek(db):
    return PartnerFactory(naam="Bibliotheek Kasterlee")


@pytest.fixture
def opgroeien(db):
    return PartnerFactory(naam="Opgroeien")


@pytest.fixture
def als_bibliotheek(client, bibliotheek):
    client.force_login(GebruikerFactory(rol="partner", partner=bibliotheek))
    return client


@pytest.fixture
def als_medewerker(client, beerse):
    gebruiker = GebruikerFactory(rol="medewerker")
    gebruiker.gemeenten.add(beerse)
    client.force_login(gebruiker)
    return client


@pytest.fixture
def samen(bibliotheek, opgroeien):
    """A lecture the library gives together with Opgroeien."""
    activiteit = ActiviteitFactory(titel="Slapen zonder tranen")
    activiteit.partners.set([bibliotheek, opgroeien])
    return activiteit


def wijzig_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def bewaren(client, obj, **anders):
    """Open the change page, change ``anders``, save: as a person does."""
    gegevens = {**formulier_van(client.get(wijzig_url(obj))), **anders}
    return client.post(wijzig_url(obj), gegevens)


def partners_van(activiteit):
    return sorted(p.naam for p in Activiteit.objects.get(pk=activiteit.pk).partners.all())


# --- A partner and the other partners of its activity -----------------------------------------


def test_partner_bewaart_een_activiteit_die_het_samen_met_een_andere_partner_geeft(
    als_bibliotheek, samen
):
    response = bewaren(als_bibliotheek, samen, samenvatting="Over slapen, voor jonge ouders.")

    assert response.status_code == 302
    samen.refresh_from_db()
    assert samen.samenvatting == "Over slapen, voor jonge ouders."
    assert partners_van(samen) == ["Bibliotheek Kasterlee", "Opgroeien"]


def test_partner_kan_de_andere_partner_niet_van_de_activiteit_halen(
    als_bibliotheek, samen, bibliotheek
):
    response = bewaren(als_bibliotheek, samen, partners=[bibliotheek.pk])

    assert response.status_code == 200
    assert "Opgroeien kun je hier niet weghalen" in fouten(response)
    assert partners_van(samen) == ["Bibliotheek Kasterlee", "Opgroeien"]


def test_partner_kan_zichzelf_niet_van_de_activiteit_halen(als_bibliotheek, samen, opgroeien):
    response = bewaren(als_bibliotheek, samen, partners=[opgroeien.pk])

    assert response.status_code == 200
    assert "Kies ook Bibliotheek Kasterlee" in fouten(response)
    assert partners_van(samen) == ["Bibliotheek Kasterlee", "Opgroeien"]


def test_partner_kan_geen_andere_partner_aan_de_activiteit_toevoegen(
    als_bibliotheek, samen, bibliotheek, opgroeien
):
    derde = PartnerFactory(naam="Gezinsbond")

    response = bewaren(als_bibliotheek, samen, partners=[bibliotheek.pk, opgroeien.pk, derde.pk])

    assert response.status_code == 200
    assert "partners" in response.context["adminform"].form.errors
    assert partners_van(samen) == ["Bibliotheek Kasterlee", "Opgroeien"]


def test_partner_kiest_bij_een_activiteit_alleen_de_eigen_en_de_gekoppelde_partners(
    als_bibliotheek, samen
):
    PartnerFactory(naam="Gezinsbond")

    response = als_bibliotheek.get(wijzig_url(samen))

    veld = response.context["adminform"].form.fields["partners"]
    assert sorted(p.naam for p in veld.queryset) == ["Bibliotheek Kasterlee", "Opgroeien"]


# --- A medewerker keeps rows in their own gemeente ------------------------------------------


def nieuws(**anders):
    return {
        "titel": "Babymassage in de bib",
        "slug": "babymassage-in-de-bib",
        "inleiding": "Vanaf januari.",
        "tekst": "",
        "publicatiedatum_0": "01/12/2026",
        "publicatiedatum_1": "09:00",
        "gepubliceerd": "on",
        **anders,
    }


def test_medewerker_kan_geen_nieuws_voor_het_hele_huis_maken(als_medewerker):
    response = als_medewerker.post(NIEUWS_TOEVOEGEN, nieuws(gemeente=""))

    assert response.status_code == 200
    assert "gemeente" in response.context["adminform"].form.errors
    assert not Nieuwsbericht.objects.exists()


def test_medewerker_maakt_nieuws_voor_de_eigen_gemeente(als_medewerker, beerse):
    response = als_medewerker.post(NIEUWS_TOEVOEGEN, nieuws(gemeente=beerse.pk))

    assert response.status_code == 302
    assert Nieuwsbericht.objects.get().gemeente == beerse


def test_medewerker_kan_eigen_nieuws_niet_naar_het_hele_huis_verplaatsen(als_medewerker, beerse):
    bericht = Nieuwsbericht.objects.create(
        titel="Open huis", slug="open-huis", inleiding="Kom langs.", gemeente=beerse
    )

    response = bewaren(als_medewerker, bericht, gemeente="")

    assert response.status_code == 200
    bericht.refresh_from_db()
    assert bericht.gemeente == beerse


def test_medewerker_kan_bij_eigen_aanbod_geen_andere_gemeente_kiezen(
    als_medewerker, beerse, turnhout
):
    eigen = ActiviteitFactory(bereik="lokaal", gemeenten=[beerse])

    response = bewaren(als_medewerker, eigen, gemeenten=[beerse.pk, turnhout.pk])

    assert response.status_code == 200
    assert "gemeenten" in response.context["adminform"].form.errors
    assert list(Activiteit.objects.get(pk=eigen.pk).gemeenten.all()) == [beerse]


def test_medewerker_van_twee_gemeenten_bewaart_aanbod_voor_beide(client, beerse, turnhout):
    gebruiker = GebruikerFactory(rol="medewerker")
    gebruiker.gemeenten.set([beerse, turnhout])
    client.force_login(gebruiker)
    gedeeld = ActiviteitFactory(bereik="lokaal", gemeenten=[beerse, turnhout])

    response = bewaren(client, gedeeld, samenvatting="Voor beide gemeenten.")

    assert response.status_code == 302
    assert sorted(g.naam for g in Activiteit.objects.get(pk=gedeeld.pk).gemeenten.all()) == [
        "Beerse",
        "Turnhout",
    ]

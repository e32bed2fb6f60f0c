"""The blind-spot exercise: which partner works in which gemeente, and where the offer has
holes; and the Partner admin the coordinator keeps it up to date with."""

import factory
import pytest
from django.urls import reverse
from factory.django import DjangoModelFactory

from gemeenten.models import Partner
from gemeenten.selectors.blinde_vlekken import blinde_vlekken_matrix
from tests.factories import GebruikerFactory, GemeenteFactory

BLINDE_VLEKKEN = reverse("admin:gemeenten_partner_blinde_vlekken")
PARTNERS = reverse("admin:gemeenten_partner_changelist")
PARTNER_TOEVOEGEN = reverse("admin:gemeenten_partner_add")


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ["naam"]
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Partner {n}")
    soort = Partner.Soort.CAW
    email = factory.Sequence(lambda n: f"partner{n}@example.org")

    @factory.post_generation
    def werkingsgebied(self, create, gemeenten, **kwargs):
        if create and gemeenten:
            self.werkingsgebied.set(gemeenten)


@pytest.fixture
def vosselaar(db):
    return GemeenteFactory(naam="Vosselaar", nis_code="13046", slug="vosselaar")


# --- The selector --------------------------------------------------------------------------


def test_partner_in_twee_van_drie_gemeenten_heeft_een_gat_in_de_derde(beerse, turnhout, vosselaar):
    caw = PartnerFactory(naam="CAW De Kempen", werkingsgebied=[beerse, turnhout])

    matrix = blinde_vlekken_matrix()

    assert matrix.gemeenten == (beerse, turnhout, vosselaar)
    assert matrix.rij(caw).werkt_hier == (True, True, False)


def test_soort_die_elders_werkt_maar_ontbreekt_staat_bij_die_gemeente(beerse, vosselaar):
    PartnerFactory(soort=Partner.Soort.CAW, werkingsgebied=[beerse])
    PartnerFactory(soort=Partner.Soort.BIBLIOTHEEK, werkingsgebied=[beerse, vosselaar])

    matrix = blinde_vlekken_matrix()

    assert matrix.samenvatting(vosselaar).ontbrekende_soorten == (Partner.Soort.CAW,)
    assert matrix.samenvatting(beerse).ontbrekende_soorten == ()


def test_ontbrekende_soort_verdwijnt_als_een_partner_van_die_soort_er_gaat_werken(
    beerse, vosselaar
):
    PartnerFactory(naam="CAW De Kempen", soort=Partner.Soort.CAW, werkingsgebied=[beerse])
    ander_caw = PartnerFactory(naam="CAW Antwerpen", soort=Partner.Soort.CAW)
    assert Partner.Soort.CAW in blinde_vlekken_matrix().samenvatting(vosselaar).ontbrekende_soorten

    vosselaar.partners.add(ander_caw)

    assert blinde_vlekken_matrix().samenvatting(vosselaar).ontbrekende_soorten == ()


def test_partner_zonder_werkingsgebied_wordt_apart_getoond(beerse):
    PartnerFactory(naam="Bib Beerse", werkingsgebied=[beerse])
    nergens = PartnerFactory(naam="Vrijwilligers zonder gebied")

    matrix = blinde_vlekken_matrix()

    assert matrix.zonder_werkingsgebied == (nergens,)
    assert matrix.rij(nergens).werkt_hier == (False,)


def test_soort_die_nergens_werkt_is_geen_blinde_vlek_van_een_gemeente(beerse):
    PartnerFactory(soort=Partner.Soort.ONDERWIJS)

    assert blinde_vlekken_matrix().samenvatting(beerse).ontbrekende_soorten == ()


def test_aantal_partners_per_gemeente(beerse, turnhout, vosselaar):
    PartnerFactory(werkingsgebied=[beerse, turnhout])
    PartnerFactory(werkingsgebied=[turnhout])

    matrix = blinde_vlekken_matrix()

    assert [s.aantal_partners for s in matrix.per_gemeente] == [1, 2, 0]


def test_rijen_staan_per_soort_en_dan_op_naam(beerse):
    PartnerFactory(naam="Bib Turnhout", soort=Partner.Soort.BIBLIOTHEEK)
    PartnerFactory(naam="Bib Beerse", soort=Partner.Soort.BIBLIOTHEEK)
    PartnerFactory(naam="Kind en Gezin", soort=Partner.Soort.OPGROEIEN)
    PartnerFactory(naam="Aan de Slag", soort=Partner.Soort.ANDER)

    namen = [rij.partner.naam for rij in blinde_vlekken_matrix().rijen]

    assert namen == ["Kind en Gezin", "Bib Beerse", "Bib Turnhout", "Aan de Slag"]


@pytest.mark.parametrize("aantal", [1, 3])
def test_matrix_doet_evenveel_queries_voor_1_of_3_partners_en_gemeenten(
    db, django_assert_num_queries, aantal
):
    gemeenten = GemeenteFactory.create_batch(aantal)
    for soort in list(Partner.Soort)[:aantal]:
        PartnerFactory(soort=soort, werkingsgebied=gemeenten)
    PartnerFactory(soort=Partner.Soort.ANDER)

    with django_assert_num_queries(3):
        matrix = blinde_vlekken_matrix()
        zichtbaar = [
            (rij.partner.naam, rij.partner.get_soort_display(), rij.werkt_hier)
            for rij in matrix.rijen
        ]
        zichtbaar += [(s.gemeente.naam, s.aantal_partners) for s in matrix.per_gemeente]

    assert len(matrix.rijen) == aantal + 1
    assert zichtbaar


# --- The admin view ------------------------------------------------------------------------


def test_coordinator_ziet_de_matrix_met_partners_en_gaten(coordinator_client, beerse, vosselaar):
    PartnerFactory(naam="CAW De Kempen", werkingsgebied=[beerse])

    response = coordinator_client.get(BLINDE_VLEKKEN)

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="col">Vosselaar</th>' in inhoud
    assert "CAW De Kempen</a></th>" in inhoud
    assert "werkt hier" in inhoud
    assert "geen</span>" in inhoud


def test_matrix_noemt_per_gemeente_de_ontbrekende_soorten(coordinator_client, beerse, vosselaar):
    PartnerFactory(soort=Partner.Soort.CAW, werkingsgebied=[beerse])
    PartnerFactory(soort=Partner.Soort.BIBLIOTHEEK, werkingsgebied=[beerse])

    response = coordinator_client.get(BLINDE_VLEKKEN)

    assert "hier werkt geen CAW en geen bibliotheek." in " ".join(response.content.decode().split())


def test_matrix_zonder_partners_legt_uit_wat_er_komt(coordinator_client, beerse):
    response = coordinator_client.get(BLINDE_VLEKKEN)

    assert "Er zijn nog geen partners." in response.content.decode()
    assert "Welke partner werkt in welke gemeente" not in response.content.decode()


@pytest.mark.parametrize("aantal", [1, 3])
def test_matrix_pagina_doet_evenveel_queries_voor_1_of_3_partners(
    coordinator_client, django_assert_num_queries, beerse, turnhout, aantal
):
    for soort in list(Partner.Soort)[:aantal]:
        PartnerFactory(soort=soort, werkingsgebied=[beerse, turnhout])

    # Session, user and the site's huisstijl, then the three queries of the matrix.
    with django_assert_num_queries(6):
        response = coordinator_client.get(BLINDE_VLEKKEN)

    assert response.status_code == 200


def test_medewerker_zonder_rechten_op_partners_krijgt_403(client, db):
    client.force_login(GebruikerFactory(is_staff=True))

    response = client.get(BLINDE_VLEKKEN)

    assert response.status_code == 403


def test_medewerker_van_een_gemeente_ziet_de_matrix(client, beerse):
    medewerker = GebruikerFactory(rol="medewerker")
    medewerker.gemeenten.add(beerse)
    PartnerFactory(naam="CAW De Kempen", werkingsgebied=[beerse])
    client.force_login(medewerker)

    response = client.get(BLINDE_VLEKKEN)

    assert response.status_code == 200
    assert "CAW De Kempen" in response.content.decode()


def test_anonieme_bezoeker_wordt_naar_aanmelden_gestuurd(client, db):
    response = client.get(BLINDE_VLEKKEN)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={BLINDE_VLEKKEN}"


# --- The Partner admin ---------------------------------------------------------------------


def test_partnerlijst_linkt_naar_de_blinde_vlekken(coordinator_client):
    response = coordinator_client.get(PARTNERS)

    assert f'<a href="{BLINDE_VLEKKEN}">Blinde vlekken</a>' in response.content.decode()


def test_partnerlijst_toont_het_aantal_gemeenten_in_het_werkingsgebied(
    coordinator_client, beerse, kasterlee, turnhout
):
    PartnerFactory(naam="CAW De Kempen", werkingsgebied=[beerse, kasterlee])

    response = coordinator_client.get(PARTNERS)

    assert '<td class="field-aantal_gemeenten">2</td>' in response.content.decode()


@pytest.mark.parametrize("aantal", [1, 3])
def test_partnerlijst_doet_evenveel_queries_voor_1_of_3_partners(
    coordinator_client, django_assert_num_queries, beerse, turnhout, aantal
):
    PartnerFactory.create_batch(aantal, werkingsgebied=[beerse, turnhout])

    with django_assert_num_queries(7):
        response = coordinator_client.get(PARTNERS)

    assert len(response.context["cl"].result_list) == aantal


def test_partner_met_ongeldig_emailadres_krijgt_nederlandse_fout_en_niets_wordt_bewaard(
    coordinator_client, beerse
):
    response = coordinator_client.post(
        PARTNER_TOEVOEGEN,
        {"naam": "CAW De Kempen", "soort": "caw", "email": "info-at-caw", "werkingsgebied": []},
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"] == ["Voer een geldig e-mailadres in."]
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    assert not Partner.objects.exists()


def test_partner_met_werkingsgebied_wordt_bewaard(coordinator_client, beerse, vosselaar):
    response = coordinator_client.post(
        PARTNER_TOEVOEGEN,
        {
            "naam": "CAW De Kempen",
            "soort": "caw",
            "website": "cawdekempen.be",
            "werkingsgebied": [beerse.pk, vosselaar.pk],
        },
    )

    assert response.status_code == 302
    partner = Partner.objects.get()
    assert set(partner.werkingsgebied.all()) == {beerse, vosselaar}
    assert partner.website == "https://cawdekempen.be"

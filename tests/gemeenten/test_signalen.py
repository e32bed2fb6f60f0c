"""The rules of the partnership: each signal appears when the situation arises and disappears
when it is fixed."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gemeenten.models import Lid
from gemeenten.selectors.inzet import engagement_en_inzet
from gemeenten.selectors.signalen import Signaal, signalen
from tests.factories import (
    GemeenteFactory,
    InzetFactory,
    LidFactory,
    OrgaanFactory,
    ThemaFactory,
    VisienotaFactory,
    WerkgroepFactory,
)

pytestmark = pytest.mark.django_db
OP = datetime.date(2026, 7, 15)  # six complete months of 2026 have passed


@pytest.fixture
def beerse():
    return GemeenteFactory(
        naam="Beerse",
        nis_code="13004",
        slug="beerse",
        aanspreekpunt_naam="Huis van het Kind Beerse",
        aanspreekpunt_email="hvk@beerse.example",
    )


@pytest.fixture
def kasterlee():
    return GemeenteFactory(
        naam="Kasterlee",
        nis_code="13017",
        slug="kasterlee",
        aanspreekpunt_naam="Huis van het Kind Kasterlee",
        aanspreekpunt_telefoon="014 00 00 03",
    )


@pytest.fixture
def kinderarmoede():
    return ThemaFactory(naam="Kinderarmoede", slug="kinderarmoede")


def teksten(soort, **kwargs):
    return [s.tekst for s in signalen(op=OP, **kwargs) if s.soort == soort]


def prioriteit(gemeente, thema):
    nota = VisienotaFactory(gemeente=gemeente, uren_per_jaar=0)
    nota.prioriteiten.add(thema)
    return nota


def test_prioriteit_zonder_werkgroep_over_het_thema_geeft_een_signaal(beerse, kinderarmoede):
    prioriteit(beerse, kinderarmoede)

    assert teksten(Signaal.PRIORITEIT_ZONDER_WERKGROEP) == [
        "Beerse noemt “Kinderarmoede” als prioriteit, maar er is geen werkgroep over dat thema."
    ]

    LidFactory(orgaan=WerkgroepFactory(thema=kinderarmoede), gemeente=beerse)

    assert teksten(Signaal.PRIORITEIT_ZONDER_WERKGROEP) == []


def test_prioriteit_zonder_lid_in_de_werkgroep_trekt_aan_de_bel(beerse, kasterlee, kinderarmoede):
    prioriteit(beerse, kinderarmoede)
    werkgroep = WerkgroepFactory(naam="Werkgroep kinderarmoede", thema=kinderarmoede)
    LidFactory(orgaan=werkgroep, gemeente=kasterlee)

    assert teksten(Signaal.PRIORITEIT_ZONDER_WERKGROEP) == [
        "Beerse noemt “Kinderarmoede” als prioriteit, maar zit niet in de werkgroep "
        "Werkgroep kinderarmoede."
    ]

    LidFactory(orgaan=werkgroep, gemeente=beerse)

    assert teksten(Signaal.PRIORITEIT_ZONDER_WERKGROEP) == []


def test_een_beeindigd_lidmaatschap_telt_niet_meer(beerse, kinderarmoede):
    prioriteit(beerse, kinderarmoede)
    lid = LidFactory(
        orgaan=WerkgroepFactory(thema=kinderarmoede), gemeente=beerse, tot=OP.replace(day=1)
    )

    assert len(teksten(Signaal.PRIORITEIT_ZONDER_WERKGROEP)) == 1

    Lid.objects.filter(pk=lid.pk).update(tot=None)

    assert teksten(Signaal.PRIORITEIT_ZONDER_WERKGROEP) == []


def test_prioriteit_van_een_afgelopen_visienota_telt_niet(beerse, kinderarmoede):
    nota = prioriteit(beerse, kinderarmoede)
    nota.periode_start, nota.periode_einde = datetime.date(2019, 1, 1), datetime.date(2024, 12, 31)
    nota.save()

    assert teksten(Signaal.PRIORITEIT_ZONDER_WERKGROEP) == []


@pytest.mark.parametrize("soort", ["stuurgroep", "beleidsgroep"])
def test_orgaan_zonder_lid_uit_elke_gemeente_geeft_een_signaal(beerse, kasterlee, soort):
    orgaan = OrgaanFactory(naam="Regio", soort=soort)
    LidFactory(orgaan=orgaan, gemeente=beerse)

    assert teksten(Signaal.ORGAAN_ZONDER_GEMEENTE) == [
        f"In de {soort} “Regio” zit niemand uit Kasterlee."
    ]

    LidFactory(orgaan=orgaan, gemeente=kasterlee)

    assert teksten(Signaal.ORGAAN_ZONDER_GEMEENTE) == []


def test_een_werkgroep_hoeft_niet_elke_gemeente_te_hebben(beerse, kasterlee):
    LidFactory(orgaan=WerkgroepFactory(), gemeente=beerse)

    assert teksten(Signaal.ORGAAN_ZONDER_GEMEENTE) == []


def test_gemeente_zonder_aanspreekpunt_geeft_een_signaal(beerse, kasterlee):
    kasterlee.aanspreekpunt_naam = ""
    kasterlee.save()

    assert teksten(Signaal.GEEN_AANSPREEKPUNT) == [
        "Kasterlee heeft geen aanspreekpunt voor inwoners (een naam met telefoon of e-mail)."
    ]

    kasterlee.aanspreekpunt_naam = "Sociaal Huis Kasterlee"
    kasterlee.save()

    assert teksten(Signaal.GEEN_AANSPREEKPUNT) == []


def test_aanspreekpunt_zonder_telefoon_of_e_mail_telt_niet(beerse):
    beerse.aanspreekpunt_email = ""
    beerse.save()

    assert len(teksten(Signaal.GEEN_AANSPREEKPUNT)) == 1


def test_achterstand_in_geleverde_uren_geeft_een_signaal_tot_ze_is_ingehaald(beerse):
    VisienotaFactory(gemeente=beerse, uren_per_jaar=Decimal("1200"))
    InzetFactory(gemeente=beerse, jaar=2026, maand=3, uren=Decimal("400"))

    assert teksten(Signaal.INZET_ACHTERSTAND) == [
        "Beerse leverde dit jaar 400,0 van de 600,0 geëngageerde uren tot nu toe: 33,3% "
        "achter (grens 20%)."
    ]

    InzetFactory(gemeente=beerse, jaar=2026, maand=6, uren=Decimal("100"))

    assert teksten(Signaal.INZET_ACHTERSTAND) == []


def test_de_grens_voor_achterstand_is_instelbaar(beerse, settings):
    settings.HVK_INZET_MAX_ACHTERSTAND_PROCENT = 40
    VisienotaFactory(gemeente=beerse, uren_per_jaar=Decimal("1200"))
    InzetFactory(gemeente=beerse, jaar=2026, maand=3, uren=Decimal("400"))

    assert teksten(Signaal.INZET_ACHTERSTAND) == []


def test_uren_van_de_lopende_maand_tellen_nog_niet_mee(beerse):
    VisienotaFactory(gemeente=beerse, uren_per_jaar=Decimal("1200"))
    InzetFactory(gemeente=beerse, jaar=2026, maand=7, uren=Decimal("600"))

    (regel,) = engagement_en_inzet(jaar=2026, op=OP)

    assert regel.maanden_verstreken == 6
    assert regel.uren_verwacht == Decimal("600.0")
    assert regel.uren_geleverd == 0


def test_een_afgelopen_jaar_vergelijkt_alle_twaalf_maanden(beerse):
    VisienotaFactory(gemeente=beerse, uren_per_jaar=Decimal("1200"))
    InzetFactory(gemeente=beerse, jaar=2025, maand=12, uren=Decimal("300"))

    (regel,) = engagement_en_inzet(jaar=2025, op=OP)

    assert regel.uren_verwacht == Decimal("1200.0")
    assert regel.uren_geleverd == Decimal("300")
    assert regel.achterstand_procent == Decimal("75.0")


def test_zonder_visienota_is_er_geen_engagement_en_geen_signaal(beerse):
    InzetFactory(gemeente=beerse, jaar=2026, maand=1, uren=Decimal("10"))

    (regel,) = engagement_en_inzet(jaar=2026, op=OP)

    assert regel.visienota is None
    assert regel.verhouding is None
    assert teksten(Signaal.INZET_ACHTERSTAND) == []


def test_signalen_voor_een_gemeente_tonen_alleen_die_gemeente(beerse, kasterlee):
    beerse.aanspreekpunt_naam = kasterlee.aanspreekpunt_naam = ""
    beerse.save()
    kasterlee.save()

    assert [s.gemeente for s in signalen(op=OP, gemeente=kasterlee)] == [kasterlee]


@pytest.mark.parametrize("aantal", [1, 3])
def test_signalen_doen_evenveel_queries_ongeacht_de_hoeveelheid_gegevens(
    django_assert_num_queries, kinderarmoede, aantal
):
    for naam, code in [("Beerse", "13004"), ("Kasterlee", "13017"), ("Turnhout", "13040")][:aantal]:
        gemeente = GemeenteFactory(naam=naam, nis_code=code, slug=naam.lower())
        prioriteit(gemeente, kinderarmoede)
        LidFactory(orgaan=OrgaanFactory(), gemeente=gemeente)
        InzetFactory(gemeente=gemeente)

    with django_assert_num_queries(8):
        signalen(op=OP)


def test_overzicht_in_het_beheer_toont_de_signalen_met_een_link_om_op_te_lossen(
    coordinator_client, beerse, kasterlee
):
    kasterlee.aanspreekpunt_naam = ""
    kasterlee.save()

    response = coordinator_client.get(reverse("admin:gemeenten_gemeente_signalen"))

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "Kasterlee heeft geen aanspreekpunt" in inhoud
    assert reverse("admin:gemeenten_gemeente_change", args=[kasterlee.pk]) in inhoud


def test_overzicht_zonder_signalen_zegt_dat_alles_in_orde_is(coordinator_client, beerse):
    response = coordinator_client.get(reverse("admin:gemeenten_gemeente_signalen"))

    assert "Geen signalen" in response.content.decode()


def test_gemeentepagina_in_het_beheer_toont_haar_eigen_signalen(
    coordinator_client, beerse, kasterlee
):
    kasterlee.aanspreekpunt_naam = ""
    kasterlee.save()

    beerse_pagina = coordinator_client.get(
        reverse("admin:gemeenten_gemeente_change", args=[beerse.pk])
    ).content.decode()
    kasterlee_pagina = coordinator_client.get(
        reverse("admin:gemeenten_gemeente_change", args=[kasterlee.pk])
    ).content.decode()

    assert "Kasterlee heeft geen aanspreekpunt" in kasterlee_pagina
    assert "Kasterlee heeft geen aanspreekpunt" not in beerse_pagina
    assert "deze gemeente voldoet vandaag aan de afspraken" in beerse_pagina


def test_engagementoverzicht_toont_geengageerde_en_geleverde_uren(coordinator_client, beerse):
    VisienotaFactory(gemeente=beerse, uren_per_jaar=Decimal("1200"))
    InzetFactory(gemeente=beerse, jaar=2025, maand=5, uren=Decimal("321.5"))

    response = coordinator_client.get(
        reverse("admin:gemeenten_gemeente_engagement"), {"jaar": "2025"}
    )

    inhoud = response.content.decode()
    assert response.status_code == 200
    assert "1.200,0" in inhoud
    assert "321,5" in inhoud


@pytest.mark.parametrize("jaar", ["abc", "99999", "-1", "2026'; drop table"])
def test_engagementoverzicht_met_een_ongeldig_jaar_geeft_400_met_uitleg(
    coordinator_client, beerse, jaar
):
    response = coordinator_client.get(
        reverse("admin:gemeenten_gemeente_engagement"), {"jaar": jaar}
    )

    assert response.status_code == 400
    assert "is geen geldig jaar" in response.content.decode()


def test_beheeroverzichten_zijn_niet_voor_anonieme_bezoekers(client):
    for naam in ["signalen", "engagement"]:
        response = client.get(reverse(f"admin:gemeenten_gemeente_{naam}"))
        assert response.status_code == 302
        assert "/login/" in response["Location"]

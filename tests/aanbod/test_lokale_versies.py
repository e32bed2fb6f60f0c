"""Local versions of a generic activity, one per gemeente."""

import datetime as dt

import pytest

from aanbod.models import Activiteit, Doelgroep
from aanbod.services import AanbodFout, lokale_versies_maken
from locaties.models import Taal
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    LocatieFactory,
    MomentFactory,
    PartnerFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def turnhout():
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


@pytest.fixture
def beerse():
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@pytest.fixture
def generiek(turnhout):
    """A published regional activity with a theme, a target group, two languages, a partner
    and a moment of its own, held in Turnhout."""
    act = ActiviteitFactory(
        titel="Babymassage",
        slug="babymassage",
        locatie=LocatieFactory(gemeente=turnhout),
        gepubliceerd=True,
    )
    act.themas.set([ThemaFactory(naam="Gezondheid")])
    act.doelgroepen.set([Doelgroep.objects.get(slug="gezinnen-0-3")])
    act.talen.set(Taal.objects.filter(code__in=["nl", "fr"]))
    act.partners.set([PartnerFactory(naam="Kind en Gezin")])
    MomentFactory(activiteit=act, begin=dt.datetime(2026, 12, 2, 8, 30, tzinfo=dt.UTC))
    return act


def namen(rijen) -> set[str]:
    return {str(r) for r in rijen.all()}


def test_maakt_een_lokale_versie_per_gemeente(generiek, turnhout, beerse):
    lokale_versies_maken(generiek=generiek, gemeenten=[turnhout, beerse])
    versies = generiek.lokale_versies.order_by("titel")
    assert [(v.titel, list(v.gemeenten.all())) for v in versies] == [
        ("Babymassage (Beerse)", [beerse]),
        ("Babymassage (Turnhout)", [turnhout]),
    ]


def test_lokale_versie_is_lokaal_en_niet_gepubliceerd(generiek, beerse):
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    versie.refresh_from_db()
    assert (versie.bereik, versie.gepubliceerd) == (Activiteit.Bereik.LOKAAL, False)


def test_lokale_versie_verwijst_naar_het_generieke_aanbod(generiek, beerse):
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    assert Activiteit.objects.get(pk=versie.pk).generiek == generiek


def test_lokale_versie_neemt_themas_doelgroepen_talen_en_partners_over(generiek, beerse):
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    versie = Activiteit.objects.get(pk=versie.pk)
    assert (
        namen(versie.themas),
        namen(versie.doelgroepen),
        namen(versie.talen),
        namen(versie.partners),
    ) == (
        {"Gezondheid"},
        {"Gezinnen met jonge kinderen (0-3 jaar)"},
        {"Frans", "Nederlands"},
        {"Kind en Gezin"},
    )


def test_generiek_aanbod_blijft_ongewijzigd(generiek, beerse):
    lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    generiek.refresh_from_db()
    assert (generiek.bereik, generiek.gepubliceerd, list(generiek.gemeenten.all())) == (
        Activiteit.Bereik.REGIONAAL,
        True,
        [],
    )


def test_lokale_versie_heeft_een_eigen_webadres(generiek, beerse):
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    assert Activiteit.objects.get(pk=versie.pk).slug == "babymassage-beerse"


def test_bezet_webadres_krijgt_een_volgnummer(generiek, beerse):
    ActiviteitFactory(slug="babymassage-beerse")
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    assert Activiteit.objects.get(pk=versie.pk).slug == "babymassage-beerse-2"


def test_lokale_versie_heeft_geen_momenten(generiek, beerse):
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    assert not versie.momenten.exists()
    assert generiek.momenten.count() == 1


def test_locatie_in_een_andere_gemeente_valt_weg(generiek, beerse):
    # The generic activity is held in Turnhout; Beerse chooses its own place.
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    assert Activiteit.objects.get(pk=versie.pk).locatie is None


def test_locatie_in_dezelfde_gemeente_blijft(generiek, turnhout):
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[turnhout])
    assert Activiteit.objects.get(pk=versie.pk).locatie == generiek.locatie


def test_opnieuw_voor_dezelfde_gemeente_maakt_niets_bij(generiek, beerse):
    lokale_versies_maken(generiek=generiek, gemeenten=[beerse])
    assert lokale_versies_maken(generiek=generiek, gemeenten=[beerse]) == []
    assert generiek.lokale_versies.count() == 1


def test_dezelfde_gemeente_twee_keer_gevraagd_geeft_een_versie(generiek, beerse):
    lokale_versies_maken(generiek=generiek, gemeenten=[beerse, beerse])
    assert generiek.lokale_versies.count() == 1


def test_vertrekken_van_een_lokale_versie_wordt_geweigerd(generiek, turnhout, beerse):
    [versie] = lokale_versies_maken(generiek=generiek, gemeenten=[turnhout])
    with pytest.raises(AanbodFout) as fout:
        lokale_versies_maken(generiek=versie, gemeenten=[beerse])
    assert str(fout.value) == (
        "“Babymassage (Turnhout)” is zelf een lokale versie; vertrek van het generieke aanbod."
    )

"""What a coordinator is told when a place, its hours or a stop do not add up."""

import datetime as dt
from decimal import Decimal
from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from locaties.models import Haltebezoek
from locaties.services import haltebezoeken_uitrollen
from tests.factories import (
    GemeenteFactory,
    HalteFactory,
    HalteschemaFactory,
    LocatieFactory,
    MobielHuisFactory,
    OpeningsuurFactory,
    UitzonderingFactory,
)

pytestmark = pytest.mark.django_db

BUITEN_BELGIE_BREEDTE = (
    "Deze breedtegraad ligt niet in België (tussen 49,49 en 51,51). "
    "Verwisselde u breedte- en lengtegraad?"
)
BUITEN_BELGIE_LENGTE = (
    "Deze lengtegraad ligt niet in België (tussen 2,54 en 6,41). "
    "Verwisselde u breedte- en lengtegraad?"
)


def foutmeldingen(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as fout:
        obj.full_clean()
    return fout.value.message_dict


def plek(**velden):
    """An unsaved fixed place in Turnhout (Markt 1, 2300 Turnhout, 51.3223 N 4.9448 E)."""
    velden.setdefault("gemeente", GemeenteFactory())
    return LocatieFactory.build(**velden)


def virtueel_huis(**velden):
    waarden = {
        "soort": "virtueel",
        "gemeente": None,
        "website": "https://huisvanhetkind.example.org",
        "straat": "",
        "postcode": "",
        "plaats": "",
        "breedtegraad": None,
        "lengtegraad": None,
    } | velden
    return LocatieFactory.build(**waarden)


# --- Places ----------------------------------------------------------------------------------


def test_geldige_vaste_plek_heeft_geen_fouten():
    plek().full_clean()


def test_breedtegraad_buiten_belgie_wordt_geweigerd():
    # Amsterdam: 52.37 N lies north of 51.51.
    fouten = foutmeldingen(plek(breedtegraad=Decimal("52.370000"), lengtegraad=Decimal("4.9")))
    assert fouten == {"breedtegraad": [BUITEN_BELGIE_BREEDTE]}


def test_lengtegraad_buiten_belgie_wordt_geweigerd():
    # Aachen: 6.08 E is inside, 6.5 E lies east of 6.41.
    fouten = foutmeldingen(plek(breedtegraad=Decimal("50.8"), lengtegraad=Decimal("6.500000")))
    assert fouten == {"lengtegraad": [BUITEN_BELGIE_LENGTE]}


def test_verwisselde_coordinaten_geven_een_fout_op_beide_velden():
    fouten = foutmeldingen(plek(breedtegraad=Decimal("4.944800"), lengtegraad=Decimal("51.322300")))
    assert fouten == {
        "breedtegraad": [BUITEN_BELGIE_BREEDTE],
        "lengtegraad": [BUITEN_BELGIE_LENGTE],
    }


def test_alleen_breedtegraad_vraagt_om_de_lengtegraad():
    fouten = foutmeldingen(plek(lengtegraad=None))
    assert fouten == {"lengtegraad": ["Vul breedte- en lengtegraad samen in."]}


def test_alleen_lengtegraad_vraagt_om_de_breedtegraad():
    fouten = foutmeldingen(plek(breedtegraad=None))
    assert fouten == {"breedtegraad": ["Vul breedte- en lengtegraad samen in."]}


def test_virtueel_huis_met_gemeente_wordt_geweigerd():
    fouten = foutmeldingen(virtueel_huis(gemeente=GemeenteFactory()))
    assert fouten == {
        "gemeente": ["Het virtuele huis hoort bij het hele werkingsgebied, niet bij één gemeente."]
    }


def test_virtueel_huis_zonder_website_wordt_geweigerd():
    fouten = foutmeldingen(virtueel_huis(website=""))
    assert fouten == {"website": ["Geef het webadres van het virtuele huis."]}


def test_vaste_plek_zonder_gemeente_wordt_geweigerd():
    fouten = foutmeldingen(plek(gemeente=None))
    assert fouten == {"gemeente": ["Kies de gemeente waar deze plek ligt."]}


@pytest.mark.parametrize("leeg", ["straat", "postcode", "plaats"])
def test_vaste_plek_met_onvolledig_adres_wordt_geweigerd(leeg):
    fouten = foutmeldingen(plek(**{leeg: ""}))
    assert fouten == {
        "straat": ["Vul het adres volledig in (straat en nummer, postcode en plaats)."]
    }


def test_mobiel_huis_zonder_adres_en_gemeente_mag():
    MobielHuisFactory.build(gemeente=None).full_clean()


def test_antenne_zonder_functie_wordt_geweigerd():
    fouten = foutmeldingen(plek(soort="antenne", is_aanbodplek=False, is_contactpunt=False))
    assert fouten == {
        "is_aanbodplek": [
            "Een antenne is een plek waar aanbod plaatsvindt, een contactpunt, of beide."
        ]
    }


def test_antenne_als_contactpunt_alleen_mag():
    plek(soort="antenne", is_aanbodplek=False, is_contactpunt=True).full_clean()


# --- Database guards -------------------------------------------------------------------------


def test_database_weigert_coordinaten_buiten_belgie():
    with pytest.raises(IntegrityError), transaction.atomic():
        LocatieFactory(breedtegraad=Decimal("52.370000"), lengtegraad=Decimal("4.900000"))


def test_database_weigert_een_virtueel_huis_met_gemeente():
    with pytest.raises(IntegrityError), transaction.atomic():
        LocatieFactory(soort="virtueel", website="https://huisvanhetkind.example.org")


# --- Opening hours and exceptions ------------------------------------------------------------


def test_openingsuur_met_einde_voor_begin_wordt_geweigerd():
    uur = OpeningsuurFactory.build(locatie=LocatieFactory(), begin=dt.time(12), einde=dt.time(9))
    assert foutmeldingen(uur) == {"einde": ["Het einde moet na het begin liggen."]}


def uitzondering(**velden):
    return UitzonderingFactory.build(locatie=LocatieFactory(), **velden)


@pytest.mark.parametrize("velden", [{"begin": dt.time(9)}, {"einde": dt.time(12)}])
def test_uitzondering_met_maar_een_uur_wordt_geweigerd(velden):
    assert foutmeldingen(uitzondering(**velden)) == {
        "einde": [
            "Vul beide uren in voor afwijkende openingsuren, of geen van beide als de plek "
            "gesloten is."
        ]
    }


def test_uitzondering_met_einde_voor_begin_wordt_geweigerd():
    fouten = foutmeldingen(uitzondering(begin=dt.time(12), einde=dt.time(10)))
    assert fouten == {"einde": ["Het einde moet na het begin liggen."]}


def test_uitzondering_met_tot_voor_van_wordt_geweigerd():
    fouten = foutmeldingen(uitzondering(van=dt.date(2026, 12, 31), tot=dt.date(2026, 12, 21)))
    assert fouten == {"tot": ["De einddatum ligt vóór de begindatum."]}


def test_vrije_inloop_op_een_gesloten_dag_wordt_geweigerd():
    fouten = foutmeldingen(uitzondering(vrije_inloop=True))
    assert fouten == {"vrije_inloop": ["Een gesloten dag heeft geen vrije inloop."]}


# --- Stops of the mobile house ---------------------------------------------------------------


def halte(**velden):
    velden.setdefault("mobiel_huis", MobielHuisFactory())
    velden.setdefault("gemeente", GemeenteFactory())
    return HalteFactory.build(**velden)


def test_geldige_halte_met_eigen_adres_heeft_geen_fouten():
    halte().full_clean()


def test_halte_zonder_locatie_en_zonder_adres_wordt_geweigerd():
    fouten = foutmeldingen(halte(straat="", postcode="", plaats=""))
    assert fouten == {"straat": ["Kies een locatie van het Huis, of vul het adres volledig in."]}


def test_halte_op_het_virtuele_huis_wordt_geweigerd():
    virtueel = virtueel_huis()
    virtueel.save()
    fouten = foutmeldingen(halte(locatie=virtueel))
    assert fouten == {"locatie": ["Een halte ligt op een vaste plek."]}


def test_halte_bij_een_plek_in_een_andere_gemeente_wordt_geweigerd():
    turnhout = GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    fouten = foutmeldingen(halte(locatie=LocatieFactory(gemeente=turnhout), gemeente=beerse))
    assert fouten == {"gemeente": ["De gemeente verschilt van die van de locatie."]}


def test_halte_van_een_plek_die_geen_mobiel_huis_is_wordt_geweigerd():
    fouten = foutmeldingen(halte(mobiel_huis=LocatieFactory()))
    assert "Alleen een mobiel huis heeft haltes." in fouten["mobiel_huis"]


# --- Visits of the mobile house --------------------------------------------------------------

# Wednesday 25 November 2026, 11:00 local. Second Tuesdays ahead: 8 December 2026,
# 12 January 2027 (Tuesdays 5, 12) and 9 February 2027 (Tuesdays 2, 9); 10 November is past.
NU = dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC)
TOT = dt.date(2027, 2, 28)


def bezoeken_uitrollen():
    with patch("django.utils.timezone.now", return_value=NU):
        return haltebezoeken_uitrollen(tot=TOT)


def test_haltebezoeken_vallen_op_de_tweede_dinsdag():
    schema = HalteschemaFactory()  # every 2nd Tuesday of the month, 9:00-12:00
    bezoeken_uitrollen()
    begins = [
        timezone.localtime(b.begin).replace(tzinfo=None)
        for b in Haltebezoek.objects.filter(schema=schema)
    ]
    assert begins == [
        dt.datetime(2026, 12, 8, 9),
        dt.datetime(2027, 1, 12, 9),
        dt.datetime(2027, 2, 9, 9),
    ]


def test_haltebezoeken_horen_bij_de_halte_van_het_schema():
    schema = HalteschemaFactory()
    bezoeken_uitrollen()
    assert set(Haltebezoek.objects.values_list("halte", flat=True)) == {schema.halte_id}


def test_haltebezoeken_opnieuw_uitrollen_maakt_niets_bij():
    HalteschemaFactory()
    bezoeken_uitrollen()
    assert bezoeken_uitrollen() == (0, 0, 0)
    assert Haltebezoek.objects.count() == 3

"""The back office of the places: pages a coordinator opens daily, and bad input refused."""

import datetime as dt
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from locaties.admin.locatie import openingsstatus_tekst
from locaties.models import Halte, Haltebezoek, Locatie, Openingsuur, Uitzondering
from locaties.openingsuren import Openingsschema
from tests.admin import fouten
from tests.factories import (
    GemeenteFactory,
    HalteFactory,
    HalteschemaFactory,
    LocatieFactory,
    MobielHuisFactory,
    OpeningsuurFactory,
    UitzonderingFactory,
)

BRUSSEL = ZoneInfo("Europe/Brussels")
LOCATIE_TOEVOEGEN = reverse("admin:locaties_locatie_add")
HALTE_TOEVOEGEN = reverse("admin:locaties_halte_add")


@pytest.fixture
def beerse(db):
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def wijzigen(obj):
    return reverse(f"admin:locaties_{obj._meta.model_name}_change", args=[obj.pk])


def beheerformulier(prefix, aantal=0, bestaand=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(aantal),
        f"{prefix}-INITIAL_FORMS": str(bestaand),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def rijen(prefix, *formulieren):
    gegevens = beheerformulier(prefix, len(formulieren))
    for i, velden in enumerate(formulieren):
        gegevens.update({f"{prefix}-{i}-{sleutel}": waarde for sleutel, waarde in velden.items()})
    return gegevens


def locatie_gegevens(in_gemeente, *, openingsuren=(), uitzonderingen=(), **anders):
    gegevens = {
        "naam": "Huis van het Kind Beerse",
        "slug": "huis-beerse",
        "soort": "fysiek",
        "gemeente": in_gemeente.pk if in_gemeente else "",
        "is_aanbodplek": "on",
        "straat": "Bisschopslaan 42",
        "postcode": "2340",
        "plaats": "Beerse",
        "breedtegraad": "51.3196",
        "lengtegraad": "4.8606",
        "rolstoeltoegankelijk": "unknown",
        "kinderwagentoegankelijk": "true",
        "verzorgingstafel": "unknown",
        "parking": "false",
        "stille_ruimte": "unknown",
        **rijen("openingsuren", *openingsuren),
        **rijen("uitzonderingen", *uitzonderingen),
    }
    gegevens.update(anders)
    return {sleutel: waarde for sleutel, waarde in gegevens.items() if waarde is not None}


def inhoud(response):
    assert response.status_code == 200
    return response.content.decode()


# --- Locaties: the pages ------------------------------------------------------------------


def test_locatielijst_toont_soort_gemeente_en_coordinaten(coordinator_client, beerse):
    LocatieFactory(naam="Antenne Vosselaar", soort="antenne", gemeente=beerse)
    MobielHuisFactory(naam="Babybus", gemeente=beerse)

    html = inhoud(coordinator_client.get(reverse("admin:locaties_locatie_changelist")))

    assert "Antenne Vosselaar" in html
    assert "Babybus" in html
    assert "mobiel huis" in html
    assert "Coördinaten" in html
    assert "Nu open?" in html
    assert "met vrije inloop" in html


def test_locatielijst_toont_gesloten_of_onbekend_als_nu_open(coordinator_client, beerse):
    vandaag = timezone.localdate()
    dicht = LocatieFactory(naam="Dicht", gemeente=beerse)
    OpeningsuurFactory(
        locatie=dicht, weekdag=vandaag.weekday(), begin=dt.time(0), einde=dt.time(23)
    )
    UitzonderingFactory(locatie=dicht, van=vandaag, omschrijving="Teamdag")
    LocatieFactory(naam="Zonder uren", gemeente=beerse)

    html = inhoud(coordinator_client.get(reverse("admin:locaties_locatie_changelist")))

    nu_open = re.findall(r'field-nu_open"><img src="[^"]*" alt="(\w+)"', html)
    assert nu_open == ["False", "None"]


def test_locatielijst_zoekt_op_plaats(coordinator_client, beerse):
    LocatieFactory(naam="Consultatiebureau", plaats="Turnhout", gemeente=beerse)
    LocatieFactory(naam="Speelotheek", plaats="Beerse", gemeente=beerse)

    html = inhoud(
        coordinator_client.get(reverse("admin:locaties_locatie_changelist"), {"q": "Turnhout"})
    )

    assert "Consultatiebureau" in html
    assert "Speelotheek" not in html


def test_filter_vrije_inloop_toont_alleen_plekken_met_inloop(coordinator_client, beerse):
    OpeningsuurFactory(locatie__naam="Inloopcafé", locatie__gemeente=beerse, vrije_inloop=True)
    OpeningsuurFactory(locatie__naam="Consultatie", locatie__gemeente=beerse)

    response = coordinator_client.get(
        reverse("admin:locaties_locatie_changelist"), {"vrije_inloop": "ja"}
    )

    assert [loc.naam for loc in response.context["cl"].result_list] == ["Inloopcafé"]


@pytest.mark.parametrize("aantal", [1, 3])
def test_locatielijst_doet_evenveel_queries_voor_1_of_3_plekken(
    coordinator_client, django_assert_num_queries, beerse, aantal
):
    for _ in range(aantal):
        locatie = LocatieFactory(gemeente=beerse)
        OpeningsuurFactory(locatie=locatie, weekdag=0)
        OpeningsuurFactory(locatie=locatie, weekdag=2, vrije_inloop=True)
        UitzonderingFactory(locatie=locatie)

    with django_assert_num_queries(9):
        response = coordinator_client.get(reverse("admin:locaties_locatie_changelist"))

    assert response.context["cl"].result_count == aantal


def test_toevoegpagina_toont_de_rubrieken_en_de_openingsuren(coordinator_client):
    html = inhoud(coordinator_client.get(LOCATIE_TOEVOEGEN))

    for kop in [
        "Algemeen",
        "Adres en kaart",
        "Contact",
        "Toegankelijkheid",
        "Foto en beschrijving",
    ]:
        assert f">{kop}<" in html
    assert "Openingsuren" in html
    assert "Komende uitzonderingen op de openingsuren" in html
    assert 'name="openingsuren-TOTAL_FORMS"' in html
    assert "Openingsuren nu" not in html
    assert "haltes-TOTAL_FORMS" not in html


def test_wijzigpagina_toont_de_status_en_deze_week_met_uitzondering(coordinator_client, beerse):
    vandaag = timezone.localdate()
    locatie = LocatieFactory(naam="Huis Beerse", gemeente=beerse)
    for weekdag in range(7):
        OpeningsuurFactory(locatie=locatie, weekdag=weekdag, begin=dt.time(9), einde=dt.time(12))
    UitzonderingFactory(
        locatie=locatie,
        van=vandaag,
        tot=vandaag + dt.timedelta(days=1),
        omschrijving="Teamdag",
    )
    overmorgen = dt.datetime.combine(vandaag + dt.timedelta(days=2), dt.time(9), tzinfo=BRUSSEL)

    html = inhoud(coordinator_client.get(wijzigen(locatie)))

    assert "Openingsuren nu" in html
    assert f"Gesloten — volgende opening {date_format(overmorgen, 'D j b')} 9:00" in html
    assert "(vandaag)" in html
    assert "Teamdag" in html
    assert "9:00\N{EN DASH}12:00" in html


def test_wijzigpagina_zonder_openingsuren_zegt_dat(coordinator_client, beerse):
    locatie = LocatieFactory(gemeente=beerse)

    html = inhoud(coordinator_client.get(wijzigen(locatie)))

    assert "Geen openingsuren ingevuld" in html


def test_status_open_toont_tot_wanneer():
    schema = Openingsschema([Openingsuur(weekdag=1, begin=dt.time(9), einde=dt.time(12))], [])

    tekst = openingsstatus_tekst(schema, dt.datetime(2026, 12, 1, 10, 30, tzinfo=BRUSSEL))

    assert tekst == "Nu open tot 12:00"


def test_status_gesloten_toont_de_volgende_opening_in_het_nederlands():
    schema = Openingsschema(
        [Openingsuur(weekdag=1, begin=dt.time(9), einde=dt.time(12), vrije_inloop=True)], []
    )

    tekst = openingsstatus_tekst(schema, dt.datetime(2026, 11, 25, 14, 0, tzinfo=BRUSSEL))

    assert tekst == "Gesloten — volgende opening di 1 dec 9:00"


def test_status_met_vrije_inloop_zegt_dat():
    schema = Openingsschema(
        [Openingsuur(weekdag=1, begin=dt.time(9), einde=dt.time(12), vrije_inloop=True)], []
    )

    tekst = openingsstatus_tekst(schema, dt.datetime(2026, 12, 1, 9, 0, tzinfo=BRUSSEL))

    assert tekst == "Nu open tot 12:00 (vrije inloop)"


def test_mobiel_huis_toont_zijn_haltes_en_komende_bezoeken(coordinator_client, beerse):
    bus = MobielHuisFactory(naam="Babybus", gemeente=beerse)
    halte = HalteFactory(mobiel_huis=bus, naam="Marktplein Beerse", gemeente=beerse)
    Haltebezoek.objects.create(
        halte=halte,
        begin=timezone.now() + dt.timedelta(days=3),
        einde=timezone.now() + dt.timedelta(days=3, hours=3),
    )

    html = inhoud(coordinator_client.get(wijzigen(bus)))

    assert 'name="haltes-TOTAL_FORMS"' in html
    assert "Marktplein Beerse" in html
    assert "Komende bezoeken" in html
    assert "Alle bezoeken" in html


def test_vaste_plek_heeft_geen_haltes(coordinator_client, beerse):
    locatie = LocatieFactory(gemeente=beerse)

    html = inhoud(coordinator_client.get(wijzigen(locatie)))

    assert "haltes-TOTAL_FORMS" not in html


def test_voorbije_uitzondering_staat_niet_in_het_formulier_maar_blijft_bereikbaar(
    coordinator_client, beerse
):
    locatie = LocatieFactory(gemeente=beerse)
    UitzonderingFactory(locatie=locatie, van=dt.date(2020, 12, 25), omschrijving="Kerst 2020")
    UitzonderingFactory(
        locatie=locatie,
        van=timezone.localdate() + dt.timedelta(days=10),
        omschrijving="Opleidingsdag",
    )

    html = inhoud(coordinator_client.get(wijzigen(locatie)))
    lijst = inhoud(
        coordinator_client.get(
            reverse("admin:locaties_uitzondering_changelist"),
            {"locatie__id__exact": locatie.pk, "wanneer": "voorbij"},
        )
    )

    assert 'value="Opleidingsdag"' in html
    assert "Kerst 2020" not in html
    assert "1 voorbije uitzondering bekijken" in html
    assert "Kerst 2020" in lijst
    assert "Opleidingsdag" not in lijst


def test_locatie_is_te_vinden_voor_autocomplete_van_andere_beheerschermen(
    coordinator_client, beerse
):
    LocatieFactory(naam="Bib Beerse", gemeente=beerse)
    LocatieFactory(naam="Consultatiebureau", gemeente=beerse)

    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {"term": "bib", "app_label": "locaties", "model_name": "halte", "field_name": "locatie"},
    )

    assert [r["text"] for r in response.json()["results"]] == ["Bib Beerse"]


# --- Locaties: input ----------------------------------------------------------------------


def test_locatie_met_openingsuren_en_uitzondering_wordt_bewaard(coordinator_client, beerse):
    response = coordinator_client.post(
        LOCATIE_TOEVOEGEN,
        locatie_gegevens(
            beerse,
            openingsuren=[
                {"weekdag": "2", "begin": "9:00", "einde": "12:00", "vrije_inloop": "on"}
            ],
            uitzonderingen=[
                {"omschrijving": "Kerstvakantie", "van": "2026-12-21", "tot": "2027-01-03"}
            ],
        ),
    )

    assert response.status_code == 302
    locatie = Locatie.objects.get()
    assert (locatie.kinderwagentoegankelijk, locatie.rolstoeltoegankelijk) == (True, None)
    assert locatie.openingsuren.get().vrije_inloop
    assert locatie.uitzonderingen.get().gesloten


def test_coordinaten_met_komma_worden_aanvaard(coordinator_client, beerse):
    response = coordinator_client.post(
        LOCATIE_TOEVOEGEN, locatie_gegevens(beerse, breedtegraad="51,3223", lengtegraad="4,9448")
    )

    assert response.status_code == 302
    assert Locatie.objects.get().coordinaten == (51.3223, 4.9448)


@pytest.mark.parametrize(
    ("anders", "boodschap"),
    [
        ({"breedtegraad": "48.85", "lengtegraad": "2.35"}, "ligt niet in België"),
        ({"breedtegraad": "4.9", "lengtegraad": "51.3"}, "Verwisselde u breedte- en lengtegraad?"),
        ({"lengtegraad": ""}, "Vul breedte- en lengtegraad samen in."),
        ({"breedtegraad": ""}, "Vul breedte- en lengtegraad samen in."),
        ({"straat": "", "postcode": "", "plaats": ""}, "Vul het adres volledig in"),
        ({"gemeente": ""}, "Kies de gemeente waar deze plek ligt."),
        ({"postcode": "0234"}, "Een Belgische postcode heeft 4 cijfers"),
        (
            {"soort": "antenne", "is_aanbodplek": None},
            "Een antenne is een plek waar aanbod plaatsvindt, een contactpunt, of beide.",
        ),
    ],
)
def test_ongeldige_locatie_wordt_geweigerd(coordinator_client, beerse, anders, boodschap):
    response = coordinator_client.post(LOCATIE_TOEVOEGEN, locatie_gegevens(beerse, **anders))

    assert boodschap in fouten(response)
    assert not Locatie.objects.exists()


def test_virtueel_huis_met_een_gemeente_wordt_geweigerd(coordinator_client, beerse):
    response = coordinator_client.post(
        LOCATIE_TOEVOEGEN,
        locatie_gegevens(beerse, soort="virtueel", website="www.huisvanhetkind.be"),
    )

    assert "hoort bij het hele werkingsgebied" in fouten(response)
    assert not Locatie.objects.exists()


def test_virtueel_huis_zonder_gemeente_en_adres_wordt_bewaard(coordinator_client):
    response = coordinator_client.post(
        LOCATIE_TOEVOEGEN,
        locatie_gegevens(
            None,
            soort="virtueel",
            website="www.huisvanhetkind.be",
            straat="",
            postcode="",
            plaats="",
            breedtegraad="",
            lengtegraad="",
        ),
    )

    assert response.status_code == 302
    assert Locatie.objects.get().website == "https://www.huisvanhetkind.be"


def test_openingsuur_dat_eindigt_voor_het_begint_wordt_geweigerd(coordinator_client, beerse):
    response = coordinator_client.post(
        LOCATIE_TOEVOEGEN,
        locatie_gegevens(
            beerse, openingsuren=[{"weekdag": "0", "begin": "12:00", "einde": "9:00"}]
        ),
    )

    assert "Het einde moet na het begin liggen." in fouten(response)
    assert not Locatie.objects.exists()
    assert not Openingsuur.objects.exists()


def test_uitzondering_met_maar_een_uur_wordt_geweigerd(coordinator_client, beerse):
    response = coordinator_client.post(
        LOCATIE_TOEVOEGEN,
        locatie_gegevens(
            beerse,
            uitzonderingen=[
                {"omschrijving": "Extra opening", "van": "2026-12-23", "begin": "9:00"}
            ],
        ),
    )

    assert "Vul beide uren in" in fouten(response)
    assert not Locatie.objects.exists()
    assert not Uitzondering.objects.exists()


# --- Haltes ------------------------------------------------------------------------------


def halte_gegevens(bus, gemeente, *schemas, **anders):
    gegevens = {
        "mobiel_huis": bus.pk,
        "naam": "Marktplein Beerse",
        "gemeente": gemeente.pk,
        "locatie": "",
        "straat": "Markt 1",
        "postcode": "2340",
        "plaats": "Beerse",
        "breedtegraad": "",
        "lengtegraad": "",
        **rijen("schemas", *schemas),
    }
    gegevens.update(anders)
    return gegevens


def test_haltelijst_toont_mobiel_huis_adres_en_schema(coordinator_client, beerse):
    bus = MobielHuisFactory(naam="Babybus")
    HalteschemaFactory(halte__mobiel_huis=bus, halte__naam="Kerkplein", halte__gemeente=beerse)

    html = inhoud(coordinator_client.get(reverse("admin:locaties_halte_changelist")))

    assert "Kerkplein" in html
    assert "Babybus" in html
    assert "Dorp 1, 2340 Beerse" in html
    assert "elke tweede dinsdag van de maand, 09:00" in html


def test_halte_toevoegen_en_wijzigen_tonen_het_schema(coordinator_client, beerse):
    schema = HalteschemaFactory(halte__gemeente=beerse, halte__naam="Kerkplein")

    toevoegen = inhoud(coordinator_client.get(HALTE_TOEVOEGEN))
    wijzig = inhoud(coordinator_client.get(wijzigen(schema.halte)))

    assert 'name="schemas-TOTAL_FORMS"' in toevoegen
    assert "Week van de maand" in toevoegen
    assert 'value="Kerkplein"' in wijzig
    assert "elke tweede dinsdag van de maand" in wijzig


def test_halte_met_maandelijks_schema_plant_de_bezoeken_meteen_in(coordinator_client, beerse):
    bus = MobielHuisFactory(gemeente=beerse)
    vandaag = timezone.localdate()

    response = coordinator_client.post(
        HALTE_TOEVOEGEN,
        halte_gegevens(
            bus,
            beerse,
            {
                "frequentie": "maandelijks",
                "interval": "1",
                "weekdag": "1",
                "week_van_de_maand": "2",
                "begintijd": "9:00",
                "eindtijd": "12:00",
                "geldig_van": vandaag.isoformat(),
            },
        ),
    )

    assert response.status_code == 302
    bezoeken = list(Haltebezoek.objects.all())
    assert len(bezoeken) >= 12
    for bezoek in bezoeken:
        begin = timezone.localtime(bezoek.begin)
        assert (begin.weekday(), begin.hour) == (1, 9)
        assert 8 <= begin.day <= 14
    meldingen = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"{len(bezoeken)} bezoeken ingepland." in meldingen


def test_halte_zonder_locatie_en_zonder_adres_wordt_geweigerd(coordinator_client, beerse):
    bus = MobielHuisFactory(gemeente=beerse)

    response = coordinator_client.post(
        HALTE_TOEVOEGEN, halte_gegevens(bus, beerse, straat="", postcode="", plaats="")
    )

    assert "Kies een locatie van het Huis, of vul het adres volledig in." in fouten(response)
    assert not Halte.objects.exists()


def test_halte_op_een_locatie_heeft_geen_eigen_adres_nodig(coordinator_client, beerse):
    bus = MobielHuisFactory(gemeente=beerse)
    bib = LocatieFactory(naam="Bib Beerse", gemeente=beerse)

    response = coordinator_client.post(
        HALTE_TOEVOEGEN,
        halte_gegevens(bus, beerse, locatie=bib.pk, straat="", postcode="", plaats=""),
    )

    assert response.status_code == 302
    assert Halte.objects.get().adres == bib.adres


def test_halte_coordinaten_met_komma_worden_aanvaard(coordinator_client, beerse):
    bus = MobielHuisFactory(gemeente=beerse)

    response = coordinator_client.post(
        HALTE_TOEVOEGEN, halte_gegevens(bus, beerse, breedtegraad="51,3223", lengtegraad="4,86")
    )

    assert response.status_code == 302
    assert Halte.objects.get().breedtegraad == Decimal("51.3223")


def test_schema_dat_eindigt_voor_het_begint_wordt_geweigerd(coordinator_client, beerse):
    bus = MobielHuisFactory(gemeente=beerse)

    response = coordinator_client.post(
        HALTE_TOEVOEGEN,
        halte_gegevens(
            bus,
            beerse,
            {
                "frequentie": "wekelijks",
                "interval": "1",
                "weekdag": "2",
                "begintijd": "12:00",
                "eindtijd": "9:00",
                "geldig_van": "2026-01-01",
            },
        ),
    )

    assert "Het einde moet na het begin liggen." in fouten(response)
    assert not Halte.objects.exists()
    assert not Haltebezoek.objects.exists()


# --- Bezoeken van het mobiele huis -------------------------------------------------------


def bezoek(halte, dagen, uur=9):
    dag = timezone.localdate() + dt.timedelta(days=dagen)
    begin = dt.datetime.combine(dag, dt.time(uur), tzinfo=BRUSSEL)
    return Haltebezoek.objects.create(
        halte=halte, begin=begin, einde=begin + dt.timedelta(hours=3), oorspronkelijke_datum=dag
    )


def test_bezoekenlijst_toont_standaard_de_komende_bezoeken(coordinator_client, beerse):
    halte = HalteFactory(naam="Kerkplein", gemeente=beerse)
    komend = bezoek(halte, 3)
    voorbij = bezoek(halte, -30)

    response = coordinator_client.get(reverse("admin:locaties_haltebezoek_changelist"))

    html = inhoud(response)
    assert list(response.context["cl"].result_list) == [komend]
    assert voorbij not in response.context["cl"].result_list
    assert date_format(timezone.localtime(komend.begin), "l j F Y") in html
    assert "9:00\N{EN DASH}12:00" in html
    assert "Kerkplein" in html
    assert "Beerse" in html


def test_bezoekenlijst_toont_voorbije_bezoeken_op_vraag(coordinator_client, beerse):
    halte = HalteFactory(gemeente=beerse)
    bezoek(halte, 3)
    oud = bezoek(halte, -30)
    ouder = bezoek(halte, -60)

    response = coordinator_client.get(
        reverse("admin:locaties_haltebezoek_changelist"), {"wanneer": "voorbij"}
    )

    assert list(response.context["cl"].result_list) == [oud, ouder]


@pytest.mark.parametrize("aantal", [1, 3])
def test_bezoekenlijst_doet_evenveel_queries_voor_1_of_3_bezoeken(
    coordinator_client, django_assert_num_queries, beerse, aantal
):
    for i in range(aantal):
        bezoek(HalteFactory(gemeente=beerse, mobiel_huis__gemeente=beerse), i + 1)

    with django_assert_num_queries(10):
        response = coordinator_client.get(reverse("admin:locaties_haltebezoek_changelist"))

    assert response.context["cl"].result_count == aantal


def test_bezoek_annuleren_in_de_lijst_markeert_het_als_aangepast(coordinator_client, beerse):
    komend = bezoek(HalteFactory(gemeente=beerse), 3)

    response = coordinator_client.post(
        reverse("admin:locaties_haltebezoek_changelist"),
        {
            **beheerformulier("form", 1, 1),
            "form-0-id": komend.pk,
            "form-0-geannuleerd": "on",
            "_save": "Bewaren",
        },
    )

    assert response.status_code == 302
    komend.refresh_from_db()
    assert (komend.geannuleerd, komend.aangepast) == (True, True)


def test_bezoek_verplaatsen_markeert_het_als_aangepast(coordinator_client, beerse):
    komend = bezoek(HalteFactory(gemeente=beerse), 3)
    dag = timezone.localtime(komend.begin).date().isoformat()

    html = inhoud(coordinator_client.get(wijzigen(komend)))
    response = coordinator_client.post(
        wijzigen(komend),
        {
            "halte": komend.halte.pk,
            "begin_0": dag,
            "begin_1": "13:00",
            "einde_0": dag,
            "einde_1": "16:00",
        },
    )

    assert "Met de hand aangepast" in html
    assert response.status_code == 302
    komend.refresh_from_db()
    assert komend.aangepast
    assert timezone.localtime(komend.begin).hour == 13


def test_bezoek_dat_eindigt_voor_het_begint_wordt_geweigerd(coordinator_client, beerse):
    komend = bezoek(HalteFactory(gemeente=beerse), 3)
    dag = timezone.localtime(komend.begin).date().isoformat()

    response = coordinator_client.post(
        wijzigen(komend),
        {
            "halte": komend.halte.pk,
            "begin_0": dag,
            "begin_1": "13:00",
            "einde_0": dag,
            "einde_1": "11:00",
        },
    )

    assert "Het einde moet na het begin liggen." in fouten(response)
    komend.refresh_from_db()
    assert not komend.aangepast


# --- Talen en uitzonderingen --------------------------------------------------------------


def test_talenlijst_en_uitzonderingenlijst_openen(coordinator_client, beerse):
    UitzonderingFactory(
        locatie__naam="Huis Beerse",
        locatie__gemeente=beerse,
        van=timezone.localdate(),
        omschrijving="Teamdag",
    )

    talen = inhoud(coordinator_client.get(reverse("admin:locaties_taal_add")))
    uitzonderingen = inhoud(
        coordinator_client.get(reverse("admin:locaties_uitzondering_changelist"))
    )

    assert "Code" in talen
    assert "Teamdag" in uitzonderingen
    assert "Huis Beerse" in uitzonderingen
    assert "gesloten" in uitzonderingen

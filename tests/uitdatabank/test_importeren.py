"""Importing UiTdatabank events: create, update without duplicates, every bad input reported."""

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from aanbod.models import Activiteit, Moment
from hvk.herhaling import lokale_tijd
from locaties.models import Locatie
from tests.factories import (
    ActiviteitFactory,
    InschrijvingFactory,
    LocatieFactory,
    MomentFactory,
    PartnerFactory,
)
from tests.uitdatabank.conftest import PLAATS_ID, UIT_ID, momentopname, schrijf, uit_event
from uitdatabank import importeren

pytestmark = pytest.mark.django_db

TIEN_UUR = lokale_tijd(dt.date(2030, 3, 6), dt.time(10))


def importeer(tmp_path, data, **kwargs):
    return importeren.importeer_pad(schrijf(tmp_path / "events.json", data), **kwargs)


def enige_regel(verslag):
    (bestand,) = verslag.bestanden
    assert bestand.fout == ""
    (regel,) = bestand.regels
    return regel


# --- Creating and updating ------------------------------------------------------------------


def test_nieuw_event_wordt_een_activiteit_op_een_nieuwe_plek(tmp_path, turnhout):
    regel = enige_regel(importeer(tmp_path, uit_event()))

    assert regel.uitkomst == "aangemaakt"
    activiteit = Activiteit.objects.get()
    assert activiteit.uit_id == UIT_ID
    assert activiteit.titel == "Voorleesuurtje voor peuters"
    assert (
        activiteit.beschrijving == "Verhalen en liedjes voor peuters.\nGratis, zonder inschrijven."
    )
    assert activiteit.samenvatting == "Verhalen en liedjes voor peuters."
    assert activiteit.pijler == "ontmoeting"
    assert (activiteit.leeftijd_van, activiteit.leeftijd_tot) == (24, 48)
    assert activiteit.prijs == Decimal("0.00")
    assert activiteit.bereik == "regionaal"
    assert [d.slug for d in activiteit.doelgroepen.all()] == ["gezinnen-0-3", "kinderen-3-12"]
    assert list(activiteit.momenten.values_list("begin", "einde")) == [
        (TIEN_UUR, TIEN_UUR + dt.timedelta(hours=1))
    ]
    plek = activiteit.locatie
    assert (plek.naam, plek.soort, plek.gemeente, plek.uit_id) == (
        "Bibliotheek Turnhout",
        "antenne",
        turnhout,
        PLAATS_ID,
    )
    assert plek.rolstoeltoegankelijk is True
    assert plek.parking is None
    assert any("Nieuwe locatie “Bibliotheek Turnhout”" in m for m in regel.meldingen)


def test_tweede_import_van_hetzelfde_event_verdubbelt_niets(tmp_path, turnhout):
    importeer(tmp_path, uit_event())
    voor = momentopname()

    regel = enige_regel(importeer(tmp_path, uit_event()))

    assert regel.uitkomst == "ongewijzigd"
    assert momentopname() == voor


def test_gewijzigd_event_werkt_de_activiteit_en_haar_momenten_bij(tmp_path, turnhout):
    importeer(tmp_path, uit_event())
    later = {
        "startDate": "2030-03-13T10:00:00+01:00",
        "endDate": "2030-03-13T11:30:00+01:00",
    }

    regel = enige_regel(
        importeer(
            tmp_path,
            uit_event(
                name={"nl": "Voorleesuurtje"},
                calendarType="multiple",
                subEvent=[*uit_event()["subEvent"], later],
            ),
        )
    )

    assert regel.uitkomst == "bijgewerkt"
    assert "titel" in regel.reden and "momenten (1 nieuw" in regel.reden
    activiteit = Activiteit.objects.get()
    assert activiteit.titel == "Voorleesuurtje"
    assert activiteit.momenten.count() == 2


def test_een_moment_met_inschrijvingen_blijft_staan_en_het_verslag_zegt_het(tmp_path, turnhout):
    importeer(tmp_path, uit_event())
    moment = Moment.objects.get()
    InschrijvingFactory(moment=moment)
    verplaatst = {"startDate": "2030-03-20T10:00:00+01:00", "endDate": "2030-03-20T11:00:00+01:00"}

    regel = enige_regel(importeer(tmp_path, uit_event(subEvent=[verplaatst])))

    assert Moment.objects.filter(pk=moment.pk).exists()
    assert Moment.objects.count() == 2
    assert any("heeft inschrijvingen: het blijft zoals het is" in m for m in regel.meldingen)


def test_periodiek_event_wordt_een_wekelijkse_herhaling(tmp_path, turnhout):
    regel = enige_regel(
        importeer(
            tmp_path,
            uit_event(
                calendarType="periodic",
                subEvent=None,
                startDate="2030-01-01T00:00:00+01:00",
                endDate="2030-01-31T23:59:00+01:00",
                openingHours=[{"opens": "09:30", "closes": "11:00", "dayOfWeek": ["wednesday"]}],
            ),
        )
    )

    assert regel.uitkomst == "aangemaakt"
    reeks = Activiteit.objects.get().reeksen.get()
    assert (reeks.weekdag, reeks.begintijd, reeks.geldig_van, reeks.geldig_tot) == (
        2,
        dt.time(9, 30),
        dt.date(2030, 1, 1),
        dt.date(2030, 1, 31),
    )


def test_permanent_event_is_doorlopend_aanbod_met_de_uren_van_de_nieuwe_plek(tmp_path, turnhout):
    uren = [{"opens": "14:00", "closes": "16:30", "dayOfWeek": ["wednesday", "saturday"]}]

    importeer(tmp_path, uit_event(calendarType="permanent", subEvent=None, openingHours=uren))

    activiteit = Activiteit.objects.get()
    assert activiteit.doorlopend
    assert list(activiteit.locatie.openingsuren.values_list("weekdag", "begin")) == [
        (2, dt.time(14)),
        (5, dt.time(14)),
    ]


def test_bekende_plek_wordt_op_adres_herkend(tmp_path, turnhout):
    bib = LocatieFactory(
        naam="Stadsbib", straat="Warandestraat  44", postcode="2300", gemeente=turnhout
    )

    importeer(tmp_path, uit_event())

    assert Activiteit.objects.get().locatie == bib
    assert Locatie.objects.count() == 1


def test_organisator_die_partner_is_wordt_gekoppeld(tmp_path, turnhout):
    bib = PartnerFactory(naam="Bibliotheek Turnhout")

    importeer(tmp_path, uit_event(organizer={"name": {"nl": "bibliotheek turnhout"}}))

    assert list(Activiteit.objects.get().partners.all()) == [bib]


def test_online_event_komt_in_het_virtuele_huis(tmp_path, turnhout):
    online = LocatieFactory(soort="virtueel", gemeente=None, straat="", postcode="", plaats="")

    importeer(tmp_path, uit_event(attendanceMode="online", location=None))

    assert Activiteit.objects.get().locatie == online


def test_een_lijst_en_een_zoekresultaat_met_member_worden_gelezen(tmp_path, turnhout):
    tweede = uit_event(**{"@id": UIT_ID.replace("0001", "0002")})

    lijst = importeer(tmp_path, [uit_event(), tweede])
    zoekresultaat = importeer(tmp_path, {"@context": "...", "member": [uit_event(), tweede]})

    assert lijst.telling()["aangemaakt"] == 2
    assert zoekresultaat.telling()["ongewijzigd"] == 2
    assert Activiteit.objects.count() == 2


def test_een_map_leest_elk_json_en_jsonld_bestand(tmp_path, turnhout):
    schrijf(tmp_path / "a.json", uit_event())
    schrijf(tmp_path / "b.jsonld", uit_event(**{"@id": UIT_ID.replace("0001", "0002")}))
    (tmp_path / "lees-mij.txt").write_text("geen event")

    verslag = importeren.importeer_pad(tmp_path)

    assert [b.naam for b in verslag.bestanden] == ["a.json", "b.jsonld"]
    assert Activiteit.objects.count() == 2


def test_proefimport_bewaart_niets(tmp_path, turnhout):
    voor = momentopname()

    verslag = importeer(tmp_path, uit_event(), proef=True)

    assert enige_regel(verslag).uitkomst == "aangemaakt"
    assert "Proefimport: er is niets bewaard." in verslag.samenvatting()
    assert momentopname() == voor


def test_eigen_activiteit_houdt_haar_momenten(tmp_path, turnhout):
    activiteit = ActiviteitFactory(titel="Speelgroep")
    MomentFactory(activiteit=activiteit, begin=TIEN_UUR, einde=TIEN_UUR + dt.timedelta(hours=1))
    from uitdatabank import export

    data = export.activiteit_als_jsonld(export.te_exporteren().get())
    data["name"] = {"nl": "Speelgroep Kribbel"}
    data["subEvent"] = []
    data["calendarType"] = "permanent"

    regel = enige_regel(importeer(tmp_path, data))

    activiteit.refresh_from_db()
    assert regel.uitkomst == "bijgewerkt"
    assert activiteit.titel == "Speelgroep Kribbel"
    assert not activiteit.doorlopend
    assert activiteit.momenten.count() == 1
    assert any("begon in dit portaal" in m for m in regel.meldingen)


# --- What is reported and skipped -----------------------------------------------------------


def test_onbekende_term_wordt_gemeld_en_het_event_zonder_die_term_ingelezen(tmp_path, turnhout):
    termen = [
        {"id": "0.50.21.0.0", "domain": "eventtype"},
        {"id": "1.8.3.3.0", "label": "Dance", "domain": "theme"},
    ]

    regel = enige_regel(importeer(tmp_path, uit_event(terms=termen)))

    assert regel.uitkomst == "aangemaakt"
    assert "Onbekende term 1.8.3.3.0 (“Dance”): niet in de vertaaltabel" in " ".join(
        regel.meldingen
    )


def test_zonder_af_te_leiden_pijler_wordt_het_event_overgeslagen(tmp_path, turnhout):
    voor = momentopname()

    regel = enige_regel(importeer(tmp_path, uit_event(terms=[{"id": "0.50.4.0.0"}])))

    assert regel.uitkomst == "overgeslagen"
    assert "De pijler is niet af te leiden" in regel.reden
    assert momentopname() == voor


@pytest.mark.parametrize(
    ("weglaten", "reden"),
    [
        ("name", "De naam (name) ontbreekt."),
        ("calendarType", "calendarType ontbreekt."),
        ("location", "De locatie ontbreekt."),
        ("@id", "Het event heeft geen @id"),
    ],
)
def test_event_zonder_verplicht_veld_wordt_overgeslagen(tmp_path, turnhout, weglaten, reden):
    voor = momentopname()

    regel = enige_regel(importeer(tmp_path, uit_event(**{weglaten: None})))

    assert regel.uitkomst == "overgeslagen"
    assert reden in regel.reden
    assert momentopname() == voor


@pytest.mark.parametrize(
    ("anders", "reden"),
    [
        ({"calendarType": "soms"}, "calendarType “soms” bestaat niet"),
        (
            {"subEvent": [{"startDate": "morgen", "endDate": "overmorgen"}]},
            "“morgen” is geen datum",
        ),
        (
            {
                "subEvent": [
                    {
                        "startDate": "2030-03-06T10:00:00+01:00",
                        "endDate": "2030-03-06T09:00:00+01:00",
                    }
                ]
            },
            "eindigt niet na het begin",
        ),
        ({"workflowStatus": "DELETED"}, "niet gepubliceerd in UiTdatabank"),
        (
            {
                "calendarType": "periodic",
                "startDate": "2020-01-01T00:00:00+01:00",
                "endDate": "2020-06-30T00:00:00+02:00",
                "openingHours": [{"opens": "09:00", "closes": "12:00", "dayOfWeek": ["monday"]}],
            },
            "De periode van dit event is al voorbij.",
        ),
        (
            {"calendarType": "periodic", "startDate": "2030-01-01", "endDate": "2030-02-01"},
            "zonder openingHours",
        ),
        ({"audience": {"audienceType": "education"}}, "alleen voor scholen"),
        ({"@type": "Place"}, "geen event maar een Place"),
    ],
)
def test_ongeldig_event_wordt_overgeslagen_met_de_reden(tmp_path, turnhout, anders, reden):
    voor = momentopname()

    regel = enige_regel(importeer(tmp_path, uit_event(**anders)))

    assert regel.uitkomst == "overgeslagen"
    assert reden in regel.reden
    assert momentopname() == voor


def test_plek_buiten_het_werkingsgebied_wordt_niet_aangemaakt(tmp_path, turnhout):
    elders = uit_event()
    elders["location"] = {
        "name": {"nl": "Bib Gent"},
        "address": {
            "nl": {
                "addressLocality": "Gent",
                "postalCode": "9000",
                "streetAddress": "Kouter 1",
                "addressCountry": "BE",
            }
        },
    }

    regel = enige_regel(importeer(tmp_path, elders))

    assert regel.uitkomst == "overgeslagen"
    assert "(9000 Gent) ligt niet in een gemeente van dit Huis" in regel.reden
    assert not Locatie.objects.exists()


def test_een_slecht_event_houdt_de_andere_niet_tegen(tmp_path, turnhout):
    goed = uit_event(**{"@id": UIT_ID.replace("0001", "0002")})

    verslag = importeer(tmp_path, [uit_event(name=None), "geen object", goed])

    assert [r.uitkomst for r in verslag.bestanden[0].regels] == [
        "overgeslagen",
        "overgeslagen",
        "aangemaakt",
    ]
    assert Activiteit.objects.get().uit_id == goed["@id"]


def test_ongeldige_json_wordt_gemeld_en_verandert_niets(tmp_path, turnhout):
    pad = tmp_path / "kapot.json"
    pad.write_text('[{"@id": "x", "name": {"nl": "Half"}')
    voor = momentopname()

    verslag = importeren.importeer_pad(pad)

    assert verslag.bestanden[0].fout.startswith("kapot.json is geen geldige JSON:")
    assert "regel 1, kolom" in verslag.bestanden[0].fout
    assert momentopname() == voor


def test_geen_tekst_en_geen_events_worden_gemeld(tmp_path, turnhout):
    (tmp_path / "binair.json").write_bytes(b"\xff\xfe\x00\x81")
    (tmp_path / "getal.json").write_text("42")

    verslag = importeren.importeer_pad(tmp_path)

    assert [b.fout for b in verslag.bestanden] == [
        "binair.json is geen tekst in UTF-8; is het wel een JSON-bestand?",
        "getal.json bevat geen event, geen lijst van events en geen zoekresultaat met “member”.",
    ]


def test_een_bestand_van_50_mb_wordt_geweigerd_zonder_het_te_lezen(tmp_path, turnhout, monkeypatch):
    groot = tmp_path / "groot.json"
    with groot.open("wb") as bestand:
        bestand.truncate(50 * 1024 * 1024)  # sparse: takes no room on disk nor in memory

    def niet_lezen(*args, **kwargs):
        raise AssertionError("het bestand werd toch gelezen")

    monkeypatch.setattr(importeren, "events_uit_bestand", niet_lezen)

    verslag = importeren.importeer_pad(groot)

    assert verslag.bestanden[0].fout == (
        "groot.json is 50.0 MB; een import neemt hoogstens 10.0 MB per bestand. "
        "Splits het bestand in kleinere delen."
    )
    assert verslag.verwerkt == 0


# --- The command ----------------------------------------------------------------------------


def test_uit_import_drukt_het_verslag_af(tmp_path, turnhout):
    pad = schrijf(tmp_path / "events.json", [uit_event(), uit_event(name=None)])
    uitvoer = StringIO()

    call_command("uit_import", pad, stdout=uitvoer)

    tekst = uitvoer.getvalue()
    assert "aangemaakt   Voorleesuurtje voor peuters: Nieuwe activiteit." in tekst
    assert "overgeslagen" in tekst and "De naam (name) ontbreekt." in tekst
    assert "1 aangemaakt, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen." in tekst


def test_uit_import_dry_run_bewaart_niets(tmp_path, turnhout):
    pad = schrijf(tmp_path / "events.json", uit_event())
    uitvoer = StringIO()

    call_command("uit_import", pad, "--dry-run", stdout=uitvoer)

    assert "Proefimport: er is niets bewaard." in uitvoer.getvalue()
    assert not Activiteit.objects.exists()


def test_uit_import_van_een_onleesbaar_bestand_stopt_met_een_duidelijke_fout(tmp_path, db):
    pad = tmp_path / "kapot.json"
    pad.write_text("{niet: json}")

    with pytest.raises(CommandError, match=r"kapot\.json is geen geldige JSON"):
        call_command("uit_import", str(pad), stdout=StringIO())


def test_uit_import_van_een_pad_dat_niet_bestaat(tmp_path, db):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("uit_import", str(tmp_path / "nergens.json"), stdout=StringIO())


def test_verslag_als_json_is_bewaarbaar(tmp_path, turnhout):
    verslag = importeer(tmp_path, uit_event())

    assert json.loads(json.dumps(verslag.als_json()))["bestanden"][0]["regels"][0]["uitkomst"] == (
        "aangemaakt"
    )

"""Export → import on the demo gives the same activities; a second import duplicates nothing."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from aanbod.models import Activiteit, Inschrijving
from tests.uitdatabank.conftest import momentopname
from uitdatabank import export, importeren, termen


def kenmerken(activiteit: Activiteit) -> dict:
    """What a resident sees of an activity, and what the reports count it by."""
    return {
        "titel": activiteit.titel,
        "samenvatting": activiteit.samenvatting,
        "beschrijving": activiteit.beschrijving,
        "pijler": activiteit.pijler,
        "themas": sorted(t.slug for t in activiteit.themas.all()),
        "doelgroepen": sorted(d.slug for d in activiteit.doelgroepen.all()),
        "leeftijd": (activiteit.leeftijd_van, activiteit.leeftijd_tot),
        "prijs": (activiteit.prijs, activiteit.sociaal_tarief, activiteit.uitpas),
        "bereik": (activiteit.bereik, sorted(g.nis_code for g in activiteit.gemeenten.all())),
        "partners": sorted(p.naam for p in activiteit.partners.all()),
        "talen": sorted(t.code for t in activiteit.talen.all()),
        "inschrijving": (
            activiteit.inschrijving_vereist,
            activiteit.capaciteit,
            activiteit.plaatsen_per,
        ),
        "locatie": activiteit.locatie.slug,
        "doorlopend": activiteit.doorlopend,
        "momenten": sorted(activiteit.momenten.values_list("begin", "einde", "geannuleerd")),
    }


def exporteren(map_) -> dict[str, dict]:
    """Export the demo; returns the features of each exported activity by its ``@id``."""
    call_command("uit_export", str(map_), stdout=StringIO())
    voor = {}
    for pad in map_.iterdir():
        uit_id = json.loads(pad.read_text())["@id"]
        slug = pad.name.removesuffix(".jsonld")
        voor[uit_id] = kenmerken(Activiteit.objects.get(slug=slug))
    return voor


def activiteiten_wissen(uit_ids):
    """Remove the exported activities (and the demo's registrations on them)."""
    eigen = {v: k for k, v in export.eigen_activiteiten().items()}
    pks = [pk for pk in eigen if f"{export.event_id_prefix()}{eigen[pk]}" in uit_ids]
    Inschrijving.objects.filter(moment__activiteit__in=pks).delete()
    Activiteit.objects.filter(pk__in=pks).delete()


@pytest.fixture
def export_map(demo, tmp_path):
    return tmp_path / "uit"


def test_export_en_import_in_hetzelfde_portaal_verandert_niets(export_map):
    exporteren(export_map)
    voor = momentopname()

    verslag = importeren.importeer_pad(export_map)

    assert verslag.telling() == {
        "aangemaakt": 0,
        "bijgewerkt": 0,
        "ongewijzigd": len(list(export_map.iterdir())),
        "overgeslagen": 0,
    }
    assert momentopname() == voor


def test_export_en_import_maakt_dezelfde_activiteiten_opnieuw(export_map):
    voor = exporteren(export_map)
    assert len(voor) >= 10  # the demo's published offer
    activiteiten_wissen(voor)

    verslag = importeren.importeer_pad(export_map)

    assert verslag.telling()["aangemaakt"] == len(voor)
    na = {a.uit_id: kenmerken(a) for a in Activiteit.objects.exclude(uit_id="")}
    assert na == voor


def test_een_tweede_import_maakt_geen_dubbels(export_map):
    voor = exporteren(export_map)
    activiteiten_wissen(voor)
    importeren.importeer_pad(export_map)
    aantal, na_eerste = Activiteit.objects.count(), momentopname()

    verslag = importeren.importeer_pad(export_map)

    assert verslag.telling()["ongewijzigd"] == len(voor)
    assert Activiteit.objects.count() == aantal
    assert momentopname() == na_eerste


def test_zonder_het_eigen_blok_blijft_wat_uitdatabank_kent_gelijk(export_map):
    """What another UiTdatabank reader would hand back: only UiTdatabank's own fields."""
    voor = exporteren(export_map)
    for pad in export_map.iterdir():
        data = json.loads(pad.read_text())
        del data[termen.EIGEN_BLOK]
        pad.write_text(json.dumps(data))
    activiteiten_wissen(voor)

    verslag = importeren.importeer_pad(export_map)

    assert verslag.telling()["aangemaakt"] == len(voor)
    for activiteit in Activiteit.objects.exclude(uit_id=""):
        oud, nieuw = voor[activiteit.uit_id], kenmerken(activiteit)
        for veld in (
            "titel",
            "beschrijving",
            "pijler",
            "prijs",
            "locatie",
            "doorlopend",
            "momenten",
        ):
            assert nieuw[veld] == oud[veld], (activiteit.titel, veld)
        # Ages go in whole years, themes one per event: what comes back is the coarser form.
        tot = oud["leeftijd"][1]
        if tot is not None:
            assert nieuw["leeftijd"][1] == tot // 12 * 12
        assert set(nieuw["themas"]) <= set(oud["themas"]) | {"opvoedingsondersteuning"}

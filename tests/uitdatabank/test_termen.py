"""The table between the portal's words and UiTdatabank's terms: complete, both ways, documented."""

from pathlib import Path

import pytest

from aanbod.models import Pijler
from locaties.models import Locatie
from uitdatabank import inlezen, termen

DOCUMENTATIE = Path(__file__).resolve().parents[2] / "docs" / "uitdatabank.md"


@pytest.mark.parametrize("pijler", Pijler.values)
def test_elke_pijler_komt_langs_haar_termen_terug(pijler):
    soort, thema = termen.PIJLER_NAAR_UIT[pijler]
    gelezen = {"terms": [soort.als_jsonld()] + ([thema.als_jsonld()] if thema else [])}
    meldingen = []

    soorten, themas = inlezen._termen(gelezen, meldingen)

    assert inlezen._pijler(soorten, themas, blok={}) == pijler
    assert meldingen == []


@pytest.mark.parametrize(("term_id", "slug"), sorted(termen.THEMA_VAN_UIT.items()))
def test_een_thema_dat_terugkomt_gaat_ook_zo_uit(term_id, slug):
    assert termen.THEMA_NAAR_UIT[slug].id == term_id


def test_voorzieningen_horen_bij_velden_van_een_locatie():
    velden = {veld.name for veld in Locatie._meta.get_fields()}

    assert set(termen.VOORZIENING_VAN_VELD) <= velden


def test_elke_term_heeft_een_bron_en_staat_in_de_documentatie():
    tekst = DOCUMENTATIE.read_text(encoding="utf-8")

    for term in termen.alle_termen():
        assert term.bron, term
        assert f"`{term.id}`" in tekst, f"{term.label} ({term.id}) ontbreekt in {DOCUMENTATIE.name}"


def test_termen_van_een_oudere_documentatie_staan_als_aanname_in_de_documentatie():
    tekst = DOCUMENTATIE.read_text(encoding="utf-8")

    for term in termen.alle_termen():
        if not term.in_huidige_documentatie:
            regel = next(r for r in tekst.splitlines() if f"`{term.id}`" in r)
            assert "aanname" in regel.lower(), regel

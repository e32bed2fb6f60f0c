"""The exports of the reports: a gemeente's PDF and the workbook with all figures.

The PDF is generated for the hand-built area of ``test_cijfers`` (figures worked out in its
docstring), its text is extracted with pypdf and checked page by page; the workbook is read
back with openpyxl and its cells are checked as numbers.
"""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from aanbod.models import Bereikcijfer
from communicatie.models import Huisstijl
from gemeenten.models import Gemeente
from gemeenten.models.groeimodel import Afvinking, Roltaak, Verwachting, Zelfevaluatie
from locaties.models import Locatie
from rapportages.pdf import gemeenterapport_pdf, getal, winansi
from rapportages.selectors import UITLEG, rapport
from rapportages.werkboek import cijfers_xlsx
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    GemeenteFactory,
    InzetFactory,
    LocatieFactory,
    PartnerFactory,
    VisienotaFactory,
)
from tests.rapportages import test_cijfers
from tests.rapportages.test_cijfers import EERSTE_HELFT, OP, bereik, moment

# The hand-built area of test_cijfers (a fixture), with the figures worked out there.
gebied = test_cijfers.gebied

S = "\u2013"  # en dash
MIN = "\u2212"  # minus sign
GEMAAKT = timezone.make_aware(dt.datetime(2026, 7, 15, 10, 30))
PERIODE = f"1 januari 2026 {S} 30 juni 2026"
GEMAAKT_TEKST = "Gemaakt op 15 juli 2026 om 10:30"
HUISNAAM = "Huis van het Kind Noorderkempen"
# The brand colour #7a1f5c as reportlab writes a fill colour.
MERK_RG = ".478431 .121569 .360784 rg"
SECTIES = [
    "1. Inzet: uren en budget",
    "2. Aanbod",
    "3. Bereik",
    "4. Billijkheid",
    "5. Mobiliteit",
    "6. Bestuur",
    "7. Groeimodel",
]
BLADEN = ["Inzet", "Aanbod", "Bereik", "Billijkheid", "Mobiliteit", "Bestuur", "Groeimodel"]


def plat(tekst: str) -> str:
    """Text with every run of white space (line breaks of table cells, wrapped lines) as one
    space, so a table row reads as "name value value …"."""
    return " ".join(tekst.split())


@pytest.fixture
def huisstijl(db):
    return Huisstijl.objects.create(
        naam=HUISNAAM, ondertitel="Één huis voor élk gezin", kleur="#7a1f5c"
    )


def pdf_van(gemeente, *, periode=EERSTE_HELFT, op=OP) -> bytes:
    return gemeenterapport_pdf(
        rapport=rapport(periode=periode, op=op), gemeente=gemeente, gemaakt_op=GEMAAKT
    )


def paginas(inhoud: bytes) -> list[str]:
    return [plat(p.extract_text()) for p in PdfReader(io.BytesIO(inhoud)).pages]


# --- Numbers and characters --------------------------------------------------------------------


def test_getallen_op_zijn_belgisch_en_afgerond():
    # Django's number_format cuts decimals off (91,6); the report rounds.
    assert getal(Decimal("0.9166666") * 100, 1) == "91,7"
    assert getal(1234567.25, 1) == "1.234.567,3"
    assert getal(24000) == "24.000"
    assert getal(2.95, 1) == "3,0"
    assert getal(None) == S


def test_tekens_buiten_winansi_worden_vervangen():
    assert winansi(f"Zoë, één {S} € 5 “ok”") == f"Zoë, één {S} € 5 “ok”"
    assert winansi(f"≥ 5 {MIN} 2 Łódź ☃") == ">= 5 - 2 Lódz ?"


# --- The PDF -------------------------------------------------------------------------------------


def test_pdf_rand_op_elke_pagina(gebied, huisstijl):
    _, beerse = gebied

    inhoud = pdf_van(beerse)

    assert inhoud.startswith(b"%PDF")
    lezer = PdfReader(io.BytesIO(inhoud))
    teksten = [plat(p.extract_text()) for p in lezer.pages]
    totaal = len(teksten)
    assert totaal >= 3
    for nummer, (pagina, tekst) in enumerate(zip(lezer.pages, teksten, strict=True), start=1):
        assert HUISNAAM in tekst
        assert "Beerse" in tekst
        assert PERIODE in tekst
        assert GEMAAKT_TEKST in tekst
        assert f"pagina {nummer} van {totaal}" in tekst
        # The Huis's name is drawn in its brand colour.
        stroom = pagina.get_contents().get_data().decode("latin-1")
        assert re.search(
            rf"{re.escape(MERK_RG)}\s+BT[^\n]*ET\s+BT[^\n]*\({HUISNAAM}\) Tj", stroom
        ), f"page {nummer}"
    assert lezer.metadata.title == f"Rapport Beerse, {PERIODE}"
    assert lezer.metadata.author == HUISNAAM
    assert lezer.trailer["/Root"]["/Lang"] == "nl-BE"


def test_pdf_titelblad_met_kerncijfers(gebied, huisstijl):
    turnhout, _ = gebied

    eerste, *rest = paginas(pdf_van(turnhout))

    assert "Rapport voor Turnhout" in eerste
    assert "Één huis voor élk gezin" in eerste
    assert "Kerncijfers" in eerste
    assert "Kerncijfer Turnhout Heel het gebied" in eerste
    assert "Toegezegde uren per jaar 1.200,0 1.800,0" in eerste
    assert "Toegezegd budget per jaar (€) 24.000 36.000" in eerste
    assert f"Minder dan het aandeel in kinderen en kansarmoede nee {S}" in eerste
    assert "Geleverde uren van de verwachte tot nu 550,0 van 600,0 730,0 van 900,0" in eerste
    assert "Verhouding geleverd / verwacht (%) 91,7 81,1" in eerste
    assert "Bereikte kinderen per 1.000 kinderen van 0-12 3,0 2,7" in eerste
    assert "Taken uit de rollenlijst gedaan 1 van 2 1 van 2" in eerste
    assert "in één zin" in eerste
    # The sections start on the next page.
    assert "1. Inzet" not in eerste
    assert SECTIES[0] in rest[0]


def test_pdf_elke_sectie_met_uitleg_en_vergelijking(gebied, huisstijl):
    turnhout, _ = gebied

    tekst = " ".join(paginas(pdf_van(turnhout)))

    posities = [tekst.index(titel) for titel in SECTIES]
    assert posities == sorted(posities)
    for uitleg in UITLEG.values():
        assert f"Hoe berekend: {plat(str(uitleg))}" in tekst
    # Input: the gemeente, then the area, then the other gemeenten; the euro sign renders.
    assert (
        "Gemeente Toegezegd per jaar (uren) Budget per jaar (€) Verwacht tot nu (uren) "
        "Geleverd tot nu (uren) Verhouding (%) "
        "Turnhout 1.200,0 24.000 600,0 550,0 91,7 "
        "Heel het gebied 1.800,0 36.000 900,0 730,0 81,1 "
        "Beerse 600,0 12.000 300,0 180,0 60,0"
    ) in tekst
    assert "Vergeleken: de 6 volledige maanden van 2026." in tekst
    # Offer: in and available, per 1,000 children, and per pillar.
    assert (
        f"Turnhout 1 3 1,5 1 3 1,5 Heel het gebied {S} 4 1,3 {S} {S} {S} Beerse 1 1 1,0 2 4 4,0"
        in (tekst)
    )
    assert "Ontmoeting 3 3 1,5 3 1,0" in tekst
    # Reach by gemeente of residence; one family from elsewhere is not in the total.
    assert "Turnhout 10 6 3,0 71,4 Heel het gebied 14 8 2,7 100,0 Beerse 4 2 2,0 28,6" in tekst
    assert "Daarnaast kwam 1 deelnemer van buiten de gemeenten van het Huis" in tekst
    assert "0 tot 3 jaar 6 7" in tekst
    # Fairness: Beerse gets less than its share, Turnhout does not.
    assert "Turnhout 66,7 33,3 75,0 71,4 nee" in tekst
    assert "Beerse 33,3 66,7 25,0 28,6 aanbod en bereik" in tekst
    assert "Turnhout krijgt niet minder aanbod of bereik dan haar aandeel" in tekst
    assert "Ook minder dan hun aandeel: Beerse." in tekst
    # Governance and growth model.
    assert "Er zijn geen open signalen voor Turnhout." in tekst
    assert "Elke soort partner die in het gebied werkt, werkt ook in Turnhout." in tekst
    assert (
        "Fase van het partnerschap op 15 juli 2026: potgrond: een lerend netwerk "
        "(sinds 1 januari 2025)."
    ) in tekst
    assert "Turnhout potgrond: een lerend netwerk 1 van 2 1 van 1" in tekst
    assert "Heel het gebied 1 gemeente 1 van 2 1 van 1 Beerse geen 0 van 0 0 van 0" in tekst
    assert "schepen Taak 1 ja schepen Taak 2 nee" in tekst
    assert "Een antenne ingelost" in tekst
    # The charts: the shares per gemeente and the hours per month.
    assert "aandeel kinderen 0-12" in tekst
    assert "aandeel bereik" in tekst
    assert "toegezegd, naar rato (cumulatief)" in tekst
    assert "geleverd, volledige maanden (cumulatief)" in tekst


def test_pdf_markeert_wie_minder_krijgt_dan_zijn_aandeel(gebied, huisstijl):
    _, beerse = gebied

    tekst = " ".join(paginas(pdf_van(beerse)))

    assert (
        "Beerse krijgt minder aanbod (25,0 %) en minder bereik (28,6 %) dan haar aandeel in "
        "de kinderen (33,3 %) en in de kansarmoede (66,7 %)."
    ) in tekst
    assert "Beerse 33,3 66,7 25,0 28,6 aanbod en bereik Heel het gebied 100,0 100,0" in tekst
    assert "Ook minder dan hun aandeel" not in tekst
    # Its own warnings (with ë from the signal text) and blind spot.
    assert "Beerse leverde dit jaar 180,0 van de 300,0 geëngageerde uren tot nu toe" in tekst
    assert "Beerse heeft geen aanspreekpunt voor inwoners" in tekst
    assert f"Beerse 2 0 CAW Heel het gebied 2 {S} {S} Turnhout 0 1 {S}" in tekst
    assert "Soorten partners die elders in het gebied werken, maar niet in Beerse: CAW." in tekst
    assert "Beerse vulde voor 2026 nog geen zelfevaluatie in." in tekst
    assert "Beerse 600,0 12.000 300,0 180,0 60,0 Heel het gebied" in tekst


def test_pdf_en_werkboek_tonen_afstanden(gebied, huisstijl):
    turnhout, beerse = gebied
    # Turnhout's centre is where both places are; Beerse's about 5.9 km to the west.
    Gemeente.objects.filter(pk=turnhout.pk).update(
        breedtegraad=Decimal("51.322300"), lengtegraad=Decimal("4.944800")
    )
    Gemeente.objects.filter(pk=beerse.pk).update(
        breedtegraad=Decimal("51.319500"), lengtegraad=Decimal("4.860600")
    )
    uitkomst = rapport(periode=EERSTE_HELFT, op=OP)
    assert uitkomst.voor(beerse).aanbod.afstand_km == {
        "gezondheid": 5.9,
        "opvoeding": None,
        "ontmoeting": 5.9,
    }

    tekst = " ".join(paginas(pdf_van(turnhout)))
    boek = load_workbook(io.BytesIO(cijfers_xlsx(rapport=uitkomst, gemaakt_op=GEMAAKT)))

    # The mean of 5.9 and 0.0 is 2.95: rounded half up to 3.0 in both files.
    assert (
        f"Turnhout {S} {S} 0,0 Gemiddelde van de gemeenten 5,9 {S} 3,0 Beerse 5,9 {S} 5,9"
    ) in tekst
    rijen = rijen_van(boek["Mobiliteit"])
    assert rijen["Beerse"] == [5.9, None, 5.9]
    assert rijen["Turnhout"] == [None, None, 0]
    assert rijen["Gemiddelde van de gemeenten"] == [5.9, None, 3.0]


def test_pdf_lang_rapport_loopt_over_paginas_met_rand_en_kop_op_elke_pagina(db):
    codes = [f"{11000 + n:05d}" for n in range(40)]
    gemeenten = [
        GemeenteFactory(naam=f"Gemeente {n:02d}", nis_code=code, slug=f"gemeente-{n:02d}")
        for n, code in enumerate(codes)
    ]
    for g in gemeenten:
        VisienotaFactory(gemeente=g, uren_per_jaar=Decimal("1000"))
        InzetFactory(gemeente=g, jaar=2026, maand=1, uren=Decimal("80"))

    teksten = paginas(pdf_van(gemeenten[0]))

    totaal = len(teksten)
    assert totaal >= 8
    for nummer, tekst in enumerate(teksten, start=1):
        assert "Huis van het Kind" in tekst
        assert "Gemeente 00" in tekst
        assert PERIODE in tekst
        assert GEMAAKT_TEKST in tekst
        assert f"pagina {nummer} van {totaal}" in tekst
    # The input table is longer than a page: its header row comes back on the next page,
    # and no gemeente's row is split from its numbers.
    kop = "Gemeente Toegezegd per jaar (uren) Budget per jaar (€)"
    met_kop = [n for n, tekst in enumerate(teksten) if kop in tekst]
    assert len(met_kop) >= 2
    assert met_kop == list(range(met_kop[0], met_kop[0] + len(met_kop)))
    inzet = " ".join(teksten[n] for n in met_kop)
    for g in gemeenten[1:]:
        assert any(f"{g.naam} 1.000,0 25.000 500,0 80,0 16,0" in teksten[n] for n in met_kop), (
            g.naam
        )
        assert inzet.count(f"{g.naam} 1.000,0") == 1


@pytest.mark.parametrize(
    ("bestandsnaam", "met_afbeelding"), [("logo.png", True), ("logo.webp", False)]
)
def test_pdf_logo_als_het_een_png_of_jpeg_is(gebied, huisstijl, bestandsnaam, met_afbeelding):
    _, beerse = gebied
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (122, 31, 92)).save(
        buffer, format="PNG" if met_afbeelding else "WEBP"
    )
    huisstijl.logo.save(bestandsnaam, ContentFile(buffer.getvalue()))

    lezer = PdfReader(io.BytesIO(pdf_van(beerse)))

    for pagina in lezer.pages:
        beelden = [
            o
            for o in pagina["/Resources"].get("/XObject", {}).values()
            if o.get_object()["/Subtype"] == "/Image"
        ]
        assert bool(beelden) is met_afbeelding
        # The name is there with or without a logo.
        assert HUISNAAM in pagina.extract_text()


def test_pdf_zonder_opgeslagen_huisstijl_gebruikt_de_standaardnaam(gebied, settings):
    settings.HVK_NAAM = "Huis van het Kind Proefregio"
    turnhout, _ = gebied

    teksten = paginas(pdf_van(turnhout))

    assert all("Huis van het Kind Proefregio" in t for t in teksten)


# --- The workbook ------------------------------------------------------------------------------


def werkboek_van(**kwargs):
    inhoud = cijfers_xlsx(
        rapport=rapport(periode=EERSTE_HELFT, op=OP), gemaakt_op=GEMAAKT, **kwargs
    )
    return load_workbook(io.BytesIO(inhoud))


def koppen_van(blad) -> list[str]:
    return [c.value for c in blad[1]]


def rijen_van(blad) -> dict[str, list]:
    """The table at the top of a sheet: its rows by the label in column A."""
    rijen = {}
    for rij in blad.iter_rows(min_row=2):
        if rij[0].value is None:
            break
        rijen[rij[0].value] = [c.value for c in rij[1:]]
    return rijen


def cellen_van(blad) -> dict[str, list]:
    rijen = {}
    for rij in blad.iter_rows(min_row=2):
        if rij[0].value is None:
            break
        rijen[rij[0].value] = list(rij[1:])
    return rijen


def test_werkboek_bladen_en_koppen(gebied, huisstijl):
    boek = werkboek_van()

    assert boek.sheetnames == ["Toelichting", *BLADEN]
    assert boek.active.title == "Toelichting"
    for naam in BLADEN:
        blad = boek[naam]
        assert blad["A1"].value == "Gemeente"
        assert all(c.font.bold for c in blad[1] if c.value is not None), naam
        assert blad.freeze_panes == "B2", naam
        assert blad.column_dimensions["A"].width >= 10, naam
        assert blad.column_dimensions["B"].width >= 10, naam
    assert koppen_van(boek["Inzet"])[:7] == [
        "Gemeente",
        "Toegezegd per jaar (uren)",
        "Budget per jaar (€)",
        "Volledige maanden vergeleken",
        "Verwacht tot nu (uren)",
        "Geleverd tot nu (uren)",
        "Verhouding (%)",
    ]
    assert koppen_van(boek["Billijkheid"]) == [
        "Gemeente",
        "Kinderen 0-12 jaar",
        "Kansarmoede-index (%)",
        "Aandeel kinderen (%)",
        "Aandeel kansarmoede (%)",
        "Aandeel momenten (%)",
        "Aandeel bereik (%)",
        "Minder aanbod dan het aandeel",
        "Minder bereik dan het aandeel",
    ]


def test_werkboek_cijfers_als_getallen(gebied, huisstijl):
    boek = werkboek_van()

    inzet = rijen_van(boek["Inzet"])
    assert list(inzet) == ["Beerse", "Turnhout", "Heel het gebied"]
    assert inzet["Turnhout"][:6] == [1200, 24000, 6, 600, 550, 91.7]
    assert inzet["Beerse"][:6] == [600, 12000, 6, 300, 180, 60]
    assert inzet["Heel het gebied"][:6] == [1800, 36000, 6, 900, 730, 81.1]
    # Hours per month, January first (July is recorded but not complete on 15 July).
    assert inzet["Turnhout"][6:14] == [100, 100, 100, 100, 100, 50, 999, 0]
    assert inzet["Heel het gebied"][6] == 130

    aanbod = rijen_van(boek["Aanbod"])
    assert aanbod["Turnhout"][:7] == [2000, 1, 3, 1.5, 1, 3, 1.5]
    assert aanbod["Beerse"][:7] == [1000, 1, 1, 1, 2, 4, 4]
    assert aanbod["Heel het gebied"][:4] == [3000, None, 4, 1.3]
    koppen = koppen_van(boek["Aanbod"])
    beschikbaar_ontmoeting = koppen.index("Momenten beschikbaar: Ontmoeting") - 1
    assert aanbod["Beerse"][beschikbaar_ontmoeting] == 3

    bereik_rijen = rijen_van(boek["Bereik"])
    assert bereik_rijen["Turnhout"][:6] == [2000, 10, 0, 6, 3, 71.4]
    assert bereik_rijen["Beerse"][:6] == [1000, 4, 0, 2, 2, 28.6]
    assert bereik_rijen["Heel het gebied"][:6] == [3000, 14, 0, 8, 2.7, 100]
    koppen = koppen_van(boek["Bereik"])
    assert bereik_rijen["Turnhout"][koppen.index("Deelnemers: 0 tot 3 jaar") - 1] == 6
    assert bereik_rijen["Beerse"][koppen.index("Deelnemers: 3 tot 6 jaar") - 1] == 1

    billijkheid = rijen_van(boek["Billijkheid"])
    assert billijkheid["Turnhout"] == [2000, 10, 66.7, 33.3, 75, 71.4, "nee", "nee"]
    assert billijkheid["Beerse"] == [1000, 40, 33.3, 66.7, 25, 28.6, "ja", "ja"]
    assert billijkheid["Heel het gebied"][:6] == [3000, None, 100, 100, 100, 100]

    bestuur = rijen_van(boek["Bestuur"])
    assert bestuur["Beerse"][0] == 2
    assert "geen aanspreekpunt" in bestuur["Beerse"][1]
    assert bestuur["Beerse"][2:] == [0, "CAW"]
    assert bestuur["Turnhout"] == [0, None, 1, None]
    assert bestuur["Heel het gebied"][0] == 2

    groei = rijen_van(boek["Groeimodel"])
    assert groei["Turnhout"] == ["potgrond: een lerend netwerk", 1, 2, 1, 1]
    assert groei["Beerse"] == [None, 0, 0, 0, 0]
    assert groei["Heel het gebied"] == [None, 1, 2, 1, 1]

    # Numbers are numbers, with a number format; labels are text.
    cellen = cellen_van(boek["Inzet"])
    verhouding = cellen["Turnhout"][5]
    assert verhouding.data_type == "n"
    assert isinstance(verhouding.value, float)
    assert verhouding.number_format == "#,##0.0"
    assert cellen["Turnhout"][1].number_format == "#,##0"
    assert cellen["Heel het gebied"][0].font.bold
    assert cellen_van(boek["Bereik"])["Beerse"][5].number_format == "#,##0.0"


def test_werkboek_uitleg_onder_elke_tabel(gebied, huisstijl):
    boek = werkboek_van()

    sleutels = ["uren", "aanbod", "bereik", "billijkheid", "mobiliteit", "bestuur", "groei"]
    for naam, sleutel in zip(BLADEN, sleutels, strict=True):
        blad = boek[naam]
        laatste_rij = 1 + len(rijen_van(blad))
        onder = [blad.cell(row=r, column=1).value for r in range(laatste_rij + 1, blad.max_row + 1)]
        assert str(UITLEG[sleutel]) in onder, naam
    groeimodel = [c.value for rij in boek["Groeimodel"].iter_rows() for c in rij]
    assert "Taak 2" in groeimodel
    assert "Een antenne" in groeimodel


def test_werkboek_toelichting(gebied, huisstijl):
    blad = werkboek_van()["Toelichting"]

    waarden = {rij[0].value: rij[1].value for rij in blad.iter_rows() if rij[0].value is not None}
    assert blad["A1"].value == f"{HUISNAAM}: cijfers voor mandatarissen"
    assert waarden["Periode"] == PERIODE
    assert waarden["Van"] == dt.datetime(2026, 1, 1)
    assert waarden["Tot en met"] == dt.datetime(2026, 6, 30)
    assert waarden["Gemaakt op"] == dt.datetime(2026, 7, 15, 10, 30)
    assert waarden["Signalen en groeimodel op"] == dt.datetime(2026, 7, 15)
    assert "potgrond" in waarden["Fase van het groeimodel"]
    sleutels = ["uren", "aanbod", "bereik", "billijkheid", "mobiliteit", "bestuur", "groei"]
    for naam, sleutel in zip(BLADEN, sleutels, strict=True):
        assert waarden[naam] == str(UITLEG[sleutel])


def test_werkboek_eigen_gemeente_eerst_en_tekst_nooit_als_formule(gebied, huisstijl):
    turnhout, _ = gebied
    Verwachting.objects.create(gemeente=turnhout, jaar=2026, verwachting="=1+1")

    boek = werkboek_van(eerst=[turnhout.pk])

    for naam in BLADEN:
        assert boek[naam]["A2"].value == "Turnhout", naam
    formule = next(c for rij in boek["Groeimodel"].iter_rows() for c in rij if c.value == "=1+1")
    assert formule.data_type == "s"
    assert formule.quotePrefix


# --- The views -----------------------------------------------------------------------------------


@pytest.fixture
def mandataris(db):
    return GebruikerFactory(rol="mandataris")


def urls(slug="beerse"):
    return [
        reverse("rapportages:pdf", kwargs={"gemeente": slug}),
        reverse("rapportages:xlsx"),
    ]


def test_anoniem_naar_aanmelden(client, gebied):
    for url in urls():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        assert "next=" in response["Location"]


def test_partner_mag_niet(client, gebied):
    client.force_login(GebruikerFactory(rol="partner", partner=PartnerFactory()))
    for url in urls():
        assert client.get(url).status_code == 403


def test_mandataris_krijgt_de_pdf(client, gebied, mandataris, huisstijl):
    client.force_login(mandataris)

    response = client.get(urls()[0], {"jaar": "2025"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="rapport-beerse-2025-01-01-2025-12-31.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    teksten = paginas(response.content)
    assert all(f"1 januari 2025 {S} 31 december 2025" in t for t in teksten)
    assert "Rapport voor Beerse" in teksten[0]


def test_mandataris_krijgt_het_werkboek_met_eigen_gemeente_eerst(client, gebied, mandataris):
    turnhout, _ = gebied
    mandataris.gemeenten.set([turnhout])
    client.force_login(mandataris)

    response = client.get(urls()[1], {"jaar": "2025"})

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="cijfers-2025-01-01-2025-12-31.xlsx"'
    )
    assert response["Cache-Control"] == "private, no-store"
    boek = load_workbook(io.BytesIO(response.content))
    assert boek["Inzet"]["A2"].value == "Turnhout"
    assert boek["Toelichting"]["B3"].value == f"1 januari 2025 {S} 31 december 2025"


def test_coordinator_krijgt_de_bestanden_ook(coordinator_client, gebied):
    for url in urls():
        assert coordinator_client.get(url).status_code == 200


def test_onbekende_gemeente_geeft_404(client, gebied, mandataris):
    client.force_login(mandataris)

    assert client.get(urls("nergensdorp")[0]).status_code == 404


@pytest.mark.parametrize("query", [{"van": "2026-05-01", "tot": "2026-01-01"}, {"jaar": "x"}])
def test_foute_periode_geeft_dit_jaar_tot_nu(client, gebied, mandataris, query):
    client.force_login(mandataris)
    vandaag = timezone.localdate()
    periode = f"{vandaag.year}-01-01-{vandaag:%Y-%m-%d}"

    pdf = client.get(urls()[0], query)
    xlsx = client.get(urls()[1], query)

    assert pdf.status_code == xlsx.status_code == 200
    assert f'filename="rapport-beerse-{periode}.pdf"' in pdf["Content-Disposition"]
    assert f'filename="cijfers-{periode}.xlsx"' in xlsx["Content-Disposition"]
    assert paginas(pdf.content)[0].count(f"1 januari {vandaag.year} {S}") >= 1


def _gebied_met(aantal: int):
    """``aantal`` gemeenten, each with hours, offer, reach, a partner, a self-assessment
    and an expectation: everything the exports read."""
    taken = [
        Roltaak.objects.create(fase="potgrond", rol="schepen", tekst=f"Taak {n}", volgorde=n)
        for n in (1, 2)
    ]
    vandaag = timezone.localdate()
    gemeenten = []
    for n, code in enumerate(["13040", "13004", "13017"][:aantal]):
        g = GemeenteFactory(naam=f"G{n}", nis_code=code, slug=f"g{n}", aanspreekpunt_naam="")
        gemeenten.append(g)
        VisienotaFactory(gemeente=g)
        InzetFactory(gemeente=g, jaar=vandaag.year, maand=1)
        plek = LocatieFactory(gemeente=g)
        for _ in range(aantal):
            m = moment(ActiviteitFactory(locatie=plek), vandaag.replace(day=1))
            bereik(m, g, volwassene=2, baby=1)
        PartnerFactory().werkingsgebied.set([g])
        evaluatie = Zelfevaluatie.objects.create(gemeente=g, jaar=vandaag.year, fase="potgrond")
        Afvinking.objects.create(zelfevaluatie=evaluatie, roltaak=taken[0], gedaan=True)
        Verwachting.objects.create(gemeente=g, jaar=vandaag.year, verwachting="Iets")
    assert Bereikcijfer.objects.count() == aantal * aantal * 2
    assert Locatie.objects.count() == aantal
    return gemeenten


@pytest.mark.parametrize("aantal", [1, 3])
def test_aantal_queries_van_de_exports_groeit_niet(
    client, db, django_assert_num_queries, mandataris, aantal
):
    gemeenten = _gebied_met(aantal)
    mandataris.gemeenten.set(gemeenten[:1])
    client.force_login(mandataris)
    pdf_url, xlsx_url = urls(gemeenten[0].slug)

    with django_assert_num_queries(32):
        assert client.get(pdf_url).status_code == 200
    with django_assert_num_queries(32):
        assert client.get(xlsx_url).status_code == 200


def test_periode_uit_de_url_komt_in_het_rapport(client, gebied, mandataris):
    client.force_login(mandataris)

    response = client.get(urls()[0], {"van": "2026-01-01", "tot": "2026-06-30"})

    tekst = " ".join(paginas(response.content))
    assert PERIODE in tekst
    assert "Beerse 4 2 2,0 28,6" in tekst

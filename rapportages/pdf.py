"""A gemeente's report as a printable PDF (A4) for the college's agenda.

Built with reportlab's platypus from the one ``Rapport`` the pages and the spreadsheet read,
so the three cannot disagree. Every page carries the Huis's name in its brand colour, the
gemeente, the period, the moment the file was made and "pagina X van Y". Every section starts
with the sentence that explains how its figures were computed (``UITLEG``) and compares the
gemeente with the whole area and with the other gemeenten in a table; tables repeat their
header row on a new page and never split a row.

The standard PDF fonts (Helvetica) are used: they are not embedded and only know the WinAnsi
characters (Dutch letters such as ë and é, the en dash and the euro sign are among them), so
any other character is replaced by a look-alike before it reaches the PDF.
"""

import datetime as dt
import io
import unicodedata
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import partial
from xml.sax.saxutils import escape

from django.utils import timezone, translation
from django.utils.dates import MONTHS_3
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from aanbod.models import Leeftijdsgroep, Pijler
from communicatie.models import Huisstijl
from gemeenten.models import Gemeente, Partner
from rapportages.selectors import UITLEG, GemeenteCijfers, Rapport

BREEDTE, HOOGTE = A4
MARGE = 2 * cm
BOVENMARGE = 2.8 * cm
ONDERMARGE = 2.1 * cm
STREEP = "\u2013"  # en dash: in WinAnsi, so the standard fonts show it
ZONDER = STREEP  # shown where a figure does not exist
LOGO_SOORTEN = (".png", ".jpg", ".jpeg")

# Characters outside WinAnsi that Dutch text may well contain, with their stand-in.
VERVANGINGEN = {
    "\u2009": " ",  # thin space
    "\u202f": " ",  # narrow no-break space
    "\u2212": "-",  # minus sign
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2192": "->",
    # Letters without a decomposition to a base letter.
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
    "\u0131": "i",
}


# --- Text and numbers -----------------------------------------------------------------------------


def winansi(tekst) -> str:
    """``tekst`` with every character the standard PDF fonts cannot show replaced.

    A known stand-in first, then the letter without its accent (NFKD), else "?".
    """
    uitkomst = []
    for teken in str(tekst):
        try:
            teken.encode("cp1252")
        except UnicodeEncodeError:
            if teken in VERVANGINGEN:
                teken = VERVANGINGEN[teken]
            else:
                kaal = (
                    unicodedata.normalize("NFKD", teken).encode("cp1252", "ignore").decode("cp1252")
                )
                teken = kaal or "?"
        uitkomst.append(teken)
    return "".join(uitkomst)


def getal(waarde, decimalen: int = 0) -> str:
    """A number the Belgian Dutch way (1.234,5), rounded half up; an en dash for none.

    Django's ``number_format`` cuts off decimals instead of rounding, so the number is
    rounded here first.
    """
    if waarde is None:
        return ZONDER
    afgerond = Decimal(str(waarde)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    with translation.override("nl-be"):
        return number_format(afgerond, decimalen, use_l10n=True, force_grouping=True)


def procent(verhouding) -> Decimal | None:
    """A ratio (1 = 100 %) as a percentage."""
    return None if verhouding is None else Decimal(str(verhouding)) * 100


def datum(dag: dt.date) -> str:
    with translation.override("nl-be"):
        return date_format(dag, "j F Y")


def periode_tekst(rapport: Rapport) -> str:
    """E.g. "1 januari 2026 - 25 november 2026", with an en dash."""
    return f"{datum(rapport.periode.van)} {STREEP} {datum(rapport.periode.tot)}"


def gemaakt_tekst(gemaakt_op: dt.datetime) -> str:
    if timezone.is_aware(gemaakt_op):
        gemaakt_op = timezone.localtime(gemaakt_op)
    with translation.override("nl-be"):
        return _("Gemaakt op %(datum)s om %(uur)s") % {
            "datum": date_format(gemaakt_op, "j F Y"),
            "uur": date_format(gemaakt_op, "H:i"),
        }


def gemiddelde_afstand(rapport: Rapport) -> dict[str, float | None]:
    """Per pillar, the mean distance (km) over the gemeenten that have one, rounded half up
    to 0.1 km; None when no gemeente has one. The area has no distance of its own: this is
    what the gemeenten are compared with."""
    uitkomst = {}
    for pijler in Pijler.values:
        afstanden = [
            Decimal(str(c.aanbod.afstand_km[pijler]))
            for c in rapport.gemeenten
            if c.aanbod.afstand_km.get(pijler) is not None
        ]
        uitkomst[pijler] = (
            float(
                (sum(afstanden) / len(afstanden)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            )
            if afstanden
            else None
        )
    return uitkomst


def fase_tekst(rapport: Rapport) -> str:
    """The partnership's phase in the growth model on the report's day, in a sentence."""
    if rapport.fase is None:
        return _("Er is nog geen fase van het groeimodel vastgelegd.")
    return _("Fase van het partnerschap op %(dag)s: %(fase)s (sinds %(sinds)s).") % {
        "dag": datum(rapport.op),
        "fase": rapport.fase.get_fase_display(),
        "sinds": datum(rapport.fase.sinds),
    }


def pijler_naam(pijler: str) -> str:
    return capfirst(Pijler(pijler).label)


def soort_naam(soort: str) -> str:
    return str(Partner.Soort(soort).label)


def van_de(deel, geheel, decimalen: int = 0) -> str:
    """ "1 van 2"."""
    return _("%(deel)s van %(geheel)s") % {
        "deel": getal(deel, decimalen),
        "geheel": getal(geheel, decimalen),
    }


# --- Styles ---------------------------------------------------------------------------------------


def _kleur(hex_kleur: str) -> colors.Color:
    try:
        return colors.HexColor(hex_kleur)
    except (TypeError, ValueError):
        return colors.HexColor("#1d5c8f")


def _tint(kleur: colors.Color, wit: float) -> colors.Color:
    """``kleur`` mixed with ``wit`` (0-1) white: a light background in the brand's tone."""
    return colors.Color(*(c + (1 - c) * wit for c in (kleur.red, kleur.green, kleur.blue)))


class Stijl:
    """The paragraph and table styles of one report, in the Huis's brand colour."""

    def __init__(self, merkkleur: colors.Color):
        self.merk = merkkleur
        self.licht = _tint(merkkleur, 0.85)
        self.grijs = colors.HexColor("#eeeeee")
        self.tekst = ParagraphStyle("tekst", fontName="Helvetica", fontSize=9.5, leading=13)
        self.klein = ParagraphStyle(
            "klein", parent=self.tekst, fontSize=8, leading=10.5, textColor=colors.HexColor("#444")
        )
        self.uitleg = ParagraphStyle(
            "uitleg",
            parent=self.klein,
            fontName="Helvetica-Oblique",
            spaceAfter=6,
            keepWithNext=1,
        )
        self.titel = ParagraphStyle(
            "titel",
            fontName="Helvetica-Bold",
            fontSize=22,
            leading=27,
            textColor=merkkleur,
            spaceAfter=8,
        )
        self.h1 = ParagraphStyle(
            "h1",
            fontName="Helvetica-Bold",
            fontSize=15,
            leading=19,
            textColor=merkkleur,
            spaceBefore=14,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.h2 = ParagraphStyle(
            "h2",
            fontName="Helvetica-Bold",
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.kop = ParagraphStyle(
            "kop", fontName="Helvetica-Bold", fontSize=8, leading=10, textColor=colors.white
        )
        self.kop_rechts = ParagraphStyle("kop_rechts", parent=self.kop, alignment=TA_RIGHT)
        # A sentence that introduces the table under it: never left alone at a page's foot.
        self.bij_tabel = ParagraphStyle(
            "bij_tabel", parent=self.tekst, spaceAfter=6, keepWithNext=1
        )
        self.cel = ParagraphStyle("cel", fontName="Helvetica", fontSize=8.5, leading=10.5)
        self.let_op = ParagraphStyle(
            "let_op",
            parent=self.tekst,
            fontName="Helvetica-Bold",
            textColor=colors.HexColor("#8a1c1c"),
            spaceBefore=4,
        )

    def p(self, tekst, stijl=None) -> Paragraph:
        """A paragraph of plain text: made safe for WinAnsi and for reportlab's markup."""
        return Paragraph(escape(winansi(tekst)), stijl or self.tekst)


# --- Tables ---------------------------------------------------------------------------------------


def tabel(
    stijl: Stijl,
    koppen: Sequence[str],
    rijen: Sequence[Sequence],
    *,
    eerste_breedte: float = 4.2 * cm,
    breedtes: Sequence[float] | None = None,
    eigen: Sequence[int] = (),
    gebied: Sequence[int] = (),
    rechts_vanaf: int = 1,
    rechts_tot: int | None = None,
) -> Table:
    """A table with a header row in the brand colour, repeated on every page it spans.

    ``rijen`` hold text (or paragraphs); ``eigen`` and ``gebied`` are the indexes (in
    ``rijen``) of the gemeente's own row and the area's, which are set apart. The columns from
    ``rechts_vanaf`` up to (not including) ``rechts_tot`` hold numbers and are right-aligned.
    A row is never split over pages.
    """
    rechts_tot = len(koppen) if rechts_tot is None else rechts_tot
    beschikbaar = BREEDTE - 2 * MARGE
    if breedtes is None:
        overige = (beschikbaar - eerste_breedte) / max(len(koppen) - 1, 1)
        breedtes = [eerste_breedte] + [overige] * (len(koppen) - 1)
    kopcellen = [
        Paragraph(
            escape(winansi(kop)),
            stijl.kop_rechts if rechts_vanaf <= i < rechts_tot else stijl.kop,
        )
        for i, kop in enumerate(koppen)
    ]
    data = [kopcellen] + [
        [c if isinstance(c, Paragraph) else winansi(c) for c in rij] for rij in rijen
    ]
    opmaak = [
        ("BACKGROUND", (0, 0), (-1, 0), stijl.merk),
        ("FONTNAME", (0, 1), (-1, -1), "Helvetica"),
        ("FONTSIZE", (0, 1), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#bbbbbb")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if rechts_vanaf < rechts_tot:
        opmaak.append(("ALIGN", (rechts_vanaf, 1), (rechts_tot - 1, -1), "RIGHT"))
    for i in eigen:
        opmaak += [
            ("BACKGROUND", (0, i + 1), (-1, i + 1), stijl.licht),
            ("FONTNAME", (0, i + 1), (-1, i + 1), "Helvetica-Bold"),
        ]
    for i in gebied:
        opmaak += [
            ("BACKGROUND", (0, i + 1), (-1, i + 1), stijl.grijs),
            ("FONTNAME", (0, i + 1), (-1, i + 1), "Helvetica-Oblique"),
        ]
    return Table(
        data,
        colWidths=breedtes,
        repeatRows=1,
        splitByRow=1,
        splitInRow=0,
        style=TableStyle(opmaak),
        hAlign="LEFT",
    )


def vergelijking(
    stijl: Stijl,
    rapport: Rapport,
    gemeente: Gemeente,
    koppen: Sequence[str],
    waarden: Callable[[GemeenteCijfers], list],
    gebied: list | None,
    *,
    gebied_label: str | None = None,
    **kwargs,
) -> Table:
    """The gemeente first, then the area (when the figure has an area value), then the other
    gemeenten by name: one row each, the name followed by ``waarden``."""
    rijen = [[gemeente.naam, *waarden(rapport.voor(gemeente))]]
    gebied_rijen = []
    if gebied is not None:
        rijen.append([gebied_label or _("Heel het gebied"), *gebied])
        gebied_rijen = [1]
    rijen += [[c.gemeente.naam, *waarden(c)] for c in rapport.anderen(gemeente)]
    return tabel(stijl, koppen, rijen, eigen=[0], gebied=gebied_rijen, **kwargs)


# --- Charts ---------------------------------------------------------------------------------------


def aandelen_grafiek(stijl: Stijl, rapport: Rapport, gemeente: Gemeente) -> Drawing:
    """Grouped bars per gemeente (the gemeente first): its share of the children, of the
    poverty, of the moments and of the reach, in percent."""
    cijfers = [rapport.voor(gemeente), *rapport.anderen(gemeente)]
    reeksen = [
        (_("kinderen 0-12"), [c.aanbod.aandeel_kinderen for c in cijfers]),
        (_("kansarmoede"), [c.aanbod.aandeel_kansarmoede for c in cijfers]),
        (_("momenten"), [c.aanbod.aandeel_momenten for c in cijfers]),
        (_("bereik"), [c.aandeel_bereik for c in cijfers]),
    ]
    kleuren = [
        colors.HexColor("#7f7f7f"),
        colors.HexColor("#c0c0c0"),
        stijl.merk,
        _tint(stijl.merk, 0.5),
    ]
    breedte = BREEDTE - 2 * MARGE
    tekening = Drawing(breedte, 7.5 * cm)
    grafiek = VerticalBarChart()
    grafiek.x = 1.2 * cm
    grafiek.width, grafiek.height = breedte - 1.4 * cm, 4.6 * cm
    grafiek.data = [[w or 0 for w in waarden] for _naam, waarden in reeksen]
    grafiek.categoryAxis.categoryNames = [winansi(c.gemeente.naam) for c in cijfers]
    grafiek.categoryAxis.labels.fontName = "Helvetica"
    grafiek.categoryAxis.labels.fontSize = 7
    # Names side by side while they fit, slanted for a few more, upright for many.
    if len(cijfers) > 10:
        grafiek.categoryAxis.labels.angle = 90
        grafiek.categoryAxis.labels.boxAnchor = "e"
        onder = 3.2 * cm
    elif len(cijfers) > 5:
        grafiek.categoryAxis.labels.angle = 30
        grafiek.categoryAxis.labels.boxAnchor = "ne"
        onder = 1.8 * cm
    else:
        onder = 1.0 * cm
    grafiek.y = onder
    tekening.height = onder + 5.7 * cm
    grafiek.valueAxis.valueMin = 0
    hoogste = max((float(w) for _naam, ws in reeksen for w in ws if w), default=0)
    grafiek.valueAxis.valueMax = max(hoogste * 1.1, 10)
    grafiek.valueAxis.labels.fontName = "Helvetica"
    grafiek.valueAxis.labels.fontSize = 7
    grafiek.valueAxis.labelTextFormat = lambda w: f"{getal(w)} %"
    grafiek.barSpacing = 0.5
    grafiek.groupSpacing = 6
    for i, kleur in enumerate(kleuren):
        grafiek.bars[i].fillColor = kleur
        grafiek.bars[i].strokeColor = None
    tekening.add(grafiek)
    legende = Legend()
    legende.x, legende.y = 1.2 * cm, tekening.height - 0.2 * cm
    legende.fontName, legende.fontSize = "Helvetica", 7.5
    legende.alignment = "right"
    legende.columnMaximum = 1
    legende.deltax = 3.2 * cm
    legende.colorNamePairs = [
        (kleur, winansi(_("aandeel %(wat)s") % {"wat": naam}))
        for kleur, (naam, _w) in zip(kleuren, reeksen, strict=True)
    ]
    tekening.add(legende)
    return tekening


def uren_grafiek(stijl: Stijl, cijfers: GemeenteCijfers) -> Drawing:
    """Cumulative delivered hours over the complete months against the commitment spread
    evenly over the year (pro rata)."""
    maanden = cijfers.inzet.maanden_verstreken
    geleverd = [(0, 0.0)]
    totaal = Decimal(0)
    for maand, uren in enumerate(cijfers.uren_per_maand[:maanden], start=1):
        totaal += uren
        geleverd.append((maand, float(totaal)))
    per_jaar = float(cijfers.inzet.uren_engagement)
    toegezegd = [(maand, per_jaar * maand / 12) for maand in range(13)]

    breedte = BREEDTE - 2 * MARGE
    tekening = Drawing(breedte, 6.5 * cm)
    grafiek = LinePlot()
    grafiek.x, grafiek.y = 1.5 * cm, 1.0 * cm
    grafiek.width, grafiek.height = breedte - 2 * cm, 4.4 * cm
    grafiek.data = [toegezegd, geleverd]
    grafiek.lines[0].strokeColor = colors.HexColor("#7f7f7f")
    grafiek.lines[0].strokeDashArray = [4, 3]
    grafiek.lines[0].strokeWidth = 1.2
    grafiek.lines[1].strokeColor = stijl.merk
    grafiek.lines[1].strokeWidth = 2
    grafiek.xValueAxis.valueMin = 0
    grafiek.xValueAxis.valueMax = 12
    grafiek.xValueAxis.valueSteps = list(range(1, 13))
    grafiek.xValueAxis.labelTextFormat = lambda m: str(MONTHS_3[int(m)]) if 1 <= m <= 12 else ""
    grafiek.xValueAxis.labels.fontName = "Helvetica"
    grafiek.xValueAxis.labels.fontSize = 7
    grafiek.yValueAxis.valueMin = 0
    grafiek.yValueAxis.valueMax = max(per_jaar, float(totaal), 1) * 1.05
    grafiek.yValueAxis.labelTextFormat = lambda w: getal(w)
    grafiek.yValueAxis.labels.fontName = "Helvetica"
    grafiek.yValueAxis.labels.fontSize = 7
    tekening.add(grafiek)
    legende = Legend()
    legende.x, legende.y = 1.5 * cm, 6.3 * cm
    legende.fontName, legende.fontSize = "Helvetica", 7.5
    legende.alignment = "right"
    legende.columnMaximum = 1
    legende.deltax = 6.5 * cm
    legende.colorNamePairs = [
        (colors.HexColor("#7f7f7f"), winansi(_("toegezegd, naar rato (cumulatief)"))),
        (stijl.merk, winansi(_("geleverd, volledige maanden (cumulatief)"))),
    ]
    tekening.add(legende)
    return tekening


# --- Header and footer ----------------------------------------------------------------------------


def _logo(huisstijl: Huisstijl) -> ImageReader | None:
    """The uploaded logo when it is a PNG or JPEG reportlab can read; else None (an SVG or
    WebP logo, or a file that went missing: the name alone then carries the brand)."""
    if not huisstijl.logo or not huisstijl.logo.name.lower().endswith(LOGO_SOORTEN):
        return None
    try:
        with huisstijl.logo.storage.open(huisstijl.logo.name, "rb") as bestand:
            lezer = ImageReader(io.BytesIO(bestand.read()))
        lezer.getSize()
    except (OSError, ValueError, SyntaxError):
        return None
    return lezer


def _passend(tekst: str, lettertype: str, grootte: float, maximum: float) -> tuple[str, float]:
    """Shrink the font (to 7 pt) and then shorten ``tekst`` until it fits ``maximum``."""
    while grootte > 7 and stringWidth(tekst, lettertype, grootte) > maximum:
        grootte -= 0.5
    while len(tekst) > 4 and stringWidth(tekst, lettertype, grootte) > maximum:
        tekst = tekst[:-2] + "…"
    return tekst, grootte


class Rand:
    """What goes on every page: the brand, the gemeente and period above, the date and the
    page number below."""

    def __init__(self, *, huisstijl, merkkleur, gemeente, periode, gemaakt):
        self.naam = winansi(huisstijl.naam)
        self.logo = _logo(huisstijl)
        self.merk = merkkleur
        self.gemeente = winansi(gemeente)
        self.periode = winansi(periode)
        self.gemaakt = winansi(gemaakt)

    def teken(self, c: pdfcanvas.Canvas, pagina: int, totaal: int):
        c.saveState()
        links, rechts = MARGE, BREEDTE - MARGE
        basis = HOOGTE - 1.55 * cm
        x = links
        if self.logo is not None:
            b, h = self.logo.getSize()
            hoogte = 1.1 * cm
            logobreedte = min(hoogte * b / h, 4 * cm)
            c.drawImage(
                self.logo,
                x,
                basis - 0.3 * cm,
                width=logobreedte,
                height=hoogte,
                preserveAspectRatio=True,
                anchor="sw",
                mask="auto",
            )
            x += logobreedte + 0.3 * cm
        naam, grootte = _passend(self.naam, "Helvetica-Bold", 12, (rechts - x) * 0.55)
        c.setFillColor(self.merk)
        c.setFont("Helvetica-Bold", grootte)
        c.drawString(x, basis, naam)

        c.setFillColor(colors.HexColor("#222222"))
        gemeente, grootte = _passend(self.gemeente, "Helvetica-Bold", 10, (rechts - links) * 0.4)
        c.setFont("Helvetica-Bold", grootte)
        c.drawRightString(rechts, basis + 0.1 * cm, gemeente)
        c.setFont("Helvetica", 8)
        c.drawRightString(rechts, basis - 0.35 * cm, self.periode)

        c.setStrokeColor(self.merk)
        c.setLineWidth(1.5)
        c.line(links, HOOGTE - 2.2 * cm, rechts, HOOGTE - 2.2 * cm)

        c.setStrokeColor(colors.HexColor("#bbbbbb"))
        c.setLineWidth(0.5)
        c.line(links, 1.5 * cm, rechts, 1.5 * cm)
        c.setFillColor(colors.HexColor("#444444"))
        c.setFont("Helvetica", 8)
        c.drawString(links, 1.05 * cm, self.gemaakt)
        c.drawRightString(
            rechts,
            1.05 * cm,
            winansi(_("pagina %(pagina)s van %(totaal)s") % {"pagina": pagina, "totaal": totaal}),
        )
        c.restoreState()


class GenummerdCanvas(pdfcanvas.Canvas):
    """Holds back every page until the end, so each can say how many pages there are."""

    def __init__(self, *args, rand: Rand, **kwargs):
        super().__init__(*args, **kwargs)
        self._rand = rand
        self._paginas: list[dict] = []

    def showPage(self):
        self._paginas.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totaal = len(self._paginas)
        for staat in self._paginas:
            self.__dict__.update(staat)
            self._rand.teken(self, self._pageNumber, totaal)
            super().showPage()
        super().save()


# --- The sections ---------------------------------------------------------------------------------


def _sectie(stijl: Stijl, nummer: int, titel: str, uitleg_sleutel: str) -> list:
    return [
        stijl.p(f"{nummer}. {titel}", stijl.h1),
        stijl.p(_("Hoe berekend: %(uitleg)s") % {"uitleg": UITLEG[uitleg_sleutel]}, stijl.uitleg),
    ]


def titelblad(stijl, rapport, gemeente, huisstijl, gemaakt) -> list:
    eigen = rapport.voor(gemeente)
    g = rapport.gebied
    verhouding = procent(eigen.inzet.verhouding)
    signalen_gebied = sum(len(c.signalen) for c in rapport.gemeenten) + len(
        rapport.algemene_signalen
    )
    rijen = [
        [
            _("Toegezegde uren per jaar"),
            getal(eigen.inzet.uren_engagement, 1),
            getal(g.uren_engagement, 1),
        ],
        [
            _("Toegezegd budget per jaar (€)"),
            getal(eigen.inzet.budget_engagement),
            getal(g.budget_engagement),
        ],
        [
            _("Geleverde uren van de verwachte tot nu"),
            van_de(eigen.inzet.uren_geleverd, eigen.inzet.uren_verwacht, 1),
            van_de(g.uren_geleverd, g.uren_verwacht, 1),
        ],
        [
            _("Verhouding geleverd / verwacht (%)"),
            getal(verhouding, 1),
            getal(procent(g.verhouding), 1),
        ],
        [
            _("Momenten in de gemeente per 1.000 kinderen"),
            getal(eigen.aanbod.momenten_in_per_1000_kinderen, 1),
            getal(g.momenten_in_per_1000_kinderen, 1),
        ],
        [
            _("Momenten beschikbaar per 1.000 kinderen"),
            getal(eigen.aanbod.momenten_beschikbaar_per_1000_kinderen, 1),
            ZONDER,
        ],
        [_("Deelnemers (bereik)"), getal(eigen.bereik.ingeschreven), getal(g.bereik)],
        [
            _("Bereikte kinderen per 1.000 kinderen van 0-12"),
            getal(eigen.bereik_per_1000_kinderen, 1),
            getal(g.bereik_per_1000_kinderen, 1),
        ],
        [
            _("Aandeel in de kinderen / in het bereik (%)"),
            f"{getal(eigen.aanbod.aandeel_kinderen, 1)} / {getal(eigen.aandeel_bereik, 1)}",
            ZONDER,
        ],
        [
            _("Minder dan het aandeel in kinderen en kansarmoede"),
            minder_dan_aandeel(eigen),
            ZONDER,
        ],
        [_("Open signalen"), getal(len(eigen.signalen)), getal(signalen_gebied)],
        [
            _("Taken uit de rollenlijst gedaan"),
            van_de(eigen.groei.taken_gedaan, len(eigen.groei.taken)),
            van_de(
                sum(c.groei.taken_gedaan for c in rapport.gemeenten),
                sum(len(c.groei.taken) for c in rapport.gemeenten),
            ),
        ],
    ]
    inhoud = [
        stijl.p(_("Rapport voor %(gemeente)s") % {"gemeente": gemeente.naam}, stijl.titel),
    ]
    if huisstijl.ondertitel:
        inhoud.append(stijl.p(huisstijl.ondertitel, stijl.h2))
    inhoud += [
        stijl.p(
            _(
                "Cijfers van %(huis)s voor het college van burgemeester en schepenen van "
                "%(gemeente)s."
            )
            % {"huis": huisstijl.naam, "gemeente": gemeente.naam}
        ),
        stijl.p(_("Periode: %(periode)s.") % {"periode": periode_tekst(rapport)}),
        stijl.p(_("Signalen en groeimodel: de stand op %(dag)s.") % {"dag": datum(rapport.op)}),
        stijl.p(f"{gemaakt}."),
        Spacer(1, 0.4 * cm),
        stijl.p(_("Kerncijfers"), stijl.h1),
        tabel(
            stijl,
            [_("Kerncijfer"), gemeente.naam, _("Heel het gebied")],
            rijen,
            breedtes=[8.5 * cm, 4.2 * cm, 4.3 * cm],
        ),
        Spacer(1, 0.3 * cm),
        stijl.p(
            _(
                "Elk deel hierna vergelijkt %(gemeente)s met het hele gebied en met de andere "
                "gemeenten, en zegt in één zin hoe de cijfers berekend zijn. Een streepje "
                "(%(streep)s) betekent: dit cijfer bestaat hier niet."
            )
            % {"gemeente": gemeente.naam, "streep": ZONDER},
            stijl.klein,
        ),
        PageBreak(),
    ]
    return inhoud


def inzet(stijl, rapport, gemeente, nummer) -> list:
    eigen = rapport.voor(gemeente)
    g = rapport.gebied
    koppen = [
        _("Gemeente"),
        _("Toegezegd per jaar (uren)"),
        _("Budget per jaar (€)"),
        _("Verwacht tot nu (uren)"),
        _("Geleverd tot nu (uren)"),
        _("Verhouding (%)"),
    ]

    def waarden(c):
        return [
            getal(c.inzet.uren_engagement, 1),
            getal(c.inzet.budget_engagement),
            getal(c.inzet.uren_verwacht, 1),
            getal(c.inzet.uren_geleverd, 1),
            getal(procent(c.inzet.verhouding), 1),
        ]

    gebied = [
        getal(g.uren_engagement, 1),
        getal(g.budget_engagement),
        getal(g.uren_verwacht, 1),
        getal(g.uren_geleverd, 1),
        getal(procent(g.verhouding), 1),
    ]
    maanden = eigen.inzet.maanden_verstreken
    jaar = rapport.periode.inzetjaar
    return [
        *_sectie(stijl, nummer, _("Inzet: uren en budget"), "uren"),
        vergelijking(stijl, rapport, gemeente, koppen, waarden, gebied),
        Spacer(1, 0.3 * cm),
        KeepTogether(
            [
                stijl.p(
                    _("Geleverde en toegezegde uren van %(gemeente)s in %(jaar)s")
                    % {"gemeente": gemeente.naam, "jaar": jaar},
                    stijl.h2,
                ),
                uren_grafiek(stijl, eigen),
                stijl.p(
                    ngettext(
                        "Vergeleken: de eerste volledige maand van %(jaar)s.",
                        "Vergeleken: de %(aantal)s volledige maanden van %(jaar)s.",
                        maanden,
                    )
                    % {"aantal": maanden, "jaar": jaar}
                    if maanden
                    else _("Van %(jaar)s is nog geen volledige maand voorbij.") % {"jaar": jaar},
                    stijl.klein,
                ),
            ]
        ),
    ]


def aanbod(stijl, rapport, gemeente, nummer) -> list:
    eigen = rapport.voor(gemeente)
    g = rapport.gebied
    koppen = [
        _("Gemeente"),
        _("Activiteiten in de gemeente"),
        _("Momenten in de gemeente"),
        _("Momenten in, per 1.000 kinderen"),
        _("Activiteiten beschikbaar"),
        _("Momenten beschikbaar"),
        _("Beschikbaar, per 1.000 kinderen"),
    ]

    def waarden(c):
        a = c.aanbod
        return [
            getal(a.activiteiten_in),
            getal(a.momenten_in),
            getal(a.momenten_in_per_1000_kinderen, 1),
            getal(a.activiteiten_beschikbaar),
            getal(a.momenten_beschikbaar),
            getal(a.momenten_beschikbaar_per_1000_kinderen, 1),
        ]

    gebied = [
        ZONDER,
        getal(g.momenten_in),
        getal(g.momenten_in_per_1000_kinderen, 1),
        ZONDER,
        ZONDER,
        ZONDER,
    ]
    kinderen = eigen.gemeente.kinderen_0_12
    per_pijler = [
        [
            pijler_naam(p),
            getal(eigen.aanbod.momenten_in_per_pijler.get(p, 0)),
            getal(eigen.aanbod.momenten_beschikbaar_per_pijler.get(p, 0)),
            getal(per_1000(eigen.aanbod.momenten_beschikbaar_per_pijler.get(p, 0), kinderen), 1),
            getal(g.momenten_in_per_pijler.get(p, 0)),
            getal(per_1000(g.momenten_in_per_pijler.get(p, 0), g.kinderen_0_12), 1),
        ]
        for p in Pijler.values
    ]
    return [
        *_sectie(stijl, nummer, _("Aanbod"), "aanbod"),
        vergelijking(stijl, rapport, gemeente, koppen, waarden, gebied, eerste_breedte=3.4 * cm),
        stijl.p(
            _("Per pijler: %(gemeente)s en het hele gebied") % {"gemeente": gemeente.naam},
            stijl.h2,
        ),
        tabel(
            stijl,
            [
                _("Pijler"),
                _("Momenten in %(gemeente)s") % {"gemeente": gemeente.naam},
                _("Beschikbaar voor %(gemeente)s") % {"gemeente": gemeente.naam},
                _("Beschikbaar, per 1.000 kinderen"),
                _("Momenten in het gebied"),
                _("In het gebied, per 1.000 kinderen"),
            ],
            per_pijler,
            eerste_breedte=4.7 * cm,
        ),
    ]


def per_1000(aantal, kinderen) -> float | None:
    """Per 1,000 children, rounded as the selectors round it."""
    return round(1000 * aantal / kinderen, 1) if kinderen else None


def bereik(stijl, rapport, gemeente, nummer) -> list:
    eigen = rapport.voor(gemeente)
    g = rapport.gebied
    koppen = [
        _("Gemeente"),
        _("Deelnemers"),
        _("Bereikte kinderen (tot 18 jaar)"),
        _("Bereikte kinderen per 1.000 kinderen van 0-12"),
        _("Aandeel in het bereik (%)"),
    ]

    def waarden(c):
        return [
            getal(c.bereik.ingeschreven),
            getal(c.kinderen_bereikt),
            getal(c.bereik_per_1000_kinderen, 1),
            getal(c.aandeel_bereik, 1),
        ]

    gebied = [
        getal(g.bereik),
        getal(g.kinderen_bereikt),
        getal(g.bereik_per_1000_kinderen, 1),
        getal(100 if g.bereik else None, 1),
    ]
    eigen_per_1000 = eigen.bereik_per_pijler_per_1000()
    per_pijler = [
        [
            pijler_naam(p),
            getal(eigen.bereik.per_pijler.get(p, 0)),
            getal(eigen_per_1000[p], 1),
            getal(g.bereik_per_pijler.get(p, 0)),
            getal(per_1000(g.bereik_per_pijler.get(p, 0), g.kinderen_0_12), 1),
        ]
        for p in Pijler.values
    ]
    per_leeftijd = [
        [
            capfirst(label),
            getal(eigen.bereik.per_leeftijdsgroep.get(groep, 0)),
            getal(g.bereik_per_leeftijdsgroep.get(groep, 0)),
        ]
        for groep, label in Leeftijdsgroep.choices
    ]
    inhoud = [
        *_sectie(stijl, nummer, _("Bereik"), "bereik"),
        vergelijking(stijl, rapport, gemeente, koppen, waarden, gebied),
    ]
    if g.bereik_elders:
        inhoud.append(
            stijl.p(
                ngettext(
                    "Daarnaast kwam %(aantal)s deelnemer van buiten de gemeenten van het Huis "
                    "(niet in het totaal).",
                    "Daarnaast kwamen %(aantal)s deelnemers van buiten de gemeenten van het Huis "
                    "(niet in het totaal).",
                    g.bereik_elders,
                )
                % {"aantal": getal(g.bereik_elders)},
                stijl.klein,
            )
        )
    inhoud += [
        stijl.p(_("Per pijler: deelnemers en per 1.000 kinderen"), stijl.h2),
        tabel(
            stijl,
            [
                _("Pijler"),
                gemeente.naam,
                _("%(gemeente)s, per 1.000 kinderen") % {"gemeente": gemeente.naam},
                _("Heel het gebied"),
                _("Gebied, per 1.000 kinderen"),
            ],
            per_pijler,
            eerste_breedte=4.7 * cm,
        ),
        stijl.p(_("Per leeftijdsgroep: deelnemers"), stijl.h2),
        tabel(
            stijl,
            [_("Leeftijdsgroep"), gemeente.naam, _("Heel het gebied")],
            per_leeftijd,
            breedtes=[6 * cm, 4 * cm, 4 * cm],
        ),
    ]
    return inhoud


def minder_dan_aandeel(c: GemeenteCijfers) -> str:
    """What a gemeente gets less of than its share: "aanbod en bereik", "aanbod", …"""
    aanbod_te_weinig = c.aanbod.minder_dan_aandeel
    bereik_te_weinig = c.minder_bereik_dan_aandeel
    if aanbod_te_weinig and bereik_te_weinig:
        return _("aanbod en bereik")
    if aanbod_te_weinig:
        return _("aanbod")
    if bereik_te_weinig:
        return _("bereik")
    return _("nee")


def markering(c: GemeenteCijfers) -> str:
    """The sentence that flags a gemeente that gets less than its share, or ""."""
    delen = []
    if c.aanbod.minder_dan_aandeel:
        delen.append(
            _("minder aanbod (%(aandeel)s %%)") % {"aandeel": getal(c.aanbod.aandeel_momenten, 1)}
        )
    if c.minder_bereik_dan_aandeel:
        delen.append(_("minder bereik (%(aandeel)s %%)") % {"aandeel": getal(c.aandeel_bereik, 1)})
    if not delen:
        return ""
    wat = _(" en ").join(delen)
    if c.aanbod.aandeel_kansarmoede is None:
        return _(
            "%(gemeente)s krijgt %(wat)s dan haar aandeel in de kinderen (%(kinderen)s %%)."
        ) % {
            "gemeente": c.gemeente.naam,
            "wat": wat,
            "kinderen": getal(c.aanbod.aandeel_kinderen, 1),
        }
    return _(
        "%(gemeente)s krijgt %(wat)s dan haar aandeel in de kinderen (%(kinderen)s %%) en in "
        "de kansarmoede (%(armoede)s %%)."
    ) % {
        "gemeente": c.gemeente.naam,
        "wat": wat,
        "kinderen": getal(c.aanbod.aandeel_kinderen, 1),
        "armoede": getal(c.aanbod.aandeel_kansarmoede, 1),
    }


def billijkheid(stijl, rapport, gemeente, nummer) -> list:
    eigen = rapport.voor(gemeente)
    koppen = [
        _("Gemeente"),
        _("Aandeel kinderen 0-12 (%)"),
        _("Aandeel kansarmoede (%)"),
        _("Aandeel momenten (%)"),
        _("Aandeel bereik (%)"),
        _("Minder dan het aandeel"),
    ]

    def waarden(c):
        return [
            getal(c.aanbod.aandeel_kinderen, 1),
            getal(c.aanbod.aandeel_kansarmoede, 1),
            getal(c.aanbod.aandeel_momenten, 1),
            getal(c.aandeel_bereik, 1),
            minder_dan_aandeel(c),
        ]

    g = rapport.gebied
    honderd = getal(100, 1)
    gebied = [
        honderd if g.kinderen_0_12 else ZONDER,
        honderd if rapport.kansarmoede_volledig and g.kinderen_0_12 else ZONDER,
        honderd if g.momenten_in else ZONDER,
        honderd if g.bereik else ZONDER,
        ZONDER,
    ]
    inhoud = [
        *_sectie(stijl, nummer, _("Billijkheid"), "billijkheid"),
        vergelijking(
            stijl,
            rapport,
            gemeente,
            koppen,
            waarden,
            gebied,
            eerste_breedte=3.4 * cm,
            rechts_tot=5,
        ),
        Spacer(1, 0.2 * cm),
    ]
    eigen_markering = markering(eigen)
    if eigen_markering:
        inhoud.append(stijl.p(eigen_markering, stijl.let_op))
    else:
        inhoud.append(
            stijl.p(
                _(
                    "%(gemeente)s krijgt niet minder aanbod of bereik dan haar aandeel in de "
                    "kinderen en de kansarmoede."
                )
                % {"gemeente": gemeente.naam}
            )
        )
    anderen = [c.gemeente.naam for c in rapport.anderen(gemeente) if markering(c)]
    if anderen:
        inhoud.append(
            stijl.p(
                _("Ook minder dan hun aandeel: %(gemeenten)s.") % {"gemeenten": ", ".join(anderen)}
            )
        )
    if not rapport.kansarmoede_volledig:
        inhoud.append(
            stijl.p(
                _(
                    "Niet elke gemeente heeft een kansarmoede-index: het aandeel in de "
                    "kansarmoede wordt daarom niet getoond."
                ),
                stijl.klein,
            )
        )
    inhoud.append(
        KeepTogether(
            [
                stijl.p(_("Aandelen per gemeente (%)"), stijl.h2),
                aandelen_grafiek(stijl, rapport, gemeente),
            ]
        )
    )
    return inhoud


def mobiliteit(stijl, rapport, gemeente, nummer) -> list:
    koppen = [_("Gemeente")] + [
        _("%(pijler)s (km)") % {"pijler": pijler_naam(p)} for p in Pijler.values
    ]

    def waarden(c):
        return [getal(c.aanbod.afstand_km.get(p), 1) for p in Pijler.values]

    gemiddeld = [getal(km, 1) for km in gemiddelde_afstand(rapport).values()]
    return [
        *_sectie(stijl, nummer, _("Mobiliteit"), "mobiliteit"),
        vergelijking(
            stijl,
            rapport,
            gemeente,
            koppen,
            waarden,
            gemiddeld,
            gebied_label=_("Gemiddelde van de gemeenten"),
        ),
        Spacer(1, 0.2 * cm),
        stijl.p(
            _(
                "Een streepje: geen aanbod van die pijler met een gekende plek, of de gemeente "
                "heeft geen coördinaten."
            ),
            stijl.klein,
        ),
    ]


def bestuur(stijl, rapport, gemeente, nummer) -> list:
    eigen = rapport.voor(gemeente)
    koppen = [
        _("Gemeente"),
        _("Open signalen"),
        _("Partners die er werken"),
        _("Ontbrekende soorten partners"),
    ]

    def waarden(c):
        return [
            getal(len(c.signalen)),
            getal(c.partners.aantal_partners),
            stijl.p(
                ", ".join(soort_naam(s) for s in c.partners.ontbrekende_soorten) or ZONDER,
                stijl.cel,
            ),
        ]

    totaal = sum(len(c.signalen) for c in rapport.gemeenten) + len(rapport.algemene_signalen)
    gebied = [getal(totaal), ZONDER, ZONDER]
    inhoud = [
        *_sectie(stijl, nummer, _("Bestuur"), "bestuur"),
        vergelijking(
            stijl,
            rapport,
            gemeente,
            koppen,
            waarden,
            gebied,
            breedtes=[4.2 * cm, 2.4 * cm, 2.8 * cm, 7.6 * cm],
            rechts_tot=3,
        ),
        Spacer(1, 0.2 * cm),
        stijl.p(_("Open signalen voor %(gemeente)s") % {"gemeente": gemeente.naam}, stijl.h2),
    ]
    if eigen.signalen:
        inhoud += [stijl.p(f"• {s.tekst}") for s in eigen.signalen]
    else:
        inhoud.append(
            stijl.p(
                _("Er zijn geen open signalen voor %(gemeente)s.") % {"gemeente": gemeente.naam}
            )
        )
    if rapport.algemene_signalen:
        inhoud.append(stijl.p(_("Signalen voor het hele gebied"), stijl.h2))
        inhoud += [stijl.p(f"• {s.tekst}") for s in rapport.algemene_signalen]
    inhoud.append(stijl.p(_("Blinde vlekken bij de partners"), stijl.h2))
    if eigen.partners.ontbrekende_soorten:
        inhoud.append(
            stijl.p(
                _(
                    "Soorten partners die elders in het gebied werken, maar niet in "
                    "%(gemeente)s: %(soorten)s."
                )
                % {
                    "gemeente": gemeente.naam,
                    "soorten": ", ".join(soort_naam(s) for s in eigen.partners.ontbrekende_soorten),
                }
            )
        )
    else:
        inhoud.append(
            stijl.p(
                _("Elke soort partner die in het gebied werkt, werkt ook in %(gemeente)s.")
                % {"gemeente": gemeente.naam}
            )
        )
    return inhoud


def groeimodel(stijl, rapport, gemeente, nummer) -> list:
    eigen = rapport.voor(gemeente)
    jaar = rapport.periode.inzetjaar
    koppen = [
        _("Gemeente"),
        _("Zelfevaluatie %(jaar)s in de fase") % {"jaar": jaar},
        _("Taken gedaan"),
        _("Verwachtingen ingelost"),
    ]

    def waarden(c):
        evaluatie = c.groei.zelfevaluatie
        return [
            evaluatie.get_fase_display() if evaluatie else _("geen"),
            van_de(c.groei.taken_gedaan, len(c.groei.taken)),
            van_de(c.groei.verwachtingen_ingelost, len(c.groei.verwachtingen)),
        ]

    alle = rapport.gemeenten
    geevalueerd = sum(1 for c in alle if c.groei.zelfevaluatie)
    gebied = [
        ngettext("%(aantal)s gemeente", "%(aantal)s gemeenten", geevalueerd)
        % {"aantal": geevalueerd},
        van_de(sum(c.groei.taken_gedaan for c in alle), sum(len(c.groei.taken) for c in alle)),
        van_de(
            sum(c.groei.verwachtingen_ingelost for c in alle),
            sum(len(c.groei.verwachtingen) for c in alle),
        ),
    ]
    inhoud = [
        *_sectie(stijl, nummer, _("Groeimodel"), "groei"),
        stijl.p(fase_tekst(rapport), stijl.bij_tabel),
        vergelijking(stijl, rapport, gemeente, koppen, waarden, gebied, rechts_vanaf=2),
        stijl.p(
            _("Rollenlijst van %(gemeente)s voor %(jaar)s")
            % {"gemeente": gemeente.naam, "jaar": jaar},
            stijl.h2,
        ),
    ]
    if eigen.groei.taken:
        inhoud.append(
            tabel(
                stijl,
                [_("Rol"), _("Taak"), _("Gedaan")],
                [
                    [
                        taak.get_rol_display(),
                        stijl.p(taak.tekst, stijl.cel),
                        _("ja") if gedaan else _("nee"),
                    ]
                    for taak, gedaan in eigen.groei.taken
                ],
                breedtes=[3.5 * cm, 11 * cm, 2.5 * cm],
                rechts_vanaf=3,
            )
        )
    else:
        inhoud.append(
            stijl.p(
                _("%(gemeente)s vulde voor %(jaar)s nog geen zelfevaluatie in.")
                % {"gemeente": gemeente.naam, "jaar": jaar}
            )
        )
    inhoud.append(
        stijl.p(
            _("Verwachtingen van %(gemeente)s voor %(jaar)s")
            % {"gemeente": gemeente.naam, "jaar": jaar},
            stijl.h2,
        )
    )
    if eigen.groei.verwachtingen:
        inhoud.append(
            tabel(
                stijl,
                [_("Verwachting"), _("Ingelost?")],
                [
                    [stijl.p(v.verwachting, stijl.cel), v.get_ingelost_display()]
                    for v in eigen.groei.verwachtingen
                ],
                breedtes=[12.5 * cm, 4.5 * cm],
                rechts_vanaf=2,
            )
        )
    else:
        inhoud.append(
            stijl.p(
                _("Er zijn geen verwachtingen van %(gemeente)s voor %(jaar)s.")
                % {"gemeente": gemeente.naam, "jaar": jaar}
            )
        )
    return inhoud


SECTIES = [inzet, aanbod, bereik, billijkheid, mobiliteit, bestuur, groeimodel]


def gemeenterapport_pdf(
    *,
    rapport: Rapport,
    gemeente: Gemeente,
    gemaakt_op: dt.datetime,
    huisstijl: Huisstijl | None = None,
) -> bytes:
    """The report for ``gemeente`` as an A4 PDF. ``huisstijl`` defaults to the stored one
    (one query)."""
    huisstijl = huisstijl or Huisstijl.huidige()
    merk = _kleur(huisstijl.kleur)
    stijl = Stijl(merk)
    gemaakt = gemaakt_tekst(gemaakt_op)
    rand = Rand(
        huisstijl=huisstijl,
        merkkleur=merk,
        gemeente=gemeente.naam,
        periode=periode_tekst(rapport),
        gemaakt=gemaakt,
    )

    verhaal = titelblad(stijl, rapport, gemeente, huisstijl, gemaakt)
    for nummer, sectie in enumerate(SECTIES, start=1):
        verhaal += sectie(stijl, rapport, gemeente, nummer)

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGE,
        rightMargin=MARGE,
        topMargin=BOVENMARGE,
        bottomMargin=ONDERMARGE,
        title=winansi(
            _("Rapport %(gemeente)s, %(periode)s")
            % {"gemeente": gemeente.naam, "periode": periode_tekst(rapport)}
        ),
        author=winansi(huisstijl.naam),
        subject=winansi(_("Cijfers voor mandatarissen")),
        creator=winansi(huisstijl.naam),
        lang="nl-BE",
    )
    document.build(verhaal, canvasmaker=partial(GenummerdCanvas, rand=rand))
    return buffer.getvalue()

"""All figures of the report as an Excel workbook: one sheet per section.

A first sheet "Toelichting" gives the period, when the file was made and how every figure is
computed (``UITLEG``). Every other sheet has a bold, frozen header row, one row per gemeente
and, where adding up makes sense, a row for the whole area; under the table the sentence that
explains it. Numbers stay numbers (never text) with a number format; percentages are numbers
such as 66.7 with "(%)" in the column header.
"""

import datetime as dt
import io
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from aanbod.exports import is_gevaarlijk
from aanbod.models import Leeftijdsgroep, Pijler
from communicatie.models import Huisstijl
from gemeenten.models import Partner
from rapportages.pdf import fase_tekst, gemiddelde_afstand, periode_tekst
from rapportages.selectors import UITLEG, GemeenteCijfers, Rapport

GEHEEL = "#,##0"
EEN_DECIMAAL = "#,##0.0"
DATUM = "dd/mm/yyyy"
DATUM_TIJD = "dd/mm/yyyy hh:mm"
MIN_BREEDTE = 10
MAX_BREEDTE = 45


@dataclass(frozen=True)
class Kolom:
    """One column: its header, its number format (None for text) and its value per
    gemeente."""

    kop: str
    waarde: Callable[[GemeenteCijfers], object]
    formaat: str | None = None


def _getal(waarde):
    """Decimals as floats (Excel has no other number); None stays an empty cell."""
    if isinstance(waarde, Decimal):
        return float(waarde)
    return waarde


def _procent(verhouding) -> float | None:
    """A ratio (1 = 100 %) as a percentage with one decimal."""
    return None if verhouding is None else round(float(verhouding) * 100, 1)


def _per_1000(aantal, kinderen) -> float | None:
    """Per 1,000 children, rounded as the selectors round it."""
    return round(1000 * aantal / kinderen, 1) if kinderen else None


def _ja_nee(waar: bool) -> str:
    return _("ja") if waar else _("nee")


def _pijler(pijler: str) -> str:
    return capfirst(Pijler(pijler).label)


# --- Writing -------------------------------------------------------------------------------------


class Blad:
    """A sheet being written row by row; it remembers the widest value of every column."""

    def __init__(self, boek: Workbook, titel: str):
        self.blad = boek.create_sheet(titel)
        self.rij = 1
        self.breedtes: dict[int, int] = {}

    def cel(self, rij: int, kolom: int, waarde, formaat: str | None = None):
        if isinstance(waarde, str):
            # Control characters make openpyxl refuse the whole file.
            waarde = ILLEGAL_CHARACTERS_RE.sub("", waarde)
        cel = self.blad.cell(row=rij, column=kolom, value=_getal(waarde))
        if formaat and waarde is not None and not isinstance(waarde, str):
            cel.number_format = formaat
        if is_gevaarlijk(waarde):
            # Text from people (names, warnings) is never read as a formula.
            cel.data_type = "s"
            cel.quotePrefix = True
        return cel

    def _meet(self, kolom: int, lengte: int):
        self.breedtes[kolom] = max(self.breedtes.get(kolom, 0), lengte)

    def tabel(
        self,
        koppen: Sequence[str],
        rijen: Iterable[Sequence],
        formaten: Sequence[str | None],
        *,
        vet: Iterable[int] = (),
        bevries: bool = False,
    ) -> int:
        """Write a header row and ``rijen`` from the current row on; ``vet`` are indexes of
        rows (in ``rijen``) set in bold, such as the area's. Returns the header's row."""
        kop_rij = self.rij
        vetgedrukt = Font(bold=True)
        kopvulling = PatternFill("solid", fgColor="DDE7F0")
        for kolom, kop in enumerate(koppen, start=1):
            cel = self.cel(kop_rij, kolom, kop)
            cel.font = vetgedrukt
            cel.fill = kopvulling
            cel.alignment = Alignment(wrap_text=True, vertical="top")
            # A header may wrap over two or three lines: count its longest word and a third.
            self._meet(kolom, max(max(map(len, kop.split()), default=0), math.ceil(len(kop) / 3)))
        self.blad.row_dimensions[kop_rij].height = 45
        vet = set(vet)
        for index, rij in enumerate(rijen):
            self.rij += 1
            for kolom, (waarde, formaat) in enumerate(zip(rij, formaten, strict=True), start=1):
                cel = self.cel(self.rij, kolom, waarde, formaat)
                if index in vet:
                    cel.font = vetgedrukt
                if isinstance(waarde, str):
                    lang = len(waarde) > MAX_BREEDTE or "\n" in waarde
                    cel.alignment = Alignment(wrap_text=lang, vertical="top")
                    self._meet(kolom, min(len(waarde), MAX_BREEDTE))
                elif waarde is not None:
                    self._meet(kolom, len(f"{_getal(waarde):,.1f}"))
        if bevries:
            self.blad.freeze_panes = self.blad.cell(row=kop_rij + 1, column=2)
        self.rij += 2
        return kop_rij

    def notitie(self, tekst: str, breedte_kolommen: int):
        """A sentence under a table, over the width of the table, wrapped."""
        cel = self.cel(self.rij, 1, str(tekst))
        cel.alignment = Alignment(wrap_text=True, vertical="top")
        cel.font = Font(italic=True)
        if breedte_kolommen > 1:
            self.blad.merge_cells(
                start_row=self.rij, start_column=1, end_row=self.rij, end_column=breedte_kolommen
            )
        # Roughly one character per unit of column width fits on a line.
        breedte = sum(self._breedte(k) for k in range(1, breedte_kolommen + 1))
        lijnen = math.ceil(len(str(tekst)) / max(breedte, 1)) + 1
        self.blad.row_dimensions[self.rij].height = 15 * lijnen
        self.rij += 2

    def titel(self, tekst: str):
        cel = self.cel(self.rij, 1, str(tekst))
        cel.font = Font(bold=True, size=12)
        self.rij += 1

    def _breedte(self, kolom: int) -> int:
        return min(max(self.breedtes.get(kolom, 0) + 2, MIN_BREEDTE), MAX_BREEDTE)

    def breedtes_zetten(self):
        for kolom in self.breedtes:
            self.blad.column_dimensions[get_column_letter(kolom)].width = self._breedte(kolom)


def _sectieblad(
    boek: Workbook,
    titel: str,
    cijfers: list[GemeenteCijfers],
    kolommen: Sequence[Kolom],
    gebied: tuple[str, Sequence] | None,
    uitleg: str,
) -> Blad:
    """A section's sheet: a row per gemeente, then the area row (label and values) when
    given, then the explanation."""
    blad = Blad(boek, titel)
    koppen = [_("Gemeente"), *(k.kop for k in kolommen)]
    formaten = [None, *(k.formaat for k in kolommen)]
    rijen = [[c.gemeente.naam, *(k.waarde(c) for k in kolommen)] for c in cijfers]
    vet = []
    if gebied is not None:
        label, waarden = gebied
        vet.append(len(rijen))
        rijen.append([label, *waarden])
    blad.tabel(koppen, rijen, formaten, vet=vet, bevries=True)
    blad.notitie(uitleg, len(koppen))
    return blad


# --- The sheets ----------------------------------------------------------------------------------


def _inzet(boek, rapport: Rapport, cijfers):
    g = rapport.gebied
    jaar = rapport.periode.inzetjaar
    kolommen = [
        Kolom(_("Toegezegd per jaar (uren)"), lambda c: c.inzet.uren_engagement, EEN_DECIMAAL),
        Kolom(_("Budget per jaar (€)"), lambda c: c.inzet.budget_engagement, GEHEEL),
        Kolom(_("Volledige maanden vergeleken"), lambda c: c.inzet.maanden_verstreken, GEHEEL),
        Kolom(_("Verwacht tot nu (uren)"), lambda c: c.inzet.uren_verwacht, EEN_DECIMAAL),
        Kolom(_("Geleverd tot nu (uren)"), lambda c: c.inzet.uren_geleverd, EEN_DECIMAAL),
        Kolom(_("Verhouding (%)"), lambda c: _procent(c.inzet.verhouding), EEN_DECIMAAL),
    ]
    for index in range(12):
        kolommen.append(
            Kolom(
                _("Geleverd %(maand)s/%(jaar)s (uren)")
                % {"maand": f"{index + 1:02d}", "jaar": jaar},
                lambda c, i=index: c.uren_per_maand[i],
                EEN_DECIMAAL,
            )
        )
    maanden_verstreken = cijfers[0].inzet.maanden_verstreken if cijfers else None
    gebied = (
        _("Heel het gebied"),
        [
            g.uren_engagement,
            g.budget_engagement,
            maanden_verstreken,
            g.uren_verwacht,
            g.uren_geleverd,
            _procent(g.verhouding),
            *g.uren_per_maand,
        ],
    )
    blad = _sectieblad(boek, _("Inzet"), cijfers, kolommen, gebied, UITLEG["uren"])
    blad.notitie(
        _(
            "De uren per maand tonen alles wat ingevoerd is, ook van een maand die nog niet "
            "voorbij is; de verhouding vergelijkt alleen de volledige maanden."
        ),
        len(kolommen) + 1,
    )
    return blad


def _aanbod(boek, rapport: Rapport, cijfers):
    g = rapport.gebied
    kolommen = [
        Kolom(_("Kinderen 0-12 jaar"), lambda c: c.gemeente.kinderen_0_12, GEHEEL),
        Kolom(_("Activiteiten in de gemeente"), lambda c: c.aanbod.activiteiten_in, GEHEEL),
        Kolom(_("Momenten in de gemeente"), lambda c: c.aanbod.momenten_in, GEHEEL),
        Kolom(
            _("Momenten in de gemeente per 1.000 kinderen"),
            lambda c: c.aanbod.momenten_in_per_1000_kinderen,
            EEN_DECIMAAL,
        ),
        Kolom(_("Activiteiten beschikbaar"), lambda c: c.aanbod.activiteiten_beschikbaar, GEHEEL),
        Kolom(_("Momenten beschikbaar"), lambda c: c.aanbod.momenten_beschikbaar, GEHEEL),
        Kolom(
            _("Momenten beschikbaar per 1.000 kinderen"),
            lambda c: c.aanbod.momenten_beschikbaar_per_1000_kinderen,
            EEN_DECIMAAL,
        ),
    ]
    gebied_waarden = [g.kinderen_0_12, None, g.momenten_in, g.momenten_in_per_1000_kinderen]
    gebied_waarden += [None, None, None]
    for p in Pijler.values:
        kolommen.append(
            Kolom(
                _("Momenten in de gemeente: %(pijler)s") % {"pijler": _pijler(p)},
                lambda c, p=p: c.aanbod.momenten_in_per_pijler.get(p, 0),
                GEHEEL,
            )
        )
        gebied_waarden.append(g.momenten_in_per_pijler.get(p, 0))
    for p in Pijler.values:
        kolommen.append(
            Kolom(
                _("Activiteiten beschikbaar: %(pijler)s") % {"pijler": _pijler(p)},
                lambda c, p=p: c.aanbod.activiteiten_beschikbaar_per_pijler.get(p, 0),
                GEHEEL,
            )
        )
        gebied_waarden.append(None)
    for p in Pijler.values:
        kolommen.append(
            Kolom(
                _("Momenten beschikbaar: %(pijler)s") % {"pijler": _pijler(p)},
                lambda c, p=p: c.aanbod.momenten_beschikbaar_per_pijler.get(p, 0),
                GEHEEL,
            )
        )
        gebied_waarden.append(None)
    for p in Pijler.values:
        kolommen.append(
            Kolom(
                _("Momenten beschikbaar per 1.000 kinderen: %(pijler)s") % {"pijler": _pijler(p)},
                lambda c, p=p: _per_1000(
                    c.aanbod.momenten_beschikbaar_per_pijler.get(p, 0), c.gemeente.kinderen_0_12
                ),
                EEN_DECIMAAL,
            )
        )
        gebied_waarden.append(None)
    blad = _sectieblad(
        boek,
        _("Aanbod"),
        cijfers,
        kolommen,
        (_("Heel het gebied"), gebied_waarden),
        UITLEG["aanbod"],
    )
    blad.notitie(
        _(
            "Het gebied heeft geen cijfer voor 'beschikbaar': hetzelfde aanbod is voor "
            "meerdere gemeenten beschikbaar en optellen zou het dubbel tellen."
        ),
        len(kolommen) + 1,
    )
    return blad


def _bereik(boek, rapport: Rapport, cijfers):
    g = rapport.gebied
    kolommen = [
        Kolom(_("Kinderen 0-12 jaar"), lambda c: c.gemeente.kinderen_0_12, GEHEEL),
        Kolom(_("Deelnemers"), lambda c: c.bereik.ingeschreven, GEHEEL),
        Kolom(_("Aanwezig"), lambda c: c.bereik.aanwezig, GEHEEL),
        Kolom(_("Bereikte kinderen (tot 18 jaar)"), lambda c: c.kinderen_bereikt, GEHEEL),
        Kolom(
            _("Bereikte kinderen per 1.000 kinderen van 0-12"),
            lambda c: c.bereik_per_1000_kinderen,
            EEN_DECIMAAL,
        ),
        Kolom(_("Aandeel in het bereik (%)"), lambda c: c.aandeel_bereik, EEN_DECIMAAL),
    ]
    gebied_waarden = [
        g.kinderen_0_12,
        g.bereik,
        sum(c.bereik.aanwezig for c in cijfers),
        g.kinderen_bereikt,
        g.bereik_per_1000_kinderen,
        100.0 if g.bereik else None,
    ]
    for p in Pijler.values:
        kolommen.append(
            Kolom(
                _("Deelnemers: %(pijler)s") % {"pijler": _pijler(p)},
                lambda c, p=p: c.bereik.per_pijler.get(p, 0),
                GEHEEL,
            )
        )
        gebied_waarden.append(g.bereik_per_pijler.get(p, 0))
    for p in Pijler.values:
        kolommen.append(
            Kolom(
                _("Deelnemers per 1.000 kinderen: %(pijler)s") % {"pijler": _pijler(p)},
                lambda c, p=p: c.bereik_per_pijler_per_1000()[p],
                EEN_DECIMAAL,
            )
        )
        gebied_waarden.append(_per_1000(g.bereik_per_pijler.get(p, 0), g.kinderen_0_12))
    for groep, label in Leeftijdsgroep.choices:
        kolommen.append(
            Kolom(
                _("Deelnemers: %(groep)s") % {"groep": label},
                lambda c, groep=groep: c.bereik.per_leeftijdsgroep.get(groep, 0),
                GEHEEL,
            )
        )
        gebied_waarden.append(g.bereik_per_leeftijdsgroep.get(groep, 0))
    blad = _sectieblad(
        boek,
        _("Bereik"),
        cijfers,
        kolommen,
        (_("Heel het gebied"), gebied_waarden),
        UITLEG["bereik"],
    )
    blad.notitie(
        _(
            "Deelnemers van buiten de gemeenten van het Huis (niet in het gebied geteld): "
            "%(aantal)s."
        )
        % {"aantal": g.bereik_elders},
        len(kolommen) + 1,
    )
    return blad


def _billijkheid(boek, rapport: Rapport, cijfers):
    g = rapport.gebied
    kolommen = [
        Kolom(_("Kinderen 0-12 jaar"), lambda c: c.gemeente.kinderen_0_12, GEHEEL),
        Kolom(
            _("Kansarmoede-index (%)"),
            lambda c: c.gemeente.kansarmoede_index,
            EEN_DECIMAAL,
        ),
        Kolom(_("Aandeel kinderen (%)"), lambda c: c.aanbod.aandeel_kinderen, EEN_DECIMAAL),
        Kolom(_("Aandeel kansarmoede (%)"), lambda c: c.aanbod.aandeel_kansarmoede, EEN_DECIMAAL),
        Kolom(_("Aandeel momenten (%)"), lambda c: c.aanbod.aandeel_momenten, EEN_DECIMAAL),
        Kolom(_("Aandeel bereik (%)"), lambda c: c.aandeel_bereik, EEN_DECIMAAL),
        Kolom(
            _("Minder aanbod dan het aandeel"),
            lambda c: _ja_nee(c.aanbod.minder_dan_aandeel),
        ),
        Kolom(
            _("Minder bereik dan het aandeel"),
            lambda c: _ja_nee(c.minder_bereik_dan_aandeel),
        ),
    ]
    honderd = 100.0
    gebied_waarden = [
        g.kinderen_0_12,
        None,
        honderd if g.kinderen_0_12 else None,
        honderd if rapport.kansarmoede_volledig and g.kinderen_0_12 else None,
        honderd if g.momenten_in else None,
        honderd if g.bereik else None,
        None,
        None,
    ]
    blad = _sectieblad(
        boek,
        _("Billijkheid"),
        cijfers,
        kolommen,
        (_("Heel het gebied"), gebied_waarden),
        UITLEG["billijkheid"],
    )
    if not rapport.kansarmoede_volledig:
        blad.notitie(
            _(
                "Niet elke gemeente heeft een kansarmoede-index: het aandeel in de kansarmoede "
                "blijft daarom leeg."
            ),
            len(kolommen) + 1,
        )
    return blad


def _mobiliteit(boek, rapport: Rapport, cijfers):
    kolommen = [
        Kolom(
            _("Afstand tot het dichtste aanbod: %(pijler)s (km)") % {"pijler": _pijler(p)},
            lambda c, p=p: c.aanbod.afstand_km.get(p),
            EEN_DECIMAAL,
        )
        for p in Pijler.values
    ]
    gemiddeld = list(gemiddelde_afstand(rapport).values())
    blad = _sectieblad(
        boek,
        _("Mobiliteit"),
        cijfers,
        kolommen,
        (_("Gemiddelde van de gemeenten"), gemiddeld),
        UITLEG["mobiliteit"],
    )
    blad.notitie(
        _(
            "Een lege cel: geen aanbod van die pijler met een gekende plek, of de gemeente "
            "heeft geen coördinaten."
        ),
        len(kolommen) + 1,
    )
    return blad


def _bestuur(boek, rapport: Rapport, cijfers):
    kolommen = [
        Kolom(_("Open signalen"), lambda c: len(c.signalen), GEHEEL),
        Kolom(_("Signalen"), lambda c: "\n".join(s.tekst for s in c.signalen)),
        Kolom(_("Partners die er werken"), lambda c: c.partners.aantal_partners, GEHEEL),
        Kolom(
            _("Ontbrekende soorten partners (blinde vlekken)"),
            lambda c: ", ".join(
                str(Partner.Soort(s).label) for s in c.partners.ontbrekende_soorten
            ),
        ),
    ]
    algemeen = rapport.algemene_signalen
    gebied_waarden = [
        sum(len(c.signalen) for c in cijfers) + len(algemeen),
        (
            _("Voor het gebied als geheel: %(signalen)s")
            % {"signalen": "\n".join(s.tekst for s in algemeen)}
            if algemeen
            else ""
        ),
        None,
        None,
    ]
    return _sectieblad(
        boek,
        _("Bestuur"),
        cijfers,
        kolommen,
        (_("Heel het gebied"), gebied_waarden),
        UITLEG["bestuur"],
    )


def _groeimodel(boek, rapport: Rapport, cijfers):
    jaar = rapport.periode.inzetjaar
    kolommen = [
        Kolom(
            _("Zelfevaluatie %(jaar)s in de fase") % {"jaar": jaar},
            lambda c: c.groei.zelfevaluatie.get_fase_display() if c.groei.zelfevaluatie else "",
        ),
        Kolom(_("Taken gedaan"), lambda c: c.groei.taken_gedaan, GEHEEL),
        Kolom(_("Taken in de rollenlijst"), lambda c: len(c.groei.taken), GEHEEL),
        Kolom(_("Verwachtingen ingelost"), lambda c: c.groei.verwachtingen_ingelost, GEHEEL),
        Kolom(_("Verwachtingen"), lambda c: len(c.groei.verwachtingen), GEHEEL),
    ]
    gebied_waarden = [
        None,
        sum(c.groei.taken_gedaan for c in cijfers),
        sum(len(c.groei.taken) for c in cijfers),
        sum(c.groei.verwachtingen_ingelost for c in cijfers),
        sum(len(c.groei.verwachtingen) for c in cijfers),
    ]
    blad = _sectieblad(
        boek,
        _("Groeimodel"),
        cijfers,
        kolommen,
        (_("Heel het gebied"), gebied_waarden),
        UITLEG["groei"],
    )
    blad.notitie(fase_tekst(rapport), len(kolommen) + 1)

    blad.titel(_("Rollenlijst %(jaar)s") % {"jaar": jaar})
    blad.tabel(
        [_("Gemeente"), _("Rol"), _("Taak"), _("Gedaan")],
        [
            [c.gemeente.naam, taak.get_rol_display(), taak.tekst, _ja_nee(gedaan)]
            for c in cijfers
            for taak, gedaan in c.groei.taken
        ],
        [None, None, None, None],
    )
    blad.titel(_("Verwachtingen %(jaar)s") % {"jaar": jaar})
    blad.tabel(
        [_("Gemeente"), _("Verwachting"), _("Ingelost?")],
        [
            [c.gemeente.naam, v.verwachting, v.get_ingelost_display()]
            for c in cijfers
            for v in c.groei.verwachtingen
        ],
        [None, None, None],
    )
    return blad


# Each sheet with the key of its explanation in ``UITLEG``.
SECTIES = [
    (_inzet, "uren"),
    (_aanbod, "aanbod"),
    (_bereik, "bereik"),
    (_billijkheid, "billijkheid"),
    (_mobiliteit, "mobiliteit"),
    (_bestuur, "bestuur"),
    (_groeimodel, "groei"),
]


def _toelichting(boek, rapport: Rapport, gemaakt_op: dt.datetime, huisnaam: str, bladen):
    blad = Blad(boek, _("Toelichting"))
    blad.titel(_("%(huis)s: cijfers voor mandatarissen") % {"huis": huisnaam})
    blad.rij += 1
    van, tot = rapport.periode.van, rapport.periode.tot
    gegevens = [
        (_("Periode"), periode_tekst(rapport), None),
        (_("Van"), van, DATUM),
        (_("Tot en met"), tot, DATUM),
        (_("Gemaakt op"), gemaakt_op, DATUM_TIJD),
        (_("Signalen en groeimodel op"), rapport.op, DATUM),
        (_("Fase van het groeimodel"), fase_tekst(rapport), None),
    ]
    for label, waarde, formaat in gegevens:
        blad.cel(blad.rij, 1, label).font = Font(bold=True)
        blad.cel(blad.rij, 2, waarde, formaat).alignment = Alignment(horizontal="left")
        blad.rij += 1
    blad.rij += 1
    uitleg_rij = blad.tabel(
        [_("Blad"), _("Hoe de cijfers berekend zijn")],
        [[titel, str(uitleg)] for titel, uitleg in bladen],
        [None, None],
    )
    for rij in range(uitleg_rij + 1, uitleg_rij + 1 + len(bladen)):
        blad.blad.cell(row=rij, column=2).alignment = Alignment(wrap_text=True, vertical="top")
        blad.blad.row_dimensions[rij].height = 60
    blad.blad.column_dimensions["A"].width = 28
    blad.blad.column_dimensions["B"].width = 100
    if not rapport.kansarmoede_volledig:
        blad.notitie(
            _(
                "Niet elke gemeente heeft een kansarmoede-index: het aandeel in de kansarmoede "
                "blijft leeg."
            ),
            2,
        )
    return blad


def cijfers_xlsx(
    *,
    rapport: Rapport,
    gemaakt_op: dt.datetime | None = None,
    eerst: Iterable[int] = (),
    huisnaam: str | None = None,
) -> bytes:
    """The whole report as an XLSX workbook.

    ``eerst``: ids of gemeenten to list first (a mandataris's own); the others follow by
    name. ``gemaakt_op`` defaults to now, ``huisnaam`` to the stored brand's name (one query).
    """
    gemaakt_op = gemaakt_op or timezone.now()
    if timezone.is_aware(gemaakt_op):
        gemaakt_op = timezone.localtime(gemaakt_op)
    # Spreadsheets know no time zones: the local time, naive.
    gemaakt_op = gemaakt_op.replace(tzinfo=None, microsecond=0)
    huisnaam = huisnaam or Huisstijl.huidige().naam
    cijfers = rapport.eigen_eerst(eerst)

    boek = Workbook()
    boek.remove(boek.active)
    boek.properties.title = _("%(huis)s: cijfers") % {"huis": huisnaam}
    boek.properties.creator = huisnaam
    bladen = [(sectie(boek, rapport, cijfers), UITLEG[sleutel]) for sectie, sleutel in SECTIES]
    toelichting = _toelichting(
        boek, rapport, gemaakt_op, huisnaam, [(b.blad.title, u) for b, u in bladen]
    )
    boek.move_sheet(toelichting.blad, offset=-len(bladen))
    boek.active = 0
    for blad, _uitleg in bladen:
        blad.breedtes_zetten()

    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()

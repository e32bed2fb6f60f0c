"""Charts for the report pages as plain geometry; the templates draw them as inline SVG.

No JavaScript and no charting library: each function takes figures and returns where every
bar, point and label goes in a fixed coordinate system (the SVG's ``viewBox``), which the page
scales to its width. Texts arrive already formatted (Dutch style) from the caller, or are
formatted with the ``opmaak`` it passes, so a chart says exactly what the table beside it says.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.dates import MONTHS, MONTHS_3
from django.utils.formats import number_format

BREEDTE = 360

# Bar charts: a label column on the left, bars, room for the value right of the bar.
STAAF_X0 = 104
WAARDE_RUIMTE = 64
STAAF_HOOGTE = 16
RIJ_HOOGTE = 22
TITEL_HOOGTE = 22
MARKERING_HOOGTE = 20
GROEP_MARGE = 10
AS_HOOGTE = 22

# Line chart: room for the hour labels on the left and the months below.
LIJN_HOOGTE = 230
LIJN_LINKS = 46
LIJN_RECHTS = 14
LIJN_BOVEN = 14
LIJN_ONDER = 28


def standaard_opmaak(waarde) -> str:
    """A number Dutch style: thousands with a dot, one decimal (comma) unless it is whole."""
    getal = Decimal(str(waarde))
    decimalen = 0 if getal == getal.to_integral_value() else 1
    getal = getal.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return number_format(getal, decimalen, force_grouping=True)


def mooie_schaal(maximum: float, stappen: int = 4) -> tuple[float, float]:
    """A round top for an axis that reaches ``maximum`` in about ``stappen`` steps, and the step.

    Steps are 1, 2, 2.5 or 5 times a power of ten; nothing to show still gives a scale of 0-1.
    """
    maximum = float(maximum)
    if maximum <= 0:
        maximum = 1.0
    ruw = maximum / stappen
    macht = 10 ** math.floor(math.log10(ruw))
    stap = next(f * macht for f in (1, 2, 2.5, 5, 10) if f * macht >= ruw * (1 - 1e-9))
    return stap * math.ceil(maximum / stap - 1e-9), stap


def _streepjes(top: float, stap: float) -> list[float]:
    aantal = round(top / stap)
    return [round(stap * i, 6) for i in range(aantal + 1)]


# --- Bars -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Maat:
    """One measure in a group of bars: its label, its value (None: unknown) and that value as
    text."""

    label: str
    waarde: float | Decimal | None
    tekst: str


@dataclass(frozen=True)
class Groep:
    """A group of bars under one title (a gemeente, the area); ``markering`` is a text flag."""

    titel: str
    maten: Sequence[Maat]
    markering: str = ""
    uitgelicht: bool = False


@dataclass(frozen=True)
class Staaf:
    label: str
    tekst: str
    reeks: int  # position of the measure in its group: picks the colour
    x: float
    y: float
    breedte: float
    hoogte: float
    label_x: float  # right end of the label, left of the bar
    tekst_x: float  # start of the value, right of the bar
    tekst_y: float  # baseline of label and value
    leeg: bool  # no value: no bar, only the text


@dataclass(frozen=True)
class Staafgroep:
    titel: str
    markering: str
    uitgelicht: bool
    y: float
    hoogte: float
    titel_y: float
    markering_y: float
    staven: tuple[Staaf, ...]

    @property
    def icoon_punten(self) -> str:
        """A warning triangle in front of the flag (the flag is also said in words)."""
        y = self.markering_y
        return f"4,{y + 1:g} 11,{y - 11:g} 18,{y + 1:g}"

    @property
    def icoon_y(self) -> float:
        return self.markering_y - 0.5


@dataclass(frozen=True)
class Streep:
    """A grid line or axis label at ``positie`` (x for bars, y for the line chart)."""

    positie: float
    tekst: str


@dataclass(frozen=True)
class Staafgrafiek:
    breedte: float
    hoogte: float
    x0: float  # where the bars start (value 0)
    x1: float  # where a bar of the scale's top value ends
    raster_boven: float
    raster_onder: float
    as_y: float  # baseline of the axis labels
    groepen: tuple[Staafgroep, ...]
    raster: tuple[Streep, ...]


def staafgrafiek(
    groepen: Sequence[Groep],
    *,
    minimum: float = 0,
    opmaak: Callable[[float], str] = standaard_opmaak,
) -> Staafgrafiek:
    """Horizontal bars in groups, all on one scale from 0 to a round number.

    ``minimum``: the scale reaches at least this (e.g. 10 for percentages, so that shares of
    1 % do not fill the width). ``opmaak`` formats the grid labels.
    """
    waarden = [float(m.waarde) for g in groepen for m in g.maten if m.waarde is not None]
    top, stap = mooie_schaal(max([minimum, *waarden]))
    x0, x1 = STAAF_X0, BREEDTE - WAARDE_RUIMTE

    def x(waarde: float) -> float:
        return x0 + (x1 - x0) * max(0.0, waarde) / top

    y = 4.0
    uitkomst = []
    for groep in groepen:
        begin = y
        titel_y = y + 15
        y += TITEL_HOOGTE
        markering_y = 0.0
        if groep.markering:
            markering_y = y + 13
            y += MARKERING_HOOGTE
        staven = []
        for reeks, maat in enumerate(groep.maten):
            leeg = maat.waarde is None
            eind = x0 if leeg else x(float(maat.waarde))
            staven.append(
                Staaf(
                    label=maat.label,
                    tekst=maat.tekst,
                    reeks=reeks,
                    x=x0,
                    y=y,
                    breedte=round(eind - x0, 2),
                    hoogte=STAAF_HOOGTE,
                    label_x=x0 - 6,
                    tekst_x=round(eind + 5, 2),
                    tekst_y=y + STAAF_HOOGTE - 3,
                    leeg=leeg,
                )
            )
            y += RIJ_HOOGTE
        y += GROEP_MARGE
        uitkomst.append(
            Staafgroep(
                titel=groep.titel,
                markering=groep.markering,
                uitgelicht=groep.uitgelicht,
                y=begin,
                hoogte=y - begin - GROEP_MARGE / 2,
                titel_y=titel_y,
                markering_y=markering_y,
                staven=tuple(staven),
            )
        )
    raster = tuple(Streep(positie=round(x(w), 2), tekst=opmaak(w)) for w in _streepjes(top, stap))
    return Staafgrafiek(
        breedte=BREEDTE,
        hoogte=y + AS_HOOGTE,
        x0=x0,
        x1=x1,
        raster_boven=4.0,
        raster_onder=y,
        as_y=y + 15,
        groepen=tuple(uitkomst),
        raster=raster,
    )


# --- Hours over the months --------------------------------------------------------------------


@dataclass(frozen=True)
class Punt:
    x: float
    y: float


@dataclass(frozen=True)
class Maandrij:
    """One month in the table beside the line chart; texts already formatted."""

    maand: str
    geleverd: str  # "" when the month is not counted yet
    opgeteld: str  # ""  idem
    toezegging: str  # the pro-rated commitment at the end of the month


@dataclass(frozen=True)
class Lijngrafiek:
    breedte: float
    hoogte: float
    links: float
    rechts: float
    boven: float
    onder: float  # y of the horizontal axis (0 hours)
    geleverd: tuple[Punt, ...]
    toezegging: tuple[Punt, ...]
    y_raster: tuple[Streep, ...]
    maanden: tuple[Streep, ...]  # x of each month's label (centre of its slot)
    rijen: tuple[Maandrij, ...]
    maanden_geteld: int
    geleverd_totaal: str
    toezegging_jaar: str

    @property
    def as_label_x(self) -> float:
        return self.links - 6

    @property
    def maand_label_y(self) -> float:
        return self.onder + 18

    @property
    def geleverd_punten(self) -> str:
        """The delivered line as SVG ``points``."""
        return " ".join(f"{p.x:g},{p.y:g}" for p in self.geleverd)

    @property
    def toezegging_punten(self) -> str:
        return " ".join(f"{p.x:g},{p.y:g}" for p in self.toezegging)

    @property
    def laatste(self) -> Punt | None:
        """The last delivered point (for its label), None before a month has passed."""
        return self.geleverd[-1] if len(self.geleverd) > 1 else None

    @property
    def laatste_tekst_y(self) -> float:
        return max(self.boven + 10, self.laatste.y - 8) if self.laatste else 0

    @property
    def toezegging_tekst_y(self) -> float:
        """Under the end of the commitment line, clear of the line itself."""
        return min(self.onder - 4, self.toezegging[-1].y + 18)


def urenlijn(
    uren_per_maand: Sequence[Decimal],
    *,
    uren_engagement: Decimal,
    maanden_verstreken: int,
    opmaak: Callable[[Decimal], str] = standaard_opmaak,
) -> Lijngrafiek:
    """Delivered hours added up month by month, beside the commitment spread evenly over the
    year (a straight line from 0 on 1 January to the yearly hours on 31 December).

    Only the ``maanden_verstreken`` complete months count, as in the ratio of delivered to
    due hours; the month under way (hours may already be recorded) is left out.
    """
    if len(uren_per_maand) != 12:
        raise ValueError("Twelve months of hours are needed.")
    maanden = max(0, min(12, maanden_verstreken))
    engagement = Decimal(uren_engagement)
    opgeteld: list[Decimal] = []
    som = Decimal(0)
    for uren in uren_per_maand[:maanden]:
        som += Decimal(uren)
        opgeteld.append(som)

    top, stap = mooie_schaal(float(max([engagement, *opgeteld, Decimal(0)])))
    links, rechts = LIJN_LINKS, BREEDTE - LIJN_RECHTS
    boven, onder = LIJN_BOVEN, LIJN_HOOGTE - LIJN_ONDER

    def px(maand: float) -> float:
        return round(links + (rechts - links) * maand / 12, 2)

    def py(uren) -> float:
        return round(onder - (onder - boven) * float(uren) / top, 2)

    geleverd = tuple(
        [Punt(px(0), py(0))] + [Punt(px(m), py(u)) for m, u in enumerate(opgeteld, start=1)]
    )
    toezegging = (Punt(px(0), py(0)), Punt(px(12), py(engagement)))
    rijen = tuple(
        Maandrij(
            maand=str(MONTHS[m]),
            geleverd=opmaak(Decimal(uren_per_maand[m - 1])) if m <= maanden else "",
            opgeteld=opmaak(opgeteld[m - 1]) if m <= maanden else "",
            toezegging=opmaak((engagement * m / 12).quantize(Decimal("0.1"))),
        )
        for m in range(1, 13)
    )
    return Lijngrafiek(
        breedte=BREEDTE,
        hoogte=LIJN_HOOGTE,
        links=links,
        rechts=rechts,
        boven=boven,
        onder=onder,
        geleverd=geleverd,
        toezegging=toezegging,
        y_raster=tuple(Streep(positie=py(w), tekst=opmaak(w)) for w in _streepjes(top, stap)),
        maanden=tuple(Streep(positie=px(m - 0.5), tekst=str(MONTHS_3[m])) for m in range(1, 13)),
        rijen=rijen,
        maanden_geteld=maanden,
        geleverd_totaal=opmaak(som),
        toezegging_jaar=opmaak(engagement),
    )

"""The table and the checklist of `make bench`: pure functions, no Django, no locust.

A ``Meting`` is one run of the load generator on one page at one scale. The share of the bare
view compares a page's throughput with the bare view's at the same scale (the ceiling of this
gunicorn set-up on this machine). ``doelen`` checks the targets of docs/bench.md.
"""

from collections.abc import Iterable
from dataclasses import dataclass

CACHED = "cached"
UNCACHED = "uncached"
# Measured once, whatever the cache: the ceiling and the POST.
GEEN_MODUS = "-"

KAAL = "bare view"
RAPPORT = "report overview"
INSCHRIJVEN = "registration POST"

# The targets (docs/bench.md).
MIN_AANDEEL_CACHED = 50.0
MAX_P95_MS = 150.0
MAX_GROEI_P95 = 1.5
MIN_INSCHRIJVINGEN_PER_SECONDE = 100.0
KLEIN, GROOT = 1, 20

KOLOMMEN = (
    "page",
    "scale",
    "mode",
    "req/s",
    "p50 ms",
    "p95 ms",
    "failures",
    "queries",
    "alone ms",
    "% of bare",
    "locust CPU %",
)
# Numbers are aligned right, words left.
RECHTS = {
    "scale",
    "req/s",
    "p50 ms",
    "p95 ms",
    "failures",
    "queries",
    "alone ms",
    "% of bare",
    "locust CPU %",
}

GOED, FOUT, ONBEKEND = "✓", "✗", "?"


@dataclass
class Meting:
    pagina: str
    schaal: int
    modus: str
    per_seconde: float
    p50: float | None
    p95: float | None
    mislukt: int
    aanvragen: int = 0
    queries: int | None = None
    locust_cpu: float | None = None
    # One request on its own: the median over a few, built in-process without the page cache
    # (``bench/stappen.py``). With 16 clients on 2 workers, p50 is about 8 times this.
    alleen_ms: float | None = None

    @property
    def sleutel(self) -> tuple[str, str]:
        return (self.pagina, self.modus)


@dataclass
class Doel:
    gehaald: bool | None
    tekst: str

    @property
    def teken(self) -> str:
        return {True: GOED, False: FOUT, None: ONBEKEND}[self.gehaald]


def is_publiek(meting: Meting) -> bool:
    return meting.modus in (CACHED, UNCACHED)


def aandeel_van_kaal(meting: Meting, metingen: Iterable[Meting]) -> float | None:
    """The page's requests/s in % of the bare view's at the same scale; None without one."""
    kaal = next(
        (m for m in metingen if m.pagina == KAAL and m.schaal == meting.schaal),
        None,
    )
    if kaal is None or kaal.per_seconde <= 0:
        return None
    return 100 * meting.per_seconde / kaal.per_seconde


def _getal(waarde: float | int | None, decimalen: int = 0) -> str:
    if waarde is None:
        return "-"
    return f"{waarde:,.{decimalen}f}"


def rijen(metingen: list[Meting]) -> list[list[str]]:
    """Each measurement as the cells of the table, in the order of ``KOLOMMEN``."""
    uitkomst = []
    for m in metingen:
        aandeel = aandeel_van_kaal(m, metingen)
        uitkomst.append(
            [
                m.pagina,
                str(m.schaal),
                m.modus,
                _getal(m.per_seconde, 1),
                _getal(m.p50),
                _getal(m.p95),
                str(m.mislukt),
                _getal(m.queries),
                _getal(m.alleen_ms),
                _getal(aandeel),
                _getal(m.locust_cpu),
            ]
        )
    return uitkomst


def tabel_tekst(metingen: list[Meting]) -> str:
    """Plain text with aligned columns, a rule under the header, a blank line between scales."""
    cellen = [list(KOLOMMEN), *rijen(metingen)]
    breedtes = [max(len(rij[i]) for rij in cellen) for i in range(len(KOLOMMEN))]

    def regel(rij):
        delen = [
            cel.rjust(breedte) if kolom in RECHTS else cel.ljust(breedte)
            for cel, breedte, kolom in zip(rij, breedtes, KOLOMMEN, strict=True)
        ]
        return "  ".join(delen).rstrip()

    regels = [regel(cellen[0]), "  ".join("-" * b for b in breedtes)]
    vorige_schaal = None
    for meting, rij in zip(metingen, cellen[1:], strict=True):
        if vorige_schaal is not None and meting.schaal != vorige_schaal:
            regels.append("")
        vorige_schaal = meting.schaal
        regels.append(regel(rij))
    return "\n".join(regels)


def tabel_markdown(metingen: list[Meting]) -> str:
    kop = "| " + " | ".join(KOLOMMEN) + " |"
    lijn = "| " + " | ".join("---:" if k in RECHTS else "---" for k in KOLOMMEN) + " |"
    return "\n".join([kop, lijn, *("| " + " | ".join(rij) + " |" for rij in rijen(metingen))])


def _lijst(items: list[str]) -> str:
    return ", ".join(items) if items else "none"


def doelen(metingen: list[Meting]) -> list[Doel]:
    """The targets, each met (True), missed (False) or not measured in this run (None)."""
    schalen = sorted({m.schaal for m in metingen})
    uitkomst = [_doel_cached(metingen, schaal) for schaal in schalen]
    uitkomst.append(_doel_p95(metingen))
    uitkomst += _doelen_groei(metingen)
    uitkomst += [_doel_inschrijven(metingen, schaal) for schaal in schalen]
    mislukt = [f"{m.pagina} {m.modus} @{m.schaal}: {m.mislukt}" for m in metingen if m.mislukt]
    uitkomst.append(Doel(not mislukt, f"no failed requests in any run (failed: {_lijst(mislukt)})"))
    return uitkomst


def _doel_cached(metingen: list[Meting], schaal: int) -> Doel:
    # The report overview is someone's own page: only its figures come from the cache.
    cached = [
        m for m in metingen if m.modus == CACHED and m.schaal == schaal and m.pagina != RAPPORT
    ]
    aandelen = {m.pagina: aandeel_van_kaal(m, metingen) for m in cached}
    titel = f"cached public pages >= {MIN_AANDEEL_CACHED:.0f}% of the bare view (scale {schaal})"
    if not cached or any(a is None for a in aandelen.values()):
        return Doel(None, f"{titel}: not measured")
    onder = [f"{p} {a:.1f}%" for p, a in aandelen.items() if a < MIN_AANDEEL_CACHED]
    laagste = min(aandelen, key=aandelen.get)
    return Doel(
        not onder,
        f"{titel}: lowest {laagste} {aandelen[laagste]:.1f}%; below: {_lijst(onder)}",
    )


def _doel_p95(metingen: list[Meting]) -> Doel:
    titel = (
        f"uncached public pages and the report overview: p95 <= {MAX_P95_MS:.0f} ms "
        f"at scale {GROOT}"
    )
    gemeten = [
        m for m in metingen if m.schaal == GROOT and (m.modus == UNCACHED or m.pagina == RAPPORT)
    ]
    if not gemeten:
        return Doel(None, f"{titel}: not measured (scale {GROOT} was not run)")
    te_traag = [_p95_tekst(m) for m in gemeten if m.p95 is None or m.p95 > MAX_P95_MS]
    traagste = max(gemeten, key=lambda m: float("inf") if m.p95 is None else m.p95)
    return Doel(
        not te_traag,
        f"{titel}: slowest {_p95_tekst(traagste)}; over: {_lijst(te_traag)}",
    )


def _p95_tekst(m: Meting) -> str:
    # The public pages here are all uncached; the report overview comes in both modes.
    naam = f"{m.pagina} {m.modus}" if m.pagina == RAPPORT else m.pagina
    if m.p95 is None:
        return f"{naam} (no p95: not measured under load)"
    return f"{naam} {_getal(m.p95)} ms"


def _doelen_groei(metingen: list[Meting]) -> list[Doel]:
    klein = {m.sleutel: m for m in metingen if m.schaal == KLEIN}
    groot = {m.sleutel: m for m in metingen if m.schaal == GROOT}
    paren = [(klein[s], groot[s]) for s in klein if s in groot]
    titel_p95 = f"every page: p95 at scale {GROOT} <= {MAX_GROEI_P95}x its p95 at scale {KLEIN}"
    titel_q = f"every page: the same query count at scale {KLEIN} and {GROOT}"
    if not paren:
        return [
            Doel(None, f"{titel_p95}: not measured (needs scales {KLEIN} and {GROOT})"),
            Doel(None, f"{titel_q}: not measured (needs scales {KLEIN} and {GROOT})"),
        ]

    def naam(m: Meting) -> str:
        return m.pagina if m.modus == GEEN_MODUS else f"{m.pagina} {m.modus}"

    gegroeid, groeifactoren = [], []
    for a, b in paren:
        if not a.p95 or b.p95 is None:
            gegroeid.append(f"{naam(a)} (no p95)")
            continue
        factor = b.p95 / a.p95
        groeifactoren.append((factor, naam(a)))
        if factor > MAX_GROEI_P95:
            gegroeid.append(f"{naam(a)} {_getal(a.p95)} -> {_getal(b.p95)} ms ({factor:.2f}x)")
    grootste = max(groeifactoren, default=None)
    p95_doel = Doel(
        not gegroeid,
        f"{titel_p95}: largest "
        + (f"{grootste[1]} {grootste[0]:.2f}x" if grootste else "-")
        + f"; over: {_lijst(gegroeid)}",
    )
    # Queries are counted once per page, whatever the mode.
    anders = sorted(
        {
            f"{a.pagina} {_getal(a.queries)} -> {_getal(b.queries)}"
            for a, b in paren
            if a.queries is None or a.queries != b.queries
        }
    )
    q_doel = Doel(not anders, f"{titel_q}: different: {_lijst(anders)}")
    return [p95_doel, q_doel]


def _doel_inschrijven(metingen: list[Meting], schaal: int) -> Doel:
    titel = (
        f"registration POST >= {MIN_INSCHRIJVINGEN_PER_SECONDE:.0f}/s with no error "
        f"(scale {schaal})"
    )
    m = next((m for m in metingen if m.pagina == INSCHRIJVEN and m.schaal == schaal), None)
    if m is None:
        return Doel(None, f"{titel}: not measured")
    gehaald = m.per_seconde >= MIN_INSCHRIJVINGEN_PER_SECONDE and m.mislukt == 0
    return Doel(gehaald, f"{titel}: {m.per_seconde:.1f}/s, {m.mislukt} errors")


def checklist_tekst(lijst: list[Doel]) -> str:
    return "\n".join(f"{doel.teken} {doel.tekst}" for doel in lijst)

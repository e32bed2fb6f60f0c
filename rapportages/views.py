"""The report pages for mandatarissen, coordinators and gemeente staff.

Both pages read one ``Rapport`` (``rapportages.selectors``) and turn it into tables and charts
whose texts are formatted here, Dutch style, so templates only lay them out. A fixed number of
queries, whatever the number of gemeenten, activities or registrations.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from aanbod.models import Leeftijdsgroep, Pijler
from gemeenten.models import Gemeente, Partner
from gemeenten.selectors.signalen import SOORT_TITELS
from hvk.paginacache import bewaard
from rapportages import grafieken
from rapportages.forms import PeriodeForm
from rapportages.selectors import UITLEG, GemeenteCijfers, Periode, Rapport, rapport
from rapportages.toegang import eigen_gemeente_ids, rapport_toegang


def vandaag():
    """The day the report is seen on (a seam for tests)."""
    return timezone.localdate()


# --- Dutch-style figures ----------------------------------------------------------------------


def getal(waarde, decimalen: int = 0) -> str:
    """``1.234,5``: rounded half up (Django's number_format would cut the decimals off)."""
    afgerond = Decimal(str(waarde)).quantize(Decimal(1).scaleb(-decimalen), ROUND_HALF_UP)
    return number_format(afgerond, decimalen, force_grouping=True)


def uren(waarde) -> str:
    """Hours: whole when whole, else one decimal."""
    return grafieken.standaard_opmaak(waarde)


# A non-breaking space keeps a figure and its unit on one line.
def procent(waarde) -> str:
    return f"{getal(waarde, 1)}\u00a0%"


def euro(waarde) -> str:
    return f"€\u00a0{getal(waarde)}"


def km(waarde) -> str:
    return f"{getal(waarde, 1)}\u00a0km"


def per_1000(aantal, kinderen) -> float | None:
    """As the selectors compute it: per 1,000 children, one decimal."""
    return round(1000 * aantal / kinderen, 1) if kinderen else None


# --- Tables -----------------------------------------------------------------------------------


@dataclass
class Cel:
    tekst: str = ""
    # No figure: shown as a dash, with ``tekst`` (why) for screen readers.
    leeg: bool = False
    # A flag in words, e.g. "minder dan zijn aandeel"; shown with an icon, never colour alone.
    markering: str = ""
    url: str = ""


@dataclass
class Kolom:
    naam: str
    uitgelicht: bool = False  # the gemeente the page is about
    badge: str = ""  # "uw gemeente"
    url: str = ""


@dataclass
class Rij:
    label: str
    cellen: list[Cel] = field(default_factory=list)
    uitleg: str = ""
    kop: bool = False  # a heading row over the rows below it
    url: str = ""
    badge: str = ""
    uitgelicht: bool = False


@dataclass
class Rijgroep:
    titel: str  # "" for the rows before the first heading
    rijen: list[Rij]


@dataclass
class Tabel:
    id: str
    titel: str
    kop: str  # heading of the first column
    kolommen: list[Kolom]
    rijen: list[Rij]

    @property
    def groepen(self) -> list[Rijgroep]:
        """The rows split at each heading row: one ``<tbody>`` each, headed by that row."""
        groepen = [Rijgroep(titel="", rijen=[])]
        for rij in self.rijen:
            if rij.kop:
                groepen.append(Rijgroep(titel=rij.label, rijen=[]))
            else:
                groepen[-1].rijen.append(rij)
        return [g for g in groepen if g.rijen]

    @property
    def breedte(self) -> int:
        """Number of columns, the row headings included."""
        return len(self.kolommen) + 1


def geen_cijfer() -> Cel:
    return Cel(tekst=gettext("geen cijfer"), leeg=True)


def niet_van_toepassing() -> Cel:
    return Cel(tekst=gettext("niet van toepassing"), leeg=True)


def cel(waarde, opmaak=getal, markering: str = "") -> Cel:
    if waarde is None:
        return geen_cijfer()
    return Cel(tekst=opmaak(waarde), markering=markering)


def verhouding_procent(verhouding) -> Decimal | None:
    return None if verhouding is None else verhouding * 100


@dataclass
class Context:
    """What every page needs besides its figures: the period, the query, the own gemeenten."""

    form: PeriodeForm
    rapport: Rapport
    query: str
    eigen: set[int]

    def met_query(self, url: str) -> str:
        return f"{url}?{self.query}" if self.query else url

    def gemeente_url(self, gemeente: Gemeente) -> str:
        return self.met_query(reverse("rapportages:gemeente", args=[gemeente.slug]))

    def pdf_url(self, gemeente: Gemeente) -> str:
        return self.met_query(reverse("rapportages:pdf", kwargs={"gemeente": gemeente.slug}))

    def badge(self, gemeente: Gemeente) -> str:
        return gettext("uw gemeente") if gemeente.pk in self.eigen else ""


def _rapport(periode: Periode, op: dt.date) -> Rapport:
    """The report, computed once per version of the data, period and day (hvk/paginacache)."""
    return bewaard(
        f"rapport:{periode.van}:{periode.tot}:{op}", lambda: rapport(periode=periode, op=op)
    )


def _context(request) -> Context:
    form = PeriodeForm(request.GET or None, vandaag=vandaag())
    periode = form.periode()
    query = ""
    if form.is_bound and not form.errors:
        # The chosen period travels along with every link to another report.
        query = urlencode({k: request.GET[k] for k in ("jaar", "van", "tot") if request.GET.get(k)})
    for naam in ("van", "tot"):
        form.fields[naam].widget.attrs["class"] = "form-control"
    form.fields["jaar"].widget.attrs["class"] = "form-select"
    return Context(
        form=form,
        rapport=_rapport(periode, vandaag()),
        query=query,
        eigen=set(eigen_gemeente_ids(request.user)),
    )


def _periode_tekst(rapport: Rapport) -> str:
    return gettext("%(van)s tot en met %(tot)s") % {
        "van": date_format(rapport.periode.van),
        "tot": date_format(rapport.periode.tot),
    }


def _achterstand(c: GemeenteCijfers) -> str:
    if c.inzet.achterstand_procent > settings.HVK_INZET_MAX_ACHTERSTAND_PROCENT:
        return gettext("blijft achter")
    return ""


def _markering_billijkheid(c: GemeenteCijfers) -> str:
    aanbod, bereik = c.aanbod.minder_dan_aandeel, c.minder_bereik_dan_aandeel
    if aanbod and bereik:
        return gettext("krijgt minder dan zijn aandeel: aanbod en bereik")
    if aanbod:
        return gettext("krijgt minder dan zijn aandeel: aanbod")
    if bereik:
        return gettext("krijgt minder dan zijn aandeel: bereik")
    return ""


def _pijlers():
    return [(p, capfirst(Pijler(p).label)) for p in Pijler.values]


# --- Charts -----------------------------------------------------------------------------------


def _aandelen_maten(c: GemeenteCijfers) -> list[grafieken.Maat]:
    a = c.aanbod
    return [
        grafieken.Maat(gettext("kinderen"), a.aandeel_kinderen, _pct_of_leeg(a.aandeel_kinderen)),
        grafieken.Maat(
            gettext("kansarmoede"), a.aandeel_kansarmoede, _pct_of_leeg(a.aandeel_kansarmoede)
        ),
        grafieken.Maat(gettext("aanbod"), a.aandeel_momenten, _pct_of_leeg(a.aandeel_momenten)),
        grafieken.Maat(gettext("bereik"), c.aandeel_bereik, _pct_of_leeg(c.aandeel_bereik)),
    ]


def _pct_of_leeg(waarde) -> str:
    return gettext("geen gegevens") if waarde is None else procent(waarde)


def _getal_of_leeg(waarde) -> str:
    return gettext("geen gegevens") if waarde is None else getal(waarde, 1)


def aandelen_grafiek(cijfers: list[GemeenteCijfers], ctx: Context, uitgelicht=None):
    """Four bars per gemeente: its share of children, of poverty, of the offer, of the reach."""
    groepen = []
    for c in cijfers:
        titel = c.gemeente.naam
        if ctx.badge(c.gemeente):
            titel = f"{titel} ({ctx.badge(c.gemeente)})"
        groepen.append(
            grafieken.Groep(
                titel=titel,
                maten=_aandelen_maten(c),
                # Short enough for one line on a phone; the table beside it says which.
                markering=gettext("krijgt minder dan zijn aandeel")
                if _markering_billijkheid(c)
                else "",
                uitgelicht=(c.gemeente.pk == uitgelicht)
                if uitgelicht
                else c.gemeente.pk in ctx.eigen,
            )
        )
    return grafieken.staafgrafiek(groepen, minimum=10, opmaak=lambda w: f"{getal(w)}\u00a0%")


# --- Overview ---------------------------------------------------------------------------------


@dataclass
class Kerncijfer:
    label: str
    waarde: str
    uitleg: str = ""


def _kerncijfers_gebied(r: Rapport) -> list[Kerncijfer]:
    g = r.gebied
    cijfers = [
        Kerncijfer(
            gettext("Kinderen van 0 tot 12 jaar"),
            getal(g.kinderen_0_12),
            gettext("In de gemeenten van het Huis, volgens de bevolkingscijfers."),
        ),
        Kerncijfer(
            gettext("Toegezegd per jaar"),
            gettext("%(uren)s uur en %(budget)s")
            % {"uren": uren(g.uren_engagement), "budget": euro(g.budget_engagement)},
            gettext("Samen, uit de lopende visienota's."),
        ),
        Kerncijfer(
            gettext("Geleverde uren tot nu"),
            gettext("%(geleverd)s van %(verwacht)s verwacht")
            % {"geleverd": uren(g.uren_geleverd), "verwacht": uren(g.uren_verwacht)},
            gettext("Volledige maanden van %(jaar)s.") % {"jaar": r.periode.inzetjaar},
        ),
        Kerncijfer(
            gettext("Verhouding geleverd / verwacht"),
            procent(g.verhouding * 100) if g.verhouding is not None else gettext("geen cijfer"),
            gettext("100 % betekent op schema."),
        ),
        Kerncijfer(
            gettext("Momenten in het gebied"),
            getal(g.momenten_in),
            gettext("Per 1.000 kinderen: %(n)s.")
            % {"n": _getal_of_leeg(g.momenten_in_per_1000_kinderen)},
        ),
        Kerncijfer(
            gettext("Deelnemers"),
            getal(g.bereik),
            ngettext(
                "Uit de gemeenten van het Huis; daarnaast %(n)s deelnemer van elders.",
                "Uit de gemeenten van het Huis; daarnaast %(n)s deelnemers van elders.",
                g.bereik_elders,
            )
            % {"n": getal(g.bereik_elders)},
        ),
        Kerncijfer(
            gettext("Bereikte kinderen per 1.000 kinderen"),
            _getal_of_leeg(g.bereik_per_1000_kinderen),
            gettext("%(n)s kinderen bereikt.") % {"n": getal(g.kinderen_bereikt)},
        ),
    ]
    if r.fase is not None:
        cijfers.append(
            Kerncijfer(
                gettext("Fase van het groeimodel"),
                capfirst(r.fase.get_fase_display()),
                gettext("Sinds %(datum)s.") % {"datum": date_format(r.fase.sinds)},
            )
        )
    else:
        cijfers.append(
            Kerncijfer(gettext("Fase van het groeimodel"), gettext("nog niet vastgelegd"))
        )
    return cijfers


def _overzichtstabel(cijfers: list[GemeenteCijfers], ctx: Context) -> Tabel:
    kolommen = [
        Kolom(gettext("Kinderen 0-12")),
        Kolom(gettext("Uren geleverd / verwacht")),
        Kolom(gettext("Momenten in de gemeente")),
        Kolom(gettext("Momenten beschikbaar per 1.000 kinderen")),
        Kolom(gettext("Deelnemers")),
        Kolom(gettext("Bereikte kinderen per 1.000 kinderen")),
        Kolom(gettext("Billijkheid")),
        Kolom(gettext("Open signalen")),
        Kolom(gettext("Rapport om af te drukken")),
    ]
    rijen = []
    for c in cijfers:
        billijk = _markering_billijkheid(c)
        rijen.append(
            Rij(
                label=c.gemeente.naam,
                url=ctx.gemeente_url(c.gemeente),
                badge=ctx.badge(c.gemeente),
                uitgelicht=c.gemeente.pk in ctx.eigen,
                cellen=[
                    cel(c.gemeente.kinderen_0_12),
                    cel(
                        verhouding_procent(c.inzet.verhouding),
                        procent,
                        markering=_achterstand(c),
                    ),
                    cel(c.aanbod.momenten_in),
                    cel(c.aanbod.momenten_beschikbaar_per_1000_kinderen, lambda w: getal(w, 1)),
                    cel(c.bereik.ingeschreven),
                    cel(c.bereik_per_1000_kinderen, lambda w: getal(w, 1)),
                    Cel(markering=billijk)
                    if billijk
                    else Cel(tekst=gettext("niet minder dan zijn aandeel")),
                    cel(len(c.signalen)),
                    Cel(
                        tekst=gettext("pdf van %(gemeente)s") % {"gemeente": c.gemeente.naam},
                        url=ctx.pdf_url(c.gemeente),
                    ),
                ],
            )
        )
    return Tabel(
        id="tabel-gemeenten",
        titel=gettext("De gemeenten naast elkaar"),
        kop=gettext("Gemeente"),
        kolommen=kolommen,
        rijen=rijen,
    )


def _aandelen_tabel(cijfers: list[GemeenteCijfers], ctx: Context, id: str) -> Tabel:
    rijen = []
    for c in cijfers:
        a = c.aanbod
        rijen.append(
            Rij(
                label=c.gemeente.naam,
                badge=ctx.badge(c.gemeente),
                cellen=[
                    cel(a.aandeel_kinderen, procent),
                    cel(a.aandeel_kansarmoede, procent),
                    cel(
                        a.aandeel_momenten,
                        procent,
                        markering=gettext("minder dan zijn aandeel")
                        if a.minder_dan_aandeel
                        else "",
                    ),
                    cel(
                        c.aandeel_bereik,
                        procent,
                        markering=gettext("minder dan zijn aandeel")
                        if c.minder_bereik_dan_aandeel
                        else "",
                    ),
                ],
            )
        )
    return Tabel(
        id=id,
        titel=gettext("Aandeel van elke gemeente in het gebied"),
        kop=gettext("Gemeente"),
        kolommen=[
            Kolom(gettext("Kinderen")),
            Kolom(gettext("Kansarmoede")),
            Kolom(gettext("Aanbod (momenten)")),
            Kolom(gettext("Bereik (deelnemers)")),
        ],
        rijen=rijen,
    )


def _uren_grafiek_gebied(r: Rapport):
    maanden = r.gemeenten[0].inzet.maanden_verstreken if r.gemeenten else 0
    return grafieken.urenlijn(
        r.gebied.uren_per_maand,
        uren_engagement=r.gebied.uren_engagement,
        maanden_verstreken=maanden,
        opmaak=uren,
    )


@rapport_toegang
def overzicht(request):
    ctx = _context(request)
    r = ctx.rapport
    cijfers = r.eigen_eerst(ctx.eigen)
    return render(
        request,
        "rapportages/overzicht.html",
        {
            "form": ctx.form,
            "rapport": r,
            "periode_tekst": _periode_tekst(r),
            "kerncijfers": _kerncijfers_gebied(r),
            "aandelen": aandelen_grafiek(cijfers, ctx),
            "aandelen_tabel": _aandelen_tabel(cijfers, ctx, "tabel-aandelen"),
            "uren": _uren_grafiek_gebied(r),
            "tabel": _overzichtstabel(cijfers, ctx),
            "gemeenten": [
                {
                    "naam": c.gemeente.naam,
                    "url": ctx.gemeente_url(c.gemeente),
                    "pdf_url": ctx.pdf_url(c.gemeente),
                    "badge": ctx.badge(c.gemeente),
                }
                for c in cijfers
            ],
            "algemene_signalen": [
                {"titel": SOORT_TITELS.get(s.soort, ""), "tekst": s.tekst}
                for s in r.algemene_signalen
            ],
            "xlsx_url": ctx.met_query(reverse("rapportages:xlsx")),
            "uitleg": UITLEG,
        },
    )


# --- One gemeente beside the area and the others ----------------------------------------------


def _vergelijking(id, titel, c, anderen, ctx, rijen, *, met_gebied=True) -> Tabel:
    """Rows of measures; columns: this gemeente, the area (unless left out), the others.

    ``rijen``: (label, explanation, figure of a gemeente, figure of the area or None for "not
    applicable"); a row with only a label is a heading over the rows below it.
    """
    kolommen = [Kolom(c.gemeente.naam, uitgelicht=True, badge=ctx.badge(c.gemeente))]
    if met_gebied:
        kolommen.append(Kolom(gettext("Heel het gebied")))
    kolommen += [
        Kolom(o.gemeente.naam, badge=ctx.badge(o.gemeente), url=ctx.gemeente_url(o.gemeente))
        for o in anderen
    ]
    uitkomst = []
    for label, uitleg, van_gemeente, van_gebied in rijen:
        if van_gemeente is None:
            uitkomst.append(Rij(label=label, kop=True))
            continue
        cellen = [van_gemeente(c)]
        if met_gebied:
            cellen.append(van_gebied(ctx.rapport.gebied) if van_gebied else niet_van_toepassing())
        cellen += [van_gemeente(o) for o in anderen]
        uitkomst.append(Rij(label=label, uitleg=uitleg, cellen=cellen))
    kop = gettext("Cijfer")
    return Tabel(id=id, titel=titel, kop=kop, kolommen=kolommen, rijen=uitkomst)


def _inzet_tabel(c, anderen, ctx) -> Tabel:
    maanden = c.inzet.maanden_verstreken
    return _vergelijking(
        "tabel-inzet",
        gettext("Inzet: toegezegd en geleverd"),
        c,
        anderen,
        ctx,
        [
            (
                gettext("Toegezegde uren per jaar"),
                "",
                lambda x: cel(x.inzet.uren_engagement, uren),
                lambda g: cel(g.uren_engagement, uren),
            ),
            (
                gettext("Toegezegd budget per jaar"),
                "",
                lambda x: cel(x.inzet.budget_engagement, euro),
                lambda g: cel(g.budget_engagement, euro),
            ),
            (
                gettext("Verwachte uren tot nu"),
                ngettext(
                    "Toezegging voor %(n)s volledige maand.",
                    "Toezegging voor %(n)s volledige maanden.",
                    maanden,
                )
                % {"n": maanden},
                lambda x: cel(x.inzet.uren_verwacht, uren),
                lambda g: cel(g.uren_verwacht, uren),
            ),
            (
                gettext("Geleverde uren tot nu"),
                "",
                lambda x: cel(x.inzet.uren_geleverd, uren),
                lambda g: cel(g.uren_geleverd, uren),
            ),
            (
                gettext("Verhouding geleverd / verwacht"),
                gettext("100 % is op schema."),
                lambda x: cel(verhouding_procent(x.inzet.verhouding), procent, _achterstand(x)),
                lambda g: cel(verhouding_procent(g.verhouding), procent),
            ),
        ],
    )


def _aanbod_tabel(c, anderen, ctx) -> Tabel:
    rijen = [
        (
            gettext("Activiteiten in de gemeente"),
            "",
            lambda x: cel(x.aanbod.activiteiten_in),
            None,
        ),
        (
            gettext("Momenten in de gemeente"),
            "",
            lambda x: cel(x.aanbod.momenten_in),
            lambda g: cel(g.momenten_in),
        ),
        (
            gettext("Momenten in de gemeente per 1.000 kinderen"),
            "",
            lambda x: cel(x.aanbod.momenten_in_per_1000_kinderen, lambda w: getal(w, 1)),
            lambda g: cel(g.momenten_in_per_1000_kinderen, lambda w: getal(w, 1)),
        ),
        (
            gettext("Activiteiten beschikbaar voor de inwoners"),
            gettext("Regionaal aanbod en lokaal aanbod voor de gemeente."),
            lambda x: cel(x.aanbod.activiteiten_beschikbaar),
            None,
        ),
        (
            gettext("Momenten beschikbaar voor de inwoners"),
            "",
            lambda x: cel(x.aanbod.momenten_beschikbaar),
            None,
        ),
        (
            gettext("Beschikbare momenten per 1.000 kinderen"),
            "",
            lambda x: cel(x.aanbod.momenten_beschikbaar_per_1000_kinderen, lambda w: getal(w, 1)),
            None,
        ),
    ]
    for pijler, naam in _pijlers():
        rijen += [
            (naam, "", None, None),
            (
                gettext("Momenten in de gemeente"),
                "",
                lambda x, p=pijler: cel(x.aanbod.momenten_in_per_pijler.get(p, 0)),
                lambda g, p=pijler: cel(g.momenten_in_per_pijler.get(p, 0)),
            ),
            (
                gettext("Activiteiten beschikbaar"),
                "",
                lambda x, p=pijler: cel(x.aanbod.activiteiten_beschikbaar_per_pijler.get(p, 0)),
                None,
            ),
            (
                gettext("Momenten beschikbaar"),
                "",
                lambda x, p=pijler: cel(x.aanbod.momenten_beschikbaar_per_pijler.get(p, 0)),
                None,
            ),
            (
                gettext("Beschikbare momenten per 1.000 kinderen"),
                "",
                lambda x, p=pijler: cel(
                    per_1000(
                        x.aanbod.momenten_beschikbaar_per_pijler.get(p, 0),
                        x.gemeente.kinderen_0_12,
                    ),
                    lambda w: getal(w, 1),
                ),
                None,
            ),
        ]
    return _vergelijking(
        "tabel-aanbod", gettext("Aanbod in en voor de gemeente"), c, anderen, ctx, rijen
    )


def _bereik_tabel(c, anderen, ctx) -> Tabel:
    rijen = [
        (
            gettext("Deelnemers"),
            gettext("Kinderen en volwassenen samen."),
            lambda x: cel(x.bereik.ingeschreven),
            lambda g: cel(g.bereik),
        ),
        (
            gettext("Bereikte kinderen"),
            "",
            lambda x: cel(x.kinderen_bereikt),
            lambda g: cel(g.kinderen_bereikt),
        ),
        (
            gettext("Bereikte kinderen per 1.000 kinderen"),
            "",
            lambda x: cel(x.bereik_per_1000_kinderen, lambda w: getal(w, 1)),
            lambda g: cel(g.bereik_per_1000_kinderen, lambda w: getal(w, 1)),
        ),
    ]
    for pijler, naam in _pijlers():
        rijen += [
            (naam, "", None, None),
            (
                gettext("Deelnemers"),
                "",
                lambda x, p=pijler: cel(x.bereik.per_pijler.get(p, 0)),
                lambda g, p=pijler: cel(g.bereik_per_pijler.get(p, 0)),
            ),
            (
                gettext("Deelnemers per 1.000 kinderen"),
                gettext("Kinderen en volwassenen, per 1.000 kinderen van 0 tot 12 jaar."),
                lambda x, p=pijler: cel(x.bereik_per_pijler_per_1000()[p], lambda w: getal(w, 1)),
                lambda g, p=pijler: cel(
                    per_1000(g.bereik_per_pijler.get(p, 0), g.kinderen_0_12),
                    lambda w: getal(w, 1),
                ),
            ),
        ]
    rijen.append((gettext("Deelnemers per leeftijd"), "", None, None))
    for groep in Leeftijdsgroep:
        rijen.append(
            (
                capfirst(groep.label),
                "",
                lambda x, v=groep.value: cel(x.bereik.per_leeftijdsgroep.get(v, 0)),
                lambda g, v=groep.value: cel(g.bereik_per_leeftijdsgroep.get(v, 0)),
            )
        )
    return _vergelijking(
        "tabel-bereik",
        gettext("Bereik volgens de woonplaats van het gezin"),
        c,
        anderen,
        ctx,
        rijen,
    )


def _mobiliteit_tabel(c, anderen, ctx) -> Tabel:
    rijen = [
        (
            naam,
            "",
            lambda x, p=pijler: cel(x.aanbod.afstand_km.get(p), km),
            None,
        )
        for pijler, naam in _pijlers()
    ]
    return _vergelijking(
        "tabel-mobiliteit",
        gettext("Afstand tot het dichtste aanbod, per pijler"),
        c,
        anderen,
        ctx,
        rijen,
        met_gebied=False,
    )


def _ontbrekend(samenvatting) -> Cel:
    if not samenvatting.ontbrekende_soorten:
        return Cel(tekst=gettext("geen"))
    return Cel(
        tekst=", ".join(str(Partner.Soort(s).label) for s in samenvatting.ontbrekende_soorten),
        markering=gettext("blinde vlek"),
    )


def _bestuur_tabel(c, anderen, ctx) -> Tabel:
    r = ctx.rapport
    alle = len(r.algemene_signalen) + sum(len(x.signalen) for x in r.gemeenten)
    return _vergelijking(
        "tabel-bestuur",
        gettext("Signalen en partners"),
        c,
        anderen,
        ctx,
        [
            (
                gettext("Open signalen"),
                gettext("Voor het gebied: ook de signalen die geen enkele gemeente apart gelden."),
                lambda x: cel(len(x.signalen)),
                lambda g: cel(alle),
            ),
            (
                gettext("Partners aan het werk in de gemeente"),
                "",
                lambda x: cel(x.partners.aantal_partners),
                None,
            ),
            (
                gettext("Soorten partners die ontbreken"),
                gettext("Ze werken elders in het gebied, niet in deze gemeente."),
                lambda x: _ontbrekend(x.partners),
                None,
            ),
        ],
    )


def _van(gedaan: int, totaal: int) -> Cel:
    if not totaal:
        return geen_cijfer()
    return Cel(tekst=gettext("%(gedaan)s van %(totaal)s") % {"gedaan": gedaan, "totaal": totaal})


def _groei_tabel(c, anderen, ctx) -> Tabel:
    r = ctx.rapport
    jaar = r.periode.inzetjaar
    taken = [(x.groei.taken_gedaan, len(x.groei.taken)) for x in r.gemeenten]
    verwachtingen = [
        (x.groei.verwachtingen_ingelost, len(x.groei.verwachtingen)) for x in r.gemeenten
    ]
    return _vergelijking(
        "tabel-groei",
        gettext("Groeimodel in %(jaar)s") % {"jaar": jaar},
        c,
        anderen,
        ctx,
        [
            (
                gettext("Zelfevaluatie in de fase"),
                "",
                lambda x: (
                    Cel(tekst=capfirst(x.groei.zelfevaluatie.get_fase_display()))
                    if x.groei.zelfevaluatie
                    else Cel(tekst=gettext("niet ingevuld"), markering=gettext("ontbreekt"))
                ),
                None,
            ),
            (
                gettext("Taken uit de rollenlijst gedaan"),
                "",
                lambda x: _van(x.groei.taken_gedaan, len(x.groei.taken)),
                lambda g: _van(sum(t[0] for t in taken), sum(t[1] for t in taken)),
            ),
            (
                gettext("Verwachtingen ingelost"),
                "",
                lambda x: _van(x.groei.verwachtingen_ingelost, len(x.groei.verwachtingen)),
                lambda g: _van(sum(v[0] for v in verwachtingen), sum(v[1] for v in verwachtingen)),
            ),
        ],
    )


def per_1000_grafiek(c, anderen, ctx: Context):
    """Moments in the gemeente and children reached, per 1,000 children: this gemeente beside
    the area and the others."""

    def maten(momenten, bereik):
        return [
            grafieken.Maat(gettext("momenten"), momenten, _getal_of_leeg(momenten)),
            grafieken.Maat(gettext("bereik"), bereik, _getal_of_leeg(bereik)),
        ]

    g = ctx.rapport.gebied
    groepen = [
        grafieken.Groep(
            titel=c.gemeente.naam,
            maten=maten(c.aanbod.momenten_in_per_1000_kinderen, c.bereik_per_1000_kinderen),
            uitgelicht=True,
        ),
        grafieken.Groep(
            titel=gettext("Heel het gebied"),
            maten=maten(g.momenten_in_per_1000_kinderen, g.bereik_per_1000_kinderen),
        ),
    ] + [
        grafieken.Groep(
            titel=o.gemeente.naam,
            maten=maten(o.aanbod.momenten_in_per_1000_kinderen, o.bereik_per_1000_kinderen),
        )
        for o in anderen
    ]
    return grafieken.staafgrafiek(groepen)


def _kerncijfers_gemeente(c: GemeenteCijfers) -> list[Kerncijfer]:
    return [
        Kerncijfer(
            gettext("Uren geleverd / verwacht"),
            procent(c.inzet.verhouding * 100)
            if c.inzet.verhouding is not None
            else gettext("geen cijfer"),
            gettext("%(geleverd)s van %(verwacht)s uur")
            % {"geleverd": uren(c.inzet.uren_geleverd), "verwacht": uren(c.inzet.uren_verwacht)},
        ),
        Kerncijfer(
            gettext("Beschikbare momenten per 1.000 kinderen"),
            _getal_of_leeg(c.aanbod.momenten_beschikbaar_per_1000_kinderen),
            gettext("%(n)s momenten") % {"n": getal(c.aanbod.momenten_beschikbaar)},
        ),
        Kerncijfer(
            gettext("Bereikte kinderen per 1.000 kinderen"),
            _getal_of_leeg(c.bereik_per_1000_kinderen),
            gettext("%(n)s kinderen bereikt") % {"n": getal(c.kinderen_bereikt)},
        ),
        Kerncijfer(
            gettext("Open signalen"),
            getal(len(c.signalen)),
        ),
    ]


@rapport_toegang
def gemeente(request, gemeente):
    gekozen = get_object_or_404(Gemeente, slug=gemeente)
    ctx = _context(request)
    r = ctx.rapport
    c = r.voor(gekozen)
    anderen = [o for o in r.eigen_eerst(ctx.eigen) if o.gemeente.pk != gekozen.pk]
    jaar = r.periode.inzetjaar
    return render(
        request,
        "rapportages/gemeente.html",
        {
            "form": ctx.form,
            "rapport": r,
            "c": c,
            "gemeente": gekozen,
            "badge": ctx.badge(gekozen),
            "jaar": jaar,
            "periode_tekst": _periode_tekst(r),
            "kerncijfers": _kerncijfers_gemeente(c),
            "markering": _markering_billijkheid(c),
            "inzet_tabel": _inzet_tabel(c, anderen, ctx),
            "uren": grafieken.urenlijn(
                c.uren_per_maand,
                uren_engagement=c.inzet.uren_engagement,
                maanden_verstreken=c.inzet.maanden_verstreken,
                opmaak=uren,
            ),
            "aanbod_tabel": _aanbod_tabel(c, anderen, ctx),
            "bereik_tabel": _bereik_tabel(c, anderen, ctx),
            "aandelen": aandelen_grafiek([c, *anderen], ctx, uitgelicht=gekozen.pk),
            "aandelen_tabel": _aandelen_tabel([c, *anderen], ctx, "tabel-aandelen"),
            "per_1000": per_1000_grafiek(c, anderen, ctx),
            "mobiliteit_tabel": _mobiliteit_tabel(c, anderen, ctx),
            "bestuur_tabel": _bestuur_tabel(c, anderen, ctx),
            "signalen": [
                {"titel": SOORT_TITELS.get(s.soort, ""), "tekst": s.tekst} for s in c.signalen
            ],
            "algemene_signalen": [
                {"titel": SOORT_TITELS.get(s.soort, ""), "tekst": s.tekst}
                for s in r.algemene_signalen
            ],
            "ontbrekende_partners": [
                str(Partner.Soort(s).label) for s in c.partners.ontbrekende_soorten
            ],
            "groei_tabel": _groei_tabel(c, anderen, ctx),
            "andere_gemeenten": [
                {
                    "naam": o.gemeente.naam,
                    "url": ctx.gemeente_url(o.gemeente),
                    "badge": ctx.badge(o.gemeente),
                }
                for o in anderen
            ],
            "overzicht_url": ctx.met_query(reverse("rapportages:overzicht")),
            "pdf_url": ctx.pdf_url(gekozen),
            "uitleg": UITLEG,
            "elders": r.gebied.bereik_elders,
        },
    )

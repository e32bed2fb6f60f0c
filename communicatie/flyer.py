"""The shared flyer: the coming offer of the Huis as a printable PDF, A4 or A5.

For the whole area, or for one gemeente (its local offer and the regional offer), for a
chosen period, in the Huis's brand with every participating gemeente named. ``flyer_inhoud``
gathers what the flyer shows in a fixed number of queries; ``flyer_pdf`` lays it out with
ReportLab's platypus. Every activity, place and stop is one ``KeepTogether`` block, so a long
period flows onto several pages without cutting one in half.

Only ReportLab's standard fonts are used: they speak WinAnsi (cp1252), so ``é``, ``ë``, the
en dash and ``€`` print, and anything else is simplified or left out (``_winansi``).
"""

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format, time_format
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext, ngettext
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    FrameBreak,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from aanbod.models import Activiteit, Moment
from communicatie.models import Huisstijl
from communicatie.selectors import Dagprogramma, per_dag
from gemeenten.models import Gemeente
from hvk.herhaling import Weekdag, lokale_tijd
from locaties.models import Halte, Haltebezoek, Locatie, Uitzondering
from locaties.selectors import HUIS_EERST, ONDERWEG_OF_ONLINE

# Without a chosen period: from today, eight weeks.
STANDAARD_DAGEN = 8 * 7
# A longer period makes a booklet, not a flyer; the public URL is capped to it.
MAX_MAANDEN = 6
# Dates outside these years are typos (or attempts to make the server count to year 9999).
JAREN = range(2000, 2101)
# Six months of offer for the whole area fits well under this; more would only weigh.
MAX_MOMENTEN = 400

FORMATEN = ("a4", "a5")


# --- The period -----------------------------------------------------------------------------


def langste_tot(van: dt.date) -> dt.date:
    """The last day a flyer starting on ``van`` may cover: six months minus a day."""
    return van + relativedelta(months=MAX_MAANDEN) - dt.timedelta(days=1)


def datum_uit(tekst: str | None) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` in a URL, or None when it is missing or unusable."""
    try:
        datum = dt.date.fromisoformat((tekst or "").strip()[:10])
    except ValueError:
        return None
    return datum if datum.year in JAREN else None


def flyer_periode(
    van: dt.date | None = None, tot: dt.date | None = None, *, vandaag: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """The period a flyer covers: defaults filled in, the end never before the start,
    never more than ``MAX_MAANDEN`` months."""
    van = van or vandaag or timezone.localdate()
    if tot is None or tot < van:
        tot = van + dt.timedelta(days=STANDAARD_DAGEN - 1)
    return van, min(tot, langste_tot(van))


def periode_tekst(van: dt.date, tot: dt.date) -> str:
    """“van woensdag 2 december 2026 tot en met dinsdag 26 januari 2027”."""
    return gettext("van %(van)s tot en met %(tot)s") % {
        "van": date_format(van, "l j F Y"),
        "tot": date_format(tot, "l j F Y"),
    }


# --- The content ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Plek:
    """A fixed place with its weekly hours and the changes to them in the period."""

    locatie: Locatie
    # (weekday name, slots) for each day the place opens; a slot is (begin, einde, inloop).
    week: list[tuple[str, list[tuple[dt.time, dt.time, bool]]]]
    uitzonderingen: list[Uitzondering]

    @property
    def vrije_inloop(self) -> bool:
        return any(inloop for _dag, slots in self.week for *_uren, inloop in slots)


@dataclass(frozen=True)
class Halteplan:
    """The visits of a mobile house at one stop in the period."""

    halte: Halte  # with its gemeente, its place and its mobile house loaded
    bezoeken: list[Haltebezoek]


@dataclass
class FlyerInhoud:
    huisstijl: Huisstijl
    gemeente: Gemeente | None
    # Every participating gemeente, by name: the flyer names them all.
    gemeenten: list[Gemeente]
    van: dt.date
    tot: dt.date
    dagen: list[Dagprogramma]
    doorlopend: list[Activiteit]
    plekken: list[Plek]
    haltes: list[Halteplan]
    # The door of the gemeente (the home page for the area): the QR code's address.
    url: str
    # True when more moments exist than the flyer prints (``MAX_MOMENTEN``).
    ingekort: bool = False
    aanspreekpunten: list[Gemeente] = field(default_factory=list)

    @property
    def momenten(self) -> list[Moment]:
        return [moment for dag in self.dagen for moment in dag.momenten]

    @property
    def titel(self) -> str:
        if self.gemeente is None:
            return gettext("Aanbod voor gezinnen in de hele regio")
        return gettext("Aanbod voor gezinnen uit %(gemeente)s") % {"gemeente": self.gemeente.naam}

    @property
    def samen_met(self) -> str:
        """“Samen met Beerse, Kasterlee en Turnhout”: every participating gemeente."""
        if not self.gemeenten:
            return ""
        return gettext("Samen met %(gemeenten)s") % {
            "gemeenten": get_text_list([g.naam for g in self.gemeenten], gettext("en"))
        }

    @property
    def periode(self) -> str:
        return periode_tekst(self.van, self.tot)

    @property
    def bestandsnaam(self) -> str:
        wie = self.gemeente.slug if self.gemeente else "gebied"
        return f"flyer-{wie}-{self.van.isoformat()}.pdf"


def _door_url(gemeente: Gemeente | None) -> str:
    """The public address printed under the QR code: on the main site, whoever asks."""
    pad = reverse("gemeente", kwargs={"slug": gemeente.slug}) if gemeente else reverse("home")
    return settings.HVK_SITE_URL.rstrip("/") + pad


def _week(locatie: Locatie) -> list[tuple[str, list[tuple[dt.time, dt.time, bool]]]]:
    schema = locatie.openingsschema()
    return [
        (
            str(Weekdag(weekdag).label),
            [(u.begin, u.einde, u.vrije_inloop) for u in sorted(uren, key=lambda u: u.begin)],
        )
        for weekdag, uren in sorted(schema.per_weekdag.items())
    ]


def _plekken(gemeente: Gemeente | None, van: dt.date, tot: dt.date) -> list[Plek]:
    """Fixed places: in the gemeente plus the central house, or all of them for the area.

    Three queries: the places with their gemeente, their weekly hours, and their exceptions
    not over before ``van`` (those starting after ``tot`` are dropped here).
    """
    locaties = Locatie.objects.exclude(soort__in=ONDERWEG_OF_ONLINE).select_related("gemeente")
    if gemeente is not None:
        locaties = locaties.filter(Q(gemeente=gemeente) | Q(soort=Locatie.Soort.CENTRAAL_HUIS))
    locaties = sorted(
        locaties.met_openingsuren(vanaf=van),
        key=lambda loc: (HUIS_EERST.index(loc.soort), loc.gemeente.naam, loc.naam.casefold()),
    )
    return [
        Plek(
            locatie=loc,
            week=_week(loc),
            uitzonderingen=[u for u in loc.uitzonderingen.all() if u.van <= tot],
        )
        for loc in locaties
    ]


def _haltes(gemeente: Gemeente | None, van: dt.date, tot: dt.date) -> list[Halteplan]:
    """Visits of the mobile houses in the period, per stop (in the gemeente): one query."""
    bezoeken = Haltebezoek.objects.filter(
        geannuleerd=False,
        begin__gte=lokale_tijd(van, dt.time()),
        begin__lt=lokale_tijd(tot + dt.timedelta(days=1), dt.time()),
    )
    if gemeente is not None:
        bezoeken = bezoeken.filter(halte__gemeente=gemeente)
    per_halte: dict[int, Halteplan] = {}
    for bezoek in bezoeken.select_related(
        "halte__gemeente", "halte__locatie", "halte__mobiel_huis"
    ).order_by("begin", "pk"):
        plan = per_halte.setdefault(bezoek.halte_id, Halteplan(bezoek.halte, []))
        plan.bezoeken.append(bezoek)
    return sorted(
        per_halte.values(),
        key=lambda p: (p.halte.mobiel_huis.naam, p.halte.gemeente.naam, p.halte.naam.casefold()),
    )


def flyer_inhoud(*, gemeente: Gemeente | None = None, van: dt.date, tot: dt.date) -> FlyerInhoud:
    """Everything the flyer of ``gemeente`` (None: the whole area) from ``van`` to ``tot`` shows.

    Moments: of published activities, not cancelled, starting in the period; for a gemeente
    only offer its residents may use (regional, or local for it), as on its door. Ongoing
    offer (doorlopend) likewise. Places: see ``_plekken``; stops: see ``_haltes``.

    A fixed number of queries whatever the amount of offer: the brand, the gemeenten, the
    moments and the gemeenten of their activities, the ongoing offer and its gemeenten, the
    places with their hours and exceptions, and the visits of the mobile houses.
    """
    gemeenten = list(Gemeente.objects.order_by("naam"))
    lokaal_voor = Prefetch("activiteit__gemeenten", queryset=Gemeente.objects.order_by("naam"))
    momenten = Moment.objects.actief().in_periode(van, tot).filter(activiteit__gepubliceerd=True)
    doorlopend = Activiteit.objects.gepubliceerd().filter(doorlopend=True)
    if gemeente is not None:
        momenten = momenten.beschikbaar_voor(gemeente)
        doorlopend = doorlopend.beschikbaar_voor(gemeente)
    momenten = list(
        momenten.met_plek()
        .prefetch_related(lokaal_voor)
        .order_by("begin", "activiteit__titel", "pk")[: MAX_MOMENTEN + 1]
    )
    doorlopend = list(
        doorlopend.select_related("locatie__gemeente")
        .prefetch_related(Prefetch("gemeenten", queryset=Gemeente.objects.order_by("naam")))
        .order_by("titel", "pk")
    )
    aanspreekpunten = [
        g for g in gemeenten if g.heeft_aanspreekpunt and (gemeente is None or g.pk == gemeente.pk)
    ]
    return FlyerInhoud(
        huisstijl=Huisstijl.huidige(),
        gemeente=gemeente,
        gemeenten=gemeenten,
        van=van,
        tot=tot,
        dagen=per_dag(momenten[:MAX_MOMENTEN]),
        doorlopend=doorlopend,
        plekken=_plekken(gemeente, van, tot),
        haltes=_haltes(gemeente, van, tot),
        url=_door_url(gemeente),
        ingekort=len(momenten) > MAX_MOMENTEN,
        aanspreekpunten=aanspreekpunten,
    )


# --- Texts ----------------------------------------------------------------------------------


# Letters without a Unicode decomposition that still have an obvious plain form.
VERVANGINGEN = str.maketrans(
    {"Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "Ħ": "H", "ħ": "h", "\u0131": "i", "\u2212": "-"}
)


def _winansi(tekst: str) -> str:
    """Text the standard PDF fonts can print: accents stay, the rest is simplified or dropped."""
    uit = []
    for teken in str(tekst).translate(VERVANGINGEN):
        try:
            teken.encode("cp1252")
            uit.append(teken)
        except UnicodeEncodeError:
            # "ł" → "l", "ő" → "o"; an emoji or a symbol without a base letter disappears.
            basis = unicodedata.normalize("NFKD", teken)
            uit.append("".join(t for t in basis if _drukbaar(t) and not unicodedata.combining(t)))
    return "".join(uit)


def _drukbaar(teken: str) -> bool:
    try:
        teken.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def _t(tekst) -> str:
    """Plain text for a Paragraph: printable and with its markup characters escaped."""
    return escape(_winansi(tekst))


def _uur(tijd: dt.time | dt.datetime) -> str:
    if isinstance(tijd, dt.datetime):
        tijd = timezone.localtime(tijd)
    return time_format(tijd, "G:i")


def _uren(begin, einde) -> str:
    return f"{_uur(begin)}\N{EN DASH}{_uur(einde)}"


def _datum(moment: dt.datetime) -> str:
    return capfirst(date_format(timezone.localdate(moment), "l j F"))


def _bedrag(bedrag: Decimal) -> str:
    decimalen = 0 if bedrag == bedrag.to_integral_value() else 2
    return f"€ {number_format(bedrag, decimal_pos=decimalen)}"


def prijs_tekst(activiteit: Activiteit) -> str:
    if activiteit.is_gratis:
        return gettext("gratis")
    tekst = _bedrag(activiteit.prijs)
    if activiteit.sociaal_tarief is not None:
        tekst += " " + gettext("(sociaal tarief %(bedrag)s)") % {
            "bedrag": _bedrag(activiteit.sociaal_tarief)
        }
    if activiteit.uitpas:
        tekst += ", " + gettext("korting met UiTPAS")
    return tekst


def details_tekst(activiteit: Activiteit) -> str:
    """“0 tot 3 jaar · gratis · inschrijven nodig”."""
    inschrijven = (
        gettext("inschrijven nodig")
        if activiteit.inschrijving_vereist
        else gettext("zonder inschrijving")
    )
    return " · ".join([capfirst(activiteit.leeftijd_tekst), prijs_tekst(activiteit), inschrijven])


def plek_tekst(locatie: Locatie | None) -> str:
    if locatie is None:
        return ""
    if locatie.soort == Locatie.Soort.VIRTUEEL:
        return gettext("%(naam)s (online)") % {"naam": locatie.naam}
    delen = [locatie.naam]
    if locatie.adres:
        delen.append(locatie.adres)
    elif locatie.gemeente and locatie.gemeente.naam not in locatie.naam:
        delen.append(locatie.gemeente.naam)
    return ", ".join(delen)


def voor_wie_tekst(activiteit: Activiteit) -> str:
    """For local offer: whose residents it is for (the gemeenten are prefetched)."""
    if activiteit.bereik != Activiteit.Bereik.LOKAAL:
        return ""
    namen = [g.naam for g in activiteit.gemeenten.all()]
    if not namen:
        return ""
    return gettext("Voor gezinnen uit %(gemeenten)s") % {
        "gemeenten": get_text_list(namen, gettext("en"))
    }


def uitzondering_tekst(uitzondering: Uitzondering) -> str:
    if uitzondering.tot and uitzondering.tot != uitzondering.van:
        wanneer = gettext("van %(van)s tot en met %(tot)s") % {
            "van": date_format(uitzondering.van, "j F"),
            "tot": date_format(uitzondering.tot, "j F"),
        }
    else:
        wanneer = date_format(uitzondering.van, "l j F")
    tekst = f"{capfirst(wanneer)}: {uitzondering.omschrijving}"
    if uitzondering.gesloten:
        # “Kerstvakantie: gesloten” says it already.
        if gettext("gesloten") not in uitzondering.omschrijving.lower():
            tekst += f" ({gettext('gesloten')})"
        return tekst
    uren = gettext("open %(uren)s") % {"uren": _uren(uitzondering.begin, uitzondering.einde)}
    if uitzondering.vrije_inloop:
        uren += ", " + gettext("vrije inloop")
    return f"{tekst} ({uren})"


# --- The layout -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Opmaak:
    pagina: tuple[float, float]
    marge: float
    kolommen: int
    tekst: float  # body font size
    titel: float  # an activity's title
    kop: float  # a section heading
    naam: float  # the Huis's name in the band
    qr: float  # side of the QR code


OPMAAK = {
    "a4": Opmaak(A4, 14 * mm, 2, 9, 10.5, 14, 24, 30 * mm),
    "a5": Opmaak(A5, 10 * mm, 1, 8, 9.5, 12, 17, 24 * mm),
}
WIT = colors.white
GRIJS = colors.HexColor("#555555")
BAND_OP_VOLGENDE = 8 * mm


def _kleur(huisstijl: Huisstijl):
    try:
        return colors.HexColor(huisstijl.kleur)
    except (TypeError, ValueError):
        return colors.HexColor(Huisstijl._meta.get_field("kleur").default)


def _logo(huisstijl: Huisstijl) -> ImageReader | None:
    """The uploaded logo when ReportLab can draw it (PNG, JPEG); else None (the name only)."""
    if not huisstijl.logo or not huisstijl.logo.name.lower().endswith(
        (".png", ".jpg", ".jpeg", ".webp")
    ):
        return None
    try:
        with huisstijl.logo.open("rb") as bestand:
            beeld = ImageReader(BytesIO(bestand.read()))
        beeld.getSize()
    except Exception:  # a missing or broken file must not cost the flyer
        return None
    return beeld


class _Stijlen:
    def __init__(self, opmaak: Opmaak, kleur):
        t = opmaak.tekst
        self.tekst = ParagraphStyle("tekst", fontName="Helvetica", fontSize=t, leading=t * 1.3)
        self.klein = ParagraphStyle(
            "klein", parent=self.tekst, fontSize=t - 1, leading=(t - 1) * 1.3, textColor=GRIJS
        )
        self.samenvatting = ParagraphStyle(
            "samenvatting", parent=self.tekst, fontName="Helvetica-Oblique"
        )
        self.wanneer = ParagraphStyle(
            "wanneer", parent=self.tekst, fontName="Helvetica-Bold", textColor=kleur
        )
        self.titel = ParagraphStyle(
            "titel",
            parent=self.tekst,
            fontName="Helvetica-Bold",
            fontSize=opmaak.titel,
            leading=opmaak.titel * 1.25,
        )
        self.kop = ParagraphStyle(
            "kop",
            parent=self.tekst,
            fontName="Helvetica-Bold",
            fontSize=opmaak.kop,
            leading=opmaak.kop * 1.2,
            textColor=kleur,
            spaceBefore=opmaak.kop * 0.6,
            spaceAfter=opmaak.kop * 0.35,
        )
        self.flyertitel = ParagraphStyle(
            "flyertitel",
            parent=self.kop,
            fontSize=opmaak.kop * 1.3,
            leading=opmaak.kop * 1.55,
            spaceBefore=0,
        )
        self.band_naam = ParagraphStyle(
            "band_naam",
            parent=self.tekst,
            fontName="Helvetica-Bold",
            fontSize=opmaak.naam,
            leading=opmaak.naam * 1.15,
            textColor=WIT,
        )
        self.band_tekst = ParagraphStyle(
            "band_tekst",
            parent=self.tekst,
            fontSize=t + 1.5,
            leading=(t + 1.5) * 1.3,
            textColor=WIT,
        )
        self.band_samen = ParagraphStyle(
            "band_samen", parent=self.band_tekst, fontName="Helvetica-Bold"
        )
        self.url = ParagraphStyle(
            "url", parent=self.klein, alignment=TA_CENTER, textColor=colors.black
        )


def _blok(regels: list, kleur, opmaak: Opmaak) -> Table:
    """A block of paragraphs behind a bar in the brand colour."""
    tabel = Table([[regels]], colWidths=["100%"])
    tabel.setStyle(
        TableStyle(
            [
                ("LINEBEFORE", (0, 0), (0, 0), 2, kleur),
                ("LEFTPADDING", (0, 0), (0, 0), opmaak.tekst * 0.7),
                ("RIGHTPADDING", (0, 0), (0, 0), 0),
                ("TOPPADDING", (0, 0), (0, 0), 1),
                ("BOTTOMPADDING", (0, 0), (0, 0), 1),
            ]
        )
    )
    return tabel


def _ruimte(opmaak: Opmaak) -> Spacer:
    return Spacer(1, opmaak.tekst * 0.9)


def _moment_blok(moment: Moment, s: _Stijlen, kleur, opmaak: Opmaak) -> list:
    activiteit = moment.activiteit
    regels = [
        Paragraph(_t(f"{_datum(moment.begin)} · {_uren(moment.begin, moment.einde)}"), s.wanneer),
        Paragraph(_t(activiteit.titel), s.titel),
    ]
    if activiteit.samenvatting:
        regels.append(Paragraph(_t(activiteit.samenvatting), s.samenvatting))
    if plek := plek_tekst(moment.plek):
        regels.append(Paragraph(_t(plek), s.tekst))
    regels.append(Paragraph(_t(details_tekst(activiteit)), s.tekst))
    if voor_wie := voor_wie_tekst(activiteit):
        regels.append(Paragraph(_t(voor_wie), s.klein))
    return [_blok(regels, kleur, opmaak), _ruimte(opmaak)]


def _doorlopend_blok(activiteit: Activiteit, s: _Stijlen, kleur, opmaak: Opmaak) -> list:
    regels = [Paragraph(_t(activiteit.titel), s.titel)]
    if activiteit.samenvatting:
        regels.append(Paragraph(_t(activiteit.samenvatting), s.samenvatting))
    regels.append(
        Paragraph(
            _t(
                gettext("In %(plek)s, tijdens de openingsuren")
                % {"plek": plek_tekst(activiteit.locatie)}
            ),
            s.tekst,
        )
    )
    regels.append(Paragraph(_t(details_tekst(activiteit)), s.tekst))
    if voor_wie := voor_wie_tekst(activiteit):
        regels.append(Paragraph(_t(voor_wie), s.klein))
    return [_blok(regels, kleur, opmaak), _ruimte(opmaak)]


def _plek_blok(plek: Plek, s: _Stijlen, kleur, opmaak: Opmaak) -> list:
    locatie = plek.locatie
    soort = capfirst(locatie.get_soort_display())
    if locatie.gemeente and locatie.gemeente.naam not in locatie.naam:
        soort += f", {locatie.gemeente.naam}"
    regels = [Paragraph(_t(locatie.naam), s.titel), Paragraph(_t(soort), s.klein)]
    if locatie.adres:
        regels.append(Paragraph(_t(locatie.adres), s.tekst))
    # One per line: an e-mail address is long and must not break after the phone number.
    regels += [Paragraph(_t(c), s.tekst) for c in (locatie.telefoon, locatie.email) if c]
    for dag, slots in plek.week:
        uren = ", ".join(
            _t(_uren(begin, einde))
            + (" <b>" + _t(gettext("vrije inloop")) + "</b>" if inloop else "")
            for begin, einde, inloop in slots
        )
        regels.append(Paragraph(f"{_t(capfirst(dag))}: {uren}", s.tekst))
    if not plek.week:
        regels.append(
            Paragraph(
                _t(gettext("Geen vaste openingsuren: welkom op de momenten van de activiteiten.")),
                s.tekst,
            )
        )
    elif plek.vrije_inloop:
        regels.append(
            Paragraph(_t(gettext("Vrije inloop: binnenlopen mag, zonder afspraak.")), s.klein)
        )
    for uitzondering in plek.uitzonderingen:
        regels.append(Paragraph(_t(uitzondering_tekst(uitzondering)), s.tekst))
    return [_blok(regels, kleur, opmaak), _ruimte(opmaak)]


def _halte_blok(plan: Halteplan, s: _Stijlen, kleur, opmaak: Opmaak) -> list:
    halte = plan.halte
    waar = halte.naam
    if halte.gemeente.naam not in halte.naam:
        waar += f" ({halte.gemeente.naam})"
    regels = [Paragraph(_t(waar), s.titel)]
    if halte.adres:
        regels.append(Paragraph(_t(halte.adres), s.tekst))
    for bezoek in plan.bezoeken:
        regels.append(
            Paragraph(_t(f"{_datum(bezoek.begin)} · {_uren(bezoek.begin, bezoek.einde)}"), s.tekst)
        )
    return [_blok(regels, kleur, opmaak), _ruimte(opmaak)]


def _aanspreekpunt_blok(gemeente: Gemeente, s: _Stijlen, kleur, opmaak: Opmaak) -> list:
    regels = [
        Paragraph(_t(gemeente.naam), s.titel),
        Paragraph(_t(gemeente.aanspreekpunt_naam), s.tekst),
    ]
    if gemeente.aanspreekpunt_adres:
        regels.append(Paragraph(_t(gemeente.aanspreekpunt_adres), s.tekst))
    regels += [
        Paragraph(_t(c), s.tekst)
        for c in (gemeente.aanspreekpunt_telefoon, gemeente.aanspreekpunt_email)
        if c
    ]
    return [_blok(regels, kleur, opmaak), _ruimte(opmaak)]


def _sectie(kop: str, blokken: list[list], s: _Stijlen) -> list:
    """A heading and its blocks, each block kept whole; the heading stays with the first."""
    if not blokken:
        return []
    eerste, *rest = blokken
    return [
        KeepTogether([Paragraph(_t(kop), s.kop), *eerste]),
        *(KeepTogether(blok) for blok in rest),
    ]


def _qr(url: str, zijde: float) -> Drawing:
    tekening = Drawing(zijde, zijde)
    tekening.add(QrCodeWidget(url, barWidth=zijde, barHeight=zijde, barLevel="M", barBorder=2))
    return tekening


def _intro(inhoud: FlyerInhoud, s: _Stijlen, opmaak: Opmaak, breedte: float) -> Table:
    """The top of the first page: the title and the period, the QR code to the door."""
    links = [
        Paragraph(_t(inhoud.titel), s.flyertitel),
        Paragraph(_t(capfirst(inhoud.periode)), s.titel),
        Spacer(1, opmaak.tekst * 0.5),
    ]
    if inhoud.gemeente is None:
        uitleg = gettext(
            "Alles is voor de gezinnen van alle gemeenten, tenzij er staat voor wie het is. "
            "Je bent overal welkom."
        )
    else:
        uitleg = gettext(
            "Het aanbod in en voor %(gemeente)s, en het aanbod voor de hele regio: "
            "je bent ook welkom in de andere gemeenten."
        ) % {"gemeente": inhoud.gemeente.naam}
    links.append(Paragraph(_t(uitleg), s.tekst))
    # The address under the QR code is one unbreakable word: its column grows to hold it
    # (up to half the width), and beyond that its type shrinks.
    url = _winansi(inhoud.url)
    grootte = s.url.fontSize
    max_rechts = breedte / 2
    if stringWidth(url, s.url.fontName, grootte) + 2 * mm > max_rechts:
        grootte = max(
            5.5, grootte * (max_rechts - 2 * mm) / stringWidth(url, s.url.fontName, grootte)
        )
    url_stijl = ParagraphStyle("url_past", parent=s.url, fontSize=grootte, leading=grootte * 1.3)
    rechts_breedte = min(
        max(opmaak.qr + 12 * mm, stringWidth(url, s.url.fontName, grootte) + 2 * mm), max_rechts
    )
    rechts = [
        _qr(inhoud.url, opmaak.qr),
        Paragraph(_t(gettext("Meer info en inschrijven:")), s.url),
        Paragraph(escape(url), url_stijl),
    ]
    tabel = Table(
        [[links, rechts]],
        colWidths=[breedte - rechts_breedte, rechts_breedte],
        hAlign="LEFT",
    )
    tabel.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return tabel


class _Band:
    """The brand band at the top of the first page: logo, name, subtitle, the gemeenten."""

    def __init__(self, inhoud: FlyerInhoud, s: _Stijlen, opmaak: Opmaak):
        self.opmaak = opmaak
        self.logo = _logo(inhoud.huisstijl)
        breedte = opmaak.pagina[0] - 2 * opmaak.marge
        self.logo_hoogte = opmaak.naam * 2.2
        self.logo_breedte = 0.0
        if self.logo:
            b, h = self.logo.getSize()
            self.logo_breedte = min(self.logo_hoogte * b / h, breedte / 3)
        tekstbreedte = breedte - (self.logo_breedte + 5 * mm if self.logo else 0)
        self.paragrafen = [Paragraph(_t(inhoud.huisstijl.naam), s.band_naam)]
        if inhoud.huisstijl.ondertitel:
            self.paragrafen.append(Paragraph(_t(inhoud.huisstijl.ondertitel), s.band_tekst))
        if inhoud.samen_met:
            self.paragrafen.append(Paragraph(_t(inhoud.samen_met), s.band_samen))
        self.hoogtes = [p.wrap(tekstbreedte, opmaak.pagina[1])[1] for p in self.paragrafen]
        self.tekst_x = opmaak.marge + (self.logo_breedte + 5 * mm if self.logo else 0)
        self.binnen = 6 * mm
        tekst = sum(self.hoogtes) + 2 * mm * (len(self.paragrafen) - 1)
        self.hoogte = 2 * self.binnen + max(tekst, self.logo_hoogte if self.logo else 0)

    def teken(self, canvas, kleur):
        breedte, hoogte = self.opmaak.pagina
        canvas.setFillColor(kleur)
        canvas.rect(0, hoogte - self.hoogte, breedte, self.hoogte, stroke=0, fill=1)
        y = hoogte - self.binnen
        for paragraaf, h in zip(self.paragrafen, self.hoogtes, strict=True):
            paragraaf.drawOn(canvas, self.tekst_x, y - h)
            y -= h + 2 * mm
        if self.logo:
            canvas.drawImage(
                self.logo,
                self.opmaak.marge,
                hoogte - self.binnen - self.logo_hoogte,
                width=self.logo_breedte,
                height=self.logo_hoogte,
                preserveAspectRatio=True,
                mask="auto",
            )


def _canvas_met_voet(voet_links: str, kleur, opmaak: Opmaak):
    """A canvas that writes “pagina 2 van 3” on every page once it knows the last one."""

    class Canvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._paginas = []

        def showPage(self):  # ReportLab's name
            self._paginas.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            totaal = len(self._paginas)
            for staat in self._paginas:
                self.__dict__.update(staat)
                self._voet(totaal)
                super().showPage()
            super().save()

        def _voet(self, totaal):
            breedte = opmaak.pagina[0]
            y = opmaak.marge / 2
            self.saveState()
            self.setStrokeColor(kleur)
            self.setLineWidth(0.5)
            self.line(opmaak.marge, y + opmaak.tekst, breedte - opmaak.marge, y + opmaak.tekst)
            self.setFont("Helvetica", opmaak.tekst - 1)
            self.setFillColor(GRIJS)
            self.drawString(opmaak.marge, y, voet_links)
            self.drawRightString(
                breedte - opmaak.marge,
                y,
                _winansi(
                    gettext("pagina %(nummer)s van %(totaal)s")
                    % {"nummer": self._pageNumber, "totaal": totaal}
                ),
            )
            self.restoreState()

    return Canvas


def _kolommen(opmaak: Opmaak, boven: float, onder: float, prefix: str) -> list[Frame]:
    breedte = opmaak.pagina[0] - 2 * opmaak.marge
    tussen = 7 * mm
    kolom = (breedte - tussen * (opmaak.kolommen - 1)) / opmaak.kolommen
    return [
        Frame(
            opmaak.marge + i * (kolom + tussen),
            onder,
            kolom,
            boven - onder,
            id=f"{prefix}{i}",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        for i in range(opmaak.kolommen)
    ]


def flyer_pdf(*, inhoud: FlyerInhoud, formaat: str = "a4") -> bytes:
    """The flyer as PDF bytes, on A4 (two columns) or A5 (one column, smaller type)."""
    opmaak = OPMAAK.get(formaat, OPMAAK["a4"])
    kleur = _kleur(inhoud.huisstijl)
    s = _Stijlen(opmaak, kleur)
    breedte, hoogte = opmaak.pagina
    binnenbreedte = breedte - 2 * opmaak.marge
    onder = opmaak.marge + opmaak.tekst * 1.5

    band = _Band(inhoud, s, opmaak)
    intro = _intro(inhoud, s, opmaak, binnenbreedte)
    intro_hoogte = intro.wrap(binnenbreedte, hoogte)[1]
    intro_top = hoogte - band.hoogte - 5 * mm
    kolommen_top = intro_top - intro_hoogte - 4 * mm
    eerste = PageTemplate(
        id="eerste",
        frames=[
            Frame(
                opmaak.marge,
                kolommen_top,
                binnenbreedte,
                intro_top - kolommen_top,
                id="intro",
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            ),
            *_kolommen(opmaak, kolommen_top, onder, "eerste"),
        ],
        onPage=lambda canvas, doc: band.teken(canvas, kleur),
    )

    def kleine_band(canvas, doc):
        canvas.saveState()
        canvas.setFillColor(kleur)
        canvas.rect(0, hoogte - BAND_OP_VOLGENDE, breedte, BAND_OP_VOLGENDE, stroke=0, fill=1)
        canvas.setFillColor(WIT)
        canvas.setFont("Helvetica-Bold", opmaak.tekst)
        y = hoogte - BAND_OP_VOLGENDE / 2 - opmaak.tekst / 3
        canvas.drawString(opmaak.marge, y, _winansi(inhoud.huisstijl.naam))
        canvas.drawRightString(breedte - opmaak.marge, y, _winansi(inhoud.titel))
        canvas.restoreState()

    volgende = PageTemplate(
        id="volgende",
        frames=_kolommen(opmaak, hoogte - BAND_OP_VOLGENDE - 6 * mm, onder, "volgende"),
        onPage=kleine_band,
    )

    verhaal = [NextPageTemplate("volgende"), intro, FrameBreak()]
    momenten = [_moment_blok(m, s, kleur, opmaak) for m in inhoud.momenten]
    if momenten:
        verhaal += _sectie(gettext("Activiteiten"), momenten, s)
        if inhoud.ingekort:
            verhaal.append(
                Paragraph(
                    _t(
                        gettext("Er is nog meer aanbod in deze periode: kijk op %(url)s.")
                        % {"url": inhoud.url}
                    ),
                    s.tekst,
                )
            )
    else:
        verhaal += [
            Paragraph(_t(gettext("Activiteiten")), s.kop),
            Paragraph(
                _t(
                    gettext(
                        "In deze periode staan er (nog) geen activiteiten gepland. "
                        "Kijk op %(url)s voor het laatste aanbod."
                    )
                    % {"url": inhoud.url}
                ),
                s.tekst,
            ),
        ]
    verhaal += _sectie(
        gettext("Altijd welkom tijdens de openingsuren"),
        [_doorlopend_blok(a, s, kleur, opmaak) for a in inhoud.doorlopend],
        s,
    )
    verhaal += _sectie(
        gettext("Plekken en openingsuren"),
        [_plek_blok(p, s, kleur, opmaak) for p in inhoud.plekken],
        s,
    )
    for huis, plannen in _per_huis(inhoud.haltes):
        verhaal += _sectie(
            gettext("%(naam)s komt naar je toe") % {"naam": huis},
            [_halte_blok(plan, s, kleur, opmaak) for plan in plannen],
            s,
        )
    verhaal += _sectie(
        ngettext(
            "Vragen? Je aanspreekpunt", "Vragen? De aanspreekpunten", len(inhoud.aanspreekpunten)
        ),
        [_aanspreekpunt_blok(g, s, kleur, opmaak) for g in inhoud.aanspreekpunten],
        s,
    )

    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=opmaak.pagina,
        pageTemplates=[eerste, volgende],
        title=_winansi(f"{inhoud.huisstijl.naam}: {inhoud.titel}"),
        author=_winansi(inhoud.huisstijl.naam),
        subject=_winansi(capfirst(inhoud.periode)),
        leftMargin=opmaak.marge,
        rightMargin=opmaak.marge,
        topMargin=opmaak.marge,
        bottomMargin=opmaak.marge,
    )
    doc.build(
        verhaal,
        canvasmaker=_canvas_met_voet(_winansi(capfirst(inhoud.periode)), kleur, opmaak),
    )
    return buffer.getvalue()


def _per_huis(plannen: list[Halteplan]) -> list[tuple[str, list[Halteplan]]]:
    per_huis: dict[str, list[Halteplan]] = {}
    for plan in plannen:
        per_huis.setdefault(plan.halte.mobiel_huis.naam, []).append(plan)
    return list(per_huis.items())

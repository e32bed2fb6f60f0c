"""Import events from UiTdatabank JSON-LD files: a file, a folder of them, or an upload.

A file holds one event, a list of events, or a search result (``{"member": [...]}``). Each
event is read (``inlezen.lees_event``), then written in its own transaction: a bad event
never half-writes and never stops the others. Activities are matched by their UiT id
(``Activiteit.uit_id``), or, for this portal's own exports, by the id the export gave them;
so importing twice updates instead of duplicating. The report (``Verslag``) says per event
whether it was created, updated, unchanged or skipped, and why, in Dutch.

What an import writes, per event: the ``Activiteit`` and its themes, target groups,
languages, partners and gemeenten; for an activity that came from UiTdatabank also its dated
moments and weekly rules (``Moment``, ``Reeks``), never deleting or cancelling a moment
that has registrations; a new ``Locatie`` (with opening hours) when the event's place is not
known yet but lies in the werkingsgebied. Activities that began in this portal keep their own
moments and place. Details and choices: docs/uitdatabank.md.
"""

import json
import logging
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext

from aanbod.models import Activiteit, Inschrijving, Moment, Reeks
from aanbod.services import komend_begin_bijwerken, momenten_uitrollen
from hvk import audit
from locaties.models import Locatie, Openingsuur
from uitdatabank.inlezen import Gegevens, Kalender, NieuwePlek, Opzoeken, Overslaan, lees_event
from uitdatabank.models import UitImport

logger = logging.getLogger(__name__)

EXTENSIES = (".json", ".jsonld")


class BestandFout(Exception):
    """A file that cannot be read as a whole; the message is for the person who gave it."""


class Uitkomst(StrEnum):
    AANGEMAAKT = "aangemaakt"
    BIJGEWERKT = "bijgewerkt"
    ONGEWIJZIGD = "ongewijzigd"
    OVERGESLAGEN = "overgeslagen"


@dataclass
class Regel:
    """What happened to one event."""

    nummer: int
    uitkomst: Uitkomst
    reden: str
    uit_id: str = ""
    titel: str = ""
    activiteit_id: int | None = None
    meldingen: list[str] = field(default_factory=list)


@dataclass
class Bestandsverslag:
    naam: str
    fout: str = ""
    regels: list[Regel] = field(default_factory=list)


@dataclass
class Verslag:
    proef: bool = False
    bestanden: list[Bestandsverslag] = field(default_factory=list)
    totaal: int = 0
    verwerkt: int = 0

    def telling(self) -> dict[str, int]:
        tellingen = {uitkomst.value: 0 for uitkomst in Uitkomst}
        for bestand in self.bestanden:
            for regel in bestand.regels:
                tellingen[regel.uitkomst] += 1
        return tellingen

    @property
    def fouten(self) -> list[str]:
        return [b.fout for b in self.bestanden if b.fout]

    def samenvatting(self) -> str:
        t = self.telling()
        tekst = (
            gettext(
                "%(aangemaakt)d aangemaakt, %(bijgewerkt)d bijgewerkt, "
                "%(ongewijzigd)d ongewijzigd, %(overgeslagen)d overgeslagen."
            )
            % t
        )
        if fouten := len(self.fouten):
            tekst += " " + ngettext(
                "%(n)d bestand kon niet gelezen worden.",
                "%(n)d bestanden konden niet gelezen worden.",
                fouten,
            ) % {"n": fouten}
        if self.proef:
            tekst += " " + gettext("Proefimport: er is niets bewaard.")
        return tekst

    def als_json(self) -> dict:
        return {"proef": self.proef, "bestanden": [asdict(b) for b in self.bestanden]}

    def als_tekst(self) -> str:
        regels = []
        for bestand in self.bestanden:
            regels.append(gettext("Bestand %(naam)s") % {"naam": bestand.naam})
            if bestand.fout:
                regels.append(f"  {gettext('FOUT')}: {bestand.fout}")
            for regel in bestand.regels:
                titel = regel.titel or regel.uit_id or gettext("(zonder naam)")
                regels.append(f"  {regel.nummer:>4}. {regel.uitkomst:<12} {titel}: {regel.reden}")
                regels.extend(f"        - {melding}" for melding in regel.meldingen)
        regels.append(self.samenvatting())
        return "\n".join(regels)


# --- Files -----------------------------------------------------------------------------


def max_bytes() -> int:
    return settings.HVK_UIT_IMPORT_MAX_BYTES


def grootte_controleren(grootte: int, naam: str) -> None:
    """Refuse a file over the limit, from its size alone, before reading it."""
    if grootte > max_bytes():
        raise BestandFout(
            gettext(
                "%(naam)s is %(mb).1f MB; een import neemt hoogstens %(max).1f MB per bestand. "
                "Splits het bestand in kleinere delen."
            )
            % {"naam": naam, "mb": grootte / 1024 / 1024, "max": max_bytes() / 1024 / 1024}
        )


def events_uit_json(data, naam: str) -> list:
    """The events of a parsed file: one event, a list, or a search result with ``member``."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if "member" in data:
            if isinstance(data["member"], list):
                return data["member"]
            raise BestandFout(gettext("%(naam)s: “member” is geen lijst.") % {"naam": naam})
        if {"@id", "@type", "name"} & data.keys():
            return [data]
    raise BestandFout(
        gettext(
            "%(naam)s bevat geen event, geen lijst van events en geen zoekresultaat met “member”."
        )
        % {"naam": naam}
    )


def events_uit_bestand(bron, naam: str) -> list:
    """Read an open (binary) file whose size was checked; raises ``BestandFout``."""
    try:
        tekst = bron.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BestandFout(
            gettext("%(naam)s is geen tekst in UTF-8; is het wel een JSON-bestand?")
            % {"naam": naam}
        ) from None
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as fout:
        raise BestandFout(
            gettext("%(naam)s is geen geldige JSON: %(fout)s op regel %(regel)d, kolom %(kolom)d.")
            % {"naam": naam, "fout": fout.msg, "regel": fout.lineno, "kolom": fout.colno}
        ) from None
    except RecursionError:
        raise BestandFout(gettext("%(naam)s is te diep genest.") % {"naam": naam}) from None
    return events_uit_json(data, naam)


def bestanden_in(pad: Path) -> list[Path]:
    """A file, or every .json and .jsonld file directly in a folder, in name order."""
    if pad.is_dir():
        return sorted(p for p in pad.iterdir() if p.is_file() and p.suffix.lower() in EXTENSIES)
    if pad.is_file():
        return [pad]
    raise BestandFout(gettext("%(pad)s bestaat niet.") % {"pad": pad})


# --- Importing -------------------------------------------------------------------------

Voortgang = Callable[[Verslag], None]


def importeer_pad(pad, *, proef: bool = False, voortgang: Voortgang | None = None) -> Verslag:
    """Import a file or a folder of files (``manage.py uit_import``)."""
    pad = Path(pad)
    bronnen = [(p.name, p.stat().st_size, p.open) for p in bestanden_in(pad)]
    if not bronnen:
        verslag = Verslag(proef=proef)
        verslag.bestanden.append(
            Bestandsverslag(
                naam=str(pad),
                fout=gettext("Geen .json- of .jsonld-bestanden in deze map."),
            )
        )
        return verslag
    return _importeer(
        [(naam, grootte, lambda o=openen: o("rb")) for naam, grootte, openen in bronnen],
        proef=proef,
        voortgang=voortgang,
    )


def importeer_bestand(
    bron, naam: str, grootte: int, *, proef: bool = False, voortgang: Voortgang | None = None
) -> Verslag:
    """Import one open binary file (an upload)."""
    return _importeer(
        [(naam, grootte, lambda: nullcontext(bron))], proef=proef, voortgang=voortgang
    )


def _importeer(bronnen, *, proef: bool, voortgang: Voortgang | None) -> Verslag:
    verslag = Verslag(proef=proef)
    opzoeken = Opzoeken()
    for naam, grootte, openen in bronnen:
        bestand = Bestandsverslag(naam=naam)
        verslag.bestanden.append(bestand)
        try:
            grootte_controleren(grootte, naam)
            with openen() as bron:
                events = events_uit_bestand(bron, naam)
        except BestandFout as fout:
            bestand.fout = str(fout)
            continue
        except OSError as fout:
            bestand.fout = gettext("%(naam)s kon niet gelezen worden: %(fout)s") % {
                "naam": naam,
                "fout": fout.strerror or fout,
            }
            continue
        verslag.totaal += len(events)
        if voortgang:
            voortgang(verslag)
        for nummer, data in enumerate(events, start=1):
            bestand.regels.append(
                importeer_event(data, nummer=nummer, opzoeken=opzoeken, proef=proef)
            )
            verslag.verwerkt += 1
            if voortgang:
                voortgang(verslag)
    return verslag


def importeer_event(data, *, nummer: int, opzoeken: Opzoeken, proef: bool = False) -> Regel:
    """Read and write one event in its own transaction (rolled back when ``proef``)."""
    uit_id = data.get("@id", "") if isinstance(data, dict) else ""
    regel = Regel(nummer=nummer, uitkomst=Uitkomst.OVERGESLAGEN, reden="", uit_id=str(uit_id)[:255])
    try:
        gegevens = lees_event(data, opzoeken)
        regel.titel, regel.meldingen = gegevens.titel, gegevens.meldingen
        with transaction.atomic():
            regel.uitkomst, regel.reden, regel.activiteit_id = _bewaren(gegevens, opzoeken)
            if proef:
                transaction.set_rollback(True)
    except Overslaan as fout:
        regel.reden = str(fout)
    except ValidationError as fout:
        regel.reden = gettext("Niet geldig in het portaal: %(fouten)s") % {
            "fouten": " ".join(m for m in fout.messages)
        }
    except IntegrityError:
        regel.reden = gettext(
            "Kon niet bewaard worden: dit event bestaat intussen al (bv. door een import die "
            "tegelijk liep). Importeer opnieuw."
        )
    except Exception:
        # One event with a shape nobody foresaw must not stop the others.
        logger.exception("UiTdatabank-import: event %s", regel.uit_id)
        regel.reden = gettext("Onverwachte fout bij dit event; het is niet bewaard.")
    if proef or regel.uitkomst == Uitkomst.OVERGESLAGEN:
        regel.activiteit_id = None  # nothing to link to
    return regel


# --- Writing ---------------------------------------------------------------------------


def _vrije_slug(model, basis: str, lengte: int) -> str:
    basis = slugify(basis)[: lengte - 6] or model._meta.model_name
    bezet = set(model.objects.filter(slug__startswith=basis).values_list("slug", flat=True))
    slug, n = basis, 2
    while slug in bezet:
        slug, n = f"{basis}-{n}", n + 1
    return slug


def _plek_maken(nieuw: NieuwePlek) -> Locatie:
    plek = Locatie(
        naam=nieuw.naam,
        slug=_vrije_slug(Locatie, nieuw.naam, 160),
        soort=Locatie.Soort.ANTENNE,
        gemeente=nieuw.gemeente,
        is_aanbodplek=True,
        straat=nieuw.straat,
        postcode=nieuw.postcode,
        plaats=nieuw.plaats,
        breedtegraad=nieuw.breedtegraad,
        lengtegraad=nieuw.lengtegraad,
        uit_id=nieuw.uit_id,
        **nieuw.voorzieningen,
    )
    plek.full_clean()
    plek.save()
    for weekdag, begin, einde in nieuw.openingsuren:
        Openingsuur.objects.create(locatie=plek, weekdag=weekdag, begin=begin, einde=einde)
    return plek


def _velden(gegevens: Gegevens) -> dict:
    """The activity's own fields the file speaks about (not its many-to-many links)."""
    velden = {"titel": gegevens.titel}
    if gegevens.beschrijving is not None:
        velden["beschrijving"] = gegevens.beschrijving
    if gegevens.samenvatting is not None:
        velden["samenvatting"] = gegevens.samenvatting
    if gegevens.pijler is not None:
        velden["pijler"] = gegevens.pijler
    if gegevens.leeftijd is not None:
        velden["leeftijd_van"], velden["leeftijd_tot"] = gegevens.leeftijd
    if gegevens.prijzen is not None:
        velden["prijs"], velden["sociaal_tarief"], velden["uitpas"] = gegevens.prijzen
    if gegevens.bereik is not None:
        velden["bereik"] = gegevens.bereik[0]
    if gegevens.inschrijving is not None:
        (
            velden["inschrijving_vereist"],
            velden["capaciteit"],
            velden["plaatsen_per"],
        ) = gegevens.inschrijving
    return velden


def _koppelingen(gegevens: Gegevens) -> dict[str, list]:
    koppelingen = {
        "themas": gegevens.themas,
        "doelgroepen": gegevens.doelgroepen,
        "partners": gegevens.partners,
        "talen": gegevens.talen,
        "gemeenten": gegevens.bereik[1] if gegevens.bereik is not None else None,
    }
    return {veld: waarden for veld, waarden in koppelingen.items() if waarden is not None}


def _veldnaam(veld: str) -> str:
    return str(Activiteit._meta.get_field(veld).verbose_name)


def _bestaande(uit_id: str, opzoeken: Opzoeken) -> tuple[Activiteit | None, bool]:
    """The activity this event is, and whether it began in this portal (its own export)."""
    activiteit = Activiteit.objects.filter(uit_id=uit_id).first()
    if activiteit is not None:
        return activiteit, False
    if pk := opzoeken.eigen_activiteit(uit_id):
        activiteit = Activiteit.objects.filter(pk=pk, uit_id="").first()
        if activiteit is not None:
            return activiteit, True
    return None, False


def _bewaren(gegevens: Gegevens, opzoeken: Opzoeken) -> tuple[Uitkomst, str, int]:
    activiteit, eigen = _bestaande(gegevens.uit_id, opzoeken)
    if activiteit is None:
        return _aanmaken(gegevens)
    return _bijwerken(activiteit, gegevens, eigen=eigen)


def _aanmaken(gegevens: Gegevens) -> tuple[Uitkomst, str, int]:
    if gegevens.pijler is None:
        raise Overslaan(
            gettext(
                "De pijler is niet af te leiden: geen type of thema uit de vertaaltabel "
                "(docs/uitdatabank.md). Voeg een passend type of thema toe in UiTdatabank."
            )
        )
    plek = gegevens.plek
    if isinstance(plek, NieuwePlek):
        plek = _plek_maken(plek)
    activiteit = Activiteit(
        slug=_vrije_slug(Activiteit, gegevens.titel, 160),
        uit_id=gegevens.uit_id,
        locatie=plek,
        doorlopend=gegevens.kalender.doorlopend,
        gepubliceerd=True,
        **_velden(gegevens),
    )
    if gegevens.prijzen is None:
        gegevens.meldingen.append(
            gettext("Geen prijs in het bestand: als gratis ingevoerd; controleer de prijs.")
        )
    activiteit.full_clean()
    activiteit.save()
    for veld, waarden in _koppelingen(gegevens).items():
        getattr(activiteit, veld).set(waarden)
    _kalender_zetten(activiteit, gegevens.kalender, gegevens.meldingen)
    return Uitkomst.AANGEMAAKT, gettext("Nieuwe activiteit."), activiteit.pk


def _bijwerken(activiteit: Activiteit, gegevens: Gegevens, *, eigen: bool) -> tuple:
    gewijzigd = []
    for veld, waarde in _velden(gegevens).items():
        if getattr(activiteit, veld) != waarde:
            setattr(activiteit, veld, waarde)
            gewijzigd.append(_veldnaam(veld))
    if not eigen:
        plek = gegevens.plek
        if isinstance(plek, NieuwePlek):
            plek = _plek_maken(plek)
        if activiteit.locatie_id != plek.pk:
            activiteit.locatie = plek
            gewijzigd.append(_veldnaam("locatie"))
        if activiteit.doorlopend != gegevens.kalender.doorlopend:
            activiteit.doorlopend = gegevens.kalender.doorlopend
            gewijzigd.append(_veldnaam("doorlopend"))
    if gewijzigd:
        activiteit.full_clean()
        activiteit.save()
    for veld, waarden in _koppelingen(gegevens).items():
        huidig = set(getattr(activiteit, veld).values_list("pk", flat=True))
        if huidig != {w.pk for w in waarden}:
            getattr(activiteit, veld).set(waarden)
            gewijzigd.append(_veldnaam(veld))
    if eigen:
        if _kalender_verschilt(activiteit, gegevens):
            gegevens.meldingen.append(
                gettext(
                    "Deze activiteit begon in dit portaal: haar momenten en locatie beheert het "
                    "portaal zelf. Wat het bestand daarover zegt, is niet overgenomen."
                )
            )
    else:
        gewijzigd += _kalender_zetten(activiteit, gegevens.kalender, gegevens.meldingen)
    if not gewijzigd:
        return Uitkomst.ONGEWIJZIGD, gettext("Al gelijk aan het bestand."), activiteit.pk
    return (
        Uitkomst.BIJGEWERKT,
        gettext("Gewijzigd: %(velden)s.") % {"velden": ", ".join(gewijzigd)},
        activiteit.pk,
    )


def _kalender_verschilt(activiteit: Activiteit, gegevens: Gegevens) -> bool:
    """For an activity of this portal: does the file say other moments or another place?"""
    plek = gegevens.plek
    if isinstance(plek, NieuwePlek) or plek.pk != activiteit.locatie_id:
        return True
    if activiteit.doorlopend != gegevens.kalender.doorlopend:
        return True
    if gegevens.kalender.reeksen:
        return True
    huidig = {
        (m.begin, m.einde, m.geannuleerd)
        for m in activiteit.momenten.filter(Q(locatie=None) | Q(locatie=plek))
    }
    return huidig != set(gegevens.kalender.momenten)


def _kalender_zetten(activiteit: Activiteit, kalender: Kalender, meldingen: list[str]) -> list[str]:
    """Make an imported activity's moments and weekly rules what the file says.

    Moments with registrations are never deleted or (un)cancelled here: the families would not
    hear of it. They stay as they are and the report says so. Moments already begun stay too,
    also when a newer file leaves them out: they are what the Huis offered.
    """
    nu = timezone.now()
    met_inschrijvingen = set(
        Inschrijving.objects.filter(moment__activiteit=activiteit).values_list("moment", flat=True)
    )
    gewenst = {(begin, einde): afgelast for begin, einde, afgelast in kalender.momenten}
    bestaand = {(m.begin, m.einde): m for m in activiteit.momenten.filter(reeks=None)}
    nieuw, weg, anders = [], [], 0
    for sleutel, moment in bestaand.items():
        if sleutel not in gewenst:
            if moment.begin < nu:
                continue
            if moment.pk in met_inschrijvingen:
                meldingen.append(_bewaard(moment, gettext("staat niet meer in het bestand")))
            else:
                weg.append(moment.pk)
        elif moment.geannuleerd != gewenst[sleutel]:
            if moment.pk in met_inschrijvingen:
                meldingen.append(
                    _bewaard(moment, gettext("heeft in het bestand een andere status"))
                )
            else:
                moment.geannuleerd = gewenst[sleutel]
                moment.save(update_fields=["geannuleerd", "aangepast"])
                anders += 1
    for (begin, einde), afgelast in gewenst.items():
        if (begin, einde) not in bestaand:
            nieuw.append(
                Moment(activiteit=activiteit, begin=begin, einde=einde, geannuleerd=afgelast)
            )
    if weg:
        Moment.objects.filter(pk__in=weg).delete()
    if nieuw:
        audit.aangemaakt(Moment.objects.bulk_create(nieuw))

    gewenste_regels = set(kalender.reeksen)
    behouden, bekend, gewist = [], set(), 0
    for reeks in activiteit.reeksen.all():
        sleutel = (
            reeks.weekdag,
            reeks.begintijd,
            reeks.eindtijd,
            reeks.geldig_van,
            reeks.geldig_tot,
        )
        eenvoudig = (
            reeks.frequentie == Reeks.Frequentie.WEKELIJKS
            and reeks.interval == 1
            and reeks.locatie_id is None
        )
        if eenvoudig and sleutel in gewenste_regels and sleutel not in bekend:
            behouden.append(reeks)
            bekend.add(sleutel)
        else:
            reeks.delete()  # keeps past moments and those with registrations
            gewist += 1
    nieuwe_regels = []
    for weekdag, begin, einde, van, tot in sorted(gewenste_regels - bekend):
        reeks = Reeks(
            activiteit=activiteit,
            frequentie=Reeks.Frequentie.WEKELIJKS,
            interval=1,
            weekdag=weekdag,
            begintijd=begin,
            eindtijd=einde,
            geldig_van=van,
            geldig_tot=tot,
        )
        reeks.full_clean()
        reeks.save()
        nieuwe_regels.append(reeks)
    if nieuwe_regels or behouden:
        momenten_uitrollen(reeksen=[*behouden, *nieuwe_regels])
    komend_begin_bijwerken(activiteiten=[activiteit.pk])

    wijzigingen = []
    if nieuw or weg or anders:
        wijzigingen.append(
            gettext("momenten (%(nieuw)d nieuw, %(weg)d weg, %(anders)d andere status)")
            % {"nieuw": len(nieuw), "weg": len(weg), "anders": anders}
        )
    if nieuwe_regels or gewist:
        wijzigingen.append(
            gettext("herhalingen (%(nieuw)d nieuw, %(weg)d weg)")
            % {"nieuw": len(nieuwe_regels), "weg": gewist}
        )
    return wijzigingen


def _bewaard(moment: Moment, waarom: str) -> str:
    return gettext(
        "Het moment van %(moment)s %(waarom)s, maar heeft inschrijvingen: het blijft zoals het "
        "is. Annuleer of verplaats het in het beheer, dan krijgen de gezinnen bericht."
    ) % {"moment": f"{timezone.localtime(moment.begin):%d/%m/%Y %H:%M}", "waarom": waarom}


# --- The admin's background task -------------------------------------------------------


def import_uitvoeren(*, import_id: int) -> str:
    """Run an uploaded ``UitImport``: claim it, import its file with progress, keep the report.

    Writes the import's status, counts and report (with ``QuerySet.update``: progress is
    bookkeeping, not a change anyone made), everything the import itself writes (see the
    module), with the uploader as the audit log's actor, and deletes the uploaded file
    afterwards. Returns the final status.
    """
    if not UitImport.objects.filter(pk=import_id, status=UitImport.Status.WACHTEND).update(
        status=UitImport.Status.BEZIG
    ):
        return "overgeslagen"  # gone, or another worker took it
    uit_import = UitImport.objects.select_related("door").get(pk=import_id)
    rij = UitImport.objects.filter(pk=import_id)

    def voortgang(verslag: Verslag):
        rij.update(totaal=verslag.totaal, verwerkt=verslag.verwerkt, **_tellingen(verslag))

    try:
        with (
            set_actor(uit_import.door) if uit_import.door else nullcontext(),
            uit_import.bestand.open("rb") as bron,
        ):
            verslag = importeer_bestand(
                bron,
                uit_import.bestandsnaam,
                uit_import.bestand.size,
                proef=uit_import.proef,
                voortgang=voortgang,
            )
    except Exception as fout:
        logger.exception("UiTdatabank-import %s mislukt", import_id)
        rij.update(
            status=UitImport.Status.MISLUKT,
            afgerond=timezone.now(),
            fout=gettext("De import liep vast: %(fout)s") % {"fout": type(fout).__name__},
        )
        status = UitImport.Status.MISLUKT
    else:
        fouten = verslag.fouten
        status = UitImport.Status.MISLUKT if fouten else UitImport.Status.KLAAR
        rij.update(
            status=status,
            afgerond=timezone.now(),
            totaal=verslag.totaal,
            verwerkt=verslag.verwerkt,
            fout=" ".join(fouten),
            verslag=verslag.als_json(),
            **_tellingen(verslag),
        )
    if uit_import.bestand:
        uit_import.bestand.delete(save=False)
        rij.update(bestand="")
    return status


def _tellingen(verslag: Verslag) -> dict[str, int]:
    t = verslag.telling()
    return {
        "nieuw": t[Uitkomst.AANGEMAAKT],
        "bijgewerkt": t[Uitkomst.BIJGEWERKT],
        "ongewijzigd": t[Uitkomst.ONGEWIJZIGD],
        "overgeslagen": t[Uitkomst.OVERGESLAGEN],
    }

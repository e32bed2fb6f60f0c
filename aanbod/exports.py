"""Registrations as a spreadsheet: CSV for any program, XLSX for Excel. Plain functions.

Both formats have the same columns, one row per registration. A registration whose personal
data was erased keeps its counts and state but shows no name, contact or ages. Text that a
spreadsheet could take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) is neutralised, since names and remarks come from residents.
"""

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from aanbod.models import Inschrijving

# Excel in Belgium splits on semicolons and needs the BOM to read UTF-8.
CSV_SCHEIDING = ";"
BOM = "\ufeff"
GEVAARLIJK_BEGIN = ("=", "+", "-", "@", "\t", "\r")
XLSX_DATUMNOTATIE = "dd/mm/yyyy hh:mm"
XLSX_MAX_BREEDTE = 50

STATUSVOLGORDE = {
    Inschrijving.Status.BEVESTIGD: 0,
    Inschrijving.Status.WACHTLIJST: 1,
    Inschrijving.Status.GEANNULEERD: 2,
}


def kolommen() -> list[str]:
    return [
        gettext("activiteit"),
        gettext("moment"),
        gettext("status"),
        gettext("plaats op de wachtlijst"),
        gettext("naam"),
        gettext("e-mail"),
        gettext("telefoon"),
        gettext("volwassenen"),
        gettext("kinderen"),
        gettext("leeftijden"),
        gettext("woont in"),
        gettext("opmerking"),
        gettext("kanaal"),
        gettext("ingeschreven op"),
        gettext("aanwezig"),
    ]


def wachtplaatsen(inschrijvingen: Iterable[Inschrijving]) -> dict[int, int]:
    """Each waiting registration's place (1, 2, …) on its moment's whole waiting list.

    A selection may hold only part of a list, so the places come from the list itself:
    one query for all moments involved.
    """
    momenten = {i.moment_id for i in inschrijvingen if i.status == Inschrijving.Status.WACHTLIJST}
    if not momenten:
        return {}
    plaatsen: dict[int, int] = {}
    teller: dict[int, int] = defaultdict(int)
    for pk, moment_id in (
        Inschrijving.objects.wachtlijst()
        .filter(moment_id__in=momenten)
        .values_list("pk", "moment_id")
    ):
        teller[moment_id] += 1
        plaatsen[pk] = teller[moment_id]
    return plaatsen


def gesorteerd(inschrijvingen: Iterable[Inschrijving]) -> list[Inschrijving]:
    """By moment, then confirmed, waiting (in order) and cancelled, each by time of registering."""
    return sorted(
        inschrijvingen,
        key=lambda i: (i.moment.begin, i.moment_id, STATUSVOLGORDE[i.status], i.aangemaakt, i.pk),
    )


def _aanwezig_tekst(aanwezig: bool | None) -> str:
    if aanwezig is None:
        return ""
    return gettext("ja") if aanwezig else gettext("nee")


def rijen(inschrijvingen: Iterable[Inschrijving]) -> list[list]:
    """One row of values per registration, in the order of ``kolommen()``.

    Expects the registrations with ``moment__activiteit`` and ``woonplaats`` selected.
    Times are local and naive (what a spreadsheet shows); numbers stay numbers.
    """
    inschrijvingen = gesorteerd(inschrijvingen)
    plaatsen = wachtplaatsen(inschrijvingen)
    resultaat = []
    for i in inschrijvingen:
        gewist = i.is_gewist
        resultaat.append(
            [
                i.moment.activiteit.titel,
                _lokaal(i.moment.begin),
                i.get_status_display(),
                plaatsen.get(i.pk),
                gettext("gegevens gewist") if gewist else i.naam,
                "" if gewist else i.email,
                "" if gewist else i.telefoon,
                i.volwassenen,
                i.kinderen,
                "" if gewist else i.leeftijden_tekst(),
                i.woonplaats.naam if i.woonplaats_id else gettext("elders"),
                "" if gewist else i.opmerking,
                i.get_kanaal_display(),
                _lokaal(i.aangemaakt),
                _aanwezig_tekst(i.aanwezig),
            ]
        )
    return resultaat


def _lokaal(tijdstip: dt.datetime) -> dt.datetime:
    return timezone.localtime(tijdstip).replace(tzinfo=None)


def is_gevaarlijk(waarde) -> bool:
    """Text a spreadsheet would read as the start of a formula."""
    return isinstance(waarde, str) and waarde.startswith(GEVAARLIJK_BEGIN)


def csv_waarde(waarde) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, dt.datetime):
        return waarde.strftime("%d/%m/%Y %H:%M")
    tekst = str(waarde)
    # A leading apostrophe makes a spreadsheet read the rest as plain text.
    return f"'{tekst}" if is_gevaarlijk(tekst) else tekst


def als_csv(inschrijvingen: Iterable[Inschrijving]) -> bytes:
    """The registrations as CSV: UTF-8 with BOM, semicolons, a header row."""
    buffer = io.StringIO()
    buffer.write(BOM)
    schrijver = csv.writer(buffer, delimiter=CSV_SCHEIDING, lineterminator="\r\n")
    schrijver.writerow(kolommen())
    for rij in rijen(inschrijvingen):
        schrijver.writerow([csv_waarde(w) for w in rij])
    return buffer.getvalue().encode("utf-8")


def als_xlsx(inschrijvingen: Iterable[Inschrijving]) -> bytes:
    """The registrations as an Excel workbook: a bold, frozen header and readable widths."""
    boek = Workbook()
    blad = boek.active
    blad.title = gettext("Inschrijvingen")
    koppen = kolommen()
    blad.append(koppen)
    vet = Font(bold=True)
    for cel in blad[1]:
        cel.font = vet
    breedtes = [len(kop) for kop in koppen]
    for rijnummer, rij in enumerate(rijen(inschrijvingen), start=2):
        for kolomnummer, waarde in enumerate(rij, start=1):
            if isinstance(waarde, str):
                # Control characters make openpyxl refuse the whole file.
                waarde = ILLEGAL_CHARACTERS_RE.sub("", waarde)
            cel = blad.cell(row=rijnummer, column=kolomnummer, value=waarde)
            if isinstance(waarde, dt.datetime):
                cel.number_format = XLSX_DATUMNOTATIE
                lengte = len(XLSX_DATUMNOTATIE)
            else:
                lengte = len(str(waarde)) if waarde is not None else 0
            if is_gevaarlijk(waarde):
                # Stored as text, never as a formula; Excel's own "quote prefix" keeps it
                # text when someone edits the cell, without a visible apostrophe.
                cel.data_type = "s"
                cel.quotePrefix = True
            breedtes[kolomnummer - 1] = max(breedtes[kolomnummer - 1], lengte)
    for kolomnummer, breedte in enumerate(breedtes, start=1):
        blad.column_dimensions[get_column_letter(kolomnummer)].width = min(
            breedte + 2, XLSX_MAX_BREEDTE
        )
    blad.freeze_panes = "A2"
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()


def bestandsnaam(extensie: str, *, moment=None) -> str:
    """inschrijvingen-<activity>-<date of the moment>.<ext>, or with today's date for a mix."""
    if moment is not None:
        dag = timezone.localdate(moment.begin)
        return f"inschrijvingen-{moment.activiteit.slug}-{dag:%Y-%m-%d}.{extensie}"
    return f"inschrijvingen-{timezone.localdate():%Y-%m-%d}.{extensie}"

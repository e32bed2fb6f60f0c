"""A resident's personal data, found by e-mail address: look it up, export it, erase it.

For a request under the GDPR (access, Art. 15; erasure, Art. 17). The coordinator types the
address the resident wrote to us from; this module finds every row that holds it:
registrations (``aanbod.Inschrijving``), questions (``communicatie.Vraag``) and the newsletter
subscription (``communicatie.Abonnee``, with the deliveries made for it).

- ``zoek(email)`` reads, and writes nothing.
- ``opzoeken``, ``exporteren`` and ``wis`` each write one entry in the audit trail (see
  ``_auditregel``): who did it, when, and how many rows, never the address itself.

What the page shows and what the export holds are the same ``Onderdeel`` rows, made once.
Rows are matched on the whole address, case-insensitively and without surrounding spaces;
data given without an e-mail address (a registration by phone, a question with only a phone
number) is not found here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from auditlog.cid import get_cid
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, ngettext
from django.views.decorators.debug import sensitive_variables

from aanbod.models import Inschrijving
from aanbod.services import gegevens_wissen
from accounts.models import Gebruiker
from communicatie.models import Abonnee, Huisstijl, Verzending, Vraag
from communicatie.nieuwsbrief import uitschrijven

# The key of the pseudonym: a change makes new pseudonyms, never old ones readable.
KENMERK_ZOUT = "accounts.persoonsgegevens.kenmerk"
KENMERK_LENGTE = 16  # hex characters: 64 bits, no collisions among a Huis's residents


def normaliseer(email: str) -> str:
    """The address as the portal compares it: without surrounding spaces, in lower case."""
    return email.strip().lower()


@sensitive_variables("email")
def kenmerk(email: str) -> str:
    """The resident's pseudonym in the audit trail: a keyed hash of the address.

    An HMAC with the project's ``SECRET_KEY`` rather than a plain SHA-256: anyone holding only
    the database or a backup could hash a list of addresses and find who asked us; without the
    key that does not work. The portal itself can compute it again from an address, so the
    coordinator finds the entries of a request by searching the log for the pseudonym.
    """
    return salted_hmac(KENMERK_ZOUT, normaliseer(email), algorithm="sha256").hexdigest()[
        :KENMERK_LENGTE
    ]


# --- What the page shows and the export holds ----------------------------------------------


@dataclass(frozen=True)
class Rij:
    """One stored row, as a person reads it: a title and its fields (key, label, value)."""

    titel: str
    velden: list[tuple[str, str, str | int | None]]

    def als_json(self) -> dict:
        return {sleutel: waarde for sleutel, _label, waarde in self.velden}


@dataclass(frozen=True)
class Onderdeel:
    """One kind of data (registrations, questions, …) with its rows."""

    sleutel: str
    titel: str
    rijen: list[Rij]


def _tijdstip(waarde: dt.datetime | None) -> str | None:
    if waarde is None:
        return None
    return timezone.localtime(waarde).strftime("%Y-%m-%d %H:%M")


def _ja_nee(waarde: bool | None) -> str | None:
    if waarde is None:
        return None
    return gettext("ja") if waarde else gettext("nee")


def _inschrijving(inschrijving: Inschrijving) -> Rij:
    moment = inschrijving.moment
    activiteit = moment.activiteit
    plek = moment.plek
    begin, einde = timezone.localtime(moment.begin), timezone.localtime(moment.einde)
    tot = f"{einde:%H:%M}" if einde.date() == begin.date() else _tijdstip(einde)
    wanneer = f"{_tijdstip(begin)}\N{EN DASH}{tot}"
    if moment.geannuleerd:
        wanneer += " (" + gettext("afgelast") + ")"
    woont_in = (
        inschrijving.woonplaats.naam
        if inschrijving.woonplaats_id
        else gettext("buiten de deelnemende gemeenten")
    )
    return Rij(
        titel=f"{activiteit.titel}, {_tijdstip(moment.begin)}",
        velden=[
            ("activiteit", gettext("activiteit"), activiteit.titel),
            ("moment", gettext("moment"), wanneer),
            ("plek", gettext("plek"), plek.naam if plek else None),
            ("status", gettext("status"), inschrijving.get_status_display()),
            ("naam", gettext("naam"), inschrijving.naam),
            ("email", gettext("e-mailadres"), inschrijving.email),
            ("telefoon", gettext("telefoon"), inschrijving.telefoon),
            ("volwassenen", gettext("volwassenen"), inschrijving.volwassenen),
            ("kinderen", gettext("kinderen"), inschrijving.kinderen),
            ("leeftijden", gettext("leeftijden van de kinderen"), inschrijving.leeftijden_tekst()),
            ("woont_in", gettext("woont in"), woont_in),
            ("opmerking", gettext("opmerking"), inschrijving.opmerking),
            ("kanaal", gettext("ingeschreven via"), inschrijving.get_kanaal_display()),
            ("aanwezig", gettext("aanwezig"), _ja_nee(inschrijving.aanwezig)),
            ("ingeschreven_op", gettext("ingeschreven op"), _tijdstip(inschrijving.aangemaakt)),
            (
                "toestemming_op",
                gettext("toestemming gegeven op"),
                _tijdstip(inschrijving.toestemming_op),
            ),
            ("bevestigd_op", gettext("plaats bevestigd op"), _tijdstip(inschrijving.bevestigd_op)),
            ("geannuleerd_op", gettext("geannuleerd op"), _tijdstip(inschrijving.geannuleerd_op)),
        ],
    )


def _vraag(vraag: Vraag) -> Rij:
    return Rij(
        titel=gettext("Vraag van %(datum)s aan %(gemeente)s")
        % {"datum": _tijdstip(vraag.aangemaakt), "gemeente": vraag.gemeente.naam},
        velden=[
            ("gesteld_op", gettext("gesteld op"), _tijdstip(vraag.aangemaakt)),
            ("gemeente", gettext("gemeente"), vraag.gemeente.naam),
            ("naam", gettext("naam"), vraag.naam),
            ("email", gettext("e-mailadres"), vraag.email),
            ("telefoon", gettext("telefoon"), vraag.telefoon),
            ("vraag", gettext("vraag"), vraag.vraag),
            ("status", gettext("status"), vraag.get_status_display()),
        ],
    )


def _abonnee(abonnee: Abonnee) -> Rij:
    alle = gettext("alle")
    return Rij(
        titel=gettext("Abonnement op de nieuwsbrief sinds %(datum)s")
        % {"datum": _tijdstip(abonnee.aangemaakt)},
        velden=[
            ("email", gettext("e-mailadres"), abonnee.email),
            ("ingeschreven_op", gettext("ingeschreven op"), _tijdstip(abonnee.aangemaakt)),
            ("bevestigd", gettext("bevestigd"), _ja_nee(abonnee.is_bevestigd)),
            ("bevestigd_op", gettext("bevestigd op"), _tijdstip(abonnee.bevestigd_op)),
            ("gemeenten", gettext("gemeenten"), ", ".join(g.naam for g in abonnee.gemeenten.all())),
            (
                "doelgroepen",
                gettext("doelgroepen"),
                ", ".join(d.naam for d in abonnee.doelgroepen.all()) or alle,
            ),
            (
                "leeftijden",
                gettext("leeftijden van de kinderen"),
                abonnee.leeftijden_tekst() or alle,
            ),
        ],
    )


def _verzending(verzending: Verzending) -> Rij:
    return Rij(
        titel=verzending.editie.titel,
        velden=[
            ("nieuwsbrief", gettext("nieuwsbrief"), verzending.editie.titel),
            ("status", gettext("status"), verzending.get_status_display()),
            ("verstuurd_op", gettext("verstuurd op"), _tijdstip(verzending.verstuurd_op)),
        ],
    )


# --- Looking up -----------------------------------------------------------------------------


@dataclass
class Gevonden:
    """Everything the portal holds for one address (``zoek``)."""

    email: str
    inschrijvingen: list[Inschrijving]
    vragen: list[Vraag]
    abonnees: list[Abonnee]
    # A staff account with this address: not a resident's data, handled under Gebruikers.
    heeft_account: bool = False

    @property
    def kenmerk(self) -> str:
        return kenmerk(self.email)

    @property
    def verzendingen(self) -> list[Verzending]:
        return [v for abonnee in self.abonnees for v in abonnee.verzendingen.all()]

    @property
    def leeg(self) -> bool:
        return not (self.inschrijvingen or self.vragen or self.abonnees)

    def aantallen(self) -> dict[str, int]:
        return {
            "inschrijvingen": len(self.inschrijvingen),
            "vragen": len(self.vragen),
            "abonnementen": len(self.abonnees),
        }

    def komende_inschrijvingen(self, nu: dt.datetime | None = None) -> list[Inschrijving]:
        """Registrations that ``gegevens_wissen`` cancels first: not cancelled, moment to come."""
        nu = nu or timezone.now()
        return [
            i
            for i in self.inschrijvingen
            if i.status != Inschrijving.Status.GEANNULEERD and i.moment.begin > nu
        ]

    def onderdelen(self) -> list[Onderdeel]:
        """What the page shows and the export holds, in that order."""
        return [
            Onderdeel(
                "inschrijvingen",
                gettext("Inschrijvingen"),
                [_inschrijving(i) for i in self.inschrijvingen],
            ),
            Onderdeel("vragen", gettext("Vragen"), [_vraag(v) for v in self.vragen]),
            Onderdeel("nieuwsbrief", gettext("Nieuwsbrief"), [_abonnee(a) for a in self.abonnees]),
            Onderdeel(
                "nieuwsbrief_verzendingen",
                gettext("Verzendingen van de nieuwsbrief"),
                [_verzending(v) for v in self.verzendingen],
            ),
        ]


@sensitive_variables("email")
def zoek(email: str) -> Gevonden:
    """Every row that holds ``email`` (trimmed, any case), with what its page needs.

    Reads only, in a fixed number of queries whatever the number of rows: registrations with
    their moment, activity, place and gemeente; questions with their gemeente; subscriptions
    with their gemeenten, target groups and deliveries (with their edition). Registrations
    whose personal data is already erased hold no address and are not found.

    Raises ``ValueError`` for an empty address: it would match every row given without one.
    """
    email = normaliseer(email)
    if not email:
        raise ValueError("An e-mail address is required.")
    inschrijvingen = list(
        Inschrijving.objects.filter(email__iexact=email)
        .select_related("moment__activiteit__locatie", "moment__locatie", "woonplaats")
        .order_by("moment__begin", "pk")
    )
    vragen = list(
        Vraag.objects.filter(email__iexact=email)
        .select_related("gemeente")
        .order_by("aangemaakt", "pk")
    )
    abonnees = list(
        Abonnee.objects.filter(email__iexact=email)
        .prefetch_related(
            "gemeenten",
            "doelgroepen",
            Prefetch(
                "verzendingen",
                queryset=Verzending.objects.select_related("editie").order_by("pk"),
            ),
        )
        .order_by("pk")
    )
    heeft_account = Gebruiker.objects.filter(email__iexact=email).exists()
    return Gevonden(
        email=email,
        inschrijvingen=inschrijvingen,
        vragen=vragen,
        abonnees=abonnees,
        heeft_account=heeft_account,
    )


@sensitive_variables("email")
def opzoeken(*, email: str, door: Gebruiker) -> Gevonden:
    """``zoek`` for the page, with one audit entry (*opgezocht*, the counts, by ``door``)."""
    gevonden = zoek(email)
    _auditregel(
        actie="opgezocht",
        gevonden=gevonden,
        door=door,
        aantallen={sleutel: [None, n] for sleutel, n in gevonden.aantallen().items()},
    )
    return gevonden


@sensitive_variables("email")
def exporteren(*, email: str, door: Gebruiker) -> dict:
    """Everything ``zoek`` finds as a JSON-ready dict (what the page shows, the same rows),
    with one audit entry (*geëxporteerd*, the counts, by ``door``)."""
    gevonden = zoek(email)
    _auditregel(
        actie="geëxporteerd",
        gevonden=gevonden,
        door=door,
        aantallen={sleutel: [None, n] for sleutel, n in gevonden.aantallen().items()},
    )
    return {
        "huis": Huisstijl.huidige().naam,
        "website": settings.HVK_SITE_URL,
        "opgemaakt_op": timezone.localtime().isoformat(timespec="seconds"),
        "email": gevonden.email,
        "onderdelen": {
            onderdeel.sleutel: {
                "titel": onderdeel.titel,
                "rijen": [rij.als_json() for rij in onderdeel.rijen],
            }
            for onderdeel in gevonden.onderdelen()
        },
    }


# --- Erasing --------------------------------------------------------------------------------


@dataclass
class Gewist:
    """What ``wis`` did: counts only, never the address (the page shows it after a redirect)."""

    kenmerk: str
    inschrijvingen: int = 0  # personal fields emptied
    geannuleerd: int = 0  # of those: cancelled first, their moment still to come
    doorgeschoven: int = 0  # families on a waiting list who got a freed seat
    vragen: int = 0  # deleted
    abonnementen: int = 0  # deleted
    verzendingen: int = 0  # deliveries of the newsletter no longer linked to anyone
    auditregels: int = 0  # audit entries about the deleted questions (they named the resident)

    @property
    def niets(self) -> bool:
        return not (self.inschrijvingen or self.vragen or self.abonnementen)

    def als_dict(self) -> dict:
        return asdict(self)


@sensitive_variables("email")
def wis(*, email: str, door: Gebruiker) -> Gewist:
    """Erase everything the portal holds for ``email``, in one transaction.

    Writes:

    - each registration through ``gegevens_wissen``, in the order of its moment (the locks
      are always taken in the same order): one for a moment still to come is cancelled first,
      so its seat goes to the waiting list and the promoted family is mailed (this family is
      not: its address is about to go); then name, e-mail, phone, remark and the children's
      ages are emptied. The number of people, the gemeente of residence, the state and the
      anonymous reach (``Bereikcijfer``) stay;
    - each question deleted (as ``vragen_opruimen`` does after the retention period), and
      the audit entries about those questions with it: their label names the resident, and
      ``audit_opruimen`` would delete them the next night anyway;
    - each newsletter subscription deleted with its interests (``uitschrijven``); its
      deliveries stay as anonymous counts of their edition, and one still waiting is skipped
      when its batch comes;
    - one audit entry (*gewist*, the counts, by ``door``).

    The audit entries of registrations and subscriptions stay: they never held the address,
    a name or the children's ages (``HVK_AUDIT_PERSOONSGEGEVENS``). Staff accounts with this
    address are left alone. Returns the counts.
    """
    nu = timezone.now()
    with transaction.atomic():
        gevonden = zoek(email)
        gewist = Gewist(kenmerk=gevonden.kenmerk)

        eigen = [i.pk for i in gevonden.inschrijvingen]
        komend = gevonden.komende_inschrijvingen(nu)
        momenten = {i.moment_id for i in komend}
        wachtend = set(
            Inschrijving.objects.wachtlijst()
            .filter(moment_id__in=momenten)
            .exclude(pk__in=eigen)
            .values_list("pk", flat=True)
        )
        for inschrijving in sorted(gevonden.inschrijvingen, key=lambda i: (i.moment_id, i.pk)):
            gegevens_wissen(inschrijving=inschrijving)
        gewist.inschrijvingen = len(eigen)
        gewist.geannuleerd = len(komend)
        gewist.doorgeschoven = Inschrijving.objects.bevestigd().filter(pk__in=wachtend).count()

        vraag_ids = [v.pk for v in gevonden.vragen]
        if vraag_ids:
            Vraag.objects.filter(pk__in=vraag_ids).delete()
            gewist.vragen = len(vraag_ids)
            gewist.auditregels, _per_model = LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(Vraag), object_id__in=vraag_ids
            ).delete()

        for abonnee in gevonden.abonnees:
            gewist.verzendingen += len(abonnee.verzendingen.all())
            uitschrijven(abonnee=abonnee)
        gewist.abonnementen = len(gevonden.abonnees)

        _auditregel(
            actie="gewist",
            gevonden=gevonden,
            door=door,
            aantallen={sleutel: [n, 0] for sleutel, n in gevonden.aantallen().items()},
            extra={
                "geannuleerd": gewist.geannuleerd,
                "doorgeschoven": gewist.doorgeschoven,
                "verzendingen": gewist.verzendingen,
            },
        )
    return gewist


# --- The audit trail ------------------------------------------------------------------------

ACTIES = {
    "opgezocht": LogEntry.Action.ACCESS,
    "geëxporteerd": LogEntry.Action.ACCESS,
    "gewist": LogEntry.Action.DELETE,
}


def _auditregel(*, actie: str, gevonden: Gevonden, door, aantallen: dict, extra=None) -> LogEntry:
    """One django-auditlog entry for a look-up, an export or an erasure.

    The resident has no row of their own, so the entry is about no object: its type is the
    audit trail's own (``LogEntry``) and it has no object id. What a person reads in the
    admin's list is the label: the action, the resident's pseudonym (``kenmerk``) and the
    counts; the counts are also in ``changes`` (shown on the entry's page) and, with the kind
    of action, in ``additional_data``. The address itself is never written: not in the label,
    not in the changes, not in the extra data.
    """
    with translation.override(settings.LANGUAGE_CODE):
        aantal = gevonden.aantallen()
        samenvatting = ", ".join(
            [
                ngettext("%(n)d inschrijving", "%(n)d inschrijvingen", aantal["inschrijvingen"])
                % {"n": aantal["inschrijvingen"]},
                ngettext("%(n)d vraag", "%(n)d vragen", aantal["vragen"]) % {"n": aantal["vragen"]},
                ngettext("%(n)d abonnement", "%(n)d abonnementen", aantal["abonnementen"])
                % {"n": aantal["abonnementen"]},
            ]
        )
        label = {
            "opgezocht": gettext("Persoonsgegevens opgezocht van inwoner %(kenmerk)s: %(wat)s"),
            "geëxporteerd": gettext(
                "Persoonsgegevens geëxporteerd van inwoner %(kenmerk)s: %(wat)s"
            ),
            "gewist": gettext("Persoonsgegevens gewist van inwoner %(kenmerk)s: %(wat)s"),
        }[actie] % {"kenmerk": gevonden.kenmerk, "wat": samenvatting}
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(LogEntry),
        object_pk="",
        object_id=None,
        object_repr=label,
        action=ACTIES[actie],
        changes=aantallen,
        actor=door,
        actor_email=door.email,
        additional_data={
            "persoonsgegevens": actie,
            "kenmerk": gevonden.kenmerk,
            "aantallen": gevonden.aantallen() | (extra or {}),
        },
        cid=get_cid(),
    )

"""Registering for a moment, the waiting list, attendance, and erasing personal data.

Every change that takes or frees a seat locks the moment's row first (``select_for_update``,
a no-op on SQLite, where ``transaction_mode=IMMEDIATE`` queues writers instead), then counts
the confirmed seats from the registrations themselves: there is no counter that can drift.
Freeing a seat needs the same lock, because it promotes from the waiting list.

Mails are queued as tasks inside the same transaction: with the database task backend the
task row commits together with the registration, or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from aanbod.models import Activiteit, Bereikcijfer, Inschrijving, Moment
from aanbod.models.inschrijving import MAX_KINDEREN, MAX_VOLWASSENEN
from gemeenten.models import Gemeente
from hvk import audit


class InschrijvingFout(Exception):
    """A registration that cannot be made or changed; the message is for the person."""


class Volzet(InschrijvingFout):
    """Not enough free seats; the family may choose the waiting list instead."""


class AlIngeschreven(InschrijvingFout):
    """This e-mail address already holds or waits for a seat on this moment."""

    def __init__(self, message: str, *, inschrijving: Inschrijving):
        super().__init__(message)
        self.inschrijving = inschrijving


@dataclass(frozen=True)
class Gezin:
    """Who registers: the minimum the Huis needs to hold a seat and reach the family."""

    naam: str
    email: str = ""
    telefoon: str = ""
    volwassenen: int = 1
    leeftijden: tuple[int, ...] = field(default_factory=tuple)  # of the children, in months
    woonplaats: Gemeente | None = None  # None: outside the participating gemeenten
    opmerking: str = ""


def _vergrendel(moment_id: int) -> Moment:
    """The moment's row, locked until the transaction ends: seats are counted after this."""
    return (
        Moment.objects.select_for_update(of=("self",))
        .select_related("activiteit")
        .get(pk=moment_id)
    )


def vrije_plaatsen(moment: Moment) -> int | None:
    """Seats still free on ``moment`` (None: no limit). Call with the moment locked to rely
    on the answer."""
    capaciteit = moment.activiteit.capaciteit
    if capaciteit is None:
        return None
    return max(capaciteit - Inschrijving.objects.bezette_plaatsen(moment), 0)


def _plaatsen_nodig(activiteit: Activiteit, gezin: Gezin) -> int:
    if activiteit.plaatsen_per == Activiteit.PlaatsenPer.GEZIN:
        return 1
    return gezin.volwassenen + len(gezin.leeftijden)


def _controleer(moment: Moment, gezin: Gezin, *, kanaal: str) -> None:
    activiteit = moment.activiteit
    if not activiteit.inschrijving_vereist:
        raise InschrijvingFout(gettext("Voor dit moment hoef je je niet in te schrijven."))
    if kanaal == Inschrijving.Kanaal.WEBSITE and not activiteit.gepubliceerd:
        raise InschrijvingFout(gettext("Dit aanbod staat niet (meer) op de website."))
    if moment.geannuleerd:
        raise InschrijvingFout(gettext("Dit moment gaat niet door."))
    if moment.begin <= timezone.now():
        raise InschrijvingFout(gettext("Dit moment is al begonnen; inschrijven kan niet meer."))
    if not gezin.naam.strip():
        raise InschrijvingFout(gettext("Vul je naam in."))
    if not gezin.email and not gezin.telefoon:
        raise InschrijvingFout(
            gettext("Vul je e-mailadres of je telefoonnummer in, zodat we je kunnen bereiken.")
        )
    if not 0 <= gezin.volwassenen <= MAX_VOLWASSENEN or len(gezin.leeftijden) > MAX_KINDEREN:
        raise InschrijvingFout(
            gettext("Schrijf je in met hoogstens %(v)s volwassenen en %(k)s kinderen.")
            % {"v": MAX_VOLWASSENEN, "k": MAX_KINDEREN}
        )
    if gezin.volwassenen + len(gezin.leeftijden) < 1:
        raise InschrijvingFout(gettext("Schrijf minstens één persoon in."))
    capaciteit = activiteit.capaciteit
    if capaciteit is not None and _plaatsen_nodig(activiteit, gezin) > capaciteit:
        raise InschrijvingFout(
            ngettext(
                "Dit moment heeft maar %(n)s plaats. Bel ons voor een grotere groep.",
                "Dit moment heeft maar %(n)s plaatsen. Bel ons voor een grotere groep.",
                capaciteit,
            )
            % {"n": capaciteit}
        )


def inschrijven(
    *,
    moment: Moment,
    gezin: Gezin,
    wachtlijst: bool = False,
    kanaal: str = Inschrijving.Kanaal.WEBSITE,
    verwittigen: bool = True,
) -> Inschrijving:
    """Register ``gezin`` for ``moment``: a confirmed seat, or a place on the waiting list.

    Seats count as the activity defines (one per family or one per person). When the seats
    the family needs are free, the registration is confirmed. When not, it goes on the waiting
    list if ``wachtlijst`` is true, and otherwise ``Volzet`` is raised so the form can offer
    the list. An e-mail address that already holds or waits for a seat on this moment raises
    ``AlIngeschreven`` (with that registration) and, when ``verwittigen``, mails the existing
    confirmation again, to that address only. Other refusals raise ``InschrijvingFout``.

    Writes, in one transaction with the moment's row locked: one ``Inschrijving``; for a
    confirmed one, its people added to ``Bereikcijfer``. Queues the confirmation mail (with the
    signed link and, when confirmed, an .ics) when the family gave an e-mail address and
    ``verwittigen`` is true.
    """
    email = gezin.email.strip().lower()
    bestaand = None
    with transaction.atomic():
        moment = _vergrendel(moment.pk)
        _controleer(moment, gezin, kanaal=kanaal)
        if email:
            bestaand = Inschrijving.objects.lopend().filter(moment=moment, email=email).first()
        if bestaand is None:
            return _nieuwe_inschrijving(
                moment,
                gezin,
                email=email,
                wachtlijst=wachtlijst,
                kanaal=kanaal,
                verwittigen=verwittigen,
            )
    # Outside the transaction: the error below must not roll back the queued mail.
    if verwittigen:
        _mail(bestaand, "bevestiging")
    raise AlIngeschreven(
        gettext(
            "Met dit e-mailadres ben je al ingeschreven voor dit moment. We stuurden "
            "je bevestiging opnieuw; daarin vind je de link om je inschrijving te "
            "bekijken of te annuleren."
        ),
        inschrijving=bestaand,
    )


def _nieuwe_inschrijving(moment, gezin, *, email, wachtlijst, kanaal, verwittigen):
    """Called with the moment locked: a confirmed seat or a waiting-list place."""
    vrij = vrije_plaatsen(moment)
    past = vrij is None or _plaatsen_nodig(moment.activiteit, gezin) <= vrij
    if not past and not wachtlijst:
        raise Volzet(
            gettext(
                "Er zijn niet genoeg plaatsen meer vrij. Je kan je op de wachtlijst zetten: "
                "komt er een plaats vrij, dan schrijven we je automatisch in en krijg je "
                "een mail."
            )
        )
    nu = timezone.now()
    inschrijving = Inschrijving.objects.create(
        moment=moment,
        status=Inschrijving.Status.BEVESTIGD if past else Inschrijving.Status.WACHTLIJST,
        naam=gezin.naam.strip(),
        email=email,
        telefoon=gezin.telefoon.strip(),
        volwassenen=gezin.volwassenen,
        kinderen=len(gezin.leeftijden),
        leeftijden=sorted(gezin.leeftijden),
        woonplaats=gezin.woonplaats,
        opmerking=gezin.opmerking.strip(),
        kanaal=kanaal,
        aangemaakt=nu,
        toestemming_op=nu,
        bevestigd_op=nu if past else None,
    )
    if past:
        _bereik_aanpassen(inschrijving, ingeschreven=+1)
    if verwittigen:
        _mail(inschrijving, "bevestiging")
    return inschrijving


def annuleren(*, inschrijving: Inschrijving, verwittigen: bool = True) -> list[Inschrijving]:
    """Cancel a registration and give its seat to the waiting list.

    Idempotent: an already cancelled registration stays as it is. A moment that has begun
    cannot be cancelled for any more (``InschrijvingFout``).

    Writes, in one transaction with the moment's row locked: the registration's status
    (*geannuleerd*) and ``geannuleerd_op``; for a confirmed one, its people taken off
    ``Bereikcijfer``; then ``wachtlijst_doorschuiven``. Queues a cancellation mail to the family
    and a "you have a seat" mail to everyone promoted, when ``verwittigen``.
    Returns the registrations promoted from the waiting list.
    """
    return _annuleren(inschrijving, mail_gezin=verwittigen, verwittigen=verwittigen)


def _annuleren(inschrijving, *, mail_gezin: bool, verwittigen: bool) -> list[Inschrijving]:
    with transaction.atomic():
        moment = _vergrendel(inschrijving.moment_id)
        inschrijving = Inschrijving.objects.select_for_update().get(pk=inschrijving.pk)
        if inschrijving.status == Inschrijving.Status.GEANNULEERD:
            return []
        if moment.begin <= timezone.now():
            raise InschrijvingFout(
                gettext("Dit moment is al begonnen of voorbij; annuleren kan niet meer.")
            )
        was_bevestigd = inschrijving.status == Inschrijving.Status.BEVESTIGD
        inschrijving.status = Inschrijving.Status.GEANNULEERD
        inschrijving.geannuleerd_op = timezone.now()
        inschrijving.save(update_fields=["status", "geannuleerd_op"])
        if was_bevestigd:
            _bereik_aanpassen(
                inschrijving, ingeschreven=-1, aanwezig=-1 if inschrijving.aanwezig else 0
            )
        if mail_gezin:
            _mail(inschrijving, "annulering")
        return wachtlijst_doorschuiven(moment=moment, verwittigen=verwittigen)


def wachtlijst_doorschuiven(*, moment: Moment, verwittigen: bool = True) -> list[Inschrijving]:
    """Give free seats on ``moment`` to the waiting list, first come first served.

    A family that needs more seats than are free keeps its place at the head of the list and
    the next one that fits gets the seat, so no seat stays empty while someone could use it.
    Nothing happens for a moment that is cancelled or has begun.

    Writes, in one transaction with the moment's row locked: each promoted registration's
    status (*bevestigd*) and ``bevestigd_op``, and its people added to ``Bereikcijfer``. Queues a
    "you have a seat" mail (with .ics) to each promoted family with an e-mail address.
    Returns the promoted registrations.
    """
    with transaction.atomic():
        moment = _vergrendel(moment.pk)
        if moment.geannuleerd or moment.begin <= timezone.now():
            return []
        vrij = vrije_plaatsen(moment)
        gepromoveerd = []
        for wachtend in Inschrijving.objects.wachtlijst().filter(moment=moment):
            nodig = wachtend.plaatsen
            if vrij is not None and nodig > vrij:
                continue
            wachtend.status = Inschrijving.Status.BEVESTIGD
            wachtend.bevestigd_op = timezone.now()
            wachtend.save(update_fields=["status", "bevestigd_op"])
            _bereik_aanpassen(wachtend, ingeschreven=+1)
            if verwittigen:
                _mail(wachtend, "plaats_vrij")
            gepromoveerd.append(wachtend)
            if vrij is not None:
                vrij -= nodig
                if not vrij:
                    break
        return gepromoveerd


def wachtlijsten_doorschuiven(*, activiteit: Activiteit) -> list[Inschrijving]:
    """After more seats (a higher capacity, or counting per family): promote on every
    upcoming moment of ``activiteit`` that has a waiting list. See ``wachtlijst_doorschuiven``.
    """
    momenten = Moment.objects.filter(
        activiteit=activiteit,
        begin__gt=timezone.now(),
        geannuleerd=False,
        inschrijvingen__status=Inschrijving.Status.WACHTLIJST,
    ).distinct()
    gepromoveerd = []
    for moment in momenten:
        gepromoveerd += wachtlijst_doorschuiven(moment=moment)
    return gepromoveerd


def aanwezigheid_noteren(*, inschrijving: Inschrijving, aanwezig: bool | None) -> Inschrijving:
    """Tick a confirmed registration present (True), absent (False) or not yet known (None).

    Writes, in one transaction with the moment's row locked: ``aanwezig``, and the people of
    the registration added to or taken off ``Bereikcijfer.aanwezig``. Only confirmed
    registrations whose data is not erased can be ticked (``InschrijvingFout``).
    """
    with transaction.atomic():
        _vergrendel(inschrijving.moment_id)
        inschrijving = Inschrijving.objects.select_for_update().get(pk=inschrijving.pk)
        if inschrijving.status != Inschrijving.Status.BEVESTIGD:
            raise InschrijvingFout(
                gettext("Alleen bevestigde inschrijvingen kunnen aanwezig zijn.")
            )
        if inschrijving.is_gewist:
            # The children's ages are gone, so the reach by age band could not be corrected.
            raise InschrijvingFout(
                gettext("De gegevens van deze inschrijving zijn gewist; de aanwezigheid ligt vast.")
            )
        was = bool(inschrijving.aanwezig)
        inschrijving.aanwezig = aanwezig
        inschrijving.save(update_fields=["aanwezig"])
        if was != bool(aanwezig):
            _bereik_aanpassen(inschrijving, aanwezig=+1 if aanwezig else -1)
        return inschrijving


def gegevens_wissen(*, inschrijving: Inschrijving) -> Inschrijving:
    """Withdraw: erase the family's personal data at once, keeping the anonymous counts.

    A registration for a moment still to come is cancelled first (its seat goes to the
    waiting list and the promoted family is mailed, see ``annuleren``; this family gets no
    cancellation mail, its address is about to go). Then name, e-mail, phone, remark and the
    children's ages are emptied and ``gewist_op`` set. The number of people, the gemeente of
    residence, the state and ``Bereikcijfer`` stay. Idempotent.
    """
    with transaction.atomic():
        moment = _vergrendel(inschrijving.moment_id)
        inschrijving = Inschrijving.objects.get(pk=inschrijving.pk)
        if inschrijving.is_gewist:
            return inschrijving
        if inschrijving.status != Inschrijving.Status.GEANNULEERD and moment.begin > timezone.now():
            # Before erasing: the reach is taken off by the children's ages.
            _annuleren(inschrijving, mail_gezin=False, verwittigen=True)
            inschrijving.refresh_from_db()
        _wis(inschrijving)
        return inschrijving


PERSOONSGEGEVENS = {
    "naam": "",
    "email": "",
    "telefoon": "",
    "opmerking": "",
    "leeftijden": [],
}


def _wis(inschrijving: Inschrijving) -> None:
    audit.bijwerken(inschrijving, gewist_op=timezone.now(), **PERSOONSGEGEVENS)


def persoonsgegevens_opruimen(*, nu: dt.datetime | None = None) -> int:
    """Erase the personal data of registrations whose moment ended more than
    ``HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN`` months ago. Counts and ``Bereikcijfer`` stay.

    Writes: the personal fields and ``gewist_op`` of each such registration, with an audit
    entry per row (which names no one). Returns how many were erased.
    """
    nu = nu or timezone.now()
    grens = nu - relativedelta(months=settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN)
    aantal = 0
    with transaction.atomic():
        for inschrijving in Inschrijving.objects.met_persoonsgegevens().filter(
            moment__einde__lt=grens
        ):
            _wis(inschrijving)
            aantal += 1
    return aantal


def herinneringen_versturen(*, nu: dt.datetime | None = None) -> int:
    """Queue a reminder for confirmed registrations whose moment starts within
    ``HVK_HERINNERING_DAGEN`` days, once per registration.

    Families who registered within that window already have a fresh confirmation and get no
    reminder. Nothing is sent for cancelled moments or registrations without an e-mail
    address. Writes ``herinnering_verstuurd_op``. Returns how many were queued.
    """
    dagen = settings.HVK_HERINNERING_DAGEN
    if dagen <= 0:
        return 0
    nu = nu or timezone.now()
    venster = nu + dt.timedelta(days=dagen)
    te_herinneren = (
        Inschrijving.objects.bevestigd()
        .met_persoonsgegevens()
        .exclude(email="")
        .filter(
            herinnering_verstuurd_op__isnull=True,
            moment__geannuleerd=False,
            moment__begin__gt=nu,
            moment__begin__lte=venster,
            aangemaakt__lt=F("moment__begin") - dt.timedelta(days=dagen),
        )
    )
    aantal = 0
    with transaction.atomic():
        for inschrijving in te_herinneren.select_for_update(of=("self",)):
            audit.bijwerken(inschrijving, herinnering_verstuurd_op=nu)
            _mail(inschrijving, "herinnering")
            aantal += 1
    return aantal


def moment_afgelast(*, moment: Moment) -> int:
    """Tell every family still registered for ``moment`` that it does not go on.

    Call after the moment was cancelled. Registrations stay as they are (the family did
    nothing wrong; the counts show who was affected). Returns how many mails were queued.
    """
    aantal = 0
    with transaction.atomic():
        for inschrijving in (
            Inschrijving.objects.lopend()
            .met_persoonsgegevens()
            .exclude(email="")
            .filter(moment=moment)
        ):
            _mail(inschrijving, "afgelast")
            aantal += 1
    return aantal


def _bereik_aanpassen(inschrijving: Inschrijving, *, ingeschreven: int = 0, aanwezig: int = 0):
    """Add (+1) or take off (-1) this registration's people in the anonymous reach.

    Runs with the moment's row locked, so rows of one moment never race.
    """
    if not ingeschreven and not aanwezig:
        return
    moment = inschrijving.moment
    lokaal = timezone.localdate(moment.begin)
    for groep, aantal in inschrijving.personen_per_groep().items():
        rij, _ = Bereikcijfer.objects.get_or_create(
            moment=moment,
            woonplaats=inschrijving.woonplaats,
            leeftijdsgroep=groep,
            defaults={"activiteit_id": moment.activiteit_id, "maand": lokaal.replace(day=1)},
        )
        Bereikcijfer.objects.filter(pk=rij.pk).update(
            ingeschreven=F("ingeschreven") + ingeschreven * aantal,
            aanwezig=F("aanwezig") + aanwezig * aantal,
        )


def _mail(inschrijving: Inschrijving, soort: str) -> None:
    if not inschrijving.email:
        return
    from aanbod.tasks import inschrijvingsmail

    inschrijvingsmail.enqueue(inschrijving_id=inschrijving.pk, soort=soort)

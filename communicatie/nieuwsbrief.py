"""The newsletter: subscribing with double opt-in, unsubscribing, composing and sending.

Subscribing stores an unconfirmed ``Abonnee`` and mails a signed link; only a confirmed
subscriber gets editions. Unsubscribing deletes the row. Mails go through the Django tasks
API (``communicatie.tasks``), with primary keys as arguments only.

Sending an edition, and why nobody gets it twice
-----------------------------------------------
``editie_versturen_starten`` makes one ``Verzending`` per confirmed subscriber (unique per
edition and subscriber) and queues a batch task. Each batch (``batch_versturen``):

1. *claims* up to ``HVK_NIEUWSBRIEF_BATCH`` waiting rows: in one short transaction, with
   ``SELECT … FOR UPDATE SKIP LOCKED`` where the database has it (PostgreSQL; SQLite queues
   writers instead), then ``UPDATE … SET status='bezig', claim=<token> WHERE status='wachtend'``.
   A row is claimed by one batch at most;
2. renders the subscriber's mail, then *marks the attempt*: ``UPDATE … SET poging_op=now()
   WHERE claim=<token> AND status='bezig' AND poging_op IS NULL AND abonnee_id IS NOT NULL``,
   committed before the SMTP call. Only one batch can ever win this update for a row, and
   nothing automatic ever empties ``poging_op`` again;
3. calls the SMTP server, and right after it accepted the mail, commits ``status='verstuurd'``
   (a refused mail becomes ``mislukt``). The task runs batches for ``TAAK_SECONDEN`` and then
   queues a new task while rows wait.

After a crash, ``hervatten`` puts claimed rows without an attempt back to *wachtend* (their
batch had not sent them) and marks rows with an attempt but no outcome *onzeker*; then it
queues a batch. Rows that are *verstuurd* or *onzeker* are never sent again automatically, so
an interrupted and resumed run mails every subscriber at most once.

The window that remains: a worker that dies after the SMTP server accepted a mail and before
``verstuurd`` was committed (a few milliseconds) leaves that one row *onzeker*: the subscriber
got the mail, but the portal cannot know. At most one row per dying worker is *onzeker*; the
coordinator sees the count in the admin and the edition stays in the archive.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext

from aanbod.models import Activiteit, Doelgroep, Moment
from communicatie.models import Abonnee, Editie, Huisstijl, Leeftijdsband, Verzending
from communicatie.selectors import tekstblokken
from gemeenten.models import Gemeente
from hvk import audit

logger = logging.getLogger(__name__)

# At most this many moments in one mail; the mail links to the full offer for more.
MAX_MOMENTEN = 30
# One task sends batches for about this long, then queues the next task: other mails in the
# queue get their turn, and the immediate backend never nests one task per batch.
TAAK_SECONDEN = 60
# One address gets at most one confirmation (or "already subscribed") mail per this period,
# however often someone types it into the form.
MAIL_PAUZE = dt.timedelta(minutes=15)


class NieuwsbriefFout(Exception):
    """Something that cannot be done with the newsletter; the message is for the person."""


def site_url(pad: str) -> str:
    return settings.HVK_SITE_URL.rstrip("/") + pad


# --- What a subscriber wants to read about -----------------------------------------------


@dataclass(frozen=True)
class Profiel:
    """Interests: empty gemeenten mean the whole area, empty target groups or ages all."""

    gemeente_ids: frozenset[int] = frozenset()
    doelgroep_ids: frozenset[int] = frozenset()
    leeftijden: frozenset[str] = frozenset()

    @classmethod
    def van(cls, abonnee: Abonnee) -> Profiel:
        """From a subscriber whose ``gemeenten`` and ``doelgroepen`` may be prefetched."""
        return cls(
            gemeente_ids=frozenset(g.pk for g in abonnee.gemeenten.all()),
            doelgroep_ids=frozenset(d.pk for d in abonnee.doelgroepen.all()),
            leeftijden=frozenset(b for b in abonnee.leeftijden if b in Leeftijdsband.values),
        )

    @classmethod
    def uit_json(cls, gegevens: dict | None) -> Profiel:
        gegevens = gegevens or {}
        return cls(
            gemeente_ids=frozenset(int(i) for i in gegevens.get("gemeenten", [])),
            doelgroep_ids=frozenset(int(i) for i in gegevens.get("doelgroepen", [])),
            leeftijden=frozenset(
                b for b in gegevens.get("leeftijden", []) if b in Leeftijdsband.values
            ),
        )

    def als_json(self) -> dict:
        """For a task's arguments: lists of numbers and strings only."""
        return {
            "gemeenten": sorted(self.gemeente_ids),
            "doelgroepen": sorted(self.doelgroep_ids),
            "leeftijden": sorted(self.leeftijden),
        }

    def beschrijving(self) -> str:
        """What this profile chose, in words for the mail: "Beerse · 0 tot 3 jaar"."""
        delen = []
        if self.gemeente_ids:
            delen.append(
                ", ".join(
                    Gemeente.objects.filter(pk__in=self.gemeente_ids)
                    .order_by("naam")
                    .values_list("naam", flat=True)
                )
            )
        else:
            delen.append(gettext("alle gemeenten"))
        if self.doelgroep_ids:
            delen.append(
                ", ".join(
                    Doelgroep.objects.filter(pk__in=self.doelgroep_ids).values_list(
                        "naam", flat=True
                    )
                )
            )
        if self.leeftijden:
            delen.append(
                ", ".join(str(b.label) for b in Leeftijdsband if b.value in self.leeftijden)
            )
        else:
            delen.append(gettext("alle leeftijden"))
        return " · ".join(delen)


def aanbod_voor(profiel: Profiel, *, op: dt.datetime, weken: int) -> list[Moment]:
    """The moments a subscriber with ``profiel`` gets, from the day of ``op`` for ``weken``.

    Moments not cancelled and not over at ``op``, of published activities, that start within
    the period, soonest first, at most ``MAX_MOMENTEN``:

    - gemeenten: regional offer, or local offer for one of the chosen gemeenten;
    - target groups: offer for one of them, or offer without target groups (for everyone);
    - ages: offer whose age range (in months) overlaps one of the chosen bands, or offer
      without an age range.

    Two queries: the moments with their activity and place, and the gemeenten of local offer.
    """
    if weken <= 0:
        return []
    van = timezone.localdate(op)
    momenten = (
        Moment.objects.actief()
        .komend(op)
        .filter(activiteit__gepubliceerd=True)
        .in_periode(van, van + dt.timedelta(days=7 * weken - 1))
    )
    if profiel.gemeente_ids:
        lokaal = Activiteit.gemeenten.through.objects.filter(
            gemeente_id__in=profiel.gemeente_ids
        ).values("activiteit_id")
        momenten = momenten.filter(
            Q(activiteit__bereik=Activiteit.Bereik.REGIONAAL) | Q(activiteit_id__in=lokaal)
        )
    if profiel.doelgroep_ids:
        koppelingen = Activiteit.doelgroepen.through.objects
        voor_doelgroep = koppelingen.filter(doelgroep_id__in=profiel.doelgroep_ids)
        momenten = momenten.filter(
            Q(activiteit_id__in=voor_doelgroep.values("activiteit_id"))
            | ~Q(activiteit_id__in=koppelingen.values("activiteit_id"))
        )
    if profiel.leeftijden:
        leeftijd = Q()
        for band in Leeftijdsband:
            if band.value not in profiel.leeftijden:
                continue
            eerste, laatste = band.maanden
            leeftijd |= (
                Q(activiteit__leeftijd_van__isnull=True) | Q(activiteit__leeftijd_van__lte=laatste)
            ) & (Q(activiteit__leeftijd_tot__isnull=True) | Q(activiteit__leeftijd_tot__gte=eerste))
        momenten = momenten.filter(leeftijd)
    return list(
        momenten.met_plek()
        .prefetch_related("activiteit__gemeenten")
        .order_by("begin", "activiteit__titel", "pk")[:MAX_MOMENTEN]
    )


@dataclass(frozen=True)
class Dag:
    datum: dt.date
    momenten: list[Moment]

    @property
    def titel(self) -> str:
        return capfirst(date_format(self.datum, "l j F"))


def per_dag(momenten: list[Moment]) -> list[Dag]:
    dagen: dict[dt.date, list[Moment]] = {}
    for moment in momenten:
        dagen.setdefault(timezone.localdate(moment.begin), []).append(moment)
    return [Dag(datum, lijst) for datum, lijst in dagen.items()]


def nieuws_voor(editie: Editie, profiel: Profiel) -> list:
    """The edition's published news items for this profile: news for the whole Huis, and
    news for one of its gemeenten (all of them for the whole area)."""
    nieuws = editie.nieuwsberichten.gepubliceerd().select_related("gemeente")
    if profiel.gemeente_ids:
        nieuws = nieuws.filter(Q(gemeente__isnull=True) | Q(gemeente_id__in=profiel.gemeente_ids))
    return list(nieuws.order_by("-publicatiedatum", "-pk"))


# --- The mails ---------------------------------------------------------------------------


def _uitschrijf_headers(uitschrijf_url: str) -> dict[str, str]:
    # RFC 2369 and RFC 8058: mail programs show an "unsubscribe" button that POSTs here.
    return {
        "List-Unsubscribe": f"<{uitschrijf_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _uitschrijf_url(abonnee: Abonnee) -> str:
    return site_url(
        reverse("nieuwsbrief_uitschrijven", kwargs={"sleutel": abonnee.uitschrijfsleutel()})
    )


def editie_context(editie: Editie, profiel: Profiel, *, op: dt.datetime) -> dict:
    """What an edition shows to ``profiel``: intro, news and offer (the mail and the archive)."""
    momenten = aanbod_voor(profiel, op=op, weken=editie.aanbod_weken)
    return {
        "editie": editie,
        "intro": tekstblokken(editie.intro),
        "nieuws": nieuws_voor(editie, profiel),
        "dagen": per_dag(momenten),
        "meer_aanbod": len(momenten) == MAX_MOMENTEN,
        "aanbod_weken": editie.aanbod_weken,
        "huis": Huisstijl.huidige(),
    }


def editiemail_maken(
    editie: Editie,
    *,
    naar: str,
    profiel: Profiel,
    uitschrijf_url: str | None,
    op: dt.datetime | None = None,
    test: bool = False,
) -> mail.EmailMultiAlternatives:
    """The edition as a mail to ``naar``, with the offer for ``profiel``, ready to send.

    With ``uitschrijf_url`` (a real subscriber) the mail carries the one-click unsubscribe
    link and headers; a test or a preview (``None``) links to the subscription form instead.
    """
    op = op or timezone.now()
    context = {
        **editie_context(editie, profiel, op=op),
        "profiel_tekst": profiel.beschrijving(),
        "uitschrijf_url": uitschrijf_url or site_url(reverse("nieuwsbrief")),
        "echt": uitschrijf_url is not None,
        "test": test,
        "archief_url": site_url(reverse("nieuwsbrief_editie", kwargs={"slug": editie.slug})),
        "aanbod_url": site_url(reverse("aanbod:lijst")),
        "site_url": site_url(""),
        "nieuwsbrief_url": site_url(reverse("nieuwsbrief")),
    }
    with translation.override(settings.LANGUAGE_CODE):
        onderwerp = editie.titel
        if test:
            onderwerp = gettext("[TEST] %(titel)s") % {"titel": onderwerp}
        tekst = render_to_string("communicatie/mail/nieuwsbrief_editie.txt", context)
        html = render_to_string("communicatie/mail/nieuwsbrief_editie.html", context)
    bericht = mail.EmailMultiAlternatives(
        subject=" ".join(onderwerp.split()),
        body=tekst,
        to=[naar],
        headers=_uitschrijf_headers(uitschrijf_url) if uitschrijf_url else None,
    )
    bericht.attach_alternative(html, "text/html")
    return bericht


BEVESTIGINGSMAILS = ("bevestigen", "al_ingeschreven")


def bevestigingsmail_maken(abonnee: Abonnee, soort: str) -> mail.EmailMultiAlternatives:
    """The mail that asks to confirm (``bevestigen``) or says the address is already
    subscribed (``al_ingeschreven``). Neither repeats anything the form's sender typed
    besides the address it goes to."""
    if soort not in BEVESTIGINGSMAILS:
        raise ValueError(f"unknown mail {soort!r}")
    uitschrijf_url = _uitschrijf_url(abonnee)
    context = {
        "huis": Huisstijl.huidige(),
        "bevestig_url": site_url(
            reverse("nieuwsbrief_bevestigen", kwargs={"sleutel": abonnee.bevestigingssleutel()})
        ),
        "uitschrijf_url": uitschrijf_url,
        "dagen": settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN,
        "archief_url": site_url(reverse("nieuwsbrief_archief")),
        "privacy_url": site_url(reverse("privacy")),
    }
    with translation.override(settings.LANGUAGE_CODE):
        if soort == "bevestigen":
            onderwerp = gettext("Bevestig je inschrijving voor de nieuwsbrief van %(huis)s")
        else:
            onderwerp = gettext("Je bent al ingeschreven voor de nieuwsbrief van %(huis)s")
        onderwerp = onderwerp % {"huis": context["huis"].naam}
        tekst = render_to_string(f"communicatie/mail/nieuwsbrief_{soort}.txt", context)
        html = render_to_string(f"communicatie/mail/nieuwsbrief_{soort}.html", context)
    bericht = mail.EmailMultiAlternatives(
        subject=" ".join(onderwerp.split()),
        body=tekst,
        to=[abonnee.email],
        headers=_uitschrijf_headers(uitschrijf_url),
    )
    bericht.attach_alternative(html, "text/html")
    return bericht


# --- Subscribing and unsubscribing -------------------------------------------------------


def _mail_inplannen(abonnee: Abonnee, soort: str, nu: dt.datetime) -> bool:
    """Queue ``soort`` for ``abonnee`` unless one went out within ``MAIL_PAUZE``."""
    from communicatie.tasks import nieuwsbrief_bevestigingsmail

    if abonnee.laatste_mail_op and nu - abonnee.laatste_mail_op < MAIL_PAUZE:
        return False
    Abonnee.objects.filter(pk=abonnee.pk).update(laatste_mail_op=nu)
    nieuwsbrief_bevestigingsmail.enqueue(abonnee_id=abonnee.pk, soort=soort)
    return True


def inschrijven(
    *,
    email: str,
    gemeenten,
    doelgroepen=(),
    leeftijden=(),
) -> Abonnee:
    """Subscribe ``email`` to the newsletter, pending confirmation.

    - A new address: one unconfirmed ``Abonnee`` with these interests; the mail with the
      signed confirmation link is queued.
    - An address that subscribed but did not confirm yet: its interests are replaced by these
      (the newest form counts) and the confirmation mail is queued again.
    - A confirmed address: nothing changes (the form's sender need not be its owner); a mail
      saying it is already subscribed, with the unsubscribe link, is queued.

    One address gets at most one such mail per ``MAIL_PAUZE``. The caller must not tell the
    form's sender which case applied. Writes, in one transaction: the ``Abonnee`` with its
    gemeenten and target groups, ``laatste_mail_op``; queues the mail as a task.
    """
    email = email.strip().lower()
    if not email:
        raise NieuwsbriefFout(gettext("Vul je e-mailadres in."))
    gemeenten = list(gemeenten)
    if not gemeenten:
        raise NieuwsbriefFout(gettext("Kies minstens één gemeente."))
    banden = sorted({b for b in leeftijden if b in Leeftijdsband.values})
    nu = timezone.now()
    with transaction.atomic():
        abonnee = Abonnee.objects.select_for_update().filter(email=email).first()
        if abonnee is None:
            try:
                with transaction.atomic():
                    abonnee = Abonnee.objects.create(email=email, leeftijden=banden, aangemaakt=nu)
            except IntegrityError:
                # The same address in a form sent at the same moment: that one counts.
                abonnee = Abonnee.objects.select_for_update().get(email=email)
            else:
                abonnee.gemeenten.set(gemeenten)
                abonnee.doelgroepen.set(list(doelgroepen))
                _mail_inplannen(abonnee, "bevestigen", nu)
                return abonnee
        if abonnee.is_bevestigd:
            _mail_inplannen(abonnee, "al_ingeschreven", nu)
            return abonnee
        abonnee.leeftijden = banden
        abonnee.save(update_fields=["leeftijden"])
        abonnee.gemeenten.set(gemeenten)
        abonnee.doelgroepen.set(list(doelgroepen))
        _mail_inplannen(abonnee, "bevestigen", nu)
        return abonnee


def bevestigen(*, abonnee: Abonnee) -> Abonnee:
    """Confirm a subscription (idempotent). Writes ``bevestigd_op``."""
    with transaction.atomic():
        abonnee = Abonnee.objects.select_for_update().get(pk=abonnee.pk)
        if not abonnee.is_bevestigd:
            abonnee.bevestigd_op = timezone.now()
            abonnee.save(update_fields=["bevestigd_op"])
        return abonnee


def uitschrijven(*, abonnee: Abonnee) -> None:
    """Unsubscribe: delete the subscriber with its interests (idempotent).

    Its deliveries stay, without the link to the subscriber: anonymous counts per edition.
    A delivery still waiting is skipped when its batch comes (``overgeslagen``).
    """
    Abonnee.objects.filter(pk=abonnee.pk).delete()


def opruimen(*, op: dt.datetime | None = None) -> int:
    """Delete subscriptions never confirmed within ``HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN`` days.

    Returns how many were deleted.
    """
    aantal = 0
    for abonnee in Abonnee.objects.te_wissen(op):
        # One by one, so that the audit trail has an entry per row (which names no one).
        abonnee.delete()
        aantal += 1
    return aantal


# --- Sending an edition ------------------------------------------------------------------


def _batch_inplannen(editie_id: int) -> None:
    """Queue a batch after the current transaction commits.

    After the commit: with the immediate backend (tests, or a set-up without a worker) the
    batch then runs outside any transaction, so each of its writes is committed at once,
    which the guarantee above relies on.
    """
    from communicatie.tasks import nieuwsbrief_batch

    transaction.on_commit(partial(nieuwsbrief_batch.enqueue, editie_id=editie_id))


def editie_versturen_starten(*, editie: Editie) -> int:
    """Start sending ``editie`` to every confirmed subscriber.

    Writes, in one transaction with the edition's row locked: the edition's status
    (*wordt verstuurd*) and ``verstuurd_op``, and one waiting ``Verzending`` per confirmed
    subscriber. Queues the first batch after the commit. Subscribers who confirm later do not
    get this edition. Raises ``NieuwsbriefFout`` when the edition is no longer a draft (two
    clicks start it once). Returns the number of deliveries made.
    """
    with transaction.atomic():
        editie = Editie.objects.select_for_update().get(pk=editie.pk)
        if not editie.is_concept:
            raise NieuwsbriefFout(gettext("Deze nieuwsbrief is al verstuurd of wordt verstuurd."))
        audit.bijwerken(editie, status=Editie.Status.WORDT_VERSTUURD, verstuurd_op=timezone.now())
        Verzending.objects.bulk_create(
            [
                Verzending(editie=editie, abonnee_id=pk)
                for pk in Abonnee.objects.bevestigd().order_by("pk").values_list("pk", flat=True)
            ],
            batch_size=500,
            ignore_conflicts=True,
        )
        aantal = Verzending.objects.filter(editie=editie).count()
        _batch_inplannen(editie.pk)
    return aantal


def _claimen(editie_id: int, token: str, aantal: int) -> list[int]:
    """Take up to ``aantal`` waiting deliveries of the edition for the batch ``token``."""
    with transaction.atomic():
        wachtend = Verzending.objects.filter(
            editie_id=editie_id, status=Verzending.Status.WACHTEND
        ).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            # Concurrent batches each take other rows instead of waiting for each other.
            wachtend = wachtend.select_for_update(skip_locked=True)
        ids = list(wachtend.values_list("pk", flat=True)[:aantal])
        Verzending.objects.filter(pk__in=ids, status=Verzending.Status.WACHTEND).update(
            status=Verzending.Status.BEZIG, claim=token, geclaimd_op=timezone.now(), fout=""
        )
    return list(
        Verzending.objects.filter(claim=token, status=Verzending.Status.BEZIG)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _poging_markeren(verzending_id: int, token: str) -> bool:
    """Record that this batch is about to send the row; False when it may not (any more)."""
    return bool(
        Verzending.objects.filter(
            pk=verzending_id,
            claim=token,
            status=Verzending.Status.BEZIG,
            poging_op__isnull=True,
            abonnee__isnull=False,
        ).update(poging_op=timezone.now())
    )


def _afsluiten(verzending_id: int, token: str, status: str, fout: str = "") -> None:
    """Record the outcome of this batch's attempt (also when ``hervatten`` meanwhile marked
    the row *onzeker*: the outcome is now known)."""
    velden = {"status": status, "fout": fout[:100]}
    if status == Verzending.Status.VERSTUURD:
        velden["verstuurd_op"] = timezone.now()
    Verzending.objects.filter(
        pk=verzending_id,
        claim=token,
        status__in=[Verzending.Status.BEZIG, Verzending.Status.ONZEKER],
    ).update(**velden)


def _afronden(editie_id: int) -> bool:
    """Mark the edition *verstuurd* once no delivery waits or is under way."""
    with transaction.atomic():
        editie = Editie.objects.select_for_update().filter(pk=editie_id).first()
        if editie is None or editie.status != Editie.Status.WORDT_VERSTUURD:
            return False
        if editie.verzendingen.filter(
            status__in=[Verzending.Status.WACHTEND, Verzending.Status.BEZIG]
        ).exists():
            return False
        audit.bijwerken(editie, status=Editie.Status.VERSTUURD, afgerond_op=timezone.now())
        return True


@dataclass
class Batchresultaat:
    verstuurd: int = 0
    mislukt: int = 0
    overgeslagen: int = 0
    genomen: int = 0

    def __iadd__(self, ander: Batchresultaat) -> Batchresultaat:
        self.verstuurd += ander.verstuurd
        self.mislukt += ander.mislukt
        self.overgeslagen += ander.overgeslagen
        self.genomen += ander.genomen
        return self

    def als_json(self) -> dict:
        return {
            "verstuurd": self.verstuurd,
            "mislukt": self.mislukt,
            "overgeslagen": self.overgeslagen,
        }


def versturen(*, editie_id: int, seconden: float | None = None) -> Batchresultaat:
    """Send batches of ``editie_id`` for about ``seconden`` (``TAAK_SECONDEN``); then, while
    deliveries wait, queue the next task. Run by the ``nieuwsbrief_batch`` task, never inside
    a transaction."""
    einde = time.monotonic() + (TAAK_SECONDEN if seconden is None else seconden)
    totaal = Batchresultaat()
    while True:
        resultaat = batch_versturen(editie_id=editie_id)
        totaal += resultaat
        if not resultaat.genomen:
            # Nothing left to take. (Rows another batch was claiming at this very moment, and
            # SKIP LOCKED passed over, are that batch's now: it sends them.)
            return totaal
        wacht = Verzending.objects.filter(
            editie_id=editie_id, status=Verzending.Status.WACHTEND
        ).exists()
        if not wacht:
            return totaal
        if time.monotonic() >= einde:
            _batch_inplannen(editie_id)
            return totaal


def batch_versturen(*, editie_id: int, aantal: int | None = None) -> Batchresultaat:
    """Send one batch of ``editie_id``: claim, render, mark, send, record (see the module).

    Never inside a transaction. Marks the edition *verstuurd* when no delivery waits or is
    under way any more.

    Writes, per delivery, each committed on its own: the claim, the attempt, the outcome
    (*verstuurd*, *mislukt* with the kind of error, or *overgeslagen* when the subscriber
    unsubscribed meanwhile).
    """
    resultaat = Batchresultaat()
    editie = Editie.objects.filter(pk=editie_id).first()
    if editie is None or editie.status != Editie.Status.WORDT_VERSTUURD:
        return resultaat
    token = uuid.uuid4().hex
    ids = _claimen(editie.pk, token, aantal or settings.HVK_NIEUWSBRIEF_BATCH)
    verzendingen = (
        Verzending.objects.filter(pk__in=ids, claim=token)
        .select_related("abonnee")
        .prefetch_related("abonnee__gemeenten", "abonnee__doelgroepen")
        .order_by("pk")
    )
    resultaat.genomen = len(ids)
    verbinding = mail.get_connection()
    try:
        for verzending in verzendingen:
            _een_versturen(editie, verzending, token, verbinding, resultaat)
    finally:
        verbinding.close()
    if not editie.verzendingen.filter(status=Verzending.Status.WACHTEND).exists():
        _afronden(editie.pk)
    return resultaat


def _een_versturen(editie, verzending, token, verbinding, resultaat: Batchresultaat) -> None:
    abonnee = verzending.abonnee
    if abonnee is None:
        _afsluiten(verzending.pk, token, Verzending.Status.OVERGESLAGEN)
        resultaat.overgeslagen += 1
        return
    try:
        bericht = editiemail_maken(
            editie,
            naar=abonnee.email,
            profiel=Profiel.van(abonnee),
            uitschrijf_url=_uitschrijf_url(abonnee),
        )
    except Exception as fout:  # a mail that cannot be made was not sent: safe to retry
        logger.exception("Newsletter %s: delivery %s could not be made.", editie.pk, verzending.pk)
        _afsluiten(verzending.pk, token, Verzending.Status.MISLUKT, type(fout).__name__)
        resultaat.mislukt += 1
        return
    bericht.connection = verbinding
    if not _poging_markeren(verzending.pk, token):
        # Unsubscribed meanwhile, or released by ``hervatten`` and taken by another batch.
        if not Verzending.objects.filter(pk=verzending.pk, abonnee__isnull=False).exists():
            _afsluiten(verzending.pk, token, Verzending.Status.OVERGESLAGEN)
            resultaat.overgeslagen += 1
        return
    try:
        bericht.send()
    except Exception as fout:
        # Only the kind of error: an SMTP error's text often holds the address.
        logger.warning(
            "Newsletter %s: delivery %s failed (%s).",
            editie.pk,
            verzending.pk,
            type(fout).__name__,
        )
        _afsluiten(verzending.pk, token, Verzending.Status.MISLUKT, type(fout).__name__)
        resultaat.mislukt += 1
        return
    _afsluiten(verzending.pk, token, Verzending.Status.VERSTUURD)
    resultaat.verstuurd += 1


def hervatten(*, editie: Editie) -> dict[str, int]:
    """After an interruption: make the edition's unfinished deliveries safe and go on.

    Writes, in one transaction: claimed deliveries never attempted back to *wachtend*;
    deliveries attempted without a known outcome to *onzeker* (never sent again
    automatically); the edition back to *wordt verstuurd* when deliveries wait. Queues a batch
    after the commit. Safe while a batch still runs: that batch can no longer mark a released
    row (its claim is gone) and still records the outcome of the one it is sending.
    Returns the number of rows released (``vrijgegeven``) and made uncertain (``onzeker``).
    """
    with transaction.atomic():
        editie = Editie.objects.select_for_update().get(pk=editie.pk)
        if editie.is_concept:
            raise NieuwsbriefFout(gettext("Deze nieuwsbrief is nog niet verstuurd."))
        bezig = editie.verzendingen.filter(status=Verzending.Status.BEZIG)
        vrijgegeven = bezig.filter(poging_op__isnull=True).update(
            status=Verzending.Status.WACHTEND, claim="", geclaimd_op=None
        )
        onzeker = bezig.filter(poging_op__isnull=False).update(status=Verzending.Status.ONZEKER)
        _verder_versturen(editie)
    return {"vrijgegeven": vrijgegeven, "onzeker": onzeker}


def mislukte_opnieuw(*, editie: Editie) -> int:
    """Try the failed deliveries of ``editie`` again (their SMTP call was refused, so the
    mail did not go out). Writes them back to *wachtend* and queues a batch. Returns how many.
    """
    with transaction.atomic():
        editie = Editie.objects.select_for_update().get(pk=editie.pk)
        if editie.is_concept:
            raise NieuwsbriefFout(gettext("Deze nieuwsbrief is nog niet verstuurd."))
        aantal = editie.verzendingen.filter(status=Verzending.Status.MISLUKT).update(
            status=Verzending.Status.WACHTEND, claim="", geclaimd_op=None, poging_op=None, fout=""
        )
        _verder_versturen(editie)
    return aantal


def _verder_versturen(editie: Editie) -> None:
    if not editie.verzendingen.filter(status=Verzending.Status.WACHTEND).exists():
        return
    if editie.status == Editie.Status.VERSTUURD:
        audit.bijwerken(editie, status=Editie.Status.WORDT_VERSTUURD, afgerond_op=None)
    _batch_inplannen(editie.pk)


@dataclass(frozen=True)
class Voortgang:
    verstuurd: int = 0
    mislukt: int = 0
    onzeker: int = 0
    overgeslagen: int = 0
    wachtend: int = 0
    bezig: int = 0

    @property
    def totaal(self) -> int:
        return (
            self.verstuurd
            + self.mislukt
            + self.onzeker
            + self.overgeslagen
            + self.wachtend
            + self.bezig
        )

    @property
    def resterend(self) -> int:
        return self.wachtend + self.bezig


def voortgang(editie: Editie) -> Voortgang:
    """How far sending ``editie`` is: deliveries per state, in one query."""
    rijen = dict(editie.verzendingen.order_by().values_list("status").annotate(n=Count("pk")))
    return Voortgang(**{status: rijen.get(status, 0) for status in Verzending.Status.values})


def testmail_versturen(*, editie: Editie, gebruiker, profiel: Profiel) -> None:
    """Queue the edition as a test mail to the staff member ``gebruiker``, with the offer for
    ``profiel``. Needs an e-mail address on the account (``NieuwsbriefFout``)."""
    from communicatie.tasks import nieuwsbrief_testmail

    if not gebruiker.email:
        raise NieuwsbriefFout(gettext("Je account heeft geen e-mailadres."))
    nieuwsbrief_testmail.enqueue(
        editie_id=editie.pk, gebruiker_id=gebruiker.pk, profiel=profiel.als_json()
    )

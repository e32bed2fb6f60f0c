"""Actions of the public site that store rows and send mail."""

import datetime
import logging
from email.utils import parseaddr
from functools import partial
from smtplib import SMTPException
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from communicatie.models import Huisstijl, Vraag
from gemeenten.models import Gemeente
from hvk import audit

logger = logging.getLogger(__name__)


class VraagFout(Exception):
    """A question that cannot be stored; the message is for the resident."""


def coordinator_email() -> str:
    return getattr(settings, "HVK_COORDINATOR_EMAIL", settings.DEFAULT_FROM_EMAIL)


def ontvanger_van_vragen(gemeente: Gemeente) -> str:
    """The address that gets residents' questions for ``gemeente``.

    The gemeente's contact point when it has an e-mail address, else the coordinator, who
    passes the question on.
    """
    return gemeente.aanspreekpunt_email or coordinator_email()


def wie_beantwoordt(gemeente: Gemeente) -> str:
    """Who answers questions for ``gemeente``, in words for the resident."""
    if gemeente.aanspreekpunt_email:
        return gemeente.aanspreekpunt_naam or gettext("het aanspreekpunt van %(gemeente)s") % {
            "gemeente": gemeente.naam
        }
    return gettext("de coördinator van %(huis)s") % {"huis": Huisstijl.huidige().naam}


def antwoordtermijn_werkdagen() -> int:
    return getattr(settings, "HVK_VRAGEN_ANTWOORD_WERKDAGEN", 5)


def vraag_stellen(*, gemeente, naam, email, telefoon, vraag, verzonden_vanaf=None) -> Vraag:
    """Store a resident's question and mail it to whoever answers for ``gemeente``.

    ``verzonden_vanaf`` is the absolute URL of the page the question was sent from; the mail
    names it and links from there to the question in the admin. Without it, both are left out.

    Writes: one ``Vraag`` (status *nieuw*, ``doorgestuurd_naar`` set to the recipient's
    address), in one transaction.
    Mails, only after that transaction committed (a rolled-back question sends nothing):

    - to the gemeente's contact point, or to ``HVK_COORDINATOR_EMAIL`` when the gemeente has
      no contact e-mail: the question, how to reach the resident and the retention notice,
      with Reply-To set to the resident's e-mail when given;
    - to the resident, only when they gave an e-mail: a short confirmation that names who
      answers and when, with Reply-To the recipient above. It repeats nothing the resident
      typed, so a mistyped address leaks nothing and the form cannot be used to spam others.

    A mail that cannot be sent (``SMTPException``, ``OSError``) is logged and never loses the
    question: when the first mail fails, ``doorgestuurd_naar`` is emptied again (a second
    write) so the coordinator sees in the admin that the question still has to be passed on.

    Raises ``VraagFout`` when there is neither an e-mail address nor a phone number.
    """
    if not email and not telefoon:
        raise VraagFout(
            gettext(
                "Vul je e-mailadres of je telefoonnummer in. Anders kunnen we je niet antwoorden."
            )
        )
    ontvanger = ontvanger_van_vragen(gemeente)
    with transaction.atomic():
        nieuwe_vraag = Vraag.objects.create(
            gemeente=gemeente,
            naam=naam,
            email=email,
            telefoon=telefoon,
            vraag=vraag,
            doorgestuurd_naar=parseaddr(ontvanger)[1],
        )
        # robust: whatever goes wrong while mailing, the resident still gets the thank-you
        # page for a question that is safely stored.
        transaction.on_commit(
            partial(
                _mails_versturen,
                vraag=nieuwe_vraag,
                ontvanger=ontvanger,
                verzonden_vanaf=verzonden_vanaf,
            ),
            robust=True,
        )
    return nieuwe_vraag


def _mails_versturen(*, vraag: Vraag, ontvanger: str, verzonden_vanaf: str | None):
    gemeente = vraag.gemeente
    dagen = settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN
    context = {
        "vraag": vraag,
        "gemeente": gemeente,
        "huis": Huisstijl.huidige().naam,
        "naar_coordinator": not gemeente.aanspreekpunt_email,
        "wie_beantwoordt": wie_beantwoordt(gemeente),
        "bewaartermijn_dagen": dagen,
        "gewist_op": vraag.aangemaakt + datetime.timedelta(days=dagen),
        "antwoord_werkdagen": antwoordtermijn_werkdagen(),
        "verzonden_vanaf": verzonden_vanaf,
        "beheer_url": (
            urljoin(verzonden_vanaf, reverse("admin:communicatie_vraag_change", args=[vraag.pk]))
            if verzonden_vanaf
            else ""
        ),
    }
    if context["naar_coordinator"] and not hasattr(settings, "HVK_COORDINATOR_EMAIL"):
        logger.warning(
            "HVK_COORDINATOR_EMAIL is not set: question %s goes to DEFAULT_FROM_EMAIL.", vraag.pk
        )

    # The contact point reads Dutch, whatever language the resident used the site in.
    with translation.override(settings.LANGUAGE_CODE):
        doorsturen = EmailMessage(
            subject=_onderwerp("communicatie/mail/vraag_onderwerp.txt", context),
            body=render_to_string("communicatie/mail/vraag.txt", context),
            to=[ontvanger],
            reply_to=[vraag.email] if vraag.email else None,
        )
    try:
        doorsturen.send()
    except (SMTPException, OSError):
        logger.exception(
            "Question %s could not be mailed to %s; it waits in the admin.", vraag.pk, ontvanger
        )
        audit.bijwerken(vraag, doorgestuurd_naar="")

    if not vraag.email:
        return
    bevestiging = EmailMessage(
        subject=_onderwerp("communicatie/mail/bevestiging_onderwerp.txt", context),
        body=render_to_string("communicatie/mail/bevestiging.txt", context),
        to=[vraag.email],
        reply_to=[ontvanger],
    )
    try:
        bevestiging.send()
    except (SMTPException, OSError):
        logger.exception("The confirmation of question %s could not be mailed.", vraag.pk)


def _onderwerp(template: str, context: dict) -> str:
    # A subject is one line; a template's trailing newline would break the header.
    return " ".join(render_to_string(template, context).split())

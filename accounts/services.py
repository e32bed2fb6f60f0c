"""Actions on accounts: inviting a person, proving their address."""

import logging
from smtplib import SMTPException

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from communicatie.models import Huisstijl

logger = logging.getLogger(__name__)


class UitnodigingFout(Exception):
    """An invitation that cannot be sent; the message is for the coordinator."""


def uitnodigingslink(*, gebruiker, request) -> str:
    """The absolute one-time link on which ``gebruiker`` chooses a password.

    It is allauth's password-reset link (``account_reset_password_from_key``) with a token of
    allauth's token generator: it stops working once the password is set or the person logs in
    (both change what the token was made from) and after ``PASSWORD_RESET_TIMEOUT`` seconds.
    """
    sleutel = default_token_generator.make_token(gebruiker)
    pad = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(gebruiker), "key": sleutel},
    )
    return request.build_absolute_uri(pad)


def uitnodigen(*, gebruiker, door, request) -> None:
    """Mail ``gebruiker`` an invitation: a one-time link to choose a password.

    The mail, in Dutch whatever the coordinator's language, names the Huis (its Huisstijl),
    ``door`` (who invites; replies go to them), the address to log in with, how long the link
    works and, for staff, that two-step login is set up right after. The link is the one of
    ``uitnodigingslink``; a new invitation does not cancel an earlier one.

    Writes nothing of its own; allauth's token generator records the person's e-mail address
    as an (unverified) ``EmailAddress`` when it has none yet. The address is marked verified
    when the person sets the password through the link (``adres_bevestigen``).

    Raises ``UitnodigingFout`` for an inactive account (the link would lead nowhere) and when
    the mail cannot be sent (logged).
    """
    if not gebruiker.is_active:
        raise UitnodigingFout(
            gettext("Het account van %(email)s is niet actief: maak het eerst actief.")
            % {"email": gebruiker.email}
        )
    context = {
        "huis": Huisstijl.huidige().naam,
        "gebruiker": gebruiker,
        "door": door,
        "link": uitnodigingslink(gebruiker=gebruiker, request=request),
        "geldig_dagen": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        "aanmelden": request.build_absolute_uri(reverse("account_login")),
    }
    with translation.override(settings.LANGUAGE_CODE):
        bericht = EmailMessage(
            subject=_onderwerp("accounts/mail/uitnodiging_onderwerp.txt", context),
            body=render_to_string("accounts/mail/uitnodiging_tekst.txt", context),
            to=[gebruiker.email],
            reply_to=[door.email] if door and door.email else None,
        )
    try:
        bericht.send()
    except (SMTPException, OSError) as exc:
        logger.exception("The invitation for user %s could not be mailed.", gebruiker.pk)
        raise UitnodigingFout(
            gettext(
                "De uitnodiging voor %(email)s kon niet verstuurd worden. Probeer het later "
                "opnieuw."
            )
            % {"email": gebruiker.email}
        ) from exc


def adres_bevestigen(*, gebruiker) -> None:
    """Record that ``gebruiker`` reads mail at their address: they used a link mailed there.

    Writes, in one transaction: the ``EmailAddress`` of the person's login address (created
    when missing) is marked verified and primary (any other address loses primary). allauth
    lets only people without unverified addresses set up two-step login, so an invited staff
    member needs this before the admin lets them in.
    """
    with transaction.atomic():
        adres, _ = EmailAddress.objects.get_or_create(
            user=gebruiker,
            email__iexact=gebruiker.email,
            defaults={"email": gebruiker.email.lower(), "primary": True, "verified": True},
        )
        if not adres.verified or not adres.primary:
            adres.verified = True
            # The address the person logs in with is their primary one.
            EmailAddress.objects.filter(user=gebruiker, primary=True).exclude(pk=adres.pk).update(
                primary=False
            )
            adres.primary = True
            adres.save(update_fields=["verified", "primary"])


def _onderwerp(template: str, context: dict) -> str:
    # A subject is one line; a template's trailing newline would break the header.
    return " ".join(render_to_string(template, context).split())

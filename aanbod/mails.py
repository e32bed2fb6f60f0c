"""The mails a family gets about its registration, as plain text and HTML.

Rendered when the task runs, from the registration as it is then: a mail queued for a family
whose data has since been erased is not sent.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from aanbod.kalender import kalender_maken, plek_tekst
from aanbod.models import Inschrijving

SOORTEN = ("bevestiging", "plaats_vrij", "annulering", "herinnering", "afgelast")
# Mails that hand the family a seat carry the moment as a calendar file.
MET_KALENDER = {"bevestiging", "plaats_vrij", "herinnering"}


def site_url(pad: str) -> str:
    return settings.HVK_SITE_URL.rstrip("/") + pad


def inschrijvingsmail_maken(inschrijving: Inschrijving, soort: str) -> EmailMultiAlternatives:
    """The mail of kind ``soort`` (one of ``SOORTEN``) for ``inschrijving``, ready to send."""
    if soort not in SOORTEN:
        raise ValueError(f"unknown mail {soort!r}")
    from communicatie.models import Huisstijl  # the brand lives above aanbod

    moment = inschrijving.moment
    activiteit = moment.activiteit
    plek = moment.plek
    bewaard_tot = timezone.localtime(moment.einde) + _bewaartermijn()
    context = {
        "inschrijving": inschrijving,
        "moment": moment,
        "activiteit": activiteit,
        "plek": plek,
        "plek_tekst": plek_tekst(moment),
        "begin": timezone.localtime(moment.begin),
        "einde": timezone.localtime(moment.einde),
        "bevestigd": inschrijving.status == Inschrijving.Status.BEVESTIGD,
        "wachtlijst": inschrijving.status == Inschrijving.Status.WACHTLIJST,
        "link": site_url(
            reverse("aanbod:inschrijving", kwargs={"sleutel": inschrijving.sleutel()})
        ),
        "activiteit_url": site_url(reverse("aanbod:detail", kwargs={"slug": activiteit.slug})),
        "huis": Huisstijl.huidige(),
        "bewaartermijn_maanden": settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN,
        "bewaard_tot": bewaard_tot,
        "soort": soort,
    }
    with translation.override(settings.LANGUAGE_CODE):
        onderwerp = " ".join(
            render_to_string(f"aanbod/mail/{soort}_onderwerp.txt", context).split()
        )
        context["onderwerp"] = onderwerp
        tekst = render_to_string(f"aanbod/mail/{soort}.txt", context)
        html = render_to_string(f"aanbod/mail/{soort}.html", context)
    bericht = EmailMultiAlternatives(subject=onderwerp, body=tekst, to=[inschrijving.email])
    bericht.attach_alternative(html, "text/html")
    if soort in MET_KALENDER and context["bevestigd"]:
        kalender = kalender_maken(
            naam=activiteit.titel,
            sleutel=f"inschrijving-{inschrijving.pk}",
            momenten=[moment],
            url_van=lambda a: context["activiteit_url"],
            host=urlsplit(settings.HVK_SITE_URL).hostname or "localhost",
        )
        bericht.attach("afspraak.ics", kalender.to_ical(), "text/calendar; method=PUBLISH")
    return bericht


def _bewaartermijn():
    from dateutil.relativedelta import relativedelta

    return relativedelta(months=settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN)

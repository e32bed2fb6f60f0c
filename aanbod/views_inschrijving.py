"""Registering for a moment on the public site, and the signed link from the mails.

The form (``inschrijven``) stores through the registration service and redirects to a thank-you
page (``ingeschreven``) that learns from the session, never from the URL, which registration
was just made. The signed link (``inschrijving``) lets a family see, cancel or erase its
registration without an account; its address is the secret, so that page is never cached,
indexed or passed on as a referrer, and only a POST changes anything.
"""

import functools

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import get_usage

from aanbod import services
from aanbod.forms import BevestigForm, InschrijvingForm
from aanbod.kalender import plek_tekst
from aanbod.models import Activiteit, Inschrijving, Moment
from aanbod.models.inschrijving import MAX_KINDEREN
from gemeenten.models import Gemeente

LIMIET_GROEP = "aanbod.inschrijving"
# Where the thank-you page finds what this browser just registered: {moment id: registration
# id, or AL_INGESCHREVEN}. Only ids, and only the last few moments.
SESSIE_SLEUTEL = "aanbod.ingeschreven"
AL_INGESCHREVEN = "al"
SESSIE_MAX = 10
# What a limited family sees filled in again; never the honeypot.
HERHAALDE_VELDEN = (
    "naam",
    "email",
    "telefoon",
    "woonplaats",
    "volwassenen",
    "opmerking",
    *(f"kind_{n}" for n in range(1, MAX_KINDEREN + 1)),
)
# Primary keys are 64-bit; a bigger number in the URL is no moment (and would overflow).
MAX_ID = 2**63 - 1
# A signed link is some fifty characters; anything much longer was not made by us.
MAX_SLEUTEL = 200


# --- Helpers -------------------------------------------------------------------------------


def _see_other(url: str) -> HttpResponseRedirect:
    """After a POST: go and GET this page, so that reloading it sends nothing again."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _limiet() -> str:
    # Read at each request, so that a changed setting applies at once.
    return f"{settings.HVK_INSCHRIJVING_PER_UUR}/h"


def _gebruik(request, *, tellen: bool):
    return get_usage(
        request, group=LIMIET_GROEP, key="ip", rate=_limiet(), method="POST", increment=tellen
    )


def _limiet_bereikt(request) -> bool:
    gebruik = _gebruik(request, tellen=False)
    return gebruik is not None and gebruik["count"] >= gebruik["limit"]


def _moment_of_none(slug: str, moment_id: int) -> Moment | None:
    """The moment, if it belongs to the published activity ``slug``; one query."""
    if moment_id > MAX_ID:
        return None
    return (
        Moment.objects.select_related("activiteit__locatie", "locatie")
        .filter(pk=moment_id, activiteit__slug=slug, activiteit__gepubliceerd=True)
        .first()
    )


def _niet_gevonden(request, slug: str):
    """A 404 that says what was not found and, when the activity exists, links to it."""
    activiteit = Activiteit.objects.gepubliceerd().filter(slug=slug[:100]).first()
    if activiteit is None:
        melding = gettext(
            "Dit aanbod bestaat niet (meer). Bekijk het aanbod en kies daar een moment om je in "
            "te schrijven."
        )
    else:
        melding = format_html(
            '{} <a href="{}">{}</a>.',
            gettext("Dit moment bestaat niet (meer)."),
            reverse("aanbod:detail", args=[activiteit.slug]),
            gettext("Kies een ander moment van %(titel)s") % {"titel": activiteit.titel},
        )
    return render(
        request,
        "404.html",
        {"titel": gettext("Dit moment vinden we niet"), "melding": melding},
        status=404,
    )


def _waarom_gesloten(moment: Moment) -> str:
    """Why nobody can register for this moment on the site; empty when they can."""
    if not moment.activiteit.inschrijving_vereist:
        return gettext("Voor dit aanbod hoef je je niet in te schrijven. Kom gewoon langs.")
    if moment.geannuleerd:
        return gettext("Dit moment gaat niet door. Inschrijven kan dus niet.")
    if moment.begin <= timezone.now():
        return gettext("Dit moment is al begonnen of voorbij. Inschrijven kan niet meer.")
    return ""


def _onthoud(request, moment: Moment, waarde) -> None:
    gezien = dict(request.session.get(SESSIE_SLEUTEL, {}))
    gezien.pop(str(moment.pk), None)
    if waarde is not None:
        gezien[str(moment.pk)] = waarde
    request.session[SESSIE_SLEUTEL] = dict(list(gezien.items())[-SESSIE_MAX:])


def _plaats_op_wachtlijst(inschrijving: Inschrijving) -> int | None:
    """Where on the waiting list this registration stands (1 is next); None when not on it."""
    if inschrijving.status != Inschrijving.Status.WACHTLIJST:
        return None
    voor = (
        Inschrijving.objects.wachtlijst()
        .filter(moment_id=inschrijving.moment_id)
        .filter(
            Q(aangemaakt__lt=inschrijving.aangemaakt)
            | Q(aangemaakt=inschrijving.aangemaakt, pk__lt=inschrijving.pk)
        )
    )
    return voor.count() + 1


def _moment_context(moment: Moment) -> dict:
    return {
        "moment": moment,
        "activiteit": moment.activiteit,
        "plek": moment.plek,
        "plek_tekst": plek_tekst(moment),
        "bewaartermijn_maanden": settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN,
    }


# --- The form ------------------------------------------------------------------------------


def _formulierpagina(request, moment, form, *, vrij, status=200, te_veel=False, gesloten=""):
    context = {
        **_moment_context(moment),
        "form": form,
        "vrij": vrij,
        "volzet": vrij == 0,
        "te_veel": te_veel,
        "gesloten": gesloten,
    }
    if te_veel:
        context["aanspreekpunten"] = Gemeente.objects.exclude(aanspreekpunt_telefoon="")
    return render(request, "aanbod/inschrijven.html", context, status=status)


def _form(moment, vrij, data=None, **kwargs) -> InschrijvingForm:
    return InschrijvingForm(
        data,
        volzet=vrij == 0,
        met_wachtlijst=moment.activiteit.capaciteit is not None,
        **kwargs,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def inschrijven(request, slug, moment):
    """Register a family for one moment of a published activity that needs registration."""
    gevonden = _moment_of_none(slug, moment)
    if gevonden is None:
        return _niet_gevonden(request, slug)
    moment = gevonden

    gesloten = _waarom_gesloten(moment)
    if gesloten:
        # Nothing to fill in: say why, and point to the activity's other moments.
        return _formulierpagina(request, moment, None, vrij=None, gesloten=gesloten)

    vrij = services.vrije_plaatsen(moment)
    if request.method != "POST":
        return _formulierpagina(request, moment, _form(moment, vrij), vrij=vrij)

    if _limiet_bereikt(request):
        # Give the family back what they typed, without a list of errors on top of the
        # message that they have to wait.
        ingevuld = {veld: request.POST.get(veld, "") for veld in HERHAALDE_VELDEN}
        ingevuld["wachtlijst"] = bool(request.POST.get("wachtlijst"))
        ingevuld["toestemming"] = bool(request.POST.get("toestemming"))
        form = _form(moment, vrij, initial=ingevuld)
        return _formulierpagina(request, moment, form, vrij=vrij, status=429, te_veel=True)

    form = _form(moment, vrij, request.POST)
    bedankt_url = reverse("aanbod:ingeschreven", args=[moment.activiteit.slug, moment.pk])
    if form.is_spam:
        _gebruik(request, tellen=True)
        _onthoud(request, moment, None)
        return _see_other(bedankt_url)
    if form.is_valid():
        try:
            inschrijving = services.inschrijven(
                moment=moment,
                gezin=form.gezin(),
                wachtlijst=form.cleaned_data.get("wachtlijst", False),
            )
        except services.AlIngeschreven:
            # The service mailed the confirmation again to that address; this page tells
            # nothing about it, since anyone can type someone else's e-mail address.
            _gebruik(request, tellen=True)
            _onthoud(request, moment, AL_INGESCHREVEN)
            return _see_other(bedankt_url)
        except services.Volzet as fout:
            form.add_error(None, str(fout))
            vrij = services.vrije_plaatsen(moment)
        except services.InschrijvingFout as fout:
            form.add_error(None, str(fout))
        else:
            _gebruik(request, tellen=True)
            _onthoud(request, moment, inschrijving.pk)
            return _see_other(bedankt_url)
    return _formulierpagina(request, moment, form, vrij=vrij)


@require_safe
@never_cache
def ingeschreven(request, slug, moment):
    """Thank you: a seat or the waiting list, for the registration this browser just made."""
    gevonden = _moment_of_none(slug, moment)
    if gevonden is None:
        return _niet_gevonden(request, slug)
    moment = gevonden
    waarde = request.session.get(SESSIE_SLEUTEL, {}).get(str(moment.pk))
    inschrijving = None
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        inschrijving = (
            Inschrijving.objects.filter(pk=waarde, moment=moment)
            .exclude(status=Inschrijving.Status.GEANNULEERD)
            .filter(gewist_op__isnull=True)
            .first()
        )
    context = {
        **_moment_context(moment),
        "inschrijving": inschrijving,
        "al_ingeschreven": waarde == AL_INGESCHREVEN,
        "bevestigd": inschrijving is not None
        and inschrijving.status == Inschrijving.Status.BEVESTIGD,
        "wachtlijst": inschrijving is not None
        and inschrijving.status == Inschrijving.Status.WACHTLIJST,
        "plaats_op_wachtlijst": _plaats_op_wachtlijst(inschrijving) if inschrijving else None,
    }
    return render(request, "aanbod/ingeschreven.html", context)


# --- The signed link -----------------------------------------------------------------------


# Links from this page pass on the site's name, never the path with the secret. Not
# "no-referrer": browsers then send "Origin: null" with the page's own forms, which the CSRF
# check rightly refuses.
REFERRER_POLICY = "strict-origin"


def _geheim_adres(view):
    """The address holds a secret: keep it out of caches, search engines and referrers."""

    @functools.wraps(view)
    def omhulsel(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = REFERRER_POLICY
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(omhulsel)


def _bevestigformulieren(data=None, actie=""):
    return {
        "annuleren": BevestigForm(
            data if actie == "annuleren" else None,
            prefix="annuleren",
            label=gettext("Ja, ik kan niet komen. Annuleer mijn inschrijving."),
            fout=gettext("Vink aan dat je je inschrijving wil annuleren."),
        ),
        "wissen": BevestigForm(
            data if actie == "wissen" else None,
            prefix="wissen",
            label=gettext("Ja, wis mijn gegevens."),
            fout=gettext("Vink aan dat we je gegevens mogen wissen."),
        ),
    }


def _linkpagina(request, inschrijving, *, status=200, fout="", formulieren=None):
    moment = inschrijving.moment
    begonnen = moment.begin <= timezone.now()
    context = {
        **_moment_context(moment),
        "inschrijving": inschrijving,
        "gewist": inschrijving.is_gewist,
        "geannuleerd": inschrijving.status == Inschrijving.Status.GEANNULEERD,
        "bevestigd": inschrijving.status == Inschrijving.Status.BEVESTIGD,
        "wachtlijst": inschrijving.status == Inschrijving.Status.WACHTLIJST,
        "plaats_op_wachtlijst": _plaats_op_wachtlijst(inschrijving),
        "begonnen": begonnen,
        "kan_annuleren": (
            not inschrijving.is_gewist
            and inschrijving.status != Inschrijving.Status.GEANNULEERD
            and not moment.geannuleerd
            and not begonnen
        ),
        "formulieren": formulieren or _bevestigformulieren(),
        "fout": fout,
    }
    return render(request, "aanbod/inschrijving.html", context, status=status)


def _linkfout(request, *, status: int, titel: str, melding: str):
    context = {"linkfout": True, "titel": titel, "melding": melding}
    if status == 410:
        context["aanspreekpunten"] = Gemeente.objects.exclude(aanspreekpunt_telefoon="")
    return render(request, "aanbod/inschrijving.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@_geheim_adres
def inschrijving(request, sleutel):
    """See, cancel or erase a registration with the signed link from the mail.

    GET only shows (mail scanners open links); POST ``actie=annuleren`` or ``actie=wissen``,
    each confirmed with a tick, changes the registration and comes back here.
    """
    try:
        if len(sleutel) > MAX_SLEUTEL:
            raise signing.BadSignature("too long")
        gevonden = Inschrijving.met_sleutel(sleutel)
    except signing.SignatureExpired:
        return _linkfout(
            request,
            status=410,
            titel=gettext("Deze link is verlopen"),
            melding=gettext(
                "Een link om je inschrijving te bekijken werkt maar een tijd. Na het moment "
                "worden je gegevens ook gewist. Wil je iets vragen over je inschrijving? Neem "
                "contact op met het Huis van het Kind."
            ),
        )
    except signing.BadSignature:
        return _linkfout(
            request,
            status=404,
            titel=gettext("Deze link klopt niet"),
            melding=gettext(
                "Misschien is de link niet helemaal meegekopieerd. Open de link uit je mail "
                "opnieuw, of kopieer hem volledig."
            ),
        )
    except Inschrijving.DoesNotExist:
        return _linkfout(
            request,
            status=404,
            titel=gettext("Deze inschrijving bestaat niet meer"),
            melding=gettext(
                "We vinden deze inschrijving niet meer. Heb je een vraag? Neem contact op met "
                "het Huis van het Kind."
            ),
        )

    if request.method != "POST":
        return _linkpagina(request, gevonden)

    actie = request.POST.get("actie", "")
    if actie not in ("annuleren", "wissen"):
        return _linkpagina(
            request, gevonden, status=400, fout=gettext("Kies annuleren of gegevens wissen.")
        )
    formulieren = _bevestigformulieren(request.POST, actie)
    if not formulieren[actie].is_valid():
        return _linkpagina(request, gevonden, formulieren=formulieren)
    try:
        if actie == "annuleren":
            services.annuleren(inschrijving=gevonden)
            messages.success(
                request,
                gettext(
                    "Je inschrijving is geannuleerd. Bedankt om het te laten weten: zo krijgt "
                    "iemand anders je plaats."
                ),
            )
        else:
            services.gegevens_wissen(inschrijving=gevonden)
            messages.success(request, gettext("Je gegevens zijn gewist."))
    except services.InschrijvingFout as fout:
        gevonden.refresh_from_db()
        return _linkpagina(request, gevonden, status=409, fout=str(fout))
    return _see_other(request.path)

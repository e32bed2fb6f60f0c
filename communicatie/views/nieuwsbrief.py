"""The newsletter on the public site: subscribe, confirm, unsubscribe, and the archive.

The confirmation and unsubscribe links from the mails hold a signed key; their pages are
never cached, indexed or passed on as a referrer. A GET only shows a button (mail scanners
open every link in a mail); a POST confirms or unsubscribes. Mail programs that honour
``List-Unsubscribe-Post`` (RFC 8058) POST ``List-Unsubscribe=One-Click`` to the unsubscribe
link without a CSRF token: the signature is what protects that POST.
"""

import functools

from django.conf import settings
from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import get_usage

from communicatie import nieuwsbrief
from communicatie.forms import NieuwsbriefForm, privacy_url
from communicatie.models import Abonnee, Editie
from communicatie.views.publiek import gemeente_uit_adres, niet_gevonden

# Accepted subscriptions per IP address and hour; mistakes in the form do not count.
LIMIET = "5/h"
LIMIET_GROEP = "communicatie.nieuwsbrief"
# A signed key is some fifty characters; anything much longer was not made by us.
MAX_SLEUTEL = 200
EDITIES_PER_PAGINA = 12
# RFC 8058: the body a mail program POSTs for a one-click unsubscribe.
EEN_KLIK = ("List-Unsubscribe", "One-Click")


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _gebruik(request, *, tellen: bool):
    return get_usage(
        request, group=LIMIET_GROEP, key="ip", rate=LIMIET, method="POST", increment=tellen
    )


def _limiet_bereikt(request) -> bool:
    gebruik = _gebruik(request, tellen=False)
    return gebruik is not None and gebruik["count"] >= gebruik["limit"]


def _formulierpagina(request, form, *, status=200, te_veel=False):
    context = {
        "form": form,
        "te_veel": te_veel,
        "bevestigen_dagen": settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN,
        "privacy_url": privacy_url(),
        "laatste_editie": Editie.objects.in_archief().first(),
    }
    return render(request, "communicatie/nieuwsbrief.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def inschrijven(request):
    """Subscribe to the newsletter; ``?gemeente=<slug>`` ticks that gemeente."""
    if request.method != "POST":
        gemeente = gemeente_uit_adres(request)
        initial = {"gemeenten": [gemeente.pk]} if gemeente else {}
        return _formulierpagina(request, NieuwsbriefForm(initial=initial))

    if _limiet_bereikt(request):
        ingevuld = {
            "email": request.POST.get("email", ""),
            "gemeenten": request.POST.getlist("gemeenten"),
            "leeftijden": request.POST.getlist("leeftijden"),
            "doelgroepen": request.POST.getlist("doelgroepen"),
            "toestemming": bool(request.POST.get("toestemming")),
        }
        return _formulierpagina(
            request, NieuwsbriefForm(initial=ingevuld), status=429, te_veel=True
        )

    form = NieuwsbriefForm(request.POST)
    bedankt_url = reverse("nieuwsbrief_bedankt")
    if form.is_spam:
        _gebruik(request, tellen=True)
        return _see_other(bedankt_url)
    if form.is_valid():
        gegevens = form.cleaned_data
        try:
            nieuwsbrief.inschrijven(
                email=gegevens["email"],
                gemeenten=gegevens["gemeenten"],
                doelgroepen=gegevens.get("doelgroepen") or [],
                leeftijden=gegevens["leeftijden"],
            )
        except nieuwsbrief.NieuwsbriefFout as fout:
            form.add_error(None, str(fout))
        else:
            # The same page whatever the address was: new, waiting or already subscribed.
            _gebruik(request, tellen=True)
            return _see_other(bedankt_url)
    return _formulierpagina(request, form)


@require_safe
def bedankt(request):
    """Check your mailbox: what happens now and what we keep."""
    return render(
        request,
        "communicatie/nieuwsbrief_bedankt.html",
        {
            "bevestigen_dagen": settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN,
            "privacy_url": privacy_url(),
        },
    )


# --- The signed links --------------------------------------------------------------------


def _geheim_adres(view):
    """The address holds a secret: keep it out of caches, search engines and referrers."""

    @functools.wraps(view)
    def omhulsel(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # Not "no-referrer": the page's own form would then send "Origin: null" (CSRF).
        response["Referrer-Policy"] = "strict-origin"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(omhulsel)


def _linkfout(request, template: str, *, status: int, titel: str, melding: str):
    return render(
        request,
        template,
        {"linkfout": True, "titel": titel, "melding": melding},
        status=status,
    )


def _klopt_niet(request, template: str):
    return _linkfout(
        request,
        template,
        status=404,
        titel=gettext("Deze link klopt niet"),
        melding=gettext(
            "Misschien is de link niet helemaal meegekopieerd. Open de link uit je mail "
            "opnieuw, of kopieer hem volledig. Er is niets veranderd."
        ),
    )


BEVESTIGEN = "communicatie/nieuwsbrief_bevestigen.html"
UITSCHRIJVEN = "communicatie/nieuwsbrief_uitschrijven.html"


@require_http_methods(["GET", "HEAD", "POST"])
@_geheim_adres
def bevestigen(request, sleutel):
    """Confirm a subscription with the link from the confirmation mail (POST only)."""
    verlopen = _linkfout(
        request,
        BEVESTIGEN,
        status=410,
        titel=gettext("Deze link is verlopen"),
        melding=gettext(
            "Een inschrijving die niet binnen %(dagen)d dagen bevestigd wordt, wissen we. "
            "Schrijf je opnieuw in; je krijgt dan een nieuwe mail."
        )
        % {"dagen": settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN},
    )
    try:
        if len(sleutel) > MAX_SLEUTEL:
            raise signing.BadSignature("too long")
        abonnee = Abonnee.met_bevestigingssleutel(sleutel)
    except signing.SignatureExpired:
        return verlopen
    except signing.BadSignature:
        return _klopt_niet(request, BEVESTIGEN)
    except Abonnee.DoesNotExist:
        # Unsubscribed meanwhile, or deleted because it was not confirmed in time.
        return verlopen

    if request.method == "POST":
        nieuwsbrief.bevestigen(abonnee=abonnee)
        return _see_other(request.path)
    return render(
        request,
        BEVESTIGEN,
        {"abonnee": abonnee, "bevestigd": abonnee.is_bevestigd, "profiel": _keuzes(abonnee)},
    )


def _keuzes(abonnee: Abonnee) -> str:
    return nieuwsbrief.Profiel.van(abonnee).beschrijving()


def _een_klik(request) -> bool:
    return request.POST.get(EEN_KLIK[0]) == EEN_KLIK[1]


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@_geheim_adres
def uitschrijven(request, sleutel):
    """Unsubscribe with the link from any newsletter mail: the address is deleted.

    GET shows a button; POST unsubscribes. A POST with the one-click body of RFC 8058 needs
    no CSRF token (a mail program sends it); any other POST is checked as usual.
    """
    if request.method == "POST" and not _een_klik(request):
        geweigerd = CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {})
        if geweigerd is not None:
            return geweigerd
    try:
        if len(sleutel) > MAX_SLEUTEL:
            raise signing.BadSignature("too long")
        abonnee = Abonnee.met_uitschrijfsleutel(sleutel)
    except signing.BadSignature:
        return _klopt_niet(request, UITSCHRIJVEN)
    except Abonnee.DoesNotExist:
        # Already unsubscribed: that is what was asked, so say so (also to a mail program).
        return render(request, UITSCHRIJVEN, {"uitgeschreven": True, "al": True})

    if request.method == "POST":
        nieuwsbrief.uitschrijven(abonnee=abonnee)
        return render(request, UITSCHRIJVEN, {"uitgeschreven": True})
    return render(request, UITSCHRIJVEN, {"abonnee": abonnee})


# --- The archive -------------------------------------------------------------------------


@require_safe
def archief(request):
    """Every edition that was sent, newest first."""
    pagina = Paginator(Editie.objects.in_archief(), EDITIES_PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(request, "communicatie/nieuwsbrief_archief.html", {"pagina": pagina})


@require_safe
def editie(request, slug):
    """One sent edition as everybody can read it: the intro, the news, and the offer for the
    whole area as it stood when it was sent."""
    gevonden = Editie.objects.in_archief().filter(slug=slug[:160]).first()
    if gevonden is None:
        return niet_gevonden(
            request,
            titel=gettext("Deze nieuwsbrief vinden we niet"),
            melding=gettext("Misschien is hij nog niet verstuurd. Bekijk het archief."),
        )
    op = gevonden.verstuurd_op or timezone.now()
    context = nieuwsbrief.editie_context(gevonden, nieuwsbrief.Profiel(), op=op)
    context["verstuurd_op"] = op
    return render(request, "communicatie/nieuwsbrief_editie.html", context)

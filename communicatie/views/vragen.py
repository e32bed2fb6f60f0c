"""The question form: ask, confirm."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_safe
from django_ratelimit.core import get_usage

from communicatie.forms import VraagForm, privacy_url
from communicatie.services import (
    VraagFout,
    antwoordtermijn_werkdagen,
    vraag_stellen,
)
from communicatie.views.publiek import gemeente_uit_adres
from gemeenten.models import Gemeente

# Accepted questions per IP address. Only questions that go through count: a resident who
# needs a few tries to fill in the form is never locked out by their own mistakes.
LIMIET = "5/h"
LIMIET_GROEP = "communicatie.vraag"
# What a limited resident sees filled in again; never the honeypot.
HERHAALDE_VELDEN = ("gemeente", "naam", "email", "telefoon", "vraag")


def _gebruik(request, *, tellen: bool):
    return get_usage(
        request, group=LIMIET_GROEP, key="ip", rate=LIMIET, method="POST", increment=tellen
    )


def _limiet_bereikt(request) -> bool:
    gebruik = _gebruik(request, tellen=False)
    return gebruik is not None and gebruik["count"] >= gebruik["limit"]


def _pagina(request, form, *, status=200, te_veel=False):
    context = {
        "form": form,
        "te_veel": te_veel,
        "antwoord_werkdagen": antwoordtermijn_werkdagen(),
        "bewaartermijn_dagen": settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN,
    }
    if te_veel:
        context["aanspreekpunten"] = Gemeente.objects.exclude(aanspreekpunt_telefoon="")
    return render(request, "communicatie/vraag.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def vraag(request):
    """Ask the contact point of your gemeente a question; ``?gemeente=<slug>`` preselects."""
    if request.method != "POST":
        gemeente = gemeente_uit_adres(request)
        return _pagina(request, VraagForm(initial={"gemeente": gemeente}))

    if _limiet_bereikt(request):
        # Give the resident back what they typed, without a list of errors on top of the
        # message that they have to wait.
        ingevuld = {veld: request.POST.get(veld, "") for veld in HERHAALDE_VELDEN}
        ingevuld["toestemming"] = bool(request.POST.get("toestemming"))
        return _pagina(request, VraagForm(initial=ingevuld), status=429, te_veel=True)

    form = VraagForm(request.POST)
    bedankt_url = reverse("vraag_bedankt")
    if form.is_spam:
        _gebruik(request, tellen=True)
        return HttpResponseRedirect(bedankt_url)
    if form.is_valid():
        gegevens = form.cleaned_data
        try:
            vraag_stellen(
                gemeente=gegevens["gemeente"],
                naam=gegevens["naam"],
                email=gegevens["email"],
                telefoon=gegevens["telefoon"],
                vraag=gegevens["vraag"],
                verzonden_vanaf=request.build_absolute_uri(),
            )
        except VraagFout as fout:
            form.add_error(None, str(fout))
        else:
            _gebruik(request, tellen=True)
            query = urlencode({"gemeente": gegevens["gemeente"].slug})
            return HttpResponseRedirect(f"{bedankt_url}?{query}")
    return _pagina(request, form)


@require_safe
def bedankt(request):
    """What happens to the question now, who answers it, and how long it is kept."""
    gemeente = gemeente_uit_adres(request)
    return render(
        request,
        "communicatie/vraag_bedankt.html",
        {
            "gemeente": gemeente,
            "antwoord_werkdagen": antwoordtermijn_werkdagen(),
            "bewaartermijn_dagen": settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN,
            "privacy_url": privacy_url(),
        },
    )

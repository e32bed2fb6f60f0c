"""The public pages: the shared home, a door per gemeente, news and the coordinator's pages."""

import datetime as dt
import re

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from aanbod.selectors import spreiding_per_gemeente
from communicatie import selectors
from communicatie.context_processors import adres_op_hoofddomein, gemeenten_van_het_huis
from communicatie.models import Pagina
from gemeenten.models import Gemeente
from hvk.paginacache import bewaard, gecached
from locaties.selectors import dichtste_locaties, locaties_met_status

WEEK_DAGEN = 7
MOMENTEN_OP_START = 20
MOMENTEN_OP_DEUR = 10
PLEKKEN_OP_START = 8
PLEKKEN_OP_DEUR = 5
NIEUWS_OP_START = 3
NIEUWS_PER_PAGINA = 10
# The door's overview of the offer counts this many days from today: the coming year, as far
# as recurring offer is planned ahead (HVK_HORIZON_DAGEN, 365 by default).
OVERZICHT_DAGEN = 365


# What a <slug:…> in a URL can hold; a gemeente's slug is one.
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,100}")


def gemeente_uit_adres(request) -> Gemeente | None:
    """The gemeente that ``?gemeente=<slug>`` names, or None.

    What cannot be a slug never reaches the database: PostgreSQL refuses a NUL character
    with an error, and a link with one must still show the page.
    """
    slug = request.GET.get("gemeente", "")
    if not SLUG.fullmatch(slug):
        return None
    return Gemeente.objects.filter(slug=slug).first()


def niet_gevonden(request, *, titel: str, melding: str):
    """The 404 page with a message that says what was not found, and the doors to go on."""
    return render(request, "404.html", {"titel": titel, "melding": melding}, status=404)


@gecached
def home(request):
    """The shared Huis: the doors, this week's offer, the places, walk-in today, news."""
    op = timezone.now()
    plekken = locaties_met_status(op, huis_eerst=True)
    momenten = selectors.komende_momenten(dagen=WEEK_DAGEN, aantal=MOMENTEN_OP_START, op=op)
    return render(
        request,
        "communicatie/home.html",
        {
            "dagen": selectors.per_dag(momenten, op),
            "meer_momenten": len(momenten) == MOMENTEN_OP_START,
            "plekken": plekken[:PLEKKEN_OP_START],
            "aantal_plekken": len(plekken),
            "vrije_inloop": [plek for plek in plekken if plek.vrije_inloop_vandaag],
            "nieuws": selectors.laatste_nieuws(aantal=NIEUWS_OP_START),
        },
    )


@gecached
def gemeente(request, slug):
    """The door of one gemeente at /<slug>/; a typed capital is forgiven with a redirect."""
    gevonden = next((g for g in gemeenten_van_het_huis(request) if g.slug == slug.lower()), None)
    if gevonden is None:
        return niet_gevonden(
            request,
            titel=_("Deze pagina bestaat niet"),
            melding=_(
                "Er is geen pagina en geen gemeente met het webadres “%(slug)s”. "
                "Kies hieronder je gemeente, of ga naar de startpagina."
            )
            % {"slug": slug},
        )
    if gevonden.slug != slug:
        return redirect("gemeente", slug=gevonden.slug, permanent=True)
    return _deur(request, gevonden)


def deur_op_eigen_domein(request, gemeente: Gemeente):
    """The door served at "/" of the gemeente's own host name; canonical is the main URL."""
    pad = reverse("gemeente", kwargs={"slug": gemeente.slug})
    return _deur(request, gemeente, canonical_url=adres_op_hoofddomein(request, pad))


def _deur(request, gemeente: Gemeente, canonical_url: str | None = None):
    op = timezone.now()
    alle = gemeenten_van_het_huis(request)
    andere = [g for g in alle if g.pk != gemeente.pk]
    momenten = selectors.komende_momenten(gemeente=gemeente, aantal=MOMENTEN_OP_DEUR, op=op)
    vandaag = timezone.localdate(op)
    # A year of offer for every gemeente is costly at scale; it changes only with the data.
    spreiding = bewaard(
        f"deur-spreiding:{vandaag}",
        lambda: spreiding_per_gemeente(
            van=vandaag, tot=vandaag + dt.timedelta(days=OVERZICHT_DAGEN - 1), gemeenten=alle
        ),
    )
    context = {
        "gemeente": gemeente,
        "overzicht": next((r for r in spreiding.regels if r.gemeente.pk == gemeente.pk), None),
        "overzicht_tot": spreiding.tot,
        "andere_gemeenten": andere,
        "andere_namen": get_text_list([g.naam for g in andere], _("en")),
        "dagen": selectors.per_dag(momenten, op),
        "buurt": dichtste_locaties(gemeente, aantal=PLEKKEN_OP_DEUR, op=op),
        "nieuws": selectors.laatste_nieuws(gemeente=gemeente, aantal=NIEUWS_OP_START),
    }
    if canonical_url:
        context["canonical_url"] = canonical_url
    return render(request, "communicatie/gemeente.html", context)


@gecached
def nieuws(request):
    """All published news, newest first, ten a page; ``?gemeente=<slug>`` narrows it down."""
    slug = request.GET.get("gemeente", "")
    gemeente = next((g for g in gemeenten_van_het_huis(request) if g.slug == slug), None)
    paginator = Paginator(selectors.gepubliceerd_nieuws(gemeente=gemeente), NIEUWS_PER_PAGINA)
    berichten = paginator.get_page(request.GET.get("pagina"))
    context = {"berichten": berichten, "gemeente": gemeente}
    # The canonical URL keeps what changes the content (gemeente, page) and drops the rest.
    parameters = {"gemeente": gemeente.slug if gemeente else None}
    parameters["pagina"] = berichten.number if berichten.number > 1 else None
    if zoek := urlencode({k: v for k, v in parameters.items() if v}):
        context["canonical_url"] = adres_op_hoofddomein(request, f"{request.path}?{zoek}")
    return render(request, "communicatie/nieuws.html", context)


@gecached
def nieuwsbericht(request, slug):
    bericht = selectors.gepubliceerd_nieuws().filter(slug=slug).first()
    if bericht is None:
        return niet_gevonden(
            request,
            titel=_("Dit nieuwsbericht bestaat niet"),
            melding=_(
                "Misschien is het bericht verwijderd of nog niet gepubliceerd. "
                "Al het nieuws staat op de nieuwspagina."
            ),
        )
    return render(request, "communicatie/nieuwsbericht.html", {"bericht": bericht})


@gecached
def pagina(request, soort):
    """A page the coordinator writes in the admin: about the Huis, privacy, accessibility."""
    gevonden = selectors.pagina(soort)
    if gevonden is None:
        return niet_gevonden(
            request,
            titel=_("%(pagina)s: nog niet beschikbaar") % {"pagina": Pagina.Soort(soort).label},
            melding=_(
                "Deze pagina is nog niet geschreven. Heb je een vraag? Neem contact op met het "
                "aanspreekpunt van je gemeente; je vindt het via je gemeente hieronder."
            ),
        )
    return render(
        request,
        "communicatie/pagina.html",
        {"pagina": gevonden, "blokken": selectors.tekstblokken(gevonden.inhoud)},
    )


# A colour changed in the admin reaches a browser that kept the style sheet within this time.
HUISSTIJL_CSS_SECONDEN = 300


@gecached
def huisstijl_css(request):
    """The brand colour and each gemeente's door colour, as a style sheet.

    A file instead of a <style> in every page, so the Content-Security-Policy can forbid
    inline styles. The colours are validated as #RRGGBB (``valideer_merkkleur``).
    """
    response = render(
        request,
        "communicatie/huisstijl.css",
        {"gemeenten": gemeenten_van_het_huis(request)},
        content_type="text/css; charset=utf-8",
    )
    response["Cache-Control"] = f"public, max-age={HUISSTIJL_CSS_SECONDEN}"
    return response


@gecached
def robots(request):
    """Everything may be indexed except the back office; the sitemap is on the main host."""
    regels = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        f"Sitemap: {adres_op_hoofddomein(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")

"""The shared flyer as a PDF: /flyer.pdf for the whole area, /<gemeente>/flyer.pdf for one.

``?van=YYYY-MM-DD&tot=YYYY-MM-DD`` chooses the period (default: from today, eight weeks; at
most six months), ``?formaat=a4|a5`` the paper (default A4). A value that cannot be read is
replaced by its default: a stale or mistyped link still gives a flyer.
"""

from django.http import HttpResponse
from django.utils.translation import gettext as _

from communicatie.flyer import FORMATEN, datum_uit, flyer_inhoud, flyer_pdf, flyer_periode
from communicatie.views.publiek import niet_gevonden
from gemeenten.models import Gemeente

# The offer changes a few times a day at most; an hour in a cache spares the server.
CACHE_SECONDEN = 3600


def pdf_antwoord(pdf: bytes, bestandsnaam: str) -> HttpResponse:
    """A PDF the browser shows (and can save under ``bestandsnaam``)."""
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'inline; filename="{bestandsnaam}"'
    return antwoord


def flyer(request):
    return _flyer(request, gemeente=None)


def flyer_gemeente(request, slug):
    gemeente = Gemeente.objects.filter(slug=slug.lower()).first()
    if gemeente is None:
        return niet_gevonden(
            request,
            titel=_("Deze flyer bestaat niet"),
            melding=_(
                "Er is geen gemeente met het webadres “%(slug)s”. Kies hieronder je gemeente, "
                "of ga naar de startpagina."
            )
            % {"slug": slug},
        )
    return _flyer(request, gemeente=gemeente)


def _flyer(request, *, gemeente):
    van, tot = flyer_periode(datum_uit(request.GET.get("van")), datum_uit(request.GET.get("tot")))
    formaat = request.GET.get("formaat", "").strip().lower()
    if formaat not in FORMATEN:
        formaat = FORMATEN[0]
    inhoud = flyer_inhoud(gemeente=gemeente, van=van, tot=tot)
    antwoord = pdf_antwoord(flyer_pdf(inhoud=inhoud, formaat=formaat), inhoud.bestandsnaam)
    antwoord["Cache-Control"] = f"public, max-age={CACHE_SECONDEN}"
    return antwoord

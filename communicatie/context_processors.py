from django.conf import settings
from django.utils.functional import SimpleLazyObject

from communicatie.models import Huisstijl, Pagina
from gemeenten.models import Gemeente


def gemeenten_van_het_huis(request) -> list[Gemeente]:
    """The participating gemeenten, loaded once per request however many blocks show them."""
    if not hasattr(request, "_hvk_gemeenten"):
        request._hvk_gemeenten = list(Gemeente.objects.order_by("naam"))
    return request._hvk_gemeenten


def adres_op_hoofddomein(request, pad: str) -> str:
    """The absolute URL of ``pad`` on the main site.

    With ``HVK_HOOFDDOMEIN`` set that is ``https://<HVK_HOOFDDOMEIN><pad>``, also when the
    request came in on a gemeente's own host name; without it, the request's own host.
    """
    if settings.HVK_HOOFDDOMEIN:
        return f"https://{settings.HVK_HOOFDDOMEIN}{pad}"
    return request.build_absolute_uri(pad)


def huisstijl(request):
    """The brand, the gemeenten, the written pages and the canonical URL, all looked up lazily."""
    return {
        "huisstijl": SimpleLazyObject(Huisstijl.huidige),
        "deelnemende_gemeenten": SimpleLazyObject(lambda: gemeenten_van_het_huis(request)),
        # Only pages that exist are linked from the footer.
        "geschreven_paginas": SimpleLazyObject(
            lambda: set(Pagina.objects.values_list("soort", flat=True))
        ),
        "canonical_url": SimpleLazyObject(lambda: adres_op_hoofddomein(request, request.path)),
    }

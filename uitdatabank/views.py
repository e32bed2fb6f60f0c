"""Public, read-only: one published activity as a UiTdatabank Event, one place as a Place."""

import json

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext

from aanbod.models import Activiteit
from locaties.models import Locatie
from uitdatabank import export

INHOUDSTYPE = "application/ld+json; charset=utf-8"


def _jsonld(data: dict) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type=INHOUDSTYPE
    )
    # Public data that apps and other sites of the region read, like UiTdatabank itself.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def event(request, slug):
    activiteit = export.te_exporteren().filter(slug=slug).first()
    if activiteit is None:
        raise Http404(gettext("Dit aanbod bestaat niet (meer)."))
    try:
        return _jsonld(export.activiteit_als_jsonld(activiteit))
    except export.NietUitTeVoeren as fout:
        raise Http404(str(fout)) from None


def plaats(request, slug):
    locatie = export.plaatsen_te_exporteren().filter(slug=slug).first()
    if locatie is None:
        raise Http404(gettext("Deze plek bestaat niet (meer)."))
    return _jsonld(export.locatie_als_jsonld(locatie))


def event_id(request, id):
    """An activity's ``@id`` leads to its file: its own id, or the UiT id it was imported
    under when that id is on this portal's address."""
    volledig = f"{export.event_id_prefix()}{id}"
    pk = export.eigen_activiteiten().get(str(id))
    activiteiten = Activiteit.objects.gepubliceerd()
    activiteit = (
        activiteiten.filter(pk=pk).first() if pk else activiteiten.filter(uit_id=volledig).first()
    )
    if activiteit is None:
        raise Http404(gettext("Dit aanbod bestaat niet (meer)."))
    return redirect("uitdatabank:event", slug=activiteit.slug)


def plaats_id(request, id):
    volledig = f"{export.plaats_id_prefix()}{id}"
    pk = export.eigen_plaatsen().get(str(id))
    locaties = Locatie.objects.all()
    locatie = locaties.filter(pk=pk).first() if pk else locaties.filter(uit_id=volledig).first()
    if locatie is None:
        raise Http404(gettext("Deze plek bestaat niet (meer)."))
    return redirect("uitdatabank:plaats", slug=locatie.slug)

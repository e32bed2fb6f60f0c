"""The read-only open-data API at /api/v1/ (django-ninja), documented in docs/opendata.md.

Anonymous, GET (and HEAD) only, public data only: what the public pages show, read through
the same selectors, and never anything about people. The OpenAPI schema is at
/api/v1/openapi.json and Swagger UI at /api/v1/docs, served from django-ninja's own static
files (``ninja`` in INSTALLED_APPS), not from a CDN.
"""

import datetime as dt
from typing import Annotated

from django.core.paginator import EmptyPage, Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.translation import gettext, ngettext
from ninja import NinjaAPI, Path, Query
from ninja.decorators import decorate_view
from ninja.errors import HttpError, Throttled, ValidationError
from ninja.renderers import JSONRenderer

from aanbod.forms import MAX_LEEFTIJD_JAREN, MAX_ZOEKTERM, SLUG
from aanbod.models import Activiteit, Pijler
from aanbod.selectors import (
    aanbod_zoeken,
    activiteit_voor_publiek,
    komende_momenten,
    volgende_momenten_koppelen,
)
from gemeenten.models import Gemeente
from locaties.models import Locatie
from locaties.selectors import locaties_met_status
from opendata import forms, schemas
from opendata.http import LimietPerClient, met_cacheheaders
from opendata.selectors import locatie_voor_api, momenten_zoeken, vrije_plaatsen_invullen

PER_PAGINA = 20
MAX_PER_PAGINA = 100
# An activity's answer lists this many coming moments; /momenten pages through all of them.
MAX_MOMENTEN_PER_ACTIVITEIT = 100
# What a slug in a query parameter may look like (as ``aanbod.forms.SLUG``).
SLUG_PATROON = r"^[-a-zA-Z0-9_]+$"
SLUG_LENGTE = 100

BESCHRIJVING = """\
Het aanbod, de momenten, de locaties en de gemeenten van het Huis van het Kind: dezelfde
openbare gegevens als op de website, om te hergebruiken. Alleen lezen, zonder account; nooit
gegevens over personen. Uitleg, voorbeelden en grenzen: docs/opendata.md in de broncode.
"""


class Renderer(JSONRenderer):
    # Dutch reads better as "vóór" than as "v\\u00f3\\u00f3r"; the body is UTF-8 either way.
    json_dumps_params = {"ensure_ascii": False}


class OpendataAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """The schema without the HEAD operations: HEAD is GET without a body (RFC 9110)."""
        schema = super().get_openapi_schema(**kwargs)
        for bewerkingen in schema["paths"].values():
            bewerkingen.pop("head", None)
        return schema


api = OpendataAPI(
    title="Open data Huis van het Kind",
    version="1",
    description=BESCHRIJVING,
    urls_namespace="opendata",
    renderer=Renderer(),
    throttle=[LimietPerClient()],
    docs_decorator=met_cacheheaders,
)

FOUTEN = {
    400: schemas.Foutmelding,
    404: schemas.Foutmelding,
    429: schemas.Foutmelding,
}
LEZEN = ["GET", "HEAD"]


# --- Errors: always JSON, always Dutch -------------------------------------------------------


def _fout(request, status: int, melding: str, fouten=()):
    return api.create_response(
        request,
        {"melding": melding, "fouten": [{"parameter": p, "melding": m} for p, m in fouten]},
        status=status,
    )


# What a parameter must look like, for the message when django-ninja refuses its type or range.
VORM = {
    "pagina": "pagina moet een geheel getal zijn, 1 of meer.",
    "per_pagina": f"per_pagina moet een geheel getal van 1 tot en met {MAX_PER_PAGINA} zijn.",
    "leeftijd": (
        f"leeftijd moet een geheel getal van 0 tot en met {MAX_LEEFTIJD_JAREN} zijn: de leeftijd "
        "van het kind in jaren."
    ),
    "van": "van moet een datum zijn als JJJJ-MM-DD, bv. 2026-12-02.",
    "tot": "tot moet een datum zijn als JJJJ-MM-DD, bv. 2026-12-31.",
    "pijler": "pijler moet een van deze zijn: " + ", ".join(Pijler.values) + ".",
    "soort": "soort moet een van deze zijn: " + ", ".join(Locatie.Soort.values) + ".",
    "zoekterm": f"zoekterm mag hoogstens {MAX_ZOEKTERM} tekens lang zijn.",
    **{
        naam: f"{naam} moet een slug zijn: letters, cijfers, - en _ (hoogstens {SLUG_LENGTE} "
        f"tekens), bv. {voorbeeld}."
        for naam, voorbeeld in [
            ("gemeente", "beerse"),
            ("doelgroep", "gezinnen-0-3"),
            ("thema", "gezondheid"),
            ("activiteit", "babymassage"),
        ]
    },
    "taal": "taal moet een taalcode zijn, bv. ar.",
    "inloop": "inloop moet true of false zijn.",
    "gratis": "gratis moet true of false zijn.",
    "toegankelijk": "toegankelijk moet true of false zijn.",
}


@api.exception_handler(ValidationError)
def _ongeldig_type(request, exc: ValidationError):
    fouten = {}
    for fout in exc.errors:
        parameter = str(fout.get("loc", ("", "?"))[-1])
        fouten.setdefault(
            parameter,
            VORM.get(parameter)
            or gettext("De waarde van %(parameter)s klopt niet.") % {"parameter": parameter},
        )
    return _fout(request, 400, " ".join(fouten.values()), fouten.items())


@api.exception_handler(forms.OngeldigeParameters)
def _ongeldige_waarde(request, exc: forms.OngeldigeParameters):
    return _fout(request, 400, " ".join(m for _, m in exc.fouten), exc.fouten)


@api.exception_handler(Throttled)
def _te_veel(request, exc: Throttled):
    return _fout(
        request,
        429,
        gettext(
            "Te veel aanvragen na elkaar van hetzelfde adres. Wacht even en probeer opnieuw "
            "(zie de header Retry-After)."
        ),
    )


@api.exception_handler(HttpError)
def _http_fout(request, exc: HttpError):
    return _fout(request, exc.status_code, exc.message)


@api.exception_handler(Http404)
def _niet_gevonden(request, exc: Http404):
    return _fout(
        request,
        404,
        gettext("Dit adres bestaat niet in de API. De documentatie staat op /api/v1/docs."),
    )


def _niet_gevonden_als_geen_slug(slug: str, melding: str) -> None:
    # Anything that cannot be a slug never reaches the database (PostgreSQL refuses NUL).
    if not SLUG.fullmatch(slug):
        raise HttpError(404, melding)


# --- Paging ----------------------------------------------------------------------------------


def _pagina(request, rijen, *, pagina: int, per_pagina: int):
    """The page ``pagina`` of ``rijen`` and the fields of ``schemas.Pagina`` (links absolute).

    Two queries for a queryset (count and page), none for a list. A page past the last one is
    a 404 that says how many there are; an empty list still has its (empty) first page.
    """
    paginator = Paginator(rijen, per_pagina)
    try:
        deel = paginator.page(pagina)
    except EmptyPage:
        raise HttpError(
            404,
            ngettext(
                "Pagina %(pagina)s bestaat niet: er is %(paginas)s pagina.",
                "Pagina %(pagina)s bestaat niet: er zijn %(paginas)s pagina's.",
                paginator.num_pages,
            )
            % {"pagina": pagina, "paginas": paginator.num_pages},
        ) from None

    def link(nummer: int) -> str:
        parameters = request.GET.copy()
        parameters["pagina"] = str(nummer)
        return request.build_absolute_uri(f"{request.path}?{parameters.urlencode()}")

    return deel, {
        "aantal": paginator.count,
        "pagina": deel.number,
        "per_pagina": per_pagina,
        "paginas": paginator.num_pages,
        "vorige": link(deel.previous_page_number()) if deel.has_previous() else None,
        "volgende": link(deel.next_page_number()) if deel.has_next() else None,
    }


# The parameters, each with what it means; ``example`` values come from the demo
# (``manage.py demo``), so that a client trying the docs page gets an answer. A slug or a code
# that cannot exist is refused by its pattern before anything looks it up.
Pagina = Annotated[int, Query(ge=1, description="Het nummer van de pagina, vanaf 1.")]
PerPagina = Annotated[
    int,
    Query(
        ge=1, le=MAX_PER_PAGINA, description=f"Resultaten per pagina, hoogstens {MAX_PER_PAGINA}."
    ),
]
GemeenteVanInwoners = Annotated[
    str | None,
    Query(
        example="beerse",
        pattern=SLUG_PATROON,
        max_length=SLUG_LENGTE,
        description="Slug van een gemeente (/api/v1/gemeenten): alleen aanbod dat haar inwoners "
        "mogen gebruiken (regionaal, of lokaal voor die gemeente), waar het ook doorgaat.",
    ),
]
Leeftijd = Annotated[
    int | None,
    Query(
        ge=0,
        le=MAX_LEEFTIJD_JAREN,
        description="Leeftijd van het kind in jaren: aanbod waarvan het leeftijdsbereik dat "
        "levensjaar raakt.",
    ),
]
DoelgroepSlug = Annotated[
    str | None,
    Query(
        example="gezinnen-0-3",
        pattern=SLUG_PATROON,
        max_length=SLUG_LENGTE,
        description="Slug van een doelgroep.",
    ),
]
PijlerParameter = Annotated[Pijler | None, Query(description="De pijler van het aanbod.")]
ThemaSlug = Annotated[
    str | None,
    Query(
        example="gezondheid",
        pattern=SLUG_PATROON,
        max_length=SLUG_LENGTE,
        description="Slug van een thema.",
    ),
]
TaalCode = Annotated[
    str | None,
    Query(
        example="ar",
        pattern=SLUG_PATROON,
        max_length=10,
        description="Code van een taal die er ook gesproken wordt (ISO 639).",
    ),
]
AanbodVan = Annotated[
    dt.date | None, Query(description="Alleen met een moment op of na deze dag (JJJJ-MM-DD).")
]
AanbodTot = Annotated[
    dt.date | None, Query(description="Alleen met een moment op of vóór deze dag (JJJJ-MM-DD).")
]
Inloop = Annotated[bool, Query(description="Alleen vrije inloop (zonder inschrijven).")]
Gratis = Annotated[bool, Query(description="Alleen gratis aanbod.")]
Toegankelijk = Annotated[bool, Query(description="Alleen op een rolstoeltoegankelijke plek.")]
Zoekterm = Annotated[
    str,
    Query(
        max_length=MAX_ZOEKTERM,
        description="Woorden uit de titel, samenvatting of beschrijving (allemaal).",
    ),
]
ActiviteitSlug = Annotated[
    str, Path(example="babymassage", description="De slug van de activiteit.")
]
ActiviteitFilter = Annotated[
    str | None,
    Query(
        example="babymassage",
        pattern=SLUG_PATROON,
        max_length=SLUG_LENGTE,
        description="Slug van een activiteit.",
    ),
]
MomentVan = Annotated[
    dt.date | None, Query(description="Beginnend op of na deze dag (JJJJ-MM-DD).")
]
MomentTot = Annotated[
    dt.date | None, Query(description="Beginnend op of vóór deze dag (JJJJ-MM-DD).")
]
LocatieSlug = Annotated[str, Path(example="babybus", description="De slug van de locatie.")]
GemeenteVanLocaties = Annotated[
    str | None,
    Query(
        example="beerse",
        pattern=SLUG_PATROON,
        max_length=SLUG_LENGTE,
        description="Slug van een gemeente: de plekken in die gemeente, de mobiele huizen die "
        "er halt houden en het virtuele huis.",
    ),
]
LocatieSoort = Annotated[Locatie.Soort | None, Query(description="Alleen locaties van deze soort.")]


# --- Activities and moments ------------------------------------------------------------------


@api.api_operation(
    LEZEN,
    "/activiteiten",
    response={200: schemas.ActiviteitenPagina, **FOUTEN},
    operation_id="activiteiten",
    summary="Het gepubliceerde aanbod, met de filters van de website",
    description="Gepubliceerde activiteiten die aan alle filters voldoen, die met het "
    "eerstvolgende moment eerst; doorlopend aanbod (zonder momenten) daarna. De filters zijn "
    "die van de lijst op /aanbod/.",
    tags=["aanbod"],
)
@decorate_view(met_cacheheaders)
def activiteiten(
    request,
    gemeente: GemeenteVanInwoners = None,
    leeftijd: Leeftijd = None,
    doelgroep: DoelgroepSlug = None,
    pijler: PijlerParameter = None,
    thema: ThemaSlug = None,
    van: AanbodVan = None,
    tot: AanbodTot = None,
    taal: TaalCode = None,
    inloop: Inloop = False,
    gratis: Gratis = False,
    toegankelijk: Toegankelijk = False,
    zoekterm: Zoekterm = "",
    pagina: Pagina = 1,
    per_pagina: PerPagina = PER_PAGINA,
):
    """Published activities matching every filter, the one with the soonest moment first.

    The filters are those of the list on the website (/aanbod/); ongoing offer has no moment
    and comes after the offer with one.
    """
    filters = forms.aanbodfilters(
        gemeente=gemeente,
        leeftijd=leeftijd,
        doelgroep=doelgroep,
        pijler=pijler,
        thema=thema,
        van=van,
        tot=tot,
        taal=taal,
        inloop=inloop,
        gratis=gratis,
        toegankelijk=toegankelijk,
        zoekterm=zoekterm,
    )
    rijen = aanbod_zoeken(filters).prefetch_related("themas", "doelgroepen", "talen")
    deel, velden = _pagina(request, rijen, pagina=pagina, per_pagina=per_pagina)
    return {
        **velden,
        "resultaten": [
            schemas.ActiviteitKort.uit(a, request)
            for a in volgende_momenten_koppelen(deel.object_list)
        ],
    }


@api.api_operation(
    LEZEN,
    "/activiteiten/{slug}",
    response={200: schemas.ActiviteitDetail, **FOUTEN},
    operation_id="activiteit",
    summary="Eén gepubliceerde activiteit met haar komende momenten",
    description="Alles wat de pagina van de activiteit toont, met de komende momenten (ook "
    "afgelaste, hoogstens 100) en per moment het aantal vrije plaatsen.",
    tags=["aanbod"],
)
@decorate_view(met_cacheheaders)
def activiteit(request, slug: ActiviteitSlug):
    melding = gettext("Er is geen gepubliceerde activiteit met slug “%(slug)s”.") % {
        "slug": slug[:100]
    }
    _niet_gevonden_als_geen_slug(slug, melding)
    try:
        gevonden = activiteit_voor_publiek(slug)
    except Activiteit.DoesNotExist:
        raise HttpError(404, melding) from None
    momenten = komende_momenten(
        activiteit=gevonden, aantal=MAX_MOMENTEN_PER_ACTIVITEIT, met_plaatsen=True
    )
    return schemas.ActiviteitDetail.uit(gevonden, momenten, request)


@api.api_operation(
    LEZEN,
    "/momenten",
    response={200: schemas.MomentenPagina, **FOUTEN},
    operation_id="momenten",
    summary="De komende momenten van het gepubliceerde aanbod",
    description="Momenten die nog niet voorbij zijn, het eerste eerst; afgelaste ook "
    "(geannuleerd).",
    tags=["aanbod"],
)
@decorate_view(met_cacheheaders)
def momenten(
    request,
    gemeente: GemeenteVanInwoners = None,
    activiteit: ActiviteitFilter = None,
    van: MomentVan = None,
    tot: MomentTot = None,
    pagina: Pagina = 1,
    per_pagina: PerPagina = PER_PAGINA,
):
    """Moments not yet over, the soonest first; cancelled ones too (``geannuleerd``)."""
    filters = forms.momentfilters(gemeente=gemeente, activiteit=activiteit, van=van, tot=tot)
    deel, velden = _pagina(
        request, momenten_zoeken(**filters), pagina=pagina, per_pagina=per_pagina
    )
    return {
        **velden,
        "resultaten": [
            schemas.MomentInLijst.uit(m, request) for m in vrije_plaatsen_invullen(deel)
        ],
    }


# --- Places and gemeenten --------------------------------------------------------------------


@api.api_operation(
    LEZEN,
    "/locaties",
    response={200: schemas.LocatiesPagina, **FOUTEN},
    operation_id="locaties",
    summary="De locaties van het Huis",
    description="Per gemeente en naam; mobiele en virtuele huizen achteraan.",
    tags=["locaties"],
)
@decorate_view(met_cacheheaders)
def locaties(
    request,
    gemeente: GemeenteVanLocaties = None,
    soort: LocatieSoort = None,
    pagina: Pagina = 1,
    per_pagina: PerPagina = PER_PAGINA,
):
    """Places by gemeente and name; mobile and virtual houses last."""
    filters = forms.locatiefilters(gemeente=gemeente)
    rijen = locaties_met_status(gemeente=filters["gemeente"], soort=soort)
    deel, velden = _pagina(request, rijen, pagina=pagina, per_pagina=per_pagina)
    op_pagina = [rij.locatie for rij in deel]
    # One query for the languages of the whole page: the selector does not load them.
    prefetch_related_objects(op_pagina, "talen")
    return {**velden, "resultaten": [schemas.Locatie.uit(loc, request) for loc in op_pagina]}


@api.api_operation(
    LEZEN,
    "/locaties/{slug}",
    response={200: schemas.LocatieDetail, **FOUTEN},
    operation_id="locatie",
    summary="Eén locatie",
    description="Met de beschrijving, en bij een mobiel huis de haltes.",
    tags=["locaties"],
)
@decorate_view(met_cacheheaders)
def locatie(request, slug: LocatieSlug):
    melding = gettext("Er is geen locatie met slug “%(slug)s”.") % {"slug": slug[:100]}
    _niet_gevonden_als_geen_slug(slug, melding)
    try:
        gevonden = locatie_voor_api(slug)
    except Locatie.DoesNotExist:
        raise HttpError(404, melding) from None
    return schemas.LocatieDetail.uit(gevonden, request)


@api.api_operation(
    LEZEN,
    "/gemeenten",
    response={200: schemas.GemeentenPagina, **FOUTEN},
    operation_id="gemeenten",
    summary="De deelnemende gemeenten met hun openbare cijfers",
    description="Naam, slug, NIS-code, bevolkingscijfers (Statbel) en kansarmoede-index "
    "(Opgroeien), op naam.",
    tags=["gemeenten"],
)
@decorate_view(met_cacheheaders)
def gemeenten(request, pagina: Pagina = 1, per_pagina: PerPagina = PER_PAGINA):
    deel, velden = _pagina(
        request, Gemeente.objects.order_by("naam", "pk"), pagina=pagina, per_pagina=per_pagina
    )
    return {**velden, "resultaten": [schemas.Gemeente.uit(g, request) for g in deel]}

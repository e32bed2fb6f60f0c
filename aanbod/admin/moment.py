import datetime as dt
from itertools import groupby

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aanbod.admin.filters import GemeenteKeuzeFilter
from aanbod.models import Activiteit, Inschrijving, Moment
from accounts.rechten import BeperktBeheer

KALENDER_WEKEN = range(1, 13)
KALENDER_STANDAARD_WEKEN = 4


def dag_tekst(tijdstip: dt.datetime) -> str:
    """The local day as a coordinator reads it in a list: “di 2 dec 2026”."""
    return date_format(timezone.localtime(tijdstip), "D j b Y")


def uren_tekst(moment) -> str:
    begin, einde = timezone.localtime(moment.begin), timezone.localtime(moment.einde)
    if begin.date() == einde.date():
        return f"{begin:%H:%M}\N{EN DASH}{einde:%H:%M}"
    return f"{begin:%H:%M} \N{EN DASH} {dag_tekst(einde)} {einde:%H:%M}"


def met_bezetting(momenten):
    """Annotate confirmed seats both ways (per family and per person), one query for any count."""
    bevestigd = (
        Inschrijving.objects.bevestigd().filter(moment=OuterRef("pk")).order_by().values("moment")
    )
    gezinnen = bevestigd.annotate(n=Count("pk")).values("n")
    personen = bevestigd.annotate(n=Sum(F("volwassenen") + F("kinderen"))).values("n")
    return momenten.annotate(
        _gezinnen=Coalesce(Subquery(gezinnen, output_field=IntegerField()), Value(0)),
        _personen=Coalesce(Subquery(personen, output_field=IntegerField()), Value(0)),
    )


def bezette_plaatsen(moment) -> int:
    if moment.activiteit.plaatsen_per == Activiteit.PlaatsenPer.GEZIN:
        return moment._gezinnen
    return moment._personen


class WanneerFilter(admin.SimpleListFilter):
    """Upcoming moments unless asked otherwise: a coordinator plans forward."""

    title = _("wanneer")
    parameter_name = "wanneer"

    def lookups(self, request, model_admin):
        return [("voorbij", _("Voorbij")), ("alle", _("Alle"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Komend"),
        }
        for waarde, titel in self.lookup_choices:
            yield {
                "selected": self.value() == waarde,
                "query_string": changelist.get_query_string({self.parameter_name: waarde}),
                "display": titel,
            }

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset.komend()
        if self.value() == "voorbij":
            return queryset.filter(einde__lt=timezone.now())
        if self.value() == "alle":
            return queryset
        raise IncorrectLookupParameters


class PlekGemeenteFilter(GemeenteKeuzeFilter):
    """The gemeente where a moment takes place: its own place, or else the activity's."""

    title = _("gemeente van de plek")

    def voor_gemeente(self, queryset, gemeente_pk):
        return queryset.in_gemeente(gemeente_pk)


@admin.register(Moment)
class MomentAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "activiteit__gemeenten"
    partner_pad = "activiteit__partners"

    list_display = [
        "dag",
        "uren",
        "activiteit",
        "plek",
        "gemeente",
        "bezetting",
        "geannuleerd",
    ]
    list_display_links = ["dag"]
    list_editable = ["geannuleerd"]
    list_filter = [
        WanneerFilter,
        PlekGemeenteFilter,
        "activiteit__pijler",
        "activiteit__bereik",
        "geannuleerd",
    ]
    search_fields = ["activiteit__titel"]
    date_hierarchy = "begin"
    autocomplete_fields = ["activiteit", "locatie"]
    readonly_fields = ["herkomst", "oorspronkelijke_datum", "aangepast", "bezetting"]
    change_list_template = "admin/aanbod/moment/change_list.html"

    def get_fieldsets(self, request, obj=None):
        velden = ["activiteit", "begin", "einde", "locatie", "geannuleerd"]
        if obj is None:
            return [(None, {"fields": velden})]
        return [
            (None, {"fields": [*velden, "bezetting"]}),
            (_("Herhaling"), {"fields": ["herkomst", "oorspronkelijke_datum", "aangepast"]}),
        ]

    def get_queryset(self, request):
        return met_bezetting(super().get_queryset(request).met_plek().select_related("reeks"))

    def get_ordering(self, request):
        # Looking back, the most recent past comes first.
        if request.GET.get(WanneerFilter.parameter_name) == "voorbij":
            return ["-begin"]
        return ["begin"]

    @admin.display(description=_("dag"), ordering="begin")
    def dag(self, moment):
        return dag_tekst(moment.begin)

    @admin.display(description=_("uur"))
    def uren(self, moment):
        return uren_tekst(moment)

    @admin.display(description=_("plek"))
    def plek(self, moment):
        return moment.plek

    @admin.display(description=_("gemeente"))
    def gemeente(self, moment):
        plek = moment.plek
        return plek.gemeente if plek and plek.gemeente_id else None

    @admin.display(description=_("bezet / plaatsen"))
    def bezetting(self, moment):
        bezet = bezette_plaatsen(moment)
        if moment.activiteit.capaciteit is None:
            return gettext("%(bezet)s (geen grens)") % {"bezet": bezet}
        return f"{bezet} / {moment.activiteit.capaciteit}"

    @admin.display(description=_("herkomst"))
    def herkomst(self, moment):
        if moment.reeks_id:
            return gettext("uit de herhaling: %(regel)s") % {"regel": moment.reeks.omschrijving}
        return gettext("los moment, met de hand ingevoerd")

    def get_urls(self):
        # Before the default URLs: "<object_id>/" would otherwise swallow "kalender/".
        return [
            path(
                "kalender/",
                self.admin_site.admin_view(self.kalender_view),
                name="aanbod_moment_kalender",
            ),
            *super().get_urls(),
        ]

    def kalender_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        weken, melding = gekozen_weken(request)
        van = timezone.localdate()
        tot = van + dt.timedelta(weeks=weken, days=-1)
        momenten = list(
            Moment.objects.komend()
            .in_periode(van, tot)
            .met_plek()
            .order_by("begin", "activiteit__titel")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Kalender"),
            "weken": weken,
            "keuzes": [1, 2, 4, 8, 12],
            "van": van,
            "tot": tot,
            "melding": melding,
            "per_week": kalender_per_week(momenten),
            "aantal": len(momenten),
        }
        return TemplateResponse(
            request,
            "admin/aanbod/moment/kalender.html",
            context,
            status=400 if melding else 200,
        )


def gekozen_weken(request) -> tuple[int, str]:
    """The number of weeks from ?weken=, or the default with a Dutch message when unusable."""
    waarde = request.GET.get("weken", "")
    if not waarde:
        return KALENDER_STANDAARD_WEKEN, ""
    if waarde.isdigit() and int(waarde) in KALENDER_WEKEN:
        return int(waarde), ""
    return KALENDER_STANDAARD_WEKEN, gettext(
        "“%(waarde)s” is geen geldig aantal weken: kies 1 tot 12. De komende %(standaard)s "
        "weken worden getoond."
    ) % {"waarde": waarde[:20], "standaard": KALENDER_STANDAARD_WEKEN}


def kalender_per_week(momenten):
    """[(monday, [(day, [moment, …]), …]), …] in local time, for moments sorted by start."""

    def dag(m):
        return timezone.localtime(m.begin).date()

    def maandag(m):
        d = dag(m)
        return d - dt.timedelta(days=d.weekday())

    return [
        (week, [(d, list(items)) for d, items in groupby(in_week, dag)])
        for week, in_week in ((w, list(ms)) for w, ms in groupby(momenten, maandag))
    ]


def momenten_van_activiteit_url(activiteit_id) -> str:
    """The moment list of one activity, past and upcoming."""
    return (
        reverse("admin:aanbod_moment_changelist")
        + f"?activiteit__id__exact={activiteit_id}&{WanneerFilter.parameter_name}=alle"
    )

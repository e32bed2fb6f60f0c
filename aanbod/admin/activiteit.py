import datetime as dt

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from aanbod.admin.filters import GemeenteKeuzeFilter
from aanbod.admin.forms import ActiviteitAdminForm, LokaleVersiesForm
from aanbod.admin.moment import dag_tekst, momenten_van_activiteit_url
from aanbod.models import Activiteit, Doelgroep, Moment, Reeks
from aanbod.services import (
    AanbodFout,
    lokale_versies_maken,
    momenten_uitrollen,
    wachtlijsten_doorschuiven,
)
from accounts.rechten import ROL, BeperktBeheer
from hvk.herhaling import HERHALING_VELDEN

# The moment inline shows this far ahead; the moment list and the calendar show the rest.
INLINE_WEKEN = 13


@admin.register(Doelgroep)
class DoelgroepAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["naam", "slug", "volgorde"]
    list_editable = ["volgorde"]
    search_fields = ["naam"]
    prepopulated_fields = {"slug": ["naam"]}
    ordering = ["volgorde", "naam"]


class GemeenteFilter(GemeenteKeuzeFilter):
    """Offer a resident of the gemeente may use: regional, or local for that gemeente."""

    title = _("beschikbaar voor gemeente")

    def voor_gemeente(self, queryset, gemeente_pk):
        return queryset.beschikbaar_voor(gemeente_pk)


def komende_momenten():
    return Moment.objects.filter(
        activiteit=OuterRef("pk"), einde__gte=timezone.now(), geannuleerd=False
    )


class WanneerFilter(admin.SimpleListFilter):
    title = _("wanneer")
    parameter_name = "wanneer"

    def lookups(self, request, model_admin):
        return [
            ("komend", _("met komende momenten")),
            ("voorbij", _("alleen voorbije momenten")),
            ("doorlopend", _("doorlopend aanbod")),
            ("niets", _("nog niets gepland")),
        ]

    def queryset(self, request, queryset):
        heeft_momenten = Exists(Moment.objects.filter(activiteit=OuterRef("pk")))
        match self.value():
            case None:
                return queryset
            case "komend":
                return queryset.filter(Exists(komende_momenten()))
            case "voorbij":
                return queryset.filter(
                    heeft_momenten, ~Exists(komende_momenten()), doorlopend=False
                )
            case "doorlopend":
                return queryset.filter(doorlopend=True)
            case "niets":
                return queryset.filter(~heeft_momenten, doorlopend=False)
        raise IncorrectLookupParameters


class ReeksInline(BeperktBeheer, admin.TabularInline):
    gemeente_pad = "gemeenten"
    partner_pad = "partners"

    model = Reeks
    extra = 0
    fields = [*HERHALING_VELDEN, "locatie", "omschrijving"]
    readonly_fields = ["omschrijving"]
    autocomplete_fields = ["locatie"]

    @admin.display(description=_("zo leest een inwoner het"))
    def omschrijving(self, reeks):
        return reeks.omschrijving if reeks.pk else ""


class MomentInline(BeperktBeheer, admin.TabularInline):
    gemeente_pad = "gemeenten"
    partner_pad = "partners"

    model = Moment
    extra = 0
    fields = ["begin", "einde", "locatie", "geannuleerd", "herkomst"]
    readonly_fields = ["herkomst"]
    autocomplete_fields = ["locatie"]
    verbose_name_plural = _("Momenten in de komende drie maanden")

    def get_queryset(self, request):
        # An activity with a weekly rule has a year of moments ahead; the form shows a quarter.
        nu = timezone.now()
        return (
            super()
            .get_queryset(request)
            .filter(einde__gte=nu, begin__lt=nu + dt.timedelta(weeks=INLINE_WEKEN))
            .select_related("reeks", "locatie")
            .order_by("begin")
        )

    @admin.display(description=_("herkomst"))
    def herkomst(self, moment):
        if not moment.pk:
            return ""
        if moment.reeks_id:
            tekst = gettext("uit de herhaling")
            if moment.aangepast:
                tekst = gettext("uit de herhaling, met de hand aangepast")
            return tekst
        return gettext("los moment")


@admin.register(Activiteit)
class ActiviteitAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeenten"
    partner_pad = "partners"
    partner_mag_toevoegen = False

    form = ActiviteitAdminForm
    formfield_overrides = {
        # Accept and show "2,50" as well as "2.50".
        models.DecimalField: {"localize": True},
    }
    list_display = [
        "titel",
        "pijler",
        "bereik_tekst",
        "locatie",
        "volgend_moment",
        "gepubliceerd",
        "lokale_versie_van",
    ]
    list_filter = [
        GemeenteFilter,
        "pijler",
        "themas",
        "doelgroepen",
        "bereik",
        WanneerFilter,
        "gepubliceerd",
        "inschrijving_vereist",
    ]
    search_fields = ["titel", "samenvatting", "beschrijving", "partners__naam"]
    prepopulated_fields = {"slug": ["titel"]}
    autocomplete_fields = ["partners", "themas", "gemeenten", "locatie", "generiek"]
    filter_horizontal = ["doelgroepen", "talen"]
    readonly_fields = ["lokale_versies_lijst"]
    inlines = [ReeksInline, MomentInline]
    actions = ["lokale_versies_actie"]
    change_form_template = "admin/aanbod/activiteit/change_form.html"

    def get_fieldsets(self, request, obj=None):
        samenhang = ["partners", "generiek"]
        if obj is not None and obj.generiek_id is None:
            samenhang.append("lokale_versies_lijst")
        return [
            (
                _("Wat"),
                {
                    "fields": [
                        "titel",
                        "slug",
                        "samenvatting",
                        "beschrijving",
                        ("afbeelding", "afbeelding_alt"),
                        "pijler",
                        "themas",
                        "gepubliceerd",
                    ]
                },
            ),
            (
                _("Voor wie"),
                {
                    "fields": [
                        "doelgroepen",
                        ("leeftijd_van", "leeftijd_tot"),
                        "talen",
                        "bereik",
                        "gemeenten",
                    ]
                },
            ),
            (
                _("Waar en wanneer"),
                {
                    "fields": ["locatie", "doorlopend"],
                    "description": _(
                        "Vaste tijdstippen komen in de herhalingen onderaan; het portaal maakt "
                        "er na het bewaren de momenten van. Losse momenten voeg je daar ook toe."
                    ),
                },
            ),
            (
                _("Prijs en inschrijving"),
                {
                    "fields": [
                        ("prijs", "sociaal_tarief", "uitpas"),
                        "inschrijving_vereist",
                        ("capaciteit", "plaatsen_per"),
                    ]
                },
            ),
            (_("Samenhang"), {"fields": samenhang}),
        ]

    def get_queryset(self, request):
        volgend = komende_momenten().order_by("begin").values("begin")[:1]
        return (
            super()
            .get_queryset(request)
            .select_related("locatie", "generiek")
            .prefetch_related("gemeenten")
            .annotate(volgend_begin=Subquery(volgend))
        )

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Picking "lokale versie van" offers only generic activities.
        if request.GET.get("field_name") == "generiek" and request.GET.get("model_name") == (
            "activiteit"
        ):
            queryset = queryset.filter(generiek__isnull=True)
        return queryset, may_have_duplicates

    @admin.display(description=_("bereik"), ordering="bereik")
    def bereik_tekst(self, activiteit):
        if activiteit.bereik == Activiteit.Bereik.REGIONAAL:
            return gettext("regionaal")
        namen = sorted(g.naam for g in activiteit.gemeenten.all())
        return ", ".join(namen) or gettext("lokaal, nog zonder gemeente")

    @admin.display(description=_("volgend moment"), ordering="volgend_begin")
    def volgend_moment(self, activiteit):
        if activiteit.volgend_begin:
            begin = timezone.localtime(activiteit.volgend_begin)
            return f"{dag_tekst(begin)} {begin:%H:%M}"
        if activiteit.doorlopend:
            return gettext("doorlopend")
        return None

    @admin.display(description=_("lokale versie van"), ordering="generiek__titel")
    def lokale_versie_van(self, activiteit):
        if not activiteit.generiek_id:
            return None
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:aanbod_activiteit_change", args=[activiteit.generiek_id]),
            activiteit.generiek.titel,
        )

    @admin.display(description=_("lokale versies"))
    def lokale_versies_lijst(self, activiteit):
        versies = activiteit.lokale_versies.order_by("titel")
        if not versies:
            return gettext("Nog geen lokale versies.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (
                        reverse("admin:aanbod_activiteit_change", args=[v.pk]),
                        v.titel,
                        gettext("gepubliceerd") if v.gepubliceerd else gettext("niet gepubliceerd"),
                    )
                    for v in versies
                ),
            ),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and {"capaciteit", "plaatsen_per"} & set(form.changed_data):
            # More seats go to the waiting lists at once, and those families get a mail.
            gepromoveerd = wachtlijsten_doorschuiven(activiteit=form.instance)
            if gepromoveerd:
                self.message_user(
                    request,
                    ngettext(
                        "%(n)s gezin van de wachtlijst is nu ingeschreven en krijgt een mail.",
                        "%(n)s gezinnen van de wachtlijst zijn nu ingeschreven en krijgen "
                        "een mail.",
                        len(gepromoveerd),
                    )
                    % {"n": len(gepromoveerd)},
                    messages.SUCCESS,
                )
        reeksen = list(form.instance.reeksen.all())
        if not reeksen:
            return
        gemaakt, bijgewerkt, gewist = momenten_uitrollen(reeksen=reeksen)
        self.message_user(
            request,
            gettext(
                "Momenten uit de herhalingen: %(gemaakt)s nieuw, %(bijgewerkt)s bijgewerkt, "
                "%(gewist)s verwijderd."
            )
            % {"gemaakt": gemaakt, "bijgewerkt": bijgewerkt, "gewist": gewist},
            messages.INFO,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra = dict(extra_context or {})
        extra["momenten_url"] = momenten_van_activiteit_url(object_id)
        extra["mag_lokale_versies_maken"] = self.has_lokale_versies_permission(request)
        return super().change_view(request, object_id, form_url, extra)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/lokale-versies/",
                self.admin_site.admin_view(self.lokale_versies_view),
                name="aanbod_activiteit_lokale_versies",
            ),
            *super().get_urls(),
        ]

    def has_lokale_versies_permission(self, request):
        # Versions for chosen gemeenten are the coordinator's planning of the whole area.
        return self.bereik(request).alles

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        veld = super().formfield_for_choice_field(db_field, request, **kwargs)
        if db_field.name == "bereik" and self.bereik(request).rol == ROL.MEDEWERKER:
            # Regional offer is everyone's: a medewerker plans local offer for their gemeente.
            veld.choices = [(Activiteit.Bereik.LOKAAL, Activiteit.Bereik.LOKAAL.label)]
        return veld

    def lokale_versies_view(self, request, object_id):
        """The action's page for one activity, reached from its change page."""
        if not self.has_lokale_versies_permission(request):
            raise PermissionDenied
        activiteit = self.get_object(request, object_id)
        if activiteit is None:
            raise Http404
        return self._lokale_versies_pagina(
            request,
            [activiteit],
            LokaleVersiesForm(),
            actie_url=reverse("admin:aanbod_activiteit_changelist"),
        )

    @admin.action(
        description=_("Lokale versies maken voor gemeenten…"), permissions=["lokale_versies"]
    )
    def lokale_versies_actie(self, request, queryset):
        if "toepassen" not in request.POST:
            return self._lokale_versies_pagina(request, queryset, LokaleVersiesForm())
        form = LokaleVersiesForm(request.POST)
        if not form.is_valid():
            return self._lokale_versies_pagina(request, queryset, form)
        gemeenten = list(form.cleaned_data["gemeenten"])
        for generiek in queryset.order_by("titel"):
            try:
                gemaakt = lokale_versies_maken(generiek=generiek, gemeenten=gemeenten)
            except AanbodFout as fout:
                self.message_user(request, str(fout), messages.WARNING)
                continue
            self._meld_lokale_versies(request, generiek, gemeenten, gemaakt)
        return None

    def _meld_lokale_versies(self, request, generiek, gemeenten, gemaakt):
        if gemaakt:
            self.message_user(
                request,
                ngettext(
                    "Lokale versie gemaakt van “%(titel)s”: %(versies)s. Ze is nog niet "
                    "gepubliceerd.",
                    "Lokale versies gemaakt van “%(titel)s”: %(versies)s. Ze zijn nog niet "
                    "gepubliceerd.",
                    len(gemaakt),
                )
                % {"titel": generiek.titel, "versies": ", ".join(v.titel for v in gemaakt)},
                messages.SUCCESS,
            )
        gedaan = set(
            Activiteit.gemeenten.through.objects.filter(activiteit__in=gemaakt).values_list(
                "gemeente_id", flat=True
            )
        )
        overgeslagen = [g.naam for g in gemeenten if g.pk not in gedaan]
        if overgeslagen:
            self.message_user(
                request,
                gettext(
                    "“%(titel)s” had al een lokale versie voor %(gemeenten)s; die is overgeslagen."
                )
                % {"titel": generiek.titel, "gemeenten": ", ".join(overgeslagen)},
                messages.WARNING,
            )

    def _lokale_versies_pagina(self, request, activiteiten, form, actie_url=""):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Lokale versies maken"),
            "activiteiten": activiteiten,
            "form": form,
            "actie": "lokale_versies_actie",
            "actie_url": actie_url,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/aanbod/activiteit/lokale_versies.html", context)

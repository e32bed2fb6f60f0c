from itertools import groupby

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from gemeenten.models import Gemeente
from gemeenten.models.periode import vandaag
from gemeenten.selectors.inzet import engagement_en_inzet
from gemeenten.selectors.signalen import SOORT_TITELS, signalen

JAREN = range(2000, 2101)


def gekozen_jaar(request) -> tuple[int, str]:
    """The year from ?jaar=, or this year with a Dutch message when the value is unusable."""
    huidig = vandaag().year
    waarde = request.GET.get("jaar", "")
    if not waarde:
        return huidig, ""
    if waarde.isdigit() and int(waarde) in JAREN:
        return int(waarde), ""
    return huidig, _("“%(waarde)s” is geen geldig jaar; dit jaar wordt getoond.") % {
        "waarde": waarde[:20]
    }


@admin.register(Gemeente)
class GemeenteAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "pk"

    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        # Accept and show "14,3" as well as "14.3".
        models.DecimalField: {"localize": True},
    }
    list_display = [
        "naam",
        "nis_code",
        "inwoners",
        "kinderen_0_3",
        "kinderen_0_12",
        "kansarmoede_index",
        "aanspreekpunt_naam",
    ]
    search_fields = ["naam", "nis_code", "aanspreekpunt_naam"]
    list_filter = ["bevolking_peiljaar", "kansarmoede_jaar"]
    prepopulated_fields = {"slug": ["naam"]}
    fieldsets = [
        (None, {"fields": ["naam", "slug", "nis_code"]}),
        (
            _("Bevolking (Statbel)"),
            {"fields": ["inwoners", "kinderen_0_3", "kinderen_0_12", "bevolking_peiljaar"]},
        ),
        (_("Kansarmoede (Opgroeien)"), {"fields": ["kansarmoede_index", "kansarmoede_jaar"]}),
        (
            _("Centrum van de gemeente"),
            {
                "fields": ["breedtegraad", "lengtegraad"],
                "description": _(
                    "Bv. het gemeentehuis. Hiermee berekent het portaal hoe ver gezinnen "
                    "moeten reizen naar het dichtstbijzijnde aanbod."
                ),
            },
        ),
        (
            _("Aanspreekpunt voor inwoners"),
            {
                "fields": [
                    "aanspreekpunt_naam",
                    "aanspreekpunt_adres",
                    "aanspreekpunt_telefoon",
                    "aanspreekpunt_email",
                    "aanspreekpunt_website",
                ]
            },
        ),
        (_("Eigen ingangspagina"), {"fields": ["logo", "kleur"]}),
    ]
    change_list_template = "admin/gemeenten/gemeente/change_list.html"
    change_form_template = "admin/gemeenten/gemeente/change_form.html"

    def get_urls(self):
        eigen = [
            path(
                "signalen/",
                self.admin_site.admin_view(self.signalen_view),
                name="gemeenten_gemeente_signalen",
            ),
            path(
                "engagement/",
                self.admin_site.admin_view(self.engagement_view),
                name="gemeenten_gemeente_engagement",
            ),
        ]
        return eigen + super().get_urls()

    def _context(self, request, titel):
        if not self.has_view_permission(request):
            raise PermissionDenied
        return {**self.admin_site.each_context(request), "opts": self.opts, "title": titel}

    def signalen_view(self, request):
        context = self._context(request, _("Signalen van de samenwerking"))
        lijst = sorted(signalen(), key=lambda s: list(SOORT_TITELS).index(s.soort))
        context["groepen"] = [
            (SOORT_TITELS[soort], list(items)) for soort, items in groupby(lijst, lambda s: s.soort)
        ]
        context["aantal"] = len(lijst)
        return TemplateResponse(request, "admin/gemeenten/gemeente/signalen.html", context)

    def engagement_view(self, request):
        jaar, melding = gekozen_jaar(request)
        context = self._context(request, _("Engagement tegenover geleverde inzet"))
        regels = engagement_en_inzet(jaar=jaar)
        context.update(
            jaar=jaar,
            melding=melding,
            regels=regels,
            jaren=range(vandaag().year + 1, vandaag().year - 6, -1),
            maanden=regels[0].maanden_verstreken if regels else 0,
        )
        status = 400 if melding else 200
        return TemplateResponse(
            request, "admin/gemeenten/gemeente/engagement.html", context, status=status
        )

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "aantal_signalen": len(signalen())}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        gemeente = self.get_object(request, object_id)
        extra = dict(extra_context or {})
        if gemeente is not None:
            extra["signalen"] = signalen(gemeente=gemeente)
            extra["engagement"] = next(
                (
                    r
                    for r in engagement_en_inzet(jaar=vandaag().year)
                    if r.gemeente.pk == gemeente.pk
                ),
                None,
            )
        return super().change_view(request, object_id, form_url, extra)

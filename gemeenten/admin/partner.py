from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from gemeenten.models import Partner
from gemeenten.selectors.blinde_vlekken import blinde_vlekken_matrix


@admin.register(Partner)
class PartnerAdmin(BeperktBeheer, admin.ModelAdmin):
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        # A Huis has 2 to 8 gemeenten: plain checkboxes are quicker to read than a picker.
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    list_display = ["naam", "soort", "contactpersoon", "aantal_gemeenten"]
    list_filter = ["soort", "werkingsgebied"]
    search_fields = ["naam", "contactpersoon", "email"]
    fieldsets = [
        (None, {"fields": ["naam", "soort", "werkingsgebied"]}),
        (_("Contact"), {"fields": ["contactpersoon", "email", "telefoon", "website"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(aantal_gemeenten=Count("werkingsgebied", distinct=True))
        )

    @admin.display(description=_("gemeenten in werkingsgebied"), ordering="aantal_gemeenten")
    def aantal_gemeenten(self, partner):
        return partner.aantal_gemeenten

    def get_urls(self):
        # Before the default URLs: "<object_id>/" would otherwise swallow "blinde-vlekken/".
        return [
            path(
                "blinde-vlekken/",
                self.admin_site.admin_view(self.blinde_vlekken_view),
                name="gemeenten_partner_blinde_vlekken",
            ),
            *super().get_urls(),
        ]

    def blinde_vlekken_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Blinde vlekken"),
            "matrix": blinde_vlekken_matrix(),
            "kan_toevoegen": self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/gemeenten/partner/blinde_vlekken.html", context)

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from gemeenten.models import GemeenschappelijkeVisie, Inzet, Thema, Visienota


@admin.register(Thema)
class ThemaAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["naam", "slug", "aantal_werkgroepen"]
    search_fields = ["naam", "beschrijving"]
    prepopulated_fields = {"slug": ["naam"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_werkgroepen=Count("organen"))

    @admin.display(description=_("organen"), ordering="_werkgroepen")
    def aantal_werkgroepen(self, obj):
        return obj._werkgroepen


@admin.register(Visienota)
class VisienotaAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeente"

    formfield_overrides = {models.DecimalField: {"localize": True}}
    list_display = [
        "gemeente",
        "periode_start",
        "periode_einde",
        "uren_per_jaar",
        "budget_per_jaar",
        "goedgekeurd_door_cbs_op",
        "heeft_bestand",
    ]
    list_filter = ["gemeente", "prioriteiten", "periode_start"]
    search_fields = ["gemeente__naam", "verwachtingen", "doelen"]
    autocomplete_fields = ["gemeente"]
    filter_horizontal = ["prioriteiten"]
    date_hierarchy = "periode_start"
    list_select_related = ["gemeente"]
    fieldsets = [
        (None, {"fields": ["gemeente", ("periode_start", "periode_einde")]}),
        (_("Inhoud"), {"fields": ["verwachtingen", "doelen", "prioriteiten"]}),
        (
            _("Engagement"),
            {"fields": ["uren_per_jaar", "budget_per_jaar", "goedgekeurd_door_cbs_op", "bestand"]},
        ),
    ]

    @admin.display(description=_("PDF"), boolean=True)
    def heeft_bestand(self, obj):
        return bool(obj.bestand)


@admin.register(Inzet)
class InzetAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeente"

    formfield_overrides = {models.DecimalField: {"localize": True}}
    list_display = ["persoon", "gemeente", "werkgever", "jaar", "maand", "uren", "omschrijving"]
    list_filter = ["jaar", "maand", "gemeente", "werkgever", "thema"]
    search_fields = ["persoon", "omschrijving", "gemeente__naam"]
    autocomplete_fields = ["gemeente", "werkgever", "thema"]
    list_select_related = ["gemeente", "werkgever"]


@admin.register(GemeenschappelijkeVisie)
class GemeenschappelijkeVisieAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["titel", "periode_start", "periode_einde", "aantal_visienotas"]
    search_fields = ["titel", "tekst"]
    filter_horizontal = ["visienotas"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_visienotas=Count("visienotas"))

    @admin.display(description=_("visienota's"), ordering="_visienotas")
    def aantal_visienotas(self, obj):
        return obj._visienotas

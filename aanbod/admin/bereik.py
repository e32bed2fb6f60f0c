"""The anonymous reach in the admin: read-only, kept by the registration services alone.

Scoped like the offer itself, not like the registrations: the counts name no one, and
comparing gemeenten is what they are for, so a medewerker sees them all; a partner sees those
of its own activities. Nobody adds, changes or deletes a count by hand.
"""

from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aanbod.admin.inschrijving import WoonplaatsFilter
from aanbod.models import Bereikcijfer
from accounts.rechten import BeperktBeheer


@admin.register(Bereikcijfer)
class BereikcijferAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "activiteit__gemeenten"
    partner_pad = "activiteit__partners"

    list_display = [
        "maand_tekst",
        "activiteit",
        "moment",
        "woont_in",
        "leeftijdsgroep",
        "ingeschreven",
        "aanwezig",
    ]
    list_filter = [
        "leeftijdsgroep",
        WoonplaatsFilter,
        "activiteit__pijler",
        "activiteit__bereik",
    ]
    search_fields = ["activiteit__titel"]
    list_select_related = ["activiteit", "moment__activiteit", "woonplaats"]
    date_hierarchy = "maand"
    ordering = ["-maand", "activiteit__titel", "moment__begin", "woonplaats__naam"]
    fields = [
        "maand",
        "activiteit",
        "moment",
        "woonplaats",
        "leeftijdsgroep",
        "ingeschreven",
        "aanwezig",
    ]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("maand"), ordering="maand")
    def maand_tekst(self, cijfer):
        return date_format(cijfer.maand, "F Y")

    @admin.display(description=_("woont in"), ordering="woonplaats__naam")
    def woont_in(self, cijfer):
        return cijfer.woonplaats.naam if cijfer.woonplaats_id else gettext("elders")

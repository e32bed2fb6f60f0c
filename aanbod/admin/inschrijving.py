from django.contrib import admin

from aanbod.models import Inschrijving
from accounts.rechten import BeperktBeheer


@admin.register(Inschrijving)
class InschrijvingAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "moment__activiteit__gemeenten"
    partner_pad = "moment__activiteit__partners"
    partner_alleen_lezen = True

    # Counts only: who registered comes with the registration form, and with it its own rules.
    list_display = ["moment", "status", "volwassenen", "kinderen", "aangemaakt"]
    list_filter = ["status", "moment__activiteit__pijler", "aangemaakt"]
    search_fields = ["moment__activiteit__titel"]
    autocomplete_fields = ["moment"]
    list_select_related = ["moment__activiteit"]
    date_hierarchy = "aangemaakt"
    fields = ["moment", "status", ("volwassenen", "kinderen"), "aangemaakt"]

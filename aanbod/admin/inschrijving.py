from django.contrib import admin

from aanbod.models import Inschrijving


@admin.register(Inschrijving)
class InschrijvingAdmin(admin.ModelAdmin):
    # Counts only: who registered comes with the registration form, and with it its own rules.
    list_display = ["moment", "status", "volwassenen", "kinderen", "aangemaakt"]
    list_filter = ["status", "moment__activiteit__pijler", "aangemaakt"]
    search_fields = ["moment__activiteit__titel"]
    autocomplete_fields = ["moment"]
    list_select_related = ["moment__activiteit"]
    date_hierarchy = "aangemaakt"
    fields = ["moment", "status", ("volwassenen", "kinderen"), "aangemaakt"]

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from gemeenten.models import Lid, Orgaan
from gemeenten.models.periode import lopend_op, vandaag


class LidInline(BeperktBeheer, admin.TabularInline):
    model = Lid
    extra = 1
    fields = ["naam", "rol", "gemeente", "partner", "met_mandaat", "mandaat", "van", "tot"]
    autocomplete_fields = ["gemeente", "partner"]


@admin.register(Orgaan)
class OrgaanAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["naam", "soort", "thema", "alleen_afstemming", "huidige_leden"]
    list_filter = ["soort", "thema", "alleen_afstemming"]
    search_fields = ["naam", "opdracht", "leden__naam"]
    autocomplete_fields = ["thema"]
    inlines = [LidInline]

    def get_queryset(self, request):
        huidig = lopend_op(vandaag(), "leden__van", "leden__tot")
        return (
            super()
            .get_queryset(request)
            .select_related("thema")
            .annotate(_leden=Count("leden", filter=huidig))
        )

    @admin.display(description=_("huidige leden"), ordering="_leden")
    def huidige_leden(self, obj):
        return obj._leden


class HuidigFilter(admin.SimpleListFilter):
    title = _("lidmaatschap")
    parameter_name = "huidig"

    def lookups(self, request, model_admin):
        return [("ja", _("huidig")), ("nee", _("beëindigd"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.lopend()
        if self.value() == "nee":
            return queryset.exclude(lopend_op(vandaag()))
        return queryset


@admin.register(Lid)
class LidAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["naam", "orgaan", "rol", "gemeente", "partner", "met_mandaat", "van", "tot"]
    list_filter = [HuidigFilter, "orgaan__soort", "orgaan", "gemeente", "met_mandaat", "rol"]
    search_fields = ["naam", "mandaat", "orgaan__naam"]
    autocomplete_fields = ["orgaan", "gemeente", "partner"]
    list_select_related = ["orgaan", "gemeente", "partner"]

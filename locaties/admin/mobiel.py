from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.rechten import BeperktBeheer
from hvk.herhaling import HERHALING_VELDEN
from locaties.admin.filters import VOORBIJ, HaltebezoekWanneerFilter
from locaties.admin.locatie import FORMULIERVELDEN, van_tot
from locaties.models import Halte, Haltebezoek, Halteschema
from locaties.services import haltebezoeken_uitrollen


class HalteschemaInline(BeperktBeheer, admin.TabularInline):
    gemeente_pad = "gemeente"

    model = Halteschema
    fields = [*HERHALING_VELDEN, "omschrijving"]
    readonly_fields = ["omschrijving"]
    extra = 1

    @admin.display(description=_("omschrijving"))
    def omschrijving(self, schema):
        # An empty extra row, or one posted with a half-filled rule, has no description yet.
        if schema.pk is None:
            return "—"
        try:
            return schema.omschrijving
        except ValueError:
            return "—"


@admin.register(Halte)
class HalteAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeente"

    formfield_overrides = FORMULIERVELDEN
    list_display = ["naam", "mobiel_huis", "gemeente", "adres", "wanneer"]
    list_filter = ["mobiel_huis", "gemeente"]
    list_select_related = ["mobiel_huis", "gemeente", "locatie"]
    search_fields = ["naam", "straat", "plaats", "gemeente__naam", "locatie__naam"]
    autocomplete_fields = ["locatie"]
    inlines = [HalteschemaInline]
    fieldsets = [
        (None, {"fields": ["mobiel_huis", "naam", "gemeente"]}),
        (
            _("Waar"),
            {
                "fields": [
                    "locatie",
                    "straat",
                    ("postcode", "plaats"),
                    ("breedtegraad", "lengtegraad"),
                ],
                "description": _(
                    "Staat het mobiele huis bij een plek van het Huis, kies die locatie. "
                    "Anders vult u het adres in."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("schemas")

    @admin.display(description=_("adres"))
    def adres(self, halte):
        return halte.adres

    @admin.display(description=_("wanneer"))
    def wanneer(self, halte):
        return "; ".join(s.omschrijving for s in halte.schemas.all()) or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        schemas = list(form.instance.schemas.all())
        if not schemas:
            return
        gemaakt, verplaatst, gewist = haltebezoeken_uitrollen(schemas=schemas)
        tekst = ngettext(
            "%(aantal)d bezoek ingepland.", "%(aantal)d bezoeken ingepland.", gemaakt
        ) % {"aantal": gemaakt}
        if verplaatst:
            tekst += " " + ngettext(
                "%(aantal)d bezoek volgt het nieuwe uur.",
                "%(aantal)d bezoeken volgen het nieuwe uur.",
                verplaatst,
            ) % {"aantal": verplaatst}
        if gewist:
            tekst += " " + ngettext(
                "%(aantal)d bezoek geschrapt omdat het schema wijzigde.",
                "%(aantal)d bezoeken geschrapt omdat het schema wijzigde.",
                gewist,
            ) % {"aantal": gewist}
        messages.info(request, tekst)


@admin.register(Haltebezoek)
class HaltebezoekAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "halte__gemeente"

    list_display = ["datum", "tijd", "halte", "gemeente", "mobiel_huis", "geannuleerd", "aangepast"]
    list_display_links = ["datum"]
    list_editable = ["geannuleerd"]
    list_filter = [HaltebezoekWanneerFilter, "halte__mobiel_huis", "halte__gemeente", "geannuleerd"]
    list_select_related = ["halte__gemeente", "halte__mobiel_huis"]
    search_fields = ["halte__naam", "halte__gemeente__naam"]
    date_hierarchy = "begin"
    autocomplete_fields = ["halte"]
    fields = [
        "halte",
        ("begin", "einde"),
        "geannuleerd",
        "aangepast",
        "schema",
        "oorspronkelijke_datum",
    ]
    readonly_fields = ["aangepast", "schema", "oorspronkelijke_datum"]

    def get_ordering(self, request):
        if request.GET.get(HaltebezoekWanneerFilter.parameter_name) == VOORBIJ:
            return ["-begin"]
        return ["begin"]

    @admin.display(description=_("datum"), ordering="begin")
    def datum(self, bezoek):
        return date_format(timezone.localtime(bezoek.begin), "l j F Y")

    @admin.display(description=_("uur"))
    def tijd(self, bezoek):
        return van_tot(bezoek.begin, bezoek.einde)

    @admin.display(description=_("gemeente"), ordering="halte__gemeente__naam")
    def gemeente(self, bezoek):
        return bezoek.halte.gemeente

    @admin.display(description=_("mobiel huis"), ordering="halte__mobiel_huis__naam")
    def mobiel_huis(self, bezoek):
        return bezoek.halte.mobiel_huis

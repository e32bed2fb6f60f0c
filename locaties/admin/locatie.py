import datetime as dt

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from locaties.admin.filters import (
    VOORBIJ,
    UitzonderingWanneerFilter,
    VrijeInloopFilter,
    uitzonderingen_komend,
)
from locaties.models import Halte, Haltebezoek, Locatie, Openingsuur, Taal, Uitzondering
from locaties.openingsuren import Openingsschema, Slot

# Accept and show "51,3223" as well as "51.3223"; a link to https needs no scheme typed.
FORMULIERVELDEN = {
    models.DecimalField: {"localize": True},
    models.URLField: {"assume_scheme": "https"},
}

KOMENDE_BEZOEKEN_GETOOND = 5


def uur(waarde: dt.datetime | dt.time) -> str:
    if isinstance(waarde, dt.datetime):
        waarde = timezone.localtime(waarde)
    return time_format(waarde, "G:i")


def dag_en_uur(moment: dt.datetime) -> str:
    """“di 2 dec 9:00”: short enough for a status line, with the weekday people plan by."""
    return date_format(timezone.localtime(moment), "D j b G:i")


def van_tot(begin, einde) -> str:
    return f"{uur(begin)}\N{EN DASH}{uur(einde)}"


def slot_tekst(slot: Slot) -> str:
    tekst = van_tot(slot.begin, slot.einde)
    if slot.vrije_inloop:
        tekst += " " + gettext("(vrije inloop)")
    return tekst


def openingsstatus_tekst(schema: Openingsschema, op: dt.datetime | None = None) -> str:
    """One line a coordinator can read to a caller: open until when, or when it opens next."""
    if not schema.heeft_uren:
        return gettext("Geen openingsuren ingevuld")
    status = schema.status(op)
    if status.open:
        tekst = gettext("Nu open tot %(uur)s") % {"uur": uur(status.huidig.einde)}
        if status.huidig.vrije_inloop:
            tekst += " " + gettext("(vrije inloop)")
        return tekst
    if status.volgende:
        return gettext("Gesloten — volgende opening %(moment)s") % {
            "moment": dag_en_uur(status.volgende.begin)
        }
    return gettext("Gesloten — geen volgende opening gepland")


def week_tabel(schema: Openingsschema, vandaag: dt.date):
    """This week's hours from Monday, with exceptions applied and today marked."""
    maandag = vandaag - dt.timedelta(days=vandaag.weekday())
    rijen = []
    for dag in schema.week(maandag):
        naam = date_format(dag.datum, "l j F")
        if dag.datum == vandaag:
            naam = format_html("<strong>{} ({})</strong>", naam, gettext("vandaag"))
        uren = ", ".join(slot_tekst(s) for s in dag.slots) or gettext("gesloten")
        rijen.append((naam, uren, dag.uitzondering))
    return format_html(
        "<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th>"
        "<th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>",
        gettext("dag"),
        gettext("open"),
        gettext("uitzondering"),
        format_html_join("", "<tr><th scope='row'>{}</th><td>{}</td><td>{}</td></tr>", rijen),
    )


@admin.register(Taal)
class TaalAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam", "code"]


class OpeningsuurInline(BeperktBeheer, admin.TabularInline):
    gemeente_pad = "gemeente"

    model = Openingsuur
    fields = ["weekdag", "begin", "einde", "vrije_inloop"]
    extra = 1


class UitzonderingInline(BeperktBeheer, admin.TabularInline):
    """Only exceptions that are not over yet; older ones stay in the list of all exceptions."""

    gemeente_pad = "gemeente"

    model = Uitzondering
    fields = ["omschrijving", "van", "tot", "begin", "einde", "vrije_inloop"]
    extra = 1
    verbose_name_plural = _("komende uitzonderingen op de openingsuren")

    def get_queryset(self, request):
        return uitzonderingen_komend(super().get_queryset(request))


class HalteInline(BeperktBeheer, admin.TabularInline):
    gemeente_pad = "gemeente"

    model = Halte
    fk_name = "mobiel_huis"
    fields = ["naam", "gemeente", "locatie", "straat", "postcode", "plaats", "wanneer"]
    readonly_fields = ["wanneer"]
    autocomplete_fields = ["locatie"]
    show_change_link = True
    extra = 0
    verbose_name_plural = _("haltes (schema's en coördinaten via “wijzigen”)")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("schemas")

    @admin.display(description=_("wanneer"))
    def wanneer(self, halte):
        if not halte.pk:
            return "—"
        return "; ".join(s.omschrijving for s in halte.schemas.all()) or gettext("nog geen schema")


@admin.register(Locatie)
class LocatieAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeente"

    formfield_overrides = FORMULIERVELDEN
    list_display = [
        "naam",
        "soort",
        "gemeente",
        "is_aanbodplek",
        "is_contactpunt",
        "heeft_coordinaten",
        "nu_open",
    ]
    list_filter = [
        "soort",
        "gemeente",
        "is_aanbodplek",
        "is_contactpunt",
        "rolstoeltoegankelijk",
        VrijeInloopFilter,
    ]
    list_select_related = ["gemeente"]
    search_fields = ["naam", "straat", "plaats", "gemeente__naam"]
    prepopulated_fields = {"slug": ["naam"]}
    filter_horizontal = ["talen"]
    readonly_fields = ["openingsstatus", "deze_week", "voorbije_uitzonderingen", "komende_bezoeken"]
    inlines = [OpeningsuurInline, UitzonderingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).met_openingsuren()

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                _("Algemeen"),
                {
                    "fields": [
                        "naam",
                        "slug",
                        "soort",
                        "gemeente",
                        ("is_aanbodplek", "is_contactpunt"),
                    ]
                },
            ),
        ]
        if obj is not None:
            velden = ["openingsstatus", "deze_week", "voorbije_uitzonderingen"]
            if obj.soort == Locatie.Soort.MOBIEL:
                velden.append("komende_bezoeken")
            fieldsets.append(
                (
                    _("Openingsuren nu"),
                    {
                        "fields": velden,
                        "description": _(
                            "Berekend uit de openingsuren en uitzonderingen hieronder, zoals "
                            "inwoners ze zien."
                        ),
                    },
                )
            )
        fieldsets += [
            (
                _("Adres en kaart"),
                {
                    "fields": ["straat", ("postcode", "plaats"), ("breedtegraad", "lengtegraad")],
                    "description": _(
                        "Een virtueel of mobiel huis heeft geen adres nodig. De coördinaten "
                        "vindt u op een online kaart (rechtsklik op de plek); een komma of "
                        "een punt mag allebei."
                    ),
                },
            ),
            (_("Contact"), {"fields": ["telefoon", "email", "website"]}),
            (
                _("Toegankelijkheid"),
                {
                    "fields": [
                        "rolstoeltoegankelijk",
                        "kinderwagentoegankelijk",
                        "verzorgingstafel",
                        "parking",
                        "stille_ruimte",
                        "ov_halte",
                        "talen",
                    ],
                    "description": _("Laat “Onbekend” staan als u het niet zeker weet."),
                },
            ),
            (
                _("Foto en beschrijving"),
                {"fields": ["afbeelding", "afbeelding_alt", "beschrijving"]},
            ),
        ]
        return fieldsets

    def get_inlines(self, request, obj):
        if obj is not None and obj.soort == Locatie.Soort.MOBIEL:
            return [*self.inlines, HalteInline]
        return self.inlines

    @admin.display(description=_("coördinaten"), boolean=True)
    def heeft_coordinaten(self, locatie):
        return locatie.heeft_coordinaten

    @admin.display(description=_("nu open?"), boolean=True)
    def nu_open(self, locatie):
        schema = locatie.openingsschema()
        if not schema.heeft_uren:
            return None
        nu = timezone.now()
        return any(s.bevat(nu) for s in schema.slots_op(timezone.localdate(nu)))

    @admin.display(description=_("status"))
    def openingsstatus(self, locatie):
        return openingsstatus_tekst(locatie.openingsschema())

    @admin.display(description=_("deze week"))
    def deze_week(self, locatie):
        schema = locatie.openingsschema()
        if not schema.heeft_uren:
            return "—"
        return week_tabel(schema, timezone.localdate())

    @admin.display(description=_("voorbije uitzonderingen"))
    def voorbije_uitzonderingen(self, locatie):
        vandaag = timezone.localdate()
        # The prefetched exceptions are only the current ones; past ones are counted apart.
        aantal = Uitzondering.objects.filter(
            models.Q(tot__lt=vandaag) | models.Q(tot__isnull=True, van__lt=vandaag),
            locatie=locatie,
        ).count()
        if not aantal:
            return gettext("geen")
        url = reverse("admin:locaties_uitzondering_changelist")
        return format_html(
            '<a href="{}?locatie__id__exact={}&amp;wanneer={}">{}</a>',
            url,
            locatie.pk,
            VOORBIJ,
            ngettext(
                "%(aantal)d voorbije uitzondering bekijken",
                "%(aantal)d voorbije uitzonderingen bekijken",
                aantal,
            )
            % {"aantal": aantal},
        )

    @admin.display(description=_("komende bezoeken"))
    def komende_bezoeken(self, locatie):
        bezoeken = list(
            Haltebezoek.objects.komend()
            .filter(halte__mobiel_huis=locatie)
            .select_related("halte")[:KOMENDE_BEZOEKEN_GETOOND]
        )
        if not bezoeken:
            return gettext("Geen komende bezoeken. Voeg een halte met een schema toe.")
        url = reverse("admin:locaties_haltebezoek_changelist")
        return format_html(
            "<ul>{}</ul><a href='{}?halte__mobiel_huis__id__exact={}'>{}</a>",
            format_html_join(
                "",
                "<li>{} {}: {}</li>",
                (
                    (
                        date_format(timezone.localtime(b.begin), "D j b"),
                        van_tot(b.begin, b.einde),
                        b.halte,
                    )
                    for b in bezoeken
                ),
            ),
            url,
            locatie.pk,
            gettext("Alle bezoeken"),
        )


@admin.register(Uitzondering)
class UitzonderingAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "locatie__gemeente"

    list_display = ["omschrijving", "locatie", "van", "tot", "uren"]
    list_filter = [UitzonderingWanneerFilter, "locatie"]
    list_select_related = ["locatie"]
    search_fields = ["omschrijving", "locatie__naam"]
    autocomplete_fields = ["locatie"]
    date_hierarchy = "van"
    fields = ["locatie", "omschrijving", ("van", "tot"), ("begin", "einde"), "vrije_inloop"]

    @admin.display(description=_("uren"))
    def uren(self, uitzondering):
        if uitzondering.gesloten:
            return gettext("gesloten")
        return van_tot(uitzondering.begin, uitzondering.einde)

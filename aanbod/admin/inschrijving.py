"""Registrations in the admin: who may see them, the list of all of them, and the exports.

Registrations hold residents' personal data (name, contact, children's ages), so they are
narrower than the rest of the offer: a medewerker sees every activity, but the registrations
only of activities for at least one of their own gemeenten (a shared local activity: read-only;
regional offer: the coordinator's and its partners'). Partners see and keep the registrations
of their own activities. Every change of state goes through ``aanbod.services``.

The page of one moment's registrations (attendance, cancelling, registering by phone) is a
view of ``MomentAdmin``; the rules it asks live here.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Exists, OuterRef, QuerySet, Value
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from aanbod import exports
from aanbod.admin.filters import GemeenteKeuzeFilter
from aanbod.admin.forms import InschrijvingAdminForm
from aanbod.models import Activiteit, Inschrijving, Moment
from aanbod.services import InschrijvingFout, annuleren, gegevens_wissen
from accounts.rechten import ROL, BeperktBeheer, Bereik, eigen_gemeente_ids, slaat_andere_rijen_over

# The personal fields staff may correct on a family's request; everything else is read-only.
PERSOONSVELDEN = ["naam", "email", "telefoon", "opmerking"]

EXPORTS = {
    "csv": (exports.als_csv, "text/csv; charset=utf-8"),
    "xlsx": (
        exports.als_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


# --- Who may see and keep registrations ------------------------------------------------------


def alleen_eigen_gemeenten(bereik: Bereik, queryset: QuerySet) -> QuerySet:
    """For a medewerker: only rows that reach at least one of their own gemeenten.

    Applied on top of ``bereik.zichtbaar``: personal data goes to those who work with it.
    """
    if bereik.rol != ROL.MEDEWERKER:
        return queryset
    ids = eigen_gemeente_ids(bereik.gebruiker)
    binnen = queryset.filter(**{f"{bereik.gemeente_pad}__in": ids}).values("pk")
    return queryset.filter(pk__in=binnen)


def momentbereik(gebruiker) -> Bereik:
    """The scope of a moment's registrations, asked of the moment itself."""
    return Bereik(
        gebruiker, gemeente_pad="activiteit__gemeenten", partner_pad="activiteit__partners"
    )


def mag_inschrijvingen_zien(gebruiker, moment: Moment) -> bool:
    bereik = momentbereik(gebruiker)
    if bereik.alles:
        return True
    momenten = bereik.zichtbaar(Moment.objects.filter(pk=moment.pk))
    return alleen_eigen_gemeenten(bereik, momenten).exists()


def mag_inschrijvingen_beheren(gebruiker, moment: Moment) -> bool:
    """Tick attendance, cancel, register by phone: the rows a person may change (issue #6)."""
    bereik = momentbereik(gebruiker)
    return bereik.alles or bereik.wijzigbaar(Moment.objects.filter(pk=moment.pk)).exists()


def met_zichtbare_inschrijvingen(gebruiker, momenten: QuerySet) -> QuerySet:
    """Annotate ``_inschrijvingen_zichtbaar`` on moments the person may already see."""
    bereik = momentbereik(gebruiker)
    if bereik.rol != ROL.MEDEWERKER:
        return momenten.annotate(_inschrijvingen_zichtbaar=Value(bereik.mag_zien()))
    eigen = Activiteit.gemeenten.through.objects.filter(
        activiteit_id=OuterRef("activiteit_id"), gemeente_id__in=eigen_gemeente_ids(gebruiker)
    )
    return momenten.annotate(_inschrijvingen_zichtbaar=Exists(eigen))


# --- Exports ----------------------------------------------------------------------------------


def exportbestand(inschrijvingen, formaat: str, *, moment=None) -> HttpResponse:
    """The registrations as a download, ``formaat`` "csv" or "xlsx"."""
    maken, soort = EXPORTS[formaat]
    inschrijvingen = inschrijvingen.select_related("moment__activiteit", "woonplaats")
    return HttpResponse(
        maken(inschrijvingen),
        content_type=soort,
        headers={
            "Content-Disposition": content_disposition_header(
                True, exports.bestandsnaam(formaat, moment=moment)
            )
        },
    )


# --- The list of all registrations --------------------------------------------------------


class WoonplaatsFilter(GemeenteKeuzeFilter):
    title = _("woont in")
    parameter_name = "woonplaats"
    ELDERS = "elders"

    def lookups(self, request, model_admin):
        return [*super().lookups(request, model_admin), (self.ELDERS, gettext("elders"))]

    def queryset(self, request, queryset):
        if self.value() == self.ELDERS:
            return queryset.filter(woonplaats__isnull=True)
        return super().queryset(request, queryset)

    def voor_gemeente(self, queryset, gemeente_pk):
        return queryset.filter(woonplaats_id=gemeente_pk)


class WanneerFilter(admin.SimpleListFilter):
    title = _("wanneer")
    parameter_name = "wanneer"

    def lookups(self, request, model_admin):
        return [("komend", _("Komende momenten")), ("voorbij", _("Voorbije momenten"))]

    def queryset(self, request, queryset):
        match self.value():
            case None:
                return queryset
            case "komend":
                return queryset.filter(moment__einde__gte=timezone.now())
            case "voorbij":
                return queryset.filter(moment__einde__lt=timezone.now())
        raise IncorrectLookupParameters


@admin.register(Inschrijving)
class InschrijvingAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "moment__activiteit__gemeenten"
    partner_pad = "moment__activiteit__partners"

    form = InschrijvingAdminForm
    list_display = [
        "moment",
        "naam_tekst",
        "status",
        "personen",
        "woont_in",
        "kanaal",
        "aanwezig",
        "aangemaakt",
        "gewist",
    ]
    list_filter = [
        "status",
        "aanwezig",
        "kanaal",
        WoonplaatsFilter,
        "moment__activiteit__pijler",
        WanneerFilter,
    ]
    search_fields = ["moment__activiteit__titel", "naam", "email"]
    list_select_related = ["moment__activiteit", "woonplaats"]
    date_hierarchy = "aangemaakt"
    actions = ["annuleren_actie", "wissen_actie", "csv_actie", "xlsx_actie"]
    change_list_template = "admin/aanbod/inschrijving/change_list.html"
    fieldsets = [
        (None, {"fields": ["moment_en_lijst", "status", "personen", "woont_in"]}),
        (
            _("Contact"),
            {
                "fields": PERSOONSVELDEN,
                "description": _(
                    "Verbeter deze gegevens alleen op vraag van het gezin. Plaatsen, status en "
                    "aanwezigheid wijzig je op de pagina met de inschrijvingen van het moment."
                ),
            },
        ),
        (
            _("Verloop"),
            {
                "fields": [
                    "kanaal",
                    "aanwezig",
                    "aangemaakt",
                    "toestemming_op",
                    "bevestigd_op",
                    "geannuleerd_op",
                    "herinnering_verstuurd_op",
                    "gewist_op",
                ]
            },
        ),
    ]
    readonly_fields = [
        "moment_en_lijst",
        "status",
        "personen",
        "woont_in",
        "kanaal",
        "aanwezig",
        "aangemaakt",
        "toestemming_op",
        "bevestigd_op",
        "geannuleerd_op",
        "herinnering_verstuurd_op",
        "gewist_op",
    ]

    # --- Permissions ----------------------------------------------------------------------

    def get_queryset(self, request):
        return alleen_eigen_gemeenten(self.bereik(request), super().get_queryset(request))

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        bereik = self.bereik(request)
        if obj is None or bereik.rol != ROL.MEDEWERKER:
            return True
        rij = Inschrijving.objects.filter(pk=obj.pk)
        return alleen_eigen_gemeenten(bereik, rij).exists()

    def has_add_permission(self, request, obj=None):
        # A registration starts on the moment's page, through the service that holds the seat.
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting loses the counts; erasing the personal data is the normal way out.
        return self.bereik(request).alles

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_gewist:
            # Erased stays erased: nobody types a name back in.
            return [*self.readonly_fields, *PERSOONSVELDEN]
        return self.readonly_fields

    # --- Columns --------------------------------------------------------------------------

    @admin.display(description=_("naam"), ordering="naam")
    def naam_tekst(self, inschrijving):
        if inschrijving.is_gewist:
            return gettext("gegevens gewist")
        return inschrijving.naam

    @admin.display(description=_("personen"))
    def personen(self, inschrijving):
        return inschrijving.personen_tekst()

    @admin.display(description=_("woont in"), ordering="woonplaats__naam")
    def woont_in(self, inschrijving):
        return inschrijving.woonplaats.naam if inschrijving.woonplaats_id else gettext("elders")

    @admin.display(description=_("gewist"), boolean=True, ordering="gewist_op")
    def gewist(self, inschrijving):
        return inschrijving.is_gewist

    @admin.display(description=_("moment"))
    def moment_en_lijst(self, inschrijving):
        return format_html(
            '{} (<a href="{}">{}</a>)',
            inschrijving.moment,
            reverse("admin:aanbod_moment_inschrijvingen", args=[inschrijving.moment_id]),
            gettext("alle inschrijvingen van dit moment"),
        )

    # --- Actions --------------------------------------------------------------------------

    def _wijzigbaar(self, request, queryset):
        """The selected rows this person may change; says how many were left out."""
        wijzigbaar = list(
            self.bereik(request).wijzigbaar(queryset).select_related("moment__activiteit")
        )
        overgeslagen = queryset.count() - len(wijzigbaar)
        if overgeslagen:
            self.message_user(
                request,
                ngettext(
                    "%(n)s inschrijving mag je niet wijzigen; ze is overgeslagen.",
                    "%(n)s inschrijvingen mag je niet wijzigen; ze zijn overgeslagen.",
                    overgeslagen,
                )
                % {"n": overgeslagen},
                messages.WARNING,
            )
        return wijzigbaar

    @slaat_andere_rijen_over
    @admin.action(description=_("Annuleren (het gezin krijgt een mail)"), permissions=["change"])
    def annuleren_actie(self, request, queryset):
        geannuleerd, doorgeschoven = 0, []
        for inschrijving in self._wijzigbaar(request, queryset):
            if inschrijving.status == Inschrijving.Status.GEANNULEERD:
                continue
            try:
                doorgeschoven += annuleren(inschrijving=inschrijving)
            except InschrijvingFout as fout:
                self.message_user(request, f"{inschrijving}: {fout}", messages.WARNING)
                continue
            geannuleerd += 1
        if geannuleerd:
            self.message_user(
                request,
                ngettext(
                    "%(n)s inschrijving geannuleerd.",
                    "%(n)s inschrijvingen geannuleerd.",
                    geannuleerd,
                )
                % {"n": geannuleerd},
                messages.SUCCESS,
            )
        meld_doorgeschoven(self, request, doorgeschoven)

    @slaat_andere_rijen_over
    @admin.action(
        description=_("Persoonsgegevens wissen (op vraag van het gezin)"), permissions=["change"]
    )
    def wissen_actie(self, request, queryset):
        gewist = 0
        for inschrijving in self._wijzigbaar(request, queryset):
            if inschrijving.is_gewist:
                continue
            gegevens_wissen(inschrijving=inschrijving)
            gewist += 1
        self.message_user(
            request,
            ngettext(
                "Persoonsgegevens van %(n)s inschrijving gewist; de aantallen blijven.",
                "Persoonsgegevens van %(n)s inschrijvingen gewist; de aantallen blijven.",
                gewist,
            )
            % {"n": gewist},
            messages.SUCCESS,
        )

    @admin.action(description=_("Exporteer als CSV"), permissions=["view"])
    def csv_actie(self, request, queryset):
        return exportbestand(queryset, "csv")

    @admin.action(description=_("Exporteer als Excel"), permissions=["view"])
    def xlsx_actie(self, request, queryset):
        return exportbestand(queryset, "xlsx")


def meld_doorgeschoven(model_admin, request, doorgeschoven: list[Inschrijving]) -> None:
    """Say who got a seat from the waiting list, and whom to phone because there is no mail."""
    if not doorgeschoven:
        return
    model_admin.message_user(
        request,
        gettext("Van de wachtlijst ingeschreven: %(namen)s.")
        % {"namen": ", ".join(i.naam for i in doorgeschoven)},
        messages.INFO,
    )
    bellen = [i for i in doorgeschoven if not i.email]
    if bellen:
        model_admin.message_user(
            request,
            gettext("Zonder e-mailadres, verwittig ze zelf: %(wie)s.")
            % {"wie": ", ".join(f"{i.naam} ({i.telefoon})" for i in bellen)},
            messages.WARNING,
        )

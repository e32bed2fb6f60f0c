import datetime as dt
from itertools import groupby

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from aanbod.admin.filters import GemeenteKeuzeFilter
from aanbod.admin.forms import TelefonischeInschrijvingForm
from aanbod.admin.inschrijving import (
    exportbestand,
    mag_inschrijvingen_beheren,
    mag_inschrijvingen_zien,
    meld_doorgeschoven,
    met_zichtbare_inschrijvingen,
)
from aanbod.models import Activiteit, Inschrijving, Moment
from aanbod.services import (
    AlIngeschreven,
    InschrijvingFout,
    Volzet,
    aanwezigheid_noteren,
    annuleren,
    inschrijven,
    moment_afgelast,
)
from accounts.rechten import BeperktBeheer

KALENDER_WEKEN = range(1, 13)
KALENDER_STANDAARD_WEKEN = 4


def dag_tekst(tijdstip: dt.datetime) -> str:
    """The local day as a coordinator reads it in a list: “di 2 dec 2026”."""
    return date_format(timezone.localtime(tijdstip), "D j b Y")


def uren_tekst(moment) -> str:
    begin, einde = timezone.localtime(moment.begin), timezone.localtime(moment.einde)
    if begin.date() == einde.date():
        return f"{begin:%H:%M}\N{EN DASH}{einde:%H:%M}"
    return f"{begin:%H:%M} \N{EN DASH} {dag_tekst(einde)} {einde:%H:%M}"


def met_bezetting(momenten):
    """Annotate confirmed seats both ways (per family and per person) and the families
    waiting, one query for any count."""
    bevestigd = (
        Inschrijving.objects.bevestigd().filter(moment=OuterRef("pk")).order_by().values("moment")
    )
    gezinnen = bevestigd.annotate(n=Count("pk")).values("n")
    personen = bevestigd.annotate(n=Sum(F("volwassenen") + F("kinderen"))).values("n")
    wachtend = (
        Inschrijving.objects.wachtlijst()
        .filter(moment=OuterRef("pk"))
        .order_by()
        .values("moment")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return momenten.annotate(
        _gezinnen=Coalesce(Subquery(gezinnen, output_field=IntegerField()), Value(0)),
        _personen=Coalesce(Subquery(personen, output_field=IntegerField()), Value(0)),
        _wachtend=Coalesce(Subquery(wachtend, output_field=IntegerField()), Value(0)),
    )


def bezette_plaatsen(moment) -> int:
    if moment.activiteit.plaatsen_per == Activiteit.PlaatsenPer.GEZIN:
        return moment._gezinnen
    return moment._personen


class WanneerFilter(admin.SimpleListFilter):
    """Upcoming moments unless asked otherwise: a coordinator plans forward."""

    title = _("wanneer")
    parameter_name = "wanneer"

    def lookups(self, request, model_admin):
        return [("voorbij", _("Voorbij")), ("alle", _("Alle"))]

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Komend"),
        }
        for waarde, titel in self.lookup_choices:
            yield {
                "selected": self.value() == waarde,
                "query_string": changelist.get_query_string({self.parameter_name: waarde}),
                "display": titel,
            }

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset.komend()
        if self.value() == "voorbij":
            return queryset.filter(einde__lt=timezone.now())
        if self.value() == "alle":
            return queryset
        raise IncorrectLookupParameters


class PlekGemeenteFilter(GemeenteKeuzeFilter):
    """The gemeente where a moment takes place: its own place, or else the activity's."""

    title = _("gemeente van de plek")

    def voor_gemeente(self, queryset, gemeente_pk):
        return queryset.in_gemeente(gemeente_pk)


@admin.register(Moment)
class MomentAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "activiteit__gemeenten"
    partner_pad = "activiteit__partners"

    list_display = [
        "dag",
        "uren",
        "activiteit",
        "plek",
        "gemeente",
        "bezetting",
        "inschrijvingen",
        "geannuleerd",
    ]
    list_display_links = ["dag"]
    list_editable = ["geannuleerd"]
    list_filter = [
        WanneerFilter,
        PlekGemeenteFilter,
        "activiteit__pijler",
        "activiteit__bereik",
        "geannuleerd",
    ]
    search_fields = ["activiteit__titel"]
    date_hierarchy = "begin"
    autocomplete_fields = ["activiteit", "locatie"]
    readonly_fields = [
        "herkomst",
        "oorspronkelijke_datum",
        "aangepast",
        "bezetting",
        "inschrijvingen",
    ]
    change_list_template = "admin/aanbod/moment/change_list.html"
    change_form_template = "admin/aanbod/moment/change_form.html"

    def get_fieldsets(self, request, obj=None):
        velden = ["activiteit", "begin", "einde", "locatie", "geannuleerd"]
        if obj is None:
            return [(None, {"fields": velden})]
        return [
            (None, {"fields": [*velden, "bezetting", "inschrijvingen"]}),
            (_("Herhaling"), {"fields": ["herkomst", "oorspronkelijke_datum", "aangepast"]}),
        ]

    def get_queryset(self, request):
        momenten = met_bezetting(super().get_queryset(request).met_plek().select_related("reeks"))
        return met_zichtbare_inschrijvingen(request.user, momenten)

    def get_ordering(self, request):
        # Looking back, the most recent past comes first.
        if request.GET.get(WanneerFilter.parameter_name) == "voorbij":
            return ["-begin"]
        return ["begin"]

    @admin.display(description=_("dag"), ordering="begin")
    def dag(self, moment):
        return dag_tekst(moment.begin)

    @admin.display(description=_("uur"))
    def uren(self, moment):
        return uren_tekst(moment)

    @admin.display(description=_("plek"))
    def plek(self, moment):
        return moment.plek

    @admin.display(description=_("gemeente"))
    def gemeente(self, moment):
        plek = moment.plek
        return plek.gemeente if plek and plek.gemeente_id else None

    @admin.display(description=_("bezet / plaatsen"))
    def bezetting(self, moment):
        bezet = bezette_plaatsen(moment)
        if moment.activiteit.capaciteit is None:
            return gettext("%(bezet)s (geen grens)") % {"bezet": bezet}
        return f"{bezet} / {moment.activiteit.capaciteit}"

    @admin.display(description=_("inschrijvingen"))
    def inschrijvingen(self, moment):
        if not (moment._gezinnen or moment._wachtend or moment.activiteit.inschrijving_vereist):
            return None
        tekst = gettext("%(bevestigd)s bevestigd · %(wachtend)s wachtend") % {
            "bevestigd": moment._gezinnen,
            "wachtend": moment._wachtend,
        }
        if not moment._inschrijvingen_zichtbaar:
            return tekst
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:aanbod_moment_inschrijvingen", args=[moment.pk]),
            tekst,
        )

    @admin.display(description=_("herkomst"))
    def herkomst(self, moment):
        if moment.reeks_id:
            return gettext("uit de herhaling: %(regel)s") % {"regel": moment.reeks.omschrijving}
        return gettext("los moment, met de hand ingevoerd")

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and getattr(obj, "_inschrijvingen_zichtbaar", False):
            context["inschrijvingen_url"] = reverse(
                "admin:aanbod_moment_inschrijvingen", args=[obj.pk]
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        afgelast = change and obj.geannuleerd and "geannuleerd" in form.changed_data
        super().save_model(request, obj, form, change)
        if afgelast:
            self._afgelast_melden(request, obj)

    def _afgelast_melden(self, request, moment):
        gemaild = moment_afgelast(moment=moment)
        if gemaild:
            self.message_user(
                request,
                ngettext(
                    "%(n)s gezin krijgt een mail dat %(moment)s niet doorgaat.",
                    "%(n)s gezinnen krijgen een mail dat %(moment)s niet doorgaat.",
                    gemaild,
                )
                % {"n": gemaild, "moment": moment},
                messages.INFO,
            )
        zonder_mail = (
            Inschrijving.objects.lopend().met_persoonsgegevens().filter(moment=moment, email="")
        )
        bellen = [f"{i.naam} ({i.telefoon})" for i in zonder_mail]
        if bellen:
            self.message_user(
                request,
                gettext(
                    "Zonder e-mailadres, verwittig ze zelf dat %(moment)s niet doorgaat: %(wie)s."
                )
                % {"moment": moment, "wie": ", ".join(bellen)},
                messages.WARNING,
            )

    def get_urls(self):
        # Before the default URLs: "<object_id>/" would otherwise swallow "kalender/".
        beheer = self.admin_site.admin_view
        return [
            path("kalender/", beheer(self.kalender_view), name="aanbod_moment_kalender"),
            path(
                "<path:object_id>/inschrijvingen/",
                beheer(self.inschrijvingen_view),
                name="aanbod_moment_inschrijvingen",
            ),
            path(
                "<path:object_id>/inschrijvingen/telefonisch/",
                beheer(self.telefonisch_view),
                name="aanbod_moment_telefonisch",
            ),
            path(
                "<path:object_id>/inschrijvingen/csv/",
                beheer(self.export_view),
                {"formaat": "csv"},
                name="aanbod_moment_inschrijvingen_csv",
            ),
            path(
                "<path:object_id>/inschrijvingen/xlsx/",
                beheer(self.export_view),
                {"formaat": "xlsx"},
                name="aanbod_moment_inschrijvingen_xlsx",
            ),
            *super().get_urls(),
        ]

    # --- The registrations of one moment --------------------------------------------------

    def _moment_met_inschrijvingen(self, request, object_id):
        """The moment, when the person may see its registrations; otherwise it is not there."""
        moment = self.get_object(request, unquote(object_id))
        if moment is None or not mag_inschrijvingen_zien(request.user, moment):
            raise Http404
        return moment

    def inschrijvingen_view(self, request, object_id):
        moment = self._moment_met_inschrijvingen(request, object_id)
        beheren = mag_inschrijvingen_beheren(request.user, moment)
        if request.method == "POST":
            if not beheren:
                raise PermissionDenied
            actie = request.POST.get("actie")
            if actie == "aanwezigheid":
                self._aanwezigheid_bewaren(request, moment)
            elif actie == "annuleren":
                self._annuleren(request, moment)
            else:
                return HttpResponseBadRequest(gettext("Onbekende actie."))
            return redirect(request.path)

        alle = list(
            Inschrijving.objects.filter(moment=moment)
            .select_related("woonplaats")
            .order_by("aangemaakt", "pk")
        )
        bevestigd = [i for i in alle if i.status == Inschrijving.Status.BEVESTIGD]
        wachtlijst = [i for i in alle if i.status == Inschrijving.Status.WACHTLIJST]
        geannuleerd = [i for i in alle if i.status == Inschrijving.Status.GEANNULEERD]
        te_annuleren = None
        if beheren and request.GET.get("annuleren", "").isdigit():
            gekozen = int(request.GET["annuleren"])
            te_annuleren = next((i for i in bevestigd + wachtlijst if i.pk == gekozen), None)
        capaciteit = moment.activiteit.capaciteit
        bezet = bezette_plaatsen(moment)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Inschrijvingen voor %(titel)s") % {"titel": moment.activiteit.titel},
            "moment": moment,
            "activiteit": moment.activiteit,
            "dag": dag_tekst(moment.begin),
            "uren": uren_tekst(moment),
            "plek": moment.plek,
            "capaciteit": capaciteit,
            "bezet": bezet,
            "vrij": None if capaciteit is None else max(capaciteit - bezet, 0),
            "bevestigd": bevestigd,
            "wachtlijst": wachtlijst,
            "geannuleerd": geannuleerd,
            "beheren": beheren,
            "aanwezigheid_mogelijk": beheren and aanwezigheid_mogelijk(moment),
            "kan_inschrijven": beheren and kan_inschrijven(moment),
            "te_annuleren": te_annuleren,
            "begonnen": moment.begin <= timezone.now(),
        }
        return TemplateResponse(request, "admin/aanbod/moment/inschrijvingen.html", context)

    def _aanwezigheid_bewaren(self, request, moment):
        if not aanwezigheid_mogelijk(moment):
            self.message_user(
                request,
                gettext("Aanwezigheid noteer je vanaf de dag van het moment."),
                messages.ERROR,
            )
            return
        waarden = {"ja": True, "nee": False, "onbekend": None}
        gewijzigd = 0
        for inschrijving in (
            Inschrijving.objects.bevestigd().met_persoonsgegevens().filter(moment=moment)
        ):
            waarde = request.POST.get(f"aanwezig-{inschrijving.pk}")
            if waarde not in waarden or waarden[waarde] == inschrijving.aanwezig:
                continue
            try:
                aanwezigheid_noteren(inschrijving=inschrijving, aanwezig=waarden[waarde])
            except InschrijvingFout as fout:  # cancelled meanwhile, from another screen
                self.message_user(request, f"{inschrijving.naam}: {fout}", messages.WARNING)
                continue
            gewijzigd += 1
        self.message_user(
            request,
            ngettext(
                "Aanwezigheid bewaard: %(n)s inschrijving aangepast.",
                "Aanwezigheid bewaard: %(n)s inschrijvingen aangepast.",
                gewijzigd,
            )
            % {"n": gewijzigd},
            messages.SUCCESS,
        )

    def _annuleren(self, request, moment):
        gekozen = request.POST.get("inschrijving", "")
        inschrijving = None
        if gekozen.isdigit():
            inschrijving = Inschrijving.objects.lopend().filter(moment=moment, pk=gekozen).first()
        if inschrijving is None:
            self.message_user(
                request,
                gettext("Die inschrijving is er niet (meer) of is al geannuleerd."),
                messages.WARNING,
            )
            return
        try:
            doorgeschoven = annuleren(inschrijving=inschrijving)
        except InschrijvingFout as fout:
            self.message_user(request, str(fout), messages.ERROR)
            return
        naam = inschrijving.naam or gettext("gegevens gewist")
        if inschrijving.email:
            tekst = gettext(
                "De inschrijving van %(naam)s is geannuleerd; het gezin krijgt een mail."
            )
        else:
            tekst = gettext(
                "De inschrijving van %(naam)s is geannuleerd. Er is geen e-mailadres: verwittig "
                "het gezin zelf."
            )
        self.message_user(request, tekst % {"naam": naam}, messages.SUCCESS)
        meld_doorgeschoven(self, request, doorgeschoven)

    def telefonisch_view(self, request, object_id):
        moment = self._moment_met_inschrijvingen(request, object_id)
        if not mag_inschrijvingen_beheren(request.user, moment):
            raise PermissionDenied
        form = TelefonischeInschrijvingForm(request.POST if request.method == "POST" else None)
        volzet = False
        if form.is_bound and form.is_valid():
            try:
                inschrijving = inschrijven(
                    moment=moment,
                    gezin=form.gezin(),
                    wachtlijst=form.cleaned_data["wachtlijst"],
                    kanaal=form.cleaned_data["kanaal"],
                )
            except Volzet:
                volzet = True
                form.add_error(
                    "wachtlijst",
                    gettext(
                        "Er zijn niet genoeg plaatsen meer vrij voor dit gezin. Vink dit aan om "
                        "het gezin op de wachtlijst te zetten."
                    ),
                )
            except AlIngeschreven as fout:
                form.add_error(
                    "email",
                    gettext(
                        "Met dit e-mailadres is al iemand ingeschreven voor dit moment "
                        "(%(status)s). Die inschrijving kreeg haar bevestiging opnieuw per mail."
                    )
                    % {"status": fout.inschrijving.get_status_display()},
                )
            except InschrijvingFout as fout:
                form.add_error(None, str(fout))
            else:
                self._ingeschreven_melden(request, inschrijving)
                return redirect("admin:aanbod_moment_inschrijvingen", moment.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Telefonische inschrijving voor %(titel)s")
            % {"titel": moment.activiteit.titel},
            "moment": moment,
            "dag": dag_tekst(moment.begin),
            "uren": uren_tekst(moment),
            "form": form,
            "volzet": volzet,
        }
        return TemplateResponse(request, "admin/aanbod/moment/telefonisch.html", context)

    def _ingeschreven_melden(self, request, inschrijving):
        if inschrijving.status == Inschrijving.Status.BEVESTIGD:
            tekst = gettext("%(naam)s is ingeschreven.")
        else:
            tekst = gettext("%(naam)s staat op de wachtlijst.")
        tekst %= {"naam": inschrijving.naam}
        if inschrijving.email:
            tekst += " " + gettext("Het gezin krijgt een bevestiging per mail.")
        else:
            tekst += " " + gettext("Er is geen e-mailadres: er gaat geen bevestiging.")
        self.message_user(request, tekst, messages.SUCCESS)

    def export_view(self, request, object_id, formaat):
        moment = self._moment_met_inschrijvingen(request, object_id)
        return exportbestand(Inschrijving.objects.filter(moment=moment), formaat, moment=moment)

    def kalender_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        weken, melding = gekozen_weken(request)
        van = timezone.localdate()
        tot = van + dt.timedelta(weeks=weken, days=-1)
        momenten = list(
            Moment.objects.komend()
            .in_periode(van, tot)
            .met_plek()
            .order_by("begin", "activiteit__titel")
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Kalender"),
            "weken": weken,
            "keuzes": [1, 2, 4, 8, 12],
            "van": van,
            "tot": tot,
            "melding": melding,
            "per_week": kalender_per_week(momenten),
            "aantal": len(momenten),
        }
        return TemplateResponse(
            request,
            "admin/aanbod/moment/kalender.html",
            context,
            status=400 if melding else 200,
        )


def aanwezigheid_mogelijk(moment) -> bool:
    """Attendance is ticked on the day itself or later, for a moment that went on."""
    return not moment.geannuleerd and timezone.localdate(moment.begin) <= timezone.localdate()


def kan_inschrijven(moment) -> bool:
    """Whether the registration service would take a family at all (seats aside)."""
    return (
        moment.activiteit.inschrijving_vereist
        and not moment.geannuleerd
        and moment.begin > timezone.now()
    )


def gekozen_weken(request) -> tuple[int, str]:
    """The number of weeks from ?weken=, or the default with a Dutch message when unusable."""
    waarde = request.GET.get("weken", "")
    if not waarde:
        return KALENDER_STANDAARD_WEKEN, ""
    if waarde.isdigit() and int(waarde) in KALENDER_WEKEN:
        return int(waarde), ""
    return KALENDER_STANDAARD_WEKEN, gettext(
        "“%(waarde)s” is geen geldig aantal weken: kies 1 tot 12. De komende %(standaard)s "
        "weken worden getoond."
    ) % {"waarde": waarde[:20], "standaard": KALENDER_STANDAARD_WEKEN}


def kalender_per_week(momenten):
    """[(monday, [(day, [moment, …]), …]), …] in local time, for moments sorted by start."""

    def dag(m):
        return timezone.localtime(m.begin).date()

    def maandag(m):
        d = dag(m)
        return d - dt.timedelta(days=d.weekday())

    return [
        (week, [(d, list(items)) for d, items in groupby(in_week, dag)])
        for week, in_week in ((w, list(ms)) for w, ms in groupby(momenten, maandag))
    ]


def momenten_van_activiteit_url(activiteit_id) -> str:
    """The moment list of one activity, past and upcoming."""
    return (
        reverse("admin:aanbod_moment_changelist")
        + f"?activiteit__id__exact={activiteit_id}&{WanneerFilter.parameter_name}=alle"
    )

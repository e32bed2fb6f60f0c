import datetime as dt

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer, rol_van
from communicatie.flyer import (
    JAREN,
    MAX_MAANDEN,
    STANDAARD_DAGEN,
    flyer_inhoud,
    flyer_pdf,
    langste_tot,
)
from communicatie.models import Huisstijl
from communicatie.views.flyer import pdf_antwoord
from gemeenten.models import Gemeente

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FlyerForm(forms.Form):
    """The period picker of the flyer: for whom, from when to when, on which paper."""

    gemeente = forms.ModelChoiceField(
        label=_("Voor"),
        queryset=Gemeente.objects.order_by("naam"),
        required=False,
        empty_label=_("het hele werkingsgebied"),
        help_text=_("Een gemeente: haar lokale aanbod en het regionale aanbod."),
    )
    van = forms.DateField(label=_("Van"), widget=DATUM)
    tot = forms.DateField(
        label=_("Tot en met"),
        widget=DATUM,
        help_text=_("Hoogstens %(maanden)s maanden na de begindatum.") % {"maanden": MAX_MAANDEN},
    )
    formaat = forms.ChoiceField(
        label=_("Formaat"),
        choices=[
            ("a4", _("A4, twee kolommen")),
            ("a5", _("A5, één kolom")),
        ],
        initial="a4",
    )

    def clean(self):
        data = super().clean()
        van, tot = data.get("van"), data.get("tot")
        for veld, datum in (("van", van), ("tot", tot)):
            if datum and datum.year not in JAREN:
                self.add_error(veld, gettext("Kies een datum tussen 2000 en 2100."))
                return data
        if van and tot:
            if tot < van:
                self.add_error("tot", gettext("De einddatum ligt vóór de begindatum."))
            elif tot > langste_tot(van):
                self.add_error(
                    "tot",
                    gettext("Een flyer loopt hoogstens %(maanden)s maanden: tot %(datum)s.")
                    % {
                        "maanden": MAX_MAANDEN,
                        "datum": date_format(langste_tot(van), "j F Y"),
                    },
                )
        return data


@admin.register(Huisstijl)
class HuisstijlAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["naam", "ondertitel", "kleur"]
    change_list_template = "admin/communicatie/huisstijl/change_list.html"
    change_form_template = "admin/communicatie/huisstijl/change_form.html"

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not Huisstijl.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "flyer/",
                self.admin_site.admin_view(self.flyer_view),
                name="communicatie_huisstijl_flyer",
            ),
            *super().get_urls(),
        ]

    def flyer_view(self, request):
        """The flyer for a chosen gemeente and period: a form, then the PDF itself.

        The flyer is public information, so everyone who may use the admin may make one.
        """
        if rol_van(request.user) is None:
            raise PermissionDenied
        if "van" in request.GET:
            form = FlyerForm(request.GET)
            if form.is_valid():
                data = form.cleaned_data
                inhoud = flyer_inhoud(gemeente=data["gemeente"], van=data["van"], tot=data["tot"])
                return pdf_antwoord(
                    flyer_pdf(inhoud=inhoud, formaat=data["formaat"]), inhoud.bestandsnaam
                )
        else:
            vandaag = timezone.localdate()
            form = FlyerForm(
                initial={
                    "van": vandaag,
                    "tot": vandaag + dt.timedelta(days=STANDAARD_DAGEN - 1),
                    "formaat": "a4",
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Flyer maken"),
            "form": form,
            "publiek_gebied": reverse("flyer"),
            "kan_huisstijl_zien": self.has_view_permission(request),
        }
        return TemplateResponse(
            request,
            "admin/communicatie/huisstijl/flyer.html",
            context,
            status=400 if form.is_bound else 200,
        )

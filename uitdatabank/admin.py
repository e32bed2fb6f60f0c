"""Importing a UiTdatabank file in the admin: upload, follow the progress, read the report.

Only a coordinator imports: an import creates and changes regional offer and places in any
gemeente, which is more than a gemeentelijk medewerker or a partner may touch
(accounts/rechten.py). Medewerkers may read the imports and their reports. The upload is
checked as a whole in the form (size, JSON, shape), so a bad file is a form error; the events
themselves are imported by a background task, whose progress the import's page shows.
"""

from functools import partial
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from aanbod.models import Activiteit
from accounts.rechten import BeperktBeheer
from uitdatabank import importeren
from uitdatabank.models import UitImport
from uitdatabank.tasks import uit_import_uitvoeren

UITKOMSTEN = {
    importeren.Uitkomst.AANGEMAAKT: _("aangemaakt"),
    importeren.Uitkomst.BIJGEWERKT: _("bijgewerkt"),
    importeren.Uitkomst.ONGEWIJZIGD: _("ongewijzigd"),
    importeren.Uitkomst.OVERGESLAGEN: _("overgeslagen"),
}


class UitImportForm(forms.ModelForm):
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "Een .json- of .jsonld-bestand uit UiTdatabank: één event, een lijst van events of "
            "een zoekresultaat (met “member”). Hoogstens %(mb)s MB."
        ),
    )

    class Meta:
        model = UitImport
        fields = ["bestand", "proef"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mb = importeren.max_bytes() / 1024 / 1024
        self.fields["bestand"].help_text = self.fields["bestand"].help_text % {"mb": f"{mb:g}"}
        self.events: list = []

    def clean_bestand(self):
        bestand = self.cleaned_data["bestand"]
        naam = Path(bestand.name).name
        if Path(naam).suffix.lower() not in importeren.EXTENSIES:
            raise ValidationError(
                gettext("Kies een .json- of .jsonld-bestand; “%(naam)s” is dat niet.")
                % {"naam": naam}
            )
        try:
            importeren.grootte_controleren(bestand.size, naam)
            bestand.seek(0)
            self.events = importeren.events_uit_bestand(bestand, naam)
        except importeren.BestandFout as fout:
            raise ValidationError(str(fout)) from None
        finally:
            bestand.seek(0)
        if not self.events:
            raise ValidationError(gettext("Dit bestand bevat geen events."))
        return bestand


@admin.register(UitImport)
class UitImportAdmin(BeperktBeheer, admin.ModelAdmin):
    form = UitImportForm
    list_display = ["aangemaakt", "bestandsnaam", "door", "status", "resultaat", "proef"]
    list_filter = ["status", "proef"]
    search_fields = ["bestandsnaam"]
    change_form_template = "admin/uitdatabank/uitimport/change_form.html"
    VELDEN = [
        "bestandsnaam",
        "proef",
        "door",
        "aangemaakt",
        "afgerond",
        "status",
        "voortgang",
        "resultaat",
        "fout",
    ]

    def get_fields(self, request, obj=None):
        return ["bestand", "proef"] if obj is None else self.VELDEN

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.VELDEN

    def has_change_permission(self, request, obj=None):
        # An import is a record of what happened: it is read, never edited.
        return obj is None and super().has_change_permission(request, obj)

    @admin.display(description=_("voortgang"))
    def voortgang(self, uit_import):
        return gettext("%(verwerkt)d van %(totaal)d events verwerkt") % {
            "verwerkt": uit_import.verwerkt,
            "totaal": uit_import.totaal,
        }

    @admin.display(description=_("resultaat"))
    def resultaat(self, uit_import):
        if uit_import.status == UitImport.Status.WACHTEND:
            return "-"
        return gettext(
            "%(nieuw)d aangemaakt, %(bijgewerkt)d bijgewerkt, %(ongewijzigd)d ongewijzigd, "
            "%(overgeslagen)d overgeslagen"
        ) % {
            "nieuw": uit_import.nieuw,
            "bijgewerkt": uit_import.bijgewerkt,
            "ongewijzigd": uit_import.ongewijzigd,
            "overgeslagen": uit_import.overgeslagen,
        }

    def save_model(self, request, obj, form, change):
        obj.door = request.user
        obj.bestandsnaam = Path(form.cleaned_data["bestand"].name).name[:255]
        obj.totaal = len(form.events)
        super().save_model(request, obj, form, change)
        # After the commit: the worker must find the row and the file.
        transaction.on_commit(partial(uit_import_uitvoeren.enqueue, import_id=obj.pk))

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            ngettext(
                "Het bestand met %(n)d event wordt ingelezen. Deze pagina toont de voortgang "
                "en daarna het verslag.",
                "Het bestand met %(n)d events wordt ingelezen. Deze pagina toont de voortgang "
                "en daarna het verslag.",
                obj.totaal,
            )
            % {"n": obj.totaal},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:uitdatabank_uitimport_change", args=[obj.pk]))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(
            {
                "show_save_and_add_another": False,
                "show_save_and_continue": False,
                "verslag": _verslag_voor_pagina(obj) if obj is not None else None,
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)


def _verslag_voor_pagina(uit_import: UitImport) -> list[dict]:
    """The stored report, with a link to each activity that still exists."""
    bestanden = (uit_import.verslag or {}).get("bestanden", [])
    ids = {r.get("activiteit_id") for b in bestanden for r in b.get("regels", [])} - {None}
    bestaand = set(Activiteit.objects.filter(pk__in=ids).values_list("pk", flat=True))
    return [
        {
            "naam": bestand.get("naam", ""),
            "fout": bestand.get("fout", ""),
            "regels": [
                {
                    **regel,
                    "uitkomst_tekst": UITKOMSTEN.get(regel.get("uitkomst"), regel.get("uitkomst")),
                    "url": (
                        reverse("admin:aanbod_activiteit_change", args=[regel["activiteit_id"]])
                        if regel.get("activiteit_id") in bestaand
                        else ""
                    ),
                }
                for regel in bestand.get("regels", [])
            ],
        }
        for bestand in bestanden
    ]

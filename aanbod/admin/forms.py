from django import forms
from django.utils.translation import gettext_lazy as _

from aanbod.models import Activiteit
from gemeenten.models import Gemeente


class ActiviteitAdminForm(forms.ModelForm):
    """The activity form; checks what depends on the chosen gemeenten (many-to-many).

    ActiviteitAdmin supplies the model and the fields from its fieldsets.
    """

    def clean(self):
        cleaned_data = super().clean()
        bereik = cleaned_data.get("bereik")
        gemeenten = cleaned_data.get("gemeenten")
        # Only judge the gemeenten when the field itself was valid.
        if gemeenten is None and "gemeenten" in self.errors:
            return cleaned_data
        if bereik == Activiteit.Bereik.LOKAAL and not gemeenten:
            self.add_error("gemeenten", _("Kies voor lokaal aanbod minstens één gemeente."))
        elif bereik == Activiteit.Bereik.REGIONAAL and gemeenten:
            self.add_error(
                "gemeenten",
                _(
                    "Regionaal aanbod is voor het hele werkingsgebied: laat de gemeenten leeg "
                    "of kies lokaal aanbod."
                ),
            )
        return cleaned_data


class LokaleVersiesForm(forms.Form):
    gemeenten = forms.ModelMultipleChoiceField(
        label=_("Voor welke gemeenten"),
        queryset=Gemeente.objects.order_by("naam"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één gemeente.")},
        help_text=_(
            "Per gemeente komt er een lokale versie bij, nog niet gepubliceerd, zonder eigen "
            "momenten. Een gemeente die al een versie heeft, wordt overgeslagen."
        ),
    )

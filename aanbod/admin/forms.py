from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from aanbod.forms import GezinForm
from aanbod.models import Activiteit, Inschrijving
from gemeenten.models import Gemeente
from hvk.formulieren import telefoon_opschonen, zonder_stuurtekens


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


class TelefonischeInschrijvingForm(GezinForm):
    """A registration taken by phone or at the desk: the family's form, filled in by staff.

    Staff read the purpose and the retention period to the person and tick that they did:
    that is the consent the website asks with its own checkbox.
    """

    kanaal = forms.ChoiceField(
        label=_("Ingeschreven via"),
        choices=[
            (Inschrijving.Kanaal.TELEFOON, Inschrijving.Kanaal.TELEFOON.label),
            (Inschrijving.Kanaal.BALIE, Inschrijving.Kanaal.BALIE.label),
        ],
        initial=Inschrijving.Kanaal.TELEFOON,
        widget=forms.RadioSelect,
    )
    wachtlijst = forms.BooleanField(
        label=_("Op de wachtlijst zetten als er niet genoeg plaatsen vrij zijn"),
        required=False,
        help_text=_(
            "Komt er een plaats vrij, dan schuift het gezin vanzelf door en krijgt het een mail "
            "(zonder e-mailadres: bel het gezin zelf)."
        ),
    )
    toestemming = forms.BooleanField(
        label=_("De persoon weet waarvoor we de gegevens gebruiken en hoelang we ze bewaren"),
        error_messages={
            "required": _(
                "Vertel eerst waarvoor we de gegevens gebruiken en hoelang we ze bewaren, en "
                "vink dit dan aan."
            )
        },
    )

    required_css_class = "required"

    # Staff fill this in about someone else: the labels speak about the family, not to it.
    LABELS = {
        "naam": (_("Naam"), _("Een voornaam is genoeg.")),
        "email": (
            _("E-mailadres"),
            _("Het gezin krijgt hier de bevestiging, een herinnering en de link om te annuleren."),
        ),
        "telefoon": (_("Telefoonnummer"), _("Bv. 0470 12 34 56.")),
        "woonplaats": (_("Woont in"), _("Alleen de gemeente, geen adres.")),
        "opmerking": (_("Opmerking over toegankelijkheid of taal"), ""),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, (label, hulp) in self.LABELS.items():
            self.fields[naam].label = label
            self.fields[naam].help_text = hulp
        self.fields["naam"].error_messages["required"] = gettext("Vul de naam in.")
        self.fields["woonplaats"].error_messages["required"] = gettext(
            "Kies de gemeente waar het gezin woont, of “Een andere gemeente”."
        )
        self.fields["toestemming"].help_text = gettext(
            "Zeg het zo: we gebruiken je naam en contactgegevens alleen voor deze inschrijving "
            "(bevestiging, herinnering, wijzigingen) en wissen ze %(maanden)s maanden na het "
            "moment."
        ) % {"maanden": settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN}

    @property
    def persoonsvelden(self) -> list:
        return [self[naam] for naam in ("naam", "email", "telefoon", "woonplaats")]

    @property
    def gezinsvelden(self) -> list:
        return [self["volwassenen"], *(self[naam] for naam in self.kindvelden)]


class InschrijvingAdminForm(forms.ModelForm):
    """Correcting a registration's contact details on the family's request.

    Seats, state and attendance change only through the registration services; this form
    holds the personal fields alone. InschrijvingAdmin supplies the model and the fields.
    """

    def clean_naam(self):
        naam = zonder_stuurtekens(self.cleaned_data["naam"]).strip()
        if not naam:
            raise ValidationError(_("Vul een naam in."), code="required")
        return naam

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_telefoon(self):
        return telefoon_opschonen(self.cleaned_data["telefoon"])

    def clean_opmerking(self):
        return zonder_stuurtekens(self.cleaned_data["opmerking"], regels=True).strip()

    def clean(self):
        cleaned = super().clean()
        email, telefoon = cleaned.get("email"), cleaned.get("telefoon")
        if self.has_error("email") or self.has_error("telefoon"):
            return cleaned
        if not email and not telefoon:
            self.add_error(
                "email",
                _("Vul een e-mailadres of een telefoonnummer in, zodat we het gezin bereiken."),
            )
        elif email and self._adres_al_ingeschreven(email):
            # The database refuses it too; this says so in Dutch instead of a server error.
            self.add_error(
                "email", _("Met dit e-mailadres is al iemand anders ingeschreven voor dit moment.")
            )
        return cleaned

    def _adres_al_ingeschreven(self, email: str) -> bool:
        inschrijving = self.instance
        if inschrijving.status == Inschrijving.Status.GEANNULEERD:
            return False
        return (
            Inschrijving.objects.lopend()
            .filter(moment_id=inschrijving.moment_id, email=email)
            .exclude(pk=inschrijving.pk)
            .exists()
        )

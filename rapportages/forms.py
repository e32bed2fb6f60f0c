"""The period a report covers, chosen in the URL (``?jaar=2025`` or ``?van=…&tot=…``)."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rapportages.selectors import Periode

EERSTE_JAAR = 2020


class PeriodeForm(forms.Form):
    """A whole year (default: this year so far) or a custom period within a few years.

    Built from ``request.GET``; anything that does not validate falls back to this year so
    far with a Dutch note (``melding``), never an error page.
    """

    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int, required=False)
    van = forms.DateField(
        label=_("Van"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, vandaag: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag or timezone.localdate()
        self.fields["jaar"].choices = [("", gettext("dit jaar tot nu"))] + [
            (j, str(j)) for j in range(self.vandaag.year, EERSTE_JAAR - 1, -1)
        ]
        self.melding = ""

    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if (van is None) != (tot is None):
            raise forms.ValidationError(gettext("Kies een begin- én een einddatum, of een jaar."))
        if van and tot:
            if tot < van:
                raise forms.ValidationError(gettext("De einddatum ligt voor de begindatum."))
            if (
                (tot - van).days > 3 * 366
                or van.year < EERSTE_JAAR
                or tot.year > self.vandaag.year + 1
            ):
                raise forms.ValidationError(
                    gettext("Kies een periode van hoogstens drie jaar, vanaf %(jaar)s.")
                    % {"jaar": EERSTE_JAAR}
                )
        return cleaned

    def periode(self) -> Periode:
        """The chosen period, or this year so far when nothing (valid) was chosen."""
        if not self.is_bound or not self.is_valid():
            if self.is_bound and self.errors:
                self.melding = (
                    " ".join(str(fout) for fouten in self.errors.values() for fout in fouten)
                    + " "
                    + gettext("We tonen dit jaar tot nu.")
                )
            return Periode.dit_jaar_tot_nu(self.vandaag)
        data = self.cleaned_data
        if data.get("van"):
            return Periode(van=data["van"], tot=data["tot"])
        if data.get("jaar"):
            return Periode.jaar(data["jaar"], self.vandaag)
        return Periode.dit_jaar_tot_nu(self.vandaag)

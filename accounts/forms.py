from allauth.account.forms import ResetPasswordKeyForm
from django import forms
from django.contrib.auth.forms import UserChangeForm
from django.utils.translation import gettext_lazy as _

from accounts.models import Gebruiker
from accounts.services import adres_bevestigen


class GebruikerCreationForm(forms.ModelForm):
    """A new account without a password: the person chooses one through the invitation."""

    uitnodiging_sturen = forms.BooleanField(
        label=_("Stuur meteen een uitnodiging"),
        required=False,
        initial=True,
        help_text=_(
            "De persoon krijgt een e-mail met een link om een wachtwoord te kiezen. De link "
            "werkt één keer en verloopt na enkele dagen; je kunt altijd een nieuwe sturen."
        ),
    )

    class Meta:
        model = Gebruiker
        fields = ["email", "first_name", "last_name", "rol", "gemeenten", "partner"]

    def save(self, commit=True):
        self.instance.set_unusable_password()
        return super().save(commit=commit)


class GebruikerChangeForm(UserChangeForm):
    class Meta:
        model = Gebruiker
        fields = "__all__"


class WachtwoordKiezenForm(ResetPasswordKeyForm):
    """allauth's form behind an invitation or password-reset link, which was mailed to the
    person's address: choosing the password there also proves that address."""

    def save(self):
        super().save()
        adres_bevestigen(gebruiker=self.user)

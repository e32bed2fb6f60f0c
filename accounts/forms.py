from django.contrib.auth.forms import BaseUserCreationForm, UserChangeForm

from accounts.models import Gebruiker


class GebruikerCreationForm(BaseUserCreationForm):
    class Meta:
        model = Gebruiker
        fields = ["email"]


class GebruikerChangeForm(UserChangeForm):
    class Meta:
        model = Gebruiker
        fields = "__all__"

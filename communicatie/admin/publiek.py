"""Admin for the public site: news, pages and the gemeenten's own domain names."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http.request import validate_host
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.rechten import BeperktBeheer
from communicatie.models import Domein, Nieuwsbericht, Pagina


@admin.register(Nieuwsbericht)
class NieuwsberichtAdmin(BeperktBeheer, admin.ModelAdmin):
    gemeente_pad = "gemeente"

    list_display = ["titel", "gemeente_of_iedereen", "publicatiedatum", "gepubliceerd"]
    list_filter = ["gepubliceerd", "gemeente"]
    search_fields = ["titel", "inleiding", "tekst"]
    prepopulated_fields = {"slug": ["titel"]}
    date_hierarchy = "publicatiedatum"
    autocomplete_fields = ["gemeente"]
    list_select_related = ["gemeente"]
    fields = ["titel", "slug", "inleiding", "tekst", "gemeente", "publicatiedatum", "gepubliceerd"]

    @admin.display(description=_("voor"), ordering="gemeente__naam")
    def gemeente_of_iedereen(self, obj):
        return obj.gemeente.naam if obj.gemeente_id else gettext("het hele Huis")


@admin.register(Pagina)
class PaginaAdmin(BeperktBeheer, admin.ModelAdmin):
    list_display = ["titel", "soort", "gewijzigd"]
    readonly_fields = ["gewijzigd"]

    def add_view(self, request, form_url="", extra_context=None):
        # One page per kind: once every kind is written there is nothing left to add. Checked
        # here, not in has_add_permission, which every admin page asks for its menu.
        if Pagina.objects.count() >= len(Pagina.Soort.choices):
            self.message_user(
                request,
                gettext("Elke pagina bestaat al; pas de bestaande pagina aan."),
                messages.INFO,
            )
            return redirect("admin:communicatie_pagina_changelist")
        return super().add_view(request, form_url, extra_context)

    def get_readonly_fields(self, request, obj=None):
        # The kind decides the page's address (/over/, /privacy/, …): fixed once written.
        return [*self.readonly_fields, "soort"] if obj else self.readonly_fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        veld = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "inhoud":
            veld.help_text = gettext(
                "Gewone tekst; een lege regel begint een nieuwe alinea. Begin een regel met "
                "“## ” voor een tussentitel en met “- ” voor een opsomming."
            )
        return veld

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "soort":
            bestaand = set(Pagina.objects.values_list("soort", flat=True))
            kwargs["choices"] = [
                (waarde, label) for waarde, label in Pagina.Soort.choices if waarde not in bestaand
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class DomeinForm(forms.ModelForm):
    class Meta:
        model = Domein
        fields = ["hostnaam", "gemeente"]

    def clean_hostnaam(self):
        # Capitals and spaces are harmless typing; a scheme or a path is refused by the model.
        return (self.cleaned_data.get("hostnaam") or "").strip().lower()


@admin.register(Domein)
class DomeinAdmin(BeperktBeheer, admin.ModelAdmin):
    form = DomeinForm
    list_display = ["hostnaam", "gemeente", "toegelaten"]
    search_fields = ["hostnaam", "gemeente__naam"]
    autocomplete_fields = ["gemeente"]
    list_select_related = ["gemeente"]

    @admin.display(description=_("in ALLOWED_HOSTS"), boolean=True)
    def toegelaten(self, obj):
        return validate_host(obj.hostnaam, settings.ALLOWED_HOSTS)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not validate_host(obj.hostnaam, settings.ALLOWED_HOSTS):
            self.message_user(
                request,
                gettext(
                    "%(host)s staat nog niet in ALLOWED_HOSTS: tot de beheerder van de server "
                    "het toevoegt, weigert de website deze domeinnaam."
                )
                % {"host": obj.hostnaam},
                messages.WARNING,
            )

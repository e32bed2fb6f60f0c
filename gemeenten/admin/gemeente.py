from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Gemeente


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "naam",
        "nis_code",
        "inwoners",
        "kinderen_0_3",
        "kinderen_0_12",
        "kansarmoede_index",
        "aanspreekpunt_naam",
    ]
    search_fields = ["naam", "nis_code", "aanspreekpunt_naam"]
    list_filter = ["bevolking_peiljaar", "kansarmoede_jaar"]
    prepopulated_fields = {"slug": ["naam"]}
    fieldsets = [
        (None, {"fields": ["naam", "slug", "nis_code"]}),
        (
            _("Bevolking (Statbel)"),
            {"fields": ["inwoners", "kinderen_0_3", "kinderen_0_12", "bevolking_peiljaar"]},
        ),
        (_("Kansarmoede (Opgroeien)"), {"fields": ["kansarmoede_index", "kansarmoede_jaar"]}),
        (
            _("Aanspreekpunt voor inwoners"),
            {
                "fields": [
                    "aanspreekpunt_naam",
                    "aanspreekpunt_adres",
                    "aanspreekpunt_telefoon",
                    "aanspreekpunt_email",
                    "aanspreekpunt_website",
                ]
            },
        ),
        (_("Eigen ingangspagina"), {"fields": ["logo", "kleur"]}),
    ]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportagesConfig(AppConfig):
    name = "rapportages"
    verbose_name = _("rapportages")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicatieConfig(AppConfig):
    name = "communicatie"
    verbose_name = _("Communicatie en website")

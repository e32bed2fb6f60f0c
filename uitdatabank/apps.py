from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UitdatabankConfig(AppConfig):
    name = "uitdatabank"
    verbose_name = _("UiTdatabank")

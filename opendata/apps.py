from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """The read-only open-data API at /api/v1/: owns no tables, reads the public apps."""

    name = "opendata"
    verbose_name = _("open data")

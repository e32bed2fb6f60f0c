from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanbodConfig(AppConfig):
    name = "aanbod"
    verbose_name = _("Aanbod")

    def ready(self):
        # Signals that keep each activity's stored next moment current.
        from aanbod.services import komend  # noqa: F401

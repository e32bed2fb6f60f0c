from django.apps import AppConfig


class HvkConfig(AppConfig):
    name = "hvk"
    verbose_name = "Huis van het Kind"

    def ready(self):
        # Connects the signals that make cached public pages stale after a change.
        from hvk import paginacache  # noqa: F401

from django.apps import AppConfig


class HvkConfig(AppConfig):
    name = "hvk"
    verbose_name = "Huis van het Kind"

    def ready(self):
        # Connects the signals that make cached public pages stale after a change, and the one
        # that re-encodes every uploaded picture before it is stored.
        from hvk import afbeeldingen, paginacache  # noqa: F401

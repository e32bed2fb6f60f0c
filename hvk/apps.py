from django.apps import AppConfig


class HvkConfig(AppConfig):
    name = "hvk"
    verbose_name = "Huis van het Kind"

"""Load the demo Huis: every app contributes its part from its own ``demo`` module.

An app that has demo data defines ``<app>/demo.py`` with a function ``laad()`` that creates or
updates its rows by natural key (so running the command twice changes nothing) and returns
lines to print. Apps load in the order of INSTALLED_APPS, lowest layer first, so each can rely
on the data of the apps below it.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Laadt de demo: een intergemeentelijk Huis van het Kind met 5 echte gemeenten."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ook-in-productie",
            action="store_true",
            help="Ook laden als DEBUG uit staat (de demo maakt een bekende login).",
        )

    def handle(self, *args, ook_in_productie=False, **options):
        if not settings.DEBUG and not ook_in_productie:
            raise CommandError(
                "De demo maakt een login met een bekend wachtwoord en hoort niet in productie. "
                "Gebruik --ook-in-productie als je dit echt wil."
            )
        regels = []
        with transaction.atomic():
            for config in apps.get_app_configs():
                if not module_has_submodule(config.module, "demo"):
                    continue
                module = import_module(f"{config.name}.demo")
                regels.extend(module.laad())
        for regel in regels:
            self.stdout.write(regel)
        self.stdout.write(self.style.SUCCESS("Demo geladen."))

"""Load the demo Huis: every app contributes its part from its own ``demo`` module.

An app that has demo data defines ``<app>/demo.py`` with a function ``laad()`` that creates or
updates its rows by natural key (so running the command twice changes nothing) and returns
lines to print. Apps load in the order of INSTALLED_APPS, lowest layer first, so each can rely
on the data of the apps below it.

``--scale N`` makes the demo N times larger for load tests: after the demo modules, every app
with a ``<app>/schaal.py`` gets ``laad(schaal=N)``, which replaces the rows it generated in an
earlier run (with N=1 it only removes them, leaving the normal demo). See ``aanbod.schaal``.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule

MAX_SCHAAL = 100


class Command(BaseCommand):
    help = "Laadt de demo: een intergemeentelijk Huis van het Kind met 5 echte gemeenten."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ook-in-productie",
            action="store_true",
            help="Ook laden als DEBUG uit staat (de demo maakt een bekende login).",
        )
        parser.add_argument(
            "--scale",
            default="1",
            metavar="N",
            help=(
                f"Maak de demo N keer groter, voor belastingstests (1 tot en met {MAX_SCHAAL}; "
                "standaard 1, de gewone demo). Zie docs/aanbod.md, “Demo op schaal”."
            ),
        )

    def handle(self, *args, ook_in_productie=False, scale="1", **options):
        schaal = _schaal(scale)
        if not settings.DEBUG and not ook_in_productie:
            raise CommandError(
                "De demo maakt een login met een bekend wachtwoord en hoort niet in productie. "
                "Gebruik --ook-in-productie als je dit echt wil."
            )
        regels = []
        with transaction.atomic():
            for module in _modules("demo"):
                regels.extend(module.laad())
            for module in _modules("schaal"):
                regels.extend(module.laad(schaal=schaal))
        for regel in regels:
            self.stdout.write(regel)
        self.stdout.write(self.style.SUCCESS("Demo geladen."))


def _modules(naam: str):
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, naam):
            yield import_module(f"{config.name}.{naam}")


def _schaal(waarde) -> int:
    """``--scale`` as a whole number from 1 to MAX_SCHAAL, or a CommandError in Dutch."""
    tekst = str(waarde).strip()
    if not (tekst.isascii() and tekst.isdigit()) or not 1 <= int(tekst) <= MAX_SCHAAL:
        raise CommandError(
            f"--scale moet een geheel getal van 1 tot en met {MAX_SCHAAL} zijn, niet “{tekst}”."
        )
    return int(tekst)

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import gettext, ngettext

from aanbod.services import herinneringen_versturen


class Command(BaseCommand):
    help = (
        "Zet een herinneringsmail klaar voor bevestigde inschrijvingen waarvan het moment "
        "binnen HVK_HERINNERING_DAGEN dagen begint, één keer per inschrijving. "
        "Dagelijks uitvoeren."
    )

    def handle(self, *args, **options):
        dagen = settings.HVK_HERINNERING_DAGEN
        if dagen <= 0:
            self.stdout.write(gettext("Herinneringen staan uit (HVK_HERINNERING_DAGEN is 0)."))
            return
        aantal = herinneringen_versturen()
        self.stdout.write(
            ngettext(
                "%(aantal)s herinnering klaargezet (momenten binnen %(dagen)s dagen).",
                "%(aantal)s herinneringen klaargezet (momenten binnen %(dagen)s dagen).",
                aantal,
            )
            % {"aantal": aantal, "dagen": dagen}
        )

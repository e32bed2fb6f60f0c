from django.conf import settings
from django.core.management.base import BaseCommand

from communicatie import nieuwsbrief


class Command(BaseCommand):
    help = (
        "Wist de inschrijvingen voor de nieuwsbrief die niet bevestigd werden binnen "
        "HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN dagen. Dagelijks uitvoeren."
    )

    def handle(self, *args, **options):
        aantal = nieuwsbrief.opruimen()
        self.stdout.write(
            f"{aantal} onbevestigde inschrijvingen voor de nieuwsbrief gewist (ouder dan "
            f"{settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN} dagen)."
        )

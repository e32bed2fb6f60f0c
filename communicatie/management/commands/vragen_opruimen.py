from django.conf import settings
from django.core.management.base import BaseCommand

from communicatie.models import Vraag


class Command(BaseCommand):
    help = (
        "Wist de vragen van inwoners die ouder zijn dan HVK_VRAGEN_BEWAARTERMIJN_DAGEN. "
        "Dagelijks uitvoeren."
    )

    def handle(self, *args, **options):
        aantal, _per_model = Vraag.objects.te_wissen().delete()
        self.stdout.write(
            f"{aantal} vragen gewist (ouder dan {settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN} dagen)."
        )

from auditlog.models import LogEntry
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Wist de regels van het auditlog die ouder zijn dan HVK_AUDIT_BEWAARTERMIJN_DAGEN, en "
        "de regels over gewiste rijen met persoonsgegevens van inwoners (zoals vragen). "
        "Dagelijks uitvoeren, na vragen_opruimen."
    )

    def handle(self, *args, **options):
        dagen = settings.HVK_AUDIT_BEWAARTERMIJN_DAGEN
        grens = timezone.now() - timezone.timedelta(days=dagen)
        oud, _per_model = LogEntry.objects.filter(timestamp__lt=grens).delete()
        self.stdout.write(f"{oud} regels van het auditlog gewist (ouder dan {dagen} dagen).")

        # An entry's label names the resident, so it goes with the row it is about.
        gewist = 0
        for label in settings.HVK_AUDIT_PERSOONSGEGEVENS:
            model = apps.get_model(label)
            bestaand = model._default_manager.values("pk")
            aantal, _per_model = (
                LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
                .exclude(object_id__in=bestaand)
                .delete()
            )
            gewist += aantal
        self.stdout.write(
            f"{gewist} regels van het auditlog gewist over gewiste rijen met persoonsgegevens."
        )

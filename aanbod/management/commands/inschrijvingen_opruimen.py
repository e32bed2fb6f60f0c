from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from aanbod.services import persoonsgegevens_opruimen


class Command(BaseCommand):
    help = (
        "Wist de persoonsgegevens (naam, e-mail, telefoon, opmerking, leeftijden) van "
        "inschrijvingen voor momenten die meer dan HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN "
        "maanden voorbij zijn; de aantallen blijven. Dagelijks uitvoeren."
    )

    def handle(self, *args, **options):
        aantal = persoonsgegevens_opruimen()
        maanden = settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN
        self.stdout.write(
            ngettext(
                "Persoonsgegevens van %(aantal)s inschrijving gewist "
                "(moment meer dan %(maanden)s maanden voorbij).",
                "Persoonsgegevens van %(aantal)s inschrijvingen gewist "
                "(moment meer dan %(maanden)s maanden voorbij).",
                aantal,
            )
            % {"aantal": aantal, "maanden": maanden}
        )

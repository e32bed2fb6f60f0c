"""Import UiTdatabank events from a JSON-LD file or a folder of them (docs/uitdatabank.md)."""

from django.core.management.base import BaseCommand, CommandError

from uitdatabank import importeren


class Command(BaseCommand):
    help = (
        "Leest events uit een UiTdatabank-bestand (JSON-LD) of uit elk .json- en .jsonld-bestand "
        "in een map, en maakt activiteiten aan of werkt ze bij volgens hun UiT-id."
    )

    def add_arguments(self, parser):
        parser.add_argument("pad", help="Een bestand of een map met bestanden.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Alles lezen en controleren, niets bewaren: het verslag zegt wat er zou gebeuren.",
        )

    def handle(self, *args, pad, dry_run=False, **options):
        try:
            verslag = importeren.importeer_pad(pad, proef=dry_run)
        except importeren.BestandFout as fout:
            raise CommandError(str(fout)) from None
        self.stdout.write(verslag.als_tekst())
        if verslag.fouten and not verslag.verwerkt:
            raise CommandError(" ".join(verslag.fouten))

"""Write every published activity as a UiTdatabank event, one JSON-LD file each."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from uitdatabank import export


class Command(BaseCommand):
    help = (
        "Schrijft elke gepubliceerde activiteit als UiTdatabank-event (JSON-LD) naar een map: "
        "één bestand <webadres>.jsonld per activiteit."
    )

    def add_arguments(self, parser):
        parser.add_argument("map", help="De map waarin de bestanden komen (wordt aangemaakt).")

    def handle(self, *args, map, **options):
        doel = Path(map)
        try:
            doel.mkdir(parents=True, exist_ok=True)
        except OSError as fout:
            raise CommandError(f"De map {doel} kan niet aangemaakt worden: {fout}") from None
        geschreven, overgeslagen = 0, []
        for activiteit in export.te_exporteren():
            try:
                data = export.activiteit_als_jsonld(activiteit)
            except export.NietUitTeVoeren as fout:
                overgeslagen.append(f"  {activiteit.titel}: {fout}")
                continue
            (doel / f"{activiteit.slug}.jsonld").write_text(
                json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
            )
            geschreven += 1
        self.stdout.write(f"{geschreven} activiteiten geschreven naar {doel}.")
        if overgeslagen:
            self.stdout.write(f"{len(overgeslagen)} overgeslagen:")
            for regel in overgeslagen:
                self.stdout.write(regel)

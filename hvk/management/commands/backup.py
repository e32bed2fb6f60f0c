"""``manage.py backup``: the database and the uploaded files in one go, with django-dbbackup.

A thin wrapper: ``dbbackup --compress`` and ``mediabackup --compress`` do the work and write to
the storage ``STORAGES["dbbackup"]`` (the folder ``HVK_BACKUP_MAP``). This command runs both,
says which files it wrote and, with ``--bewaar N``, removes all but the N newest of each kind.
See docs/backups.md.
"""

from pathlib import Path

from dbbackup.storage import get_storage
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

SOORTEN = {"db": "database", "media": "media"}


class Command(BaseCommand):
    help = (
        "Maakt een backup van de database en van de geüploade bestanden (MEDIA_ROOT), "
        "gecomprimeerd, in HVK_BACKUP_MAP. Zie docs/backups.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bewaar",
            metavar="N",
            help=(
                "Houd daarna alleen de N nieuwste backups van elke soort (database, media) en "
                "wis de oudere."
            ),
        )

    def handle(self, *args, bewaar=None, verbosity=1, **options):
        aantal = None if bewaar is None else _aantal(bewaar)
        opslag = get_storage()
        voordien = set(bestaande_backups(opslag))
        # A fresh install may have no media folder yet; mediabackup needs one to list.
        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        # dbbackup's own log lines (in English) only with -v 2 and more.
        stil = {"verbosity": max(verbosity - 1, 0)}

        try:
            call_command("dbbackup", compress=True, **stil)
        except Exception as fout:
            raise CommandError(
                f"De backup van de database is mislukt, er is geen nieuwe backup: {fout}"
            ) from fout
        try:
            call_command("mediabackup", compress=True, **stil)
        except Exception as fout:
            nieuw = sorted(set(bestaande_backups(opslag)) - voordien)
            raise CommandError(
                f"De backup van de database is gemaakt ({', '.join(nieuw) or '?'}), die van de "
                f"media (MEDIA_ROOT) is mislukt: {fout}"
            ) from fout

        nieuw = sorted(set(bestaande_backups(opslag)) - voordien)
        self.stdout.write(f"Backup gemaakt in {waar(opslag)}:")
        for naam in nieuw:
            self.stdout.write(f"  {naam}")

        if aantal is not None:
            for soort, label in SOORTEN.items():
                vooraf = set(opslag.list_backups(content_type=soort))
                opslag.clean_old_backups(content_type=soort, keep_number=aantal)
                gewist = len(vooraf - set(opslag.list_backups(content_type=soort)))
                self.stdout.write(f"{label}: de {aantal} nieuwste bewaard, {gewist} oudere gewist.")
        self.stdout.write(self.style.SUCCESS("Backup klaar."))


def bestaande_backups(opslag) -> list[str]:
    """The backup files in the storage (none if its folder does not exist yet)."""
    try:
        return opslag.list_backups()
    except FileNotFoundError:
        return []


def waar(opslag) -> str:
    """Where the backups are, as a person can find them: the folder, or the storage's name."""
    return getattr(opslag.storage, "location", None) or str(opslag)


def _aantal(waarde) -> int:
    tekst = str(waarde).strip()
    if not (tekst.isascii() and tekst.isdigit()) or int(tekst) < 1:
        raise CommandError(f"--bewaar moet een geheel getal van 1 of meer zijn, niet “{tekst}”.")
    return int(tekst)

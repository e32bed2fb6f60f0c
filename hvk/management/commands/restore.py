"""``manage.py restore``: put back the database and the uploaded files from ``manage.py backup``.

A thin wrapper around django-dbbackup's ``dbrestore`` and ``mediarestore``: it picks the newest
backup of each kind (or the ones named), asks for confirmation, restores the database first and
the files second, and says plainly what happened when one of them fails. See docs/backups.md.

The database restore does not leave half a database: PostgreSQL restores with
``pg_restore --single-transaction`` (dbbackup's default), SQLite through
``hvk.backups.SqliteOnlineBackupConnector``.
"""

from datetime import datetime

from dbbackup.storage import StorageError, get_storage
from dbbackup.utils import filename_to_date
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from hvk import paginacache
from hvk.management.commands.backup import waar


class Command(BaseCommand):
    help = (
        "Zet de database en de geüploade bestanden terug uit een backup van `manage.py backup`: "
        "standaard de nieuwste. Vervangt de huidige gegevens. Zie docs/backups.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-bestand",
            metavar="NAAM",
            help="De backup van de database, zoals `backup` hem noemde (standaard de nieuwste).",
        )
        parser.add_argument(
            "--media-bestand",
            metavar="NAAM",
            help=(
                "De backup van de media, zoals `backup` hem noemde (standaard die van dezelfde "
                "backup als de database)."
            ),
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Niet om bevestiging vragen.",
        )

    def handle(
        self,
        *args,
        database_bestand=None,
        media_bestand=None,
        interactive=True,
        verbosity=1,
        **options,
    ):
        opslag = get_storage()
        database_bestand = database_bestand or _nieuwste_database(opslag)
        media_bestand = media_bestand or _bijhorende_media(opslag, database_bestand)
        for naam in (database_bestand, media_bestand):
            if not opslag.storage.exists(naam):
                raise CommandError(f"De backup “{naam}” staat niet in {waar(opslag)}.")

        database = connections[DEFAULT_DB_ALIAS].settings_dict["NAME"]
        if interactive:
            antwoord = input(
                f"Dit vervangt de database {database} en de geüploade bestanden door de backup\n"
                f"  {database_bestand}\n  {media_bestand}\n"
                f"uit {waar(opslag)}. Wat sindsdien veranderde, gaat verloren. Stop eerst de "
                "website en de worker.\nTyp “ja” om verder te gaan: "
            )
            if antwoord.strip().lower() != "ja":
                self.stdout.write("Afgebroken: er is niets teruggezet.")
                return

        stil = {"verbosity": max(verbosity - 1, 0), "interactive": False}
        try:
            call_command(
                "dbrestore",
                input_filename=database_bestand,
                uncompress=database_bestand.endswith(".gz"),
                **stil,
            )
        except Exception as fout:
            raise CommandError(
                f"Het terugzetten van de database uit {database_bestand} is mislukt: {fout}\n"
                "Het gebeurt in één transactie, dus de database hoort onveranderd te zijn; de "
                "media zijn niet aangeraakt. Controleer of de website werkt, los de fout op en "
                "start `manage.py restore` opnieuw."
            ) from fout
        finally:
            # The database under the connections changed (or was replaced): start afresh.
            connections.close_all()

        try:
            call_command(
                "mediarestore",
                input_filename=media_bestand,
                uncompress=media_bestand.endswith(".gz"),
                replace=True,
                **stil,
            )
        except Exception as fout:
            raise CommandError(
                f"Let op: de database is teruggezet uit {database_bestand}, maar het terugzetten "
                f"van de media uit {media_bestand} is mislukt: {fout}\n"
                "Database en bestanden passen nu niet bij elkaar. Los de fout op en start "
                f"`manage.py restore --database-bestand {database_bestand} "
                f"--media-bestand {media_bestand}` opnieuw (de database nog eens terugzetten "
                "kan geen kwaad)."
            ) from fout

        # Pages stored before the restore show data that is no longer there.
        paginacache.vernieuwen()
        self.stdout.write(f"Teruggezet uit {waar(opslag)}:")
        self.stdout.write(f"  {database_bestand}\n  {media_bestand}")
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                self.style.WARNING(
                    "De backup komt van een oudere versie van het portaal: voer nu "
                    "`manage.py migrate` uit voor je de website weer start."
                )
            )
        connections.close_all()
        self.stdout.write(
            "Wat na de backup gewist werd, staat er weer in: voer de dagelijkse opdrachten uit en "
            "herhaal de wisverzoeken van na de backup (docs/backups.md)."
        )
        self.stdout.write(self.style.SUCCESS("Terugzetten klaar."))


def _nieuwste_database(opslag) -> str:
    """The newest database backup, or a CommandError that says what to do."""
    try:
        return opslag.get_latest_backup(content_type="db")
    except (StorageError, FileNotFoundError) as fout:
        raise CommandError(
            f"Er is geen backup van de database in {waar(opslag)}, dus er is niets teruggezet. "
            "Maak eerst een backup met `manage.py backup`, of zet HVK_BACKUP_MAP op de map met "
            "de backups."
        ) from fout


def _bijhorende_media(opslag, database_bestand: str) -> str:
    """The media backup that `backup` made with this database backup: the first one after it,
    before the next database backup. Without it, a CommandError that says what to do."""
    tijd = filename_to_date(database_bestand)
    if tijd is not None:
        later = [filename_to_date(naam) for naam in opslag.list_backups(content_type="db")]
        grens = min((t for t in later if t > tijd), default=datetime.max)
        media = [
            naam
            for naam in opslag.list_backups(content_type="media")
            if tijd <= filename_to_date(naam) < grens
        ]
        if media:
            return min(media, key=filename_to_date)
    raise CommandError(
        f"Bij de backup van de database {database_bestand} hoort geen backup van de media (die "
        "mislukte of is gewist), dus er is niets teruggezet. Kies er zelf een met "
        "--media-bestand; `manage.py listbackups` toont alle backups."
    )

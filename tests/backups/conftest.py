import sqlite3
from contextlib import closing

import dbbackup.settings
import pytest
from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connection, connections, migrations
from django.db.migrations.loader import MigrationLoader


@pytest.fixture
def backupmap(settings, tmp_path, monkeypatch):
    """The backups of a test go to its own folder (HVK_BACKUP_MAP on a server)."""
    map_ = tmp_path / "backups"
    opties = {"location": str(map_)}
    settings.STORAGES = {
        **settings.STORAGES,
        "dbbackup": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": opties},
    }
    # dbbackup reads STORAGES["dbbackup"] once, when it is imported.
    monkeypatch.setattr(dbbackup.settings, "STORAGE_OPTIONS", opties)
    return map_


@pytest.fixture
def databank(transactional_db, tmp_path):
    """The test's database as a server has it: PostgreSQL as it is, SQLite in a file.

    pytest-django keeps an SQLite test database in memory, whereas a server's is a file that
    the web server and the worker hold open while a restore writes into it. So on SQLite the
    connection points, for the test's duration, at a copy of the migrated test database in a
    file (made with SQLite's backup API); the in-memory one is left alone and comes back after.
    PostgreSQL needs nothing: pg_dump and pg_restore work on the test database like on any other.
    """
    geheugen = connections[DEFAULT_DB_ALIAS]
    if geheugen.vendor != "sqlite" or not geheugen.is_in_memory_db():
        yield geheugen.settings_dict["NAME"]
        return
    bestand = tmp_path / "db.sqlite3"
    geheugen.ensure_connection()
    with closing(sqlite3.connect(bestand)) as doel:
        geheugen.connection.backup(doel)
    schijf = type(geheugen)({**geheugen.settings_dict, "NAME": str(bestand)}, DEFAULT_DB_ALIAS)
    connections[DEFAULT_DB_ALIAS] = schijf
    try:
        yield str(bestand)
    finally:
        schijf.close()
        connections[DEFAULT_DB_ALIAS] = geheugen


@pytest.fixture
def referentiegegevens(databank):
    """The rows that the portal's own data migrations make (languages, target groups, tasks per
    role), which the demo builds on.

    A transactional test empties every table when it ends, these rows too, and pytest-django
    runs the transactional tests one after another; so the data migrations run again here. They
    only add or update what they own (get_or_create, update_or_create), so that is harmless.
    """
    loader = MigrationLoader(connection)
    eigen = {c.label for c in apps.get_app_configs() if "site-packages" not in c.path}
    for (app, _naam), migratie in sorted(loader.disk_migrations.items()):
        if app in eigen:
            for operatie in migratie.operations:
                if isinstance(operatie, migrations.RunPython):
                    operatie.code(apps, None)

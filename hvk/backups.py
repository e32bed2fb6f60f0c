"""The SQLite connector of django-dbbackup for ``manage.py backup`` and ``restore``.

dbbackup writes this class's dotted path next to every backup (``.metadata``) and restores
with it: keep it here.
"""

import sqlite3
from shutil import copyfileobj
from tempfile import NamedTemporaryFile

from dbbackup.db.sqlite import SqliteBackupConnector


class SqliteOnlineBackupConnector(SqliteBackupConnector):
    """dbbackup's SQLite connector, restoring through SQLite's online backup API as well.

    The backup is dbbackup's own: a consistent copy made with the online backup API while the
    site keeps running. dbbackup's restore, however, writes that copy over the database file
    with plain file writes, under every open connection (web server, worker): a process writing
    at that moment can corrupt the file, and a restore that stops halfway leaves half a file.
    Through the backup API the copy goes into the database as one write transaction that
    waits for the other connections' locks, so the restore happens whole or not at all.
    (``DBBACKUP_CONNECTOR_MAPPING`` in settings; dbbackup notes the connector next to each
    backup and restores with the same one.)
    """

    def restore_dump(self, dump):
        with NamedTemporaryFile(suffix=".sqlite3") as kopie:
            copyfileobj(dump, kopie)
            kopie.flush()
            bron = sqlite3.connect(kopie.name)
            try:
                self.connection.ensure_connection()
                bron.backup(self.connection.connection)
            finally:
                bron.close()

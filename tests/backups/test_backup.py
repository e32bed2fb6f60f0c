"""`manage.py backup` and `manage.py restore` (docs/backups.md), on SQLite and PostgreSQL alike.

The round trip restores into the database the test runs on: on PostgreSQL the test database
itself (pg_dump, pg_restore), on SQLite a file (the ``databank`` fixture), as on a server.
"""

import gzip
import time
from io import StringIO

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from communicatie.models import Nieuwsbericht
from gemeenten.models import Thema


def momentopname() -> dict:
    """Per table: its number of rows and its first three rows by pk, as the database holds them."""
    beeld = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        rijen = model._base_manager.order_by("pk")
        beeld[model._meta.db_table] = (rijen.count(), list(rijen.values()[:3]))
    return beeld


def test_restore_zet_database_en_media_terug_zoals_bij_de_backup(
    databank, referentiegegevens, backupmap
):
    call_command("demo", "--ook-in-productie", stdout=StringIO())
    default_storage.save("logos/huis.png", ContentFile(b"\x89PNG het logo"))
    default_storage.save("visienotas/2025.pdf", ContentFile(b"%PDF- de visienota"))
    voor = momentopname()
    gevuld = [tabel for tabel, (aantal, _rijen) in voor.items() if aantal]
    assert len(gevuld) >= 20, gevuld

    uit = StringIO()
    call_command("backup", stdout=uit)
    assert str(backupmap) in uit.getvalue()

    # Changes after the backup: rows deleted, changed and added; a file deleted and one changed.
    eerste_berichten = Nieuwsbericht.objects.order_by("pk").values_list("pk", flat=True)[:2]
    Nieuwsbericht.objects.filter(pk__in=list(eerste_berichten)).delete()
    Thema.objects.filter(pk=Thema.objects.order_by("pk").first().pk).update(beschrijving="anders")
    Thema.objects.create(naam="Na de backup", slug="na-de-backup")
    default_storage.delete("logos/huis.png")
    default_storage.delete("visienotas/2025.pdf")
    default_storage.save("visienotas/2025.pdf", ContentFile(b"%PDF- een andere versie"))
    assert momentopname() != voor

    call_command("restore", "--noinput", stdout=StringIO())

    assert momentopname() == voor
    with default_storage.open("logos/huis.png") as bestand:
        assert bestand.read() == b"\x89PNG het logo"
    with default_storage.open("visienotas/2025.pdf") as bestand:
        assert bestand.read() == b"%PDF- de visienota"


def test_restore_zonder_backup_weigert_in_het_nederlands(backupmap):
    with pytest.raises(CommandError, match="Er is geen backup van de database") as fout:
        call_command("restore", "--noinput")
    assert fout.value.returncode == 1
    assert "manage.py backup" in str(fout.value)


def test_restore_afgebroken_zet_niets_terug(databank, backupmap, monkeypatch):
    call_command("backup", stdout=StringIO())
    Thema.objects.create(naam="Na de backup", slug="na-de-backup")
    monkeypatch.setattr("builtins.input", lambda vraag: "nee")

    uit = StringIO()
    call_command("restore", stdout=uit)

    assert "niets teruggezet" in uit.getvalue()
    assert Thema.objects.filter(slug="na-de-backup").exists()


def test_mislukte_restore_laat_de_database_zoals_hij_was(databank, backupmap):
    call_command("backup", stdout=StringIO())
    (media,) = [pad.name for pad in backupmap.glob("hvk-media-*")]
    Thema.objects.create(naam="Na de backup", slug="na-de-backup")
    voor = momentopname()
    # A "backup" of the database that is no database at all.
    extensie = "sqlite3" if connection.vendor == "sqlite" else "psql.bin"
    kapot = backupmap / f"hvk-default-kapot.{extensie}.gz"
    kapot.write_bytes(gzip.compress(b"geen database"))

    with pytest.raises(CommandError, match=r"terugzetten van de database uit .* is mislukt"):
        call_command(
            "restore",
            "--noinput",
            f"--database-bestand={kapot.name}",
            f"--media-bestand={media}",
            stdout=StringIO(),
        )

    assert momentopname() == voor


def test_restore_weigert_een_backup_zonder_bijhorende_media(databank, backupmap):
    call_command("backup", stdout=StringIO())
    for pad in backupmap.glob("hvk-media-*"):
        pad.unlink()

    with pytest.raises(CommandError, match="hoort geen backup van de media"):
        call_command("restore", "--noinput", stdout=StringIO())


def test_backup_bewaar_2_houdt_de_2_nieuwste_van_elke_soort(databank, backupmap):
    call_command("backup", "--bewaar", "2", stdout=StringIO())
    oudste = {pad.name for pad in backupmap.iterdir()}
    for _keer in range(2):
        time.sleep(1)  # a backup's name carries its time to the second
        call_command("backup", "--bewaar", "2", stdout=StringIO())

    bestanden = sorted(pad.name for pad in backupmap.iterdir())
    databases = [naam for naam in bestanden if naam.startswith("hvk-default-")]
    media = [naam for naam in bestanden if naam.startswith("hvk-media-")]
    # Two database backups, each with dbbackup's .metadata file, and two of the media.
    assert len([naam for naam in databases if not naam.endswith(".metadata")]) == 2
    assert len(databases) == 4
    assert len(media) == 2
    assert all(naam.endswith(".tar.gz") for naam in media)
    assert not oudste & set(bestanden)

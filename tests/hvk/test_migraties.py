from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_er_ontbreken_geen_migraties():
    uitvoer = StringIO()

    call_command("makemigrations", "--check", "--dry-run", stdout=uitvoer)

    assert "No changes detected" in uitvoer.getvalue()

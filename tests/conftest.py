import pytest
from django.conf import settings

from tests.factories import CoordinatorFactory


def pytest_report_header(config):
    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE']} (name {db['NAME']})"


@pytest.fixture
def coordinator(db):
    return CoordinatorFactory()


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files from tests never land in the project's media folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _taken_meteen(settings):
    """Background tasks (mails) run at once in tests, so their mails land in ``mail.outbox``."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

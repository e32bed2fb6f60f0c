import pytest
from django.core.cache import cache

from tests.factories import GebruikerFactory


@pytest.fixture(autouse=True)
def _lege_cache():
    """allauth counts login attempts in the cache; no test inherits another's count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staf_zonder_app(db):
    """A staff member who has not set up an authenticator app yet."""
    return GebruikerFactory(
        email="nieuw@example.org", first_name="Nele", is_staff=True, authenticator_app=False
    )


@pytest.fixture
def zonder_beheer(db):
    """An account without admin rights (a mandataris, say): no two-step login demanded."""
    return GebruikerFactory(email="mandataris@example.org")

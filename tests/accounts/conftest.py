import pytest
from django.core.cache import cache

from tests.factories import GebruikerFactory, GemeenteFactory


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


@pytest.fixture
def snelle_wachtwoorden(settings):
    """For tests that make many accounts: the real hasher's slowness buys nothing there."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def beerse(db):
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@pytest.fixture
def turnhout(db):
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")

import pytest

from tests.factories import GemeenteFactory


@pytest.fixture
def beerse(db):
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@pytest.fixture
def kasterlee(db):
    return GemeenteFactory(naam="Kasterlee", nis_code="13017", slug="kasterlee")


@pytest.fixture
def turnhout(db):
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")

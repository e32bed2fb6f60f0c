import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from hvk.herhaling import lokale_tijd
from tests.factories import GemeenteFactory, MomentFactory


@pytest.fixture(autouse=True)
def _lege_cache():
    """Each test starts with its own count for the API's limit per client."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def turnhout(db):
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


@pytest.fixture
def beerse(db):
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def over(dagen: int, uur: int = 10) -> dt.datetime:
    """A local time ``dagen`` days from today."""
    return lokale_tijd(timezone.localdate() + dt.timedelta(days=dagen), dt.time(uur))


def dag(dagen: int) -> str:
    """The local date ``dagen`` days from today, as the API takes it."""
    return (timezone.localdate() + dt.timedelta(days=dagen)).isoformat()


def moment(activiteit, dagen: int, uur: int = 10, **kwargs):
    begin = over(dagen, uur)
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **kwargs
    )

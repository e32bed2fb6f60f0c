"""Django's Redis cache, but a Redis that is down makes the site slower, never broken.

Everything the portal keeps in the cache can be made again or lives elsewhere too: stored
pages and figures are built anew, sessions are also in the database (``cached_db``), rate
limits start counting again. So when Redis cannot be reached, every cache call answers like a
miss (``get`` gives the default, ``add`` and ``set`` store nothing, ``incr`` finds no key)
instead of raising, and the error is logged. To spare every request the wait for a dead
server, the process then leaves Redis alone for ``PAUZE_SECONDEN`` before it tries again.

Only connection problems are caught: any other Redis error (a wrong command) still raises.
Rate limits (django-ratelimit, allauth) cannot count while Redis is down: they let requests
through rather than refusing every resident (docs: deploy/README.md).
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

PAUZE_SECONDEN = 5.0
STORINGEN = (RedisConnectionError, RedisTimeoutError)

# Until when this process leaves Redis alone (time.monotonic()); shared by all threads.
_pauze_tot = 0.0


def _in_pauze() -> bool:
    return time.monotonic() < _pauze_tot


def _storing(fout: Exception) -> None:
    global _pauze_tot
    _pauze_tot = time.monotonic() + PAUZE_SECONDEN
    logger.warning(
        "cache: Redis does not answer (%s); served without cache for %.0f s",
        fout,
        PAUZE_SECONDEN,
    )


class VeerkrachtigeRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that answers like a miss when Redis is
    unreachable (see the module docstring)."""

    def _probeer(self, methode, bij_storing, *args):
        if _in_pauze():
            return bij_storing()
        try:
            return methode(*args)
        except STORINGEN as fout:
            _storing(fout)
            return bij_storing()

    def get(self, key, default=None, version=None):
        return self._probeer(super().get, lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._probeer(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._probeer(super().has_key, lambda: False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer(super().set, lambda: None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer(super().add, lambda: False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer(super().set_many, lambda: list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._probeer(super().touch, lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._probeer(super().delete, lambda: False, key, version)

    def delete_many(self, keys, version=None):
        return self._probeer(super().delete_many, lambda: None, keys, version)

    def clear(self):
        return self._probeer(super().clear, lambda: None)

    def incr(self, key, delta=1, version=None):
        # As for a key that is not there: callers (rate limits, the page cache's version)
        # already handle the ValueError.
        return self._probeer(super().incr, _geen_sleutel(key), key, delta, version)

    def decr(self, key, delta=1, version=None):
        return self._probeer(super().decr, _geen_sleutel(key), key, delta, version)


def _geen_sleutel(key):
    def verhef():
        raise ValueError(f"Key '{key}' not found (the cache does not answer)")

    return verhef

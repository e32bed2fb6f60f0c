"""HTTP around the API: caching headers with conditional requests, and the limit per client.

Caching: every successful answer gets an ETag computed over its body and
``Cache-Control: public, max-age=HVK_API_CACHE_SECONDEN``; a request whose ``If-None-Match``
names that ETag gets 304 without a body. The ETag hashes what was actually sent, so it changes
exactly when the answer does, including answers that change with the clock alone (a moment
that is over leaves the list) and whichever process served it. There is no Last-Modified:
moments and places have no "changed" time, and the page cache's data version (hvk/paginacache)
only spans processes with a shared cache. The answer is still computed to compare it; what is
saved is the transfer, and with a proxy in front, the request itself for max-age seconds.

Limit: ``HVK_API_PER_MINUUT`` requests per minute per client, counted with django-ratelimit
(the counter the site's forms use, by the same IP address: ``RATELIMIT_IP_META_KEY`` behind a
proxy) in the default cache, and wired in as a django-ninja throttle so that a client over the
limit gets 429 with ``Retry-After``. When the cache does not answer, the limit is off until it
does: the data are public, and a read-only API that refuses everyone helps nobody.
"""

import logging
import threading
from functools import wraps

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django_ratelimit.core import get_usage
from ninja.throttling import BaseThrottle

logger = logging.getLogger(__name__)

LIMIET_GROEP = "opendata.api"


def met_cacheheaders(view):
    """Add the validators and Cache-Control to a view's answer, and answer 304 when it can."""

    @wraps(view)
    def verpakt(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            # An error is about this one request (a limit, a typo): nobody should keep it.
            patch_cache_control(response, no_store=True)
            return response
        patch_cache_control(response, public=True, max_age=settings.HVK_API_CACHE_SECONDEN)
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    return verpakt


class LimietPerClient(BaseThrottle):
    """At most ``HVK_API_PER_MINUUT`` requests a minute from one IP address (0: no limit).

    The setting is read on every request, so a test can change it. ninja keeps one instance for
    all requests and asks ``wait()`` right after ``allow_request()``; the wait is kept per
    thread so that two threads do not mix up each other's.
    """

    def __init__(self):
        self._per_thread = threading.local()

    def allow_request(self, request) -> bool:
        self._per_thread.wachttijd = None
        per_minuut = settings.HVK_API_PER_MINUUT
        if per_minuut <= 0:
            return True
        try:
            gebruik = get_usage(
                request, group=LIMIET_GROEP, key="ip", rate=f"{per_minuut}/m", increment=True
            )
        except Exception:
            # Public data stays readable when the cache is down; the limit is back with it.
            logger.exception("opendata: the limit per client could not be counted")
            return True
        # django-ratelimit says "limit 0" when the cache gave no count: the same case.
        if gebruik is None or not gebruik["should_limit"] or gebruik["limit"] == 0:
            return True
        self._per_thread.wachttijd = max(gebruik["time_left"], 1)
        return False

    def wait(self) -> float | None:
        return getattr(self._per_thread, "wachttijd", None)

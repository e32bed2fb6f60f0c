"""``/healthz``: is this web process able to serve? For load balancers and monitoring.

Checks the database (``SELECT 1``) and the cache (a write and a read of a random key; with
REDIS_URL that is Redis). Answers 200 ``ok`` when both work and 503 when the database fails:
no page can be served without it. A cache that fails gives 200 ``beperkt`` (limited), naming
it: the site still serves without it (hvk/cache.py), only slower, and since every web server
shares the one Redis, a load balancer that took them all out for it would take the site down.
The cause goes to the log only, never into the answer: the endpoint is public.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK = "ok"
FOUT = "fout"
BEPERKT = "beperkt"


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("healthz: the database does not answer")
        return FOUT
    return OK


def _cache() -> str:
    sleutel = f"healthz:{secrets.token_hex(8)}"
    waarde = secrets.token_hex(8)
    try:
        cache.set(sleutel, waarde, timeout=10)
        gelezen = cache.get(sleutel)
        cache.delete(sleutel)
    except Exception:
        logger.exception("healthz: the cache does not answer")
        return FOUT
    if gelezen != waarde:
        logger.error("healthz: the cache did not return the value just written")
        return FOUT
    return OK


@never_cache
@require_safe
def healthz(request):
    onderdelen = {"database": _database(), "cache": _cache()}
    if onderdelen["database"] != OK:
        status = FOUT
    elif onderdelen["cache"] != OK:
        status = BEPERKT
    else:
        status = OK
    return JsonResponse({"status": status, **onderdelen}, status=503 if status == FOUT else 200)

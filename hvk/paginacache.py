"""The page cache: anonymous visitors of the public pages get a stored copy of the page.

Which pages: views marked with :func:`gecached` (home, the gemeente doors, the offer list and
detail, the places, news and static pages, the calendar feeds). Everything else, and every
request that carries a session or a pending message, goes through Django as usual, so a
logged-in person never sees a page from the shared cache, and a cached page never holds a
person's data (a response that sets a cookie is not stored: pages with a form and its CSRF
token stay out by themselves).

Invalidation: every stored page is keyed by a *version*, a number in the cache that is raised
after every committed change to a model of the public apps (signals below). Saving an activity
in the admin therefore shows on the next request, in every process that shares the cache.
Pages that depend on the clock ("open now", "this week") are kept at most
``HVK_PAGINACACHE_SECONDEN`` seconds, 60 by default.

The cache must be shared by all processes for the version to reach them all: with REDIS_URL
the cache is on by default; with the per-process memory cache it is off (a change made by the
task worker would not reach the web process), unless HVK_PAGINACACHE_SECONDEN says otherwise.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import cc_delim_re
from django.utils.translation import get_language_from_request

logger = logging.getLogger(__name__)

VERSIE_SLEUTEL = "hvk:paginacache:versie"
KENMERK = "hvk_paginacache"
# The response header that tells a cached copy from a fresh one (tests, the benchmark).
HEADER = "X-Paginacache"

# Changes to these apps' models can show on a public page ...
PUBLIEKE_APPS = {"gemeenten", "locaties", "aanbod", "communicatie"}
# ... except these, which never do (personal data and counts that only reports show).
NIET_PUBLIEK = {
    "aanbod.bereikcijfer",
    "communicatie.vraag",
    "communicatie.abonnee",
    "communicatie.verzending",
}
# A request carrying one of these cookies is someone's own: it never touches the cache.
PERSOONLIJKE_COOKIES = ("messages",)


def gecached(view):
    """Mark a public view as cacheable for anonymous visitors (the middleware does the rest)."""
    setattr(view, KENMERK, True)
    return view


def _versie() -> int:
    versie = cache.get(VERSIE_SLEUTEL)
    if versie is None:
        # A fresh (or evicted) version starts at the clock, never at a number already used.
        versie = time.time_ns()
        cache.add(VERSIE_SLEUTEL, versie, timeout=None)
        versie = cache.get(VERSIE_SLEUTEL, versie)
    return versie


def vernieuwen() -> None:
    """Make every stored page stale: the next request of each page is built anew."""
    try:
        cache.incr(VERSIE_SLEUTEL)
    except ValueError:
        cache.set(VERSIE_SLEUTEL, time.time_ns(), timeout=None)
    except Exception:
        # A cache that is down holds no pages either; the change itself must not fail.
        logger.exception("paginacache: the version could not be raised")


def bewaard(naam: str, maak, seconden: int = 300):
    """``maak()``, computed once per version of the data and kept up to ``seconden``.

    For a costly part of a page that every visitor shares (the spread of the offer on a door,
    the figures of a report), also for logged-in visitors: it holds no one's own data. Off
    together with the page cache (``HVK_PAGINACACHE_SECONDEN=0``), since it needs the same
    shared cache to learn of changes made by other processes. ``naam`` must name everything
    the result depends on besides the data (a gemeente, a period, the day).
    """
    if settings.HVK_PAGINACACHE_SECONDEN <= 0:
        return maak()
    try:
        sleutel = f"hvk:gegevens:{_versie()}:{naam}"
        waarde = cache.get(sleutel)
    except Exception:
        logger.exception("paginacache: the cache does not answer")
        return maak()
    if waarde is None:
        waarde = maak()
        try:
            cache.set(sleutel, waarde, timeout=seconden)
        except Exception:
            logger.exception("paginacache: %s could not be stored", naam)
    return waarde


def _raakt_publieke_pagina(model) -> bool:
    meta = model._meta
    return meta.app_label in PUBLIEKE_APPS and meta.label_lower not in NIET_PUBLIEK


@receiver(post_save)
@receiver(post_delete)
def _na_wijziging(sender, **kwargs):
    if _raakt_publieke_pagina(sender):
        _na_commit_vernieuwen()


@receiver(m2m_changed)
def _na_koppeling(sender, instance, action, **kwargs):
    if action.startswith("post_") and _raakt_publieke_pagina(type(instance)):
        _na_commit_vernieuwen()


def _na_commit_vernieuwen() -> None:
    """Raise the version once the transaction commits (at once outside a transaction).

    Not before: a request in between could store the old data under the new version.
    """
    transaction.on_commit(vernieuwen)


class PaginacacheMiddleware:
    """Serve and store the marked public pages for anonymous GET requests.

    Sits right after the security and static-file middleware: a page served from the cache
    costs two cache reads and no database query, session or template.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconden = settings.HVK_PAGINACACHE_SECONDEN
        if seconden <= 0 or not self._komt_in_aanmerking(request):
            return self.get_response(request)
        try:
            sleutel = self._sleutel(request)
            bewaard = cache.get(sleutel)
        except DisallowedHost:
            # Django answers that one with its own 400, further down.
            return self.get_response(request)
        except Exception:
            logger.exception("paginacache: the cache does not answer")
            return self.get_response(request)
        if bewaard is not None:
            return self._uit_bewaard(bewaard)
        response = self.get_response(request)
        if self._bewaarbaar(response):
            try:
                cache.set(sleutel, self._bewaar(response), timeout=seconden)
            except Exception:
                logger.exception("paginacache: the page could not be stored")
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _komt_in_aanmerking(request) -> bool:
        if request.method != "GET":
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or any(
            naam in cookies for naam in PERSOONLIJKE_COOKIES
        ):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return getattr(match.func, KENMERK, False)

    @staticmethod
    def _sleutel(request) -> str:
        htmx = request.headers.get("HX-Request") == "true"
        delen = [
            request.get_host(),
            get_language_from_request(request),
            "htmx" if htmx else "",
            request.headers.get("HX-Target", "") if htmx else "",
            request.get_full_path(),
        ]
        vingerafdruk = hashlib.sha256("\n".join(delen).encode()).hexdigest()
        return f"hvk:paginacache:{_versie()}:{vingerafdruk}"

    @staticmethod
    def _bewaarbaar(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        # "Vary: Cookie" alone is no reason to refuse: base.html looks for messages, which
        # touches the session. The request had no session or message cookie (see above), so
        # that session was empty; a page that used a cookie's value for someone (a CSRF token)
        # sets that cookie again and is refused by the check above.
        vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
        if "*" in vary:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(woord in cache_control for woord in ("private", "no-store", "no-cache"))

    @staticmethod
    def _bewaar(response) -> tuple:
        return (response.status_code, response.content, list(response.items()))

    @staticmethod
    def _uit_bewaard(bewaard) -> HttpResponse:
        status, inhoud, headers = bewaard
        response = HttpResponse(inhoud, status=status)
        for naam, waarde in headers:
            response[naam] = waarde
        response[HEADER] = "hit"
        return response

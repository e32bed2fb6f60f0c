"""Error pages for requests Django refuses before the site can look at them, and for errors.

``handler400`` in ``hvk/urls.py``. Django calls it (with ``DEBUG`` off) for every
``SuspiciousOperation``, most often ``DisallowedHost``: a host name that is not in
``ALLOWED_HOSTS``, e.g. a domain that still points at our server, or a typo in a gemeente's own
domain. That visitor gets a 404 that says the address is not ours and links to the main site;
any other refused request gets a 400. Both pages are rendered without the request: no context
processor runs and nothing asks for the host (``request.get_host()`` raises again for an
unknown host), and nothing touches the database.
"""

import sys

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from django.template import loader

# Seconds a browser or client is asked to wait before trying again during an outage.
OPNIEUW_NA_SECONDEN = 10


def slechte_aanvraag(request, exception=None):
    """An unknown host name: 404 with a link to the main site. Anything else: 400."""
    if isinstance(exception, DisallowedHost):
        inhoud = loader.render_to_string("onbekend_adres.html", {"site_url": settings.HVK_SITE_URL})
        return HttpResponseNotFound(inhoud)
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def serverfout(request):
    """``handler500``: the database is unreachable → 503 "try again"; anything else → 500.

    Django calls this while it handles the exception, so ``sys.exc_info()`` holds it. When
    PostgreSQL restarts or the connection drops, no transaction was committed halfway
    (every change is one transaction), so the visitor can safely send the form again: the
    page says so, with ``Retry-After``. The page itself needs no database and no request.
    The error is logged by Django as usual.
    """
    fout = sys.exc_info()[1]
    if isinstance(fout, (OperationalError, InterfaceError)):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(OPNIEUW_NA_SECONDEN)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)

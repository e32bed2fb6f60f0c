"""Error pages for requests Django refuses before the site can look at them.

``handler400`` in ``hvk/urls.py``. Django calls it (with ``DEBUG`` off) for every
``SuspiciousOperation``, most often ``DisallowedHost``: a host name that is not in
``ALLOWED_HOSTS``, e.g. a domain that still points at our server, or a typo in a gemeente's own
domain. That visitor gets a 404 that says the address is not ours and links to the main site;
any other refused request gets a 400. Both pages are rendered without the request: no context
processor runs and nothing asks for the host (``request.get_host()`` raises again for an
unknown host), and nothing touches the database.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest, HttpResponseNotFound
from django.template import loader


def slechte_aanvraag(request, exception=None):
    """An unknown host name: 404 with a link to the main site. Anything else: 400."""
    if isinstance(exception, DisallowedHost):
        inhoud = loader.render_to_string("onbekend_adres.html", {"site_url": settings.HVK_SITE_URL})
        return HttpResponseNotFound(inhoud)
    return HttpResponseBadRequest(loader.render_to_string("400.html"))

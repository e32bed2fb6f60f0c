"""``/.well-known/security.txt`` (RFC 9116): where to report a security problem (SECURITY.md)."""

import datetime as dt

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

# RFC 9116 asks for an expiry less than a year ahead, so that a stale file is noticed.
GELDIG_DAGEN = 180


@require_safe
def security_txt(request):
    """The contact from ``HVK_SECURITY_CONTACT``; 404 while the Huis has not set one."""
    if not settings.HVK_SECURITY_CONTACT:
        raise Http404
    verloopt = timezone.now().replace(microsecond=0) + dt.timedelta(days=GELDIG_DAGEN)
    regels = [
        f"Contact: {settings.HVK_SECURITY_CONTACT}",
        f"Expires: {verloopt.astimezone(dt.UTC).isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri()}",
    ]
    response = HttpResponse("\n".join(regels) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response

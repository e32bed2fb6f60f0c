"""The Content-Security-Policy: one strict policy for the site, a looser one for the admin.

The public pages load scripts, styles, images and fonts only from the portal itself (plus the
map tiles, ``HVK_KAARTTEGELS_URL``, once a resident asks for the map): no inline script or
style, no ``unsafe-inline``, no nonce. A nonce would not fit the page cache anyway (one stored
page would carry the same nonce for every visitor). The brand colours come from
``/huisstijl.css``; data for scripts sits in ``<script type="application/json">`` and JSON-LD
blocks, which are never run.

Django's admin (and the portal's own admin pages) still put ``style`` attributes in their
markup, so ``/admin/`` may use inline styles; its scripts are held to the same rule.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware

# Inline styles are allowed under these path prefixes only.
INLINE_STIJL_TOEGESTAAN = ("/admin/",)


def bron_van(url_sjabloon: str) -> str | None:
    """The origin a URL template loads from, for a CSP source list; None for the site itself.

    ``https://{s}.tile.example.org/{z}/{x}/{y}.png`` gives ``https://*.tile.example.org``.
    """
    delen = urlsplit(url_sjabloon.replace("{s}", "x-sub"))
    if not delen.scheme or not delen.netloc:
        return None
    host = delen.netloc.replace("x-sub", "*")
    return f"{delen.scheme}://{host}"


def beleid(*, kaarttegels_url: str) -> dict:
    """The ``CONTENT_SECURITY_POLICY`` setting of django-csp."""
    tegels = bron_van(kaarttegels_url)
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": [SELF, "data:", *([tegels] if tegels else [])],
            "font-src": [SELF],
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }


class Middleware(CSPMiddleware):
    """django-csp's middleware, with inline styles allowed in the admin only."""

    def get_policy_parts(self, request, response, report_only=False):
        delen = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(INLINE_STIJL_TOEGESTAAN) and not report_only:
            delen.update = {**(delen.update or {}), "style-src": ["'unsafe-inline'"]}
        return delen

"""Which packaged static files ``collectstatic`` collects (``STATICFILES_FINDERS``).

django-ninja ships Swagger UI, which ``/api/v1/docs`` serves from our own static files (no
CDN), and also Redoc and source maps: 6 MB that nothing loads and that ``collectstatic`` would
otherwise compress (gzip and Brotli, two copies each), which cost about a minute on every
deploy, CI run and benchmark. The stylesheet's own map stays: the stylesheet names it, and the
manifest storage checks that it exists.

A finder, not a subclass of the staticfiles app: ``INSTALLED_APPS`` must name
``django.contrib.staticfiles`` literally, since other code looks for that name (pytest-django
serves static files from its live server only then).
"""

from django.contrib.staticfiles.finders import AppDirectoriesFinder

NIET_VERZAMELEN = [
    "ninja/redoc.standalone.js*",
    "ninja/swagger-ui-bundle.js.map",
]


class AppVinder(AppDirectoriesFinder):
    """Django's finder of the apps' ``static/`` folders, leaving out ``NIET_VERZAMELEN``."""

    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *NIET_VERZAMELEN])

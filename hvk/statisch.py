"""Django's staticfiles app, configured (its own module: hvk/apps.py keeps one AppConfig)."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class StatischeBestandenConfig(StaticFilesConfig):
    """Django's staticfiles, without the files of django-ninja that the API docs never load.

    ``/api/v1/docs`` uses Swagger UI from django-ninja's static files (no CDN). The package
    also ships Redoc and source maps: 6 MB that ``collectstatic`` would otherwise compress
    (gzip and Brotli, two copies each), which cost about a minute on every deploy, CI run and
    benchmark. The stylesheet's own map stays: the stylesheet names it, and the manifest
    storage checks that it exists.
    """

    ignore_patterns = [
        *StaticFilesConfig.ignore_patterns,
        "ninja/redoc.standalone.js*",
        "ninja/swagger-ui-bundle.js.map",
    ]

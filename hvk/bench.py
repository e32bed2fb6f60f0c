"""The bare view of `make bench` (docs/bench.md), routed only when ``HVK_BENCH`` is on.

It does no work of its own, so its throughput through the same gunicorn, settings and
middleware is the ceiling every page of the benchmark is compared with.
"""

from django.http import HttpResponse


def kaal(request):
    return HttpResponse("ok", content_type="text/plain")

"""A gemeente's own host name serves its door: huisvanhetkind-beerse.be/ shows /beerse/.

Only the start page ("/") changes: every other path works as on the main site. The door
served this way carries a canonical link to the main URL (``https://<HVK_HOOFDDOMEIN>/<slug>/``)
so search engines index one page, not two. The host must also be in ``ALLOWED_HOSTS``; Django
refuses unknown hosts before this middleware runs.
"""

from django.http.request import split_domain_port

from communicatie.models import Domein
from communicatie.views.publiek import deur_op_eigen_domein


def gemeente_voor_host(host: str):
    """The gemeente whose Domein matches ``host`` (port and a leading "www." ignored), or None."""
    domein, _poort = split_domain_port(host)
    if not domein:
        return None
    namen = {domein, domein.removeprefix("www.")}
    gevonden = Domein.objects.select_related("gemeente").filter(hostnaam__in=namen).first()
    return gevonden.gemeente if gevonden else None


class GemeenteDomeinMiddleware:
    """Serve the door of the gemeente that owns the request's host name at "/".

    One query, only for requests to the start page; every other request costs nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name != "home":
            return None
        # CommonMiddleware has already validated the host against ALLOWED_HOSTS.
        gemeente = gemeente_voor_host(request.get_host())
        if gemeente is None:
            return None
        return deur_op_eigen_domein(request, gemeente)

"""Who may read the reports: mandatarissen, coordinators and gemeente staff, nobody else.

A visitor who is not logged in is sent to the login page; a logged-in person with another
role (a partner) gets 403. The decision is made here only, for every report view.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

ROLLEN_MET_RAPPORTEN = {"coordinator", "medewerker", "mandataris"}


def mag_rapporten_zien(gebruiker) -> bool:
    if not gebruiker.is_authenticated or not gebruiker.is_active:
        return False
    return gebruiker.is_superuser or getattr(gebruiker, "rol", None) in ROLLEN_MET_RAPPORTEN


def eigen_gemeente_ids(gebruiker) -> list[int]:
    """The gemeenten a mandataris or medewerker acts for: shown first in every report."""
    if not gebruiker.is_authenticated or not hasattr(gebruiker, "gemeenten"):
        return []
    return list(gebruiker.gemeenten.values_list("pk", flat=True))


def rapport_toegang(view):
    @wraps(view)
    def gecontroleerd(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not mag_rapporten_zien(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return gecontroleerd

"""What the portal asks of staff (``is_staff``): two-step login and sessions that end soon.

Residents and other accounts are left alone: both middlewares look at staff only.
"""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext

# When the staff member's sliding expiry was last pushed forward (seconds since the epoch).
LAATST_VERLENGD = "hvk_staf_laatst_verlengd"
# Pushing the expiry forward writes the session; once a minute is often enough.
VERLENGEN_NA_SECONDEN = 60


def _is_staf(user) -> bool:
    return user.is_authenticated and user.is_staff


def staf_sessie_minuten() -> int:
    return settings.HVK_STAF_SESSIE_MINUTEN


def staf_sessie_starten(sender, request, user, **kwargs):
    """On login (``user_logged_in``): a staff member's session ends after inactivity.

    Setting it here, where the session is written anyway, spares the first request a write.
    """
    if user.is_staff and hasattr(request, "session"):
        request.session.set_expiry(staf_sessie_minuten() * 60)
        request.session[LAATST_VERLENGD] = int(time.time())


class StafSessieMiddleware:
    """A staff member's session ends ``HVK_STAF_SESSIE_MINUTEN`` after their last request.

    Each request pushes the expiry forward (sliding expiry), at most once a minute, so a session
    ends between one minute before and exactly that many minutes after the last request. The
    expiry also replaces the login form's "remember me", which is meant for other accounts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _is_staf(request.user):
            seconden = staf_sessie_minuten() * 60
            nu = int(time.time())
            sessie = request.session
            if (
                sessie.get("_session_expiry") != seconden
                or nu - sessie.get(LAATST_VERLENGD, 0) >= VERLENGEN_NA_SECONDEN
            ):
                sessie.set_expiry(seconden)
                sessie[LAATST_VERLENGD] = nu
        return self.get_response(request)


class TweestapsVerplichtMiddleware:
    """Staff reach the admin only once they have an authenticator app (TOTP) set up.

    Any admin page (logout excepted) sends a staff member without one to allauth's page that
    sets it up, with a message that says why. Everything outside the admin (allauth's pages
    under /accounts/, static files, the public site) stays reachable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._moet_eerst_instellen(request):
            messages.warning(
                request,
                gettext(
                    "Het beheer vraagt aanmelden in twee stappen: naast je wachtwoord een code "
                    "van een authenticator-app op je gsm. Stel die app eerst in; daarna kom je "
                    "in het beheer."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    def _moet_eerst_instellen(self, request) -> bool:
        if not _is_staf(request.user):
            return False
        if not request.path.startswith(reverse("admin:index")):
            return False
        if request.path == reverse("admin:logout"):
            return False
        # Loaded with the person by accounts.backends.GebruikerBackend; else ask.
        heeft_app = getattr(request.user, "heeft_authenticator_app", None)
        if heeft_app is None:
            heeft_app = is_mfa_enabled(request.user, [Authenticator.Type.TOTP])
        return not heeft_app

from allauth.mfa.models import Authenticator
from django.contrib.auth.backends import ModelBackend
from django.db.models import Exists, OuterRef

from accounts.models import Gebruiker


class GebruikerBackend(ModelBackend):
    """Django's own backend; it loads the logged-in person with whether they have an
    authenticator app.

    The admin asks that of every staff request (``accounts.middleware``); answering it in the
    query that loads the person anyway costs nothing extra and is never stale.
    """

    def get_user(self, user_id):
        heeft_app = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        try:
            gebruiker = Gebruiker._default_manager.annotate(
                heeft_authenticator_app=Exists(heeft_app)
            ).get(pk=user_id)
        except Gebruiker.DoesNotExist:
            return None
        return gebruiker if self.user_can_authenticate(gebruiker) else None

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from communicatie.models import Huisstijl


class GeslotenAccountAdapter(DefaultAccountAdapter):
    """No open sign-up: a coordinator creates every account and invites the person."""

    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        # Staff log in to manage the Huis: straight to the admin (which asks for two-step
        # login first, if not set up yet), unless a ?next= says otherwise.
        if request.user.is_staff:
            return reverse("admin:index")
        # A mandataris logs in to read the reports.
        if request.user.rol == request.user.Rol.MANDATARIS:
            return reverse("rapportages:overzicht")
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix, email, context):
        # allauth's mails (password reset) sign with the Huis's name, not the host name.
        super().send_mail(template_prefix, email, {"huis": Huisstijl.huidige().naam, **context})

    def format_email_subject(self, subject):
        return f"{Huisstijl.huidige().naam}: {subject}"

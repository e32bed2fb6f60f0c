from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Gebruikers")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts.middleware import staf_sessie_starten

        user_logged_in.connect(staf_sessie_starten, dispatch_uid="accounts.staf_sessie_starten")

from allauth.mfa.models import Authenticator
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.admin_persoonsgegevens import aanhaken as persoonsgegevens_aanhaken
from accounts.forms import GebruikerChangeForm, GebruikerCreationForm
from accounts.models import Gebruiker
from accounts.services import UitnodigingFout, uitnodigen

SOORTEN = {
    Authenticator.Type.TOTP: _("authenticator-app"),
    Authenticator.Type.RECOVERY_CODES: _("herstelcodes"),
    Authenticator.Type.WEBAUTHN: _("beveiligingssleutel"),
}


class AuthenticatorVelden:
    """What the admin shows of an authenticator: never its secret (``data``)."""

    fields = ["soort", "ingesteld", "laatst_gebruikt"]
    readonly_fields = fields

    @admin.display(description=_("soort"), ordering="type")
    def soort(self, obj):
        return SOORTEN.get(obj.type, obj.type)

    @admin.display(description=_("ingesteld"), ordering="created_at")
    def ingesteld(self, obj):
        return obj.created_at

    @admin.display(description=_("laatst gebruikt"), ordering="last_used_at")
    def laatst_gebruikt(self, obj):
        return obj.last_used_at


class AuthenticatorInline(AuthenticatorVelden, admin.TabularInline):
    """A person's two-step login, to remove when they lose their phone (docs/accounts.md).

    Read-only: an authenticator is set up by the person themselves.
    """

    model = Authenticator
    extra = 0
    verbose_name = _("aanmelden in twee stappen")
    verbose_name_plural = _("aanmelden in twee stappen")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Gebruiker)
class GebruikerAdmin(UserAdmin):
    form = GebruikerChangeForm
    add_form = GebruikerCreationForm
    # Django's own asks for a username and password first; this one has everything at once.
    add_form_template = None
    ordering = ["email"]
    list_display = [
        "email",
        "naam",
        "rol",
        "is_active",
        "heeft_wachtwoord",
        "heeft_authenticator_app",
        "last_login",
    ]
    list_filter = ["rol", "is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    autocomplete_fields = ["gemeenten", "partner"]
    actions = ["uitnodiging_sturen"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Persoon"), {"fields": ["first_name", "last_name"]}),
        (_("Rol"), {"fields": ["rol", "gemeenten", "partner"]}),
        (
            _("Rechten"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Belangrijke datums"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "description": _(
                    "Geen wachtwoord nodig: de persoon kiest het zelf via de uitnodiging. Wie "
                    "in het beheer werkt, stelt daarna het aanmelden in twee stappen in."
                ),
                "fields": [
                    "email",
                    "first_name",
                    "last_name",
                    "rol",
                    "gemeenten",
                    "partner",
                    "uitnodiging_sturen",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        heeft_app = Authenticator.objects.filter(user=OuterRef("pk"), type=Authenticator.Type.TOTP)
        return super().get_queryset(request).annotate(heeft_authenticator_app=Exists(heeft_app))

    def get_inlines(self, request, obj):
        return [AuthenticatorInline] if obj else []

    @admin.display(description=_("naam"), ordering="last_name")
    def naam(self, obj):
        return obj.get_full_name()

    @admin.display(boolean=True, description=_("wachtwoord gekozen"))
    def heeft_wachtwoord(self, obj):
        return obj.has_usable_password()

    @admin.display(boolean=True, description=_("twee stappen"), ordering="heeft_authenticator_app")
    def heeft_authenticator_app(self, obj):
        return obj.heeft_authenticator_app

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and form.cleaned_data.get("uitnodiging_sturen"):
            self._uitnodigen(request, [obj])

    @admin.action(description=_("Uitnodiging sturen"), permissions=["change"])
    def uitnodiging_sturen(self, request, queryset):
        self._uitnodigen(request, queryset)

    def _uitnodigen(self, request, gebruikers):
        verstuurd = 0
        for gebruiker in gebruikers:
            try:
                uitnodigen(gebruiker=gebruiker, door=request.user, request=request)
            except UitnodigingFout as fout:
                self.message_user(request, str(fout), messages.ERROR)
            else:
                verstuurd += 1
        if verstuurd:
            self.message_user(
                request,
                ngettext(
                    "Uitnodiging verstuurd naar %(aantal)d persoon.",
                    "Uitnodiging verstuurd naar %(aantal)d personen.",
                    verstuurd,
                )
                % {"aantal": verstuurd},
                messages.SUCCESS,
            )


# allauth's own admin for authenticators shows their secrets and a raw user id; this one shows
# who and what, and only lets a coordinator remove one (a lost phone: docs/accounts.md).
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(AuthenticatorVelden, admin.ModelAdmin):
    list_display = ["persoon", "soort", "ingesteld", "laatst_gebruikt"]
    list_filter = ["type"]
    list_select_related = ["user"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    fields = ["persoon", *AuthenticatorVelden.fields]
    readonly_fields = fields

    @admin.display(description=_("persoon"), ordering="user__email")
    def persoon(self, obj):
        return f"{obj.user} <{obj.user.email}>" if obj.user.get_full_name() else obj.user.email

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# A resident's personal data by e-mail address, for GDPR requests (docs/persoonsgegevens.md).
persoonsgegevens_aanhaken(admin.site)

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import encrypt

from accounts.models import Gebruiker

DEMO_EMAIL = "coordinator@demo.example"
DEMO_WACHTWOORD = "demo-huis-van-het-kind"
# The demo coordinator's authenticator-app key. Public, like the password: demo only.
DEMO_TOTP_SLEUTEL = "DEMOHVKDEMOHVKDEMOHVKDEMOHVKDEMO"


def laad():
    gebruiker, _ = Gebruiker.objects.get_or_create(email=DEMO_EMAIL)
    gebruiker.first_name = "Demo"
    gebruiker.last_name = "Coördinator"
    gebruiker.is_staff = True
    gebruiker.is_superuser = True
    gebruiker.is_active = True
    gebruiker.set_password(DEMO_WACHTWOORD)
    gebruiker.save()
    # Staff reach the admin only with two-step login; the demo's key is fixed and printed.
    Authenticator.objects.update_or_create(
        user=gebruiker,
        type=Authenticator.Type.TOTP,
        defaults={"data": {"secret": encrypt(DEMO_TOTP_SLEUTEL)}},
    )
    return [
        "Demo-login voor het beheer (http://127.0.0.1:8000/admin/):",
        f"  e-mail:     {DEMO_EMAIL}",
        f"  wachtwoord: {DEMO_WACHTWOORD}",
        "  tweede stap: een code uit een authenticator-app (bv. FreeOTP, Google of Microsoft",
        "  Authenticator). Voeg in de app handmatig een account toe met deze sleutel (op tijd",
        f"  gebaseerd, 6 cijfers): {DEMO_TOTP_SLEUTEL}",
        "  Alleen voor de demo: deze sleutel en dit wachtwoord staan in de code, gebruik ze",
        "  nooit voor een echt account.",
    ]

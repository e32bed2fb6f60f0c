from accounts.models import Gebruiker

DEMO_EMAIL = "coordinator@demo.example"
DEMO_WACHTWOORD = "demo-huis-van-het-kind"


def laad():
    gebruiker, _ = Gebruiker.objects.get_or_create(email=DEMO_EMAIL)
    gebruiker.first_name = "Demo"
    gebruiker.last_name = "Coördinator"
    gebruiker.is_staff = True
    gebruiker.is_superuser = True
    gebruiker.is_active = True
    gebruiker.set_password(DEMO_WACHTWOORD)
    gebruiker.save()
    return [
        "Demo-login voor het beheer (http://127.0.0.1:8000/admin/):",
        f"  e-mail:     {DEMO_EMAIL}",
        f"  wachtwoord: {DEMO_WACHTWOORD}",
    ]

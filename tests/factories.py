import factory
from factory.django import DjangoModelFactory

from accounts.models import Gebruiker
from gemeenten.models import Gemeente

# Real Flemish NIS codes, so that factory-made gemeenten pass the register check.
VLAAMSE_GEMEENTEN = [
    ("Turnhout", "13040"),
    ("Beerse", "13004"),
    ("Kasterlee", "13017"),
    ("Oud-Turnhout", "13031"),
    ("Vosselaar", "13046"),
    ("Schoten", "11040"),
    ("Zoersel", "11055"),
    ("Malle", "11057"),
]


class GemeenteFactory(DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["nis_code"]

    naam = factory.Iterator([g[0] for g in VLAAMSE_GEMEENTEN])
    nis_code = factory.Iterator([g[1] for g in VLAAMSE_GEMEENTEN])
    slug = factory.LazyAttribute(lambda o: o.naam.lower())
    inwoners = 15_000
    kinderen_0_3 = 450
    kinderen_0_12 = 1_900
    bevolking_peiljaar = 2025
    kansarmoede_index = "8.5"
    kansarmoede_jaar = 2024


class GebruikerFactory(DjangoModelFactory):
    class Meta:
        model = Gebruiker
        django_get_or_create = ["email"]

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    password = factory.django.Password("een-goed-wachtwoord")


class CoordinatorFactory(GebruikerFactory):
    email = factory.Sequence(lambda n: f"coordinator{n}@example.org")
    is_staff = True
    is_superuser = True

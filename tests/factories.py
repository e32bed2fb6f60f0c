import datetime
from decimal import Decimal

import factory
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
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
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    password = factory.django.Password("een-goed-wachtwoord")

    @factory.post_generation
    def authenticator_app(self, create, extracted, **kwargs):
        """Staff have an authenticator app set up, as the admin demands (accounts.middleware).

        ``GebruikerFactory(is_staff=True, authenticator_app=False)`` makes one who has not.
        """
        gewenst = self.is_staff if extracted is None else extracted
        if not (create and gewenst):
            return
        if not Authenticator.objects.filter(user=self, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(self, generate_totp_secret())


class CoordinatorFactory(GebruikerFactory):
    email = factory.Sequence(lambda n: f"coordinator{n}@example.org")
    is_staff = True
    is_superuser = True


class ThemaFactory(DjangoModelFactory):
    class Meta:
        model = "gemeenten.Thema"
        django_get_or_create = ["slug"]

    naam = factory.Sequence(lambda n: f"thema {n}")
    slug = factory.LazyAttribute(lambda o: o.naam.lower().replace(" ", "-").replace("/", "-"))


class VisienotaFactory(DjangoModelFactory):
    class Meta:
        model = "gemeenten.Visienota"

    gemeente = factory.SubFactory(GemeenteFactory)
    periode_start = datetime.date(2025, 1, 1)
    periode_einde = datetime.date(2030, 12, 31)
    verwachtingen = "Een aanspreekpunt in de eigen gemeente."
    doelen = "Meer gezinnen bereiken."
    uren_per_jaar = Decimal("1200")
    budget_per_jaar = Decimal("25000")


class InzetFactory(DjangoModelFactory):
    class Meta:
        model = "gemeenten.Inzet"

    persoon = "An Peeters"
    gemeente = factory.SubFactory(GemeenteFactory)
    jaar = 2026
    maand = 1
    uren = Decimal("100")
    omschrijving = "Coördinatie"


class OrgaanFactory(DjangoModelFactory):
    class Meta:
        model = "gemeenten.Orgaan"

    naam = factory.Sequence(lambda n: f"Overleg {n}")
    soort = "stuurgroep"


class WerkgroepFactory(OrgaanFactory):
    soort = "werkgroep"
    thema = factory.SubFactory(ThemaFactory)


class LidFactory(DjangoModelFactory):
    class Meta:
        model = "gemeenten.Lid"

    orgaan = factory.SubFactory(OrgaanFactory)
    naam = factory.Sequence(lambda n: f"Lid {n}")
    gemeente = factory.SubFactory(GemeenteFactory)
    van = datetime.date(2025, 1, 1)


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = "gemeenten.Partner"

    naam = factory.Sequence(lambda n: f"Partner {n}")
    soort = "caw"


class LocatieFactory(DjangoModelFactory):
    class Meta:
        model = "locaties.Locatie"

    naam = factory.Sequence(lambda n: f"Plek {n}")
    slug = factory.Sequence(lambda n: f"plek-{n}")
    soort = "fysiek"
    gemeente = factory.SubFactory(GemeenteFactory)
    straat = "Markt 1"
    postcode = "2300"
    plaats = "Turnhout"
    breedtegraad = Decimal("51.322300")
    lengtegraad = Decimal("4.944800")


class OpeningsuurFactory(DjangoModelFactory):
    class Meta:
        model = "locaties.Openingsuur"

    locatie = factory.SubFactory(LocatieFactory)
    weekdag = 0
    begin = datetime.time(9)
    einde = datetime.time(12)


class UitzonderingFactory(DjangoModelFactory):
    class Meta:
        model = "locaties.Uitzondering"

    locatie = factory.SubFactory(LocatieFactory)
    van = datetime.date(2026, 12, 25)
    omschrijving = "Kerstmis"


class MobielHuisFactory(LocatieFactory):
    naam = factory.Sequence(lambda n: f"Babybus {n}")
    slug = factory.Sequence(lambda n: f"babybus-{n}")
    soort = "mobiel"
    straat = ""
    postcode = ""
    plaats = ""
    breedtegraad = None
    lengtegraad = None


class HalteFactory(DjangoModelFactory):
    class Meta:
        model = "locaties.Halte"

    mobiel_huis = factory.SubFactory(MobielHuisFactory)
    naam = factory.Sequence(lambda n: f"Halte {n}")
    gemeente = factory.SubFactory(GemeenteFactory)
    straat = "Dorp 1"
    postcode = "2340"
    plaats = "Beerse"


class HalteschemaFactory(DjangoModelFactory):
    class Meta:
        model = "locaties.Halteschema"

    halte = factory.SubFactory(HalteFactory)
    frequentie = "maandelijks"
    weekdag = 1
    week_van_de_maand = 2
    begintijd = datetime.time(9)
    eindtijd = datetime.time(12)
    geldig_van = datetime.date(2026, 1, 1)


class ActiviteitFactory(DjangoModelFactory):
    class Meta:
        model = "aanbod.Activiteit"
        skip_postgeneration_save = True

    titel = factory.Sequence(lambda n: f"Activiteit {n}")
    slug = factory.Sequence(lambda n: f"activiteit-{n}")
    pijler = "ontmoeting"
    bereik = "regionaal"
    locatie = factory.SubFactory(LocatieFactory)

    @factory.post_generation
    def gemeenten(self, create, extracted, **kwargs):
        if create and extracted:
            self.gemeenten.set(extracted)


class MomentFactory(DjangoModelFactory):
    class Meta:
        model = "aanbod.Moment"

    activiteit = factory.SubFactory(ActiviteitFactory)
    begin = factory.LazyFunction(lambda: datetime.datetime(2026, 12, 2, 9, 30, tzinfo=datetime.UTC))
    einde = factory.LazyAttribute(lambda o: o.begin + datetime.timedelta(hours=2))


class ReeksFactory(DjangoModelFactory):
    class Meta:
        model = "aanbod.Reeks"

    activiteit = factory.SubFactory(ActiviteitFactory)
    frequentie = "wekelijks"
    weekdag = 2
    begintijd = datetime.time(9, 30)
    eindtijd = datetime.time(11)
    geldig_van = datetime.date(2026, 1, 1)


class InschrijvingFactory(DjangoModelFactory):
    class Meta:
        model = "aanbod.Inschrijving"

    moment = factory.SubFactory(MomentFactory)
    volwassenen = 1
    kinderen = factory.LazyAttribute(lambda o: len(o.leeftijden))
    leeftijden = factory.LazyFunction(lambda: [30])
    naam = factory.Sequence(lambda n: f"Gezin {n}")
    email = factory.Sequence(lambda n: f"gezin{n}@example.org")

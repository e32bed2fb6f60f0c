"""The demo at scale: ``manage.py demo --scale N`` for load tests and page-speed checks.

On top of the normal demo, N *blocks* of generated offer are added. Every block holds exactly
1,000 activities with exactly 20,000 moments, spread from three years ago to the horizon
(``HVK_HORIZON_DAGEN`` ahead), over the demo's places, gemeenten, partners, themes, target
groups and all three pillars, local and regional. 680 of the 1,000 activities take
registrations (8,720 of the moments): series of lessons, lectures, workshops, play groups
and crafts per session; the rest is walk-in (consultations, play groups, walk-in mornings,
the opvoedingswinkel, reading sessions, parents' cafés), of which about 3% of the moments are
cancelled. A block holds exactly ``INSCHRIJVINGEN_PER_BLOK`` (50,273) registrations; the
anonymous reach (``Bereikcijfer``) is counted from them by the registration service's own
rule (``Inschrijving.personen_per_groep``: one row per moment, gemeente of residence and age
band), which gives some 54,000 rows per block. Since the reach only counts registrations,
reaching 50,000 reach rows per block takes about as many registrations.

What a resident and a coordinator see is what the real services would have left:

- Seats never exceed the capacity. Registration units (a whole series, or one session) are
  filled in turn (``VULLINGEN``): full with a waiting list, three quarters, half, a fifth…, so
  the coming moments show every state. A family on a waiting list only exists where the
  moment is full; a family that cancelled (its rows in the reach went back to zero, as
  ``annuleren`` leaves them) only where there was room.
- Past confirmed registrations are ticked present (mostly), absent, or not at all, and the
  reach counts who was present. Reminders carry the time the daily job would have sent them.
- Registrations for moments that ended longer than ``HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN``
  ago look as ``persoonsgegevens_opruimen`` leaves them: the fields of
  ``PERSOONSGEGEVENS`` emptied and ``gewist_op`` set to the night the job would have run. A few
  families withdrew earlier (``gegevens_wissen``): cancelled and erased at once.

Generated rows are recognisable by the web address of their activity: it starts with
``schaal-`` (the titles read like real offer, "Babymassage Beerse 137"). Loading again deletes
every generated row and makes them anew, relative to today, like the rest of the demo; N=1
only deletes them, which leaves the normal demo. Deleting and adding use single statements
and ``bulk_create``: no model signals, so no audit entries and no page-cache signal per row
(the page cache is renewed once, after the commit, and the tables' planner statistics at
the end).

The random choices come from generators seeded per block, and no draw depends on today's
date, so each block, and with it every count, is the same on every run.
"""

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as rd_weekday
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from aanbod.models import Activiteit, Bereikcijfer, Doelgroep, Inschrijving, Moment, Pijler, Reeks
from aanbod.models.inschrijving import MAX_VOLWASSENEN
from aanbod.services.inschrijvingen import PERSOONSGEGEVENS
from aanbod.services.komend import komend_begin_bijwerken
from gemeenten.models import Gemeente, Partner, Thema
from hvk import paginacache
from hvk.herhaling import Weekdag, horizon, lokale_tijd
from locaties.demo import feestdagen, kerstvakantie
from locaties.models import Locatie, Taal

VOORVOEGSEL = "schaal-"
JAREN_GESCHIEDENIS = 3
BATCH = 2_000

MA, DI, WO, DO, VR, ZA = (
    Weekdag.MAANDAG,
    Weekdag.DINSDAG,
    Weekdag.WOENSDAG,
    Weekdag.DONDERDAG,
    Weekdag.VRIJDAG,
    Weekdag.ZATERDAG,
)
WEKELIJKS, TWEEWEKELIJKS, MAANDELIJKS = 7, 14, "maandelijks"
OPGROEIEN = "Opgroeien (Kind en Gezin)"
GEZIN, PERSOON = Activiteit.PlaatsenPer.GEZIN, Activiteit.PlaatsenPer.PERSOON
# Kinds of place a formula may use (tuples of ``Locatie.Soort``); the mobile house takes none.
HUIS = (Locatie.Soort.CENTRAAL_HUIS, Locatie.Soort.FYSIEK_HUIS)
ANTENNE = (Locatie.Soort.ANTENNE,)
ONTMOETING = (Locatie.Soort.ONTMOETINGSPLEK,)
ONLINE = (Locatie.Soort.VIRTUEEL,)


@dataclass(frozen=True)
class Inschrijven:
    """How a formula takes registrations."""

    capaciteit: int
    per: str = GEZIN
    # True: a family registers for every lesson of the series (like the demo's baby massage);
    # False: each session has its own families.
    reeks: bool = True
    # Seats a family takes on average when seats count per person.
    gezinsgrootte: float = 2.5


@dataclass(frozen=True)
class Formule:
    """A kind of offer the generator makes many activities of, e.g. a baby-massage series.

    ``titel`` and ``beschrijving`` may use ``{plaats}``, ``{plek}`` and ``{nr}``; ``aantal``
    activities per block, each with ``momenten`` moments every ``ritme`` (days, or monthly).
    """

    titel: str
    samenvatting: str
    beschrijving: str
    pijler: str
    themas: tuple[str, ...]
    doelgroepen: tuple[str, ...]
    leeftijd: tuple[int | None, int | None]
    talen: tuple[str, ...]
    partners: tuple[str, ...]
    plekken: tuple[str, ...]  # kinds of place (Locatie.Soort)
    aantal: int
    momenten: int
    weekdagen: tuple[int, ...]
    uren: tuple[tuple[str, str], ...]
    ritme: int | str = WEKELIJKS
    inschrijven: Inschrijven | None = None  # None: walk-in
    kinderen: tuple[int, int] = (1, 2)  # how many children a registering family brings
    prijs: str = "0"
    sociaal_tarief: str | None = None
    uitpas: bool = False
    lokaal: float = 0.3  # the share of its activities that is local, not regional


FORMULES = (
    # --- With registration: 680 activities, 8,720 moments per block ------------------------
    Formule(
        titel="Babymassage {plaats} {nr}",
        samenvatting="Vijf ochtenden leren hoe je je baby masseert, samen met andere ouders.",
        beschrijving=(
            "Een erkende babymasseuse leert je in vijf lessen in {plek} je baby te masseren. "
            "Breng een handdoek en een fles plantaardige olie mee. Je schrijft je in voor de "
            "hele reeks."
        ),
        pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
        themas=("Gezondheid", "Ontmoeting"),
        doelgroepen=("gezinnen-0-3",),
        leeftijd=(1, 9),
        talen=("nl", "en", "fr"),
        partners=(OPGROEIEN, "Gezinsbond Kasterlee"),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=80,
        momenten=5,
        weekdagen=(MA, DI, DO),
        uren=(("10:00", "11:15"), ("13:30", "14:45")),
        inschrijven=Inschrijven(capaciteit=8),
        kinderen=(1, 1),
        prijs="25.00",
        sociaal_tarief="5.00",
        uitpas=True,
    ),
    Formule(
        titel="Oudercursus Positief opvoeden {plaats} {nr}",
        samenvatting="Zes avonden over grenzen stellen, belonen en rust in huis.",
        beschrijving=(
            "Een opvoedingsondersteuner van het CAW begeleidt een kleine groep ouders in "
            "{plek}. Je oefent met situaties van thuis. De kinderen blijven thuis."
        ),
        pijler=Pijler.OPVOEDINGSONDERSTEUNING,
        themas=("Opvoedingsondersteuning",),
        doelgroepen=("alle-ouders", "kinderen-3-12"),
        leeftijd=(24, 144),
        talen=("nl", "fr", "ar"),
        partners=("CAW De Kempen", "CLB Kempen"),
        plekken=(*HUIS, *ANTENNE),
        aantal=40,
        momenten=6,
        weekdagen=(MA, DI, DO),
        uren=(("19:30", "21:30"),),
        inschrijven=Inschrijven(capaciteit=14, per=PERSOON, gezinsgrootte=1.5),
        kinderen=(0, 0),
        prijs="20.00",
        sociaal_tarief="4.00",
        uitpas=True,
    ),
    Formule(
        titel="Klaar voor de geboorte {plaats} {nr}",
        samenvatting="Zes avonden voor aanstaande ouders: bevallen, voeding en de eerste weken.",
        beschrijving=(
            "Een vroedvrouw en een verpleegkundige van Kind en Gezin bereiden je voor op de "
            "geboorte en de eerste weken thuis. In {plek}; kom gerust met je partner."
        ),
        pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
        themas=("Gezondheid",),
        doelgroepen=("aanstaande-ouders",),
        leeftijd=(None, None),
        talen=("nl", "en", "ar", "uk"),
        partners=(OPGROEIEN,),
        plekken=(*HUIS, *ANTENNE),
        aantal=40,
        momenten=6,
        weekdagen=(DI, WO, DO),
        uren=(("19:00", "21:00"),),
        inschrijven=Inschrijven(capaciteit=10),
        kinderen=(0, 1),
    ),
    Formule(
        titel="Peuterturnen {plaats} {nr}",
        samenvatting="Twintig weken klimmen, rollen en springen met je peuter.",
        beschrijving=(
            "Elke week een bewegingsparcours in {plek}, met een begeleider van de "
            "kinderopvang. Je turnt mee met je kind en schrijft je in voor de hele reeks."
        ),
        pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
        themas=("Gezondheid", "Ontmoeting"),
        doelgroepen=("gezinnen-0-3", "kinderen-3-12"),
        leeftijd=(18, 48),
        talen=("nl",),
        partners=("Kinderopvang Kempenkind", "Gezinsbond Kasterlee"),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=60,
        momenten=20,
        weekdagen=(WO, ZA),
        uren=(("09:30", "10:30"), ("14:00", "15:00")),
        inschrijven=Inschrijven(capaciteit=10),
        kinderen=(1, 2),
        prijs="30.00",
        sociaal_tarief="6.00",
        uitpas=True,
    ),
    Formule(
        titel="Ouder-kindyoga {plaats} {nr}",
        samenvatting="Acht keer samen ademen, bewegen en tot rust komen met je kleuter.",
        beschrijving=(
            "Een kinderyogadocent leert jou en je kind spelenderwijs ontspannen. In {plek}; "
            "breng een matje of dekentje mee."
        ),
        pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
        themas=("Gezondheid", "Opvoedingsondersteuning"),
        doelgroepen=("kinderen-3-12",),
        leeftijd=(36, 96),
        talen=("nl", "en"),
        partners=("Gezinsbond Kasterlee", "CLB Kempen"),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=50,
        momenten=8,
        weekdagen=(WO, ZA),
        uren=(("10:00", "11:00"), ("15:00", "16:00")),
        inschrijven=Inschrijven(capaciteit=10),
        kinderen=(1, 2),
        prijs="20.00",
        sociaal_tarief="4.00",
        uitpas=True,
    ),
    Formule(
        titel="Muziek op schoot {plaats} {nr}",
        samenvatting="Liedjes, versjes en ritme voor baby's en dreumesen, met de bib.",
        beschrijving=(
            "Acht keer zingen, klappen en luisteren in {plek}. De bib geeft elke keer een "
            "prentenboek mee om thuis verder te zingen."
        ),
        pijler=Pijler.ONTMOETING,
        themas=("Ontmoeting",),
        doelgroepen=("gezinnen-0-3",),
        leeftijd=(6, 30),
        talen=("nl", "tr", "ar", "pl"),
        partners=("Bibliotheek Turnhout", "Bibliotheek Kasterlee"),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=50,
        momenten=8,
        weekdagen=(WO, ZA),
        uren=(("10:00", "10:45"),),
        inschrijven=Inschrijven(capaciteit=10),
        kinderen=(1, 1),
        prijs="8.00",
        sociaal_tarief="2.00",
        uitpas=True,
    ),
    Formule(
        titel="Lezing zindelijk worden in {plaats} ({nr})",
        samenvatting="Wanneer is je peuter klaar voor het potje, en hoe help je hem op weg?",
        beschrijving=(
            "Een verpleegkundige van Kind en Gezin vertelt en beantwoordt je vragen. In "
            "{plek}; inschrijven is gratis."
        ),
        pijler=Pijler.OPVOEDINGSONDERSTEUNING,
        themas=("Opvoedingsondersteuning", "Gezondheid"),
        doelgroepen=("gezinnen-0-3", "alle-ouders"),
        leeftijd=(18, 48),
        talen=("nl",),
        partners=(OPGROEIEN,),
        plekken=(*HUIS, *ANTENNE),
        aantal=25,
        momenten=1,
        weekdagen=(DI, DO),
        uren=(("20:00", "22:00"),),
        inschrijven=Inschrijven(capaciteit=40, per=PERSOON, reeks=False),
        kinderen=(1, 2),
    ),
    Formule(
        titel="Lezing slapen zonder tranen in {plaats} ({nr})",
        samenvatting="Wat helpt je baby of peuter (en jou) om beter te slapen?",
        beschrijving=(
            "Een slaapdeskundige vertelt over slaapritmes, inslapen en doorslapen, en "
            "beantwoordt je vragen. In {plek}; inschrijven is gratis."
        ),
        pijler=Pijler.OPVOEDINGSONDERSTEUNING,
        themas=("Opvoedingsondersteuning",),
        doelgroepen=("gezinnen-0-3", "alle-ouders"),
        leeftijd=(0, 72),
        talen=("nl",),
        partners=(OPGROEIEN, "Bibliotheek Kasterlee"),
        plekken=(*HUIS, *ANTENNE),
        aantal=25,
        momenten=1,
        weekdagen=(DI, DO),
        uren=(("20:00", "22:00"),),
        inschrijven=Inschrijven(capaciteit=40, per=PERSOON, reeks=False),
        kinderen=(1, 2),
    ),
    Formule(
        titel="Lezing schermtijd in het gezin in {plaats} ({nr})",
        samenvatting="Tablet, gsm en tv: hoeveel is genoeg, en hoe maak je er afspraken over?",
        beschrijving=(
            "Een mediacoach geeft tips voor elke leeftijd, zonder te preken. In {plek}; "
            "inschrijven is gratis."
        ),
        pijler=Pijler.OPVOEDINGSONDERSTEUNING,
        themas=("Opvoedingsondersteuning",),
        doelgroepen=("alle-ouders", "kinderen-3-12"),
        leeftijd=(36, 144),
        talen=("nl",),
        partners=("CLB Kempen", "Bibliotheek Turnhout"),
        plekken=(*HUIS, *ANTENNE),
        aantal=20,
        momenten=1,
        weekdagen=(MA, DO),
        uren=(("19:30", "21:30"),),
        inschrijven=Inschrijven(capaciteit=40, per=PERSOON, reeks=False, gezinsgrootte=1.8),
        kinderen=(0, 2),
    ),
    Formule(
        titel="Lezing het puberbrein in {plaats} ({nr})",
        samenvatting="Waarom tieners doen wat ze doen, en hoe je in gesprek blijft.",
        beschrijving=(
            "Een ontwikkelingspsycholoog legt uit wat er in het brein van je tiener gebeurt. "
            "In {plek}; inschrijven is gratis."
        ),
        pijler=Pijler.OPVOEDINGSONDERSTEUNING,
        themas=("Opvoedingsondersteuning",),
        doelgroepen=("alle-ouders", "tieners-jongeren"),
        leeftijd=(132, 216),
        talen=("nl",),
        partners=("CLB Kempen", "CAW De Kempen"),
        plekken=(*HUIS, *ANTENNE),
        aantal=20,
        momenten=1,
        weekdagen=(MA, DO),
        uren=(("19:30", "21:30"),),
        inschrijven=Inschrijven(capaciteit=40, per=PERSOON, reeks=False, gezinsgrootte=1.8),
        kinderen=(0, 2),
    ),
    Formule(
        titel="EHBO bij baby's en peuters {plaats} {nr}",
        samenvatting="Twee avonden: wat doe je bij koorts, verslikken, een val of een brandwonde?",
        beschrijving=(
            "Een lesgever van het Rode Kruis oefent met jou op een oefenpop. In {plek}; je "
            "krijgt een attest."
        ),
        pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
        themas=("Gezondheid",),
        doelgroepen=("gezinnen-0-3", "aanstaande-ouders"),
        leeftijd=(0, 48),
        talen=("nl",),
        partners=(OPGROEIEN, "Gezinsbond Kasterlee"),
        plekken=(*HUIS, *ANTENNE),
        aantal=40,
        momenten=2,
        weekdagen=(MA, WO),
        uren=(("19:30", "22:00"),),
        inschrijven=Inschrijven(capaciteit=12, per=PERSOON, gezinsgrootte=1.5),
        kinderen=(0, 0),
        prijs="10.00",
        sociaal_tarief="2.00",
    ),
    Formule(
        titel="Online infosessie Groeipakket en kinderopvang {nr}",
        samenvatting="Welke toelagen krijg je, en hoe vind je opvang? In een uur, online.",
        beschrijving=(
            "Je krijgt de link na je inschrijving. Vragen stellen kan via de chat. Via "
            "{plek}, voor de hele regio."
        ),
        pijler=Pijler.OPVOEDINGSONDERSTEUNING,
        themas=("Kinderopvang / LOK", "Kinderarmoede"),
        doelgroepen=("aanstaande-ouders", "gezinnen-0-3"),
        leeftijd=(None, None),
        talen=("nl", "en"),
        partners=(OPGROEIEN,),
        plekken=ONLINE,
        aantal=30,
        momenten=1,
        weekdagen=(MA, DI),
        uren=(("20:00", "21:00"),),
        inschrijven=Inschrijven(capaciteit=50, per=PERSOON, reeks=False, gezinsgrootte=1.5),
        kinderen=(0, 1),
        lokaal=0,
    ),
    Formule(
        titel="Kookworkshop gezonde tussendoortjes {plaats} {nr}",
        samenvatting="Samen met je kind gezonde en goedkope tussendoortjes maken.",
        beschrijving=(
            "Een diëtist kookt met ouders en kinderen in {plek}. Wat jullie maken, neem je "
            "mee naar huis."
        ),
        pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
        themas=("Gezondheid", "Kinderarmoede"),
        doelgroepen=("kinderen-3-12", "alle-ouders"),
        leeftijd=(24, 96),
        talen=("nl", "ar", "tr"),
        partners=("CAW De Kempen", OPGROEIEN),
        plekken=(*HUIS, *ONTMOETING),
        aantal=40,
        momenten=1,
        weekdagen=(WO, ZA),
        uren=(("14:00", "16:00"),),
        inschrijven=Inschrijven(capaciteit=10, reeks=False),
        kinderen=(1, 2),
        prijs="5.00",
        sociaal_tarief="1.00",
    ),
    Formule(
        titel="Peuterspeelgroep {plaats} {nr}",
        samenvatting="Spelen in een kleine groep, elke week; je schrijft je per keer in.",
        beschrijving=(
            "Een begeleider van Kinderopvang Kempenkind zet in {plek} speelhoeken klaar voor "
            "hoogstens acht gezinnen. Gratis; schrijf je in voor de weken dat je kan."
        ),
        pijler=Pijler.ONTMOETING,
        themas=("Ontmoeting",),
        doelgroepen=("gezinnen-0-3",),
        leeftijd=(12, 48),
        talen=("nl", "ar", "tr", "pl", "ro"),
        partners=("Kinderopvang Kempenkind",),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=80,
        momenten=40,
        weekdagen=(MA, DI, VR),
        uren=(("09:30", "11:00"),),
        inschrijven=Inschrijven(capaciteit=8, reeks=False),
        kinderen=(1, 2),
    ),
    Formule(
        titel="Knutselnamiddag {plaats} {nr}",
        samenvatting="Op woensdagnamiddag samen met je kind knutselen, schilderen en bouwen.",
        beschrijving=(
            "Een begeleider van de bib zet in {plek} materiaal klaar voor hoogstens tien "
            "gezinnen. Gratis; schrijf je in voor de namiddagen dat je kan."
        ),
        pijler=Pijler.ONTMOETING,
        themas=("Ontmoeting", "Kinderarmoede"),
        doelgroepen=("kinderen-3-12", "alle-ouders"),
        leeftijd=(36, 120),
        talen=("nl", "ar", "tr", "uk"),
        partners=("Bibliotheek Turnhout", "Bibliotheek Kasterlee", "Kinderopvang Kempenkind"),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=80,
        momenten=30,
        weekdagen=(WO,),
        uren=(("14:00", "16:00"), ("14:30", "16:30")),
        inschrijven=Inschrijven(capaciteit=10, reeks=False),
        kinderen=(1, 2),
    ),
    # --- Walk-in: 320 activities, 11,280 moments per block ---------------------------------
    Formule(
        titel="Consultatiebureau {plaats} {nr}",
        samenvatting="Je kind laten wegen, meten en vaccineren, met al je vragen.",
        beschrijving=(
            "Een verpleegkundige en een arts van Kind en Gezin volgen je kind op tot 3 jaar, "
            "in {plek}. Op afspraak, via het onthaal van het Huis. Gratis."
        ),
        pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
        themas=("Gezondheid",),
        doelgroepen=("gezinnen-0-3",),
        leeftijd=(0, 36),
        talen=("nl", "fr", "en", "ar", "pl"),
        partners=(OPGROEIEN,),
        plekken=(*HUIS, *ANTENNE),
        aantal=70,
        momenten=52,
        weekdagen=(DI, DO),
        uren=(("09:00", "12:00"), ("13:30", "16:30")),
        lokaal=1,
    ),
    Formule(
        titel="Speelgroep {plaats} {nr}",
        samenvatting="Samen spelen met je baby of peuter, elke week, zonder inschrijving.",
        beschrijving=(
            "Een begeleider zet in {plek} speelhoeken klaar; jij speelt mee en ontmoet "
            "andere ouders. Gratis, binnenlopen wanneer je wil."
        ),
        pijler=Pijler.ONTMOETING,
        themas=("Ontmoeting",),
        doelgroepen=("gezinnen-0-3",),
        leeftijd=(6, 36),
        talen=("nl", "ar", "tr", "pl"),
        partners=("Kinderopvang Kempenkind",),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=80,
        momenten=37,
        weekdagen=(MA, WO, VR),
        uren=(("09:30", "11:00"),),
    ),
    Formule(
        titel="Koffie en babbel {plaats} {nr}",
        samenvatting="Binnenlopen zonder afspraak: spelen, koffie en een babbel.",
        beschrijving=(
            "Elke week ben je welkom in {plek}, met of zonder kinderen. Een medewerker van "
            "het Huis en van het CAW luistert mee als je iets wil vragen."
        ),
        pijler=Pijler.ONTMOETING,
        themas=("Ontmoeting", "Kinderarmoede"),
        doelgroepen=("alle-ouders", "gezinnen-0-3"),
        leeftijd=(0, 72),
        talen=("nl", "ar", "tr", "pl", "ro", "uk"),
        partners=("CAW De Kempen",),
        plekken=(*HUIS, *ONTMOETING),
        aantal=50,
        momenten=52,
        weekdagen=(DI, DO, ZA),
        uren=(("09:00", "11:30"), ("13:30", "16:00")),
    ),
    Formule(
        titel="Spreekuur opvoedingswinkel {plaats} {nr}",
        samenvatting="Met je vragen over opvoeden langskomen, van baby tot tiener.",
        beschrijving=(
            "Een opvoedingsondersteuner en een CLB-medewerker luisteren en denken mee, om de "
            "twee weken in {plek}. Binnenlopen mag."
        ),
        pijler=Pijler.OPVOEDINGSONDERSTEUNING,
        themas=("Opvoedingsondersteuning",),
        doelgroepen=("alle-ouders", "kinderen-3-12", "tieners-jongeren"),
        leeftijd=(0, 216),
        talen=("nl", "fr", "en"),
        partners=("CAW De Kempen", "CLB Kempen"),
        plekken=(*HUIS, *ANTENNE),
        aantal=40,
        momenten=28,
        ritme=TWEEWEKELIJKS,
        weekdagen=(WO, DO),
        uren=(("14:00", "17:00"), ("17:00", "19:00")),
    ),
    Formule(
        titel="Voorleesuurtje {plaats} {nr}",
        samenvatting="Elke maand prentenboeken voorlezen voor peuters en kleuters.",
        beschrijving=(
            "Een voorlezer van de bib leest voor in {plek}. Daarna mag je boeken lenen. "
            "Gratis, zonder inschrijving."
        ),
        pijler=Pijler.ONTMOETING,
        themas=("Ontmoeting",),
        doelgroepen=("gezinnen-0-3", "kinderen-3-12"),
        leeftijd=(24, 96),
        talen=("nl",),
        partners=("Bibliotheek Turnhout", "Bibliotheek Kasterlee"),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=40,
        momenten=12,
        ritme=MAANDELIJKS,
        weekdagen=(WO, ZA),
        uren=(("10:30", "11:30"),),
    ),
    Formule(
        titel="Oudercafé {plaats} {nr}",
        samenvatting="Een avond per maand praten met andere ouders over een thema.",
        beschrijving=(
            "Elke maand een ander onderwerp, van zakgeld tot ruzie tussen broers en zussen, "
            "in {plek}. Met een drankje; gratis en zonder inschrijving."
        ),
        pijler=Pijler.OPVOEDINGSONDERSTEUNING,
        themas=("Opvoedingsondersteuning", "Ontmoeting"),
        doelgroepen=("alle-ouders",),
        leeftijd=(0, 216),
        talen=("nl", "en"),
        partners=("CAW De Kempen", "Gezinsbond Kasterlee"),
        plekken=(*HUIS, *ANTENNE, *ONTMOETING),
        aantal=40,
        momenten=12,
        ritme=MAANDELIJKS,
        weekdagen=(DI, DO),
        uren=(("19:30", "21:30"),),
    ),
)


@dataclass(frozen=True)
class Vulling:
    """How full one registration unit (a series, or one session) is."""

    aandeel: float  # of the capacity, in seats
    wachtlijst: int = 0  # families waiting; only where it is full
    geannuleerd: int = 0  # families that cancelled; only where there is room
    ingetrokken: bool = False  # the cancelled family also had its data erased


# Used in turn, so the coming moments show each state a resident can meet.
VULLINGEN = (
    Vulling(0.75, geannuleerd=1),
    Vulling(1.0, wachtlijst=2),
    Vulling(0.5, geannuleerd=1, ingetrokken=True),
    Vulling(0.25),
    Vulling(0.4),
    Vulling(0.2),
    Vulling(1.0, wachtlijst=1),
    Vulling(0.3),
)
AFGELAST_KANS = 0.03
# Attendance on a moment that has begun, with weights: present, absent, never ticked.
AANWEZIG = ((True, 85), (False, 10), (None, 5))

ACHTERNAMEN = (
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Hermans",
    "Aerts",
    "Smets",
    "Verbeeck",
    "Van Dyck",
    "Michiels",
    "Van den Broeck",
    "Vermeulen",
    "El Amrani",
    "Benali",
    "Yilmaz",
    "Demir",
    "Nowak",
    "Kowalski",
    "Popescu",
    "Ionescu",
    "Petrov",
    "Shevchenko",
    "Bondarenko",
    "Haile",
    "Mohammadi",
    "Diallo",
    "Nguyen",
    "Da Silva",
    "Van Gorp",
    "Verstraeten",
    "Geerts",
    "Van Loon",
)
OPMERKINGEN = (
    "We komen met de rolstoel.",
    "Mijn partner spreekt Arabisch.",
    "We komen met de kinderwagen.",
    "Ik versta beter Engels.",
    "Ons kind heeft een notenallergie.",
)
TELEFOON = "0470 00 00 00"


KANALEN = (
    Inschrijving.Kanaal.WEBSITE,
    Inschrijving.Kanaal.TELEFOON,
    Inschrijving.Kanaal.BALIE,
)
BEVESTIGD, WACHTLIJST, GEANNULEERD = (
    Inschrijving.Status.BEVESTIGD,
    Inschrijving.Status.WACHTLIJST,
    Inschrijving.Status.GEANNULEERD,
)


@dataclass
class _Gezin:
    """A made-up family: the name says it is demo data, the address is at demo.example."""

    naam: str
    email: str
    telefoon: str
    kanaal: str
    volwassenen: int
    leeftijden: list[int]
    woonplaats_id: int | None
    opmerking: str


@dataclass
class _Plan:
    """One generated activity before it is saved: its links, its moments, whom it is for."""

    formule: Formule
    activiteit: Activiteit
    koppelingen: dict[str, list]
    momenten: list[Moment]
    lokaal_voor: set[int]


@dataclass
class _Demo:
    """What the generated offer hangs on: the normal demo's rows, looked up once."""

    nu: dt.datetime
    begin: dt.date
    einde: dt.date
    vrij: set[dt.date]
    plekken: dict[str, list[Locatie]]
    themas: dict[str, Thema]
    doelgroepen: dict[str, Doelgroep]
    talen: dict[str, Taal]
    partners: dict[str, Partner]
    werkingsgebied: dict[int, set[int]]
    gemeenten: list[Gemeente]
    totalen: Counter = field(default_factory=Counter)

    @classmethod
    def laden(cls) -> "_Demo":
        nu = timezone.now()
        vandaag = timezone.localdate(nu)
        begin, einde = vandaag - relativedelta(years=JAREN_GESCHIEDENIS), horizon()
        vrij = {dag for dag, _naam in feestdagen(begin, einde)}
        for jaar in range(begin.year - 1, einde.year + 1):
            van, tot = kerstvakantie(jaar)
            vrij |= {van + dt.timedelta(days=i) for i in range((tot - van).days + 1)}
        plekken: dict[str, list[Locatie]] = {}
        for locatie in (
            Locatie.objects.filter(is_aanbodplek=True).select_related("gemeente").order_by("slug")
        ):
            plekken.setdefault(locatie.soort, []).append(locatie)
        werkingsgebied: dict[int, set[int]] = {}
        for partner_id, gemeente_id in Partner.werkingsgebied.through.objects.values_list(
            "partner_id", "gemeente_id"
        ):
            werkingsgebied.setdefault(partner_id, set()).add(gemeente_id)
        return cls(
            nu=nu,
            begin=begin,
            einde=einde,
            vrij=vrij,
            plekken=plekken,
            themas={t.naam: t for t in Thema.objects.all()},
            doelgroepen={d.slug: d for d in Doelgroep.objects.all()},
            talen={t.code: t for t in Taal.objects.all()},
            partners={p.naam: p for p in Partner.objects.all()},
            werkingsgebied=werkingsgebied,
            gemeenten=list(Gemeente.objects.order_by("nis_code")),
        )


def gegenereerd():
    """The generated activities; their moments, registrations and reach hang on them."""
    return Activiteit.objects.filter(slug__startswith=VOORVOEGSEL)


def _plaatsen(regels: Inschrijven, vulling: Vulling) -> int:
    return max(1, min(regels.capaciteit, round(regels.capaciteit * vulling.aandeel)))


def _aantal_gezinnen(regels: Inschrijven, plaatsen: int) -> int:
    if regels.per == GEZIN:
        return plaatsen
    return max(1, min(plaatsen, round(plaatsen / regels.gezinsgrootte)))


def inschrijvingen_per_blok() -> int:
    """The exact number of registrations in one block, from the formulas and fill levels."""
    totaal = 0
    for formule in FORMULES:
        regels = formule.inschrijven
        if regels is None:
            continue
        eenheden = formule.aantal if regels.reeks else formule.aantal * formule.momenten
        lessen = formule.momenten if regels.reeks else 1
        for i in range(eenheden):
            vulling = VULLINGEN[i % len(VULLINGEN)]
            gezinnen = _aantal_gezinnen(regels, _plaatsen(regels, vulling))
            totaal += (gezinnen + vulling.wachtlijst + vulling.geannuleerd) * lessen
    return totaal


ACTIVITEITEN_PER_BLOK = sum(f.aantal for f in FORMULES)
MOMENTEN_PER_BLOK = sum(f.aantal * f.momenten for f in FORMULES)
INSCHRIJVINGEN_PER_BLOK = inschrijvingen_per_blok()


def laad(*, schaal: int) -> list[str]:
    """Make the generated part of the demo match scale ``schaal``: remove what an earlier run
    generated, then add ``schaal`` blocks (none for 1). Call inside a transaction, after the
    normal demo is loaded. Returns lines to print.
    """
    weg = opruimen()
    if schaal <= 1:
        if not weg:
            return []
        statistieken_bijwerken()
        return [f"Schaal: {_getal(weg)} gegenereerde activiteiten verwijderd."]
    demo = _Demo.laden()
    for nummer in range(schaal):
        _Blok(demo, nummer).maken()
    # bulk_create sends no signals: each activity's next moment is stored once, here.
    komend_begin_bijwerken()
    statistieken_bijwerken()
    # bulk_create sends no signals: the stored public pages are made stale once, here.
    transaction.on_commit(paginacache.vernieuwen)
    t = demo.totalen
    return [
        f"Schaal {schaal}: {_getal(t['activiteiten'])} activiteiten, "
        f"{_getal(t['momenten'])} momenten, {_getal(t['inschrijvingen'])} inschrijvingen en "
        f"{_getal(t['bereikcijfers'])} bereikcijfers gegenereerd "
        f"(hun webadres begint met {VOORVOEGSEL}).",
    ]


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def opruimen() -> int:
    """Delete every generated row; returns how many generated activities there were.

    One statement per table, from the leaves up: ``QuerySet.delete()`` would load every row
    to send its signals (and write an audit entry per row), which a million rows cannot bear.
    """
    activiteiten = gegenereerd()
    aantal = activiteiten.count()
    if not aantal:
        return 0
    # Nothing else points at a generated row, unless someone linked one by hand.
    Activiteit.objects.filter(generiek__in=activiteiten).update(generiek=None)
    momenten = Moment.objects.filter(activiteit__in=activiteiten)
    koppelingen = [
        veld.remote_field.through.objects.filter(activiteit__in=activiteiten)
        for veld in Activiteit._meta.many_to_many
    ]
    for qs in (
        Bereikcijfer.objects.filter(activiteit__in=activiteiten),
        Inschrijving.objects.filter(moment__in=momenten),
        momenten,
        Reeks.objects.filter(activiteit__in=activiteiten),
        *koppelingen,
        activiteiten,
    ):
        _in_een_keer_wissen(qs)
    return aantal


def statistieken_bijwerken() -> None:
    """Let the database planner know the generated tables' new size at once.

    Without fresh statistics (autovacuum comes later, or not at all) PostgreSQL plans the
    public offer list as if a table of a million rows were empty, and a page that takes a
    fifth of a second takes minutes. ``ANALYZE`` takes a second or two.
    """
    modellen = [
        Activiteit,
        *(veld.remote_field.through for veld in Activiteit._meta.many_to_many),
        Moment,
        Inschrijving,
        Bereikcijfer,
    ]
    with connection.cursor() as cursor:
        for model in modellen:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _in_een_keer_wissen(qs) -> None:
    subquery, params = qs.order_by().values("pk").query.sql_with_params()
    meta = qs.model._meta
    tabel, sleutel = (connection.ops.quote_name(n) for n in (meta.db_table, meta.pk.column))
    sql = f"DELETE FROM {tabel} WHERE {sleutel} IN ({subquery})"  # noqa: S608 - model names
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _wissen(rij: Inschrijving, op: dt.datetime) -> None:
    """Erase a registration's personal data as ``gegevens_wissen`` and the nightly job do."""
    for veld, leeg in PERSOONSGEGEVENS.items():
        setattr(rij, veld, list(leeg) if isinstance(leeg, list) else leeg)
    rij.gewist_op = op


def _leeftijdsbereik(formule: Formule) -> tuple[int, int]:
    """The children's ages (months) a family brings: inside the offer's range; for offer
    without one (parents-to-be, courses for parents) an older brother or sister."""
    van, tot = formule.leeftijd
    if van is None and tot is None:
        return 12, 72
    van = van or 0
    return van, tot if tot is not None else van + 120


class _Blok:
    """One block: 1,000 activities with their moments, registrations and reach."""

    def __init__(self, demo: _Demo, nummer: int):
        self.demo = demo
        self.nummer = nummer
        # Dates depend on today, so they draw from a stream of their own: every other
        # choice, and so every count, stays the same from day to day.
        self.rng = random.Random(nummer)  # noqa: S311 - demo data, not a secret
        self.rng_datum = random.Random(1_000_000 + nummer)  # noqa: S311
        self.gezinnen = 0
        self.eenheden = Counter()  # registration units made per formula: the fill goes round
        self.grens = demo.nu - relativedelta(months=settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN)
        self.tijdzone = timezone.get_default_timezone()
        # Per moment, not per registration: when reminders went out and data was erased.
        self.herinneringen: dict[Moment, tuple[dt.datetime, dt.datetime | None]] = {}
        self.opruimnachten: dict[Moment, dt.datetime] = {}

    def maken(self) -> None:
        plannen = [
            self._plan(formule, self.nummer * formule.aantal + i + 1)
            for formule in FORMULES
            for i in range(formule.aantal)
        ]
        Activiteit.objects.bulk_create([p.activiteit for p in plannen], batch_size=BATCH)
        self._koppelingen(plannen)
        momenten = []
        for plan in plannen:
            for moment in plan.momenten:
                moment.activiteit = plan.activiteit
            momenten += plan.momenten
        Moment.objects.bulk_create(momenten, batch_size=BATCH)
        inschrijvingen, bereik = [], {}
        for plan in plannen:
            if plan.formule.inschrijven is not None:
                self._inschrijvingen(plan, inschrijvingen, bereik)
        Inschrijving.objects.bulk_create(inschrijvingen, batch_size=BATCH)
        Bereikcijfer.objects.bulk_create(
            [
                Bereikcijfer(
                    moment=moment,
                    activiteit_id=moment.activiteit_id,
                    maand=timezone.localdate(moment.begin, self.tijdzone).replace(day=1),
                    woonplaats_id=woonplaats_id,
                    leeftijdsgroep=groep,
                    ingeschreven=ingeschreven,
                    aanwezig=aanwezig,
                )
                for (moment, woonplaats_id, groep), (ingeschreven, aanwezig) in bereik.items()
            ],
            batch_size=BATCH,
        )
        self.demo.totalen.update(
            activiteiten=len(plannen),
            momenten=len(momenten),
            inschrijvingen=len(inschrijvingen),
            bereikcijfers=len(bereik),
        )

    # --- Activities and moments ------------------------------------------------------------

    def _plan(self, formule: Formule, nr: int) -> _Plan:
        rng, demo = self.rng, self.demo
        kandidaten = [p for soort in formule.plekken for p in demo.plekken.get(soort, [])]
        plek = rng.choice(kandidaten or [p for rij in demo.plekken.values() for p in rij])
        plaats = plek.plaats or (plek.gemeente.naam if plek.gemeente_id else "")
        titel = formule.titel.format(plaats=plaats, nr=nr)
        # Local offer is for the place's gemeente, now and then with a neighbour (Vosselaar
        # has no place of its own); offer online is for everyone.
        lokaal = plek.gemeente_id is not None and rng.random() < formule.lokaal
        buur = rng.choice(demo.gemeenten)
        gemeenten = []
        if lokaal:
            gemeenten = [plek.gemeente]
            if rng.random() < 0.25 and buur.pk != plek.gemeente_id:
                gemeenten.append(buur)
        regels = formule.inschrijven
        van, tot = rng.choice(formule.uren)
        weekdag = rng.choice(formule.weekdagen)
        week_van_de_maand = rng.randint(1, 3)
        wanneer = _wanneer_tekst(formule, weekdag, week_van_de_maand, van, tot)
        activiteit = Activiteit(
            titel=titel,
            slug=f"{VOORVOEGSEL}{slugify(titel)}",
            samenvatting=formule.samenvatting,
            beschrijving=f"{formule.beschrijving.format(plek=plek.naam)} {wanneer}",
            pijler=formule.pijler,
            leeftijd_van=formule.leeftijd[0],
            leeftijd_tot=formule.leeftijd[1],
            prijs=Decimal(formule.prijs),
            sociaal_tarief=Decimal(formule.sociaal_tarief) if formule.sociaal_tarief else None,
            uitpas=formule.uitpas,
            bereik=Activiteit.Bereik.LOKAAL if lokaal else Activiteit.Bereik.REGIONAAL,
            locatie=plek,
            doorlopend=False,
            inschrijving_vereist=regels is not None,
            capaciteit=regels.capaciteit if regels else None,
            plaatsen_per=regels.per if regels else PERSOON,
            gepubliceerd=True,
        )
        extra = formule.talen[1:]
        talen = [formule.talen[0], *rng.sample(extra, min(rng.randint(0, 2), len(extra)))]
        partners = [
            demo.partners[naam]
            for naam in formule.partners
            if naam in demo.partners
            and plek.gemeente_id in demo.werkingsgebied.get(demo.partners[naam].pk, ())
        ] or [demo.partners[n] for n in formule.partners[:1] if n in demo.partners]
        koppelingen = {
            "themas": [demo.themas[t] for t in formule.themas if t in demo.themas],
            "doelgroepen": [
                demo.doelgroepen[d] for d in formule.doelgroepen if d in demo.doelgroepen
            ],
            "talen": [demo.talen[t] for t in talen if t in demo.talen],
            "partners": partners,
            "gemeenten": gemeenten,
        }
        begintijd, eindtijd = dt.time.fromisoformat(van), dt.time.fromisoformat(tot)
        momenten = [
            Moment(
                begin=lokale_tijd(dag, begintijd),
                einde=lokale_tijd(dag, eindtijd),
                # A walk-in moment is now and then cancelled (an ill leader, a room taken);
                # a moment with registrations never, so no family waits for nothing.
                geannuleerd=rng.random() < AFGELAST_KANS and regels is None,
            )
            for dag in self._data(formule, weekdag, week_van_de_maand)
        ]
        return _Plan(
            formule=formule,
            activiteit=activiteit,
            koppelingen=koppelingen,
            momenten=momenten,
            lokaal_voor={g.pk for g in gemeenten},
        )

    @staticmethod
    def _koppelingen(plannen: list[_Plan]) -> None:
        for veld in Activiteit._meta.many_to_many:
            through = veld.remote_field.through
            van, naar = veld.m2m_column_name(), veld.m2m_reverse_name()
            through.objects.bulk_create(
                [
                    through(**{van: plan.activiteit.pk, naar: rij.pk})
                    for plan in plannen
                    for rij in plan.koppelingen[veld.name]
                ],
                batch_size=BATCH,
            )

    def _data(self, formule: Formule, weekdag: int, week_van_de_maand: int) -> list[dt.date]:
        """``formule.momenten`` dates on ``weekdag``, skipping holidays, inside the span."""
        demo = self.demo
        proef = _reeks(formule, demo.begin, weekdag, week_van_de_maand, demo.vrij)
        speling = max((demo.einde - proef[-1]).days, 0)
        start = demo.begin + dt.timedelta(days=int(self.rng_datum.random() * (speling + 1)))
        data = _reeks(formule, start, weekdag, week_van_de_maand, demo.vrij)
        while data[-1] > demo.einde:
            start -= dt.timedelta(weeks=1)
            data = _reeks(formule, start, weekdag, week_van_de_maand, demo.vrij)
        return data

    # --- Registrations and reach -----------------------------------------------------------

    def _inschrijvingen(self, plan: _Plan, inschrijvingen: list, bereik: dict) -> None:
        """Fill each registration unit (the series, or each session) with families."""
        regels = plan.formule.inschrijven
        eenheden = [plan.momenten] if regels.reeks else [[m] for m in plan.momenten]
        for lessen in eenheden:
            vulling = VULLINGEN[self.eenheden[plan.formule.titel] % len(VULLINGEN)]
            self.eenheden[plan.formule.titel] += 1
            plaatsen = _plaatsen(regels, vulling)
            bevestigd = [self._gezin(plan) for _ in range(_aantal_gezinnen(regels, plaatsen))]
            if regels.per == PERSOON:
                self._op_maat(plan.formule, bevestigd, plaatsen)
            gezinnen = [
                *((gezin, BEVESTIGD) for gezin in bevestigd),
                *((self._gezin(plan), GEANNULEERD) for _ in range(vulling.geannuleerd)),
                *((self._gezin(plan), WACHTLIJST) for _ in range(vulling.wachtlijst)),
            ]
            eerste = lessen[0].begin
            tijden = self._aanmeldtijden(eerste, len(gezinnen))
            for (gezin, status), aangemaakt in zip(gezinnen, tijden, strict=True):
                geannuleerd_op = None
                if status == GEANNULEERD:
                    geannuleerd_op = aangemaakt + (min(eerste, self.demo.nu) - aangemaakt) / 2
                for moment in lessen:
                    rij = self._inschrijving(moment, gezin, status, aangemaakt, geannuleerd_op)
                    self._bereik(rij, moment, bereik)
                    if geannuleerd_op and vulling.ingetrokken:
                        _wissen(rij, geannuleerd_op)
                    elif moment.einde < self.grens:
                        _wissen(rij, self._opruimnacht(moment))
                    inschrijvingen.append(rij)

    def _aanmeldtijden(self, eerste: dt.datetime, aantal: int) -> list[dt.datetime]:
        """When the families registered, in order: 3 to 40 days before the first lesson, or,
        for a unit still far off, in the last weeks; never after now."""
        nu, rng = self.demo.nu, self.rng
        rek = rng.random()
        tijden = []
        for _ in range(aantal):
            uren = rng.randint(3 * 24, 40 * 24)
            tijden.append(
                min(
                    eerste - dt.timedelta(hours=uren),
                    nu - dt.timedelta(hours=1 + uren * rek / 2),
                )
            )
        return sorted(tijden)

    def _gezin(self, plan: _Plan) -> _Gezin:
        rng = self.rng
        self.gezinnen += 1
        achternaam = rng.choice(ACHTERNAMEN)
        kanaal = rng.choices(KANALEN, cum_weights=(80, 95, 100))[0]
        email = ""
        if kanaal == Inschrijving.Kanaal.WEBSITE:
            email = f"{slugify(achternaam)}.{self.nummer + 1}-{self.gezinnen}@demo.example"
        van, tot = _leeftijdsbereik(plan.formule)
        aantal_kinderen = rng.randint(*plan.formule.kinderen)
        return _Gezin(
            naam=f"Gezin {achternaam} (demo)",
            email=email,
            telefoon="" if email else TELEFOON,
            kanaal=kanaal,
            volwassenen=2 if rng.random() < 0.4 else 1,
            leeftijden=sorted(rng.randint(van, tot) for _ in range(aantal_kinderen)),
            woonplaats_id=self._woonplaats(plan),
            opmerking=rng.choice(OPMERKINGEN) if rng.random() < 0.06 else "",
        )

    def _woonplaats(self, plan: _Plan) -> int | None:
        """Mostly a gemeente the offer is for, weighted by its children; 7% from outside the
        participating gemeenten (None)."""
        rng, gemeenten = self.rng, self.demo.gemeenten
        kans = rng.random()
        voor = [g for g in gemeenten if g.pk in plan.lokaal_voor]
        if voor and kans < 0.88:
            kies = voor
        elif kans < 0.93:
            kies = gemeenten
        else:
            return None
        return rng.choices(kies, weights=[g.kinderen_0_12 or 1 for g in kies])[0].pk

    def _op_maat(self, formule: Formule, gezinnen: list[_Gezin], plaatsen: int) -> None:
        """Make the families' people add up to exactly ``plaatsen`` (seats per person)."""
        rng = self.rng
        van, tot = _leeftijdsbereik(formule)
        te_veel = sum(g.volwassenen + len(g.leeftijden) for g in gezinnen) - plaatsen
        while te_veel > 0:
            gezin = rng.choice(gezinnen)
            if gezin.leeftijden and (gezin.volwassenen == 1 or rng.random() < 0.5):
                gezin.leeftijden.pop()
            elif gezin.volwassenen > 1:
                gezin.volwassenen -= 1
            else:
                continue
            te_veel -= 1
        while te_veel < 0:
            gezin = rng.choice(gezinnen)
            if gezin.volwassenen < 2:
                gezin.volwassenen += 1
            elif len(gezin.leeftijden) < formule.kinderen[1]:
                gezin.leeftijden = sorted([*gezin.leeftijden, rng.randint(van, tot)])
            elif gezin.volwassenen < MAX_VOLWASSENEN:
                gezin.volwassenen += 1
            else:
                continue
            te_veel += 1

    def _inschrijving(self, moment, gezin, status, aangemaakt, geannuleerd_op) -> Inschrijving:
        # Drawn for every row, whether the moment is over or not: see ``__init__``.
        aanwezig = self.rng.choices([a for a, _w in AANWEZIG], [w for _a, w in AANWEZIG])[0]
        rij = Inschrijving(
            moment=moment,
            status=status,
            naam=gezin.naam,
            email=gezin.email,
            telefoon=gezin.telefoon,
            volwassenen=gezin.volwassenen,
            kinderen=len(gezin.leeftijden),
            leeftijden=list(gezin.leeftijden),
            woonplaats_id=gezin.woonplaats_id,
            opmerking=gezin.opmerking,
            kanaal=gezin.kanaal,
            aangemaakt=aangemaakt,
            toestemming_op=aangemaakt,
            bevestigd_op=None if status == WACHTLIJST else aangemaakt,
            geannuleerd_op=geannuleerd_op,
        )
        if status == BEVESTIGD:
            if moment.begin <= self.demo.nu:
                rij.aanwezig = aanwezig
            rij.herinnering_verstuurd_op = self._herinnering(rij, moment)
        return rij

    def _herinnering(self, rij: Inschrijving, moment: Moment) -> dt.datetime | None:
        """When ``herinneringen_versturen`` (daily at 8:00) would have queued the reminder:
        not for families who registered within the reminder window, nor yet for moments
        still further off."""
        dagen = settings.HVK_HERINNERING_DAGEN
        if dagen <= 0 or not rij.email:
            return None
        if moment not in self.herinneringen:
            vanaf = moment.begin - dt.timedelta(days=dagen)
            verstuurd = lokale_tijd(timezone.localdate(vanaf, self.tijdzone), dt.time(8))
            if verstuurd < vanaf:
                verstuurd += dt.timedelta(days=1)
            if verstuurd > self.demo.nu or verstuurd >= moment.begin:
                verstuurd = None
            self.herinneringen[moment] = (vanaf, verstuurd)
        vanaf, verstuurd = self.herinneringen[moment]
        return verstuurd if rij.aangemaakt < vanaf else None

    @staticmethod
    def _bereik(rij: Inschrijving, moment: Moment, bereik: dict) -> None:
        """Count the people of a confirmed registration as ``_bereik_aanpassen`` does.

        A family that cancelled was counted and taken off again: its rows stay, at zero, as
        the service leaves them.
        """
        if rij.bevestigd_op is None:
            return
        for groep, aantal in rij.personen_per_groep().items():
            telling = bereik.setdefault((moment, rij.woonplaats_id, groep), [0, 0])
            if rij.status == BEVESTIGD:
                telling[0] += aantal
                telling[1] += aantal if rij.aanwezig else 0

    def _opruimnacht(self, moment: Moment) -> dt.datetime:
        """The night ``inschrijvingen_opruimen`` (daily at 3:20) first found the moment's
        registrations past the retention period."""
        if moment not in self.opruimnachten:
            termijn = moment.einde + relativedelta(
                months=settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN
            )
            nacht = lokale_tijd(timezone.localdate(termijn, self.tijdzone), dt.time(3, 20))
            if nacht <= termijn:
                nacht += dt.timedelta(days=1)
            self.opruimnachten[moment] = min(nacht, self.demo.nu)
        return self.opruimnachten[moment]


def _reeks(formule: Formule, start: dt.date, weekdag: int, week: int, vrij) -> list[dt.date]:
    """``formule.momenten`` dates from ``start`` on, every ``ritme``, none on a holiday."""
    data = []
    if formule.ritme == MAANDELIJKS:
        maand = start.replace(day=1)
        while len(data) < formule.momenten:
            dag = maand + relativedelta(weekday=rd_weekday(weekdag)(week))
            if dag >= start and dag not in vrij:
                data.append(dag)
            maand += relativedelta(months=1)
        return data
    dag = start + dt.timedelta(days=(weekdag - start.weekday()) % 7)
    while len(data) < formule.momenten:
        if dag not in vrij:
            data.append(dag)
        dag += dt.timedelta(days=formule.ritme)
    return data


def _wanneer_tekst(formule: Formule, weekdag: int, week: int, van: str, tot: str) -> str:
    """When it happens, as the description tells a resident."""
    dag = Weekdag(weekdag).label
    if formule.momenten == 1:
        return f"Op {dag} van {van} tot {tot}."
    if formule.ritme == MAANDELIJKS:
        keer = ("eerste", "tweede", "derde")[week - 1]
        return f"Elke {keer} {dag} van de maand, van {van} tot {tot}."
    if formule.ritme == TWEEWEKELIJKS:
        return f"Om de twee weken op {dag}, van {van} tot {tot}."
    return f"{formule.momenten} keer op {dag}, van {van} tot {tot}."

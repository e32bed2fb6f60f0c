"""Demo of the public face: the brand, each gemeente's colour, news, the three pages, a domain.

Everything is created or updated by its natural key, so loading twice changes nothing. News
dates are relative to today, like the rest of the demo; the pages use the plain-text
convention of ``selectors.tekstblokken`` ("## " a heading, "- " a list item). Contact details
are fictitious.
"""

import datetime as dt

from django.conf import settings

from communicatie.models import Domein, Huisstijl, Nieuwsbericht, Pagina
from gemeenten.models import Gemeente
from gemeenten.models.periode import vandaag
from hvk.herhaling import lokale_tijd

# Each door in its own colour; white text stays readable on each (contrast 6:1 or more).
KLEUREN = {
    "13040": "#8a1538",  # Turnhout
    "13004": "#1b6e3c",  # Beerse
    "13017": "#5b3a8e",  # Kasterlee
    "13031": "#0f5e73",  # Oud-Turnhout
    "13046": "#9a4a00",  # Vosselaar
}
DOMEIN_BEERSE = "huisvanhetkind-beerse.be"
MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]

OVER = """\
Het Huis van het Kind Kempenland is er voor iedereen die zwanger is of kinderen en jongeren \
opvoedt: (aanstaande) ouders, grootouders, pleegouders en iedereen die voor een kind zorgt. \
Je kunt er terecht met elke vraag over opgroeien en opvoeden.

De gemeenten Beerse, Kasterlee, Oud-Turnhout, Turnhout en Vosselaar dragen het Huis samen. \
Zo heeft elke gemeente een eigen aanspreekpunt, en kun je ook gebruikmaken van het aanbod in \
de buurgemeenten. Alles op deze website is voor de gezinnen van alle vijf de gemeenten, tenzij \
er staat dat een activiteit alleen voor één gemeente is.

## Wat doen we?
- Consultaties voor baby's en peuters, samen met Kind en Gezin (Opgroeien).
- Hulp bij opvoeden: spreekuren, lezingen en cursussen.
- Ontmoeting: speelgroepen en plekken waar je zonder afspraak binnenloopt.
- Hulp bij het Groeipakket, kinderopvang en andere vragen.

## Waar vind je ons?
Het centrale huis staat in Turnhout. In Beerse, Kasterlee en Oud-Turnhout zijn er antennes: \
plekken in je eigen gemeente voor activiteiten, vragen en afspraken. De Babybus komt naar \
Vosselaar en andere plekken zonder eigen huis. Je vindt alle plekken met hun openingsuren \
onder "Locaties".

## Met wie werken we samen?
Met Opgroeien (Kind en Gezin), het CAW, de bibliotheken, de kinderopvang, het CLB, de \
Gezinsbond en vele vrijwilligers. Zij zorgen voor een groot deel van het aanbod.

Alles is gratis of heeft een sociaal tarief. Niemand moet wegblijven omdat iets te duur is."""

PRIVACY = """\
Het Huis van het Kind Kempenland gaat zorgvuldig om met je persoonsgegevens. Hier lees je \
welke gegevens deze website verzamelt, waarom, hoelang we ze bewaren en wat je rechten zijn.

## Wie is verantwoordelijk?
Het Huis is een samenwerking van de gemeenten Beerse, Kasterlee, Oud-Turnhout, Turnhout en \
Vosselaar. Stel je een vraag, dan is de gemeente die je kiest verantwoordelijk voor je \
gegevens. De gemeente Turnhout coördineert de website.

## Welke gegevens verzamelen we?
Als je een vraag stelt via het formulier, bewaren we:
- je naam;
- je e-mailadres of telefoonnummer (één van beide is genoeg);
- je vraag;
- de gemeente die je kiest.

Als je je inschrijft voor een activiteit, bewaren we:
- je naam;
- je e-mailadres en/of telefoonnummer (één van beide is genoeg);
- met hoeveel volwassenen en kinderen je komt, en de leeftijd van elk kind (geen namen);
- de gemeente waar je woont (je adres vragen we niet);
- je opmerking over toegankelijkheid of taal, als je er een schrijft.

Als je je abonneert op de nieuwsbrief, bewaren we alleen je e-mailadres en de keuzes die je \
maakt (gemeenten, leeftijden, doelgroepen), om je de nieuwsbrief met het aanbod voor jou te \
sturen.
Verder verzamelen we niets over jou. Je kunt de website gebruiken zonder je naam te geven.

## Waarom?
We gebruiken je gegevens alleen om je vraag te beantwoorden of om je inschrijving te regelen: \
je plaats vasthouden, je een bevestiging en een herinnering sturen, en je verwittigen als er \
een plaats vrijkomt of als een activiteit niet doorgaat. We gebruiken ze niet voor reclame en \
we verkopen ze niet.

Bij een inschrijving tellen we ook, zonder naam, hoeveel mensen uit elke gemeente en van \
elke leeftijdsgroep zich inschreven en kwamen. Zo zien de gemeenten welke gezinnen het Huis \
bereikt. Die telling zegt niet wie je bent.

## Wie krijgt je gegevens?
Het aanspreekpunt van de gemeente die je kiest, krijgt je vraag en je contactgegevens. Is je \
vraag voor een partner (bijvoorbeeld Kind en Gezin of het CAW), dan vragen we eerst of je \
akkoord gaat voor we iets doorgeven.

## Hoelang bewaren we je gegevens?
We wissen je vraag en je contactgegevens automatisch {termijn} dagen nadat je de vraag stelde.

Van een inschrijving wissen we je naam, je contactgegevens, je opmerking en de leeftijden \
van je kinderen automatisch {maanden} maanden na de activiteit. Alleen de telling zonder naam \
blijft bewaard.

Bevestig je je abonnement op de nieuwsbrief niet binnen {bevestigen} dagen, dan wissen we je \
e-mailadres. Schrijf je je uit (met de link onderaan elke nieuwsbrief), dan wissen we het meteen.

## Cookies
De website gebruikt alleen de cookies die nodig zijn om formulieren veilig te versturen. We \
gebruiken geen cookies om je te volgen, geen advertenties en geen diensten van andere \
bedrijven die je bezoek kunnen zien.

## Wat zijn je rechten?
Schreef je je in voor een activiteit? In je bevestigingsmail staat een persoonlijke link. \
Daarmee bekijk of annuleer je je inschrijving, en laat je je gegevens meteen wissen, ook \
voor de activiteit.

Je mag altijd vragen welke gegevens we over jou hebben, ze laten verbeteren of laten wissen. \
Je mag ook bezwaar maken tegen hoe we ze gebruiken. Stuur daarvoor een e-mail naar de \
functionaris voor gegevensbescherming: privacy@huisvanhetkind-kempenland.demo.example, of bel \
014 00 00 00. We antwoorden binnen een maand.

Ben je niet tevreden met ons antwoord? Dan kun je een klacht indienen bij de Vlaamse \
Toezichtcommissie voor de verwerking van persoonsgegevens (www.vlaamsetoezichtcommissie.be)."""

TOEGANKELIJKHEID = """\
Het Huis van het Kind Kempenland streeft ernaar deze website toegankelijk te maken, \
overeenkomstig het bestuursdecreet van 7 december 2018, waarmee de Europese richtlijn \
2016/2102 is omgezet.

Deze toegankelijkheidsverklaring is van toepassing op de website van het Huis van het Kind \
Kempenland, met de pagina's van elke gemeente (bijvoorbeeld /beerse/ en \
huisvanhetkind-beerse.be). Ze geldt niet voor het beheer voor medewerkers.

## Nalevingsstatus
Deze website is gedeeltelijk in overeenstemming met de Web Content Accessibility Guidelines \
(WCAG) 2.1, niveau AA. De inhoud hieronder is nog niet volledig toegankelijk.

## Niet-toegankelijke inhoud
- Foto's bij activiteiten en locaties: partners voegen soms een foto toe zonder beschrijving \
(WCAG 1.1.1). Alle informatie staat ook in de tekst naast de foto.
- Beschrijvingen van activiteiten die partners zelf schrijven, zijn niet altijd in eenvoudige \
taal. Heb je hulp nodig om iets te begrijpen? Bel of mail het aanspreekpunt van je gemeente.
- De kaart met locaties is niet voor iedereen even bruikbaar. Alle locaties staan ook in een \
lijst met adres en openingsuren.
- De website is alleen in het Nederlands. Aan andere talen wordt gewerkt.

## Opstelling van deze verklaring
Deze verklaring is opgesteld op {datum}. We hebben de website zelf beoordeeld: bij elke \
wijziging test een automatische controle (axe-core in de browser Chromium) elke publieke \
pagina op het scherm van een gsm en van een computer. We controleren ook met het toetsenbord, \
met een vergroot scherm en zonder JavaScript. Een automatische test vindt niet alle \
problemen; daarom laten we de website ook door een ervaringsdeskundige testen.

## Feedback en contactgegevens
Kun je iets op deze website niet lezen of gebruiken? Laat het ons weten via \
toegankelijkheid@huisvanhetkind-kempenland.demo.example of bel 014 00 00 00. Zeg op welke \
pagina het probleem is. We antwoorden binnen vijf werkdagen en geven je de informatie op een \
andere manier als dat nodig is.

## Handhavingsprocedure
Ben je niet tevreden met ons antwoord? Dien dan een klacht in bij de klachtendienst van je \
gemeente. Helpt dat niet, dan kun je je wenden tot de Vlaamse Ombudsdienst \
(www.vlaamseombudsdienst.be)."""

NIEUWS = [
    # slug, titel, inleiding, tekst, NIS of the gemeente (None: for everyone), days ago
    (
        "nieuwe-ontmoetingsplek-t-klavertje-beerse",
        "Nieuwe ontmoetingsplek 't Klavertje in Beerse",
        "Elke woensdagnamiddag kun je met je kinderen binnenlopen in 't Klavertje, zonder "
        "afspraak.",
        "In de Vaartstraat 81 opent 't Klavertje: een plek waar ouders en kinderen elkaar "
        "ontmoeten. Elke woensdag van 14.00 tot 16.30 uur ben je welkom, zonder afspraak en "
        "gratis.\n\nEr is speelgoed voor baby's, peuters en kleuters, en een hoek om rustig "
        "koffie te drinken. Een medewerker van het Huis is er altijd bij voor je vragen.",
        "13004",
        3,
    ),
    (
        "babybus-in-de-kerstvakantie",
        "De Babybus neemt kerstvakantie",
        "Tijdens de kerstvakantie rijdt de Babybus niet. Daarna staat hij weer op de vaste "
        "plekken.",
        "De Babybus stopt niet tijdens de kerstvakantie. Heb je in die weken een vraag? Het "
        "centrale huis in Turnhout is open, behalve op de feestdagen.\n\nVanaf januari staat "
        "de Babybus weer op de vaste haltes in Vosselaar en Beerse.",
        None,
        10,
    ),
    (
        "lezing-slapen-zonder-tranen",
        "Lezing: slapen zonder tranen",
        "Slaapt je kind moeilijk in of wordt het vaak wakker? Een kinderpsycholoog geeft tips "
        "die werken.",
        "Veel ouders van jonge kinderen slapen te weinig. In deze lezing hoor je hoe slapen "
        "werkt bij baby's en peuters, en wat je kunt doen als het moeilijk gaat.\n\nDe lezing "
        "is gratis. Inschrijven kan via het aanbod op deze website.",
        None,
        20,
    ),
    (
        "nieuwe-website",
        "Het Huis van het Kind heeft een nieuwe website",
        "Op één website vind je nu het aanbod, de plekken en het aanspreekpunt van je gemeente.",
        "Kies je gemeente op de startpagina. Je ziet dan wat er binnenkort te doen is, welke "
        "plekken dicht bij je liggen en waar je met je vragen terechtkunt.\n\nDe website werkt "
        "ook op je gsm.",
        None,
        40,
    ),
]


def _datum(dag: dt.date) -> str:
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def laad():
    Huisstijl.objects.update_or_create(
        pk=1,
        defaults={
            "naam": "Huis van het Kind Kempenland",
            "ondertitel": "Eén Huis voor gezinnen in vijf gemeenten",
            "inleiding": (
                "Het Huis van het Kind Kempenland is er voor (aanstaande) ouders en gezinnen "
                "met kinderen en jongeren. Vijf gemeenten werken samen, zodat je in je eigen "
                "gemeente terechtkunt en ook het aanbod in de buurgemeenten kunt gebruiken."
            ),
            "kleur": "#1d5c8f",
        },
    )
    for nis, kleur in KLEUREN.items():
        Gemeente.objects.filter(nis_code=nis).update(kleur=kleur)

    paginas = {
        Pagina.Soort.OVER: ("Over het Huis van het Kind Kempenland", OVER),
        Pagina.Soort.PRIVACY: (
            "Privacyverklaring",
            PRIVACY.format(
                termijn=settings.HVK_VRAGEN_BEWAARTERMIJN_DAGEN,
                maanden=settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN,
                bevestigen=settings.HVK_NIEUWSBRIEF_BEVESTIGEN_DAGEN,
            ),
        ),
        Pagina.Soort.TOEGANKELIJKHEID: (
            "Toegankelijkheidsverklaring",
            TOEGANKELIJKHEID.format(datum=_datum(vandaag())),
        ),
    }
    for soort, (titel, inhoud) in paginas.items():
        Pagina.objects.update_or_create(soort=soort, defaults={"titel": titel, "inhoud": inhoud})

    gemeenten = {g.nis_code: g for g in Gemeente.objects.all()}
    for slug, titel, inleiding, tekst, nis, dagen_geleden in NIEUWS:
        Nieuwsbericht.objects.update_or_create(
            slug=slug,
            defaults={
                "titel": titel,
                "inleiding": inleiding,
                "tekst": tekst,
                "gemeente": gemeenten.get(nis) if nis else None,
                "publicatiedatum": lokale_tijd(
                    vandaag() - dt.timedelta(days=dagen_geleden), dt.time(9)
                ),
                "gepubliceerd": True,
            },
        )

    beerse = gemeenten.get("13004")
    if beerse:
        Domein.objects.update_or_create(hostnaam=DOMEIN_BEERSE, defaults={"gemeente": beerse})

    return [
        "Huisstijl: Huis van het Kind Kempenland, met een eigen kleur per gemeente.",
        f"Website: 3 pagina's, {len(NIEUWS)} nieuwsberichten, domeinnaam {DOMEIN_BEERSE} "
        "voor Beerse (zet die ook in ALLOWED_HOSTS).",
    ]

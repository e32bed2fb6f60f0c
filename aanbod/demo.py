"""Demo offer: a year of activities, spread unevenly on purpose so the reports have a story.

The year runs from two months ago to ten months ahead (see ``locaties.demo.demojaar``).
Turnhout, with the central house and Babbelonie, gets most of the offer: two consultations a
week, two play groups, the opvoedingswinkel and the intervision of childcare workers. Beerse,
with clearly more child poverty than the three other small gemeenten, only gets a
consultation every other week: the same as Oud-Turnhout, copied rather than planned.
Kasterlee gets the regional baby massage and a monthly play morning in Lichtaart. Vosselaar
has no place and so no moments at all; only the Babybus stops there, and the nearest
preventive health offer its residents may use (the baby massage in Lichtaart) is some 9 km
away. The lecture "Slapen zonder tranen" is one generic format with local versions in
Kasterlee and Oud-Turnhout.

Moments of recurring rules are expanded with the service (and, for the past two months that
the service never fills, with the same expansion); single dates are keyed by (activity,
begin). A few moments are cancelled (closures of the central house, a sick play-group leader,
a consultation in Beerse) and one is moved by hand, so the admin shows both.

Registrations come from clearly fake families ("Gezin Peeters (demo)", addresses at
demo.example): the baby-massage series running now is nearly full, with attendance ticked on
its lessons that are over; the next series is full with a waiting list; the lecture in
Kasterlee counts seats per person. Lessons still to come are registered through the
registration service (without mails), so the anonymous reach (``Bereikcijfer``) adds up; the
lessons already over cannot be registered for any more, so ``_voorbij_inschrijven`` writes
their rows and reach directly, the way the service would have.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import F, Q
from django.utils import timezone

from aanbod.models import Activiteit, Bereikcijfer, Doelgroep, Inschrijving, Moment, Pijler, Reeks
from aanbod.services import (
    Gezin,
    aanwezigheid_noteren,
    inschrijven,
    lokale_versies_maken,
    momenten_uitrollen,
)
from gemeenten.models import Gemeente, Partner, Thema
from gemeenten.models.periode import vandaag
from hvk.herhaling import Weekdag, WeekVanDeMaand, lokale_tijd, rol_uit
from locaties.demo import (
    buiten_de_regel,
    demojaar,
    feestdagen,
    kerstvakantie,
    terug_naar_de_regel,
)
from locaties.models import Locatie, Taal

MA, DI, WO, DO, VR, ZA = (
    Weekdag.MAANDAG,
    Weekdag.DINSDAG,
    Weekdag.WOENSDAG,
    Weekdag.DONDERDAG,
    Weekdag.VRIJDAG,
    Weekdag.ZATERDAG,
)
OPGROEIEN = "Opgroeien (Kind en Gezin)"
OM_DE_TWEE_WEKEN = 2


@dataclass(frozen=True)
class Regel:
    """A recurring rule: weekly (every ``interval`` weeks) or on the nth weekday of a month."""

    weekdag: int
    van: str
    tot: str
    interval: int = 1
    week_van_de_maand: int | None = None


@dataclass
class Aanbod:
    slug: str
    titel: str
    samenvatting: str
    beschrijving: str
    pijler: str
    locatie: str | None
    themas: list[str]
    doelgroepen: list[str]
    leeftijd: tuple[int | None, int | None]
    talen: list[str]
    partners: list[str]
    gemeenten: list[str] = field(default_factory=list)  # NIS codes; empty for regional offer
    doorlopend: bool = False
    inschrijving_vereist: bool = False
    capaciteit: int | None = None
    plaatsen_per: str = Activiteit.PlaatsenPer.PERSOON
    prijs: str = "0"
    sociaal_tarief: str | None = None
    uitpas: bool = False
    gepubliceerd: bool = True
    regels: list[Regel] = field(default_factory=list)
    # Single dates: (day, from, to).
    data: list[tuple[dt.date, str, str]] = field(default_factory=list)


def _maand(nummer: int) -> dt.date:
    """The first day of the month ``nummer`` months from this one (-1 = last month)."""
    return vandaag().replace(day=1) + relativedelta(months=nummer)


def _week(nummer: int) -> dt.date:
    """The Monday of week ``nummer`` of the demo year (today falls in week 8 or 9)."""
    return demojaar()[0] + dt.timedelta(weeks=nummer)


def _nde(maand: dt.date, weekdag: int, n: int) -> dt.date:
    eerste = maand + dt.timedelta(days=(weekdag - maand.weekday()) % 7)
    return eerste + dt.timedelta(weeks=n - 1)


def _vrije_dagen() -> set[dt.date]:
    """Public holidays and Christmas holidays in the demo year: no lessons, no moves."""
    begin, einde = demojaar()
    vrij = {dag for dag, _naam in feestdagen(begin, einde)}
    for jaar in (begin.year, einde.year):
        kerst_begin, kerst_einde = kerstvakantie(jaar)
        dagen = (kerst_einde - kerst_begin).days + 1
        vrij |= {kerst_begin + dt.timedelta(days=i) for i in range(dagen)}
    return vrij


def _lessenreeks(week: int, van: str, tot: str, keer: int = 5):
    """Weekly lessons on Mondays from week ``week`` of the demo year, skipping holidays."""
    vrij = _vrije_dagen()
    maandagen = (_week(week + i) for i in range(52))
    return [(dag, van, tot) for dag in maandagen if dag not in vrij][:keer]


def _plan() -> list[Aanbod]:
    return [
        Aanbod(
            slug="consultatiebureau-turnhout",
            titel="Consultatiebureau Kind en Gezin Turnhout",
            samenvatting=(
                "Je kind laten wegen, meten en vaccineren, met al je vragen over voeding, slapen "
                "en groeien."
            ),
            beschrijving=(
                "Een verpleegkundige en een arts van Kind en Gezin volgen je kind op tot 3 jaar. "
                "Op afspraak, via het onthaal van het Huis. Gratis."
            ),
            pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
            locatie="huis-van-het-kind-turnhout",
            themas=["Gezondheid"],
            doelgroepen=["gezinnen-0-3"],
            leeftijd=(0, 36),
            talen=["nl", "fr", "en", "ar"],
            partners=[OPGROEIEN],
            gemeenten=["13040"],
            regels=[Regel(DI, "09:00", "12:00"), Regel(DO, "13:30", "16:30")],
        ),
        Aanbod(
            slug="consultatiebureau-beerse",
            titel="Consultatiebureau Kind en Gezin Beerse",
            samenvatting="Wegen, meten, vaccineren en vragen stellen, om de twee weken in Beerse.",
            beschrijving="Op afspraak, via het loket van de antenne in Beerse. Gratis.",
            pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
            locatie="antenne-beerse",
            themas=["Gezondheid"],
            doelgroepen=["gezinnen-0-3"],
            leeftijd=(0, 36),
            talen=["nl", "pl"],
            partners=[OPGROEIEN],
            gemeenten=["13004"],
            regels=[Regel(DO, "13:30", "16:00", OM_DE_TWEE_WEKEN)],
        ),
        Aanbod(
            slug="consultatiebureau-oud-turnhout",
            titel="Consultatiebureau Kind en Gezin Oud-Turnhout",
            samenvatting="Wegen, meten, vaccineren en vragen stellen, om de twee weken.",
            beschrijving="Op afspraak, via het gemeentehuis van Oud-Turnhout. Gratis.",
            pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
            locatie="antenne-oud-turnhout",
            themas=["Gezondheid"],
            doelgroepen=["gezinnen-0-3"],
            leeftijd=(0, 36),
            talen=["nl"],
            partners=[OPGROEIEN],
            gemeenten=["13031"],
            regels=[Regel(WO, "09:00", "11:30", OM_DE_TWEE_WEKEN)],
        ),
        Aanbod(
            slug="babymassage",
            titel="Babymassage: lessenreeks van vijf ochtenden",
            samenvatting="Vijf ochtenden leren hoe je je baby masseert, met andere ouders.",
            beschrijving=(
                "Een erkende babymasseuse leert je in vijf lessen je baby te masseren. Breng een "
                "handdoek en een fles plantaardige olie mee. Je schrijft je in voor de hele reeks."
            ),
            pijler=Pijler.PREVENTIEVE_GEZONDHEIDSZORG,
            locatie="antenne-lichtaart",
            themas=["Gezondheid", "Ontmoeting"],
            doelgroepen=["gezinnen-0-3"],
            leeftijd=(1, 9),
            talen=["nl", "en"],
            partners=["Gezinsbond Kasterlee", OPGROEIEN],
            inschrijving_vereist=True,
            capaciteit=8,
            plaatsen_per=Activiteit.PlaatsenPer.GEZIN,
            prijs="25.00",
            sociaal_tarief="5.00",
            uitpas=True,
            data=[
                les for week in BABYMASSAGE_REEKSEN for les in _lessenreeks(week, "10:00", "11:15")
            ],
        ),
        Aanbod(
            slug="speelgroep-kribbel",
            titel="Speelgroep Kribbel",
            samenvatting="Samen spelen met je baby of peuter, elke woensdagochtend.",
            beschrijving=(
                "Een begeleider van Kinderopvang Kempenkind zet speelhoeken klaar; jij speelt "
                "mee en ontmoet andere ouders. Gratis, zonder inschrijving."
            ),
            pijler=Pijler.ONTMOETING,
            locatie="babbelonie",
            themas=["Ontmoeting"],
            doelgroepen=["gezinnen-0-3"],
            leeftijd=(6, 36),
            talen=["nl", "ar", "tr"],
            partners=["Kinderopvang Kempenkind"],
            regels=[Regel(WO, "09:30", "11:00")],
        ),
        Aanbod(
            slug="babbel-en-brabbel",
            titel="Babbel & Brabbel: samen Nederlands spelen",
            samenvatting="Spelenderwijs Nederlands met je peuter, met voorlezen van de bib.",
            beschrijving=(
                "Voor gezinnen die thuis een andere taal spreken: liedjes, prentenboeken en "
                "spelletjes in het Nederlands. Je eigen taal is ook welkom."
            ),
            pijler=Pijler.ONTMOETING,
            locatie="babbelonie",
            themas=["Ontmoeting", "Kinderarmoede"],
            doelgroepen=["gezinnen-0-3", "kinderen-3-12"],
            leeftijd=(18, 48),
            talen=["nl", "ar", "tr", "pl", "ro", "uk"],
            partners=["Bibliotheek Turnhout"],
            regels=[Regel(VR, "09:30", "11:00")],
        ),
        Aanbod(
            slug="vrije-inloop-babbelonie",
            titel="Vrije inloop in Babbelonie",
            samenvatting="Binnenlopen zonder afspraak: spelen, koffie en een babbel.",
            beschrijving=(
                "Tijdens de inloopuren van Babbelonie ben je welkom zonder afspraak. Een "
                "medewerker van het Huis en van het CAW luistert mee als je iets wil vragen."
            ),
            pijler=Pijler.ONTMOETING,
            locatie="babbelonie",
            themas=["Ontmoeting", "Kinderarmoede"],
            doelgroepen=["gezinnen-0-3", "alle-ouders"],
            leeftijd=(0, 72),
            talen=["nl", "ar", "tr", "pl", "ro", "uk"],
            partners=["CAW De Kempen"],
            doorlopend=True,
        ),
        Aanbod(
            slug="vrije-inloop-t-klavertje",
            titel="Vrije inloop in 't Klavertje",
            samenvatting="Woensdagnamiddag binnenlopen met je kinderen in Beerse.",
            beschrijving="Spelen en andere ouders ontmoeten, zonder afspraak en gratis.",
            pijler=Pijler.ONTMOETING,
            locatie="t-klavertje-beerse",
            themas=["Ontmoeting"],
            doelgroepen=["gezinnen-0-3", "kinderen-3-12"],
            leeftijd=(0, 72),
            talen=["nl", "pl", "ro", "bg"],
            partners=["Kinderopvang Kempenkind"],
            gemeenten=["13004"],
            doorlopend=True,
        ),
        Aanbod(
            slug="opvoedingswinkel-spreekuur",
            titel="Opvoedingswinkel: spreekuur over opvoeden",
            samenvatting="Met je vragen over opvoeden langskomen, van baby tot tiener.",
            beschrijving=(
                "Een opvoedingsondersteuner van het CAW en een CLB-medewerker luisteren en denken "
                "mee. Binnenlopen mag; wie liever een vast uur heeft, belt het onthaal."
            ),
            pijler=Pijler.OPVOEDINGSONDERSTEUNING,
            locatie="huis-van-het-kind-turnhout",
            themas=["Opvoedingsondersteuning"],
            doelgroepen=["alle-ouders", "kinderen-3-12", "tieners-jongeren"],
            leeftijd=(0, 216),
            talen=["nl", "fr", "en"],
            partners=["CAW De Kempen", "CLB Kempen"],
            regels=[
                Regel(WO, "14:00", "17:00", week_van_de_maand=WeekVanDeMaand.EERSTE),
                Regel(DO, "17:00", "19:00", week_van_de_maand=WeekVanDeMaand.DERDE),
            ],
        ),
        Aanbod(
            slug="intervisie-kinderbegeleiders",
            titel="Intervisie voor kinderbegeleiders en onthaalouders",
            samenvatting="Elk kwartaal casussen bespreken met collega's uit de kinderopvang.",
            beschrijving="Voor wie in de kinderopvang werkt in een van de vijf gemeenten.",
            pijler=Pijler.OPVOEDINGSONDERSTEUNING,
            locatie="huis-van-het-kind-turnhout",
            themas=["Kinderopvang / LOK", "Opvoedingsondersteuning"],
            doelgroepen=["professionals"],
            leeftijd=(None, None),
            talen=["nl"],
            partners=["Kinderopvang Kempenkind"],
            inschrijving_vereist=True,
            capaciteit=16,
            regels=[
                Regel(MA, "13:30", "16:00", interval=3, week_van_de_maand=WeekVanDeMaand.TWEEDE)
            ],
        ),
        Aanbod(
            slug="speelochtend-lichtaart",
            titel="Speelochtend Lichtaart",
            samenvatting="Elke tweede zaterdag spelen, voorlezen en koffie in Lichtaart.",
            beschrijving="Met de Gezinsbond en de bib van Kasterlee. Gratis, zonder inschrijving.",
            pijler=Pijler.ONTMOETING,
            locatie="antenne-lichtaart",
            themas=["Ontmoeting"],
            doelgroepen=["gezinnen-0-3", "kinderen-3-12"],
            leeftijd=(0, 48),
            talen=["nl"],
            partners=["Gezinsbond Kasterlee", "Bibliotheek Kasterlee"],
            gemeenten=["13017"],
            regels=[Regel(ZA, "09:30", "11:30", week_van_de_maand=WeekVanDeMaand.TWEEDE)],
        ),
        Aanbod(
            slug="online-infosessie-groeipakket",
            titel="Online infosessie: Groeipakket en kinderopvang",
            samenvatting="Welke toelagen krijg je, en hoe vind je opvang? In een uur, online.",
            beschrijving="Je krijgt de link na je inschrijving. Vragen stellen kan via de chat.",
            pijler=Pijler.OPVOEDINGSONDERSTEUNING,
            locatie="huis-van-het-kind-online",
            themas=["Kinderopvang / LOK", "Kinderarmoede"],
            doelgroepen=["aanstaande-ouders", "gezinnen-0-3"],
            leeftijd=(None, None),
            talen=["nl", "en"],
            partners=[OPGROEIEN],
            inschrijving_vereist=True,
            capaciteit=50,
            data=[(_nde(_maand(m), MA, 1), "20:00", "21:00") for m in (-1, 2, 5, 8)],
        ),
    ]


LEZING = Aanbod(
    slug="lezing-slapen-zonder-tranen",
    titel="Lezing: slapen zonder tranen",
    samenvatting="Wat helpt je baby of peuter (en jou) om beter te slapen?",
    beschrijving=(
        "Een slaapdeskundige vertelt over slaapritmes, inslapen en doorslapen, en beantwoordt "
        "je vragen. Het format van de regio: elke gemeente plant haar eigen avond."
    ),
    pijler=Pijler.OPVOEDINGSONDERSTEUNING,
    locatie=None,
    themas=["Opvoedingsondersteuning"],
    doelgroepen=["gezinnen-0-3", "alle-ouders"],
    leeftijd=(0, 72),
    talen=["nl"],
    partners=[OPGROEIEN],
    inschrijving_vereist=True,
    capaciteit=40,
    # The format itself has no dates; residents see its local versions.
    gepubliceerd=False,
)


def _lezing_lokaal():
    """Per gemeente with a local version: place, extra partner, and its own evenings."""
    return {
        "13017": (
            "antenne-lichtaart",
            "Bibliotheek Kasterlee",
            [(_nde(_maand(m), DO, 2), "20:00", "22:00") for m in (1, 6)],
        ),
        "13031": (
            "antenne-oud-turnhout",
            None,
            [(_nde(_maand(m), DI, 3), "19:30", "21:30") for m in (2, 7)],
        ),
    }


# The first week of each baby-massage series: one done, one running now, two ahead.
BABYMASSAGE_REEKSEN = (1, 7, 21, 34)


@dataclass(frozen=True)
class DemoGezin:
    """A made-up family; the name says it is demo data, the address is at demo.example."""

    naam: str
    woonplaats: str | None  # NIS code; None: outside the five gemeenten
    volwassenen: int
    leeftijden: tuple[int, ...]  # the children's ages in months
    email: bool = True  # False: registered by phone, without an e-mail address
    opmerking: str = ""

    def gezin(self, gemeenten: dict[str, Gemeente]) -> Gezin:
        slug = self.naam.lower().replace(" ", "-")
        return Gezin(
            naam=f"Gezin {self.naam} (demo)",
            email=f"{slug}@demo.example" if self.email else "",
            telefoon="" if self.email else "0470 00 00 00",
            volwassenen=self.volwassenen,
            leeftijden=self.leeftijden,
            woonplaats=gemeenten[self.woonplaats] if self.woonplaats else None,
            opmerking=self.opmerking,
        )


TURNHOUT, BEERSE, KASTERLEE, OUD_TURNHOUT, VOSSELAAR = "13040", "13004", "13017", "13031", "13046"
# Parents with a baby of one to nine months, for the baby massage.
BABYGEZINNEN = [
    DemoGezin("Peeters", TURNHOUT, 2, (3,)),
    DemoGezin("Janssens", KASTERLEE, 1, (5,)),
    DemoGezin("El Amrani", TURNHOUT, 1, (2,), opmerking="Mijn partner spreekt Arabisch."),
    DemoGezin("Nowak", BEERSE, 2, (4,)),
    DemoGezin("Maes", KASTERLEE, 1, (6,), email=False),
    DemoGezin("Wouters", OUD_TURNHOUT, 2, (7,)),
    DemoGezin("Yilmaz", None, 1, (3,)),
    DemoGezin("Claes", VOSSELAAR, 1, (8,)),
    DemoGezin("Dubois", KASTERLEE, 1, (2,)),
    DemoGezin("Popescu", TURNHOUT, 2, (5,)),
    DemoGezin("Van Dyck", BEERSE, 1, (4,), opmerking="We komen met de rolstoel."),
    DemoGezin("Mertens", OUD_TURNHOUT, 1, (1,)),
]
# Who registers for which baby-massage series (its first week): the running series nearly
# full (7 of 8 families), the next full with two families waiting.
BABYMASSAGE_INSCHRIJVINGEN = [(7, BABYGEZINNEN[:7]), (21, BABYGEZINNEN[2:])]
# Whoever is absent from the lessons that are over (the rest came).
AFWEZIG = "Nowak"
# The lecture in Kasterlee, seats per person: parents with toddlers and preschoolers.
LEZINGGEZINNEN = [
    DemoGezin("Verbeeck", KASTERLEE, 2, (18, 48)),
    DemoGezin("Hermans", KASTERLEE, 1, (30,)),
    DemoGezin("Smets", OUD_TURNHOUT, 2, (12,)),
    DemoGezin("Aerts", KASTERLEE, 2, (24, 60, 60)),
    DemoGezin("Kowalski", BEERSE, 1, (36,), email=False),
    DemoGezin("Goossens", None, 2, (20,)),
]


class _Opzoeken:
    def __init__(self):
        self.themas = {t.naam: t for t in Thema.objects.all()}
        self.doelgroepen = {d.slug: d for d in Doelgroep.objects.all()}
        self.talen = {t.code: t for t in Taal.objects.all()}
        self.partners = {p.naam: p for p in Partner.objects.all()}
        self.gemeenten = {g.nis_code: g for g in Gemeente.objects.all()}
        self.locaties = {loc.slug: loc for loc in Locatie.objects.all()}


def _activiteit(aanbod: Aanbod, op: _Opzoeken) -> Activiteit:
    activiteit, _ = Activiteit.objects.update_or_create(
        slug=aanbod.slug,
        defaults={
            "titel": aanbod.titel,
            "samenvatting": aanbod.samenvatting,
            "beschrijving": aanbod.beschrijving,
            "pijler": aanbod.pijler,
            "leeftijd_van": aanbod.leeftijd[0],
            "leeftijd_tot": aanbod.leeftijd[1],
            "prijs": Decimal(aanbod.prijs),
            "sociaal_tarief": Decimal(aanbod.sociaal_tarief) if aanbod.sociaal_tarief else None,
            "uitpas": aanbod.uitpas,
            "bereik": (
                Activiteit.Bereik.LOKAAL if aanbod.gemeenten else Activiteit.Bereik.REGIONAAL
            ),
            "locatie": op.locaties[aanbod.locatie] if aanbod.locatie else None,
            "doorlopend": aanbod.doorlopend,
            "inschrijving_vereist": aanbod.inschrijving_vereist,
            "capaciteit": aanbod.capaciteit,
            "plaatsen_per": aanbod.plaatsen_per,
            "generiek": None,
            "gepubliceerd": aanbod.gepubliceerd,
        },
    )
    _koppelingen(activiteit, aanbod, op)
    return activiteit


def _koppelingen(activiteit, aanbod: Aanbod, op: _Opzoeken, extra_partner=None):
    activiteit.themas.set([op.themas[t] for t in aanbod.themas])
    activiteit.doelgroepen.set([op.doelgroepen[d] for d in aanbod.doelgroepen])
    activiteit.talen.set([op.talen[t] for t in aanbod.talen])
    partners = [op.partners[p] for p in aanbod.partners]
    if extra_partner:
        partners.append(op.partners[extra_partner])
    activiteit.partners.set(partners)
    if activiteit.bereik == Activiteit.Bereik.LOKAAL and aanbod.gemeenten:
        activiteit.gemeenten.set([op.gemeenten[n] for n in aanbod.gemeenten])
    elif activiteit.bereik == Activiteit.Bereik.REGIONAAL:
        activiteit.gemeenten.clear()


def _reeksen(activiteit, regels: list[Regel]) -> list[Reeks]:
    begin, einde = demojaar()
    reeksen = []
    for regel in regels:
        maandelijks = regel.week_van_de_maand is not None
        reeks, _ = Reeks.objects.update_or_create(
            activiteit=activiteit,
            weekdag=regel.weekdag,
            begintijd=dt.time.fromisoformat(regel.van),
            defaults={
                "frequentie": (
                    Reeks.Frequentie.MAANDELIJKS if maandelijks else Reeks.Frequentie.WEKELIJKS
                ),
                "interval": regel.interval,
                "week_van_de_maand": regel.week_van_de_maand,
                "eindtijd": dt.time.fromisoformat(regel.tot),
                "geldig_van": begin,
                "geldig_tot": einde,
                "locatie": None,
            },
        )
        reeks.full_clean()
        reeksen.append(reeks)
    return reeksen


def _losse_momenten(activiteit, data, locatie=None) -> None:
    """Single dates keyed by (activity, begin); dates of an earlier demo year are removed."""
    bewaard = []
    for dag, van, tot in data:
        moment, _ = Moment.objects.update_or_create(
            activiteit=activiteit,
            begin=lokale_tijd(dag, dt.time.fromisoformat(van)),
            reeks=None,
            defaults={
                "einde": lokale_tijd(dag, dt.time.fromisoformat(tot)),
                "locatie": locatie,
                "geannuleerd": False,
                "aangepast": False,
            },
        )
        bewaard.append(moment.pk)
    oud = activiteit.momenten.filter(reeks=None).exclude(pk__in=bewaard)
    Inschrijving.objects.filter(moment__in=oud).delete()
    oud.delete()


def _uitrollen(reeksen: list[Reeks]) -> None:
    """Expand the rules over the whole demo year, the past two months included."""
    einde = demojaar()[1]
    gisteren = vandaag() - dt.timedelta(days=1)
    for reeks in reeksen:
        oud = buiten_de_regel(reeks, reeks.momenten.all())
        Inschrijving.objects.filter(moment__in=oud).delete()
        oud.delete()
        terug_naar_de_regel(reeks, reeks.momenten.all())
        # The service only looks ahead; the demo's history is expanded the same way.
        rol_uit(
            regel=reeks,
            gerold=reeks.momenten.all(),
            nieuw=lambda b, e, dag, reeks=reeks: Moment(
                activiteit=reeks.activiteit,
                reeks=reeks,
                locatie=reeks.locatie,
                begin=b,
                einde=e,
                oorspronkelijke_datum=dag,
            ),
            van=reeks.geldig_van,
            tot=gisteren,
        )
    momenten_uitrollen(reeksen=reeksen, tot=einde)


def _moment_van(reeks: Reeks, maand: dt.date, index: int) -> Moment:
    """The ``index``-th moment of a rule from a month on, on an ordinary working day."""
    vrij = _vrije_dagen()
    dagen = reeks.datums(maand, maand + relativedelta(months=3))
    gewoon = [d for d in dagen if d not in vrij and d + dt.timedelta(days=1) not in vrij]
    return reeks.momenten.get(oorspronkelijke_datum=gewoon[index])


def _met_de_hand(reeksen: dict[str, list[Reeks]]) -> None:
    """Cancel and move a few moments the way a coordinator would in the admin."""
    volgende_maand = _maand(1)
    for slug, maand, index in (
        ("speelgroep-kribbel", volgende_maand, 1),  # the leader is ill
        ("consultatiebureau-beerse", _maand(2), 0),  # no nurse available
    ):
        moment = _moment_van(reeksen[slug][0], maand, index)
        moment.geannuleerd = True
        moment.save()
    # The opvoedingswinkel moves one Wednesday to Thursday (the room is taken).
    moment = _moment_van(reeksen["opvoedingswinkel-spreekuur"][0], volgende_maand, 0)
    moment.begin += dt.timedelta(days=1)
    moment.einde += dt.timedelta(days=1)
    moment.save()


def _sluitingen(activiteiten: list[Activiteit]) -> None:
    """Cancel moments on days their place is closed (holidays), unless it opens for them."""
    gesloten = Locatie.objects.met_openingsuren().filter(uitzonderingen__isnull=False).distinct()
    for locatie in gesloten:
        schema = locatie.openingsschema()
        momenten = Moment.objects.filter(activiteit__in=activiteiten, geannuleerd=False).filter(
            Q(locatie=locatie) | Q(locatie__isnull=True, activiteit__locatie=locatie)
        )
        for moment in momenten:
            dag = schema.dag(timezone.localdate(moment.begin))
            open_voor_moment = any(
                s.begin <= moment.begin and moment.einde <= s.einde for s in dag.slots
            )
            if dag.uitzondering and not open_voor_moment:
                moment.geannuleerd = True
                moment.save()


@dataclass(frozen=True)
class _Gepland:
    moment: Moment
    gezin: Gezin
    status: str
    aangemaakt: dt.datetime
    voorbij: bool = False  # the moment has begun: the service no longer takes it
    aanwezig: bool | None = None


def _plan_inschrijvingen(babymassage: Activiteit, lezing: Activiteit, gemeenten) -> list[_Gepland]:
    """Every demo registration, in the order the families registered."""
    nu, deze_dag = timezone.now(), vandaag()
    gepland = []
    for week, gezinnen in BABYMASSAGE_INSCHRIJVINGEN:
        lessen = _lessenreeks(week, "10:00", "11:15")
        momenten = [
            babymassage.momenten.get(begin=lokale_tijd(dag, dt.time.fromisoformat(van)))
            for dag, van, _tot in lessen
        ]
        for nummer, demo in enumerate(gezinnen):
            # A few days apart, before the series started and before today.
            dag = min(lessen[0][0], deze_dag) - dt.timedelta(days=30 - 2 * nummer)
            aangemaakt = lokale_tijd(dag, dt.time(9 + nummer))
            status = (
                Inschrijving.Status.BEVESTIGD
                if nummer < babymassage.capaciteit
                else Inschrijving.Status.WACHTLIJST
            )
            for moment in momenten:
                voorbij = moment.begin <= nu
                gepland.append(
                    _Gepland(
                        moment=moment,
                        gezin=demo.gezin(gemeenten),
                        status=status,
                        aangemaakt=aangemaakt,
                        voorbij=voorbij,
                        aanwezig=(demo.naam != AFWEZIG) if voorbij else None,
                    )
                )
    avond = lezing.momenten.order_by("begin").first()
    for nummer, demo in enumerate(LEZINGGEZINNEN):
        gepland.append(
            _Gepland(
                moment=avond,
                gezin=demo.gezin(gemeenten),
                status=Inschrijving.Status.BEVESTIGD,
                aangemaakt=lokale_tijd(
                    deze_dag - dt.timedelta(days=14 - 2 * nummer), dt.time(20, 30)
                ),
            )
        )
    return gepland


def _zoals_gepland(gepland: _Gepland) -> tuple:
    g = gepland.gezin
    return (
        gepland.moment.pk,
        g.naam,
        g.email,
        g.telefoon,
        g.volwassenen,
        len(g.leeftijden),
        tuple(sorted(g.leeftijden)),
        g.woonplaats.pk if g.woonplaats else None,
        g.opmerking,
        gepland.status,
        gepland.aangemaakt.astimezone(dt.UTC),
        gepland.aanwezig,
    )


def _zoals_bewaard(inschrijving: Inschrijving) -> tuple:
    return (
        inschrijving.moment_id,
        inschrijving.naam,
        inschrijving.email,
        inschrijving.telefoon,
        inschrijving.volwassenen,
        inschrijving.kinderen,
        tuple(inschrijving.leeftijden),
        inschrijving.woonplaats_id,
        inschrijving.opmerking,
        inschrijving.status,
        inschrijving.aangemaakt.astimezone(dt.UTC),
        inschrijving.aanwezig,
    )


def _voorbij_inschrijven(gepland: _Gepland) -> Inschrijving:
    """A registration for a lesson that is over, with its reach when confirmed.

    The service refuses moments that have begun, so this writes what it would have written:
    the row, and the people of a confirmed one in ``Bereikcijfer`` by gemeente and age band.
    """
    g = gepland.gezin
    bevestigd = gepland.status == Inschrijving.Status.BEVESTIGD
    inschrijving = Inschrijving.objects.create(
        moment=gepland.moment,
        status=gepland.status,
        naam=g.naam,
        email=g.email,
        telefoon=g.telefoon,
        volwassenen=g.volwassenen,
        kinderen=len(g.leeftijden),
        leeftijden=sorted(g.leeftijden),
        woonplaats=g.woonplaats,
        opmerking=g.opmerking,
        kanaal=Inschrijving.Kanaal.WEBSITE if g.email else Inschrijving.Kanaal.TELEFOON,
        aangemaakt=gepland.aangemaakt,
        toestemming_op=gepland.aangemaakt,
        bevestigd_op=gepland.aangemaakt if bevestigd else None,
    )
    if not bevestigd:
        return inschrijving
    moment = gepland.moment
    for groep, aantal in inschrijving.personen_per_groep().items():
        rij, _ = Bereikcijfer.objects.get_or_create(
            moment=moment,
            woonplaats=g.woonplaats,
            leeftijdsgroep=groep,
            defaults={
                "activiteit_id": moment.activiteit_id,
                "maand": timezone.localdate(moment.begin).replace(day=1),
            },
        )
        Bereikcijfer.objects.filter(pk=rij.pk).update(ingeschreven=F("ingeschreven") + aantal)
    return inschrijving


def _inschrijvingen(babymassage: Activiteit, lezing: Activiteit, gemeenten) -> list[str]:
    """Registrations on the baby massage and the lecture in Kasterlee, with their reach.

    All registrations on these two activities are demo data: when they differ from the plan
    (an earlier demo day, a change in the admin) they are deleted with their reach and made
    again; when they match, nothing changes, so loading the demo twice keeps the same rows.
    """
    gepland = _plan_inschrijvingen(babymassage, lezing, gemeenten)
    momenten = Moment.objects.filter(activiteit__in=[babymassage, lezing])
    bestaand = Inschrijving.objects.filter(moment__in=momenten).order_by("moment", "aangemaakt")
    if set(map(_zoals_bewaard, bestaand)) != set(map(_zoals_gepland, gepland)):
        bestaand.delete()
        Bereikcijfer.objects.filter(moment__in=momenten).delete()
        for item in gepland:
            if item.voorbij:
                inschrijving = _voorbij_inschrijven(item)
            else:
                inschrijving = inschrijven(
                    moment=item.moment,
                    gezin=item.gezin,
                    wachtlijst=True,
                    kanaal=(
                        Inschrijving.Kanaal.WEBSITE
                        if item.gezin.email
                        else Inschrijving.Kanaal.TELEFOON
                    ),
                    verwittigen=False,
                )
                if inschrijving.status != item.status:
                    raise RuntimeError(f"Demo: {item.gezin.naam} is {inschrijving.status}.")
                # Registered some days ago, not at the moment the demo was loaded.
                bevestigd = (
                    item.aangemaakt if item.status == Inschrijving.Status.BEVESTIGD else None
                )
                Inschrijving.objects.filter(pk=inschrijving.pk).update(
                    aangemaakt=item.aangemaakt,
                    toestemming_op=item.aangemaakt,
                    bevestigd_op=bevestigd,
                )
            if item.aanwezig is not None:
                aanwezigheid_noteren(inschrijving=inschrijving, aanwezig=item.aanwezig)
    alle = Inschrijving.objects.filter(moment__in=momenten)
    return [
        f"Inschrijvingen: {alle.count()} van demogezinnen "
        f"({alle.bevestigd().count()} bevestigd, "
        f"{alle.filter(status=Inschrijving.Status.WACHTLIJST).count()} op de wachtlijst, "
        f"{alle.filter(aanwezig=True).count()} keer aanwezig).",
    ]


def laad():
    op = _Opzoeken()
    activiteiten, reeksen = [], {}
    for aanbod in _plan():
        activiteit = _activiteit(aanbod, op)
        reeksen[aanbod.slug] = _reeksen(activiteit, aanbod.regels)
        _losse_momenten(activiteit, aanbod.data)
        activiteiten.append(activiteit)

    lezing = _activiteit(LEZING, op)
    activiteiten.append(lezing)
    lokaal = _lezing_lokaal()
    lokale_versies_maken(generiek=lezing, gemeenten=[op.gemeenten[n] for n in lokaal])
    for nis, (plek, partner, data) in lokaal.items():
        gemeente = op.gemeenten[nis]
        versie = lezing.lokale_versies.get(gemeenten=gemeente)
        versie.titel = f"{LEZING.titel} ({gemeente.naam})"
        versie.locatie = op.locaties[plek]
        versie.gepubliceerd = True
        versie.beschrijving = (
            "Een slaapdeskundige vertelt over slaapritmes, inslapen en doorslapen, en "
            f"beantwoordt je vragen. In {versie.locatie.naam}; inschrijven is gratis."
        )
        versie.save()
        _koppelingen(versie, LEZING, op, extra_partner=partner)
        _losse_momenten(versie, data)
        activiteiten.append(versie)

    _uitrollen([r for rij in reeksen.values() for r in rij])
    _met_de_hand(reeksen)
    _sluitingen(activiteiten)
    inschrijvingen = _inschrijvingen(
        next(a for a in activiteiten if a.slug == "babymassage"),
        lezing.lokale_versies.get(gemeenten=op.gemeenten[KASTERLEE]),
        op.gemeenten,
    )
    # Validated last: the capacity check counts registrations, which are only right now.
    for activiteit in activiteiten:
        activiteit.full_clean()

    momenten = Moment.objects.filter(activiteit__in=activiteiten)
    return [
        f"Aanbod: {len(activiteiten)} activiteiten, {momenten.count()} momenten "
        f"({momenten.filter(geannuleerd=True).count()} geannuleerd).",
        *inschrijvingen,
    ]

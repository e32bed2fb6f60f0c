"""What the API answers: the public face of activities, moments, places and gemeenten.

Each schema lists its fields one by one and is filled by its ``uit`` class method from
rows a selector loaded, so nothing leaves the portal unless it is named here: no
registrations, questions, subscribers, accounts or the contact persons of partners. Field
names are the domain's Dutch words (docs/opendata.md); times are local (Europe/Brussels)
with their offset.
"""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from ninja import Field, Schema

from aanbod.models import Activiteit, Moment, Pijler
from communicatie.context_processors import adres_op_hoofddomein
from gemeenten.models import Gemeente as GemeenteRij
from hvk.herhaling import Weekdag
from locaties.models import Halte as HalteRij
from locaties.models import Locatie as LocatieRij
from locaties.models import Openingsuur as OpeningsuurRij
from locaties.models import Uitzondering as UitzonderingRij


def _getal(waarde: Decimal | None) -> float | None:
    return None if waarde is None else float(waarde)


def _lokaal(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment)


def _uur(tijd: dt.time | None) -> str | None:
    return None if tijd is None else f"{tijd:%H:%M}"


# A wall-clock time of the Huis's time zone, as "09:30". Not JSON Schema's "time" format: that
# is RFC 3339's, which wants an offset, and the offset of 09:30 depends on the day.
UUR_PATROON = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


# --- Small references ------------------------------------------------------------------------


class Verwijzing(Schema):
    """Een thema, een doelgroep of een gemeente: slug en naam."""

    slug: str
    naam: str

    @classmethod
    def uit(cls, rij) -> "Verwijzing":
        return cls(slug=rij.slug, naam=rij.naam)


class TaalVerwijzing(Schema):
    code: str = Field(description="ISO 639-code, bv. nl, fr, en, ar.")
    naam: str


class LocatieVerwijzing(Schema):
    id: int
    slug: str
    naam: str

    @classmethod
    def uit(cls, locatie: LocatieRij | None) -> "LocatieVerwijzing | None":
        if locatie is None:
            return None
        return cls(id=locatie.pk, slug=locatie.slug, naam=locatie.naam)


class Partner(Schema):
    """Een organisatie die het aanbod mee brengt (nooit haar contactpersoon)."""

    naam: str
    website: str


# --- Activities and moments ------------------------------------------------------------------


class VolgendMoment(Schema):
    id: int
    begin: dt.datetime
    einde: dt.datetime


class ActiviteitKort(Schema):
    """Een activiteit in een lijst."""

    id: int
    slug: str
    titel: str
    samenvatting: str
    pijler: Pijler
    themas: list[Verwijzing]
    doelgroepen: list[Verwijzing]
    talen: list[TaalVerwijzing] = Field(description="Talen die er ook gesproken worden.")
    leeftijd_van_maanden: int | None = Field(
        description="Leeftijd van het kind in maanden; null: geen ondergrens."
    )
    leeftijd_tot_maanden: int | None = Field(
        description="Tot en met deze leeftijd in maanden; null: geen bovengrens."
    )
    leeftijd_tekst: str = Field(description="Het leeftijdsbereik zoals een ouder het leest.")
    prijs: float = Field(description="In euro; 0 is gratis.")
    sociaal_tarief: float | None = Field(description="Verminderde prijs in euro, of null.")
    uitpas: bool = Field(description="Korting met de UiTPAS (kansentarief).")
    gratis: bool
    bereik: Activiteit.Bereik = Field(
        description="regionaal: voor inwoners van alle gemeenten; lokaal: alleen voor de "
        "gemeenten in `gemeenten`."
    )
    gemeenten: list[Verwijzing] = Field(description="Bij lokaal aanbod; leeg bij regionaal.")
    locatie: LocatieVerwijzing | None = Field(description="Waar het meestal doorgaat.")
    doorlopend: bool = Field(
        description="Een vaste dienst zonder aparte momenten, tijdens de openingsuren van de "
        "locatie."
    )
    inschrijving_vereist: bool
    volgend_moment: VolgendMoment | None = Field(
        description="Het eerstvolgende moment dat niet afgelast is (binnen van/tot als die "
        "gegeven zijn); null bij doorlopend aanbod of als er niets gepland is."
    )
    url: str = Field(description="De pagina van de activiteit op de website.")

    @classmethod
    def velden_uit(cls, activiteit: Activiteit, request, volgend: Moment | None) -> dict:
        """The fields a list shows; the themes, target groups, languages and gemeenten must be
        prefetched."""
        return {
            "id": activiteit.pk,
            "slug": activiteit.slug,
            "titel": activiteit.titel,
            "samenvatting": activiteit.samenvatting,
            "pijler": activiteit.pijler,
            "themas": [Verwijzing.uit(t) for t in activiteit.themas.all()],
            "doelgroepen": [Verwijzing.uit(d) for d in activiteit.doelgroepen.all()],
            "talen": [TaalVerwijzing(code=t.code, naam=t.naam) for t in activiteit.talen.all()],
            "leeftijd_van_maanden": activiteit.leeftijd_van,
            "leeftijd_tot_maanden": activiteit.leeftijd_tot,
            "leeftijd_tekst": activiteit.leeftijd_tekst,
            "prijs": float(activiteit.prijs),
            "sociaal_tarief": _getal(activiteit.sociaal_tarief),
            "uitpas": activiteit.uitpas,
            "gratis": activiteit.is_gratis,
            "bereik": activiteit.bereik,
            # Sorted here: the prefetch of aanbod_zoeken has no order.
            "gemeenten": [
                Verwijzing.uit(g) for g in sorted(activiteit.gemeenten.all(), key=lambda g: g.naam)
            ],
            "locatie": LocatieVerwijzing.uit(activiteit.locatie),
            "doorlopend": activiteit.doorlopend,
            "inschrijving_vereist": activiteit.inschrijving_vereist,
            "volgend_moment": (
                VolgendMoment(
                    id=volgend.pk, begin=_lokaal(volgend.begin), einde=_lokaal(volgend.einde)
                )
                if volgend is not None
                else None
            ),
            "url": activiteit_url(request, activiteit),
        }

    @classmethod
    def uit(cls, activiteit: Activiteit, request) -> "ActiviteitKort":
        """From a row of ``aanbod_zoeken`` that ``volgende_momenten_koppelen`` went over."""
        return cls(**cls.velden_uit(activiteit, request, activiteit.volgend_moment))


class MomentVanActiviteit(Schema):
    """Een moment van een activiteit: een datum met begin en einde."""

    id: int
    begin: dt.datetime
    einde: dt.datetime
    geannuleerd: bool = Field(
        description="Afgelast; het blijft in de lijst zodat wie het zag, "
        "weet dat het niet doorgaat."
    )
    locatie: LocatieVerwijzing | None = Field(
        description="Waar het doorgaat: de eigen locatie van het moment, anders die van de "
        "activiteit."
    )
    eigen_locatie: bool = Field(
        description="true als het moment een andere plek heeft dan de activiteit."
    )
    vrije_plaatsen: int | None = Field(
        description="Nog vrije plaatsen (alleen het aantal, nooit wie er ingeschreven is); "
        "null als er geen grens is op het aantal plaatsen."
    )
    volzet: bool

    @classmethod
    def velden_uit(cls, moment: Moment) -> dict:
        """The moment's fields; its ``vrije_plaatsen`` must have been computed."""
        return {
            "id": moment.pk,
            "begin": _lokaal(moment.begin),
            "einde": _lokaal(moment.einde),
            "geannuleerd": moment.geannuleerd,
            "locatie": LocatieVerwijzing.uit(moment.plek),
            "eigen_locatie": moment.locatie_id is not None,
            "vrije_plaatsen": moment.vrije_plaatsen,
            "volzet": moment.vrije_plaatsen == 0,
        }

    @classmethod
    def uit(cls, moment: Moment) -> "MomentVanActiviteit":
        return cls(**cls.velden_uit(moment))


class ActiviteitDetail(ActiviteitKort):
    """Een activiteit met alles wat haar pagina toont, en haar komende momenten."""

    beschrijving: str
    afbeelding: str | None = Field(description="Adres van de foto, of null.")
    afbeelding_alt: str = Field(description="Wat er op de foto staat, voor wie hem niet ziet.")
    partners: list[Partner]
    capaciteit: int | None = Field(description="Plaatsen per moment; null: geen grens.")
    plaatsen_per: Activiteit.PlaatsenPer = Field(
        description="Of een plaats een persoon is of een heel gezin."
    )
    momenten: list[MomentVanActiviteit] = Field(
        description="De komende momenten (ook afgelaste), de eerste eerst; hoogstens 100. "
        "Meer met /api/v1/momenten?activiteit=<slug>."
    )

    @classmethod
    def uit(cls, activiteit: Activiteit, momenten: list[Moment], request) -> "ActiviteitDetail":
        """From ``activiteit_voor_publiek`` and ``komende_momenten(met_plaatsen=True)``."""
        volgend = next((m for m in momenten if not m.geannuleerd), None)
        return cls(
            **cls.velden_uit(activiteit, request, volgend),
            beschrijving=activiteit.beschrijving,
            afbeelding=(
                request.build_absolute_uri(activiteit.afbeelding.url)
                if activiteit.afbeelding
                else None
            ),
            afbeelding_alt=activiteit.afbeelding_alt,
            partners=[Partner(naam=p.naam, website=p.website) for p in activiteit.partners.all()],
            capaciteit=activiteit.capaciteit,
            plaatsen_per=activiteit.plaatsen_per,
            momenten=[MomentVanActiviteit.uit(m) for m in momenten],
        )


class ActiviteitVerwijzing(Schema):
    id: int
    slug: str
    titel: str
    url: str = Field(description="De pagina van de activiteit op de website.")


class MomentInLijst(MomentVanActiviteit):
    """Een moment in de lijst van alle komende momenten, met zijn activiteit."""

    activiteit: ActiviteitVerwijzing

    @classmethod
    def uit(cls, moment: Moment, request) -> "MomentInLijst":
        activiteit = moment.activiteit
        return cls(
            **cls.velden_uit(moment),
            activiteit=ActiviteitVerwijzing(
                id=activiteit.pk,
                slug=activiteit.slug,
                titel=activiteit.titel,
                url=activiteit_url(request, activiteit),
            ),
        )


# --- Places ----------------------------------------------------------------------------------


class Adres(Schema):
    straat: str = Field(description="Straat en nummer.")
    postcode: str
    plaats: str


class Toegankelijkheid(Schema):
    """Ja (true), nee (false) of niet gekend (null): niet gekend is geen nee."""

    rolstoeltoegankelijk: bool | None
    kinderwagentoegankelijk: bool | None
    verzorgingstafel: bool | None
    parking: bool | None
    stille_ruimte: bool | None = Field(
        description="Een rustige plek om borstvoeding te geven of tot rust te komen."
    )


class Openingsuur(Schema):
    weekdag: int = Field(ge=0, le=6, description="0 is maandag, 6 is zondag.")
    dag: str = Field(description="De naam van de weekdag.")
    begin: str = Field(pattern=UUR_PATROON, description="Lokale tijd, bv. 09:00.")
    einde: str = Field(pattern=UUR_PATROON, description="Lokale tijd, bv. 12:00.")
    vrije_inloop: bool = Field(description="Binnenlopen zonder afspraak.")

    @classmethod
    def uit(cls, uur: OpeningsuurRij) -> "Openingsuur":
        return cls(
            weekdag=uur.weekdag,
            dag=str(Weekdag(uur.weekdag).label),
            begin=_uur(uur.begin),
            einde=_uur(uur.einde),
            vrije_inloop=uur.vrije_inloop,
        )


class Uitzondering(Schema):
    """Een uitzondering op het weekschema: gesloten, of andere uren op die dagen."""

    van: dt.date
    tot: dt.date = Field(description="Tot en met; gelijk aan van voor één dag.")
    omschrijving: str
    gesloten: bool
    begin: str | None = Field(pattern=UUR_PATROON, description="Lokale tijd; null als gesloten.")
    einde: str | None = Field(pattern=UUR_PATROON, description="Lokale tijd; null als gesloten.")
    vrije_inloop: bool

    @classmethod
    def uit(cls, uitzondering: UitzonderingRij) -> "Uitzondering":
        return cls(
            van=uitzondering.van,
            tot=uitzondering.laatste_dag,
            omschrijving=uitzondering.omschrijving,
            gesloten=uitzondering.gesloten,
            begin=_uur(uitzondering.begin),
            einde=_uur(uitzondering.einde),
            vrije_inloop=uitzondering.vrije_inloop,
        )


class Halte(Schema):
    """Een halte van een mobiel huis."""

    naam: str
    gemeente: Verwijzing
    adres: Adres
    breedtegraad: float | None
    lengtegraad: float | None

    @classmethod
    def uit(cls, halte: HalteRij) -> "Halte":
        plek = halte.locatie if halte.locatie_id else halte
        punt = halte.plek_coordinaten
        return cls(
            naam=halte.naam,
            gemeente=Verwijzing.uit(halte.gemeente),
            adres=Adres(straat=plek.straat, postcode=plek.postcode, plaats=plek.plaats),
            breedtegraad=punt[0] if punt else None,
            lengtegraad=punt[1] if punt else None,
        )


class Locatie(Schema):
    """Een locatie van het Huis."""

    id: int
    slug: str
    naam: str
    soort: LocatieRij.Soort
    gemeente: Verwijzing | None = Field(
        description="Null voor het virtuele huis; voor een mobiel huis de thuisbasis."
    )
    adres: Adres | None = Field(description="Null als de plek geen adres heeft.")
    breedtegraad: float | None = Field(description="WGS84.")
    lengtegraad: float | None = Field(description="WGS84.")
    is_aanbodplek: bool = Field(description="Hier vindt aanbod plaats.")
    is_contactpunt: bool = Field(
        description="Inwoners kunnen hier terecht met vragen, voor afspraken of informatie."
    )
    website: str
    ov_halte: str = Field(description="De bus- of tramhalte vlakbij.")
    toegankelijkheid: Toegankelijkheid
    talen: list[TaalVerwijzing]
    openingsuren: list[Openingsuur] = Field(description="Het weekschema.")
    uitzonderingen: list[Uitzondering] = Field(
        description="Sluitingen en afwijkende uren vanaf vandaag."
    )
    haltes: list[Halte] = Field(description="Alleen bij een mobiel huis.")
    url: str = Field(description="De pagina van de locatie op de website.")

    @classmethod
    def velden_uit(cls, locatie: LocatieRij, request) -> dict:
        """Gemeente, hours, upcoming exceptions, languages and (mobile) stops must be loaded."""
        heeft_adres = bool(locatie.straat or locatie.postcode or locatie.plaats)
        return {
            "id": locatie.pk,
            "slug": locatie.slug,
            "naam": locatie.naam,
            "soort": locatie.soort,
            "gemeente": Verwijzing.uit(locatie.gemeente) if locatie.gemeente_id else None,
            "adres": (
                Adres(straat=locatie.straat, postcode=locatie.postcode, plaats=locatie.plaats)
                if heeft_adres
                else None
            ),
            "breedtegraad": _getal(locatie.breedtegraad),
            "lengtegraad": _getal(locatie.lengtegraad),
            "is_aanbodplek": locatie.is_aanbodplek,
            "is_contactpunt": locatie.is_contactpunt,
            "website": locatie.website,
            "ov_halte": locatie.ov_halte,
            "toegankelijkheid": Toegankelijkheid(
                rolstoeltoegankelijk=locatie.rolstoeltoegankelijk,
                kinderwagentoegankelijk=locatie.kinderwagentoegankelijk,
                verzorgingstafel=locatie.verzorgingstafel,
                parking=locatie.parking,
                stille_ruimte=locatie.stille_ruimte,
            ),
            "talen": [TaalVerwijzing(code=t.code, naam=t.naam) for t in locatie.talen.all()],
            "openingsuren": [Openingsuur.uit(u) for u in locatie.openingsuren.all()],
            "uitzonderingen": [Uitzondering.uit(u) for u in locatie.uitzonderingen.all()],
            "haltes": (
                [Halte.uit(h) for h in locatie.haltes.all()]
                if locatie.soort == LocatieRij.Soort.MOBIEL
                else []
            ),
            "url": adres_op_hoofddomein(request, reverse("locaties:detail", args=[locatie.slug])),
        }

    @classmethod
    def uit(cls, locatie: LocatieRij, request) -> "Locatie":
        return cls(**cls.velden_uit(locatie, request))


class LocatieDetail(Locatie):
    beschrijving: str

    @classmethod
    def uit(cls, locatie: LocatieRij, request) -> "LocatieDetail":
        return cls(**cls.velden_uit(locatie, request), beschrijving=locatie.beschrijving)


# --- Gemeenten -------------------------------------------------------------------------------


class Gemeente(Schema):
    """Een deelnemende gemeente met haar openbare cijfers (Statbel, Opgroeien)."""

    slug: str
    naam: str
    nis_code: str = Field(description="De code van Statbel, 5 cijfers.")
    inwoners: int
    kinderen_0_3: int = Field(description="Kinderen van 0 tot 3 jaar.")
    kinderen_0_12: int = Field(description="Kinderen van 0 tot 12 jaar.")
    bevolking_peiljaar: int = Field(description="Bevolkingscijfers op 1 januari van dit jaar.")
    kansarmoede_index: float | None = Field(
        description="Aandeel geboorten in kansarme gezinnen volgens Opgroeien, in procent."
    )
    kansarmoede_jaar: int | None
    breedtegraad: float | None
    lengtegraad: float | None
    url: str = Field(description="De pagina van de gemeente op de website.")

    @classmethod
    def uit(cls, gemeente: GemeenteRij, request) -> "Gemeente":
        return cls(
            slug=gemeente.slug,
            naam=gemeente.naam,
            nis_code=gemeente.nis_code,
            inwoners=gemeente.inwoners,
            kinderen_0_3=gemeente.kinderen_0_3,
            kinderen_0_12=gemeente.kinderen_0_12,
            bevolking_peiljaar=gemeente.bevolking_peiljaar,
            kansarmoede_index=_getal(gemeente.kansarmoede_index),
            kansarmoede_jaar=gemeente.kansarmoede_jaar,
            breedtegraad=_getal(gemeente.breedtegraad),
            lengtegraad=_getal(gemeente.lengtegraad),
            url=adres_op_hoofddomein(request, reverse("gemeente", args=[gemeente.slug])),
        )


# --- Pages and errors ------------------------------------------------------------------------


class Pagina(Schema):
    """Eén pagina van een lijst, met de links naar de pagina's ernaast."""

    aantal: int = Field(description="Het aantal resultaten op alle pagina's samen.")
    pagina: int
    per_pagina: int
    paginas: int = Field(description="Het aantal pagina's.")
    vorige: str | None = Field(description="Adres van de vorige pagina, of null.")
    volgende: str | None = Field(description="Adres van de volgende pagina, of null.")


class ActiviteitenPagina(Pagina):
    resultaten: list[ActiviteitKort]


class MomentenPagina(Pagina):
    resultaten: list[MomentInLijst]


class LocatiesPagina(Pagina):
    resultaten: list[Locatie]


class GemeentenPagina(Pagina):
    resultaten: list[Gemeente]


class ParameterFout(Schema):
    parameter: str
    melding: str


class Foutmelding(Schema):
    """Wat er misliep; `fouten` noemt elke parameter die niet klopte."""

    melding: str
    fouten: list[ParameterFout] = []


def activiteit_url(request, activiteit: Activiteit) -> str:
    return adres_op_hoofddomein(request, reverse("aanbod:detail", args=[activiteit.slug]))

"""The public places pages as a resident reads them: list, filters, one place, a mobile house.

The clock is stopped on Monday 30 November 2026, 10:00 in Brussels (UTC+1). Days around it:
Tuesday 1 December, Wednesday 2 December; 1 March 2027 is three months ahead.
"""

import datetime as dt
import html
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from hvk.herhaling import lokale_tijd
from locaties.models import Haltebezoek, Locatie, Taal
from locaties.selectors import dichtste_locaties
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    HalteFactory,
    HalteschemaFactory,
    LocatieFactory,
    MobielHuisFactory,
    MomentFactory,
    OpeningsuurFactory,
    UitzonderingFactory,
)

pytestmark = pytest.mark.django_db

MAANDAG, DINSDAG, WOENSDAG = 0, 1, 2
NU = lokale_tijd(dt.date(2026, 11, 30), dt.time(10))


@pytest.fixture(autouse=True)
def klok(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NU)


def lokaal(maand, dag, uur, minuut=0, jaar=2026) -> dt.datetime:
    return lokale_tijd(dt.date(jaar, maand, dag), dt.time(uur, minuut))


def tekst(response) -> str:
    """The page as a person reads it: tags dropped, entities decoded, whitespace collapsed."""
    inhoud = response.content.decode()
    inhoud = re.sub(r"<(script|style)\b.*?</\1>", " ", inhoud, flags=re.S)
    inhoud = re.sub(r"<[^>]+>", " ", inhoud)
    inhoud = html.unescape(inhoud)
    inhoud = re.sub(r"\s+", " ", inhoud)
    # Punctuation after an inline tag ("<strong>Gesloten</strong> ·") reads as one phrase.
    inhoud = re.sub(r" ([,.:;)])", r"\1", inhoud)
    # Times are written 9:00\N{EN DASH}12:00; the assertions below use a plain hyphen.
    return inhoud.replace("\N{EN DASH}", "-")


@pytest.fixture
def turnhout():
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


@pytest.fixture
def beerse():
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def detail(client, locatie):
    return client.get(reverse("locaties:detail", args=[locatie.slug]))


# --- The list ---------------------------------------------------------------------------------


def test_lijst_zegt_tot_wanneer_een_plek_nu_open_is(client, turnhout):
    plek = LocatieFactory(naam="Huis Turnhout", gemeente=turnhout)
    OpeningsuurFactory(locatie=plek, weekdag=MAANDAG, begin=dt.time(9), einde=dt.time(12))

    response = client.get(reverse("locaties:lijst"))

    assert response.status_code == 200
    assert "Nu open tot 12:00" in tekst(response)


def test_lijst_zegt_wanneer_een_gesloten_plek_weer_opent(client, turnhout):
    morgen = LocatieFactory(naam="Open morgen", gemeente=turnhout)
    OpeningsuurFactory(locatie=morgen, weekdag=DINSDAG, begin=dt.time(9), einde=dt.time(12))
    later = LocatieFactory(naam="Open woensdag", gemeente=turnhout)
    OpeningsuurFactory(locatie=later, weekdag=WOENSDAG, begin=dt.time(14), einde=dt.time(16))

    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert "Open morgen Fysiek huis Markt 1, 2300 Turnhout Gesloten · opent morgen om 9:00" in (
        pagina
    )
    assert "Gesloten · opent wo 2 dec om 14:00" in pagina


def test_lijst_toont_de_vrije_inloop_van_vandaag_die_nog_komt(client, turnhout):
    plek = LocatieFactory(gemeente=turnhout)
    OpeningsuurFactory(
        locatie=plek, weekdag=MAANDAG, begin=dt.time(8), einde=dt.time(9), vrije_inloop=True
    )
    OpeningsuurFactory(
        locatie=plek, weekdag=MAANDAG, begin=dt.time(13), einde=dt.time(15), vrije_inloop=True
    )

    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert "Vandaag vrije inloop (zonder afspraak): 13:00-15:00" in pagina
    assert "8:00-9:00" not in pagina


def test_lijst_toont_soort_contactpunt_en_toegankelijkheid_in_woorden(client, turnhout):
    LocatieFactory(
        naam="Antenne Noord",
        soort=Locatie.Soort.ANTENNE,
        gemeente=turnhout,
        is_contactpunt=True,
        rolstoeltoegankelijk=False,
        kinderwagentoegankelijk=True,
        verzorgingstafel=None,
    )

    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert "Antenne Noord Antenne Contactpunt voor vragen" in pagina
    assert "Rolstoel: nee Kinderwagen: ja Verzorgingstafel: niet gekend" in pagina


def test_lijst_toont_het_virtuele_huis_als_online(client, turnhout):
    LocatieFactory(gemeente=turnhout)
    LocatieFactory(
        naam="Huis online",
        soort=Locatie.Soort.VIRTUEEL,
        gemeente=None,
        straat="",
        postcode="",
        plaats="",
        breedtegraad=None,
        lengtegraad=None,
        website="https://huis.example/",
    )

    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert "Onderweg en online, voor alle gemeenten Huis online Virtueel huis · online" in pagina
    assert "Online: altijd bereikbaar" in pagina


def test_lijst_groepeert_per_gemeente(client, turnhout, beerse):
    LocatieFactory(naam="Plek in Turnhout", gemeente=turnhout)
    LocatieFactory(naam="Plek in Beerse", gemeente=beerse)

    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert pagina.index("Beerse Plek in Beerse") < pagina.index("Turnhout Plek in Turnhout")


def test_filter_op_gemeente(client, turnhout, beerse):
    LocatieFactory(naam="Plek in Turnhout", gemeente=turnhout)
    LocatieFactory(naam="Plek in Beerse", gemeente=beerse)

    pagina = tekst(client.get(reverse("locaties:lijst"), {"gemeente": "beerse"}))

    assert "Locaties in Beerse" in pagina
    assert "Plek in Beerse" in pagina
    assert "Plek in Turnhout" not in pagina


def test_filter_op_gemeente_toont_het_mobiele_huis_dat_er_stopt(client, turnhout, beerse):
    bus = MobielHuisFactory(naam="Babybus", gemeente=turnhout)
    HalteFactory(mobiel_huis=bus, gemeente=beerse)
    MobielHuisFactory(naam="Andere bus", gemeente=turnhout)

    pagina = tekst(client.get(reverse("locaties:lijst"), {"gemeente": "beerse"}))

    assert "Babybus Mobiel huis" in pagina
    assert "Komt naar: Beerse" in pagina
    assert "Andere bus" not in pagina


def test_filter_op_soort(client, turnhout):
    LocatieFactory(naam="Antenne Noord", soort=Locatie.Soort.ANTENNE, gemeente=turnhout)
    LocatieFactory(naam="Babbelhoek", soort=Locatie.Soort.ONTMOETINGSPLEK, gemeente=turnhout)

    pagina = tekst(client.get(reverse("locaties:lijst"), {"soort": "ontmoetingsplek"}))

    assert "Babbelhoek" in pagina
    assert "Antenne Noord" not in pagina


@pytest.mark.parametrize(
    ("filters", "melding"),
    [
        ({"gemeente": "atlantis"}, "We vinden geen gemeente “atlantis”."),
        ({"soort": "kasteel"}, "We kennen de soort plek “kasteel” niet. Je ziet alle soorten."),
        ({"gemeente": "<script>"}, "We vinden geen gemeente “<script>”."),
        ({"soort": "' OR 1=1"}, "We kennen de soort plek “' OR 1=1” niet."),
        ({"gemeente": "x" * 500}, "We vinden geen gemeente “" + "x" * 39 + "…”."),
    ],
)
def test_onbekende_filter_geeft_de_gewone_pagina_met_een_zachte_melding(
    client, turnhout, beerse, filters, melding
):
    LocatieFactory(naam="Plek in Turnhout", gemeente=turnhout)

    response = client.get(reverse("locaties:lijst"), filters)

    assert response.status_code == 200
    pagina = tekst(response)
    assert melding in pagina
    assert "Plek in Turnhout" in pagina
    assert "<script>" not in response.content.decode().split("</head>")[1]


def test_geldige_filter_blijft_bij_een_onbekende_andere(client, turnhout, beerse):
    LocatieFactory(naam="Plek in Turnhout", gemeente=turnhout)
    LocatieFactory(naam="Plek in Beerse", gemeente=beerse)

    pagina = tekst(client.get(reverse("locaties:lijst"), {"gemeente": "beerse", "soort": "x"}))

    assert "Plek in Beerse" in pagina
    assert "Plek in Turnhout" not in pagina


def test_lege_keuze_zegt_dat_er_niets_is_en_hoe_terug(client, turnhout, beerse):
    LocatieFactory(gemeente=turnhout)

    pagina = tekst(client.get(reverse("locaties:lijst"), {"gemeente": "beerse"}))

    assert "We vonden geen plek voor deze keuze." in pagina
    assert "Toon alle plekken" in pagina


def test_zonder_plekken_zegt_de_lijst_dat_ze_nog_komen(client):
    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert "Er staan nog geen plekken op de website." in pagina


def test_kaart_laadt_pas_na_een_klik_en_zegt_van_waar(client, turnhout):
    LocatieFactory(naam="Huis", gemeente=turnhout)

    response = client.get(reverse("locaties:lijst"))

    inhoud = response.content.decode()
    assert "De kaart wordt geladen van OpenStreetMap" in tekst(response)
    # No tile and no third-party address in any src/href: only the map's data mentions it.
    assert not re.search(r'(src|href)="https?://[^"]*openstreetmap', inhoud)
    assert "leaflet.js" not in re.findall(r'<script[^>]*src="([^"]+)"', inhoud)
    gegevens = json.loads(re.search(r'id="kaart-gegevens"[^>]*>(.*?)</script>', inhoud).group(1))
    assert gegevens["tegels"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert gegevens["markers"] == [
        {
            "naam": "Huis",
            "lat": 51.3223,
            "lon": 4.9448,
            "url": reverse("locaties:detail", args=[Locatie.objects.get().slug]),
            "adres": "Markt 1, 2300 Turnhout",
            "soort": "fysiek huis",
        }
    ]


def test_kaarttegels_komen_uit_de_instelling(client, turnhout, settings):
    settings.HVK_KAARTTEGELS_URL = "https://kaart.huis.example/{z}/{x}/{y}.png"
    settings.HVK_KAARTTEGELS_ATTRIBUTIE = "Kaart van het Huis"
    LocatieFactory(gemeente=turnhout)

    response = client.get(reverse("locaties:lijst"))

    inhoud = response.content.decode()
    gegevens = json.loads(re.search(r'id="kaart-gegevens"[^>]*>(.*?)</script>', inhoud).group(1))
    assert gegevens["tegels"] == "https://kaart.huis.example/{z}/{x}/{y}.png"
    assert gegevens["attributie"] == "Kaart van het Huis"
    assert "De kaart wordt geladen van kaart.huis.example" in tekst(response)


def test_lijst_kost_evenveel_queries_voor_1_of_3_plekken(
    client, turnhout, django_assert_num_queries
):
    def plek():
        locatie = LocatieFactory(gemeente=turnhout)
        OpeningsuurFactory(locatie=locatie, weekdag=MAANDAG)
        UitzonderingFactory(locatie=locatie, van=dt.date(2026, 12, 25))
        locatie.talen.add(Taal.objects.get_or_create(code="nl", naam="Nederlands")[0])

    def bus():
        huis = MobielHuisFactory(gemeente=turnhout)
        halte = HalteFactory(mobiel_huis=huis, gemeente=turnhout)
        Haltebezoek.objects.create(halte=halte, begin=lokaal(12, 8, 9), einde=lokaal(12, 8, 12))

    plek()
    bus()
    with django_assert_num_queries(9):
        client.get(reverse("locaties:lijst"))

    plek()
    plek()
    bus()
    bus()
    with django_assert_num_queries(9):
        client.get(reverse("locaties:lijst"))


# --- One place --------------------------------------------------------------------------------


@pytest.fixture
def huis(turnhout):
    """Open Monday 9-12 and Tuesday 9-12 (walk-in); closed on Tuesday 1 December."""
    huis = LocatieFactory(
        naam="Huis van het Kind Turnhout",
        soort=Locatie.Soort.CENTRAAL_HUIS,
        gemeente=turnhout,
        telefoon="014 00 00 01",
        email="huis@turnhout.example",
        beschrijving="Consultaties <b>en</b> onthaal.\n\nKom gerust binnen.",
        rolstoeltoegankelijk=True,
        kinderwagentoegankelijk=False,
        verzorgingstafel=None,
        ov_halte="Turnhout Parklaan",
    )
    huis.talen.add(
        Taal.objects.get_or_create(code="nl", naam="Nederlands")[0],
        Taal.objects.get_or_create(code="ar", naam="Arabisch")[0],
    )
    OpeningsuurFactory(locatie=huis, weekdag=MAANDAG, begin=dt.time(9), einde=dt.time(12))
    OpeningsuurFactory(
        locatie=huis, weekdag=DINSDAG, begin=dt.time(9), einde=dt.time(12), vrije_inloop=True
    )
    OpeningsuurFactory(
        locatie=huis, weekdag=WOENSDAG, begin=dt.time(13), einde=dt.time(16), vrije_inloop=True
    )
    UitzonderingFactory(locatie=huis, van=dt.date(2026, 12, 1), omschrijving="Studiedag")
    return huis


def uren_per_dag(response) -> dict[str, str]:
    """The rows of the opening-hours table: {"Maandag 30 november (vandaag)": "9:00-12:00"}."""
    tabel = re.search(
        r'<table class="table hvk-uren">(.*?)</table>', response.content.decode(), re.S
    )
    rijen = {}
    for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", tabel.group(1), re.S):
        cellen = [
            re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", c))).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", rij, re.S)
        ]
        rijen[cellen[0]] = cellen[1].replace("\N{EN DASH}", "-")
    return rijen


def test_detail_toont_de_week_met_de_uitzondering(client, huis):
    rijen = uren_per_dag(detail(client, huis))

    assert rijen["Maandag 30 november (vandaag)"] == "9:00-12:00"
    assert rijen["Dinsdag 1 december"] == "Gesloten Studiedag"
    assert rijen["Woensdag 2 december"] == "13:00-16:00 · vrije inloop (zonder afspraak)"
    assert rijen["Zondag 6 december"] == "Gesloten"
    assert len(rijen) == 1 + 7  # the header row and seven days


def test_detail_markeert_vandaag(client, huis):
    inhoud = detail(client, huis).content.decode()

    assert re.search(
        r'<tr class="hvk-vandaag" aria-current="date">\s*<th scope="row">\s*Maandag 30', inhoud
    )


def test_detail_zegt_open_nu_en_vrije_inloop_vandaag(client, turnhout):
    plek = LocatieFactory(gemeente=turnhout)
    OpeningsuurFactory(
        locatie=plek, weekdag=MAANDAG, begin=dt.time(9), einde=dt.time(11), vrije_inloop=True
    )

    pagina = tekst(detail(client, plek))

    assert "Nu open tot 11:00 · vrije inloop, zonder afspraak" in pagina
    assert "Vandaag vrije inloop (zonder afspraak): 9:00-11:00" in pagina


def test_detail_somt_de_komende_uitzonderingen_op(client, huis):
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 21),
        tot=dt.date(2027, 1, 3),
        omschrijving="Kerstvakantie",
    )
    UitzonderingFactory(locatie=huis, van=dt.date(2026, 11, 2), omschrijving="Voorbij")
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 29),
        omschrijving="Extra opening",
        begin=dt.time(9),
        einde=dt.time(12),
        vrije_inloop=True,
    )

    pagina = tekst(detail(client, huis))

    assert "Dinsdag 1 december 2026: Studiedag (gesloten)" in pagina
    assert "Van 21 december 2026 tot en met 3 januari 2027: Kerstvakantie (gesloten)" in pagina
    assert "Dinsdag 29 december 2026: Extra opening (open van 9:00 tot 12:00, vrije inloop)" in (
        pagina
    )
    assert "Voorbij" not in pagina


def test_detail_toont_toegankelijkheid_in_woorden(client, huis):
    pagina = tekst(detail(client, huis))

    assert "Toegankelijk met een rolstoel: ja" in pagina
    assert "Toegankelijk met een kinderwagen: nee" in pagina
    assert "Verzorgingstafel om je kind te verversen: niet gekend" in pagina
    assert "Halte van bus of tram: Turnhout Parklaan" in pagina
    assert "Talen die we spreken: Arabisch, Nederlands" in pagina


def test_detail_toont_adres_route_en_contact(client, huis):
    response = detail(client, huis)

    inhoud = response.content.decode()
    assert "Adres: Markt 1, 2300 Turnhout" in tekst(response)
    assert 'href="https://www.openstreetmap.org/directions?to=51.322300%2C4.944800"' in inhoud
    assert 'href="tel:014000001"' in inhoud
    assert 'href="mailto:huis@turnhout.example"' in inhoud


def test_detail_toont_de_beschrijving_veilig_met_alineas(client, huis):
    inhoud = detail(client, huis).content.decode()

    assert "<p>Consultaties &lt;b&gt;en&lt;/b&gt; onthaal.</p>" in inhoud
    assert "<p>Kom gerust binnen.</p>" in inhoud


def test_detail_toont_de_komende_momenten_op_deze_plek(client, huis, turnhout):
    hier = ActiviteitFactory(titel="Babymassage", slug="babymassage", locatie=huis)
    MomentFactory(activiteit=hier, begin=lokaal(12, 2, 9, 30), einde=lokaal(12, 2, 11))
    elders = ActiviteitFactory(titel="Voorleesuur", slug="voorleesuur", locatie=None)
    MomentFactory(activiteit=elders, locatie=huis, begin=lokaal(12, 1, 14), einde=lokaal(12, 1, 15))
    MomentFactory(
        activiteit=hier, geannuleerd=True, begin=lokaal(12, 3, 9), einde=lokaal(12, 3, 10)
    )
    MomentFactory(activiteit=hier, begin=lokaal(11, 23, 9), einde=lokaal(11, 23, 10))
    verborgen = ActiviteitFactory(titel="Nog geheim", locatie=huis, gepubliceerd=False)
    MomentFactory(activiteit=verborgen, begin=lokaal(12, 4, 9), einde=lokaal(12, 4, 10))
    andere_plek = LocatieFactory(gemeente=turnhout)
    MomentFactory(
        activiteit=hier, locatie=andere_plek, begin=lokaal(12, 5, 9), einde=lokaal(12, 5, 10)
    )

    response = detail(client, huis)

    pagina = tekst(response)
    assert "Dinsdag 1 december, 14:00-15:00 Voorleesuur" in pagina
    assert "Woensdag 2 december, 9:30-11:00 Babymassage" in pagina
    assert pagina.count("Babymassage") == 1
    assert "Nog geheim" not in pagina
    inhoud = response.content.decode()
    assert f'href="{reverse("aanbod:detail", args=["babymassage"])}"' in inhoud
    assert 'href="/aanbod/voorleesuur/"' in inhoud


def test_detail_toont_hoogstens_tien_momenten(client, huis):
    activiteit = ActiviteitFactory(titel="Speelochtend", locatie=huis)
    for dag in range(1, 13):
        MomentFactory(activiteit=activiteit, begin=lokaal(12, dag, 9), einde=lokaal(12, dag, 10))

    pagina = tekst(detail(client, huis))

    assert pagina.count("Speelochtend") == 10


def test_detail_geeft_json_ld_place(client, huis):
    inhoud = detail(client, huis).content.decode()

    blok = re.search(r'<script type="application/ld\+json">(.*?)</script>', inhoud, re.S)
    place = json.loads(blok.group(1))
    assert place["@type"] == "Place"
    assert place["name"] == "Huis van het Kind Turnhout"
    assert place["url"] == "http://testserver/locaties/" + huis.slug + "/"
    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Markt 1",
        "postalCode": "2300",
        "addressLocality": "Turnhout",
        "addressCountry": "BE",
    }
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 51.3223, "longitude": 4.9448}
    assert place["openingHoursSpecification"][0] == {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": "https://schema.org/Monday",
        "opens": "09:00",
        "closes": "12:00",
    }
    assert place["specialOpeningHoursSpecification"][0]["validFrom"] == "2026-12-01"
    assert "<b>" not in blok.group(1)


def test_detail_heeft_canonical_en_open_graph(client, huis):
    inhoud = detail(client, huis).content.decode()

    url = f"http://testserver/locaties/{huis.slug}/"
    assert f'<link rel="canonical" href="{url}">' in inhoud
    assert f'<meta property="og:url" content="{url}">' in inhoud
    assert '<meta property="og:title" content="Huis van het Kind Turnhout">' in inhoud


def test_onbekende_plek_geeft_404(client):
    assert client.get("/locaties/bestaat-niet/").status_code == 404


def test_detail_kost_evenveel_queries_voor_1_of_3_van_alles(
    client, turnhout, django_assert_num_queries
):
    plek = LocatieFactory(gemeente=turnhout)

    def van_alles():
        OpeningsuurFactory(locatie=plek, weekdag=MAANDAG)
        UitzonderingFactory(locatie=plek, van=dt.date(2026, 12, 25))
        activiteit = ActiviteitFactory(locatie=plek)
        MomentFactory(activiteit=activiteit, begin=lokaal(12, 2, 9), einde=lokaal(12, 2, 10))
        ActiviteitFactory(locatie=plek, doorlopend=True)

    # 10: the coming moments take two (the activities held here, then their moments).
    van_alles()
    with django_assert_num_queries(10):
        detail(client, plek)

    van_alles()
    van_alles()
    with django_assert_num_queries(10):
        detail(client, plek)


# --- A mobile house ---------------------------------------------------------------------------


@pytest.fixture
def babybus(turnhout, beerse):
    """Stops in Beerse (own address) and at a place in Turnhout, with visits in Dec-Mar."""
    bus = MobielHuisFactory(naam="Babybus", slug="babybus", gemeente=turnhout)
    markt = HalteFactory(mobiel_huis=bus, naam="Marktplein Beerse", gemeente=beerse)
    HalteschemaFactory(halte=markt)  # every 2nd Tuesday of the month, 9:00-12:00
    huis = LocatieFactory(naam="Huis Turnhout", gemeente=turnhout, straat="Parklaan 45")
    bij_huis = HalteFactory(
        mobiel_huis=bus, naam="Bij het huis", gemeente=turnhout, locatie=huis, straat=""
    )
    for halte, begin, einde, geannuleerd in [
        (markt, lokaal(12, 8, 9), lokaal(12, 8, 12), False),
        (bij_huis, lokaal(12, 8, 13, 30), lokaal(12, 8, 16), False),
        (markt, lokaal(12, 22, 9), lokaal(12, 22, 12), True),
        (markt, lokaal(11, 23, 9), lokaal(11, 23, 12), False),  # over
        (markt, lokaal(3, 9, 9, jaar=2027), lokaal(3, 9, 12, jaar=2027), False),  # too far
    ]:
        Haltebezoek.objects.create(halte=halte, begin=begin, einde=einde, geannuleerd=geannuleerd)
    return bus


def test_mobiel_huis_toont_de_komende_haltes_per_dag(client, babybus):
    pagina = tekst(detail(client, babybus))

    assert (
        "Dinsdag 8 december 9:00-12:00, Marktplein Beerse (Beerse), Dorp 1, 2340 Beerse "
        "13:30-16:00, Bij het huis (Turnhout), Parklaan 45, 2300 Turnhout"
    ) in pagina
    assert "23 november" not in pagina
    assert "9 maart" not in pagina


def test_mobiel_huis_markeert_een_afgelaste_halte(client, babybus):
    response = detail(client, babybus)

    assert "Dinsdag 22 december Gaat niet door 9:00-12:00, Marktplein Beerse" in tekst(response)
    assert '<li class="hvk-afgelast">' in response.content.decode()


def test_mobiel_huis_zegt_waar_het_de_volgende_keer_staat(client, babybus):
    pagina = tekst(detail(client, babybus))

    assert "Volgende halte: di 8 dec, 9:00-12:00, Marktplein Beerse" in pagina


def test_mobiel_huis_toont_de_haltes_met_hun_schema(client, babybus):
    pagina = tekst(detail(client, babybus))

    assert (
        "Marktplein Beerse Beerse · Dorp 1, 2340 Beerse "
        "Elke tweede dinsdag van de maand, 09:00-12:00"
    ) in pagina
    assert "Bij het huis Turnhout · Parklaan 45, 2300 Turnhout Nu geen vaste momenten." in pagina


def test_mobiel_huis_in_de_lijst_zegt_de_volgende_halte(client, babybus):
    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert "Komt naar: Beerse, Turnhout" in pagina
    assert "Volgende halte: di 8 dec, 9:00-12:00, Marktplein Beerse" in pagina


def test_lijst_van_een_gemeente_toont_de_halte_van_het_mobiele_huis_in_die_gemeente(
    client, babybus
):
    pagina = tekst(client.get(reverse("locaties:lijst"), {"gemeente": "turnhout"}))

    assert "Volgende halte: di 8 dec, 13:30-16:00, Bij het huis (Turnhout)" in pagina


def test_mobiel_huis_zonder_halte_in_de_komende_weken_zegt_dat(client, turnhout):
    bus = MobielHuisFactory(naam="Babybus", gemeente=turnhout)
    halte = HalteFactory(mobiel_huis=bus, gemeente=turnhout)
    Haltebezoek.objects.create(
        halte=halte, begin=lokaal(3, 9, 9, jaar=2027), einde=lokaal(3, 9, 12, jaar=2027)
    )

    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert "De komende weken staan er geen haltes gepland." in pagina


def test_plek_met_uren_die_lang_dicht_is_zegt_voorlopig_gesloten(client, turnhout):
    plek = LocatieFactory(gemeente=turnhout)
    OpeningsuurFactory(locatie=plek, weekdag=DINSDAG)
    UitzonderingFactory(
        locatie=plek, van=dt.date(2026, 11, 30), tot=dt.date(2028, 12, 31), omschrijving="Werken"
    )

    pagina = tekst(client.get(reverse("locaties:lijst")))

    assert "Voorlopig gesloten" in pagina


# --- Nearest places for a gemeente door -------------------------------------------------------


def test_dichtste_locaties_vanuit_het_centrum_van_de_gemeente(turnhout):
    """Worked out by hand: 1° of latitude is 111.19 km, 1° of longitude at 51° N is 69.98 km.

    Centre (51.00, 4.50). Bus stop (51.02, 4.50): 0.02 * 111.19 = 2.22 km. Noord
    (51.05, 4.50): 0.05 * 111.19 = 5.56 km. Oost (51.00, 4.60): 0.1 * 69.98 = 7.00 km. West
    (51.00, 4.30): 0.2 * 69.98 = 14.00 km. A place without coordinates comes last, without a
    distance; the online house drops out.
    """
    centrum = GemeenteFactory(
        naam="Zoersel", nis_code="11055", slug="zoersel", breedtegraad="51.0", lengtegraad="4.5"
    )

    def plek(naam, lat, lon):
        return LocatieFactory(naam=naam, gemeente=turnhout, breedtegraad=lat, lengtegraad=lon)

    plek("West", "51.000000", "4.300000")
    plek("Oost", "51.000000", "4.600000")
    plek("Noord", "51.050000", "4.500000")
    plek("Zonder kaart", None, None)
    bus = MobielHuisFactory(naam="Bus", gemeente=turnhout)
    HalteFactory(mobiel_huis=bus, gemeente=centrum, breedtegraad="51.02", lengtegraad="4.5")
    LocatieFactory(
        naam="Online",
        soort=Locatie.Soort.VIRTUEEL,
        gemeente=None,
        breedtegraad=None,
        lengtegraad=None,
        website="https://huis.example/",
    )

    alle = dichtste_locaties(centrum, aantal=10).locaties
    drie = dichtste_locaties(centrum, aantal=3).locaties

    assert [(i.locatie.naam, i.afstand_km and round(i.afstand_km, 2)) for i in alle] == [
        ("Bus", 2.22),
        ("Noord", 5.56),
        ("Oost", 7.0),
        ("West", 14.0),
        ("Zonder kaart", None),
    ]
    assert [i.locatie.naam for i in drie] == ["Bus", "Noord", "Oost"]


def test_dichtste_locaties_zonder_centrum_eerst_de_eigen_plekken(turnhout, beerse):
    beerse.breedtegraad = beerse.lengtegraad = None
    beerse.save()
    LocatieFactory(naam="A in Turnhout", gemeente=turnhout)
    LocatieFactory(naam="B in Beerse", gemeente=beerse)
    LocatieFactory(naam="C in Beerse", gemeente=beerse)

    namen = [i.locatie.naam for i in dichtste_locaties(beerse, aantal=3).locaties]

    assert namen == ["B in Beerse", "C in Beerse", "A in Turnhout"]


def test_dichtste_locaties_kost_evenveel_queries_voor_1_of_3(turnhout, django_assert_num_queries):
    def plek_en_bus():
        OpeningsuurFactory(locatie=LocatieFactory(gemeente=turnhout))
        halte = HalteFactory(mobiel_huis=MobielHuisFactory(gemeente=turnhout), gemeente=turnhout)
        Haltebezoek.objects.create(halte=halte, begin=lokaal(12, 8, 9), einde=lokaal(12, 8, 12))

    # Places (+ hours, exceptions), the mobile houses' stops, their visits.
    plek_en_bus()
    with django_assert_num_queries(5):
        dichtste_locaties(turnhout, aantal=3)

    plek_en_bus()
    plek_en_bus()
    with django_assert_num_queries(5):
        dichtste_locaties(turnhout, aantal=3)

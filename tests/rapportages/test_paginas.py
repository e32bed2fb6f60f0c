"""The report pages: who may see them, what they say about the hand-built area, and a fixed
number of queries.

The area is the one of ``test_cijfers`` (Turnhout and Beerse, seen on 15 July 2026); its
docstring works out every figure checked here.
"""

import datetime as dt
import html
import re
from decimal import Decimal
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.urls import reverse

from rapportages import views
from rapportages.selectors import UITLEG
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    GemeenteFactory,
    InzetFactory,
    LocatieFactory,
    PartnerFactory,
    VisienotaFactory,
)
from tests.rapportages import test_cijfers

pytestmark = pytest.mark.django_db

OP = test_cijfers.OP
gebied = test_cijfers.gebied  # the hand-built area, as a fixture of this module too

# An empty cell: a dash, with why for screen readers.
NVT = "\u2013 niet van toepassing"
GEEN = "\u2013 geen cijfer"

OVERZICHT = "/rapportages/"
BEERSE = "/rapportages/beerse/"
TURNHOUT = "/rapportages/turnhout/"


@pytest.fixture(autouse=True)
def _gezien_op_15_juli(monkeypatch):
    """Reports are seen on 15 July 2026: six complete months, this year so far by default."""
    monkeypatch.setattr(views, "vandaag", lambda: OP)


def gebruiker(rol, *gemeenten):
    persoon = GebruikerFactory(rol=rol) if rol else GebruikerFactory()
    persoon.gemeenten.set(gemeenten)
    return persoon


class _Tabellen(HTMLParser):
    """Reads every table of a page: by id, rows of cell texts (headings included)."""

    def __init__(self):
        super().__init__()
        self.tabellen: dict[str, list[list[str]]] = {}
        self._tabel = None
        self._rij = None
        self._cel = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self._tabel = self.tabellen.setdefault(attrs["id"], [])
        elif self._tabel is not None and tag == "tr":
            self._rij = []
        elif self._rij is not None and tag in ("td", "th"):
            self._cel = []

    def handle_endtag(self, tag):
        if tag == "table":
            self._tabel = None
        elif tag in ("td", "th") and self._cel is not None:
            self._rij.append(" ".join("".join(self._cel).split()))
            self._cel = None
        elif tag == "tr" and self._rij is not None:
            self._tabel.append(self._rij)
            self._rij = None

    def handle_data(self, data):
        if self._cel is not None:
            self._cel.append(data)


def tabellen(response) -> dict[str, list[list[str]]]:
    lezer = _Tabellen()
    lezer.feed(response.content.decode())
    return lezer.tabellen


def rij(tabel, label) -> list[str]:
    """The cells of the row whose heading starts with ``label`` (heading left out)."""
    return next(r[1:] for r in tabel if r[0].startswith(label))


def tekst(response) -> str:
    """The page's text without tags, whitespace collapsed: what a reader sees."""
    inhoud = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(inhoud).split())


# --- Who may read them ------------------------------------------------------------------------


@pytest.mark.parametrize("url", [OVERZICHT, BEERSE])
def test_bezoeker_zonder_account_krijgt_de_aanmeldpagina(client, gebied, url):
    response = client.get(url + "?jaar=2026")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={quote(url + '?jaar=2026', safe='/')}"
    assert "account/login.html" in [t.name for t in client.get(response.url).templates]


@pytest.mark.parametrize("rol", ["partner", None])
@pytest.mark.parametrize("url", [OVERZICHT, BEERSE])
def test_partner_of_account_zonder_rol_krijgt_geen_rapport(client, gebied, rol, url):
    client.force_login(gebruiker(rol))

    response = client.get(url)

    assert response.status_code == 403
    assert "91,7" not in response.content.decode()


@pytest.mark.parametrize("rol", ["mandataris", "coordinator", "medewerker"])
@pytest.mark.parametrize("url", [OVERZICHT, BEERSE, TURNHOUT])
def test_mandataris_coordinator_en_medewerker_lezen_de_rapporten(client, gebied, rol, url):
    client.force_login(gebruiker(rol, gebied[1]))

    response = client.get(url)

    assert response.status_code == 200
    assert "rapportages/_tabel.html" in [t.name for t in response.templates]


def test_onbekende_gemeente_geeft_404(client, gebied):
    client.force_login(gebruiker("mandataris"))

    assert client.get("/rapportages/bestaat-niet/").status_code == 404


def test_mandataris_ziet_de_eigen_gemeente_eerst(client, gebied):
    turnhout = gebied[0]
    client.force_login(gebruiker("mandataris", turnhout))

    response = client.get(OVERZICHT)

    namen = [r[0] for r in tabellen(response)["tabel-gemeenten"][1:]]
    assert namen == ["Turnhout uw gemeente", "Beerse"]
    aandelen = [r[0] for r in tabellen(response)["tabel-aandelen"][1:]]
    assert aandelen == ["Turnhout uw gemeente", "Beerse"]
    # On another gemeente's page, the own gemeente comes first among the others too.
    kolommen = tabellen(client.get(BEERSE))["tabel-inzet"][0]
    assert kolommen == ["Cijfer", "Beerse", "Heel het gebied", "Turnhout uw gemeente"]


def test_mandataris_van_beerse_ziet_beerse_eerst_met_uw_gemeente(client, gebied):
    client.force_login(gebruiker("mandataris", gebied[1]))

    namen = [r[0] for r in tabellen(client.get(OVERZICHT))["tabel-gemeenten"][1:]]

    assert namen == ["Beerse uw gemeente", "Turnhout"]


def test_coordinator_ziet_de_gemeenten_op_naam(client, gebied):
    client.force_login(gebruiker("coordinator"))

    namen = [r[0] for r in tabellen(client.get(OVERZICHT))["tabel-gemeenten"][1:]]

    assert namen == ["Beerse", "Turnhout"]


@pytest.mark.parametrize(
    "query", ["?jaar=abc", "?van=2026-13-40&tot=2026-06-30", "?van=2026-06-30&tot=2026-01-01"]
)
@pytest.mark.parametrize("url", [OVERZICHT, BEERSE])
def test_foute_periode_toont_dit_jaar_met_een_melding(client, gebied, query, url):
    client.force_login(gebruiker("mandataris"))

    response = client.get(url + query)

    assert response.status_code == 200
    inhoud = tekst(response)
    assert "We tonen dit jaar tot nu." in inhoud
    assert "Getoond: 1 januari 2026 tot en met 15 juli 2026." in inhoud
    # The bad period does not travel along with the links.
    assert "?jaar=abc" not in response.content.decode()
    assert 'href="/rapportages/turnhout/"' in response.content.decode()


def test_gekozen_periode_reist_mee_met_de_links(client, gebied):
    client.force_login(gebruiker("mandataris"))

    response = client.get(OVERZICHT + "?van=2026-01-01&tot=2026-06-30")

    inhoud = response.content.decode()
    assert "Getoond: 1 januari 2026 tot en met 30 juni 2026." in tekst(response)
    assert "We tonen dit jaar tot nu." not in inhoud
    assert 'href="/rapportages/turnhout/?van=2026-01-01&amp;tot=2026-06-30"' in inhoud
    assert 'href="/rapportages/cijfers.xlsx?van=2026-01-01&amp;tot=2026-06-30"' in inhoud
    assert 'href="/rapportages/beerse/rapport.pdf?van=2026-01-01&amp;tot=2026-06-30"' in inhoud


def test_vorig_jaar_kiezen(client, gebied):
    client.force_login(gebruiker("mandataris"))

    response = client.get(OVERZICHT + "?jaar=2025")

    assert "Getoond: 1 januari 2025 tot en met 31 december 2025." in tekst(response)
    # Nothing delivered in 2025; the commitment of the year counts in full.
    assert rij(tabellen(response)["tabel-gemeenten"], "Turnhout")[1] == "0,0 % ! blijft achter"


# --- What they say ----------------------------------------------------------------------------


@pytest.fixture
def mandataris_client(client, gebied):
    client.force_login(gebruiker("mandataris", gebied[1]))
    return client


def test_overzicht_kerncijfers_van_het_gebied(mandataris_client):
    inhoud = tekst(mandataris_client.get(OVERZICHT))

    assert "Kinderen van 0 tot 12 jaar 3.000" in inhoud
    assert "Toegezegd per jaar 1.800 uur en € 36.000" in inhoud
    assert "Geleverde uren tot nu 730 van 900 verwacht" in inhoud
    assert "Verhouding geleverd / verwacht 81,1 %" in inhoud
    assert "Momenten in het gebied 4 Per 1.000 kinderen: 1,3." in inhoud
    assert (
        "Deelnemers 14 Uit de gemeenten van het Huis; daarnaast 1 deelnemer van elders." in inhoud
    )
    assert "Bereikte kinderen per 1.000 kinderen 2,7 8 kinderen bereikt." in inhoud
    assert "Fase van het groeimodel Potgrond: een lerend netwerk Sinds 1 januari 2025." in inhoud


def test_overzicht_een_rij_per_gemeente(mandataris_client):
    response = mandataris_client.get(OVERZICHT)
    tabel = tabellen(response)["tabel-gemeenten"]

    assert tabel[0][:3] == ["Gemeente", "Kinderen 0-12", "Uren geleverd / verwacht"]
    assert rij(tabel, "Beerse") == [
        "1.000",
        "60,0 % ! blijft achter",
        "1",
        "4,0",
        "4",
        "2,0",
        "! krijgt minder dan zijn aandeel: aanbod en bereik",
        "2",
        "pdf van Beerse",
    ]
    assert rij(tabel, "Turnhout") == [
        "2.000",
        "91,7 %",
        "3",
        "1,5",
        "10",
        "3,0",
        "niet minder dan zijn aandeel",
        "0",
        "pdf van Turnhout",
    ]


def test_overzicht_billijkheid_met_markering(mandataris_client):
    response = mandataris_client.get(OVERZICHT)

    tabel = tabellen(response)["tabel-aandelen"]
    assert tabel[0] == [
        "Gemeente",
        "Kinderen",
        "Kansarmoede",
        "Aanbod (momenten)",
        "Bereik (deelnemers)",
    ]
    assert rij(tabel, "Beerse") == [
        "33,3 %",
        "66,7 %",
        "25,0 % ! minder dan zijn aandeel",
        "28,6 % ! minder dan zijn aandeel",
    ]
    assert rij(tabel, "Turnhout") == ["66,7 %", "33,3 %", "75,0 %", "71,4 %"]
    # The chart says the same, with the flag in words beside Beerse only.
    svg = re.search(
        r'<svg[^>]*aria-labelledby="grafiek-aandelen-titel[^>]*>.*?</svg>',
        response.content.decode(),
        re.S,
    )
    assert svg, "the shares chart is missing"
    grafiek = " ".join(html.unescape(svg.group(0)).split())
    assert 'role="img"' in grafiek
    assert grafiek.count("krijgt minder dan zijn aandeel") == 1
    assert re.search(r"Beerse \(uw gemeente\)</text> <polygon", grafiek)
    for waarde in ("33,3 %", "66,7 %", "25,0 %", "28,6 %", "75,0 %", "71,4 %"):
        assert f">{waarde}</text>" in grafiek


def test_overzicht_legt_uit_en_linkt_naar_de_downloads(mandataris_client):
    response = mandataris_client.get(OVERZICHT)
    inhoud = tekst(response)

    for sectie in ("billijkheid", "uren", "bestuur"):
        assert str(UITLEG[sectie]) in inhoud
    assert 'href="/rapportages/cijfers.xlsx"' in response.content.decode()
    assert 'href="/rapportages/beerse/rapport.pdf"' in response.content.decode()
    assert 'href="/rapportages/turnhout/"' in response.content.decode()


def test_gemeentepagina_inzet_naast_gebied_en_anderen(mandataris_client):
    response = mandataris_client.get(BEERSE)
    tabel = tabellen(response)["tabel-inzet"]

    assert tabel[0] == ["Cijfer", "Beerse uw gemeente", "Heel het gebied", "Turnhout"]
    assert rij(tabel, "Toegezegde uren per jaar") == ["600", "1.800", "1.200"]
    assert rij(tabel, "Toegezegd budget per jaar") == ["€ 12.000", "€ 36.000", "€ 24.000"]
    assert rij(tabel, "Verwachte uren tot nu") == ["300", "900", "600"]
    assert rij(tabel, "Geleverde uren tot nu") == ["180", "730", "550"]
    assert rij(tabel, "Verhouding geleverd / verwacht") == [
        "60,0 % ! blijft achter",
        "81,1 %",
        "91,7 %",
    ]
    assert "Toezegging voor 6 volledige maanden." in tabel[3][0]


def test_gemeentepagina_urenlijn_per_maand(mandataris_client):
    response = mandataris_client.get(TURNHOUT)
    inhoud = response.content.decode()

    svg = re.search(
        r'<svg[^>]*aria-labelledby="grafiek-uren-titel[^>]*>.*?</svg>', inhoud, re.S
    ).group(0)
    titel = "Uren van Turnhout in 2026: geleverd tegenover toegezegd"
    assert f'<title id="grafiek-uren-titel">{titel}</title>' in svg
    assert (
        "Geleverd in de eerste 6 volledige maanden: 550 uur. "
        "Toegezegd voor het hele jaar: 1.200 uur." in svg
    )
    geleverd = re.search(r'class="rapport-lijn-geleverd" points="([^"]+)"', svg).group(1)
    assert len(geleverd.split()) == 7  # 1 January and the end of six complete months
    rijen = _maandrijen(inhoud)
    assert rijen[0] == ["januari", "100", "100", "100"]
    assert rijen[5] == ["juni", "50", "550", "600"]
    assert rijen[6] == ["juli", "telt nog niet mee", "700"]
    assert rijen[11] == ["december", "telt nog niet mee", "1.200"]


def _maandrijen(inhoud):
    blok = inhoud.split('id="grafiek-uren-tabel-titel"')[1].split("</table>")[0]
    lezer = _Tabellen()
    lezer.feed('<table id="maanden">' + blok + "</table>")
    return lezer.tabellen["maanden"][1:]


def test_gemeentepagina_aanbod_en_bereik(mandataris_client):
    response = mandataris_client.get(BEERSE)
    aanbod = tabellen(response)["tabel-aanbod"]
    bereik = tabellen(response)["tabel-bereik"]

    assert rij(aanbod, "Momenten in de gemeente") == ["1", "4", "3"]
    assert rij(aanbod, "Momenten in de gemeente per 1.000 kinderen") == ["1,0", "1,3", "1,5"]
    assert rij(aanbod, "Momenten beschikbaar voor de inwoners") == [
        "4",
        NVT,
        "3",
    ]
    assert rij(aanbod, "Beschikbare momenten per 1.000 kinderen") == [
        "4,0",
        NVT,
        "1,5",
    ]
    # Per pillar: headed by the pillar; Beerse has one health moment of its own.
    koppen = [r[0] for r in aanbod if len(r) == 1]
    assert koppen == ["Preventieve gezondheidszorg", "Opvoedingsondersteuning", "Ontmoeting"]
    gezondheid = aanbod[aanbod.index(["Preventieve gezondheidszorg"]) + 1 :]
    assert rij(gezondheid, "Momenten beschikbaar") == ["1", NVT, "0"]
    assert rij(gezondheid, "Beschikbare momenten per 1.000 kinderen") == [
        "1,0",
        NVT,
        "0,0",
    ]

    assert rij(bereik, "Deelnemers") == ["4", "14", "10"]
    assert rij(bereik, "Bereikte kinderen per 1.000 kinderen") == ["2,0", "2,7", "3,0"]
    ontmoeting = bereik[bereik.index(["Ontmoeting"]) + 1 :]
    assert rij(ontmoeting, "Deelnemers per 1.000 kinderen") == ["2,0", "4,0", "5,0"]
    assert rij(bereik, "0 tot 3 jaar") == ["1", "7", "6"]
    assert rij(bereik, "3 tot 6 jaar") == ["1", "1", "0"]
    assert "Daarnaast kwam 1 deelnemer van buiten de gemeenten van het Huis" in tekst(response)


def test_gemeentepagina_billijkheid_mobiliteit_bestuur(mandataris_client):
    response = mandataris_client.get(BEERSE)
    inhoud = tekst(response)

    assert "Beerse krijgt minder dan zijn aandeel: aanbod en bereik" in inhoud
    aandelen = tabellen(response)["tabel-aandelen"]
    assert [r[0] for r in aandelen[1:]] == ["Beerse uw gemeente", "Turnhout"]
    assert rij(aandelen, "Beerse")[2] == "25,0 % ! minder dan zijn aandeel"

    mobiliteit = tabellen(response)["tabel-mobiliteit"]
    assert mobiliteit[0] == ["Cijfer", "Beerse uw gemeente", "Turnhout"]  # no area column

    bestuur = tabellen(response)["tabel-bestuur"]
    assert rij(bestuur, "Open signalen") == ["2", "2", "0"]
    assert rij(bestuur, "Soorten partners die ontbreken") == [
        "CAW ! blinde vlek",
        NVT,
        "geen",
    ]
    assert "Geen aanspreekpunt" in inhoud
    assert "Geleverde uren blijven achter" in inhoud
    assert "Deze soorten partners werken elders in het gebied, maar niet in Beerse: CAW" in inhoud


def test_gemeentepagina_groeimodel(mandataris_client):
    turnhout = tekst(mandataris_client.get(TURNHOUT))
    beerse = mandataris_client.get(BEERSE)

    assert (
        "Het Huis staat in de fase potgrond: een lerend netwerk , sinds 1 januari 2025." in turnhout
    )
    assert "gedaan Schepen: Taak 1" in turnhout
    assert "nog niet gedaan Schepen: Taak 2" in turnhout
    assert "Ingelost: Een antenne" in turnhout
    groei = tabellen(beerse)["tabel-groei"]
    assert rij(groei, "Zelfevaluatie") == [
        "niet ingevuld ! ontbreekt",
        NVT,
        "Potgrond: een lerend netwerk",
    ]
    assert rij(groei, "Taken uit de rollenlijst gedaan") == [GEEN, "1 van 2", "1 van 2"]
    assert rij(groei, "Verwachtingen ingelost") == [GEEN, "1 van 1", "1 van 1"]
    assert "Beerse vulde voor 2026 nog geen zelfevaluatie in." in tekst(beerse)


def test_gemeentepagina_legt_elk_deel_uit_en_linkt(mandataris_client):
    response = mandataris_client.get(BEERSE + "?jaar=2026")
    inhoud = tekst(response)

    for sectie in UITLEG:
        assert str(UITLEG[sectie]) in inhoud, sectie
    assert 'href="/rapportages/beerse/rapport.pdf?jaar=2026"' in response.content.decode()
    assert 'href="/rapportages/turnhout/?jaar=2026"' in response.content.decode()
    assert 'href="/rapportages/?jaar=2026"' in response.content.decode()


def test_gemeentepagina_grafieken_zijn_beschreven(mandataris_client):
    inhoud = mandataris_client.get(BEERSE).content.decode()

    for id in ("grafiek-uren", "grafiek-aandelen", "grafiek-per-1000"):
        assert f'role="img" aria-labelledby="{id}-titel {id}-uitleg"' in inhoud
        assert f'<title id="{id}-titel">' in inhoud
        assert f'<desc id="{id}-uitleg">' in inhoud
    # Coordinates are written with a decimal point, whatever the language of the page.
    for getal in re.findall(r'(?:x|y|width|height|points)="([^"]*)"', inhoud):
        assert "," not in getal or re.fullmatch(r"[\d.\-]+,[\d.\-]+( [\d.\-]+,[\d.\-]+)*", getal), (
            getal
        )


# --- A fixed number of queries ----------------------------------------------------------------


def _gegevens(aantal):
    gemeenten = [
        GemeenteFactory(naam=f"G{n}", nis_code=code, slug=f"g{n}")
        for n, code in enumerate(["13040", "13004", "13017"][:aantal])
    ]
    for g in gemeenten:
        VisienotaFactory(gemeente=g)
        InzetFactory(gemeente=g)
        plek = LocatieFactory(gemeente=g)
        for _ in range(aantal):
            m = test_cijfers.moment(ActiviteitFactory(locatie=plek), dt.date(2026, 3, 3))
            test_cijfers.bereik(m, g, volwassene=2, baby=1)
        PartnerFactory().werkingsgebied.set([g])
    return gemeenten


@pytest.mark.parametrize("aantal", [1, 3])
def test_overzicht_vaste_aantal_queries(client, django_assert_num_queries, aantal):
    gemeenten = _gegevens(aantal)
    client.force_login(gebruiker("mandataris", gemeenten[0]))

    with django_assert_num_queries(33):
        response = client.get(OVERZICHT)

    assert len(tabellen(response)["tabel-gemeenten"]) == aantal + 1


@pytest.mark.parametrize("aantal", [1, 3])
def test_gemeentepagina_vaste_aantal_queries(client, django_assert_num_queries, aantal):
    gemeenten = _gegevens(aantal)
    client.force_login(gebruiker("mandataris", gemeenten[0]))

    with django_assert_num_queries(34):
        response = client.get(f"/rapportages/{gemeenten[-1].slug}/")

    assert len(tabellen(response)["tabel-inzet"][0]) == aantal + 2


# --- The way in from the admin ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("rol", "link"), [("coordinator", True), ("medewerker", True), ("partner", False)]
)
def test_beheer_linkt_naar_de_rapportages_voor_wie_ze_mag_lezen(client, rol, link):
    client.force_login(gebruiker(rol))

    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert ('href="/rapportages/"' in response.content.decode()) is link


def test_gemeentepagina_mobiliteit_in_km(mandataris_client, gebied):
    # Beerse's centre, 6.2 km as the crow flies from both places (at 51.3223, 4.9448).
    beerse = gebied[1]
    beerse.breedtegraad, beerse.lengtegraad = Decimal("51.319500"), Decimal("4.855600")
    beerse.save()

    mobiliteit = tabellen(mandataris_client.get(BEERSE))["tabel-mobiliteit"]

    assert rij(mobiliteit, "Preventieve gezondheidszorg") == ["6,2 km", GEEN]
    assert rij(mobiliteit, "Opvoedingsondersteuning") == [GEEN, GEEN]
    assert rij(mobiliteit, "Ontmoeting") == ["6,2 km", GEEN]


def test_overzicht_zonder_gemeenten(client, db):
    client.force_login(gebruiker("coordinator"))

    response = client.get(OVERZICHT)

    assert response.status_code == 200
    assert "Kinderen van 0 tot 12 jaar 0" in tekst(response)


def test_met_de_cache_rekent_het_overzicht_een_keer_en_toont_een_wijziging_meteen(
    mandataris_client,
    gebied,
    settings,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    from django.core.cache import cache

    settings.HVK_PAGINACACHE_SECONDEN = 60
    cache.clear()
    assert "Geleverde uren tot nu 730 van 900" in tekst(mandataris_client.get(OVERZICHT))

    # The figures come from the cache: only the session, the person and the page's own reads.
    with django_assert_max_num_queries(6):
        assert "Geleverde uren tot nu 730 van 900" in tekst(mandataris_client.get(OVERZICHT))

    with django_capture_on_commit_callbacks(execute=True):
        InzetFactory(gemeente=gebied[0], jaar=2026, maand=3, uren=Decimal("10"))

    assert "Geleverde uren tot nu 740 van 900" in tekst(mandataris_client.get(OVERZICHT))
    cache.clear()

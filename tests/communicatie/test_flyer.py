"""The shared flyer: its content, the PDF (text read back with pypdf), the URLs and the admin."""

import datetime as dt
import re
from decimal import Decimal
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from communicatie import flyer
from communicatie.flyer import flyer_inhoud, flyer_pdf, flyer_periode
from communicatie.models import Huisstijl
from locaties.models import Haltebezoek
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    GemeenteFactory,
    HalteFactory,
    LocatieFactory,
    MobielHuisFactory,
    MomentFactory,
    OpeningsuurFactory,
    PartnerFactory,
    UitzonderingFactory,
)

pytestmark = pytest.mark.django_db

BRUSSEL = ZoneInfo("Europe/Brussels")
# "Today" for the tests; the flyers below cover December 2026, whatever today really is.
NU = dt.datetime(2026, 11, 20, 12, 0, tzinfo=BRUSSEL)
VAN = dt.date(2026, 12, 2)  # a Wednesday
TOT = dt.date(2026, 12, 31)
SITE = "https://www.huisvanhetkind-kempenland.be"
ADMIN_FLYER = "/admin/communicatie/huisstijl/flyer/"


@pytest.fixture(autouse=True)
def vandaag(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NU)


@pytest.fixture(autouse=True)
def site(settings):
    settings.HVK_SITE_URL = SITE


@pytest.fixture(autouse=True)
def huisstijl(db):
    return Huisstijl.objects.create(
        naam="Huis van het Kind Kempenland", ondertitel="Samen sterk voor gezinnen"
    )


def op(dag: dt.date, uur: int, minuut: int = 0) -> dt.datetime:
    return dt.datetime.combine(dag, dt.time(uur, minuut), tzinfo=BRUSSEL)


def teksten(pdf: bytes) -> list[str]:
    """The text of each page, runs of whitespace made one space, the en dash a hyphen.

    Times print as 9:30\N{EN DASH}11:00; the assertions below write a plain hyphen.
    """
    return [
        re.sub(r"\s+", " ", p.extract_text()).replace("\N{EN DASH}", "-")
        for p in PdfReader(BytesIO(pdf)).pages
    ]


def tekst(pdf: bytes) -> str:
    return " ".join(teksten(pdf))


@pytest.fixture
def gemeenten():
    return {
        "beerse": GemeenteFactory(
            naam="Beerse",
            nis_code="13004",
            slug="beerse",
            aanspreekpunt_naam="Sociaal Huis Beerse",
            aanspreekpunt_telefoon="014 00 00 02",
            aanspreekpunt_email="hvk@beerse.example",
        ),
        "kasterlee": GemeenteFactory(naam="Kasterlee", nis_code="13017", slug="kasterlee"),
        "oud-turnhout": GemeenteFactory(naam="Oud-Turnhout", nis_code="13031", slug="oud-turnhout"),
        "turnhout": GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout"),
    }


@pytest.fixture
def aanbod(gemeenten):
    """Regional and local offer in December 2026, with places, hours and a mobile house."""
    beerse, kasterlee, turnhout = (gemeenten[s] for s in ("beerse", "kasterlee", "turnhout"))
    huis = LocatieFactory(
        naam="Huis van het Kind Turnhout",
        soort="centraal",
        gemeente=turnhout,
        straat="Parklaan 45",
        postcode="2300",
        plaats="Turnhout",
    )
    OpeningsuurFactory(locatie=huis, weekdag=0, begin=dt.time(9), einde=dt.time(12))
    OpeningsuurFactory(
        locatie=huis, weekdag=2, begin=dt.time(13, 30), einde=dt.time(16, 30), vrije_inloop=True
    )
    UitzonderingFactory(
        locatie=huis,
        van=dt.date(2026, 12, 24),
        tot=dt.date(2027, 1, 1),
        omschrijving="Kerstvakantie",
    )
    antenne_beerse = LocatieFactory(
        naam="Antenne Beerse",
        soort="antenne",
        gemeente=beerse,
        straat="Kerkstraat 16",
        postcode="2340",
        plaats="Beerse",
    )
    OpeningsuurFactory(locatie=antenne_beerse, weekdag=1, begin=dt.time(9), einde=dt.time(11))
    antenne_kasterlee = LocatieFactory(
        naam="Antenne Kasterlee",
        soort="antenne",
        gemeente=kasterlee,
        straat="Markt 1",
        postcode="2460",
        plaats="Kasterlee",
    )

    regionaal = ActiviteitFactory(
        titel="Babbel en Brabbel",
        samenvatting="Samen spelen en praten.",
        locatie=huis,
        leeftijd_van=18,
        leeftijd_tot=48,
    )
    MomentFactory(activiteit=regionaal, begin=op(VAN, 9, 30), einde=op(VAN, 11))
    lokaal_beerse = ActiviteitFactory(
        titel="Speelgroep Beerse",
        bereik="lokaal",
        gemeenten=[beerse],
        locatie=antenne_beerse,
        prijs=Decimal("5"),
        inschrijving_vereist=True,
    )
    MomentFactory(
        activiteit=lokaal_beerse,
        begin=op(dt.date(2026, 12, 8), 14),
        einde=op(dt.date(2026, 12, 8), 16),
    )
    lokaal_kasterlee = ActiviteitFactory(
        titel="Kookclub Kasterlee",
        bereik="lokaal",
        gemeenten=[kasterlee],
        locatie=antenne_kasterlee,
    )
    MomentFactory(
        activiteit=lokaal_kasterlee,
        begin=op(dt.date(2026, 12, 9), 10),
        einde=op(dt.date(2026, 12, 9), 12),
    )
    MomentFactory(
        activiteit=ActiviteitFactory(titel="Lezing die niet doorgaat", locatie=huis),
        begin=op(dt.date(2026, 12, 10), 20),
        einde=op(dt.date(2026, 12, 10), 22),
        geannuleerd=True,
    )
    MomentFactory(
        activiteit=ActiviteitFactory(
            titel="Nog geheime workshop", locatie=huis, gepubliceerd=False
        ),
        begin=op(dt.date(2026, 12, 11), 10),
        einde=op(dt.date(2026, 12, 11), 12),
    )
    MomentFactory(
        activiteit=ActiviteitFactory(titel="Nieuwjaarsreceptie", locatie=huis),
        begin=op(dt.date(2027, 1, 8), 18),
        einde=op(dt.date(2027, 1, 8), 20),
    )
    ActiviteitFactory(
        titel="Borstvoedingshoek", locatie=huis, doorlopend=True, samenvatting="Rustig voeden."
    )

    bus = MobielHuisFactory(naam="Babybus", gemeente=turnhout)
    markt = HalteFactory(mobiel_huis=bus, naam="Marktplein", gemeente=beerse)
    kerk = HalteFactory(mobiel_huis=bus, naam="Kerkplein Kasterlee", gemeente=kasterlee)
    Haltebezoek.objects.create(
        halte=markt, begin=op(dt.date(2026, 12, 15), 9), einde=op(dt.date(2026, 12, 15), 12)
    )
    Haltebezoek.objects.create(
        halte=kerk, begin=op(dt.date(2026, 12, 16), 9), einde=op(dt.date(2026, 12, 16), 12)
    )
    return {"huis": huis}


# --- The period ---------------------------------------------------------------------------


def test_periode_standaard_acht_weken_vanaf_vandaag():
    assert flyer_periode(vandaag=VAN) == (VAN, dt.date(2027, 1, 26))


def test_periode_met_einde_voor_begin_krijgt_het_standaardeinde():
    assert flyer_periode(VAN, dt.date(2026, 11, 1)) == (VAN, dt.date(2027, 1, 26))


def test_periode_wordt_afgekapt_op_zes_maanden():
    assert flyer_periode(VAN, dt.date(2027, 12, 31)) == (VAN, dt.date(2027, 6, 1))


@pytest.mark.parametrize("waarde", ["abc", "", None, "2026-13-01", "9999-12-31", "0001-01-01"])
def test_onleesbare_datum_is_geen_datum(waarde):
    assert flyer.datum_uit(waarde) is None


def test_tekst_wordt_drukbaar_met_de_standaardletters():
    assert flyer._winansi("Café € \N{EN DASH} ë") == "Café € \N{EN DASH} ë"
    assert flyer._winansi("Łucja zingt 🎵") == "Lucja zingt "


# --- The area and a gemeente --------------------------------------------------------------


def test_flyer_van_het_gebied_noemt_elke_gemeente_en_al_het_aanbod(aanbod):
    inhoud = flyer_inhoud(van=VAN, tot=TOT)
    alles = tekst(flyer_pdf(inhoud=inhoud))

    assert "Huis van het Kind Kempenland" in alles
    assert "Samen met Beerse, Kasterlee, Oud-Turnhout en Turnhout" in alles
    assert "Aanbod voor gezinnen in de hele regio" in alles
    assert "Van woensdag 2 december 2026 tot en met donderdag 31 december 2026" in alles
    assert "Woensdag 2 december · 9:30-11:00 Babbel en Brabbel" in alles
    assert "Dinsdag 8 december · 14:00-16:00 Speelgroep Beerse" in alles
    assert "Kookclub Kasterlee" in alles
    # Local offer says for whom it is.
    assert "Voor gezinnen uit Kasterlee" in alles
    assert "Voor gezinnen uit Beerse" in alles
    # Cancelled, unpublished and later moments are not on it.
    assert "Lezing die niet doorgaat" not in alles
    assert "Nog geheime workshop" not in alles
    assert "Nieuwjaarsreceptie" not in alles
    # The QR code leads to the home page, whose address is printed under it.
    assert f"{SITE}/" in alles


def test_een_activiteit_toont_leeftijd_prijs_inschrijving_en_plek(aanbod):
    pdf = flyer_pdf(inhoud=flyer_inhoud(van=VAN, tot=TOT))
    alles = tekst(pdf)

    # A real en dash and a euro sign, as the standard fonts print them.
    ruw = PdfReader(BytesIO(pdf)).pages[0].extract_text()
    assert "9:30\N{EN DASH}11:00" in ruw
    assert "€ 5" in ruw

    assert (
        "Babbel en Brabbel Samen spelen en praten. "
        "Huis van het Kind Turnhout, Parklaan 45, 2300 Turnhout "
        "18 maanden tot 4 jaar · gratis · zonder inschrijving"
    ) in alles
    assert (
        "Antenne Beerse, Kerkstraat 16, 2340 Beerse Alle leeftijden · € 5 · inschrijven nodig"
        in (alles)
    )


def test_flyer_van_een_gemeente_toont_haar_lokale_en_het_regionale_aanbod(aanbod, gemeenten):
    beerse = gemeenten["beerse"]
    alles = tekst(flyer_pdf(inhoud=flyer_inhoud(gemeente=beerse, van=VAN, tot=TOT)))

    assert "Aanbod voor gezinnen uit Beerse" in alles
    assert "Samen met Beerse, Kasterlee, Oud-Turnhout en Turnhout" in alles
    assert "Babbel en Brabbel" in alles
    assert "Speelgroep Beerse" in alles
    assert "Kookclub Kasterlee" not in alles
    assert "Borstvoedingshoek" in alles
    assert f"{SITE}/beerse/" in alles
    # Its own contact point, not another gemeente's.
    assert "Sociaal Huis Beerse 014 00 00 02 hvk@beerse.example" in alles


def test_plekken_met_openingsuren_vrije_inloop_en_uitzonderingen(aanbod, gemeenten):
    gebied = tekst(flyer_pdf(inhoud=flyer_inhoud(van=VAN, tot=TOT)))
    beerse = tekst(flyer_pdf(inhoud=flyer_inhoud(gemeente=gemeenten["beerse"], van=VAN, tot=TOT)))

    assert "Plekken en openingsuren" in gebied
    assert "Maandag: 9:00-12:00 Woensdag: 13:30-16:30 vrije inloop" in gebied
    assert "Van 24 december tot en met 1 januari: Kerstvakantie (gesloten)" in gebied
    assert "Antenne Kasterlee" in gebied
    # A gemeente's flyer: its own places and the central house, not another gemeente's.
    assert "Huis van het Kind Turnhout Centraal huis" in beerse
    assert "Antenne Beerse Antenne" in beerse
    assert "Dinsdag: 9:00-11:00" in beerse
    assert "Antenne Kasterlee" not in beerse


def test_haltes_van_het_mobiele_huis_in_de_periode(aanbod, gemeenten):
    gebied = tekst(flyer_pdf(inhoud=flyer_inhoud(van=VAN, tot=TOT)))
    beerse = tekst(flyer_pdf(inhoud=flyer_inhoud(gemeente=gemeenten["beerse"], van=VAN, tot=TOT)))

    assert "Babybus komt naar je toe" in gebied
    assert "Marktplein (Beerse) Dorp 1, 2340 Beerse Dinsdag 15 december · 9:00-12:00" in gebied
    assert "Kerkplein Kasterlee" in gebied
    assert "Marktplein (Beerse)" in beerse
    assert "Kerkplein Kasterlee" not in beerse


def test_zonder_aanbod_zegt_de_flyer_waar_het_aanbod_te_vinden_is(gemeenten):
    alles = tekst(flyer_pdf(inhoud=flyer_inhoud(van=VAN, tot=TOT)))

    assert "In deze periode staan er (nog) geen activiteiten gepland." in alles
    assert "Samen met Beerse, Kasterlee, Oud-Turnhout en Turnhout" in alles


def test_logo_uit_de_huisstijl_staat_op_de_flyer(huisstijl, gemeenten):
    zonder = PdfReader(BytesIO(flyer_pdf(inhoud=flyer_inhoud(van=VAN, tot=TOT))))
    assert not zonder.pages[0].images

    beeld = BytesIO()
    Image.new("RGB", (200, 80), "#1d5c8f").save(beeld, format="PNG")
    huisstijl.logo = SimpleUploadedFile("logo.png", beeld.getvalue(), content_type="image/png")
    huisstijl.save()

    met = PdfReader(BytesIO(flyer_pdf(inhoud=flyer_inhoud(van=VAN, tot=TOT))))
    assert len(met.pages[0].images) == 1
    assert "Huis van het Kind Kempenland" in met.pages[0].extract_text()


def test_tekens_buiten_winansi_breken_de_flyer_niet(gemeenten):
    activiteit = ActiviteitFactory(titel="Zingen met Łucja 🎵")
    MomentFactory(activiteit=activiteit, begin=op(VAN, 10), einde=op(VAN, 11))

    assert "Zingen met Lucja" in tekst(flyer_pdf(inhoud=flyer_inhoud(van=VAN, tot=TOT)))


# --- Many pages, no activity split ----------------------------------------------------------


@pytest.fixture
def zestig_momenten(gemeenten):
    """60 activities, one a day from 2 December, each with a title of its own."""
    plek = LocatieFactory(naam="Ontmoetingsplek", gemeente=gemeenten["turnhout"])
    momenten = []
    for i in range(60):
        dag = VAN + dt.timedelta(days=i)
        activiteit = ActiviteitFactory(
            titel=f"Speelmoment {i + 1:02d}",
            samenvatting="Spelen, praten en een tas koffie voor de ouders.",
            locatie=plek,
        )
        momenten.append(
            MomentFactory(activiteit=activiteit, begin=op(dag, 9, 30), einde=op(dag, 11))
        )
    return momenten


@pytest.mark.parametrize("formaat", ["a4", "a5"])
def test_een_lange_periode_loopt_over_pagina_s_zonder_een_activiteit_te_splitsen(
    zestig_momenten, formaat
):
    inhoud = flyer_inhoud(van=VAN, tot=VAN + dt.timedelta(days=59))
    paginas = teksten(flyer_pdf(inhoud=inhoud, formaat=formaat))

    assert len(paginas) >= 3
    for moment in zestig_momenten:
        titel = moment.activiteit.titel
        dag = timezone.localdate(moment.begin)
        datum = f"{flyer._datum(moment.begin)} · 9:30-11:00"
        # The whole block, from its date line to its last line, is on one page.
        blok = f"{datum} {titel} Spelen, praten en een tas koffie voor de ouders. Ontmoetingsplek"
        met_titel = [nummer for nummer, pagina in enumerate(paginas) if titel in pagina]
        assert len(met_titel) == 1, titel
        assert blok in paginas[met_titel[0]], (titel, dag)
        assert "zonder inschrijving" in paginas[met_titel[0]].split(titel, 1)[1]
    # Every page says which page it is and of how many.
    assert paginas[-1].rstrip().endswith(f"pagina {len(paginas)} van {len(paginas)}")


def test_te_veel_momenten_worden_ingekort_met_een_verwijzing(zestig_momenten, monkeypatch):
    monkeypatch.setattr(flyer, "MAX_MOMENTEN", 5)
    inhoud = flyer_inhoud(van=VAN, tot=VAN + dt.timedelta(days=59))
    alles = tekst(flyer_pdf(inhoud=inhoud))

    assert inhoud.ingekort
    assert re.findall(r"Speelmoment \d\d", alles) == [f"Speelmoment 0{i}" for i in range(1, 6)]
    assert f"Er is nog meer aanbod in deze periode: kijk op {SITE}/." in alles


def test_a5_heeft_meer_pagina_s_dan_a4(zestig_momenten):
    inhoud = flyer_inhoud(van=VAN, tot=VAN + dt.timedelta(days=59))
    a4 = PdfReader(BytesIO(flyer_pdf(inhoud=inhoud, formaat="a4")))
    a5 = PdfReader(BytesIO(flyer_pdf(inhoud=inhoud, formaat="a5")))

    assert len(a5.pages) > len(a4.pages)
    assert round(float(a4.pages[0].mediabox.width)) == 595
    assert round(float(a5.pages[0].mediabox.width)) == 420


# --- The public URLs ------------------------------------------------------------------------


def test_flyer_van_het_gebied_als_pdf(client, aanbod):
    response = client.get(reverse("flyer"), {"van": "2026-12-02", "tot": "2026-12-31"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="flyer-gebied-2026-12-02.pdf"'
    assert response["Cache-Control"] == "public, max-age=3600"
    assert "Babbel en Brabbel" in tekst(response.content)


def test_flyer_van_een_gemeente_als_pdf(client, aanbod):
    response = client.get(
        reverse("flyer_gemeente", kwargs={"slug": "beerse"}),
        {"van": "2026-12-02", "tot": "2026-12-31", "formaat": "a5"},
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="flyer-beerse-2026-12-02.pdf"'
    pdf = PdfReader(BytesIO(response.content))
    assert round(float(pdf.pages[0].mediabox.width)) == 420
    alles = tekst(response.content)
    assert "Speelgroep Beerse" in alles
    assert "Kookclub Kasterlee" not in alles


def test_onbekende_gemeente_geeft_404(client, gemeenten):
    response = client.get(reverse("flyer_gemeente", kwargs={"slug": "atlantis"}))

    assert response.status_code == 404


def test_onleesbare_parameters_geven_de_standaardflyer(client, gemeenten):
    response = client.get(reverse("flyer"), {"van": "abc", "tot": "ook-niet", "formaat": "xx"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'inline; filename="flyer-gebied-2026-11-20.pdf"'
    pdf = PdfReader(BytesIO(response.content))
    assert round(float(pdf.pages[0].mediabox.width)) == 595
    # From today, eight weeks.
    assert "Van vrijdag 20 november 2026 tot en met donderdag 14 januari 2027" in tekst(
        response.content
    )


def test_een_periode_langer_dan_zes_maanden_wordt_afgekapt(client, gemeenten):
    binnen = ActiviteitFactory(titel="Laatste speelkans")
    MomentFactory(
        activiteit=binnen, begin=op(dt.date(2027, 6, 1), 10), einde=op(dt.date(2027, 6, 1), 11)
    )
    buiten = ActiviteitFactory(titel="Zomerfeest")
    MomentFactory(
        activiteit=buiten, begin=op(dt.date(2027, 7, 1), 10), einde=op(dt.date(2027, 7, 1), 11)
    )

    response = client.get(reverse("flyer"), {"van": "2026-12-02", "tot": "2027-12-31"})

    assert response.status_code == 200
    alles = tekst(response.content)
    assert "tot en met dinsdag 1 juni 2027" in alles
    assert "Laatste speelkans" in alles
    assert "Zomerfeest" not in alles


def test_aantal_queries_hangt_niet_af_van_het_aantal_activiteiten(
    client, aanbod, gemeenten, django_assert_num_queries
):
    url = reverse("flyer_gemeente", kwargs={"slug": "beerse"})
    parameters = {"van": "2026-12-02", "tot": "2026-12-31"}
    with CaptureQueriesContext(connection) as een:
        client.get(url, parameters)
    # Two more activities, local and regional, with moments, places and hours of their own.
    for titel, extra in (("Voorleesuur", {}), ("Yoga Beerse", {"bereik": "lokaal"})):
        plek = LocatieFactory(gemeente=gemeenten["beerse"])
        OpeningsuurFactory(locatie=plek, weekdag=4)
        activiteit = ActiviteitFactory(titel=titel, locatie=plek, **extra)
        if extra:
            activiteit.gemeenten.set([gemeenten["beerse"]])
        MomentFactory(activiteit=activiteit, begin=op(VAN, 15), einde=op(VAN, 16))

    with django_assert_num_queries(len(een.captured_queries)):
        response = client.get(url, parameters)
    alles = tekst(response.content)
    assert "Voorleesuur" in alles
    assert "Yoga Beerse" in alles


def test_de_startpagina_en_de_deur_linken_naar_de_flyer(client, gemeenten):
    assert reverse("flyer") in client.get(reverse("home")).content.decode()
    deur = client.get(reverse("gemeente", kwargs={"slug": "beerse"})).content.decode()
    assert reverse("flyer_gemeente", kwargs={"slug": "beerse"}) in deur
    assert "Download de flyer voor Beerse (pdf)" in deur


# --- The admin ------------------------------------------------------------------------------


def test_beheer_toont_de_periodekiezer(coordinator_client, gemeenten):
    response = coordinator_client.get(ADMIN_FLYER)

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert 'name="van"' in inhoud
    assert 'value="2026-11-20"' in inhoud
    assert 'value="2027-01-14"' in inhoud
    assert "het hele werkingsgebied" in inhoud


def test_beheer_maakt_de_flyer_van_een_gemeente(coordinator_client, aanbod, gemeenten):
    response = coordinator_client.get(
        ADMIN_FLYER,
        {
            "gemeente": gemeenten["kasterlee"].pk,
            "van": "2026-12-02",
            "tot": "2026-12-31",
            "formaat": "a5",
        },
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="flyer-kasterlee-2026-12-02.pdf"'
    alles = tekst(response.content)
    assert "Kookclub Kasterlee" in alles
    assert "Speelgroep Beerse" not in alles


def test_beheer_weigert_een_te_lange_of_omgekeerde_periode(coordinator_client, gemeenten):
    te_lang = coordinator_client.get(
        ADMIN_FLYER, {"gemeente": "", "van": "2026-12-02", "tot": "2027-12-31", "formaat": "a4"}
    )
    omgekeerd = coordinator_client.get(
        ADMIN_FLYER, {"gemeente": "", "van": "2026-12-02", "tot": "2026-11-01", "formaat": "a4"}
    )

    assert te_lang.status_code == 400
    assert "Een flyer loopt hoogstens 6 maanden: tot 1 juni 2027." in te_lang.content.decode()
    assert omgekeerd.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in omgekeerd.content.decode()


def test_beheer_flyer_vraagt_aanmelden(client):
    response = client.get(ADMIN_FLYER)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_medewerker_en_partner_mogen_de_flyer_maken_iemand_zonder_rol_niet(client, gemeenten):
    medewerker = GebruikerFactory(is_staff=True, rol="medewerker")
    client.force_login(medewerker)
    assert client.get(ADMIN_FLYER).status_code == 200

    partner = GebruikerFactory(is_staff=True, rol="partner", partner=PartnerFactory())
    client.force_login(partner)
    assert client.get(ADMIN_FLYER).status_code == 200

    zonder_rol = GebruikerFactory(is_staff=True, rol="")
    client.force_login(zonder_rol)
    assert client.get(ADMIN_FLYER).status_code == 403


def test_de_huisstijl_in_het_beheer_linkt_naar_de_flyer(coordinator_client, huisstijl):
    lijst = coordinator_client.get(reverse("admin:communicatie_huisstijl_changelist"))
    formulier = coordinator_client.get(
        reverse("admin:communicatie_huisstijl_change", args=[huisstijl.pk])
    )

    assert ADMIN_FLYER in lijst.content.decode()
    assert ADMIN_FLYER in formulier.content.decode()

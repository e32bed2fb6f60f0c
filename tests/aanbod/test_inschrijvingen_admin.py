"""Registrations in the admin: one moment's page, exports, the list of all, the reach, scope."""

import csv
import datetime as dt
import io

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from aanbod.models import Bereikcijfer, Inschrijving, Moment
from aanbod.services import Gezin, gegevens_wissen, inschrijven
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    GemeenteFactory,
    InschrijvingFactory,
    LocatieFactory,
    MomentFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


# --- The world ----------------------------------------------------------------------------


@pytest.fixture
def beerse(db):
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@pytest.fixture
def turnhout(db):
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


@pytest.fixture
def partner(db):
    return PartnerFactory(naam="CAW De Kempen")


@pytest.fixture
def babbelbox(beerse, partner):
    """A local activity of Beerse with registration, delivered by the partner."""
    activiteit = ActiviteitFactory(
        titel="Babbelbox",
        slug="babbelbox",
        bereik="lokaal",
        gemeenten=[beerse],
        locatie=LocatieFactory(naam="Antenne Vlimmeren", gemeente=beerse),
        inschrijving_vereist=True,
        capaciteit=10,
        plaatsen_per="persoon",
    )
    activiteit.partners.add(partner)
    return activiteit


def moment_over(activiteit, dagen=7, **velden):
    """A moment ``dagen`` days from now (negative: in the past), two hours long."""
    begin = timezone.now() + dt.timedelta(days=dagen)
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **velden
    )


def nu_bezig(moment):
    """Move a moment to now: it began an hour ago, so attendance can be ticked."""
    begin = timezone.now() - dt.timedelta(hours=1)
    Moment.objects.filter(pk=moment.pk).update(begin=begin, einde=begin + dt.timedelta(hours=2))
    moment.refresh_from_db()
    return moment


def gezin(naam, **velden):
    velden.setdefault("email", f"{naam.lower()}@example.org")
    velden["leeftijden"] = tuple(velden.get("leeftijden", ()))
    return Gezin(naam=naam, **velden)


def pagina_url(moment):
    return reverse("admin:aanbod_moment_inschrijvingen", args=[moment.pk])


def telefonisch_url(moment):
    return reverse("admin:aanbod_moment_telefonisch", args=[moment.pk])


def html(response):
    return response.content.decode()


def meldingen(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def onderwerpen():
    return [bericht.subject for bericht in mail.outbox]


def medewerker_van(*gemeenten):
    gebruiker = GebruikerFactory(rol="medewerker")
    gebruiker.gemeenten.add(*gemeenten)
    return gebruiker


@pytest.fixture
def als(client):
    def aanmelden(gebruiker):
        client.force_login(gebruiker)
        return client

    return aanmelden


# --- The page of one moment ---------------------------------------------------------------


def test_pagina_toont_de_inschrijvingen_en_de_tellingen(coordinator_client, babbelbox, beerse):
    moment = moment_over(babbelbox)
    InschrijvingFactory(
        moment=moment,
        naam="Fatima",
        email="fatima@example.org",
        telefoon="0470 12 34 56",
        volwassenen=2,
        leeftijden=[8, 36],
        woonplaats=beerse,
        opmerking="We komen met een rolstoel.",
        kanaal="telefoon",
    )
    InschrijvingFactory(moment=moment, naam="Bram", volwassenen=1, leeftijden=[])
    InschrijvingFactory(moment=moment, naam="Eerst wachtend", status="wachtlijst")
    InschrijvingFactory(moment=moment, naam="Dan wachtend", status="wachtlijst")
    InschrijvingFactory(moment=moment, naam="Afgehaakt", status="geannuleerd")
    gewist = InschrijvingFactory(moment=moment, naam="Weg", email="weg@example.org")
    Inschrijving.objects.filter(pk=gewist.pk).update(
        naam="", email="", leeftijden=[], gewist_op=timezone.now()
    )

    response = coordinator_client.get(pagina_url(moment))

    pagina = html(response)
    assert response.status_code == 200
    assert "<h1>Inschrijvingen voor Babbelbox</h1>" in pagina
    assert "Antenne Vlimmeren, Beerse" in pagina
    assert "2 volwassenen en 2 kinderen (8 maanden, 3 jaar)" in pagina
    assert "fatima@example.org" in pagina and "0470 12 34 56" in pagina
    assert "We komen met een rolstoel." in pagina
    assert "elders" in pagina
    assert "gegevens gewist" in pagina
    assert "weg@example.org" not in pagina
    context = response.context
    # Fatima 4, Bram 1, the erased one 1 adult + 1 child: 7 of 10 seats.
    assert (context["bezet"], context["vrij"]) == (7, 3)
    assert [i.naam for i in context["wachtlijst"]] == ["Eerst wachtend", "Dan wachtend"]
    assert [i.naam for i in context["geannuleerd"]] == ["Afgehaakt"]
    assert "<summary><h2>Geannuleerd (1)</h2></summary>" in pagina
    assert reverse("admin:aanbod_moment_telefonisch", args=[moment.pk]) in pagina


def test_momentenlijst_linkt_met_de_tellingen_naar_de_inschrijvingen(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    for _ in range(3):
        InschrijvingFactory(moment=moment)
    InschrijvingFactory(moment=moment, status="wachtlijst")

    pagina = html(coordinator_client.get(reverse("admin:aanbod_moment_changelist")))

    assert f'<a href="{pagina_url(moment)}">3 bevestigd · 1 wachtend</a>' in pagina


def test_momentpagina_linkt_naar_de_inschrijvingen(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)

    pagina = html(coordinator_client.get(reverse("admin:aanbod_moment_change", args=[moment.pk])))

    assert f'<a href="{pagina_url(moment)}">Inschrijvingen</a>' in pagina


@pytest.mark.parametrize("aantal", [1, 3])
def test_pagina_telt_evenveel_queries_voor_1_en_3_inschrijvingen(
    coordinator_client, django_assert_num_queries, babbelbox, beerse, aantal
):
    moment = moment_over(babbelbox)
    for i in range(aantal):
        InschrijvingFactory(moment=moment, woonplaats=beerse if i % 2 else None)
        InschrijvingFactory(moment=moment, status="wachtlijst")
        InschrijvingFactory(moment=moment, status="geannuleerd")

    with django_assert_num_queries(5):
        response = coordinator_client.get(pagina_url(moment))

    assert len(response.context["bevestigd"]) == aantal


# --- Attendance ---------------------------------------------------------------------------


def test_aanwezigheid_aanvinken_bewaart_en_telt_in_het_bereik(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An", volwassenen=1, leeftijden=(30, 50)))
    bo = inschrijven(moment=moment, gezin=gezin("Bo", volwassenen=2))
    nu_bezig(moment)

    response = coordinator_client.post(
        pagina_url(moment),
        {"actie": "aanwezigheid", f"aanwezig-{an.pk}": "ja", f"aanwezig-{bo.pk}": "nee"},
        follow=True,
    )

    an.refresh_from_db()
    bo.refresh_from_db()
    assert (an.aanwezig, bo.aanwezig) == (True, False)
    assert Bereikcijfer.objects.aggregate(n=Sum("aanwezig"))["n"] == 3
    assert "Aanwezigheid bewaard: 2 inschrijvingen aangepast." in meldingen(response)


def test_aanwezigheid_terugzetten_op_onbekend_haalt_ze_uit_het_bereik(
    coordinator_client, babbelbox
):
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An", volwassenen=2))
    nu_bezig(moment)
    coordinator_client.post(
        pagina_url(moment), {"actie": "aanwezigheid", f"aanwezig-{an.pk}": "ja"}
    )

    coordinator_client.post(
        pagina_url(moment), {"actie": "aanwezigheid", f"aanwezig-{an.pk}": "onbekend"}
    )

    an.refresh_from_db()
    assert an.aanwezig is None
    assert Bereikcijfer.objects.aggregate(n=Sum("aanwezig"))["n"] == 0


def test_aanwezigheid_kan_pas_vanaf_de_dag_van_het_moment(coordinator_client, babbelbox):
    moment = moment_over(babbelbox, dagen=3)
    an = InschrijvingFactory(moment=moment)

    response = coordinator_client.post(
        pagina_url(moment), {"actie": "aanwezigheid", f"aanwezig-{an.pk}": "ja"}, follow=True
    )

    an.refresh_from_db()
    assert an.aanwezig is None
    assert "Aanwezigheid noteer je vanaf de dag van het moment." in meldingen(response)
    assert 'name="aanwezig-' not in html(response)


# --- Cancelling ---------------------------------------------------------------------------


def test_annuleren_vraagt_eerst_om_bevestiging(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    an = InschrijvingFactory(moment=moment, naam="An")

    response = coordinator_client.get(pagina_url(moment), {"annuleren": an.pk})

    assert "Inschrijving annuleren?" in html(response)
    assert response.context["te_annuleren"] == an
    an.refresh_from_db()
    assert an.status == Inschrijving.Status.BEVESTIGD


def test_annuleren_geeft_de_plaats_aan_de_wachtlijst_en_mailt_beiden(coordinator_client, babbelbox):
    babbelbox.capaciteit = 1
    babbelbox.plaatsen_per = "gezin"
    babbelbox.save()
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    bo = inschrijven(moment=moment, gezin=gezin("Bo"), wachtlijst=True)
    mail.outbox.clear()

    response = coordinator_client.post(
        pagina_url(moment), {"actie": "annuleren", "inschrijving": an.pk}, follow=True
    )

    an.refresh_from_db()
    bo.refresh_from_db()
    assert an.status == Inschrijving.Status.GEANNULEERD
    assert bo.status == Inschrijving.Status.BEVESTIGD
    assert sorted(b.to[0] for b in mail.outbox) == ["an@example.org", "bo@example.org"]
    assert any(o.startswith("Geannuleerd: Babbelbox") for o in onderwerpen())
    assert any(o.startswith("Er is een plaats vrij") for o in onderwerpen())
    assert "Van de wachtlijst ingeschreven: Bo." in meldingen(response)


def test_wie_zonder_mailadres_doorschuift_moet_gebeld_worden(coordinator_client, babbelbox):
    babbelbox.capaciteit = 1
    babbelbox.save()
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    inschrijven(
        moment=moment,
        gezin=gezin("Bo", email="", telefoon="0470 11 22 33"),
        wachtlijst=True,
        kanaal="telefoon",
    )

    response = coordinator_client.post(
        pagina_url(moment), {"actie": "annuleren", "inschrijving": an.pk}, follow=True
    )

    assert "Zonder e-mailadres, verwittig ze zelf: Bo (0470 11 22 33)." in meldingen(response)


def test_annuleren_na_het_begin_kan_niet(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    nu_bezig(moment)

    response = coordinator_client.post(
        pagina_url(moment), {"actie": "annuleren", "inschrijving": an.pk}, follow=True
    )

    an.refresh_from_db()
    assert an.status == Inschrijving.Status.BEVESTIGD
    assert "Dit moment is al begonnen of voorbij; annuleren kan niet meer." in meldingen(response)


def test_een_onbekende_actie_is_een_slechte_vraag(coordinator_client, babbelbox):
    response = coordinator_client.post(pagina_url(moment_over(babbelbox)), {"actie": "wissen"})

    assert response.status_code == 400


# --- Registering by phone -----------------------------------------------------------------


def telefonisch(**anders):
    gegevens = {
        "naam": "Fatima",
        "email": "",
        "telefoon": "0470 12 34 56",
        "woonplaats": "elders",
        "volwassenen": "1",
        "kind_1": "36",
        "opmerking": "",
        "kanaal": "telefoon",
        "toestemming": "on",
    }
    gegevens.update(anders)
    return {k: v for k, v in gegevens.items() if v is not None}


def test_telefonisch_inschrijven_bevestigt_een_plaats(coordinator_client, babbelbox, beerse):
    moment = moment_over(babbelbox)

    response = coordinator_client.post(
        telefonisch_url(moment),
        telefonisch(email="Fatima@Example.org", woonplaats=str(beerse.pk), kanaal="balie"),
        follow=True,
    )

    inschrijving = Inschrijving.objects.get()
    assert response.redirect_chain[-1][0] == pagina_url(moment)
    assert inschrijving.status == Inschrijving.Status.BEVESTIGD
    assert inschrijving.kanaal == Inschrijving.Kanaal.BALIE
    assert inschrijving.email == "fatima@example.org"
    assert inschrijving.woonplaats == beerse
    assert inschrijving.leeftijden == [36]
    assert inschrijving.toestemming_op is not None
    assert mail.outbox[0].to == ["fatima@example.org"]
    assert "Fatima is ingeschreven. Het gezin krijgt een bevestiging per mail." in meldingen(
        response
    )


def test_telefonisch_inschrijven_vraagt_de_toestemming(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)

    response = coordinator_client.post(telefonisch_url(moment), telefonisch(toestemming=None))

    assert response.status_code == 200
    assert "Vertel eerst waarvoor we de gegevens gebruiken" in html(response)
    assert not Inschrijving.objects.exists()


def test_telefonisch_op_een_volzet_moment_biedt_de_wachtlijst_aan(coordinator_client, babbelbox):
    babbelbox.capaciteit = 2
    babbelbox.save()
    moment = moment_over(babbelbox)
    inschrijven(moment=moment, gezin=gezin("An", volwassenen=2))

    vol = coordinator_client.post(telefonisch_url(moment), telefonisch())

    assert vol.status_code == 200
    assert vol.context["volzet"]
    assert "Er zijn niet genoeg plaatsen meer vrij voor dit gezin." in html(vol)
    assert Inschrijving.objects.count() == 1

    wachtend = coordinator_client.post(
        telefonisch_url(moment), telefonisch(wachtlijst="on"), follow=True
    )

    inschrijving = Inschrijving.objects.get(naam="Fatima")
    assert inschrijving.status == Inschrijving.Status.WACHTLIJST
    assert inschrijving.kanaal == Inschrijving.Kanaal.TELEFOON
    assert "Fatima staat op de wachtlijst. Er is geen e-mailadres: er gaat geen bevestiging." in (
        meldingen(wachtend)
    )


def test_telefonisch_herkent_een_adres_dat_al_ingeschreven_is(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    inschrijven(moment=moment, gezin=gezin("An"))
    mail.outbox.clear()

    response = coordinator_client.post(
        telefonisch_url(moment), telefonisch(naam="An bis", email="an@example.org")
    )

    assert response.status_code == 200
    assert "Met dit e-mailadres is al iemand ingeschreven voor dit moment (bevestigd)." in html(
        response
    )
    assert Inschrijving.objects.count() == 1
    assert [b.to for b in mail.outbox] == [["an@example.org"]]


def test_telefonisch_inschrijven_kan_niet_meer_na_het_begin(coordinator_client, babbelbox):
    moment = nu_bezig(moment_over(babbelbox))

    response = coordinator_client.post(telefonisch_url(moment), telefonisch())

    assert "Dit moment is al begonnen; inschrijven kan niet meer." in html(response)
    assert not Inschrijving.objects.exists()


# --- Exports ------------------------------------------------------------------------------


@pytest.fixture
def moment_met_rijen(babbelbox, beerse):
    moment = MomentFactory(
        activiteit=babbelbox,
        begin=timezone.make_aware(dt.datetime(2031, 3, 4, 9, 30)),
        einde=timezone.make_aware(dt.datetime(2031, 3, 4, 11, 30)),
    )
    InschrijvingFactory(
        moment=moment,
        naam="Fatima",
        email="fatima@example.org",
        telefoon="+32 470 12 34 56",
        volwassenen=2,
        leeftijden=[8, 36],
        woonplaats=beerse,
        opmerking='=HYPERLINK("http://kwaad.example";"klik")',
        kanaal="telefoon",
        aangemaakt=timezone.make_aware(dt.datetime(2031, 2, 1, 14, 5)),
        aanwezig=True,
    )
    InschrijvingFactory(
        moment=moment,
        naam="@Bo",
        status="wachtlijst",
        aangemaakt=timezone.make_aware(dt.datetime(2031, 2, 2, 8, 0)),
    )
    gewist = InschrijvingFactory(
        moment=moment, naam="Weg", aangemaakt=timezone.make_aware(dt.datetime(2031, 2, 3))
    )
    Inschrijving.objects.filter(pk=gewist.pk).update(
        naam="", email="", telefoon="", leeftijden=[], gewist_op=timezone.now()
    )
    return moment


def csv_rijen(response):
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    return list(csv.reader(io.StringIO(tekst.removeprefix("\ufeff")), delimiter=";"))


def test_csv_export_heeft_de_kolommen_en_de_rijen_van_het_moment(
    coordinator_client, moment_met_rijen
):
    response = coordinator_client.get(
        reverse("admin:aanbod_moment_inschrijvingen_csv", args=[moment_met_rijen.pk])
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="inschrijvingen-babbelbox-2031-03-04.csv"'
    )
    kop, fatima, gewist, bo = csv_rijen(response)
    assert kop == [
        "activiteit",
        "moment",
        "status",
        "plaats op de wachtlijst",
        "naam",
        "e-mail",
        "telefoon",
        "volwassenen",
        "kinderen",
        "leeftijden",
        "woont in",
        "opmerking",
        "kanaal",
        "ingeschreven op",
        "aanwezig",
    ]
    assert fatima[:3] == ["Babbelbox", "04/03/2031 09:30", "bevestigd"]
    assert fatima[4:11] == [
        "Fatima",
        "fatima@example.org",
        "'+32 470 12 34 56",
        "2",
        "2",
        "8 maanden, 3 jaar",
        "Beerse",
    ]
    assert fatima[11] == '\'=HYPERLINK("http://kwaad.example";"klik")'
    assert fatima[12:] == ["telefoon", "01/02/2031 14:05", "ja"]
    assert gewist[4:7] == ["gegevens gewist", "", ""]
    assert gewist[10] == "elders"
    assert bo[2:5] == ["op de wachtlijst", "1", "'@Bo"]


def test_excel_export_heeft_een_vaste_vette_kop_en_tekst_in_plaats_van_formules(
    coordinator_client, moment_met_rijen
):
    response = coordinator_client.get(
        reverse("admin:aanbod_moment_inschrijvingen_xlsx", args=[moment_met_rijen.pk])
    )

    assert response["Content-Disposition"] == (
        'attachment; filename="inschrijvingen-babbelbox-2031-03-04.xlsx"'
    )
    blad = load_workbook(io.BytesIO(response.content)).active
    assert blad.freeze_panes == "A2"
    assert blad["A1"].value == "activiteit" and blad["A1"].font.b
    assert blad["O1"].value == "aanwezig"
    assert blad["B2"].value == dt.datetime(2031, 3, 4, 9, 30)
    assert blad["E2"].value == "Fatima"
    assert blad["H2"].value == 2
    assert blad["J2"].value == "8 maanden, 3 jaar"
    formule = blad["L2"]
    assert formule.value == '=HYPERLINK("http://kwaad.example";"klik")'
    assert formule.data_type == "s"
    assert formule.quotePrefix
    assert blad["E3"].value == "gegevens gewist" and blad["F3"].value is None
    assert (blad["C4"].value, blad["D4"].value) == ("op de wachtlijst", 1)
    assert blad.column_dimensions["L"].width > blad.column_dimensions["H"].width


# --- Scope --------------------------------------------------------------------------------


def test_medewerker_van_een_andere_gemeente_ziet_de_inschrijvingen_niet(als, babbelbox, turnhout):
    moment = moment_over(babbelbox)
    an = InschrijvingFactory(moment=moment)
    client = als(medewerker_van(turnhout))

    assert client.get(pagina_url(moment)).status_code == 404
    assert client.get(telefonisch_url(moment)).status_code == 404
    csv_url = reverse("admin:aanbod_moment_inschrijvingen_csv", args=[moment.pk])
    assert client.get(csv_url).status_code == 404
    assert client.get(reverse("admin:aanbod_inschrijving_change", args=[an.pk])).status_code == 404
    # The moment itself stays visible, without a link to the registrations.
    assert client.get(reverse("admin:aanbod_moment_change", args=[moment.pk])).status_code == 200
    lijst = html(client.get(reverse("admin:aanbod_moment_changelist")))
    assert "1 bevestigd · 0 wachtend" in lijst
    assert pagina_url(moment) not in lijst


def test_medewerker_ziet_gedeeld_aanbod_maar_wijzigt_er_niets_aan(als, beerse, turnhout, babbelbox):
    babbelbox.gemeenten.add(turnhout)
    moment = moment_over(babbelbox)
    an = InschrijvingFactory(moment=moment)
    client = als(medewerker_van(beerse))

    pagina = client.get(pagina_url(moment))
    annuleren = client.post(pagina_url(moment), {"actie": "annuleren", "inschrijving": an.pk})

    assert pagina.status_code == 200
    assert not pagina.context["beheren"]
    assert "?annuleren=" not in html(pagina)
    assert telefonisch_url(moment) not in html(pagina)
    assert annuleren.status_code == 403
    assert client.get(telefonisch_url(moment)).status_code == 403
    an.refresh_from_db()
    assert an.status == Inschrijving.Status.BEVESTIGD


def test_medewerker_ziet_geen_inschrijvingen_van_regionaal_aanbod(als, beerse):
    moment = moment_over(ActiviteitFactory(bereik="regionaal", inschrijving_vereist=True))

    response = als(medewerker_van(beerse)).get(pagina_url(moment))

    assert response.status_code == 404


def test_medewerker_van_de_gemeente_vinkt_aanwezigheid_aan(als, beerse, babbelbox):
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    nu_bezig(moment)

    als(medewerker_van(beerse)).post(
        pagina_url(moment), {"actie": "aanwezigheid", f"aanwezig-{an.pk}": "ja"}
    )

    an.refresh_from_db()
    assert an.aanwezig is True


def test_partner_van_de_activiteit_vinkt_aanwezigheid_aan_en_schrijft_in(als, partner, babbelbox):
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    client = als(GebruikerFactory(rol="partner", partner=partner))

    inschrijven_response = client.post(telefonisch_url(moment), telefonisch(naam="Bo"))
    nu_bezig(moment)
    client.post(pagina_url(moment), {"actie": "aanwezigheid", f"aanwezig-{an.pk}": "ja"})

    assert inschrijven_response.status_code == 302
    an.refresh_from_db()
    assert an.aanwezig is True
    assert Inschrijving.objects.filter(naam="Bo", kanaal="telefoon").exists()


def test_partner_van_een_andere_activiteit_krijgt_404(als, babbelbox):
    moment = moment_over(babbelbox)
    an = InschrijvingFactory(moment=moment)
    client = als(GebruikerFactory(rol="partner", partner=PartnerFactory(naam="Kind en Gezin")))

    assert client.get(pagina_url(moment)).status_code == 404
    antwoord = client.post(pagina_url(moment), {"actie": "annuleren", "inschrijving": an.pk})
    assert antwoord.status_code == 404
    an.refresh_from_db()
    assert an.status == Inschrijving.Status.BEVESTIGD


def test_mandataris_komt_niet_aan_de_inschrijvingen(als, beerse, babbelbox):
    mandataris = GebruikerFactory(rol="mandataris")
    mandataris.gemeenten.add(beerse)

    response = als(mandataris).get(pagina_url(moment_over(babbelbox)))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- Cancelling a moment ------------------------------------------------------------------


def moment_gegevens(moment, **anders):
    begin, einde = timezone.localtime(moment.begin), timezone.localtime(moment.einde)
    gegevens = {
        "activiteit": moment.activiteit_id,
        "begin_0": begin.strftime("%Y-%m-%d"),
        "begin_1": begin.strftime("%H:%M:%S"),
        "einde_0": einde.strftime("%Y-%m-%d"),
        "einde_1": einde.strftime("%H:%M:%S"),
        "locatie": "",
    }
    gegevens.update(anders)
    return gegevens


def test_moment_afgelasten_mailt_wie_ingeschreven_is(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    inschrijven(moment=moment, gezin=gezin("An"))
    inschrijven(moment=moment, gezin=gezin("Bo"))
    inschrijven(moment=moment, gezin=gezin("Cas", email="", telefoon="014 12 34 56"))
    mail.outbox.clear()

    response = coordinator_client.post(
        reverse("admin:aanbod_moment_change", args=[moment.pk]),
        moment_gegevens(moment, geannuleerd="on"),
        follow=True,
    )

    moment.refresh_from_db()
    assert moment.geannuleerd
    assert sorted(b.to[0] for b in mail.outbox) == ["an@example.org", "bo@example.org"]
    assert all(o.startswith("Gaat niet door: Babbelbox") for o in onderwerpen())
    teksten = " ".join(meldingen(response))
    assert f"2 gezinnen krijgen een mail dat {moment} niet doorgaat." in teksten
    assert "Cas (014 12 34 56)" in teksten


def test_moment_bewaren_zonder_afgelasten_mailt_niemand(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    inschrijven(moment=moment, gezin=gezin("An"))
    mail.outbox.clear()

    coordinator_client.post(
        reverse("admin:aanbod_moment_change", args=[moment.pk]), moment_gegevens(moment)
    )

    assert mail.outbox == []


def test_moment_afgelasten_vanuit_de_lijst_mailt_ook(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    inschrijven(moment=moment, gezin=gezin("An"))
    mail.outbox.clear()

    coordinator_client.post(
        reverse("admin:aanbod_moment_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": str(moment.pk),
            "form-0-geannuleerd": "on",
            "_save": "Bewaren",
        },
    )

    assert onderwerpen() and onderwerpen()[0].startswith("Gaat niet door: Babbelbox")


# --- The list of all registrations --------------------------------------------------------


def actie(client, naam, inschrijvingen):
    return client.post(
        reverse("admin:aanbod_inschrijving_changelist"),
        {"action": naam, "_selected_action": [i.pk for i in inschrijvingen]},
        follow=True,
    )


def test_lijst_toont_naam_personen_woonplaats_en_gewist(coordinator_client, babbelbox, beerse):
    moment = moment_over(babbelbox)
    InschrijvingFactory(moment=moment, naam="Fatima", leeftijden=[36], woonplaats=beerse)
    gewist = InschrijvingFactory(moment=moment, naam="Weg")
    Inschrijving.objects.filter(pk=gewist.pk).update(naam="", gewist_op=timezone.now())

    response = coordinator_client.get(reverse("admin:aanbod_inschrijving_changelist"))

    pagina = html(response)
    assert "Fatima" in pagina
    assert "1 volwassene en 1 kind (3 jaar)" in pagina
    assert "gegevens gewist" in pagina
    assert reverse("admin:aanbod_moment_changelist") in pagina


@pytest.mark.parametrize(
    ("filter", "verwacht"),
    [({"woonplaats": "elders"}, ["Bo"]), ({"wanneer": "voorbij"}, ["Cas"]), ({"q": "fat"}, ["An"])],
)
def test_lijst_filtert_en_zoekt(coordinator_client, babbelbox, beerse, filter, verwacht):
    InschrijvingFactory(
        moment=moment_over(babbelbox), naam="An", email="fatima@example.org", woonplaats=beerse
    )
    InschrijvingFactory(moment=moment_over(babbelbox), naam="Bo")
    InschrijvingFactory(moment=moment_over(babbelbox, dagen=-30), naam="Cas", woonplaats=beerse)

    response = coordinator_client.get(reverse("admin:aanbod_inschrijving_changelist"), filter)

    assert sorted(i.naam for i in response.context["cl"].result_list) == verwacht


def test_nieuwe_inschrijving_kan_alleen_via_het_moment(coordinator_client):
    response = coordinator_client.get(reverse("admin:aanbod_inschrijving_add"))

    assert response.status_code == 403


def test_actie_annuleren_loopt_via_de_dienst(coordinator_client, babbelbox):
    babbelbox.capaciteit = 1
    babbelbox.save()
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    bo = inschrijven(moment=moment, gezin=gezin("Bo"), wachtlijst=True)
    mail.outbox.clear()

    response = actie(coordinator_client, "annuleren_actie", [an])

    bo.refresh_from_db()
    assert bo.status == Inschrijving.Status.BEVESTIGD
    assert Bereikcijfer.objects.aggregate(n=Sum("ingeschreven"))["n"] == 1
    assert len(mail.outbox) == 2
    assert "1 inschrijving geannuleerd." in meldingen(response)


def test_actie_wissen_wist_de_persoonsgegevens_en_houdt_de_aantallen(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    an = inschrijven(moment=moment, gezin=gezin("An", volwassenen=2, leeftijden=(30,)))

    actie(coordinator_client, "wissen_actie", [an])

    an.refresh_from_db()
    assert an.is_gewist
    assert (an.naam, an.email, an.leeftijden) == ("", "", [])
    assert (an.volwassenen, an.kinderen) == (2, 1)
    assert an.status == Inschrijving.Status.GEANNULEERD


def test_actie_export_geeft_alleen_de_selectie(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    an = InschrijvingFactory(moment=moment, naam="An")
    InschrijvingFactory(moment=moment, naam="Bo")

    response = actie(coordinator_client, "csv_actie", [an])

    rijen = csv_rijen(response)
    assert [r[4] for r in rijen[1:]] == ["An"]
    assert response["Content-Disposition"].startswith('attachment; filename="inschrijvingen-')


def test_actie_van_een_medewerker_slaat_andermans_inschrijvingen_over(
    als, beerse, turnhout, babbelbox
):
    babbelbox.gemeenten.add(turnhout)  # shared: the medewerker of Beerse only reads it
    an = InschrijvingFactory(moment=moment_over(babbelbox))
    client = als(medewerker_van(beerse))

    response = actie(client, "wissen_actie", [an])

    an.refresh_from_db()
    assert not an.is_gewist
    assert "1 inschrijving mag je niet wijzigen; ze is overgeslagen." in meldingen(response)


def test_contactgegevens_verbeteren_laat_status_en_aanwezigheid_ongemoeid(
    coordinator_client, babbelbox
):
    an = InschrijvingFactory(moment=moment_over(babbelbox), naam="An", email="an@example.org")

    response = coordinator_client.post(
        reverse("admin:aanbod_inschrijving_change", args=[an.pk]),
        {
            "naam": "Anna",
            "email": "Anna@Example.org",
            "telefoon": "",
            "opmerking": "",
            "status": "geannuleerd",
            "aanwezig": "true",
        },
    )

    assert response.status_code == 302
    an.refresh_from_db()
    assert (an.naam, an.email) == ("Anna", "anna@example.org")
    assert an.status == Inschrijving.Status.BEVESTIGD
    assert an.aanwezig is None


def test_contactgegevens_kunnen_geen_adres_van_een_ander_overnemen(coordinator_client, babbelbox):
    moment = moment_over(babbelbox)
    InschrijvingFactory(moment=moment, email="bo@example.org")
    an = InschrijvingFactory(moment=moment, naam="An", email="an@example.org")

    response = coordinator_client.post(
        reverse("admin:aanbod_inschrijving_change", args=[an.pk]),
        {"naam": "An", "email": "bo@example.org", "telefoon": "", "opmerking": ""},
    )

    assert response.status_code == 200
    assert "Met dit e-mailadres is al iemand anders ingeschreven" in html(response)


def test_gewiste_gegevens_kan_niemand_opnieuw_invullen(coordinator_client, babbelbox):
    an = InschrijvingFactory(moment=moment_over(babbelbox, dagen=-1), naam="An")
    gegevens_wissen(inschrijving=an)

    response = coordinator_client.get(reverse("admin:aanbod_inschrijving_change", args=[an.pk]))

    assert 'name="naam"' not in html(response)
    assert 'name="email"' not in html(response)


# --- The anonymous reach ------------------------------------------------------------------


def test_bereikcijfers_staan_alleen_lezen_in_het_beheer(coordinator_client, babbelbox, beerse):
    moment = moment_over(babbelbox)
    inschrijven(
        moment=moment, gezin=gezin("An", volwassenen=2, leeftijden=(30,), woonplaats=beerse)
    )
    cijfer = Bereikcijfer.objects.get(leeftijdsgroep="volwassene")

    lijst = coordinator_client.get(reverse("admin:aanbod_bereikcijfer_changelist"))
    wijzigen = coordinator_client.get(reverse("admin:aanbod_bereikcijfer_change", args=[cijfer.pk]))

    assert lijst.context["cl"].result_count == 2
    assert "Babbelbox" in html(lijst) and "volwassenen" in html(lijst)
    assert coordinator_client.get(reverse("admin:aanbod_bereikcijfer_add")).status_code == 403
    assert 'name="_save"' not in html(wijzigen)
    bewaren = coordinator_client.post(
        reverse("admin:aanbod_bereikcijfer_change", args=[cijfer.pk]), {"ingeschreven": "99"}
    )
    assert bewaren.status_code == 403
    cijfer.refresh_from_db()
    assert cijfer.ingeschreven == 2


def test_partner_ziet_alleen_de_bereikcijfers_van_de_eigen_activiteiten(als, partner, babbelbox):
    inschrijven(moment=moment_over(babbelbox), gezin=gezin("An"))
    inschrijven(
        moment=moment_over(ActiviteitFactory(titel="Andermans", inschrijving_vereist=True)),
        gezin=gezin("Bo"),
    )
    client = als(GebruikerFactory(rol="partner", partner=partner))

    response = client.get(reverse("admin:aanbod_bereikcijfer_changelist"))

    assert {c.activiteit.titel for c in response.context["cl"].result_list} == {"Babbelbox"}

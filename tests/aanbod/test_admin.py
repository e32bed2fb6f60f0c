"""The offer in the admin: the pages a coordinator uses daily, and bad input refused in Dutch."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Activiteit, Doelgroep, Inschrijving, Moment, Reeks
from aanbod.services import lokale_versies_maken
from hvk.herhaling import lokale_tijd
from tests.admin import fouten
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    InschrijvingFactory,
    LocatieFactory,
    MomentFactory,
    PartnerFactory,
    ReeksFactory,
    ThemaFactory,
)

# A Tuesday far enough ahead to stay upcoming, and a day in the past.
LATER = lokale_tijd(dt.date(2030, 12, 3), dt.time(9, 30))
VROEGER = lokale_tijd(dt.date(2024, 3, 5), dt.time(9, 30))


@pytest.fixture
def beerse(db):
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


@pytest.fixture
def turnhout(db):
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


@pytest.fixture
def vandaag():
    return timezone.localdate()


def binnen(dagen, uur=dt.time(9, 30)):
    """An aware instant ``dagen`` days from today at a wall-clock hour."""
    return lokale_tijd(timezone.localdate() + dt.timedelta(days=dagen), uur)


def moment_op(activiteit, begin, **anders):
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **anders
    )


def beheerformulier(prefix, rijen=()):
    """The management form and rows of an inline formset, as the admin page posts them."""
    gegevens = {
        f"{prefix}-TOTAL_FORMS": str(len(rijen)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for i, rij in enumerate(rijen):
        for sleutel, waarde in rij.items():
            gegevens[f"{prefix}-{i}-{sleutel}"] = waarde
    return gegevens


def activiteit_gegevens(*, reeksen=(), momenten=(), **anders):
    gegevens = {
        "titel": "Babbelbox",
        "slug": "babbelbox",
        "samenvatting": "",
        "beschrijving": "",
        "afbeelding_alt": "",
        "pijler": "ontmoeting",
        "leeftijd_van": "",
        "leeftijd_tot": "",
        "bereik": "regionaal",
        "locatie": "",
        "prijs": "0",
        "sociaal_tarief": "",
        "capaciteit": "",
        "plaatsen_per": "persoon",
        "gepubliceerd": "on",
        **beheerformulier("reeksen", reeksen),
        **beheerformulier("momenten", momenten),
    }
    gegevens.update(anders)
    return gegevens


def reeks_rij(**anders):
    return {
        "frequentie": "wekelijks",
        "interval": "1",
        "weekdag": "2",
        "week_van_de_maand": "",
        "begintijd": "09:30",
        "eindtijd": "11:00",
        "geldig_van": "2026-01-01",
        "geldig_tot": "",
        "locatie": "",
        **anders,
    }


def moment_rij(begin: dt.datetime, einde: dt.datetime, **anders):
    return {
        "begin_0": begin.strftime("%Y-%m-%d"),
        "begin_1": begin.strftime("%H:%M"),
        "einde_0": einde.strftime("%Y-%m-%d"),
        "einde_1": einde.strftime("%H:%M"),
        "locatie": "",
        **anders,
    }


def meldingen(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def html(response):
    return response.content.decode()


# --- Activities: list ---------------------------------------------------------------------


def test_activiteitenlijst_toont_bereik_plek_en_volgend_moment(
    coordinator_client, beerse, turnhout
):
    plek = LocatieFactory(naam="Huis van het Kind Beerse", gemeente=beerse)
    regionaal = ActiviteitFactory(titel="Babymassage", locatie=plek)
    ActiviteitFactory(
        titel="Speelotheek", bereik="lokaal", gemeenten=[turnhout, beerse], doorlopend=True
    )
    moment_op(regionaal, LATER)
    moment_op(regionaal, VROEGER)

    pagina = html(coordinator_client.get(reverse("admin:aanbod_activiteit_changelist")))

    assert "Babymassage" in pagina
    assert "regionaal" in pagina
    assert "Beerse, Turnhout" in pagina
    assert "Huis van het Kind Beerse" in pagina
    assert "di 3 dec 2030 09:30" in pagina
    assert "doorlopend" in pagina


def test_lokale_versie_linkt_in_de_lijst_naar_het_generieke_aanbod(coordinator_client, beerse):
    generiek = ActiviteitFactory(titel="Voorleesuurtje")
    ActiviteitFactory(
        titel="Voorleesuurtje (Beerse)", bereik="lokaal", gemeenten=[beerse], generiek=generiek
    )

    pagina = html(coordinator_client.get(reverse("admin:aanbod_activiteit_changelist")))

    link = reverse("admin:aanbod_activiteit_change", args=[generiek.pk])
    assert f'<a href="{link}">Voorleesuurtje</a>' in pagina


def test_gemeentefilter_toont_regionaal_en_lokaal_aanbod_voor_die_gemeente(
    coordinator_client, beerse, turnhout
):
    ActiviteitFactory(titel="Regionale lezing")
    ActiviteitFactory(titel="Inloop Beerse", bereik="lokaal", gemeenten=[beerse])
    ActiviteitFactory(titel="Inloop Turnhout", bereik="lokaal", gemeenten=[turnhout])

    response = coordinator_client.get(
        reverse("admin:aanbod_activiteit_changelist"), {"gemeente": beerse.pk}
    )

    titels = {a.titel for a in response.context["cl"].result_list}
    assert titels == {"Regionale lezing", "Inloop Beerse"}


def test_onleesbare_gemeente_in_de_filter_geeft_geen_serverfout(coordinator_client, beerse):
    response = coordinator_client.get(
        reverse("admin:aanbod_activiteit_changelist"), {"gemeente": "abc"}
    )

    # The admin's own answer to a bad filter: back to the list with ?e=1.
    assert response.status_code == 302
    assert "e=1" in response["Location"]


@pytest.mark.parametrize(
    ("wanneer", "verwacht"),
    [
        ("komend", {"Met komend moment"}),
        ("voorbij", {"Alleen voorbij"}),
        ("doorlopend", {"Doorlopende dienst"}),
        ("niets", {"Nog niets"}),
    ],
)
def test_wanneerfilter_van_activiteiten(coordinator_client, wanneer, verwacht):
    moment_op(ActiviteitFactory(titel="Met komend moment"), LATER)
    moment_op(ActiviteitFactory(titel="Alleen voorbij"), VROEGER)
    ActiviteitFactory(titel="Doorlopende dienst", doorlopend=True)
    ActiviteitFactory(titel="Nog niets")

    response = coordinator_client.get(
        reverse("admin:aanbod_activiteit_changelist"), {"wanneer": wanneer}
    )

    assert {a.titel for a in response.context["cl"].result_list} == verwacht


def test_zoeken_vindt_activiteit_via_de_naam_van_de_partner(coordinator_client):
    activiteit = ActiviteitFactory(titel="Opvoedingswinkel")
    activiteit.partners.add(PartnerFactory(naam="CAW De Kempen"))
    ActiviteitFactory(titel="Iets anders")

    response = coordinator_client.get(
        reverse("admin:aanbod_activiteit_changelist"), {"q": "kempen"}
    )

    assert [a.titel for a in response.context["cl"].result_list] == ["Opvoedingswinkel"]


def maak_activiteiten(aantal, gemeenten):
    for _ in range(aantal):
        generiek = ActiviteitFactory(bereik="lokaal", gemeenten=gemeenten)
        generiek.themas.add(ThemaFactory())
        versie = ActiviteitFactory(bereik="lokaal", gemeenten=gemeenten, generiek=generiek)
        moment_op(versie, LATER)


@pytest.mark.parametrize("aantal", [1, 3])
def test_activiteitenlijst_telt_evenveel_queries_voor_1_en_3(
    coordinator_client, django_assert_num_queries, beerse, turnhout, aantal
):
    maak_activiteiten(aantal, [beerse, turnhout])
    url = reverse("admin:aanbod_activiteit_changelist")

    with django_assert_num_queries(10):
        response = coordinator_client.get(url)

    assert len(response.context["cl"].result_list) == 2 * aantal


# --- Activities: add and change pages -------------------------------------------------------


def test_toevoegpagina_toont_de_onderdelen_van_een_activiteit(coordinator_client):
    pagina = html(coordinator_client.get(reverse("admin:aanbod_activiteit_add")))

    for kop in ("Wat", "Voor wie", "Waar en wanneer", "Prijs en inschrijving", "Samenhang"):
        assert f">{kop}</h2>" in pagina
    assert "Herhalingen" in pagina
    assert "Momenten in de komende drie maanden" in pagina
    # The link to local versions only makes sense for a saved generic activity.
    assert "Lokale versies maken" not in pagina


def test_wijzigpagina_van_generiek_aanbod_toont_zijn_lokale_versies(coordinator_client, beerse):
    generiek = ActiviteitFactory(titel="Voorleesuurtje")
    versie = ActiviteitFactory(
        titel="Voorleesuurtje (Beerse)",
        bereik="lokaal",
        gemeenten=[beerse],
        generiek=generiek,
        gepubliceerd=False,
    )

    pagina = html(
        coordinator_client.get(reverse("admin:aanbod_activiteit_change", args=[generiek.pk]))
    )

    link = reverse("admin:aanbod_activiteit_change", args=[versie.pk])
    assert f'<a href="{link}">Voorleesuurtje (Beerse)</a> (niet gepubliceerd)' in pagina
    assert reverse("admin:aanbod_activiteit_lokale_versies", args=[generiek.pk]) in pagina


def test_wijzigpagina_toont_komende_momenten_en_hun_herkomst(coordinator_client):
    reeks = ReeksFactory()
    activiteit = reeks.activiteit
    uit_reeks = moment_op(activiteit, binnen(3), reeks=reeks, oorspronkelijke_datum=binnen(3))
    los = moment_op(activiteit, binnen(10))
    moment_op(activiteit, VROEGER)
    moment_op(activiteit, binnen(200))

    response = coordinator_client.get(
        reverse("admin:aanbod_activiteit_change", args=[activiteit.pk])
    )

    inline = next(
        i for i in response.context["inline_admin_formsets"] if i.formset.prefix == "momenten"
    )
    assert [f.instance for f in inline.formset.forms] == [uit_reeks, los]
    pagina = html(response)
    assert "uit de herhaling" in pagina
    assert "los moment" in pagina
    assert "elke woensdag, 09:30\N{EN DASH}11:00" in pagina


def test_wijzigpagina_linkt_naar_alle_momenten_van_de_activiteit(coordinator_client):
    activiteit = ActiviteitFactory()
    voorbij = moment_op(activiteit, VROEGER)
    komend = moment_op(activiteit, LATER)
    moment_op(ActiviteitFactory(), LATER)
    pagina = html(
        coordinator_client.get(reverse("admin:aanbod_activiteit_change", args=[activiteit.pk]))
    )
    link = re.search(r'<a href="([^"]+)">Alle momenten van deze activiteit</a>', pagina)

    response = coordinator_client.get(link.group(1).replace("&amp;", "&"))

    assert list(response.context["cl"].result_list) == [voorbij, komend]


def test_lokale_versie_kan_niet_zelf_generiek_aanbod_worden(coordinator_client):
    generiek = ActiviteitFactory(titel="Voorleesuurtje")
    ActiviteitFactory(titel="Voorleesuurtje (Beerse)", generiek=generiek)

    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "aanbod",
            "model_name": "activiteit",
            "field_name": "generiek",
            "term": "voorlees",
        },
    )

    assert [r["text"] for r in response.json()["results"]] == ["Voorleesuurtje"]


def test_wijzigpagina_van_een_lokale_versie_biedt_geen_lokale_versies_aan(
    coordinator_client, beerse
):
    versie = ActiviteitFactory(
        bereik="lokaal", gemeenten=[beerse], generiek=ActiviteitFactory(titel="Voorleesuurtje")
    )

    pagina = html(
        coordinator_client.get(reverse("admin:aanbod_activiteit_change", args=[versie.pk]))
    )

    assert "Lokale versies maken" not in pagina
    assert "Lokale versies:" not in pagina


# --- Activities: what the form refuses -----------------------------------------------------


def test_leeftijd_tot_onder_leeftijd_van_wordt_geweigerd(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(leeftijd_van="36", leeftijd_tot="12"),
    )

    assert "De leeftijd tot ligt onder de leeftijd van" in fouten(response)
    assert not Activiteit.objects.exists()


def test_lokaal_aanbod_zonder_gemeente_wordt_geweigerd(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"), activiteit_gegevens(bereik="lokaal")
    )

    assert "Kies voor lokaal aanbod minstens één gemeente." in fouten(response)
    assert not Activiteit.objects.exists()


def test_regionaal_aanbod_met_gemeenten_wordt_geweigerd(coordinator_client, beerse):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(bereik="regionaal", gemeenten=[beerse.pk]),
    )

    assert "Regionaal aanbod is voor het hele werkingsgebied" in fouten(response)
    assert not Activiteit.objects.exists()


def test_lokaal_aanbod_voor_twee_gemeenten_wordt_bewaard(coordinator_client, beerse, turnhout):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(bereik="lokaal", gemeenten=[beerse.pk, turnhout.pk]),
    )

    assert response.status_code == 302
    assert set(Activiteit.objects.get().gemeenten.all()) == {beerse, turnhout}


def test_capaciteit_onder_de_bevestigde_plaatsen_wordt_geweigerd(coordinator_client):
    activiteit = ActiviteitFactory(titel="Babyzwemmen", slug="babyzwemmen", capaciteit=10)
    moment = moment_op(activiteit, LATER)
    InschrijvingFactory(moment=moment, volwassenen=2, kinderen=2)
    InschrijvingFactory(moment=moment, volwassenen=1, kinderen=1, status="wachtlijst")

    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_change", args=[activiteit.pk]),
        activiteit_gegevens(
            titel="Babyzwemmen",
            slug="babyzwemmen",
            locatie=activiteit.locatie_id,
            capaciteit="3",
        ),
    )

    assert "Er zijn al 4 plaatsen bevestigd" in fouten(response)
    activiteit.refresh_from_db()
    assert activiteit.capaciteit == 10


def test_prijs_met_komma_wordt_aanvaard(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(prijs="2,50", sociaal_tarief="1,25"),
    )

    assert response.status_code == 302
    activiteit = Activiteit.objects.get()
    assert (activiteit.prijs, activiteit.sociaal_tarief) == (Decimal("2.50"), Decimal("1.25"))


def test_moment_met_einde_voor_begin_wordt_geweigerd_in_de_activiteit(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(momenten=[moment_rij(LATER, LATER - dt.timedelta(hours=1))]),
    )

    assert "Het einde moet na het begin liggen." in fouten(response)
    assert not Activiteit.objects.exists()
    assert not Moment.objects.exists()


def test_los_moment_in_de_activiteit_wordt_bewaard(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(momenten=[moment_rij(LATER, LATER + dt.timedelta(hours=2))]),
    )

    assert response.status_code == 302
    moment = Moment.objects.get()
    assert (moment.begin, moment.reeks) == (LATER, None)


def test_herhaling_met_einduur_voor_beginuur_wordt_geweigerd(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(reeksen=[reeks_rij(begintijd="11:00", eindtijd="09:30")]),
    )

    assert "Het einde moet na het begin liggen." in fouten(response)
    assert not Activiteit.objects.exists()
    assert not Reeks.objects.exists()


def test_maandelijkse_herhaling_zonder_week_van_de_maand_wordt_geweigerd(coordinator_client):
    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(reeksen=[reeks_rij(frequentie="maandelijks")]),
    )

    assert "Kies welke week van de maand" in fouten(response)
    assert not Activiteit.objects.exists()


def test_wekelijkse_herhaling_maakt_de_momenten_tot_de_horizon(
    coordinator_client, settings, vandaag
):
    settings.HVK_HORIZON_DAGEN = 21
    morgen = vandaag + dt.timedelta(days=1)

    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_add"),
        activiteit_gegevens(
            reeksen=[reeks_rij(weekdag=str(morgen.weekday()), geldig_van=vandaag.isoformat())]
        ),
        follow=True,
    )

    reeks = Reeks.objects.get()
    assert [m.begin for m in Moment.objects.order_by("begin")] == [
        lokale_tijd(morgen + dt.timedelta(weeks=w), dt.time(9, 30)) for w in range(3)
    ]
    assert all(m.reeks == reeks for m in Moment.objects.all())
    assert "Momenten uit de herhalingen: 3 nieuw, 0 bijgewerkt, 0 verwijderd." in html(response)


def test_gewijzigd_uur_van_de_herhaling_verplaatst_de_momenten(
    coordinator_client, settings, vandaag
):
    settings.HVK_HORIZON_DAGEN = 6
    morgen = vandaag + dt.timedelta(days=1)
    reeks = ReeksFactory(
        activiteit__titel="Babbelbox",
        activiteit__slug="babbelbox",
        weekdag=morgen.weekday(),
        geldig_van=vandaag,
    )
    activiteit = reeks.activiteit
    moment_op(
        activiteit,
        lokale_tijd(morgen, dt.time(9, 30)),
        reeks=reeks,
        oorspronkelijke_datum=morgen,
    )
    gegevens = activiteit_gegevens(
        locatie=activiteit.locatie_id,
        reeksen=[
            reeks_rij(
                id=str(reeks.pk),
                weekdag=str(morgen.weekday()),
                geldig_van=vandaag.isoformat(),
                begintijd="13:00",
                eindtijd="15:00",
            )
        ],
    )
    gegevens["reeksen-INITIAL_FORMS"] = "1"
    gegevens["reeksen-0-activiteit"] = str(activiteit.pk)

    coordinator_client.post(
        reverse("admin:aanbod_activiteit_change", args=[activiteit.pk]), gegevens
    )

    moment = Moment.objects.get()
    assert moment.begin == lokale_tijd(morgen, dt.time(13))


# --- Activities: local versions -------------------------------------------------------------


def test_actie_lokale_versies_toont_eerst_een_keuzepagina(coordinator_client, beerse, turnhout):
    generiek = ActiviteitFactory(titel="Voorleesuurtje")

    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_changelist"),
        {"action": "lokale_versies_actie", "_selected_action": [generiek.pk], "index": "0"},
    )

    pagina = html(response)
    assert response.status_code == 200
    assert "<h1>Lokale versies maken</h1>" in pagina
    assert "Voorleesuurtje" in pagina
    assert f'name="gemeenten" value="{beerse.pk}"' in pagina
    assert f'name="_selected_action" value="{generiek.pk}"' in pagina
    assert 'name="csrfmiddlewaretoken"' in pagina
    assert not generiek.lokale_versies.exists()


def test_knop_op_de_wijzigpagina_opent_dezelfde_keuzepagina(coordinator_client, beerse):
    generiek = ActiviteitFactory(titel="Voorleesuurtje")

    response = coordinator_client.get(
        reverse("admin:aanbod_activiteit_lokale_versies", args=[generiek.pk])
    )

    pagina = html(response)
    assert f'action="{reverse("admin:aanbod_activiteit_changelist")}"' in pagina
    assert f'name="_selected_action" value="{generiek.pk}"' in pagina
    assert "Beerse" in pagina


def actie_bevestigen(client, activiteiten, gemeenten):
    return client.post(
        reverse("admin:aanbod_activiteit_changelist"),
        {
            "action": "lokale_versies_actie",
            "_selected_action": [a.pk for a in activiteiten],
            "toepassen": "ja",
            "gemeenten": [g.pk for g in gemeenten],
        },
    )


def test_actie_maakt_per_gemeente_een_ongepubliceerde_lokale_versie(
    coordinator_client, beerse, turnhout
):
    generiek = ActiviteitFactory(titel="Voorleesuurtje")

    response = actie_bevestigen(coordinator_client, [generiek], [beerse, turnhout])

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:aanbod_activiteit_changelist")
    versies = generiek.lokale_versies.order_by("titel")
    assert [(v.titel, v.bereik, v.gepubliceerd) for v in versies] == [
        ("Voorleesuurtje (Beerse)", "lokaal", False),
        ("Voorleesuurtje (Turnhout)", "lokaal", False),
    ]
    assert [list(v.gemeenten.all()) for v in versies] == [[beerse], [turnhout]]
    assert meldingen(response) == [
        "Lokale versies gemaakt van “Voorleesuurtje”: Voorleesuurtje (Beerse), "
        "Voorleesuurtje (Turnhout). Ze zijn nog niet gepubliceerd."
    ]


def test_actie_meldt_een_gemeente_die_al_een_lokale_versie_had(coordinator_client, beerse):
    generiek = ActiviteitFactory(titel="Voorleesuurtje")
    lokale_versies_maken(generiek=generiek, gemeenten=[beerse])

    response = actie_bevestigen(coordinator_client, [generiek], [beerse])

    assert generiek.lokale_versies.count() == 1
    assert meldingen(response) == [
        "“Voorleesuurtje” had al een lokale versie voor Beerse; die is overgeslagen."
    ]


def test_actie_op_een_lokale_versie_maakt_niets_en_waarschuwt(coordinator_client, beerse):
    versie = ActiviteitFactory(
        titel="Voorleesuurtje (Beerse)", generiek=ActiviteitFactory(), bereik="lokaal"
    )

    response = actie_bevestigen(coordinator_client, [versie], [beerse])

    assert not versie.lokale_versies.exists()
    assert meldingen(response) == [
        "“Voorleesuurtje (Beerse)” is zelf een lokale versie; vertrek van het generieke aanbod."
    ]


def test_actie_zonder_gemeente_vraagt_er_een(coordinator_client):
    generiek = ActiviteitFactory()

    response = actie_bevestigen(coordinator_client, [generiek], [])

    assert response.status_code == 200
    assert "Kies minstens één gemeente." in html(response)
    assert Activiteit.objects.count() == 1


# --- Moments --------------------------------------------------------------------------------


def test_momentenlijst_toont_komende_momenten_met_plek_en_bezetting(coordinator_client, beerse):
    plek = LocatieFactory(naam="Antenne Vlimmeren", gemeente=beerse)
    activiteit = ActiviteitFactory(titel="Babbelbox", capaciteit=10, locatie=plek)
    InschrijvingFactory(moment=moment_op(activiteit, LATER), volwassenen=1, kinderen=2)
    moment_op(ActiviteitFactory(titel="Oude lezing"), VROEGER)

    pagina = html(coordinator_client.get(reverse("admin:aanbod_moment_changelist")))

    assert "di 3 dec 2030" in pagina
    assert "09:30\N{EN DASH}11:30" in pagina
    assert "Babbelbox" in pagina
    assert "Antenne Vlimmeren" in pagina
    assert "Beerse" in pagina
    assert "3 / 10" in pagina
    assert "Oude lezing" not in pagina
    assert reverse("admin:aanbod_moment_kalender") in pagina


def test_momentenlijst_toont_voorbije_momenten_op_vraag(coordinator_client):
    moment_op(ActiviteitFactory(titel="Oude lezing"), VROEGER)
    moment_op(ActiviteitFactory(titel="Babbelbox"), LATER)

    response = coordinator_client.get(
        reverse("admin:aanbod_moment_changelist"), {"wanneer": "voorbij"}
    )

    assert [m.activiteit.titel for m in response.context["cl"].result_list] == ["Oude lezing"]


def test_gemeentefilter_van_momenten_volgt_de_plek_van_het_moment(
    coordinator_client, beerse, turnhout
):
    activiteit = ActiviteitFactory(locatie=LocatieFactory(gemeente=beerse))
    in_beerse = moment_op(activiteit, LATER)
    moment_op(activiteit, LATER, locatie=LocatieFactory(gemeente=turnhout))

    response = coordinator_client.get(
        reverse("admin:aanbod_moment_changelist"), {"gemeente": beerse.pk}
    )

    assert list(response.context["cl"].result_list) == [in_beerse]


def test_moment_annuleren_vanuit_de_lijst(coordinator_client):
    moment = moment_op(ActiviteitFactory(), LATER)

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

    moment.refresh_from_db()
    assert moment.geannuleerd


@pytest.mark.parametrize("aantal", [1, 3])
def test_momentenlijst_telt_evenveel_queries_voor_1_en_3(
    coordinator_client, django_assert_num_queries, beerse, aantal
):
    for _ in range(aantal):
        activiteit = ActiviteitFactory(capaciteit=5)
        moment = moment_op(activiteit, LATER, locatie=LocatieFactory(gemeente=beerse))
        InschrijvingFactory(moment=moment)

    with django_assert_num_queries(9):
        response = coordinator_client.get(reverse("admin:aanbod_moment_changelist"))

    assert len(response.context["cl"].result_list) == aantal


def test_moment_toevoegen_met_einde_voor_begin_wordt_geweigerd(coordinator_client):
    activiteit = ActiviteitFactory()

    response = coordinator_client.post(
        reverse("admin:aanbod_moment_add"),
        {
            "activiteit": activiteit.pk,
            **moment_rij(LATER, LATER - dt.timedelta(minutes=30)),
        },
    )

    assert "Het einde moet na het begin liggen." in fouten(response)
    assert not Moment.objects.exists()


def test_momentpagina_toont_de_herhaling_en_de_bezetting(coordinator_client):
    reeks = ReeksFactory(activiteit__capaciteit=8)
    moment = moment_op(reeks.activiteit, LATER, reeks=reeks, oorspronkelijke_datum=LATER.date())
    InschrijvingFactory(moment=moment, volwassenen=1, kinderen=1)

    pagina = html(coordinator_client.get(reverse("admin:aanbod_moment_change", args=[moment.pk])))

    assert "uit de herhaling: elke woensdag, 09:30\N{EN DASH}11:00" in pagina
    assert "2 / 8" in pagina


def test_toevoegpagina_van_een_moment_opent(coordinator_client):
    pagina = html(coordinator_client.get(reverse("admin:aanbod_moment_add")))

    assert "<h1>moment toevoegen</h1>" in pagina
    assert 'name="begin_0"' in pagina


# --- Calendar -------------------------------------------------------------------------------


def test_kalender_toont_de_momenten_per_week_en_per_dag(coordinator_client, beerse):
    plek = LocatieFactory(naam="Antenne Vlimmeren", gemeente=beerse)
    activiteit = ActiviteitFactory(titel="Babbelbox", locatie=plek)
    moment_op(activiteit, binnen(2, dt.time(14)))
    moment_op(ActiviteitFactory(titel="Babymassage"), binnen(3), geannuleerd=True)

    response = coordinator_client.get(reverse("admin:aanbod_moment_kalender"))

    pagina = html(response)
    assert response.status_code == 200
    assert "<h1>Kalender</h1>" in pagina
    assert "Alle momenten van de komende 4 weken" in pagina
    assert "14:00\N{EN DASH}16:00" in pagina
    assert reverse("admin:aanbod_activiteit_change", args=[activiteit.pk]) in pagina
    assert "Antenne Vlimmeren" in pagina
    assert "Beerse" in pagina
    assert "<h2>Week " in pagina
    dag = timezone.localdate() + dt.timedelta(days=2)
    assert f"{dag.day} " in pagina
    assert re.search(r'class="hvk-geannuleerd">geannuleerd<', pagina)


def test_kalender_met_minder_weken_laat_latere_momenten_weg(coordinator_client):
    moment_op(ActiviteitFactory(titel="Deze week"), binnen(1))
    moment_op(ActiviteitFactory(titel="Over drie weken"), binnen(20))

    pagina = html(coordinator_client.get(reverse("admin:aanbod_moment_kalender"), {"weken": 1}))

    assert "Deze week" in pagina
    assert "Over drie weken" not in pagina


def test_kalender_zonder_momenten_zegt_dat_er_niets_gepland_is(coordinator_client):
    moment_op(ActiviteitFactory(), VROEGER)

    pagina = html(coordinator_client.get(reverse("admin:aanbod_moment_kalender")))

    assert "Er is niets gepland in de komende 4 weken." in pagina


@pytest.mark.parametrize("weken", ["abc", "0", "13", "-2"])
def test_kalender_met_ongeldig_aantal_weken_geeft_400_met_uitleg(coordinator_client, weken):
    response = coordinator_client.get(reverse("admin:aanbod_moment_kalender"), {"weken": weken})

    assert response.status_code == 400
    assert f"“{weken}” is geen geldig aantal weken: kies 1 tot 12." in html(response)


@pytest.mark.parametrize("aantal", [1, 3])
def test_kalender_telt_evenveel_queries_voor_1_en_3(
    coordinator_client, django_assert_num_queries, beerse, aantal
):
    for i in range(aantal):
        moment_op(
            ActiviteitFactory(locatie=LocatieFactory(gemeente=beerse)),
            binnen(i + 1),
            locatie=LocatieFactory(gemeente=beerse) if i % 2 else None,
        )

    with django_assert_num_queries(4):
        response = coordinator_client.get(reverse("admin:aanbod_moment_kalender"))

    assert response.context["aantal"] == aantal


def test_kalender_is_niet_voor_wie_geen_beheerder_is(client):
    response = client.get(reverse("admin:aanbod_moment_kalender"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# --- Registrations and target groups ---------------------------------------------------------


def test_inschrijvingen_tonen_moment_status_en_aantallen(coordinator_client):
    moment = moment_op(ActiviteitFactory(titel="Babbelbox"), LATER)
    InschrijvingFactory(moment=moment, volwassenen=2, kinderen=3, status="wachtlijst")

    response = coordinator_client.get(reverse("admin:aanbod_inschrijving_changelist"))

    pagina = html(response)
    assert "Babbelbox 03/12/2030 09:30" in pagina
    assert "op de wachtlijst" in pagina
    assert response.context["cl"].result_count == 1


def test_inschrijvingspagina_opent(coordinator_client):
    inschrijving = InschrijvingFactory(moment=moment_op(ActiviteitFactory(), LATER))

    toevoegen = coordinator_client.get(reverse("admin:aanbod_inschrijving_add"))
    wijzigen = coordinator_client.get(
        reverse("admin:aanbod_inschrijving_change", args=[inschrijving.pk])
    )

    # A registration starts on the moment's page, through the service that holds the seat.
    assert toevoegen.status_code == 403
    assert 'name="naam"' in html(wijzigen)
    assert 'name="volwassenen"' not in html(wijzigen)
    assert Inschrijving.objects.count() == 1


def test_doelgroepen_staan_in_hun_volgorde(coordinator_client):
    Doelgroep.objects.create(naam="Grootouders", slug="grootouders", volgorde=0)

    response = coordinator_client.get(reverse("admin:aanbod_doelgroep_changelist"))

    namen = [d.naam for d in response.context["cl"].result_list]
    assert namen[:2] == ["Grootouders", "Aanstaande ouders"]


def test_doelgroeppaginas_openen(coordinator_client):
    doelgroep = Doelgroep.objects.create(naam="Grootouders", slug="grootouders")

    toevoegen = coordinator_client.get(reverse("admin:aanbod_doelgroep_add"))
    wijzigen = coordinator_client.get(reverse("admin:aanbod_doelgroep_change", args=[doelgroep.pk]))

    assert "<h1>doelgroep toevoegen</h1>" in html(toevoegen)
    assert 'value="Grootouders"' in html(wijzigen)

"""Activities and places as UiTdatabank JSON-LD: each calendar type, the terms, only public data."""

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from aanbod.models import Doelgroep
from aanbod.services import momenten_uitrollen
from hvk.herhaling import lokale_tijd
from tests.factories import (
    ActiviteitFactory,
    InschrijvingFactory,
    LocatieFactory,
    MomentFactory,
    OpeningsuurFactory,
    ReeksFactory,
    ThemaFactory,
)
from uitdatabank import export

pytestmark = pytest.mark.django_db

WOENSDAG = lokale_tijd(dt.date(2030, 12, 4), dt.time(9, 30))


def moment_op(activiteit, begin, **anders):
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **anders
    )


def als_jsonld(activiteit):
    return export.activiteit_als_jsonld(export.te_exporteren().get(pk=activiteit.pk))


def test_een_moment_is_een_single_event_met_de_lokale_tijd():
    activiteit = ActiviteitFactory()
    moment_op(activiteit, WOENSDAG)

    data = als_jsonld(activiteit)

    assert data["calendarType"] == "single"
    assert data["subEvent"] == [
        {
            "@type": "Event",
            "startDate": "2030-12-04T09:30:00+01:00",
            "endDate": "2030-12-04T11:30:00+01:00",
            "status": {"type": "Available"},
        }
    ]
    assert (data["startDate"], data["endDate"]) == (
        "2030-12-04T09:30:00+01:00",
        "2030-12-04T11:30:00+01:00",
    )


def test_meerdere_momenten_zijn_multiple_met_een_afgelast_moment_als_unavailable():
    activiteit = ActiviteitFactory()
    moment_op(activiteit, WOENSDAG)
    moment_op(activiteit, WOENSDAG + dt.timedelta(days=7), geannuleerd=True)

    data = als_jsonld(activiteit)

    assert data["calendarType"] == "multiple"
    assert [s["status"]["type"] for s in data["subEvent"]] == ["Available", "Unavailable"]
    assert data["status"] == {"type": "Available"}
    assert data["endDate"] == "2030-12-11T11:30:00+01:00"


def test_een_herhaling_gaat_uit_als_multiple_met_haar_momenten():
    reeks = ReeksFactory(
        weekdag=2,
        geldig_van=dt.date(2030, 1, 1),
        geldig_tot=dt.date(2030, 1, 31),
    )
    momenten_uitrollen(reeksen=[reeks], tot=dt.date(2030, 12, 31))

    data = als_jsonld(reeks.activiteit)

    assert data["calendarType"] == "multiple"
    assert [s["startDate"][:10] for s in data["subEvent"]] == [
        "2030-01-02",
        "2030-01-09",
        "2030-01-16",
        "2030-01-23",
        "2030-01-30",
    ]
    assert "openingHours" not in data


def test_doorlopend_aanbod_is_permanent_met_de_openingsuren_van_de_plek():
    plek = LocatieFactory()
    OpeningsuurFactory(locatie=plek, weekdag=0, begin=dt.time(9), einde=dt.time(12))
    OpeningsuurFactory(locatie=plek, weekdag=2, begin=dt.time(9), einde=dt.time(12))
    OpeningsuurFactory(locatie=plek, weekdag=2, begin=dt.time(13, 30), einde=dt.time(17))
    activiteit = ActiviteitFactory(locatie=plek, doorlopend=True)

    data = als_jsonld(activiteit)

    assert data["calendarType"] == "permanent"
    assert "subEvent" not in data
    assert data["openingHours"] == [
        {"opens": "09:00", "closes": "12:00", "dayOfWeek": ["monday", "wednesday"]},
        {"opens": "13:30", "closes": "17:00", "dayOfWeek": ["wednesday"]},
    ]


def test_activiteit_zonder_momenten_kan_geen_uit_event_zijn():
    activiteit = ActiviteitFactory(titel="Nog te plannen")

    with pytest.raises(export.NietUitTeVoeren, match="nog geen momenten"):
        als_jsonld(activiteit)


def test_plek_met_adres_coordinaten_en_voorzieningen():
    plek = LocatieFactory(
        naam="Antenne Beerse",
        straat="Kerkstraat 16",
        postcode="2340",
        plaats="Beerse",
        rolstoeltoegankelijk=True,
        verzorgingstafel=False,
        parking=None,
    )

    data = export.locatie_als_jsonld(plek)

    assert data["@type"] == "Place"
    assert data["address"] == {
        "nl": {
            "addressCountry": "BE",
            "addressLocality": "Beerse",
            "postalCode": "2340",
            "streetAddress": "Kerkstraat 16",
        }
    }
    assert data["geo"] == {"latitude": 51.3223, "longitude": 4.9448}
    # "No" and "not known" are not facilities: only the wheelchair access goes out.
    assert [t["id"] for t in data["terms"]] == ["Yf4aZBfsUEu2NsQqsprngw", "3.27.0.0.0"]


def test_online_aanbod_heeft_geen_locatie_maar_attendancemode_online():
    online = LocatieFactory(
        soort="virtueel", gemeente=None, straat="", postcode="", plaats="", website="https://x.be"
    )
    activiteit = ActiviteitFactory(locatie=online)
    moment_op(activiteit, WOENSDAG)

    data = als_jsonld(activiteit)

    assert data["attendanceMode"] == "online"
    assert "location" not in data


def test_pijler_wordt_type_en_thema():
    gezondheid = ActiviteitFactory(pijler="gezondheid")
    moment_op(gezondheid, WOENSDAG)
    ontmoeting = ActiviteitFactory(pijler="ontmoeting")
    ontmoeting.themas.add(ThemaFactory(naam="Kinderarmoede", slug="kinderarmoede"))
    moment_op(ontmoeting, WOENSDAG)

    assert [t["id"] for t in als_jsonld(gezondheid)["terms"]] == ["0.3.1.0.1", "1.37.1.0.0"]
    # Ontmoeting has no theme of its own: the portal's theme gives one.
    assert [t["id"] for t in als_jsonld(ontmoeting)["terms"]] == ["0.50.21.0.0", "1.37.2.0.0"]


def test_prijs_sociaal_tarief_en_uitpas_in_priceinfo():
    activiteit = ActiviteitFactory(
        prijs=Decimal("25.00"), sociaal_tarief=Decimal("5.00"), uitpas=True
    )
    moment_op(activiteit, WOENSDAG)

    prijzen = als_jsonld(activiteit)["priceInfo"]

    assert [(p["category"], p["name"]["nl"], p["price"]) for p in prijzen] == [
        ("base", "Basistarief", 25.0),
        ("tariff", "Sociaal tarief", 5.0),
        ("uitpas", "Kansentarief met UiTPAS", 5.0),
    ]


def test_leeftijd_in_maanden_wordt_jaren_en_anders_de_doelgroep():
    met_leeftijd = ActiviteitFactory(leeftijd_van=6, leeftijd_tot=36)
    moment_op(met_leeftijd, WOENSDAG)
    zonder = ActiviteitFactory()
    zonder.doelgroepen.add(Doelgroep.objects.get(slug="kinderen-3-12"))
    moment_op(zonder, WOENSDAG)

    assert als_jsonld(met_leeftijd)["typicalAgeRange"] == "0-3"
    assert als_jsonld(zonder)["typicalAgeRange"] == "3-12"


def test_aanbod_alleen_voor_professionals_is_voor_leden():
    activiteit = ActiviteitFactory()
    activiteit.doelgroepen.add(Doelgroep.objects.get(slug="professionals"))
    moment_op(activiteit, WOENSDAG)
    voor_iedereen = ActiviteitFactory()
    voor_iedereen.doelgroepen.add(
        *Doelgroep.objects.filter(slug__in=["professionals", "alle-ouders"])
    )
    moment_op(voor_iedereen, WOENSDAG)

    assert als_jsonld(activiteit)["audience"] == {"audienceType": "members"}
    assert als_jsonld(voor_iedereen)["audience"] == {"audienceType": "everyone"}


def test_een_eigen_activiteit_krijgt_een_vast_id_op_het_eigen_adres(settings):
    settings.HVK_SITE_URL = "https://www.huisvanhetkind.example"
    activiteit = ActiviteitFactory()
    moment_op(activiteit, WOENSDAG)
    eerste = als_jsonld(activiteit)["@id"]
    activiteit.titel, activiteit.slug = "Andere naam", "andere-naam"
    activiteit.save()

    assert eerste.startswith("https://www.huisvanhetkind.example/uit/events/")
    assert als_jsonld(activiteit)["@id"] == eerste


def test_een_geimporteerde_activiteit_houdt_haar_uit_id():
    activiteit = ActiviteitFactory(uit_id="https://io.uitdatabank.be/event/abc")
    moment_op(activiteit, WOENSDAG)

    assert als_jsonld(activiteit)["@id"] == "https://io.uitdatabank.be/event/abc"


@pytest.mark.parametrize("aantal", [1, 3])
def test_de_export_doet_evenveel_queries_voor_1_of_3_activiteiten(
    django_assert_num_queries, aantal
):
    for _ in range(aantal):
        activiteit = ActiviteitFactory()
        activiteit.themas.add(ThemaFactory(naam="Gezondheid", slug="gezondheid"))
        moment_op(activiteit, WOENSDAG)
        OpeningsuurFactory(locatie=activiteit.locatie)

    with django_assert_num_queries(8):
        data = [export.activiteit_als_jsonld(a) for a in export.te_exporteren()]

    assert len(data) == aantal


# --- Only public data -----------------------------------------------------------------------


def test_geen_persoonsgegevens_van_gezinnen_in_de_export(client):
    activiteit = ActiviteitFactory(slug="babymassage", inschrijving_vereist=True, capaciteit=8)
    moment = moment_op(activiteit, WOENSDAG)
    InschrijvingFactory(
        moment=moment,
        naam="Gezin Peeters",
        email="peeters@example.org",
        telefoon="0470 12 34 56",
        opmerking="Mijn partner spreekt Arabisch.",
    )

    tekst = client.get(reverse("uitdatabank:event", args=["babymassage"])).content.decode()

    for geheim in ("Peeters", "peeters@example.org", "0470 12 34 56", "Arabisch"):
        assert geheim not in tekst
    # What residents see on the site does go out: where to register.
    assert json.loads(tekst)["bookingInfo"]["url"].endswith("/aanbod/babymassage/")


# --- Views and command ----------------------------------------------------------------------


def test_event_als_jsonld_met_het_juiste_inhoudstype(client):
    activiteit = ActiviteitFactory(slug="speelgroep", titel="Speelgroep")
    moment_op(activiteit, WOENSDAG)

    response = client.get("/uit/events/speelgroep.jsonld")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    assert response.json()["name"] == {"nl": "Speelgroep"}


def test_niet_gepubliceerd_aanbod_is_er_niet(client):
    activiteit = ActiviteitFactory(slug="verborgen", gepubliceerd=False)
    moment_op(activiteit, WOENSDAG)

    assert client.get("/uit/events/verborgen.jsonld").status_code == 404
    assert client.get("/uit/events/bestaat-niet.jsonld").status_code == 404


def test_het_id_van_een_event_leidt_naar_zijn_bestand(client):
    activiteit = ActiviteitFactory(slug="speelgroep")
    moment_op(activiteit, WOENSDAG)
    uit_id = als_jsonld(activiteit)["@id"]

    response = client.get(uit_id.removeprefix("http://127.0.0.1:8000"))

    assert response.status_code == 302
    assert response.url == "/uit/events/speelgroep.jsonld"


def test_plek_als_jsonld(client):
    LocatieFactory(slug="antenne-beerse", naam="Antenne Beerse")

    response = client.get("/uit/places/antenne-beerse.jsonld")

    assert response.status_code == 200
    assert response.json()["name"] == {"nl": "Antenne Beerse"}


def test_uit_export_schrijft_een_bestand_per_gepubliceerde_activiteit(tmp_path):
    for slug in ("een", "twee"):
        moment_op(ActiviteitFactory(slug=slug), WOENSDAG)
    moment_op(ActiviteitFactory(slug="verborgen", gepubliceerd=False), WOENSDAG)
    ActiviteitFactory(slug="zonder-momenten", titel="Zonder momenten")
    uitvoer = StringIO()

    call_command("uit_export", str(tmp_path / "uit"), stdout=uitvoer)

    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == ["een.jsonld", "twee.jsonld"]
    assert "2 activiteiten geschreven" in uitvoer.getvalue()
    assert "Zonder momenten: Deze activiteit heeft nog geen momenten" in uitvoer.getvalue()

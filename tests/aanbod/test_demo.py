"""The demo's places and offer: loaded twice they stay the same, and they tell their story."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db.models import F, Sum
from django.utils import timezone

from aanbod.models import Activiteit, Bereikcijfer, Inschrijving, Moment, Pijler, Reeks
from aanbod.selectors import spreiding_per_gemeente
from aanbod.services import annuleren
from locaties.demo import demojaar
from locaties.models import Halte, Haltebezoek, Halteschema, Locatie, Openingsuur, Uitzondering


def momentopname():
    return {
        "locaties": list(
            Locatie.objects.order_by("slug").values_list(
                "pk", "slug", "naam", "soort", "gemeente__nis_code", "breedtegraad", "lengtegraad"
            )
        ),
        "openingsuren": list(
            Openingsuur.objects.order_by("pk").values_list(
                "pk", "locatie__slug", "weekdag", "begin", "einde", "vrije_inloop"
            )
        ),
        "uitzonderingen": list(
            Uitzondering.objects.order_by("pk").values_list("pk", "locatie__slug", "van", "tot")
        ),
        "haltes": list(Halte.objects.order_by("pk").values_list("pk", "naam", "gemeente")),
        "schemas": list(Halteschema.objects.order_by("pk").values_list("pk", "halte", "weekdag")),
        "haltebezoeken": list(
            Haltebezoek.objects.order_by("pk").values_list(
                "pk", "halte", "begin", "einde", "geannuleerd", "aangepast"
            )
        ),
        "activiteiten": list(
            Activiteit.objects.order_by("slug").values_list(
                "pk", "slug", "titel", "bereik", "locatie__slug", "generiek", "gepubliceerd"
            )
        ),
        "reeksen": list(
            Reeks.objects.order_by("pk").values_list(
                "pk", "activiteit", "weekdag", "begintijd", "geldig_van", "geldig_tot"
            )
        ),
        "momenten": list(
            Moment.objects.order_by("pk").values_list(
                "pk", "activiteit", "reeks", "begin", "einde", "locatie", "geannuleerd", "aangepast"
            )
        ),
        "inschrijvingen": list(
            Inschrijving.objects.order_by("pk").values_list(
                "pk", "moment", "status", "naam", "email", "aangemaakt", "aanwezig"
            )
        ),
        "bereikcijfers": list(
            Bereikcijfer.objects.order_by("pk").values_list(
                "pk", "moment", "woonplaats", "leeftijdsgroep", "ingeschreven", "aanwezig"
            )
        ),
    }


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("demo", stdout=StringIO())


@pytest.fixture
def spreiding(demo):
    van, tot = demojaar()
    return {r.gemeente.naam: r for r in spreiding_per_gemeente(van=van, tot=tot).regels}


def test_demo_twee_keer_laden_geeft_dezelfde_plekken_en_hetzelfde_aanbod(demo):
    eerste = momentopname()

    call_command("demo", stdout=StringIO())

    assert momentopname() == eerste
    assert all(eerste.values())


def test_demo_herstelt_gewijzigd_aanbod(demo):
    activiteit = Activiteit.objects.get(slug="speelgroep-kribbel")
    Activiteit.objects.filter(pk=activiteit.pk).update(titel="Gewijzigd", gepubliceerd=False)
    moment = activiteit.momenten.filter(geannuleerd=False).last()
    moment.geannuleerd = True
    moment.save()

    call_command("demo", stdout=StringIO())

    activiteit.refresh_from_db()
    moment.refresh_from_db()
    assert (activiteit.titel, activiteit.gepubliceerd) == ("Speelgroep Kribbel", True)
    assert not moment.geannuleerd
    assert not moment.aangepast


def test_demo_drukt_het_aantal_activiteiten_en_momenten_af(db, settings):
    settings.DEBUG = True
    uitvoer = StringIO()

    call_command("demo", stdout=uitvoer)

    regel = f"Aanbod: {Activiteit.objects.count()} activiteiten, {Moment.objects.count()} momenten"
    assert regel in uitvoer.getvalue()


def test_demo_aanbod_loopt_van_twee_maanden_geleden_tot_tien_maanden_vooruit(demo):
    vandaag = timezone.localdate()
    eerste = timezone.localdate(Moment.objects.order_by("begin").first().begin)
    laatste = timezone.localdate(Moment.objects.order_by("begin").last().begin)

    assert 50 <= (vandaag - eerste).days <= 70
    assert 280 <= (laatste - vandaag).days <= 310
    assert Haltebezoek.objects.filter(begin__lt=timezone.now()).exists()
    assert Haltebezoek.objects.filter(begin__gt=timezone.now()).exists()


def test_demo_spreiding_geeft_beerse_minder_dan_zijn_aandeel_in_de_kansarmoede(spreiding):
    beerse = spreiding["Beerse"]

    assert beerse.aandeel_momenten < beerse.aandeel_kansarmoede
    assert beerse.minder_dan_aandeel


def test_demo_spreiding_geeft_turnhout_het_meeste_aanbod(spreiding):
    turnhout = spreiding["Turnhout"]

    assert turnhout.aandeel_momenten > 50
    assert turnhout.aandeel_momenten > turnhout.aandeel_kinderen


def test_demo_spreiding_toont_vosselaar_zonder_momenten_en_ver_van_een_pijler(spreiding):
    vosselaar = spreiding["Vosselaar"]

    assert vosselaar.momenten_in == 0
    assert vosselaar.momenten_beschikbaar > 0
    assert vosselaar.afstand_km[Pijler.PREVENTIEVE_GEZONDHEIDSZORG] > 8
    assert spreiding["Turnhout"].afstand_km[Pijler.PREVENTIEVE_GEZONDHEIDSZORG] < 1


def test_demo_vaste_plekken_hebben_een_gemeente_en_coordinaten(demo):
    vast = Locatie.objects.exclude(soort__in=[Locatie.Soort.VIRTUEEL, Locatie.Soort.MOBIEL])

    assert vast.count() >= 6
    for locatie in vast:
        assert locatie.gemeente_id, locatie
        assert locatie.heeft_coordinaten, locatie
        locatie.full_clean()
    assert Locatie.objects.get(soort=Locatie.Soort.VIRTUEEL).gemeente is None
    assert not Locatie.objects.filter(gemeente__nis_code="13046").exists()


def test_demo_babybus_stopt_in_de_gemeenten_zonder_eigen_consultatie(demo):
    babybus = Locatie.objects.get(soort=Locatie.Soort.MOBIEL)

    gemeenten = set(babybus.haltes.values_list("gemeente__naam", flat=True))

    assert gemeenten == {"Vosselaar", "Kasterlee", "Oud-Turnhout"}
    assert babybus.haltes.filter(locatie__isnull=False).count() == 1
    assert Haltebezoek.objects.filter(halte__gemeente__naam="Vosselaar").count() >= 20


def test_demo_heeft_geannuleerde_en_een_verplaatste_momenten(demo):
    verplaatst = Moment.objects.filter(aangepast=True, geannuleerd=False)

    assert Moment.objects.filter(geannuleerd=True).count() >= 3
    assert verplaatst.count() == 1
    moment = verplaatst.get()
    assert timezone.localdate(moment.begin) == moment.oorspronkelijke_datum + dt.timedelta(days=1)


def test_demo_centraal_huis_sluit_in_de_kerstvakantie_met_een_extra_opening(demo):
    centraal = Locatie.objects.get(soort=Locatie.Soort.CENTRAAL_HUIS)
    kerst = centraal.uitzonderingen.get(omschrijving__startswith="Kerstvakantie")
    schema = centraal.openingsschema()

    dagen = [kerst.van + dt.timedelta(days=i) for i in range((kerst.tot - kerst.van).days + 1)]
    open_dagen = [d for d in dagen if schema.slots_op(d)]

    assert len(open_dagen) == 1
    assert schema.vrije_inloop_op(open_dagen[0])
    assert not Moment.objects.filter(
        activiteit__locatie=centraal,
        locatie__isnull=True,
        geannuleerd=False,
        begin__date__in=[d for d in dagen if d not in open_dagen],
    ).exists()


def test_demo_lezing_heeft_twee_gepubliceerde_lokale_versies_met_eigen_plek(demo):
    generiek = Activiteit.objects.get(slug="lezing-slapen-zonder-tranen")

    versies = list(generiek.lokale_versies.all())

    assert len(versies) == 2
    for versie in versies:
        gemeente = versie.gemeenten.get()
        assert versie.gepubliceerd
        assert versie.bereik == Activiteit.Bereik.LOKAAL
        assert versie.locatie.gemeente == gemeente
        assert versie.momenten.count() >= 2


def test_demo_babymassage_is_betalend_met_sociaal_tarief_en_inschrijvingen(demo):
    babymassage = Activiteit.objects.get(slug="babymassage")

    assert babymassage.prijs > babymassage.sociaal_tarief
    assert babymassage.uitpas
    assert babymassage.inschrijving_vereist
    assert Inschrijving.objects.filter(
        moment__activiteit=babymassage, status=Inschrijving.Status.WACHTLIJST
    ).exists()


# --- Registrations -------------------------------------------------------------------------


def _personen(inschrijvingen) -> int:
    return inschrijvingen.aggregate(n=Sum(F("volwassenen") + F("kinderen")))["n"] or 0


def test_demo_inschrijvingen_zijn_van_duidelijk_verzonnen_gezinnen(demo):
    inschrijvingen = Inschrijving.objects.all()

    assert inschrijvingen.count() > 50
    for inschrijving in inschrijvingen:
        assert inschrijving.naam.startswith("Gezin ") and inschrijving.naam.endswith(" (demo)")
        if inschrijving.email:
            assert inschrijving.email.endswith("@demo.example")
            assert inschrijving.kanaal == Inschrijving.Kanaal.WEBSITE
        else:
            assert inschrijving.telefoon
            assert inschrijving.kanaal == Inschrijving.Kanaal.TELEFOON
        assert inschrijving.kinderen == len(inschrijving.leeftijden) >= 1
        assert inschrijving.aangemaakt < timezone.now()
        assert inschrijving.toestemming_op == inschrijving.aangemaakt
    woonplaatsen = set(inschrijvingen.values_list("woonplaats__naam", flat=True))
    assert woonplaatsen == {"Turnhout", "Beerse", "Kasterlee", "Oud-Turnhout", "Vosselaar", None}


def _telling(moment) -> dict[str, int]:
    statussen = list(moment.inschrijvingen.values_list("status", flat=True))
    return {status: statussen.count(status) for status in set(statussen)}


def test_demo_inschrijvingen_per_status(demo):
    babymassage = Activiteit.objects.get(slug="babymassage")
    lessen = babymassage.momenten.filter(inschrijvingen__isnull=False).distinct()
    lopend, volgend = lessen.order_by("begin").first(), lessen.order_by("begin").last()
    lezing = Activiteit.objects.get(slug="lezing-slapen-zonder-tranen-kasterlee")
    avond = lezing.momenten.filter(inschrijvingen__isnull=False).distinct().get()

    # Two series of five lessons each.
    assert lessen.count() == 10
    # The series running now: 7 of 8 families, on every lesson, done or to come.
    assert _telling(lopend) == {"bevestigd": 7}
    # The last lesson of the next series: full, two families waiting, who registered last.
    assert _telling(volgend) == {"bevestigd": 8, "wachtlijst": 2}
    laatste_bevestigd = volgend.inschrijvingen.bevestigd().order_by("aangemaakt").last()
    for wachtend in volgend.inschrijvingen.wachtlijst():
        assert wachtend.aangemaakt > laatste_bevestigd.aangemaakt
        assert wachtend.bevestigd_op is None
    # The lecture in Kasterlee counts people: 6 families, 10 adults and 9 children.
    assert lezing.plaatsen_per == Activiteit.PlaatsenPer.PERSOON
    assert _telling(avond) == {"bevestigd": 6}
    assert _personen(avond.inschrijvingen.all()) == 19
    assert not Inschrijving.objects.filter(status=Inschrijving.Status.GEANNULEERD).exists()


def test_demo_bereikcijfers_tellen_de_bevestigde_en_aanwezige_personen(demo):
    momenten = Moment.objects.filter(inschrijvingen__isnull=False).distinct()

    assert momenten.count() >= 10
    for moment in momenten:
        bereik = Bereikcijfer.objects.filter(moment=moment).aggregate(
            ingeschreven=Sum("ingeschreven"), aanwezig=Sum("aanwezig")
        )
        bevestigd = moment.inschrijvingen.bevestigd()
        assert bereik["ingeschreven"] == _personen(bevestigd), moment
        assert (bereik["aanwezig"] or 0) == _personen(bevestigd.filter(aanwezig=True)), moment
    # Families from outside the five gemeenten are counted too, as "elsewhere".
    assert Bereikcijfer.objects.filter(woonplaats__isnull=True, ingeschreven__gt=0).exists()


def test_demo_voorbije_lessen_hebben_aanwezigheden(demo):
    voorbij = Inschrijving.objects.filter(moment__begin__lt=timezone.now())
    komend = Inschrijving.objects.filter(moment__begin__gt=timezone.now())

    assert voorbij.exists()
    assert not voorbij.filter(aanwezig__isnull=True).exists()
    assert voorbij.filter(aanwezig=False).exists()
    assert voorbij.filter(aanwezig=True).count() > voorbij.filter(aanwezig=False).count()
    assert not komend.exclude(aanwezig__isnull=True).exists()


def test_demo_stuurt_geen_mails_en_drukt_de_inschrijvingen_af(db, settings):
    settings.DEBUG = True
    uitvoer = StringIO()

    call_command("demo", stdout=uitvoer)

    assert mail.outbox == []
    alle = Inschrijving.objects.all()
    regel = (
        f"Inschrijvingen: {alle.count()} van demogezinnen ({alle.bevestigd().count()} bevestigd, "
        f"{alle.filter(status='wachtlijst').count()} op de wachtlijst, "
        f"{alle.filter(aanwezig=True).count()} keer aanwezig)."
    )
    assert regel in uitvoer.getvalue()


def _zonder_pk(rijen) -> list[tuple]:
    return sorted((rij[1:] for rij in rijen), key=repr)


def test_demo_herstelt_gewijzigde_inschrijvingen_met_hun_bereik(demo):
    eerst = momentopname()
    moment = Inschrijving.objects.filter(moment__begin__gt=timezone.now()).last().moment
    # In the admin a family cancels (a waiting one moves up) and another's remark changes.
    annuleren(inschrijving=moment.inschrijvingen.bevestigd().first(), verwittigen=False)
    Inschrijving.objects.filter(pk=moment.inschrijvingen.last().pk).update(opmerking="Anders")
    assert _zonder_pk(momentopname()["bereikcijfers"]) != _zonder_pk(eerst["bereikcijfers"])

    call_command("demo", stdout=StringIO())

    # Made again as planned (new rows), with their reach.
    na = momentopname()
    assert _zonder_pk(na["inschrijvingen"]) == _zonder_pk(eerst["inschrijvingen"])
    assert _zonder_pk(na["bereikcijfers"]) == _zonder_pk(eerst["bereikcijfers"])
    assert not Inschrijving.objects.filter(opmerking="Anders").exists()


def test_demo_privacyverklaring_legt_de_inschrijvingen_uit(demo, settings):
    from communicatie.models import Pagina

    privacy = Pagina.objects.get(soort="privacy").inhoud

    for woord in [
        "Als je je inschrijft voor een activiteit",
        "de leeftijd van elk kind",
        "de gemeente waar je woont",
        "opmerking over toegankelijkheid of taal",
        "zonder naam",
        "persoonlijke link",
    ]:
        assert woord in privacy
    maanden = settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN
    assert f"automatisch {maanden} maanden na de activiteit" in privacy

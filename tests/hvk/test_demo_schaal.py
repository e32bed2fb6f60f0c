"""``demo --scale N``: N blocks of generated offer that look and behave like the demo's own."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, F, Sum
from django.utils import timezone

from aanbod import schaal
from aanbod.models import Activiteit, Bereikcijfer, Inschrijving, Moment
from aanbod.services import persoonsgegevens_opruimen

SCHAAL = 2
# Per block, as docs/aanbod.md ("Demo op schaal") says.
ACTIVITEITEN, MOMENTEN, INSCHRIJVINGEN, MINSTENS_BEREIKCIJFERS = 1_000, 20_000, 50_273, 50_000


def laden(factor=SCHAAL):
    call_command("demo", "--scale", str(factor), "--ook-in-productie", stdout=StringIO())


def gegenereerd_aantal() -> dict[str, int]:
    activiteiten = schaal.gegenereerd()
    return {
        "activiteiten": activiteiten.count(),
        "momenten": Moment.objects.filter(activiteit__in=activiteiten).count(),
        "inschrijvingen": Inschrijving.objects.filter(moment__activiteit__in=activiteiten).count(),
        "bereikcijfers": Bereikcijfer.objects.filter(activiteit__in=activiteiten).count(),
    }


@pytest.fixture(scope="module")
def geschaald(django_db_setup, django_db_blocker):
    """The demo at scale 2, loaded once for this module and rolled back after it.

    Loading takes a while, so the tests share it the way ``TestCase.setUpTestData`` does: one
    transaction around the module, each test in a savepoint inside it.
    """
    with django_db_blocker.unblock():
        module = transaction.atomic()
        module.__enter__()
    try:
        with django_db_blocker.unblock():
            laden()
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            module.__exit__(None, None, None)


@pytest.fixture
def demo(geschaald, db):
    """The shared demo at scale 2, with a savepoint per test."""


def test_schaal_2_maakt_twee_blokken_aanbod(demo):
    aantal = gegenereerd_aantal()

    assert aantal["activiteiten"] == SCHAAL * ACTIVITEITEN
    assert aantal["momenten"] == SCHAAL * MOMENTEN
    assert aantal["inschrijvingen"] == SCHAAL * INSCHRIJVINGEN
    assert aantal["bereikcijfers"] >= SCHAAL * MINSTENS_BEREIKCIJFERS


def test_het_gewone_demoaanbod_blijft_ernaast_staan(demo):
    assert Activiteit.objects.filter(slug="babymassage").exists()
    assert (
        Activiteit.objects.count()
        == SCHAAL * ACTIVITEITEN
        + Activiteit.objects.exclude(slug__startswith=schaal.VOORVOEGSEL).count()
    )


def test_nog_eens_laden_verdubbelt_niets(demo):
    eerst = gegenereerd_aantal()
    totaal = Inschrijving.objects.count()

    laden()

    assert gegenereerd_aantal() == eerst
    assert Inschrijving.objects.count() == totaal


def test_de_gewone_demo_ruimt_het_gegenereerde_aanbod_op(demo):
    laden(1)

    assert gegenereerd_aantal() == {
        "activiteiten": 0,
        "momenten": 0,
        "inschrijvingen": 0,
        "bereikcijfers": 0,
    }
    assert Activiteit.objects.filter(slug="babymassage").exists()


@pytest.mark.parametrize("waarde", ["0", "101", "twee", "2.5", "-3", ""])
def test_een_schaal_buiten_1_tot_100_geeft_een_nederlandse_fout(waarde):
    with pytest.raises(CommandError, match="--scale moet een geheel getal van 1 tot en met 100"):
        call_command("demo", "--scale", waarde, "--ook-in-productie", stdout=StringIO())


def test_ook_op_schaal_weigert_de_demo_zonder_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="hoort niet in productie"):
        call_command("demo", "--scale", "2", stdout=StringIO())


def test_gegenereerde_rijen_doorstaan_de_validatie(demo):
    activiteiten = schaal.gegenereerd().order_by("pk")
    inschrijvingen = Inschrijving.objects.filter(moment__activiteit__in=activiteiten)
    steekproef = [
        *activiteiten[::97],
        *Moment.objects.filter(activiteit__in=activiteiten).order_by("pk")[::1_999],
        *inschrijvingen.order_by("pk")[::2_999],
        *inschrijvingen.filter(gewist_op__isnull=False).order_by("pk")[:5],
        *inschrijvingen.wachtlijst()[:5],
        *inschrijvingen.filter(status=Inschrijving.Status.GEANNULEERD)[:5],
        *Bereikcijfer.objects.filter(activiteit__in=activiteiten).order_by("pk")[::4_999],
    ]

    for rij in steekproef:
        rij.full_clean()
    assert len(steekproef) > 60


def test_titels_lezen_als_echt_aanbod(demo):
    activiteit = schaal.gegenereerd().filter(titel__startswith="Babymassage").first()

    assert activiteit.titel.split()[-1].isdigit()
    assert activiteit.locatie.plaats in activiteit.titel
    assert activiteit.samenvatting
    assert activiteit.locatie.naam in activiteit.beschrijving


def test_er_is_lokaal_en_regionaal_aanbod_in_elke_pijler(demo):
    rijen = set(schaal.gegenereerd().values_list("bereik", "pijler").distinct())

    assert rijen == {
        (bereik, pijler)
        for bereik in Activiteit.Bereik.values
        for pijler in ("gezondheid", "opvoeding", "ontmoeting")
    }
    lokaal = schaal.gegenereerd().filter(bereik=Activiteit.Bereik.LOKAAL)
    assert not lokaal.filter(gemeenten__isnull=True).exists()


def test_het_bereik_telt_de_mensen_van_de_bevestigde_inschrijvingen(demo):
    momenten = Moment.objects.filter(activiteit__in=schaal.gegenereerd())
    bevestigd = Inschrijving.objects.bevestigd().filter(moment__in=momenten).values("moment")
    ingeschreven = dict(
        bevestigd.annotate(n=Sum(F("volwassenen") + F("kinderen"))).values_list("moment", "n")
    )
    aanwezig = dict(
        bevestigd.filter(aanwezig=True)
        .annotate(n=Sum(F("volwassenen") + F("kinderen")))
        .values_list("moment", "n")
    )
    bereik = Bereikcijfer.objects.filter(moment__in=momenten).values("moment")

    assert ingeschreven == {
        moment: n
        for moment, n in bereik.annotate(n=Sum("ingeschreven")).values_list("moment", "n")
        if n
    }
    assert aanwezig == {
        moment: n
        for moment, n in bereik.annotate(n=Sum("aanwezig")).values_list("moment", "n")
        if n
    }


def test_oude_inschrijvingen_zijn_gewist_zoals_de_bewaartermijn_dat_doet(demo):
    gewist = Inschrijving.objects.filter(
        moment__activiteit__in=schaal.gegenereerd(), gewist_op__isnull=False
    )

    assert gewist.count() > SCHAAL * INSCHRIJVINGEN / 2
    assert not gewist.exclude(naam="", email="", telefoon="", opmerking="", leeftijden=[]).exists()
    assert not gewist.filter(gewist_op__gt=timezone.now()).exists()
    assert persoonsgegevens_opruimen() == 0


def test_komende_momenten_met_inschrijving_tonen_elke_toestand(demo):
    komend = Moment.objects.filter(
        activiteit__in=schaal.gegenereerd(),
        activiteit__inschrijving_vereist=True,
        begin__gt=timezone.now(),
    )
    bevestigd = Inschrijving.objects.bevestigd().filter(moment__in=komend)
    gezinnen = dict(bevestigd.values("moment").annotate(n=Count("pk")).values_list("moment", "n"))
    personen = dict(
        bevestigd.values("moment")
        .annotate(n=Sum(F("volwassenen") + F("kinderen")))
        .values_list("moment", "n")
    )
    wachtend = set(
        Inschrijving.objects.wachtlijst().filter(moment__in=komend).values_list("moment", flat=True)
    )
    volzet, met_plaats = set(), set()
    for moment, capaciteit, per in komend.values_list(
        "pk", "activiteit__capaciteit", "activiteit__plaatsen_per"
    ):
        bezet = (gezinnen if per == Activiteit.PlaatsenPer.GEZIN else personen).get(moment, 0)
        assert capaciteit is not None
        assert bezet <= capaciteit
        (volzet if bezet == capaciteit else met_plaats).add(moment)

    assert wachtend and wachtend <= volzet
    assert met_plaats & set(gezinnen)


def test_publieke_paginas_tonen_het_aanbod_op_schaal(demo, client):
    aantal = Activiteit.objects.gepubliceerd().count()
    volzet = (
        Inschrijving.objects.wachtlijst()
        .filter(moment__begin__gt=timezone.now(), moment__activiteit__in=schaal.gegenereerd())
        .select_related("moment__activiteit")
        .first()
        .moment.activiteit
    )

    lijst = client.get("/aanbod/")
    detail = client.get(f"/aanbod/{volzet.slug}/")
    home = client.get("/")

    assert lijst.status_code == detail.status_code == home.status_code == 200
    assert f"{aantal} activiteiten gevonden" in lijst.content.decode()
    assert volzet.titel in detail.content.decode()
    assert "Volzet \N{EN DASH} wachtlijst" in detail.content.decode()
    assert "Huis van het Kind Kempenland" in home.content.decode()

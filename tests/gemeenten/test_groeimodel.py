"""Bataljong's groeimodel: the phase of the partnership, each role's checklist, and the yearly
self-evaluation and expectations round that the coordinator keeps in the admin."""

import datetime
import importlib

import factory
import pytest
from django.apps import apps
from django.urls import reverse
from factory.django import DjangoModelFactory

from gemeenten.models import Afvinking, Groeifase, Roltaak, Verwachting, Zelfevaluatie
from gemeenten.models.groeimodel import Fase
from gemeenten.services import GroeimodelFout, zelfevaluatie_starten
from tests.factories import GemeenteFactory

roltaken_migratie = importlib.import_module("gemeenten.migrations.0003_roltaken")


class GroeifaseFactory(DjangoModelFactory):
    class Meta:
        model = Groeifase

    fase = Fase.POTGROND
    sinds = datetime.date(2022, 1, 1)
    motivatie = "De jeugd- en gezinsambtenaren wisselen elke maand uit."


class VerwachtingFactory(DjangoModelFactory):
    class Meta:
        model = Verwachting

    gemeente = factory.LazyFunction(
        lambda: GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    )
    jaar = 2025
    verwachting = "Een ontmoetingsplek met vrije inloop in de eigen gemeente."


@pytest.fixture
def roltaken(db):
    """The checklist as the migration writes it, even after a test that emptied the tables."""
    roltaken_migratie.roltaken_aanmaken(apps, None)


def taken_van(fase):
    return set(Roltaak.objects.filter(fase=fase).values_list("pk", flat=True))


# The checklist from the migration


@pytest.mark.django_db
@pytest.mark.parametrize("fase", Fase.values)
@pytest.mark.parametrize("rol", Roltaak.Rol.values)
def test_migratie_geeft_elke_rol_in_elke_fase_taken(fase, rol):
    teksten = list(Roltaak.objects.filter(fase=fase, rol=rol).values_list("tekst", flat=True))

    assert len(teksten) >= 2
    assert all(tekst.strip() for tekst in teksten)


@pytest.mark.django_db
def test_migratie_neemt_de_woorden_van_bataljong_over():
    schepen_potgrond = Roltaak.objects.get(fase=Fase.POTGROND, rol="schepen", volgorde=1)

    assert schepen_potgrond.tekst.startswith("Geef de ambtenaar mandaat")


def test_migratie_opnieuw_draaien_maakt_geen_dubbele_taken(roltaken):
    aantal = Roltaak.objects.count()

    roltaken_migratie.roltaken_aanmaken(apps, None)

    assert Roltaak.objects.count() == aantal


# The service


def test_zelfevaluatie_krijgt_een_afvinking_per_taak_van_de_huidige_fase(roltaken, beerse):
    GroeifaseFactory(fase=Fase.BLOEMENWEIDE, sinds=datetime.date(2024, 3, 1))

    zelfevaluatie = zelfevaluatie_starten(gemeente=beerse, jaar=2025)

    assert zelfevaluatie.fase == Fase.BLOEMENWEIDE
    afgevinkt = zelfevaluatie.afvinkingen.values_list("roltaak", flat=True)
    assert sorted(afgevinkt) == sorted(taken_van(Fase.BLOEMENWEIDE))
    assert not zelfevaluatie.afvinkingen.filter(gedaan=True).exists()


def test_opgegeven_fase_gaat_voor_de_huidige_fase(roltaken, beerse):
    GroeifaseFactory(fase=Fase.POTGROND)

    zelfevaluatie = zelfevaluatie_starten(gemeente=beerse, jaar=2025, fase=Fase.BLOEMENWINKEL)

    assert zelfevaluatie.fase == Fase.BLOEMENWINKEL
    assert set(zelfevaluatie.afvinkingen.values_list("roltaak", flat=True)) == taken_van(
        Fase.BLOEMENWINKEL
    )


def test_tweede_keer_starten_maakt_niets_dubbel(roltaken, beerse):
    GroeifaseFactory()
    eerste = zelfevaluatie_starten(gemeente=beerse, jaar=2025)

    tweede = zelfevaluatie_starten(gemeente=beerse, jaar=2025)

    assert tweede.pk == eerste.pk
    assert Zelfevaluatie.objects.count() == 1
    assert Afvinking.objects.count() == len(taken_van(Fase.POTGROND))


def test_opnieuw_starten_behoudt_afgevinkte_taken_en_vult_nieuwe_taken_aan(roltaken, beerse):
    GroeifaseFactory()
    zelfevaluatie = zelfevaluatie_starten(gemeente=beerse, jaar=2025)
    afgevinkt = zelfevaluatie.afvinkingen.first()
    afgevinkt.gedaan, afgevinkt.opmerking = True, "Besproken op het college van 3 maart."
    afgevinkt.save()
    nieuwe_taak = Roltaak.objects.create(
        fase=Fase.POTGROND, rol="samen", volgorde=9, tekst="Evalueer samen het jaar."
    )

    zelfevaluatie_starten(gemeente=beerse, jaar=2025)

    afgevinkt.refresh_from_db()
    assert afgevinkt.gedaan
    assert afgevinkt.opmerking == "Besproken op het college van 3 maart."
    assert zelfevaluatie.afvinkingen.filter(roltaak=nieuwe_taak).count() == 1
    assert zelfevaluatie.afvinkingen.count() == len(taken_van(Fase.POTGROND))


def test_zonder_groeifase_weigert_de_dienst_met_nederlandse_uitleg(roltaken, beerse):
    with pytest.raises(GroeimodelFout, match="nog geen groeifase"):
        zelfevaluatie_starten(gemeente=beerse, jaar=2025)

    assert not Zelfevaluatie.objects.exists()


def test_groeifase_die_pas_na_het_jaar_begint_telt_niet_voor_dat_jaar(roltaken, beerse):
    GroeifaseFactory(sinds=datetime.date(2025, 1, 1))

    with pytest.raises(GroeimodelFout):
        zelfevaluatie_starten(gemeente=beerse, jaar=2024)


def test_andere_fase_voor_een_bestaande_zelfevaluatie_wordt_geweigerd(roltaken, beerse):
    GroeifaseFactory()
    zelfevaluatie_starten(gemeente=beerse, jaar=2025)

    with pytest.raises(GroeimodelFout, match="hoort al bij de fase"):
        zelfevaluatie_starten(gemeente=beerse, jaar=2025, fase=Fase.BLOEMENWINKEL)

    assert Afvinking.objects.count() == len(taken_van(Fase.POTGROND))


# The phase history


@pytest.mark.django_db
def test_huidige_fase_is_de_laatste_die_op_die_dag_al_begonnen_was():
    GroeifaseFactory(fase=Fase.POTGROND, sinds=datetime.date(2022, 1, 1))
    GroeifaseFactory(fase=Fase.BLOEMENWEIDE, sinds=datetime.date(2024, 3, 1))
    GroeifaseFactory(fase=Fase.BLOEMENWINKEL, sinds=datetime.date(2026, 1, 1))

    assert Groeifase.objects.huidige(op=datetime.date(2024, 2, 29)).fase == Fase.POTGROND
    assert Groeifase.objects.huidige(op=datetime.date(2024, 3, 1)).fase == Fase.BLOEMENWEIDE
    assert Groeifase.objects.huidige(op=datetime.date(2021, 12, 31)) is None


def test_zelfevaluatie_van_een_vorig_jaar_volgt_de_fase_van_toen(roltaken, beerse):
    GroeifaseFactory(fase=Fase.POTGROND, sinds=datetime.date(2022, 1, 1))
    GroeifaseFactory(fase=Fase.BLOEMENWEIDE, sinds=datetime.date(2024, 3, 1))

    toen = zelfevaluatie_starten(gemeente=beerse, jaar=2023)
    nu = zelfevaluatie_starten(gemeente=beerse, jaar=2024)

    assert toen.fase == Fase.POTGROND
    assert nu.fase == Fase.BLOEMENWEIDE
    assert Groeifase.objects.count() == 2


# The admin: adding and ticking off


def test_zelfevaluatie_toevoegen_in_beheer_maakt_de_checklist(coordinator_client, roltaken, beerse):
    GroeifaseFactory(fase=Fase.BLOEMENWEIDE, sinds=datetime.date(2024, 3, 1))

    response = coordinator_client.post(
        reverse("admin:gemeenten_zelfevaluatie_add"), {"gemeente": beerse.pk, "jaar": "2025"}
    )

    assert response.status_code == 302
    zelfevaluatie = Zelfevaluatie.objects.get(gemeente=beerse, jaar=2025)
    assert zelfevaluatie.fase == Fase.BLOEMENWEIDE
    assert zelfevaluatie.afvinkingen.count() == len(taken_van(Fase.BLOEMENWEIDE))
    assert response.url == reverse("admin:gemeenten_zelfevaluatie_changelist")


def test_toevoegformulier_vraagt_geen_fase(coordinator_client, roltaken):
    response = coordinator_client.get(reverse("admin:gemeenten_zelfevaluatie_add"))

    formulier = response.context["adminform"].form
    assert set(formulier.fields) == {"gemeente", "jaar"}


def test_zelfevaluatie_toevoegen_zonder_groeifase_toont_uitleg_en_bewaart_niets(
    coordinator_client, roltaken, beerse
):
    response = coordinator_client.post(
        reverse("admin:gemeenten_zelfevaluatie_add"), {"gemeente": beerse.pk, "jaar": "2025"}
    )

    assert response.status_code == 200
    assert "nog geen groeifase" in response.content.decode()
    assert not Zelfevaluatie.objects.exists()


def afvinkformulier(zelfevaluatie, aangevinkt=(), opmerkingen=None):
    """The change form's POST data, as the browser sends it back."""
    opmerkingen = opmerkingen or {}
    afvinkingen = list(zelfevaluatie.afvinkingen.all())
    gegevens = {
        "gemeente": zelfevaluatie.gemeente_id,
        "jaar": zelfevaluatie.jaar,
        "afvinkingen-TOTAL_FORMS": len(afvinkingen),
        "afvinkingen-INITIAL_FORMS": len(afvinkingen),
        "afvinkingen-MIN_NUM_FORMS": 0,
        "afvinkingen-MAX_NUM_FORMS": 1000,
    }
    for i, afvinking in enumerate(afvinkingen):
        gegevens[f"afvinkingen-{i}-id"] = afvinking.pk
        gegevens[f"afvinkingen-{i}-zelfevaluatie"] = zelfevaluatie.pk
        gegevens[f"afvinkingen-{i}-opmerking"] = opmerkingen.get(afvinking.pk, "")
        if afvinking.pk in aangevinkt:
            gegevens[f"afvinkingen-{i}-gedaan"] = "on"
    return gegevens


def test_afvinken_in_het_wijzigformulier_bewaart_gedaan(coordinator_client, roltaken, beerse):
    GroeifaseFactory()
    zelfevaluatie = zelfevaluatie_starten(gemeente=beerse, jaar=2025)
    taak = zelfevaluatie.afvinkingen.get(roltaak__rol="schepen", roltaak__volgorde=1)

    response = coordinator_client.post(
        reverse("admin:gemeenten_zelfevaluatie_change", args=[zelfevaluatie.pk]),
        afvinkformulier(zelfevaluatie, aangevinkt={taak.pk}, opmerkingen={taak.pk: "Mandaat ok"}),
    )

    assert response.status_code == 302
    taak.refresh_from_db()
    assert taak.gedaan
    assert taak.opmerking == "Mandaat ok"
    assert zelfevaluatie.afvinkingen.filter(gedaan=True).count() == 1


def test_wijzigformulier_toont_de_volledige_taken_maar_laat_ze_niet_wijzigen(
    coordinator_client, roltaken, beerse
):
    GroeifaseFactory()
    zelfevaluatie = zelfevaluatie_starten(gemeente=beerse, jaar=2025)
    lange_taak = Roltaak.objects.get(fase=Fase.POTGROND, rol="ambtenaar", volgorde=2)

    response = coordinator_client.get(
        reverse("admin:gemeenten_zelfevaluatie_change", args=[zelfevaluatie.pk])
    )

    inhoud = response.content.decode()
    assert lange_taak.tekst in inhoud
    assert 'name="afvinkingen-0-roltaak"' not in inhoud
    assert 'name="fase"' not in inhoud
    # Without the empty template row the admin offers no "add another" for the checklist.
    assert 'id="afvinkingen-empty"' not in inhoud
    assert 'name="afvinkingen-0-DELETE"' not in inhoud


# The admin: lists


def test_groeifasen_nieuwste_eerst_en_huidige_gemarkeerd(coordinator_client):
    GroeifaseFactory(fase=Fase.POTGROND, sinds=datetime.date(2022, 1, 1))
    GroeifaseFactory(
        fase=Fase.BLOEMENWEIDE,
        sinds=datetime.date(2024, 3, 1),
        motivatie="Samen een vormingsreeks voor ouders van tieners georganiseerd.",
    )

    response = coordinator_client.get(reverse("admin:gemeenten_groeifase_changelist"))

    assert response.status_code == 200
    resultaten = list(response.context["cl"].result_list)
    assert [g.fase for g in resultaten] == [Fase.BLOEMENWEIDE, Fase.POTGROND]
    inhoud = response.content.decode()
    assert "Samen een vormingsreeks voor ouders van tieners" in inhoud
    assert inhoud.count('alt="True"') == 1


def test_roltaken_lijst_filtert_op_fase_en_rol(coordinator_client, roltaken):
    response = coordinator_client.get(
        reverse("admin:gemeenten_roltaak_changelist"),
        {"fase__exact": Fase.BLOEMENWINKEL, "rol__exact": "samen"},
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Mandateer samen wie aanstuurt en bijstuurt" in inhoud
    assert "Geef de ambtenaar mandaat" not in inhoud
    assert (
        response.context["cl"].result_count
        == Roltaak.objects.filter(fase=Fase.BLOEMENWINKEL, rol="samen").count()
    )


def test_zelfevaluatielijst_toont_hoeveel_taken_gedaan_zijn(coordinator_client, roltaken, beerse):
    GroeifaseFactory()
    zelfevaluatie = zelfevaluatie_starten(gemeente=beerse, jaar=2025)
    zelfevaluatie.afvinkingen.filter(roltaak__rol="schepen").update(gedaan=True)
    gedaan = zelfevaluatie.afvinkingen.filter(gedaan=True).count()

    response = coordinator_client.get(reverse("admin:gemeenten_zelfevaluatie_changelist"))

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Beerse" in inhoud
    assert f"{gedaan} van {len(taken_van(Fase.POTGROND))} gedaan" in inhoud


@pytest.mark.parametrize("aantal", [1, 3])
def test_zelfevaluatielijst_doet_evenveel_queries_voor_1_of_3_gemeenten(
    coordinator_client, roltaken, django_assert_num_queries, aantal
):
    GroeifaseFactory()
    gemeenten = [
        ("Beerse", "13004", "beerse"),
        ("Kasterlee", "13017", "kasterlee"),
        ("Turnhout", "13040", "turnhout"),
    ]
    for naam, nis_code, slug in gemeenten[:aantal]:
        gemeente = GemeenteFactory(naam=naam, nis_code=nis_code, slug=slug)
        zelfevaluatie_starten(gemeente=gemeente, jaar=2025)

    with django_assert_num_queries(8):
        response = coordinator_client.get(reverse("admin:gemeenten_zelfevaluatie_changelist"))

    assert response.context["cl"].result_count == aantal


def test_verwachtingen_lijst_toont_en_zoekt(coordinator_client, beerse, turnhout):
    VerwachtingFactory(gemeente=beerse, ingelost=Verwachting.Ingelost.JA)
    VerwachtingFactory(
        gemeente=turnhout,
        verwachting="Een consultatiebureau dichter bij de deelgemeenten.",
        toelichting="Zwakke busverbinding vanuit de buitenwijken.",
    )

    response = coordinator_client.get(
        reverse("admin:gemeenten_verwachting_changelist"), {"q": "busverbinding"}
    )

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Een consultatiebureau dichter bij de deelgemeenten." in inhoud
    assert "ontmoetingsplek met vrije inloop" not in inhoud


def test_verwachtingen_lijst_filtert_op_ingelost(coordinator_client, beerse, kasterlee):
    VerwachtingFactory(gemeente=beerse, ingelost=Verwachting.Ingelost.JA)
    VerwachtingFactory(
        gemeente=kasterlee, verwachting="Een eigen aanspreekpunt in het gemeentehuis."
    )

    response = coordinator_client.get(
        reverse("admin:gemeenten_verwachting_changelist"), {"ingelost__exact": "open"}
    )

    assert response.status_code == 200
    assert [v.gemeente.naam for v in response.context["cl"].result_list] == ["Kasterlee"]

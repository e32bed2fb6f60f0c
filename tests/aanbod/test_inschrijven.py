"""Registering for a moment through the service: seats, waiting list, withdrawing, reach."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core import mail, signing
from django.db.models import Sum
from django.utils import timezone

from aanbod.models import Bereikcijfer, Inschrijving
from aanbod.services import (
    AlIngeschreven,
    Gezin,
    InschrijvingFout,
    Volzet,
    aanwezigheid_noteren,
    annuleren,
    gegevens_wissen,
    inschrijven,
    vrije_plaatsen,
    wachtlijst_doorschuiven,
)
from tests.factories import ActiviteitFactory, GemeenteFactory, MomentFactory

pytestmark = pytest.mark.django_db


def moment_met(capaciteit=None, plaatsen_per="persoon", dagen=7, **activiteit):
    activiteit.setdefault("inschrijving_vereist", True)
    begin = timezone.now() + dt.timedelta(days=dagen)
    return MomentFactory(
        activiteit=ActiviteitFactory(
            capaciteit=capaciteit, plaatsen_per=plaatsen_per, **activiteit
        ),
        begin=begin,
        einde=begin + dt.timedelta(hours=2),
    )


def gezin(naam="An", volwassenen=1, leeftijden=(), **velden):
    velden.setdefault("email", f"{naam.lower()}@example.org")
    return Gezin(naam=naam, volwassenen=volwassenen, leeftijden=tuple(leeftijden), **velden)


def onderwerpen():
    return [bericht.subject for bericht in mail.outbox]


def test_vrije_plaatsen_geven_een_bevestigde_inschrijving_met_alle_gegevens():
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    moment = moment_met(capaciteit=5)

    inschrijving = inschrijven(
        moment=moment,
        gezin=gezin(
            "Fatima",
            volwassenen=2,
            leeftijden=(40, 8),
            email="Fatima@Example.org",
            telefoon="0470 12 34 56",
            woonplaats=beerse,
            opmerking="We komen met een rolstoel.",
        ),
    )

    inschrijving.refresh_from_db()
    assert inschrijving.status == Inschrijving.Status.BEVESTIGD
    assert (inschrijving.volwassenen, inschrijving.kinderen) == (2, 2)
    assert inschrijving.leeftijden == [8, 40]
    assert inschrijving.email == "fatima@example.org"
    assert inschrijving.woonplaats == beerse
    assert inschrijving.toestemming_op and inschrijving.bevestigd_op
    assert vrije_plaatsen(moment) == 1


def test_per_gezin_neemt_een_gezin_een_plaats_hoe_groot_het_ook_is():
    moment = moment_met(capaciteit=2, plaatsen_per="gezin")

    inschrijven(moment=moment, gezin=gezin("An", volwassenen=2, leeftijden=(10, 30, 50)))

    assert vrije_plaatsen(moment) == 1


def test_zonder_capaciteit_is_er_altijd_plaats():
    moment = moment_met(capaciteit=None)

    for nummer in range(5):
        inschrijven(moment=moment, gezin=gezin(f"Gezin{nummer}", volwassenen=6))

    assert Inschrijving.objects.bevestigd().count() == 5
    assert vrije_plaatsen(moment) is None


def test_volzet_zonder_wachtlijst_weigert_en_bewaart_niets():
    moment = moment_met(capaciteit=2)
    inschrijven(moment=moment, gezin=gezin("An", volwassenen=1, leeftijden=(30,)))

    with pytest.raises(Volzet, match="wachtlijst"):
        inschrijven(moment=moment, gezin=gezin("Bo"))

    assert Inschrijving.objects.count() == 1


def test_volzet_met_wachtlijst_zet_op_de_wachtlijst_en_telt_niet_mee_in_het_bereik():
    moment = moment_met(capaciteit=1)
    inschrijven(moment=moment, gezin=gezin("An"))

    wachtend = inschrijven(moment=moment, gezin=gezin("Bo"), wachtlijst=True)

    assert wachtend.status == Inschrijving.Status.WACHTLIJST
    assert wachtend.bevestigd_op is None
    assert Bereikcijfer.objects.aggregate(n=Sum("ingeschreven"))["n"] == 1
    assert onderwerpen()[-1].startswith("Op de wachtlijst:")


def test_te_weinig_plaatsen_voor_het_hele_gezin_is_volzet():
    moment = moment_met(capaciteit=3)
    inschrijven(moment=moment, gezin=gezin("An"))

    with pytest.raises(Volzet):
        inschrijven(moment=moment, gezin=gezin("Bo", volwassenen=2, leeftijden=(5,)))


def test_een_groep_groter_dan_het_moment_kan_ook_niet_op_de_wachtlijst():
    moment = moment_met(capaciteit=2)

    with pytest.raises(InschrijvingFout, match="maar 2 plaatsen"):
        inschrijven(moment=moment, gezin=gezin(volwassenen=2, leeftijden=(5,)), wachtlijst=True)

    assert not Inschrijving.objects.exists()


def test_annuleren_geeft_de_plaats_aan_de_eerste_op_de_wachtlijst_en_mailt_beiden():
    moment = moment_met(capaciteit=1)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    bo = inschrijven(moment=moment, gezin=gezin("Bo"), wachtlijst=True)
    cas = inschrijven(moment=moment, gezin=gezin("Cas"), wachtlijst=True)
    mail.outbox.clear()

    gepromoveerd = annuleren(inschrijving=an)

    assert gepromoveerd == [bo]
    bo.refresh_from_db()
    cas.refresh_from_db()
    assert bo.status == Inschrijving.Status.BEVESTIGD and bo.bevestigd_op
    assert cas.status == Inschrijving.Status.WACHTLIJST
    assert [(m.to, m.subject.split(":")[0]) for m in mail.outbox] == [
        (["an@example.org"], "Geannuleerd"),
        (["bo@example.org"], "Er is een plaats vrij"),
    ]


def test_wie_niet_past_houdt_zijn_plaats_en_de_volgende_die_past_krijgt_de_vrije_plaats():
    moment = moment_met(capaciteit=2)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    inschrijven(moment=moment, gezin=gezin("Bo"))
    groot = inschrijven(moment=moment, gezin=gezin("Groot", volwassenen=2), wachtlijst=True)
    klein = inschrijven(moment=moment, gezin=gezin("Klein"), wachtlijst=True)

    annuleren(inschrijving=an)

    groot.refresh_from_db()
    klein.refresh_from_db()
    assert groot.status == Inschrijving.Status.WACHTLIJST
    assert klein.status == Inschrijving.Status.BEVESTIGD
    assert list(Inschrijving.objects.wachtlijst()) == [groot]


def test_wachtlijst_doorschuiven_na_een_grotere_capaciteit():
    moment = moment_met(capaciteit=1)
    inschrijven(moment=moment, gezin=gezin("An"))
    bo = inschrijven(moment=moment, gezin=gezin("Bo"), wachtlijst=True)
    moment.activiteit.capaciteit = 2
    moment.activiteit.save()

    assert wachtlijst_doorschuiven(moment=moment) == [bo]


def test_annuleren_is_idempotent_en_telt_maar_een_keer_af():
    moment = moment_met(capaciteit=3)
    an = inschrijven(moment=moment, gezin=gezin("An", leeftijden=(20,)))

    annuleren(inschrijving=an)
    annuleren(inschrijving=an)

    assert Bereikcijfer.objects.aggregate(n=Sum("ingeschreven"))["n"] == 0
    assert vrije_plaatsen(moment) == 3


def test_na_het_begin_kan_niet_meer_geannuleerd_worden():
    moment = moment_met(capaciteit=3)
    an = inschrijven(moment=moment, gezin=gezin("An"))
    moment.begin = timezone.now() - dt.timedelta(minutes=5)
    moment.save()

    with pytest.raises(InschrijvingFout, match="al begonnen"):
        annuleren(inschrijving=an)

    an.refresh_from_db()
    assert an.status == Inschrijving.Status.BEVESTIGD


def test_hetzelfde_emailadres_wordt_herkend_en_krijgt_zijn_bevestiging_opnieuw():
    moment = moment_met(capaciteit=5)
    eerste = inschrijven(moment=moment, gezin=gezin("An", email="an@example.org"))
    mail.outbox.clear()

    with pytest.raises(AlIngeschreven, match="al ingeschreven") as fout:
        inschrijven(moment=moment, gezin=gezin("Anneke", email=" AN@example.org "))

    assert fout.value.inschrijving == eerste
    assert Inschrijving.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["an@example.org"]]
    assert mail.outbox[0].subject.startswith("Ingeschreven:")


def test_na_annuleren_kan_hetzelfde_adres_zich_opnieuw_inschrijven():
    moment = moment_met(capaciteit=5)
    annuleren(inschrijving=inschrijven(moment=moment, gezin=gezin("An")))

    opnieuw = inschrijven(moment=moment, gezin=gezin("An"))

    assert opnieuw.status == Inschrijving.Status.BEVESTIGD


def test_zonder_emailadres_herkent_niemand_een_dubbele_en_gaat_er_geen_mail():
    moment = moment_met(capaciteit=5)

    inschrijven(moment=moment, gezin=gezin("An", email="", telefoon="0470 11 22 33"))
    inschrijven(moment=moment, gezin=gezin("An", email="", telefoon="0470 11 22 33"))

    assert Inschrijving.objects.count() == 2
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("aanpassen", "melding"),
    [
        (lambda m: setattr(m, "geannuleerd", True), "gaat niet door"),
        (lambda m: setattr(m, "begin", timezone.now() - dt.timedelta(minutes=1)), "begonnen"),
        (lambda m: setattr(m.activiteit, "inschrijving_vereist", False), "hoef je je niet"),
        (lambda m: setattr(m.activiteit, "gepubliceerd", False), r"niet \(meer\) op de website"),
    ],
    ids=["afgelast", "begonnen", "niet-vereist", "niet-gepubliceerd"],
)
def test_inschrijven_kan_niet_op_een_moment_dat_het_niet_toelaat(aanpassen, melding):
    moment = moment_met(capaciteit=5)
    aanpassen(moment)
    moment.activiteit.save()
    moment.save()

    with pytest.raises(InschrijvingFout, match=melding):
        inschrijven(moment=moment, gezin=gezin())

    assert not Inschrijving.objects.exists()


def test_aan_de_telefoon_kan_een_medewerker_ook_voor_niet_gepubliceerd_aanbod_inschrijven():
    moment = moment_met(capaciteit=5, gepubliceerd=False)

    inschrijving = inschrijven(moment=moment, gezin=gezin(), kanaal=Inschrijving.Kanaal.TELEFOON)

    assert inschrijving.kanaal == "telefoon"


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"naam": "  "}, "naam"),
        ({"email": "", "telefoon": ""}, "e-mailadres of je telefoonnummer"),
        ({"volwassenen": 0}, "minstens één persoon"),
        ({"volwassenen": 7}, "hoogstens"),
        ({"leeftijden": tuple(range(7))}, "hoogstens"),
    ],
    ids=["naam", "geen-contact", "niemand", "te-veel-volwassenen", "te-veel-kinderen"],
)
def test_een_onvolledig_gezin_wordt_geweigerd_met_een_nederlandse_melding(velden, melding):
    moment = moment_met(capaciteit=None)
    gegevens = {"naam": "An", "email": "an@example.org", "volwassenen": 1, **velden}

    with pytest.raises(InschrijvingFout, match=melding):
        inschrijven(moment=moment, gezin=Gezin(**gegevens))

    assert not Inschrijving.objects.exists()


def test_het_bereik_telt_volwassenen_en_kinderen_per_leeftijdsgroep_en_woonplaats():
    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    moment = moment_met(capaciteit=None)

    inschrijven(
        moment=moment, gezin=gezin("An", volwassenen=2, leeftijden=(8, 35, 36), woonplaats=beerse)
    )
    inschrijven(moment=moment, gezin=gezin("Bo", volwassenen=1, leeftijden=(150,)))

    cijfers = {
        (b.woonplaats_id, b.leeftijdsgroep): b.ingeschreven for b in Bereikcijfer.objects.all()
    }
    assert cijfers == {
        (beerse.pk, "volwassene"): 2,
        (beerse.pk, "0-2"): 2,
        (beerse.pk, "3-5"): 1,
        (None, "volwassene"): 1,
        (None, "12-17"): 1,
    }
    rij = Bereikcijfer.objects.first()
    assert rij.activiteit == moment.activiteit
    assert rij.maand == timezone.localdate(moment.begin).replace(day=1)


def test_aanwezigheid_telt_in_het_bereik_en_kan_teruggedraaid_worden():
    moment = moment_met(capaciteit=None)
    an = inschrijven(moment=moment, gezin=gezin("An", volwassenen=1, leeftijden=(20,)))

    aanwezigheid_noteren(inschrijving=an, aanwezig=True)
    aanwezigheid_noteren(inschrijving=an, aanwezig=True)
    assert Bereikcijfer.objects.aggregate(n=Sum("aanwezig"))["n"] == 2

    aanwezigheid_noteren(inschrijving=an, aanwezig=False)
    assert Bereikcijfer.objects.aggregate(n=Sum("aanwezig"))["n"] == 0


def test_wie_op_de_wachtlijst_staat_kan_niet_aanwezig_gezet_worden():
    moment = moment_met(capaciteit=1)
    inschrijven(moment=moment, gezin=gezin("An"))
    bo = inschrijven(moment=moment, gezin=gezin("Bo"), wachtlijst=True)

    with pytest.raises(InschrijvingFout):
        aanwezigheid_noteren(inschrijving=bo, aanwezig=True)


def test_terugtrekken_voor_het_moment_annuleert_wist_en_geeft_de_plaats_door():
    moment = moment_met(capaciteit=2)
    an = inschrijven(
        moment=moment,
        gezin=gezin("An", leeftijden=(20,), telefoon="0470 11 22 33", opmerking="Frans"),
    )
    bo = inschrijven(moment=moment, gezin=gezin("Bo"), wachtlijst=True)
    mail.outbox.clear()

    gegevens_wissen(inschrijving=an)

    an.refresh_from_db()
    assert an.status == Inschrijving.Status.GEANNULEERD and an.gewist_op
    assert (an.naam, an.email, an.telefoon, an.opmerking, an.leeftijden) == ("", "", "", "", [])
    assert (an.volwassenen, an.kinderen) == (1, 1)
    bo.refresh_from_db()
    assert bo.status == Inschrijving.Status.BEVESTIGD
    # Only the promoted family hears of it; the one who withdrew gets no mail.
    assert [m.to for m in mail.outbox] == [["bo@example.org"]]
    # An's two people came off the reach by their own age bands; Bo's one went on.
    cijfers = {b.leeftijdsgroep: b.ingeschreven for b in Bereikcijfer.objects.all()}
    assert cijfers == {"volwassene": 1, "0-2": 0}


def test_terugtrekken_na_het_moment_wist_de_gegevens_maar_het_bereik_blijft():
    moment = moment_met(capaciteit=3)
    an = inschrijven(moment=moment, gezin=gezin("An", leeftijden=(20,)))
    aanwezigheid_noteren(inschrijving=an, aanwezig=True)
    moment.begin = timezone.now() - dt.timedelta(days=1)
    moment.einde = moment.begin + dt.timedelta(hours=2)
    moment.save()

    gegevens_wissen(inschrijving=an)
    gegevens_wissen(inschrijving=an)

    an.refresh_from_db()
    assert an.status == Inschrijving.Status.BEVESTIGD and an.aanwezig
    assert an.naam == "" and an.leeftijden == []
    totaal = Bereikcijfer.objects.aggregate(i=Sum("ingeschreven"), a=Sum("aanwezig"))
    assert totaal == {"i": 2, "a": 2}


def test_het_auditlog_van_een_inschrijving_noemt_niemand():
    moment = moment_met(capaciteit=3)
    an = inschrijven(
        moment=moment,
        gezin=gezin(
            "Fatima", email="fatima@example.org", telefoon="0470 99 88 77", leeftijden=(7,)
        ),
    )
    gegevens_wissen(inschrijving=an)

    logs = LogEntry.objects.get_for_object(an)
    assert logs.count() >= 2
    for log in logs:
        tekst = f"{log.object_repr} {log.changes}"
        assert "Fatima" not in tekst and "fatima@" not in tekst and "0470" not in tekst


def test_de_link_van_een_inschrijving_vindt_ze_terug_en_weigert_vervalsing_en_ouderdom(
    settings, monkeypatch
):
    an = inschrijven(moment=moment_met(capaciteit=3), gezin=gezin("An"))
    sleutel = an.sleutel()

    assert Inschrijving.met_sleutel(sleutel) == an
    with pytest.raises(signing.BadSignature):
        Inschrijving.met_sleutel(sleutel[:-2] + ("AA" if not sleutel.endswith("AA") else "BB"))
    andere = signing.TimestampSigner(salt="iets anders").sign_object({"i": an.pk})
    with pytest.raises(signing.BadSignature):
        Inschrijving.met_sleutel(andere)

    settings.HVK_INSCHRIJVING_LINK_DAGEN = 10
    later = timezone.now().timestamp() + 11 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    with pytest.raises(signing.SignatureExpired):
        Inschrijving.met_sleutel(sleutel)


def test_bereik_per_gemeente_telt_per_woonplaats_pijler_en_leeftijdsgroep_binnen_de_periode(
    django_assert_num_queries,
):
    from aanbod.selectors import bereik_per_gemeente

    beerse = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    kasterlee = GemeenteFactory(naam="Kasterlee", nis_code="13017", slug="kasterlee")
    ontmoeting = moment_met(capaciteit=None, pijler="ontmoeting")
    opvoeding = moment_met(capaciteit=None, pijler="opvoeding")
    inschrijven(moment=ontmoeting, gezin=gezin("An", leeftijden=(8,), woonplaats=beerse))
    inschrijven(moment=opvoeding, gezin=gezin("Bo", volwassenen=2, woonplaats=beerse))
    inschrijven(moment=opvoeding, gezin=gezin("Cas", leeftijden=(100,)))
    maand = timezone.localdate(ontmoeting.begin).replace(day=1)

    with django_assert_num_queries(2):
        rijen = bereik_per_gemeente(van=maand, tot=maand + dt.timedelta(days=40))

    # Every gemeente has a row (the factories made some more for the places), "elders" last.
    per_woonplaats = {rij.woonplaats: rij for rij in rijen}
    assert len(per_woonplaats) == len(rijen) and rijen[-1].woonplaats is None
    beerse_rij, kasterlee_rij, elders = (per_woonplaats[g] for g in (beerse, kasterlee, None))
    assert beerse_rij.ingeschreven == 4
    assert beerse_rij.per_pijler == {"ontmoeting": 2, "opvoeding": 2}
    assert beerse_rij.per_leeftijdsgroep == {"volwassene": 3, "0-2": 1}
    assert (kasterlee_rij.ingeschreven, kasterlee_rij.per_pijler) == (0, {})
    assert elders.per_leeftijdsgroep == {"volwassene": 1, "6-11": 1}
    vorig_jaar = maand.replace(year=maand.year - 1)
    leeg = bereik_per_gemeente(van=vorig_jaar, tot=vorig_jaar)
    assert None not in {r.woonplaats for r in leeg}
    assert {r.ingeschreven for r in leeg} == {0}


def test_met_de_databank_als_wachtrij_blijft_de_herhaalde_bevestiging_in_de_wachtrij(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    moment = moment_met(capaciteit=5)
    inschrijven(moment=moment, gezin=gezin("An"))

    with pytest.raises(AlIngeschreven):
        inschrijven(moment=moment, gezin=gezin("An"))

    # The refusal rolls back nothing it should keep: both confirmations wait for the worker.
    assert DBTaskResult.objects.count() == 2
    assert mail.outbox == []


def test_na_het_wissen_ligt_de_aanwezigheid_vast():
    moment = moment_met(capaciteit=None)
    an = inschrijven(moment=moment, gezin=gezin("An", leeftijden=(20,)))
    aanwezigheid_noteren(inschrijving=an, aanwezig=True)
    moment.begin = timezone.now() - dt.timedelta(days=1)
    moment.einde = moment.begin + dt.timedelta(hours=2)
    moment.save()
    gegevens_wissen(inschrijving=an)

    with pytest.raises(InschrijvingFout, match="gewist"):
        aanwezigheid_noteren(inschrijving=an, aanwezig=False)

    assert Bereikcijfer.objects.aggregate(n=Sum("aanwezig"))["n"] == 2

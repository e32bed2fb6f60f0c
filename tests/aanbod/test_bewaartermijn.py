"""Retention: personal data of registrations goes a set time after the moment; counts stay.

``persoonsgegevens_opruimen(nu=...)`` erases name, e-mail, phone, remark and the children's
ages of registrations whose moment ended more than ``HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN``
months before ``nu``; the daily command ``inschrijvingen_opruimen`` and the task of the same
name call it with the current time.
"""

import datetime as dt
from io import StringIO

import pytest
from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from aanbod.models import Activiteit, Bereikcijfer, Inschrijving, Moment
from aanbod.services import (
    Gezin,
    aanwezigheid_noteren,
    annuleren,
    inschrijven,
    persoonsgegevens_opruimen,
)
from aanbod.tasks import inschrijvingen_opruimen, inschrijvingsmail
from hvk.herhaling import lokale_tijd
from tests.factories import ActiviteitFactory, GemeenteFactory, MomentFactory

pytestmark = pytest.mark.django_db

PERSOONLIJK = ("naam", "email", "telefoon", "opmerking", "leeftijden")


@pytest.fixture
def moment() -> Moment:
    """A moment on the 10th of a month at least a month ahead, 10:00-12:00.

    The 10th, so that adding and taking off months lands on the same day and the boundary
    is exact.
    """
    dag = (timezone.localdate() + dt.timedelta(days=40)).replace(day=10)
    activiteit = ActiviteitFactory(inschrijving_vereist=True, capaciteit=20)
    return MomentFactory(
        activiteit=activiteit,
        begin=lokale_tijd(dag, dt.time(10)),
        einde=lokale_tijd(dag, dt.time(12)),
    )


def _inschrijven(moment, naam, **velden) -> Inschrijving:
    gezin = {
        "naam": naam,
        "email": f"{naam.split()[-1].lower()}@example.org",
        "telefoon": "0470 12 34 56",
        "volwassenen": 2,
        "leeftijden": (8, 50),
        "woonplaats": GemeenteFactory(nis_code="13004", naam="Beerse", slug="beerse"),
        "opmerking": "We spreken Pools en wat Nederlands.",
    } | velden
    return inschrijven(moment=moment, gezin=Gezin(**gezin))


def _bereik(moment) -> list[tuple]:
    return list(
        Bereikcijfer.objects.filter(moment=moment)
        .order_by("woonplaats", "leeftijdsgroep")
        .values_list("woonplaats", "leeftijdsgroep", "ingeschreven", "aanwezig")
    )


def _grens(moment, maanden=3) -> dt.datetime:
    """The first instant at which ``moment`` ended exactly ``maanden`` months ago."""
    return moment.einde + relativedelta(months=maanden)


def test_wist_de_persoonsgegevens_maar_bewaart_aantallen_woonplaats_en_status(moment):
    inschrijving = _inschrijven(moment, "Gezin Kowalski")
    aanwezigheid_noteren(inschrijving=inschrijving, aanwezig=True)
    nu = _grens(moment) + dt.timedelta(seconds=1)

    assert persoonsgegevens_opruimen(nu=nu) == 1

    inschrijving.refresh_from_db()
    assert [getattr(inschrijving, veld) for veld in PERSOONLIJK] == ["", "", "", "", []]
    assert inschrijving.is_gewist
    assert (inschrijving.volwassenen, inschrijving.kinderen) == (2, 2)
    assert inschrijving.woonplaats.naam == "Beerse"
    assert inschrijving.status == Inschrijving.Status.BEVESTIGD
    assert inschrijving.aanwezig is True


def test_grens_precies_op_de_bewaartermijn(moment):
    inschrijving = _inschrijven(moment, "Gezin Peeters")
    grens = _grens(moment)

    # Ended exactly three months ago: not yet more than the retention period.
    assert persoonsgegevens_opruimen(nu=grens) == 0
    assert persoonsgegevens_opruimen(nu=grens - dt.timedelta(days=1)) == 0
    inschrijving.refresh_from_db()
    assert inschrijving.naam == "Gezin Peeters"

    assert persoonsgegevens_opruimen(nu=grens + dt.timedelta(seconds=1)) == 1
    inschrijving.refresh_from_db()
    assert inschrijving.naam == ""


def test_jongere_inschrijvingen_blijven(moment):
    later = MomentFactory(
        activiteit=moment.activiteit,
        begin=moment.begin + dt.timedelta(days=7),
        einde=moment.einde + dt.timedelta(days=7),
    )
    oud = _inschrijven(moment, "Gezin Peeters")
    jong = _inschrijven(later, "Gezin Janssens")

    assert persoonsgegevens_opruimen(nu=_grens(moment) + dt.timedelta(days=1)) == 1

    oud.refresh_from_db()
    jong.refresh_from_db()
    assert oud.is_gewist
    assert not jong.is_gewist
    assert (jong.naam, jong.email, jong.leeftijden) == (
        "Gezin Janssens",
        "janssens@example.org",
        [8, 50],
    )


def test_ook_geannuleerde_en_wachtende_inschrijvingen_worden_gewist(moment):
    moment.activiteit.capaciteit = 2
    moment.activiteit.save()
    geannuleerd = _inschrijven(moment, "Gezin Maes", volwassenen=1, leeftijden=())
    annuleren(inschrijving=geannuleerd)
    bevestigd = _inschrijven(moment, "Gezin Peeters", volwassenen=1, leeftijden=(8,))
    wachtend = inschrijven(
        moment=moment, gezin=Gezin(naam="Gezin Claes", telefoon="014 11 22 33"), wachtlijst=True
    )
    assert wachtend.status == Inschrijving.Status.WACHTLIJST

    assert persoonsgegevens_opruimen(nu=_grens(moment) + dt.timedelta(hours=1)) == 3

    for inschrijving in (bevestigd, wachtend, geannuleerd):
        inschrijving.refresh_from_db()
        assert inschrijving.is_gewist
        assert inschrijving.naam == inschrijving.telefoon == ""


def test_bereikcijfers_en_aantallen_blijven_ongewijzigd(moment):
    turnhout = GemeenteFactory(nis_code="13040", naam="Turnhout", slug="turnhout")
    _inschrijven(moment, "Gezin Kowalski")
    aanwezig = _inschrijven(moment, "Gezin Peeters", woonplaats=turnhout, leeftijden=(30,))
    _inschrijven(moment, "Gezin Elders", woonplaats=None, volwassenen=1, leeftijden=(150,))
    aanwezigheid_noteren(inschrijving=aanwezig, aanwezig=True)
    bereik = _bereik(moment)
    aantallen = list(
        Inschrijving.objects.order_by("pk").values_list(
            "status", "volwassenen", "kinderen", "woonplaats", "aanwezig"
        )
    )
    # 2 + 2 + 2 + 1 + 1 + 1 people, of whom the 3 of the family ticked present.
    assert sum(r[2] for r in bereik) == 9
    assert sum(r[3] for r in bereik) == 3

    assert persoonsgegevens_opruimen(nu=_grens(moment) + dt.timedelta(days=1)) == 3

    assert _bereik(moment) == bereik
    assert (
        list(
            Inschrijving.objects.order_by("pk").values_list(
                "status", "volwassenen", "kinderen", "woonplaats", "aanwezig"
            )
        )
        == aantallen
    )


def test_opruimen_is_idempotent(moment):
    inschrijving = _inschrijven(moment, "Gezin Peeters")
    nu = _grens(moment) + dt.timedelta(days=1)
    assert persoonsgegevens_opruimen(nu=nu) == 1
    inschrijving.refresh_from_db()
    gewist_op = inschrijving.gewist_op
    entries = LogEntry.objects.get_for_object(inschrijving).count()

    assert persoonsgegevens_opruimen(nu=nu) == 0
    assert persoonsgegevens_opruimen(nu=nu + dt.timedelta(days=30)) == 0

    inschrijving.refresh_from_db()
    assert inschrijving.gewist_op == gewist_op
    assert LogEntry.objects.get_for_object(inschrijving).count() == entries


def test_langere_bewaartermijn_uit_de_instelling(moment, settings):
    settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN = 6
    _inschrijven(moment, "Gezin Peeters")

    assert persoonsgegevens_opruimen(nu=_grens(moment, 3) + dt.timedelta(days=1)) == 0
    assert persoonsgegevens_opruimen(nu=_grens(moment, 6)) == 0
    assert persoonsgegevens_opruimen(nu=_grens(moment, 6) + dt.timedelta(seconds=1)) == 1


def test_auditlog_bevat_geen_persoonsgegevens(moment):
    inschrijving = _inschrijven(moment, "Gezin Kowalski", opmerking="Rolstoel, graag gelijkvloers")
    aanwezigheid_noteren(inschrijving=inschrijving, aanwezig=True)
    geheim = [
        "Kowalski",
        "kowalski@example.org",
        "0470 12 34 56",
        "Rolstoel",
    ]

    persoonsgegevens_opruimen(nu=_grens(moment) + dt.timedelta(days=1))

    entries = list(LogEntry.objects.get_for_object(inschrijving))
    # Created, ticked present, erased: each step is in the log, and says when it was erased.
    assert len(entries) == 3
    assert any("gewist_op" in (e.changes or {}) for e in entries)
    for entry in entries:
        for veld in PERSOONLIJK:
            assert veld not in (entry.changes or {}), (entry.action, veld)
        inhoud = " ".join(str(getattr(entry, f.attname)) for f in LogEntry._meta.concrete_fields)
        for waarde in geheim:
            assert waarde not in inhoud, (entry.action, waarde)


def test_een_mail_voor_een_gewiste_inschrijving_wordt_niet_verstuurd(moment):
    inschrijving = _inschrijven(moment, "Gezin Peeters")
    persoonsgegevens_opruimen(nu=_grens(moment) + dt.timedelta(days=1))
    mail.outbox.clear()

    resultaat = inschrijvingsmail.enqueue(inschrijving_id=inschrijving.pk, soort="herinnering")

    assert resultaat.return_value == "overgeslagen"
    assert mail.outbox == []


def _naar_het_verleden(moment, geleden: relativedelta) -> None:
    """Move a moment (registered for while it was still to come) back in time."""
    einde = timezone.now() - geleden
    Moment.objects.filter(pk=moment.pk).update(begin=einde - dt.timedelta(hours=2), einde=einde)


def test_commando_wist_alleen_wat_ouder_is_dan_de_bewaartermijn(moment):
    later = MomentFactory(activiteit=moment.activiteit, begin=moment.begin, einde=moment.einde)
    oud = _inschrijven(moment, "Gezin Peeters")
    jong = _inschrijven(later, "Gezin Janssens")
    _naar_het_verleden(moment, relativedelta(months=3, days=1))
    _naar_het_verleden(later, relativedelta(months=2, days=27))
    uitvoer = StringIO()

    call_command("inschrijvingen_opruimen", stdout=uitvoer)

    assert uitvoer.getvalue().strip() == (
        "Persoonsgegevens van 1 inschrijving gewist (moment meer dan 3 maanden voorbij)."
    )
    oud.refresh_from_db()
    jong.refresh_from_db()
    assert oud.is_gewist and oud.email == ""
    assert not jong.is_gewist and jong.email == "janssens@example.org"

    uitvoer = StringIO()
    call_command("inschrijvingen_opruimen", stdout=uitvoer)
    assert uitvoer.getvalue().startswith("Persoonsgegevens van 0 inschrijvingen gewist")


def test_taak_ruimt_op_via_de_takenlijst(moment):
    inschrijving = _inschrijven(moment, "Gezin Peeters")
    _naar_het_verleden(moment, relativedelta(months=4))

    resultaat = inschrijvingen_opruimen.enqueue()

    assert resultaat.return_value == 1
    inschrijving.refresh_from_db()
    assert inschrijving.is_gewist


def test_plaatsen_per_gezin_telt_na_het_wissen_nog_altijd_personen_in_het_bereik(moment):
    moment.activiteit.plaatsen_per = Activiteit.PlaatsenPer.GEZIN
    moment.activiteit.save()
    _inschrijven(moment, "Gezin Peeters", volwassenen=1, leeftijden=(8, 30, 100))

    persoonsgegevens_opruimen(nu=_grens(moment) + dt.timedelta(days=1))

    # The reach counts people, whatever the seats count; the ages' bands stay, the ages go.
    assert sorted((r[1], r[2]) for r in _bereik(moment)) == [
        ("0-2", 2),
        ("6-11", 1),
        ("volwassene", 1),
    ]
    assert Inschrijving.objects.get().leeftijden == []

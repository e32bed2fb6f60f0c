"""Each activity's stored next moment (``komend_begin``), which sorts the public offer list."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod import selectors
from aanbod.models import Activiteit, Moment
from aanbod.services import komend_begin_bijwerken, momenten_uitrollen
from hvk.herhaling import lokale_tijd
from tests.factories import ActiviteitFactory, MomentFactory, ReeksFactory

pytestmark = pytest.mark.django_db

LIJST = reverse("aanbod:lijst")


def over(dagen: int, uur: int = 10) -> dt.datetime:
    return lokale_tijd(timezone.localdate() + dt.timedelta(days=dagen), dt.time(uur))


def moment(activiteit, dagen: int, **velden) -> Moment:
    begin = over(dagen)
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **velden
    )


def bewaard(activiteit) -> dt.datetime | None:
    return Activiteit.objects.values_list("komend_begin", flat=True).get(pk=activiteit.pk)


def titels(client) -> list[str]:
    response = client.get(LIJST)
    assert response.status_code == 200
    return [a.titel for a in response.context["activiteiten"]]


def test_volgt_elk_moment_dat_bewaard_verzet_afgelast_of_gewist_wordt():
    activiteit = ActiviteitFactory()
    assert bewaard(activiteit) is None

    later = moment(activiteit, 10)
    assert bewaard(activiteit) == later.begin
    eerder = moment(activiteit, 3)
    assert bewaard(activiteit) == eerder.begin

    eerder.begin, eerder.einde = over(20), over(20, 12)
    eerder.save()
    assert bewaard(activiteit) == later.begin

    later.geannuleerd = True
    later.save()
    assert bewaard(activiteit) == eerder.begin

    eerder.delete()
    assert bewaard(activiteit) is None


def test_een_activiteit_bewaren_schrijft_geen_verouderd_moment_terug():
    activiteit = ActiviteitFactory()
    geladen = Activiteit.objects.get(pk=activiteit.pk)
    eerste = moment(activiteit, 3)

    geladen.titel = "Nieuwe titel"
    geladen.save()

    assert bewaard(activiteit) == eerste.begin


def test_voorbije_momenten_tellen_niet():
    activiteit = ActiviteitFactory()
    moment(activiteit, -3)
    assert bewaard(activiteit) is None


def test_uitrollen_in_bulk_bewaart_het_volgende_moment():
    reeks = ReeksFactory(geldig_van=timezone.localdate())
    Activiteit.objects.filter(pk=reeks.activiteit_id).update(komend_begin=None)

    momenten_uitrollen(reeksen=[reeks], tot=timezone.localdate() + dt.timedelta(days=21))

    eerste = Moment.objects.filter(reeks=reeks).order_by("begin").first()
    assert eerste is not None
    assert bewaard(reeks.activiteit) == eerste.begin


def test_bijwerken_van_alles_herstelt_wat_buiten_de_signalen_om_veranderde():
    activiteit = ActiviteitFactory()
    eerste = moment(activiteit, 4)
    Activiteit.objects.update(komend_begin=None)

    assert komend_begin_bijwerken() == 1
    assert bewaard(activiteit) == eerste.begin


def test_lijst_sorteert_op_het_bewaarde_moment_zonder_de_momenten_te_lezen(client):
    """The sort trusts the stored value while it lies ahead: the moments are not looked at."""
    a = ActiviteitFactory(titel="A")
    moment(a, 2)
    b = ActiviteitFactory(titel="B")
    moment(b, 5)
    assert titels(client) == ["A", "B"]

    # Only the stored value changes: the list follows it.
    Activiteit.objects.filter(pk=a.pk).update(komend_begin=over(9))
    assert titels(client) == ["B", "A"]


def test_een_bewaard_moment_dat_al_begon_wordt_opnieuw_opgezocht(client):
    """Once the stored moment has begun, the list looks at the moments after all."""
    a = ActiviteitFactory(titel="A")
    moment(a, 2)
    moment(a, 8)
    b = ActiviteitFactory(titel="B")
    moment(b, 5)
    # As if A's moment of day 2 has passed since its value was stored: A's stored begin
    # lies in the past, its real next moment is on day 8 (B's on day 5 comes first).
    Moment.objects.filter(activiteit=a, begin=over(2)).update(begin=over(-2), einde=over(-2, 12))
    Activiteit.objects.filter(pk=a.pk).update(komend_begin=over(-2))

    assert titels(client) == ["B", "A"]
    kaart = {x.titel: x for x in selectors.aanbod_zoeken()}
    assert kaart["A"].volgend_begin == over(8)


def test_zoeken_op_een_vroeger_tijdstip_leest_de_momenten():
    """The stored value was made now; a search as of an earlier time cannot use it."""
    a = ActiviteitFactory(titel="A")
    voorbij = moment(a, -1)
    moment(a, 6)

    op = voorbij.begin - dt.timedelta(hours=1)
    [gevonden] = selectors.aanbod_zoeken(op=op)
    assert gevonden.volgend_begin == voorbij.begin
    assert gevonden.volgend_moment_id == voorbij.pk
    assert timezone.now() > op

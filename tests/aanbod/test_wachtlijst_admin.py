"""More seats set in the admin go to the waiting lists at once."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Inschrijving
from aanbod.services import Gezin, inschrijven
from tests.aanbod.test_admin import activiteit_gegevens, moment_op
from tests.factories import ActiviteitFactory

pytestmark = pytest.mark.django_db


def test_een_hogere_capaciteit_schrijft_de_wachtlijst_in_en_mailt_die_gezinnen(
    coordinator_client,
):
    activiteit = ActiviteitFactory(
        titel="Babyzwemmen", slug="babyzwemmen", capaciteit=1, inschrijving_vereist=True
    )
    moment = moment_op(activiteit, timezone.now() + dt.timedelta(days=3))
    inschrijven(moment=moment, gezin=Gezin(naam="An", email="an@example.org"))
    bo = inschrijven(moment=moment, gezin=Gezin(naam="Bo", email="bo@example.org"), wachtlijst=True)
    mail.outbox.clear()

    response = coordinator_client.post(
        reverse("admin:aanbod_activiteit_change", args=[activiteit.pk]),
        activiteit_gegevens(
            titel="Babyzwemmen",
            slug="babyzwemmen",
            locatie=activiteit.locatie_id,
            capaciteit="2",
            inschrijving_vereist="on",
        ),
        follow=True,
    )

    bo.refresh_from_db()
    assert bo.status == Inschrijving.Status.BEVESTIGD
    assert [m.to for m in mail.outbox] == [["bo@example.org"]]
    assert "1 gezin van de wachtlijst is nu ingeschreven" in response.content.decode()

"""A list page writes only rows the person may change: editable columns and actions.

A medewerker of Beerse sees the moments, visits and questions of the whole area, but the
"afgelast" box, the status select and the actions work only on rows of Beerse.
"""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from aanbod.models import Moment
from accounts.rechten import buiten_bereik_melding
from communicatie.models import Vraag
from locaties.models import Haltebezoek
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    HalteFactory,
    InschrijvingFactory,
    MomentFactory,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("snelle_wachtwoorden")]

MOMENTEN = reverse("admin:aanbod_moment_changelist")
BEZOEKEN = reverse("admin:locaties_haltebezoek_changelist")
VRAGEN = reverse("admin:communicatie_vraag_changelist")


@pytest.fixture
def medewerker(client, beerse):
    gebruiker = GebruikerFactory(rol="medewerker")
    gebruiker.gemeenten.add(beerse)
    client.force_login(gebruiker)
    return client


def lokaal_moment(gemeente):
    return MomentFactory(activiteit=ActiviteitFactory(bereik="lokaal", gemeenten=[gemeente]))


def regionaal_moment():
    return MomentFactory(activiteit=ActiviteitFactory(bereik="regionaal"))


def bezoek(gemeente):
    moment = MomentFactory.build()
    return Haltebezoek.objects.create(
        halte=HalteFactory(gemeente=gemeente), begin=moment.begin, einde=moment.einde
    )


def vraag(gemeente, naam="An"):
    return Vraag.objects.create(
        gemeente=gemeente, naam=naam, email="an@example.org", vraag="Wanneer is de babymassage?"
    )


def lijst_bewaren(client, url, rijen: dict):
    """POST a list page's editable columns: ``{pk: {field: value}}``, one form per row."""
    gegevens = {
        "form-TOTAL_FORMS": str(len(rijen)),
        "form-INITIAL_FORMS": str(len(rijen)),
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "Opslaan",
    }
    for i, (pk, velden) in enumerate(rijen.items()):
        gegevens[f"form-{i}-id"] = str(pk)
        gegevens.update({f"form-{i}-{naam}": waarde for naam, waarde in velden.items()})
    return client.post(url, gegevens)


def meldingen(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def formulier_van_rij(response, rij):
    return next(f for f in response.context["cl"].formset.forms if f.instance.pk == rij.pk)


# --- Editable columns ---------------------------------------------------------------------


def test_afgelast_vinkje_staat_alleen_aan_voor_momenten_van_de_eigen_gemeente(medewerker, beerse):
    eigen = lokaal_moment(beerse)
    regionaal = regionaal_moment()

    response = medewerker.get(MOMENTEN)

    assert not formulier_van_rij(response, eigen).fields["geannuleerd"].disabled
    assert formulier_van_rij(response, regionaal).fields["geannuleerd"].disabled


def test_medewerker_kan_een_regionaal_moment_niet_afgelasten_vanuit_de_lijst(medewerker):
    moment = regionaal_moment()
    InschrijvingFactory(moment=moment, email="gezin@example.org")

    response = lijst_bewaren(medewerker, MOMENTEN, {moment.pk: {"geannuleerd": "on"}})

    assert response.status_code == 403
    moment.refresh_from_db()
    assert not moment.geannuleerd
    assert mail.outbox == []


def test_medewerker_kan_een_moment_van_een_andere_gemeente_niet_afgelasten_vanuit_de_lijst(
    medewerker, turnhout
):
    moment = lokaal_moment(turnhout)

    response = lijst_bewaren(medewerker, MOMENTEN, {moment.pk: {"geannuleerd": "on"}})

    assert response.status_code == 403
    assert not Moment.objects.get(pk=moment.pk).geannuleerd


def test_medewerker_bewaart_de_lijst_met_momenten_van_anderen_erin(medewerker, beerse):
    eigen = lokaal_moment(beerse)
    regionaal = regionaal_moment()

    # As the browser sends it: a disabled box is not sent at all, its row's id is.
    response = lijst_bewaren(
        medewerker, MOMENTEN, {eigen.pk: {"geannuleerd": "on"}, regionaal.pk: {}}
    )

    assert response.status_code == 302
    assert Moment.objects.get(pk=eigen.pk).geannuleerd
    assert not Moment.objects.get(pk=regionaal.pk).geannuleerd


def test_medewerker_kan_een_bezoek_in_een_andere_gemeente_niet_annuleren_vanuit_de_lijst(
    medewerker, turnhout
):
    ander = bezoek(turnhout)

    response = lijst_bewaren(medewerker, BEZOEKEN, {ander.pk: {"geannuleerd": "on"}})

    assert response.status_code == 403
    assert not Haltebezoek.objects.get(pk=ander.pk).geannuleerd


def test_medewerker_annuleert_een_bezoek_in_de_eigen_gemeente_vanuit_de_lijst(medewerker, beerse):
    eigen = bezoek(beerse)

    response = lijst_bewaren(medewerker, BEZOEKEN, {eigen.pk: {"geannuleerd": "on"}})

    assert response.status_code == 302
    assert Haltebezoek.objects.get(pk=eigen.pk).geannuleerd


def test_medewerker_kan_de_status_van_een_vraag_van_een_andere_gemeente_niet_wijzigen(
    medewerker, turnhout
):
    ander = vraag(turnhout)

    response = lijst_bewaren(medewerker, VRAGEN, {ander.pk: {"status": "beantwoord"}})

    assert response.status_code == 403
    assert Vraag.objects.get(pk=ander.pk).status == Vraag.Status.NIEUW


def test_medewerker_zet_de_status_van_een_eigen_vraag_vanuit_de_lijst(medewerker, beerse):
    eigen = vraag(beerse)

    response = lijst_bewaren(medewerker, VRAGEN, {eigen.pk: {"status": "beantwoord"}})

    assert response.status_code == 302
    assert Vraag.objects.get(pk=eigen.pk).status == Vraag.Status.BEANTWOORD


# --- Questions are personal data ------------------------------------------------------------


def test_medewerker_ziet_alleen_de_vragen_die_naar_de_eigen_gemeente_gingen(
    medewerker, beerse, turnhout
):
    vraag(beerse, naam="Bram uit Beerse")
    vraag(turnhout, naam="Tine uit Turnhout")

    response = medewerker.get(VRAGEN)

    assert [v.naam for v in response.context["cl"].result_list] == ["Bram uit Beerse"]
    assert "Tine uit Turnhout" not in response.content.decode()


def test_vraag_van_een_andere_gemeente_openen_geeft_404(medewerker, turnhout):
    ander = vraag(turnhout)

    response = medewerker.get(reverse("admin:communicatie_vraag_change", args=[ander.pk]))

    assert response.status_code == 404


# --- Actions --------------------------------------------------------------------------------


def actie(client, url, naam, rijen, **meer):
    return client.post(
        url, {"action": naam, "_selected_action": [r.pk for r in rijen], "post": "yes", **meer}
    )


def test_medewerker_kan_een_vraag_van_een_andere_gemeente_niet_nu_wissen(medewerker, turnhout):
    ander = vraag(turnhout)

    actie(medewerker, VRAGEN, "nu_wissen", [ander])

    assert Vraag.objects.filter(pk=ander.pk).exists()


def test_medewerker_wist_een_vraag_van_de_eigen_gemeente_nu(medewerker, beerse):
    eigen = vraag(beerse)

    response = actie(medewerker, VRAGEN, "nu_wissen", [eigen])

    assert not Vraag.objects.filter(pk=eigen.pk).exists()
    assert "1 vraag gewist." in meldingen(response)


def test_actie_op_een_selectie_met_een_rij_buiten_het_bereik_doet_niets(medewerker, beerse):
    eigen = lokaal_moment(beerse)
    regionaal = regionaal_moment()

    response = actie(medewerker, MOMENTEN, "delete_selected", [eigen, regionaal])

    assert response.status_code == 302
    assert Moment.objects.filter(pk__in=[eigen.pk, regionaal.pk]).count() == 2
    assert buiten_bereik_melding(1) in meldingen(response)


def test_alles_selecteren_met_rijen_buiten_het_bereik_doet_niets(medewerker, beerse, turnhout):
    eigen = lokaal_moment(beerse)
    ander = lokaal_moment(turnhout)

    response = actie(medewerker, MOMENTEN, "delete_selected", [eigen], select_across="1")

    assert Moment.objects.filter(pk__in=[eigen.pk, ander.pk]).count() == 2
    assert buiten_bereik_melding(1) in meldingen(response)


def test_medewerker_verwijdert_eigen_momenten_met_de_actie(medewerker, beerse):
    eigen = lokaal_moment(beerse)

    actie(medewerker, MOMENTEN, "delete_selected", [eigen])

    assert not Moment.objects.filter(pk=eigen.pk).exists()

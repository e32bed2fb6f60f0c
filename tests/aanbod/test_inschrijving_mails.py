"""What a family reads in its mails: Dutch, plain text and HTML, the moment, the signed link."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format
from icalendar import Calendar

from aanbod.mails import inschrijvingsmail_maken
from aanbod.models import Inschrijving
from aanbod.services import Gezin, annuleren, gegevens_wissen, inschrijven, moment_afgelast
from aanbod.tasks import inschrijvingsmail
from hvk.herhaling import lokale_tijd
from tests.factories import ActiviteitFactory, LocatieFactory, MomentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moment(settings):
    settings.HVK_SITE_URL = "https://www.huisvanhetkind.example"
    settings.HVK_INSCHRIJVING_BEWAARTERMIJN_MAANDEN = 3
    dag = timezone.localdate() + dt.timedelta(days=10)
    begin = lokale_tijd(dag, dt.time(9, 30))
    return MomentFactory(
        activiteit=ActiviteitFactory(
            titel="Babymassage",
            slug="babymassage",
            inschrijving_vereist=True,
            capaciteit=2,
            locatie=LocatieFactory(
                naam="Huis van het Kind Beerse",
                straat="Bisschopslaan 2",
                postcode="2340",
                plaats="Beerse",
            ),
        ),
        begin=begin,
        einde=begin + dt.timedelta(hours=1, minutes=15),
    )


def html_van(bericht):
    [(html, soort)] = bericht.alternatives
    assert soort == "text/html"
    return html


def test_de_bevestiging_noemt_het_moment_de_plek_de_personen_en_de_link(moment):
    inschrijving = inschrijven(
        moment=moment,
        gezin=Gezin(naam="Fatima", email="fatima@example.org", volwassenen=1, leeftijden=(8,)),
    )

    [bericht] = mail.outbox
    assert bericht.to == ["fatima@example.org"]
    assert bericht.subject.startswith("Ingeschreven: Babymassage \N{EN DASH} ")
    tekst = bericht.body
    assert "Dag Fatima," in tekst
    assert "Je bent ingeschreven. Welkom!" in tekst
    assert "Wat: Babymassage" in tekst
    assert "09:30\N{EN DASH}10:45" in tekst
    assert "Waar: Huis van het Kind Beerse, Bisschopslaan 2, 2340 Beerse" in tekst
    assert "Met: 1 volwassene en 1 kind (8 maanden)" in tekst
    [link, sleutel] = re.search(
        r"(https://www\.huisvanhetkind\.example/aanbod/inschrijving/([^/\s]+)/)", tekst
    ).groups()
    assert Inschrijving.met_sleutel(sleutel) == inschrijving
    assert "We wissen ze 3 maanden na het moment" in tekst
    assert f"Wanneer: {date_format(timezone.localtime(moment.begin), 'l j F Y')}, 09:30" in tekst
    html = html_van(bericht)
    assert '<html lang="nl">' in html
    assert "Je bent ingeschreven" in html
    assert f'href="{link}"' in html


def test_de_bevestiging_heeft_het_moment_als_agendabestand(moment):
    inschrijven(moment=moment, gezin=Gezin(naam="An", email="an@example.org"))

    [(naam, inhoud, soort)] = mail.outbox[0].attachments
    assert naam == "afspraak.ics" and soort.startswith("text/calendar")
    [event] = Calendar.from_ical(inhoud).walk("VEVENT")
    assert event.decoded("dtstart") == moment.begin
    assert str(event["summary"]) == "Babymassage"
    assert "Bisschopslaan 2" in str(event["location"])


def test_op_de_wachtlijst_zegt_de_mail_dat_en_zit_er_geen_agendabestand_bij(moment):
    inschrijven(moment=moment, gezin=Gezin(naam="An", email="an@example.org", volwassenen=2))
    mail.outbox.clear()

    inschrijven(moment=moment, gezin=Gezin(naam="Bo", email="bo@example.org"), wachtlijst=True)

    [bericht] = mail.outbox
    assert bericht.subject.startswith("Op de wachtlijst: Babymassage")
    assert "Je staat op de wachtlijst" in bericht.body
    assert "automatisch in" in bericht.body
    assert bericht.attachments == []


def test_wie_doorschuift_krijgt_een_mail_met_agendabestand(moment):
    an = inschrijven(moment=moment, gezin=Gezin(naam="An", email="an@example.org", volwassenen=2))
    inschrijven(moment=moment, gezin=Gezin(naam="Bo", email="bo@example.org"), wachtlijst=True)
    mail.outbox.clear()

    annuleren(inschrijving=an)

    geannuleerd, plaats_vrij = mail.outbox
    assert geannuleerd.subject.startswith("Geannuleerd: Babymassage")
    assert "Je inschrijving is geannuleerd" in geannuleerd.body
    assert plaats_vrij.subject == "Er is een plaats vrij: je bent ingeschreven voor Babymassage"
    assert "Je stond op de wachtlijst en bent nu ingeschreven" in plaats_vrij.body
    assert plaats_vrij.attachments[0][0] == "afspraak.ics"


def test_een_afgelast_moment_krijgt_een_mail_zonder_agendabestand(moment):
    inschrijven(moment=moment, gezin=Gezin(naam="An", email="an@example.org"))
    mail.outbox.clear()
    moment.geannuleerd = True
    moment.save()

    assert moment_afgelast(moment=moment) == 1

    [bericht] = mail.outbox
    assert bericht.subject.startswith("Gaat niet door: Babymassage")
    assert "dit moment gaat niet door" in bericht.body
    assert bericht.attachments == []


def test_een_naam_met_html_staat_letterlijk_in_de_tekst_en_veilig_in_de_html(moment):
    inschrijven(moment=moment, gezin=Gezin(naam="<b>Bo</b> & co", email="bo@example.org"))

    [bericht] = mail.outbox
    assert "Dag <b>Bo</b> & co," in bericht.body
    html = html_van(bericht)
    assert "<b>Bo</b>" not in html
    assert "Dag &lt;b&gt;Bo&lt;/b&gt; &amp; co," in html


def test_een_mail_voor_wie_intussen_gewist_is_gaat_niet_meer_weg(moment):
    an = inschrijven(
        moment=moment, gezin=Gezin(naam="An", email="an@example.org"), verwittigen=False
    )
    gegevens_wissen(inschrijving=an)

    resultaat = inschrijvingsmail.enqueue(inschrijving_id=an.pk, soort="bevestiging")

    assert resultaat.return_value == "overgeslagen"
    assert mail.outbox == []


def test_elke_soort_mail_heeft_een_onderwerp_van_een_regel_en_tekst_en_html(moment):
    an = inschrijven(
        moment=moment, gezin=Gezin(naam="An", email="an@example.org"), verwittigen=False
    )

    for soort in ("bevestiging", "plaats_vrij", "annulering", "herinnering", "afgelast"):
        bericht = inschrijvingsmail_maken(Inschrijving.objects.get(pk=an.pk), soort)
        assert "\n" not in bericht.subject and "Babymassage" in bericht.subject
        assert bericht.body.startswith("Dag An,")
        assert "{%" not in bericht.body and "{{" not in bericht.body
        html = html_van(bericht)
        assert re.search(r"<h1[^>]*>[^<]+</h1>", html)
        assert "{%" not in html


def test_de_mailtaak_bewaart_alleen_het_nummer_van_de_inschrijving(moment):
    an = inschrijven(
        moment=moment, gezin=Gezin(naam="An", email="an@example.org"), verwittigen=False
    )

    resultaat = inschrijvingsmail.enqueue(inschrijving_id=an.pk, soort="herinnering")

    assert resultaat.kwargs == {"inschrijving_id": an.pk, "soort": "herinnering"}
    assert resultaat.args == []

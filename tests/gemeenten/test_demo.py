import datetime
from io import StringIO
from statistics import median

import pytest
from django.core.management import CommandError, call_command
from django.forms.models import model_to_dict

from accounts.demo import DEMO_EMAIL, DEMO_WACHTWOORD
from accounts.models import Gebruiker
from communicatie.models import Huisstijl
from gemeenten.models import Gemeente


def momentopname():
    return {
        "gemeenten": [model_to_dict(g) for g in Gemeente.objects.order_by("nis_code")],
        "huisstijl": [model_to_dict(h) for h in Huisstijl.objects.all()],
        "gebruikers": list(Gebruiker.objects.values_list("email", "is_staff", "is_superuser")),
    }


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("demo", stdout=StringIO())


def test_demo_twee_keer_laden_geeft_dezelfde_gegevens(demo):
    eerste = momentopname()

    call_command("demo", stdout=StringIO())

    assert momentopname() == eerste
    assert Gemeente.objects.count() == 5
    assert Huisstijl.objects.count() == 1
    assert Gebruiker.objects.count() == 1


def test_demo_herstelt_een_gewijzigde_demowaarde(demo):
    Gemeente.objects.filter(nis_code="13040").update(inwoners=50_000)

    call_command("demo", stdout=StringIO())

    assert Gemeente.objects.get(nis_code="13040").inwoners == 46_900


def test_demo_gemeenten_zijn_echte_vlaamse_gemeenten(demo):
    for gemeente in Gemeente.objects.all():
        gemeente.full_clean()


def test_demo_heeft_een_centrumstad_en_een_gemeente_met_duidelijk_meer_kansarmoede(demo):
    gemeenten = list(Gemeente.objects.order_by("-inwoners"))
    grootste, tweede = gemeenten[0], gemeenten[1]
    indexen = [g.kansarmoede_index for g in gemeenten]

    assert grootste.inwoners > 2 * tweede.inwoners
    assert max(indexen) > 2 * median(indexen)


def test_demo_login_werkt_voor_het_beheer(demo, client):
    assert client.login(email=DEMO_EMAIL, password=DEMO_WACHTWOORD)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "Gemeenten" in response.content.decode()


def test_demo_drukt_de_login_af(db, settings, capsys):
    settings.DEBUG = True

    call_command("demo")

    uitvoer = capsys.readouterr().out
    assert DEMO_EMAIL in uitvoer
    assert DEMO_WACHTWOORD in uitvoer


def test_demo_weigert_in_productie(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="hoort niet in productie"):
        call_command("demo")

    assert not Gemeente.objects.exists()


def test_demo_toont_elk_soort_signaal_minstens_een_keer(demo):
    from gemeenten.selectors.signalen import Signaal, signalen

    soorten = {s.soort for s in signalen(op=datetime.date(2026, 11, 25))}

    assert soorten == {
        Signaal.PRIORITEIT_ZONDER_WERKGROEP,
        Signaal.ORGAAN_ZONDER_GEMEENTE,
        Signaal.GEEN_AANSPREEKPUNT,
        Signaal.INZET_ACHTERSTAND,
    }


def test_demo_samenwerking_twee_keer_laden_geeft_geen_dubbels(demo):
    from gemeenten.models import Afvinking, Inzet, Lid, Partner, Visienota

    tellingen = [m.objects.count() for m in (Visienota, Inzet, Lid, Partner, Afvinking)]

    call_command("demo", stdout=StringIO())

    assert [m.objects.count() for m in (Visienota, Inzet, Lid, Partner, Afvinking)] == tellingen
    assert all(tellingen)

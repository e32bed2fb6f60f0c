"""The public offer pages: the filterable list at /aanbod/ and one activity's page."""

import datetime as dt
import json
import re
from decimal import Decimal
from html import unescape
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from PIL import Image

from aanbod import selectors
from aanbod.models import Doelgroep
from hvk.herhaling import lokale_tijd
from locaties.models import Taal
from tests.factories import (
    ActiviteitFactory,
    GemeenteFactory,
    InschrijvingFactory,
    LocatieFactory,
    MomentFactory,
    OpeningsuurFactory,
    PartnerFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

LIJST = reverse("aanbod:lijst")


@pytest.fixture
def turnhout():
    return GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")


@pytest.fixture
def beerse():
    return GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")


def over(dagen: int, uur: int = 10, minuut: int = 0) -> dt.datetime:
    """A local time ``dagen`` days from today."""
    return lokale_tijd(timezone.localdate() + dt.timedelta(days=dagen), dt.time(uur, minuut))


def moment(activiteit, dagen: int, uur: int = 10, **kwargs):
    begin = over(dagen, uur)
    return MomentFactory(
        activiteit=activiteit, begin=begin, einde=begin + dt.timedelta(hours=2), **kwargs
    )


def titels(client, query="") -> list[str]:
    response = client.get(LIJST + query)
    assert response.status_code == 200
    return [a.titel for a in response.context["activiteiten"]]


def tekst(response) -> str:
    """The page's visible text with the tags taken out and the spaces folded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


# --- The list and its filters ----------------------------------------------------------------


def test_lijst_toont_alleen_gepubliceerd_aanbod_het_eerstvolgende_eerst(client):
    later = ActiviteitFactory(titel="Later")
    moment(later, 10)
    straks = ActiviteitFactory(titel="Straks")
    moment(straks, 2)
    ActiviteitFactory(titel="Verborgen", gepubliceerd=False)

    assert titels(client) == ["Straks", "Later"]


def test_filter_gemeente_toont_regionaal_aanbod_en_lokaal_aanbod_voor_die_gemeente(
    client, turnhout, beerse
):
    ActiviteitFactory(titel="Regionaal", bereik="regionaal")
    ActiviteitFactory(titel="Voor Beerse", bereik="lokaal", gemeenten=[beerse])
    ActiviteitFactory(titel="Voor Turnhout", bereik="lokaal", gemeenten=[turnhout])
    ActiviteitFactory(titel="Voor beide", bereik="lokaal", gemeenten=[beerse, turnhout])

    assert sorted(titels(client, "?gemeente=beerse")) == ["Regionaal", "Voor Beerse", "Voor beide"]


@pytest.mark.parametrize(
    ("leeftijd", "verwacht"),
    [
        ("0", ["Alle leeftijden", "Baby's", "Tot 1 jaar"]),
        ("1", ["Alle leeftijden", "Baby's"]),
        ("3", ["Alle leeftijden", "Peuters", "Vanaf 3 jaar"]),
        ("12", ["Alle leeftijden", "Vanaf 3 jaar"]),
    ],
)
def test_filter_leeftijd_toont_aanbod_waarvan_het_bereik_dat_levensjaar_raakt(
    client, leeftijd, verwacht
):
    ActiviteitFactory(titel="Baby's", leeftijd_van=3, leeftijd_tot=18)
    ActiviteitFactory(titel="Tot 1 jaar", leeftijd_van=0, leeftijd_tot=11)
    ActiviteitFactory(titel="Peuters", leeftijd_van=24, leeftijd_tot=36)
    ActiviteitFactory(titel="Vanaf 3 jaar", leeftijd_van=36)
    ActiviteitFactory(titel="Alle leeftijden")

    assert sorted(titels(client, f"?leeftijd={leeftijd}")) == verwacht


def test_filter_doelgroep(client):
    ouders = ActiviteitFactory(titel="Voor aanstaande ouders")
    ouders.doelgroepen.set([Doelgroep.objects.get(slug="aanstaande-ouders")])
    ActiviteitFactory(titel="Voor iedereen")

    assert titels(client, "?doelgroep=aanstaande-ouders") == ["Voor aanstaande ouders"]


def test_filter_pijler(client):
    ActiviteitFactory(titel="Consultatie", pijler="gezondheid")
    ActiviteitFactory(titel="Speelgroep", pijler="ontmoeting")

    assert titels(client, "?pijler=gezondheid") == ["Consultatie"]


def test_filter_thema(client):
    slapen = ActiviteitFactory(titel="Slapen")
    slapen.themas.set([ThemaFactory(naam="Slaap", slug="slaap")])
    ActiviteitFactory(titel="Spelen")

    assert titels(client, "?thema=slaap") == ["Slapen"]


def test_filter_periode_toont_aanbod_met_een_moment_erin_en_doorlopend_aanbod(client):
    erin = ActiviteitFactory(titel="In de periode")
    moment(erin, 10)
    ervoor = ActiviteitFactory(titel="Ervoor")
    moment(ervoor, 3)
    afgelast = ActiviteitFactory(titel="Afgelast in de periode")
    moment(afgelast, 11, geannuleerd=True)
    ActiviteitFactory(titel="Doorlopend", doorlopend=True)
    van = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    tot = (timezone.localdate() + dt.timedelta(days=14)).isoformat()

    assert titels(client, f"?van={van}&tot={tot}") == ["In de periode", "Doorlopend"]


def test_filter_periode_toont_het_volgende_moment_binnen_die_periode(client):
    act = ActiviteitFactory(titel="Wekelijks")
    moment(act, 3)
    in_periode = moment(act, 10)
    van = (timezone.localdate() + dt.timedelta(days=7)).isoformat()

    response = client.get(f"{LIJST}?van={van}")

    assert response.context["activiteiten"][0].volgend_moment == in_periode


def test_filter_inloop_toont_alleen_aanbod_zonder_inschrijving(client):
    ActiviteitFactory(titel="Binnenlopen", inschrijving_vereist=False)
    ActiviteitFactory(titel="Cursus", inschrijving_vereist=True)

    assert titels(client, "?inloop=on") == ["Binnenlopen"]


def test_filter_gratis(client):
    ActiviteitFactory(titel="Gratis")
    ActiviteitFactory(titel="Betalend", prijs=Decimal("12.50"))

    assert titels(client, "?gratis=1") == ["Gratis"]


def test_filter_toegankelijk_toont_alleen_plekken_voor_een_rolstoel(client):
    ActiviteitFactory(titel="Gelijkvloers", locatie=LocatieFactory(rolstoeltoegankelijk=True))
    ActiviteitFactory(titel="Trap", locatie=LocatieFactory(rolstoeltoegankelijk=False))
    ActiviteitFactory(titel="Niet gekend", locatie=LocatieFactory(rolstoeltoegankelijk=None))

    assert titels(client, "?toegankelijk=on") == ["Gelijkvloers"]


def test_filter_taal(client):
    arabisch = ActiviteitFactory(titel="Met Arabisch")
    arabisch.talen.set(Taal.objects.filter(code__in=["nl", "ar"]))
    nederlands = ActiviteitFactory(titel="Alleen Nederlands")
    nederlands.talen.set(Taal.objects.filter(code="nl"))

    assert titels(client, "?taal=ar") == ["Met Arabisch"]


@pytest.mark.parametrize("zoekterm", ["BABY", "massage", "olie", "baby+olie"])
def test_zoeken_in_titel_samenvatting_en_beschrijving_zonder_op_hoofdletters_te_letten(
    client, zoekterm
):
    ActiviteitFactory(
        titel="Babymassage",
        samenvatting="Leer je baby masseren.",
        beschrijving="Breng een handdoek en olie mee.",
    )
    ActiviteitFactory(titel="Speelgroep", samenvatting="Samen spelen.")

    assert titels(client, f"?q={zoekterm}") == ["Babymassage"]


def test_filters_combineren(client, beerse, turnhout):
    raak = ActiviteitFactory(
        titel="Raak",
        pijler="gezondheid",
        bereik="lokaal",
        gemeenten=[beerse],
        leeftijd_van=0,
        leeftijd_tot=36,
        locatie=LocatieFactory(rolstoeltoegankelijk=True),
    )
    raak.talen.set(Taal.objects.filter(code="fr"))
    moment(raak, 5)
    ActiviteitFactory(titel="Andere pijler", pijler="ontmoeting", leeftijd_van=0)
    ActiviteitFactory(
        titel="Andere gemeente", pijler="gezondheid", bereik="lokaal", gemeenten=[turnhout]
    )
    ActiviteitFactory(titel="Betalend", pijler="gezondheid", prijs=5)
    ActiviteitFactory(titel="Te oud", pijler="gezondheid", leeftijd_van=144)

    assert titels(
        client, "?gemeente=beerse&pijler=gezondheid&leeftijd=2&gratis=on&toegankelijk=on&taal=fr"
    ) == ["Raak"]


def test_kaart_toont_volgend_moment_plek_prijs_voor_wie_en_inschrijven(client, beerse):
    act = ActiviteitFactory(
        titel="Babymassage",
        samenvatting="Vijf ochtenden baby's masseren.",
        pijler="gezondheid",
        bereik="lokaal",
        gemeenten=[beerse],
        prijs=Decimal("25"),
        inschrijving_vereist=True,
        locatie=LocatieFactory(naam="Antenne Beerse", plaats="Beerse"),
    )
    moment(act, 2, uur=9, locatie=LocatieFactory(naam="Bibliotheek", plaats="Vlimmeren"))
    moment(act, 9)
    ActiviteitFactory(titel="Inloop", doorlopend=True)

    response = client.get(LIJST)
    inhoud = tekst(response)

    assert "Vijf ochtenden baby's masseren." in inhoud
    assert "Preventieve gezondheidszorg" in inhoud
    assert "inwoners van Beerse" in inhoud
    assert f"{date_format(over(2, 9), 'l j F Y')}, 9.00 \N{EN DASH} 11.00 uur" in inhoud
    assert "Bibliotheek, Vlimmeren" in inhoud
    assert "€ 25,00" in inhoud
    assert "Inschrijven nodig" in inhoud
    assert "doorlopend, tijdens de openingsuren" in inhoud
    assert "inwoners van alle gemeenten" in inhoud
    assert f'href="{reverse("aanbod:detail", args=[act.slug])}"' in response.content.decode()


def test_paginering_houdt_de_filters_vast(client):
    for i in range(23):
        moment(ActiviteitFactory(titel=f"Speelgroep {i:02d}", pijler="ontmoeting"), 1 + i)
    ActiviteitFactory(titel="Consultatie", pijler="gezondheid")

    eerste = client.get(LIJST + "?pijler=ontmoeting")
    tweede = client.get(LIJST + "?pijler=ontmoeting&page=2")

    assert len(eerste.context["activiteiten"]) == 20
    assert 'href="?pijler=ontmoeting&amp;page=2"' in eerste.content.decode()
    assert [a.titel for a in tweede.context["activiteiten"]] == [
        "Speelgroep 20",
        "Speelgroep 21",
        "Speelgroep 22",
    ]
    assert 'href="?pijler=ontmoeting&amp;page=1"' in tweede.content.decode()
    assert "23 activiteiten gevonden, pagina 2 van 2" in tekst(tweede)


def test_veel_paginas_worden_ingekort_met_een_beletselteken(client, monkeypatch):
    monkeypatch.setattr("aanbod.views.PER_PAGINA", 1)
    for i in range(9):
        ActiviteitFactory(titel=f"Aanbod {i}")

    response = client.get(LIJST + "?page=5")
    html = response.content.decode()

    assert response.context["paginas"] == [1, None, 4, 5, 6, None, 9]
    assert '<span class="page-link">…</span>' in html
    assert re.search(r'aria-current="page" href="\?page=5"', html)
    assert 'rel="prev" href="?page=4"' in html and 'rel="next" href="?page=6"' in html


def test_actieve_filters_staan_er_als_weg_te_halen_keuzes(client, beerse):
    ActiviteitFactory(titel="Consultatie", pijler="gezondheid")

    response = client.get(LIJST + "?pijler=gezondheid&gemeente=beerse&gratis=on")
    html = response.content.decode()

    assert "Soort aanbod: preventieve gezondheidszorg" in tekst(response)
    assert "Ik woon in: Beerse" in tekst(response)
    # Each chip links to the same list without its own filter.
    assert 'href="/aanbod/?gemeente=beerse&amp;gratis=1"' in html
    assert 'href="/aanbod/?gemeente=beerse&amp;pijler=gezondheid"' in html
    assert "Alle filters weghalen" in html


def test_geen_resultaten_noemt_de_filters_en_biedt_weghaallinks(client, beerse):
    ActiviteitFactory(titel="Consultatie", pijler="gezondheid")

    response = client.get(LIJST + "?pijler=ontmoeting&gemeente=beerse")
    html = response.content.decode()

    assert response.context["activiteiten"] == []
    assert "Geen aanbod gevonden" in html
    assert "Soort aanbod: ontmoeting" in tekst(response)
    assert 'href="/aanbod/?gemeente=beerse"' in html
    assert 'href="/aanbod/?pijler=ontmoeting"' in html
    assert "Alle filters weghalen en alles tonen" in html
    assert "0 activiteiten gevonden" in tekst(response)


def test_het_formulier_toont_de_gekozen_filters(client):
    response = client.get(LIJST + "?pijler=opvoeding&q=slapen&inloop=on")
    html = response.content.decode()

    assert '<option value="opvoeding" selected>' in html
    assert 'value="slapen"' in html
    assert re.search(r'<input[^>]*name="inloop"[^>]*checked', html)


def test_htmx_krijgt_alleen_de_resultaten_met_het_aantal_voor_de_schermlezer(client):
    ActiviteitFactory(titel="Consultatie", pijler="gezondheid")
    ActiviteitFactory(titel="Speelgroep", pijler="ontmoeting")

    response = client.get(
        LIJST + "?q=&pijler=gezondheid&gemeente=&leeftijd=", headers={"HX-Request": "true"}
    )
    html = response.content.decode()

    assert "<html" not in html and "<form" not in html
    assert [a.titel for a in response.context["activiteiten"]] == ["Consultatie"]
    assert re.search(
        r'<p id="aanbod-aantal" hx-swap-oob="innerHTML">\s*1 activiteit gevonden', html
    )
    # The address bar gets the tidy URL, not every empty field of the form.
    assert response.headers["HX-Push-Url"] == "/aanbod/?pijler=gezondheid"
    assert "HX-Request" in response.headers["Vary"]


def test_de_volledige_pagina_heeft_een_live_regio_en_laadt_htmx_van_de_eigen_server(client):
    html = client.get(LIJST).content.decode()

    assert re.search(r'<p id="aanbod-aantal"[^>]*role="status"', html)
    assert 'hx-get="/aanbod/"' in html and 'hx-target="#aanbod-resultaten"' in html
    assert 'hx-push-url="true"' in html
    assert re.search(r'<script src="/static/django_htmx/htmx-2\.min\.js"', html)
    assert "https://" not in re.sub(r'href="https://[^"]*"', "", html.split("<main")[0])


@pytest.mark.parametrize(
    ("query", "bericht"),
    [
        ("?leeftijd=abc", "De leeftijd moet een getal van 0 tot 25 jaar zijn."),
        ("?leeftijd=30", "De leeftijd moet een getal van 0 tot 25 jaar zijn."),
        ("?van=2026-13-45", "De begindatum is geen geldige datum."),
        ("?tot=morgen", "De einddatum is geen geldige datum."),
        ("?tot=9999-12-31", "De einddatum is geen geldige datum."),
        ("?q=baby%00", "Je zoekterm bevat tekens die we niet kunnen gebruiken."),
        ("?gemeente=beer%00se", "We kennen die gemeente niet."),
        ("?q=" + "x" * 10_000, "We zoeken alleen met de eerste 200 tekens."),
        ("?gemeente=atlantis", "We kennen die gemeente niet."),
        ("?doelgroep=marsmannetjes", "We kennen die doelgroep niet."),
        ("?thema=bestaat-niet", "We kennen dat thema niet."),
        ("?taal=klingon", "We kennen die taal niet."),
        ("?pijler=sport", "We kennen dat soort aanbod niet."),
        ("?page=999", "Pagina 999 bestaat niet. Je ziet pagina 1."),
        ("?page=x", "Pagina x bestaat niet. Je ziet pagina 1."),
        ("?page=-3", "Pagina -3 bestaat niet. Je ziet pagina 1."),
    ],
)
def test_foute_invoer_geeft_een_gewone_pagina_met_een_vriendelijke_uitleg(client, query, bericht):
    ActiviteitFactory(titel="Consultatie")

    response = client.get(LIJST + query)

    assert response.status_code == 200
    assert bericht in tekst(response)
    assert "Niet alles wat je vroeg, konden we gebruiken" in tekst(response)


def test_een_fout_filter_laat_de_andere_filters_werken(client):
    ActiviteitFactory(titel="Consultatie", pijler="gezondheid")
    ActiviteitFactory(titel="Speelgroep", pijler="ontmoeting")

    assert titels(client, "?pijler=gezondheid&leeftijd=abc") == ["Consultatie"]


def test_een_te_lange_zoekterm_wordt_ingekort_en_toch_gebruikt(client):
    ActiviteitFactory(titel="Babymassage")

    response = client.get(LIJST + "?q=baby" + "x" * 300)

    assert response.context["form"].initial["q"] == "baby" + "x" * 196


def test_een_te_hoge_pagina_toont_de_laatste_pagina(client):
    for i in range(21):
        ActiviteitFactory(titel=f"Aanbod {i:02d}")

    response = client.get(LIJST + "?page=999")

    assert response.context["pagina"].number == 2
    assert "Pagina 999 bestaat niet. Je ziet pagina 2." in tekst(response)


def test_einddatum_voor_begindatum_wordt_omgewisseld(client):
    act = ActiviteitFactory(titel="In de periode")
    moment(act, 10)
    van = (timezone.localdate() + dt.timedelta(days=14)).isoformat()
    tot = (timezone.localdate() + dt.timedelta(days=7)).isoformat()

    response = client.get(f"{LIJST}?van={van}&tot={tot}")

    assert [a.titel for a in response.context["activiteiten"]] == ["In de periode"]
    assert "We hebben ze omgewisseld." in tekst(response)


@pytest.mark.parametrize("aantal", [1, 3])
def test_lijst_kost_evenveel_queries_met_een_of_drie_activiteiten(
    client, django_assert_num_queries, beerse, aantal
):
    for i in range(aantal):
        act = ActiviteitFactory(
            titel=f"Aanbod {i}", bereik="lokaal", gemeenten=[beerse], pijler="gezondheid"
        )
        moment(act, 3 + i, locatie=LocatieFactory())
        moment(act, 10 + i)

    # Huisstijl, the footer's gemeenten and pages; the filter form's gemeente check and its four
    # choice lists; count, page, gemeenten of the page, next moments.
    with django_assert_num_queries(12):
        response = client.get(LIJST + "?gemeente=beerse&pijler=gezondheid")

    assert len(response.context["activiteiten"]) == aantal


# --- One activity ------------------------------------------------------------------------------


@pytest.fixture
def babymassage(beerse):
    locatie = LocatieFactory(
        naam="Antenne Beerse",
        straat="Kerkstraat 16",
        postcode="2340",
        plaats="Beerse",
        telefoon="014 00 00 16",
        rolstoeltoegankelijk=True,
        kinderwagentoegankelijk=False,
        verzorgingstafel=None,
    )
    act = ActiviteitFactory(
        titel="Babymassage",
        slug="babymassage",
        samenvatting="Vijf ochtenden leren hoe je je baby masseert.",
        beschrijving="Breng een handdoek mee.\n\nOlie is er <b>gratis</b>.",
        pijler="gezondheid",
        bereik="lokaal",
        gemeenten=[beerse],
        leeftijd_van=1,
        leeftijd_tot=9,
        prijs=Decimal("25"),
        sociaal_tarief=Decimal("5"),
        uitpas=True,
        inschrijving_vereist=True,
        capaciteit=3,
        locatie=locatie,
    )
    act.themas.set([ThemaFactory(naam="Gezondheid", slug="gezondheid")])
    act.doelgroepen.set([Doelgroep.objects.get(slug="gezinnen-0-3")])
    act.talen.set(Taal.objects.filter(code__in=["nl", "ar"]))
    act.partners.set([PartnerFactory(naam="Gezinsbond Beerse")])
    return act


def test_detail_toont_de_feiten_in_woorden(client, babymassage):
    response = client.get(reverse("aanbod:detail", args=["babymassage"]))
    inhoud = tekst(response)

    assert response.status_code == 200
    assert "<h1>Babymassage</h1>" in response.content.decode()
    assert "Preventieve gezondheidszorg" in inhoud
    assert "gezinnen met jonge kinderen (0-3 jaar)" in inhoud
    assert "1 tot 9 maanden" in inhoud
    assert "inwoners van Beerse" in inhoud
    assert "Arabisch, Nederlands" in inhoud
    assert "€ 25,00" in inhoud
    assert "Sociaal tarief: € 5,00" in inhoud
    assert "UiTPAS" in inhoud
    assert "Gezondheid" in inhoud
    assert "Gezinsbond Beerse" in inhoud


def test_detail_toont_de_beschrijving_veilig_met_alinea_s(client, babymassage):
    html = client.get(reverse("aanbod:detail", args=["babymassage"])).content.decode()

    assert "<p>Breng een handdoek mee.</p>" in html
    assert "Olie is er &lt;b&gt;gratis&lt;/b&gt;." in html


def test_detail_toont_de_plek_met_route_en_toegankelijkheid_in_woorden(client, babymassage):
    response = client.get(reverse("aanbod:detail", args=["babymassage"]))
    inhoud = tekst(response)

    assert "Antenne Beerse" in inhoud
    assert "Kerkstraat 16, 2340 Beerse" in inhoud
    assert babymassage.locatie.routelink in response.content.decode()
    assert "Rolstoeltoegankelijk ✓ ja" in inhoud
    assert "Toegankelijk met kinderwagen ✕ nee" in inhoud
    assert "Verzorgingstafel ? niet gekend" in inhoud


def test_detail_toont_komende_momenten_afgelaste_en_een_andere_plek(client, babymassage):
    moment(babymassage, 2, uur=9)
    moment(babymassage, 9, uur=9, geannuleerd=True)
    moment(babymassage, 16, uur=9, locatie=LocatieFactory(naam="Bib Vlimmeren"))
    moment(babymassage, -3)  # over: not shown

    response = client.get(reverse("aanbod:detail", args=["babymassage"]))
    momenten = response.context["momenten"]
    inhoud = tekst(response)

    assert len(momenten) == 3
    assert "Afgelast: gaat niet door" in inhoud
    assert "Let op, andere plek: Bib Vlimmeren" in inhoud
    assert reverse("aanbod:kalender_activiteit", args=["babymassage"]) in response.content.decode()


def test_detail_toont_tien_momenten_die_doorgaan_en_de_afgelaste_ertussen(client, babymassage):
    for i in range(12):
        moment(babymassage, 1 + i, geannuleerd=i in (2, 5))

    response = client.get(reverse("aanbod:detail", args=["babymassage"]))
    momenten = response.context["momenten"]

    assert len(momenten) == 12
    assert len([m for m in momenten if not m.geannuleerd]) == 10

    moment(babymassage, 20)
    response = client.get(reverse("aanbod:detail", args=["babymassage"]))

    assert len(response.context["momenten"]) == 12


def test_detail_rekent_vrije_plaatsen_uit_bevestigde_inschrijvingen(client, babymassage):
    half = moment(babymassage, 2)
    InschrijvingFactory(moment=half, volwassenen=1, kinderen=1)
    InschrijvingFactory(moment=half, volwassenen=1, kinderen=1, status="wachtlijst")
    InschrijvingFactory(moment=half, volwassenen=1, kinderen=0, status="geannuleerd")
    vol = moment(babymassage, 9)
    InschrijvingFactory(moment=vol, volwassenen=2, kinderen=1)
    moment(babymassage, 16)

    response = client.get(reverse("aanbod:detail", args=["babymassage"]))
    inhoud = tekst(response)

    assert [m.vrije_plaatsen for m in response.context["momenten"]] == [1, 0, 3]
    assert "nog 1 plaats vrij" in inhoud
    assert "Volzet" in inhoud
    assert "nog 3 plaatsen vrij" in inhoud
    assert "Inschrijven is nodig." in inhoud
    assert "Kies hierboven een moment" in inhoud
    assert "014 00 00 16" in inhoud


def test_detail_telt_per_gezin_als_de_activiteit_dat_zegt(client, babymassage):
    babymassage.plaatsen_per = "gezin"
    babymassage.save()
    m = moment(babymassage, 2)
    InschrijvingFactory(moment=m, volwassenen=2, kinderen=3)

    response = client.get(reverse("aanbod:detail", args=["babymassage"]))

    assert response.context["momenten"][0].vrije_plaatsen == 2
    assert "nog 2 plaatsen vrij (per gezin)" in tekst(response)


def test_detail_zonder_inschrijving_zegt_dat_je_gewoon_langskomt(client):
    act = ActiviteitFactory(slug="inloop", inschrijving_vereist=False)
    moment(act, 2)

    inhoud = tekst(client.get(reverse("aanbod:detail", args=["inloop"])))

    assert "Je hoeft niet in te schrijven." in inhoud
    assert "plaatsen vrij" not in inhoud


def test_detail_van_doorlopend_aanbod_toont_de_openingsuren(client):
    locatie = LocatieFactory(naam="Babbelonie")
    vandaag = timezone.localdate()
    OpeningsuurFactory(
        locatie=locatie,
        weekdag=vandaag.weekday(),
        begin=dt.time(13, 30),
        einde=dt.time(16),
        vrije_inloop=True,
    )
    ActiviteitFactory(slug="vrije-inloop", doorlopend=True, locatie=locatie)

    inhoud = tekst(client.get(reverse("aanbod:detail", args=["vrije-inloop"])))

    assert "Dit aanbod loopt altijd door." in inhoud
    assert "Openingsuren van Babbelonie" in inhoud
    assert "13.30\N{EN DASH}16.00 uur (vrije inloop)" in inhoud
    assert "gesloten" in inhoud


def test_detail_linkt_naar_andere_versies_van_hetzelfde_aanbod(client, beerse, turnhout):
    generiek = ActiviteitFactory(titel="Lezing slapen", slug="lezing")
    ActiviteitFactory(
        titel="Lezing slapen (Beerse)",
        slug="lezing-beerse",
        generiek=generiek,
        bereik="lokaal",
        gemeenten=[beerse],
    )
    ActiviteitFactory(
        titel="Lezing slapen (Turnhout)",
        slug="lezing-turnhout",
        generiek=generiek,
        bereik="lokaal",
        gemeenten=[turnhout],
        gepubliceerd=False,
    )

    html = client.get(reverse("aanbod:detail", args=["lezing-beerse"])).content.decode()

    assert 'href="/aanbod/lezing/"' in html
    assert "/aanbod/lezing-turnhout/" not in html


def test_ongepubliceerd_aanbod_bestaat_niet_voor_het_publiek(client):
    ActiviteitFactory(slug="verborgen", gepubliceerd=False)

    assert client.get(reverse("aanbod:detail", args=["verborgen"])).status_code == 404
    assert client.get(reverse("aanbod:detail", args=["bestaat-niet"])).status_code == 404


def jsonld(response) -> dict:
    m = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(m.group(1))


def test_jsonld_van_een_enkel_moment_is_een_event(client, babymassage):
    m = moment(babymassage, 5, uur=9)

    data = jsonld(client.get(reverse("aanbod:detail", args=["babymassage"])))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert dt.datetime.fromisoformat(data["startDate"]) == m.begin
    assert dt.datetime.fromisoformat(data["endDate"]) == m.einde
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["postalCode"] == "2340"
    assert data["offers"]["price"] == "25.00"
    assert data["offers"]["priceCurrency"] == "EUR"


def test_jsonld_van_meer_momenten_is_een_reeks_met_afgelaste_momenten(client, babymassage):
    eerste = moment(babymassage, 5)
    moment(babymassage, 12, geannuleerd=True)

    data = jsonld(client.get(reverse("aanbod:detail", args=["babymassage"])))

    assert data["@type"] == "EventSeries"
    assert dt.datetime.fromisoformat(data["startDate"]) == eerste.begin
    assert [e["eventStatus"] for e in data["subEvent"]] == [
        "https://schema.org/EventScheduled",
        "https://schema.org/EventCancelled",
    ]


@pytest.mark.parametrize(
    ("van", "tot", "verwacht"),
    [(1, 9, "0-1"), (12, 36, "1-3"), (18, 30, "1-3"), (None, 6, "0-1"), (24, None, "2-")],
)
def test_jsonld_leeftijd_in_hele_jaren_naar_buiten_afgerond(
    client, babymassage, van, tot, verwacht
):
    babymassage.leeftijd_van, babymassage.leeftijd_tot = van, tot
    babymassage.save()
    moment(babymassage, 5)

    data = jsonld(client.get(reverse("aanbod:detail", args=["babymassage"])))

    assert data["typicalAgeRange"] == verwacht


def test_jsonld_kan_de_script_tag_niet_sluiten(client, babymassage):
    babymassage.samenvatting = "Gevaar </script><script>alert(1)</script>"
    babymassage.save()

    response = client.get(reverse("aanbod:detail", args=["babymassage"]))

    assert "</script><script>alert(1)" not in response.content.decode()
    assert jsonld(response)["description"] == babymassage.samenvatting


def test_detail_heeft_open_graph_en_een_canonieke_link(client, babymassage):
    html = client.get(reverse("aanbod:detail", args=["babymassage"])).content.decode()

    assert '<meta property="og:title" content="Babymassage">' in html
    assert (
        '<meta property="og:description" content="Vijf ochtenden leren hoe je je baby masseert.">'
        in html
    )
    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:url" content="http://testserver/aanbod/babymassage/">' in html
    assert html.count('rel="canonical"') == 1
    assert '<link rel="canonical" href="http://testserver/aanbod/babymassage/">' in html


def test_komende_momenten_kan_afgelaste_momenten_weglaten(beerse):
    act = ActiviteitFactory()
    gaat_door = moment(act, 2)
    moment(act, 3, geannuleerd=True)

    assert selectors.komende_momenten(afgelast=False) == [gaat_door]
    assert len(selectors.komende_momenten()) == 2


def test_detail_met_een_foto_geeft_die_aan_open_graph_en_json_ld(client, babymassage):
    png = BytesIO()
    Image.new("RGB", (4, 4), "orange").save(png, "PNG")
    babymassage.afbeelding = SimpleUploadedFile("massage.png", png.getvalue())
    babymassage.afbeelding_alt = "Een mama masseert haar baby op een handdoek."
    babymassage.save()

    response = client.get(reverse("aanbod:detail", args=["babymassage"]))
    html = response.content.decode()

    assert '<meta property="og:image" content="http://testserver/media/aanbod/massage' in html
    assert 'alt="Een mama masseert haar baby op een handdoek."' in html
    assert jsonld(response)["image"].startswith("http://testserver/media/aanbod/massage")


def test_aanbod_zonder_plek_toont_toch_een_pagina_en_een_kaart(client):
    act = ActiviteitFactory(titel="Thuisbezoek", slug="thuisbezoek", locatie=None)
    moment(act, 2)

    detail = client.get(reverse("aanbod:detail", args=["thuisbezoek"]))
    lijst = client.get(LIJST)

    assert detail.status_code == 200
    assert "location" not in jsonld(detail)
    assert [a.titel for a in lijst.context["activiteiten"]] == ["Thuisbezoek"]


@pytest.mark.parametrize("aantal", [1, 3])
def test_detail_kost_evenveel_queries_met_een_of_drie_van_alles(
    client, django_assert_num_queries, beerse, aantal
):
    locatie = LocatieFactory()
    act = ActiviteitFactory(
        slug="reeks",
        bereik="lokaal",
        gemeenten=[beerse],
        inschrijving_vereist=True,
        capaciteit=10,
        locatie=locatie,
    )
    act.themas.set([ThemaFactory() for _ in range(aantal)])
    act.partners.set([PartnerFactory() for _ in range(aantal)])
    act.talen.set(Taal.objects.all()[:aantal])
    for i in range(aantal):
        InschrijvingFactory(moment=moment(act, 2 + i, locatie=LocatieFactory()))

    # Huisstijl, footer gemeenten and pages; the activity with its seven prefetches; the
    # moments with their seats; the other versions.
    with django_assert_num_queries(13):
        response = client.get(reverse("aanbod:detail", args=["reeks"]))

    assert len(response.context["momenten"]) == aantal

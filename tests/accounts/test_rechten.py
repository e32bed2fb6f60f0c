"""Who may do what in the admin: every role against every admin model, own and other rows.

The matrix asks each registered ModelAdmin the questions Django's admin asks (module, view,
add, change, delete) for a person of each role, about a row of their own gemeente and a row of
another one, and compares the answers with the rules in ``accounts/rechten.py``.
"""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from aanbod.models import Activiteit, Bereikcijfer, Inschrijving, Moment
from accounts.rechten import BeperktBeheer
from communicatie.models import Nieuwsbericht, Vraag
from gemeenten.models import Gemeente, Inzet, Verwachting, Visienota, Zelfevaluatie
from locaties.models import Halte, Locatie, Uitzondering
from tests.factories import (
    ActiviteitFactory,
    GebruikerFactory,
    GemeenteFactory,
    HalteFactory,
    InschrijvingFactory,
    InzetFactory,
    LocatieFactory,
    MomentFactory,
    PartnerFactory,
    UitzonderingFactory,
    VisienotaFactory,
)
from tests.locaties.test_admin import locatie_gegevens
from tests.locaties.test_admin import wijzigen as wijzig_url

pytestmark = pytest.mark.django_db

ROLLEN = ["coordinator", "medewerker", "partner", "mandataris", "zonder_rol"]
# Admins of other packages: Django's own model permissions apply, which only superusers
# (coordinators) have; nobody gives them to other roles.
ANDERE_PAKKETTEN = {
    "account",
    "auth",
    "mfa",
    "auditlog",
    "accounts",
    "socialaccount",
    "django_tasks_database",  # the task queue of django-tasks-db
}


@pytest.fixture
def wereld(db):
    """Beerse (own gemeente of the medewerker) and Turnhout (another), a partner, and users."""
    eigen = GemeenteFactory(naam="Beerse", nis_code="13004", slug="beerse")
    ander = GemeenteFactory(naam="Turnhout", nis_code="13040", slug="turnhout")
    partner = PartnerFactory(naam="CAW De Kempen")
    gebruikers = {
        "coordinator": GebruikerFactory(rol="coordinator"),
        "medewerker": GebruikerFactory(rol="medewerker"),
        "partner": GebruikerFactory(rol="partner", partner=partner),
        "mandataris": GebruikerFactory(rol="mandataris"),
        "zonder_rol": GebruikerFactory(is_staff=True),
    }
    gebruikers["medewerker"].gemeenten.add(eigen)
    gebruikers["mandataris"].gemeenten.add(eigen)
    return {"eigen": eigen, "ander": ander, "partner": partner, "gebruikers": gebruikers}


def rijen(gemeente, partner=None):
    """One row of every scoped model that belongs to ``gemeente`` (and ``partner``)."""
    plek = LocatieFactory(gemeente=gemeente)
    activiteit = ActiviteitFactory(bereik="lokaal", gemeenten=[gemeente], locatie=plek)
    if partner:
        activiteit.partners.add(partner)
    moment = MomentFactory(activiteit=activiteit)
    cijfer = Bereikcijfer.objects.create(
        moment=moment,
        activiteit=activiteit,
        maand=moment.begin.date().replace(day=1),
        woonplaats=gemeente,
        leeftijdsgroep="volwassene",
        ingeschreven=1,
    )
    return {
        Gemeente: gemeente,
        Visienota: VisienotaFactory(gemeente=gemeente),
        Inzet: InzetFactory(gemeente=gemeente),
        Zelfevaluatie: Zelfevaluatie.objects.create(gemeente=gemeente, jaar=2026, fase="potgrond"),
        Verwachting: Verwachting.objects.create(
            gemeente=gemeente, jaar=2026, verwachting="Een antenne."
        ),
        Locatie: plek,
        Uitzondering: UitzonderingFactory(locatie=plek),
        Halte: HalteFactory(gemeente=gemeente),
        Activiteit: activiteit,
        Moment: moment,
        Inschrijving: InschrijvingFactory(moment=moment),
        Bereikcijfer: cijfer,
        Nieuwsbericht: Nieuwsbericht.objects.create(
            titel=f"Nieuws {gemeente}",
            slug=f"nieuws-{gemeente.slug}",
            inleiding="…",
            gemeente=gemeente,
        ),
        Vraag: Vraag.objects.create(
            gemeente=gemeente, naam="An", email="an@example.org", vraag="Wanneer?"
        ),
    }


def verzoek(gebruiker):
    request = RequestFactory().get("/admin/")
    request.user = gebruiker
    return request


def rechten(model_admin, request, obj):
    return {
        "zien": model_admin.has_view_permission(request, obj),
        "wijzigen": model_admin.has_change_permission(request, obj),
        "verwijderen": model_admin.has_delete_permission(request, obj),
    }


# What the issues ask, written out independently of the admins' own settings.
# Partners keep their activities and moments, and the registrations for them (issue #7);
# they read the anonymous reach of their own activities.
PARTNER_HOUDT_BIJ = {Activiteit, Moment, Inschrijving}
PARTNER_LEEST = {Bereikcijfer}
# Residents' registrations: a medewerker sees those of their own gemeenten' offer only, and
# only a coordinator deletes one (deleting loses the counts; erasing is the normal way).
PERSOONSGEGEVENS_PER_GEMEENTE = {Inschrijving}
ALLEEN_COORDINATOR_VERWIJDERT = {Inschrijving}
# Counts the registration services keep: nobody changes them by hand.
ALLEEN_LEZEN = {Bereikcijfer}


def verwacht(rol, model, eigen_rij: bool):
    """Every model in ``rijen`` is kept by the medewerker of its gemeente."""
    if rol == "coordinator":
        houdt_bij = model not in ALLEEN_LEZEN
        return {"zien": True, "wijzigen": houdt_bij, "verwijderen": houdt_bij}
    if model in ALLEEN_LEZEN:
        zien = rol == "medewerker" or (rol == "partner" and eigen_rij)
        return {"zien": zien, "wijzigen": False, "verwijderen": False}
    if rol == "medewerker":
        return {
            "zien": eigen_rij or model not in PERSOONSGEGEVENS_PER_GEMEENTE,
            "wijzigen": eigen_rij,
            "verwijderen": eigen_rij
            and model is not Gemeente
            and model not in ALLEEN_COORDINATOR_VERWIJDERT,
        }
    if rol == "partner" and model in PARTNER_HOUDT_BIJ | PARTNER_LEEST:
        wijzigen = eigen_rij and model in PARTNER_HOUDT_BIJ
        verwijderen = wijzigen and model not in ALLEEN_COORDINATOR_VERWIJDERT
        return {"zien": eigen_rij, "wijzigen": wijzigen, "verwijderen": verwijderen}
    return {"zien": False, "wijzigen": False, "verwijderen": False}


def verwacht_module(rol, model) -> bool:
    if rol in ("coordinator", "medewerker"):
        return True
    return rol == "partner" and model in PARTNER_HOUDT_BIJ | PARTNER_LEEST


def onze_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label not in ANDERE_PAKKETTEN
    ]


def test_elk_eigen_beheerscherm_vraagt_de_rechten_aan_een_plek():
    # A new admin that forgets the mixin would fall back to Django's model permissions:
    # this test makes it fail instead.
    zonder = [m.__name__ for m, ma in onze_admins() if not isinstance(ma, BeperktBeheer)]

    assert zonder == []


@pytest.mark.parametrize("rol", ROLLEN)
def test_matrix_van_rollen_en_beheerschermen_op_eigen_en_andere_rijen(wereld, rol):
    eigen = rijen(wereld["eigen"], partner=wereld["partner"])
    ander = rijen(wereld["ander"])
    request = verzoek(wereld["gebruikers"][rol])
    fouten = []

    for model, model_admin in onze_admins():
        bereik = model_admin.bereik(request)
        module = model_admin.has_module_permission(request)
        if module != verwacht_module(rol, model):
            fouten.append((model.__name__, "module", module))
        if model not in eigen:
            continue  # no row to try: the model-level answer above still follows the role
        for naam, rij, is_eigen in (("eigen", eigen[model], True), ("ander", ander[model], False)):
            gekregen = rechten(model_admin, request, rij)
            gewenst = verwacht(rol, model, is_eigen)
            if gekregen != gewenst:
                fouten.append((model.__name__, naam, gekregen, gewenst, bereik.rol))

    assert fouten == []


def test_medewerker_ziet_in_keuzelijsten_alleen_de_eigen_gemeente(wereld):
    request = verzoek(wereld["gebruikers"]["medewerker"])
    locatie_admin = admin.site._registry[Locatie]

    veld = locatie_admin.formfield_for_foreignkey(Locatie._meta.get_field("gemeente"), request)

    assert list(veld.queryset) == [wereld["eigen"]]


def test_medewerker_kiest_voor_een_uitzondering_alleen_plekken_van_de_eigen_gemeente(wereld):
    eigen_plek = LocatieFactory(gemeente=wereld["eigen"])
    LocatieFactory(gemeente=wereld["ander"])
    request = verzoek(wereld["gebruikers"]["medewerker"])
    uitzondering_admin = admin.site._registry[Uitzondering]

    veld = uitzondering_admin.formfield_for_foreignkey(
        Uitzondering._meta.get_field("locatie"), request
    )

    assert list(veld.queryset) == [eigen_plek]


def test_medewerker_kiest_voor_activiteiten_alleen_de_eigen_gemeenten_en_lokaal(wereld):
    request = verzoek(wereld["gebruikers"]["medewerker"])
    activiteit_admin = admin.site._registry[Activiteit]

    gemeenten = activiteit_admin.formfield_for_manytomany(
        Activiteit._meta.get_field("gemeenten"), request
    )
    bereik = activiteit_admin.formfield_for_choice_field(
        Activiteit._meta.get_field("bereik"), request
    )

    assert list(gemeenten.queryset) == [wereld["eigen"]]
    assert [waarde for waarde, _ in bereik.choices] == ["lokaal"]


def test_gedeeld_lokaal_aanbod_is_alleen_lezen_voor_een_medewerker(wereld):
    gedeeld = ActiviteitFactory(bereik="lokaal", gemeenten=[wereld["eigen"], wereld["ander"]])
    regionaal = ActiviteitFactory(bereik="regionaal")
    request = verzoek(wereld["gebruikers"]["medewerker"])
    activiteit_admin = admin.site._registry[Activiteit]

    assert not activiteit_admin.has_change_permission(request, gedeeld)
    assert not activiteit_admin.has_change_permission(request, regionaal)
    assert activiteit_admin.has_view_permission(request, regionaal)


def test_partner_ziet_alleen_de_eigen_activiteiten_en_maakt_geen_nieuwe(wereld):
    eigen = ActiviteitFactory()
    eigen.partners.add(wereld["partner"])
    ActiviteitFactory()
    request = verzoek(wereld["gebruikers"]["partner"])
    activiteit_admin = admin.site._registry[Activiteit]

    assert list(activiteit_admin.get_queryset(request)) == [eigen]
    assert not activiteit_admin.has_add_permission(request)
    assert admin.site._registry[Moment].has_add_permission(request)


def test_partner_kiest_voor_een_moment_alleen_de_eigen_activiteiten(wereld):
    eigen = ActiviteitFactory()
    eigen.partners.add(wereld["partner"])
    ActiviteitFactory()
    request = verzoek(wereld["gebruikers"]["partner"])
    moment_admin = admin.site._registry[Moment]

    veld = moment_admin.formfield_for_foreignkey(Moment._meta.get_field("activiteit"), request)

    assert list(veld.queryset) == [eigen]


def test_rol_bepaalt_wie_in_het_beheer_komt(wereld):
    gebruikers = wereld["gebruikers"]

    assert gebruikers["coordinator"].is_superuser and gebruikers["coordinator"].is_staff
    assert gebruikers["medewerker"].is_staff and not gebruikers["medewerker"].is_superuser
    assert gebruikers["partner"].is_staff and not gebruikers["partner"].is_superuser
    assert not gebruikers["mandataris"].is_staff


def test_lokale_versies_maken_is_voor_de_coordinator(wereld):
    activiteit_admin = admin.site._registry[Activiteit]

    assert activiteit_admin.has_lokale_versies_permission(
        verzoek(wereld["gebruikers"]["coordinator"])
    )
    assert not activiteit_admin.has_lokale_versies_permission(
        verzoek(wereld["gebruikers"]["medewerker"])
    )


# --- Through the admin's URLs, as a person would try -------------------------------------------


@pytest.fixture
def medewerker_client(client, wereld):
    client.force_login(wereld["gebruikers"]["medewerker"])
    return client


def test_medewerker_kan_een_plek_van_een_andere_gemeente_niet_wijzigen(medewerker_client, wereld):
    ander = LocatieFactory(naam="Huis Turnhout", gemeente=wereld["ander"])

    response = medewerker_client.post(
        wijzig_url(ander), locatie_gegevens(wereld["ander"], naam="Overgenomen")
    )

    assert response.status_code == 403
    ander.refresh_from_db()
    assert ander.naam == "Huis Turnhout"


def test_medewerker_kan_een_eigen_plek_niet_naar_een_andere_gemeente_verhuizen(
    medewerker_client, wereld
):
    eigen = LocatieFactory(naam="Huis Beerse", gemeente=wereld["eigen"])

    response = medewerker_client.post(wijzig_url(eigen), locatie_gegevens(wereld["ander"]))

    assert response.status_code == 200
    assert "gemeente" in response.context["adminform"].form.errors
    eigen.refresh_from_db()
    assert eigen.gemeente == wereld["eigen"]


def test_medewerker_kan_geen_plek_in_een_andere_gemeente_toevoegen(medewerker_client, wereld):
    response = medewerker_client.post(
        reverse("admin:locaties_locatie_add"), locatie_gegevens(wereld["ander"])
    )

    assert response.status_code == 200
    assert not Locatie.objects.exists()


def test_medewerker_voegt_een_plek_in_de_eigen_gemeente_toe(medewerker_client, wereld):
    response = medewerker_client.post(
        reverse("admin:locaties_locatie_add"), locatie_gegevens(wereld["eigen"])
    )

    assert response.status_code == 302
    assert Locatie.objects.get().gemeente == wereld["eigen"]


def test_medewerker_kan_een_vraag_van_een_andere_gemeente_niet_wissen(medewerker_client, wereld):
    vraag = Vraag.objects.create(
        gemeente=wereld["ander"], naam="An", email="an@example.org", vraag="Wanneer?"
    )

    response = medewerker_client.post(
        reverse("admin:communicatie_vraag_delete", args=[vraag.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Vraag.objects.filter(pk=vraag.pk).exists()


def test_partner_krijgt_404_voor_de_activiteit_van_een_ander(client, wereld):
    andermans = ActiviteitFactory(titel="Niet van ons")
    client.force_login(wereld["gebruikers"]["partner"])

    response = client.post(
        reverse("admin:aanbod_activiteit_change", args=[andermans.pk]), {"titel": "Wel van ons"}
    )

    assert response.status_code == 404
    andermans.refresh_from_db()
    assert andermans.titel == "Niet van ons"


def test_mandataris_komt_niet_in_het_beheer(client, wereld):
    client.force_login(wereld["gebruikers"]["mandataris"])

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert "login" in response.url

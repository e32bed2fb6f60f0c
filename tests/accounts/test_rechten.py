"""Who may do what in the admin: every role against every admin model, own and other rows.

The matrix asks each registered ModelAdmin the questions Django's admin asks (module, view,
add, change, delete) for a person of each role, about a row of their own gemeente and a row of
another one, and compares the answers with the rules in ``accounts/rechten.py``. Then the same
people try it through the admin's URLs: the add page (for their own gemeente and forged into
another), the change and delete pages of rows outside their scope, the editable columns of
every list and every action, each collected from ``admin.site._registry`` so that a new admin
is tried too.
"""

import datetime as dt

import pytest
from django import forms
from django.contrib import admin
from django.contrib.messages import get_messages
from django.core import mail
from django.db.models import UniqueConstraint
from django.test import Client, RequestFactory
from django.urls import reverse

from aanbod.models import Activiteit, Bereikcijfer, Doelgroep, Inschrijving, Moment
from accounts.rechten import BeperktBeheer, buiten_bereik_melding
from communicatie.models import Abonnee, Nieuwsbericht, Vraag
from gemeenten.models import (
    Gemeente,
    Groeifase,
    Inzet,
    Roltaak,
    Verwachting,
    Visienota,
    Zelfevaluatie,
)
from locaties.models import Halte, Haltebezoek, Locatie, Uitzondering
from tests.admin import formulier_van
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


@pytest.fixture(autouse=True)
def _snelle_wachtwoorden(snelle_wachtwoorden):
    """Five accounts a test: the real hasher's slowness buys nothing here."""


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
    halte = HalteFactory(gemeente=gemeente)
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
        Halte: halte,
        Haltebezoek: Haltebezoek.objects.create(
            halte=halte,
            begin=moment.begin,
            einde=moment.einde,
        ),
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
# Residents' registrations and questions: a medewerker sees those of their own gemeenten only, and
# only a coordinator deletes one (deleting loses the counts; erasing is the normal way).
PERSOONSGEGEVENS_PER_GEMEENTE = {Inschrijving, Vraag}
ALLEEN_COORDINATOR_VERWIJDERT = {Inschrijving}
# Counts the registration services keep: nobody changes them by hand.
ALLEEN_LEZEN = {Bereikcijfer}
# Rows that come from elsewhere: registrations through the moment's page, questions and
# subscribers from the website, counts from the services. Nobody adds them in the admin.
NIEMAND_VOEGT_TOE = {Inschrijving, Vraag, Bereikcijfer, Abonnee}
# A partner adds moments to its activities, not new activities.
PARTNER_VOEGT_TOE = {Moment}


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


def verwacht_toevoegen(rol, model, per_gemeente) -> bool:
    """``per_gemeente``: the models whose rows belong to a gemeente (those of ``rijen``)."""
    if model in NIEMAND_VOEGT_TOE:
        return False
    if rol == "coordinator":
        return True
    if rol == "medewerker":
        return model in per_gemeente and model is not Gemeente
    return rol == "partner" and model in PARTNER_VOEGT_TOE


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
        toevoegen = model_admin.has_add_permission(request)
        if toevoegen != verwacht_toevoegen(rol, model, eigen):
            fouten.append((model.__name__, "toevoegen", toevoegen))
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

    assert response.status_code == 404  # another gemeente's residents: not there for them
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


# --- Every admin through its URLs: add, change, delete, list columns, actions ---------------


def beheer_url(model, pagina, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{pagina}", args=args)


def momentopname(rij):
    """The row as the database holds it now (None once it is gone)."""
    return type(rij)._default_manager.filter(pk=rij.pk).values().first()


def gedeelde_rijen():
    """Rows of the coordinator's own lists, which belong to no gemeente or partner."""
    return {
        Doelgroep: Doelgroep.objects.create(naam="Grootouders (test)", slug="grootouders-test"),
        Roltaak: Roltaak.objects.create(fase="potgrond", rol="gemeente", tekst="Een visie."),
    }


@pytest.fixture
def als_coordinator(wereld):
    coordinator = Client()
    coordinator.force_login(wereld["gebruikers"]["coordinator"])
    return coordinator


def bereikveld(model_admin, rol) -> str:
    """The form field that puts a row in a medewerker's gemeente or a partner's organisation."""
    pad = model_admin.gemeente_pad if rol == "medewerker" else model_admin.partner_pad
    return pad.split("__")[0]


def in_het_andere_bereik(model, veld, ander_rijen, andere_gemeente):
    """A value for ``veld`` that puts the row in the other gemeente (or with another partner)."""
    model_veld = model._meta.get_field(veld)
    if model_veld.related_model is Gemeente:
        pk = andere_gemeente.pk
    else:
        pk = ander_rijen[model_veld.related_model].pk
    return [pk] if model_veld.many_to_many else pk


def kopie_voor_toevoegen(als_coordinator, toevoegpagina, rij) -> dict:
    """What the add page posts for a copy of ``rij``: its values, inlines left empty."""
    bron = formulier_van(als_coordinator.get(beheer_url(type(rij), "change", rij.pk)))
    velden = toevoegpagina.context["adminform"].form.fields
    gegevens = {
        sleutel: waarde
        for sleutel, waarde in bron.items()
        if sleutel in velden or (sleutel[-2] == "_" and sleutel[:-2] in velden)
    }
    for inline in toevoegpagina.context["inline_admin_formsets"]:
        gegevens.update(lege_formset(inline.formset.prefix))
    return zonder_dubbels(type(rij), gegevens)


def lege_formset(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


# What else a copy must change to be valid on its own: one visienota per gemeente and period.
ANDERS_IN_DE_KOPIE = {Visienota: {"periode_start": "2031-01-01", "periode_einde": "2036-12-31"}}


def zonder_dubbels(model, gegevens) -> dict:
    """Change the copied values that must be unique, so the copy is a row of its own."""
    gegevens.update(ANDERS_IN_DE_KOPIE.get(model, {}))
    for veld in model._meta.fields:
        if veld.unique and not veld.primary_key and veld.name in gegevens:
            gegevens[veld.name] = f"{gegevens[veld.name]}-kopie"
    for regel in model._meta.constraints:
        if isinstance(regel, UniqueConstraint) and regel.fields:
            laatste = regel.fields[-1]
            if all(veld in gegevens for veld in regel.fields):
                waarde = gegevens[laatste]
                gegevens[laatste] = waarde + 1 if isinstance(waarde, int) else f"{waarde}-kopie"
    return gegevens


@pytest.mark.parametrize("rol", ["medewerker", "partner"])
def test_toevoegen_lukt_in_het_eigen_bereik_en_niet_vervalst_in_een_ander(
    client, als_coordinator, wereld, rol
):
    eigen = rijen(wereld["eigen"], partner=wereld["partner"])
    ander = rijen(wereld["ander"])
    Groeifase.objects.create(fase="potgrond", sinds=dt.date(2020, 1, 1), motivatie="Start.")
    gebruiker = wereld["gebruikers"][rol]
    client.force_login(gebruiker)
    request = verzoek(gebruiker)
    fouten, toegevoegd = [], []

    for model, model_admin in onze_admins():
        if model not in eigen:
            continue
        pagina = client.get(beheer_url(model, "add"))
        if not model_admin.has_add_permission(request):
            if pagina.status_code != 403:
                fouten.append((model.__name__, "toevoegpagina", pagina.status_code))
            continue
        gegevens = kopie_voor_toevoegen(als_coordinator, pagina, eigen[model])
        veld = bereikveld(model_admin, rol)
        vervalst = {**gegevens, veld: in_het_andere_bereik(model, veld, ander, wereld["ander"])}
        voor = set(model._default_manager.values_list("pk", flat=True))

        response = client.post(beheer_url(model, "add"), vervalst)
        if response.status_code != 200 or model._default_manager.count() != len(voor):
            fouten.append((model.__name__, "vervalst", response.status_code))

        response = client.post(beheer_url(model, "add"), gegevens)
        nieuw = model._default_manager.exclude(pk__in=voor)
        if response.status_code != 302 or not model_admin.bereik(request).wijzigbaar(nieuw):
            fouten.append((model.__name__, "eigen", response.status_code, fouten_op(response)))
        toegevoegd.append(model.__name__)

    assert fouten == []
    assert toegevoegd == [m.__name__ for m, _ in onze_admins() if verwacht_toevoegen(rol, m, eigen)]


def fouten_op(response):
    if response.status_code != 200 or "adminform" not in response.context:
        return None
    return response.context["adminform"].form.errors


@pytest.mark.parametrize(
    ("rol", "geweigerd"),
    [
        ("medewerker", {403, 404}),
        ("partner", {403, 404}),
        ("zonder_rol", {403, 404}),
        ("mandataris", {302}),  # not in the admin at all: to the login page
    ],
)
def test_wijzigen_en_verwijderen_via_de_url_buiten_het_bereik_laat_de_rij_ongemoeid(
    client, wereld, rol, geweigerd
):
    rijen(wereld["eigen"], partner=wereld["partner"])
    ander = rijen(wereld["ander"])
    client.force_login(wereld["gebruikers"][rol])
    fouten = []

    for model, _model_admin in onze_admins():
        if model not in ander:
            continue
        rij = ander[model]
        voor = momentopname(rij)
        wijzigen = client.post(beheer_url(model, "change", rij.pk), {"naam": "Overgenomen"})
        verwijderen = client.post(beheer_url(model, "delete", rij.pk), {"post": "yes"})
        statussen = {wijzigen.status_code, verwijderen.status_code}
        if not statussen <= geweigerd or momentopname(rij) != voor:
            fouten.append((model.__name__, statussen))

    assert fouten == []


def andere_waarde(veld, huidig):
    """A value for a list column that differs from what the row holds."""
    if isinstance(veld, forms.BooleanField):
        assert not huidig, "the test rows hold False: a browser sends nothing for unticking"
        return "on"
    if isinstance(veld, forms.ChoiceField):
        return next(str(w) for w, _ in veld.choices if w not in ("", huidig))
    if isinstance(veld, forms.IntegerField):
        return str(huidig + 1)
    return f"{huidig}-gewijzigd"


def lijstformulier(model_admin, request, rij) -> dict:
    """The POST of a list page that changes every editable column of ``rij``."""
    formset = model_admin.get_changelist_formset(request)
    prefix = formset.get_default_prefix()
    gegevens = {
        **lege_formset(prefix),
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-0-{type(rij)._meta.pk.name}": str(rij.pk),
        "_save": "Opslaan",
    }
    for naam in model_admin.list_editable:
        veld = formset.form.base_fields[naam]
        gegevens[f"{prefix}-0-{naam}"] = andere_waarde(veld, getattr(rij, naam))
    return gegevens


def lijsten_met_bewerkbare_kolommen():
    return [(model, ma) for model, ma in onze_admins() if ma.list_editable]


@pytest.mark.parametrize("rol", ["medewerker", "partner"])
def test_bewerkbare_kolommen_van_elke_lijst_wijzigen_alleen_rijen_in_het_bereik(
    client, wereld, rol
):
    eigen = rijen(wereld["eigen"], partner=wereld["partner"])
    ander = {**rijen(wereld["ander"]), **gedeelde_rijen()}
    gebruiker = wereld["gebruikers"][rol]
    client.force_login(gebruiker)
    request = verzoek(gebruiker)
    fouten = []
    lijsten = lijsten_met_bewerkbare_kolommen()
    assert lijsten

    for model, model_admin in lijsten:
        if model not in ander:
            fouten.append((model.__name__, "geef het een rij in rijen() of gedeelde_rijen()"))
            continue
        lijst = client.get(beheer_url(model, "changelist"))
        formset = lijst.context["cl"].formset if lijst.status_code == 200 else None
        for form in formset.forms if formset else []:
            mag = model_admin.has_change_permission(request, form.instance)
            bewerkbaar = [not form.fields[naam].disabled for naam in model_admin.list_editable]
            if bewerkbaar != [mag] * len(bewerkbaar):
                fouten.append((model.__name__, "getoond", form.instance.pk, bewerkbaar))

        rij = ander[model]
        voor = momentopname(rij)
        response = client.post(
            beheer_url(model, "changelist"), lijstformulier(model_admin, request, rij)
        )
        if response.status_code not in (403, 404) or momentopname(rij) != voor:
            fouten.append((model.__name__, "ander", response.status_code))

        rij = eigen.get(model)
        if rij is not None and model_admin.has_change_permission(request, rij):
            voor = momentopname(rij)
            response = client.post(
                beheer_url(model, "changelist"), lijstformulier(model_admin, request, rij)
            )
            if response.status_code != 302 or momentopname(rij) == voor:
                fouten.append((model.__name__, "eigen", response.status_code))

    assert fouten == []


@pytest.mark.parametrize("rol", ["medewerker", "partner"])
def test_geen_actie_van_een_lijst_raakt_een_rij_buiten_het_bereik(client, wereld, rol):
    rijen(wereld["eigen"], partner=wereld["partner"])
    ander = {**rijen(wereld["ander"]), **gedeelde_rijen()}
    gebruiker = wereld["gebruikers"][rol]
    client.force_login(gebruiker)
    request = verzoek(gebruiker)
    fouten, geprobeerd = [], []

    for model, model_admin in onze_admins():
        acties = model_admin.get_actions(request)
        if acties and model not in ander:
            fouten.append((model.__name__, "geef het een rij in rijen() of gedeelde_rijen()"))
            continue
        for actie in acties:
            rij = ander[model]
            zichtbaar = model_admin.get_queryset(request).filter(pk=rij.pk).exists()
            voor = momentopname(rij)
            response = client.post(
                beheer_url(model, "changelist"),
                {"action": actie, "_selected_action": [rij.pk], "post": "yes"},
            )
            meldingen = [str(m) for m in get_messages(response.wsgi_request)]
            if momentopname(rij) != voor:
                fouten.append((model.__name__, actie, "gewijzigd"))
            elif response.has_header("Content-Disposition"):
                # An export: what the person may read anyway, never a row they cannot see.
                if not zichtbaar and getattr(rij, "naam", "-").encode() in response.content:
                    fouten.append((model.__name__, actie, "uitgevoerd"))
            elif response.status_code not in (302, 403, 404):
                fouten.append((model.__name__, actie, response.status_code))
            elif zichtbaar and buiten_bereik_melding(1) not in meldingen:
                fouten.append((model.__name__, actie, "geen melding", meldingen))
            geprobeerd.append(f"{model.__name__}.{actie}")

    assert fouten == []
    assert mail.outbox == []
    if rol == "medewerker":
        assert "Moment.delete_selected" in geprobeerd
        assert "Vraag.nu_wissen" in geprobeerd

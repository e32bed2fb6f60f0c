"""The steps of `make bench` that run inside Django, against the bench database.

Run by ``bench/run.py`` with the bench's environment (DATABASE_URL of the throw-away
database, production settings), never by hand on a real database:

    python bench/stappen.py voorbereiden PLAN.json   # the user, the URLs and the moment
    python bench/stappen.py queries PLAN.json UIT.json  # queries per request of each page

``voorbereiden`` writes the plan: which URL stands for each page type at this scale (slugs are
looked up, so it works on any demo), the report reader, and the moment the registration POST
goes to. ``queries`` counts the database queries of one request of every page of the plan with
Django's test client, with the page cache off so the page is really built.
"""

import datetime as dt
import json
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hvk.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from aanbod.models import Activiteit, Moment, Pijler  # noqa: E402
from accounts.models import Gebruiker  # noqa: E402
from bench.inschrijving import inschrijving_gegevens  # noqa: E402
from gemeenten.models import Gemeente  # noqa: E402
from locaties.models import Locatie  # noqa: E402

MANDATARIS_EMAIL = "mandataris@bench.invalid"
# Seats enough for every registration the bench can post: the POST measures registering, not
# the full-moment path.
BENCH_CAPACITEIT = 10_000_000
# The test client speaks to the production settings as nginx would: https, a known host.
CLIENT_HEADERS = {"host": "127.0.0.1", "x-forwarded-proto": "https"}


def _pagina(naam: str, pad: str) -> dict:
    return {"naam": naam, "pad": pad}


def _publieke_paginas() -> list[dict]:
    """One URL per public page type, chosen from what this database holds."""
    gemeente = Gemeente.objects.order_by("naam").first()
    if gemeente is None:
        raise SystemExit("The bench database holds no gemeente: did the demo load?")
    nu = timezone.now()
    activiteit = (
        Activiteit.objects.gepubliceerd()
        .filter(doorlopend=False)
        .annotate(komend=Count("momenten", filter=Q(momenten__begin__gt=nu)))
        .filter(komend__gt=0)
        .order_by("-inschrijving_vereist", "-komend", "slug")
        .first()
    )
    pijler = (
        Activiteit.objects.gepubliceerd()
        .values("pijler")
        .annotate(n=Count("pk"))
        .order_by("-n", "pijler")
        .values_list("pijler", flat=True)
        .first()
    ) or Pijler.ONTMOETING
    huis = (
        Locatie.objects.filter(soort__in=[Locatie.Soort.CENTRAAL_HUIS, Locatie.Soort.FYSIEK_HUIS])
        .order_by("soort", "slug")
        .first()
    ) or Locatie.objects.exclude(soort=Locatie.Soort.MOBIEL).order_by("slug").first()
    mobiel = Locatie.objects.filter(soort=Locatie.Soort.MOBIEL).order_by("slug").first()

    paginas = [
        _pagina("home", reverse("home")),
        _pagina("gemeente", reverse("gemeente", args=[gemeente.slug])),
        _pagina("offer list", reverse("aanbod:lijst")),
        _pagina(
            "offer list filtered",
            f"{reverse('aanbod:lijst')}?gemeente={gemeente.slug}&pijler={pijler}",
        ),
    ]
    if activiteit is not None:
        paginas.append(_pagina("activity", reverse("aanbod:detail", args=[activiteit.slug])))
    paginas.append(_pagina("places", reverse("locaties:lijst")))
    if huis is not None:
        paginas.append(_pagina("place", reverse("locaties:detail", args=[huis.slug])))
    if mobiel is not None:
        paginas.append(_pagina("mobile house", reverse("locaties:detail", args=[mobiel.slug])))
    paginas += [
        _pagina("news", reverse("nieuws")),
        _pagina("calendar feed", reverse("aanbod:kalender")),
    ]
    return paginas


def _mandataris(wachtwoord: str) -> Gebruiker:
    """A report reader: a mandataris has no admin and needs no second login step."""
    gebruiker, _ = Gebruiker.objects.get_or_create(email=MANDATARIS_EMAIL)
    gebruiker.first_name, gebruiker.last_name = "Bench", "Mandataris"
    gebruiker.rol = Gebruiker.Rol.MANDATARIS
    gebruiker.is_active = True
    gebruiker.set_password(wachtwoord)
    gebruiker.save()
    gebruiker.gemeenten.set(Gemeente.objects.order_by("naam")[:1])
    return gebruiker


def _inschrijfmoment() -> Moment:
    """A moment a week or more ahead that takes registrations, with room for all of them."""
    moment = (
        Moment.objects.filter(
            begin__gt=timezone.now() + dt.timedelta(days=7),
            geannuleerd=False,
            activiteit__gepubliceerd=True,
            activiteit__inschrijving_vereist=True,
        )
        .select_related("activiteit")
        .order_by("begin", "pk")
        .first()
    )
    if moment is None:
        raise SystemExit("No future moment that takes registrations: did the demo load?")
    # Only in the throw-away bench database: every registration gets a seat.
    Activiteit.objects.filter(pk=moment.activiteit_id).update(capaciteit=BENCH_CAPACITEIT)
    return moment


def voorbereiden(plan_pad: str) -> None:
    wachtwoord = os.environ["BENCH_WACHTWOORD"]
    gebruiker = _mandataris(wachtwoord)
    moment = _inschrijfmoment()
    woonplaats = Gemeente.objects.order_by("naam").values_list("pk", flat=True).first()
    plan = {
        "publiek": _publieke_paginas(),
        "kaal": reverse("bench_kaal"),
        "rapport": reverse("rapportages:overzicht"),
        "login": reverse("account_login"),
        "mandataris": gebruiker.email,
        "inschrijven": reverse("aanbod:inschrijven", args=[moment.activiteit.slug, moment.pk]),
        "woonplaats": str(woonplaats),
    }
    Path(plan_pad).write_text(json.dumps(plan, indent=2), encoding="utf-8")


# Requests of a page timed one after the other, for the "alone ms" column (the median).
KEER_ALLEEN = 5


def _tel(client: Client, methode: str, pad: str, **kwargs) -> dict:
    """One warm-up request, then the counted one, then (GET) a few timed ones on their own.

    ``ms`` is the median time of one request with nothing else running: the page's own cost,
    without the queueing of the load test. A POST is timed once (the counted one), since
    each must register someone new. A page that fails is noted, not counted.
    """
    verzoek = getattr(client, methode)
    try:
        if methode == "get":
            verzoek(pad, headers=CLIENT_HEADERS, **kwargs)
        with CaptureQueriesContext(connection) as queries:
            begin = time.perf_counter()
            response = verzoek(pad, headers=CLIENT_HEADERS, **kwargs)
            tijden = [time.perf_counter() - begin]
        if methode == "get":
            tijden = []
            for _ in range(KEER_ALLEEN):
                begin = time.perf_counter()
                verzoek(pad, headers=CLIENT_HEADERS, **kwargs)
                tijden.append(time.perf_counter() - begin)
    except Exception as exc:
        # E.g. a query cancelled by the bench's statement timeout.
        return {"queries": None, "status": f"{type(exc).__name__}: {str(exc)[:200]}"}
    return {
        "queries": len(queries),
        "status": response.status_code,
        "ms": round(1000 * statistics.median(tijden), 1),
    }


def queries(plan_pad: str, uit_pad: str) -> None:
    """Queries of one request of each page, after one warm-up request of the same page."""
    plan = json.loads(Path(plan_pad).read_text(encoding="utf-8"))
    uitkomst = {}
    with override_settings(HVK_PAGINACACHE_SECONDEN=0):
        client = Client()
        for pagina in [{"naam": "bare view", "pad": plan["kaal"]}, *plan["publiek"]]:
            uitkomst[pagina["naam"]] = _tel(client, "get", pagina["pad"])

        lezer = Client()
        lezer.force_login(Gebruiker.objects.get(email=plan["mandataris"]))
        uitkomst["report overview"] = _tel(lezer, "get", plan["rapport"])

        # The warm-up registration opens the session that the counted one then updates, as
        # for every registration after a family's first.
        gezin = Client()
        gezin.get(plan["inschrijven"], headers=CLIENT_HEADERS)
        for _ in range(2):
            email = f"queries-{uuid.uuid4().hex[:12]}@bench.invalid"
            gegevens = inschrijving_gegevens(woonplaats=plan["woonplaats"], email=email)
            uitkomst["registration POST"] = _tel(gezin, "post", plan["inschrijven"], data=gegevens)
    Path(uit_pad).write_text(json.dumps(uitkomst, indent=2), encoding="utf-8")


if __name__ == "__main__":
    stappen = {"voorbereiden": voorbereiden, "queries": queries}
    if len(sys.argv) < 3 or sys.argv[1] not in stappen:
        raise SystemExit(__doc__)
    stappen[sys.argv[1]](*sys.argv[2:])

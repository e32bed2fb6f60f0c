"""Changes to the offer that touch several rows."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from aanbod.models import Activiteit, Inschrijving, Moment, Reeks
from aanbod.services.inschrijvingen import moment_afgelast
from aanbod.services.komend import komend_begin_bijwerken
from hvk.herhaling import horizon, rol_uit


class AanbodFout(Exception):
    """A change to the offer that cannot be made; the message is for the person who asked."""


@transaction.atomic
def momenten_uitrollen(*, reeksen=None, tot=None) -> tuple[int, int, int]:
    """Expand recurring rules into dated moments from today up to the horizon.

    Writes: creates missing ``Moment`` rows; moves unchanged future moments when a rule's
    hours changed; deletes unchanged future moments on dates the rule dropped, except moments
    with registrations (cancelled ones too: they are history, and a registration keeps its
    moment), which are cancelled instead. Moments cancelled or moved by hand and past moments
    are never touched. Queues the "afgelast" mail to every family still registered for a
    moment cancelled that way (``moment_afgelast``), in the same transaction. Returns the
    (made, updated, deleted) totals.
    """
    nu = timezone.now()
    van, tot = timezone.localdate(nu), tot or horizon()
    met_inschrijvingen = Q(pk__in=Inschrijving.objects.values("moment"))
    totaal = [0, 0, 0]
    afgelast: list[Moment] = []
    for reeks in reeksen if reeksen is not None else Reeks.objects.select_related("activiteit"):
        telling = rol_uit(
            regel=reeks,
            gerold=reeks.momenten.all(),
            nieuw=lambda begin, einde, dag, reeks=reeks: Moment(
                activiteit=reeks.activiteit,
                reeks=reeks,
                locatie=reeks.locatie,
                begin=begin,
                einde=einde,
                oorspronkelijke_datum=dag,
            ),
            van=van,
            tot=tot,
            bewaar=met_inschrijvingen,
            begonnen_voor=nu,
            volg={"locatie_id": reeks.locatie_id},
            afgelast=afgelast,
        )
        totaal = [a + b for a, b in zip(totaal, telling, strict=True)]
    for moment in afgelast:
        moment_afgelast(moment=moment)
    # The rows were written in bulk, past the signals that keep the next moment current.
    komend_begin_bijwerken(
        activiteiten=None if reeksen is None else {reeks.activiteit_id for reeks in reeksen}
    )
    return tuple(totaal)


def _vrije_slug(basis: str) -> str:
    basis = slugify(basis)[:150] or "activiteit"
    bezet = set(Activiteit.objects.filter(slug__startswith=basis).values_list("slug", flat=True))
    slug, n = basis, 2
    while slug in bezet:
        slug, n = f"{basis}-{n}", n + 1
    return slug


@transaction.atomic
def lokale_versies_maken(*, generiek: Activiteit, gemeenten) -> list[Activiteit]:
    """Make a local version of a generic activity for each gemeente, linked to the original.

    Each version copies the texts, pillar, themes, target groups, ages, languages, price and
    partners, is local to its one gemeente, has no moments of its own yet and starts
    unpublished, so the coordinator gives it its own dates, place and text before residents
    see it. A gemeente that already has a version of this activity is skipped.
    Writes: one ``Activiteit`` and its many-to-many rows per new version.
    """
    if generiek.generiek_id:
        raise AanbodFout(
            gettext("“%(titel)s” is zelf een lokale versie; vertrek van het generieke aanbod.")
            % {"titel": generiek.titel}
        )
    al_gedaan = set(
        generiek.lokale_versies.values_list("gemeenten", flat=True).exclude(gemeenten=None)
    )
    gemaakt = []
    for gemeente in gemeenten:
        if gemeente.pk in al_gedaan:
            continue
        al_gedaan.add(gemeente.pk)
        versie = Activiteit.objects.get(pk=generiek.pk)
        versie.pk = versie.id = None
        versie._state.adding = True
        versie.titel = f"{generiek.titel} ({gemeente.naam})"[:150]
        versie.slug = _vrije_slug(f"{generiek.slug}-{gemeente.slug}")
        versie.bereik = Activiteit.Bereik.LOKAAL
        versie.generiek = generiek
        versie.gepubliceerd = False
        # A place in another gemeente is dropped so the coordinator picks a local one; ongoing
        # offer needs its place to have opening hours at all, so it keeps it.
        if (
            not versie.doorlopend
            and versie.locatie_id
            and versie.locatie.gemeente_id not in (None, gemeente.pk)
        ):
            versie.locatie = None
        versie.save()
        versie.gemeenten.set([gemeente])
        for veld in ("themas", "doelgroepen", "talen", "partners"):
            getattr(versie, veld).set(getattr(generiek, veld).all())
        gemaakt.append(versie)
    return gemaakt

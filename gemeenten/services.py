"""Writes of the partnership that touch several rows."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from gemeenten.models import Afvinking, Gemeente, Groeifase, Roltaak, Zelfevaluatie
from gemeenten.models.groeimodel import Fase
from gemeenten.models.periode import vandaag
from hvk import audit


class GroeimodelFout(Exception):
    """A step in the groeimodel that cannot be taken; the message is Dutch, for a person."""


def fase_voor_jaar(*, jaar: int) -> str:
    """The phase the partnership was in for ``jaar``: the latest Groeifase that began on or
    before today, or on or before 31 December for a year that is over. Raises GroeimodelFout
    when no phase had been recorded by then."""
    op = min(vandaag(), datetime.date(jaar, 12, 31))
    groeifase = Groeifase.objects.huidige(op=op)
    if groeifase is None:
        raise GroeimodelFout(
            _(
                "Op %(datum)s was nog geen groeifase van de samenwerking vastgelegd. "
                "Leg eerst de groeifase vast."
            )
            % {"datum": f"{op:%d/%m/%Y}"}
        )
    return groeifase.fase


@transaction.atomic
def zelfevaluatie_starten(*, gemeente: Gemeente, jaar: int, fase: str | None = None):
    """Make sure ``gemeente`` has a Zelfevaluatie for ``jaar`` with a checklist row for every
    Roltaak of its phase, and return it.

    Promises:
    - at most one Zelfevaluatie per gemeente and year: an existing one is reused and keeps its
      phase (asking for another phase raises GroeimodelFout);
    - a new one gets ``fase``, or when that is None the phase of the partnership for that year
      (see ``fase_voor_jaar``; raises GroeimodelFout when there is none);
    - the checklist is completed, never rewritten: ticked rows and their remarks stay, no row
      is deleted or duplicated, so calling it again is harmless.

    Writes: at most one Zelfevaluatie row (insert), and one Afvinking row (gedaan=False, no
    opmerking) for each Roltaak of the phase that had none yet. Nothing else.
    """
    if fase is not None and fase not in Fase.values:
        raise GroeimodelFout(_("“%(fase)s” is geen fase van het groeimodel.") % {"fase": fase})

    zelfevaluatie = Zelfevaluatie.objects.filter(gemeente=gemeente, jaar=jaar).first()
    if zelfevaluatie is None:
        zelfevaluatie, _nieuw = Zelfevaluatie.objects.get_or_create(
            gemeente=gemeente, jaar=jaar, defaults={"fase": fase or fase_voor_jaar(jaar=jaar)}
        )
    if fase is not None and fase != zelfevaluatie.fase:
        raise GroeimodelFout(
            _(
                "De zelfevaluatie van %(gemeente)s voor %(jaar)s hoort al bij de fase "
                "%(fase)s; een andere fase zou de afgevinkte taken doen vervallen."
            )
            % {"gemeente": gemeente, "jaar": jaar, "fase": zelfevaluatie.get_fase_display()}
        )

    ontbrekend = list(
        Roltaak.objects.filter(fase=zelfevaluatie.fase).exclude(
            pk__in=zelfevaluatie.afvinkingen.values("roltaak")
        )
    )
    Afvinking.objects.bulk_create(
        [Afvinking(zelfevaluatie=zelfevaluatie, roltaak=taak) for taak in ontbrekend],
        # A second request that completed the checklist first is not an error.
        ignore_conflicts=True,
    )
    audit.aangemaakt(zelfevaluatie.afvinkingen.filter(roltaak__in=ontbrekend))
    return zelfevaluatie

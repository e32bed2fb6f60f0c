"""The rules the partnership checks itself against ("aan de bel trekken")."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gemeenten.models import Gemeente, Lid, Orgaan, Visienota
from gemeenten.models.periode import vandaag
from gemeenten.selectors.inzet import engagement_en_inzet


@dataclass(frozen=True)
class Signaal:
    soort: str
    tekst: str
    gemeente: Gemeente | None = None
    orgaan: Orgaan | None = None
    oplossen_url: str = ""

    PRIORITEIT_ZONDER_WERKGROEP = "prioriteit"
    ORGAAN_ZONDER_GEMEENTE = "vertegenwoordiging"
    GEEN_AANSPREEKPUNT = "aanspreekpunt"
    INZET_ACHTERSTAND = "inzet"


SOORT_TITELS = {
    Signaal.PRIORITEIT_ZONDER_WERKGROEP: gettext_lazy("Prioriteit zonder plaats in de werkgroep"),
    Signaal.ORGAAN_ZONDER_GEMEENTE: gettext_lazy("Gemeente niet vertegenwoordigd"),
    Signaal.GEEN_AANSPREEKPUNT: gettext_lazy("Geen aanspreekpunt"),
    Signaal.INZET_ACHTERSTAND: gettext_lazy("Geleverde uren blijven achter"),
}


def _url(naam, *args):
    return reverse(f"admin:gemeenten_{naam}", args=args)


def signalen(*, op: datetime.date | None = None, gemeente: Gemeente | None = None) -> list[Signaal]:
    """Every rule that is broken on ``op`` (default today), optionally for one gemeente only.

    - a gemeente names a theme as priority in its running visienota, but has no current
      member in a werkgroep on that theme (or there is no such werkgroep);
    - a stuurgroep or beleidsgroep has no current member from a participating gemeente;
    - a gemeente has no contact point (a name plus a phone number or e-mail address);
    - a gemeente's delivered hours this year lag the pro-rated commitment by more than
      HVK_INZET_MAX_ACHTERSTAND_PROCENT.

    A fixed number of queries, whatever the number of gemeenten, bodies or members.
    """
    op = op or vandaag()
    gemeenten = list(Gemeente.objects.all())
    if gemeente is not None:
        gemeenten = [g for g in gemeenten if g.pk == gemeente.pk]
    uitkomst: list[Signaal] = []

    organen = list(Orgaan.objects.select_related("thema").order_by("naam"))
    leden = (
        Lid.objects.lopend(op)
        .filter(gemeente__isnull=False)
        .values_list("orgaan_id", "gemeente_id")
    )
    gemeenten_per_orgaan: dict[int, set[int]] = defaultdict(set)
    for orgaan_id, gemeente_id in leden:
        gemeenten_per_orgaan[orgaan_id].add(gemeente_id)
    werkgroepen_per_thema: dict[int, list[Orgaan]] = defaultdict(list)
    for orgaan in organen:
        if orgaan.soort == Orgaan.Soort.WERKGROEP:
            werkgroepen_per_thema[orgaan.thema_id].append(orgaan)

    visienotas = (
        Visienota.objects.lopend(op).select_related("gemeente").prefetch_related("prioriteiten")
    )
    prioriteiten_per_gemeente = {
        nota.gemeente_id: list(nota.prioriteiten.all()) for nota in visienotas
    }

    for g in gemeenten:
        for thema in prioriteiten_per_gemeente.get(g.pk, []):
            werkgroepen = werkgroepen_per_thema.get(thema.pk, [])
            if not werkgroepen:
                uitkomst.append(
                    Signaal(
                        soort=Signaal.PRIORITEIT_ZONDER_WERKGROEP,
                        gemeente=g,
                        tekst=_(
                            "%(gemeente)s noemt “%(thema)s” als prioriteit, maar er is geen "
                            "werkgroep over dat thema."
                        )
                        % {"gemeente": g.naam, "thema": thema.naam},
                        oplossen_url=_url("orgaan_add"),
                    )
                )
            elif not any(g.pk in gemeenten_per_orgaan[w.pk] for w in werkgroepen):
                werkgroep = werkgroepen[0]
                uitkomst.append(
                    Signaal(
                        soort=Signaal.PRIORITEIT_ZONDER_WERKGROEP,
                        gemeente=g,
                        orgaan=werkgroep,
                        tekst=_(
                            "%(gemeente)s noemt “%(thema)s” als prioriteit, maar zit niet in "
                            "de werkgroep %(werkgroep)s."
                        )
                        % {"gemeente": g.naam, "thema": thema.naam, "werkgroep": werkgroep.naam},
                        oplossen_url=_url("orgaan_change", werkgroep.pk),
                    )
                )

    for orgaan in organen:
        if orgaan.soort not in Orgaan.SOORTEN_MET_ELKE_GEMEENTE:
            continue
        for g in gemeenten:
            if g.pk not in gemeenten_per_orgaan[orgaan.pk]:
                uitkomst.append(
                    Signaal(
                        soort=Signaal.ORGAAN_ZONDER_GEMEENTE,
                        gemeente=g,
                        orgaan=orgaan,
                        tekst=_("In de %(soort)s “%(orgaan)s” zit niemand uit %(gemeente)s.")
                        % {
                            "soort": orgaan.get_soort_display(),
                            "orgaan": orgaan.naam,
                            "gemeente": g.naam,
                        },
                        oplossen_url=_url("orgaan_change", orgaan.pk),
                    )
                )

    for g in gemeenten:
        if not g.heeft_aanspreekpunt:
            uitkomst.append(
                Signaal(
                    soort=Signaal.GEEN_AANSPREEKPUNT,
                    gemeente=g,
                    tekst=_(
                        "%(gemeente)s heeft geen aanspreekpunt voor inwoners (een naam met "
                        "telefoon of e-mail)."
                    )
                    % {"gemeente": g.naam},
                    oplossen_url=_url("gemeente_change", g.pk),
                )
            )

    drempel = settings.HVK_INZET_MAX_ACHTERSTAND_PROCENT
    te_tonen = {g.pk for g in gemeenten}
    for regel in engagement_en_inzet(jaar=op.year, op=op):
        if regel.gemeente.pk in te_tonen and regel.achterstand_procent > drempel:
            uitkomst.append(
                Signaal(
                    soort=Signaal.INZET_ACHTERSTAND,
                    gemeente=regel.gemeente,
                    tekst=_(
                        "%(gemeente)s leverde dit jaar %(geleverd)s van de %(verwacht)s "
                        "geëngageerde uren tot nu toe: %(achterstand)s%% achter (grens "
                        "%(drempel)s%%)."
                    )
                    % {
                        "gemeente": regel.gemeente.naam,
                        "geleverd": number_format(regel.uren_geleverd, 1),
                        "verwacht": number_format(regel.uren_verwacht, 1),
                        "achterstand": number_format(regel.achterstand_procent, 1),
                        "drempel": drempel,
                    },
                    oplossen_url=_url("inzet_changelist")
                    + f"?gemeente__id__exact={regel.gemeente.pk}",
                )
            )
    return uitkomst

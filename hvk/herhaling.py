"""Recurring schedules ("every 2nd Tuesday, 9:00-12:00") and the dated rows they expand into.

A rule is kept as structured fields a coordinator can read and edit, and handed to
python-dateutil's ``rrule`` to compute the dates. The dated rows (an activity's moments, a
mobile house's visits) are real rows so that one date can be cancelled or moved; expanding a
rule again never touches a row someone changed by hand.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from hvk import audit


class Weekdag(models.IntegerChoices):
    MAANDAG = 0, _("maandag")
    DINSDAG = 1, _("dinsdag")
    WOENSDAG = 2, _("woensdag")
    DONDERDAG = 3, _("donderdag")
    VRIJDAG = 4, _("vrijdag")
    ZATERDAG = 5, _("zaterdag")
    ZONDAG = 6, _("zondag")


class WeekVanDeMaand(models.IntegerChoices):
    EERSTE = 1, pgettext_lazy("week van de maand", "eerste")
    TWEEDE = 2, pgettext_lazy("week van de maand", "tweede")
    DERDE = 3, pgettext_lazy("week van de maand", "derde")
    VIERDE = 4, pgettext_lazy("week van de maand", "vierde")
    LAATSTE = -1, pgettext_lazy("week van de maand", "laatste")


def lokale_tijd(dag: dt.date, tijd: dt.time) -> dt.datetime:
    """The aware instant of a wall-clock time on a day in the Huis's time zone.

    zoneinfo picks the right offset on each side of a daylight-saving change, so 9:00 stays
    9:00 for residents while its UTC instant moves by an hour.
    """
    return dt.datetime.combine(dag, tijd, tzinfo=ZoneInfo(settings.TIME_ZONE))


class Herhalingsregel(models.Model):
    """A weekly or monthly rule with a time slot, valid from a date and optionally until one."""

    class Frequentie(models.TextChoices):
        WEKELIJKS = "wekelijks", _("wekelijks")
        MAANDELIJKS = "maandelijks", _("maandelijks")

    frequentie = models.CharField(
        _("frequentie"), max_length=12, choices=Frequentie.choices, default=Frequentie.WEKELIJKS
    )
    interval = models.PositiveSmallIntegerField(
        _("om de"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 = elke week of maand, 2 = om de twee weken of maanden, …"),
    )
    weekdag = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekdag.choices)
    week_van_de_maand = models.SmallIntegerField(
        _("week van de maand"),
        choices=WeekVanDeMaand.choices,
        null=True,
        blank=True,
        help_text=_("Alleen bij maandelijks, bv. de tweede dinsdag van de maand."),
    )
    begintijd = models.TimeField(_("van"))
    eindtijd = models.TimeField(_("tot"))
    geldig_van = models.DateField(_("vanaf"))
    geldig_tot = models.DateField(_("tot en met"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        fouten = {}
        if self.begintijd and self.eindtijd and self.eindtijd <= self.begintijd:
            fouten["eindtijd"] = gettext("Het einde moet na het begin liggen.")
        if self.geldig_van and self.geldig_tot and self.geldig_tot < self.geldig_van:
            fouten["geldig_tot"] = gettext("De einddatum ligt vóór de begindatum.")
        if self.frequentie == self.Frequentie.MAANDELIJKS and self.week_van_de_maand is None:
            fouten["week_van_de_maand"] = gettext(
                "Kies welke week van de maand, bv. de tweede dinsdag."
            )
        if self.frequentie == self.Frequentie.WEKELIJKS and self.week_van_de_maand is not None:
            fouten["week_van_de_maand"] = gettext(
                "Een week van de maand hoort alleen bij een maandelijkse herhaling."
            )
        if fouten:
            raise ValidationError(fouten)

    def datums(self, van: dt.date, tot: dt.date) -> list[dt.date]:
        """The dates of the rule from ``van`` up to and including ``tot``."""
        einde = min(tot, self.geldig_tot) if self.geldig_tot else tot
        if einde < van or einde < self.geldig_van:
            return []
        dag = rrule.weekday(self.weekdag)
        if self.frequentie == self.Frequentie.MAANDELIJKS:
            regel = rrule.rrule(
                rrule.MONTHLY,
                interval=self.interval,
                byweekday=dag(self.week_van_de_maand),
                dtstart=dt.datetime.combine(self.geldig_van.replace(day=1), dt.time()),
                until=dt.datetime.combine(einde, dt.time()),
            )
        else:
            # "Every other Wednesday" counts from the first Wednesday on or after the start.
            eerste = self.geldig_van + dt.timedelta(
                days=(self.weekdag - self.geldig_van.weekday()) % 7
            )
            regel = rrule.rrule(
                rrule.WEEKLY,
                interval=self.interval,
                byweekday=dag,
                dtstart=dt.datetime.combine(eerste, dt.time()),
                until=dt.datetime.combine(einde, dt.time()),
            )
        eerste = max(van, self.geldig_van)
        return [d.date() for d in regel if d.date() >= eerste]

    @property
    def omschrijving(self) -> str:
        """The rule as a resident reads it: “elke tweede dinsdag van de maand, 09:00-12:00”."""
        if None in (self.weekdag, self.begintijd, self.eindtijd) or (
            self.frequentie == self.Frequentie.MAANDELIJKS and self.week_van_de_maand is None
        ):
            return ""  # a half-filled rule, e.g. a form sent back with errors
        dag = Weekdag(self.weekdag).label
        tijden = f"{self.begintijd:%H:%M}\N{EN DASH}{self.eindtijd:%H:%M}"
        if self.frequentie == self.Frequentie.MAANDELIJKS:
            week = WeekVanDeMaand(self.week_van_de_maand).label
            if self.interval == 1:
                tekst = gettext("elke %(week)s %(dag)s van de maand")
            else:
                tekst = gettext("de %(week)s %(dag)s, om de %(n)s maanden")
            return f"{tekst % {'week': week, 'dag': dag, 'n': self.interval}}, {tijden}"
        if self.interval == 1:
            tekst = gettext("elke %(dag)s")
        else:
            tekst = gettext("om de %(n)s weken op %(dag)s")
        return f"{tekst % {'dag': dag, 'n': self.interval}}, {tijden}"


# The fields of a rule in the order a form shows them (admin inlines of series and schedules).
HERHALING_VELDEN = [
    "frequentie",
    "interval",
    "weekdag",
    "week_van_de_maand",
    "begintijd",
    "eindtijd",
    "geldig_van",
    "geldig_tot",
]


class GeroldMoment(models.Model):
    """A dated occurrence, made by hand or by expanding a rule; it can be cancelled or moved."""

    begin = models.DateTimeField(_("begin"))
    einde = models.DateTimeField(_("einde"))
    geannuleerd = models.BooleanField(_("geannuleerd"), default=False)
    aangepast = models.BooleanField(
        _("met de hand aangepast"),
        default=False,
        help_text=_("Een verplaatst moment blijft staan als de herhaling opnieuw wordt berekend."),
    )
    oorspronkelijke_datum = models.DateField(
        _("oorspronkelijke datum"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De datum volgens de herhaling, ook als het moment verplaatst is."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A row made from a rule that is edited by hand keeps its edit when the rule is expanded
        # again; remembering that here keeps every edit path (admin, shell, services) honest.
        if self.pk and self.oorspronkelijke_datum is not None and not self.aangepast:
            oud = type(self).objects.filter(pk=self.pk).values("begin", "einde", "geannuleerd")
            oud = oud.first()
            if oud and (
                oud["begin"] != self.begin
                or oud["einde"] != self.einde
                or oud["geannuleerd"] != self.geannuleerd
            ):
                self.aangepast = True
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "aangepast"}
        super().save(*args, **kwargs)

    # A moment lasts at most this long; a longer offer is several moments. Queries for what is
    # still to come rely on it: they look back this far from now instead of over all history.
    LANGSTE_DUUR = dt.timedelta(days=7)

    def clean(self):
        if self.begin and self.einde and self.einde <= self.begin:
            raise ValidationError({"einde": gettext("Het einde moet na het begin liggen.")})
        if self.begin and self.einde and self.einde - self.begin > self.LANGSTE_DUUR:
            raise ValidationError(
                {
                    "einde": gettext(
                        "Een moment duurt hoogstens 7 dagen. Maak voor een langer aanbod "
                        "meerdere momenten."
                    )
                }
            )


def horizon() -> dt.date:
    """Until when rules are expanded into dated rows (``HVK_HORIZON_DAGEN`` from today)."""
    return timezone.localdate() + dt.timedelta(days=settings.HVK_HORIZON_DAGEN)


def rol_uit(
    *,
    regel: Herhalingsregel,
    gerold,
    nieuw,
    van: dt.date,
    tot: dt.date,
    bewaar=None,
    begonnen_voor: dt.datetime | None = None,
    volg: dict | None = None,
    afgelast: list | None = None,
):
    """Make the dated rows of ``regel`` between ``van`` and ``tot`` match the rule.

    ``gerold`` is the queryset of rows made from this rule; ``nieuw(begin, einde, dag)`` returns
    an unsaved row. Missing dates get a row, rows whose time changed with the rule follow it,
    and rows on dates the rule no longer has are deleted. Rows changed by hand (moved or
    cancelled) are left alone, and so are rows that begin before ``begonnen_voor`` (pass now so
    that this morning's row stays history although ``van`` is today). ``volg`` holds other
    field values that unchanged rows follow (e.g. the rule's place). Returns (made, updated,
    deleted) counts; rows cancelled instead of deleted count as updated, and are appended to
    ``afgelast`` when given (so the caller can tell whoever expected them). Call inside a
    transaction.
    """
    dagen = set(regel.datums(van, tot))
    bestaand = {
        rij.oorspronkelijke_datum: rij
        for rij in gerold.filter(oorspronkelijke_datum__gte=van, oorspronkelijke_datum__lte=tot)
    }
    begonnen = {
        dag
        for dag, rij in bestaand.items()
        if begonnen_voor is not None and rij.begin < begonnen_voor
    }
    te_maken, bijgewerkt, weg = [], 0, []
    for dag in sorted(dagen - begonnen):
        begin, einde = lokale_tijd(dag, regel.begintijd), lokale_tijd(dag, regel.eindtijd)
        rij = bestaand.get(dag)
        if rij is None:
            te_maken.append(nieuw(begin, einde, dag))
        elif not rij.aangepast and (
            rij.begin != begin
            or rij.einde != einde
            or any(getattr(rij, veld) != waarde for veld, waarde in (volg or {}).items())
        ):
            audit.bijwerken(rij, begin=begin, einde=einde, **(volg or {}))
            bijgewerkt += 1
    for dag, rij in bestaand.items():
        if dag not in dagen and dag not in begonnen and not rij.aangepast:
            weg.append(rij.pk)
    if te_maken:
        audit.aangemaakt(type(te_maken[0]).objects.bulk_create(te_maken))
    gewist = 0
    if weg:
        te_wissen = gerold.filter(pk__in=weg)
        if bewaar is not None:
            for rij in te_wissen.filter(bewaar):
                audit.bijwerken(rij, geannuleerd=True, aangepast=True)
                bijgewerkt += 1
                if afgelast is not None:
                    afgelast.append(rij)
            te_wissen = te_wissen.exclude(bewaar)
        gewist = te_wissen.count()
        te_wissen.delete()
    return len(te_maken), bijgewerkt, gewist

"""Opening hours as residents experience them: "open now?", "next opening", "this week".

Pure Python over rows already loaded (prefetched), so a list of places costs the same number
of queries whatever its length. All wall-clock times are in the Huis's time zone and turned
into aware instants per day, which keeps 9:00 at 9:00 across daylight-saving changes.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from hvk.herhaling import lokale_tijd

# How far ahead "next opening" looks before it says there is none.
ZOEK_DAGEN = 400


@dataclass(frozen=True)
class Slot:
    begin: dt.datetime
    einde: dt.datetime
    vrije_inloop: bool
    omschrijving: str = ""

    def bevat(self, moment: dt.datetime) -> bool:
        return self.begin <= moment < self.einde


@dataclass(frozen=True)
class Openingsstatus:
    open: bool
    huidig: Slot | None
    volgende: Slot | None


@dataclass(frozen=True)
class Dag:
    datum: dt.date
    slots: list[Slot]
    uitzondering: str


class Openingsschema:
    """The weekly slots of a place with its dated exceptions applied."""

    def __init__(self, openingsuren, uitzonderingen):
        self.per_weekdag: dict[int, list] = {}
        for uur in openingsuren:
            self.per_weekdag.setdefault(uur.weekdag, []).append(uur)
        self.uitzonderingen = list(uitzonderingen)

    @property
    def heeft_uren(self) -> bool:
        return bool(self.per_weekdag) or any(not u.gesloten for u in self.uitzonderingen)

    def dag(self, datum: dt.date) -> Dag:
        """The slots of one day: exceptions with hours replace the week, a closure empties it."""
        geldend = [u for u in self.uitzonderingen if u.geldt_op(datum)]
        met_uren = [u for u in geldend if not u.gesloten]
        if met_uren:
            bron = [(u.begin, u.einde, u.vrije_inloop, u.omschrijving) for u in met_uren]
        elif geldend:
            return Dag(datum, [], geldend[0].omschrijving)
        else:
            bron = [
                (u.begin, u.einde, u.vrije_inloop, "")
                for u in self.per_weekdag.get(datum.weekday(), [])
            ]
        # Slots are not orderable themselves; a day with two slots must sort by start time.
        slots = sorted(
            (
                Slot(lokale_tijd(datum, b), lokale_tijd(datum, e), inloop, tekst)
                for b, e, inloop, tekst in bron
            ),
            key=lambda slot: slot.begin,
        )
        return Dag(datum, slots, met_uren[0].omschrijving if met_uren else "")

    def slots_op(self, datum: dt.date) -> list[Slot]:
        return self.dag(datum).slots

    def status(self, op: dt.datetime | None = None) -> Openingsstatus:
        """Open at ``op`` (default now)? With the current slot and the next one that starts."""
        op = op or timezone.now()
        vandaag = timezone.localdate(op)
        huidig = next((s for s in self.slots_op(vandaag) if s.bevat(op)), None)
        volgende = self.volgende_opening(huidig.einde if huidig else op)
        return Openingsstatus(open=huidig is not None, huidig=huidig, volgende=volgende)

    def is_open_op(self, moment: dt.datetime) -> bool:
        return self.status(moment).open

    def volgende_opening(self, na: dt.datetime | None = None) -> Slot | None:
        """The first slot that starts at or after ``na``."""
        na = na or timezone.now()
        if not self.heeft_uren:
            return None
        start = timezone.localdate(na)
        for i in range(ZOEK_DAGEN):
            dag = start + dt.timedelta(days=i)
            slot = next((s for s in self.slots_op(dag) if s.begin >= na), None)
            if slot:
                return slot
        return None

    def week(self, van: dt.date) -> list[Dag]:
        """Seven days from ``van`` with exceptions applied, for a page or a flyer."""
        return [self.dag(van + dt.timedelta(days=i)) for i in range(7)]

    def vrije_inloop_op(self, datum: dt.date) -> list[Slot]:
        return [s for s in self.slots_op(datum) if s.vrije_inloop]

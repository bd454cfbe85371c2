"""The business's calendar: days are read in `CDP_BUSINESS_TIMEZONE`, instants stay UTC.

Whatever asks "which day is it" (an overdue invoice, later birthdays and goal periods), or when
so many opening hours have passed (a complaint's service level), asks here, so that every part
of the platform turns the same instant into the same day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cdp import bounds
from cdp.errors import ValueOutOfRange
from cdp.settings import Settings

_EARLIEST = date(bounds.PERIOD_YEARS[0], 1, 1)
_LATEST = date(bounds.PERIOD_YEARS[1], 12, 31)


def today(settings: Settings, *, now: datetime | None = None) -> date:
    """Today's date in the business time zone; `now`, an aware instant, stands for the clock."""
    instant = datetime.now(UTC) if now is None else now
    return instant.astimezone(ZoneInfo(settings.business_timezone)).date()


def day_starts(day: date, zone: ZoneInfo) -> datetime:
    """The instant (UTC) at which business day `day` starts in `zone`. Where a change of offset
    skips midnight, the offset before it applies: that instant is the change itself, the day's
    first moment."""
    return datetime.combine(day, time(), zone).astimezone(UTC)


def period_instants(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The business days `first` to `last`, both inclusive, as instants (UTC): from the start
    of `first` (inclusive) to the start of the day after `last` (exclusive)."""
    return day_starts(first, zone), day_starts(last + timedelta(days=1), zone)


def stored_period(value: Mapping[str, Any], zone: ZoneInfo, field: str) -> dict[str, Any]:
    """A client's period (`from`, `to`: business days, both inclusive) as it is stored (a
    goal's, a campaign's): its days and the instants they span in `zone`, fixed when it is set
    (a later change of zone does not move the past). VALUE_OUT_OF_RANGE beyond its bounds."""
    first, last = value["from"], value["to"]
    for day, name in ((first, "from"), (last, "to")):
        if not _EARLIEST <= day <= _LATEST:
            limit = f"{_EARLIEST}..{_LATEST}"
            raise ValueOutOfRange(f"Must be from {limit}.", field=f"{field}.{name}", limit=limit)
    days = (last - first).days + 1
    if days < 1:
        raise ValueOutOfRange(
            "A period ends on or after its first day.", field=f"{field}.to", limit=">= from"
        )
    if days > bounds.PERIOD_DAYS:
        raise ValueOutOfRange(
            f"A period spans at most {bounds.PERIOD_DAYS} days.",
            field=f"{field}.to",
            limit=bounds.PERIOD_DAYS,
        )
    starts, ends = period_instants(first, last, zone)
    return {"periodFrom": first, "periodTo": last, "startsAt": starts, "endsAt": ends}


# Opening hours: Monday to Friday, 09:00 to 17:00 in the business time zone. Service levels in
# business hours count only these.
OPENING_DAYS = frozenset(range(5))  # Monday is 0
OPENS, CLOSES = time(9), time(17)


def after_business_hours(start: datetime, hours: float, zone: ZoneInfo) -> datetime:
    """The instant (UTC) at which `hours` of opening hours have passed since `start`; a start
    outside them counts from the next opening."""
    remaining = timedelta(hours=hours)
    day = start.astimezone(zone).date()
    while True:
        if day.weekday() in OPENING_DAYS:
            # Compared and added in UTC: a day's wall-clock span may cross a change of offset.
            opens = datetime.combine(day, OPENS, zone).astimezone(UTC)
            closes = datetime.combine(day, CLOSES, zone).astimezone(UTC)
            begin = max(opens, start.astimezone(UTC))
            if begin < closes:
                if remaining <= closes - begin:
                    return begin + remaining
                remaining -= closes - begin
        day += timedelta(days=1)

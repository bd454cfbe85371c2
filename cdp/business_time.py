"""The business's calendar: days are read in `CDP_BUSINESS_TIMEZONE`, instants stay UTC.

Whatever asks "which day is it" (an overdue invoice, later birthdays and goal periods) asks
here, so that every part of the platform turns the same instant into the same day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from cdp.settings import Settings


def today(settings: Settings, *, now: datetime | None = None) -> date:
    """Today's date in the business time zone; `now`, an aware instant, stands for the clock."""
    instant = datetime.now(UTC) if now is None else now
    return instant.astimezone(ZoneInfo(settings.business_timezone)).date()

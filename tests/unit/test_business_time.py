"""Which day it is for the business: the instant read in CDP_BUSINESS_TIMEZONE."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from cdp import business_time
from cdp.settings import Settings, load_settings

# 23:30 UTC on 10 March 2026: already the 11th in Berlin (UTC+1), still the 10th in New York.
LATE_EVENING_UTC = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("CDP_"):
            monkeypatch.delenv(name)


def test_the_default_zone_is_utc() -> None:
    settings = load_settings()
    assert settings.business_timezone == "UTC"
    assert business_time.today(settings, now=LATE_EVENING_UTC) == date(2026, 3, 10)


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        ("UTC", date(2026, 3, 10)),
        ("Europe/Berlin", date(2026, 3, 11)),
        ("America/New_York", date(2026, 3, 10)),
        ("Pacific/Kiritimati", date(2026, 3, 11)),
    ],
)
def test_today_is_the_day_in_the_business_zone(zone: str, day: date) -> None:
    assert business_time.today(Settings(business_timezone=zone), now=LATE_EVENING_UTC) == day


def test_an_instant_given_with_another_offset_is_the_same_instant() -> None:
    tokyo = LATE_EVENING_UTC.astimezone(timezone(timedelta(hours=9)))  # 08:30 on the 11th
    assert business_time.today(Settings(), now=tokyo) == date(2026, 3, 10)


def test_daylight_saving_time_moves_midnight() -> None:
    berlin = Settings(business_timezone="Europe/Berlin")
    # Berlin is UTC+2 in summer: 22:30 UTC on 1 July is already the 2nd there.
    assert business_time.today(berlin, now=datetime(2026, 7, 1, 22, 30, tzinfo=UTC)) == date(
        2026, 7, 2
    )
    # In winter (UTC+1) the same clock time in UTC is still the 1st.
    assert business_time.today(berlin, now=datetime(2026, 1, 1, 22, 30, tzinfo=UTC)) == date(
        2026, 1, 1
    )


def test_without_an_instant_the_clock_is_read() -> None:
    settings = Settings(business_timezone="Europe/Berlin")
    before = business_time.today(settings, now=datetime.now(UTC))
    after = business_time.today(settings)
    assert after in {before, before + timedelta(days=1)}


def test_the_zone_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDP_BUSINESS_TIMEZONE", "Europe/Berlin")
    assert load_settings().business_timezone == "Europe/Berlin"


# --- opening hours ----------------------------------------------------------------------------

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.mark.parametrize(
    ("start", "hours", "due"),
    [
        # Wednesday 4 March 2026, 10:00 in Berlin (09:00 UTC): within the day.
        (datetime(2026, 3, 4, 9, 0, tzinfo=UTC), 4, datetime(2026, 3, 4, 13, 0, tzinfo=UTC)),
        # Past closing it goes on at the next opening: 7 h on Wednesday, 1 h on Thursday.
        (datetime(2026, 3, 4, 9, 0, tzinfo=UTC), 8, datetime(2026, 3, 5, 9, 0, tzinfo=UTC)),
        # Friday 16:00 in Berlin: one hour on Friday, the rest on Monday from 09:00 (08:00 UTC).
        (datetime(2026, 3, 6, 15, 0, tzinfo=UTC), 3, datetime(2026, 3, 9, 10, 0, tzinfo=UTC)),
        # A Sunday night counts from Monday's opening.
        (datetime(2026, 3, 8, 22, 0, tzinfo=UTC), 1, datetime(2026, 3, 9, 9, 0, tzinfo=UTC)),
        # Across the change to summer time (29 March): Monday opens at 07:00 UTC.
        (datetime(2026, 3, 27, 15, 0, tzinfo=UTC), 2, datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),
        # Two full business days.
        (datetime(2026, 3, 4, 8, 0, tzinfo=UTC), 16, datetime(2026, 3, 5, 16, 0, tzinfo=UTC)),
    ],
)
def test_opening_hours_are_counted_in_the_business_zone(
    start: datetime, hours: int, due: datetime
) -> None:
    assert business_time.after_business_hours(start, hours, BERLIN) == due


def test_a_period_spans_its_business_days_as_instants() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # March 2026 starts in winter time (UTC+1) and ends in summer time (UTC+2).
    assert business_time.period_instants(date(2026, 3, 1), date(2026, 3, 31), berlin) == (
        datetime(2026, 2, 28, 23, tzinfo=UTC),
        datetime(2026, 3, 31, 22, tzinfo=UTC),
    )
    assert business_time.day_starts(date(2026, 3, 1), ZoneInfo("UTC")) == datetime(
        2026, 3, 1, tzinfo=UTC
    )


def test_a_day_whose_midnight_is_skipped_starts_at_the_change() -> None:
    # São Paulo went from 00:00 straight to 01:00 (UTC-3 to UTC-2) on 4 November 2018.
    starts = business_time.day_starts(date(2018, 11, 4), ZoneInfo("America/Sao_Paulo"))
    assert starts == datetime(2018, 11, 4, 3, tzinfo=UTC)

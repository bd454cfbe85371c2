"""The service-level table's one lookup, and the due times it gives."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from cdp.touchpoints.service_levels import TABLE, ServiceLevel, service_level

UTC_ZONE = ZoneInfo("UTC")


@pytest.mark.parametrize(
    ("customer", "level"),
    [
        ({"lifecycleStage": "CUSTOMER"}, ServiceLevel(8, business_hours=True)),
        ({"lifecycleStage": "LEAD", "keyAccount": False}, ServiceLevel(16, business_hours=True)),
        ({"lifecycleStage": "CUSTOMER", "keyAccount": True}, ServiceLevel(4, business_hours=False)),
        ({}, ServiceLevel(16, business_hours=True)),  # stored before stages: a lead's
        ({"lifecycleStage": "SOMETHING NEW"}, ServiceLevel(16, business_hours=True)),
    ],
)
def test_the_lookup_reads_the_customer_s_record(
    customer: dict[str, object], level: ServiceLevel
) -> None:
    assert service_level(customer) == level


def test_every_stage_has_a_row_with_and_without_the_flag() -> None:
    stages = {"LEAD", "PROSPECT", "CUSTOMER", "FORMER"}
    assert set(TABLE) == {(stage, flag) for stage in stages for flag in (False, True)}


def test_calendar_hours_run_around_the_clock() -> None:
    saturday_night = datetime(2026, 3, 7, 23, 0, tzinfo=UTC)
    due = ServiceLevel(4, business_hours=False).due_at(saturday_night, UTC_ZONE)
    assert due == datetime(2026, 3, 8, 3, 0, tzinfo=UTC)


def test_business_hours_wait_for_the_opening() -> None:
    saturday_night = datetime(2026, 3, 7, 23, 0, tzinfo=UTC)
    due = ServiceLevel(8, business_hours=True).due_at(saturday_night, UTC_ZONE)
    assert due == datetime(2026, 3, 9, 17, 0, tzinfo=UTC)

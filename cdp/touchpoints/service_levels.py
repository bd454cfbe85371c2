"""How soon a customer's complaint is due: the service-level table and its one lookup.

The table is read when a complaint is recorded, and the due time stored on it, so that a later
change of the table does not rewrite history. Today a row is chosen by the customer's lifecycle
stage and key-account flag; `service_level` is the one place that chooses, so customer classes
can replace the flag without touching its callers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cdp.business_time import after_business_hours


@dataclass(frozen=True)
class ServiceLevel:
    hours: int
    business_hours: bool  # counted in opening hours (`cdp.business_time`), else around the clock

    def due_at(self, recorded_at: datetime, zone: ZoneInfo) -> datetime:
        if self.business_hours:
            return after_business_hours(recorded_at, self.hours, zone)
        return recorded_at.astimezone(UTC) + timedelta(hours=self.hours)


# (lifecycle stage, key account) → service level. Key accounts are answered within hours around
# the clock; a paying customer within a business day; others within two.
TABLE: Mapping[tuple[str, bool], ServiceLevel] = {
    ("LEAD", False): ServiceLevel(16, business_hours=True),
    ("PROSPECT", False): ServiceLevel(16, business_hours=True),
    ("CUSTOMER", False): ServiceLevel(8, business_hours=True),
    ("FORMER", False): ServiceLevel(16, business_hours=True),
    **{
        (stage, True): ServiceLevel(4, business_hours=False)
        for stage in ("LEAD", "PROSPECT", "CUSTOMER", "FORMER")
    },
}
# A stage the table does not name (none today) is served as a lead's.
DEFAULT = TABLE[("LEAD", False)]


def service_level(customer: Mapping[str, Any]) -> ServiceLevel:
    """The service level of a customer's complaints, from the customer's stored properties."""
    key = (customer.get("lifecycleStage") or "LEAD", bool(customer.get("keyAccount")))
    return TABLE.get(key, DEFAULT)

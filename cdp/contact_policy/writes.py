"""An admin changes the contact policy: the settings given change, the others stay."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from cdp.contact_policy.facts import policy_of
from cdp.errors import ValueOutOfRange
from cdp.request import Operation
from cdp.writes import Tx, one, transaction

# Each setting's name in the graph, and its range.
SETTINGS = {
    "weekly_limit": ("weeklyLimit", 0, 100),
    "monthly_limit": ("monthlyLimit", 0, 400),
    "quiet_hours_after_service": ("quietHoursAfterService", 0, 24 * 30),
    "invoice_reminder_days": ("invoiceReminderDays", 1, 90),
}
_SET = """
MERGE (p:ContactPolicy {id: 'policy'})
SET p += $props, p.updatedAt = datetime(), p.updatedBy = $by
RETURN p {.*} AS policy
"""


async def set_contact_policy(op: Operation, data: dict[str, Any]) -> dict[str, Any]:
    props = {}
    for key, (name, low, high) in SETTINGS.items():
        value = data.get(key)
        if value is None:
            continue
        if not low <= value <= high:
            raise ValueOutOfRange(
                f"From {low} to {high}.", field=f"input.{_camel(key)}", limit=f"{low}..{high}"
            )
        props[name] = value

    async def work(tx: Tx) -> dict[str, Any]:
        row = await one(tx, _SET, {"props": props, "by": op.actor})
        assert row is not None
        return asdict(policy_of(row["policy"]))

    return await transaction(op, work)


def _camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.capitalize() for part in rest)

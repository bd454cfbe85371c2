"""Touchpoints: every contact with a customer or prospect, with its nature and outcome."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cdp import validation
from cdp.compiler.selection import Selected
from cdp.consent.writes import MARKETING_KINDS, require_marketing_consent
from cdp.entitlement import require_entitled
from cdp.errors import NotFound
from cdp.idempotency import Retry, require_key
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, project_stored, transaction

# Setting and removing a property takes the customer's write lock (and leaves it as it was):
# `lastContactAt` below is then read as the last writer committed it, so the latest contact wins
# whatever the order in which concurrent records commit.
_CHECK = """
OPTIONAL MATCH (c:Customer {id: $customerId})
SET c.__lock = true
REMOVE c.__lock
WITH c
OPTIONAL MATCH (e:Employee {id: $employeeId})
RETURN c IS NOT NULL AS customerFound, e IS NOT NULL AS employeeFound
"""
# The customer's lastContactAt is kept for sorting customer lists by it.
_RECORD = """
MATCH (c:Customer {id: $customerId})
CREATE (c)-[:HAD]->(t:Touchpoint {id: $id})
SET t += $props,
    c.lastContactAt = CASE WHEN c.lastContactAt IS NULL OR c.lastContactAt < t.occurredAt
                           THEN t.occurredAt ELSE c.lastContactAt END
WITH t
CALL (t) {
  MATCH (e:Employee {id: $employeeId})
  CREATE (t)-[:HANDLED_BY]->(e)
}
"""


async def record_touchpoint(op: Operation, data: dict[str, Any], selected: Selected) -> Row:
    customer_id = op.require_id(data["customer_id"], "Customer", "input.customerId")
    op.audited.note_customers([customer_id])
    employee_id = data.get("handled_by_id")
    if employee_id:
        op.require_id(employee_id, "Employee", "input.handledById")
    satisfaction = data.get("satisfaction")
    if satisfaction is not None:
        validation.in_range(satisfaction, 1, 5, "input.satisfaction")
    now = datetime.now(UTC)
    key = require_key(data.get("idempotency_key"), "input.idempotencyKey")
    retry = (
        Retry.of("recordTouchpoint", key, "input.idempotencyKey", data, now, op.policy)
        if key
        else None
    )
    props = {
        "channel": data["channel"],
        "direction": data["direction"],
        "kind": data["kind"],
        "occurredAt": data.get("occurred_at") or now,
        "summary": validation.optional_text(data.get("summary"), "input.summary"),
        "outcome": validation.optional_text(data.get("outcome"), "input.outcome"),
        "satisfaction": satisfaction,
        "resolved": bool(data.get("resolved")),
    }
    touchpoint_id = op.new_id("Touchpoint")

    async def work(tx: Tx) -> Row:
        if retry is not None and (first := await retry.first_result(tx)) is not None:
            row = await project_stored(tx, op, "Touchpoint", first, selected)
            if row is None:
                raise retry.gone()
            return row
        found = await one(tx, _CHECK, {"customerId": customer_id, "employeeId": employee_id})
        assert found is not None
        if not found["customerFound"]:
            raise NotFound(f"No customer has id {customer_id!r}.", field="input.customerId")
        if employee_id and not found["employeeFound"]:
            raise NotFound(f"No employee has id {employee_id!r}.", field="input.handledById")
        await require_entitled(tx, op, customer_id, "input.customerId")
        if props["direction"] == "OUTBOUND" and props["kind"] in MARKETING_KINDS:
            await require_marketing_consent(tx, customer_id, props["channel"])
        result = await tx.run(
            _RECORD,
            {
                "customerId": customer_id,
                "employeeId": employee_id,
                "id": touchpoint_id,
                "props": props,
            },
        )
        await result.consume()
        if retry is not None:
            await retry.settle(tx, touchpoint_id)
        return await project_one(tx, op, "Touchpoint", touchpoint_id, selected)

    return await transaction(op, work)

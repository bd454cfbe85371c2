"""Reminding a customer of an overdue invoice: a REMINDER touchpoint linked to the order.

`(:Touchpoint {kind: 'REMINDER'})-[:REMINDS]->(:Order)`. A reminder is a contact like any other
(the contact policy holds it: the customer's wish, the limits), and an invoice is reminded of
at most once in the policy's `invoiceReminderDays`; an override with a reason makes it anyway.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from cdp import bounds, validation
from cdp.compiler.selection import Selected
from cdp.contact_policy.guard import guard_contact
from cdp.errors import Conflict, NotFound
from cdp.orders import status as lifecycle
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, transaction

# The customer's write lock first (as every change of its orders): the invoice's state and its
# last reminder are then read as the last writer committed them.
_LOCK = """
MATCH (c:Customer)-[:PLACED]->(:Order {id: $id})
SET c.__lock = true
REMOVE c.__lock
RETURN c.id AS customerId
"""
_STATE = """
MATCH (c:Customer)-[:PLACED]->(o:Order {id: $id})
RETURN o.status AS status, o.paidAt IS NOT NULL AS paid, o.invoiceDueDate AS due,
       COLLECT { MATCH (o)<-[:REMINDS]-(r:Touchpoint) RETURN r.occurredAt
                 ORDER BY r.occurredAt DESC LIMIT 1 }[0] AS lastReminderAt,
       head(COLLECT { MATCH (c)<-[w:OWNS]-(e:Employee) WHERE w.until IS NULL RETURN e.id })
         AS ownerId
"""
_RECORD = """
MATCH (c:Customer {id: $customerId})-[:PLACED]->(o:Order {id: $orderId})
CREATE (c)-[:HAD]->(t:Touchpoint {id: $id})-[:REMINDS]->(o)
SET t += $props,
    c.lastContactAt = CASE WHEN c.lastContactAt IS NULL OR c.lastContactAt < t.occurredAt
                           THEN t.occurredAt ELSE c.lastContactAt END
WITH t
CALL (t) {
  MATCH (e:Employee {id: $handlerId})
  CREATE (t)-[:HANDLED_BY]->(e)
}
"""


async def record_invoice_reminder(
    op: Operation,
    order_id: str,
    channel: str,
    selected: Selected,
    *,
    today: date,
    override: str | None,
) -> Row:
    """Remind the customer of the order's overdue invoice; returns the reminder touchpoint."""
    op.require_id(order_id, "Order", "order")
    if override is not None:
        override = validation.text(override, "override.reason", max_length=bounds.NAME)
    touchpoint_id = op.new_id("Touchpoint")

    async def work(tx: Tx) -> Row:
        locked = await one(tx, _LOCK, {"id": order_id})
        if locked is None:
            raise NotFound(f"No order of a customer has id {order_id!r}.", field="order")
        customer_id = locked["customerId"]
        op.audited.note_customers([customer_id])
        state = await one(tx, _STATE, {"id": order_id})
        assert state is not None
        if state["status"] not in lifecycle.INVOICED or state["status"] == lifecycle.UNREALIZED:
            raise Conflict(
                f"A {state['status'].lower()} order has no invoice to remind of.", field="order"
            )
        if state["paid"]:
            raise Conflict("This invoice is paid.", field="order")
        if state["due"] is None or state["due"].to_native() >= today:
            raise Conflict("This invoice is not overdue.", field="order")
        now = datetime.now(UTC)
        last = state["lastReminderAt"]
        props = {
            "channel": channel,
            "direction": "OUTBOUND",
            "kind": "REMINDER",
            "occurredAt": now,
            "resolved": False,
            **await guard_contact(
                tx,
                customer_id=customer_id,
                kind="REMINDER",
                channel=channel,
                at=now,
                now=now,
                override=override,
                by=op.actor,
                last_reminder=last.to_native() if last is not None else None,
                fields=("order", "channel"),
            ),
        }
        # Whoever reminds: the employee the key acts for, else the account owner.
        handler = op.policy.viewer.employee_id or state["ownerId"]
        params = {
            "customerId": customer_id,
            "orderId": order_id,
            "id": touchpoint_id,
            "props": props,
            "handlerId": handler,
        }
        await (await tx.run(_RECORD, params)).consume()
        return await project_one(tx, op, "Touchpoint", touchpoint_id, selected)

    return await transaction(op, work)

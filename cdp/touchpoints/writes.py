"""Touchpoints: every contact with a customer or prospect, with its nature and outcome.

A complaint is due by its customer's service level (`service_levels`), computed and stored when
it is recorded, and handled by the customer's account owner unless the caller names someone:
one named person for all of a customer's matters.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from cdp import bounds, validation
from cdp.compiler.selection import Selected
from cdp.contact_policy.guard import guard_contact
from cdp.entitlement import require_entitled
from cdp.errors import BadUserInput, Forbidden, InvalidTransition, NotFound
from cdp.idempotency import Retry, require_key
from cdp.request import Operation
from cdp.touchpoints.service_levels import service_level
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
OPTIONAL MATCH (k:Campaign {id: $campaignId})
RETURN c IS NOT NULL AS customerFound, e IS NOT NULL AS employeeFound,
       k IS NOT NULL AS campaignFound,
       c {.lifecycleStage, .keyAccount} AS customer,
       head(COLLECT { MATCH (c)<-[o:OWNS]-(owner:Employee) WHERE o.until IS NULL
                      RETURN owner.id }) AS ownerId
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
CALL (t) {
  MATCH (asked:Touchpoint {id: $inReplyTo})
  CREATE (t)-[:REPLIES_TO]->(asked)
}
CALL (t) {
  MATCH (k:Campaign {id: $campaignId})
  CREATE (t)-[:IN_CAMPAIGN]->(k)
}
"""
# A reply answers an inbound touchpoint of the same customer.
_ASKED = """
MATCH (:Customer {id: $customerId})-[:HAD]->(t:Touchpoint {id: $id})
WHERE t.direction = 'INBOUND'
RETURN t.id AS id
"""


COMPLAINT = "COMPLAINT"


async def record_touchpoint(
    op: Operation, data: dict[str, Any], selected: Selected, *, zone: ZoneInfo
) -> Row:
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
        "followUpAt": data.get("follow_up_at"),
    }
    if props["resolved"]:
        # Resolved while it happened: at first contact.
        props["resolvedAt"] = props["occurredAt"]
        props["firstContactResolution"] = props["kind"] == COMPLAINT
    reply_to = data.get("in_reply_to")
    if reply_to is not None:
        op.require_id(reply_to, "Touchpoint", "input.inReplyTo")
    campaign_id = data.get("campaign_id")
    if campaign_id is not None:
        if op.policy.partner is not None:
            # Campaigns are the business's own: no part of a partner's view.
            raise Forbidden("A partner cannot name a campaign.", field="input.campaignId")
        op.require_id(campaign_id, "Campaign", "input.campaignId")
    override = None
    if data.get("override") is not None:
        if op.policy.partner is not None:
            # Overriding the policy is the business's decision, taken by its staff.
            raise Forbidden("A partner cannot override the contact policy.", field="input.override")
        override = validation.text(
            data["override"]["reason"], "input.override.reason", max_length=bounds.NAME
        )
    touchpoint_id = op.new_id("Touchpoint")

    async def work(tx: Tx) -> Row:
        if retry is not None and (first := await retry.first_result(tx)) is not None:
            row = await project_stored(tx, op, "Touchpoint", first, selected)
            if row is None:
                raise retry.gone()
            return row
        found = await one(
            tx,
            _CHECK,
            {"customerId": customer_id, "employeeId": employee_id, "campaignId": campaign_id},
        )
        assert found is not None
        if not found["customerFound"]:
            raise NotFound(f"No customer has id {customer_id!r}.", field="input.customerId")
        if employee_id and not found["employeeFound"]:
            raise NotFound(f"No employee has id {employee_id!r}.", field="input.handledById")
        if campaign_id and not found["campaignFound"]:
            raise NotFound(f"No campaign has id {campaign_id!r}.", field="input.campaignId")
        await require_entitled(tx, op, customer_id, "input.customerId")
        if (
            reply_to is not None
            and await one(tx, _ASKED, {"customerId": customer_id, "id": reply_to}) is None
        ):
            raise BadUserInput(
                "A reply answers an inbound touchpoint of the same customer.",
                field="input.inReplyTo",
            )
        if props["direction"] == "OUTBOUND" and reply_to is None:
            props.update(
                await guard_contact(
                    tx,
                    customer_id=customer_id,
                    kind=props["kind"],
                    channel=props["channel"],
                    at=props["occurredAt"],
                    now=now,
                    override=override,
                    by=op.actor,
                )
            )
        handler = employee_id
        if props["kind"] == COMPLAINT:
            level = service_level(found["customer"])
            props["dueAt"] = level.due_at(props["occurredAt"], zone)
            handler = employee_id or found["ownerId"]
        result = await tx.run(
            _RECORD,
            {
                "customerId": customer_id,
                "employeeId": handler,
                "id": touchpoint_id,
                "props": props,
                "inReplyTo": reply_to,
                "campaignId": campaign_id,
            },
        )
        await result.consume()
        if retry is not None:
            await retry.settle(tx, touchpoint_id)
        return await project_one(tx, op, "Touchpoint", touchpoint_id, selected)

    return await transaction(op, work)


# The touchpoint's write lock first: what the next statement reads is the last committed state.
_LOCK = """
MATCH (t:Touchpoint {id: $id})
SET t.__lock = true
REMOVE t.__lock
RETURN t.kind AS kind, coalesce(t.resolved, false) AS resolved,
       head(COLLECT { MATCH (c:Customer)-[:HAD]->(t) RETURN c.id }) AS customerId
"""
_RESOLVE = """
MATCH (t:Touchpoint {id: $id})
SET t.resolved = true, t.resolvedAt = $now, t.resolution = $resolution,
    t.firstContactResolution = $firstContact, t.resolvedBy = $by
"""


async def resolve_complaint(
    op: Operation, touchpoint_id: str, resolution: str, first_contact: bool, selected: Selected
) -> Row:
    """Close a complaint, once: resolving it again is INVALID_TRANSITION."""
    op.require_id(touchpoint_id, "Touchpoint", "id")
    resolution = validation.text(resolution, "resolution", max_length=bounds.NOTES)

    async def work(tx: Tx) -> Row:
        state = await _locked(tx, op, touchpoint_id)
        if state["kind"] != COMPLAINT:
            raise BadUserInput("Only a complaint is resolved this way.", field="id")
        if state["resolved"]:
            raise InvalidTransition("This complaint is resolved already.", field="id")
        params = {
            "id": touchpoint_id,
            "now": datetime.now(UTC),
            "resolution": resolution,
            "firstContact": first_contact,
            "by": op.actor,
        }
        await (await tx.run(_RESOLVE, params)).consume()
        return await project_one(tx, op, "Touchpoint", touchpoint_id, selected)

    return await transaction(op, work)


_PATCHED = {
    "summary": "summary",
    "outcome": "outcome",
    "satisfaction": "satisfaction",
    "follow_up_at": "followUpAt",
}


async def update_touchpoint(
    op: Operation, touchpoint_id: str, data: dict[str, Any], selected: Selected
) -> Row:
    """Change what was said and how it went; a field given as null is cleared, one left out
    stays."""
    op.require_id(touchpoint_id, "Touchpoint", "id")
    props: dict[str, Any] = {}
    for key, name in _PATCHED.items():
        if key in data:
            props[name] = data[key]
    for key in ("summary", "outcome"):
        if key in data:
            props[key] = validation.optional_text(data[key], f"input.{key}")
    if props.get("satisfaction") is not None:
        validation.in_range(props["satisfaction"], 1, 5, "input.satisfaction")

    async def work(tx: Tx) -> Row:
        await _locked(tx, op, touchpoint_id)
        query = "MATCH (t:Touchpoint {id: $id}) SET t += $props"
        await (await tx.run(query, {"id": touchpoint_id, "props": props})).consume()
        return await project_one(tx, op, "Touchpoint", touchpoint_id, selected)

    return await transaction(op, work)


async def _locked(tx: Tx, op: Operation, touchpoint_id: str) -> Row:
    """The touchpoint's kind and state, read under its write lock; its customer is noted in
    the operation's audit record."""
    state = await one(tx, _LOCK, {"id": touchpoint_id})
    if state is None:
        raise NotFound(f"No touchpoint has id {touchpoint_id!r}.", field="id")
    if state["customerId"] is not None:
        op.audited.note_customers([state["customerId"]])
    return state

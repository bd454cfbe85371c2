"""Consent: append-only events per purpose and channel; the current state is the latest event.

Purposes: MARKETING, PROFILING, SHARING (with partners). MARKETING consent is given per channel,
or without one for every channel (stored as `ANY`); a purpose that is not about contacting
(sharing, profiling) has none, and one given is refused. Which contacts need which consent is
said in `cdp.consent.channels`; the contact policy (`cdp.contact_policy`) applies it.

Who may widen consent: a partner may pass on a customer's first consent to sharing, but never
turn a refusal or a withdrawal into a grant, whoever recorded it; that goes through the
business. Every event is recorded under the customer's write lock and, unless given, dated when
the lock is held, so events are dated in the order they commit and the guard reads the events
that visibility reads (`cdp.compiler.cypher.latest_sharing`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cdp import validation
from cdp.compiler.cypher import SHARING, latest_sharing
from cdp.compiler.selection import Selected
from cdp.entitlement import require_entitled
from cdp.errors import BadUserInput, Forbidden, NotFound
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, transaction

# Purposes that are not about contacting anyone, so have no channel.
CHANNEL_LESS = frozenset({"PROFILING", SHARING})
NARROWED = frozenset({"DENIED", "WITHDRAWN"})

# Setting a property takes the customer's write lock: consent events of one customer are
# recorded one after the other, dated (unless given) once the lock is held, and read by the
# guard after every earlier one has committed.
_LOCK = (
    """
MATCH (c:Customer {id: $customerId})
SET c.consentRecordedAt = datetime.realtime()
RETURN """
    + latest_sharing("c")
    + """ AS sharing
"""
)
_RECORD = """
MATCH (c:Customer {id: $customerId})
SET c.consentRecordedAt = datetime.realtime()
CREATE (c)-[:GAVE]->(:ConsentEvent {purpose: $purpose, channel: $channel, status: $status,
                                    at: coalesce($at, datetime.realtime()), source: $source,
                                    recordedAt: datetime.realtime()})
RETURN c.id AS id
"""


async def record_consent(op: Operation, data: dict[str, Any], selected: Selected) -> Row:
    customer_id = op.require_id(data["customer_id"], "Customer", "input.customerId")
    op.audited.note_customers([customer_id])
    purpose, status = data["purpose"], data["status"]
    if purpose in CHANNEL_LESS and data.get("channel") is not None:
        raise BadUserInput(f"{purpose} consent has no channel.", field="input.channel")
    at = data.get("at")
    if at is not None and at > datetime.now(UTC):
        # A future date would outrank every later statement of the customer's.
        raise BadUserInput("Must not be in the future.", field="input.at")
    source = validation.text(data.get("source"), "input.source", max_length=200)
    # A partner's grant of sharing is the one write that could widen what was narrowed.
    guarded = op.policy.partner is not None and purpose == SHARING and status == "GRANTED"

    async def work(tx: Tx) -> Row:
        await require_entitled(tx, op, customer_id, "input.customerId", consent=False)
        if guarded:
            locked = await one(tx, _LOCK, {"customerId": customer_id})
            if locked is not None and locked["sharing"] in NARROWED:
                raise Forbidden(
                    "The customer refused or withdrew consent to sharing; a partner cannot "
                    "grant it again.",
                    field="input.status",
                )
        recorded = await one(
            tx,
            _RECORD,
            {
                "customerId": customer_id,
                "purpose": purpose,
                "channel": data.get("channel") or "ANY",
                "status": status,
                "at": at,
                "source": source,
            },
        )
        if recorded is None:
            raise NotFound("No customer has this id.", field="input.customerId")
        return await project_one(tx, op, "Customer", customer_id, selected)

    return await transaction(op, work)

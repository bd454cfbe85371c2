"""Consent: append-only events per purpose and channel; the current state is the latest event.

Purposes: MARKETING, PROFILING, SHARING (with partners). Channels: EMAIL, SMS, PHONE, POST, or
none for a purpose that is not about contacting (sharing, profiling). An outbound marketing
touchpoint on a channel needs the customer's current MARKETING consent on that channel.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cdp import audit, validation
from cdp.entitlement import require_entitled
from cdp.errors import BadUserInput, CdpError, ErrorCode, Forbidden, NotFound
from cdp.graph import Graph
from cdp.ids import require_id
from cdp.policy import current_policy
from cdp.selection import Selected
from cdp.writes import Row, Tx, one, project_one, transaction

# The touchpoint channels that reach a person directly, and the consent channel each needs.
CONSENT_CHANNEL = {
    "EMAIL": "EMAIL",
    "NEWSLETTER": "EMAIL",
    "SMS": "SMS",
    "PHONE": "PHONE",
    "POST": "POST",
    "FAX": "POST",
}
MARKETING_KINDS = frozenset({"MARKETING", "OFFER"})

_RECORD = """
MATCH (c:Customer {id: $customerId})
CREATE (c)-[:GAVE]->(:ConsentEvent {purpose: $purpose, channel: $channel, status: $status,
                                    at: $at, source: $source, recordedAt: datetime()})
RETURN c.id AS id
"""
_CURRENT = """
MATCH (c:Customer {id: $customerId})
RETURN COLLECT { MATCH (c)-[:GAVE]->(e:ConsentEvent)
                 WHERE e.purpose = $purpose AND e.channel = $channel
                 RETURN e.status ORDER BY e.at DESC, e.recordedAt DESC LIMIT 1 }[0] AS status
"""


class ConsentRequired(CdpError):
    code = ErrorCode.CONSENT_REQUIRED


async def record_consent(graph: Graph, data: dict[str, Any], selected: Selected) -> Row:
    customer_id = require_id(data["customer_id"], "Customer", "input.customerId")
    audit.note_customers([customer_id])
    at = data.get("at") or datetime.now(UTC)
    if at > datetime.now(UTC):
        # A future date would outrank every later statement of the customer's.
        raise BadUserInput("Must not be in the future.", field="input.at")
    source = validation.text(data.get("source"), "input.source", max_length=200)

    async def work(tx: Tx) -> Row:
        await require_entitled(tx, customer_id, "input.customerId", consent=False)
        if current_policy().partner is not None and data["purpose"] == "SHARING":
            # A partner may pass on the customer's first consent to sharing, but not undo a
            # refusal or a withdrawal: that goes through the customer's own channels.
            latest = await one(
                tx, _CURRENT, {"customerId": customer_id, "purpose": "SHARING", "channel": "ANY"}
            )
            if latest is not None and latest["status"] in ("DENIED", "WITHDRAWN"):
                raise Forbidden(
                    "The customer refused or withdrew consent to sharing; a "
                    "partner cannot grant it again.",
                    field="input.status",
                )
        recorded = await one(
            tx,
            _RECORD,
            {
                "customerId": customer_id,
                "purpose": data["purpose"],
                "channel": data.get("channel") or "ANY",
                "status": data["status"],
                "at": at,
                "source": source,
            },
        )
        if recorded is None:
            raise NotFound(f"No customer has id {customer_id!r}.", field="input.customerId")
        return await project_one(tx, "Customer", customer_id, selected)

    return await transaction(graph, work)


async def require_marketing_consent(tx: Tx, customer_id: str, channel: str) -> None:
    """CONSENT_REQUIRED unless the customer's current MARKETING consent on the touchpoint's
    channel is GRANTED (channels that reach no one personally need none)."""
    consent_channel = CONSENT_CHANNEL.get(channel)
    if consent_channel is None:
        return
    row = await one(
        tx,
        _CURRENT,
        {"customerId": customer_id, "purpose": "MARKETING", "channel": consent_channel},
    )
    if row is None or row["status"] != "GRANTED":
        raise ConsentRequired(
            f"The customer has not consented to marketing by {consent_channel.lower()}.",
            field="input.channel",
        )

"""The contact policy as it stands, and the decision for a contact about to be made."""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from cdp.contact_policy import facts
from cdp.contact_policy.rules import decide
from cdp.errors import NotFound
from cdp.request import Operation

_POLICY = "OPTIONAL MATCH (p:ContactPolicy {id: 'policy'}) RETURN p {.*} AS policy"


async def current_policy(op: Operation) -> dict[str, Any]:
    rows = await op.graph.read(_POLICY)
    return asdict(facts.policy_of(rows[0]["policy"] if rows else None))


async def contact_allowed(
    op: Operation, customer_id: str, channel: str, kind: str
) -> dict[str, Any]:
    """Whether an outbound `kind` contact on `channel` may be made now, every reason why not,
    and when pressure alone would allow it again."""
    op.require_id(customer_id, "Customer", "customer")
    now = datetime.now(UTC)
    found = await facts.read(op.graph, customer_id, now)
    if found is None:
        raise NotFound(f"No customer has id {customer_id!r}.", field="customer")
    policy, seen = found
    decision = decide(policy, seen, kind=kind, channel=channel, at=now)
    return {
        "allowed": decision.allowed,
        "reasons": [{"rule": r.rule.value, "message": r.message} for r in decision.reasons],
        "next_allowed_at": decision.next_allowed_at,
    }

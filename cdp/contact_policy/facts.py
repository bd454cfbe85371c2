"""What the contact policy reads from the graph: the customer's company, its recent contacts,
the customer's consent and wishes.

Pressure is counted across a customer's company (`company`): an organization and its contact
persons are one relationship.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cdp.compiler.cypher import collect, record
from cdp.contact_policy.rules import MONTH, ContactPolicy, Facts
from cdp.store.graph import Graph
from cdp.writes import Tx, one

SERVICE_KINDS = ("SERVICE", "COMPLAINT")


def company(c: str) -> str:
    """The customers of `c`'s company: `c` and every customer linked to it by contact-person
    relations, up to two links (an organization's people and their other organizations; a
    person's organizations and colleagues)."""
    return collect(f"MATCH ({c})-[:HAS_CONTACT|IS*0..4]-(member:Customer) RETURN DISTINCT member")


def facts_of(c: str) -> str:
    """What the policy reads about customer `c`, as a map (`$since`, `$until`: the window of
    outbound contacts counted; `$at`: the moment of the contact). The company is found once
    and read by both of its counts."""
    facts = record(
        doNotContact=f"coalesce({c}.doNotContact, false)",
        consent=collect(
            # As it stood at the contact: a contact recorded after the fact is judged by the
            # consent of its time, not by one given or withdrawn since.
            f"MATCH ({c})-[:GAVE]->(e:ConsentEvent) WHERE e.purpose = 'MARKETING' AND e.at <= $at "
            "RETURN [e.channel, e.status] ORDER BY e.at DESC, e.recordedAt DESC"
        ),
        outbound=collect(
            "UNWIND company AS member MATCH (member)-[:HAD]->(t:Touchpoint) "
            "WHERE t.direction = 'OUTBOUND' AND $since < t.occurredAt < $until "
            "RETURN t.occurredAt ORDER BY t.occurredAt"
        ),
        lastService=collect(
            "UNWIND company AS member MATCH (member)-[:HAD]->(t:Touchpoint) "
            "WHERE t.kind IN $serviceKinds AND t.occurredAt <= $at "
            "RETURN t.occurredAt ORDER BY t.occurredAt DESC LIMIT 1"
        )
        + "[0]",
    )
    return f"[company IN [{company(c)}] | {facts}][0]"


POLICY = collect("MATCH (p:ContactPolicy {id: 'policy'}) RETURN p {.*}") + "[0]"
# Each member's write lock, in the order of their ids (so that two contacts of one company
# never wait on each other crosswise): contacts of one company are decided one at a time.
_LOCK_COMPANY = (
    "MATCH (c:Customer {id: $customerId}) "
    f"UNWIND {company('c')} AS member "
    "WITH member ORDER BY member.id "
    "SET member.__lock = true "
    "REMOVE member.__lock "
    "RETURN count(member) AS members"
)
_FACTS = (
    "MATCH (c:Customer {id: $customerId}) " + f"RETURN {facts_of('c')} AS facts, {POLICY} AS policy"
)


def window(at: datetime) -> dict[str, Any]:
    """The parameters of `facts_of` for a contact at `at`."""
    return {
        "since": at - MONTH,
        "until": at + MONTH,
        "at": at,
        "serviceKinds": list(SERVICE_KINDS),
    }


def facts(found: dict[str, Any]) -> Facts:
    """The facts of a `facts_of` map as read."""
    last = found["lastService"]
    return Facts(
        do_not_contact=bool(found["doNotContact"]),
        consent=[(channel, status) for channel, status in found["consent"]],
        outbound=[t.to_native() for t in found["outbound"]],
        last_service=last.to_native() if last is not None else None,
    )


def policy_of(stored: dict[str, Any] | None) -> ContactPolicy:
    """The stored policy; a setting never stored has its default."""
    defaults = ContactPolicy()
    stored = stored or {}
    return ContactPolicy(
        weekly_limit=stored.get("weeklyLimit", defaults.weekly_limit),
        monthly_limit=stored.get("monthlyLimit", defaults.monthly_limit),
        quiet_hours_after_service=stored.get(
            "quietHoursAfterService", defaults.quiet_hours_after_service
        ),
        invoice_reminder_days=stored.get("invoiceReminderDays", defaults.invoice_reminder_days),
    )


async def read(graph: Graph, customer_id: str, at: datetime) -> tuple[ContactPolicy, Facts] | None:
    """The policy and the facts for a contact about to be made; None for an unknown customer."""
    rows = await graph.read(_FACTS, {"customerId": customer_id, **window(at)})
    if not rows:
        return None
    return policy_of(rows[0]["policy"]), facts(rows[0]["facts"])


async def read_locked(tx: Tx, customer_id: str, at: datetime) -> tuple[ContactPolicy, Facts]:
    """The same within a write: the company's members locked first, so that concurrent contacts
    with one company are counted one after the other."""
    await one(tx, _LOCK_COMPANY, {"customerId": customer_id})
    row = await one(tx, _FACTS, {"customerId": customer_id, **window(at)})
    assert row is not None  # the caller found the customer
    return policy_of(row["policy"]), facts(row["facts"])

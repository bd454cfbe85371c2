"""What the contact policy reads from the graph: the customer's company, its recent contacts,
the customer's consent and wishes.

A customer's company is the customer, the organizations it is a contact person of, and their
contact persons (or, for an organization, itself and its contact persons): pressure is counted
across all of them, since they are one relationship.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cdp.consent.channels import EVERY_CHANNEL, covering
from cdp.contact_policy.rules import MONTH, ContactPolicy, Facts
from cdp.store.graph import Graph
from cdp.writes import Tx, one

SERVICE_KINDS = ("SERVICE", "COMPLAINT")
_COMPANY = """
MATCH (c:Customer {id: $customerId})
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_CONTACT]->(:Contact)-[:IS]->(person:Customer)
  WITH c, collect(person) AS persons
  OPTIONAL MATCH (c)<-[:IS]-(:Contact)<-[:HAS_CONTACT]-(organization:Customer)
  WITH c, persons, collect(organization) AS organizations
  OPTIONAL MATCH (o:Customer)-[:HAS_CONTACT]->(:Contact)-[:IS]->(colleague:Customer)
  WHERE o IN organizations
  WITH c, persons, organizations, collect(colleague) AS colleagues
  UNWIND [c] + persons + organizations + colleagues AS member
  WITH DISTINCT member
  RETURN collect(member) AS company
}
"""
# Each member's write lock, in the order of their ids (so that two contacts of one company
# never wait on each other crosswise): contacts of one company are decided one at a time.
_LOCK_COMPANY = (
    _COMPANY
    + """
UNWIND company AS member
WITH member ORDER BY member.id
SET member.__lock = true
REMOVE member.__lock
RETURN collect(member.id) AS ids
"""
)
_FACTS = (
    _COMPANY
    + """
RETURN coalesce(c.doNotContact, false) AS doNotContact,
       COLLECT { MATCH (c)-[:GAVE]->(e:ConsentEvent)
                 WHERE e.purpose = 'MARKETING' AND e.channel IN $consentChannels
                 RETURN [e.channel, e.status] ORDER BY e.at DESC, e.recordedAt DESC } AS consent,
       COLLECT { UNWIND company AS member
                 MATCH (member)-[:HAD]->(t:Touchpoint)
                 WHERE t.direction = 'OUTBOUND' AND $since < t.occurredAt < $until
                 RETURN t.occurredAt ORDER BY t.occurredAt } AS outbound,
       COLLECT { UNWIND company AS member
                 MATCH (member)-[:HAD]->(t:Touchpoint)
                 WHERE t.kind IN $serviceKinds AND t.occurredAt <= $at
                 RETURN t.occurredAt ORDER BY t.occurredAt DESC LIMIT 1 }[0] AS lastService,
       COLLECT { MATCH (p:ContactPolicy {id: 'policy'}) RETURN p {.*} }[0] AS policy
"""
)


def _params(customer_id: str, channel: str, at: datetime) -> dict[str, Any]:
    return {
        "customerId": customer_id,
        "consentChannels": [*covering(channel), EVERY_CHANNEL],
        "since": at - MONTH,
        "until": at + MONTH,
        "at": at,
        "serviceKinds": list(SERVICE_KINDS),
    }


def _facts(row: dict[str, Any]) -> Facts:
    return Facts(
        do_not_contact=bool(row["doNotContact"]),
        consent=[(channel, status) for channel, status in row["consent"]],
        outbound=[t.to_native() for t in row["outbound"]],
        last_service=row["lastService"].to_native() if row["lastService"] is not None else None,
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


async def read(
    graph: Graph, customer_id: str, channel: str, at: datetime
) -> tuple[ContactPolicy, Facts] | None:
    """The policy and the facts for a contact about to be made; None for an unknown customer."""
    rows = await graph.read(_FACTS, _params(customer_id, channel, at))
    if not rows:
        return None
    return policy_of(rows[0]["policy"]), _facts(rows[0])


async def read_locked(
    tx: Tx, customer_id: str, channel: str, at: datetime
) -> tuple[ContactPolicy, Facts]:
    """The same within a write: the company's members locked first, so that concurrent contacts
    with one company are counted one after the other."""
    await one(tx, _LOCK_COMPANY, {"customerId": customer_id})
    row = await one(tx, _FACTS, _params(customer_id, channel, at))
    assert row is not None  # the caller found the customer
    return policy_of(row["policy"]), _facts(row)

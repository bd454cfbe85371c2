"""What a partner may write: customers it brought or that were shared with it, with consent."""

from __future__ import annotations

from cdp.cypher import QueryBuilder
from cdp.errors import NotFound
from cdp.policy import current_policy
from cdp.writes import Tx, one


async def require_entitled(tx: Tx, customer_id: str, field: str, *, consent: bool = True) -> None:
    """NOT_FOUND unless the current viewer may write this customer (staff always may).

    `consent=False` asks only for the entitlement: a partner records the consent of the
    customers it brought before it may see them."""
    policy = current_policy()
    if policy.partner is None:
        return
    qb = QueryBuilder(policy)
    conditions = qb.visible("c") if consent else qb.visible("c")[:1]
    query = (
        f"MATCH (c:Customer {{id: $customerId}}) WHERE {' AND '.join(conditions)} RETURN c.id AS id"
    )
    if await one(tx, query, {"customerId": customer_id, **qb.params}) is None:
        raise NotFound(f"No customer has id {customer_id!r}.", field=field)


async def mark_brought(tx: Tx, customer_id: str) -> None:
    """Record that the current partner brought this customer (nothing for staff)."""
    partner = current_policy().partner
    if partner is None:
        return
    await one(
        tx,
        "MATCH (p:Partner {id: $partner}), (c:Customer {id: $customerId}) "
        "MERGE (p)-[b:BROUGHT]->(c) ON CREATE SET b.at = datetime() RETURN c.id",
        {"partner": partner, "customerId": customer_id},
    )

"""What a partner may write: customers it brought or that were shared with it, with consent."""

from __future__ import annotations

from typing import LiteralString

from cdp.compiler.cypher import node, where
from cdp.errors import NotFound
from cdp.request import Operation
from cdp.writes import Tx, one, transaction


async def require_entitled(
    tx: Tx, op: Operation, customer_id: str, field: str, *, consent: bool = True
) -> None:
    """NOT_FOUND unless the operation's viewer may write this customer (staff always may).

    `consent=False` asks only for the entitlement: a partner records the consent of the
    customers it brought before it may see them."""
    if op.policy.partner is None:
        return
    qb = op.query()
    conditions = qb.visible("c") if consent else qb.visible("c")[:1]
    query = f"MATCH {node('c', 'Customer', id='$customerId')}{where(conditions)} RETURN c.id AS id"
    if await one(tx, query, {"customerId": customer_id, **qb.params}) is None:
        # The answer for a customer that does not exist: the id is not repeated back.
        raise NotFound("No customer has this id.", field=field)


async def mark_brought(tx: Tx, op: Operation, customer_id: str) -> None:
    """Record that the operation's partner brought this customer (nothing for staff)."""
    partner = op.policy.partner
    if partner is None:
        return
    await one(
        tx,
        "MATCH (p:Partner {id: $partner}), (c:Customer {id: $customerId}) "
        "MERGE (p)-[b:BROUGHT]->(c) ON CREATE SET b.at = datetime() RETURN c.id",
        {"partner": partner, "customerId": customer_id},
    )


_SHARE: LiteralString = """
MATCH (c:Customer {id: $customerId}), (p:Partner {id: $partnerId})
MERGE (c)-[s:SHARED_WITH]->(p) ON CREATE SET s.at = datetime()
RETURN c.id AS id
"""
_UNSHARE: LiteralString = """
MATCH (c:Customer {id: $customerId})-[s:SHARED_WITH]->(:Partner {id: $partnerId})
DELETE s
RETURN count(*) AS removed
"""


async def share(op: Operation, customer_id: str, partner_id: str, *, shared: bool) -> bool:
    """Share a customer with a partner (or stop sharing); the partner still needs the
    customer's consent to sharing to see them. Idempotent; True if something changed."""
    op.require_id(customer_id, "Customer", "customerId")
    op.audited.note_customers([customer_id])

    async def work(tx: Tx) -> bool:
        if shared:
            before = await one(
                tx,
                "MATCH (:Customer {id: $c})-[s:SHARED_WITH]->(:Partner "
                "{id: $p}) RETURN count(s) AS n",
                {"c": customer_id, "p": partner_id},
            )
            row = await one(tx, _SHARE, {"customerId": customer_id, "partnerId": partner_id})
            if row is None:
                raise NotFound("No such customer or partner.", field="customerId")
            return bool(before and before["n"] == 0)
        row = await one(tx, _UNSHARE, {"customerId": customer_id, "partnerId": partner_id})
        return bool(row and row["removed"])

    return await transaction(op, work)

"""A customer's own data: everything we hold about them (export), and erasing them.

Erasure removes the person: their record, contact details, addresses, external ids, contacts,
touchpoints, consent events, and every relationship that ties them to others (influence,
referral, ownership). What the books need stays, anonymized: the orders, detached from them and
hung on an `ErasedCustomer` that keeps only totals. The audit log keeps its records.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any, LiteralString

from cdp.entitlement import require_entitled
from cdp.errors import NotFound
from cdp.request import Operation
from cdp.writes import Tx, one, transaction

_EXPORT: LiteralString = """
MATCH (c:Customer {id: $id})
RETURN c {.*,
  externalIds: COLLECT { MATCH (c)-[:IDENTIFIED_BY]->(x:ExternalId) RETURN x {.system, .value} },
  addresses: COLLECT { MATCH (c)-[:HAS_ADDRESS]->(a:Address) RETURN a {.*} ORDER BY a.position },
  contacts: COLLECT { MATCH (c)-[:HAS_CONTACT]->(k:Contact) RETURN k {.*} },
  contactOf: COLLECT { MATCH (c)<-[:IS]-(k:Contact)<-[:HAS_CONTACT]-(org:Customer)
                       RETURN {contact: k.id, organization: org.id, role: k.role} },
  acquisition: COLLECT { MATCH (c)-[a:ACQUIRED_VIA]->(s:AcquisitionSource)
                         RETURN {source: s.name, kind: s.kind, at: a.at,
                                 referrerId: a.referrerId} },
  owners: COLLECT { MATCH (c)<-[o:OWNS]-(e:Employee)
                    RETURN {employee: e.name, since: o.since, until: o.until} },
  orders: COLLECT { MATCH (c)-[:PLACED]->(o:Order) RETURN o {.*, items: COLLECT {
            MATCH (o)-[li:CONTAINS]->(p:Product)
            RETURN {sku: p.sku, name: p.name, quantity: li.quantity,
                    unitPriceMinor: li.unitPriceMinor} } } ORDER BY o.placedAt },
  touchpoints: COLLECT { MATCH (c)-[:HAD]->(t:Touchpoint) RETURN t {.*} ORDER BY t.occurredAt },
  consent: COLLECT { MATCH (c)-[:GAVE]->(e:ConsentEvent) RETURN e {.*} ORDER BY e.at },
  influences: COLLECT { MATCH (c)-[i:INFLUENCES]->(o:Customer)
                        RETURN {customerId: o.id, strength: i.strength, kind: i.kind} },
  influencedBy: COLLECT { MATCH (c)<-[i:INFLUENCES]-(o:Customer)
                          RETURN {customerId: o.id, strength: i.strength, kind: i.kind} }
} AS data
"""

_ERASE: LiteralString = """
MATCH (c:Customer {id: $id})
CREATE (erased:ErasedCustomer {id: $erasedId, erasedAt: $now, kind: c.kind,
                               createdAt: c.createdAt})
WITH c, erased
CALL (c, erased) {
  MATCH (c)-[placed:PLACED]->(o:Order)
  CREATE (erased)-[:PLACED]->(o)
  SET o.formerCustomerId = null
  DELETE placed
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_ADDRESS|IDENTIFIED_BY|HAD|GAVE|HAS_CONTACT]->(owned)
  DETACH DELETE owned
}
WITH c, erased
SET erased.orderCount = COUNT { (erased)-[:PLACED]->(:Order {status: 'COMPLETED'}) },
    erased.revenueMinor = c.revenueMinor
DETACH DELETE c
RETURN erased.id AS erasedId
"""


def _plain(value: Any) -> Any:
    """Neo4j values as JSON: times in ISO 8601, the rest as they are."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


async def export_customer(op: Operation, customer_id: str) -> dict[str, Any]:
    """Everything held about one customer, as JSON-ready data."""
    op.require_id(customer_id, "Customer", "id")
    op.audited.note_customers([customer_id])
    op.audited.note_fields(["Customer.*"])

    async def work(tx: Tx) -> dict[str, Any]:
        await require_entitled(tx, op, customer_id, "id")
        row = await one(tx, _EXPORT, {"id": customer_id})
        if row is None:
            raise NotFound(f"No customer has id {customer_id!r}.", field="id")
        data: dict[str, Any] = _plain(row["data"])
        data.pop("emailText", None)  # derived for search, not what was given
        data.pop("nameText", None)
        return data

    # A write transaction, so that the audit record of this read lands with it.
    return await transaction(op, work, kind="READ")


async def erase_customer(op: Operation, customer_id: str) -> str:
    """Erase a customer (see the module's doc); returns the id of the anonymous remainder."""
    op.require_id(customer_id, "Customer", "id")
    op.audited.note_customers([customer_id])

    async def work(tx: Tx) -> str:
        row = await one(
            tx,
            _ERASE,
            {
                "id": customer_id,
                "now": datetime.now(UTC),
                "erasedId": f"era_{secrets.token_hex(16)}",
            },
        )
        if row is None:
            raise NotFound(f"No customer has id {customer_id!r}.", field="id")
        return str(row["erasedId"])

    return await transaction(op, work)

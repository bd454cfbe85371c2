"""Writing the generated rows: batched `UNWIND` statements, each batch its own transaction.

Reference nodes first, then customers with what only they own (external id, address, consent
events, acquisition, ownership), then contacts, orders and touchpoints per customer, and last
the links between customers (referrals, influences). Employees, sources and products are
bound once per statement, sorted by id, and rows name them by index.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from typing import LiteralString

from bench.dataset.rows import Row, Rows
from cdp.errors import ServiceUnavailable
from cdp.store.graph import Graph

Progress = Callable[[str], None]

# Rows (nodes and relationships created) per statement, roughly.
BATCH_WEIGHT = 20_000

_EMPLOYEES: LiteralString = """
UNWIND $rows AS row
CREATE (n:Employee)
SET n = row.props, n.createdAt = datetime({epochMillis: row.createdAt})
"""
_SOURCES: LiteralString = """
UNWIND $rows AS row
CREATE (n:AcquisitionSource)
SET n = row.props, n.createdAt = datetime({epochMillis: row.createdAt})
"""
_PRODUCTS: LiteralString = """
UNWIND $rows AS row
CREATE (n:Product)
SET n = row.props, n.createdAt = datetime({epochMillis: row.createdAt})
"""

_CUSTOMERS: LiteralString = """
CALL () { MATCH (e:Employee) RETURN e ORDER BY e.id }
WITH collect(e) AS employees
CALL () { MATCH (s:AcquisitionSource) RETURN s ORDER BY s.id }
WITH employees, collect(s) AS sources
UNWIND $rows AS row
CREATE (c:Customer)
SET c = row.props,
    c.createdAt = datetime({epochMillis: row.createdAt}),
    c.updatedAt = datetime({epochMillis: row.updatedAt}),
    c.lastContactAt = datetime({epochMillis: row.lastContactAt}),
    c.birthDate = date(row.birthDate)
CREATE (c)-[:IDENTIFIED_BY]->(x:ExternalId)
SET x = row.externalId
CREATE (c)-[:HAS_ADDRESS]->(a:Address)
SET a = row.address
WITH c, row, employees, sources[row.source] AS s
CREATE (c)-[v:ACQUIRED_VIA]->(s)
SET v = row.acquisition, v.at = datetime({epochMillis: row.acquiredAt})
WITH c, row, employees
CALL (c, row) {
  UNWIND row.consents AS consent
  CREATE (c)-[:GAVE]->(e:ConsentEvent)
  SET e = consent.props,
      e.at = datetime({epochMillis: consent.at}),
      e.recordedAt = datetime({epochMillis: consent.recordedAt})
}
CALL (c, row, employees) {
  UNWIND row.owners AS owner
  WITH c, owner, employees[owner.employee] AS e
  CREATE (e)-[o:OWNS {since: datetime({epochMillis: owner.since})}]->(c)
  SET o.until = CASE WHEN owner.until IS NOT NULL THEN datetime({epochMillis: owner.until}) END
}
"""

_CONTACTS: LiteralString = """
UNWIND $rows AS row
MATCH (org:Customer {id: row.customer})
UNWIND row.contacts AS contact
CREATE (org)-[:HAS_CONTACT]->(k:Contact)
SET k = contact.props
WITH k, contact
CALL (k, contact) {
  MATCH (person:Customer {id: contact.person})
  CREATE (k)-[:IS]->(person)
}
"""

_ORDERS: LiteralString = """
CALL () { MATCH (p:Product) RETURN p ORDER BY p.id }
WITH collect(p) AS products
UNWIND $rows AS row
MATCH (c:Customer {id: row.customer})
UNWIND row.orders AS order
CREATE (c)-[:PLACED]->(o:Order)
SET o = order.props,
    o.placedAt = datetime({epochMillis: order.placedAt}),
    o.paidAt = CASE WHEN order.paidAt IS NOT NULL THEN datetime({epochMillis: order.paidAt}) END,
    o.invoiceDueDate = date(order.invoiceDueDate)
WITH o, order, products
UNWIND order.items AS item
WITH o, item, products[item.product] AS p
CREATE (o)-[line:CONTAINS]->(p)
SET line = item.props
"""

_TOUCHPOINTS: LiteralString = """
CALL () { MATCH (e:Employee) RETURN e ORDER BY e.id }
WITH collect(e) AS employees
UNWIND $rows AS row
MATCH (c:Customer {id: row.customer})
UNWIND row.touchpoints AS touchpoint
CREATE (c)-[:HAD]->(t:Touchpoint)
SET t = touchpoint.props, t.occurredAt = datetime({epochMillis: touchpoint.occurredAt})
WITH t, employees[touchpoint.employee] AS e
CREATE (t)-[:HANDLED_BY]->(e)
"""

_REFERRALS: LiteralString = """
UNWIND $rows AS row
MATCH (a:Customer {id: row.from}), (b:Customer {id: row.to})
CREATE (a)-[:REFERRED {at: datetime({epochMillis: row.at})}]->(b)
"""

_INFLUENCES: LiteralString = """
UNWIND $rows AS row
MATCH (a:Customer {id: row.from}), (b:Customer {id: row.to})
CREATE (a)-[i:INFLUENCES]->(b)
SET i = row.props, i.since = datetime({epochMillis: row.since})
"""


def _customer_weight(row: Row) -> int:
    return 8 + 2 * len(row["consents"]) + len(row["owners"])


def _contacts_weight(row: Row) -> int:
    return 3 * len(row["contacts"])


def _orders_weight(row: Row) -> int:
    return sum(2 + 2 * len(order["items"]) for order in row["orders"])


def _touchpoints_weight(row: Row) -> int:
    return 3 * len(row["touchpoints"])


def _link_weight(row: Row) -> int:
    return 3


# Each step: its rows, statement, weight of a row, and how many batches are written at once.
# Steps whose batches lock customers at random (links between them) go one batch at a time.
STEPS: tuple[tuple[str, LiteralString, Callable[[Row], int], int], ...] = (
    ("customers", _CUSTOMERS, _customer_weight, 2),
    ("contacts", _CONTACTS, _contacts_weight, 1),
    ("orders", _ORDERS, _orders_weight, 2),
    ("touchpoints", _TOUCHPOINTS, _touchpoints_weight, 2),
    ("referrals", _REFERRALS, _link_weight, 1),
    ("influences", _INFLUENCES, _link_weight, 1),
)
# A batch that failed on a transient error (a deadlock between the writers) is tried again.
ATTEMPTS = 5


def batches(rows: list[Row], weight: Callable[[Row], int], limit: int) -> Iterator[list[Row]]:
    """Consecutive slices of `rows` whose weights add up to about `limit`."""
    batch: list[Row] = []
    total = 0
    for row in rows:
        batch.append(row)
        total += weight(row)
        if total >= limit:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


async def write_rows(graph: Graph, rows: Rows, progress: Progress) -> None:
    """Write every row, step by step."""
    await graph.write_query(_EMPLOYEES, {"rows": rows.employees})
    await graph.write_query(_SOURCES, {"rows": rows.sources})
    await graph.write_query(_PRODUCTS, {"rows": rows.products})
    for name, statement, weight, writers in STEPS:
        await _write_step(graph, name, statement, getattr(rows, name), weight, progress, writers)


async def _write_step(
    graph: Graph,
    name: str,
    statement: LiteralString,
    items: list[Row],
    weight: Callable[[Row], int],
    progress: Progress,
    writers: int,
) -> None:
    """`writers` batches at a time, each in its own transaction."""
    pending = batches(items, weight, BATCH_WEIGHT)  # shared: each batch goes to one writer
    started = time.monotonic()
    told = started
    done = 0

    async def writer() -> None:
        nonlocal done, told
        for batch in pending:
            await _write_batch(graph, statement, batch)
            done += len(batch)
            now = time.monotonic()
            if now - told >= 5:
                progress(f"{name}: {done}/{len(items)} in {now - started:.1f}s")
                told = now

    await asyncio.gather(*(writer() for _ in range(writers)))
    progress(f"{name}: {len(items)} in {time.monotonic() - started:.1f}s")


async def _write_batch(graph: Graph, statement: LiteralString, batch: list[Row]) -> None:
    for attempt in range(1, ATTEMPTS + 1):
        try:
            await graph.write_query(statement, {"rows": batch})
            return
        except ServiceUnavailable:
            if attempt == ATTEMPTS:
                raise
            await asyncio.sleep(0.2 * attempt)

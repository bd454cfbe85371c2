"""The data step of V0009: one history entry for every order that has none.

In batches of `BATCH` orders, each its own transaction, until none is left; a re-run finds
nothing to do.
"""

from __future__ import annotations

from typing import LiteralString

from neo4j import AsyncDriver, RoutingControl

BATCH = 10_000
_BACKFILL: LiteralString = """
MATCH (o:Order) WHERE NOT EXISTS { (o)-[:HAD_STATUS]->(:OrderStatusChange) }
WITH o LIMIT $batch
CREATE (o)-[:HAD_STATUS]->(:OrderStatusChange {status: o.status, at: o.placedAt,
                                               by: 'migration', position: 0})
RETURN count(o) AS written
"""


async def migrate(driver: AsyncDriver, database: str) -> None:
    while True:
        result = await driver.execute_query(
            _BACKFILL, {"batch": BATCH}, routing_=RoutingControl.WRITE, database_=database
        )
        if result.records[0]["written"] == 0:
            return

"""The data step of V0012: one history entry for every customer that has none.

In batches of `BATCH` customers, each its own transaction, until none is left; a re-run finds
nothing to do. A customer stored without a stage gets no entry (it has no stage to record) and is
not looked at again: the step skips it by its missing stage.
"""

from __future__ import annotations

from typing import LiteralString

from neo4j import AsyncDriver, RoutingControl

BATCH = 10_000
_BACKFILL: LiteralString = """
MATCH (c:Customer) WHERE c.lifecycleStage IS NOT NULL
  AND NOT EXISTS { (c)-[:HAD_STAGE]->(:LifecycleChange) }
WITH c LIMIT $batch
CREATE (c)-[:HAD_STAGE]->(:LifecycleChange {stage: c.lifecycleStage, at: c.createdAt,
                                            by: 'migration', position: 0})
RETURN count(c) AS written
"""


async def migrate(driver: AsyncDriver, database: str) -> None:
    while True:
        result = await driver.execute_query(
            _BACKFILL, {"batch": BATCH}, routing_=RoutingControl.WRITE, database_=database
        )
        if result.records[0]["written"] == 0:
            return

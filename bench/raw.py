"""RAW: the physical limit of this stack.

A plain Starlette route per operation running one hand-written Cypher query through the same
async driver, answering the rows as JSON. No GraphQL, no authentication, no validation: what
is left is the database, the driver and one HTTP hop — the floor the other contenders are
measured against. Run with `python -m bench.raw` (environment as for every contender).
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, LiteralString

import neo4j
import uvicorn
from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bench import capture

CUSTOMER_360: LiteralString = """
MATCH (c:Customer {id: $id})
RETURN c {.id, .name, .emails, .lifecycleStage,
  contacts: COLLECT { MATCH (c)-[:HAS_CONTACT]->(k:Contact)
                      RETURN k {.name, .role, .emails} ORDER BY k.name },
  acquisition: COLLECT { MATCH (c)-[a:ACQUIRED_VIA]->(s:AcquisitionSource)
                         RETURN {at: a.at, source: s {.name, .kind}} }[0],
  accountOwner: COLLECT { MATCH (c)<-[o:OWNS]-(e:Employee) WHERE o.until IS NULL
                          RETURN e {.name, .title} }[0],
  touchpoints: COLLECT { MATCH (c)-[:HAD]->(t:Touchpoint)
                         RETURN t {.occurredAt, .channel, .kind, .summary}
                         ORDER BY t.occurredAt DESC LIMIT 10 },
  orders: COLLECT { MATCH (c)-[:PLACED]->(o:Order)
                    WITH o ORDER BY o.placedAt DESC LIMIT 10
                    RETURN o {.number, .status, .placedAt, .totalMinor, .currency,
                      items: COLLECT { MATCH (o)-[i:CONTAINS]->(p:Product)
                                       RETURN {quantity: i.quantity,
                                               unitPriceMinor: i.unitPriceMinor,
                                               product: p {.sku, .name}}
                                       ORDER BY i.position } } },
  influences: COLLECT { MATCH (c)-[i:INFLUENCES]->(x:Customer)
                        RETURN {strength: i.strength, customer: x {.id, .name}} },
  influencedBy: COLLECT { MATCH (c)<-[i:INFLUENCES]-(x:Customer)
                          RETURN {strength: i.strength, customer: x {.id, .name}} },
  metrics: [os IN [COLLECT { MATCH (c)-[:PLACED]->(o:Order) WHERE o.status = 'COMPLETED'
                             RETURN o {.totalMinor, .placedAt} ORDER BY o.placedAt }] |
            {lifetimeRevenueMinor: reduce(s = 0, o IN os | s + o.totalMinor),
             orderCount: size(os), lastPurchaseAt: os[-1].placedAt}][0]
} AS customer
"""

LIST_PAGE: LiteralString = """
MATCH (c:Customer)-[:ACQUIRED_VIA]->(s:AcquisitionSource {kind: $sourceKind})
WHERE c.lifecycleStage = $stage
WITH c ORDER BY c.createdAt DESC, c.id DESC
WITH collect(c) AS matching
RETURN size(matching) AS totalCount,
       [c IN matching[..20] | c {.id, .name, .lifecycleStage, .createdAt}] AS nodes
"""

SEARCH: LiteralString = """
CALL db.index.fulltext.queryNodes('customer_search', $text + '*', {limit: 20})
YIELD node, score
RETURN score, node {.id, .name, .emails} AS customer
"""

INFLUENCE_TWO_HOP: LiteralString = """
MATCH (c:Customer {id: $id})
RETURN c {.id, .name,
  influences: COLLECT { MATCH (c)-[i:INFLUENCES]->(x:Customer)
    RETURN {strength: i.strength, customer: x {.id, .name,
      influences: COLLECT { MATCH (x)-[j:INFLUENCES]->(y:Customer)
                            RETURN {strength: j.strength, customer: y {.id, .name}} }}} }
} AS customer
"""

# The customer graph OURS writes (tests/integration/bench/test_bulk.py): each customer with the
# first entry of its stage history, and an entry for each change of stage.
BULK_UPSERT: LiteralString = """
UNWIND $rows AS row
MERGE (x:ExternalId {system: row.system, value: row.value})
WITH row, x
OPTIONAL MATCH (x)<-[:IDENTIFIED_BY]-(existing:Customer)
CALL (row, x, existing) {
  WITH * WHERE existing IS NULL
  CREATE (c:Customer {id: row.id, createdAt: datetime(), updatedAt: datetime(),
                      revenueMinor: 0})-[:IDENTIFIED_BY]->(x)
  SET c += row.props
  FOREACH (stage IN CASE WHEN row.props.lifecycleStage IS NULL THEN []
                         ELSE [row.props.lifecycleStage] END |
    CREATE (c)-[:HAD_STAGE]->(:LifecycleChange {stage: stage, position: 0, by: 'raw',
                                                at: c.createdAt}))
}
CALL (row, existing) {
  WITH * WHERE existing IS NOT NULL
  WITH row, existing, existing.lifecycleStage AS before
  SET existing += row.props, existing.updatedAt = datetime()
  FOREACH (stage IN CASE WHEN row.props.lifecycleStage IS NULL
                              OR row.props.lifecycleStage = before THEN []
                         ELSE [row.props.lifecycleStage] END |
    CREATE (existing)-[:HAD_STAGE]->(:LifecycleChange {
      stage: stage, by: 'raw', at: datetime(),
      position: COUNT { (existing)-[:HAD_STAGE]->(:LifecycleChange) }}))
}
RETURN count(*) AS rows
"""

READS: dict[str, LiteralString] = {
    "customer_360": CUSTOMER_360,
    "list_page": LIST_PAGE,
    "search": SEARCH,
    "influence_two_hop": INFLUENCE_TWO_HOP,
}


def _encode(value: Any) -> Any:
    if hasattr(value, "iso_format"):
        return value.iso_format()
    raise TypeError(f"cannot encode {type(value).__name__}")


class Raw:
    def __init__(self, driver: AsyncDriver) -> None:
        self.driver = driver

    async def read(self, request: Request) -> Response:
        query = READS[request.path_params["operation"]]
        variables = await request.json()
        result = await self.driver.execute_query(
            query, variables, routing_=RoutingControl.READ, database_="neo4j"
        )
        rows = [record.data() for record in result.records]
        return Response(json.dumps(rows, default=_encode), media_type="application/json")

    async def bulk_upsert(self, request: Request) -> Response:
        body = await request.json()
        result = await self.driver.execute_query(
            BULK_UPSERT, {"rows": body["rows"]}, routing_=RoutingControl.WRITE, database_="neo4j"
        )
        return Response(json.dumps({"rows": result.records[0]["rows"]}))


def create_app(uri: str, user: str, password: str) -> Starlette:
    holder: dict[str, Raw] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        driver = AsyncGraphDatabase.driver(
            uri,
            auth=(user, password),
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )
        holder["raw"] = Raw(driver)
        yield
        await driver.close()

    async def read(request: Request) -> Response:
        return await holder["raw"].read(request)

    async def bulk(request: Request) -> Response:
        return await holder["raw"].bulk_upsert(request)

    return Starlette(
        routes=[
            Route("/bulk_upsert", bulk, methods=["POST"]),
            Route("/{operation}", read, methods=["POST"]),
        ],
        lifespan=lifespan,
    )


def main() -> None:
    if os.environ.get("BENCH_CAPTURE"):
        capture.install(os.environ["BENCH_CAPTURE"])
    app = create_app(
        os.environ["BENCH_NEO4J_URI"],
        os.environ["BENCH_NEO4J_USER"],
        os.environ["BENCH_NEO4J_PASSWORD"],
    )
    port = int(os.environ["BENCH_PORT"])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()

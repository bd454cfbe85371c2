"""RAW's bulk statement writes the same customer graph as OURS's `upsertCustomers`.

RAW is the floor of the same job, not of a smaller one: a customer it writes must read as one
OURS writes (found by the search, with its stage history). Each contender writes its first two
requests of four rows (four new customers, then two renamed and two new), then moves two of its
customers to another stage, and each customer is compared with its twin: labels, properties,
relationships and stage-history entries. What differs by design is left out: ids, instants, who
acted, and the audit record (a node of its own, linked to no customer).
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from bench import bulk
from bench.raw import BULK_UPSERT
from cdp.store.graph import Graph

_GRAPH_OF = """
MATCH (x:ExternalId {system: $system})<-[:IDENTIFIED_BY]-(c:Customer)
WHERE x.value STARTS WITH $contender
RETURN x.value AS value, labels(c) AS labels, properties(c) AS props,
       COLLECT { MATCH (c)-[r]-(n)
                 RETURN [type(r), startNode(r) = c, labels(n)] AS rel ORDER BY rel } AS rels,
       COLLECT { MATCH (c)-[:HAD_STAGE]->(h)
                 RETURN properties(h) AS entry ORDER BY h.position } AS history
ORDER BY value
"""
_DIFFER_BY_DESIGN = {"id", "createdAt", "updatedAt", "at", "by"}


def _same_job(value: Any, contender: str) -> Any:
    """The value with what differs by design left out and the contender's name taken out."""
    if isinstance(value, dict):
        return {k: _same_job(v, contender) for k, v in value.items() if k not in _DIFFER_BY_DESIGN}
    if isinstance(value, list):
        return [_same_job(item, contender) for item in value]
    if isinstance(value, str):
        return value.replace(contender, "")
    return value


async def _written(graph: Graph, contender: str) -> list[dict[str, Any]]:
    records, _, _ = await graph.driver.execute_query(
        _GRAPH_OF, {"system": bulk.SYSTEM, "contender": contender}, database_=graph.database
    )
    return [_same_job(record.data(), contender) for record in records]


def _moved(raw_body: str, ours_body: str, stage: str) -> tuple[str, str]:
    """Each contender's request with its first two rows alone, moved to `stage`."""
    raw, ours = json.loads(raw_body), json.loads(ours_body)
    raw["rows"] = [
        {**row, "props": {**row["props"], "lifecycleStage": stage}} for row in raw["rows"][:2]
    ]
    ours["variables"]["rows"] = [
        {**row, "customer": {**row["customer"], "lifecycleStage": stage}}
        for row in ours["variables"]["rows"][:2]
    ]
    return json.dumps(raw), json.dumps(ours)


async def test_raw_writes_the_customer_graph_ours_writes(
    graph: Graph, client: httpx.AsyncClient
) -> None:
    requests = list(zip(bulk.bodies("RAW", 4, 0, 2), bulk.bodies("OURS", 4, 0, 2), strict=True))
    requests.append(_moved(*requests[0], "CUSTOMER"))  # customers 0 and 1 change stage
    for raw_body, ours_body in requests:
        await graph.driver.execute_query(
            BULK_UPSERT, json.loads(raw_body), database_=graph.database
        )
        response = await client.post("/graphql", json=json.loads(ours_body))
        assert "errors" not in response.json(), response.text

    raw, ours = await _written(graph, "raw"), await _written(graph, "ours")
    assert raw == ours
    # What the comparison sees: six customers, the names of the request that wrote each last,
    # a first stage entry for each and a second for each change of stage.
    renamed_by = [0, 0, 1, 1, 1, 1]
    names = [f"Bulk -4-{i} r{r}" for i, r in enumerate(renamed_by)]
    assert [c["props"]["name"] for c in ours] == names
    lead = {"stage": "LEAD", "position": 0}
    moved = [lead, {"stage": "CUSTOMER", "position": 1}]
    assert [c["history"] for c in ours] == [moved, moved, [lead], [lead], [lead], [lead]]

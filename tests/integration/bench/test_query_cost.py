"""The committed cost of OURS's operations (`bench/query_cost.json`) still holds: no operation
gains a database round trip, and none reads more than 10 % more db hits than when the snapshot
was taken. Counts, not time: the same deterministic dataset gives the same plan and hits.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bench import capture, dataset
from bench.contenders import BENCH, READ_OPERATIONS
from bench.query_cost import (
    DB_HITS_TOLERANCE,
    SNAPSHOT_SCALE,
    Cost,
    load_snapshot,
    profile,
    request_path,
)
from bench.run import _variables
from cdp.access.api_keys import create_key
from cdp.store.graph import Graph

SEED = 1  # the seed `make bench` uses

# Relationships first, then nodes, a bounded batch per transaction: the test server's memory is
# small, and deleting a dense node with its relationships in one go exceeds it.
_EMPTY = (
    """
    MATCH (a)-[r]->(b) WHERE NOT (a:__CdpMigration AND b:__CdpMigration)
    WITH r LIMIT 5000 DELETE r RETURN count(*) AS deleted
    """,
    """
    MATCH (n) WHERE NOT (n:__CdpMigration AND n.chain = 'cdp')
    WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted
    """,
)


@pytest.fixture
async def bench_graph(graph: Graph) -> AsyncIterator[Graph]:
    """The benchmark's dataset at the snapshot's scale, removed again afterwards."""
    await dataset.generate(graph, int(SNAPSHOT_SCALE), SEED)
    try:
        yield graph
    finally:
        for query in _EMPTY:
            while (await graph.write_query(query))[0]["deleted"]:
                pass


async def test_no_operation_costs_more_than_its_snapshot(
    bench_graph: Graph, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    expected = load_snapshot()[SNAPSHOT_SCALE]
    probes = await dataset.probes(bench_graph, 50)
    key = await create_key(bench_graph, name="bench", role="agent", scopes=["pii:read"])
    headers = {"Authorization": f"Bearer {key.secret}"}
    measured: dict[str, Cost] = {}
    for operation in READ_OPERATIONS:
        document = (BENCH / "operations" / f"{operation}.graphql").read_text()
        body = {"query": document, "variables": _variables(operation, probes, 0)}
        warm = await client.post("/graphql", json=body, headers=headers)  # verifies the key
        assert "errors" not in warm.json(), warm.text
        path = tmp_path / f"{operation}.jsonl"
        uninstall = capture.install(str(path))
        try:
            answer = await client.post("/graphql", json=body, headers=headers)
        finally:
            uninstall()
        assert "errors" not in answer.json(), answer.text
        measured[operation] = await profile(
            bench_graph.driver, request_path(capture.load(str(path)))
        )

    report = json.dumps({op: vars(cost) for op, cost in measured.items()}, indent=1)
    for operation, cost in measured.items():
        snapshot = expected[operation]["OURS"]
        assert cost.round_trips <= snapshot["round_trips"], f"{operation}: {report}"
        assert cost.db_hits <= snapshot["db_hits"] * DB_HITS_TOLERANCE, f"{operation}: {report}"
    assert measured["customer_360"].round_trips == 1

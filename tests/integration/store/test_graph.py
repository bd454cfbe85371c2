"""Access to Neo4j: compiled reads (one auto-commit round trip, retried when the driver says it
may be), the bookmarks writes leave for reads, and parameters released once read."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

import neo4j
import pytest
from neo4j import exceptions as neo4j_errors

from cdp.errors import ServiceUnavailable, Timeout
from cdp.store.graph import Graph, Params


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch, graph: Graph) -> list[str]:
    """Each auto-commit read's query; the first one fails as a dropped connection does."""
    log: list[str] = []
    original = Graph._auto_commit_read

    async def failing_once(self: Graph, query: str, params: Params) -> list[dict[str, Any]]:
        log.append(query)
        if len(log) == 1:
            raise neo4j_errors.SessionExpired("the connection was closed")
        return await original(self, query, params)

    monkeypatch.setattr(Graph, "_auto_commit_read", failing_once)
    return log


async def test_a_compiled_read_returns_rows_as_maps(graph: Graph) -> None:
    rows = await graph.read_compiled(
        "UNWIND $xs AS x RETURN x AS value, {x: x, list: [x]} AS map", {"xs": [1, 2]}
    )
    assert rows == [
        {"value": 1, "map": {"x": 1, "list": [1]}},
        {"value": 2, "map": {"x": 2, "list": [2]}},
    ]


async def test_a_retryable_failure_is_retried(graph: Graph, attempts: list[str]) -> None:
    patient = Graph(graph.driver, graph.database, timeout=graph.timeout, retry_seconds=1)
    assert await patient.read_compiled("RETURN 1 AS one", {}) == [{"one": 1}]
    assert attempts == ["RETURN 1 AS one", "RETURN 1 AS one"]


async def test_retries_end_with_the_retry_time(graph: Graph, attempts: list[str]) -> None:
    impatient = Graph(graph.driver, graph.database, timeout=graph.timeout, retry_seconds=0)
    with pytest.raises(ServiceUnavailable):
        await impatient.read_compiled("RETURN 1 AS one", {})
    assert len(attempts) == 1


async def test_a_query_error_is_not_retried(graph: Graph, attempts: list[str]) -> None:
    attempts.append("the first failure is spent")
    with pytest.raises(neo4j.exceptions.CypherSyntaxError):
        await graph.read_compiled("RETURN nonsense(", {})
    assert len(attempts) == 2


async def test_reads_see_the_platforms_own_writes(graph: Graph) -> None:
    await graph.write_query("CREATE (:Probe {at: 1})")
    assert await graph.read_compiled("MATCH (p:Probe) RETURN p.at AS at", {}) == [{"at": 1}]


async def test_a_managed_write_leaves_its_bookmark_where_reads_look(graph: Graph) -> None:
    bookmarks = graph.driver.execute_query_bookmark_manager
    before = await bookmarks.get_bookmarks()

    async def probe(tx: neo4j.AsyncManagedTransaction) -> None:
        await (await tx.run("CREATE (:Probe {at: 2})")).consume()

    await graph.write(probe)
    after = await bookmarks.get_bookmarks()
    assert after
    assert after != before  # the write's bookmark replaced the one before


# A read that runs for seconds: Neo4j counts through a long range.
SLOW = "UNWIND range(1, 400000000) AS x WITH x WHERE x % 1000003 = -1 RETURN count(x) AS n"


@pytest.mark.parametrize("path", ["read", "read_compiled", "write_query", "write"])
async def test_a_statement_past_its_timeout_is_stopped_and_answers_timeout(
    graph: Graph, path: str
) -> None:
    """Every statement carries the transaction timeout: Neo4j stops it (it does not work on
    for a client that is gone), and the error is TIMEOUT, not an internal error."""
    hasty = Graph(graph.driver, graph.database, timeout=0.05, retry_seconds=0)

    async def managed(tx: neo4j.AsyncManagedTransaction) -> None:
        await (await tx.run(SLOW)).consume()

    calls: dict[str, Callable[[], Awaitable[object]]] = {
        "read": lambda: hasty.read(SLOW),
        "read_compiled": lambda: hasty.read_compiled(SLOW, {}),
        "write_query": lambda: hasty.write_query(SLOW),
        "write": lambda: hasty.write(managed),
    }
    started = time.monotonic()
    with pytest.raises(Timeout) as raised:
        await calls[path]()
    assert time.monotonic() - started < 5.0
    assert raised.value.extensions == {"code": "TIMEOUT"}

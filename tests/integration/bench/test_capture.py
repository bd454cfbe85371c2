"""The capture of Cypher statements: every way of sending one is recorded, and reads back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from neo4j import AsyncManagedTransaction, Query

from bench import capture
from cdp.store.graph import Graph

AT = dt.datetime(2025, 3, 4, 5, 6, 7, 123456, tzinfo=dt.UTC)
DAY = dt.date(2024, 2, 29)


async def test_every_statement_is_recorded_with_its_parameters(
    graph: Graph, tmp_path: Path
) -> None:
    path = tmp_path / "statements.jsonl"
    uninstall = capture.install(str(path))
    try:
        rows = await graph.read(
            "RETURN $at AS at, $day AS day, $nested AS nested",
            {"at": AT, "day": DAY, "nested": {"list": [1, 2.5, "x", None, True], "at": [AT]}},
        )
        async with graph.driver.session(database=graph.database) as session:
            await (await session.run("RETURN $n AS n", {"n": 1}, m="kw")).consume()
            await (await session.run(Query("RETURN $day AS day"), day=DAY)).consume()
            async with await session.begin_transaction() as tx:
                await (await tx.run("RETURN $n AS n", n=2)).consume()
                await tx.commit()

        async def work(tx: AsyncManagedTransaction) -> None:
            await (await tx.run("CREATE (:CaptureProbe {at: $at})", at=AT)).consume()

        await graph.write(work)
    finally:
        uninstall()
    await graph.read("RETURN 'not recorded' AS n")

    assert rows[0]["at"].to_native() == AT
    statements = capture.load(str(path))
    expected: list[tuple[str, dict[str, Any]]] = [
        (
            "RETURN $at AS at, $day AS day, $nested AS nested",
            {"at": AT, "day": DAY, "nested": {"list": [1, 2.5, "x", None, True], "at": [AT]}},
        ),
        ("RETURN $n AS n", {"n": 1, "m": "kw"}),
        ("RETURN $day AS day", {"day": DAY}),
        ("RETURN $n AS n", {"n": 2}),
        ("CREATE (:CaptureProbe {at: $at})", {"at": AT}),
    ]
    assert statements == expected


async def test_graph_temporal_values_are_tagged(graph: Graph, tmp_path: Path) -> None:
    """A neo4j DateTime read from the graph and sent back is recorded as a datetime."""
    [row] = await graph.read("RETURN datetime('2025-01-02T03:04:05.5Z') AS at, date() AS day")
    path = tmp_path / "statements.jsonl"
    uninstall = capture.install(str(path))
    try:
        await graph.read("RETURN $at AS at, $day AS day", {"at": row["at"], "day": row["day"]})
    finally:
        uninstall()
    [(query, params)] = capture.load(str(path))
    assert query == "RETURN $at AS at, $day AS day"
    assert params == {"at": row["at"].to_native(), "day": row["day"].to_native()}
    assert '{"$datetime": "2025-01-02T03:04:05.500000000+00:00"}' in path.read_text()

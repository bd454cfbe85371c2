"""Where a bulk upsert's time goes: the service's own work against its statement in Neo4j, and
that statement against RAW's.

`python -m bench.bulk_split` (after `make bench` generated the dataset of the scale) serves
OURS in this process (the whole app, over ASGI) and sends RAW's `UNWIND ... MERGE` straight
through the driver, taking turns request by request as `make bench` does, on the rows of
`bench.bulk`. Every statement either sends goes through `AsyncDriver.execute_query`, which is
timed: for OURS that is the statement of the request (with the driver packing its parameters),
and the rest of the request is the service's own work. It runs twice: rows with a lifecycle
stage (as `make bench`'s, so OURS keeps each new customer's stage history), then rows without,
and again (the first pass also warms a Neo4j just started). Medians over the requests; each
pass starts from the dataset as generated.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from asgi_lifespan import LifespanManager
from neo4j import AsyncDriver

from bench import bulk, raw
from bench.run import prepare, remove_bulk_rows
from bench.stand import bench_settings, local_neo4j
from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph


class StatementClock:
    """The time spent in `AsyncDriver.execute_query` since the last `take`."""

    def __init__(self) -> None:
        self.spent = 0.0
        self._original: Callable[..., Awaitable[Any]] = AsyncDriver.execute_query

    def __enter__(self) -> StatementClock:
        original = self._original

        async def timed(driver: AsyncDriver, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return await original(driver, *args, **kwargs)
            finally:
                self.spent += time.perf_counter() - started

        AsyncDriver.execute_query = timed  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *_: object) -> None:
        AsyncDriver.execute_query = self._original  # type: ignore[method-assign,assignment]

    def take(self) -> float:
        spent, self.spent = self.spent, 0.0
        return spent


async def split(
    http: httpx.AsyncClient, graph: Graph, size: int, requests: int, stage: str | None
) -> dict[str, float]:
    """Median milliseconds per request: OURS's request and statement, RAW's statement."""
    await remove_bulk_rows(graph)
    ours = bulk.bodies("OURS", size, 0, requests + 1, stage=stage)
    raws = [
        json.loads(body)["rows"] for body in bulk.bodies("RAW", size, 0, requests + 1, stage=stage)
    ]
    times: dict[str, list[float]] = {"OURS request": [], "OURS statement": [], "RAW statement": []}
    with StatementClock() as clock:
        for i in range(requests + 1):  # the first of each writes the rows the next renames
            for contender in ("OURS", "RAW") if i % 2 == 0 else ("RAW", "OURS"):
                clock.take()
                started = time.perf_counter()
                if contender == "OURS":
                    response = await http.post("/graphql", content=ours[i])
                    assert "errors" not in response.json(), response.text[:500]
                else:
                    await graph.driver.execute_query(
                        raw.BULK_UPSERT, {"rows": raws[i]}, database_=graph.database
                    )
                request, statement = time.perf_counter() - started, clock.take()
                if i > 0 and contender == "OURS":
                    times["OURS request"].append(request)
                    times["OURS statement"].append(statement)
                elif i > 0:
                    times["RAW statement"].append(statement)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


async def main(scale: int, size: int, requests: int, passes: int) -> None:
    settings = bench_settings(scale, heap="2g", pagecache="4g")
    local = local_neo4j(settings)
    local.start()
    try:
        graph, key = await prepare(settings, scale, seed=1)
        app = create_app(Settings(neo4j_uri=local.uri, neo4j_password=local.password()))
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        async with (
            LifespanManager(app) as manager,
            httpx.AsyncClient(
                transport=httpx.ASGITransport(app=manager.app),
                base_url="http://bench",
                headers=headers,
                timeout=120,
            ) as http,
        ):
            print(f"{scale} customers, {size} rows a request, {requests} requests each")
            print(
                "| rows | OURS request ms | its statement ms | the rest ms | RAW statement ms |"
                " RAW/OURS statement | RAW statement/OURS request |"
            )
            print("|---|---:|---:|---:|---:|---:|---:|")
            for stage in ("LEAD", None) * passes:
                ms = await split(http, graph, size, requests, stage)
                ours, statement, floor = (
                    ms["OURS request"],
                    ms["OURS statement"],
                    ms["RAW statement"],
                )
                print(
                    f"| {'with' if stage else 'without'} a stage | {ours:.1f} | {statement:.1f} |"
                    f" {ours - statement:.1f} | {floor:.1f} | {floor / statement:.2f} |"
                    f" {floor / ours:.2f} |"
                )
        await remove_bulk_rows(graph)
        await graph.driver.close()
    finally:
        local.stop()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--passes", type=int, default=2, help="each with and without a stage")
    args = parser.parse_args()
    asyncio.run(main(args.scale, args.rows, args.requests, args.passes))

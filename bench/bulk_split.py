"""Where a bulk upsert's time goes: the service's own work against its statement in Neo4j, and
that statement against RAW's.

`python -m bench.bulk_split` (on the Neo4j and dataset `make bench` keeps for the scale, not
while it runs) serves OURS in this process (the whole app, over ASGI) and sends RAW's
`UNWIND ... MERGE` straight through the driver, taking turns request by request as `make bench`
does, on the rows of `bench.bulk`. Every statement either sends goes through
`AsyncDriver.execute_query`, which is timed: for OURS that is the statement of the request (with
the driver packing its parameters), and the rest of the request is the service's own work. The
first requests warm a Neo4j just started and are not measured; medians over the rest. It starts
from the dataset as generated and leaves it so."""

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
    http: httpx.AsyncClient, graph: Graph, size: int, warm: int, requests: int
) -> dict[str, float]:
    """Median milliseconds per request: OURS's request and its statement, RAW's statement."""
    await remove_bulk_rows(graph)
    total = warm + requests
    ours = bulk.bodies("OURS", size, 0, total)
    raws = [json.loads(body)["rows"] for body in bulk.bodies("RAW", size, 0, total)]
    times: dict[str, list[float]] = {"OURS request": [], "OURS statement": [], "RAW statement": []}
    with StatementClock() as clock:
        for i in range(total):
            for contender in ("OURS", "RAW") if i % 2 == 0 else ("RAW", "OURS"):
                clock.take()
                started = time.perf_counter()
                if contender == "OURS":
                    response = await http.post("/graphql", content=ours[i])
                    assert "errors" not in response.json(), response.text[:500]
                    request = time.perf_counter() - started
                    if i >= warm:
                        times["OURS request"].append(request)
                        times["OURS statement"].append(clock.take())
                else:
                    await graph.driver.execute_query(
                        raw.BULK_UPSERT, {"rows": raws[i]}, database_=graph.database
                    )
                    if i >= warm:
                        times["RAW statement"].append(clock.take())
    await remove_bulk_rows(graph)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


async def main(scale: int, size: int, warm: int, requests: int) -> None:
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
            ms = await split(http, graph, size, warm, requests)
        await graph.driver.close()
    finally:
        local.stop()
    ours, statement, floor = ms["OURS request"], ms["OURS statement"], ms["RAW statement"]
    print(f"{scale:,} customers, {size:,} rows a request, medians of {requests} requests each")
    print(
        "| OURS request ms | its statement ms | the rest ms | RAW statement ms |"
        " RAW/OURS statement | RAW statement/OURS request |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {ours:.1f} | {statement:.1f} | {ours - statement:.1f} | {floor:.1f} |"
        f" {floor / statement:.2f} | {floor / ours:.2f} |"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=1_000)
    parser.add_argument("--warm", type=int, default=20, help="requests each, not measured")
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    asyncio.run(main(args.scale, args.rows, args.warm, args.requests))

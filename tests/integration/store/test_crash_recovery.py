"""Neo4j killed (SIGKILL) in the middle of a spreadsheet import sent in batches.

Each batch is one `upsertCustomers` mutation, so one transaction: the crash loses at most the
batch in flight, never part of one, and every batch answered before it survives. Rows are keyed
by external id, so running the whole file again lands exactly the file's rows.
"""

from __future__ import annotations

import asyncio
import csv
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager

from cdp.edge.app import create_app
from cdp.local_neo4j import LocalNeo4j
from cdp.store.graph import connect
from tests.support.neo4j_server import own_neo4j

ROWS = 3000
BATCH = 500
SYSTEM = "sheet"
UPSERT = (
    "mutation($rows: [CustomerUpsertRow!]!) { upsertCustomers(rows: $rows) { created updated } }"
)
COUNTS = """
MATCH (x:ExternalId {system: $system})
OPTIONAL MATCH (c:Customer)-[:IDENTIFIED_BY]->(x)
WITH x, count(c) AS holders
RETURN count(x) AS ids, sum(holders) AS links, max(holders) AS most
"""


@pytest.fixture(scope="module")
async def local() -> AsyncIterator[tuple[LocalNeo4j, str]]:
    """A Neo4j of the module's own (it is killed), migrated, with an admin key."""
    server, key = await own_neo4j("crash", bolt_port=37787, http_port=37574)
    try:
        yield server, key
    finally:
        server.stop()


def write_sheet(path: Path) -> None:
    with path.open("w", newline="") as sheet:
        writer = csv.writer(sheet)
        writer.writerow(["customer number", "name", "email"])
        for n in range(ROWS):
            writer.writerow([f"K{n:05d}", f"Customer {n}", f"customer{n}@example.com"])


def batches(path: Path) -> list[list[dict[str, object]]]:
    with path.open(newline="") as sheet:
        rows: list[dict[str, object]] = [
            {
                "externalId": {"system": SYSTEM, "value": line["customer number"]},
                "customer": {"name": line["name"], "emails": [line["email"]]},
            }
            for line in csv.DictReader(sheet)
        ]
    return [rows[i : i + BATCH] for i in range(0, len(rows), BATCH)]


async def send(client: httpx.AsyncClient, batch: list[dict[str, object]]) -> bool:
    """Whether the batch was answered as written."""
    answer = await client.post("/graphql", json={"query": UPSERT, "variables": {"rows": batch}})
    return answer.status_code == 200 and "errors" not in answer.json()


async def counts(local: LocalNeo4j) -> tuple[int, int, int]:
    graph = connect(local.settings)
    try:
        records, _, _ = await graph.driver.execute_query(
            COUNTS, {"system": SYSTEM}, database_=graph.database
        )
    finally:
        await graph.driver.close()
    record = records[0]
    return record["ids"], record["links"], record["most"] or 0


async def test_a_kill_loses_only_the_batch_in_flight_and_a_rerun_lands_the_file(
    local: tuple[LocalNeo4j, str], tmp_path: Path
) -> None:
    server, key = local
    sheet = tmp_path / "customers.csv"
    write_sheet(sheet)
    work = batches(sheet)
    app = create_app(server.settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers=headers, timeout=60
        ) as client:
            answered = 0
            for batch in work[:2]:
                assert await send(client, batch)
                answered += 1
            in_flight = asyncio.create_task(send(client, work[2]))
            await asyncio.sleep(0.05)  # the batch has reached Neo4j
            pid = server.running_pid()
            assert pid is not None
            os.kill(pid, signal.SIGKILL)
            if await in_flight:
                answered += 1  # it committed before the kill; nothing was in flight
            for batch in work[3:]:  # the rest of the file, while Neo4j is down
                assert not await send(client, batch)

            server.start()  # recovers from its transaction log
            ids, links, most = await counts(server)
            assert ids % BATCH == 0, "a batch was written in part"
            assert ids in (answered * BATCH, (answered + 1) * BATCH)
            assert links == ids
            assert most == 1

            for batch in work:  # the whole file again, on the same running service
                assert await send(client, batch)

    assert await counts(server) == (ROWS, ROWS, 1)

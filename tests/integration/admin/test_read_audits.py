"""The write-behind records of reads: batched, written on time, on size and on close."""

from __future__ import annotations

import asyncio

from cdp.access.audit import ReadAudits
from cdp.store.graph import Graph


def record(n: int) -> dict[str, object]:
    return {
        "id": f"aud_{n}",
        "keyId": "k1",
        "role": "agent",
        "operation": "customer",
        "kind": "READ",
        "customerIds": [f"cus_{n}"],
        "fields": ["Customer.name"],
    }


async def stored(graph: Graph) -> list[str]:
    rows = await graph.read("MATCH (r:AuditRecord) RETURN r.id AS id ORDER BY id")
    return [row["id"] for row in rows]


async def test_records_wait_until_a_flush_and_are_written_in_one_batch(graph: Graph) -> None:
    reads = ReadAudits(graph, interval=3600)
    for n in range(3):
        reads.add({**record(n), "at": None})
    assert await stored(graph) == []
    await reads.flush()
    assert await stored(graph) == ["aud_0", "aud_1", "aud_2"]
    await reads.close()


async def test_a_full_batch_and_the_interval_each_trigger_a_write(graph: Graph) -> None:
    full = ReadAudits(graph, interval=3600, batch=2)
    full.add(record(1))
    full.add(record(2))
    for _ in range(100):
        if await stored(graph):
            break
        await asyncio.sleep(0.05)
    assert await stored(graph) == ["aud_1", "aud_2"]
    await full.close()
    timed = ReadAudits(graph, interval=0.05)
    timed.add(record(3))
    for _ in range(100):
        if len(await stored(graph)) == 3:
            break
        await asyncio.sleep(0.05)
    assert await stored(graph) == ["aud_1", "aud_2", "aud_3"]
    await timed.close()


async def test_closing_writes_what_waits(graph: Graph) -> None:
    reads = ReadAudits(graph, interval=3600)
    reads.add(record(9))
    await reads.close()
    assert await stored(graph) == ["aud_9"]


async def test_records_survive_an_unreachable_database_and_keep_a_bound(graph: Graph) -> None:
    class Away(Graph):
        async def write_query(self, query, params=None):  # type: ignore[no-untyped-def]
            raise ConnectionError("Neo4j is away")

    away = Away(graph.driver, graph.database, timeout=5)
    reads = ReadAudits(away, interval=3600, keep=2)
    for n in range(3):
        reads.add(record(n))
    await reads.flush()
    reads.graph = graph
    await reads.close()
    assert await stored(graph) == ["aud_1", "aud_2"]

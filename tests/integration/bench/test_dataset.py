"""The benchmark dataset: deterministic, counted right, and read by the API like any data."""

from __future__ import annotations

from pathlib import Path
from typing import Any, LiteralString

import httpx
import pytest

from bench.dataset import DatasetError, Probes, Stats, describe, generate, probes
from bench.dataset.rows import generate_rows
from cdp.store.graph import Graph
from tests.support.api import data

OPERATIONS = Path(__file__).resolve().parents[3] / "bench" / "operations"
CUSTOMERS = 150
SEED = 17

# Every id of the generated graph, label by label, and every relationship by its ends' ids
# (API keys and the audit log, which the API's reads add to, are not the dataset's).
_FINGERPRINT: LiteralString = """
RETURN COLLECT { MATCH (n) WHERE n.id IS NOT NULL AND NOT n:ApiKey|AuditRecord
                 RETURN labels(n)[0] + ' ' + n.id AS node ORDER BY node } AS ids,
       COLLECT { MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL
                 RETURN a.id + ' ' + type(r) + ' ' + b.id AS link ORDER BY link } AS links,
       COLLECT { MATCH (c:Customer) RETURN c {.*} AS customer ORDER BY c.id } AS customers,
       COLLECT { MATCH (o:Order) RETURN o {.*} AS order ORDER BY o.id } AS orders
"""
_DATA_COUNTS: LiteralString = """
RETURN COUNT { MATCH (n) WHERE NOT n:__CdpMigration|ApiKey|AuditRecord|BenchDataset } AS nodes,
       COUNT { MATCH ()-[r]->() WHERE NOT r:NEXT } AS relationships,
       COUNT { MATCH (c:Customer) } AS customers,
       COUNT { MATCH (o:Order) } AS orders,
       COUNT { MATCH (t:Touchpoint) } AS touchpoints,
       COUNT { MATCH ()-[i:INFLUENCES]->() } AS influences
"""


def _operation(name: str) -> str:
    return (OPERATIONS / f"{name}.graphql").read_text()


async def _empty(graph: Graph) -> None:
    """Everything but the migrations and the test's API key (the client keeps using it)."""
    await graph.write_query("MATCH (n) WHERE NOT (n:__CdpMigration OR n:ApiKey) DETACH DELETE n")


async def _fingerprint(graph: Graph) -> dict[str, Any]:
    [row] = await graph.read(_FINGERPRINT)
    return row


async def test_a_dataset_is_deterministic_counted_and_read_by_the_api(
    graph: Graph, client: httpx.AsyncClient
) -> None:
    stats = await generate(graph, CUSTOMERS, SEED, progress=None)
    [counted] = await graph.read(_DATA_COUNTS)
    assert stats.customers == counted["customers"] == CUSTOMERS
    assert stats.nodes == counted["nodes"]
    assert stats.relationships == counted["relationships"]
    assert stats.labels["Order"] == counted["orders"] > CUSTOMERS
    assert stats.labels["Touchpoint"] == counted["touchpoints"] > CUSTOMERS
    assert stats.types["INFLUENCES"] == counted["influences"] > 0
    assert sum(stats.labels.values()) == stats.nodes
    assert sum(stats.types.values()) == stats.relationships
    assert await describe(graph) == stats
    with pytest.raises(DatasetError):
        await generate(graph, CUSTOMERS, SEED, progress=None)
    first = await _fingerprint(graph)

    found = await probes(graph, 5)
    await _read_through_the_api(client, found, stats)

    await _empty(graph)
    assert await describe(graph) is None
    assert await generate(graph, CUSTOMERS, SEED, progress=None) == stats
    assert await _fingerprint(graph) == first
    assert await probes(graph, 5) == found
    # Another seed, another graph.
    assert generate_rows(50, SEED + 1).customers != generate_rows(50, SEED).customers


async def _read_through_the_api(client: httpx.AsyncClient, found: Probes, stats: Stats) -> None:
    assert len(found.customer_ids) == 5
    assert len(found.leader_ids) == 20
    assert len(found.search_terms) == 10
    assert all(term == term.lower() and " " not in term for term in found.search_terms)

    for customer_id in found.customer_ids[:2]:
        customer = (await data(client, _operation("customer_360"), {"id": customer_id}))["customer"]
        assert customer["id"] == customer_id
        assert customer["orders"]["nodes"]
        assert customer["touchpoints"]["nodes"]
        assert customer["accountOwner"] is not None
        assert customer["acquisition"]["source"]["kind"]
        assert customer["contacts"] or customer["influences"] or customer["influencedBy"]
        assert customer["metrics"]["lifetimeRevenue"]["currency"] == "EUR"

    for term in found.search_terms[:3]:
        hits = (await data(client, _operation("search"), {"text": term}))["searchCustomers"]
        assert len(hits) > 1
        assert all(term in hit["customer"]["name"].lower() for hit in hits[:5])

    listed = await data(client, _operation("list_page"), found.list_filter)
    assert CUSTOMERS // 50 < listed["customers"]["totalCount"] < stats.customers // 4

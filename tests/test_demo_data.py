from __future__ import annotations

from cdp.demo_data import generate_customers, is_empty, load_demo_data
from cdp.graph import Graph


def test_generation_is_deterministic() -> None:
    assert generate_customers(10, seed=3) == generate_customers(10, seed=3)
    assert generate_customers(10, seed=3) != generate_customers(10, seed=4)


async def test_loading_is_idempotent_for_a_seed(graph: Graph) -> None:
    assert await is_empty(graph)
    await load_demo_data(graph, customers=12, seed=1)
    await load_demo_data(graph, customers=12, seed=1)
    assert not await is_empty(graph)
    rows = await graph.read("MATCH (c:Customer) RETURN count(c) AS n, count(c.emailText) AS e")
    assert rows == [{"n": 12, "e": 12}]


async def test_demo_customers_are_searchable(graph: Graph) -> None:
    await load_demo_data(graph, customers=5, seed=2)
    name = generate_customers(5, seed=2)[0]["name"].split()[0]
    rows = await graph.read(
        "CALL db.index.fulltext.queryNodes('customer_search', $q) YIELD node RETURN node.name AS n",
        {"q": name},
    )
    assert any(name in row["n"] for row in rows)

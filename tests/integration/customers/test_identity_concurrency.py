"""One external id, one customer: concurrent writes of the same key, over HTTP.

Each test fires 50 requests at once (the ASGI app runs them concurrently, each in its own
transaction) and then reads the graph: the database, not the order of arrival, must decide.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

from tests.support.api import Json
from tests.support.graph import count_nodes
from tests.support.mutations import Api

CONCURRENT = 50
UPSERT = (
    "mutation($key: ExternalIdInput!, $input: CustomerInput!) "
    "{ upsertCustomer(externalId: $key, input: $input) { created customer { id name } } }"
)
CREATE = "mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }"
UPDATE = (
    "mutation($id: ID!, $input: CustomerPatch!) { updateCustomer(id: $id, input: $input) { id } }"
)
BULK = (
    "mutation($rows: [CustomerUpsertRow!]!) "
    "{ upsertCustomers(rows: $rows) { created updated unchanged customerIds } }"
)


async def holders(api: Api, system: str, value: str) -> list[str]:
    """The customers linked to this external id (one at most, if identity holds)."""
    rows = await api.graph.read(
        "MATCH (c:Customer)-[:IDENTIFIED_BY]->(:ExternalId {system: $s, value: $v}) "
        "RETURN c.id AS id",
        {"s": system, "v": value},
    )
    return [row["id"] for row in rows]


async def all_at_once(
    api: Api, calls: list[tuple[str, Json]], warm_up: list[tuple[str, Json]]
) -> list[Json]:
    """Post every call at once, after the `warm_up` calls one by one: the database plans each
    statement on its first use, which on a busy machine takes seconds that would count against
    the transaction timeout of every call waiting for the first one's locks."""
    for query, variables in warm_up:
        await api.data(query, variables)
    return await asyncio.gather(*(api.post(query, variables) for query, variables in calls))


def error_codes(bodies: list[Json]) -> Counter[str | None]:
    return Counter(
        error.get("extensions", {}).get("code")
        for body in bodies
        for error in body.get("errors") or []
    )


async def test_concurrent_upserts_of_one_external_id_make_one_customer(api: Api) -> None:
    key = {"system": "shop", "value": "V-1"}
    calls = [(UPSERT, {"key": key, "input": {"name": f"Ann {i}"}}) for i in range(CONCURRENT)]
    warm_up = {"key": {"system": "shop", "value": "warm"}, "input": {"name": "Warm"}}
    bodies = await all_at_once(api, calls, [(UPSERT, warm_up), (UPSERT, warm_up)])

    assert error_codes(bodies) == Counter(), [b["errors"] for b in bodies if "errors" in b]
    results = [body["data"]["upsertCustomer"] for body in bodies]
    assert [r["created"] for r in results].count(True) == 1
    winner = await holders(api, "shop", "V-1")
    assert len(winner) == 1
    assert {r["customer"]["id"] for r in results} == set(winner)
    assert await count_nodes(api.graph, "Customer") == 2  # with the warm-up's

    # The key is not locked for good: a later upsert updates the one customer.
    later = (await api.data(UPSERT, {"key": key, "input": {"name": "Ann Later"}}))["upsertCustomer"]
    assert later == {"created": False, "customer": {"id": winner[0], "name": "Ann Later"}}
    assert await holders(api, "shop", "V-1") == winner


async def test_concurrent_creates_with_one_external_id_make_one_customer(api: Api) -> None:
    external = [{"system": "crm", "value": "C-1"}, {"system": "shop", "value": "S-1"}]
    calls: list[tuple[str, Json]] = []
    for i in range(CONCURRENT):
        # Half name the ids in the other order: locks taken in a stable order cannot deadlock.
        ids = external if i % 2 else external[::-1]
        calls.append((CREATE, {"input": {"name": f"Bo {i}", "externalIds": ids}}))
    warm_up = {"input": {"name": "Warm", "externalIds": [{"system": "crm", "value": "warm"}]}}
    bodies = await all_at_once(api, calls, [(CREATE, warm_up)])

    assert error_codes(bodies) == Counter({"CONFLICT": CONCURRENT - 1})
    created = [body["data"]["createCustomer"]["id"] for body in bodies if body.get("data")]
    assert len(created) == 1
    assert await holders(api, "crm", "C-1") == created
    assert await holders(api, "shop", "S-1") == created
    assert await count_nodes(api.graph, "Customer") == 2  # with the warm-up's
    for body in bodies:
        for error in body.get("errors") or []:
            assert "cus_" not in error["message"], error


async def test_concurrent_updates_adding_one_external_id_give_it_to_one_customer(
    api: Api,
) -> None:
    customers = [await api.create_customer(f"Cy {i}") for i in range(CONCURRENT + 1)]
    key = {"system": "crm", "value": "shared"}
    calls = [(UPDATE, {"id": c, "input": {"externalIds": [key]}}) for c in customers[1:]]
    warm_up = {"id": customers[0], "input": {"externalIds": [{"system": "crm", "value": "w"}]}}
    bodies = await all_at_once(api, calls, [(UPDATE, warm_up)])

    assert error_codes(bodies) == Counter({"CONFLICT": CONCURRENT - 1})
    winners = [body["data"]["updateCustomer"]["id"] for body in bodies if body.get("data")]
    assert await holders(api, "crm", "shared") == winners


async def test_bulk_and_single_upserts_of_the_same_keys_make_one_customer_per_key(
    api: Api,
) -> None:
    keys = [f"K-{i}" for i in range(20)]

    def bulk_rows(reverse: bool, **extra: Any) -> list[Json]:
        order = keys[::-1] if reverse else keys
        return [
            {"externalId": {"system": "shop", "value": k}, "customer": {"name": k, **extra}}
            for k in order
        ]

    calls: list[tuple[str, Json]] = []
    for i in range(CONCURRENT):
        key = {"system": "shop", "value": keys[i % len(keys)]}
        if i % 5 == 0:
            calls.append((BULK, {"rows": bulk_rows(reverse=i % 2 == 1)}))
        elif i % 5 == 1:
            # Rows that name an address take the general path of the bulk write.
            rows = bulk_rows(reverse=i % 2 == 1, addresses=[{"city": "Riga"}])
            calls.append((BULK, {"rows": rows}))
        else:
            calls.append((UPSERT, {"key": key, "input": {"name": key["value"]}}))
    warm: Json = {"system": "warm", "value": "1"}
    addressed: Json = {"name": "W", "addresses": [{"city": "Riga"}]}
    warm_up: list[tuple[str, Json]] = [
        (BULK, {"rows": [{"externalId": warm, "customer": {"name": "W"}}]}),
        (BULK, {"rows": [{"externalId": warm, "customer": addressed}]}),
        (UPSERT, {"key": warm, "input": {"name": "W2"}}),
    ]
    bodies = await all_at_once(api, calls, warm_up)

    assert error_codes(bodies) == Counter(), [b["errors"] for b in bodies if "errors" in b]
    for k in keys:
        assert len(await holders(api, "shop", k)) == 1, k
    assert await count_nodes(api.graph, "Customer") == len(keys) + 1  # with the warm-up's

"""Idempotency keys on placeOrder and recordTouchpoint: a retry returns the first result and
writes nothing, under any concurrency; keys belong to their caller and last 24 hours."""

from __future__ import annotations

import asyncio

import pytest

from cdp.access.api_keys import create_key
from tests.support.api import Json, post
from tests.support.graph import count_nodes, graph_state
from tests.support.mutations import Api

PLACE = "mutation($input: OrderInput!) { placeOrder(input: $input) { id number } }"
PLACE_MORE = (
    "mutation($input: OrderInput!) { placeOrder(input: $input) "
    "{ id number status total { amount } customer { id } } }"
)
RECORD = "mutation($input: TouchpointInput!) { recordTouchpoint(input: $input) { id } }"
RECORD_MORE = (
    "mutation($input: TouchpointInput!) { recordTouchpoint(input: $input) "
    "{ id channel summary customer { id } } }"
)
CONCURRENT = 50


@pytest.fixture
async def buyer(api: Api) -> tuple[str, str]:
    return await api.create_customer("Retrying buyer"), await api.create_product("R-1", "10.00")


def order(buyer: tuple[str, str], key: str | None = "retry-1", quantity: int = 1) -> Json:
    customer, product = buyer
    values: Json = {
        "customerId": customer,
        "status": "COMPLETED",
        "items": [{"productId": product, "quantity": quantity}],
    }
    return {"input": values | ({"idempotencyKey": key} if key is not None else {})}


def touchpoint(customer: str, key: str = "call-1", summary: str = "Asked for a quote") -> Json:
    return {
        "input": {
            "customerId": customer,
            "channel": "PHONE",
            "direction": "INBOUND",
            "kind": "INQUIRY",
            "summary": summary,
            "idempotencyKey": key,
        }
    }


async def test_a_retried_order_returns_the_first_and_writes_nothing(
    api: Api, buyer: tuple[str, str]
) -> None:
    first = (await api.data(PLACE, order(buyer)))["placeOrder"]
    state = await graph_state(api.graph)
    again = (await api.data(PLACE_MORE, order(buyer)))["placeOrder"]
    # The first order, read with the retry's own selection.
    assert again == {
        "id": first["id"],
        "number": first["number"],
        "status": "COMPLETED",
        "total": {"amount": "10.00"},
        "customer": {"id": buyer[0]},
    }
    assert await graph_state(api.graph) == state
    assert await count_nodes(api.graph, "Order") == 1
    # Without a key, the same input is another order.
    await api.data(PLACE, order(buyer, key=None))
    assert await count_nodes(api.graph, "Order") == 2


async def test_50_concurrent_orders_with_one_key_make_one(api: Api, buyer: tuple[str, str]) -> None:
    results = await asyncio.gather(*(api.post(PLACE, order(buyer)) for _ in range(CONCURRENT)))
    assert all("errors" not in body for body in results), [r for r in results if "errors" in r]
    assert len({body["data"]["placeOrder"]["id"] for body in results}) == 1
    assert await count_nodes(api.graph, "Order") == 1
    assert await count_nodes(api.graph, "IdempotencyKey") == 1
    rows = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN c.revenueMinor AS minor", {"id": buyer[0]}
    )
    assert rows[0]["minor"] == 1000


async def test_one_key_with_other_input_is_a_conflict(api: Api, buyer: tuple[str, str]) -> None:
    await api.data(PLACE, order(buyer))
    await api.rejected(
        PLACE, order(buyer, quantity=2), code="CONFLICT", field="input.idempotencyKey"
    )
    assert await count_nodes(api.graph, "Order") == 1


async def test_keys_belong_to_their_caller(api: Api, buyer: tuple[str, str]) -> None:
    """Two callers choosing the same key never meet: each gets its own order."""
    mine = (await api.data(PLACE, order(buyer)))["placeOrder"]
    other = await create_key(api.graph, name="another integration", role="agent")
    body = await post(api.client, PLACE, order(buyer), key=other.secret)
    assert "errors" not in body, body
    assert body["data"]["placeOrder"]["id"] != mine["id"]
    assert await count_nodes(api.graph, "Order") == 2
    again = await post(api.client, PLACE, order(buyer), key=other.secret)
    assert again["data"] == body["data"]
    assert await count_nodes(api.graph, "Order") == 2


async def test_a_key_older_than_24_hours_may_be_used_again(
    api: Api, buyer: tuple[str, str]
) -> None:
    first = (await api.data(PLACE, order(buyer)))["placeOrder"]
    await api.graph.write_query(
        "MATCH (k:IdempotencyKey) SET k.createdAt = k.createdAt - duration({hours: 23})"
    )
    assert (await api.data(PLACE, order(buyer)))["placeOrder"] == first
    await api.graph.write_query(
        "MATCH (k:IdempotencyKey) SET k.createdAt = k.createdAt - duration({hours: 2})"
    )
    # Expired: the key is free, even for other input.
    second = (await api.data(PLACE, order(buyer, quantity=3)))["placeOrder"]
    assert second["id"] != first["id"]
    assert await count_nodes(api.graph, "Order") == 2
    assert await count_nodes(api.graph, "IdempotencyKey") == 1
    assert (await api.data(PLACE, order(buyer, quantity=3)))["placeOrder"] == second


@pytest.mark.parametrize(
    ("key", "code", "limit"),
    [("k" * 129, "TEXT_TOO_LONG", 128), ("   ", "BAD_USER_INPUT", None)],
)
async def test_a_key_is_bounded(
    api: Api, buyer: tuple[str, str], key: str, code: str, limit: int | None
) -> None:
    body = await api.post(PLACE, order(buyer, key=key))
    error = body["errors"][0]
    expected: Json = {"code": code, "field": "input.idempotencyKey"}
    assert error["extensions"] == expected | ({"limit": limit} if limit else {})
    assert await count_nodes(api.graph, "Order") == 0
    assert (await api.data(PLACE, order(buyer, key="k" * 128)))["placeOrder"]["id"]


async def test_a_retried_touchpoint_returns_the_first_and_writes_nothing(api: Api) -> None:
    customer = await api.create_customer("Caller")
    first = (await api.data(RECORD, touchpoint(customer)))["recordTouchpoint"]
    state = await graph_state(api.graph)
    again = (await api.data(RECORD_MORE, touchpoint(customer)))["recordTouchpoint"]
    assert again == {
        "id": first["id"],
        "channel": "PHONE",
        "summary": "Asked for a quote",
        "customer": {"id": customer},
    }
    assert await graph_state(api.graph) == state
    await api.rejected(
        RECORD,
        touchpoint(customer, summary="Something else"),
        code="CONFLICT",
        field="input.idempotencyKey",
    )
    # The same key on another operation is another key.
    await api.data(PLACE, order((customer, await api.create_product("T-1")), key="call-1"))
    assert await count_nodes(api.graph, "Touchpoint") == 1


async def test_50_concurrent_touchpoints_with_one_key_make_one(api: Api) -> None:
    customer = await api.create_customer("Caller")
    results = await asyncio.gather(
        *(api.post(RECORD, touchpoint(customer)) for _ in range(CONCURRENT))
    )
    assert all("errors" not in body for body in results), [r for r in results if "errors" in r]
    assert len({body["data"]["recordTouchpoint"]["id"] for body in results}) == 1
    assert await count_nodes(api.graph, "Touchpoint") == 1


async def test_a_retry_after_the_result_was_deleted_is_not_found(api: Api) -> None:
    customer = await api.create_customer("Caller")
    await api.data(RECORD, touchpoint(customer))
    await api.graph.write_query("MATCH (t:Touchpoint) DETACH DELETE t")
    await api.rejected(RECORD, touchpoint(customer), code="NOT_FOUND", field="input.idempotencyKey")

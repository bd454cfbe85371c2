"""Who lists which orders (`list_world`): staff every order, those kept from deleted customers
too; a partner only the orders of customers it may see, and never by account owner."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cdp.access.api_keys import create_key
from cdp.access.viewer import PII_READ
from cdp.store.graph import Graph
from tests.integration.access.support import Keys, consent_event
from tests.integration.customers.seed import utc
from tests.integration.orders.list_world import OrderWorld
from tests.support.api import Json, codes, data, post

LIST = """
query ($filter: OrderFilter, $orderBy: OrderOrder) {
  orders(filter: $filter, orderBy: $orderBy, first: 50) {
    totalCount nodes { number customer { id name } }
  }
}
"""
VISIBLE_TO_PARTNER = {"A1", "A2", "A3", "C1", "C2"}


async def listed(http: httpx.AsyncClient, key: str, **variables: Any) -> Json:
    result: Json = (await data(http, LIST, variables, key=key))["orders"]
    return result


def numbers(page: Json) -> set[str]:
    return {node["number"] for node in page["nodes"]}


@pytest.mark.parametrize("role", ["admin", "agent", "analyst"])
async def test_staff_list_every_order_and_those_of_deleted_customers(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld, role: str
) -> None:
    page = await listed(utc_client, order_keys.of(role))
    assert page["totalCount"] == 10
    customers = {node["number"]: node["customer"] for node in page["nodes"]}
    assert customers["X1"] is None  # kept for the books, detached
    assert customers["B1"]["id"] == order_world.customers["Bob"]


async def test_without_pii_read_the_customer_is_masked(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    page = await listed(
        utc_client, order_keys.analyst, filter={"customer": order_world.customers["Ada"]}
    )
    assert {node["customer"]["name"] for node in page["nodes"]} == {"A. "}
    page = await listed(
        utc_client, order_keys.analyst_pii, filter={"customer": order_world.customers["Ada"]}
    )
    assert {node["customer"]["name"] for node in page["nodes"]} == {"Ada"}


async def test_a_partner_lists_the_orders_of_the_customers_it_may_see(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    # Not Bob's (neither brought nor shared), not Dee's (she withdrew her consent to sharing),
    # not X1 (no customer any more).
    page = await listed(utc_client, order_keys.partner)
    assert numbers(page) == VISIBLE_TO_PARTNER
    assert page["totalCount"] == len(VISIBLE_TO_PARTNER)
    assert {node["customer"]["id"] for node in page["nodes"]} == {
        order_world.customers["Ada"],
        order_world.customers["Cy"],
    }


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"customer": "Dee"}, set()),  # hidden: the filter finds nothing, not an error
        ({"customer": "Bob"}, set()),
        ({"customer": "Cy"}, {"C1", "C2"}),
        ({"overdue": True}, {"A1"}),  # D1, B3 and X1 are overdue too, but hidden
        ({"unpaid": False}, {"A3"}),
        ({"status": ["PENDING"]}, {"A1", "C2"}),
        ({"dueBefore": "2026-03-03"}, {"A1", "A3"}),
    ],
)
async def test_a_partners_filters_stay_within_what_it_may_see(
    utc_client: httpx.AsyncClient,
    order_keys: Keys,
    order_world: OrderWorld,
    spec: Json,
    expected: set[str],
) -> None:
    if "customer" in spec:
        spec = {"customer": order_world.customers[spec["customer"]]}
    page = await listed(utc_client, order_keys.partner, filter=spec, orderBy="TOTAL_DESC")
    assert numbers(page) == expected
    assert page["totalCount"] == len(expected)


async def test_a_partner_loses_the_orders_of_a_customer_who_withdraws(
    utc_client: httpx.AsyncClient, graph: Graph, order_keys: Keys, order_world: OrderWorld
) -> None:
    await consent_event(graph, order_world.customers["Cy"], "WITHDRAWN", at=utc(2026, 3, 1))
    assert numbers(await listed(utc_client, order_keys.partner)) == {"A1", "A2", "A3"}
    assert len((await listed(utc_client, order_keys.admin))["nodes"]) == 10


@pytest.mark.parametrize("scopes", [[], [PII_READ]])
async def test_a_partner_may_not_filter_by_account_owner(
    utc_client: httpx.AsyncClient,
    graph: Graph,
    order_keys: Keys,
    order_world: OrderWorld,
    scopes: list[str],
) -> None:
    key = await create_key(
        graph, name="partner", role="partner", scopes=scopes, partner_id=order_keys.partner_id
    )
    spec = {"accountOwner": order_world.employees["Eve"], "status": ["PENDING"]}
    body = await post(utc_client, LIST, {"filter": spec}, key=key.secret)
    assert codes(body) == ["FORBIDDEN"]
    assert body["errors"][0]["extensions"]["field"] == "filter.accountOwner"
    assert body.get("data") is None

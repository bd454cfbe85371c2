"""The root order list on the hand-built world (`list_world`): each filter, each sort, pages
through cursors, and the bounds of its arguments. Read with an admin key, in UTC, at
`list_world.NOW`; the overdue filter and the time zone are in `test_list_overdue.py`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
import pytest

from cdp.compiler.pagination import encode_cursor
from tests.integration.access.support import Keys
from tests.integration.orders.list_world import ORDERS, OrderWorld, Placed
from tests.support.api import Json, codes, data, post

LIST = """
query ($filter: OrderFilter, $orderBy: OrderOrder, $first: Int, $after: String) {
  orders(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    nodes { number }
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
SORTS = (
    "PLACED_AT_DESC",
    "PLACED_AT_ASC",
    "DUE_DATE_ASC",
    "DUE_DATE_DESC",
    "TOTAL_ASC",
    "TOTAL_DESC",
)


async def page(http: httpx.AsyncClient, keys: Keys, **variables: Any) -> Json:
    listed: Json = (await data(http, LIST, variables, key=keys.admin))["orders"]
    return listed


async def numbers(http: httpx.AsyncClient, keys: Keys, **variables: Any) -> list[str]:
    return [node["number"] for node in (await page(http, keys, first=50, **variables))["nodes"]]


# --- filters ----------------------------------------------------------------------------------


async def test_without_a_filter_every_order_newest_placed_first(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    listed = await page(utc_client, order_keys, first=50)
    assert listed["totalCount"] == 10
    tie = sorted(("A1", "D1"), key=lambda number: _by_number(number).id, reverse=True)
    assert [node["number"] for node in listed["nodes"]] == [
        "C1", "C2", "B3", "B1", "X1", "A2", *tie, "B2", "A3"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"status": ["PENDING"]}, {"A1", "B3", "C2", "D1"}),
        ({"status": ["PLANNED", "UNREALIZED"]}, {"B1", "B2"}),
        ({"status": []}, set()),
        ({"unpaid": True}, {"A1", "A2", "B1", "B2", "B3", "C1", "C2", "D1", "X1"}),
        ({"unpaid": False}, {"A3"}),
        ({"customer": "Cy"}, {"C1", "C2"}),
        ({"accountOwner": "Eve"}, {"A1", "A2", "A3"}),  # Bob's is Eve's no longer
        ({"accountOwner": "Finn"}, {"B1", "B2", "B3"}),
        # placedAfter is inclusive: B1 was placed at exactly 03-01 00:00.
        ({"placedAfter": "2026-03-01T00:00:00Z"}, {"B1", "B3", "C1", "C2"}),
        ({"placedBefore": "2026-03-01T00:00:00Z"}, {"A1", "A2", "A3", "B2", "D1", "X1"}),
        # The same instant with another offset.
        ({"placedAfter": "2026-03-01T01:00:00+01:00"}, {"B1", "B3", "C1", "C2"}),
        (
            {"placedAfter": "2026-02-01T10:00:00Z", "placedBefore": "2026-02-15T10:00:00Z"},
            {"A1", "D1"},
        ),
        ({"dueBefore": "2026-03-02"}, {"A1", "A3", "B2"}),  # exclusive; C1 has no due date
        ({"dueBefore": "2026-03-03"}, {"A1", "A3", "B2", "D1", "X1"}),
        ({"status": ["COMPLETED"], "unpaid": True}, {"A2", "C1", "X1"}),
        ({"accountOwner": "Eve", "status": ["COMPLETED"], "unpaid": True}, {"A2"}),
        ({"customer": "Bob", "dueBefore": "2026-03-06", "status": ["PLANNED"]}, {"B1"}),
    ],
)
async def test_each_filter(
    utc_client: httpx.AsyncClient,
    order_keys: Keys,
    order_world: OrderWorld,
    spec: Json,
    expected: set[str],
) -> None:
    resolved = dict(spec)
    if "customer" in resolved:
        resolved["customer"] = order_world.customers[resolved["customer"]]
    if "accountOwner" in resolved:
        resolved["accountOwner"] = order_world.employees[resolved["accountOwner"]]
    listed = await page(utc_client, order_keys, filter=resolved, first=50)
    assert {node["number"] for node in listed["nodes"]} == expected
    assert listed["totalCount"] == len(expected)


async def test_a_filter_by_unknown_ids_matches_nothing(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    for spec in ({"customer": "cus_" + "0" * 32}, {"accountOwner": "nope"}):
        assert await numbers(utc_client, order_keys, filter=spec) == []


async def test_an_order_reads_its_fields_and_its_customer(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    query = """
    query ($filter: OrderFilter) {
      orders(filter: $filter) {
        nodes {
          number status placedAt invoiceDueDate paidAt total { amount currency }
          customer { id name }
        }
      }
    }
    """
    listed = await data(
        utc_client,
        query,
        {"filter": {"dueBefore": "2026-02-02"}},
        key=order_keys.admin,
    )
    assert listed["orders"]["nodes"] == [
        {
            "number": "A3",
            "status": "COMPLETED",
            "placedAt": "2026-01-10T09:00:00+00:00",
            "invoiceDueDate": "2026-02-01",
            "paidAt": "2026-01-30T00:00:00+00:00",
            "total": {"amount": "50.00", "currency": "EUR"},
            "customer": {"id": order_world.customers["Ada"], "name": "Ada"},
        }
    ]


# --- sorts ------------------------------------------------------------------------------------

_LATE, _EARLY = date.max, date.min


def sort_key(order_by: str) -> Callable[[Placed], Any]:
    """The order of a sort, as the product states it: ties by id, in the sort's direction;
    orders without a due date last both ways."""
    if order_by.startswith("PLACED_AT"):
        return lambda o: (o.placed_at, o.id)
    if order_by == "DUE_DATE_ASC":
        return lambda o: (o.due or _LATE, o.id)
    if order_by == "DUE_DATE_DESC":
        return lambda o: (o.due or _EARLY, o.id)
    return lambda o: (o.total_minor, o.id)


def expected_order(order_by: str) -> list[str]:
    ordered = sorted(ORDERS, key=sort_key(order_by), reverse=order_by.endswith("_DESC"))
    return [order.number for order in ordered]


async def test_the_sort_orders_are_the_enum(
    utc_client: httpx.AsyncClient, order_keys: Keys
) -> None:
    query = '{ __type(name: "OrderOrder") { enumValues { name } } }'
    enum = (await data(utc_client, query, key=order_keys.admin))["__type"]["enumValues"]
    assert sorted(value["name"] for value in enum) == sorted(SORTS)


@pytest.mark.parametrize("order_by", SORTS)
async def test_each_sort(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld, order_by: str
) -> None:
    assert await numbers(utc_client, order_keys, orderBy=order_by) == expected_order(order_by)


async def test_sorts_by_hand(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    """The computed expectations above, checked against the table once."""
    a2_c2 = sorted(("A2", "C2"), key=lambda number: _by_number(number).id)
    d1_x1 = sorted(("D1", "X1"), key=lambda number: _by_number(number).id)
    assert await numbers(utc_client, order_keys, orderBy="TOTAL_DESC") == [
        "B3", *reversed(a2_c2), "C1", "X1", "A1", "D1", "B1", "A3", "B2"
    ]  # fmt: skip
    assert await numbers(utc_client, order_keys, orderBy="DUE_DATE_ASC") == [
        "A3", "B2", "A1", *d1_x1, "B1", "B3", "A2", "C2", "C1"
    ]  # fmt: skip
    assert await numbers(utc_client, order_keys, orderBy="DUE_DATE_DESC") == [
        "C2", "A2", "B3", "B1", *reversed(d1_x1), "A1", "B2", "A3", "C1"
    ]  # fmt: skip


# --- pages ------------------------------------------------------------------------------------


async def all_pages(
    http: httpx.AsyncClient, keys: Keys, size: int, **variables: Any
) -> list[list[str]]:
    pages: list[list[str]] = []
    after: str | None = None
    while True:
        listed = await page(http, keys, first=size, after=after, **variables)
        pages.append([node["number"] for node in listed["nodes"]])
        info = listed["pageInfo"]
        assert info["hasPreviousPage"] is (after is not None)
        assert [edge["node"]["id"] for edge in listed["edges"]] == [
            _by_number(number).id for number in pages[-1]
        ]
        if not info["hasNextPage"]:
            assert len(pages[-1]) <= size
            return pages
        assert len(pages[-1]) == size
        assert info["endCursor"] == listed["edges"][-1]["cursor"]
        after = info["endCursor"]
        assert len(pages) < 20, "the pages never end"


@pytest.mark.parametrize("order_by", SORTS)
async def test_pages_of_three_cover_the_list_once_in_order(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld, order_by: str
) -> None:
    pages = await all_pages(utc_client, order_keys, 3, orderBy=order_by)
    assert [len(each) for each in pages] == [3, 3, 3, 1]
    assert [number for each in pages for number in each] == expected_order(order_by)


async def test_pages_of_a_filtered_list_keep_the_filter_and_its_count(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    spec = {"unpaid": True, "status": ["PENDING", "COMPLETED"]}
    matching = {"A1", "A2", "B3", "C1", "C2", "D1", "X1"}
    pages = await all_pages(utc_client, order_keys, 2, filter=spec, orderBy="DUE_DATE_ASC")
    assert [len(each) for each in pages] == [2, 2, 2, 1]
    flat = [number for each in pages for number in each]
    assert flat == [number for number in expected_order("DUE_DATE_ASC") if number in matching]
    first = await page(utc_client, order_keys, filter=spec, first=2, orderBy="DUE_DATE_ASC")
    cursor = first["pageInfo"]["endCursor"]
    second = await page(
        utc_client, order_keys, filter=spec, first=2, orderBy="DUE_DATE_ASC", after=cursor
    )
    assert first["totalCount"] == second["totalCount"] == 7  # the count ignores the page


async def test_a_page_of_zero_still_counts(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    listed = await page(utc_client, order_keys, first=0)
    assert listed["nodes"] == []
    assert listed["totalCount"] == 10
    assert listed["pageInfo"]["hasNextPage"] is True


# --- bounds -----------------------------------------------------------------------------------


async def refused(http: httpx.AsyncClient, keys: Keys, **variables: Any) -> list[tuple[Any, Any]]:
    body = await post(http, LIST, variables, key=keys.admin)
    assert body.get("data") is None, body
    assert codes(body), body
    return [
        (error["extensions"].get("code"), error["extensions"].get("field"))
        for error in body["errors"]
    ]


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"first": 1001}, ("VALUE_OUT_OF_RANGE", "first")),
        ({"first": -1}, ("VALUE_OUT_OF_RANGE", "first")),
        ({"filter": {"status": ["PENDING"] * 51}}, ("LIST_TOO_LONG", "filter.status")),
        ({"after": "not-a-cursor"}, ("BAD_USER_INPUT", "after")),
        (
            {"orderBy": "TOTAL_ASC", "after": encode_cursor("TOTAL_DESC", [1, "ord_1"])},
            ("BAD_USER_INPUT", "after"),
        ),
        (
            {"after": encode_cursor("NEWEST", ["2026-02-01T09:30:00Z", "ord_1"])},
            ("BAD_USER_INPUT", "after"),  # a cursor of Customer.orders
        ),
        (
            {
                "orderBy": "DUE_DATE_ASC",
                "after": encode_cursor("DUE_DATE_ASC", ["2026-02-30", "o"]),
            },
            ("BAD_USER_INPUT", "after"),
        ),
        (
            {"orderBy": "TOTAL_ASC", "after": encode_cursor("TOTAL_ASC", [2**63, "ord_1"])},
            ("BAD_USER_INPUT", "after"),
        ),
    ],
)
async def test_arguments_beyond_their_bounds_are_refused(
    utc_client: httpx.AsyncClient,
    order_keys: Keys,
    order_world: OrderWorld,
    variables: Json,
    expected: tuple[str, str],
) -> None:
    assert await refused(utc_client, order_keys, **variables) == [expected]


def _by_number(number: str) -> Placed:
    return next(order for order in ORDERS if order.number == number)

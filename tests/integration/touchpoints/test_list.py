"""The root touchpoint list on the hand-built world (`list_world`): each filter, each sort, pages
through cursors, and the bounds of its arguments. Read with an admin key; who reads what is in
`test_list_access.py`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from cdp.compiler.pagination import encode_cursor
from tests.integration.access.support import Keys
from tests.integration.touchpoints.list_world import TOUCHPOINTS, Had, TouchpointWorld, by_name
from tests.support.api import Json, codes, data, post

LIST = """
query ($filter: TouchpointFilter, $orderBy: TouchpointOrder, $first: Int, $after: String) {
  touchpoints(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    nodes { id }
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
SORTS = ("OCCURRED_AT_DESC", "OCCURRED_AT_ASC", "DUE_AT_ASC")
NAMES = {touchpoint.id: touchpoint.name for touchpoint in TOUCHPOINTS}


async def page(http: httpx.AsyncClient, keys: Keys, **variables: Any) -> Json:
    listed: Json = (await data(http, LIST, variables, key=keys.admin))["touchpoints"]
    return listed


async def names(http: httpx.AsyncClient, keys: Keys, **variables: Any) -> list[str]:
    listed = await page(http, keys, first=50, **variables)
    return [NAMES[node["id"]] for node in listed["nodes"]]


def ids_sorted(*names: str, reverse: bool = False) -> list[str]:
    """Touchpoints that tie on the sort key, in the order of their ids."""
    return sorted(names, key=lambda name: by_name(name).id, reverse=reverse)


# --- filters ----------------------------------------------------------------------------------


async def test_without_a_filter_every_touchpoint_newest_first(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    listed = await page(keyless_client, list_keys, first=50)
    assert listed["totalCount"] == 10
    assert [NAMES[node["id"]] for node in listed["nodes"]] == [
        "C2", "B2", "B1", "D1", "A3", *ids_sorted("A2", "C1", reverse=True), "B3", "A1", "D2"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"kind": ["COMPLAINT"]}, {"A1", "A2", "B1", "B2", "C1", "D1"}),
        ({"kind": ["SALE", "SERVICE"]}, {"A3", "D2"}),
        ({"kind": []}, set()),
        ({"channel": ["PHONE"]}, {"A1", "B1", "C2", "D1"}),
        ({"channel": ["EMAIL", "CHAT"]}, {"A2", "B2", "B3", "C1"}),
        ({"channel": []}, set()),
        ({"direction": "OUTBOUND"}, {"B3", "C2"}),
        ({"direction": "INBOUND"}, {"A1", "A2", "A3", "B1", "B2", "C1", "D1", "D2"}),
        # Open: complaints not resolved, whether late (B1), not yet due (B2) or without a due
        # time (C1).
        ({"open": True}, {"B1", "B2", "C1"}),
        ({"open": False}, {"A1", "A2", "A3", "B3", "C2", "D1", "D2"}),
        # Breached: resolved late (A2), open past due (B1); not resolved in time (A1), at the
        # due time itself (D1), not yet due (B2), nor without a due time (C1).
        ({"slaBreached": True}, {"A2", "B1"}),
        ({"slaBreached": False}, {"A1", "A3", "B2", "B3", "C1", "C2", "D1", "D2"}),
        ({"handledBy": "Eve"}, {"A1", "A3", "C2", "D1"}),
        ({"handledBy": "Gus"}, {"A2", "C1"}),
        ({"accountOwner": "Eve"}, {"A1", "A2", "A3"}),  # Bob's is Eve's no longer
        ({"accountOwner": "Finn"}, {"B1", "B2", "B3"}),
        ({"customer": "Cy"}, {"C1", "C2"}),
        # since is inclusive: A2 and C1 occurred at exactly 02-01 10:00.
        ({"since": "2024-02-01T10:00:00Z"}, {"A2", "A3", "B1", "B2", "C1", "C2", "D1"}),
        ({"until": "2024-02-01T10:00:00Z"}, {"A1", "B3", "D2"}),
        # The same instant with another offset.
        ({"until": "2024-02-01T11:00:00+01:00"}, {"A1", "B3", "D2"}),
        (
            {"since": "2024-02-01T10:00:00Z", "until": "2024-03-01T08:00:00Z"},
            {"A2", "A3", "C1", "D1"},
        ),
        ({"followUpDue": True}, {"A3", "C2"}),  # B2's follow-up is not due yet
        ({"followUpDue": False}, {"A1", "A2", "B1", "B2", "B3", "C1", "D1", "D2"}),
        ({"kind": ["COMPLAINT"], "open": False, "slaBreached": False}, {"A1", "D1"}),
        ({"accountOwner": "Finn", "open": True, "slaBreached": False}, {"B2"}),
        ({"handledBy": "Eve", "followUpDue": True, "direction": "OUTBOUND"}, {"C2"}),
        ({"customer": "Ada", "channel": ["EMAIL"], "slaBreached": True}, {"A2"}),
        ({"kind": None, "open": None, "customer": None}, {t.name for t in TOUCHPOINTS}),
    ],
)
async def test_each_filter(
    keyless_client: httpx.AsyncClient,
    list_keys: Keys,
    list_world: TouchpointWorld,
    spec: Json,
    expected: set[str],
) -> None:
    resolved = dict(spec)
    for name, ids in (
        ("customer", list_world.customers),
        ("accountOwner", list_world.employees),
        ("handledBy", list_world.employees),
    ):
        if resolved.get(name) is not None:
            resolved[name] = ids[resolved[name]]
    listed = await page(keyless_client, list_keys, filter=resolved, first=50)
    assert {NAMES[node["id"]] for node in listed["nodes"]} == expected
    assert listed["totalCount"] == len(expected)


async def test_a_filter_by_unknown_ids_matches_nothing(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    for spec in (
        {"customer": "cus_" + "0" * 32},
        {"accountOwner": "nope"},
        {"handledBy": "emp_" + "0" * 32},
    ):
        assert await names(keyless_client, list_keys, filter=spec) == []


async def test_sla_breached_is_the_rule_of_the_sla_field(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    """The filter and `Touchpoint.sla.breached` agree on every touchpoint, read together."""
    query = """
    query {
      all: touchpoints(first: 50) { nodes { id sla { dueAt breached remaining } } }
      breached: touchpoints(first: 50, filter: { slaBreached: true }) { nodes { id } }
      kept: touchpoints(first: 50, filter: { slaBreached: false }) { nodes { id } }
    }
    """
    listed = await data(keyless_client, query, key=list_keys.admin)
    sla = {NAMES[node["id"]]: node["sla"] for node in listed["all"]["nodes"]}
    assert {name for name, status in sla.items() if status and status["breached"]} == {
        "A2",
        "B1",
    }
    assert {NAMES[node["id"]] for node in listed["breached"]["nodes"]} == {"A2", "B1"}
    assert {NAMES[node["id"]] for node in listed["kept"]["nodes"]} == set(sla) - {"A2", "B1"}
    assert sla["C1"] is None  # a complaint without a due time has no service level
    assert sla["D1"] == {"dueAt": "2024-02-21T11:00:00+00:00", "breached": False, "remaining": None}
    assert sla["B2"]["breached"] is False
    assert sla["B2"]["remaining"] > 0


async def test_a_touchpoint_reads_its_fields(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    query = """
    query ($filter: TouchpointFilter) {
      touchpoints(filter: $filter) {
        nodes {
          id kind channel direction occurredAt resolved resolvedAt summary followUpAt
          handledBy { id } customer { id name }
        }
      }
    }
    """
    spec = {"until": "2024-01-11T00:00:00Z", "channel": ["PHONE"]}
    listed = await data(keyless_client, query, {"filter": spec}, key=list_keys.admin)
    assert listed["touchpoints"]["nodes"] == [
        {
            "id": list_world.id_of("A1"),
            "kind": "COMPLAINT",
            "channel": "PHONE",
            "direction": "INBOUND",
            "occurredAt": "2024-01-10T09:00:00+00:00",
            "resolved": True,
            "resolvedAt": "2024-01-11T08:00:00+00:00",
            "summary": "Late parcel",
            "followUpAt": None,
            "handledBy": {"id": list_world.employees["Eve"]},
            "customer": {"id": list_world.customers["Ada"], "name": "Ada"},
        }
    ]


# --- sorts ------------------------------------------------------------------------------------

_NEVER = datetime.max.replace(tzinfo=UTC)


def sort_key(order_by: str) -> Callable[[Had], Any]:
    """The order of a sort, as the product states it: ties by id, in the sort's direction;
    touchpoints without a due time last."""
    if order_by == "DUE_AT_ASC":
        return lambda t: (t.due_at or _NEVER, t.id)
    return lambda t: (t.occurred_at, t.id)


def expected_order(order_by: str) -> list[str]:
    ordered = sorted(TOUCHPOINTS, key=sort_key(order_by), reverse=order_by.endswith("_DESC"))
    return [touchpoint.name for touchpoint in ordered]


async def test_the_sort_orders_are_the_enum(
    keyless_client: httpx.AsyncClient, list_keys: Keys
) -> None:
    query = '{ __type(name: "TouchpointOrder") { enumValues { name } } }'
    enum = (await data(keyless_client, query, key=list_keys.admin))["__type"]["enumValues"]
    assert sorted(value["name"] for value in enum) == sorted(SORTS)


@pytest.mark.parametrize("order_by", SORTS)
async def test_each_sort(
    keyless_client: httpx.AsyncClient,
    list_keys: Keys,
    list_world: TouchpointWorld,
    order_by: str,
) -> None:
    listed = await names(keyless_client, list_keys, orderBy=order_by)
    assert listed == expected_order(order_by)


async def test_sorts_by_hand(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    """The computed expectations above, checked against the table once."""
    assert await names(keyless_client, list_keys, orderBy="OCCURRED_AT_ASC") == [
        "D2", "A1", "B3", *ids_sorted("A2", "C1"), "A3", "D1", "B1", "B2", "C2"
    ]  # fmt: skip
    assert await names(keyless_client, list_keys, orderBy="DUE_AT_ASC") == [
        "A1", "A2", "D1", "B1", "B2", *ids_sorted("A3", "B3", "C1", "C2", "D2")
    ]  # fmt: skip


# --- pages ------------------------------------------------------------------------------------


async def all_pages(
    http: httpx.AsyncClient, keys: Keys, size: int, **variables: Any
) -> list[list[str]]:
    pages: list[list[str]] = []
    after: str | None = None
    while True:
        listed = await page(http, keys, first=size, after=after, **variables)
        pages.append([NAMES[node["id"]] for node in listed["nodes"]])
        info = listed["pageInfo"]
        assert info["hasPreviousPage"] is (after is not None)
        assert [edge["node"]["id"] for edge in listed["edges"]] == [
            node["id"] for node in listed["nodes"]
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
    keyless_client: httpx.AsyncClient,
    list_keys: Keys,
    list_world: TouchpointWorld,
    order_by: str,
) -> None:
    pages = await all_pages(keyless_client, list_keys, 3, orderBy=order_by)
    assert [len(each) for each in pages] == [3, 3, 3, 1]
    assert [name for each in pages for name in each] == expected_order(order_by)


@pytest.mark.parametrize("size", [1, 2, 4])
async def test_pages_through_the_ties_of_the_due_time_sort(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld, size: int
) -> None:
    """Five touchpoints without a due time share a cursor value; the id parts them."""
    pages = await all_pages(keyless_client, list_keys, size, orderBy="DUE_AT_ASC")
    assert [name for each in pages for name in each] == expected_order("DUE_AT_ASC")


async def test_pages_of_a_filtered_list_keep_the_filter_and_its_count(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    spec = {"kind": ["COMPLAINT"], "direction": "INBOUND"}
    matching = {"A1", "A2", "B1", "B2", "C1", "D1"}
    pages = await all_pages(keyless_client, list_keys, 4, filter=spec, orderBy="DUE_AT_ASC")
    assert [len(each) for each in pages] == [4, 2]
    flat = [name for each in pages for name in each]
    assert flat == [name for name in expected_order("DUE_AT_ASC") if name in matching]
    first = await page(keyless_client, list_keys, filter=spec, first=4, orderBy="DUE_AT_ASC")
    cursor = first["pageInfo"]["endCursor"]
    second = await page(
        keyless_client, list_keys, filter=spec, first=4, orderBy="DUE_AT_ASC", after=cursor
    )
    assert first["totalCount"] == second["totalCount"] == 6  # the count ignores the page


async def test_a_page_of_zero_still_counts(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    listed = await page(keyless_client, list_keys, first=0)
    assert listed["nodes"] == []
    assert listed["totalCount"] == 10
    assert listed["pageInfo"]["hasNextPage"] is True


async def test_the_default_page_is_twenty(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    listed = (await data(keyless_client, LIST, {}, key=list_keys.admin))["touchpoints"]
    assert len(listed["nodes"]) == 10
    assert listed["pageInfo"]["hasNextPage"] is False


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
        ({"filter": {"kind": ["SALE"] * 51}}, ("LIST_TOO_LONG", "filter.kind")),
        ({"filter": {"channel": ["EMAIL"] * 51}}, ("LIST_TOO_LONG", "filter.channel")),
        ({"after": "not-a-cursor"}, ("BAD_USER_INPUT", "after")),
        (
            {
                "orderBy": "OCCURRED_AT_ASC",
                "after": encode_cursor("OCCURRED_AT_DESC", ["2024-01-01T00:00:00Z", "tpt_1"]),
            },
            ("BAD_USER_INPUT", "after"),
        ),
        (
            {"after": encode_cursor("NEWEST", ["2024-02-01T09:30:00Z", "tpt_1"])},
            ("BAD_USER_INPUT", "after"),  # a cursor of Customer.touchpoints
        ),
        (
            {
                "orderBy": "DUE_AT_ASC",
                "after": encode_cursor("DUE_AT_ASC", ["2024-02-30T10:00:00Z", "tpt_1"]),
            },
            ("BAD_USER_INPUT", "after"),
        ),
        (
            {"orderBy": "DUE_AT_ASC", "after": encode_cursor("DUE_AT_ASC", [7, "tpt_1"])},
            ("BAD_USER_INPUT", "after"),
        ),
    ],
)
async def test_arguments_beyond_their_bounds_are_refused(
    keyless_client: httpx.AsyncClient,
    list_keys: Keys,
    list_world: TouchpointWorld,
    variables: Json,
    expected: tuple[str, str],
) -> None:
    assert await refused(keyless_client, list_keys, **variables) == [expected]

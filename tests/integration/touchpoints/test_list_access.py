"""Who lists which touchpoints (`list_world`): staff every touchpoint; a partner only those of
customers it may see, and nothing of how complaints are handled."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cdp.access.api_keys import create_key
from cdp.access.viewer import PII_READ
from cdp.store.graph import Graph
from tests.integration.access.support import Keys, consent_event
from tests.integration.customers.seed import utc
from tests.integration.touchpoints.list_world import TOUCHPOINTS, TouchpointWorld
from tests.support.api import Json, codes, data, post

LIST = """
query ($filter: TouchpointFilter, $orderBy: TouchpointOrder) {
  touchpoints(filter: $filter, orderBy: $orderBy, first: 50) {
    totalCount nodes { id kind resolved summary customer { id name } }
  }
}
"""
NAMES = {touchpoint.id: touchpoint.name for touchpoint in TOUCHPOINTS}
VISIBLE_TO_PARTNER = {"A1", "A2", "A3", "C1", "C2"}


async def listed(http: httpx.AsyncClient, key: str, **variables: Any) -> Json:
    result: Json = (await data(http, LIST, variables, key=key))["touchpoints"]
    return result


def names(page: Json) -> set[str]:
    return {NAMES[node["id"]] for node in page["nodes"]}


@pytest.mark.parametrize("role", ["admin", "agent", "analyst", "analyst_pii"])
async def test_staff_list_every_touchpoint(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld, role: str
) -> None:
    page = await listed(keyless_client, list_keys.of(role))
    assert page["totalCount"] == 10
    assert names(page) == {touchpoint.name for touchpoint in TOUCHPOINTS}


async def test_without_pii_read_the_summary_and_the_name_are_masked(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    spec = {"customer": list_world.customers["Ada"], "kind": ["COMPLAINT"]}
    masked = await listed(keyless_client, list_keys.analyst, filter=spec)
    by_name = {NAMES[node["id"]]: node for node in masked["nodes"]}
    assert by_name["A1"]["summary"] == "[masked]"
    assert by_name["A2"]["summary"] is None  # nothing to mask
    assert {node["customer"]["name"] for node in masked["nodes"]} == {"A. "}
    plain = await listed(keyless_client, list_keys.analyst_pii, filter=spec)
    assert {NAMES[node["id"]]: node["summary"] for node in plain["nodes"]} == {
        "A1": "Late parcel",
        "A2": None,
    }
    assert {node["customer"]["name"] for node in plain["nodes"]} == {"Ada"}


async def test_a_partner_lists_the_touchpoints_of_the_customers_it_may_see(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    # Not Bob's (neither brought nor shared), not Dee's (she withdrew her consent to sharing).
    page = await listed(keyless_client, list_keys.partner)
    assert names(page) == VISIBLE_TO_PARTNER
    assert page["totalCount"] == len(VISIBLE_TO_PARTNER)
    assert {node["customer"]["id"] for node in page["nodes"]} == {
        list_world.customers["Ada"],
        list_world.customers["Cy"],
    }
    assert {node["summary"] for node in page["nodes"]} == {"[masked]", None}


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"customer": "Dee"}, set()),  # hidden: the filter finds nothing, not an error
        ({"customer": "Bob"}, set()),
        ({"customer": "Cy"}, {"C1", "C2"}),
        ({"kind": ["COMPLAINT"]}, {"A1", "A2", "C1"}),  # B1, B2 and D1 are complaints too
        ({"channel": ["PHONE"]}, {"A1", "C2"}),
        ({"direction": "OUTBOUND"}, {"C2"}),  # and B3, hidden
        ({"since": "2024-02-01T10:00:00Z"}, {"A2", "A3", "C1", "C2"}),
        ({"until": "2024-02-01T10:00:00Z"}, {"A1"}),
    ],
)
@pytest.mark.parametrize("order_by", ["OCCURRED_AT_DESC", "OCCURRED_AT_ASC"])
async def test_a_partners_filters_stay_within_what_it_may_see(
    keyless_client: httpx.AsyncClient,
    list_keys: Keys,
    list_world: TouchpointWorld,
    spec: Json,
    expected: set[str],
    order_by: str,
) -> None:
    if "customer" in spec:
        spec = {"customer": list_world.customers[spec["customer"]]}
    page = await listed(keyless_client, list_keys.partner, filter=spec, orderBy=order_by)
    assert names(page) == expected
    assert page["totalCount"] == len(expected)


async def test_a_partner_loses_the_touchpoints_of_a_customer_who_withdraws(
    keyless_client: httpx.AsyncClient,
    graph: Graph,
    list_keys: Keys,
    list_world: TouchpointWorld,
) -> None:
    await consent_event(graph, list_world.customers["Cy"], "WITHDRAWN", at=utc(2024, 3, 1))
    assert names(await listed(keyless_client, list_keys.partner)) == {"A1", "A2", "A3"}
    assert (await listed(keyless_client, list_keys.admin))["totalCount"] == 10


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"filter": {"open": True}}, "filter.open"),
        ({"filter": {"open": False}}, "filter.open"),
        ({"filter": {"slaBreached": True}}, "filter.slaBreached"),
        ({"filter": {"slaBreached": False}}, "filter.slaBreached"),
        ({"filter": {"handledBy": "Eve"}}, "filter.handledBy"),
        ({"filter": {"accountOwner": "Eve"}}, "filter.accountOwner"),
        ({"filter": {"followUpDue": True}}, "filter.followUpDue"),
        ({"filter": {"followUpDue": False, "kind": ["SALE"]}}, "filter.followUpDue"),
        ({"orderBy": "DUE_AT_ASC"}, "orderBy"),
        ({"orderBy": "DUE_AT_ASC", "filter": {"kind": ["COMPLAINT"]}}, "orderBy"),
    ],
)
@pytest.mark.parametrize("scopes", [[], [PII_READ]])
async def test_a_partner_sees_nothing_of_complaint_handling(
    keyless_client: httpx.AsyncClient,
    graph: Graph,
    list_keys: Keys,
    list_world: TouchpointWorld,
    variables: Json,
    field: str,
    scopes: list[str],
) -> None:
    key = await create_key(
        graph, name="partner", role="partner", scopes=scopes, partner_id=list_keys.partner_id
    )
    spec = dict(variables.get("filter") or {})
    for name in ("handledBy", "accountOwner"):
        if name in spec:
            spec[name] = list_world.employees[spec[name]]
    body = await post(keyless_client, LIST, {**variables, "filter": spec}, key=key.secret)
    assert codes(body) == ["FORBIDDEN"]
    assert body["errors"][0]["extensions"]["field"] == field
    assert body.get("data") is None


@pytest.mark.parametrize("role", ["admin", "agent", "analyst"])
async def test_staff_may_use_every_filter_and_sort(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld, role: str
) -> None:
    spec = {
        "open": True,
        "slaBreached": True,
        "handledBy": list_world.employees["Finn"],
        "accountOwner": list_world.employees["Finn"],
        "followUpDue": False,
    }
    page = await listed(keyless_client, list_keys.of(role), filter=spec, orderBy="DUE_AT_ASC")
    assert names(page) == {"B1"}


async def test_null_staff_filters_are_no_filters_for_a_partner(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    spec = {"open": None, "slaBreached": None, "handledBy": None, "followUpDue": None}
    page = await listed(keyless_client, list_keys.partner, filter=spec)
    assert names(page) == VISIBLE_TO_PARTNER


async def test_a_partner_may_not_read_the_service_level_of_a_listed_touchpoint(
    keyless_client: httpx.AsyncClient, list_keys: Keys, list_world: TouchpointWorld
) -> None:
    query = "{ touchpoints { nodes { id sla { breached } } } }"
    body = await post(keyless_client, query, key=list_keys.partner)
    assert codes(body) == ["FORBIDDEN"]
    assert body["errors"][0]["extensions"]["field"] == "Touchpoint.sla"

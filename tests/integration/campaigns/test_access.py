"""Who may do what with campaigns: admins and agents create and change them, analysts read
them and change none, partners reach none of it (no list, no campaign by id or as a node, none
through an acquisition source or a touchpoint) and may not name one on a touchpoint."""

from __future__ import annotations

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.access.support import Keys, brought_by, consent_event
from tests.integration.campaigns.world import CampaignWorld
from tests.integration.customers.seed import utc
from tests.support.api import Json, codes, data, post
from tests.support.graph import graph_state

CREATE = "mutation ($input: CampaignInput!) { createCampaign(input: $input) { id createdBy } }"
UPDATE = """
mutation ($id: ID!, $input: CampaignPatch!) {
  updateCampaign(id: $id, input: $input) { id name channel budget { amount } createdBy }
}
"""
READ = """
query ($id: ID!) {
  campaign(id: $id) {
    id name kind leadCount conversions revenue { amount currency } touchpointCount
    lift { during { amount } before { amount } ratio }
  }
}
"""
RECORD = "mutation ($input: TouchpointInput!) { recordTouchpoint(input: $input) { id } }"
SUMMER = {"name": "Summer", "period": {"from": "2026-06-01", "to": "2026-06-30"}}
UNKNOWN = "cmp_00000000000000000000000000000000"


async def show_to_partner(graph: Graph, keys: Keys, customer_id: str) -> None:
    """The partner brought the customer, who consented to sharing: the partner sees it."""
    await brought_by(graph, keys.partner_id, customer_id)
    await consent_event(graph, customer_id, "GRANTED", at=utc(2026, 1, 1))


@pytest.mark.parametrize("role", ["admin", "agent"])
async def test_staff_create_and_update_a_campaign(
    client: httpx.AsyncClient, keys: Keys, role: str
) -> None:
    """The creator is the key's id (these keys name no employee), and stays on an update."""
    key = keys.of(role)
    created = (await data(client, CREATE, {"input": SUMMER}, key=key))["createCampaign"]
    assert created["createdBy"] == keys.ids[role]
    patch = {"name": "Summer sale", "channel": "SMS", "budget": "250"}
    updated = await data(client, UPDATE, {"id": created["id"], "input": patch}, key=key)
    assert updated["updateCampaign"] == {
        "id": created["id"],
        "name": "Summer sale",
        "channel": "SMS",
        "budget": {"amount": "250.00"},
        "createdBy": keys.ids[role],
    }


async def test_analysts_read_campaigns_as_admins_do(
    client: httpx.AsyncClient, keys: Keys, world: CampaignWorld
) -> None:
    page = await data(client, "{ campaigns(first: 50) { totalCount nodes { id } } }",
                      key=keys.analyst)  # fmt: skip
    assert page["campaigns"]["totalCount"] == len(world.campaigns)
    assert {node["id"] for node in page["campaigns"]["nodes"]} == set(world.campaigns.values())
    for campaign_id in world.campaigns.values():
        variables = {"id": campaign_id}
        admin = await data(client, READ, variables)
        assert await data(client, READ, variables, key=keys.analyst) == admin
    spring = await data(client, READ, {"id": world.campaigns["Spring"]}, key=keys.analyst)
    assert spring["campaign"]["revenue"] == {"amount": "210.00", "currency": "EUR"}


@pytest.mark.parametrize("role", ["analyst", "partner"])
async def test_analysts_and_partners_create_and_update_none(
    graph: Graph, client: httpx.AsyncClient, keys: Keys, world: CampaignWorld, role: str
) -> None:
    spring = world.campaigns["Spring"]
    before = await graph_state(graph)
    for mutation, variables, name in (
        (CREATE, {"input": SUMMER}, "createCampaign"),
        (UPDATE, {"id": spring, "input": {"name": "Renamed"}}, "updateCampaign"),
    ):
        body = await post(client, mutation, variables, key=keys.of(role))
        assert codes(body) == ["FORBIDDEN"], body
        assert body["errors"][0]["extensions"]["field"] == name
        assert body.get("data") is None
    assert await graph_state(graph) == before


async def test_partners_reach_no_campaign(
    graph: Graph, client: httpx.AsyncClient, keys: Keys, world: CampaignWorld
) -> None:
    """Not by the list, not by id or as a node (an id that names no campaign answers the same),
    not through its acquisition source or a touchpoint of a customer the partner sees."""
    ben, touchpoint = world.customers["Ben"], world.touchpoints["Ben Spring"]
    await show_to_partner(graph, keys, ben)
    seen = await data(client, "query ($id: ID!) { node(id: $id) { id } }", {"id": touchpoint},
                      key=keys.partner)  # fmt: skip
    assert seen == {"node": {"id": touchpoint}}  # the partner sees Ben's touchpoint itself
    spring = world.campaigns["Spring"]
    reads: tuple[tuple[str, Json], ...] = (
        ("{ campaigns { totalCount } }", {}),
        ("{ campaigns(first: 5) { nodes { id name } } }", {}),
        ("query ($id: ID!) { campaign(id: $id) { id } }", {"id": spring}),
        ("query ($id: ID!) { campaign(id: $id) { id } }", {"id": UNKNOWN}),
        ("query ($id: ID!) { node(id: $id) { id } }", {"id": spring}),
        ("query ($id: ID!) { node(id: $id) { __typename } }", {"id": UNKNOWN}),
        (
            "query ($id: ID!) { node(id: $id) { ... on AcquisitionSource { campaign { id } } } }",
            {"id": world.sources["Spring sale"]},
        ),
        (
            "query ($id: ID!) { node(id: $id) { ... on Touchpoint { campaign { id } } } }",
            {"id": touchpoint},
        ),
    )
    for query, variables in reads:
        body = await post(client, query, variables, key=keys.partner)
        assert codes(body) == ["FORBIDDEN"], (query, body)
        assert not any((body.get("data") or {}).values()), (query, body)


async def test_partners_may_not_name_a_campaign_on_a_touchpoint(
    graph: Graph, client: httpx.AsyncClient, keys: Keys, world: CampaignWorld
) -> None:
    """Refused before anything is written, for a campaign that exists or not; the same
    touchpoint without the campaign is the partner's to record."""
    ben = world.customers["Ben"]
    await show_to_partner(graph, keys, ben)
    touchpoint = {"customerId": ben, "channel": "CHAT", "direction": "INBOUND", "kind": "INQUIRY"}
    before = await graph_state(graph)
    for campaign_id in (world.campaigns["Spring"], UNKNOWN):
        variables = {"input": {**touchpoint, "campaignId": campaign_id}}
        body = await post(client, RECORD, variables, key=keys.partner)
        assert codes(body) == ["FORBIDDEN"], body
        assert body["errors"][0]["extensions"]["field"] == "input.campaignId"
        assert not (body.get("data") or {}).get("recordTouchpoint")
    assert await graph_state(graph) == before
    recorded = await data(client, RECORD, {"input": touchpoint}, key=keys.partner)
    assert recorded["recordTouchpoint"]["id"]

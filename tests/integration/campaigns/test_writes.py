"""Creating and changing campaigns: what is stored, the acquisition source that stands for each
(one campaign per source, under concurrency too), each refusal with its code and field (writing
nothing), updates, and touchpoints naming a campaign."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.campaigns.world import SPRING, CampaignWorld
from tests.integration.customers.seed import (
    acquire,
    add_customer,
    add_source,
    add_touchpoint,
    new_id,
    utc,
)
from tests.support.api import Json, codes, data, post
from tests.support.graph import graph_state

CREATE = """
mutation ($input: CampaignInput!) {
  createCampaign(input: $input) {
    id name kind channel period { from to } budget { amount currency } deal createdBy
    createdAt updatedAt acquisitionSource { id kind name } products { name }
    participants { name } leadCount
  }
}
"""
UPDATE = """
mutation ($id: ID!, $input: CampaignPatch!) {
  updateCampaign(id: $id, input: $input) {
    id name kind channel period { from to } budget { amount } deal products { name }
    participants { name } acquisitionSource { id } createdAt updatedAt
  }
}
"""
RECORD = """
mutation ($input: TouchpointInput!) {
  recordTouchpoint(input: $input) { id campaign { id name } }
}
"""
LEADS = "query ($id: ID!) { campaign(id: $id) { leadCount leads { name } touchpointCount } }"


async def test_create_stores_the_campaign_and_a_source_of_its_name(
    graph: Graph, client: httpx.AsyncClient
) -> None:
    spec = {"name": "Summer", "period": SPRING, "channel": "SMS", "budget": "1200.5"}
    campaign = (await data(client, CREATE, {"input": spec}))["createCampaign"]
    assert campaign["id"].startswith("cmp_")
    assert (campaign["name"], campaign["kind"], campaign["channel"]) == (
        "Summer",
        "MARKETING",
        "SMS",
    )
    assert campaign["period"] == SPRING
    assert campaign["budget"] == {"amount": "1200.50", "currency": "EUR"}
    assert campaign["deal"] is None
    assert campaign["createdAt"] == campaign["updatedAt"]
    assert campaign["acquisitionSource"]["kind"] == "CAMPAIGN"
    assert campaign["acquisitionSource"]["name"] == "Summer"
    assert (campaign["products"], campaign["participants"], campaign["leadCount"]) == ([], [], 0)
    [stored] = await graph.read(
        "MATCH (:AcquisitionSource)-[:OF_CAMPAIGN]->(k:Campaign {id: $id}) "
        "RETURN k.startsAt = datetime('2026-03-01T00:00:00Z') AS starts, "
        "k.endsAt = datetime('2026-04-01T00:00:00Z') AS ends, "
        "k.baselineStartsAt = datetime('2026-01-29T00:00:00Z') AS baseline, "
        "k.budgetMinor AS budget, k.currency AS currency",
        {"id": campaign["id"]},
    )
    assert stored == {
        "starts": True,
        "ends": True,
        "baseline": True,
        "budget": 120050,
        "currency": "EUR",
    }
    [audit] = await graph.read(
        "MATCH (a:AuditRecord {operation: 'createCampaign'}) RETURN a.kind AS kind"
    )
    assert audit == {"kind": "MUTATION"}


async def test_a_source_stands_for_one_campaign_even_under_concurrent_creates(
    graph: Graph, client: httpx.AsyncClient
) -> None:
    source = await add_source(graph, "CAMPAIGN", "Newsletter drive", utc(2026, 1, 1))
    spec = {"name": "Drive", "period": SPRING, "acquisitionSourceId": source}
    bodies = await asyncio.gather(
        *(post(client, CREATE, {"input": {**spec, "name": f"Drive {i}"}}) for i in range(12))
    )
    created = [body for body in bodies if "errors" not in body]
    assert len(created) == 1
    assert [code for body in bodies for code in codes(body)] == ["CONFLICT"] * 11
    rows = await graph.read(
        "MATCH (:AcquisitionSource {id: $id})-[:OF_CAMPAIGN]->(k:Campaign) RETURN k.id AS id",
        {"id": source},
    )
    assert rows == [{"id": created[0]["data"]["createCampaign"]["id"]}]
    assert await graph.read("MATCH (k:Campaign) RETURN count(k) AS n") == [{"n": 1}]


def spec_of(**given: object) -> Json:
    spec: Json = {"name": "Refused", "period": SPRING}
    spec.update(given)
    return spec


MISSING = "prd_00000000000000000000000000000000"
REFUSALS = [
    # (name, input ("<widget>", "<web>", "<taken>" stand for the world's ids), code, field, limit)
    ("to before from", spec_of(period={"from": "2026-03-02", "to": "2026-03-01"}),
     "VALUE_OUT_OF_RANGE", "input.period.to", ">= from"),
    ("367 days", spec_of(period={"from": "2026-01-01", "to": "2027-01-02"}),
     "VALUE_OUT_OF_RANGE", "input.period.to", 366),
    ("blank name", spec_of(name="  "), "BAD_USER_INPUT", "input.name", None),
    ("name too long", spec_of(name="x" * 501), "TEXT_TOO_LONG", "input.name", 500),
    ("negative budget", spec_of(budget="-1"), "VALUE_OUT_OF_RANGE", "input.budget", ">= 0"),
    ("a third decimal", spec_of(budget="1.005"), "BAD_USER_INPUT", "input.budget", None),
    ("source of another kind", spec_of(acquisitionSourceId="<web>"),
     "BAD_USER_INPUT", "input.acquisitionSourceId", None),
    ("source of another campaign", spec_of(acquisitionSourceId="<taken>"),
     "CONFLICT", "input.acquisitionSourceId", None),
    ("no such source", spec_of(acquisitionSourceId="src_00000000000000000000000000000000"),
     "NOT_FOUND", "input.acquisitionSourceId", None),
    ("not a source id", spec_of(acquisitionSourceId="<widget>"),
     "BAD_USER_INPUT", "input.acquisitionSourceId", None),
    ("products of a marketing campaign", spec_of(productIds=["<widget>"]),
     "BAD_USER_INPUT", "input.productIds", None),
    ("no such product", spec_of(kind="TRADE_PROMOTION", productIds=["<widget>", MISSING]),
     "NOT_FOUND", "input.productIds[1]", None),
    ("not a customer id", spec_of(kind="TRADE_PROMOTION", participantIds=["<widget>"]),
     "BAD_USER_INPUT", "input.participantIds[0]", None),
    ("too many products", spec_of(kind="TRADE_PROMOTION", productIds=[MISSING] * 101),
     "LIST_TOO_LONG", "input.productIds", 100),
]  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "code", "field", "limit"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
async def test_refusals_write_nothing(
    graph: Graph,
    client: httpx.AsyncClient,
    world: CampaignWorld,
    spec: Json,
    code: str,
    field: str,
    limit: object,
) -> None:
    names = {
        "<widget>": world.products["Widget"],
        "<web>": world.sources["Website"],
        "<taken>": world.sources["Spring sale"],
    }

    def named(value: object) -> object:
        if isinstance(value, list):
            return [named(v) for v in value]
        return names.get(value, value) if isinstance(value, str) else value

    spec = {key: named(value) for key, value in spec.items()}
    before = await graph_state(graph)
    body = await post(client, CREATE, {"input": spec})
    assert codes(body) == [code], body
    extensions = body["errors"][0]["extensions"]
    assert extensions.get("field") == field
    assert extensions.get("limit") == limit
    assert body["data"] is None
    assert await graph_state(graph) == before


async def test_update_changes_what_it_gives_and_replaces_the_lists(
    client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    deal = world.campaigns["May deal"]
    patch: Json = {
        "name": "May deal, extended",
        "period": {"from": "2026-05-01", "to": "2026-05-20"},
        "budget": "300",
        "participantIds": [world.customers["Shop C"]],
        "productIds": [world.products["Gizmo"], world.products["Widget"]],
    }
    updated = (await data(client, UPDATE, {"id": deal, "input": patch}))["updateCampaign"]
    assert updated["name"] == "May deal, extended"
    assert updated["kind"] == "TRADE_PROMOTION"
    assert updated["period"] == {"from": "2026-05-01", "to": "2026-05-20"}
    assert updated["budget"] == {"amount": "300.00"}
    assert updated["deal"] == "Buy three Widgets, get a fourth free."
    assert [p["name"] for p in updated["participants"]] == ["Shop C"]
    assert [p["name"] for p in updated["products"]] == ["Gizmo", "Widget"]
    assert updated["updatedAt"] > updated["createdAt"]
    # Null clears an optional field; an empty list empties one; what is left out stays.
    patch = {"budget": None, "deal": None, "participantIds": []}
    cleared = (await data(client, UPDATE, {"id": deal, "input": patch}))["updateCampaign"]
    assert (cleared["budget"], cleared["deal"], cleared["participants"]) == (None, None, [])
    assert [p["name"] for p in cleared["products"]] == ["Gizmo", "Widget"]
    assert cleared["name"] == "May deal, extended"


async def test_update_refusals(
    graph: Graph, client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    spring = world.campaigns["Spring"]
    cases = [
        (spring, {"productIds": [world.products["Widget"]]}, "BAD_USER_INPUT", "input.productIds"),
        (spring, {"name": None}, "BAD_USER_INPUT", "input.name"),
        (spring, {"period": None}, "BAD_USER_INPUT", "input.period"),
        ("cmp_00000000000000000000000000000000", {"name": "x"}, "NOT_FOUND", "id"),
        (world.customers["Ann"], {"name": "x"}, "BAD_USER_INPUT", "id"),
    ]
    before = await graph_state(graph)
    for campaign, patch, code, field in cases:
        body = await post(client, UPDATE, {"id": campaign, "input": patch})
        assert codes(body) == [code], (patch, body)
        assert body["errors"][0]["extensions"]["field"] == field
    assert await graph_state(graph) == before


async def test_a_touchpoint_naming_a_campaign_makes_a_new_lead(
    client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    autumn = world.campaigns["Autumn"]
    spec = {
        "customerId": world.customers["Eli"],
        "channel": "PHONE",
        "direction": "INBOUND",
        "kind": "INQUIRY",
        "campaignId": autumn,
    }
    recorded = (await data(client, RECORD, {"input": spec}))["recordTouchpoint"]
    assert recorded["campaign"] == {"id": autumn, "name": "Autumn"}
    found = (await data(client, LEADS, {"id": autumn}))["campaign"]
    assert found == {
        "leadCount": 2,
        "leads": [{"name": "Cat"}, {"name": "Eli"}],
        "touchpointCount": 2,
    }
    # Ann's first touch stays Spring's.
    spec = {**spec, "customerId": world.customers["Ann"]}
    await data(client, RECORD, {"input": spec})
    assert (await data(client, LEADS, {"id": autumn}))["campaign"]["leadCount"] == 2


async def test_a_touchpoint_naming_no_campaign_is_refused(
    graph: Graph, client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    spec = {
        "customerId": world.customers["Eli"],
        "channel": "PHONE",
        "direction": "INBOUND",
        "kind": "INQUIRY",
    }
    before = await graph_state(graph)
    for campaign, code in (
        (new_id("cmp"), "NOT_FOUND"),
        (world.customers["Ann"], "BAD_USER_INPUT"),
    ):
        body = await post(client, RECORD, {"input": {**spec, "campaignId": campaign}})
        assert codes(body) == [code], body
        assert body["errors"][0]["extensions"]["field"] == "input.campaignId"
    assert await graph_state(graph) == before


async def test_touches_at_the_same_instant_go_to_the_campaign_of_the_smaller_id(
    client: httpx.AsyncClient, graph: Graph, world: CampaignWorld
) -> None:
    fay = await add_customer(graph, "Fay", created_at=utc(2026, 1, 10))
    at = utc(2026, 3, 25, 12)
    await acquire(graph, fay, world.sources["Spring sale"], at)
    touchpoint = await add_touchpoint(graph, fay, "EMAIL", "MARKETING", at, direction="OUTBOUND")
    await graph.write_query(
        "MATCH (t:Touchpoint {id: $t}), (k:Campaign {id: $k}) CREATE (t)-[:IN_CAMPAIGN]->(k)",
        {"t": touchpoint, "k": world.campaigns["Autumn"]},
    )
    first = min(world.campaigns["Spring"], world.campaigns["Autumn"])
    for name in ("Spring", "Autumn"):
        found = (await data(client, LEADS, {"id": world.campaigns[name]}))["campaign"]
        has_fay = {"name": "Fay"} in found["leads"]
        assert has_fay == (world.campaigns[name] == first), name


async def test_a_source_that_stands_for_a_campaign_keeps_its_kind(
    graph: Graph, client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    query = """
    mutation ($id: ID!, $input: AcquisitionSourcePatch!) {
      updateAcquisitionSource(id: $id, input: $input) { kind name }
    }
    """
    source = world.sources["Spring sale"]
    before = await graph_state(graph)
    body = await post(client, query, {"id": source, "input": {"kind": "WEBSITE"}})
    assert codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "input.kind"
    assert await graph_state(graph) == before
    renamed = await data(
        client, query, {"id": source, "input": {"name": "Spring", "kind": "CAMPAIGN"}}
    )
    assert renamed["updateAcquisitionSource"] == {"kind": "CAMPAIGN", "name": "Spring"}
    # A source no campaign stands for changes kind freely.
    free = await data(client, query, {"id": world.sources["Website"], "input": {"kind": "EVENT"}})
    assert free["updateAcquisitionSource"]["kind"] == "EVENT"

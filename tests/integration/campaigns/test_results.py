"""What campaigns brought, read from the hand-built world (`world.py` has the tables): leads by
first touch, conversions and revenue within the window, and a trade promotion's lift."""

from __future__ import annotations

import httpx

from cdp.store.graph import Graph
from tests.integration.access.support import consent_event
from tests.integration.campaigns.world import CampaignWorld
from tests.support.api import Json, data

READ = """
query ($id: ID!) {
  campaign(id: $id) {
    id name kind channel period { from to } budget { amount currency } deal
    acquisitionSource { id kind name campaign { id } }
    touchpointCount touchpoints { id }
    leadCount leads { name } conversions conversionRate revenue { amount currency }
    products { name } participants { name }
    lift { during { amount } before { amount } ratio
           byCustomer { customer { name } during { amount } before { amount } ratio } }
  }
}
"""


async def read(client: httpx.AsyncClient, campaign_id: str) -> Json:
    found: Json = (await data(client, READ, {"id": campaign_id}))["campaign"]
    return found


async def test_leads_conversions_and_revenue_count_each_customer_once_by_first_touch(
    client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    spring = await read(client, world.campaigns["Spring"])
    assert [lead["name"] for lead in spring["leads"]] == ["Ann", "Ben", "Dan"]
    assert spring["leadCount"] == 3
    assert spring["conversions"] == 2
    assert spring["conversionRate"] == 2 / 3
    # A1 and A2 of Ann's, B2 of Ben's.
    assert spring["revenue"] == {"amount": "210.00", "currency": "EUR"}
    autumn = await read(client, world.campaigns["Autumn"])
    assert [lead["name"] for lead in autumn["leads"]] == ["Cat"]
    assert (autumn["leadCount"], autumn["conversions"], autumn["conversionRate"]) == (1, 0, 0.0)
    assert autumn["revenue"] == {"amount": "0.00", "currency": "EUR"}


async def test_a_campaign_shows_its_source_and_the_touchpoints_naming_it(
    client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    spring = await read(client, world.campaigns["Spring"])
    assert spring["name"] == "Spring"
    assert (spring["kind"], spring["channel"]) == ("MARKETING", "EMAIL")
    assert spring["period"] == {"from": "2026-03-01", "to": "2026-03-31"}
    assert spring["budget"] == {"amount": "500.00", "currency": "EUR"}
    assert spring["acquisitionSource"] == {
        "id": world.sources["Spring sale"],
        "kind": "CAMPAIGN",
        "name": "Spring sale",
        "campaign": {"id": world.campaigns["Spring"]},
    }
    assert spring["touchpointCount"] == 2
    assert [t["id"] for t in spring["touchpoints"]] == [
        world.touchpoints["Cat Spring"],
        world.touchpoints["Ben Spring"],
    ]
    assert (spring["products"], spring["participants"], spring["lift"]) == ([], [], None)
    # Created without a source: a new one of its name stands for it.
    autumn = await read(client, world.campaigns["Autumn"])
    assert autumn["acquisitionSource"]["kind"] == "CAMPAIGN"
    assert autumn["acquisitionSource"]["name"] == "Autumn"
    assert autumn["acquisitionSource"]["campaign"] == {"id": world.campaigns["Autumn"]}
    assert (autumn["budget"], autumn["channel"], autumn["conversionRate"]) == (None, None, 0.0)


async def test_a_campaign_without_leads_has_no_conversion_rate(
    client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    deal = await read(client, world.campaigns["May deal"])
    assert (deal["leadCount"], deal["conversions"], deal["conversionRate"]) == (0, 0, None)
    assert deal["revenue"] == {"amount": "0.00", "currency": "EUR"}


async def test_a_trade_promotion_compares_its_participants_sales_with_the_days_before(
    client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    deal = await read(client, world.campaigns["May deal"])
    assert deal["kind"] == "TRADE_PROMOTION"
    assert deal["deal"] == "Buy three Widgets, get a fourth free."
    assert [p["name"] for p in deal["products"]] == ["Widget"]
    assert [p["name"] for p in deal["participants"]] == ["Shop A", "Shop B"]
    lift = deal["lift"]
    assert lift["during"] == {"amount": "60.00"}
    assert lift["before"] == {"amount": "10.00"}
    assert lift["ratio"] == 6.0
    assert lift["byCustomer"] == [
        {
            "customer": {"name": "Shop A"},
            "during": {"amount": "30.00"},
            "before": {"amount": "10.00"},
            "ratio": 3.0,
        },
        {
            "customer": {"name": "Shop B"},
            "during": {"amount": "30.00"},
            "before": {"amount": "0.00"},
            "ratio": None,
        },
    ]


async def test_the_list_filters_by_kind_channel_and_day_latest_period_first(
    client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    query = """
    query ($filter: CampaignFilter) {
      campaigns(filter: $filter) { totalCount nodes { name } }
    }
    """

    async def names(spec: Json | None) -> list[str]:
        found = (await data(client, query, {"filter": spec}))["campaigns"]
        assert found["totalCount"] == len(found["nodes"])
        return [c["name"] for c in found["nodes"]]

    assert await names(None) == ["Autumn", "May deal", "Spring"]
    assert await names({"kind": ["TRADE_PROMOTION"]}) == ["May deal"]
    assert await names({"channel": ["EMAIL", "SMS"]}) == ["Spring"]
    assert await names({"activeOn": "2026-03-31"}) == ["Spring"]
    assert await names({"activeOn": "2026-04-01"}) == []
    assert await names({"kind": []}) == []


async def test_an_id_of_another_kind_names_no_campaign(
    client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    query = "query ($id: ID!) { campaign(id: $id) { id } }"
    assert (await data(client, query, {"id": world.customers["Ann"]}))["campaign"] is None
    assert (await data(client, query, {"id": "nonsense"}))["campaign"] is None
    node = "query ($id: ID!) { node(id: $id) { ... on Campaign { name } } }"
    found = (await data(client, node, {"id": world.campaigns["Spring"]}))["node"]
    assert found == {"name": "Spring"}


async def test_a_participant_reads_as_any_customer_does(
    graph: Graph, client: httpx.AsyncClient, world: CampaignWorld
) -> None:
    await consent_event(graph, world.customers["Shop A"], "GRANTED", purpose="MARKETING")
    query = """
    query ($id: ID!) {
      campaign(id: $id) {
        lift {
          byCustomer { customer { name consent { purpose } orders(first: 1) { totalCount } } }
        }
      }
    }
    """
    found = (await data(client, query, {"id": world.campaigns["May deal"]}))["campaign"]
    customers = [entry["customer"] for entry in found["lift"]["byCustomer"]]
    assert [c["name"] for c in customers] == ["Shop A", "Shop B"]
    assert [c["orders"]["totalCount"] for c in customers] == [4, 1]
    assert [c["consent"] for c in customers] == [[{"purpose": "MARKETING"}], []]

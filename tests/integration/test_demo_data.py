from __future__ import annotations

from decimal import Decimal

import httpx

from cdp.demo_data import is_empty, load_demo_data
from cdp.store.graph import Graph
from tests.support.api import data

_SHAPE = """
MATCH (c:Customer)
RETURN count(c) AS customers,
       count { MATCH (:Customer {kind: 'ORGANIZATION'})-[:HAS_CONTACT]->(:Contact) } AS contacts,
       count { MATCH ()-[:REFERRED]->() } AS referrals,
       count { MATCH ()-[:INFLUENCES {kind: 'OPINION_LEADER'}]->() } AS leaderLinks,
       COLLECT { MATCH (o:Order) RETURN DISTINCT o.status ORDER BY o.status } AS statuses,
       count { MATCH (o:Order {status: 'COMPLETED'}) WHERE o.paidAt IS NULL } AS unpaid,
       size(COLLECT { MATCH (t:Touchpoint) RETURN DISTINCT t.channel }) AS channels,
       count { MATCH (t:Touchpoint {kind: 'COMPLAINT'}) WHERE NOT t.resolved } AS openComplaints,
       count { MATCH ()-[o:OWNS]->() WHERE o.until IS NOT NULL } AS endedOwnerships,
       count { MATCH (c2:Customer) WHERE NOT EXISTS { (c2)<-[o:OWNS]-() WHERE o.until IS NULL } }
         AS unowned
"""

# The campaigns with what they link and reached, ids included: the same seed gives the same.
_CAMPAIGN_GRAPH = """
MATCH (k:Campaign)<-[:OF_CAMPAIGN]-(s:AcquisitionSource)
RETURN k.id AS id, k.name AS name, s.id AS source,
       COLLECT { MATCH (k)-[:PROMOTES]->(p:Product) RETURN p.id ORDER BY p.id } AS products,
       COLLECT { MATCH (k)<-[:TAKES_PART_IN]-(c:Customer) RETURN c.id ORDER BY c.id }
         AS participants,
       COLLECT { MATCH (k)<-[:IN_CAMPAIGN]-(t:Touchpoint)<-[:HAD]-(c:Customer)
                 RETURN [t.id, c.id, toString(t.occurredAt)] ORDER BY t.id } AS touchpoints
ORDER BY id
"""

_CAMPAIGNS = """
{
  campaigns(first: 10) {
    totalCount
    nodes {
      name kind channel period { from to } budget { amount currency } deal
      acquisitionSource { kind name campaign { name } }
      touchpointCount touchpoints { kind direction channel overPolicy }
      leadCount conversions revenue { amount currency }
      products { name } participants { kind }
      lift { during { amount } before { amount } }
    }
  }
}
"""

# Whoever completed an order is a customer or a former one; some leads were advanced, with why.
_STAGES = """
RETURN count { MATCH (c:Customer) WHERE c.lifecycleStage IN ['LEAD', 'PROSPECT']
                 AND EXISTS { (c)-[:PLACED]->(:Order {status: 'COMPLETED'}) } }
         AS buyersNotYetCustomers,
       count { MATCH (:Customer)-[:HAD_STAGE]->(h:LifecycleChange) WHERE h.reason IS NOT NULL }
         AS advancedWithReasons,
       count { MATCH (c:Customer) WHERE NOT EXISTS { (c)-[:HAD_STAGE]->() } } AS withoutHistory
"""

# Nothing happens to a customer before it was created and acquired: no purchase, contact,
# consent or influence; a contact person is its own person, never its organization.
_BEFORE_CREATION = """
RETURN count { MATCH (c:Customer)-[a:ACQUIRED_VIA]->() WHERE a.at < c.createdAt } AS acquisitions,
       count { MATCH (c:Customer)-[a:ACQUIRED_VIA]->(), (c)-[:PLACED]->(o:Order)
               WHERE o.placedAt < a.at } AS orders,
       count { MATCH (c:Customer)-[:HAD]->(t:Touchpoint) WHERE t.occurredAt < c.createdAt }
         AS touchpoints,
       count { MATCH (c:Customer)-[:GAVE]->(e:ConsentEvent) WHERE e.at < c.createdAt }
         AS consents,
       count { MATCH (a:Customer)-[i:INFLUENCES]->(b:Customer)
               WHERE i.since < a.createdAt OR i.since < b.createdAt } AS influences,
       count { MATCH (o:Customer)-[:HAS_CONTACT]->(:Contact)-[:IS]->(p:Customer)
               WHERE p = o OR p.kind <> 'PERSON' } AS contacts
"""


async def test_the_demo_graph_has_every_feature(graph: Graph) -> None:
    assert await is_empty(graph)
    summary = await load_demo_data(graph, customers=120, seed=3)
    assert not await is_empty(graph)
    [shape] = await graph.read(_SHAPE)
    assert shape["customers"] == summary.customers == 120
    assert summary.organizations > 0
    assert shape["contacts"] > 0
    assert shape["referrals"] > 0
    assert shape["leaderLinks"] > 0
    assert shape["statuses"] == ["COMPLETED", "PENDING", "PLANNED", "UNREALIZED"]
    assert shape["unpaid"] > 0
    assert shape["channels"] == 11
    assert shape["openComplaints"] > 0
    assert shape["endedOwnerships"] > 0
    assert shape["unowned"] == 0
    assert summary.orders > 120 // 2
    [stages] = await graph.read(_STAGES)
    assert stages["buyersNotYetCustomers"] == 0
    assert stages["advancedWithReasons"] > 0
    assert stages["withoutHistory"] == 0
    [before] = await graph.read(_BEFORE_CREATION)
    assert before == {
        "acquisitions": 0,
        "orders": 0,
        "touchpoints": 0,
        "consents": 0,
        "influences": 0,
        "contacts": 0,
    }


async def test_the_same_seed_gives_the_same_graph(graph: Graph) -> None:
    await load_demo_data(graph, customers=15, seed=11)
    first = await graph.read("MATCH (c:Customer) RETURN c.id AS id, c.name AS name ORDER BY id")
    first_campaigns = await graph.read(_CAMPAIGN_GRAPH)
    await graph.write_query("MATCH (n) WHERE NOT n:__CdpMigration DETACH DELETE n")
    await load_demo_data(graph, customers=15, seed=11)
    again = await graph.read("MATCH (c:Customer) RETURN c.id AS id, c.name AS name ORDER BY id")
    assert first == again
    assert await graph.read(_CAMPAIGN_GRAPH) == first_campaigns
    assert len(first_campaigns) == 3
    assert len(first) == 15


async def test_the_demo_campaigns_have_leads_sales_and_a_lift(
    graph: Graph, client: httpx.AsyncClient
) -> None:
    summary = await load_demo_data(graph, customers=120, seed=3)
    listed = (await data(client, _CAMPAIGNS))["campaigns"]
    assert listed["totalCount"] == summary.campaigns == 3
    by_name = {campaign["name"]: campaign for campaign in listed["nodes"]}
    assert {name: campaign["kind"] for name, campaign in by_name.items()} == {
        "Spring sale 2024": "MARKETING",
        "Black Friday 2024": "MARKETING",
        "Year-end trade deal 2024": "TRADE_PROMOTION",
    }
    # Each stands for a source of kind CAMPAIGN, its own; the marketing ones for the demo's.
    for name, campaign in by_name.items():
        assert campaign["acquisitionSource"]["kind"] == "CAMPAIGN"
        assert campaign["acquisitionSource"]["campaign"] == {"name": name}
        assert campaign["budget"]["currency"] == "EUR"
    assert by_name["Spring sale 2024"]["acquisitionSource"]["name"] == "Spring sale campaign"
    assert by_name["Black Friday 2024"]["acquisitionSource"]["name"] == "Black Friday campaign"
    marketing = [c for c in by_name.values() if c["kind"] == "MARKETING"]
    assert any(
        c["leadCount"] > 0 and c["conversions"] > 0 and Decimal(c["revenue"]["amount"]) > 0
        for c in marketing
    )
    # A few contacts name each marketing campaign: outbound, on its channel, within the policy.
    for campaign in marketing:
        assert campaign["touchpointCount"] > 0
        assert campaign["lift"] is None
        for touchpoint in campaign["touchpoints"]:
            assert touchpoint == {
                "kind": "MARKETING",
                "direction": "OUTBOUND",
                "channel": campaign["channel"],
                "overPolicy": False,
            }
    promotion = by_name["Year-end trade deal 2024"]
    assert promotion["deal"]
    assert 2 <= len(promotion["products"]) <= 3
    assert len(promotion["participants"]) >= 2
    assert {c["kind"] for c in promotion["participants"]} == {"ORGANIZATION"}
    assert Decimal(promotion["lift"]["during"]["amount"]) > 0

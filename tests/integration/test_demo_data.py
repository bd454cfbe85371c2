from __future__ import annotations

from cdp.demo_data import is_empty, load_demo_data
from cdp.store.graph import Graph

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

# Whoever completed an order is a customer or a former one; some leads were advanced, with why.
_STAGES = """
RETURN count { MATCH (c:Customer) WHERE c.lifecycleStage IN ['LEAD', 'PROSPECT']
                 AND EXISTS { (c)-[:PLACED]->(:Order {status: 'COMPLETED'}) } }
         AS buyersNotYetCustomers,
       count { MATCH (:Customer)-[:HAD_STAGE]->(h:LifecycleChange) WHERE h.reason IS NOT NULL }
         AS advancedWithReasons,
       count { MATCH (c:Customer) WHERE NOT EXISTS { (c)-[:HAD_STAGE]->() } } AS withoutHistory
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


async def test_the_same_seed_gives_the_same_graph(graph: Graph) -> None:
    await load_demo_data(graph, customers=15, seed=11)
    first = await graph.read("MATCH (c:Customer) RETURN c.id AS id, c.name AS name ORDER BY id")
    await graph.write_query("MATCH (n) WHERE NOT n:__CdpMigration DETACH DELETE n")
    await load_demo_data(graph, customers=15, seed=11)
    again = await graph.read("MATCH (c:Customer) RETURN c.id AS id, c.name AS name ORDER BY id")
    assert first == again
    assert len(first) == 15

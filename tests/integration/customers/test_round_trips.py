"""The one-query rule: each root field of an operation reads the database exactly once, however
much is selected under it.

Queries are counted where every Cypher statement of the neo4j driver goes through: `run` of a
session (auto-commit) and of a transaction (explicit or managed, which is what
`Driver.execute_query`, and so `cdp.store.graph.Graph`, uses). Counting there does not depend on
which `Graph` object the app's lifespan made, nor on which of its methods a resolver calls.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import neo4j
import pytest
from graphql import FieldNode, OperationDefinitionNode, parse

from cdp.store.graph import Graph
from tests.integration.customers.seed import World, add_customer, utc
from tests.support.api import Json, data


@dataclass
class QueryLog:
    queries: list[str] = field(default_factory=list)

    async def count(self, request: Awaitable[Json]) -> tuple[Json, int]:
        """The result of `request` and how many queries it ran."""
        self.queries.clear()
        result = await request
        return result, len(self.queries)


@pytest.fixture
def query_log(monkeypatch: pytest.MonkeyPatch) -> QueryLog:
    log = QueryLog()

    def counting(original: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def run(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            text = str(getattr(query, "text", query))
            # The audit log's record of a read of personal data is a write of its own, not a
            # read of the data, and the periodic re-check of cached API keys (every
            # CDP_KEY_CACHE_SECONDS, whichever request comes next) belongs to no request's
            # data: the one-query rule counts the reads.
            if "CREATE (:AuditRecord" not in text and "MATCH (k:ApiKey" not in text:
                log.queries.append(text)
            return await original(self, query, *args, **kwargs)

        return run

    for cls in (neo4j.AsyncSession, neo4j.AsyncTransaction, neo4j.AsyncManagedTransaction):
        monkeypatch.setattr(cls, "run", counting(cls.run))
    return log


async def test_the_counter_sees_every_query(
    client: httpx.AsyncClient, graph: Graph, query_log: QueryLog
) -> None:
    """Through the app, through a Graph, through the driver directly: each is one query."""
    _, through_app = await query_log.count(data(client, "{ about { neo4jVersion } }"))
    assert through_app == 1
    query_log.queries.clear()
    await graph.read("RETURN 1 AS one")
    await graph.write_query("RETURN 2 AS two")
    async with graph.driver.session(database=graph.database) as session:
        await (await session.run("RETURN 3 AS three")).consume()
    assert query_log.queries == ["RETURN 1 AS one", "RETURN 2 AS two", "RETURN 3 AS three"]


# Every field of Customer, relationships included, and the relationships of what they reach.
EVERYTHING = """
query Everything($id: ID!) {
  customer(id: $id) {
    id kind name emails phones interests notes lifecycleStage keyAccount createdAt updatedAt
    demographics {
      birthDate gender occupation incomeBand householdSize industry employeeCount
    }
    preferences { preferredChannel preferredLanguage doNotContact }
    goals { id metric progress { ratio onTrack } }
    externalIds { system value }
    addresses { kind line1 line2 city postalCode region country }
    contacts {
      id name role emails phones channels
      organization { id name }
      person { id name metrics { orderCount } }
    }
    contactOf { id name organization { id name contacts { name } } person { id } }
    acquisition {
      at
      source { id kind name createdAt customerCount customers(first: 5) { id name } }
      referrer { id name acquisition { source { name } } influences { strength } }
    }
    accountOwner {
      id name email title active createdAt customerCount customers { id name }
    }
    ownerHistory { since until employee { id name customerCount } }
    orders(first: 10) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node {
          id number status placedAt paymentMethod currency invoiceDueDate paidAt
          total { amount minorUnits currency }
          items {
            quantity
            unitPrice { amount }
            total { amount currency }
            product { id sku name customerCount customers { name } }
          }
          customer { id name }
        }
      }
      nodes { id }
    }
    touchpoints(first: 10) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id channel direction kind occurredAt summary outcome satisfaction resolved
        handledBy { id name customers { name } }
        customer { id }
      }
    }
    influences {
      strength kind since evidence
      customer { id name influences { customer { name } } influencedBy { customer { name } } }
    }
    influencedBy { strength kind customer { id name metrics { lifetimeRevenue { amount } } } }
    consent { purpose channel status at source }
    consentHistory { purpose channel status at source }
    lifecycleHistory { stage at by reason }
    convertedAt
    productsBought {
      quantity lastPurchasedAt revenue { amount currency }
      product { id sku name category active price { amount } unitCost { amount } }
    }
    metrics {
      lifetimeRevenue { amount minorUnits currency }
      orderCount
      averageOrderValue { amount }
      firstPurchaseAt lastPurchaseAt lastContactAt openComplaints
    }
  }
}
"""


def selected_fields(document: str, root_field: str) -> set[str]:
    operation = parse(document).definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    root = next(
        node
        for node in operation.selection_set.selections
        if isinstance(node, FieldNode) and node.name.value == root_field
    )
    assert root.selection_set is not None
    return {
        node.name.value for node in root.selection_set.selections if isinstance(node, FieldNode)
    }


async def test_the_operation_selects_every_field_of_customer(client: httpx.AsyncClient) -> None:
    """So that the one-query test below keeps covering the type when it grows."""
    body = await data(client, '{ __type(name: "Customer") { fields { name } } }')
    fields = {f["name"] for f in body["__type"]["fields"]}
    assert selected_fields(EVERYTHING, "customer") == fields


async def test_a_customer_360_is_one_query(
    client: httpx.AsyncClient, world: World, query_log: QueryLog
) -> None:
    body, queries = await query_log.count(data(client, EVERYTHING, {"id": world.ada}))
    assert queries == 1, query_log.queries
    customer = body["customer"]
    # The single query did read everything.
    assert customer["name"] == "Ada Lovelace"
    assert customer["acquisition"]["referrer"]["name"] == "Grace Hopper"
    assert customer["acquisition"]["source"]["customerCount"] == 2
    assert customer["accountOwner"]["customerCount"] == 3
    assert [o["employee"]["name"] for o in customer["ownerHistory"]] == [
        "Alice Archer",
        "Bob Baker",
    ]
    assert customer["orders"]["totalCount"] == 4
    assert len(customer["orders"]["edges"]) == 4
    assert customer["orders"]["edges"][1]["node"]["items"][0]["product"]["customerCount"] == 3
    assert customer["touchpoints"]["totalCount"] == 5
    assert [i["customer"]["name"] for i in customer["influences"]] == [
        "Grace Hopper",
        "Alan Turing",
    ]
    assert customer["influences"][0]["customer"]["influences"] == [
        {"customer": {"name": "Barbara Liskov"}}
    ]
    assert customer["influencedBy"][0]["customer"]["metrics"] == {
        "lifetimeRevenue": {"amount": "25.00"}
    }
    assert [p["product"]["sku"] for p in customer["productsBought"]] == ["KB-1", "MN-1", "MS-1"]
    assert customer["contactOf"][0]["organization"]["contacts"] == [
        {"name": "Ada Lovelace"},
        {"name": "Charles Babbage"},
    ]
    assert customer["metrics"]["orderCount"] == 2
    assert customer["metrics"]["openComplaints"] == 2

    organization, queries = await query_log.count(data(client, EVERYTHING, {"id": world.engines}))
    assert queries == 1, query_log.queries
    assert [c["name"] for c in organization["customer"]["contacts"]] == [
        "Ada Lovelace",
        "Charles Babbage",
    ]


async def test_two_root_fields_are_two_queries(
    client: httpx.AsyncClient, world: World, query_log: QueryLog
) -> None:
    query = """
    query ($id: ID!) {
      customer(id: $id) {
        name
        orders { nodes { items { product { name } } } }
        influences { customer { name } }
        metrics { orderCount }
      }
      customers(first: 2, orderBy: LIFETIME_REVENUE_DESC, filter: {kind: PERSON}) {
        totalCount
        edges { cursor node { name accountOwner { name } productsBought { quantity } } }
        nodes { metrics { lifetimeRevenue { amount } } }
        pageInfo { hasNextPage endCursor }
      }
    }"""
    body, queries = await query_log.count(data(client, query, {"id": world.grace}))
    assert queries == 2, query_log.queries
    assert body["customer"]["name"] == "Grace Hopper"
    assert [e["node"]["name"] for e in body["customers"]["edges"]] == [
        "Ada Lovelace",
        "Grace Hopper",
    ]
    assert body["customers"]["totalCount"] == 5


async def test_every_root_field_is_one_query(
    client: httpx.AsyncClient, world: World, query_log: QueryLog
) -> None:
    operations: list[tuple[str, Json]] = [
        (
            """query ($id: ID!) { node(id: $id) { id ... on Order {
                number items { product { customers { name } } } customer { name metrics {
                orderCount } } } } }""",
            {"id": world.ada_orders["ORD-1001"]},
        ),
        (
            """query ($id: ID!) { node(id: $id) { ... on Customer { name
                orders { nodes { items { product { name } } } }
                touchpoints { nodes { handledBy { name } } } } } }""",
            {"id": world.ada},
        ),
        (
            """{ customerByExternalId(system: "shopify", value: "SH-42") { name
                influencedBy { customer { name } } productsBought { product { name } } } }""",
            {},
        ),
        (
            """{ customers(first: 2, after: null, filter: {influencedBy: {kind: PERSON}}) {
                totalCount edges { node { name orders { totalCount } } } } }""",
            {},
        ),
        ("{ products { name customerCount customers { name metrics { orderCount } } } }", {}),
        ("{ acquisitionSources { name customers { name accountOwner { name } } } }", {}),
        ("{ employees { name customerCount customers { name ownerHistory { since } } } }", {}),
    ]
    for query, variables in operations:
        body, queries = await query_log.count(data(client, query, variables))
        assert queries == 1, (query, query_log.queries)
        assert any(value for value in body.values()), body


async def test_the_next_page_is_one_query(
    client: httpx.AsyncClient, world: World, query_log: QueryLog
) -> None:
    query = """
    query ($after: String) {
      customers(first: 3, after: $after, orderBy: CREATED_AT_DESC) {
        edges { node { name orders { nodes { number } } } }
        pageInfo { endCursor }
      }
    }"""
    first = await data(client, query)
    after = first["customers"]["pageInfo"]["endCursor"]
    second, queries = await query_log.count(data(client, query, {"after": after}))
    assert queries == 1, query_log.queries
    assert len(second["customers"]["edges"]) == 3


async def test_a_search_is_one_query(
    client: httpx.AsyncClient, graph: Graph, query_log: QueryLog
) -> None:
    await add_customer(graph, "Grace Hopper", created_at=utc(2024, 1, 1), emails=["g@navy.example"])
    query = """
    { searchCustomers(text: "grace") { score customer { name orders { totalCount }
        metrics { orderCount } influences { customer { name } } } } }"""
    deadline = time.monotonic() + 5  # the full-text index is updated eventually
    for _ in range(25):
        if (await data(client, query))["searchCustomers"] or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    body, queries = await query_log.count(data(client, query))
    assert queries == 1, query_log.queries
    assert [hit["customer"]["name"] for hit in body["searchCustomers"]] == ["Grace Hopper"]

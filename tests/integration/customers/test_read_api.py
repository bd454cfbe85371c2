"""The read side of the customer API, end to end: POST /graphql against a real Neo4j.

Most tests read the hand-checked graph of `seed.seed_world` (its docstring lists what is true
of it); the expected values here are worked out by hand from that data, not read back from the
database.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.customers.seed import (
    Line,
    World,
    add_customer,
    add_order,
    add_product,
    add_touchpoint,
    utc,
)
from tests.support.api import Json, data, error_codes, post

ALL_NAMES = [
    "Ada Lovelace",
    "Alan Turing",
    "Analytical Engines Ltd",
    "Barbara Liskov",
    "Edsger Dijkstra",
    "Grace Hopper",
    "Nevada Trading Co",
]
EPOCH = datetime(1, 1, 1, tzinfo=UTC)


# --- customer(id): the customer 360 --------------------------------------------------------------

CUSTOMER_360 = """
query Customer360($id: ID!) {
  customer(id: $id) {
    id kind name emails phones interests notes lifecycleStage createdAt updatedAt
    demographics { birthDate occupation industry employeeCount }
    preferences { preferredChannel preferredLanguage doNotContact }
    externalIds { system value }
    addresses { kind line1 city country }
    contactOf { name role organization { name } person { id } }
    acquisition { at source { id kind name } referrer { id name } }
    accountOwner { id name email }
    ownerHistory { since until employee { id name } }
    orders(first: 3) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage }
      nodes {
        id number status placedAt paymentMethod currency
        total { amount minorUnits currency }
        items { quantity unitPrice { amount } total { amount currency } product { sku name } }
        customer { name }
      }
    }
    completedOrders: orders(status: [COMPLETED]) { totalCount nodes { number } }
    openOrders: orders(status: [PENDING, UNREALIZED]) { nodes { number status } }
    complaints: touchpoints(
      channels: [PHONE, CHAT]
      kinds: [COMPLAINT]
      since: "2024-03-02T14:00:00Z"
      until: "2024-08-01T10:00:00Z"
    ) {
      totalCount
      nodes { id channel kind direction occurredAt resolved handledBy { name } customer { id } }
    }
    recentTouchpoints: touchpoints(first: 2) {
      totalCount
      pageInfo { hasNextPage }
      nodes { kind occurredAt }
    }
    emailTouchpoints: touchpoints(channels: [EMAIL]) { nodes { kind direction summary } }
    strongInfluences: influences(minStrength: 0.5) {
      strength kind since evidence customer { id name }
    }
    influences { strength kind customer { name } }
    firstInfluence: influences(first: 1) { customer { name } }
    influencedBy { strength kind since customer { id name } }
    productsBought {
      quantity
      revenue { amount currency }
      lastPurchasedAt
      product { sku name price { amount } }
    }
    metrics {
      lifetimeRevenue { amount minorUnits currency }
      orderCount
      averageOrderValue { amount minorUnits currency }
      firstPurchaseAt
      lastPurchaseAt
      lastContactAt
      openComplaints
    }
  }
}
"""


async def test_customer_360_reads_every_relationship(
    client: httpx.AsyncClient, world: World
) -> None:
    w = world
    customer = (await data(client, CUSTOMER_360, {"id": w.ada}))["customer"]
    ords = w.ada_orders
    tps = w.ada_touchpoints
    assert customer == {
        "id": w.ada,
        "kind": "PERSON",
        "name": "Ada Lovelace",
        "emails": ["ada@example.com", "ada.lovelace@analytical.org"],
        "phones": ["+44 20 7946 0001"],
        "interests": ["mathematics", "poetry"],
        "notes": "Prefers e-mail.",
        "lifecycleStage": "CUSTOMER",
        "createdAt": "2024-01-10T00:00:00+00:00",
        "updatedAt": "2024-06-02T09:30:00+00:00",
        "demographics": {
            "birthDate": "1815-12-10",
            "occupation": "Mathematician",
            "industry": None,
            "employeeCount": None,
        },
        "preferences": {
            "preferredChannel": "EMAIL",
            "preferredLanguage": "en",
            "doNotContact": False,
        },
        "externalIds": [
            {"system": "shopify", "value": "SH-42"},
            {"system": "zendesk", "value": "ZD-7"},
        ],
        "addresses": [
            {"kind": "HOME", "line1": "12 St James's Sq", "city": "London", "country": "GB"}
        ],
        "contactOf": [
            {
                "name": "Ada Lovelace",
                "role": "Advisor",
                "organization": {"name": "Analytical Engines Ltd"},
                "person": {"id": w.ada},
            }
        ],
        "acquisition": {
            "at": "2024-01-10T00:00:00+00:00",
            "source": {"id": w.referral, "kind": "REFERRAL", "name": "Friends program"},
            "referrer": {"id": w.grace, "name": "Grace Hopper"},
        },
        "accountOwner": {"id": w.alice, "name": "Alice Archer", "email": "alice@cdp.example"},
        "ownerHistory": [
            {
                "since": "2024-06-01T00:00:00+00:00",
                "until": None,
                "employee": {"id": w.alice, "name": "Alice Archer"},
            },
            {
                "since": "2024-01-10T00:00:00+00:00",
                "until": "2024-06-01T00:00:00+00:00",
                "employee": {"id": w.bob, "name": "Bob Baker"},
            },
        ],
        "orders": {
            "totalCount": 4,
            "pageInfo": {"hasNextPage": True, "hasPreviousPage": False},
            "nodes": [
                {
                    "id": ords["ORD-1003"],
                    "number": "ORD-1003",
                    "status": "PENDING",
                    "placedAt": "2024-07-01T08:00:00+00:00",
                    "paymentMethod": "CARD",
                    "currency": "EUR",
                    "total": {"amount": "54.99", "minorUnits": 5499, "currency": "EUR"},
                    "items": [
                        {
                            "quantity": 1,
                            "unitPrice": {"amount": "5.00"},
                            "total": {"amount": "5.00", "currency": "EUR"},
                            "product": {"sku": "CB-1", "name": "Cable"},
                        },
                        {
                            "quantity": 1,
                            "unitPrice": {"amount": "49.99"},
                            "total": {"amount": "49.99", "currency": "EUR"},
                            "product": {"sku": "KB-1", "name": "Keyboard"},
                        },
                    ],
                    "customer": {"name": "Ada Lovelace"},
                },
                {
                    "id": ords["ORD-1002"],
                    "number": "ORD-1002",
                    "status": "COMPLETED",
                    "placedAt": "2024-05-15T12:00:00+00:00",
                    "paymentMethod": "INVOICE",
                    "currency": "EUR",
                    "total": {"amount": "199.00", "minorUnits": 19900, "currency": "EUR"},
                    "items": [
                        {
                            "quantity": 1,
                            "unitPrice": {"amount": "199.00"},
                            "total": {"amount": "199.00", "currency": "EUR"},
                            "product": {"sku": "MN-1", "name": "Monitor"},
                        }
                    ],
                    "customer": {"name": "Ada Lovelace"},
                },
                {
                    "id": ords["ORD-1004"],
                    "number": "ORD-1004",
                    "status": "UNREALIZED",
                    "placedAt": "2024-03-01T09:00:00+00:00",
                    "paymentMethod": "CARD",
                    "currency": "EUR",
                    "total": {"amount": "37.50", "minorUnits": 3750, "currency": "EUR"},
                    "items": [
                        {
                            "quantity": 3,
                            "unitPrice": {"amount": "12.50"},
                            "total": {"amount": "37.50", "currency": "EUR"},
                            "product": {"sku": "MS-1", "name": "Mouse"},
                        }
                    ],
                    "customer": {"name": "Ada Lovelace"},
                },
            ],
        },
        "completedOrders": {
            "totalCount": 2,
            "nodes": [{"number": "ORD-1002"}, {"number": "ORD-1001"}],
        },
        "openOrders": {
            "nodes": [
                {"number": "ORD-1003", "status": "PENDING"},
                {"number": "ORD-1004", "status": "UNREALIZED"},
            ]
        },
        # since is inclusive (the phone complaint at 14:00), until exclusive (the late one).
        "complaints": {
            "totalCount": 2,
            "nodes": [
                {
                    "id": tps["complaint_chat"],
                    "channel": "CHAT",
                    "kind": "COMPLAINT",
                    "direction": "INBOUND",
                    "occurredAt": "2024-04-10T16:00:00+00:00",
                    "resolved": True,
                    "handledBy": None,
                    "customer": {"id": w.ada},
                },
                {
                    "id": tps["complaint_phone"],
                    "channel": "PHONE",
                    "kind": "COMPLAINT",
                    "direction": "INBOUND",
                    "occurredAt": "2024-03-02T14:00:00+00:00",
                    "resolved": False,
                    "handledBy": {"name": "Bob Baker"},
                    "customer": {"id": w.ada},
                },
            ],
        },
        "recentTouchpoints": {
            "totalCount": 5,
            "pageInfo": {"hasNextPage": True},
            "nodes": [
                {"kind": "COMPLAINT", "occurredAt": "2024-08-01T10:00:00+00:00"},
                {"kind": "OFFER", "occurredAt": "2024-06-20T11:00:00+00:00"},
            ],
        },
        "emailTouchpoints": {
            "nodes": [
                {"kind": "OFFER", "direction": "OUTBOUND", "summary": None},
                {"kind": "INQUIRY", "direction": "INBOUND", "summary": "Asked about keyboards"},
            ]
        },
        "strongInfluences": [
            {
                "strength": 0.8,
                "kind": "OPINION_LEADER",
                "since": "2024-03-01T00:00:00+00:00",
                "evidence": "Forum posts",
                "customer": {"id": w.grace, "name": "Grace Hopper"},
            }
        ],
        "influences": [
            {"strength": 0.8, "kind": "OPINION_LEADER", "customer": {"name": "Grace Hopper"}},
            {"strength": 0.3, "kind": "PEER", "customer": {"name": "Alan Turing"}},
        ],
        "firstInfluence": [{"customer": {"name": "Grace Hopper"}}],
        "influencedBy": [
            {
                "strength": 0.6,
                "kind": "COLLEAGUE",
                "since": "2024-04-01T00:00:00+00:00",
                "customer": {"id": w.edsger, "name": "Edsger Dijkstra"},
            }
        ],
        # Completed orders only (not the pending cable, nor the unrealized mice); most bought
        # first, then by SKU.
        "productsBought": [
            {
                "quantity": 2,
                "revenue": {"amount": "99.98", "currency": "EUR"},
                "lastPurchasedAt": "2024-02-01T10:00:00+00:00",
                "product": {"sku": "KB-1", "name": "Keyboard", "price": {"amount": "49.99"}},
            },
            {
                "quantity": 1,
                "revenue": {"amount": "199.00", "currency": "EUR"},
                "lastPurchasedAt": "2024-05-15T12:00:00+00:00",
                "product": {"sku": "MN-1", "name": "Monitor", "price": {"amount": "199.00"}},
            },
            {
                "quantity": 1,
                "revenue": {"amount": "12.50", "currency": "EUR"},
                "lastPurchasedAt": "2024-02-01T10:00:00+00:00",
                "product": {"sku": "MS-1", "name": "Mouse", "price": {"amount": "12.50"}},
            },
        ],
        # 112.48 + 199.00 completed; the pending 54.99 and the unrealized 37.50 do not count.
        "metrics": {
            "lifetimeRevenue": {"amount": "311.48", "minorUnits": 31148, "currency": "EUR"},
            "orderCount": 2,
            "averageOrderValue": {"amount": "155.74", "minorUnits": 15574, "currency": "EUR"},
            "firstPurchaseAt": "2024-02-01T10:00:00+00:00",
            "lastPurchaseAt": "2024-05-15T12:00:00+00:00",
            "lastContactAt": "2024-08-01T10:00:00+00:00",
            "openComplaints": 2,
        },
    }


async def test_orders_page_on_with_their_cursor(client: httpx.AsyncClient, world: World) -> None:
    query = """
    query ($id: ID!, $after: String) {
      customer(id: $id) {
        orders(first: 3, after: $after) {
          edges { cursor node { number } }
          pageInfo { hasNextPage hasPreviousPage endCursor }
        }
      }
    }"""
    first = (await data(client, query, {"id": world.ada}))["customer"]["orders"]
    assert [e["node"]["number"] for e in first["edges"]] == ["ORD-1003", "ORD-1002", "ORD-1004"]
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    after = first["pageInfo"]["endCursor"]
    rest = (await data(client, query, {"id": world.ada, "after": after}))["customer"]["orders"]
    assert [e["node"]["number"] for e in rest["edges"]] == ["ORD-1001"]
    assert rest["pageInfo"]["hasNextPage"] is False
    assert rest["pageInfo"]["hasPreviousPage"] is True


async def test_an_organization_lists_its_contacts_by_name(
    client: httpx.AsyncClient, world: World
) -> None:
    query = """
    query ($id: ID!) {
      customer(id: $id) {
        kind
        demographics { industry employeeCount occupation }
        contacts { id name role emails channels organization { id } person { name } }
        firstContact: contacts(first: 1) { name }
      }
    }"""
    customer = (await data(client, query, {"id": world.engines}))["customer"]
    assert customer == {
        "kind": "ORGANIZATION",
        "demographics": {"industry": "Machinery", "employeeCount": 40, "occupation": None},
        "contacts": [
            {
                "id": world.ada_contact,
                "name": "Ada Lovelace",
                "role": "Advisor",
                "emails": ["ada@example.com"],
                "channels": ["EMAIL"],
                "organization": {"id": world.engines},
                "person": {"name": "Ada Lovelace"},
            },
            {
                "id": world.babbage_contact,
                "name": "Charles Babbage",
                "role": "Founder",
                "emails": ["charles@engines.example"],
                "channels": [],
                "organization": {"id": world.engines},
                "person": None,
            },
        ],
        "firstContact": [{"name": "Ada Lovelace"}],
    }


async def test_a_customer_with_nothing_attached(client: httpx.AsyncClient, world: World) -> None:
    """Barbara: no orders, touchpoints, owner, contacts or influence of her own."""
    query = """
    query ($id: ID!) {
      customer(id: $id) {
        name phones interests notes externalIds { value } addresses { city }
        contacts { name } contactOf { name }
        acquisition { source { name } referrer { name } }
        accountOwner { name } ownerHistory { since }
        orders { totalCount nodes { number } pageInfo { hasNextPage startCursor endCursor } }
        touchpoints { totalCount nodes { id } }
        influences { strength } influencedBy { strength customer { name } }
        productsBought { quantity }
        preferences { preferredChannel doNotContact }
        metrics {
          lifetimeRevenue { amount minorUnits } orderCount averageOrderValue { amount }
          firstPurchaseAt lastPurchaseAt lastContactAt openComplaints
        }
      }
    }"""
    customer = (await data(client, query, {"id": world.barbara}))["customer"]
    assert customer == {
        "name": "Barbara Liskov",
        "phones": [],
        "interests": [],
        "notes": None,
        "externalIds": [],
        "addresses": [],
        "contacts": [],
        "contactOf": [],
        "acquisition": {"source": {"name": "Web shop"}, "referrer": None},
        "accountOwner": None,
        "ownerHistory": [],
        "orders": {
            "totalCount": 0,
            "nodes": [],
            "pageInfo": {"hasNextPage": False, "startCursor": None, "endCursor": None},
        },
        "touchpoints": {"totalCount": 0, "nodes": []},
        "influences": [],
        "influencedBy": [{"strength": 0.5, "customer": {"name": "Grace Hopper"}}],
        "productsBought": [],
        "preferences": {"preferredChannel": None, "doNotContact": False},
        "metrics": {
            "lifetimeRevenue": {"amount": "0.00", "minorUnits": 0},
            "orderCount": 0,
            "averageOrderValue": None,
            "firstPurchaseAt": None,
            "lastPurchaseAt": None,
            "lastContactAt": None,
            "openComplaints": 0,
        },
    }


async def test_a_former_owner_is_not_the_account_owner(
    client: httpx.AsyncClient, world: World
) -> None:
    query = """
    query ($id: ID!) {
      customer(id: $id) { accountOwner { name } ownerHistory { until employee { name } } }
    }"""
    edsger = (await data(client, query, {"id": world.edsger}))["customer"]
    assert edsger == {
        "accountOwner": None,
        "ownerHistory": [
            {"until": "2024-05-01T00:00:00+00:00", "employee": {"name": "Alice Archer"}}
        ],
    }
    alan = (await data(client, query, {"id": world.alan}))["customer"]
    assert alan["accountOwner"] == {"name": "Bob Baker"}
    assert [o["employee"]["name"] for o in alan["ownerHistory"]] == ["Bob Baker", "Alice Archer"]


async def test_average_order_value_and_money_of_another_currency(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    """Three completed JPY orders (no minor unit): amounts have no decimals."""
    tea = await add_product(
        graph, "TEA-1", "Matcha", 1500, currency="JPY", created_at=utc(2024, 1, 1)
    )
    kenji = await add_customer(graph, "Kenji Sato", created_at=utc(2024, 1, 1))
    for number, day, quantity in (("JP-1", 2, 1), ("JP-2", 3, 2), ("JP-3", 4, 4)):
        await add_order(
            graph,
            kenji,
            number,
            "COMPLETED",
            utc(2024, 2, day),
            [Line(tea, quantity, 1500)],
            currency="JPY",
        )
    await add_order(
        graph, kenji, "JP-4", "PLANNED", utc(2024, 3, 1), [Line(tea, 9, 1500)], currency="JPY"
    )
    query = """
    query ($id: ID!) {
      customer(id: $id) {
        orders(status: [COMPLETED], first: 1) { nodes { total { amount minorUnits currency } } }
        productsBought { quantity revenue { amount currency } }
        metrics {
          lifetimeRevenue { amount currency } orderCount averageOrderValue { amount currency }
          firstPurchaseAt lastPurchaseAt
        }
      }
    }"""
    customer = (await data(client, query, {"id": kenji}))["customer"]
    assert customer == {
        "orders": {"nodes": [{"total": {"amount": "6000", "minorUnits": 6000, "currency": "JPY"}}]},
        "productsBought": [{"quantity": 7, "revenue": {"amount": "10500", "currency": "JPY"}}],
        "metrics": {
            "lifetimeRevenue": {"amount": "10500", "currency": "JPY"},
            "orderCount": 3,
            "averageOrderValue": {"amount": "3500", "currency": "JPY"},
            "firstPurchaseAt": "2024-02-02T00:00:00+00:00",
            "lastPurchaseAt": "2024-02-04T00:00:00+00:00",
        },
    }


async def test_line_item_amounts_are_in_the_order_currency(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    """A line's unit price is stored on the order's CONTAINS relationship, beside the order's
    currency: an order in GBP of a product listed in EUR has its lines in GBP, adding up to
    the order's total."""
    lamp = await add_product(
        graph, "LMP-1", "Lamp", 3000, currency="EUR", created_at=utc(2024, 1, 1)
    )
    olivia = await add_customer(graph, "Olivia Brown", created_at=utc(2024, 1, 1))
    await add_order(
        graph, olivia, "GB-1", "COMPLETED", utc(2024, 2, 1), [Line(lamp, 2, 2600)], currency="GBP"
    )
    query = """
    query ($id: ID!) {
      customer(id: $id) {
        orders {
          nodes {
            total { amount currency }
            items { unitPrice { amount currency } total { amount currency } }
          }
        }
      }
    }"""
    [order] = (await data(client, query, {"id": olivia}))["customer"]["orders"]["nodes"]
    assert order == {
        "total": {"amount": "52.00", "currency": "GBP"},
        "items": [
            {
                "unitPrice": {"amount": "26.00", "currency": "GBP"},
                "total": {"amount": "52.00", "currency": "GBP"},
            }
        ],
    }


async def test_a_complaint_without_resolved_counts_as_open(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    """A touchpoint with no `resolved` property reads as `resolved: false`, so a complaint
    like that is an open complaint in the customer's metrics too."""
    mia = await add_customer(graph, "Mia Wong", created_at=utc(2024, 1, 1))
    await add_touchpoint(graph, mia, "PHONE", "COMPLAINT", utc(2024, 2, 1), resolved=None)
    await add_touchpoint(graph, mia, "PHONE", "COMPLAINT", utc(2024, 2, 2), resolved=False)
    await add_touchpoint(graph, mia, "PHONE", "COMPLAINT", utc(2024, 2, 3), resolved=True)
    query = """
    query ($id: ID!) {
      customer(id: $id) {
        touchpoints(kinds: [COMPLAINT]) { nodes { resolved } }
        metrics { openComplaints }
      }
    }"""
    customer = (await data(client, query, {"id": mia}))["customer"]
    resolved = [node["resolved"] for node in customer["touchpoints"]["nodes"]]
    assert resolved == [True, False, False]
    assert customer["metrics"]["openComplaints"] == resolved.count(False)


async def test_an_unknown_or_foreign_id_is_no_customer(
    client: httpx.AsyncClient, world: World
) -> None:
    query = "query ($id: ID!) { customer(id: $id) { id name } }"
    for unknown in (
        "cus_00000000000000000000000000000000",  # well formed, no such customer
        world.ada_orders["ORD-1001"],  # an order's id
        world.alice,  # an employee's id
        "not-an-id",
        "",
    ):
        assert await data(client, query, {"id": unknown}) == {"customer": None}, unknown


# --- customerByExternalId and node --------------------------------------------------------------


async def test_customer_by_external_id(client: httpx.AsyncClient, world: World) -> None:
    query = """
    query ($system: String!, $value: String!) {
      customerByExternalId(system: $system, value: $value) {
        id name externalIds { system value }
      }
    }"""
    ada = await data(client, query, {"system": "zendesk", "value": "ZD-7"})
    assert ada["customerByExternalId"] == {
        "id": world.ada,
        "name": "Ada Lovelace",
        "externalIds": [
            {"system": "shopify", "value": "SH-42"},
            {"system": "zendesk", "value": "ZD-7"},
        ],
    }
    grace = await data(client, query, {"system": "shopify", "value": "SH-43"})
    assert grace["customerByExternalId"]["id"] == world.grace
    # The value of another system, an unknown value, another case: nobody.
    for system, value in (("zendesk", "SH-42"), ("shopify", "SH-99"), ("Shopify", "SH-42")):
        found = await data(client, query, {"system": system, "value": value})
        assert found == {"customerByExternalId": None}, (system, value)


async def test_customer_by_external_id_needs_both_parts(
    client: httpx.AsyncClient, world: World
) -> None:
    query = 'query { customerByExternalId(system: "", value: "SH-42") { id } }'
    assert await error_codes(client, query) == ["BAD_USER_INPUT"]


NODE_QUERY = """
query ($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Customer { name kind metrics { orderCount } }
    ... on Order {
      number status total { amount currency }
      customer { id name }
      items { quantity product { sku } }
    }
    ... on Employee { name customerCount }
    ... on Touchpoint { touchpointKind: kind about: customer { name } }
    ... on Contact { name organization { name } }
    ... on AcquisitionSource { name customerCount }
    ... on Product { sku customerCount }
  }
}
"""


async def test_node_reads_a_customer_through_its_fragment(
    client: httpx.AsyncClient, world: World
) -> None:
    node = (await data(client, NODE_QUERY, {"id": world.ada}))["node"]
    assert node == {
        "__typename": "Customer",
        "id": world.ada,
        "name": "Ada Lovelace",
        "kind": "PERSON",
        "metrics": {"orderCount": 2},
    }


async def test_node_reads_an_order_through_its_fragment(
    client: httpx.AsyncClient, world: World
) -> None:
    node = (await data(client, NODE_QUERY, {"id": world.ada_orders["ORD-1001"]}))["node"]
    assert node == {
        "__typename": "Order",
        "id": world.ada_orders["ORD-1001"],
        "number": "ORD-1001",
        "status": "COMPLETED",
        "total": {"amount": "112.48", "currency": "EUR"},
        "customer": {"id": world.ada, "name": "Ada Lovelace"},
        "items": [
            {"quantity": 2, "product": {"sku": "KB-1"}},
            {"quantity": 1, "product": {"sku": "MS-1"}},
        ],
    }


async def test_node_reads_the_other_node_types(client: httpx.AsyncClient, world: World) -> None:
    expectations: list[tuple[str, Json]] = [
        (world.alice, {"__typename": "Employee", "name": "Alice Archer", "customerCount": 3}),
        (
            world.ada_touchpoints["offer"],
            {
                "__typename": "Touchpoint",
                "touchpointKind": "OFFER",
                "about": {"name": "Ada Lovelace"},
            },
        ),
        (
            world.babbage_contact,
            {
                "__typename": "Contact",
                "name": "Charles Babbage",
                "organization": {"name": "Analytical Engines Ltd"},
            },
        ),
        (
            world.campaign,
            {"__typename": "AcquisitionSource", "name": "Spring campaign", "customerCount": 2},
        ),
        (world.monitor, {"__typename": "Product", "sku": "MN-1", "customerCount": 3}),
    ]
    for node_id, expected in expectations:
        node = (await data(client, NODE_QUERY, {"id": node_id}))["node"]
        assert node == {**expected, "id": node_id}


async def test_node_of_an_unknown_id_is_null(client: httpx.AsyncClient, world: World) -> None:
    for unknown in (
        "ord_00000000000000000000000000000000",
        "cus_00000000000000000000000000000000",
        "xyz_00000000000000000000000000000000",  # no type has this prefix
        world.ada.upper(),
        "garbage",
    ):
        assert await data(client, NODE_QUERY, {"id": unknown}) == {"node": None}, unknown


# --- customers(filter) ---------------------------------------------------------------------------

LIST_QUERY = """
query ($filter: CustomerFilter, $orderBy: CustomerOrder!, $first: Int, $after: String) {
  customers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id name } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


async def list_page(
    client: httpx.AsyncClient,
    *,
    filter: Json | None = None,
    order_by: str = "NAME_ASC",
    first: int | None = 100,
    after: str | None = None,
) -> Json:
    variables = {"filter": filter, "orderBy": order_by, "first": first, "after": after}
    page: Json = (await data(client, LIST_QUERY, variables))["customers"]
    assert [node["id"] for node in page["nodes"]] == [e["node"]["id"] for e in page["edges"]]
    return page


Filter = Callable[[World], Json]
FILTER_CASES: list[tuple[str, Filter, list[str]]] = [
    ("no filter", lambda w: {}, ALL_NAMES),
    ("name equals", lambda w: {"name": {"equals": "Ada Lovelace"}}, ["Ada Lovelace"]),
    ("name equals is exact", lambda w: {"name": {"equals": "ada lovelace"}}, []),
    ("name equals the whole name", lambda w: {"name": {"equals": "Ada"}}, []),
    (
        "name contains ignores case",
        lambda w: {"name": {"contains": "ADA"}},
        ["Ada Lovelace", "Nevada Trading Co"],
    ),
    (
        "name contains mid-word",
        lambda w: {"name": {"contains": "ngin"}},
        ["Analytical Engines Ltd"],
    ),
    (
        "name startsWith ignores case",
        lambda w: {"name": {"startsWith": "a"}},
        ["Ada Lovelace", "Alan Turing", "Analytical Engines Ltd"],
    ),
    ("name startsWith is a prefix", lambda w: {"name": {"startsWith": "Lovelace"}}, []),
    (
        "name contains and startsWith together",
        lambda w: {"name": {"startsWith": "a", "contains": "ing"}},
        ["Alan Turing"],
    ),
    ("email equals", lambda w: {"email": {"equals": "grace@navy.example"}}, ["Grace Hopper"]),
    (
        "email equals a second address",
        lambda w: {"email": {"equals": "ewd@utexas.example"}},
        ["Edsger Dijkstra"],
    ),
    (
        "email equals ignores case",
        lambda w: {"email": {"equals": "EWD@UTexas.example"}},
        ["Edsger Dijkstra"],
    ),
    ("email equals is whole", lambda w: {"email": {"equals": "ewd@utexas"}}, []),
    (
        "email contains",
        lambda w: {"email": {"contains": "ANALYTICAL"}},
        ["Ada Lovelace"],
    ),
    (
        "email startsWith",
        lambda w: {"email": {"startsWith": "e"}},
        ["Edsger Dijkstra"],
    ),
    (
        "email contains ignores case",
        lambda w: {"email": {"contains": "EXAMPLE"}},
        [
            "Ada Lovelace",
            "Alan Turing",
            "Analytical Engines Ltd",
            "Barbara Liskov",
            "Edsger Dijkstra",
            "Grace Hopper",
        ],
    ),
    (
        "lifecycleStage is any of",
        lambda w: {"lifecycleStage": ["LEAD", "FORMER"]},
        ["Barbara Liskov", "Edsger Dijkstra", "Nevada Trading Co"],
    ),
    ("lifecycleStage one", lambda w: {"lifecycleStage": ["PROSPECT"]}, ["Alan Turing"]),
    (
        "kind",
        lambda w: {"kind": "ORGANIZATION"},
        ["Analytical Engines Ltd", "Nevada Trading Co"],
    ),
    (
        "acquisitionSourceId",
        lambda w: {"acquisitionSourceId": w.website},
        ["Barbara Liskov", "Grace Hopper"],
    ),
    (
        "acquisitionSourceId unknown",
        lambda w: {"acquisitionSourceId": "src_00000000000000000000000000000000"},
        [],
    ),
    (
        "acquisitionSourceKind",
        lambda w: {"acquisitionSourceKind": "CAMPAIGN"},
        ["Alan Turing", "Analytical Engines Ltd"],
    ),
    (
        "acquisitionSourceKind referral",
        lambda w: {"acquisitionSourceKind": "REFERRAL"},
        ["Ada Lovelace", "Nevada Trading Co"],
    ),
    ("acquisitionSourceKind none", lambda w: {"acquisitionSourceKind": "PARTNER"}, []),
    (
        "accountOwnerId counts current owners only",
        lambda w: {"accountOwnerId": w.alice},
        ["Ada Lovelace", "Grace Hopper", "Nevada Trading Co"],
    ),
    (
        "accountOwnerId of another employee",
        lambda w: {"accountOwnerId": w.bob},
        ["Alan Turing", "Analytical Engines Ltd"],
    ),
    ("accountOwnerId owning nobody", lambda w: {"accountOwnerId": w.carol}, []),
    (
        "createdAt gte inclusive, lt exclusive",
        lambda w: {"createdAt": {"gte": "2024-01-10T00:00:00Z", "lt": "2024-04-01T00:00:00Z"}},
        ["Ada Lovelace", "Alan Turing"],
    ),
    (
        "createdAt gte only",
        lambda w: {"createdAt": {"gte": "2024-04-01T00:00:00Z"}},
        ["Barbara Liskov", "Edsger Dijkstra", "Nevada Trading Co"],
    ),
    (
        "createdAt without an offset is UTC",
        lambda w: {"createdAt": {"gte": "2024-01-10T00:00:00", "lt": "2024-01-10T00:00:01"}},
        ["Ada Lovelace"],
    ),
    (
        "createdAt lt only, with an offset",
        lambda w: {"createdAt": {"lt": "2024-01-10T01:00:00+02:00"}},
        ["Analytical Engines Ltd", "Grace Hopper"],
    ),
    (
        "hasOrderWithStatus completed",
        lambda w: {"hasOrderWithStatus": "COMPLETED"},
        ["Ada Lovelace", "Analytical Engines Ltd", "Edsger Dijkstra", "Grace Hopper"],
    ),
    (
        "hasOrderWithStatus pending",
        lambda w: {"hasOrderWithStatus": "PENDING"},
        ["Ada Lovelace", "Alan Turing"],
    ),
    (
        "hasOrderWithStatus unrealized",
        lambda w: {"hasOrderWithStatus": "UNREALIZED"},
        ["Ada Lovelace"],
    ),
    ("hasOrderWithStatus planned", lambda w: {"hasOrderWithStatus": "PLANNED"}, []),
    (
        "boughtProductId in completed orders only",
        lambda w: {"boughtProductId": w.keyboard},
        ["Ada Lovelace"],
    ),
    (
        "boughtProductId by several",
        lambda w: {"boughtProductId": w.monitor},
        ["Ada Lovelace", "Analytical Engines Ltd", "Grace Hopper"],
    ),
    ("boughtProductId only ever pending", lambda w: {"boughtProductId": w.cable}, []),
    (
        "influences anybody",
        lambda w: {"influences": {}},
        ["Ada Lovelace", "Edsger Dijkstra", "Grace Hopper"],
    ),
    (
        "influences a matching customer",
        lambda w: {"influences": {"name": {"startsWith": "gr"}}},
        ["Ada Lovelace"],
    ),
    (
        "influences a customer with a pending order",
        lambda w: {"influences": {"hasOrderWithStatus": "PENDING"}},
        ["Ada Lovelace", "Edsger Dijkstra"],
    ),
    (
        "influencedBy anybody",
        lambda w: {"influencedBy": {}},
        ["Ada Lovelace", "Alan Turing", "Barbara Liskov", "Grace Hopper"],
    ),
    (
        "influencedBy a matching customer",
        lambda w: {"influencedBy": {"name": {"equals": "Edsger Dijkstra"}}},
        ["Ada Lovelace"],
    ),
    (
        "influencedBy, two levels",
        lambda w: {"influencedBy": {"influencedBy": {"name": {"equals": "Edsger Dijkstra"}}}},
        ["Alan Turing", "Grace Hopper"],
    ),
    (
        "AND",
        lambda w: {"AND": [{"kind": "PERSON"}, {"lifecycleStage": ["CUSTOMER"]}]},
        ["Ada Lovelace", "Grace Hopper"],
    ),
    (
        "OR",
        lambda w: {"OR": [{"name": {"startsWith": "bar"}}, {"email": {"contains": "eindhoven"}}]},
        ["Barbara Liskov", "Edsger Dijkstra"],
    ),
    ("NOT", lambda w: {"NOT": {"kind": "PERSON"}}, ["Analytical Engines Ltd", "Nevada Trading Co"]),
    (
        "NOT of an OR",
        lambda w: {"NOT": {"OR": [{"kind": "ORGANIZATION"}, {"lifecycleStage": ["CUSTOMER"]}]}},
        ["Alan Turing", "Barbara Liskov", "Edsger Dijkstra"],
    ),
    (
        "fields, NOT and OR together",
        lambda w: {
            "kind": "PERSON",
            "NOT": {"hasOrderWithStatus": "COMPLETED"},
            "OR": [{"lifecycleStage": ["PROSPECT"]}, {"lifecycleStage": ["FORMER"]}],
        },
        ["Alan Turing", "Barbara Liskov"],
    ),
    (
        "AND of ORs",
        lambda w: {
            "AND": [
                {"OR": [{"accountOwnerId": w.alice}, {"accountOwnerId": w.bob}]},
                {"OR": [{"kind": "ORGANIZATION"}, {"hasOrderWithStatus": "PENDING"}]},
            ]
        },
        ["Ada Lovelace", "Alan Turing", "Analytical Engines Ltd", "Nevada Trading Co"],
    ),
    (
        "conditions of one filter all hold",
        lambda w: {
            "kind": "PERSON",
            "acquisitionSourceKind": "REFERRAL",
            "boughtProductId": w.mouse,
        },
        ["Ada Lovelace"],
    ),
]


@pytest.mark.parametrize(
    ("make_filter", "expected"),
    [pytest.param(make, expected, id=name) for name, make, expected in FILTER_CASES],
)
async def test_customers_filter(
    client: httpx.AsyncClient, world: World, make_filter: Filter, expected: list[str]
) -> None:
    page = await list_page(client, filter=make_filter(world))
    assert [edge["node"]["name"] for edge in page["edges"]] == expected
    assert page["totalCount"] == len(expected)
    assert page["pageInfo"]["hasNextPage"] is False


async def test_email_equals_ignores_the_case_of_the_stored_address(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    """Filters on e-mails: `equals` ignores case (cdp.customer_filters), whichever side has
    the capitals."""
    await add_customer(
        graph, "Hedy Lamarr", created_at=utc(2024, 1, 1), emails=["Hedy@Film.example"]
    )
    for text in ("Hedy@Film.example", "hedy@film.example", "HEDY@FILM.EXAMPLE"):
        page = await list_page(client, filter={"email": {"equals": text}})
        assert [e["node"]["name"] for e in page["edges"]] == ["Hedy Lamarr"], text


async def test_filters_nest_only_so_deep(client: httpx.AsyncClient, world: World) -> None:
    deep: Json = {"kind": "PERSON"}
    for _ in range(10):
        deep = {"influences": deep}
    codes = await error_codes(
        client, LIST_QUERY, {"filter": deep, "orderBy": "NAME_ASC", "first": 10}
    )
    assert codes == ["FILTER_TOO_BROAD"]
    shallow = {"influences": {"influencedBy": {"name": {"startsWith": "a"}}}}
    page = await list_page(client, filter=shallow)
    # Who influences someone whom an "A…" influences: Ada (Grace and Alan are influenced by
    # Ada); not Edsger (Ada is influenced by Edsger), nor Grace (Barbara, by Grace).
    assert [e["node"]["name"] for e in page["edges"]] == ["Ada Lovelace"]


async def test_nodes_and_edges_keep_their_own_aliases(
    client: httpx.AsyncClient, world: World
) -> None:
    """`nodes` and `edges { node }` are two selections of the same page: one response key may
    stand for different fields in each."""
    query = """
    {
      customers(first: 2) {
        nodes { label: name }
        edges { node { label: id } }
      }
    }"""
    page = (await data(client, query))["customers"]
    assert page == {
        "nodes": [{"label": "Ada Lovelace"}, {"label": "Alan Turing"}],
        "edges": [{"node": {"label": world.ada}}, {"node": {"label": world.alan}}],
    }


async def test_nodes_and_edges_keep_their_own_arguments(
    client: httpx.AsyncClient, world: World
) -> None:
    query = """
    {
      customers(first: 1) {
        nodes { orders { totalCount } }
        edges { node { orders(status: [PENDING]) { totalCount } } }
      }
    }"""
    page = (await data(client, query))["customers"]
    # Ada: four orders, one of them pending.
    assert page == {
        "nodes": [{"orders": {"totalCount": 4}}],
        "edges": [{"node": {"orders": {"totalCount": 1}}}],
    }


async def test_total_count_ignores_the_page(client: httpx.AsyncClient, world: World) -> None:
    page = await list_page(client, filter={"kind": "PERSON"}, first=2)
    assert page["totalCount"] == 5
    assert [e["node"]["name"] for e in page["edges"]] == ["Ada Lovelace", "Alan Turing"]
    empty = await list_page(client, filter={"kind": "PERSON"}, first=0)
    assert empty["totalCount"] == 5
    assert empty["edges"] == []
    assert empty["pageInfo"]["startCursor"] is None


# --- customers(orderBy): every sort, and paging through it ---------------------------------------


def sort_key(order_by: str) -> Callable[[Any], Any]:
    field = order_by.rsplit("_", 1)[0]
    return {
        "NAME": lambda row: row.name,
        "CREATED_AT": lambda row: row.created_at,
        "LIFETIME_REVENUE": lambda row: row.revenue_minor,
        "LAST_CONTACT_AT": lambda row: row.last_contact_at or EPOCH,  # never contacted: oldest
    }[field]


def expected_order(world: World, order_by: str) -> list[str]:
    """Ascending by the key then the id; a descending order is exactly its reverse (ties by id
    descending), so a list and its reverse order page the same way."""
    key = sort_key(order_by)
    ascending = [row.id for row in sorted(world.rows, key=lambda row: (key(row), row.id))]
    return ascending[::-1] if order_by.endswith("_DESC") else ascending


ALL_ORDERS = [
    "NAME_ASC",
    "NAME_DESC",
    "CREATED_AT_ASC",
    "CREATED_AT_DESC",
    "LIFETIME_REVENUE_ASC",
    "LIFETIME_REVENUE_DESC",
    "LAST_CONTACT_AT_ASC",
    "LAST_CONTACT_AT_DESC",
]


async def test_the_sort_orders_are_the_enum(client: httpx.AsyncClient) -> None:
    body = await data(client, '{ __type(name: "CustomerOrder") { enumValues { name } } }')
    assert [value["name"] for value in body["__type"]["enumValues"]] == ALL_ORDERS


@pytest.mark.parametrize("order_by", ALL_ORDERS)
async def test_customers_sorted(client: httpx.AsyncClient, world: World, order_by: str) -> None:
    page = await list_page(client, order_by=order_by)
    ids = [edge["node"]["id"] for edge in page["edges"]]
    assert ids == expected_order(world, order_by), [world.name_of(i) for i in ids]


async def test_sorts_by_hand(client: httpx.AsyncClient, world: World) -> None:
    """The same orders written out by name, ties aside, so the helper above is checked too."""

    async def names(order_by: str) -> list[str]:
        page = await list_page(client, order_by=order_by)
        return [edge["node"]["name"] for edge in page["edges"]]

    assert await names("NAME_ASC") == ALL_NAMES
    assert await names("NAME_DESC") == ALL_NAMES[::-1]
    created = await names("CREATED_AT_ASC")
    assert created[:4] == ["Analytical Engines Ltd", "Grace Hopper", "Ada Lovelace", "Alan Turing"]
    assert set(created[4:6]) == {"Edsger Dijkstra", "Barbara Liskov"}  # the same instant
    assert created[6] == "Nevada Trading Co"
    revenue = await names("LIFETIME_REVENUE_DESC")
    assert revenue[0] == "Ada Lovelace"
    assert set(revenue[1:3]) == {"Grace Hopper", "Analytical Engines Ltd"}  # 199.00 each
    assert revenue[3] == "Edsger Dijkstra"
    assert set(revenue[4:]) == {"Alan Turing", "Barbara Liskov", "Nevada Trading Co"}  # 0.00
    contacted = await names("LAST_CONTACT_AT_DESC")
    assert contacted[:4] == ["Nevada Trading Co", "Ada Lovelace", "Edsger Dijkstra", "Grace Hopper"]
    assert set(contacted[4:]) == {"Alan Turing", "Analytical Engines Ltd", "Barbara Liskov"}


async def all_pages(
    client: httpx.AsyncClient, order_by: str, first: int, filter: Json | None = None
) -> list[Json]:
    pages: list[Json] = []
    after: str | None = None
    for _ in range(50):
        page = await list_page(client, filter=filter, order_by=order_by, first=first, after=after)
        pages.append(page)
        if not page["pageInfo"]["hasNextPage"]:
            return pages
        after = page["pageInfo"]["endCursor"]
        assert after is not None
    raise AssertionError("hasNextPage never became false")


@pytest.mark.parametrize("order_by", ALL_ORDERS)
async def test_pages_of_two_cover_the_list_once(
    client: httpx.AsyncClient, world: World, order_by: str
) -> None:
    full = [edge["node"]["id"] for edge in (await list_page(client, order_by=order_by))["edges"]]
    pages = await all_pages(client, order_by, first=2)
    assert [len(page["edges"]) for page in pages] == [2, 2, 2, 1]
    paged = [edge["node"]["id"] for page in pages for edge in page["edges"]]
    assert paged == full == expected_order(world, order_by)
    assert len(set(paged)) == len(paged)
    for number, page in enumerate(pages):
        info = page["pageInfo"]
        assert info["hasNextPage"] is (number < len(pages) - 1)
        assert info["hasPreviousPage"] is (number > 0)
        assert info["startCursor"] == page["edges"][0]["cursor"]
        assert info["endCursor"] == page["edges"][-1]["cursor"]
        assert page["totalCount"] == 7


async def test_pages_of_a_filtered_list(client: httpx.AsyncClient, world: World) -> None:
    people = {"kind": "PERSON"}
    pages = await all_pages(client, "CREATED_AT_DESC", first=2, filter=people)
    paged = [edge["node"]["id"] for page in pages for edge in page["edges"]]
    persons = {world.ada, world.grace, world.alan, world.edsger, world.barbara}
    assert paged == [i for i in expected_order(world, "CREATED_AT_DESC") if i in persons]
    assert {page["totalCount"] for page in pages} == {5}


@pytest.mark.parametrize("order_by", ["NAME_ASC", "CREATED_AT_DESC", "LIFETIME_REVENUE_DESC"])
async def test_pages_through_ties_break_by_id(
    client: httpx.AsyncClient, graph: Graph, order_by: str
) -> None:
    """Five customers equal on every sort key: only their ids order them, across pages."""
    created = utc(2024, 5, 5, 5)
    ids = []
    for _ in range(5):
        twin = await add_customer(graph, "Pat Doe", created_at=created, revenue_minor=4200)
        ids.append(twin)
    pages = await all_pages(client, order_by, first=2)
    paged = [edge["node"]["id"] for page in pages for edge in page["edges"]]
    assert paged == sorted(ids, reverse=order_by.endswith("_DESC"))


async def test_a_descending_order_is_the_reverse_of_the_ascending_one(
    client: httpx.AsyncClient, world: World
) -> None:
    for field in ("NAME", "CREATED_AT", "LIFETIME_REVENUE", "LAST_CONTACT_AT"):
        up = [e["node"]["id"] for e in (await list_page(client, order_by=f"{field}_ASC"))["edges"]]
        down = await list_page(client, order_by=f"{field}_DESC")
        assert [e["node"]["id"] for e in down["edges"]] == up[::-1], field


# --- customers: bad arguments -------------------------------------------------------------------


def forged_cursor(*values: Any) -> str:
    """A cursor in the API's encoding (JSON in URL-safe base64) carrying `values`."""
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


async def list_errors(client: httpx.AsyncClient, **variables: Any) -> list[str | None]:
    return await error_codes(client, LIST_QUERY, {"orderBy": "NAME_ASC", "first": 2, **variables})


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "!!!!",
        "",
        base64.urlsafe_b64encode(b"not json").decode(),
        forged_cursor(),
        forged_cursor("NAME_ASC"),  # no id
        forged_cursor("NAME_ASC", 7, "cus_00000000000000000000000000000000"),  # a name of 7
        base64.urlsafe_b64encode(b'{"sort": "NAME_ASC"}').decode(),
    ],
)
async def test_a_garbage_cursor_is_bad_input(
    client: httpx.AsyncClient, world: World, cursor: str
) -> None:
    assert await list_errors(client, after=cursor) == ["BAD_USER_INPUT"]


async def test_a_cursor_of_another_sort_or_list_is_bad_input(
    client: httpx.AsyncClient, world: World
) -> None:
    by_name = await list_page(client, order_by="NAME_ASC", first=2)
    cursor = by_name["pageInfo"]["endCursor"]
    for other in ("NAME_DESC", "CREATED_AT_DESC", "LIFETIME_REVENUE_DESC"):
        assert await list_errors(client, orderBy=other, after=cursor) == ["BAD_USER_INPUT"]
    # An orders cursor (a connection of another type) is no customers cursor either.
    query = "query ($id: ID!) { customer(id: $id) { orders(first: 1) { pageInfo { endCursor } } } }"
    orders = await data(client, query, {"id": world.ada})
    order_cursor = orders["customer"]["orders"]["pageInfo"]["endCursor"]
    assert await list_errors(client, after=order_cursor) == ["BAD_USER_INPUT"]
    # And the name cursor still works with its own sort.
    follow = await list_page(client, order_by="NAME_ASC", first=2, after=cursor)
    assert [e["node"]["name"] for e in follow["edges"]] == ALL_NAMES[2:4]


async def test_a_tampered_datetime_cursor_is_bad_input(
    client: httpx.AsyncClient, world: World
) -> None:
    """A cursor of the right sort whose date is no date is not one this API returned."""
    cursor = forged_cursor("CREATED_AT_DESC", "yesterday", world.ada)
    assert await list_errors(client, orderBy="CREATED_AT_DESC", after=cursor) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("first", [1001, -1, 100_000])
async def test_first_out_of_range_is_refused(
    client: httpx.AsyncClient, world: World, first: int
) -> None:
    assert await list_errors(client, first=first) == ["VALUE_OUT_OF_RANGE"]


@pytest.mark.parametrize(
    ("arguments", "code"),
    [
        ("first: -1", "VALUE_OUT_OF_RANGE"),
        ("first: 1001", "VALUE_OUT_OF_RANGE"),
        ('after: "garbage"', "BAD_USER_INPUT"),
        ('after: ""', "BAD_USER_INPUT"),
    ],
)
async def test_bad_page_arguments_are_refused_whatever_is_selected(
    client: httpx.AsyncClient, world: World, arguments: str, code: str
) -> None:
    """Selecting only the count does not make a bad `first` or `after` acceptable."""
    query = "{ customers(" + arguments + ") { totalCount } }"
    assert await error_codes(client, query) == [code]


async def test_a_garbage_cursor_of_a_nested_connection_is_bad_input(
    client: httpx.AsyncClient, world: World
) -> None:
    for field in ("orders", "touchpoints"):
        query = "query ($id: ID!) { customer(id: $id) { " + field + '(after: "x") { totalCount '
        query += "nodes { id } } } }"
        assert await error_codes(client, query, {"id": world.ada}) == ["BAD_USER_INPUT"], field
    # A customers cursor is no orders cursor.
    page = await list_page(client, first=1)
    query = """
    query ($id: ID!, $after: String) {
      customer(id: $id) { orders(after: $after) { nodes { id } } }
    }"""
    cursor = page["pageInfo"]["endCursor"]
    assert await error_codes(client, query, {"id": world.ada, "after": cursor}) == [
        "BAD_USER_INPUT"
    ]


async def test_first_up_to_a_thousand_is_fine(client: httpx.AsyncClient, world: World) -> None:
    page = await list_page(client, first=1000)
    assert len(page["edges"]) == 7


@pytest.mark.parametrize(
    "field",
    [
        "orders(first: -1) { nodes { id } }",
        "orders(first: 1001) { nodes { id } }",
        "touchpoints(first: -1) { nodes { id } }",
        "contacts(first: -1) { name }",
        "influences(first: -1) { strength }",
        "influencedBy(first: -1) { strength }",
    ],
)
async def test_first_out_of_range_in_a_nested_list_is_refused(
    client: httpx.AsyncClient, world: World, field: str
) -> None:
    query = "query ($id: ID!) { customer(id: $id) { " + field + " } }"
    assert await error_codes(client, query, {"id": world.ada}) == ["VALUE_OUT_OF_RANGE"]


@pytest.mark.parametrize(
    "query",
    [
        "{ products(first: -1) { id } }",
        "{ employees(first: 1001) { id } }",
        "{ acquisitionSources { customers(first: -1) { id } } }",
        "{ products { customers(first: -1) { id } } }",
        "{ employees { customers(first: -1) { id } } }",
    ],
)
async def test_first_out_of_range_in_the_root_lists_is_refused(
    client: httpx.AsyncClient, world: World, query: str
) -> None:
    assert await error_codes(client, query) == ["VALUE_OUT_OF_RANGE"]


# --- searchCustomers -----------------------------------------------------------------------------

SEARCH = """
query ($text: String!, $first: Int) {
  searchCustomers(text: $text, first: $first) { score customer { id name emails } }
}
"""


async def search(
    client: httpx.AsyncClient, text: str, first: int | None = None, *, expect: int = 1
) -> list[Json]:
    """The hits for `text`; the full-text index is updated eventually, so this asks again for
    up to five seconds until there are at least `expect` hits."""
    deadline = time.monotonic() + 5
    while True:
        hits: list[Json] = (await data(client, SEARCH, {"text": text, "first": first}))[
            "searchCustomers"
        ]
        if len(hits) >= expect or time.monotonic() > deadline:
            return hits
        await asyncio.sleep(0.2)


@pytest.fixture
async def searchable(graph: Graph) -> dict[str, str]:
    people = {
        "Grace Hopper": ["grace@navy.example"],
        "Grace Kelly": ["gk@film.example"],
        "Gregory Peck": ["greg@film.example", "peck@studio.example"],
        "Hopper Logistics": ["info@hopper-logistics.example"],
        "Zed Zimmer": ["zz@nowhere.example"],
    }
    return {
        name: await add_customer(graph, name, created_at=utc(2024, 1, 1), emails=emails)
        for name, emails in people.items()
    }


def names_of(hits: list[Json]) -> list[str]:
    return [hit["customer"]["name"] for hit in hits]


async def test_search_by_name_word_prefix(
    client: httpx.AsyncClient, searchable: dict[str, str]
) -> None:
    hits = await search(client, "gra", expect=2)
    assert sorted(names_of(hits)) == ["Grace Hopper", "Grace Kelly"]
    assert names_of(await search(client, "Kel")) == ["Grace Kelly"]
    # A word of the name, not only its first one, and case does not matter.
    assert sorted(names_of(await search(client, "HOPP", expect=2))) == [
        "Grace Hopper",
        "Hopper Logistics",
    ]
    # Every word must match.
    assert names_of(await search(client, "grace hop")) == ["Grace Hopper"]
    assert names_of(await search(client, "zed hopper", expect=0)) == []
    # Prefixes of words only: the middle of a word is no match.
    assert names_of(await search(client, "race", expect=0)) == []


async def test_search_by_email(client: httpx.AsyncClient, searchable: dict[str, str]) -> None:
    hits = await search(client, "film", expect=2)
    assert sorted(names_of(hits)) == ["Grace Kelly", "Gregory Peck"]
    # Any of the addresses.
    assert names_of(await search(client, "peck")) == ["Gregory Peck"]
    assert names_of(await search(client, "studio")) == ["Gregory Peck"]
    [hit] = await search(client, "zz")
    assert hit["customer"] == {
        "id": searchable["Zed Zimmer"],
        "name": "Zed Zimmer",
        "emails": ["zz@nowhere.example"],
    }


async def test_search_by_a_whole_email_address(
    client: httpx.AsyncClient, searchable: dict[str, str]
) -> None:
    """Typing a customer's e-mail address into the search finds that customer."""
    for address, name in (
        ("greg@film.example", "Gregory Peck"),
        ("peck@studio.example", "Gregory Peck"),
        ("grace@navy.example", "Grace Hopper"),
    ):
        assert names_of(await search(client, address)) == [name], address


async def test_search_by_a_hyphenated_name(client: httpx.AsyncClient, graph: Graph) -> None:
    """A name as it is written, hyphen and all, finds its customer."""
    tim = await add_customer(graph, "Tim Berners-Lee", created_at=utc(2024, 1, 1))
    [hit] = await search(client, "berners")  # the index has caught up
    assert hit["customer"]["id"] == tim
    assert names_of(await search(client, "Berners-Lee")) == ["Tim Berners-Lee"]
    assert names_of(await search(client, "tim berners-l")) == ["Tim Berners-Lee"]


async def test_search_puts_the_best_match_first(
    client: httpx.AsyncClient, searchable: dict[str, str]
) -> None:
    """ "grace" is both the name and the e-mail of Grace Hopper, only the name of Grace Kelly."""
    hits = await search(client, "grace", expect=2)
    assert names_of(hits) == ["Grace Hopper", "Grace Kelly"]
    assert hits[0]["score"] > hits[1]["score"] > 0
    scores = [hit["score"] for hit in await search(client, "g", expect=3)]
    assert scores == sorted(scores, reverse=True)


async def test_search_limits_with_first(
    client: httpx.AsyncClient, searchable: dict[str, str]
) -> None:
    assert len(await search(client, "g", expect=3)) == 3  # Grace, Grace, Gregory (+greg@…)
    assert names_of(await search(client, "grace", first=1)) == ["Grace Hopper"]


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
async def test_search_for_nothing_is_bad_input(
    client: httpx.AsyncClient, searchable: dict[str, str], text: str
) -> None:
    assert await error_codes(client, SEARCH, {"text": text}) == ["BAD_USER_INPUT"]


async def test_search_out_of_range_first_is_refused(
    client: httpx.AsyncClient, searchable: dict[str, str]
) -> None:
    for first in (-1, 1001):
        assert await error_codes(client, SEARCH, {"text": "grace", "first": first}) == [
            "VALUE_OUT_OF_RANGE"
        ]


@pytest.mark.parametrize(
    "text", ['grace (navy) "', "hop*er?", "a:b OR c", "\\", "-grace", "[x TO y]"]
)
async def test_search_text_is_not_query_syntax(
    client: httpx.AsyncClient, searchable: dict[str, str], text: str
) -> None:
    body = await post(client, SEARCH, {"text": text})
    assert "errors" not in body, body["errors"]
    assert isinstance(body["data"]["searchCustomers"], list)


# --- products, acquisitionSources, employees -----------------------------------------------------


async def test_products(client: httpx.AsyncClient, world: World) -> None:
    query = """
    {
      products {
        id sku name category active
        price { amount minorUnits currency }
        unitCost { amount }
        customerCount
        customers { name }
        firstCustomer: customers(first: 1) { id }
      }
      firstTwo: products(first: 2) { sku }
    }"""
    body = await data(client, query)
    assert body["firstTwo"] == [{"sku": "CB-1"}, {"sku": "KB-1"}]
    by_sku = {product["sku"]: product for product in body["products"]}
    assert [product["name"] for product in body["products"]] == [
        "Cable",
        "Keyboard",
        "Monitor",
        "Mouse",
    ]
    assert by_sku["KB-1"] == {
        "id": world.keyboard,
        "sku": "KB-1",
        "name": "Keyboard",
        "category": "Input",
        "active": True,
        "price": {"amount": "49.99", "minorUnits": 4999, "currency": "EUR"},
        "unitCost": {"amount": "25.00"},
        # Alan's keyboard order is pending: only Ada bought one.
        "customerCount": 1,
        "customers": [{"name": "Ada Lovelace"}],
        "firstCustomer": [{"id": world.ada}],
    }
    monitor = by_sku["MN-1"]
    assert monitor["unitCost"] is None
    assert monitor["customerCount"] == 3
    assert [c["name"] for c in monitor["customers"]] == [
        "Ada Lovelace",
        "Analytical Engines Ltd",
        "Grace Hopper",
    ]
    # Ada bought mice twice (once completed, once unrealized): she counts once.
    assert by_sku["MS-1"]["customerCount"] == 2
    assert [c["name"] for c in by_sku["MS-1"]["customers"]] == ["Ada Lovelace", "Edsger Dijkstra"]
    assert by_sku["CB-1"]["customerCount"] == 0
    assert by_sku["CB-1"]["customers"] == []


async def test_acquisition_sources(client: httpx.AsyncClient, world: World) -> None:
    query = """
    {
      acquisitionSources {
        id kind name createdAt customerCount
        customers { name acquisition { source { name } } }
        firstCustomer: customers(first: 1) { name }
      }
    }"""
    sources = (await data(client, query))["acquisitionSources"]
    assert [
        (s["id"], s["kind"], s["name"], s["customerCount"], [c["name"] for c in s["customers"]])
        for s in sources
    ] == [
        (world.referral, "REFERRAL", "Friends program", 2, ["Ada Lovelace", "Nevada Trading Co"]),
        (
            world.campaign,
            "CAMPAIGN",
            "Spring campaign",
            2,
            ["Alan Turing", "Analytical Engines Ltd"],
        ),
        (world.website, "WEBSITE", "Web shop", 2, ["Barbara Liskov", "Grace Hopper"]),
    ]
    assert sources[0]["createdAt"] == "2023-01-01T00:00:00+00:00"
    for source in sources:
        assert {c["acquisition"]["source"]["name"] for c in source["customers"]} == {source["name"]}
        assert source["firstCustomer"] == [{"name": c["name"]} for c in source["customers"][:1]]


async def test_employees(client: httpx.AsyncClient, world: World) -> None:
    query = """
    {
      employees {
        id name email title active customerCount
        customers { name accountOwner { name } }
        firstCustomer: customers(first: 1) { name }
      }
    }"""
    employees = (await data(client, query))["employees"]
    assert [
        (
            e["id"],
            e["name"],
            e["email"],
            e["title"],
            e["active"],
            e["customerCount"],
            [c["name"] for c in e["customers"]],
        )
        for e in employees
    ] == [
        # Alice owned Edsger and Alan once; she owns only these now.
        (
            world.alice,
            "Alice Archer",
            "alice@cdp.example",
            "Account manager",
            True,
            3,
            ["Ada Lovelace", "Grace Hopper", "Nevada Trading Co"],
        ),
        # Bob owned Ada until June.
        (
            world.bob,
            "Bob Baker",
            "bob@cdp.example",
            "Sales",
            True,
            2,
            ["Alan Turing", "Analytical Engines Ltd"],
        ),
        (world.carol, "Carol Cole", "carol@cdp.example", "Support", False, 0, []),
    ]
    for employee in employees:
        owners = {c["accountOwner"]["name"] for c in employee["customers"]}
        assert owners <= {employee["name"]}
        assert employee["firstCustomer"] == [{"name": c["name"]} for c in employee["customers"][:1]]

"""Stored revenue (`revenueMinor`, kept for sorting) under concurrent order changes, and a
customer whose revenue is beyond a 32-bit Int."""

from __future__ import annotations

import asyncio
from pathlib import Path

from cdp.store.migrations import DEFAULT_DIRECTORY, split_statements
from tests.support.api import Json
from tests.support.mutations import Api

SET_STATUS = (
    "mutation($id: ID!, $status: OrderStatus!) "
    "{ setOrderStatus(id: $id, status: $status) { id status } }"
)
REOPEN = "mutation($id: ID!, $reason: String!) { reopenOrder(id: $id, reason: $reason) { id } }"
PLACE = "mutation($input: OrderInput!) { placeOrder(input: $input) { id total { amount } } }"
BY_REVENUE = """
query { customers(orderBy: LIFETIME_REVENUE_DESC, first: 10) {
  nodes { id metrics { lifetimeRevenue { amount minorUnits currency } } } } }
"""
CONCURRENT = 50


async def stored_and_computed(api: Api, customer: str) -> tuple[int, int]:
    """The stored revenue and the sum of the completed orders, computed in Cypher."""
    rows = await api.graph.read(
        "MATCH (c:Customer {id: $id}) OPTIONAL MATCH (c)-[:PLACED]->(o:Order) "
        "WHERE o.status = 'COMPLETED' "
        "RETURN c.revenueMinor AS stored, coalesce(sum(o.totalMinor), 0) AS computed",
        {"id": customer},
    )
    return int(rows[0]["stored"]), int(rows[0]["computed"])


async def revenue_order(api: Api) -> list[str]:
    nodes = (await api.data(BY_REVENUE))["customers"]["nodes"]
    return [node["id"] for node in nodes]


async def neighbours(api: Api, product: str, amounts: dict[str, str]) -> dict[str, str]:
    """Customers with one completed order each, to rank the busy customer against."""
    ids = {}
    for name, amount in amounts.items():
        ids[name] = await api.create_customer(name)
        await api.place_order(
            ids[name],
            [{"productId": product, "quantity": 1, "unitPrice": amount}],
            status="COMPLETED",
        )
    return ids


async def test_concurrent_status_changes_lose_no_revenue(api: Api) -> None:
    product = await api.create_product("REV-1", "10.00")
    busy = await api.create_customer("Busy buyer")
    others = await neighbours(api, product, {"Above": "450.00", "Below": "300.00"})
    orders = [
        (await api.place_order(busy, [{"productId": product, "quantity": 1}]))["id"]
        for _ in range(CONCURRENT)
    ]
    assert await stored_and_computed(api, busy) == (0, 0)
    # Pending, nothing counts; the busy customer ranks last.
    assert await revenue_order(api) == [others["Above"], others["Below"], busy]

    results = await asyncio.gather(
        *(api.post(SET_STATUS, {"id": order, "status": "COMPLETED"}) for order in orders)
    )
    assert all("errors" not in body for body in results), [r for r in results if "errors" in r]
    assert await stored_and_computed(api, busy) == (50_000, 50_000)
    assert await revenue_order(api) == [busy, others["Above"], others["Below"]]

    # Half of them are reopened, concurrently with the other half completing once more.
    changes = [
        api.post(REOPEN, {"id": order, "reason": "Returned"})
        if i % 2
        else api.post(SET_STATUS, {"id": order, "status": "COMPLETED"})
        for i, order in enumerate(orders)
    ]
    results = await asyncio.gather(*changes)
    assert all("errors" not in body for body in results)
    assert await stored_and_computed(api, busy) == (25_000, 25_000)
    assert await revenue_order(api) == [others["Above"], others["Below"], busy]


async def test_concurrent_orders_lose_no_revenue(api: Api) -> None:
    product = await api.create_product("REV-2", "10.00")
    busy = await api.create_customer("Busy buyer")
    others = await neighbours(api, product, {"Above": "13000.00", "Below": "12000.00"})
    results = await asyncio.gather(
        *(
            api.post(
                PLACE,
                {
                    "input": {
                        "customerId": busy,
                        "status": "COMPLETED",
                        "items": [{"productId": product, "quantity": n + 1}],
                    }
                },
            )
            for n in range(CONCURRENT)
        )
    )
    assert all("errors" not in body for body in results), [r for r in results if "errors" in r]
    expected = sum(1000 * (n + 1) for n in range(CONCURRENT))  # 12,750.00
    assert await stored_and_computed(api, busy) == (expected, expected)
    assert await revenue_order(api) == [others["Above"], busy, others["Below"]]
    listed = (await api.data(BY_REVENUE))["customers"]["nodes"][1]
    assert listed["metrics"]["lifetimeRevenue"]["amount"] == "12750.00"


async def test_a_customer_with_25_million_of_revenue_reads(api: Api) -> None:
    """Beyond 21,474,836.47 minorUnits cannot be an Int: it is null, the amount exact, and
    nothing else of the response fails with it."""
    product = await api.create_product("BIG-1", "10.00")
    rich = await api.create_customer("Rich buyer")
    small = await api.create_customer("Small buyer")
    await api.place_order(small, [{"productId": product, "quantity": 1}], status="COMPLETED")
    placed = await api.place_order(
        rich,
        [{"productId": product, "quantity": 2, "unitPrice": "12500000.00"}],
        selection="id total { amount minorUnits currency } "
        "items { unitPrice { amount minorUnits } total { amount minorUnits } }",
        status="COMPLETED",
    )
    assert placed["total"] == {"amount": "25000000.00", "minorUnits": None, "currency": "EUR"}
    assert placed["items"] == [
        {
            "unitPrice": {"amount": "12500000.00", "minorUnits": 1_250_000_000},
            "total": {"amount": "25000000.00", "minorUnits": None},
        }
    ]
    nodes = (await api.data(BY_REVENUE))["customers"]["nodes"]
    assert nodes == [
        {
            "id": rich,
            "metrics": {
                "lifetimeRevenue": {"amount": "25000000.00", "minorUnits": None, "currency": "EUR"}
            },
        },
        {
            "id": small,
            "metrics": {
                "lifetimeRevenue": {"amount": "10.00", "minorUnits": 1000, "currency": "EUR"}
            },
        },
    ]
    view: Json | None = await api.customer(
        rich,
        "name metrics { lifetimeRevenue { amount minorUnits } averageOrderValue { amount } } "
        "orders { nodes { id total { amount minorUnits } } } "
        "productsBought { product { id } revenue { amount minorUnits } }",
    )
    assert view is not None
    assert view["metrics"] == {
        "lifetimeRevenue": {"amount": "25000000.00", "minorUnits": None},
        "averageOrderValue": {"amount": "25000000.00"},
    }
    assert view["orders"]["nodes"] == [
        {"id": placed["id"], "total": {"amount": "25000000.00", "minorUnits": None}}
    ]
    assert view["productsBought"] == [
        {"product": {"id": product}, "revenue": {"amount": "25000000.00", "minorUnits": None}}
    ]


def revenue_migration() -> str:
    """The statement of V0007 that recomputes every stored revenue."""
    [path] = Path(DEFAULT_DIRECTORY).glob("V0007__*.cypher")
    [statement] = [s for s in split_statements(path.read_text()) if "revenueMinor" in s]
    return statement


async def test_the_migration_recomputes_stored_revenue(api: Api) -> None:
    product = await api.create_product("MIG-1", "10.00")
    drifted = await api.create_customer("Drifted")
    huge = await api.create_customer("Stored before the bounds")
    await api.place_order(drifted, [{"productId": product, "quantity": 3}], status="COMPLETED")
    await api.place_order(drifted, [{"productId": product, "quantity": 5}])
    # What the lost updates left behind, and orders stored before amounts were bounded, whose
    # sum is beyond 64 bits.
    await api.graph.write_query(
        "MATCH (c:Customer {id: $drifted}) SET c.revenueMinor = 1000 "
        "WITH c MATCH (h:Customer {id: $huge}) "
        "UNWIND range(1, 3) AS n "
        "CREATE (h)-[:PLACED]->(:Order {id: 'ord_' + n, number: 'OLD-' + n, status: 'COMPLETED', "
        "totalMinor: 4000000000000000000, currency: 'EUR', placedAt: datetime()})",
        {"drifted": drifted, "huge": huge},
    )
    await api.graph.write_compiled(revenue_migration(), {})
    assert await stored_and_computed(api, drifted) == (3000, 3000)
    rows = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN c.revenueMinor AS stored", {"id": huge}
    )
    assert rows[0]["stored"] == 2**63 - 1
    assert await revenue_order(api) == [huge, drifted]

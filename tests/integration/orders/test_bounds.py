"""Bounds of placeOrder: quantities, prices, lines, totals, digits and invoice dates; and old
records beyond them still read."""

from __future__ import annotations

from typing import Any

import pytest

from cdp import data_check
from tests.support.api import Json
from tests.support.graph import count_nodes, graph_state
from tests.support.mutations import Api

PLACE = (
    "mutation($input: OrderInput!) { placeOrder(input: $input) "
    "{ id total { amount minorUnits } invoiceDueDate } }"
)


async def refused(
    api: Api, variables: Json, *, code: str, field: str | None, limit: Any = None
) -> Json:
    """placeOrder must fail with `code` on `field` (and `limit`), writing nothing."""
    before = await graph_state(api.graph)
    body = await api.post(PLACE, variables)
    assert body.get("data") is None, body
    error: Json = body["errors"][0]
    extensions = error.get("extensions") or {}
    assert extensions.get("code") == code, error
    assert extensions.get("field") == field, error
    assert extensions.get("limit") == limit, error
    assert await graph_state(api.graph) == before
    return error


@pytest.fixture
async def buyer(api: Api) -> tuple[str, str]:
    return await api.create_customer("Bounded buyer"), await api.create_product("B-1", "10.00")


def order(buyer: tuple[str, str], *lines: Json, **extra: Any) -> Json:
    customer, product = buyer
    items = [{"productId": product, **line} for line in lines] or [
        {"productId": product, "quantity": 1}
    ]
    return {"input": {"customerId": customer, "items": items, **extra}}


@pytest.mark.parametrize("quantity", [1_000_001, 2_147_483_647])
async def test_a_quantity_beyond_a_million_is_out_of_range(
    api: Api, buyer: tuple[str, str], quantity: int
) -> None:
    error = await refused(
        api,
        order(buyer, {"quantity": 1}, {"quantity": quantity}),
        code="VALUE_OUT_OF_RANGE",
        field="input.items[1].quantity",
        limit=1_000_000,
    )
    assert str(quantity) not in error["message"]


async def test_a_unit_price_beyond_a_billion_is_out_of_range(
    api: Api, buyer: tuple[str, str]
) -> None:
    for price in ("1000000000.01", "1e30", "-1000000000.01"):
        await refused(
            api,
            order(buyer, {"quantity": 1, "unitPrice": price}),
            code="VALUE_OUT_OF_RANGE",
            field="input.items[0].unitPrice",
            limit="1000000000.00",
        )
    placed = (await api.data(PLACE, order(buyer, {"quantity": 1, "unitPrice": "1000000000.00"})))[
        "placeOrder"
    ]
    assert placed["total"] == {"amount": "1000000000.00", "minorUnits": None}


async def test_a_product_priced_beyond_the_bound_needs_an_explicit_price(api: Api) -> None:
    customer = await api.create_customer("Buyer")
    jet = await api.create_product("JET-1", "2000000000.00")
    await refused(
        api,
        order((customer, jet), {"quantity": 1}),
        code="VALUE_OUT_OF_RANGE",
        field="input.items[0].unitPrice",
        limit="1000000000.00",
    )


async def test_an_order_of_more_than_1000_lines_is_too_long(
    api: Api, buyer: tuple[str, str]
) -> None:
    await refused(
        api,
        order(buyer, *[{"quantity": 1}] * 1001),
        code="LIST_TOO_LONG",
        field="input.items",
        limit=1000,
    )
    placed = (await api.data(PLACE, order(buyer, *[{"quantity": 1}] * 1000)))["placeOrder"]
    assert placed["total"] == {"amount": "10000.00", "minorUnits": 1_000_000}


async def test_the_largest_quantity_at_the_largest_price_is_out_of_range(
    api: Api, buyer: tuple[str, str]
) -> None:
    """Each line within its bounds, the order beyond 10^13 minor units: refused before Neo4j
    computes anything (the old code's sums failed inside the server)."""
    await refused(
        api,
        order(buyer, {"quantity": 1_000_000, "unitPrice": "1000000000.00"}),
        code="VALUE_OUT_OF_RANGE",
        field="input.items",
        limit="100000000000.00",
    )
    placed = (await api.data(PLACE, order(buyer, {"quantity": 100, "unitPrice": "1000000000.00"})))[
        "placeOrder"
    ]
    assert placed["total"] == {"amount": "100000000000.00", "minorUnits": None}


async def test_a_customers_orders_together_stay_within_their_bound(
    api: Api, buyer: tuple[str, str]
) -> None:
    customer, _ = buyer
    # Orders worth just under 10^15 minor units, as many large orders would have left them.
    await api.graph.write_query(
        "MATCH (c:Customer {id: $id}) CREATE (c)-[:PLACED]->(:Order {id: 'ord_seeded', "
        "system: 'cdp', number: 'SEEDED', status: 'PENDING', currency: 'EUR', "
        "totalMinor: 999999999999950, placedAt: datetime()})",
        {"id": customer},
    )
    await refused(
        api,
        order(buyer, {"quantity": 1, "unitPrice": "0.51"}),
        code="VALUE_OUT_OF_RANGE",
        field="input.items",
        limit="10000000000000.00",
    )
    await api.data(PLACE, order(buyer, {"quantity": 1, "unitPrice": "0.50"}))
    assert await count_nodes(api.graph, "Order") == 2


@pytest.mark.parametrize(
    "price",
    [
        "\uff11\uff12.\uff15\uff10",  # full-width 12.50
        "12.\uff15\uff10",
        "\u0663",  # Arabic-Indic 3
        "\u0967\u0968",  # Devanagari 12
        "12,50",
        "NaN",
        "Infinity",
        "1" * 65,
    ],
)
async def test_a_price_in_other_than_ascii_digits_is_refused(
    api: Api, buyer: tuple[str, str], price: str
) -> None:
    """`Decimal` reads full-width and other scripts' digits as numbers; the API does not."""
    before = await graph_state(api.graph)
    body = await api.post(PLACE, order(buyer, {"quantity": 1, "unitPrice": price}))
    assert body.get("data") is None, body
    assert body["errors"], body
    assert body["errors"][0]["extensions"]["code"] in (
        "BAD_USER_INPUT",
        "GRAPHQL_VALIDATION_FAILED",
    )
    assert await graph_state(api.graph) == before


async def test_a_price_as_a_json_number_or_with_an_exponent_is_read(
    api: Api, buyer: tuple[str, str]
) -> None:
    for price, amount in ((12.5, "12.50"), ("1.25e1", "12.50"), ("+3", "3.00")):
        placed = (await api.data(PLACE, order(buyer, {"quantity": 1, "unitPrice": price})))[
            "placeOrder"
        ]
        assert placed["total"]["amount"] == amount


async def test_an_invoice_due_before_the_order_was_placed_is_refused(
    api: Api, buyer: tuple[str, str]
) -> None:
    await refused(
        api,
        order(buyer, placedAt="2024-03-10T09:00:00Z", invoiceDueDate="2024-03-09"),
        code="VALUE_OUT_OF_RANGE",
        field="input.invoiceDueDate",
    )
    # Placed now (the default): due yesterday is refused too.
    await refused(
        api,
        order(buyer, invoiceDueDate="2000-01-01"),
        code="VALUE_OUT_OF_RANGE",
        field="input.invoiceDueDate",
    )
    same_day = order(buyer, placedAt="2024-03-10T23:30:00Z", invoiceDueDate="2024-03-10")
    assert (await api.data(PLACE, same_day))["placeOrder"]["invoiceDueDate"] == "2024-03-10"


async def test_orders_stored_before_the_bounds_still_read(api: Api) -> None:
    """What the old code accepted: a quantity of 2^31-1, an invoice due before the order, no
    numbering system. Reads never fail on stored data."""
    customer = await api.create_customer("Old buyer")
    product = await api.create_product("OLD-1", "15.51")
    await api.graph.write_query(
        "MATCH (c:Customer {id: $c}), (p:Product {id: $p}) "
        "CREATE (c)-[:PLACED]->(o:Order {id: $order, number: 'OLD-1', "
        "status: 'COMPLETED', currency: 'EUR', totalMinor: 3330747136497, "
        "placedAt: datetime('2024-03-10T09:00:00Z'), invoiceDueDate: date('2024-03-01')}) "
        "CREATE (o)-[:CONTAINS {quantity: 2147483647, unitPriceMinor: 1551, position: 0}]->(p) "
        "SET c.revenueMinor = 3330747136497",
        {"c": customer, "p": product, "order": "ord_" + "1" * 32},
    )
    view = await api.customer(
        customer,
        "metrics { lifetimeRevenue { amount minorUnits } } orders { nodes { number system "
        "invoiceDueDate total { amount minorUnits } items { quantity total { amount } } } }",
    )
    assert view == {
        "metrics": {"lifetimeRevenue": {"amount": "33307471364.97", "minorUnits": None}},
        "orders": {
            "nodes": [
                {
                    "number": "OLD-1",
                    "system": "cdp",
                    "invoiceDueDate": "2024-03-01",
                    "total": {"amount": "33307471364.97", "minorUnits": None},
                    "items": [{"quantity": 2147483647, "total": {"amount": "33307471364.97"}}],
                }
            ]
        },
    }
    listed = await api.data(
        "{ customers(orderBy: LIFETIME_REVENUE_DESC) { nodes { id "
        "metrics { lifetimeRevenue { amount minorUnits } } } } }"
    )
    assert listed["customers"]["nodes"] == [
        {"id": customer, "metrics": view["metrics"]},
    ]


async def test_orders_beyond_the_bounds_are_listed_not_refused(api: Api) -> None:
    customer = await api.create_customer("Old buyer")
    product = await api.create_product("OLD-2", "1.00")
    await api.data(PLACE, order((customer, product), {"quantity": 2}))  # within every bound
    await api.graph.write_query(
        "MATCH (c:Customer {id: $c}), (p:Product {id: $p}) "
        "CREATE (c)-[:PLACED]->(o:Order {id: 'ord_a', status: 'PENDING', "
        "totalMinor: 3330747136497, placedAt: datetime('2024-03-10T09:00:00Z'), "
        "invoiceDueDate: date('2024-03-01')}) "
        "CREATE (o)-[:CONTAINS {quantity: 2147483647, unitPriceMinor: 1551}]->(p) "
        "CREATE (c)-[:PLACED]->(b:Order {id: 'ord_b', status: 'PENDING', totalMinor: 10, "
        "placedAt: datetime('2024-03-10T09:00:00Z'), invoiceDueDate: date('2024-03-10')}) "
        "CREATE (b)-[:CONTAINS {quantity: 1, unitPriceMinor: 200000000000}]->(p)",
        {"c": customer, "p": product},
    )
    found = {f.rule.name: f.sample for f in await data_check.check(api.graph) if f.count}
    assert found == {
        "order-line-range": ["ord_a", "ord_b"],
        "invoice-due-before-placed": ["ord_a"],
    }

"""placeOrder, setOrderStatus and markInvoicePaid: totals, revenue, invoices, one transaction."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.api import Json
from tests.support.graph import count_nodes, count_relationships
from tests.support.mutations import UNKNOWN_CUSTOMER, UNKNOWN_ORDER, UNKNOWN_PRODUCT, Api, iso

ORDER_FIELDS = """
id number status placedAt paymentMethod currency invoiceDueDate paidAt
total { amount minorUnits currency }
items { product { id sku } quantity unitPrice { amount minorUnits currency }
        total { amount minorUnits currency } }
customer { id }
"""
PLACE = f"mutation($input: OrderInput!) {{ placeOrder(input: $input) {{ {ORDER_FIELDS} }} }}"
SET_STATUS = (
    "mutation($id: ID!, $status: OrderStatus!) "
    "{ setOrderStatus(id: $id, status: $status) { id status customer { id } } }"
)
PAY = (
    "mutation($id: ID!, $paidAt: DateTime) "
    "{ markInvoicePaid(orderId: $id, paidAt: $paidAt) { id status paidAt } }"
)
METRICS = """
metrics { lifetimeRevenue { amount minorUnits currency } orderCount
          averageOrderValue { amount } firstPurchaseAt lastPurchaseAt }
"""


@dataclass(frozen=True)
class Shop:
    customer: str
    widget: str  # EUR 12.50
    gadget: str  # EUR 3.00
    dollar: str  # USD 5.00


@pytest.fixture
async def shop(api: Api) -> Shop:
    return Shop(
        customer=await api.create_customer("Buyer"),
        widget=await api.create_product("WID-1", "12.50", name="Widget"),
        gadget=await api.create_product("GAD-1", "3.00", name="Gadget"),
        dollar=await api.create_product("USD-1", "5.00", currency="USD"),
    )


def money(amount: str, minor: int, currency: str = "EUR") -> Json:
    return {"amount": amount, "minorUnits": minor, "currency": currency}


async def revenue_minor(api: Api, customer: str) -> int:
    rows = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN c.revenueMinor AS minor", {"id": customer}
    )
    return int(rows[0]["minor"])


# --- placeOrder -------------------------------------------------------------------------------


async def test_place_order_totals_and_storage(api: Api, shop: Shop) -> None:
    values = {
        "customerId": shop.customer,
        "items": [
            {"productId": shop.widget, "quantity": 2},
            {"productId": shop.gadget, "quantity": 3, "unitPrice": "9.99"},
        ],
        "placedAt": "2024-03-01T12:00:00Z",
        "paymentMethod": "INVOICE",
        "invoiceDueDate": "2024-03-31",
    }
    order = (await api.data(PLACE, {"input": values}))["placeOrder"]

    assert order["id"].startswith("ord_")
    assert re.fullmatch(r"ORD-[0-9A-F]{12}", order["number"]), order["number"]
    assert order["status"] == "PENDING"
    assert iso(order["placedAt"]) == datetime(2024, 3, 1, 12, tzinfo=UTC)
    assert order["paymentMethod"] == "INVOICE"
    assert order["currency"] == "EUR"
    assert order["invoiceDueDate"] == "2024-03-31"
    assert order["paidAt"] is None
    assert order["customer"] == {"id": shop.customer}
    assert order["items"] == [
        {
            "product": {"id": shop.widget, "sku": "WID-1"},
            "quantity": 2,
            "unitPrice": money("12.50", 1250),  # the product's price by default
            "total": money("25.00", 2500),
        },
        {
            "product": {"id": shop.gadget, "sku": "GAD-1"},
            "quantity": 3,
            "unitPrice": money("9.99", 999),
            "total": money("29.97", 2997),
        },
    ]
    assert order["total"] == money("54.97", 5497)

    assert await api.node(order["id"], f"... on Order {{ {ORDER_FIELDS} }}") == order
    listed = await api.customer(shop.customer, "orders { totalCount nodes { id number } }")
    assert listed == {
        "orders": {"totalCount": 1, "nodes": [{"id": order["id"], "number": order["number"]}]}
    }
    assert await count_nodes(api.graph, "Order") == 1
    assert await count_relationships(api.graph, "CONTAINS") == 2


async def test_place_order_with_a_number_and_status(api: Api, shop: Shop) -> None:
    before = datetime.now(UTC)
    order = await api.place_order(
        shop.customer,
        [{"productId": shop.widget, "quantity": 4}],
        selection=ORDER_FIELDS,
        number=" A-1001 ",
        status="COMPLETED",
        currency="eur",
    )
    assert order["number"] == "A-1001"
    assert order["status"] == "COMPLETED"
    assert order["currency"] == "EUR"
    assert order["total"] == money("50.00", 5000, "EUR")
    assert before - timedelta(seconds=1) <= iso(order["placedAt"]) <= datetime.now(UTC)
    assert await api.node(order["id"], "... on Order { number status currency }") == {
        "number": "A-1001",
        "status": "COMPLETED",
        "currency": "EUR",
    }


async def test_a_product_priced_in_another_currency_is_sold_at_an_explicit_price(
    api: Api, shop: Shop
) -> None:
    order = await api.place_order(
        shop.customer,
        [{"productId": shop.dollar, "quantity": 2, "unitPrice": "4.60"}],
        selection=ORDER_FIELDS,
    )
    assert order["currency"] == "EUR"
    assert order["total"] == money("9.20", 920, "EUR")


async def test_lifetime_revenue_counts_only_completed_orders(api: Api, shop: Shop) -> None:
    assert await api.customer(shop.customer, METRICS) == {
        "metrics": {
            "lifetimeRevenue": money("0.00", 0),
            "orderCount": 0,
            "averageOrderValue": None,
            "firstPurchaseAt": None,
            "lastPurchaseAt": None,
        }
    }
    widget_line = [{"productId": shop.widget, "quantity": 1}]
    pending = await api.place_order(
        shop.customer, widget_line, placedAt="2024-01-10T00:00:00Z"
    )  # 12.50, pending
    await api.place_order(
        shop.customer,
        [{"productId": shop.gadget, "quantity": 2}],
        status="COMPLETED",
        placedAt="2024-01-05T00:00:00Z",
    )  # 6.00
    await api.place_order(shop.customer, widget_line, status="PLANNED")
    given_up = await api.place_order(shop.customer, widget_line)
    await api.data(SET_STATUS, {"id": given_up["id"], "status": "UNREALIZED"})

    metrics = await api.customer(shop.customer, METRICS)
    assert metrics == {
        "metrics": {
            "lifetimeRevenue": money("6.00", 600),
            "orderCount": 1,
            "averageOrderValue": {"amount": "6.00"},
            "firstPurchaseAt": "2024-01-05T00:00:00+00:00",
            "lastPurchaseAt": "2024-01-05T00:00:00+00:00",
        }
    }
    assert await revenue_minor(api, shop.customer) == 600

    # PENDING -> COMPLETED moves the order's revenue into the metrics.
    done = (await api.data(SET_STATUS, {"id": pending["id"], "status": "COMPLETED"}))[
        "setOrderStatus"
    ]
    assert done == {"id": pending["id"], "status": "COMPLETED", "customer": {"id": shop.customer}}
    assert await api.node(pending["id"], "... on Order { status }") == {"status": "COMPLETED"}
    metrics = await api.customer(shop.customer, METRICS)
    assert metrics is not None
    assert metrics["metrics"]["lifetimeRevenue"] == money("18.50", 1850)
    assert metrics["metrics"]["orderCount"] == 2
    assert metrics["metrics"]["averageOrderValue"] == {"amount": "9.25"}
    assert metrics["metrics"]["lastPurchaseAt"] == "2024-01-10T00:00:00+00:00"
    assert await revenue_minor(api, shop.customer) == 1850

    # And back out again, reopened.
    await api.data(
        'mutation($id: ID!) { reopenOrder(id: $id, reason: "Goods returned") { id } }',
        {"id": pending["id"]},
    )
    metrics = await api.customer(shop.customer, METRICS)
    assert metrics is not None
    assert metrics["metrics"]["lifetimeRevenue"] == money("6.00", 600)
    assert await revenue_minor(api, shop.customer) == 600


async def test_lifetime_revenue_is_in_the_one_currency_of_the_books(api: Api, shop: Shop) -> None:
    """Orders are recorded in the platform's currency only, so revenue never mixes currencies."""
    await api.place_order(
        shop.customer, [{"productId": shop.widget, "quantity": 1}], status="COMPLETED"
    )
    await api.rejected(
        PLACE,
        {"input": order_input(shop, currency="USD", status="COMPLETED")},
        code="BAD_USER_INPUT",
        field="input.currency",
    )
    metrics = await api.customer(shop.customer, "metrics { lifetimeRevenue { amount currency } }")
    assert metrics is not None
    assert metrics["metrics"]["lifetimeRevenue"] == {"amount": "12.50", "currency": "EUR"}


def order_input(shop: Shop, **extra: object) -> Json:
    return {
        "customerId": shop.customer,
        "items": [{"productId": shop.widget, "quantity": 1}],
    } | extra


OrderCase = tuple[str, Callable[[Shop], Json], str, str]
PLACE_ERRORS: list[OrderCase] = [
    ("no items", lambda s: order_input(s, items=[]), "BAD_USER_INPUT", "input.items"),
    (
        "quantity 0",
        lambda s: order_input(s, items=[{"productId": s.widget, "quantity": 0}]),
        "BAD_USER_INPUT",
        "input.items[0].quantity",
    ),
    (
        "negative quantity on the second item",
        lambda s: order_input(
            s,
            items=[{"productId": s.widget, "quantity": 1}, {"productId": s.gadget, "quantity": -2}],
        ),
        "BAD_USER_INPUT",
        "input.items[1].quantity",
    ),
    (
        "unknown product on the second item",
        lambda s: order_input(
            s,
            items=[
                {"productId": s.widget, "quantity": 1},
                {"productId": UNKNOWN_PRODUCT, "quantity": 1},
            ],
        ),
        "NOT_FOUND",
        "input.items[1].productId",
    ),
    (
        "malformed product",
        lambda s: order_input(s, items=[{"productId": "WID-1", "quantity": 1}]),
        "BAD_USER_INPUT",
        "input.items[0].productId",
    ),
    (
        "a customer as product",
        lambda s: order_input(s, items=[{"productId": s.customer, "quantity": 1}]),
        "BAD_USER_INPUT",
        "input.items[0].productId",
    ),
    (
        "unknown customer",
        lambda s: order_input(s, customerId=UNKNOWN_CUSTOMER),
        "NOT_FOUND",
        "input.customerId",
    ),
    (
        "malformed customer",
        lambda s: order_input(s, customerId="cus_0"),
        "BAD_USER_INPUT",
        "input.customerId",
    ),
    (
        "product in another currency",
        lambda s: order_input(
            s,
            items=[{"productId": s.widget, "quantity": 1}, {"productId": s.dollar, "quantity": 1}],
        ),
        "BAD_USER_INPUT",
        "input.items[1].unitPrice",
    ),
    (
        "order in another currency",
        lambda s: order_input(s, currency="USD"),
        "BAD_USER_INPUT",
        "input.currency",
    ),
    (
        "not a currency",
        lambda s: order_input(s, currency="EURO"),
        "BAD_USER_INPUT",
        "input.currency",
    ),
    (
        "too many decimals",
        lambda s: order_input(
            s, items=[{"productId": s.widget, "quantity": 1, "unitPrice": "1.999"}]
        ),
        "BAD_USER_INPUT",
        "input.items[0].unitPrice",
    ),
    (
        "negative unit price",
        lambda s: order_input(s, items=[{"productId": s.widget, "quantity": 1, "unitPrice": "-1"}]),
        "BAD_USER_INPUT",
        "input.items[0].unitPrice",
    ),
    ("blank number", lambda s: order_input(s, number="   "), "BAD_USER_INPUT", "input.number"),
    (
        "number too long",
        lambda s: order_input(s, number="N" * 65),
        "TEXT_TOO_LONG",
        "input.number",
    ),
]


@pytest.mark.parametrize(
    ("make_input", "code", "field"),
    [pytest.param(i, c, f, id=name) for name, i, c, f in PLACE_ERRORS],
)
async def test_place_order_rejects(
    api: Api, shop: Shop, make_input: Callable[[Shop], Json], code: str, field: str
) -> None:
    # Some prior orders, so that "nothing written" covers the customer's revenue too.
    await api.place_order(
        shop.customer, [{"productId": shop.gadget, "quantity": 1}], status="COMPLETED"
    )
    await api.rejected(PLACE, {"input": make_input(shop)}, code=code, field=field)
    assert await count_nodes(api.graph, "Order") == 1


async def test_place_order_rejects_a_duplicate_number(api: Api, shop: Shop) -> None:
    first = await api.place_order(
        shop.customer, [{"productId": shop.widget, "quantity": 1}], number="INV-7"
    )
    other = await api.create_customer("Other buyer")
    await api.rejected(
        PLACE,
        {"input": order_input(shop, customerId=other, number="INV-7")},
        code="CONFLICT",
        field="input.number",
    )
    assert await api.node(first["id"], "... on Order { number customer { id } }") == {
        "number": "INV-7",
        "customer": {"id": shop.customer},
    }
    assert await api.customer(other, "orders { totalCount }") == {"orders": {"totalCount": 0}}


async def test_a_failed_place_order_leaves_no_trace(api: Api, shop: Shop) -> None:
    """One transaction: the customer and the first product check out, the second product does
    not; no Order, no CONTAINS, no revenue change is left behind."""
    before_orders = await api.customer(shop.customer, f"orders {{ totalCount }} {METRICS}")
    await api.rejected(
        PLACE,
        {
            "input": order_input(
                shop,
                status="COMPLETED",
                items=[
                    {"productId": shop.widget, "quantity": 5},
                    {"productId": UNKNOWN_PRODUCT, "quantity": 1},
                ],
            )
        },
        code="NOT_FOUND",
        field="input.items[1].productId",
    )
    assert await count_nodes(api.graph, "Order") == 0
    assert await count_relationships(api.graph, "CONTAINS") == 0
    assert await count_relationships(api.graph, "PLACED") == 0
    assert await api.customer(shop.customer, f"orders {{ totalCount }} {METRICS}") == before_orders


@pytest.mark.parametrize("override", ["status: SHIPPED", "paymentMethod: BARTER"])
async def test_place_order_rejects_unknown_enum_values(api: Api, shop: Shop, override: str) -> None:
    await api.rejected(
        f'mutation {{ placeOrder(input: {{customerId: "{shop.customer}", '
        f'items: [{{productId: "{shop.widget}", quantity: 1}}], {override}}}) {{ id }} }}',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


# --- setOrderStatus ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order_id", "code"),
    [
        pytest.param(UNKNOWN_ORDER, "NOT_FOUND", id="unknown"),
        pytest.param("ord_1", "BAD_USER_INPUT", id="malformed"),
        pytest.param(UNKNOWN_CUSTOMER, "BAD_USER_INPUT", id="a customer id"),
    ],
)
async def test_set_order_status_rejects(api: Api, shop: Shop, order_id: str, code: str) -> None:
    await api.place_order(shop.customer, [{"productId": shop.widget, "quantity": 1}])
    await api.rejected(SET_STATUS, {"id": order_id, "status": "COMPLETED"}, code=code, field="id")


async def test_set_order_status_of_a_detached_order_is_a_conflict(api: Api, shop: Shop) -> None:
    order = await api.place_order(shop.customer, [{"productId": shop.widget, "quantity": 1}])
    await api.data("mutation($id: ID!) { deleteCustomer(id: $id) { id } }", {"id": shop.customer})
    await api.rejected(
        SET_STATUS, {"id": order["id"], "status": "COMPLETED"}, code="CONFLICT", field="id"
    )
    assert await api.node(order["id"], "... on Order { status customer { id } }") == {
        "status": "PENDING",
        "customer": None,
    }


async def test_set_order_status_rejects_unknown_enum_values(api: Api, shop: Shop) -> None:
    order = await api.place_order(shop.customer, [{"productId": shop.widget, "quantity": 1}])
    await api.rejected(
        f'mutation {{ setOrderStatus(id: "{order["id"]}", status: SHIPPED) {{ id }} }}',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


# --- markInvoicePaid --------------------------------------------------------------------------


async def test_mark_invoice_paid_is_idempotent(api: Api, shop: Shop) -> None:
    order = await api.place_order(
        shop.customer, [{"productId": shop.widget, "quantity": 1}], paymentMethod="INVOICE"
    )
    paid = (await api.data(PAY, {"id": order["id"], "paidAt": "2024-04-01T09:30:00Z"}))[
        "markInvoicePaid"
    ]
    assert paid["id"] == order["id"]
    assert iso(paid["paidAt"]) == datetime(2024, 4, 1, 9, 30, tzinfo=UTC)
    assert paid["status"] == "PENDING"  # paying does not change the status
    assert await api.node(order["id"], "... on Order { paidAt }") == {"paidAt": paid["paidAt"]}

    again = (await api.data(PAY, {"id": order["id"], "paidAt": "2024-05-01T00:00:00Z"}))[
        "markInvoicePaid"
    ]
    assert again["paidAt"] == paid["paidAt"]  # the first payment time stays
    without_time = (await api.data(PAY, {"id": order["id"]}))["markInvoicePaid"]
    assert without_time["paidAt"] == paid["paidAt"]
    assert await api.node(order["id"], "... on Order { paidAt }") == {"paidAt": paid["paidAt"]}


async def test_mark_invoice_paid_defaults_to_now(api: Api, shop: Shop) -> None:
    order = await api.place_order(
        shop.customer, [{"productId": shop.widget, "quantity": 1}], status="COMPLETED"
    )
    before = datetime.now(UTC)
    paid = (await api.data(PAY, {"id": order["id"]}))["markInvoicePaid"]
    assert before - timedelta(seconds=1) <= iso(paid["paidAt"]) <= datetime.now(UTC)
    assert await api.node(order["id"], "... on Order { paidAt }") == {"paidAt": paid["paidAt"]}


@pytest.mark.parametrize("status", ["PLANNED", "UNREALIZED"])
async def test_mark_invoice_paid_of_an_order_without_invoice_is_a_conflict(
    api: Api, shop: Shop, status: str
) -> None:
    """The payment time is written before the status is checked: the conflict must roll the
    write back, so the order stays unpaid."""
    order = await api.place_order(
        shop.customer,
        [{"productId": shop.widget, "quantity": 1}],
        status="PLANNED" if status == "PLANNED" else "PENDING",
    )
    if status == "UNREALIZED":
        await api.data(SET_STATUS, {"id": order["id"], "status": status})
    await api.rejected(
        PAY,
        {"id": order["id"], "paidAt": "2024-04-01T00:00:00Z"},
        code="CONFLICT",
        field="orderId",
    )
    assert await api.node(order["id"], "... on Order { status paidAt }") == {
        "status": status,
        "paidAt": None,
    }


@pytest.mark.parametrize(
    ("order_id", "code"),
    [
        pytest.param(UNKNOWN_ORDER, "NOT_FOUND", id="unknown"),
        pytest.param("ORD-1234", "BAD_USER_INPUT", id="an order number"),
        pytest.param(UNKNOWN_PRODUCT, "BAD_USER_INPUT", id="a product id"),
    ],
)
async def test_mark_invoice_paid_rejects(api: Api, shop: Shop, order_id: str, code: str) -> None:
    await api.place_order(shop.customer, [{"productId": shop.widget, "quantity": 1}])
    await api.rejected(PAY, {"id": order_id}, code=code, field="orderId")

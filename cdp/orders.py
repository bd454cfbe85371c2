"""Orders: placing them, moving them through their states, and their invoices."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from cdp import audit, money, validation
from cdp.entitlement import require_entitled
from cdp.errors import BadUserInput, Conflict, NotFound
from cdp.graph import Graph
from cdp.ids import new_id, require_id
from cdp.selection import Selected
from cdp.writes import Row, Tx, one, project_one, transaction

_CHECK = """
OPTIONAL MATCH (c:Customer {id: $customerId})
RETURN c IS NOT NULL AS customerFound,
       EXISTS { MATCH (:Order {number: $number}) } AS numberTaken,
       [id IN $productIds | COLLECT { MATCH (p:Product {id: id})
                                      RETURN {priceMinor: p.priceMinor,
                                              currency: p.currency} }[0]] AS products
"""
# The customer's revenueMinor (completed orders) is kept for sorting customer lists by it.
_REVENUE = """
SET c.revenueMinor = reduce(total = 0, minor IN COLLECT {
      MATCH (c)-[:PLACED]->(done:Order) WHERE done.status = 'COMPLETED'
      RETURN done.totalMinor } | total + minor),
    c.updatedAt = $now
"""
_PLACE = (
    """
MATCH (c:Customer {id: $customerId})
CREATE (c)-[:PLACED]->(o:Order {id: $id})
SET o += $props
WITH c, o
CALL (o) {
  UNWIND $items AS item
  MATCH (p:Product {id: item.productId})
  CREATE (o)-[:CONTAINS {quantity: item.quantity, unitPriceMinor: item.unitPriceMinor,
                         position: item.position}]->(p)
}
"""
    + _REVENUE
)


async def place_order(
    graph: Graph, data: dict[str, Any], selected: Selected, *, default_currency: str
) -> Row:
    customer_id = require_id(data["customer_id"], "Customer", "input.customerId")
    audit.note_customers([customer_id])
    currency = money.require_currency(data.get("currency") or default_currency, "input.currency")
    if currency != default_currency:
        # One currency for the books: revenue figures add orders up without conversion.
        raise BadUserInput(f"Orders are recorded in {default_currency}.", field="input.currency")
    number = (
        validation.text(data["number"], "input.number", max_length=64)
        if data.get("number")
        else f"ORD-{secrets.token_hex(6).upper()}"
    )
    items = data.get("items") or []
    if not items:
        raise BadUserInput("An order needs at least one item.", field="input.items")
    product_ids = [
        require_id(item["product_id"], "Product", f"input.items[{index}].productId")
        for index, item in enumerate(items)
    ]
    for index, item in enumerate(items):
        validation.positive(item["quantity"], f"input.items[{index}].quantity")
    order_id = new_id("Order")
    now = datetime.now(UTC)

    async def work(tx: Tx) -> Row:
        found = await one(
            tx, _CHECK, {"customerId": customer_id, "number": number, "productIds": product_ids}
        )
        assert found is not None
        if not found["customerFound"]:
            raise NotFound(f"No customer has id {customer_id!r}.", field="input.customerId")
        await require_entitled(tx, customer_id, "input.customerId")
        if found["numberTaken"]:
            raise Conflict(f"Order number {number!r} is taken.", field="input.number")
        lines = []
        for index, (item, product) in enumerate(zip(items, found["products"], strict=True)):
            field = f"input.items[{index}]"
            if product is None:
                raise NotFound("No product has this id.", field=f"{field}.productId")
            if item.get("unit_price") is not None:
                unit = money.to_minor(item["unit_price"], currency, f"{field}.unitPrice")
            elif product["currency"] != currency:
                raise BadUserInput(
                    f"The product is priced in {product['currency']}: give a unitPrice in "
                    f"{currency}.",
                    field=f"{field}.unitPrice",
                )
            else:
                unit = product["priceMinor"]
            if unit is None or unit < 0:
                raise BadUserInput(
                    "Give a unit price: the product has none.", field=f"{field}.unitPrice"
                )
            lines.append(
                {
                    "productId": product_ids[index],
                    "quantity": item["quantity"],
                    "unitPriceMinor": unit,
                    "position": index,
                }
            )
        props = {
            "number": number,
            "status": data.get("status") or "PENDING",
            "placedAt": data.get("placed_at") or now,
            "paymentMethod": data.get("payment_method"),
            "currency": currency,
            "totalMinor": sum(line["quantity"] * line["unitPriceMinor"] for line in lines),
            "invoiceDueDate": data.get("invoice_due_date"),
        }
        result = await tx.run(
            _PLACE,
            {"customerId": customer_id, "id": order_id, "props": props, "items": lines, "now": now},
        )
        await result.consume()
        return await project_one(tx, "Order", order_id, selected)

    return await transaction(graph, work)


_SET_STATUS = (
    """
MATCH (c:Customer)-[:PLACED]->(o:Order {id: $id})
SET o.status = $status
"""
    + _REVENUE
    + "RETURN o.id AS id"
)


async def set_order_status(graph: Graph, order_id: str, status: str, selected: Selected) -> Row:
    require_id(order_id, "Order", "id")

    async def work(tx: Tx) -> Row:
        done = await one(
            tx, _SET_STATUS, {"id": order_id, "status": status, "now": datetime.now(UTC)}
        )
        if done is None:
            if await one(tx, "MATCH (o:Order {id: $id}) RETURN o.id", {"id": order_id}):
                # An order kept after its customer was deleted: only its books remain.
                raise Conflict("This order's customer was deleted; it cannot change.", field="id")
            raise NotFound(f"No order has id {order_id!r}.", field="id")
        return await project_one(tx, "Order", order_id, selected)

    return await transaction(graph, work)


async def mark_invoice_paid(
    graph: Graph, order_id: str, paid_at: datetime | None, selected: Selected
) -> Row:
    """Record the payment; an invoice already paid keeps its first payment time."""
    require_id(order_id, "Order", "orderId")

    async def work(tx: Tx) -> Row:
        found = await one(
            tx,
            "MATCH (o:Order {id: $id}) SET o.paidAt = coalesce(o.paidAt, "
            "$paidAt) RETURN o.status AS status",
            {"id": order_id, "paidAt": paid_at or datetime.now(UTC)},
        )
        if found is None:
            raise NotFound(f"No order has id {order_id!r}.", field="orderId")
        if found["status"] in ("UNREALIZED", "PLANNED"):
            raise Conflict(
                f"A {found['status'].lower()} order has no invoice to pay.", field="orderId"
            )
        return await project_one(tx, "Order", order_id, selected)

    return await transaction(graph, work)

"""Orders: placing them, moving them through their states, and their invoices.

Every write that changes what a customer has bought first takes the customer's write lock in
its transaction (`_LOCK_*`), and only then reads the orders to recompute the stored revenue:
concurrent changes to one customer's orders queue on the customer, so none is lost. A change of
status is checked against the order's rules (`cdp.orders.status`) under that lock, and kept in
the order's history: `(:Order)-[:HAD_STATUS]->(:OrderStatusChange {status, at, by, reason,
position})`, `position` counting from 0 at the status it was placed in.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import Any

from neo4j import exceptions as neo4j_errors

from cdp import bounds, money, validation
from cdp.compiler.selection import Selected
from cdp.entitlement import require_entitled
from cdp.errors import BadUserInput, Conflict, Forbidden, ListTooLong, NotFound, ValueOutOfRange
from cdp.idempotency import Retry, require_key
from cdp.orders import status as lifecycle
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, project_stored, transaction

# The business's own order numbers: the system of an order placed without one.
OWN_SYSTEM = "cdp"
MAX_SYSTEM_LENGTH = 100

# Setting a property takes the customer's write lock; statements after this one in the same
# transaction read the orders as the last writer to hold it committed them.
_LOCK_CHECK = """
OPTIONAL MATCH (c:Customer {id: $customerId})
SET c.updatedAt = $now
RETURN c IS NOT NULL AS customerFound,
       EXISTS { MATCH (:Order {system: $system, number: $number}) } AS numberTaken,
       $partner IS NULL OR EXISTS {
         MATCH (:Partner {id: $partner})-[:OWNS_SYSTEM]->(:ExternalSystem {name: $system})
       } AS systemAllowed,
       [id IN $productIds | COLLECT { MATCH (p:Product {id: id})
                                      RETURN {priceMinor: p.priceMinor,
                                              currency: p.currency} }[0]] AS products
"""
# The customer's revenueMinor (completed orders) is kept for sorting customer lists by it. The
# sum is taken as a float first: records stored before amounts were bounded may add up beyond
# 64 bits, and saturate there rather than fail.
_REVENUE = """
WITH c, o, COLLECT { MATCH (c)-[:PLACED]->(done:Order) WHERE done.status = 'COMPLETED'
                  RETURN coalesce(done.totalMinor, 0) } AS totals
SET c.revenueMinor = CASE
      WHEN reduce(total = 0.0, minor IN totals | total + toFloat(minor)) >= $saturated
      THEN $maxInteger ELSE reduce(total = 0, minor IN totals | total + minor) END,
    c.updatedAt = $now
"""
# Placed only while all of the customer's orders together stay within their bound.
_PLACE = (
    """
MATCH (c:Customer {id: $customerId})
WITH c, reduce(total = 0.0, minor IN COLLECT { MATCH (c)-[:PLACED]->(o:Order)
                                               RETURN coalesce(o.totalMinor, 0) }
               | total + toFloat(minor)) AS booked
WHERE booked + $props.totalMinor <= $customerMaximum
CREATE (c)-[:PLACED]->(o:Order {id: $id})
SET o += $props
CREATE (o)-[:HAD_STATUS]->(:OrderStatusChange {status: o.status, at: o.placedAt, by: $by,
                                               position: 0})
WITH c, o
CALL (o) {
  // In the order of the products' ids: concurrent orders lock shared products alike.
  UNWIND $items AS item
  WITH o, item ORDER BY item.productId
  MATCH (p:Product {id: item.productId})
  CREATE (o)-[:CONTAINS {quantity: item.quantity, unitPriceMinor: item.unitPriceMinor,
                         position: item.position}]->(p)
}
"""
    + _REVENUE
    + "RETURN o.id AS id"
)
_SUMS = {"saturated": float(money.MAX_NEO4J_INT), "maxInteger": money.MAX_NEO4J_INT}


async def place_order(
    op: Operation, data: dict[str, Any], selected: Selected, *, default_currency: str
) -> Row:
    customer_id = op.require_id(data["customer_id"], "Customer", "input.customerId")
    op.audited.note_customers([customer_id])
    currency = money.require_currency(data.get("currency") or default_currency, "input.currency")
    if currency != default_currency:
        # One currency for the books: revenue figures add orders up without conversion.
        raise BadUserInput(f"Orders are recorded in {default_currency}.", field="input.currency")
    system = _system(op, data.get("system"), number_given=bool(data.get("number")))
    number = (
        validation.text(data["number"], "input.number", max_length=64)
        if data.get("number")
        else f"ORD-{secrets.token_hex(6).upper()}"
    )
    items = _items(data.get("items") or [])
    product_ids = [
        op.require_id(item["product_id"], "Product", f"input.items[{index}].productId")
        for index, item in enumerate(items)
    ]
    now = datetime.now(UTC)
    placed_at: datetime = data.get("placed_at") or now
    status = data.get("status") or lifecycle.PENDING
    lifecycle.require_start(status, "input.status")
    due = _invoice_due(data.get("invoice_due_date"), status, placed_at, "input.invoiceDueDate")
    key = require_key(data.get("idempotency_key"), "input.idempotencyKey")
    retry = (
        Retry.of("placeOrder", key, "input.idempotencyKey", data, now, op.policy) if key else None
    )
    order_id = op.new_id("Order")
    # A partner's generated number is in the business's system: only a system it names is
    # checked for ownership.
    partner = op.policy.partner if data.get("system") is not None else None

    async def work(tx: Tx) -> Row:
        if retry is not None and (first := await retry.first_result(tx)) is not None:
            row = await project_stored(tx, op, "Order", first, selected)
            if row is None:
                raise retry.gone()
            return row
        found = await one(
            tx,
            _LOCK_CHECK,
            {
                "customerId": customer_id,
                "number": number,
                "system": system,
                "partner": partner,
                "productIds": product_ids,
                "now": now,
            },
        )
        assert found is not None
        if not found["customerFound"]:
            raise NotFound(f"No customer has id {customer_id!r}.", field="input.customerId")
        await require_entitled(tx, op, customer_id, "input.customerId")
        if not found["systemAllowed"]:
            raise Forbidden(
                "Orders may be numbered only in a system you own.", field="input.system"
            )
        if found["numberTaken"]:
            raise Conflict("This order number is taken in its system.", field="input.number")
        lines = _lines(items, found["products"], product_ids, currency)
        total = sum(line["quantity"] * line["unitPriceMinor"] for line in lines)
        if total > money.MAX_ORDER_TOTAL_MINOR:
            raise money.out_of_range(money.MAX_ORDER_TOTAL_MINOR, currency, "input.items")
        props = {
            "number": number,
            "system": system,
            "status": status,
            "placedAt": placed_at,
            "paymentMethod": data.get("payment_method"),
            "currency": currency,
            "totalMinor": total,
            "invoiceDueDate": due,
        }
        params = {
            "customerId": customer_id,
            "id": order_id,
            "props": props,
            "items": lines,
            "now": now,
            "customerMaximum": money.MAX_CUSTOMER_TOTAL_MINOR,
            "by": op.actor,
            **_SUMS,
        }
        try:
            placed = await one(tx, _PLACE, params)
        except neo4j_errors.ConstraintError:
            # A concurrent order took the number between the check and the write.
            raise Conflict(
                "This order number is taken in its system.", field="input.number"
            ) from None
        if placed is None:
            error = money.out_of_range(money.MAX_CUSTOMER_TOTAL_MINOR, currency, "input.items")
            error.message = f"A customer's orders together come to at most {error.limit}."
            raise error
        if retry is not None:
            await retry.settle(tx, order_id)
        return await project_one(tx, op, "Order", order_id, selected)

    return await transaction(op, work)


def _invoice_due(
    due: date | None, status: str, placed_at: datetime | None, field: str
) -> date | None:
    if due is None:
        return None
    if status not in lifecycle.INVOICED:
        raise BadUserInput(
            "A planned order has no invoice: give its due date when it becomes pending.",
            field=field,
        )
    if placed_at is not None and due < placed_at.astimezone(UTC).date():
        raise ValueOutOfRange(
            "An invoice cannot fall due before its order was placed.", field=field
        )
    return due


def _system(op: Operation, value: str | None, *, number_given: bool) -> str:
    """The numbering system of a new order. A partner numbers orders only in a system it owns;
    without one, it gets a generated number in the business's own."""
    if value is None:
        if number_given and op.policy.partner is not None:
            raise Forbidden(
                "Give the system of your order numbers (one you own).", field="input.system"
            )
        return OWN_SYSTEM
    return validation.text(value, "input.system", max_length=MAX_SYSTEM_LENGTH)


def _items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not items:
        raise BadUserInput("An order needs at least one item.", field="input.items")
    if len(items) > money.MAX_ORDER_LINES:
        raise ListTooLong(
            f"An order has at most {money.MAX_ORDER_LINES} items.",
            field="input.items",
            limit=money.MAX_ORDER_LINES,
        )
    for index, item in enumerate(items):
        field = f"input.items[{index}].quantity"
        validation.positive(item["quantity"], field)
        if item["quantity"] > money.MAX_QUANTITY:
            raise ValueOutOfRange(
                f"At most {money.MAX_QUANTITY}.", field=field, limit=money.MAX_QUANTITY
            )
    return items


def _lines(
    items: list[dict[str, Any]],
    products: list[dict[str, Any] | None],
    product_ids: list[str],
    currency: str,
) -> list[dict[str, Any]]:
    lines = []
    for index, (item, product) in enumerate(zip(items, products, strict=True)):
        field = f"input.items[{index}]"
        if product is None:
            raise NotFound("No product has this id.", field=f"{field}.productId")
        if item.get("unit_price") is not None:
            unit = money.to_minor(
                item["unit_price"],
                currency,
                f"{field}.unitPrice",
                maximum=money.MAX_UNIT_PRICE_MINOR,
            )
        elif product["currency"] != currency:
            raise BadUserInput(
                f"The product is priced in {product['currency']}: give a unitPrice in {currency}.",
                field=f"{field}.unitPrice",
            )
        else:
            unit = product["priceMinor"]
            if unit is not None and unit > money.MAX_UNIT_PRICE_MINOR:
                raise money.out_of_range(money.MAX_UNIT_PRICE_MINOR, currency, f"{field}.unitPrice")
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
    return lines


# The customer's write lock first; the order's state, read after it, is the last committed.
_LOCK_ORDER_CUSTOMER = """
MATCH (c:Customer)-[:PLACED]->(:Order {id: $id})
SET c.updatedAt = $now
RETURN c.id AS id
"""
_ORDER_STATE = """
MATCH (o:Order {id: $id})
RETURN o.status AS status, o.placedAt AS placedAt
"""
_MOVE = (
    """
MATCH (c:Customer)-[:PLACED]->(o:Order {id: $id})
SET o.status = $status, o.invoiceDueDate = coalesce($due, o.invoiceDueDate)
WITH c, o, COUNT { (o)-[:HAD_STATUS]->(:OrderStatusChange) } AS kept
CALL (o, kept) {
  WITH o, kept WHERE $changed
  CREATE (o)-[:HAD_STATUS]->(:OrderStatusChange {status: o.status, at: $now, by: $by,
                                                 reason: $reason, position: kept})
}
"""
    + _REVENUE
    + "RETURN o.id AS id"
)


async def set_order_status(
    op: Operation,
    order_id: str,
    status: str,
    selected: Selected,
    *,
    reason: str | None = None,
    invoice_due_date: date | None = None,
) -> Row:
    """Move an order to `status` if its rules allow it from where it is; the status it already
    has is no move (a retry changes nothing), though a due date given with it is kept."""
    op.require_id(order_id, "Order", "id")
    reason = validation.optional_text(reason, "reason", max_length=bounds.NAME)

    async def work(tx: Tx) -> Row:
        current = await _locked_state(tx, order_id)
        lifecycle.require_move(current["status"], status, "status")
        placed = current["placedAt"]
        due = _invoice_due(
            invoice_due_date, status, placed and placed.to_native(), "invoiceDueDate"
        )
        changed = status != current["status"]
        if changed or due is not None:
            await _move(tx, op, order_id, status, reason, due, changed=changed)
        return await project_one(tx, op, "Order", order_id, selected)

    return await transaction(op, work)


async def reopen_order(op: Operation, order_id: str, reason: str, selected: Selected) -> Row:
    """Return a completed or unrealized order to pending: the one way back, always with a
    reason. A completed order's revenue leaves the customer's until it completes again."""
    op.require_id(order_id, "Order", "id")
    reason = validation.text(reason, "reason", max_length=bounds.NAME)

    async def work(tx: Tx) -> Row:
        current = await _locked_state(tx, order_id)
        lifecycle.require_reopenable(current["status"], "id")
        await _move(tx, op, order_id, lifecycle.REOPENED, reason, None, changed=True)
        return await project_one(tx, op, "Order", order_id, selected)

    return await transaction(op, work)


async def _locked_state(tx: Tx, order_id: str) -> Row:
    """The order's status and placing time, read under its customer's write lock."""
    if await one(tx, _LOCK_ORDER_CUSTOMER, {"id": order_id, "now": datetime.now(UTC)}) is None:
        if await one(tx, "MATCH (o:Order {id: $id}) RETURN o.id", {"id": order_id}):
            # An order kept after its customer was deleted: only its books remain.
            raise Conflict("This order's customer was deleted; it cannot change.", field="id")
        raise NotFound(f"No order has id {order_id!r}.", field="id")
    state = await one(tx, _ORDER_STATE, {"id": order_id})
    assert state is not None  # the lock's statement found it
    return state


async def _move(
    tx: Tx,
    op: Operation,
    order_id: str,
    status: str,
    reason: str | None,
    due: date | None,
    *,
    changed: bool,
) -> None:
    params = {
        "id": order_id,
        "status": status,
        "due": due,
        "changed": changed,
        "reason": reason,
        "by": op.actor,
        "now": datetime.now(UTC),
        **_SUMS,
    }
    await one(tx, _MOVE, params)


async def mark_invoice_paid(
    op: Operation, order_id: str, paid_at: datetime | None, selected: Selected
) -> Row:
    """Record the payment; an invoice already paid keeps its first payment time. Revenue counts
    completed orders whether paid or not, so the customer's stored revenue does not change."""
    op.require_id(order_id, "Order", "orderId")

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
        return await project_one(tx, op, "Order", order_id, selected)

    return await transaction(op, work)

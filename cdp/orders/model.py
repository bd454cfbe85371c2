"""How orders are read: an order, its line items, and what a customer bought.

(:Customer)-[:PLACED]->(:Order)-[:CONTAINS {quantity, unitPriceMinor, position}]->(:Product),
(:Order)-[:HAD_STATUS]->(:OrderStatusChange {status, at, by, reason, position}).
Money is stored in integer minor units beside its currency.
"""

from __future__ import annotations

from cdp import validation
from cdp.access.policy import rules
from cdp.compiler.cypher import QueryBuilder, collect, record, saturated_sum
from cdp.compiler.pagination import Sort, SortKey
from cdp.compiler.projection import (
    NODE,
    Moment,
    ObjectSpec,
    Related,
    expression,
    money,
    other,
    project,
    prop,
)
from cdp.compiler.selection import Selected

ORDER_SORTS = {"NEWEST": Sort("NEWEST", [SortKey("placedAt", "datetime", descending=True)])}


def order_filters(qb: QueryBuilder, x: str, selected: Selected) -> list[str]:
    """`status` of a customer's orders: left out (or null) it filters nothing; an empty list
    matches nothing."""
    statuses = validation.choices(selected.args.get("status"), f"{selected.name}.status")
    return [] if statuses is None else [f"{x}.status IN {qb.param(statuses)}"]


def products_bought(qb: QueryBuilder, var: str, selected: Selected) -> str:
    """A customer's completed purchases grouped by product: a `PurchasedProduct` each."""
    x, o, li, lines = qb.variable("x"), qb.variable("o"), qb.variable("li"), qb.variable("l")

    def completed(product: str) -> str:
        return f"({var})-[:PLACED]->({o}:Order)-[{li}:CONTAINS]->({product})"

    line = record(
        quantity=f"{li}.quantity",
        minor=f"{li}.quantity * {li}.unitPriceMinor",
        at=f"{o}.placedAt",
        currency=f"{o}.currency",
    )
    lines_of_product = collect(
        f"MATCH {completed(f'{x}_o')} WHERE {o}.status = 'COMPLETED' RETURN {line}"
    )
    purchased = record(
        quantity=f"reduce(s = 0, l IN {lines} | s + l.quantity)",
        revenueMinor=saturated_sum(lines, "l", "l.minor"),
        currency=f"{lines}[0].currency",
        lastPurchasedAt=(
            f"reduce(m = null, l IN {lines} | CASE WHEN m IS NULL OR l.at > m THEN l.at ELSE m END)"
        ),
    )
    return collect(
        f"MATCH {completed(f'{x}_o:Product')} "
        f"WHERE {o}.status = 'COMPLETED' WITH DISTINCT {var}, {x}_o "
        f"WITH {x}_o, {lines_of_product} AS {lines} "
        f"WITH {x}_o, {purchased} AS {x} "
        f"ORDER BY {x}.quantity DESC, {x}_o.sku "
        f"RETURN {project(qb, 'PurchasedProduct', x, selected)}"
    )


SPECS = (
    ObjectSpec(
        "Order",
        interfaces=NODE,
        owner=lambda customer, n: f"({customer}:Customer)-[:PLACED]->({n})",
        id_prefix="ord",
        fields={
            "id": prop("id"),
            "number": prop("number"),
            "system": prop("system", "'cdp'"),
            "status": prop("status"),
            "placedAt": Moment("placedAt"),
            "paymentMethod": prop("paymentMethod"),
            "currency": prop("currency"),
            "total": expression(lambda v: money(f"{v}.totalMinor", f"{v}.currency")),
            "invoiceDueDate": prop("invoiceDueDate"),
            "paidAt": Moment("paidAt"),
            "items": Related(
                "LineItem",
                lambda v, x, _: f"({v})-[{x}:CONTAINS]->({x}_o:Product)",
                order=lambda x: f"{x}.position",
            ),
            "customer": Related(
                "Customer", lambda v, x, _: f"({v})<-[:PLACED]-({x}:Customer)", single=True
            ),
            "statusHistory": Related(
                "OrderStatusChange",
                lambda v, x, _: f"({v})-[:HAD_STATUS]->({x}:OrderStatusChange)",
                order=lambda x: f"{x}.position DESC",
            ),
        },
    ),
    ObjectSpec(
        "OrderStatusChange",
        fields={
            "status": prop("status"),
            "at": Moment("at"),
            "by": prop("by"),
            "reason": prop("reason"),
        },
    ),
    ObjectSpec(
        "LineItem",
        edge=True,
        fields={
            "product": other("Product"),
            "quantity": prop("quantity"),
            # Amounts are in the order's currency (the line starts at the order).
            "unitPrice": expression(
                lambda v: money(f"{v}.unitPriceMinor", f"startNode({v}).currency")
            ),
            "total": expression(
                lambda v: money(f"{v}.quantity * {v}.unitPriceMinor", f"startNode({v}).currency")
            ),
        },
    ),
    ObjectSpec(
        "PurchasedProduct",
        edge=True,  # a row computed per product, the product bound beside it
        fields={
            "product": other("Product"),
            "quantity": prop("quantity"),
            "revenue": expression(lambda v: money(f"{v}.revenueMinor", f"{v}.currency")),
            "lastPurchasedAt": Moment("lastPurchasedAt"),
        },
    ),
)

ACCESS = rules(
    agent=[
        "placeOrder",
        "setOrderStatus",
        "reopenOrder",
        "markInvoicePaid",
        "recordInvoiceReminder",
    ],
    partner=["placeOrder"],
    hidden_from_partner=["OrderStatusChange.by"],  # an employee or a key of the business
)

"""Reading orders across customers: a filtered and sorted page, compiled into one statement.

Staff list every order, those of deleted customers too (kept for the books, their `customer`
null); a partner lists the orders of the customers it may see, which excludes those.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from cdp.compiler.cypher import QueryBuilder, Statement
from cdp.compiler.pagination import Connection, Sort, SortKey
from cdp.compiler.selection import Selected
from cdp.customers.filters import customer_step
from cdp.orders.filters import order_where
from cdp.request import Operation

Row = dict[str, Any]
# Orders without a due date come last both ways: they have no invoice to chase.
_NO_DUE_DATE_ASC = "date('9999-12-31')"
_NO_DUE_DATE_DESC = "date('0001-01-01')"
ORDER_LIST_SORTS = {
    "PLACED_AT_DESC": Sort("PLACED_AT_DESC", [SortKey("placedAt", "datetime", True)]),
    "PLACED_AT_ASC": Sort("PLACED_AT_ASC", [SortKey("placedAt", "datetime")]),
    "DUE_DATE_ASC": Sort(
        "DUE_DATE_ASC", [SortKey("invoiceDueDate", "date", default=_NO_DUE_DATE_ASC)]
    ),
    "DUE_DATE_DESC": Sort(
        "DUE_DATE_DESC", [SortKey("invoiceDueDate", "date", True, default=_NO_DUE_DATE_DESC)]
    ),
    # Amounts in minor units, whatever their currency (as the customers' revenue sort).
    "TOTAL_ASC": Sort("TOTAL_ASC", [SortKey("totalMinor", "int", default="0")]),
    "TOTAL_DESC": Sort("TOTAL_DESC", [SortKey("totalMinor", "int", True, default="0")]),
}


def order_list(today: date) -> Connection:
    """The root list of orders, `overdue` read against `today` (the business's date)."""
    return Connection(
        "Order",
        lambda _, x: f"({x}:Order)",
        ORDER_LIST_SORTS,
        "PLACED_AT_DESC",
        where=lambda qb, x, selected: order_where(qb, x, selected.args.get("filter"), today),
        anchor=lambda qb, x, selected: customer_step(
            qb, selected.args.get("filter"), "<-[:PLACED]-"
        ),
    )


def compile_orders(qb: QueryBuilder, selected: Selected, today: date) -> Statement:
    """A page of orders: one row, a connection (rows, totalCount, first, after)."""
    qb.policy.check_filter(selected.args.get("filter"), selected.args.get("order_by"))
    return qb.statement(f"RETURN {order_list(today)(qb, '', selected)} AS row")


async def orders(op: Operation, selected: Selected, today: date) -> Row:
    """A page of orders (a connection row: rows, totalCount, first, after)."""
    row = await op.read_one(compile_orders(op.query(), selected, today))
    assert row is not None  # RETURN without MATCH always yields one row
    return row

"""Reading touchpoints across customers: a filtered and sorted page, compiled into one statement.

Staff list every touchpoint; a partner lists the touchpoints of the customers it may see, and
nothing of how complaints are handled (`cdp.access.policy` refuses those filters and sorts).
"""

from __future__ import annotations

from typing import Any

from cdp.compiler.cypher import QueryBuilder, Statement
from cdp.compiler.pagination import Connection, Sort, SortKey
from cdp.compiler.selection import Selected
from cdp.customers.filters import customer_step
from cdp.request import Operation
from cdp.touchpoints.filters import touchpoint_where

Row = dict[str, Any]
# Touchpoints without a due time (all but complaints, and complaints recorded before service
# levels were kept) come after every complaint that has one.
_NO_DUE_TIME = "datetime('9999-12-31T23:59:59Z')"
TOUCHPOINT_LIST_SORTS = {
    "OCCURRED_AT_DESC": Sort("OCCURRED_AT_DESC", [SortKey("occurredAt", "datetime", True)]),
    "OCCURRED_AT_ASC": Sort("OCCURRED_AT_ASC", [SortKey("occurredAt", "datetime")]),
    "DUE_AT_ASC": Sort("DUE_AT_ASC", [SortKey("dueAt", "datetime", default=_NO_DUE_TIME)]),
}
TOUCHPOINT_LIST = Connection(
    "Touchpoint",
    lambda _, x: f"({x}:Touchpoint)",
    TOUCHPOINT_LIST_SORTS,
    "OCCURRED_AT_DESC",
    where=lambda qb, x, selected: touchpoint_where(qb, x, selected.args.get("filter")),
    anchor=lambda qb, x, selected: customer_step(qb, selected.args.get("filter"), "<-[:HAD]-"),
)


def compile_touchpoints(qb: QueryBuilder, selected: Selected) -> Statement:
    """A page of touchpoints: one row, a connection (rows, totalCount, first, after)."""
    qb.policy.check_filter(selected.args.get("filter"), selected.args.get("order_by"))
    return qb.statement(f"RETURN {TOUCHPOINT_LIST(qb, '', selected)} AS row")


async def touchpoints(op: Operation, selected: Selected) -> Row:
    """A page of touchpoints (a connection row: rows, totalCount, first, after)."""
    row = await op.read_one(compile_touchpoints(op.query(), selected))
    assert row is not None  # RETURN without MATCH always yields one row
    return row

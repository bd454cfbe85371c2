"""Reading goals: the root list, filtered, a page at a time, compiled into one statement with
each goal's progress."""

from __future__ import annotations

from typing import Any

from cdp.compiler.cypher import QueryBuilder, Statement
from cdp.compiler.pagination import Connection, Sort, SortKey
from cdp.compiler.selection import Selected
from cdp.goals.filters import goal_where
from cdp.request import Operation

Row = dict[str, Any]
# The latest period first; goals starting the same day by id.
GOAL_SORTS = {"PERIOD_DESC": Sort("PERIOD_DESC", [SortKey("periodFrom", "date", True)])}
GOAL_LIST = Connection(
    "Goal",
    lambda _, x: f"({x}:Goal)",
    GOAL_SORTS,
    "PERIOD_DESC",
    where=lambda qb, x, selected: goal_where(qb, x, selected.args.get("filter")),
)


def compile_goals(qb: QueryBuilder, selected: Selected) -> Statement:
    """A page of goals: one row, a connection (rows, totalCount, first, after). Progress is
    read against `qb.business_day()`, the business's date."""
    return qb.statement(f"RETURN {GOAL_LIST(qb, '', selected)} AS row")


async def goals(op: Operation, selected: Selected) -> Row:
    """A page of goals (a connection row: rows, totalCount, first, after)."""
    row = await op.read_one(compile_goals(op.query(), selected))
    assert row is not None  # RETURN without MATCH always yields one row
    return row

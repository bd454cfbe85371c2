"""Reading campaigns: one by id, and the root list, filtered, a page at a time, each compiled
into one statement with whom the campaigns reached and what it earned."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdp import validation
from cdp.compiler.cypher import QueryBuilder, Statement, node
from cdp.compiler.pagination import Connection, Sort, SortKey
from cdp.compiler.projection import project
from cdp.compiler.selection import Selected
from cdp.request import Operation

Row = dict[str, Any]


def campaign_where(qb: QueryBuilder, k: str, spec: Mapping[str, Any] | None) -> list[str]:
    """The conditions (to be ANDed) that a `CampaignFilter` puts on campaign `k`; its lists
    are bounded by `bounds.CHOICES`, and an empty one matches nothing."""
    if not spec:
        return []
    conditions: list[str] = []
    for key in ("kind", "channel"):
        values = validation.choices(spec.get(key), f"filter.{key}")
        if values is not None:
            conditions.append(f"{k}.{key} IN {qb.param(values)}")
    if spec.get("active_on") is not None:
        day = qb.param(spec["active_on"])
        conditions.append(f"{k}.periodFrom <= {day} AND {k}.periodTo >= {day}")
    return conditions


# The latest period first; campaigns starting the same day by id.
CAMPAIGN_SORTS = {"PERIOD_DESC": Sort("PERIOD_DESC", [SortKey("periodFrom", "date", True)])}
CAMPAIGN_LIST = Connection(
    "Campaign",
    lambda _, x: f"({x}:Campaign)",
    CAMPAIGN_SORTS,
    "PERIOD_DESC",
    where=lambda qb, x, selected: campaign_where(qb, x, selected.args.get("filter")),
)


def compile_campaigns(qb: QueryBuilder, selected: Selected) -> Statement:
    """A page of campaigns: one row, a connection (rows, totalCount, first, after)."""
    return qb.statement(f"RETURN {CAMPAIGN_LIST(qb, '', selected)} AS row")


def compile_campaign(qb: QueryBuilder, campaign_id: str, selected: Selected) -> Statement:
    found = node("k", "Campaign", id=qb.param(campaign_id))
    return qb.statement(f"MATCH {found} RETURN {project(qb, 'Campaign', 'k', selected)} AS row")


async def campaigns(op: Operation, selected: Selected) -> Row:
    """A page of campaigns (a connection row: rows, totalCount, first, after)."""
    row = await op.read_one(compile_campaigns(op.query(), selected))
    assert row is not None  # RETURN without MATCH always yields one row
    return row


async def campaign(op: Operation, campaign_id: str, selected: Selected) -> Row | None:
    return await op.read_one(compile_campaign(op.query(), campaign_id, selected))

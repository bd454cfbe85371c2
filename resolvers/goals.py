"""Root fields about goals: the list is one compiled read; each write is one transaction."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from cdp.compiler.selection import Selected
from cdp.goals import reads, writes
from cdp.request import RequestContext

Row = dict[str, Any]


async def goal_list(ctx: RequestContext, selected: Selected) -> Row:
    # Progress is read against the operation's business date (`Operation.today`).
    return await reads.goals(ctx.operation(selected.name), selected)


async def set_goal(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.set_goal(
        ctx.operation(selected.name),
        selected.args["input"],
        selected,
        currency=ctx.settings.currency,
        zone=ZoneInfo(ctx.settings.business_timezone),
    )


async def update_goal(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.update_goal(
        ctx.operation(selected.name),
        args["id"],
        args["input"],
        selected,
        zone=ZoneInfo(ctx.settings.business_timezone),
    )


async def delete_goal(ctx: RequestContext, selected: Selected) -> str:
    return await writes.delete_goal(ctx.operation(selected.name), selected.args["id"])

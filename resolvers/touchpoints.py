"""Root fields about touchpoints: the list is one compiled read; each write is one transaction."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from cdp.compiler.selection import Selected
from cdp.request import RequestContext
from cdp.touchpoints import reads, writes

Row = dict[str, Any]


async def record_touchpoint(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.record_touchpoint(
        ctx.operation(selected.name),
        selected.args["input"],
        selected,
        zone=ZoneInfo(ctx.settings.business_timezone),
    )


async def resolve_complaint(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.resolve_complaint(
        ctx.operation(selected.name),
        args["id"],
        args["resolution"],
        bool(args.get("first_contact")),
        selected,
    )


async def update_touchpoint(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.update_touchpoint(
        ctx.operation(selected.name), args["id"], args["input"], selected
    )


async def touchpoint_list(ctx: RequestContext, selected: Selected) -> Row:
    return await reads.touchpoints(ctx.operation(selected.name), selected)

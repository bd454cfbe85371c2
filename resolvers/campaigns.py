"""Root fields about campaigns: reads are one compiled statement; each write is one
transaction."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from cdp.campaigns import reads, writes
from cdp.compiler.selection import Selected
from cdp.request import RequestContext

Row = dict[str, Any]


async def campaign_list(ctx: RequestContext, selected: Selected) -> Row:
    return await reads.campaigns(ctx.operation(selected.name), selected)


async def campaign(ctx: RequestContext, selected: Selected) -> Row | None:
    campaign_id = selected.args["id"]
    if ctx.registry.label_of(campaign_id) != "Campaign":
        return None
    return await reads.campaign(ctx.operation(selected.name), campaign_id, selected)


async def create_campaign(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.create_campaign(
        ctx.operation(selected.name),
        selected.args["input"],
        selected,
        currency=ctx.settings.currency,
        zone=ZoneInfo(ctx.settings.business_timezone),
    )


async def update_campaign(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.update_campaign(
        ctx.operation(selected.name),
        args["id"],
        args["input"],
        selected,
        zone=ZoneInfo(ctx.settings.business_timezone),
    )

"""The work-queue root field."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from cdp import business_time
from cdp.compiler.selection import Selected
from cdp.request import RequestContext
from cdp.work_queue import reads

Row = dict[str, Any]


async def work_queue(ctx: RequestContext, selected: Selected) -> list[Row]:
    args = selected.args
    return await reads.work_queue(
        ctx.operation(selected.name),
        selected,
        on=args.get("on") or business_time.today(ctx.settings),
        zone=ZoneInfo(ctx.settings.business_timezone),
    )

"""Root fields about touchpoints: each is one transaction."""

from __future__ import annotations

from typing import Any

from cdp.compiler.selection import Selected
from cdp.request import RequestContext
from cdp.touchpoints import writes

Row = dict[str, Any]


async def record_touchpoint(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.record_touchpoint(
        ctx.operation(selected.name), selected.args["input"], selected
    )

"""Root fields about influence between customers: each is one transaction."""

from __future__ import annotations

from typing import Any

from cdp.compiler.selection import Selected
from cdp.influence import writes
from cdp.request import RequestContext

Row = dict[str, Any]


async def link_influence(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.link_influence(
        ctx.operation(selected.name), selected.args["input"], selected
    )


async def unlink_influence(ctx: RequestContext, selected: Selected) -> bool:
    return await writes.unlink_influence(ctx.operation(selected.name), selected.args["input"])

"""Root fields about the contact policy."""

from __future__ import annotations

from typing import Any

from cdp.compiler.selection import Selected
from cdp.contact_policy import reads, writes
from cdp.request import RequestContext

Row = dict[str, Any]


async def contact_policy(ctx: RequestContext, selected: Selected) -> Row:
    return await reads.current_policy(ctx.operation(selected.name))


async def contact_allowed(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await reads.contact_allowed(
        ctx.operation(selected.name), args["customer"], args["channel"], args["kind"]
    )


async def set_contact_policy(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.set_contact_policy(ctx.operation(selected.name), selected.args["input"])

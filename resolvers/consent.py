"""Root fields about consent: each is one transaction."""

from __future__ import annotations

from typing import Any

from cdp.compiler.selection import Selected
from cdp.consent import writes
from cdp.request import RequestContext

Row = dict[str, Any]


async def record_consent(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.record_consent(
        ctx.operation(selected.name), selected.args["input"], selected
    )

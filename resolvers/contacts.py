"""Root fields about the contact persons of organizations: each is one transaction."""

from __future__ import annotations

from typing import Any

from cdp.compiler.selection import Selected
from cdp.contacts import writes
from cdp.request import RequestContext

Row = dict[str, Any]


async def add_contact(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.add_contact(
        ctx.operation(selected.name), args["organization_id"], args["input"], selected
    )

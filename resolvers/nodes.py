"""The `node` root field: any object by its id."""

from __future__ import annotations

from typing import Any

from cdp import nodes
from cdp.compiler.selection import Selected
from cdp.request import RequestContext


async def node(ctx: RequestContext, selected: Selected) -> dict[str, Any] | None:
    return await nodes.node(ctx.operation(selected.name), selected.args["id"], selected)

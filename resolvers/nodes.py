from __future__ import annotations

import strawberry

from cdp import nodes
from resolvers.access import policy_of
from schema.context import Info
from schema.rows import Row
from schema.selection import selection


async def node(info: Info, id: strawberry.ID) -> Row | None:
    return await nodes.node(info.context.graph, id, selection(info), policy_of(info))

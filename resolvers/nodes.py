from __future__ import annotations

import strawberry

from cdp import nodes
from resolvers.access import query_builder
from schema.context import Info
from schema.rows import Row
from schema.selection import selection


async def node(info: Info, id: strawberry.ID) -> Row | None:
    return await nodes.node(info.context.graph, query_builder(info), id, selection(info))

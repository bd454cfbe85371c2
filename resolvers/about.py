"""The `about` root field: the service and the Neo4j it runs on."""

from __future__ import annotations

from cdp import about
from cdp.request import RequestContext


async def about_service(ctx: RequestContext) -> about.About:
    return await about.about(ctx.graph)

from __future__ import annotations

from cdp import about as about_domain
from schema.about import About
from schema.context import Info


async def resolve_about(info: Info) -> About:
    found = await about_domain.about(info.context.graph)
    return About(
        service_version=found.service_version,
        neo4j_version=found.neo4j_version,
        neo4j_edition=found.neo4j_edition,
        database=found.database,
    )

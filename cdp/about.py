"""What the service runs on: its own version and the Neo4j behind it."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version
from typing import LiteralString

from cdp.store.graph import Graph

_COMPONENTS: LiteralString = """
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition
"""


@dataclass(frozen=True)
class About:
    service_version: str
    neo4j_version: str
    neo4j_edition: str
    database: str


async def about(graph: Graph) -> About:
    rows = await graph.read(_COMPONENTS)
    row = rows[0] if rows else {"version": "unknown", "edition": "unknown"}
    return About(
        service_version=version("cdp"),
        neo4j_version=str(row["version"]),
        neo4j_edition=str(row["edition"]),
        database=graph.database,
    )

from __future__ import annotations

import strawberry


@strawberry.type(description="The service and the Neo4j it runs on.")
class About:
    service_version: str
    neo4j_version: str
    neo4j_edition: str
    database: str

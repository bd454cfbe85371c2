"""The root types and the executable schema."""

from __future__ import annotations

import strawberry

from resolvers.about import resolve_about
from schema.about import About
from schema.errors import ErrorCodes


@strawberry.type
class Query:
    about: About = strawberry.field(
        resolver=resolve_about, description="The service and the Neo4j it runs on."
    )


schema = strawberry.Schema(query=Query, extensions=[ErrorCodes])

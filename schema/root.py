"""The root types and the executable schema."""

from __future__ import annotations

from pathlib import Path

import strawberry
from strawberry.printer import print_schema

from resolvers.about import resolve_about
from schema.about import About
from schema.errors import ErrorCodes


@strawberry.type
class Query:
    about: About = strawberry.field(
        resolver=resolve_about, description="The service and the Neo4j it runs on."
    )


schema = strawberry.Schema(query=Query, extensions=[ErrorCodes])

SDL_PATH = Path(__file__).with_name("schema.graphql")


def sdl() -> str:
    """The schema in SDL, as committed in `schema/schema.graphql`."""
    return print_schema(schema) + "\n"

"""Objects arrive from the compiled Cypher as maps keyed by response key (a field's alias or
name), so every field of such a type is read from its row by `info.path.key`.

`install_row_resolvers` sets that lookup as the graphql-core resolver of each field of those
types: nothing is computed per field in Python, which is most of the cost of serving a large
selection. The field methods below perform the same lookup, and are what runs if it is not
installed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
from graphql import GraphQLObjectType, GraphQLResolveInfo

Row = dict[str, Any]


def from_row(root: object, info: strawberry.Info[Any, Any]) -> Any:
    """The value the compiled query put in this field's place."""
    return root[info.path.key]  # type: ignore[index]


def _lookup(source: Row, info: GraphQLResolveInfo[Any], **_: Any) -> Any:
    return source[info.path.key]  # type: ignore[index]  # a field's key is always a str


def default_resolver(source: Any, name: str) -> Any:
    """Strawberry's default for fields of plain maps (edges, pages) and objects alike."""
    return source[name] if isinstance(source, dict) else getattr(source, name)


def install_row_resolvers(schema: strawberry.Schema, type_names: Iterable[str]) -> None:
    graphql_schema = schema._schema
    for name in type_names:
        graphql_type = graphql_schema.type_map.get(name)
        if not isinstance(graphql_type, GraphQLObjectType):
            raise LookupError(f"{name} is not an object type of the schema")
        # Strawberry checks isinstance() for types with interfaces; a row is a map.
        graphql_type.is_type_of = None
        for graphql_field in graphql_type.fields.values():
            graphql_field.resolve = _lookup

"""Objects arrive from the compiled Cypher as maps keyed by response key (a field's alias or
name), so every field of such a type is read from its row by `info.path.key`.

A Strawberry field reads its value by Python name, which a row does not have (`lifecycleStage`
is the row's key for `lifecycle_stage`, and an alias is another). `read_rows` therefore sets
that lookup as the graphql-core resolver of each field of those types, and lets them be maps
(Strawberry checks `isinstance()` for types with interfaces). It relies only on graphql-core's
public schema objects. Field methods that read their row by hand call `from_row`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import strawberry
from graphql import GraphQLObjectType, GraphQLResolveInfo

Row = dict[str, Any]


def from_row(root: object, info: strawberry.Info[Any, Any]) -> Any:
    """The value the compiled query put in this field's place."""
    return root[info.path.key]  # type: ignore[index]


def lookup(source: Row, info: GraphQLResolveInfo[Any], **_: Any) -> Any:
    """A row field's graphql-core resolver: the value under the field's response key."""
    return source[info.path.key]  # type: ignore[index]  # a field's key is always a str


def default_resolver(source: Any, name: str) -> Any:
    """Strawberry's default for fields of plain maps (edges, pages) and objects alike."""
    return source[name] if isinstance(source, dict) else getattr(source, name)


def row_types(schema: strawberry.Schema, type_names: Iterable[str]) -> Iterator[GraphQLObjectType]:
    """The graphql-core types of these names, each an object type of the schema."""
    for name in type_names:
        graphql_type = schema._schema.type_map.get(name)
        if not isinstance(graphql_type, GraphQLObjectType):
            raise LookupError(f"{name} is not an object type of the schema")
        yield graphql_type


def read_rows(schema: strawberry.Schema, type_names: Iterable[str]) -> None:
    """Every field of these types reads its row by response key."""
    for graphql_type in row_types(schema, type_names):
        graphql_type.is_type_of = None  # a row is a map, not an instance of the type
        for graphql_field in graphql_type.fields.values():
            graphql_field.resolve = lookup

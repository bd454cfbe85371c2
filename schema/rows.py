"""Objects arrive from the compiled Cypher as maps keyed by response key (a field's alias or
name), so every field of such a type is read from its row by `info.path.key`.

`install_row_resolvers` sets that lookup as the graphql-core resolver of each field of those
types: nothing is computed per field in Python, which is most of the cost of serving a large
selection. The field methods below perform the same lookup, and are what runs if it is not
installed.

`install_direct_resolvers` does the same for the other fields of plain objects (money, pages,
edges): a field that reads an attribute, or calls a method of no arguments, is called directly
instead of through Strawberry's per-call wrapping (building its `Info`, converting arguments,
chaining extensions), which costs more than the method itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

import strawberry
from graphql import GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

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


def install_direct_resolvers(schema: strawberry.Schema) -> None:
    graphql_schema = schema._schema
    roots = {graphql_schema.query_type, graphql_schema.mutation_type}
    for graphql_type in graphql_schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type in roots:
            continue
        definition = schema.get_type_by_name(graphql_type.name)
        if not isinstance(definition, StrawberryObjectDefinition):
            continue  # introspection types
        for field in definition.fields:
            graphql_field = graphql_type.fields[schema.config.name_converter.from_field(field)]
            if graphql_field.resolve is _lookup:
                continue
            direct = _direct(field)
            if direct is not None:
                graphql_field.resolve = direct


def _direct(field: StrawberryField) -> GraphQLFieldResolver | None:
    """The field's value without Strawberry's wrapping, where nothing of it is needed."""
    if field.extensions or field.permission_classes:
        return None
    resolver = field.base_resolver
    if resolver is None:
        name = field.python_name

        def read(source: Any, _: GraphQLResolveInfo[Any], **__: Any) -> Any:
            return default_resolver(source, name)

        return read
    if (
        resolver.is_async
        or resolver.arguments
        or resolver.self_parameter is None
        or resolver.info_parameter is not None
        or resolver.root_parameter is not None
        or resolver.parent_parameter is not None
    ):
        return None
    method = cast(Callable[[Any], Any], resolver.wrapped_func)  # a plain method of `self`

    def call(source: Any, _: GraphQLResolveInfo[Any], **__: Any) -> Any:
        return method(source)

    return call

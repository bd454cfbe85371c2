"""Plain fields resolved without Strawberry's per-call wrapping (`schema.speed`, piece
"direct")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

import strawberry
from graphql import GraphQLFieldResolver, GraphQLObjectType, GraphQLResolveInfo
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

from schema.rows import default_resolver


def install_direct_resolvers(schema: strawberry.Schema, row_type_names: Iterable[str]) -> None:
    """Call the plain fields of object types (row types aside: `schema.rows`) directly."""
    graphql_schema = schema._schema
    skipped = {"Query", "Mutation", *row_type_names}
    for graphql_type in graphql_schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name in skipped:
            continue
        definition = schema.get_type_by_name(graphql_type.name)
        if not isinstance(definition, StrawberryObjectDefinition):
            continue  # introspection types
        for field in definition.fields:
            graphql_field = graphql_type.fields[schema.config.name_converter.from_field(field)]
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

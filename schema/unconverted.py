"""List arguments a resolver reads from the selection, kept from Strawberry's conversion.

Strawberry converts every argument before it calls a resolver: for the 10,000 rows of a bulk
upsert, a dispatch on each row's type and an input object built from it, about a tenth of the
request. Our resolvers read their arguments from the selection (`resolvers.selection`), where
graphql-core's coerced values are turned into the core's plain values once; for a list argument
so read, `skip_conversion` hands Strawberry an empty list, which converts at no cost, and the
resolver's parameter of that name is empty.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLResolveInfo


def skip_conversion(schema: strawberry.Schema, type_name: str, field: str, argument: str) -> None:
    parent = schema._schema.type_map[type_name]
    assert isinstance(parent, GraphQLObjectType)
    graphql_field = parent.fields[field]
    listed = graphql_field.args[argument].type
    if isinstance(listed, GraphQLNonNull):
        listed = listed.of_type
    if not isinstance(listed, GraphQLList):
        raise TypeError(f"{type_name}.{field}({argument}:) is not a list")
    converting = graphql_field.resolve
    assert converting is not None

    def resolve(source: Any, info: GraphQLResolveInfo[Any], **arguments: Any) -> Any:
        if argument in arguments:
            arguments[argument] = []
        return converting(source, info, **arguments)

    graphql_field.resolve = resolve

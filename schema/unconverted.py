"""List arguments a resolver reads from the selection, kept from Strawberry's conversion.

Strawberry converts every argument before it calls a resolver: for the 10,000 rows of a bulk
upsert, a dispatch on each row's type and an input object built from it, about a tenth of the
request. Our resolvers read their arguments from the selection (`schema.selection`), where
graphql-core's coerced values are turned into the core's plain values once; for a list argument
so read, `skip_conversion` hands Strawberry an empty list, which converts at no cost, and the
resolver's parameter of that name is empty. When the list's item type is taken by no other
argument or field of the schema, no one else can meet its values, and its list variables are
decoded straight into plain values (`schema.decoding`).
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import (
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLResolveInfo,
    GraphQLSchema,
    get_named_type,
)

from schema.decoding import decode_lists_of


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
    item = get_named_type(listed)
    if isinstance(item, GraphQLInputObjectType) and _uses(schema._schema, item) == 1:
        decode_lists_of(item)


def _uses(schema: GraphQLSchema, named: GraphQLNamedType) -> int:
    """How many arguments, input fields and directive arguments take `named`."""
    arguments = [
        argument
        for type_ in schema.type_map.values()
        if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType)
        for field in type_.fields.values()
        for argument in field.args.values()
    ]
    arguments += [argument for d in schema.directives for argument in d.args.values()]
    fields = [
        field
        for type_ in schema.type_map.values()
        if isinstance(type_, GraphQLInputObjectType)
        for field in type_.fields.values()
    ]
    return sum(1 for each in [*arguments, *fields] if get_named_type(each.type) is named)

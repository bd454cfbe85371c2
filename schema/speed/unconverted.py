"""List arguments kept from Strawberry's conversion (`schema.speed`, piece "unconverted")."""

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


def skip_conversion(
    schema: strawberry.Schema, type_name: str, field: str, argument: str, *, decode: bool
) -> None:
    """Hand the resolver of `type_name.field` an empty list for `argument`; with `decode`, its
    list variables are decoded into plain values where no one else meets its item type."""
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
    if decode and isinstance(item, GraphQLInputObjectType) and _uses(schema._schema, item) == 1:
        # Imported here: it reads graphql-core internals that another version may not have.
        from schema.speed.decoding import decode_lists_of  # noqa: PLC0415

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

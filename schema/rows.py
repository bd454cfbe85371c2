"""Objects arrive from the compiled Cypher as maps keyed by response key (a field's alias or
name), so every field of such a type is read from its row by `info.path.key`.

`install_row_resolvers` sets that lookup as the graphql-core resolver of each field of those
types: nothing is computed per field in Python, which is most of the cost of serving a large
selection. The field methods below perform the same lookup, and are what runs if it is not
installed.

`RowExecutionContext` goes one step further for the leaves of rows (a name, a date, a list of
e-mails): their value is read and serialized in place, without the resolve info, resolver call
and completion graphql-core spends on every field; anything else, or anything unusual about a
leaf (an argument, a directive, a null where none may be, a failure), takes the full path.

`install_direct_resolvers` does the same for the other fields of plain objects (money, pages,
edges): a field that reads an attribute, or calls a method of no arguments, is called directly
instead of through Strawberry's per-call wrapping (building its `Info`, converting arguments,
chaining extensions), which costs more than the method itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

import strawberry
from graphql import (
    GraphQLEnumType,
    GraphQLFieldResolver,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path, Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

Row = dict[str, Any]


def from_row(root: object, info: strawberry.Info[Any, Any]) -> Any:
    """The value the compiled query put in this field's place."""
    return root[info.path.key]  # type: ignore[index]


Complete = Callable[[Any], Any]


@dataclass(frozen=True)
class _RowField:
    """A row field's resolver: the value under the field's response key. `complete` serializes
    that value in place when the field is a leaf (see `RowExecutionContext`)."""

    complete: Complete | None

    def __call__(self, source: Row, info: GraphQLResolveInfo[Any], **_: Any) -> Any:
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
            graphql_field.resolve = _RowField(_leaf_completer(graphql_field.type))


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
            if isinstance(graphql_field.resolve, _RowField):
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


class RowExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> Any:
        node = field_details_list[0].node
        field = parent_type.fields.get(node.name.value)
        resolve = field.resolve if field is not None else None
        if (
            isinstance(resolve, _RowField)
            and resolve.complete is not None
            and not node.arguments
            and not node.directives
            and self.middleware_manager is None
        ):
            try:
                return resolve.complete(source[path.key])
            except Exception:  # noqa: S110 - the full path reports it as it should
                pass
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )


class _Refused(Exception):
    """A value the short way does not complete (a null where none may be)."""


def _leaf_completer(type_: GraphQLOutputType) -> Complete | None:
    required = isinstance(type_, GraphQLNonNull)
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(inner, GraphQLScalarType | GraphQLEnumType):
        return _scalar(inner.coerce_output_value, required)
    if isinstance(inner, GraphQLList):
        item = inner.of_type
        if isinstance(item, GraphQLNonNull) and isinstance(
            item.of_type, GraphQLScalarType | GraphQLEnumType
        ):
            each = _scalar(item.of_type.coerce_output_value, required=True)

            def complete_list(value: Any) -> Any:
                if value is None:
                    if required:
                        raise _Refused
                    return None
                if not isinstance(value, list):
                    raise _Refused
                return [each(v) for v in value]

            return complete_list
    return None


def _scalar(coerce: Callable[[Any], Any], required: bool) -> Complete:
    def complete_scalar(value: Any) -> Any:
        if value is None:
            if required:
                raise _Refused
            return None
        coerced = coerce(value)
        if coerced is None or coerced is Undefined:
            raise _Refused
        return coerced

    return complete_scalar

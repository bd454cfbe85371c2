"""Leaves of rows completed in place (`schema.speed`, piece "leaves")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import (
    GraphQLEnumType,
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

from schema.rows import Row, row_types

Complete = Callable[[Any], Any]


@dataclass(frozen=True)
class RowField:
    """A row field's resolver (`schema.rows.lookup`) that also carries, for a leaf, how to
    serialize its value in place (`LeavesInPlace`)."""

    complete: Complete | None

    def __call__(self, source: Row, info: GraphQLResolveInfo[Any], **_: Any) -> Any:
        return source[info.path.key]  # type: ignore[index]  # a field's key is always a str


def complete_leaves_in_place(schema: strawberry.Schema, type_names: Iterable[str]) -> None:
    """Give each field of these row types a resolver that `LeavesInPlace` recognises."""
    for graphql_type in row_types(schema, type_names):
        for graphql_field in graphql_type.fields.values():
            graphql_field.resolve = RowField(_leaf_completer(graphql_field.type))


class LeavesInPlace(StrawberryGraphQLCoreExecutionContext):
    # graphql-core 3.3's `execute_field`, short-cut for the plain leaves of rows.
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
            isinstance(resolve, RowField)
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

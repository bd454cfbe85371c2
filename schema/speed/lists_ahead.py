"""List variables decoded ahead of graphql-core's coercion (`schema.speed`, piece "decoding")."""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    OperationDefinitionNode,
    is_input_type,
    type_from_ast,
)
from graphql.pyutils import Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from schema.speed.decoding import decoder


def decode_lists_ahead(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    raw: dict[str, Any] | None,
) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The variables to hand graphql-core (an empty list for each list decoded here; `raw`
    itself when there is none), and the decoded values of those lists by name."""
    ahead: dict[str, Any] = {}
    operation = _operation(document, operation_name) if raw else None
    if not raw or operation is None:
        return raw, ahead
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        value = raw.get(name)
        if type(value) is not list:  # absent, null or not a list: graphql-core's cases
            continue
        type_ = type_from_ast(schema, definition.type)
        if type_ is None or not is_input_type(type_):
            continue
        listed = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
        if not isinstance(listed, GraphQLList):
            continue
        decode = decoder(type_)  # lists only a resolver reads
        decoded = decode(value) if decode is not None else Undefined
        if decoded is not Undefined:  # else graphql-core finds the problem and says where
            ahead[name] = decoded
    if not ahead:
        return raw, ahead
    return {**raw, **{name: [] for name in ahead}}, ahead


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    """The operation graphql-core will run, or None where it will refuse (it says why)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    named = [d for d in operations if d.name is not None and d.name.value == name]
    return named[-1] if named else None


class ListsDecodedAhead(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor, with list variables decoded by `decode_lists_ahead`: graphql-core
    coerces an empty list in their place (a valid value of every list type), then the decoded
    value is put where graphql-core 3.3 keeps coerced variables."""

    @classmethod
    def build(  # graphql-core's positional parameters, passed on
        cls,
        schema: GraphQLSchema,
        document: DocumentNode,
        root_value: Any = None,
        context_value: Any = None,
        raw_variable_values: dict[str, Any] | None = None,
        operation_name: str | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        remaining, ahead = decode_lists_ahead(schema, document, operation_name, raw_variable_values)
        if ahead:
            kwargs["lists_decoded_ahead"] = (ahead, raw_variable_values)
        return super().build(
            schema, document, root_value, context_value, remaining, operation_name, *args, **kwargs
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        ahead = kwargs.pop("lists_decoded_ahead", None)
        super().__init__(*args, **kwargs)
        if ahead is None:
            return
        decoded, raw = ahead
        variables = self.variable_values
        for name, value in decoded.items():
            variables.coerced[name] = value
            source = variables.sources[name]
            variables.sources[name] = source._replace(value=raw[name])

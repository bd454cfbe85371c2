"""List variables coerced ahead of graphql-core (`schema.speed`, pieces "coercion" and
"decoding")."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLEnumType,
    GraphQLID,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
    OperationDefinitionNode,
    is_input_type,
    is_required_input_field,
    type_from_ast,
)
from graphql.language.parser import MAX_NESTING_DEPTH
from graphql.pyutils import Undefined, is_iterable
from graphql.utilities.coerce_input_value import coerce_default_value
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from cdp.after_response import free_after_response
from schema.speed.decoding import decoder

Coerce = Callable[[Any], Any]  # a raw value to its coerced value, or Undefined


def coerce_lists_ahead(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    raw: dict[str, Any] | None,
    *,
    decoding: bool = True,
    compiling: bool = True,
) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """The variables to hand graphql-core (an empty list for each list coerced here; `raw`
    itself when there is none), and the coerced values of those lists by name."""
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
        coerce = compiled(type_)
        if coerce is None:
            continue
        decode = decoder(type_) if decoding else None  # lists only a resolver reads
        coerced = decode(value) if decode is not None else Undefined
        if coerced is Undefined and compiling:
            coerced = coerce(value)
        if coerced is Undefined:
            continue  # graphql-core finds the problem and says where
        ahead[name] = coerced
        free_after_response(coerced)  # thousands of rows: not freed while the client waits
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


def compiled(type_: GraphQLInputType) -> Coerce | None:
    """The compiled coercion of `type_`, or None where graphql-core's own must be used."""
    try:
        body, depth = _compile(type_, frozenset())
    except _NotCompiled:
        return None
    return body if depth <= MAX_NESTING_DEPTH else None


class _NotCompiled(Exception):
    """A recursive input type, or an input field default graphql-core cannot coerce."""


def _compile(type_: GraphQLInputType, enclosing: frozenset[str]) -> tuple[Coerce, int]:
    """The coercion of `type_` and how deep a value of it can nest (as graphql-core counts)."""
    if isinstance(type_, GraphQLNonNull):
        inner, depth = _compile_nullable(type_.of_type, enclosing)

        def non_null(value: Any) -> Any:
            if value is None or value is Undefined:
                return Undefined
            return inner(value)

        return non_null, depth
    inner, depth = _compile_nullable(type_, enclosing)

    def nullable(value: Any) -> Any:
        if value is None or value is Undefined:
            return None
        return inner(value)

    return nullable, depth


def _compile_nullable(type_: GraphQLInputType, enclosing: frozenset[str]) -> tuple[Coerce, int]:
    """The coercion of a value of `type_` known not to be null."""
    if isinstance(type_, GraphQLList):
        item, depth = _compile(type_.of_type, enclosing)
        return _list(item), depth + 1
    if isinstance(type_, GraphQLInputObjectType):
        if type_.name in enclosing:
            raise _NotCompiled(type_.name)
        return _input_object(type_, enclosing | {type_.name})
    if isinstance(type_, GraphQLEnumType):
        return _enum(type_), 0
    if isinstance(type_, GraphQLScalarType):
        return _scalar(type_), 0
    raise _NotCompiled(str(type_))


def _list(item: Coerce) -> Coerce:
    def coerce_list(value: Any) -> Any:
        if type(value) is not list and not is_iterable(value):
            coerced = item(value)  # a single value is a list of one
            return Undefined if coerced is Undefined else [coerced]
        out = []
        for each in value:
            coerced = item(each)
            if coerced is Undefined:
                return Undefined
            out.append(coerced)
        return out

    return coerce_list


@functools.cache  # per type of a schema: compiled the first time a request needs it
def _input_object(type_: GraphQLInputObjectType, enclosing: frozenset[str]) -> tuple[Coerce, int]:
    names = frozenset(type_.fields)
    fields = []
    depth = 0
    for name, field in type_.fields.items():
        coerce, field_depth = _compile(field.type, enclosing)
        depth = max(depth, field_depth + 1)
        required = is_required_input_field(field)
        try:
            default = Undefined if required else coerce_default_value(field)
        except Exception as exc:  # an invalid default is graphql-core's to report
            raise _NotCompiled(name) from exc
        fields.append(
            (name, field.out_name or name, coerce, required, default, *_shortcut(field.type))
        )
    out_type = type_.out_type
    plain_out = out_type is GraphQLInputObjectType.out_type
    one_of = type_.is_one_of

    def coerce_object(value: Any) -> Any:
        if not isinstance(value, dict):
            return Undefined
        if not names.issuperset(value) and any(
            key not in names and each is not Undefined for key, each in value.items()
        ):
            return Undefined
        out: dict[str, Any] = {}
        for name, out_name, coerce, required, default, text, members in fields:
            given = value.get(name, Undefined)
            if given is Undefined:
                if required:
                    return Undefined
                if default is not Undefined:
                    out[out_name] = default
                continue
            if type(given) is str:  # the common leaves, without a call
                if text:
                    out[out_name] = given
                    continue
                if members is not None and given in members:
                    out[out_name] = members[given]
                    continue
            coerced = coerce(given)
            if coerced is Undefined:
                return Undefined
            out[out_name] = coerced
        if one_of and not _one_of(value, out):
            return Undefined
        return out if plain_out else out_type(out)

    return coerce_object, depth


def _one_of(value: dict[str, Any], out: dict[str, Any]) -> bool:
    defined = sum(1 for each in value.values() if each is not Undefined)
    return defined == 1 and len(out) == 1 and next(iter(out.values())) is not None


def _shortcut(type_: GraphQLInputType) -> tuple[bool, dict[str, Any] | None]:
    """Whether a field's text is its value as it is (String, ID), and an enum field's members
    by name: what `coerce_object` settles in place for a string."""
    named = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    if isinstance(named, GraphQLScalarType):
        return named.coerce_input_value in _TEXT_AS_IS, None
    if isinstance(named, GraphQLEnumType):
        return False, _members(named)
    return False, None


# A string is its own value in these scalars (coerce_string, coerce_id).
_TEXT_AS_IS = (GraphQLString.coerce_input_value, GraphQLID.coerce_input_value)


@functools.cache  # per enum type: its fields and lists of it share one table
def _members(type_: GraphQLEnumType) -> dict[str, Any]:
    # Each name's value is computed once: the same member every request would get.
    return {name: type_.coerce_input_value(name) for name in type_.values}


def _enum(type_: GraphQLEnumType) -> Coerce:
    values = _members(type_)
    rest = _scalar_like(type_.coerce_input_value)

    def coerce_enum(value: Any) -> Any:
        if type(value) is str and value in values:
            return values[value]
        return rest(value)

    return coerce_enum


def _scalar(type_: GraphQLScalarType) -> Coerce:
    general = _scalar_like(type_.coerce_input_value)
    if type_.coerce_input_value is not GraphQLString.coerce_input_value:
        return general

    def coerce_string(value: Any) -> Any:
        return value if type(value) is str else general(value)

    return coerce_string


def _scalar_like(coerce: Callable[[Any], Any]) -> Coerce:
    def coerce_leaf(value: Any) -> Any:
        try:
            return coerce(value)
        except Exception:  # graphql-core's path reports it
            return Undefined

    return coerce_leaf


class ListsCoercedAhead(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor, with list variables coerced by `coerce_lists_ahead`."""

    decoding = True  # lists a resolver alone reads are decoded by msgspec
    compiling = True  # other lists are coerced by compiled code

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
        remaining, ahead = coerce_lists_ahead(
            schema,
            document,
            operation_name,
            raw_variable_values,
            decoding=cls.decoding,
            compiling=cls.compiling,
        )
        if ahead:
            kwargs["lists_coerced_ahead"] = (ahead, raw_variable_values)
        return super().build(
            schema, document, root_value, context_value, remaining, operation_name, *args, **kwargs
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        ahead = kwargs.pop("lists_coerced_ahead", None)
        super().__init__(*args, **kwargs)
        if ahead is None:
            return
        coerced, raw = ahead
        variables = self.variable_values
        for name, value in coerced.items():
            variables.coerced[name] = value
            source = variables.sources[name]
            variables.sources[name] = source._replace(value=raw[name])

"""Bulk list arguments checked by msgspec and made plain at once (`schema.speed`, piece
"decoding")."""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Annotated, Any, Literal, Union

import msgspec
from graphql import (
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLID,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    GraphQLString,
    get_named_type,
    is_required_input_field,
)
from graphql.language.parser import MAX_NESTING_DEPTH
from graphql.pyutils import Undefined
from graphql.utilities.coerce_input_value import coerce_default_value

from schema.plain import PlainList, plain, snake

Build = Callable[[Any], Any]  # a checked raw value (map, list or leaf) to its plain value
Decode = Callable[[Any], Any]  # a raw list to its PlainList, or Undefined

# Marks an input type whose lists are decoded here (set by `decode_lists_of`).
_DECODED = "cdp.decoded"
_INT = Annotated[int, msgspec.Meta(ge=-(2**31), le=2**31 - 1)]  # GraphQL's Int is 32-bit
_LEAVES: dict[GraphQLScalarType, Any] = {
    GraphQLString: str,
    GraphQLID: str,
    GraphQLBoolean: bool,
    GraphQLInt: _INT,
}


class _Refused(Exception):
    """A custom scalar refused its value: graphql-core's path reports it."""


def decode_lists_of(type_: GraphQLInputObjectType) -> None:
    """Decode list variables of `type_` here (its values are read only as plain values)."""
    type_.extensions = {**(type_.extensions or {}), _DECODED: True}


def decoder(type_: GraphQLInputType) -> Decode | None:
    """The decoding of a list variable of `type_` (the caller has seen it is a list), or None
    where its items are not decoded here."""
    if not get_named_type(type_).extensions.get(_DECODED):
        return None
    return decoding_of(type_)


@functools.cache  # per list type of a schema
def decoding_of(type_: GraphQLInputType) -> Decode | None:
    """The decoding of a list type, or None where msgspec cannot express its items."""
    try:
        checked, build = _derive(type_, frozenset())
    except _NotDerived:
        return None
    if _depth(type_) > MAX_NESTING_DEPTH:  # graphql-core refuses values nested this deep
        return None

    def decode(value: Any) -> Any:
        if type(value) is not list:
            return Undefined
        try:
            msgspec.convert(value, checked)  # refuses what graphql-core might word differently
            return PlainList(build(value))
        except (msgspec.ValidationError, _Refused):
            return Undefined

    return decode


def _depth(type_: GraphQLInputType) -> int:
    """How deep a value of `type_` (not nested in itself) can nest, as graphql-core counts."""
    if isinstance(type_, GraphQLNonNull):
        return _depth(type_.of_type)
    if isinstance(type_, GraphQLList):
        return 1 + _depth(type_.of_type)
    if isinstance(type_, GraphQLInputObjectType):
        return 1 + max((_depth(field.type) for field in type_.fields.values()), default=0)
    return 0


class _NotDerived(Exception):
    """A type msgspec cannot express as graphql-core reads it."""


def _derive(type_: GraphQLInputType, enclosing: frozenset[str]) -> tuple[Any, Build]:
    """The msgspec type checking raw values of `type_`, and the build of their plain values."""
    if isinstance(type_, GraphQLNonNull):
        return _derive_non_null(type_.of_type, enclosing)
    checked, build = _derive_non_null(type_, enclosing)
    if build is _same:
        return Union[checked, None], _same  # noqa: UP007 - `Any | None` is refused

    def build_nullable(value: Any) -> Any:
        return None if value is None else build(value)

    return Union[checked, None], build_nullable  # noqa: UP007


def _derive_non_null(type_: GraphQLInputType, enclosing: frozenset[str]) -> tuple[Any, Build]:
    if isinstance(type_, GraphQLList):
        item, build_item = _derive(type_.of_type, enclosing)
        if build_item is _same:
            return list[item], _same  # type: ignore[valid-type]
        return list[item], lambda value: [build_item(each) for each in value]  # type: ignore[valid-type]
    if isinstance(type_, GraphQLInputObjectType):
        if type_.name in enclosing or type_.is_one_of:
            raise _NotDerived(type_.name)
        return _input_object(type_, enclosing | {type_.name})
    if isinstance(type_, GraphQLEnumType):
        return _enum(type_)
    if isinstance(type_, GraphQLScalarType):
        if type_ is GraphQLFloat:  # JSON's 1 is a Float too, and is read as 1.0
            return float, float
        if type_ in _LEAVES:
            return _LEAVES[type_], _same
        return Any, _custom_scalar(type_)
    raise _NotDerived(str(type_))


def _same(value: Any) -> Any:
    return value


@functools.cache  # per input type: lists of it and fields holding it share one Struct
def _input_object(type_: GraphQLInputObjectType, enclosing: frozenset[str]) -> tuple[Any, Build]:
    fields: list[tuple[str, Any, Any]] = []
    given_fields: dict[str, tuple[str, Build]] = {}  # a field's plain key and build
    defaults: list[tuple[str, Callable[[], Any]]] = []  # of the fields that have one
    for name, field in type_.fields.items():
        checked, build = _derive(field.type, enclosing)
        given_fields[name] = (snake(name), build)
        if is_required_input_field(field):
            fields.append((name, checked, msgspec.NODEFAULT))
            continue
        fields.append((name, Union[checked, msgspec.UnsetType], msgspec.UNSET))  # noqa: UP007
        try:
            given = coerce_default_value(field)
        except Exception as exc:  # an invalid default is graphql-core's to report
            raise _NotDerived(name) from exc
        if given is not Undefined:
            defaults.append((snake(name), _fresh(plain(given))))
    try:
        struct = msgspec.defstruct(type_.name, fields, forbid_unknown_fields=True)
    except (TypeError, ValueError) as exc:  # a field name msgspec does not take
        raise _NotDerived(type_.name) from exc

    def build_object(value: dict[str, Any]) -> dict[str, Any]:
        # Only the fields given are walked: most of a wide input type's are not.
        out: dict[str, Any] = {}
        for name, each in value.items():
            key, build = given_fields[name]
            out[key] = each if build is _same else build(each)
        for key, default in defaults:
            if key not in out:
                out[key] = default()
        return out

    return struct, build_object


def _fresh(default: Any) -> Callable[[], Any]:
    """A field's default, new for each value that takes it (a list must not be shared)."""
    if default is None or type(default) in (str, int, float, bool):
        return lambda: default
    if default == [] and type(default) is list:
        return list
    return lambda: copy.deepcopy(default)


def _enum(type_: GraphQLEnumType) -> tuple[Any, Build]:
    names = tuple(type_.values)
    checked = Literal[names]  # type: ignore[valid-type]
    values = {name: plain(type_.values[name].value) for name in names}
    if all(name == value for name, value in values.items()):
        return checked, _same
    return checked, values.__getitem__


def _custom_scalar(type_: GraphQLScalarType) -> Build:
    parse = type_.parse_value

    def build_scalar(value: Any) -> Any:
        if value is None:  # `Any` let it through; a nullable field's build never gets here
            raise _Refused(type_.name)
        try:
            parsed = parse(value)
        except Exception as exc:  # graphql-core's path says why
            raise _Refused(type_.name) from exc
        if parsed is Undefined:
            raise _Refused(type_.name)
        return plain(parsed)

    return build_scalar

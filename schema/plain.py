"""Coerced argument values as the plain Python values the core takes: enums to their values,
input objects to dicts keyed by Python field name, recursively.

`plain` does it by looking at each value. `plain_of` compiles the same conversion for an
argument's GraphQL type, so a large input (the thousands of rows of a bulk upsert) is not asked
at every value what it is; anything the type does not account for is handed to `plain`.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import re
from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLID,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLString,
)
from strawberry.types.unset import UnsetType

Plain = Callable[[Any], Any]

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")
_LEAVES = frozenset({str, int, float, bool})


class PlainList(list[Any]):
    """A list whose items are plain already (decoded by `schema.speed.decoding`)."""


def plain(value: Any) -> Any:
    """Enums to their values, input objects to dicts (Python field names), recursively."""
    if value is None or type(value) in _LEAVES or type(value) is PlainList:
        return value  # most values of a large input: return early
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {snake(key): plain(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if not isinstance(getattr(value, field.name), UnsetType)
        }
    return value


@functools.cache  # a few dozen names, read once per key of every input value
def snake(name: str) -> str:
    """A GraphQL name as its Python field name: `minStrength` → `min_strength`, and the
    all-capital filter operators `AND`/`OR`/`NOT` → `and_`/`or_`/`not_`."""
    if name.isupper():
        return name.lower() + "_"
    return _CAMEL.sub("_", name).lower()


@functools.cache  # per type of the schema (wrapping types included, which the schema keeps)
def plain_of(type_: GraphQLInputType) -> Plain:
    """`plain`, for values of `type_`."""
    if isinstance(type_, GraphQLNonNull):
        return plain_of(type_.of_type)
    if isinstance(type_, GraphQLList):
        item = plain_of(type_.of_type)
        if item is _text:
            return _texts
        return _ListOf(item)
    if isinstance(type_, GraphQLInputObjectType):
        return _InputObject(type_)
    if isinstance(type_, GraphQLEnumType):
        return _enum_value
    if type_ is GraphQLString or type_ is GraphQLID:
        return _text
    return plain


def _text(value: Any) -> Any:
    return value if value is None or type(value) is str else plain(value)


def _texts(value: Any) -> Any:
    if type(value) is not list:
        return plain(value)
    for item in value:
        if type(item) is not str:
            return plain(value)
    return value[:]


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else plain(value)


@dataclasses.dataclass(frozen=True)
class _ListOf:
    item: Plain

    def __call__(self, value: Any) -> Any:
        if type(value) is not list:
            return plain(value)
        item = self.item
        return [item(each) for each in value]


class _InputObject:
    """An input object's dict, its keys renamed and its values converted field by field. The
    fields are looked up on first use: a filter holds itself (`AND: [CustomerFilter!]`)."""

    def __init__(self, type_: GraphQLInputObjectType) -> None:
        self._type = type_
        self._fields: dict[str, tuple[str, Plain]] | None = None

    def __call__(self, value: Any) -> Any:
        if type(value) is not dict:
            return plain(value)
        fields = self._fields
        if fields is None:
            fields = self._fields = {
                name: (snake(name), plain_of(field.type))
                for name, field in self._type.fields.items()
            }
        out = {}
        for key, each in value.items():
            known = fields.get(key)
            if known is None:
                out[snake(key)] = plain(each)
            elif type(each) is str:  # text, or an enum's name: plain as it is, without a call
                out[known[0]] = each
            elif isinstance(each, enum.Enum):
                out[known[0]] = each.value
            else:
                out[known[0]] = known[1](each)
        return out

"""Raw values for every input type of the schema: a valid sample, and variants one mistake or
one omission away from it (for tests that compare two ways of reading input)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
)

from schema.root import schema

SCHEMA = schema._schema
SCALAR_SAMPLES: dict[str, Any] = {
    "ID": "cus_00000000000000000000000000000001",
    "String": "text",
    "DateTime": "2024-05-01T10:00:00+02:00",
    "Date": "2024-05-01",
    "Int": 3,
    "Boolean": True,
    "Decimal": "12.50",
    "Float": 0.5,
    "JSON": {"someKey": [1, "two"]},
}
WRONG = [12345, "not-a-value", {}, {"unknown": 1}, [None], 1.5, False]


def sample(type_: GraphQLInputType, enclosing: frozenset[str] = frozenset()) -> Any:
    """A valid raw value of `type_`, every field given (but a type nested in itself)."""
    if isinstance(type_, GraphQLNonNull | GraphQLList):
        inner = sample(type_.of_type, enclosing)
        return [inner, inner] if isinstance(type_, GraphQLList) else inner
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLScalarType):
        return SCALAR_SAMPLES[type_.name]
    assert isinstance(type_, GraphQLInputObjectType)
    inside = enclosing | {type_.name}
    return {
        name: sample(field.type, inside)
        for name, field in type_.fields.items()
        if get_named_type(field.type).name not in inside
    }


def all_required(type_: GraphQLInputObjectType) -> bool:
    """Whether every field of `type_` is a required scalar: then the sample is its only valid
    value among the variants (a goal's period: two dates)."""
    return all(
        isinstance(field.type, GraphQLNonNull) and isinstance(field.type.of_type, GraphQLScalarType)
        for field in type_.fields.values()
    )


def variants(type_: GraphQLInputObjectType) -> Iterator[Any]:
    """The sample, and values one mistake or one omission away from it."""
    whole = sample(type_)
    yield whole
    yield {**whole, "notAField": 1}
    yield [whole]
    yield None
    yield "text"
    for name in type_.fields:
        yield {k: v for k, v in whole.items() if k != name}
        yield {**whole, name: None}
        for wrong in WRONG:
            yield {**whole, name: wrong}
        value = whole.get(name)
        if isinstance(value, list):
            yield {**whole, name: value[0]}  # a single value where a list is expected
            yield {**whole, name: []}
        if isinstance(value, dict):
            for key in value:
                yield {**whole, name: {k: v for k, v in value.items() if k != key}}
                for wrong in WRONG[:3]:
                    yield {**whole, name: {**value, key: wrong}}

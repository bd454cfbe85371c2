"""`plain_of` compiles `plain`: the same plain values for every input type of the schema."""

from __future__ import annotations

import enum

import pytest
from graphql import GraphQLInputObjectType, GraphQLList, GraphQLNonNull
from graphql.pyutils import Undefined
from graphql.utilities import coerce_input_value

from schema.plain import plain, plain_of, snake
from tests.support.input_samples import SCHEMA, all_required, sample, variants

INPUT_TYPES = sorted(
    name for name, t in SCHEMA.type_map.items() if isinstance(t, GraphQLInputObjectType)
)


@pytest.mark.parametrize("name", INPUT_TYPES)
def test_every_input_type_reads_as_plain_reads_it(name: str) -> None:
    type_ = SCHEMA.type_map[name]
    assert isinstance(type_, GraphQLInputObjectType)
    listed = GraphQLNonNull(GraphQLList(GraphQLNonNull(type_)))
    compared = 0
    for value in variants(type_):
        coerced = coerce_input_value([value, sample(type_)], listed)
        if coerced is Undefined:
            continue
        assert plain_of(listed)(coerced) == plain(coerced), (name, value)
        compared += 1
    assert compared > 1 or all_required(type_)


def test_plain_values_are_python_names_and_enum_values() -> None:
    row_type = SCHEMA.type_map["CustomerUpsertRow"]
    assert isinstance(row_type, GraphQLInputObjectType)
    raw = {
        "externalId": {"system": "s", "value": "v"},
        "customer": {"name": "N", "preferences": {"preferredChannel": "EMAIL"}},
    }
    coerced = coerce_input_value(raw, row_type)
    assert isinstance(coerced["customer"]["lifecycleStage"], enum.Enum)
    read = plain_of(row_type)(coerced)
    assert read["external_id"] == {"system": "s", "value": "v"}
    assert read["customer"]["lifecycle_stage"] == "LEAD"
    assert read["customer"]["preferences"] == {"preferred_channel": "EMAIL"}
    # A list read is the caller's own: the schema's shared default is never handed out.
    assert read["customer"]["emails"] == []
    assert read["customer"]["emails"] is not coerced["customer"]["emails"]


def test_filter_operators_become_python_names() -> None:
    assert [snake(n) for n in ("AND", "minStrength", "name")] == ["and_", "min_strength", "name"]

"""Compiled coercion of list variables: graphql-core's answer for every input type of the schema,
valid or not, and the executor that uses it."""

from __future__ import annotations

from typing import Any

import pytest
import strawberry
from graphql import GraphQLInputObjectType, GraphQLList, GraphQLNonNull, parse
from graphql.pyutils import Undefined
from graphql.utilities import coerce_input_value

from schema.plain import plain_of
from schema.speed.coercion import ListsCoercedAhead, coerce_lists_ahead, compiled
from tests.input_samples import sample, variants
from tests.schema.speed.support import SCHEMA

INPUT_TYPES = sorted(
    name for name, t in SCHEMA.type_map.items() if isinstance(t, GraphQLInputObjectType)
)


@pytest.mark.parametrize("name", [n for n in INPUT_TYPES if n != "CustomerFilter"])
def test_every_input_type_coerces_as_graphql_core_does(name: str) -> None:
    type_ = SCHEMA.type_map[name]
    assert isinstance(type_, GraphQLInputObjectType)
    for listed in (GraphQLNonNull(GraphQLList(GraphQLNonNull(type_))), GraphQLList(type_)):
        coerce = compiled(listed)
        assert coerce is not None
        checked = 0
        for value in variants(type_):
            for raw in ([value], [value, sample(type_)], value):
                expected = coerce_input_value(raw, listed)
                assert coerce(raw) == expected, (name, raw)
                checked += expected is not Undefined
        assert checked > 0, f"no valid variant of {name}"


def test_an_invalid_value_gives_undefined_and_a_valid_one_defaults() -> None:
    rows = SCHEMA.type_map["CustomerUpsertRow"]
    assert isinstance(rows, GraphQLInputObjectType)
    coerce = compiled(GraphQLList(GraphQLNonNull(rows)))
    assert coerce is not None
    row = {"externalId": {"system": "s", "value": "v"}, "customer": {"name": "N"}}
    coerced = coerce([row])
    assert coerced[0]["customer"]["emails"] == []
    assert coerced[0]["customer"]["lifecycleStage"].name == "LEAD"
    assert coerce([row, {**row, "customer": {"name": 3}}]) is Undefined


def test_a_recursive_type_is_left_to_graphql_core() -> None:
    filter_type = SCHEMA.type_map["CustomerFilter"]
    assert isinstance(filter_type, GraphQLInputObjectType)
    assert compiled(GraphQLList(filter_type)) is None


def test_only_valid_list_variables_of_the_chosen_operation_are_coerced_ahead() -> None:
    document = parse(
        "mutation A($rows: [CustomerUpsertRow!]!, $id: ID!) { deleteCustomer(id: $id) { id } }"
        " mutation B($rows: [CustomerUpsertRow!]!) { upsertCustomers(rows: $rows) { created } }"
    )
    row = {"externalId": {"system": "s", "value": "v"}, "customer": {"name": "N"}}
    raw = {"rows": [row], "id": "cus_1"}
    remaining, ahead = coerce_lists_ahead(SCHEMA, document, "A", raw)
    assert remaining == {"rows": [], "id": "cus_1"}
    row_type = SCHEMA.type_map["CustomerUpsertRow"]
    assert isinstance(row_type, GraphQLInputObjectType)
    listed = GraphQLList(GraphQLNonNull(row_type))
    # Rows only a resolver reads come decoded, as plain values (`schema.speed.decoding`).
    assert ahead["rows"] == plain_of(listed)(coerce_input_value([row], listed))
    assert coerce_lists_ahead(SCHEMA, document, None, raw) == (raw, {})  # ambiguous
    invalid = {"rows": [{"customer": {"name": "N"}}]}
    assert coerce_lists_ahead(SCHEMA, document, "B", invalid) == (invalid, {})


@strawberry.input
class Item:
    name: str
    tags: list[str] = strawberry.field(default_factory=list)


@strawberry.type
class Query:
    @strawberry.field
    def echo(self, info: strawberry.Info, items: list[Item]) -> str:
        # The coerced variables, as Strawberry hands them to resolvers (a plain dict).
        coerced: dict[str, Any] = info._raw_info.variable_values  # type: ignore[assignment]
        return repr((coerced, [(i.name, i.tags) for i in items]))


@pytest.mark.parametrize(
    "variables",
    [
        {"items": [{"name": "a", "tags": "one"}, {"name": "b"}], "n": 2},
        {"items": [{"name": "a"}, {"name": 1}], "n": 2},
        {"items": [{"nom": "a"}], "n": 2},
        {"items": {"name": "single"}, "n": 2},
        {"n": 2},
    ],
)
async def test_the_executor_answers_as_strawberry_does_without_it(
    variables: dict[str, Any],
) -> None:
    query = "query($items: [Item!]!, $n: Int) { echo(items: $items) }"
    plain = strawberry.Schema(query=Query)
    ahead = strawberry.Schema(query=Query, execution_context_class=ListsCoercedAhead)
    expected = await plain.execute(query, variable_values=variables)
    got = await ahead.execute(query, variable_values=variables)
    assert (got.data, [e.message for e in got.errors or []]) == (
        expected.data,
        [e.message for e in expected.errors or []],
    )

"""Decoding bulk list arguments with msgspec: plain values equal to graphql-core's coercion made
plain, for every input type of the schema; anything it refuses is left to graphql-core (the app
side is tests/integration/schema/speed/test_writes.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from graphql import GraphQLInputObjectType, GraphQLList, GraphQLNonNull, parse
from graphql.pyutils import Undefined
from graphql.utilities import coerce_input_value

from schema.plain import PlainList, plain_of
from schema.speed.decoding import decoder, decoding_of
from schema.speed.lists_ahead import decode_lists_ahead
from tests.support.input_samples import all_required, sample, variants
from tests.unit.schema.speed.support import SCHEMA

INPUT_TYPES = sorted(
    name for name, t in SCHEMA.type_map.items() if isinstance(t, GraphQLInputObjectType)
)
ROW = {"externalId": {"system": "crm", "value": "42"}, "customer": {"name": "Ada"}}


def _input(name: str) -> GraphQLInputObjectType:
    type_ = SCHEMA.type_map[name]
    assert isinstance(type_, GraphQLInputObjectType)
    return type_


@pytest.mark.parametrize("name", [n for n in INPUT_TYPES if n != "CustomerFilter"])
def test_every_input_type_decodes_to_graphql_core_made_plain(name: str) -> None:
    type_ = _input(name)
    for listed in (GraphQLNonNull(GraphQLList(GraphQLNonNull(type_))), GraphQLList(type_)):
        decode = decoding_of(listed)
        assert decode is not None, name
        decoded = 0
        for value in variants(type_):
            for raw in ([value], [value, sample(type_)]):
                expected = coerce_input_value(raw, listed)
                got = decode(raw)
                if expected is Undefined:
                    assert got is Undefined, (name, raw)
                elif got is not Undefined:
                    assert type(got) is PlainList
                    assert got == plain_of(listed)(expected), (name, raw)
                    decoded += 1
        assert decode([sample(type_)]) is not Undefined, f"the full sample of {name}"
        enough = len(type_.fields) - (1 if all_required(type_) else 0)
        assert decoded > enough, f"too few variants of {name} decoded"


def test_what_msgspec_refuses_but_graphql_core_takes_is_left_to_it() -> None:
    listed = GraphQLList(GraphQLNonNull(_input("CustomerUpsertRow")))
    decode = decoding_of(listed)
    assert decode is not None
    lone = ROW  # a single value where a list is expected
    numeric_key = [{**ROW, "externalId": {"system": "crm", "value": 42}}]  # no: value is String
    assert decode(lone) is Undefined
    assert coerce_input_value(lone, listed) is not Undefined
    assert decode(numeric_key) is Undefined
    assert coerce_input_value(numeric_key, listed) is Undefined
    referral = [{**ROW, "customer": {"name": "Ada", "acquisition": {"sourceId": 7}}}]
    assert decode(referral) is Undefined  # an integer as an ID: graphql-core takes it
    assert coerce_input_value(referral, listed) is not Undefined


def test_defaults_are_filled_in_and_never_shared() -> None:
    decode = decoding_of(GraphQLList(GraphQLNonNull(_input("CustomerUpsertRow"))))
    assert decode is not None
    rows: Any = decode([ROW, ROW])
    assert rows[0]["customer"] == {
        "name": "Ada",
        "kind": "PERSON",
        "lifecycle_stage": "LEAD",
        "emails": [],
        "phones": [],
    }
    assert rows[0]["external_id"] == {"system": "crm", "value": "42"}
    rows[0]["customer"]["emails"].append("a@b.example")
    assert rows[1]["customer"]["emails"] == []


def test_a_whole_number_given_for_a_float_is_a_float_as_graphql_core_reads_it() -> None:
    listed = GraphQLList(GraphQLNonNull(_input("InfluenceInput")))
    decode = decoding_of(listed)
    assert decode is not None
    raw = [{"fromId": "cus_1", "toId": "cus_2", "strength": 1, "kind": "PEER"}]
    decoded = decode(raw)
    assert decoded == plain_of(listed)(coerce_input_value(raw, listed))
    assert type(decoded[0]["strength"]) is float


def test_a_custom_scalar_is_parsed_and_refused_as_graphql_core_does() -> None:
    decode = decoding_of(GraphQLList(GraphQLNonNull(_input("CustomerUpsertRow"))))
    assert decode is not None
    dated = [{**ROW, "customer": {"name": "Ada", "createdAt": "2024-05-01T10:00:00+02:00"}}]
    assert decode(dated)[0]["customer"]["created_at"] == datetime(2024, 5, 1, 8, tzinfo=UTC)
    undated = [{**ROW, "customer": {"name": "Ada", "createdAt": "yesterday"}}]
    assert decode(undated) is Undefined


def test_only_a_type_no_other_argument_takes_is_decoded() -> None:
    rows = SCHEMA.mutation_type.fields["upsertCustomers"].args["rows"].type  # type: ignore[union-attr]
    assert decoder(rows) is not None
    # External ids are also a field of CustomerInput: their lists keep graphql-core's values.
    assert decoder(GraphQLList(GraphQLNonNull(_input("ExternalIdInput")))) is None
    assert decoder(GraphQLList(_input("CustomerFilter"))) is None


def test_the_executor_hands_the_resolver_decoded_rows() -> None:
    document = parse(
        "mutation B($rows: [CustomerUpsertRow!]!) { upsertCustomers(rows: $rows) { created } }"
    )
    remaining, ahead = decode_lists_ahead(SCHEMA, document, None, {"rows": [ROW]})
    assert remaining == {"rows": []}
    assert type(ahead["rows"]) is PlainList
    assert ahead["rows"][0]["customer"]["lifecycle_stage"] == "LEAD"
    # A lone row is no list for msgspec: graphql-core's coercion takes it, as before.
    remaining, ahead = decode_lists_ahead(SCHEMA, document, None, {"rows": ROW})
    assert remaining == {"rows": ROW}
    assert ahead == {}


def test_only_valid_list_variables_of_the_chosen_operation_are_decoded_ahead() -> None:
    document = parse(
        "mutation A($rows: [CustomerUpsertRow!]!, $id: ID!) { deleteCustomer(id: $id) { id } }"
        " mutation B($rows: [CustomerUpsertRow!]!) { upsertCustomers(rows: $rows) { created } }"
    )
    raw = {"rows": [ROW], "id": "cus_1"}
    remaining, ahead = decode_lists_ahead(SCHEMA, document, "A", raw)
    assert remaining == {"rows": [], "id": "cus_1"}
    listed = GraphQLList(GraphQLNonNull(_input("CustomerUpsertRow")))
    assert ahead["rows"] == plain_of(listed)(coerce_input_value([ROW], listed))
    assert decode_lists_ahead(SCHEMA, document, None, raw) == (raw, {})  # ambiguous
    invalid = {"rows": [{"customer": {"name": "N"}}]}
    assert decode_lists_ahead(SCHEMA, document, "B", invalid) == (invalid, {})

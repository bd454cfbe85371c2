"""The compiler's input: `Selected` trees, merged by response key, read from a document."""

from __future__ import annotations

import pytest
from graphql import GraphQLError, parse

from cdp.compiler.selection import Selected, merge_by_key
from schema.root import schema
from schema.selection import document_selection


def test_fields_of_one_response_key_are_merged() -> None:
    a = Selected("orders", "orders", {"first": 1}, (Selected("id", "id"),))
    b = Selected("orders", "orders", {"first": 1}, (Selected("number", "number"),), on="Customer")
    c = Selected("orders", "recent", {"first": 2})
    merged = merge_by_key((a, b, c))
    assert merged == [
        Selected(
            "orders", "orders", {"first": 1}, (Selected("id", "id"), Selected("number", "number"))
        ),
        c,
    ]


def test_fields_for_a_type() -> None:
    selected = Selected(
        "node",
        "node",
        fields=(
            Selected("id", "id"),
            Selected("name", "name", on="Customer"),
            Selected("sku", "sku", on="Product"),
        ),
    )
    names = [field.name for field in selected.for_type(frozenset({"Customer", "Node"}))]
    assert names == ["id", "name"]
    assert selected.selects("sku")
    assert not selected.selects("number")
    assert selected.child("name") == Selected("name", "name", on="Customer")


def test_a_document_read_as_its_resolvers_read_it() -> None:
    document = parse(
        """
        query ($id: ID!, $full: Boolean!) {
          customer(id: $id) { id name @include(if: $full) ...Owner }
          customer(id: $id) { kind }
          list: customers(orderBy: NAME_DESC, filter: { lifecycleStage: [LEAD], OR: [] }) {
            totalCount
          }
        }
        fragment Owner on Customer { accountOwner { name } }
        """
    )
    customer, page = document_selection(schema._schema, document, {"id": "cus_1", "full": False})
    assert customer == Selected(
        "customer",
        "customer",
        {"id": "cus_1"},
        (
            Selected("id", "id"),
            Selected("accountOwner", "accountOwner", fields=(Selected("name", "name"),)),
            Selected("kind", "kind"),
        ),
    )
    # Arguments as the resolvers see them: Python names, enum values, defaults filled in.
    assert page.key == "list"
    assert page.args == {
        "filter": {"lifecycle_stage": ["LEAD"], "or_": []},
        "order_by": "NAME_DESC",
        "first": 20,
        "after": None,
    }


def test_variables_that_do_not_fit_the_document_are_refused() -> None:
    document = parse("query ($id: ID!) { customer(id: $id) { id } }")
    with pytest.raises(GraphQLError, match="id"):
        document_selection(schema._schema, document, {})

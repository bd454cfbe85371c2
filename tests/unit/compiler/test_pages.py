"""Pages of connections: every sort, cursors (`after`), `first` and the page limit, and which
parts of a connection are read for what is selected."""

from __future__ import annotations

import pytest

from cdp.compiler.pagination import encode_cursor
from tests.unit.compiler.support import CUSTOMER_ID, Case, check, customer_case, ids

PAGE = "edges { cursor node { id } } pageInfo { hasNextPage endCursor }"
SORTS = (
    "NAME_ASC",
    "NAME_DESC",
    "CREATED_AT_ASC",
    "CREATED_AT_DESC",
    "LIFETIME_REVENUE_ASC",
    "LIFETIME_REVENUE_DESC",
    "LAST_CONTACT_AT_ASC",
    "LAST_CONTACT_AT_DESC",
)
AFTER = "query ($after: String) {{ customers(orderBy: {sort}, after: $after) {{ {page} }} }}"


def after(name: str, sort: str, *values: object, viewer: str = "admin") -> Case:
    cursor = encode_cursor(sort, [*values, ids("cus", 7)])
    return Case(name, AFTER.format(sort=sort, page=PAGE), {"after": cursor}, viewer)


CASES = [
    *(
        Case(f"sort_{sort.lower()}", f"query {{ customers(orderBy: {sort}) {{ {PAGE} }} }}")
        for sort in SORTS
    ),
    Case("default_sort", f"query {{ customers {{ {PAGE} }} }}"),
    Case("default_sort_without_pii", f"query {{ customers {{ {PAGE} }} }}", viewer="analyst"),
    Case(
        "sort_by_name_without_pii",
        f"query {{ customers(orderBy: NAME_DESC) {{ {PAGE} }} }}",
        viewer="analyst",
    ),
    Case(
        "sort_by_revenue_without_pii",
        f"query {{ customers(orderBy: LIFETIME_REVENUE_DESC) {{ {PAGE} }} }}",
        viewer="agent",
    ),
    after("after_name", "NAME_ASC", "Ada Lovelace"),
    after("after_name_desc", "NAME_DESC", "Zed"),
    after("after_created_at", "CREATED_AT_DESC", "2026-03-01T10:00:00.123Z"),
    after("after_revenue", "LIFETIME_REVENUE_DESC", 125000),
    after("after_last_contact", "LAST_CONTACT_AT_ASC", "0001-01-01T00:00:00Z"),
    Case(
        "after_a_cursor_of_another_sort",
        AFTER.format(sort="CREATED_AT_ASC", page=PAGE),
        {"after": encode_cursor("NAME_ASC", ["Ada", ids("cus", 7)])},
    ),
    Case(
        "after_a_foreign_cursor",
        AFTER.format(sort="NAME_ASC", page=PAGE),
        {"after": "not-a-cursor"},
    ),
    Case(
        "after_a_cursor_of_wrong_values",
        AFTER.format(sort="CREATED_AT_ASC", page=PAGE),
        {"after": encode_cursor("CREATED_AT_ASC", ["yesterday", ids("cus", 7)])},
    ),
    Case(
        "after_with_filter_and_count",
        """
        query ($after: String) {
          customers(filter: { kind: PERSON }, orderBy: CREATED_AT_ASC, first: 2, after: $after) {
            totalCount
            edges { cursor node { id } }
          }
        }
        """,
        {"after": encode_cursor("CREATED_AT_ASC", ["2026-01-01T00:00:00Z", ids("cus", 7)])},
    ),
    Case(
        "orders_after",
        """
        query ($id: ID!, $after: String) {
          customer(id: $id) { orders(first: 2, after: $after) { edges { cursor node { id } } } }
        }
        """,
        {
            "id": CUSTOMER_ID,
            "after": encode_cursor("NEWEST", ["2026-02-01T09:30:00Z", ids("ord", 3)]),
        },
    ),
    Case(
        "touchpoints_after",
        """
        query ($id: ID!, $after: String) {
          customer(id: $id) { touchpoints(after: $after) { nodes { id } pageInfo { endCursor } } }
        }
        """,
        {
            "id": CUSTOMER_ID,
            "after": encode_cursor("NEWEST", ["2026-02-01T09:30:00+02:00", ids("tpt", 3)]),
        },
    ),
    Case("first_zero", "query { customers(first: 0) { nodes { id } } }"),
    Case("first_at_the_limit", "query { customers(first: 1000) { nodes { id } } }"),
    Case("first_beyond_the_limit", "query { customers(first: 1001) { nodes { id } } }"),
    Case(
        "first_beyond_a_lower_limit",
        "query { customers(first: 101) { nodes { id } } }",
        max_page=100,
    ),
    Case(
        "default_first_beyond_a_lower_limit",
        "query { customers { nodes { id } } }",
        max_page=10,
    ),
    customer_case("nested_first_beyond_the_limit", "orders(first: 5000) { nodes { id } }"),
    customer_case("contacts_beyond_the_limit", "contacts(first: 1001) { id }"),
    customer_case("influences_first_zero", "influences(first: 0) { strength }"),
    Case("total_count_only", "query { customers { totalCount } }"),
    Case("page_info_only", "query { customers { pageInfo { hasNextPage } } }"),
    Case("nothing_but_typename", "query { customers { __typename } }"),
    Case(
        "nodes_and_edges",
        """
        query {
          customers(first: 3) {
            all: nodes { id name }
            edges { cursor node { id kind } }
            more: edges { node { name } }
            totalCount
          }
        }
        """,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_compiles(case: Case) -> None:
    check(case, "pages")

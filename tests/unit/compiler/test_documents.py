"""How a document is read: aliases, fragments, directives, several root fields, search, and
the operations the benchmark and the documentation use."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.compiler.support import CUSTOMER_ID, Case, check, customer_case, ids

REPO = Path(__file__).resolve().parents[3]
OPERATIONS = {
    "bench_customer_360": ("bench/operations/customer_360.graphql", {"id": CUSTOMER_ID}),
    "bench_influence_two_hop": ("bench/operations/influence_two_hop.graphql", {"id": CUSTOMER_ID}),
    "bench_list_page": (
        "bench/operations/list_page.graphql",
        {"stage": "CUSTOMER", "sourceKind": "REFERRAL"},
    ),
    "bench_search": ("bench/operations/search.graphql", {"text": "ada lov"}),
    "docs_customer_360": ("docs/examples/customer-360.graphql", {"id": CUSTOMER_ID}),
    "docs_customer_list": ("docs/examples/customer-list.graphql", {}),
    "docs_campaign_report": ("docs/examples/campaign-report.graphql", {"activeOn": "2026-03-15"}),
    "docs_morning_work_queue": (
        "docs/examples/morning-work-queue.graphql",
        {"owner": ids("emp", 3)},
    ),
}
SEARCH = "query ($text: String!) { searchCustomers(text: $text) { score customer { id } } }"

CASES = [
    *(
        Case(name, (REPO / path).read_text(), variables)
        for name, (path, variables) in OPERATIONS.items()
    ),
    customer_case(
        "aliases",
        """
        id
        label: name
        recent: orders(first: 1) { nodes { number } }
        pending: orders(status: [PENDING]) { count: totalCount }
        strong: influences(minStrength: 0.8) { strength }
        weak: influences { strength }
        """,
    ),
    customer_case(
        "one_key_selected_twice",
        """
        name
        name
        orders { totalCount }
        orders { nodes { id } }
        acquisition { at }
        acquisition { source { name } }
        """,
    ),
    customer_case(
        "typename_everywhere",
        """
        __typename
        kind: __typename
        orders { __typename nodes { __typename } edges { __typename node { __typename } } }
        acquisition { __typename source { __typename } }
        productsBought { __typename product { __typename } }
        metrics { __typename }
        """,
    ),
    Case(
        "fragment_spreads",
        """
        query ($id: ID!) { customer(id: $id) { ...Card orders { nodes { ...OrderCard } } } }
        fragment Card on Customer { id name ...Owner }
        fragment Owner on Customer { accountOwner { ...Person } }
        fragment Person on Employee { name title }
        fragment OrderCard on Order { number total { amount } }
        """,
        {"id": CUSTOMER_ID},
    ),
    Case(
        "inline_fragments_on_node",
        """
        query ($id: ID!) {
          node(id: $id) {
            id
            ... on Node { __typename }
            ... on Customer { name }
            ... on Touchpoint { kind summary customer { ... on Customer { name } } }
          }
        }
        """,
        {"id": ids("tpt", 4)},
    ),
    Case(
        "directives",
        """
        query ($id: ID!, $full: Boolean!, $brief: Boolean!) {
          customer(id: $id) {
            id
            name @include(if: $full)
            emails @skip(if: $full)
            orders @include(if: $brief) { totalCount }
            touchpoints @skip(if: $brief) { totalCount }
            ... on Customer @include(if: $full) { kind }
            ...Owner @skip(if: $full)
          }
        }
        fragment Owner on Customer { accountOwner { name } }
        """,
        {"id": CUSTOMER_ID, "full": True, "brief": False},
    ),
    Case(
        "directives_literal",
        """
        query ($id: ID!) {
          customer(id: $id) {
            id @skip(if: false)
            name @skip(if: true)
            kind @include(if: true) @skip(if: true)
          }
        }
        """,
        {"id": CUSTOMER_ID},
    ),
    Case(
        "several_root_fields",
        """
        query ($id: ID!) {
          customer(id: $id) { id name }
          other: customer(id: "cus_00000000000000000000000000000002") { id }
          customers(first: 2) { totalCount }
          products(first: 3) { sku }
        }
        """,
        {"id": CUSTOMER_ID},
    ),
    Case("search", SEARCH, {"text": "Ada Lovelace"}),
    Case(
        "search_every_field",
        """
        query { searchCustomers(text: "ada", first: 5) {
          __typename score hit: customer { id name orders { totalCount } }
        } }
        """,
    ),
    Case("search_folded_and_escaped", SEARCH, {"text": 'Bērziņš berners-l ada@x.org "a" (b)'}),
    Case("search_punctuation_only", SEARCH, {"text": "-- !!"}),
    Case("search_blank", SEARCH, {"text": "   "}),
    Case("search_too_long", SEARCH, {"text": "a" * 257}),
    Case("search_too_many_words", SEARCH, {"text": " ".join(["w"] * 33)}),
    Case("search_beyond_the_limit", 'query { searchCustomers(text: "a", first: 1001) { score } }'),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_compiles(case: Case) -> None:
    check(case, "documents")

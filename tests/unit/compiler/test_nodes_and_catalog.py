"""Reference lists (products, acquisition sources, employees) and `node` for every type."""

from __future__ import annotations

import pytest

from tests.unit.compiler.support import Case, check, ids

NODE = "query ($id: ID!) {{ node(id: $id) {{ {fields} }} }}"


def node_case(name: str, prefix: str, fields: str, viewer: str = "admin") -> Case:
    return Case(name, NODE.format(fields=fields), {"id": ids(prefix, 9)}, viewer)


CASES = [
    Case(
        "products",
        """
        query {
          products {
            __typename id sku name category active createdAt customerCount
            price { amount minorUnits currency }
            unitCost { amount currency }
            customers { id name }
          }
        }
        """,
    ),
    Case("products_first", "query { products(first: 5) { id customers(first: 2) { id } } }"),
    Case("products_first_null", "query { products(first: null) { id } }"),
    Case("products_beyond_the_limit", "query { products(first: 1001) { id } }"),
    Case("products_first_negative", "query { products(first: -1) { id } }"),
    Case(
        "products_default_beyond_a_lower_limit",
        "query { products { id } }",
        max_page=50,
    ),
    Case(
        "acquisition_sources",
        """
        query {
          acquisitionSources {
            id kind name createdAt customerCount
            customers(first: 3) { id name }
          }
        }
        """,
    ),
    Case(
        "employees",
        """
        query {
          employees(first: 10) {
            id name email title active createdAt customerCount
            customers { id name }
          }
        }
        """,
    ),
    node_case("node_customer", "cus", "__typename id ... on Customer { name kind }"),
    node_case(
        "node_order",
        "ord",
        "id ... on Order { number total { amount } items { quantity } customer { name } }",
    ),
    node_case(
        "node_order_status_history",
        "ord",
        "id ... on Order { status statusHistory { status at by reason } }",
    ),
    node_case(
        "node_order_status_history_for_a_partner",
        "ord",
        "id ... on Order { statusHistory { status at } }",
        viewer="partner",
    ),
    node_case(
        "node_complaint",
        "tpt",
        "id ... on Touchpoint { resolvedAt resolution firstContactResolution followUpAt "
        "sla { dueAt breached remaining } }",
        viewer="agent",
    ),
    node_case(
        "node_employee_service_stats",
        "emp",
        "id ... on Employee { all: serviceStats { touchpoints complaints resolved "
        "firstContactRate breaches averageSatisfaction byKind { kind count averageSatisfaction } } "
        'recent: serviceStats(since: "2026-01-01T00:00:00Z") { complaints } }',
    ),
    node_case(
        "node_touchpoint",
        "tpt",
        "id ... on Touchpoint { kind handledBy { name } customer { id } }",
    ),
    node_case(
        "node_contact",
        "con",
        "id ... on Contact { name organization { id } person { id } }",
    ),
    node_case("node_product", "prd", "id ... on Product { sku price { amount } customerCount }"),
    node_case("node_acquisition_source", "src", "id ... on AcquisitionSource { kind name }"),
    node_case("node_employee", "emp", "id ... on Employee { name customers { id } }"),
    node_case(
        "node_fragments_of_other_types",
        "ord",
        """
        __typename
        id
        ... on Customer { name }
        ... on Order { number }
        ... on Product { sku }
        """,
    ),
    Case(
        "node_named_fragments",
        """
        query ($id: ID!) { node(id: $id) { ...Identified ...Buyer } }
        fragment Identified on Node { id __typename }
        fragment Buyer on Customer { name orders(first: 1) { nodes { ...Ordered } } }
        fragment Ordered on Order { number }
        """,
        {"id": ids("cus", 9)},
    ),
    Case("node_of_no_type", 'query { node(id: "xyz_1") { id } }'),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_compiles(case: Case) -> None:
    check(case, "nodes_and_catalog")

"""What each viewer may read: personal data masked without pii:read, a partner's customers
limited to those it may see (and what hangs off them), fields forbidden to a role."""

from __future__ import annotations

import pytest

from tests.unit.compiler.support import Case, check, customer_case, ids

PERSONAL = """
id name emails phones notes
demographics { birthDate gender }
addresses { line1 line2 postalCode city }
contacts { name emails phones role }
touchpoints { nodes { summary outcome kind } }
externalIds { system value }
"""
STAFF_ONLY = """
influences { evidence strength }
influencedBy { evidence }
"""
REACHING_CUSTOMERS = """
contacts { organization { id } person { id } }
orders { nodes { customer { id } } }
touchpoints { nodes { customer { id } } }
acquisition { referrer { id } source { name } }
"""
LIST = "query { customers(first: 5) { totalCount edges { cursor node { id name emails } } } }"

CASES = [
    customer_case("admin_personal_data", PERSONAL + STAFF_ONLY),
    customer_case("agent_masked", PERSONAL + STAFF_ONLY, viewer="agent"),
    customer_case("agent_with_pii", PERSONAL + STAFF_ONLY, viewer="agent with pii:read"),
    customer_case("analyst_masked", PERSONAL, viewer="analyst"),
    customer_case("analyst_with_pii", PERSONAL, viewer="analyst with pii:read"),
    customer_case("partner_masked", PERSONAL, viewer="partner"),
    customer_case("partner_with_pii", PERSONAL, viewer="partner with pii:read"),
    customer_case("partner_reaching_customers", REACHING_CUSTOMERS, viewer="partner"),
    customer_case("admin_reaching_customers", REACHING_CUSTOMERS),
    customer_case("unmasked_fields_only", "id kind lifecycleStage", viewer="agent"),
    Case("list_admin", LIST),
    Case("list_agent", LIST, viewer="agent"),
    Case("list_partner", LIST, viewer="partner"),
    Case("list_partner_with_pii", LIST, viewer="partner with pii:read"),
    Case(
        "list_partner_filtered",
        """
        query {
          customers(filter: { kind: PERSON, acquisitionSourceKind: PARTNER }, first: 5) {
            totalCount nodes { id }
          }
        }
        """,
        viewer="partner",
    ),
    Case(
        "by_external_id_partner",
        'query { customerByExternalId(system: "crm", value: "7") { id name } }',
        viewer="partner",
    ),
    *(
        Case(
            f"partner_node_{kind}",
            "query ($id: ID!) { node(id: $id) { id __typename } }",
            {"id": ids(prefix, 2)},
            viewer="partner",
        )
        for kind, prefix in (
            ("customer", "cus"),
            ("order", "ord"),
            ("touchpoint", "tpt"),
            ("contact", "con"),
            ("product", "prd"),
            ("acquisition_source", "src"),
            ("employee", "emp"),
        )
    ),
    *(
        customer_case(f"partner_forbidden_{name}", fields, viewer="partner")
        for name, fields in (
            ("account_owner", "accountOwner { id }"),
            ("owner_history", "ownerHistory { since }"),
            ("influences", "influences { strength }"),
            ("influenced_by", "influencedBy { strength }"),
            ("contact_of", "contactOf { id }"),
            ("handled_by", "touchpoints { nodes { handledBy { id } } }"),
            ("source_customers", "acquisition { source { customers { id } } }"),
            ("source_customer_count", "acquisition { source { customerCount } }"),
            ("product_customers", "orders { nodes { items { product { customers { id } } } } }"),
            ("product_customer_count", "productsBought { product { customerCount } }"),
        )
    ),
    Case("partner_employees", "query { employees { id } }", viewer="partner"),
    Case("partner_products", "query { products { id sku price { amount } } }", viewer="partner"),
    Case(
        "partner_sources",
        "query { acquisitionSources { id name } }",
        viewer="partner with pii:read",
    ),
    Case("agent_employees", "query { employees { id name customers { name } } }", viewer="agent"),
    Case(
        "search_partner",
        'query { searchCustomers(text: "ada") { score customer { id name } } }',
        viewer="partner with pii:read",
    ),
    Case(
        "search_agent",
        'query { searchCustomers(text: "ada") { score customer { id } } }',
        viewer="agent",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_compiles(case: Case) -> None:
    check(case, "access")

"""Every field of a customer and of the objects reached from it, as an admin reads them."""

from __future__ import annotations

import pytest

from tests.unit.compiler.support import CUSTOMER_ID, Case, check, customer_case, ids

ORDER_FIELDS = """
    id number system status placedAt paymentMethod currency invoiceDueDate paidAt
    total { amount minorUnits currency }
"""
TOUCHPOINT_FIELDS = """
    id channel direction kind occurredAt summary outcome satisfaction resolved
"""

CASES = [
    customer_case(
        "scalars",
        """
        __typename id kind name emails phones interests notes lifecycleStage
        createdAt updatedAt
        """,
    ),
    customer_case(
        "demographics",
        """
        demographics {
          birthDate gender occupation incomeBand householdSize industry employeeCount
        }
        """,
    ),
    customer_case("preferences", "preferences { preferredChannel preferredLanguage doNotContact }"),
    customer_case("external_ids", "externalIds { system value }"),
    customer_case("addresses", "addresses { kind line1 line2 city postalCode region country }"),
    customer_case(
        "contacts",
        """
        contacts {
          id name role emails phones channels
          organization { id name }
          person { id name }
        }
        """,
    ),
    customer_case("contacts_first", "contacts(first: 5) { id name }"),
    customer_case("contact_of", "contactOf { id name organization { id name } }"),
    customer_case(
        "acquisition",
        """
        acquisition {
          at
          source { id kind name createdAt }
          referrer { id name }
        }
        """,
    ),
    customer_case(
        "account_owner", "accountOwner { id name email title active createdAt customerCount }"
    ),
    customer_case("owner_history", "ownerHistory { since until employee { id name } }"),
    customer_case(
        "orders",
        f"""
        orders {{
          totalCount
          edges {{ cursor node {{ {ORDER_FIELDS} }} }}
          pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
        }}
        """,
    ),
    customer_case(
        "order_items",
        """
        orders(first: 5) {
          nodes {
            number
            items {
              quantity
              unitPrice { amount currency }
              total { amount minorUnits currency }
              product { id sku name }
            }
          }
        }
        """,
    ),
    customer_case("order_customer", "orders { nodes { id customer { id name } } }"),
    customer_case(
        "orders_by_status", "orders(status: [PENDING, COMPLETED]) { totalCount nodes { id } }"
    ),
    customer_case("orders_no_status", "orders(status: []) { totalCount nodes { id } }"),
    customer_case(
        "touchpoints",
        f"""
        touchpoints {{
          totalCount
          edges {{
            cursor
            node {{ {TOUCHPOINT_FIELDS} handledBy {{ id name }} customer {{ id name }} }}
          }}
        }}
        """,
    ),
    Case(
        "touchpoints_filtered",
        """
        query ($id: ID!, $since: DateTime, $until: DateTime) {
          customer(id: $id) {
            touchpoints(
              channels: [PHONE, EMAIL, PHONE]
              kinds: [COMPLAINT]
              since: $since
              until: $until
              first: 5
            ) {
              totalCount
              nodes { id kind }
            }
          }
        }
        """,
        {"id": CUSTOMER_ID, "since": "2026-01-01T00:00:00Z", "until": "2026-07-01T02:00:00+02:00"},
    ),
    customer_case("influences", "influences { strength kind since evidence customer { id name } }"),
    customer_case(
        "influences_strong", "influences(minStrength: 0.5, first: 3) { strength customer { id } }"
    ),
    customer_case(
        "influenced_by", "influencedBy { strength kind since evidence customer { id name } }"
    ),
    customer_case(
        "products_bought",
        """
        productsBought {
          quantity
          revenue { amount currency }
          lastPurchasedAt
          product { id sku name price { amount } }
        }
        """,
    ),
    customer_case(
        "metrics",
        """
        metrics {
          __typename
          lifetimeRevenue { amount currency }
          orderCount
          averageOrderValue { amount currency }
          firstPurchaseAt
          lastPurchaseAt
          lastContactAt
          openComplaints
        }
        """,
    ),
    customer_case("metrics_counts", "metrics { orderCount openComplaints }"),
    customer_case("consent", "consent { purpose channel status at source }"),
    customer_case("consent_history", "consentHistory { purpose channel status at source }"),
    customer_case(
        "everything_once",
        """
        id name
        demographics { gender }
        preferences { doNotContact }
        externalIds { value }
        addresses { city }
        contacts { name }
        contactOf { name }
        acquisition { at }
        accountOwner { name }
        ownerHistory { since }
        orders { totalCount }
        touchpoints { totalCount }
        influences { strength }
        influencedBy { strength }
        productsBought { quantity }
        metrics { orderCount }
        consent { status }
        consentHistory { status }
        """,
    ),
    Case(
        "lifecycle_by_node",
        "query ($id: ID!) { node(id: $id) { ... on Customer { "
        "lifecycleStage convertedAt lifecycleHistory { stage at by reason } } } }",
        {"id": CUSTOMER_ID},
    ),
    Case(
        "lifecycle_by_node_partner",
        "query ($id: ID!) { node(id: $id) { ... on Customer { "
        "lifecycleStage convertedAt lifecycleHistory { stage at reason } } } }",
        {"id": CUSTOMER_ID},
        "partner",
    ),
    Case(
        "lifecycle_by_node_partner_by",
        "query ($id: ID!) { node(id: $id) { ... on Customer { lifecycleHistory { by } } } }",
        {"id": CUSTOMER_ID},
        "partner",
    ),
    Case(
        "by_external_id",
        """
        query {
          customerByExternalId(system: "shop", value: "A-17") {
            id name externalIds { system value }
          }
        }
        """,
    ),
    Case(
        "by_external_id_without_value",
        'query { customerByExternalId(system: "shop", value: "") { id } }',
    ),
    Case(
        "id_of_another_type",
        "query ($id: ID!) { customer(id: $id) { id } }",
        {"id": ids("ord", 1)},
    ),
    Case("id_of_nothing", 'query { customer(id: "nonsense") { id } }'),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_compiles(case: Case) -> None:
    check(case, "customer_fields")

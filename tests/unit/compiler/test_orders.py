"""The root order list: every filter field, every sort, cursors, bounds, and what a partner
and a viewer without pii:read read. Compiled with the business's date `support.TODAY`."""

from __future__ import annotations

from typing import Any

import pytest

from cdp import bounds
from cdp.compiler.pagination import encode_cursor
from tests.unit.compiler.support import Case, check, ids

PAGE = "totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }"
LIST = "query ($filter: OrderFilter) {{ orders(filter: $filter{more}) {{ {fields} }} }}"
AFTER = "query ($after: String) {{ orders(orderBy: {sort}, first: 2, after: $after) {{ {page} }} }}"
SORTS = (
    "PLACED_AT_DESC",
    "PLACED_AT_ASC",
    "DUE_DATE_ASC",
    "DUE_DATE_DESC",
    "TOTAL_ASC",
    "TOTAL_DESC",
)


def filtered(
    name: str,
    spec: dict[str, Any] | None,
    viewer: str = "admin",
    fields: str = "totalCount nodes { id }",
    more: str = "",
) -> Case:
    return Case(name, LIST.format(fields=fields, more=more), {"filter": spec}, viewer)


def after(name: str, sort: str, *values: object, viewer: str = "admin") -> Case:
    cursor = encode_cursor(sort, [*values, ids("ord", 7)])
    page = "edges { cursor node { id } } pageInfo { hasNextPage endCursor }"
    return Case(name, AFTER.format(sort=sort, page=page), {"after": cursor}, viewer)


CASES = [
    Case("default", f"query {{ orders {{ {PAGE} }} }}"),
    *(
        Case(f"sort_{sort.lower()}", f"query {{ orders(orderBy: {sort}) {{ {PAGE} }} }}")
        for sort in SORTS
    ),
    filtered("status", {"status": ["PENDING", "COMPLETED", "PENDING"]}),
    filtered("status_empty", {"status": []}),
    filtered("status_too_long", {"status": ["PENDING"] * (bounds.CHOICES + 1)}),
    filtered("unpaid", {"unpaid": True}),
    filtered("paid", {"unpaid": False}),
    filtered("overdue", {"overdue": True}),
    filtered("not_overdue", {"overdue": False}),
    filtered("account_owner", {"accountOwner": ids("emp", 4)}),
    filtered("customer", {"customer": ids("cus", 1)}),
    filtered("placed_after", {"placedAfter": "2026-01-01T00:00:00+01:00"}),
    filtered("placed_before", {"placedBefore": "2026-02-01T00:00:00Z"}),
    filtered("due_before", {"dueBefore": "2026-03-01"}),
    filtered("null_fields_filter_nothing", {"status": None, "overdue": None, "customer": None}),
    filtered("no_filter", None),
    filtered(
        "every_field",
        {
            "status": ["COMPLETED"],
            "unpaid": True,
            "overdue": True,
            "accountOwner": ids("emp", 4),
            "customer": ids("cus", 1),
            "placedAfter": "2026-01-01T00:00:00Z",
            "placedBefore": "2026-03-01T00:00:00Z",
            "dueBefore": "2026-03-05",
        },
        more=", orderBy: DUE_DATE_ASC",
    ),
    filtered(
        "overdue_page_without_count",
        {"overdue": True},
        fields="edges { cursor node { id number invoiceDueDate } }",
        more=", orderBy: DUE_DATE_ASC, first: 10",
    ),
    after("after_placed_at", "PLACED_AT_DESC", "2026-02-01T09:30:00Z"),
    after("after_due_date", "DUE_DATE_ASC", "2026-03-01"),
    after("after_no_due_date_desc", "DUE_DATE_DESC", "0001-01-01"),
    after("after_total", "TOTAL_DESC", 125000),
    Case(
        "after_a_cursor_of_the_customer_orders",
        AFTER.format(sort="PLACED_AT_DESC", page="nodes { id }"),
        {"after": encode_cursor("NEWEST", ["2026-02-01T09:30:00Z", ids("ord", 7)])},
    ),
    Case(
        "after_a_cursor_of_wrong_values",
        AFTER.format(sort="DUE_DATE_ASC", page="nodes { id }"),
        {"after": encode_cursor("DUE_DATE_ASC", ["2026-02-30", ids("ord", 7)])},
    ),
    Case(
        "after_a_foreign_cursor",
        AFTER.format(sort="TOTAL_ASC", page="nodes { id }"),
        {"after": "not-a-cursor"},
    ),
    Case("first_zero", "query { orders(first: 0) { totalCount nodes { id } } }"),
    Case("first_beyond_the_limit", "query { orders(first: 1001) { nodes { id } } }"),
    Case("first_beyond_a_lower_limit", "query { orders(first: 60) { nodes { id } } }", max_page=50),
    Case(
        "order_fields",
        """
        query {
          orders(first: 5) {
            nodes {
              id number system status placedAt paymentMethod currency invoiceDueDate paidAt
              total { amount currency }
              items { quantity product { sku } }
              customer { id name }
            }
          }
        }
        """,
    ),
    Case(
        "customer_name_masked_for_an_analyst",
        "query { orders(first: 5) { nodes { id customer { id name emails } } } }",
        viewer="analyst",
    ),
    filtered("agent_overdue", {"overdue": True}, viewer="agent"),
    Case(
        "partner",
        f"query {{ orders {{ {PAGE} nodes {{ customer {{ id }} }} }} }}",
        viewer="partner",
    ),
    filtered(
        "partner_filtered",
        {"customer": ids("cus", 1), "overdue": True},
        viewer="partner",
    ),
    filtered("partner_by_account_owner", {"accountOwner": ids("emp", 4)}, viewer="partner"),
    filtered(
        "partner_with_pii_by_account_owner",
        {"accountOwner": ids("emp", 4)},
        viewer="partner with pii:read",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_compiles(case: Case) -> None:
    check(case, "orders")

"""The root touchpoint list: every filter field, every sort, cursors, bounds, and what a partner
and a viewer without pii:read read."""

from __future__ import annotations

from typing import Any

import pytest

from cdp import bounds
from cdp.compiler.pagination import encode_cursor
from tests.unit.compiler.support import Case, check, ids

PAGE = "totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }"
LIST = "query ($filter: TouchpointFilter) {{ touchpoints(filter: $filter{more}) {{ {fields} }} }}"
AFTER = (
    "query ($after: String) "
    "{{ touchpoints(orderBy: {sort}, first: 2, after: $after) {{ {page} }} }}"
)
SORTS = ("OCCURRED_AT_DESC", "OCCURRED_AT_ASC", "DUE_AT_ASC")
# The filters a partner may not use: how complaints are handled, and who owns the account.
STAFF_ONLY = {
    "open": ("open", True),
    "sla_breached": ("slaBreached", False),
    "handled_by": ("handledBy", ids("emp", 3)),
    "account_owner": ("accountOwner", ids("emp", 4)),
    "follow_up_due": ("followUpDue", True),
}


def filtered(
    name: str,
    spec: dict[str, Any] | None,
    viewer: str = "admin",
    fields: str = "totalCount nodes { id }",
    more: str = "",
) -> Case:
    return Case(name, LIST.format(fields=fields, more=more), {"filter": spec}, viewer)


def after(name: str, sort: str, *values: object, viewer: str = "admin") -> Case:
    cursor = encode_cursor(sort, [*values, ids("tpt", 7)])
    page = "edges { cursor node { id } } pageInfo { hasNextPage endCursor }"
    return Case(name, AFTER.format(sort=sort, page=page), {"after": cursor}, viewer)


CASES = [
    Case("default", f"query {{ touchpoints {{ {PAGE} }} }}"),
    *(
        Case(f"sort_{sort.lower()}", f"query {{ touchpoints(orderBy: {sort}) {{ {PAGE} }} }}")
        for sort in SORTS
    ),
    filtered("kind", {"kind": ["COMPLAINT", "INQUIRY", "COMPLAINT"]}),
    filtered("kind_empty", {"kind": []}),
    filtered("kind_too_long", {"kind": ["SALE"] * (bounds.CHOICES + 1)}),
    filtered("channel", {"channel": ["EMAIL", "PHONE"]}),
    filtered("channel_too_long", {"channel": ["EMAIL"] * (bounds.CHOICES + 1)}),
    filtered("direction", {"direction": "OUTBOUND"}),
    filtered("open", {"open": True}),
    filtered("not_open", {"open": False}),
    filtered("sla_breached", {"slaBreached": True}),
    filtered("sla_not_breached", {"slaBreached": False}),
    filtered("handled_by", {"handledBy": ids("emp", 3)}),
    filtered("account_owner", {"accountOwner": ids("emp", 4)}),
    filtered("customer", {"customer": ids("cus", 1)}),
    filtered("since", {"since": "2026-01-01T00:00:00+01:00"}),
    filtered("until", {"until": "2026-02-01T00:00:00Z"}),
    filtered("follow_up_due", {"followUpDue": True}),
    filtered("follow_up_not_due", {"followUpDue": False}),
    filtered(
        "null_fields_filter_nothing",
        {"kind": None, "open": None, "slaBreached": None, "customer": None, "followUpDue": None},
    ),
    filtered("no_filter", None),
    filtered(
        "every_field",
        {
            "kind": ["COMPLAINT"],
            "channel": ["PHONE"],
            "direction": "INBOUND",
            "open": True,
            "slaBreached": True,
            "handledBy": ids("emp", 3),
            "accountOwner": ids("emp", 4),
            "customer": ids("cus", 1),
            "since": "2026-01-01T00:00:00Z",
            "until": "2026-03-01T00:00:00Z",
            "followUpDue": False,
        },
        more=", orderBy: DUE_AT_ASC",
    ),
    filtered(
        "open_page_without_count",
        {"open": True},
        fields="edges { cursor node { id kind sla { dueAt breached } } }",
        more=", orderBy: DUE_AT_ASC, first: 10",
    ),
    after("after_occurred_at", "OCCURRED_AT_DESC", "2026-02-01T09:30:00Z"),
    after("after_occurred_at_asc", "OCCURRED_AT_ASC", "2026-02-01T09:30:00+01:00"),
    after("after_due_at", "DUE_AT_ASC", "2026-03-01T17:00:00Z"),
    after("after_no_due_at", "DUE_AT_ASC", "9999-12-31T23:59:59Z"),
    Case(
        "after_a_cursor_of_the_customer_touchpoints",
        AFTER.format(sort="OCCURRED_AT_DESC", page="nodes { id }"),
        {"after": encode_cursor("NEWEST", ["2026-02-01T09:30:00Z", ids("tpt", 7)])},
    ),
    Case(
        "after_a_cursor_of_wrong_values",
        AFTER.format(sort="DUE_AT_ASC", page="nodes { id }"),
        {"after": encode_cursor("DUE_AT_ASC", ["2026-02-30T10:00:00Z", ids("tpt", 7)])},
    ),
    Case(
        "after_a_foreign_cursor",
        AFTER.format(sort="OCCURRED_AT_ASC", page="nodes { id }"),
        {"after": "not-a-cursor"},
    ),
    Case("first_zero", "query { touchpoints(first: 0) { totalCount nodes { id } } }"),
    Case("first_beyond_the_limit", "query { touchpoints(first: 1001) { nodes { id } } }"),
    Case(
        "first_beyond_a_lower_limit",
        "query { touchpoints(first: 60) { nodes { id } } }",
        max_page=50,
    ),
    Case(
        "touchpoint_fields",
        """
        query {
          touchpoints(first: 5) {
            nodes {
              id channel direction kind occurredAt summary outcome satisfaction resolved
              resolvedAt resolution firstContactResolution followUpAt
              sla { dueAt breached remaining }
              handledBy { id name }
              customer { id name }
            }
          }
        }
        """,
    ),
    Case(
        "masked_for_an_analyst",
        "query { touchpoints{ nodes { summary outcome resolution customer { name } } } }",
        viewer="analyst",
    ),
    filtered("agent_open", {"open": True}, viewer="agent"),
    Case(
        "partner",
        f"query {{ touchpoints {{ {PAGE} nodes {{ summary customer {{ id }} }} }} }}",
        viewer="partner",
    ),
    filtered(
        "partner_filtered",
        {
            "customer": ids("cus", 1),
            "kind": ["COMPLAINT"],
            "channel": ["EMAIL"],
            "direction": "INBOUND",
            "since": "2026-01-01T00:00:00Z",
            "until": "2026-03-01T00:00:00Z",
        },
        viewer="partner",
        more=", orderBy: OCCURRED_AT_ASC",
    ),
    *(
        filtered(f"partner_by_{name}", {field: value}, viewer="partner")
        for name, (field, value) in STAFF_ONLY.items()
    ),
    filtered(
        "partner_with_pii_by_sla_breached",
        {"slaBreached": True},
        viewer="partner with pii:read",
    ),
    filtered("partner_by_open_null", {"open": None}, viewer="partner"),
    Case(
        "partner_sorted_by_due_at",
        "query { touchpoints(orderBy: DUE_AT_ASC) { nodes { id } } }",
        viewer="partner",
    ),
    Case(
        "partner_reads_the_sla",
        "query { touchpoints { nodes { id sla { breached } } } }",
        viewer="partner",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_compiles(case: Case) -> None:
    check(case, "touchpoints")

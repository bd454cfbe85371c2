"""Every condition of `CustomerFilter`, alone and nested, and the filter's bounds."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.compiler.support import Case, check, ids

LIST = "query ($filter: CustomerFilter) {{ customers(filter: $filter{more}) {{ {fields} }} }}"


def filtered(
    name: str,
    spec: dict[str, Any],
    viewer: str = "admin",
    fields: str = "totalCount nodes { id }",
    more: str = "",
) -> Case:
    return Case(name, LIST.format(fields=fields, more=more), {"filter": spec}, viewer)


def nested(depth: int) -> dict[str, Any]:
    spec: dict[str, Any] = {"kind": "PERSON"}
    for _ in range(depth):
        spec = {"NOT": spec}
    return spec


CASES = [
    filtered("name_equals", {"name": {"equals": "Ada Lovelace"}}),
    filtered("name_contains", {"name": {"contains": "LOVE"}}),
    filtered("name_starts_with", {"name": {"startsWith": "Ad"}}),
    filtered(
        "name_every_operator", {"name": {"equals": "Ada", "contains": "d", "startsWith": "A"}}
    ),
    filtered("name_no_operator", {"name": {}}),
    filtered("email_equals", {"email": {"equals": "Ada@Example.org"}}),
    filtered(
        "email_contains_and_starts_with", {"email": {"contains": "EXAMPLE", "startsWith": "a"}}
    ),
    filtered("lifecycle_stage", {"lifecycleStage": ["CUSTOMER", "LEAD"]}),
    filtered("lifecycle_stage_empty", {"lifecycleStage": []}),
    filtered("kind", {"kind": "ORGANIZATION"}),
    filtered("acquisition_source_id", {"acquisitionSourceId": ids("src", 3)}),
    filtered("acquisition_source_kind", {"acquisitionSourceKind": "REFERRAL"}),
    filtered(
        "acquisition_source_id_and_kind",
        {"acquisitionSourceId": ids("src", 3), "acquisitionSourceKind": "CAMPAIGN"},
    ),
    filtered(
        "acquisition_inside_and",
        {"AND": [{"acquisitionSourceId": ids("src", 3)}, {"acquisitionSourceKind": "EVENT"}]},
    ),
    filtered("account_owner", {"accountOwnerId": ids("emp", 4)}),
    filtered(
        "created_at_range",
        {"createdAt": {"gte": "2025-01-01T00:00:00Z", "lt": "2026-01-01T00:00:00+01:00"}},
    ),
    filtered("created_at_since", {"createdAt": {"gte": "2025-06-30T12:00:00"}}),
    filtered("has_order_with_status", {"hasOrderWithStatus": "UNREALIZED"}),
    filtered("bought_product", {"boughtProductId": ids("prd", 5)}),
    filtered("influences", {"influences": {"lifecycleStage": ["CUSTOMER"]}}),
    filtered("influences_anyone", {"influences": {}}),
    filtered("influenced_by", {"influencedBy": {"name": {"contains": "a"}, "kind": "PERSON"}}),
    filtered(
        "influence_two_hops",
        {"influences": {"influencedBy": {"acquisitionSourceKind": "SOCIAL"}}},
    ),
    filtered("and", {"AND": [{"kind": "PERSON"}, {"lifecycleStage": ["LEAD"]}]}),
    filtered("and_empty", {"AND": []}),
    filtered("or", {"OR": [{"kind": "PERSON"}, {"hasOrderWithStatus": "COMPLETED"}]}),
    filtered("or_empty", {"OR": []}),
    filtered("or_of_an_empty_filter", {"OR": [{}, {"kind": "PERSON"}]}),
    filtered("not", {"NOT": {"lifecycleStage": ["FORMER"]}}),
    filtered("not_empty", {"NOT": {}}),
    filtered(
        "nested_and_or_not",
        {
            "lifecycleStage": ["CUSTOMER"],
            "OR": [
                {"acquisitionSourceKind": "REFERRAL"},
                {"AND": [{"kind": "ORGANIZATION"}, {"NOT": {"email": {"contains": "@old."}}}]},
                {"influencedBy": {"OR": [{"name": {"startsWith": "B"}}, {"NOT": {}}]}},
            ],
            "NOT": {"hasOrderWithStatus": "UNREALIZED"},
        },
    ),
    filtered("null_conditions", {"name": None, "kind": None, "OR": None, "NOT": None}),
    Case(
        "inline_filter",
        """
        query {
          customers(filter: { kind: PERSON, createdAt: { lt: "2026-01-01T00:00:00Z" } }) {
            nodes { id }
          }
        }
        """,
    ),
    filtered(
        "without_total_count",
        {"kind": "PERSON"},
        fields="edges { cursor node { id } } pageInfo { hasNextPage }",
    ),
    filtered(
        "acquisition_with_total_count_and_sort",
        {"acquisitionSourceKind": "WEBSITE"},
        fields="totalCount edges { node { id } }",
        more=", orderBy: LIFETIME_REVENUE_DESC, first: 5",
    ),
    filtered("nested_five_deep", nested(5)),
    filtered("nested_too_deep", nested(6)),
    filtered("too_many_branches", {"OR": [{"kind": "PERSON"}] * 21}),
    filtered(
        "too_many_conditions",
        {"AND": [{"OR": [{"kind": "PERSON"}] * 10} for _ in range(10)]},
    ),
    filtered("text_too_long", {"name": {"contains": "a" * 501}}),
    filtered("stage_list_too_long", {"lifecycleStage": ["LEAD"] * 51}),
    filtered("by_a_partner", {"influences": {"kind": "PERSON"}}, viewer="partner"),
    filtered("partner_by_account_owner", {"accountOwnerId": ids("emp", 4)}, viewer="partner"),
    filtered(
        "partner_by_account_owner_nested",
        {"OR": [{"kind": "PERSON"}, {"influences": {"accountOwnerId": ids("emp", 4)}}]},
        viewer="partner with pii:read",
    ),
    filtered("agent_by_name", {"name": {"equals": "Ada"}}, viewer="agent"),
    filtered(
        "agent_by_email_nested", {"OR": [{"NOT": {"email": {"contains": "x"}}}]}, viewer="agent"
    ),
    filtered("agent_by_stage", {"lifecycleStage": ["LEAD"]}, viewer="agent"),
    filtered(
        "analyst_with_pii_by_name", {"name": {"contains": "x"}}, viewer="analyst with pii:read"
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_compiles(case: Case) -> None:
    check(case, "filters")

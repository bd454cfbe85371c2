"""Goals compiled: the root list with each filter, its pages, a goal's progress (every metric
and scope are branches of one expression, so one statement shows them all), its actions, the
goals of a customer and an employee, and the refusals a partner gets. Compiled with the
business's date `support.TODAY`."""

from __future__ import annotations

from typing import Any

import pytest

from cdp import bounds
from cdp.compiler.pagination import encode_cursor
from tests.unit.compiler.support import Case, check, customer_case, ids

LIST = "query ($filter: GoalFilter) { goals(filter: $filter) { totalCount nodes { id } } }"
GOAL = "query ($id: ID!) {{ node(id: $id) {{ ... on Goal {{ {fields} }} }} }}"
GOAL_ID = ids("gol", 1)
EVERY_FIELD = (
    "id metric scope customer { id } owner { id } period { from to } "
    "target { money { amount currency } count } "
    "progress { actual { money { amount } count } ratio onTrack } "
    "actions(first: 5) { id occurredAt summary } createdAt createdBy updatedAt"
)


def filtered(name: str, spec: dict[str, Any] | None, viewer: str = "admin") -> Case:
    return Case(name, LIST, {"filter": spec}, viewer)


def goal(name: str, fields: str, viewer: str = "admin") -> Case:
    return Case(name, GOAL.format(fields=fields), {"id": GOAL_ID}, viewer)


CASES = [
    Case(
        "default",
        "query { goals { totalCount edges { cursor node { id } } "
        "pageInfo { hasNextPage endCursor } } }",
    ),
    filtered("no_filter", None),
    filtered("owner", {"owner": ids("emp", 2)}),
    filtered("customer", {"customer": ids("cus", 3)}),
    filtered("metric", {"metric": ["REVENUE", "NEW_CUSTOMERS", "REVENUE"]}),
    filtered("metric_empty", {"metric": []}),
    filtered("metric_too_long", {"metric": ["REVENUE"] * (bounds.CHOICES + 1)}),
    filtered("scope", {"scope": ["BUSINESS"]}),
    filtered("active_on", {"activeOn": "2026-03-15"}),
    filtered("on_track", {"onTrack": True}),
    filtered("off_track", {"onTrack": False}),
    filtered(
        "every_filter",
        {
            "owner": ids("emp", 2),
            "metric": ["ORDER_COUNT"],
            "activeOn": "2026-03-15",
            "onTrack": False,
        },
    ),
    Case(
        "after_a_cursor",
        "query ($after: String) { goals(first: 2, after: $after) { nodes { id } } }",
        {"after": encode_cursor("PERIOD_DESC", ["2026-03-01", ids("gol", 9)])},
    ),
    Case("partner", "query { goals { totalCount } }", viewer="partner"),
    goal("every_field", EVERY_FIELD),
    goal("progress", "progress { actual { money { amount currency } count } ratio onTrack }"),
    goal("progress_on_track_only", "progress { onTrack }"),
    goal("target", "target { money { amount currency } count }"),
    goal("actions_masked_for_an_agent", "actions { id summary outcome }", viewer="agent"),
    goal("actions_too_many", "actions(first: 100000) { id }"),
    goal("analyst", "id progress { ratio }", viewer="analyst"),
    goal("partner_by_id", "id", viewer="partner"),
    customer_case("customer_goals", "goals { id metric progress { onTrack } }"),
    customer_case("customer_goals_partner", "goals { id }", viewer="partner"),
    Case(
        "employee_goals",
        "query ($id: ID!) { node(id: $id) { ... on Employee { goals { id target { count } } } } }",
        {"id": ids("emp", 2)},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_goals(case: Case) -> None:
    check(case, "goals")

"""Campaigns compiled: the root list with each filter and its pages, one campaign by id with
every field (its leads by first touch, conversions, revenue and a trade promotion's lift are
expressions of one statement), the campaign of a source and of a touchpoint, and the refusals
a partner gets."""

from __future__ import annotations

from typing import Any

import pytest

from cdp import bounds
from cdp.compiler.pagination import encode_cursor
from tests.unit.compiler.support import Case, check, ids

LIST = "query ($filter: CampaignFilter) { campaigns(filter: $filter) { totalCount nodes { id } } }"
ONE = "query ($id: ID!) {{ campaign(id: $id) {{ {fields} }} }}"
CAMPAIGN_ID = ids("cmp", 1)
EVERY_FIELD = (
    "id name kind channel period { from to } budget { amount currency } deal "
    "acquisitionSource { id name } touchpoints(first: 3) { id } touchpointCount "
    "leads(first: 5) { id name } leadCount conversions conversionRate revenue { amount } "
    "products { id } participants(first: 5) { id } "
    "lift { during { amount } before { amount } ratio "
    "byCustomer { customer { id } during { amount } before { amount } ratio } } "
    "createdAt createdBy updatedAt"
)


def filtered(name: str, spec: dict[str, Any] | None) -> Case:
    return Case(name, LIST, {"filter": spec})


def campaign(name: str, fields: str, viewer: str = "admin", campaign_id: str = CAMPAIGN_ID) -> Case:
    return Case(name, ONE.format(fields=fields), {"id": campaign_id}, viewer)


CASES = [
    Case(
        "default",
        "query { campaigns { totalCount edges { cursor node { id } } "
        "pageInfo { hasNextPage endCursor } } }",
    ),
    filtered("kind", {"kind": ["TRADE_PROMOTION"]}),
    filtered("channel_empty", {"channel": []}),
    filtered("kind_too_long", {"kind": ["MARKETING"] * (bounds.CHOICES + 1)}),
    filtered(
        "every_filter", {"kind": ["MARKETING"], "channel": ["EMAIL"], "activeOn": "2026-03-15"}
    ),
    Case(
        "after_a_cursor",
        "query ($after: String) { campaigns(first: 2, after: $after) { nodes { id } } }",
        {"after": encode_cursor("PERIOD_DESC", ["2026-03-01", ids("cmp", 9)])},
    ),
    Case("partner", "query { campaigns { totalCount } }", viewer="partner"),
    campaign("every_field", EVERY_FIELD),
    campaign("results", "leadCount conversions revenue { amount currency }"),
    campaign("leads_masked_for_an_agent", "leads { id name }", viewer="agent"),
    campaign("lift", "lift { ratio byCustomer { customer { name } ratio } }"),
    campaign("another_kind_of_id", "id", campaign_id=ids("cus", 1)),
    campaign("partner_by_id", "id", viewer="partner"),
    Case(
        "node_partner",
        "query ($id: ID!) { node(id: $id) { ... on Campaign { id } } }",
        {"id": CAMPAIGN_ID},
        "partner",
    ),
    Case(
        "source_campaign",
        "query { acquisitionSources { id campaign { id name } } }",
    ),
    Case(
        "touchpoint_campaign",
        "query ($id: ID!) { node(id: $id) { ... on Touchpoint { campaign { id name } } } }",
        {"id": ids("tpt", 1)},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_campaigns(case: Case) -> None:
    check(case, "campaigns")

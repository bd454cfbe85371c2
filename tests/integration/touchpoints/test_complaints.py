"""Complaints: their service level, who handles them, resolving them once, and staff figures.

The test service counts business hours in UTC (CDP_BUSINESS_TIMEZONE's default), Monday to
Friday, 09:00 to 17:00.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from tests.support.api import Json, codes
from tests.support.mutations import Api, iso

SLA = "sla { dueAt breached remaining }"
TOUCHPOINT = f"""
kind resolved resolvedAt resolution firstContactResolution followUpAt {SLA}
handledBy {{ id }} summary outcome satisfaction
"""
RESOLVE = (
    "mutation($id: ID!, $resolution: String!, $first: Boolean) "
    "{ resolveComplaint(id: $id, resolution: $resolution, firstContact: $first) "
    f"{{ {TOUCHPOINT} }} }}"
)
UPDATE = (
    "mutation($id: ID!, $input: TouchpointPatch!) "
    f"{{ updateTouchpoint(id: $id, input: $input) {{ {TOUCHPOINT} }} }}"
)
WEDNESDAY_9 = "2026-03-04T09:00:00Z"
SATURDAY_NIGHT = "2026-03-07T23:00:00Z"


async def complaint(api: Api, customer: str, **extra: object) -> str:
    return await api.record_touchpoint(customer, kind="COMPLAINT", **extra)


async def read(api: Api, touchpoint: str) -> Json:
    found = await api.node(touchpoint, f"... on Touchpoint {{ {TOUCHPOINT} }}")
    assert found is not None
    return found


@pytest.fixture
async def owner(api: Api) -> str:
    return await api.create_employee("Erin Owner")


@pytest.fixture
async def customer(api: Api, owner: str) -> str:
    customer = await api.create_customer("Buyer", lifecycleStage="CUSTOMER")
    await api.data(
        "mutation($c: ID!, $e: ID!) { assignAccountOwner(customerId: $c, employeeId: $e) { id } }",
        {"c": customer, "e": owner},
    )
    return customer


# --- the service level ------------------------------------------------------------------------


async def test_a_customer_s_complaint_is_due_within_a_business_day(
    api: Api, customer: str, owner: str
) -> None:
    touchpoint = await complaint(api, customer, occurredAt=WEDNESDAY_9)
    found = await read(api, touchpoint)
    assert found["sla"]["dueAt"] == "2026-03-04T17:00:00+00:00"
    assert found["sla"]["breached"] is True  # open, and long past it
    assert found["sla"]["remaining"] < -200 * 24 * 3600
    # Nobody was named: the account owner handles it.
    assert found["handledBy"] == {"id": owner}


async def test_a_key_account_is_answered_within_hours_around_the_clock(api: Api) -> None:
    key_account = await api.create_customer("Big Co", lifecycleStage="CUSTOMER", keyAccount=True)
    weekend = await complaint(api, key_account, occurredAt=SATURDAY_NIGHT)
    assert (await read(api, weekend))["sla"]["dueAt"] == "2026-03-08T03:00:00+00:00"
    now = await complaint(api, key_account)
    sla = (await read(api, now))["sla"]
    assert sla["breached"] is False
    assert 4 * 3600 - 120 <= sla["remaining"] <= 4 * 3600
    assert (await read(api, now))["handledBy"] is None  # no owner, nobody named


async def test_the_table_is_read_when_the_complaint_is_recorded(api: Api, customer: str) -> None:
    """A later change of the customer (here: becoming a key account) does not move the due
    time of a complaint already recorded."""
    touchpoint = await complaint(api, customer, occurredAt=WEDNESDAY_9)
    await api.data(
        "mutation($id: ID!) { updateCustomer(id: $id, input: {keyAccount: true}) { keyAccount } }",
        {"id": customer},
    )
    assert (await read(api, touchpoint))["sla"]["dueAt"] == "2026-03-04T17:00:00+00:00"
    later = await complaint(api, customer, occurredAt=WEDNESDAY_9)
    assert (await read(api, later))["sla"]["dueAt"] == "2026-03-04T13:00:00+00:00"


async def test_other_touchpoints_have_no_service_level(api: Api, customer: str) -> None:
    inquiry = await api.record_touchpoint(customer, occurredAt=WEDNESDAY_9)
    found = await read(api, inquiry)
    assert found["sla"] is None
    assert found["handledBy"] is None  # only complaints go to the owner by default


async def test_a_named_handler_is_kept(api: Api, customer: str) -> None:
    other = await api.create_employee("Sam Service")
    touchpoint = await complaint(api, customer, handledById=other)
    assert (await read(api, touchpoint))["handledBy"] == {"id": other}


# --- resolving --------------------------------------------------------------------------------


async def test_a_complaint_is_resolved_once(api: Api, customer: str) -> None:
    touchpoint = await complaint(api, customer, occurredAt=WEDNESDAY_9)
    open_complaints = "metrics { openComplaints }"
    assert await api.customer(customer, open_complaints) == {"metrics": {"openComplaints": 1}}

    before = datetime.now(UTC)
    result = await api.data(
        RESOLVE, {"id": touchpoint, "resolution": " Refunded the fee ", "first": False}
    )
    resolved = result["resolveComplaint"]
    assert resolved["resolved"] is True
    assert resolved["resolution"] == "Refunded the fee"
    assert resolved["firstContactResolution"] is False
    assert before.replace(microsecond=0) <= iso(resolved["resolvedAt"]) <= datetime.now(UTC)
    # Resolved, but after its due time.
    assert resolved["sla"] == {
        "dueAt": "2026-03-04T17:00:00+00:00",
        "breached": True,
        "remaining": None,
    }
    assert await api.customer(customer, open_complaints) == {"metrics": {"openComplaints": 0}}

    await api.rejected(
        RESOLVE, {"id": touchpoint, "resolution": "again"}, code="INVALID_TRANSITION", field="id"
    )


async def test_resolved_in_time_is_no_breach(api: Api, customer: str) -> None:
    touchpoint = await complaint(api, customer)  # now: due in the future
    resolved = (await api.data(RESOLVE, {"id": touchpoint, "resolution": "Done", "first": True}))[
        "resolveComplaint"
    ]
    assert resolved["sla"]["breached"] is False
    assert resolved["firstContactResolution"] is True


async def test_only_complaints_are_resolved(api: Api, customer: str) -> None:
    inquiry = await api.record_touchpoint(customer)
    await api.rejected(
        RESOLVE, {"id": inquiry, "resolution": "Done"}, code="BAD_USER_INPUT", field="id"
    )


@pytest.mark.parametrize(
    ("variables", "code", "field"),
    [
        ({"id": "tpt_1", "resolution": "x"}, "BAD_USER_INPUT", "id"),
        ({"resolution": "   "}, "BAD_USER_INPUT", "resolution"),
        ({"resolution": "x" * 10_001}, "TEXT_TOO_LONG", "resolution"),
    ],
)
async def test_resolving_checks_its_input(
    api: Api, customer: str, variables: Json, code: str, field: str
) -> None:
    touchpoint = await complaint(api, customer)
    await api.rejected(RESOLVE, {"id": touchpoint, **variables}, code=code, field=field)


async def test_concurrent_resolutions_resolve_once(api: Api, customer: str) -> None:
    touchpoint = await complaint(api, customer)
    bodies = await asyncio.gather(
        *(api.post(RESOLVE, {"id": touchpoint, "resolution": f"by {n}"}) for n in range(12))
    )
    done = [b["data"]["resolveComplaint"]["resolution"] for b in bodies if not b.get("errors")]
    assert len(done) == 1
    assert (
        sorted(codes(b)[0] or "" for b in bodies if b.get("errors")) == ["INVALID_TRANSITION"] * 11
    )
    assert (await read(api, touchpoint))["resolution"] == done[0]


# --- updating ---------------------------------------------------------------------------------


async def test_update_changes_what_is_given_and_clears_nulls(api: Api, customer: str) -> None:
    touchpoint = await api.record_touchpoint(
        customer, summary="Asked about prices", outcome="Sent a quote", satisfaction=3
    )
    updated = (
        await api.data(
            UPDATE,
            {
                "id": touchpoint,
                "input": {"satisfaction": 5, "outcome": None, "followUpAt": "2026-12-10T09:00:00Z"},
            },
        )
    )["updateTouchpoint"]
    assert updated["summary"] == "Asked about prices"
    assert updated["outcome"] is None
    assert updated["satisfaction"] == 5
    assert updated["followUpAt"] == "2026-12-10T09:00:00+00:00"


@pytest.mark.parametrize(
    ("patch", "code", "field"),
    [
        ({"satisfaction": 6}, "BAD_USER_INPUT", "input.satisfaction"),  # as recordTouchpoint
        ({"summary": "x" * 10_001}, "TEXT_TOO_LONG", "input.summary"),
    ],
)
async def test_update_checks_its_input(
    api: Api, customer: str, patch: Json, code: str, field: str
) -> None:
    touchpoint = await api.record_touchpoint(customer)
    await api.rejected(UPDATE, {"id": touchpoint, "input": patch}, code=code, field=field)


async def test_update_of_an_unknown_touchpoint(api: Api) -> None:
    await api.rejected(
        UPDATE,
        {"id": "tpt_" + "0" * 32, "input": {"summary": "x"}},
        code="NOT_FOUND",
        field="id",
    )


# --- an employee's figures --------------------------------------------------------------------

STATS = """
serviceStats(since: $since) {
  touchpoints complaints resolved firstContactRate breaches averageSatisfaction
  byKind { kind count averageSatisfaction }
}
"""


async def test_service_stats_count_what_the_employee_handled(
    api: Api, customer: str, owner: str
) -> None:
    # Resolved at first contact, in time; unhappy.
    await complaint(api, customer, occurredAt=WEDNESDAY_9, resolved=True, satisfaction=2)
    # Resolved later, after its due time.
    late = await complaint(api, customer, occurredAt=WEDNESDAY_9)
    await api.data(RESOLVE, {"id": late, "resolution": "Replaced"})
    # Open past its due time.
    await complaint(api, customer, occurredAt="2026-03-05T10:00:00Z")
    # A happy inquiry the owner handled; and one complaint someone else handled.
    await api.record_touchpoint(customer, handledById=owner, satisfaction=4)
    await complaint(api, customer, handledById=await api.create_employee("Sam Service"))

    query = (
        f"query($id: ID!, $since: DateTime) {{ node(id: $id) {{ ... on Employee {{ {STATS} }} }} }}"
    )
    everything = (await api.data(query, {"id": owner}))["node"]["serviceStats"]
    assert everything == {
        "touchpoints": 4,
        "complaints": 3,
        "resolved": 2,
        "firstContactRate": 0.5,
        "breaches": 2,
        "averageSatisfaction": 3.0,
        "byKind": [
            {"kind": "INQUIRY", "count": 1, "averageSatisfaction": 4.0},
            {"kind": "COMPLAINT", "count": 3, "averageSatisfaction": 2.0},
        ],
    }
    since = (await api.data(query, {"id": owner, "since": "2026-03-05T00:00:00Z"}))["node"]
    assert since["serviceStats"]["complaints"] == 1
    assert since["serviceStats"]["firstContactRate"] is None  # none of those resolved
    assert since["serviceStats"]["touchpoints"] == 2

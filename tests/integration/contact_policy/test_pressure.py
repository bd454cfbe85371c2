"""The contact policy against the real graph: limits across a company, the quiet period, the
customer's wishes, overrides, replies, and contacts recorded after the fact."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.api import Json, codes
from tests.support.mutations import Api, iso

RECORD = """
mutation($input: TouchpointInput!) {
  recordTouchpoint(input: $input) {
    id overPolicy policyReasons { rule message } override { reason by } inReplyTo { id }
  }
}"""
ALLOWED = """
query($c: ID!, $channel: Channel!, $kind: TouchpointKind!) {
  contactAllowed(customer: $c, channel: $channel, kind: $kind) {
    allowed reasons { rule message } nextAllowedAt
  }
}"""
SET_POLICY = """
mutation($input: ContactPolicyInput!) {
  setContactPolicy(input: $input) {
    weeklyLimit monthlyLimit quietHoursAfterService invoiceReminderDays
  }
}"""


def ago(**delta: float) -> str:
    return (datetime.now(UTC) - timedelta(**delta)).isoformat()


def contact(customer: str, **values: Any) -> Json:
    return {
        "input": {
            "customerId": customer,
            "channel": "PHONE",
            "direction": "OUTBOUND",
            "kind": "SERVICE",
            **values,
        }
    }


async def record(api: Api, customer: str, **values: Any) -> Json:
    result: Json = (await api.data(RECORD, contact(customer, **values)))["recordTouchpoint"]
    return result


async def allowed(api: Api, customer: str, channel: str = "PHONE", kind: str = "SERVICE") -> Json:
    variables = {"c": customer, "channel": channel, "kind": kind}
    result: Json = (await api.data(ALLOWED, variables))["contactAllowed"]
    return result


async def grant_marketing(api: Api, customer: str, channel: str = "EMAIL") -> None:
    await api.data(
        "mutation($c: ID!, $ch: ConsentChannel) { recordConsent(input: {customerId: $c, "
        'purpose: MARKETING, status: GRANTED, source: "form", channel: $ch}) { id } }',
        {"c": customer, "ch": channel},
    )


@pytest.fixture
async def weekly_two(api: Api) -> None:
    await api.data(SET_POLICY, {"input": {"weeklyLimit": 2}})


# --- the policy itself ------------------------------------------------------------------------


async def test_the_policy_has_defaults_and_an_admin_changes_it(api: Api) -> None:
    policy = (
        "{ contactPolicy { weeklyLimit monthlyLimit quietHoursAfterService invoiceReminderDays } }"
    )
    assert (await api.data(policy))["contactPolicy"] == {
        "weeklyLimit": 3,
        "monthlyLimit": 8,
        "quietHoursAfterService": 48,
        "invoiceReminderDays": 7,
    }
    changed = await api.data(SET_POLICY, {"input": {"weeklyLimit": 1, "quietHoursAfterService": 0}})
    assert changed["setContactPolicy"] == {
        "weeklyLimit": 1,
        "monthlyLimit": 8,
        "quietHoursAfterService": 0,
        "invoiceReminderDays": 7,
    }
    assert (await api.data(policy))["contactPolicy"]["weeklyLimit"] == 1


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"weeklyLimit": -1}, "input.weeklyLimit"),
        ({"monthlyLimit": 401}, "input.monthlyLimit"),
        ({"invoiceReminderDays": 0}, "input.invoiceReminderDays"),
    ],
)
async def test_settings_have_ranges(api: Api, values: Json, field: str) -> None:
    await api.rejected(SET_POLICY, {"input": values}, code="VALUE_OUT_OF_RANGE", field=field)


# --- limits -----------------------------------------------------------------------------------


async def test_pressure_is_refused_then_allowed_after_the_window(
    api: Api, weekly_two: None
) -> None:
    ada = await api.create_customer("Ada")
    await record(api, ada, occurredAt=ago(days=6))
    await record(api, ada, occurredAt=ago(days=2))
    decision = await allowed(api, ada)
    assert decision["allowed"] is False
    assert [r["rule"] for r in decision["reasons"]] == ["WEEKLY_LIMIT"]
    assert "2 outbound contacts" in decision["reasons"][0]["message"]
    reopens = iso(decision["nextAllowedAt"])
    first = await api.graph.read("MATCH (t:Touchpoint) RETURN min(t.occurredAt) AS first")
    assert reopens == first[0]["first"].to_native() + timedelta(days=7)

    error = await api.rejected(
        RECORD, contact(ada), code="CONTACT_PRESSURE", field="input.customerId"
    )
    assert "Allowed again from" in error["message"]
    # The same contact planned for when the oldest has left the window goes through.
    later = await record(api, ada, occurredAt=(reopens + timedelta(seconds=1)).isoformat())
    assert later["overPolicy"] is False


async def test_a_company_and_its_contact_persons_count_together(api: Api, weekly_two: None) -> None:
    org = await api.create_customer("Engines Ltd", kind="ORGANIZATION")
    person = await api.create_customer("Ada")
    await api.data(
        "mutation($o: ID!, $p: ID!) { addContact(organizationId: $o, "
        'input: {name: "Ada", personCustomerId: $p}) { id } }',
        {"o": org, "p": person},
    )
    await record(api, org, occurredAt=ago(days=1))
    await record(api, person, occurredAt=ago(hours=3))
    for customer in (org, person):
        assert (await allowed(api, customer))["allowed"] is False
    stranger = await api.create_customer("Bob")
    assert (await allowed(api, stranger))["allowed"] is True


async def test_concurrent_contacts_take_the_last_slots_once(api: Api) -> None:
    ada = await api.create_customer("Ada")
    bodies = await asyncio.gather(*(api.post(RECORD, contact(ada)) for _ in range(20)))
    made = [b for b in bodies if not b.get("errors")]
    assert len(made) == 3  # the default weekly limit
    assert sorted(codes(b)[0] or "" for b in bodies if b.get("errors")) == ["CONTACT_PRESSURE"] * 17
    rows = await api.graph.read("MATCH (t:Touchpoint) RETURN count(t) AS n")
    assert rows[0]["n"] == 3


# --- the customer's wishes, overrides and replies ---------------------------------------------


async def test_do_not_contact_is_honoured_but_replies_and_overrides_pass(
    api: Api, key_id: str
) -> None:
    ada = await api.create_customer("Ada", preferences={"doNotContact": True})
    await api.rejected(RECORD, contact(ada), code="DO_NOT_CONTACT", field="input.customerId")
    decision = await allowed(api, ada)
    assert [r["rule"] for r in decision["reasons"]] == ["DO_NOT_CONTACT"]
    assert decision["nextAllowedAt"] is None

    asked = await record(api, ada, direction="INBOUND", kind="INQUIRY")
    reply = await record(api, ada, inReplyTo=asked["id"])
    assert reply["inReplyTo"] == {"id": asked["id"]}
    assert reply["overPolicy"] is False

    overridden = await record(api, ada, override={"reason": "Recall of a faulty product"})
    assert overridden["overPolicy"] is True
    assert overridden["override"] == {"reason": "Recall of a faulty product", "by": key_id}
    assert [r["rule"] for r in overridden["policyReasons"]] == ["DO_NOT_CONTACT"]


async def test_a_reply_answers_an_inbound_touchpoint_of_the_customer(api: Api) -> None:
    ada = await api.create_customer("Ada")
    bob = await api.create_customer("Bob")
    outbound = await record(api, ada)
    bobs = await record(api, bob, direction="INBOUND")
    for asked in (outbound["id"], bobs["id"]):
        await api.rejected(
            RECORD, contact(ada, inReplyTo=asked), code="BAD_USER_INPUT", field="input.inReplyTo"
        )


async def test_a_contact_that_already_happened_is_recorded_over_policy(api: Api) -> None:
    ada = await api.create_customer("Ada")
    past = await record(api, ada, channel="EMAIL", kind="MARKETING", occurredAt=ago(days=1))
    assert past["overPolicy"] is True
    assert past["policyReasons"] == [
        {
            "rule": "CONSENT_REQUIRED",
            "message": "The customer has not consented to marketing by email.",
        }
    ]
    # Within the last five minutes it is a contact being made: refused.
    await api.rejected(
        RECORD,
        contact(ada, channel="EMAIL", kind="MARKETING", occurredAt=ago(minutes=4)),
        code="CONSENT_REQUIRED",
        field="input.channel",
    )


async def test_a_contact_after_the_fact_is_judged_by_the_consent_of_its_time(api: Api) -> None:
    ada = await api.create_customer("Ada", createdAt=ago(days=30))
    for status, days in (("GRANTED", 20), ("WITHDRAWN", 5)):
        await api.data(
            "mutation($c: ID!, $s: ConsentStatus!, $at: DateTime) { recordConsent(input: "
            '{customerId: $c, purpose: MARKETING, status: $s, source: "form", channel: EMAIL, '
            "at: $at}) { id } }",
            {"c": ada, "s": status, "at": ago(days=days)},
        )
    while_granted = await record(
        api, ada, channel="EMAIL", kind="MARKETING", occurredAt=ago(days=10)
    )
    assert (while_granted["overPolicy"], while_granted["policyReasons"]) == (False, [])
    after_withdrawal = await record(
        api, ada, channel="EMAIL", kind="MARKETING", occurredAt=ago(days=1)
    )
    assert after_withdrawal["overPolicy"] is True
    assert [r["rule"] for r in after_withdrawal["policyReasons"]] == ["CONSENT_REQUIRED"]


async def test_the_quiet_period_after_service_holds_back_marketing(api: Api) -> None:
    ada = await api.create_customer("Ada")
    await grant_marketing(api, ada)
    await record(api, ada, direction="INBOUND", kind="SERVICE", occurredAt=ago(hours=1))
    decision = await allowed(api, ada, channel="EMAIL", kind="OFFER")
    assert [r["rule"] for r in decision["reasons"]] == ["QUIET_PERIOD"]
    await api.rejected(
        RECORD,
        contact(ada, channel="EMAIL", kind="OFFER"),
        code="CONTACT_PRESSURE",
        field="input.customerId",
    )
    # Service itself is not held back.
    assert (await record(api, ada, channel="EMAIL"))["overPolicy"] is False


async def test_contact_allowed_of_an_unknown_customer(api: Api) -> None:
    body = await api.post(ALLOWED, {"c": "cus_" + "0" * 32, "channel": "EMAIL", "kind": "SERVICE"})
    assert codes(body) == ["NOT_FOUND"]


@pytest.fixture
async def key_id(api: Api) -> str:
    rows = await api.graph.read("MATCH (k:ApiKey {name: 'tests'}) RETURN k.id AS id")
    return str(rows[0]["id"])

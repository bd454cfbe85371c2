"""Consent: an append-only list of events; the current state is the latest of each purpose and
channel; an outbound marketing touchpoint on a personal channel needs a GRANTED marketing
consent on that channel, checked in the touchpoint's own transaction."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.edge.helpers import OpenApp
from tests.support.graph import count_nodes
from tests.support.mutations import Api

Json = dict[str, Any]

CONSENT = """
mutation($input: ConsentInput!) {
  recordConsent(input: $input) {
    id
    consent { purpose channel status at source }
    consentHistory { purpose channel status at source }
  }
}"""
TOUCHPOINT = """
mutation($input: TouchpointInput!) {
  recordTouchpoint(input: $input) { id channel direction kind customer { id } }
}"""
# Every channel, and the consent channel that covers a marketing contact on it when the
# customer said nothing about the channel itself (a fax: post; a newsletter: e-mail).
PERSONAL = {
    "EMAIL": "EMAIL",
    "NEWSLETTER": "EMAIL",
    "SMS": "SMS",
    "PHONE": "PHONE",
    "POST": "POST",
    "FAX": "POST",
    "CHAT": "CHAT",
    "VIDEO_CALL": "VIDEO_CALL",
    "WEBSITE": "WEBSITE",
    "STORE": "STORE",
    "ADVERTISING": "ADVERTISING",
}


@pytest.fixture
def api(client: httpx.AsyncClient, graph: Graph) -> Api:
    return Api(client, graph)


async def consent(
    api: Api,
    customer: str,
    status: str,
    channel: str | None = "EMAIL",
    *,
    purpose: str = "MARKETING",
    at: str | None = None,
    source: str = "web form",
) -> Json:
    values: Json = {"customerId": customer, "purpose": purpose, "status": status, "source": source}
    if channel is not None:
        values["channel"] = channel
    if at is not None:
        values["at"] = at
    result: Json = (await api.data(CONSENT, {"input": values}))["recordConsent"]
    return result


def touchpoint(
    customer: str, channel: str = "EMAIL", direction: str = "OUTBOUND", kind: str = "MARKETING"
) -> Json:
    return {
        "input": {"customerId": customer, "channel": channel, "direction": direction, "kind": kind}
    }


async def recorded(api: Api, customer: str, **values: str) -> Json:
    result: Json = (await api.data(TOUCHPOINT, touchpoint(customer, **values)))["recordTouchpoint"]
    assert result["customer"] == {"id": customer}
    return result


async def refused(api: Api, customer: str, **values: str) -> Json:
    """CONSENT_REQUIRED on input.channel, and the graph exactly as it was."""
    return await api.rejected(
        TOUCHPOINT, touchpoint(customer, **values), code="CONSENT_REQUIRED", field="input.channel"
    )


# --- the events and the current state ------------------------------------------------------


async def test_record_consent_appends_events(api: Api, graph: Graph) -> None:
    ada = await api.create_customer("Ada")
    first = await consent(api, ada, "GRANTED", at="2024-01-01T10:00:00Z", source="signup")
    assert first["id"] == ada
    assert first["consent"] == [
        {
            "purpose": "MARKETING",
            "channel": "EMAIL",
            "status": "GRANTED",
            "at": "2024-01-01T10:00:00+00:00",
            "source": "signup",
        }
    ]
    second = await consent(api, ada, "WITHDRAWN", at="2024-03-01T10:00:00Z", source="unsubscribe")
    assert second["consent"] == [
        {
            "purpose": "MARKETING",
            "channel": "EMAIL",
            "status": "WITHDRAWN",
            "at": "2024-03-01T10:00:00+00:00",
            "source": "unsubscribe",
        }
    ]
    assert [(e["status"], e["source"]) for e in second["consentHistory"]] == [
        ("WITHDRAWN", "unsubscribe"),
        ("GRANTED", "signup"),
    ]
    assert await count_nodes(graph, "ConsentEvent") == 2


async def test_current_consent_is_the_latest_of_each_purpose_and_channel(api: Api) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "GRANTED", "EMAIL", at="2024-01-01T00:00:00Z")
    await consent(api, ada, "GRANTED", "SMS", at="2024-01-02T00:00:00Z")
    await consent(api, ada, "WITHDRAWN", "EMAIL", at="2024-01-03T00:00:00Z")
    await consent(api, ada, "DENIED", "PHONE", at="2024-01-04T00:00:00Z")
    await consent(api, ada, "GRANTED", None, purpose="PROFILING", at="2024-01-05T00:00:00Z")
    await consent(api, ada, "GRANTED", None, purpose="SHARING", at="2024-01-06T00:00:00Z")
    last = await consent(api, ada, "WITHDRAWN", None, purpose="SHARING", at="2024-01-07T00:00:00Z")
    current = {(c["purpose"], c["channel"]): c["status"] for c in last["consent"]}
    assert current == {
        ("MARKETING", "EMAIL"): "WITHDRAWN",
        ("MARKETING", "SMS"): "GRANTED",
        ("MARKETING", "PHONE"): "DENIED",
        ("PROFILING", None): "GRANTED",
        ("SHARING", None): "WITHDRAWN",
    }
    assert len(last["consent"]) == 5
    history = last["consentHistory"]
    assert len(history) == 7
    assert [h["at"] for h in history] == sorted((h["at"] for h in history), reverse=True)
    assert history[0] == {
        "purpose": "SHARING",
        "channel": None,
        "status": "WITHDRAWN",
        "at": "2024-01-07T00:00:00+00:00",
        "source": "web form",
    }


async def test_the_latest_is_by_when_it_was_given_not_when_recorded(api: Api) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "WITHDRAWN", at="2024-06-01T00:00:00Z", source="call")
    # A paper form of January, typed in later, does not undo the withdrawal of June.
    late = await consent(api, ada, "GRANTED", at="2024-01-01T00:00:00Z", source="paper form")
    assert [c["status"] for c in late["consent"]] == ["WITHDRAWN"]
    assert [h["source"] for h in late["consentHistory"]] == ["call", "paper form"]
    await refused(api, ada)


async def test_events_given_at_the_same_time_are_ordered_by_recording(api: Api) -> None:
    ada = await api.create_customer("Ada")
    at = "2024-01-01T00:00:00Z"
    await consent(api, ada, "GRANTED", at=at)
    withdrawn = await consent(api, ada, "WITHDRAWN", at=at)
    assert [c["status"] for c in withdrawn["consent"]] == ["WITHDRAWN"]
    await refused(api, ada)
    granted = await consent(api, ada, "GRANTED", at=at)
    assert [c["status"] for c in granted["consent"]] == ["GRANTED"]
    await recorded(api, ada)


async def test_consent_of_an_unknown_customer_writes_nothing(api: Api) -> None:
    await api.rejected(
        CONSENT,
        {
            "input": {
                "customerId": "cus_" + "0" * 32,
                "purpose": "MARKETING",
                "channel": "EMAIL",
                "status": "GRANTED",
                "source": "form",
            }
        },
        code="NOT_FOUND",
        field="input.customerId",
    )


async def test_a_customer_without_events_has_no_consent(api: Api) -> None:
    ada = await api.create_customer("Ada")
    assert await api.customer(ada, "consent { status } consentHistory { status }") == {
        "consent": [],
        "consentHistory": [],
    }


# --- outbound marketing needs consent --------------------------------------------------------


@pytest.mark.parametrize("kind", ["MARKETING", "OFFER", "GREETING"])
async def test_outbound_marketing_by_email_without_consent_is_refused(
    api: Api, graph: Graph, kind: str
) -> None:
    ada = await api.create_customer("Ada")
    error = await refused(api, ada, kind=kind)
    assert "e-mail" in error["message"] or "email" in error["message"]
    assert await count_nodes(graph, "Touchpoint") == 0


async def test_granted_consent_lets_it_through_and_a_withdrawal_stops_it_again(
    api: Api, graph: Graph
) -> None:
    ada = await api.create_customer("Ada")
    await refused(api, ada)
    await consent(api, ada, "GRANTED")
    first = await recorded(api, ada)
    assert (first["channel"], first["direction"], first["kind"]) == (
        "EMAIL",
        "OUTBOUND",
        "MARKETING",
    )
    await recorded(api, ada, kind="OFFER")
    assert await count_nodes(graph, "Touchpoint") == 2
    await consent(api, ada, "WITHDRAWN")
    await refused(api, ada)
    await refused(api, ada, kind="OFFER")
    assert await count_nodes(graph, "Touchpoint") == 2
    await consent(api, ada, "GRANTED")
    await recorded(api, ada)


async def test_denied_consent_refuses(api: Api) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "DENIED")
    await refused(api, ada)


@pytest.mark.parametrize("channel", sorted(PERSONAL))
async def test_each_personal_channel_needs_its_own_consent(api: Api, channel: str) -> None:
    ada = await api.create_customer("Ada")
    needed = PERSONAL[channel]
    for other in sorted({"EMAIL", "SMS", "PHONE", "POST"} - {needed}):
        await consent(api, ada, "GRANTED", other)
    await refused(api, ada, channel=channel)
    await consent(api, ada, "GRANTED", needed)
    await recorded(api, ada, channel=channel)


async def test_sms_consent_does_not_cover_email(api: Api) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "GRANTED", "SMS")
    await recorded(api, ada, channel="SMS")
    await refused(api, ada, channel="EMAIL")


@pytest.mark.parametrize("purpose", ["PROFILING", "SHARING"])
async def test_consent_to_another_purpose_is_not_marketing_consent(api: Api, purpose: str) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "GRANTED", None, purpose=purpose)
    await refused(api, ada)


@pytest.mark.parametrize("purpose", ["PROFILING", "SHARING"])
@pytest.mark.parametrize("status", ["GRANTED", "WITHDRAWN"])
async def test_a_channel_on_a_purpose_without_one_is_refused(
    api: Api, purpose: str, status: str
) -> None:
    """Sharing and profiling are not about contacting anyone: "SHARING WITHDRAWN on channel
    EMAIL" would read as a withdrawal for e-mail only, which means nothing."""
    ada = await api.create_customer("Ada")
    values = {
        "customerId": ada,
        "purpose": purpose,
        "status": status,
        "source": "form",
        "channel": "EMAIL",
    }
    error = await api.rejected(
        CONSENT, {"input": values}, code="BAD_USER_INPUT", field="input.channel"
    )
    assert purpose in error["message"]


async def test_another_customers_consent_does_not_count(api: Api) -> None:
    ada = await api.create_customer("Ada")
    bob = await api.create_customer("Bob")
    await consent(api, bob, "GRANTED")
    await recorded(api, bob)
    await refused(api, ada)


@pytest.mark.parametrize("kind", ["MARKETING", "OFFER", "INQUIRY", "COMPLAINT", "SERVICE"])
async def test_inbound_touchpoints_need_no_consent(api: Api, kind: str) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "WITHDRAWN")
    await recorded(api, ada, direction="INBOUND", kind=kind)


@pytest.mark.parametrize(
    "kind", ["INQUIRY", "COMPLAINT", "SERVICE", "SALE", "REMINDER", "FOLLOW_UP", "ACCOUNT_REVIEW"]
)
async def test_outbound_non_marketing_touchpoints_need_no_consent(api: Api, kind: str) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "WITHDRAWN")
    await recorded(api, ada, kind=kind)


@pytest.mark.parametrize("channel", ["NEWSLETTER", "ADVERTISING"])
async def test_some_channels_are_marketing_whatever_the_kind(api: Api, channel: str) -> None:
    ada = await api.create_customer("Ada")
    await refused(api, ada, channel=channel, kind="SERVICE")
    await consent(api, ada, "GRANTED", channel)
    await recorded(api, ada, channel=channel, kind="SERVICE")


async def test_a_fax_s_own_consent_outranks_consent_to_post(api: Api) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "GRANTED", "POST")
    await recorded(api, ada, channel="FAX")
    await consent(api, ada, "DENIED", "FAX")
    await refused(api, ada, channel="FAX")
    await recorded(api, ada, channel="POST")


async def test_a_withdrawal_without_a_channel_withdraws_every_channel(api: Api) -> None:
    ada = await api.create_customer("Ada")
    await consent(api, ada, "GRANTED", "EMAIL")
    await consent(api, ada, "GRANTED", "SMS")
    await consent(api, ada, "WITHDRAWN", None)
    await refused(api, ada, channel="EMAIL")
    await refused(api, ada, channel="SMS")
    # A later grant on one channel speaks for that channel only.
    await consent(api, ada, "GRANTED", "SMS")
    await recorded(api, ada, channel="SMS")
    await refused(api, ada, channel="EMAIL")


async def test_a_withdrawal_now_outranks_a_grant_dated_in_the_future(api: Api) -> None:
    """A GRANTED event dated years ahead (a typo, a bad import) must not outrank a withdrawal
    the customer gives today: either such a date is refused (BAD_USER_INPUT on input.at, as
    createCustomer refuses a createdAt in the future) or today's withdrawal wins."""
    ada = await api.create_customer("Ada")
    future = {
        "customerId": ada,
        "purpose": "MARKETING",
        "channel": "EMAIL",
        "status": "GRANTED",
        "source": "import",
        "at": "2999-01-01T00:00:00Z",
    }
    body = await api.post(CONSENT, {"input": future})
    if body.get("errors"):
        assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.at"}
    withdrawn = await consent(api, ada, "WITHDRAWN", source="unsubscribe link")
    assert [c["status"] for c in withdrawn["consent"]] == ["WITHDRAWN"], withdrawn["consent"]
    await refused(api, ada)


# --- sharing: a partner can never widen what the business or the customer narrowed ----------

SEEN = "query($id: ID!) { customer(id: $id) { id } }"


def sharing(customer: str, status: str, **extra: str) -> Json:
    values = {"customerId": customer, "purpose": "SHARING", "status": status, "source": "partner"}
    return {"input": {**values, **extra}}


async def partner_customer(partner: Api) -> str:
    """A customer the partner brought, who consented to sharing through it."""
    customer = await partner.create_customer("Ada")
    await partner.data(CONSENT, sharing(customer, "GRANTED"))
    assert (await partner.data(SEEN, {"id": customer}))["customer"] == {"id": customer}
    return customer


async def test_a_partner_cannot_grant_sharing_after_the_business_withdrew_it(
    api: Api, graph: Graph, open_app: OpenApp
) -> None:
    async with open_app("partner") as http:
        partner = Api(http, graph)
        ada = await partner_customer(partner)
        await api.data(CONSENT, sharing(ada, "WITHDRAWN", source="customer's letter"))
        assert (await partner.data(SEEN, {"id": ada}))["customer"] is None
        await partner.rejected(
            CONSENT, sharing(ada, "GRANTED"), code="FORBIDDEN", field="input.status"
        )
        # Dated before the withdrawal it would not outrank it either: refused all the same.
        await partner.rejected(
            CONSENT,
            sharing(ada, "GRANTED", at="2020-01-01T00:00:00Z"),
            code="FORBIDDEN",
            field="input.status",
        )
        assert (await partner.data(SEEN, {"id": ada}))["customer"] is None
        # Nor after a refusal, nor after its own recording of the customer's withdrawal: the
        # customer's word comes back through the business.
        bob = await partner_customer(partner)
        await partner.data(CONSENT, sharing(bob, "WITHDRAWN"))
        await partner.rejected(
            CONSENT, sharing(bob, "GRANTED"), code="FORBIDDEN", field="input.status"
        )
        # The business may record the customer's new consent; narrowing is always allowed.
        await api.data(CONSENT, sharing(ada, "GRANTED", source="customer's call"))
        assert (await partner.data(SEEN, {"id": ada}))["customer"] == {"id": ada}
        await partner.data(CONSENT, sharing(ada, "DENIED"))
        assert (await partner.data(SEEN, {"id": ada}))["customer"] is None


async def test_stored_sharing_events_with_a_channel_still_count(
    api: Api, graph: Graph, open_app: OpenApp
) -> None:
    """The defect as it was found: "SHARING WITHDRAWN on channel EMAIL" (stored before a channel
    was refused) hid the customer, and a partner's GRANTED without a channel showed them again.
    The guard reads the events visibility reads: every SHARING event, whatever its channel."""
    async with open_app("partner") as http:
        partner = Api(http, graph)
        ada = await partner_customer(partner)
        await graph.write_query(
            "MATCH (c:Customer {id: $id}) CREATE (c)-[:GAVE]->(:ConsentEvent {purpose: 'SHARING', "
            "channel: 'EMAIL', status: 'WITHDRAWN', at: datetime.realtime(), source: 'admin', "
            "recordedAt: datetime.realtime()})",
            {"id": ada},
        )
        assert (await partner.data(SEEN, {"id": ada}))["customer"] is None
        await partner.rejected(
            CONSENT, sharing(ada, "GRANTED"), code="FORBIDDEN", field="input.status"
        )
        assert (await partner.data(SEEN, {"id": ada}))["customer"] is None
        # A staff read of the current consent still shows the stored event as it is.
        current = await api.customer(ada, "consent { purpose channel status }")
        assert current is not None
        assert {"purpose": "SHARING", "channel": "EMAIL", "status": "WITHDRAWN"} in current[
            "consent"
        ]


async def test_concurrent_grants_never_outrun_a_withdrawal(
    api: Api, graph: Graph, open_app: OpenApp
) -> None:
    """25 withdrawals by the business and 25 grants by the partner at once: once a withdrawal
    is recorded no grant follows it, and the customer ends hidden. Each event is recorded under
    the customer's lock and dated when it holds it, so dates follow the order of commits."""
    async with open_app("partner") as http:
        partner = Api(http, graph)
        ada = await partner_customer(partner)
        calls = []
        for index in range(50):
            if index % 2:
                calls.append(api.post(CONSENT, sharing(ada, "WITHDRAWN", source="business")))
            else:
                calls.append(partner.post(CONSENT, sharing(ada, "GRANTED")))
        bodies = await asyncio.gather(*calls)
        codes = [
            (body.get("errors") or [{}])[0].get("extensions", {}).get("code") for body in bodies
        ]
        assert set(codes[1::2]) == {None}, bodies  # every withdrawal is recorded
        assert set(codes[::2]) <= {None, "FORBIDDEN"}, bodies
        events = await graph.read(
            "MATCH (:Customer {id: $id})-[:GAVE]->(e:ConsentEvent {purpose: 'SHARING'}) "
            "RETURN e.status AS status, e.at AS at, e.recordedAt AS recordedAt "
            "ORDER BY e.recordedAt",
            {"id": ada},
        )
        statuses = [event["status"] for event in events]
        assert statuses.count("WITHDRAWN") == 25
        first_withdrawal = statuses.index("WITHDRAWN")
        assert "GRANTED" not in statuses[first_withdrawal:], statuses
        by_date = sorted(events, key=lambda event: (event["at"], event["recordedAt"]))
        assert by_date == events  # dated in the order recorded
        assert (await partner.data(SEEN, {"id": ada}))["customer"] is None

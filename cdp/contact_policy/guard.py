"""The contact policy applied to a touchpoint being recorded.

A contact about to be made (outbound, from five minutes ago onward) that breaks the policy is
refused, unless the caller overrides it with a reason, which is kept on the touchpoint with who
gave it. A contact that already happened is always recorded, because the record must be true:
if it broke the policy, it is stored with `overPolicy` and its reasons, and it counts toward the
limits like any other. A reply naming the inbound touchpoint it answers is never held back.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from cdp.contact_policy.facts import read_locked
from cdp.contact_policy.rules import PRESSURE, Decision, Rule, decide
from cdp.errors import CdpError, ConsentRequired, ContactPressure, DoNotContact
from cdp.writes import Tx

ABOUT_TO_HAPPEN = timedelta(minutes=5)


async def guard_contact(
    tx: Tx,
    *,
    customer_id: str,
    kind: str,
    channel: str,
    at: datetime,
    now: datetime,
    override: str | None,
    by: str,
    last_reminder: datetime | None = None,
    fields: tuple[str, str] = ("input.customerId", "input.channel"),
) -> dict[str, Any]:
    """The properties the policy adds to an outbound touchpoint (none when it keeps the policy);
    raises for a contact about to be made that breaks it without an override. An invoice's
    reminder gives when the invoice was last reminded of. A refusal names `fields`: where the
    caller gave the customer and the channel."""
    policy, facts = await read_locked(tx, customer_id, at)
    decision = decide(policy, facts, kind=kind, channel=channel, at=at, last_reminder=last_reminder)
    if decision.allowed:
        return {}
    breach = {
        "overPolicy": True,
        "policyReasons": [reason.rule.value for reason in decision.reasons],
        "policyMessages": [reason.message for reason in decision.reasons],
    }
    if at < now - ABOUT_TO_HAPPEN:
        return breach
    if override is None:
        raise refusal(decision, *fields)
    return {**breach, "overrideReason": override, "overriddenBy": by}


def refusal(decision: Decision, customer_field: str, channel_field: str) -> CdpError:
    """The error of a refused contact: the weightiest rule's code, every reason in words."""
    rules = {reason.rule for reason in decision.reasons}
    message = " ".join(reason.message for reason in decision.reasons)
    if Rule.DO_NOT_CONTACT in rules:
        return DoNotContact(message, field=customer_field)
    if Rule.CONSENT_REQUIRED in rules:
        return ConsentRequired(message, field=channel_field)
    assert rules <= PRESSURE
    if decision.next_allowed_at is not None:
        message += f" Allowed again from {decision.next_allowed_at.isoformat()}."
    return ContactPressure(message, field=customer_field)

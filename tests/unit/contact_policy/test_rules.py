"""The contact policy's decision for one contact, from the facts alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cdp.contact_policy.rules import ContactPolicy, Facts, Rule, consent_status, decide

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
POLICY = ContactPolicy(weekly_limit=2, monthly_limit=4, quiet_hours_after_service=48)
GRANTED_EMAIL = [("EMAIL", "GRANTED")]


def facts(
    *,
    consent: list[tuple[str, str]] = GRANTED_EMAIL,
    outbound: list[datetime] | None = None,
    last_service: datetime | None = None,
    do_not_contact: bool = False,
) -> Facts:
    return Facts(do_not_contact, consent, outbound or [], last_service)


def rules_of(found: Facts, kind: str = "MARKETING", channel: str = "EMAIL") -> list[Rule]:
    return [r.rule for r in decide(POLICY, found, kind=kind, channel=channel, at=NOW).reasons]


def days_ago(*days: float) -> list[datetime]:
    return sorted(NOW - timedelta(days=d) for d in days)


def test_a_contact_within_every_rule_is_allowed() -> None:
    decision = decide(
        POLICY, facts(outbound=days_ago(10)), kind="MARKETING", channel="EMAIL", at=NOW
    )
    assert decision.allowed
    assert decision.next_allowed_at is None


def test_the_weekly_limit_counts_the_last_seven_days_and_says_when_it_frees() -> None:
    decision = decide(
        POLICY, facts(outbound=days_ago(6, 2, 9)), kind="SERVICE", channel="PHONE", at=NOW
    )
    assert [r.rule for r in decision.reasons] == [Rule.WEEKLY_LIMIT]
    assert "2 outbound contacts" in decision.reasons[0].message
    # The older of the two leaves the window 7 days after it was made.
    assert decision.next_allowed_at == NOW - timedelta(days=6) + timedelta(days=7)


def test_both_limits_wait_for_the_later_release() -> None:
    decision = decide(
        POLICY, facts(outbound=days_ago(25, 20, 3, 1)), kind="SERVICE", channel="PHONE", at=NOW
    )
    assert [r.rule for r in decision.reasons] == [Rule.WEEKLY_LIMIT, Rule.MONTHLY_LIMIT]
    assert decision.next_allowed_at == max(
        NOW - timedelta(days=3) + timedelta(days=7), NOW - timedelta(days=25) + timedelta(days=30)
    )


def test_the_quiet_period_holds_back_marketing_only() -> None:
    served = facts(last_service=NOW - timedelta(hours=5))
    assert rules_of(served) == [Rule.QUIET_PERIOD]
    assert rules_of(served, kind="SERVICE") == []


def test_do_not_contact_and_consent_leave_no_time_to_wait() -> None:
    decision = decide(
        POLICY,
        facts(consent=[], outbound=days_ago(1, 2), do_not_contact=True),
        kind="OFFER",
        channel="SMS",
        at=NOW,
    )
    assert [r.rule for r in decision.reasons] == [
        Rule.DO_NOT_CONTACT,
        Rule.CONSENT_REQUIRED,
        Rule.WEEKLY_LIMIT,
    ]
    assert decision.next_allowed_at is None


@pytest.mark.parametrize(
    ("kind", "channel", "needs_consent"),
    [
        ("GREETING", "EMAIL", True),
        ("SERVICE", "NEWSLETTER", True),  # the channel is marketing whatever is said
        ("REMINDER", "ADVERTISING", True),
        ("MARKETING", "CHAT", True),
        ("SERVICE", "EMAIL", False),
        ("REMINDER", "SMS", False),
    ],
)
def test_marketing_like_contacts_need_consent(kind: str, channel: str, needs_consent: bool) -> None:
    assert (Rule.CONSENT_REQUIRED in rules_of(facts(consent=[]), kind, channel)) is needs_consent


@pytest.mark.parametrize(
    ("consent", "channel", "status"),
    [
        ([("EMAIL", "GRANTED")], "EMAIL", "GRANTED"),
        ([("EMAIL", "GRANTED")], "SMS", None),
        # A withdrawal without a channel, later, withdraws every channel.
        ([("ANY", "WITHDRAWN"), ("EMAIL", "GRANTED")], "EMAIL", "WITHDRAWN"),
        # A later statement on one channel speaks for it again.
        ([("EMAIL", "GRANTED"), ("ANY", "WITHDRAWN")], "EMAIL", "GRANTED"),
        ([("EMAIL", "GRANTED"), ("ANY", "WITHDRAWN")], "SMS", "WITHDRAWN"),
        # A fax is covered by post until the customer says something about faxes.
        ([("POST", "GRANTED")], "FAX", "GRANTED"),
        ([("POST", "GRANTED"), ("FAX", "DENIED")], "FAX", "DENIED"),
        ([("FAX", "DENIED"), ("POST", "GRANTED")], "FAX", "DENIED"),
        ([("EMAIL", "GRANTED")], "NEWSLETTER", "GRANTED"),
    ],
)
def test_which_consent_covers_a_contact(
    consent: list[tuple[str, str]], channel: str, status: str | None
) -> None:
    assert consent_status(consent, channel) == status


def test_planned_contacts_count_too() -> None:
    """A contact planned three days ahead shares a 7-day window with one made now."""
    planned = [NOW - timedelta(days=1), NOW + timedelta(days=3)]
    decision = decide(POLICY, facts(outbound=planned), kind="SERVICE", channel="PHONE", at=NOW)
    assert [r.rule for r in decision.reasons] == [Rule.WEEKLY_LIMIT]
    # Free once yesterday's has left the window, while the planned one is still near.
    assert decision.next_allowed_at is not None
    assert decision.next_allowed_at >= NOW + timedelta(days=6)

"""The contact policy's rules, and the decision they give for one contact.

A pure function of the policy and the facts read from the graph (`cdp.contact_policy.facts`),
so that `contactAllowed`, `recordTouchpoint` and the tests ask one thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from cdp.consent.channels import EVERY_CHANNEL, covering, is_marketing


class Rule(StrEnum):
    DO_NOT_CONTACT = "DO_NOT_CONTACT"
    CONSENT_REQUIRED = "CONSENT_REQUIRED"
    WEEKLY_LIMIT = "WEEKLY_LIMIT"
    MONTHLY_LIMIT = "MONTHLY_LIMIT"
    QUIET_PERIOD = "QUIET_PERIOD"
    REMINDER_INTERVAL = "REMINDER_INTERVAL"


# Limits, the quiet period and the pace of reminders are contact pressure; the others have
# codes of their own.
PRESSURE = frozenset(
    {Rule.WEEKLY_LIMIT, Rule.MONTHLY_LIMIT, Rule.QUIET_PERIOD, Rule.REMINDER_INTERVAL}
)
WEEK, MONTH = timedelta(days=7), timedelta(days=30)


@dataclass(frozen=True)
class ContactPolicy:
    weekly_limit: int = 3
    monthly_limit: int = 8
    quiet_hours_after_service: int = 48  # no marketing-like contact this soon after service
    invoice_reminder_days: int = 7  # at most one reminder per invoice this often


@dataclass(frozen=True)
class Facts:
    """What the graph says about a customer and its company (an organization with its contact
    persons), at the moment of the contact."""

    do_not_contact: bool
    # The customer's MARKETING consent events on the channels asked about, newest first.
    consent: list[tuple[str, str]]
    # Outbound contacts of the company within 30 days of the contact, either side, oldest first.
    outbound: list[datetime]
    # The latest service interaction (SERVICE or COMPLAINT) of the company, if any.
    last_service: datetime | None


@dataclass(frozen=True)
class Reason:
    rule: Rule
    message: str


@dataclass(frozen=True)
class Decision:
    reasons: list[Reason]
    next_allowed_at: datetime | None  # when pressure alone holds it back; else none

    @property
    def allowed(self) -> bool:
        return not self.reasons


def consent_status(consent: list[tuple[str, str]], channel: str) -> str | None:
    """The customer's MARKETING consent for a contact on `channel`: the latest statement on the
    most specific covering channel said about, unless a later one without a channel says
    otherwise (`consent` is newest first)."""
    order = {name: position for position, (name, _) in reversed(list(enumerate(consent)))}
    own = next((order[c] for c in covering(channel) if c in order), None)
    blanket = order.get(EVERY_CHANNEL)
    positions = [p for p in (own, blanket) if p is not None]
    return consent[min(positions)][1] if positions else None


def decide(
    policy: ContactPolicy,
    facts: Facts,
    *,
    kind: str,
    channel: str,
    at: datetime,
    last_reminder: datetime | None = None,
) -> Decision:
    """Every rule the outbound contact (`kind` on `channel`, at `at`) would break; for an
    invoice's reminder, `last_reminder` is when the invoice was last reminded of."""
    reasons: list[Reason] = []
    waits: list[datetime] = []
    if facts.do_not_contact:
        reasons.append(Reason(Rule.DO_NOT_CONTACT, "The customer asked not to be contacted."))
    marketing = is_marketing(kind, channel)
    if marketing and consent_status(facts.consent, channel) != "GRANTED":
        reasons.append(
            Reason(
                Rule.CONSENT_REQUIRED,
                f"The customer has not consented to marketing by {channel.lower()}.",
            )
        )
    pace = timedelta(days=policy.invoice_reminder_days)
    if last_reminder is not None and at < last_reminder + pace:
        reasons.append(
            Reason(
                Rule.REMINDER_INTERVAL,
                f"This invoice was reminded of less than {policy.invoice_reminder_days} days ago.",
            )
        )
        waits.append(last_reminder + pace)
    for rule, window, limit, name in (
        (Rule.WEEKLY_LIMIT, WEEK, policy.weekly_limit, "7"),
        (Rule.MONTHLY_LIMIT, MONTH, policy.monthly_limit, "30"),
    ):
        # "In any 7 days": every window that would hold this contact, so the contacts within
        # the window's length of it on either side (planned ones, and ones recorded while this
        # one waited for its lock, included).
        near = [t for t in facts.outbound if abs(t - at) < window]
        if len(near) >= limit:
            reasons.append(
                Reason(
                    rule,
                    f"{len(near)} outbound contacts with the customer's company within {name} "
                    f"days of this one; the policy allows {limit} in any {name} days.",
                )
            )
            if (free := _free_from(facts.outbound, at, window, limit)) is not None:
                waits.append(free)
    quiet = timedelta(hours=policy.quiet_hours_after_service)
    if marketing and facts.last_service is not None and at < facts.last_service + quiet:
        reasons.append(
            Reason(
                Rule.QUIET_PERIOD,
                f"A service interaction less than {policy.quiet_hours_after_service} hours ago: "
                "no marketing until the quiet period ends.",
            )
        )
        waits.append(facts.last_service + quiet)
    final = any(reason.rule not in PRESSURE for reason in reasons)
    return Decision(reasons, None if final or not waits else max(waits))


def _free_from(
    times: list[datetime], at: datetime, window: timedelta, limit: int
) -> datetime | None:
    """The first moment from `at` on with fewer than `limit` contacts within `window` of it:
    one at which a contact leaves the window."""
    for moment in sorted(t + window for t in times if t + window >= at):
        if sum(1 for t in times if abs(t - moment) < window) < limit:
            return moment
    return None

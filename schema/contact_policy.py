"""The contact policy: how often and when the business may reach out, and whether it may now."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from resolvers import contact_policy as resolve
from schema.common import Channel
from schema.context import Info
from schema.permissions import MayRead, MayRun
from schema.rows import Row
from schema.selection import selection
from schema.touchpoints import TouchpointKind


@strawberry.type(description="The contact policy every outbound contact is held to.")
class ContactPolicy:
    weekly_limit: int = strawberry.field(
        description="Outbound contacts with a customer's company (an organization and its "
        "contact persons) in any 7 days."
    )
    monthly_limit: int = strawberry.field(description="The same in any 30 days.")
    quiet_hours_after_service: int = strawberry.field(
        description="No marketing-like contact this many hours after a SERVICE or COMPLAINT "
        "touchpoint of the company."
    )
    invoice_reminder_days: int = strawberry.field(
        description="At most one reminder per invoice in this many days."
    )


@strawberry.input(description="The settings given change; the others stay.")
class ContactPolicyInput:
    weekly_limit: int | None = strawberry.field(default=None, description="0 to 100.")
    monthly_limit: int | None = strawberry.field(default=None, description="0 to 400.")
    quiet_hours_after_service: int | None = strawberry.field(default=None, description="0 to 720.")
    invoice_reminder_days: int | None = strawberry.field(default=None, description="1 to 90.")


@strawberry.enum(description="A rule of the contact policy.")
class ContactRule(Enum):
    DO_NOT_CONTACT = "DO_NOT_CONTACT"
    CONSENT_REQUIRED = "CONSENT_REQUIRED"
    WEEKLY_LIMIT = "WEEKLY_LIMIT"
    MONTHLY_LIMIT = "MONTHLY_LIMIT"
    QUIET_PERIOD = "QUIET_PERIOD"
    REMINDER_INTERVAL = "REMINDER_INTERVAL"


@strawberry.type(description="A rule a contact would break, or broke, in words.")
class ContactReason:
    rule: ContactRule
    message: str


@strawberry.type
class ContactDecision:
    allowed: bool
    reasons: list[ContactReason] = strawberry.field(description="Every rule it would break.")
    next_allowed_at: datetime | None = strawberry.field(
        description="When the limits and the quiet period would allow it; null when it is "
        "allowed, or held back by consent or the customer's wish."
    )


@strawberry.type(description="A contact made against the policy, deliberately.")
class ContactOverride:
    reason: str
    by: str = strawberry.field(description="Who overrode it: the employee, or the API key.")


@strawberry.type
class ContactPolicyQueries:
    @strawberry.field(graphql_type=ContactPolicy, permission_classes=[MayRead])
    async def contact_policy(self, info: Info) -> Row:
        return await resolve.contact_policy(info.context, selection(info))

    @strawberry.field(
        graphql_type=ContactDecision,
        permission_classes=[MayRead],
        description="Whether an outbound contact may be made now, and every reason why not.",
    )
    async def contact_allowed(
        self, info: Info, customer: strawberry.ID, channel: Channel, kind: TouchpointKind
    ) -> Row:
        return await resolve.contact_allowed(info.context, selection(info))


@strawberry.type
class ContactPolicyMutations:
    @strawberry.field(
        graphql_type=ContactPolicy,
        permission_classes=[MayRun],
        description="Admins: change the contact policy.",
    )
    async def set_contact_policy(self, info: Info, input: ContactPolicyInput) -> Row:
        return await resolve.set_contact_policy(info.context, selection(info))

"""Touchpoints, every contact with a customer: types, inputs and root fields."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import UNSET

from cdp import bounds
from resolvers import touchpoints as resolve
from schema import paging
from schema.common import (
    IDEMPOTENCY_KEY,
    Channel,
    Connection,
    Node,
)
from schema.context import Info
from schema.permissions import MayRun
from schema.rows import Row
from schema.selection import selection

if TYPE_CHECKING:
    from schema.campaigns import Campaign
    from schema.catalog import Employee
    from schema.contact_policy import ContactOverride, ContactReason
    from schema.customers import Customer
    from schema.orders import Order

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]
EmployeeRef = Annotated["Employee", strawberry.lazy("schema.catalog")]
OrderRef = Annotated["Order", strawberry.lazy("schema.orders")]
CampaignRef = Annotated["Campaign", strawberry.lazy("schema.campaigns")]
ContactReasonRef = Annotated["ContactReason", strawberry.lazy("schema.contact_policy")]
ContactOverrideRef = Annotated["ContactOverride", strawberry.lazy("schema.contact_policy")]


@strawberry.enum
class Direction(Enum):
    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"


@strawberry.enum(description="What a touchpoint was about.")
class TouchpointKind(Enum):
    INQUIRY = "INQUIRY"
    COMPLAINT = "COMPLAINT"
    SERVICE = "SERVICE"
    SALE = "SALE"
    MARKETING = "MARKETING"
    REMINDER = "REMINDER"
    FOLLOW_UP = "FOLLOW_UP"
    GREETING = "GREETING"
    OFFER = "OFFER"
    ACCOUNT_REVIEW = "ACCOUNT_REVIEW"


@strawberry.type(description="A complaint's service level: when it is due, and whether it was met.")
class SlaStatus:
    due_at: datetime = strawberry.field(
        description="Computed from the service-level table when the complaint was recorded."
    )
    breached: bool = strawberry.field(
        description="Resolved after its due time, or still open past it."
    )
    remaining: int | None = strawberry.field(
        description="Whole seconds until it is due, negative past it; null once resolved."
    )


@strawberry.type(description="One contact with a customer or prospect, and how it went.")
class Touchpoint(Node):
    id: strawberry.ID
    channel: Channel
    direction: Direction
    kind: TouchpointKind
    occurred_at: datetime
    summary: str | None
    outcome: str | None
    satisfaction: int | None = strawberry.field(description="1 (very unhappy) to 5 (delighted).")
    resolved: bool
    resolved_at: datetime | None
    resolution: str | None = strawberry.field(description="How a complaint was resolved.")
    first_contact_resolution: bool | None = strawberry.field(
        description="A complaint resolved at the first contact, without coming back."
    )
    follow_up_at: datetime | None = strawberry.field(
        description="When someone should get back to the customer about it."
    )
    sla: SlaStatus | None = strawberry.field(
        description="A complaint's service level; null for other kinds, and for complaints "
        "recorded before service levels were kept."
    )
    handled_by: EmployeeRef | None = strawberry.field(
        description="For a complaint recorded without one: the customer's account owner."
    )
    customer: CustomerRef
    over_policy: bool = strawberry.field(
        description="An outbound contact that broke the contact policy: recorded after it "
        "happened, or made with an override."
    )
    policy_reasons: list[ContactReasonRef] = strawberry.field(
        description="The rules it broke, in words."
    )
    override: ContactOverrideRef | None = strawberry.field(
        description="Made against the policy deliberately: why, and who decided."
    )
    in_reply_to: Touchpoint | None = strawberry.field(
        description="The inbound touchpoint this one answers."
    )
    order: OrderRef | None = strawberry.field(
        description="For an invoice reminder: the order whose invoice it reminds of."
    )
    campaign: CampaignRef | None = strawberry.field(
        description="The campaign it belongs to. Not for partner keys."
    )


@strawberry.type(description="Touchpoints of one kind an employee handled.")
class KindStats:
    kind: TouchpointKind
    count: int
    average_satisfaction: float | None = strawberry.field(description="Of those rated, 1 to 5.")


@strawberry.type(description="How an employee served the customers they were in touch with.")
class ServiceStats:
    touchpoints: int = strawberry.field(description="Touchpoints handled.")
    complaints: int = strawberry.field(description="Complaints handled.")
    resolved: int = strawberry.field(description="Of those complaints, resolved.")
    first_contact_rate: float | None = strawberry.field(
        description="The share of resolved complaints resolved at first contact, 0 to 1; null "
        "while none is resolved."
    )
    breaches: int = strawberry.field(
        description="Complaints resolved after their due time or open past it."
    )
    average_satisfaction: float | None = strawberry.field(
        description="Of the touchpoints rated, 1 to 5; null while none is."
    )
    by_kind: list[KindStats] = strawberry.field(
        description="The mix of what they handled: each kind handled, with its satisfaction."
    )


@strawberry.input
class ContactOverrideInput:
    reason: str = strawberry.field(description="Why the policy is overridden; 500 characters.")


@strawberry.input
class TouchpointInput:
    customer_id: strawberry.ID
    channel: Channel
    direction: Direction
    kind: TouchpointKind
    occurred_at: datetime | None = strawberry.field(default=None, description="Default: now.")
    summary: str | None = None
    outcome: str | None = None
    satisfaction: int | None = strawberry.field(default=None, description="1 to 5.")
    resolved: bool = False
    handled_by_id: strawberry.ID | None = strawberry.field(
        default=None, description="Default for a complaint: the customer's account owner."
    )
    follow_up_at: datetime | None = None
    campaign_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The campaign this contact belongs to: the customer becomes the campaign's "
        "if no campaign touched it before. Not for partners.",
    )
    in_reply_to: strawberry.ID | None = strawberry.field(
        default=None,
        description="The customer's inbound touchpoint this one answers: a reply is never held "
        "back by the contact policy.",
    )
    override: ContactOverrideInput | None = strawberry.field(
        default=None,
        description="Make an outbound contact the contact policy would refuse; the reason is "
        "kept with who gave it. Not for partners.",
    )
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY_KEY)


@strawberry.input(description="Only the fields given change; null clears one.")
class TouchpointPatch:
    summary: str | None = UNSET
    outcome: str | None = UNSET
    satisfaction: int | None = strawberry.field(default=UNSET, description="1 to 5.")
    follow_up_at: datetime | None = UNSET


@strawberry.type
class TouchpointMutations:
    @strawberry.field(permission_classes=[MayRun], graphql_type=Touchpoint)
    async def record_touchpoint(self, info: Info, input: TouchpointInput) -> Row:
        return await resolve.record_touchpoint(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Touchpoint,
        description="Closes a complaint, once (INVALID_TRANSITION after that).",
    )
    async def resolve_complaint(
        self,
        info: Info,
        id: strawberry.ID,
        resolution: Annotated[
            str, strawberry.argument(description="How it was resolved; 10,000 characters.")
        ],
        first_contact: Annotated[
            bool, strawberry.argument(description="Resolved at the first contact.")
        ] = False,
    ) -> Row:
        return await resolve.resolve_complaint(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=Touchpoint)
    async def update_touchpoint(self, info: Info, id: strawberry.ID, input: TouchpointPatch) -> Row:
        return await resolve.update_touchpoint(info.context, selection(info))


@strawberry.enum(description="The order of a touchpoint list; ties are broken by id.")
class TouchpointOrder(Enum):
    OCCURRED_AT_DESC = "OCCURRED_AT_DESC"
    OCCURRED_AT_ASC = "OCCURRED_AT_ASC"
    DUE_AT_ASC = strawberry.enum_value(
        "DUE_AT_ASC",
        description="By a complaint's due time (sla.dueAt); touchpoints without one last. Not "
        "for partner keys (FORBIDDEN).",
    )


@strawberry.input(description="Conditions on touchpoints; all given conditions must hold.")
class TouchpointFilter:
    kind: list[TouchpointKind] | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nothing.",
    )
    channel: list[Channel] | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nothing.",
    )
    direction: Direction | None = strawberry.UNSET
    open: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="true: complaints not resolved yet; false: every other touchpoint. Not for "
        "partner keys (FORBIDDEN).",
    )
    sla_breached: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="true: complaints whose service level is breached (sla.breached: resolved "
        "after their due time, or open past it); false: every other touchpoint, those without "
        "a due time too. Not for partner keys (FORBIDDEN).",
    )
    handled_by: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="The employee who handles it. Not for partner keys (FORBIDDEN).",
    )
    account_owner: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="The employee who now owns the customer's account. Not for partner keys "
        "(FORBIDDEN).",
    )
    customer: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The customer it was with."
    )
    since: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="Occurred at or after this time (inclusive)."
    )
    until: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="Occurred before this time (exclusive)."
    )
    follow_up_due: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="true: its followUpAt is now or past; false: it is later, or not set. Not "
        "for partner keys (FORBIDDEN).",
    )


@strawberry.type
class TouchpointQueries:
    # Arguments are declared here for the schema; the resolver reads their coerced values from
    # the selection, where the compiler reads them too.
    @strawberry.field(
        graphql_type=Connection[Touchpoint],
        description="Touchpoints with every customer matching a filter, sorted (newest first "
        "unless asked otherwise), a page at a time. A partner sees the touchpoints of the "
        "customers it may see.",
    )
    async def touchpoints(
        self,
        info: Info,
        filter: TouchpointFilter | None = None,
        order_by: TouchpointOrder | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
        after: str | None = None,
    ) -> Row:
        return await resolve.touchpoint_list(info.context, selection(info))

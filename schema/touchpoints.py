"""Touchpoints, every contact with a customer: types, inputs and root fields."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers import touchpoints as resolve
from schema.common import (
    IDEMPOTENCY_KEY,
    Channel,
    Node,
)
from schema.context import Info
from schema.permissions import MayRun
from schema.rows import Row
from schema.selection import selection

if TYPE_CHECKING:
    from schema.catalog import Employee
    from schema.customers import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]
EmployeeRef = Annotated["Employee", strawberry.lazy("schema.catalog")]


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
    handled_by: EmployeeRef | None
    customer: CustomerRef


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
    handled_by_id: strawberry.ID | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY_KEY)


@strawberry.type
class TouchpointMutations:
    @strawberry.field(permission_classes=[MayRun], graphql_type=Touchpoint)
    async def record_touchpoint(self, info: Info, input: TouchpointInput) -> Row:
        return await resolve.record_touchpoint(info.context, selection(info))

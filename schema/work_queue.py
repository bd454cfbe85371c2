"""The work queue: what an account owner should do on a day, most pressing first."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers import work_queue as resolve
from schema import paging
from schema.common import Money
from schema.contact_policy import ContactDecision
from schema.context import Info
from schema.permissions import MayRead
from schema.rows import Row
from schema.selection import selection

if TYPE_CHECKING:
    from schema.customers import Customer
    from schema.goals import Goal
    from schema.orders import Order
    from schema.touchpoints import Touchpoint

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]
GoalRef = Annotated["Goal", strawberry.lazy("schema.goals")]
OrderRef = Annotated["Order", strawberry.lazy("schema.orders")]
TouchpointRef = Annotated["Touchpoint", strawberry.lazy("schema.touchpoints")]


@strawberry.interface(description="Something to do, and why it comes where it does.")
class WorkItem:
    priority: int = strawberry.field(description="1 first.")
    reason: str
    customer: CustomerRef | None
    contact: ContactDecision | None = strawberry.field(
        description="The contact policy's decision on the contact the item calls for (a "
        "reminder, a follow-up, a greeting), now; shown even when refused. Null for items "
        "that call for none."
    )

    @classmethod
    def resolve_type(cls, obj: object, *_: object) -> str:
        return str(obj["__typename"]) if isinstance(obj, dict) else type(obj).__name__


@strawberry.type(description="An open complaint: past its due time first, then by due time.")
class ComplaintDue(WorkItem):
    touchpoint: TouchpointRef
    due_at: datetime
    breached: bool


@strawberry.type(description="An overdue, unpaid invoice: by amount due times days overdue.")
class InvoiceReminder(WorkItem):
    order: OrderRef
    days_overdue: int
    amount_due: Money
    last_reminder_at: datetime | None


@strawberry.type(description="A touchpoint whose follow-up time has come.")
class FollowUpDue(WorkItem):
    touchpoint: TouchpointRef
    due_at: datetime


@strawberry.type(
    description="A goal active on the day and off track (its customer's, its owner's or the "
    "business's): furthest behind first."
)
class GoalAtRisk(WorkItem):
    goal: GoalRef


@strawberry.enum
class Occasion(Enum):
    BIRTHDAY = "BIRTHDAY"
    ANNIVERSARY = "ANNIVERSARY"


@strawberry.type(description="A birthday, or the anniversary of when the customer came to us.")
class GreetingDue(WorkItem):
    occasion: Occasion
    on: date
    years: int | None = strawberry.field(description="How old, or how many years a customer.")


@strawberry.type
class WorkQueueQueries:
    @strawberry.field(
        graphql_type=list[WorkItem],
        permission_classes=[MayRead],
        description="What the owner should do on a day (default: today in the business time "
        "zone), most pressing first. Without an owner: the items of customers nobody owns "
        "(admins).",
    )
    async def work_queue(
        self,
        info: Info,
        owner: strawberry.ID | None = None,
        on: date | None = None,
        first: Annotated[int | None, paging.first(100)] = 100,
    ) -> list[Row]:
        return await resolve.work_queue(info.context, selection(info))


WORK_ITEM_TYPES = (ComplaintDue, InvoiceReminder, GoalAtRisk, FollowUpDue, GreetingDue)

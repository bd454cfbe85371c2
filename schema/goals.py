"""Goals: a target for a customer, an owner's accounts or the business, over a period, with its
progress read from the graph. Types, inputs and root fields."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds, money
from resolvers import goals as resolve
from schema import paging
from schema.common import UNSET, Connection, Money, Node
from schema.context import Info
from schema.permissions import MayRead, MayRun
from schema.rows import Row, from_row
from schema.selection import selection

if TYPE_CHECKING:
    from schema.catalog import Employee
    from schema.customers import Customer
    from schema.touchpoints import Touchpoint

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]
EmployeeRef = Annotated["Employee", strawberry.lazy("schema.catalog")]
TouchpointRef = Annotated["Touchpoint", strawberry.lazy("schema.touchpoints")]

_DAYS = "in the business's calendar (CDP_BUSINESS_TIMEZONE)"
_YEARS = f"{bounds.PERIOD_YEARS[0]}-01-01 to {bounds.PERIOD_YEARS[1]}-12-31"


@strawberry.enum(description="What a goal counts in its period, in its scope.")
class GoalMetric(Enum):
    REVENUE = strawberry.enum_value(
        "REVENUE",
        description="The totals of completed orders placed in the period, in the goal's "
        "currency (orders in other currencies do not count).",
    )
    ORDER_COUNT = strawberry.enum_value(
        "ORDER_COUNT", description="Completed orders placed in the period."
    )
    OUTBOUND_CONTACTS = strawberry.enum_value(
        "OUTBOUND_CONTACTS", description="Outbound touchpoints that occurred in the period."
    )
    NEW_CUSTOMERS = strawberry.enum_value(
        "NEW_CUSTOMERS",
        description="Customers created in the period (for an owner: those they own now).",
    )


@strawberry.enum(description="Whom a goal is set for.")
class GoalScope(Enum):
    CUSTOMER = strawberry.enum_value("CUSTOMER", description="One customer.")
    OWNER = strawberry.enum_value(
        "OWNER", description="An account owner: the customers they own now, together."
    )
    BUSINESS = strawberry.enum_value("BUSINESS", description="The whole business.")


@strawberry.type(description=f"Days {_DAYS}, both inclusive.")
class GoalPeriod:
    from_: date = strawberry.field(name="from", description="The first day.")
    to: date = strawberry.field(description="The last day.")


@strawberry.type(description="An amount of money (REVENUE) or a count (the other metrics).")
class GoalValue:
    money: Money | None = strawberry.field(description="For REVENUE; null otherwise.")
    count: int | None = strawberry.field(description="For the other metrics; null for REVENUE.")


@strawberry.type(description="Where a goal stands, read from the graph at each request.")
class GoalProgress:
    actual: GoalValue = strawberry.field(description="What the period has reached so far.")
    ratio: float = strawberry.field(description="actual / target (1.0: reached).")
    on_track: bool = strawberry.field(
        description="actual >= target * the elapsed share of the period: the days elapsed, "
        "today included, over the days of the period, within 0 and 1 (before the period: "
        "always; after it: when the target was reached). Today is the business's day."
    )


@strawberry.type(description="A target for a period, and its progress.")
class Goal(Node):
    id: strawberry.ID
    metric: GoalMetric
    scope: GoalScope
    customer: CustomerRef | None = strawberry.field(
        description="The customer it is set for (scope CUSTOMER); null once deleted."
    )
    owner: EmployeeRef | None = strawberry.field(
        description="The account owner it is set for (scope OWNER)."
    )
    target: GoalValue = strawberry.field(
        description="REVENUE: an amount in the platform's currency; other metrics: a count."
    )
    period: GoalPeriod
    progress: GoalProgress
    created_at: datetime
    created_by: str = strawberry.field(
        description="Who set it: the employee's id, or the API key's id where the key names no "
        "employee."
    )
    updated_at: datetime

    @strawberry.field(
        description="The touchpoints of the goal's scope in its period, newest first: what was "
        "done against the result."
    )
    def actions(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[TouchpointRef]:
        return from_row(self, info)  # type: ignore[no-any-return]


@strawberry.input(description=f"Days {_DAYS}, both inclusive; from {_YEARS}.")
class GoalPeriodInput:
    from_: date = strawberry.field(name="from")
    to: date = strawberry.field(
        description=f"Not before `from`, at most {bounds.PERIOD_DAYS} days in all; beyond, "
        "VALUE_OUT_OF_RANGE."
    )


@strawberry.input(
    description="A target: `money` for REVENUE, `count` for the other metrics, and only that "
    "(else BAD_USER_INPUT on the field)."
)
class GoalValueInput:
    money: Decimal | None = strawberry.field(
        default=UNSET,
        description="In the platform's currency; above 0 and at most "
        f"{money.MAX_MINOR:,} minor units (VALUE_OUT_OF_RANGE).",
    )
    count: int | None = strawberry.field(
        default=UNSET, description=f"1 to {bounds.GOAL_COUNT:,} (VALUE_OUT_OF_RANGE)."
    )


@strawberry.input
class GoalInput:
    metric: GoalMetric
    target: GoalValueInput
    period: GoalPeriodInput
    customer_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A goal for this customer; not for NEW_CUSTOMERS, and not with ownerId "
        "(BAD_USER_INPUT).",
    )
    owner_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A goal for this employee's accounts. Neither id: a goal of the business.",
    )


@strawberry.input(description="What to change; the metric and whom it is set for stay.")
class GoalPatch:
    target: GoalValueInput | None = strawberry.field(
        default=UNSET, description="In the goal's metric's terms."
    )
    period: GoalPeriodInput | None = UNSET


@strawberry.input(description="Conditions on goals; all given conditions must hold.")
class GoalFilter:
    owner: strawberry.ID | None = strawberry.field(
        default=UNSET, description="Goals set for this employee."
    )
    customer: strawberry.ID | None = strawberry.field(
        default=UNSET, description="Goals set for this customer."
    )
    metric: list[GoalMetric] | None = strawberry.field(
        default=UNSET,
        description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nothing.",
    )
    scope: list[GoalScope] | None = strawberry.field(
        default=UNSET,
        description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nothing.",
    )
    active_on: date | None = strawberry.field(
        default=UNSET, description="The period holds this day."
    )
    on_track: bool | None = strawberry.field(
        default=UNSET, description="As `progress.onTrack` reads today."
    )


@strawberry.type
class GoalQueries:
    @strawberry.field(
        graphql_type=Connection[Goal],
        permission_classes=[MayRead],
        description="Goals matching a filter, the latest period first, a page at a time, each "
        "with its progress. Not for partner keys.",
    )
    async def goals(
        self,
        info: Info,
        filter: GoalFilter | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
        after: str | None = None,
    ) -> Row:
        return await resolve.goal_list(info.context, selection(info))


@strawberry.type
class GoalMutations:
    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Goal,
        description="Sets a new goal; NOT_FOUND when its customer or owner does not exist.",
    )
    async def set_goal(self, info: Info, input: GoalInput) -> Row:
        return await resolve.set_goal(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=Goal)
    async def update_goal(self, info: Info, id: strawberry.ID, input: GoalPatch) -> Row:
        return await resolve.update_goal(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        description="Deletes a goal and answers its id; NOT_FOUND when there is none.",
    )
    async def delete_goal(self, info: Info, id: strawberry.ID) -> strawberry.ID:
        return strawberry.ID(await resolve.delete_goal(info.context, selection(info)))

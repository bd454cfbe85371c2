"""What customers are related to: products, acquisition sources, employees."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from resolvers import catalog as resolve
from schema import paging
from schema.common import (
    UNSET,
    Money,
    Node,
)
from schema.context import Info
from schema.permissions import MayRead, MayRun
from schema.rows import Row, from_row
from schema.selection import selection

if TYPE_CHECKING:
    from schema.campaigns import Campaign
    from schema.customers import Customer
    from schema.goals import Goal
    from schema.touchpoints import ServiceStats

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]
ServiceStatsRef = Annotated["ServiceStats", strawberry.lazy("schema.touchpoints")]
GoalRef = Annotated["Goal", strawberry.lazy("schema.goals")]
CampaignRef = Annotated["Campaign", strawberry.lazy("schema.campaigns")]


@strawberry.enum(description="How a customer came to us.")
class AcquisitionKind(Enum):
    REFERRAL = "REFERRAL"
    CAMPAIGN = "CAMPAIGN"
    WEBSITE = "WEBSITE"
    STORE = "STORE"
    ADVERTISING = "ADVERTISING"
    NEWSLETTER = "NEWSLETTER"
    PARTNER = "PARTNER"
    EVENT = "EVENT"
    SOCIAL = "SOCIAL"
    OTHER = "OTHER"


@strawberry.type
class Product(Node):
    id: strawberry.ID
    sku: str
    name: str
    category: str | None
    active: bool
    price: Money
    unit_cost: Money | None = strawberry.field(description="What one unit costs us.")
    created_at: datetime
    customer_count: int = strawberry.field(description="Customers who bought it (completed).")

    @strawberry.field(description="Customers who bought it in a completed order, by name.")
    def customers(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[CustomerRef]:
        return from_row(self, info)  # type: ignore[no-any-return]


@strawberry.input
class ProductInput:
    sku: str
    name: str
    price: Decimal
    category: str | None = None
    unit_cost: Decimal | None = None
    currency: str | None = None
    active: bool = True


@strawberry.input
class ProductPatch:
    sku: str | None = UNSET
    name: str | None = UNSET
    price: Decimal | None = UNSET
    category: str | None = UNSET
    unit_cost: Decimal | None = UNSET
    active: bool | None = UNSET


@strawberry.type(
    description="A campaign, a partner, a store, a website: where customers come from."
)
class AcquisitionSource(Node):
    id: strawberry.ID
    kind: AcquisitionKind
    name: str
    created_at: datetime
    customer_count: int
    campaign: CampaignRef | None = strawberry.field(
        description="The campaign it stands for (kind CAMPAIGN). Not for partner keys."
    )

    @strawberry.field(description="Customers acquired through it, by name.")
    def customers(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[CustomerRef]:
        return from_row(self, info)  # type: ignore[no-any-return]


@strawberry.input
class AcquisitionSourceInput:
    kind: AcquisitionKind
    name: str


@strawberry.input
class AcquisitionSourcePatch:
    kind: AcquisitionKind | None = strawberry.field(
        default=UNSET,
        description="A source that stands for a campaign stays CAMPAIGN (else BAD_USER_INPUT).",
    )
    name: str | None = UNSET


@strawberry.type(description="A member of staff: account owners, agents.")
class Employee(Node):
    id: strawberry.ID
    name: str
    email: str | None
    title: str | None
    active: bool
    created_at: datetime
    customer_count: int = strawberry.field(description="Accounts owned now.")
    goals: list[GoalRef] = strawberry.field(
        description="The goals set for this employee's accounts, the latest period first; at "
        f"most the first {bounds.UNPAGED}."
    )

    @strawberry.field(description="The touchpoints they handled, and how their customers fared.")
    def service_stats(
        self,
        info: strawberry.Info,
        since: Annotated[
            datetime | None,
            strawberry.argument(description="Touchpoints from then on; default: all."),
        ] = None,
    ) -> ServiceStatsRef:
        return from_row(self, info)  # type: ignore[no-any-return]

    @strawberry.field(description="Accounts owned now, by name.")
    def customers(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[CustomerRef]:
        return from_row(self, info)  # type: ignore[no-any-return]


@strawberry.input
class EmployeeInput:
    name: str
    email: str | None = None
    title: str | None = None
    active: bool = True


@strawberry.input
class EmployeePatch:
    name: str | None = UNSET
    email: str | None = UNSET
    title: str | None = UNSET
    active: bool | None = UNSET


CATALOG_FIRST = Annotated[int | None, paging.first(bounds.CATALOG_PAGE)]


@strawberry.type
class CatalogQueries:
    @strawberry.field(graphql_type=list[Product])
    async def products(self, info: Info, first: CATALOG_FIRST = bounds.CATALOG_PAGE) -> list[Row]:
        return await resolve.products(info.context, selection(info))

    @strawberry.field(graphql_type=list[AcquisitionSource])
    async def acquisition_sources(
        self, info: Info, first: CATALOG_FIRST = bounds.CATALOG_PAGE
    ) -> list[Row]:
        return await resolve.acquisition_sources(info.context, selection(info))

    @strawberry.field(graphql_type=list[Employee], permission_classes=[MayRead])
    async def employees(self, info: Info, first: CATALOG_FIRST = bounds.CATALOG_PAGE) -> list[Row]:
        return await resolve.employees(info.context, selection(info))


@strawberry.type
class CatalogMutations:
    @strawberry.field(permission_classes=[MayRun], graphql_type=Product)
    async def create_product(self, info: Info, input: ProductInput) -> Row:
        return await resolve.create_product(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=Product)
    async def update_product(self, info: Info, id: strawberry.ID, input: ProductPatch) -> Row:
        return await resolve.update_product(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=AcquisitionSource)
    async def create_acquisition_source(self, info: Info, input: AcquisitionSourceInput) -> Row:
        return await resolve.create_acquisition_source(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=AcquisitionSource)
    async def update_acquisition_source(
        self, info: Info, id: strawberry.ID, input: AcquisitionSourcePatch
    ) -> Row:
        return await resolve.update_acquisition_source(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=Employee)
    async def create_employee(self, info: Info, input: EmployeeInput) -> Row:
        return await resolve.create_employee(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=Employee)
    async def update_employee(self, info: Info, id: strawberry.ID, input: EmployeePatch) -> Row:
        return await resolve.update_employee(info.context, selection(info))

"""Campaigns: marketing and trade promotions over a period, whom they reached and what it earned.
Types, inputs and root fields."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds, money
from resolvers import campaigns as resolve
from schema import paging
from schema.common import UNSET, Channel, Connection, Money, Node
from schema.context import Info
from schema.permissions import MayRead, MayRun
from schema.rows import Row, from_row
from schema.selection import selection

if TYPE_CHECKING:
    from schema.catalog import AcquisitionSource, Product
    from schema.customers import Customer
    from schema.touchpoints import Touchpoint

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]
ProductRef = Annotated["Product", strawberry.lazy("schema.catalog")]
SourceRef = Annotated["AcquisitionSource", strawberry.lazy("schema.catalog")]
TouchpointRef = Annotated["Touchpoint", strawberry.lazy("schema.touchpoints")]

_DAYS = "in the business's calendar (CDP_BUSINESS_TIMEZONE)"
_YEARS = f"{bounds.PERIOD_YEARS[0]}-01-01 to {bounds.PERIOD_YEARS[1]}-12-31"
_WINDOW = bounds.CAMPAIGN_WINDOW_DAYS
_FIRST_TOUCH = (
    "A customer belongs to the campaign that touched it first: acquired through the campaign's "
    "acquisition source (at the acquisition's time) or by a touchpoint naming the campaign (when "
    "it occurred); on a tie, the campaign of the smaller id."
)


@strawberry.enum(description="What a campaign is.")
class CampaignKind(Enum):
    MARKETING = strawberry.enum_value("MARKETING", description="Reaching customers and leads.")
    TRADE_PROMOTION = strawberry.enum_value(
        "TRADE_PROMOTION",
        description="A deal for trade customers on some products (described, not priced), "
        "with the customers taking part; its `lift` compares their sales of the products.",
    )


@strawberry.type(description=f"Days {_DAYS}, both inclusive.")
class CampaignPeriod:
    from_: date = strawberry.field(name="from", description="The first day.")
    to: date = strawberry.field(description="The last day.")


@strawberry.type(
    description="Completed sales of a trade promotion's products (quantity times unit price of "
    "the order lines, in the campaign's currency) in its period and in the same number of "
    "days just before it."
)
class CustomerLift:
    customer: CustomerRef
    during: Money
    before: Money
    ratio: float | None = strawberry.field(
        description="during / before (1.25: a quarter more); null when nothing was sold before."
    )


@strawberry.type(description="A trade promotion's lift: its participants' sales together.")
class PromotionLift:
    during: Money
    before: Money
    ratio: float | None = strawberry.field(
        description="during / before (1.25: a quarter more); null when nothing was sold before."
    )
    by_customer: list[CustomerLift] = strawberry.field(
        description="Each participating customer's, by name."
    )


@strawberry.type(
    description="A campaign over a period, its budget, and what it brought, read from the graph "
    f"at each request. {_FIRST_TOUCH} Its revenue and conversions count the completed orders "
    "in the campaign's currency that a customer of the campaign placed from its first touch "
    f"on, within the campaign's period or the {_WINDOW} days after it."
)
class Campaign(Node):
    id: strawberry.ID
    name: str
    kind: CampaignKind
    channel: Channel | None = strawberry.field(description="The channel it runs on, if one.")
    period: CampaignPeriod
    budget: Money | None = strawberry.field(description="What it may spend, if set.")
    deal: str | None = strawberry.field(
        description="A trade promotion's deal or discount, as described."
    )
    acquisition_source: SourceRef = strawberry.field(
        description="The acquisition source of kind CAMPAIGN that stands for it: customers "
        "acquired through it are the campaign's."
    )
    touchpoint_count: int = strawberry.field(description="Touchpoints naming the campaign.")
    lead_count: int = strawberry.field(description="Customers of the campaign (first touch).")
    conversions: int = strawberry.field(
        description="Customers of the campaign with at least one completed order that counts "
        "towards it."
    )
    conversion_rate: float | None = strawberry.field(
        description="conversions / leadCount; null without leads."
    )
    revenue: Money = strawberry.field(
        description="The totals of the completed orders that count towards it."
    )
    products: list[ProductRef] = strawberry.field(
        description=f"A trade promotion's products, by name (at most "
        f"{bounds.CAMPAIGN_PRODUCTS}); empty for other campaigns."
    )
    lift: PromotionLift | None = strawberry.field(description="Null unless a trade promotion.")
    created_at: datetime
    created_by: str = strawberry.field(
        description="Who created it: the employee's id, or the API key's id where the key names "
        "no employee."
    )
    updated_at: datetime

    @strawberry.field(description="Touchpoints naming the campaign, newest first.")
    def touchpoints(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[TouchpointRef]:
        return from_row(self, info)  # type: ignore[no-any-return]

    @strawberry.field(description="Customers of the campaign (first touch), by name.")
    def leads(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[CustomerRef]:
        return from_row(self, info)  # type: ignore[no-any-return]

    @strawberry.field(description="A trade promotion's participating customers, by name.")
    def participants(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[CustomerRef]:
        return from_row(self, info)  # type: ignore[no-any-return]


@strawberry.input(description=f"Days {_DAYS}, both inclusive; from {_YEARS}.")
class CampaignPeriodInput:
    from_: date = strawberry.field(name="from")
    to: date = strawberry.field(
        description=f"Not before `from`, at most {bounds.PERIOD_DAYS} days in all; beyond, "
        "VALUE_OUT_OF_RANGE."
    )


_BUDGET = f"In the platform's currency; 0 to {money.MAX_MINOR:,} minor units (VALUE_OUT_OF_RANGE)."
_PRODUCTS = (
    f"A trade promotion's products (at most {bounds.CAMPAIGN_PRODUCTS}, LIST_TOO_LONG); "
    "BAD_USER_INPUT for another kind."
)
_PARTICIPANTS = (
    f"The trade customers taking part (at most {bounds.CAMPAIGN_PARTICIPANTS}, LIST_TOO_LONG); "
    "BAD_USER_INPUT for another kind."
)


@strawberry.input
class CampaignInput:
    name: str
    period: CampaignPeriodInput
    kind: CampaignKind = CampaignKind.MARKETING
    channel: Channel | None = None
    budget: Decimal | None = strawberry.field(default=None, description=_BUDGET)
    deal: str | None = None
    acquisition_source_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="An acquisition source of kind CAMPAIGN (else BAD_USER_INPUT) that stands "
        "for no other campaign (else CONFLICT). Left out: a new source of the campaign's name.",
    )
    product_ids: list[strawberry.ID] | None = strawberry.field(default=None, description=_PRODUCTS)
    participant_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description=_PARTICIPANTS
    )


@strawberry.input(
    description="What to change; null clears an optional field (a name or a period cannot be "
    "cleared: BAD_USER_INPUT). The kind and the acquisition source stay; lists given replace "
    "the stored ones."
)
class CampaignPatch:
    name: str | None = UNSET
    period: CampaignPeriodInput | None = UNSET
    channel: Channel | None = UNSET
    budget: Decimal | None = strawberry.field(default=UNSET, description=_BUDGET)
    deal: str | None = UNSET
    product_ids: list[strawberry.ID] | None = strawberry.field(default=UNSET, description=_PRODUCTS)
    participant_ids: list[strawberry.ID] | None = strawberry.field(
        default=UNSET, description=_PARTICIPANTS
    )


@strawberry.input(description="Conditions on campaigns; all given conditions must hold.")
class CampaignFilter:
    kind: list[CampaignKind] | None = strawberry.field(
        default=UNSET,
        description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nothing.",
    )
    channel: list[Channel] | None = strawberry.field(
        default=UNSET,
        description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nothing.",
    )
    active_on: date | None = strawberry.field(
        default=UNSET, description="The period holds this day."
    )


@strawberry.type
class CampaignQueries:
    @strawberry.field(
        graphql_type=Connection[Campaign],
        permission_classes=[MayRead],
        description="Campaigns matching a filter, the latest period first, a page at a time. "
        "Not for partner keys.",
    )
    async def campaigns(
        self,
        info: Info,
        filter: CampaignFilter | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
        after: str | None = None,
    ) -> Row:
        return await resolve.campaign_list(info.context, selection(info))

    @strawberry.field(
        graphql_type=Campaign | None,
        permission_classes=[MayRead],
        description="The campaign of this id. Not for partner keys.",
    )
    async def campaign(self, info: Info, id: strawberry.ID) -> Row | None:
        return await resolve.campaign(info.context, selection(info))


@strawberry.type
class CampaignMutations:
    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Campaign,
        description="Creates a campaign; NOT_FOUND when a source, product or customer it names "
        "does not exist.",
    )
    async def create_campaign(self, info: Info, input: CampaignInput) -> Row:
        return await resolve.create_campaign(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=Campaign)
    async def update_campaign(self, info: Info, id: strawberry.ID, input: CampaignPatch) -> Row:
        return await resolve.update_campaign(info.context, selection(info))

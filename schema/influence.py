"""Who sways whom among customers: types, inputs and root fields."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers import influence as resolve
from schema.context import Info
from schema.permissions import MayRun
from schema.rows import Row
from schema.selection import selection

if TYPE_CHECKING:
    from schema.customers import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]


@strawberry.enum(description="Why one customer sways another.")
class InfluenceKind(Enum):
    OPINION_LEADER = "OPINION_LEADER"
    REFERRAL = "REFERRAL"
    FAMILY = "FAMILY"
    COLLEAGUE = "COLLEAGUE"
    PEER = "PEER"


@strawberry.type(description="One customer's sway over another.")
class Influence:
    customer: CustomerRef = strawberry.field(description="The customer at the other end.")
    strength: float = strawberry.field(description="From 0 (none) to 1 (decisive).")
    kind: InfluenceKind
    since: datetime | None
    evidence: str | None


@strawberry.input
class InfluenceInput:
    from_id: strawberry.ID = strawberry.field(description="The influencing customer.")
    to_id: strawberry.ID = strawberry.field(description="The influenced customer.")
    strength: float = strawberry.field(description="0 to 1.")
    kind: InfluenceKind
    since: datetime | None = None
    evidence: str | None = None


@strawberry.input
class InfluencePairInput:
    from_id: strawberry.ID
    to_id: strawberry.ID


@strawberry.type
class InfluenceMutations:
    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Influence,
        description="Create or update an influence; `customer` of the result is the influenced.",
    )
    async def link_influence(self, info: Info, input: InfluenceInput) -> Row:
        return await resolve.link_influence(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        description="True if an influence was removed; unlinking twice is harmless.",
    )
    async def unlink_influence(self, info: Info, input: InfluencePairInput) -> bool:
        return await resolve.unlink_influence(info.context, selection(info))

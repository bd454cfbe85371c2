"""The people at an organization customer: types, inputs and root fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from resolvers import contacts as resolve
from schema.common import (
    EMAILS,
    PHONES,
    Channel,
    Node,
    at_most,
)
from schema.context import Info
from schema.permissions import MayRun
from schema.rows import Row
from schema.selection import selection

if TYPE_CHECKING:
    from schema.customers import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]


@strawberry.type(description="A person at an organization customer.")
class Contact(Node):
    id: strawberry.ID
    name: str
    role: str | None
    emails: list[str]
    phones: list[str]
    channels: list[Channel]
    organization: CustomerRef
    person: CustomerRef | None = strawberry.field(
        description="The person's own customer record, when they are one."
    )


@strawberry.input
class ContactInput:
    name: str
    role: str | None = None
    emails: list[str] = strawberry.field(default_factory=list, description=EMAILS)
    phones: list[str] = strawberry.field(default_factory=list, description=PHONES)
    channels: list[Channel] = strawberry.field(
        default_factory=list, description=at_most(bounds.CHANNELS, "channels, each kept once")
    )
    person_customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The person's own customer record, if they have one."
    )


@strawberry.type
class ContactMutations:
    @strawberry.field(permission_classes=[MayRun], graphql_type=Contact)
    async def add_contact(
        self, info: Info, organization_id: strawberry.ID, input: ContactInput
    ) -> Row:
        return await resolve.add_contact(info.context, selection(info))

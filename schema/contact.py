from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.common import Node
from schema.enums import Channel

if TYPE_CHECKING:
    from schema.customer import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customer")]


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

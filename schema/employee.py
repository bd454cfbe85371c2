from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from schema import paging
from schema.common import Node
from schema.rows import from_row

if TYPE_CHECKING:
    from schema.customer import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customer")]


@strawberry.type(description="A member of staff: account owners, agents.")
class Employee(Node):
    id: strawberry.ID
    name: str
    email: str | None
    title: str | None
    active: bool
    created_at: datetime
    customer_count: int = strawberry.field(description="Accounts owned now.")

    @strawberry.field(description="Accounts owned now, by name.")
    def customers(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[CustomerRef]:
        return from_row(self, info)  # type: ignore[no-any-return]

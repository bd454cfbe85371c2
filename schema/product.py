from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from schema import paging
from schema.common import Money, Node
from schema.rows import from_row

if TYPE_CHECKING:
    from schema.customer import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customer")]


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

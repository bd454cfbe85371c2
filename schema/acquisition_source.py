from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from schema import paging
from schema.common import Node
from schema.enums import AcquisitionKind
from schema.rows import from_row

if TYPE_CHECKING:
    from schema.customer import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customer")]


@strawberry.type(
    description="A campaign, a partner, a store, a website: where customers come from."
)
class AcquisitionSource(Node):
    id: strawberry.ID
    kind: AcquisitionKind
    name: str
    created_at: datetime
    customer_count: int

    @strawberry.field(description="Customers acquired through it, by name.")
    def customers(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[CustomerRef]:
        return from_row(self, info)  # type: ignore[no-any-return]

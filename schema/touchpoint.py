from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.common import Node
from schema.enums import Channel, Direction, TouchpointKind

if TYPE_CHECKING:
    from schema.customer import Customer
    from schema.employee import Employee

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customer")]
EmployeeRef = Annotated["Employee", strawberry.lazy("schema.employee")]


@strawberry.type(description="One contact with a customer or prospect, and how it went.")
class Touchpoint(Node):
    id: strawberry.ID
    channel: Channel
    direction: Direction
    kind: TouchpointKind
    occurred_at: datetime
    summary: str | None
    outcome: str | None
    satisfaction: int | None = strawberry.field(description="1 (very unhappy) to 5 (delighted).")
    resolved: bool
    handled_by: EmployeeRef | None
    customer: CustomerRef

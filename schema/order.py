from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from schema.common import Money, Node
from schema.enums import OrderStatus, PaymentMethod

if TYPE_CHECKING:
    from schema.customer import Customer
    from schema.product import Product

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customer")]
ProductRef = Annotated["Product", strawberry.lazy("schema.product")]


@strawberry.type
class LineItem:
    product: ProductRef
    quantity: int
    unit_price: Money
    total: Money


@strawberry.type
class Order(Node):
    id: strawberry.ID
    number: str
    system: str = strawberry.field(
        description='The system that issued the number: "cdp" (the business\'s own) unless '
        "the order was placed with another; numbers are unique per system."
    )
    status: OrderStatus
    placed_at: datetime
    payment_method: PaymentMethod | None
    currency: str
    total: Money
    items: list[LineItem]
    invoice_due_date: date | None
    paid_at: datetime | None = strawberry.field(description="Null while the invoice is unpaid.")
    customer: CustomerRef | None = strawberry.field(
        description="Null once the customer was deleted: orders are kept for the books."
    )

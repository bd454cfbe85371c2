"""Orders and their lines: types, inputs and root fields."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from resolvers import orders as resolve
from schema import paging
from schema.common import (
    IDEMPOTENCY_KEY,
    Channel,
    Connection,
    Money,
    Node,
)
from schema.context import Info
from schema.permissions import MayRun
from schema.rows import Row
from schema.selection import selection
from schema.touchpoints import ContactOverrideInput

if TYPE_CHECKING:
    from schema.catalog import Product
    from schema.customers import Customer
    from schema.touchpoints import Touchpoint

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customers")]
ProductRef = Annotated["Product", strawberry.lazy("schema.catalog")]
TouchpointRef = Annotated["Touchpoint", strawberry.lazy("schema.touchpoints")]


@strawberry.enum
class OrderStatus(Enum):
    COMPLETED = "COMPLETED"
    PENDING = "PENDING"
    UNREALIZED = "UNREALIZED"
    PLANNED = "PLANNED"


@strawberry.enum
class PaymentMethod(Enum):
    CARD = "CARD"
    BANK_TRANSFER = "BANK_TRANSFER"
    INVOICE = "INVOICE"
    CASH = "CASH"
    DIRECT_DEBIT = "DIRECT_DEBIT"
    WALLET = "WALLET"
    OTHER = "OTHER"


@strawberry.type
class LineItem:
    product: ProductRef
    quantity: int
    unit_price: Money
    total: Money


@strawberry.type
class OrderStatusChange:
    status: OrderStatus
    at: datetime = strawberry.field(
        description="When the order took this status: the placing time for the first entry."
    )
    by: str | None = strawberry.field(
        description="Who changed it: the employee's id, or the API key's id where the key names "
        'no employee; "migration" for the entry of an order placed before histories were kept. '
        "Null for partners."
    )
    reason: str | None


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
    status_history: list[OrderStatusChange] = strawberry.field(
        description="Every status the order has had, newest first (the latest 100): "
        "PLANNED → PENDING → COMPLETED, PLANNED or PENDING → UNREALIZED, and back to PENDING "
        "only by `reopenOrder`."
    )


@strawberry.input
class OrderItemInput:
    product_id: strawberry.ID
    quantity: int = strawberry.field(description="1 to 1,000,000.")
    unit_price: Decimal | None = strawberry.field(
        default=None,
        description="Default: the product's price. At most 100,000,000,000 minor units "
        "(1,000,000,000.00 in a two-decimal currency).",
    )


@strawberry.input
class OrderInput:
    customer_id: strawberry.ID
    items: list[OrderItemInput] = strawberry.field(
        description="1 to 1,000 lines; their total at most 10^13 minor units, and all of the "
        "customer's orders together at most 10^15."
    )
    number: str | None = strawberry.field(default=None, description="Default: generated.")
    system: str | None = strawberry.field(
        default=None,
        description='The system that issued `number`; default "cdp", the business\'s own. A '
        "partner names a system it owns when it gives a number.",
    )
    status: OrderStatus = strawberry.field(
        default=OrderStatus.PENDING,
        description="PLANNED, PENDING or COMPLETED; UNREALIZED is INVALID_TRANSITION.",
    )
    placed_at: datetime | None = None
    payment_method: PaymentMethod | None = None
    currency: str | None = strawberry.field(
        default=None, description="Default: the platform's currency."
    )
    invoice_due_date: date | None = strawberry.field(
        default=None,
        description="Not before the day the order is placed (UTC); none for a PLANNED order.",
    )
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY_KEY)


@strawberry.type
class OrderMutations:
    @strawberry.field(permission_classes=[MayRun], graphql_type=Order)
    async def place_order(self, info: Info, input: OrderInput) -> Row:
        return await resolve.place_order(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Order,
        description="Moves an order along PLANNED → PENDING → COMPLETED, or from PLANNED or "
        "PENDING to UNREALIZED; any other move is INVALID_TRANSITION. The status it already "
        "has changes nothing.",
    )
    async def set_order_status(
        self,
        info: Info,
        id: strawberry.ID,
        status: OrderStatus,
        reason: Annotated[
            str | None, strawberry.argument(description="Kept in the history; 500 characters.")
        ] = None,
        invoice_due_date: Annotated[
            date | None,
            strawberry.argument(
                description="The invoice's due date, for an order becoming PENDING or "
                "COMPLETED; not before the day it was placed."
            ),
        ] = None,
    ) -> Row:
        return await resolve.set_order_status(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Order,
        description="Returns a COMPLETED or UNREALIZED order to PENDING, the one way back; "
        "INVALID_TRANSITION for an order in another status.",
    )
    async def reopen_order(
        self,
        info: Info,
        id: strawberry.ID,
        reason: Annotated[
            str, strawberry.argument(description="Why: kept in the history; 500 characters.")
        ],
    ) -> Row:
        return await resolve.reopen_order(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=TouchpointRef,
        description="Reminds the customer of the order's overdue invoice: an outbound REMINDER "
        "touchpoint linked to the order, held to the contact policy (at most one per invoice "
        "in `invoiceReminderDays`) unless overridden. CONFLICT for an invoice that is paid, "
        "not overdue, or none.",
    )
    async def record_invoice_reminder(
        self,
        info: Info,
        order: strawberry.ID,
        channel: Channel,
        override: ContactOverrideInput | None = None,
    ) -> Row:
        return await resolve.record_invoice_reminder(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=Order)
    async def mark_invoice_paid(
        self, info: Info, order_id: strawberry.ID, paid_at: datetime | None = None
    ) -> Row:
        return await resolve.mark_invoice_paid(info.context, selection(info))


@strawberry.enum(description="The order of an order list; ties are broken by id.")
class OrderOrder(Enum):
    PLACED_AT_DESC = "PLACED_AT_DESC"
    PLACED_AT_ASC = "PLACED_AT_ASC"
    DUE_DATE_ASC = strawberry.enum_value(
        "DUE_DATE_ASC", description="By invoice due date; orders without one last."
    )
    DUE_DATE_DESC = strawberry.enum_value(
        "DUE_DATE_DESC", description="By invoice due date; orders without one last."
    )
    TOTAL_ASC = strawberry.enum_value(
        "TOTAL_ASC", description="By amount in minor units, whatever the currency."
    )
    TOTAL_DESC = strawberry.enum_value(
        "TOTAL_DESC", description="By amount in minor units, whatever the currency."
    )


@strawberry.input(description="Conditions on orders; all given conditions must hold.")
class OrderFilter:
    status: list[OrderStatus] | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nothing.",
    )
    unpaid: bool | None = strawberry.field(
        default=strawberry.UNSET, description="true: paidAt is null; false: it is set."
    )
    overdue: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="true: a PENDING or COMPLETED order, unpaid, whose invoice fell due before "
        "today (the business's day, CDP_BUSINESS_TIMEZONE); false: every other order.",
    )
    account_owner: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="The employee who now owns the customer's account. Not for partner keys "
        "(FORBIDDEN).",
    )
    customer: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The customer who placed the order."
    )
    placed_after: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="Placed at or after this time (inclusive)."
    )
    placed_before: datetime | None = strawberry.field(
        default=strawberry.UNSET, description="Placed before this time (exclusive)."
    )
    due_before: date | None = strawberry.field(
        default=strawberry.UNSET,
        description="The invoice falls due before this day (exclusive); orders without a due "
        "date do not match.",
    )


@strawberry.type
class OrderQueries:
    # Arguments are declared here for the schema; the resolver reads their coerced values from
    # the selection, where the compiler reads them too.
    @strawberry.field(
        graphql_type=Connection[Order],
        description="Orders of every customer matching a filter, sorted (newest placed first "
        "unless asked otherwise), a page at a time. Staff also see orders kept from deleted "
        "customers (their customer is null); a partner sees the orders of the customers it may "
        "see.",
    )
    async def orders(
        self,
        info: Info,
        filter: OrderFilter | None = None,
        order_by: OrderOrder | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
        after: str | None = None,
    ) -> Row:
        return await resolve.order_list(info.context, selection(info))

"""The GraphQL types: plain Strawberry types whose relationships are async resolvers that each
ask a per-request DataLoader."""

# mypy: disallow-untyped-decorators=False
# (strawberry.field used as a decorator is typed as returning Any.)

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry
from neo4j import AsyncDriver
from strawberry.schema.types.base_scalars import wrap_parser

from bench.naive.loaders import Loaders, Row, customer_count, customer_page, customer_where

MAX_PAGE = 1000


@dataclass
class Context:
    driver: AsyncDriver
    loaders: Loaders


Info = strawberry.Info[Context, None]


# --- scalars ----------------------------------------------------------------------------------


def _native(value: Any) -> Any:
    """A neo4j temporal value as the Python one (nanoseconds cut to microseconds)."""
    return value.to_native() if hasattr(value, "to_native") else value


def _serialize_datetime(value: Any) -> str:
    native = _native(value)
    if native.tzinfo is None:
        native = native.replace(tzinfo=dt.UTC)
    return str(native.isoformat())


def _parse_datetime(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)


DateTime = strawberry.scalar(
    name="DateTime",
    description="An ISO 8601 date and time with an offset; one without an offset means UTC.",
    serialize=_serialize_datetime,
    parse_value=wrap_parser(_parse_datetime, "DateTime"),
)

# Currencies whose minor unit is not a hundredth.
_EXPONENTS = {"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0}
_EXPONENTS |= {"BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3}


def page_size(first: int | None, default: int) -> int:
    if first is None:
        return default
    if not 0 <= first <= MAX_PAGE:
        raise ValueError(f"first must be between 0 and {MAX_PAGE}.")
    return first


# --- enums ------------------------------------------------------------------------------------


@strawberry.enum
class LifecycleStage(Enum):
    LEAD = "LEAD"
    PROSPECT = "PROSPECT"
    CUSTOMER = "CUSTOMER"
    FORMER = "FORMER"


@strawberry.enum
class AcquisitionKind(Enum):
    REFERRAL = "REFERRAL"
    CAMPAIGN = "CAMPAIGN"
    WEBSITE = "WEBSITE"
    STORE = "STORE"
    ADVERTISING = "ADVERTISING"
    NEWSLETTER = "NEWSLETTER"
    PARTNER = "PARTNER"
    EVENT = "EVENT"
    SOCIAL = "SOCIAL"
    OTHER = "OTHER"


@strawberry.enum
class Channel(Enum):
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    SMS = "SMS"
    CHAT = "CHAT"
    WEBSITE = "WEBSITE"
    STORE = "STORE"
    VIDEO_CALL = "VIDEO_CALL"
    FAX = "FAX"
    POST = "POST"
    ADVERTISING = "ADVERTISING"
    NEWSLETTER = "NEWSLETTER"


@strawberry.enum
class TouchpointKind(Enum):
    INQUIRY = "INQUIRY"
    COMPLAINT = "COMPLAINT"
    SERVICE = "SERVICE"
    SALE = "SALE"
    MARKETING = "MARKETING"
    REMINDER = "REMINDER"
    FOLLOW_UP = "FOLLOW_UP"
    GREETING = "GREETING"
    OFFER = "OFFER"
    ACCOUNT_REVIEW = "ACCOUNT_REVIEW"


@strawberry.enum
class OrderStatus(Enum):
    COMPLETED = "COMPLETED"
    PENDING = "PENDING"
    UNREALIZED = "UNREALIZED"
    PLANNED = "PLANNED"


@strawberry.enum
class CustomerOrder(Enum):
    NAME_ASC = "NAME_ASC"
    NAME_DESC = "NAME_DESC"
    CREATED_AT_ASC = "CREATED_AT_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"
    LIFETIME_REVENUE_ASC = "LIFETIME_REVENUE_ASC"
    LIFETIME_REVENUE_DESC = "LIFETIME_REVENUE_DESC"
    LAST_CONTACT_AT_ASC = "LAST_CONTACT_AT_ASC"
    LAST_CONTACT_AT_DESC = "LAST_CONTACT_AT_DESC"


# --- objects ----------------------------------------------------------------------------------


@strawberry.type
class Money:
    minor_units: int
    currency: str

    @strawberry.field
    def amount(self) -> Decimal:
        places = _EXPONENTS.get(self.currency, 2)
        return Decimal(self.minor_units).scaleb(-places).quantize(Decimal(1).scaleb(-places))

    @staticmethod
    def of(minor: int | None, currency: str | None) -> Money:
        return Money(minor_units=int(minor or 0), currency=currency or "EUR")


@strawberry.type
class Contact:
    id: strawberry.ID
    name: str
    role: str | None
    emails: list[str]

    @staticmethod
    def of(row: Row) -> Contact:
        return Contact(id=row["id"], name=row["name"], role=row["role"], emails=row["emails"])


@strawberry.type
class AcquisitionSource:
    id: strawberry.ID
    kind: AcquisitionKind
    name: str


@strawberry.type
class Acquisition:
    source: AcquisitionSource
    at: dt.datetime

    @staticmethod
    def of(row: Row) -> Acquisition:
        source = row["source"]
        return Acquisition(
            source=AcquisitionSource(
                id=source["id"], kind=AcquisitionKind(source["kind"]), name=source["name"]
            ),
            at=_native(row["at"]),
        )


@strawberry.type
class Employee:
    id: strawberry.ID
    name: str
    title: str | None

    @staticmethod
    def of(row: Row) -> Employee:
        return Employee(id=row["id"], name=row["name"], title=row["title"])


@strawberry.type
class Touchpoint:
    id: strawberry.ID
    channel: Channel
    kind: TouchpointKind
    occurred_at: dt.datetime
    summary: str | None

    @staticmethod
    def of(row: Row) -> Touchpoint:
        return Touchpoint(
            id=row["id"],
            channel=Channel(row["channel"]),
            kind=TouchpointKind(row["kind"]),
            occurred_at=_native(row["occurredAt"]),
            summary=row["summary"],
        )


@strawberry.type
class TouchpointConnection:
    nodes: list[Touchpoint]


@strawberry.type
class Product:
    id: strawberry.ID
    sku: str
    name: str


@strawberry.type
class LineItem:
    quantity: int
    unit_price: Money
    product_id: strawberry.Private[str]

    @strawberry.field
    async def product(self, info: Info) -> Product:
        row = await info.context.loaders.product.load(self.product_id)
        assert row is not None
        return Product(id=row["id"], sku=row["sku"], name=row["name"])

    @strawberry.field
    def total(self) -> Money:
        return Money.of(self.quantity * self.unit_price.minor_units, self.unit_price.currency)


@strawberry.type
class Order:
    id: strawberry.ID
    number: str
    status: OrderStatus
    placed_at: dt.datetime
    currency: str
    total: Money

    @strawberry.field
    async def items(self, info: Info) -> list[LineItem]:
        rows = await info.context.loaders.line_items.load(self.id)
        return [
            LineItem(
                quantity=row["quantity"],
                unit_price=Money.of(row["unitPriceMinor"], self.currency),
                product_id=row["productId"],
            )
            for row in rows
        ]

    @staticmethod
    def of(row: Row) -> Order:
        return Order(
            id=row["id"],
            number=row["number"],
            status=OrderStatus(row["status"]),
            placed_at=_native(row["placedAt"]),
            currency=row["currency"] or "EUR",
            total=Money.of(row["totalMinor"], row["currency"]),
        )


@strawberry.type
class OrderConnection:
    nodes: list[Order]


@strawberry.type
class CustomerMetrics:
    lifetime_revenue: Money
    order_count: int
    last_purchase_at: dt.datetime | None

    @staticmethod
    def of(row: Row | None) -> CustomerMetrics:
        if row is None:
            return CustomerMetrics(
                lifetime_revenue=Money.of(0, None), order_count=0, last_purchase_at=None
            )
        return CustomerMetrics(
            lifetime_revenue=Money.of(row["revenueMinor"], row["currency"]),
            order_count=row["orderCount"],
            last_purchase_at=_native(row["lastPurchaseAt"]),
        )


@strawberry.type
class Influence:
    strength: float
    customer_id: strawberry.Private[str]

    @strawberry.field
    async def customer(self, info: Info) -> Customer:
        customer = await load_customer(info, self.customer_id)
        assert customer is not None
        return customer


@strawberry.type
class Customer:
    id: strawberry.ID
    name: str
    emails: list[str]
    lifecycle_stage: LifecycleStage
    created_at: dt.datetime

    @staticmethod
    def of(row: Row) -> Customer:
        return Customer(
            id=row["id"],
            name=row["name"],
            emails=row["emails"],
            lifecycle_stage=LifecycleStage(row["lifecycleStage"]),
            created_at=_native(row["createdAt"]),
        )

    @strawberry.field
    async def contacts(self, info: Info, first: int | None = None) -> list[Contact]:
        rows = await info.context.loaders.contacts.load((self.id, page_size(first, 50)))
        return [Contact.of(row) for row in rows]

    @strawberry.field
    async def acquisition(self, info: Info) -> Acquisition | None:
        row = await info.context.loaders.acquisition.load(self.id)
        return Acquisition.of(row) if row is not None else None

    @strawberry.field
    async def account_owner(self, info: Info) -> Employee | None:
        row = await info.context.loaders.owner.load(self.id)
        return Employee.of(row) if row is not None else None

    @strawberry.field
    async def touchpoints(self, info: Info, first: int | None = None) -> TouchpointConnection:
        rows = await info.context.loaders.touchpoints.load((self.id, page_size(first, 20)))
        return TouchpointConnection(nodes=[Touchpoint.of(row) for row in rows])

    @strawberry.field
    async def orders(self, info: Info, first: int | None = None) -> OrderConnection:
        rows = await info.context.loaders.orders.load((self.id, page_size(first, 20)))
        return OrderConnection(nodes=[Order.of(row) for row in rows])

    @strawberry.field
    async def influences(self, info: Info, first: int | None = None) -> list[Influence]:
        rows = await info.context.loaders.influences.load((self.id, page_size(first, 20)))
        return [Influence(strength=row["strength"], customer_id=row["customerId"]) for row in rows]

    @strawberry.field
    async def influenced_by(self, info: Info, first: int | None = None) -> list[Influence]:
        rows = await info.context.loaders.influenced_by.load((self.id, page_size(first, 20)))
        return [Influence(strength=row["strength"], customer_id=row["customerId"]) for row in rows]

    @strawberry.field
    async def metrics(self, info: Info) -> CustomerMetrics:
        return CustomerMetrics.of(await info.context.loaders.metrics.load(self.id))


async def load_customer(info: Info, customer_id: str) -> Customer | None:
    row = await info.context.loaders.customer.load(customer_id)
    return Customer.of(row) if row is not None else None


# --- the customer list ------------------------------------------------------------------------


@strawberry.input
class CustomerFilter:
    lifecycle_stage: list[LifecycleStage] | None = None
    acquisition_source_kind: AcquisitionKind | None = None


@strawberry.type
class CustomerEdge:
    node: Customer


@strawberry.type
class CustomerConnection:
    edges: list[CustomerEdge]
    where: strawberry.Private[str]
    params: strawberry.Private[Row]

    @strawberry.field
    async def total_count(self, info: Info) -> int:
        return await customer_count(info.context.driver, self.where, self.params)


@strawberry.type
class Query:
    @strawberry.field
    async def customer(self, info: Info, id: strawberry.ID) -> Customer | None:
        return await load_customer(info, id)

    @strawberry.field
    async def customers(
        self,
        info: Info,
        filter: CustomerFilter | None = None,
        order_by: CustomerOrder | None = None,
        first: int | None = None,
    ) -> CustomerConnection:
        stages = None
        kind = None
        if filter is not None:
            if filter.lifecycle_stage is not None:
                stages = [stage.value for stage in filter.lifecycle_stage]
            if filter.acquisition_source_kind is not None:
                kind = filter.acquisition_source_kind.value
        where, params = customer_where(stages, kind)
        sort = (order_by or CustomerOrder.NAME_ASC).value
        rows = await customer_page(info.context.driver, where, params, sort, page_size(first, 20))
        return CustomerConnection(
            edges=[CustomerEdge(node=Customer.of(row)) for row in rows], where=where, params=params
        )


schema = strawberry.Schema(query=Query, scalar_overrides={dt.datetime: DateTime})

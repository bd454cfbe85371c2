"""The customer and what hangs directly off it."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from schema import paging
from schema.common import Connection, DateTimeRange, Money, Node, StringFilter
from schema.enums import (
    AcquisitionKind,
    Channel,
    ConsentChannel,
    ConsentPurpose,
    ConsentStatus,
    CustomerKind,
    InfluenceKind,
    LifecycleStage,
    OrderStatus,
    TouchpointKind,
)
from schema.paging import CHOICES
from schema.rows import from_row

if TYPE_CHECKING:
    from schema.acquisition_source import AcquisitionSource
    from schema.contact import Contact
    from schema.employee import Employee
    from schema.order import Order
    from schema.product import Product
    from schema.touchpoint import Touchpoint

ContactRef = Annotated["Contact", strawberry.lazy("schema.contact")]
EmployeeRef = Annotated["Employee", strawberry.lazy("schema.employee")]
OrderRef = Annotated["Order", strawberry.lazy("schema.order")]
ProductRef = Annotated["Product", strawberry.lazy("schema.product")]
SourceRef = Annotated["AcquisitionSource", strawberry.lazy("schema.acquisition_source")]
TouchpointRef = Annotated["Touchpoint", strawberry.lazy("schema.touchpoint")]


@strawberry.type
class ExternalId:
    system: str
    value: str


@strawberry.type
class Address:
    kind: str | None
    line1: str | None
    line2: str | None
    city: str | None
    postal_code: str | None
    region: str | None
    country: str | None


@strawberry.type(description="Who the customer is (person fields and organization fields).")
class Demographics:
    birth_date: date | None
    gender: str | None
    occupation: str | None
    income_band: str | None
    household_size: int | None
    industry: str | None
    employee_count: int | None


@strawberry.type
class Preferences:
    preferred_channel: Channel | None
    preferred_language: str | None
    do_not_contact: bool


@strawberry.type(description="How the customer came to us.")
class Acquisition:
    source: SourceRef
    at: datetime
    referrer: Customer | None = strawberry.field(
        description="The customer who referred this one, for a referral."
    )


@strawberry.type(description="A period during which an employee owned the account.")
class Ownership:
    employee: EmployeeRef
    since: datetime
    until: datetime | None


@strawberry.type(description="One customer's sway over another.")
class Influence:
    customer: Customer = strawberry.field(description="The customer at the other end.")
    strength: float = strawberry.field(description="From 0 (none) to 1 (decisive).")
    kind: InfluenceKind
    since: datetime | None
    evidence: str | None


@strawberry.type(description="A product the customer bought in completed orders.")
class PurchasedProduct:
    product: ProductRef
    quantity: int
    revenue: Money
    last_purchased_at: datetime


@strawberry.type(description="Figures over the customer's completed orders and touchpoints.")
class CustomerMetrics:
    lifetime_revenue: Money
    order_count: int
    average_order_value: Money | None
    first_purchase_at: datetime | None
    last_purchase_at: datetime | None
    last_contact_at: datetime | None
    open_complaints: int = strawberry.field(description="Complaints not yet resolved.")


@strawberry.type(description="A consent event, or the latest one of its purpose and channel.")
class ConsentState:
    purpose: ConsentPurpose
    channel: ConsentChannel | None = strawberry.field(
        description="Null for purposes that are not about contacting (sharing, profiling)."
    )
    status: ConsentStatus
    at: datetime
    source: str = strawberry.field(description="Where it was given: a form, a call, a partner.")


UNPAGED = f"At most the first {bounds.UNPAGED}."


@strawberry.type(description="A person or an organization we sell to, or hope to.")
class Customer(Node):
    id: strawberry.ID
    kind: CustomerKind
    name: str
    emails: list[str]
    phones: list[str]
    interests: list[str]
    notes: str | None
    lifecycle_stage: LifecycleStage
    created_at: datetime
    updated_at: datetime
    demographics: Demographics
    preferences: Preferences
    external_ids: list[ExternalId] = strawberry.field(description=UNPAGED)
    addresses: list[Address] = strawberry.field(description=UNPAGED)
    contact_of: list[ContactRef] = strawberry.field(
        description="For a person: where they are a contact of an organization. " + UNPAGED
    )
    acquisition: Acquisition | None
    account_owner: EmployeeRef | None = strawberry.field(description="The current owner.")
    owner_history: list[Ownership] = strawberry.field(description="Newest first. " + UNPAGED)
    products_bought: list[PurchasedProduct]
    metrics: CustomerMetrics
    consent: list[ConsentState] = strawberry.field(
        description="The current consent: the latest event of each purpose and channel."
    )
    consent_history: list[ConsentState] = strawberry.field(
        description="Every consent event, newest first (append-only). " + UNPAGED
    )

    @strawberry.field(description="For an organization: its people, by name.")
    def contacts(
        self,
        info: strawberry.Info,
        first: Annotated[int | None, paging.first(bounds.CONTACTS_PAGE)] = bounds.CONTACTS_PAGE,
    ) -> list[ContactRef]:
        return from_row(self, info)  # type: ignore[no-any-return]

    @strawberry.field(description="Newest first.")
    def orders(
        self,
        info: strawberry.Info,
        status: Annotated[list[OrderStatus] | None, CHOICES] = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
        after: str | None = None,
    ) -> Connection[OrderRef]:
        return from_row(self, info)  # type: ignore[no-any-return]

    @strawberry.field(description="Newest first; since is inclusive, until exclusive.")
    def touchpoints(
        self,
        info: strawberry.Info,
        channels: Annotated[list[Channel] | None, CHOICES] = None,
        kinds: Annotated[list[TouchpointKind] | None, CHOICES] = None,
        since: datetime | None = None,
        until: datetime | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
        after: str | None = None,
    ) -> Connection[TouchpointRef]:
        return from_row(self, info)  # type: ignore[no-any-return]

    @strawberry.field(description="Whom this customer influences, strongest first.")
    def influences(
        self,
        info: strawberry.Info,
        min_strength: float | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[Influence]:
        return from_row(self, info)  # type: ignore[no-any-return]

    @strawberry.field(description="Who influences this customer, strongest first.")
    def influenced_by(
        self,
        info: strawberry.Info,
        min_strength: float | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[Influence]:
        return from_row(self, info)  # type: ignore[no-any-return]


@strawberry.type
class CustomerSearchHit:
    score: float
    customer: Customer


@strawberry.input(
    description=(
        "Conditions on customers; all given conditions must hold. A filter holds at most"
        f" {bounds.FILTER_CONDITIONS} conditions (each field given, each nested filter), nests"
        f" at most {bounds.FILTER_DEPTH} deep and compares texts of at most"
        f" {bounds.FILTER_TEXT} characters; beyond, FILTER_TOO_BROAD."
    )
)
class CustomerFilter:
    name: StringFilter | None = strawberry.UNSET
    email: StringFilter | None = strawberry.field(
        default=strawberry.UNSET, description="Matches when any of the e-mails matches."
    )
    lifecycle_stage: list[LifecycleStage] | None = strawberry.field(
        default=strawberry.UNSET,
        description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nobody.",
    )
    kind: CustomerKind | None = strawberry.UNSET
    acquisition_source_id: strawberry.ID | None = strawberry.UNSET
    acquisition_source_kind: AcquisitionKind | None = strawberry.UNSET
    account_owner_id: strawberry.ID | None = strawberry.UNSET
    created_at: DateTimeRange | None = strawberry.UNSET
    has_order_with_status: OrderStatus | None = strawberry.UNSET
    bought_product_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Bought in a completed order."
    )
    influences: CustomerFilter | None = strawberry.field(
        default=strawberry.UNSET, description="Influences at least one customer matching this."
    )
    influenced_by: CustomerFilter | None = strawberry.field(
        default=strawberry.UNSET, description="Is influenced by a customer matching this."
    )
    and_: list[CustomerFilter] | None = strawberry.field(
        default=strawberry.UNSET,
        name="AND",
        description=(
            f"All of these (at most {bounds.FILTER_BRANCHES}); an empty list is no condition."
        ),
    )
    or_: list[CustomerFilter] | None = strawberry.field(
        default=strawberry.UNSET,
        name="OR",
        description=(
            f"Any of these (at most {bounds.FILTER_BRANCHES}); an empty list matches nobody."
        ),
    )
    not_: CustomerFilter | None = strawberry.field(default=strawberry.UNSET, name="NOT")

"""The customer and what hangs directly off it: its types, inputs and root fields."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from resolvers import customers as resolve
from schema import paging
from schema.catalog import AcquisitionKind
from schema.common import (
    ADDRESSES,
    EMAILS,
    EXTERNAL_IDS,
    INTERESTS,
    PHONES,
    UNSET,
    Channel,
    Connection,
    DateTimeRange,
    Money,
    Node,
    StringFilter,
)
from schema.context import Info
from schema.orders import OrderStatus
from schema.paging import CHOICES
from schema.permissions import MayRun
from schema.rows import Row, from_row
from schema.selection import selection
from schema.touchpoints import TouchpointKind

if TYPE_CHECKING:
    from schema.catalog import AcquisitionSource, Employee, Product
    from schema.consent import ConsentState
    from schema.contacts import Contact
    from schema.goals import Goal
    from schema.influence import Influence
    from schema.orders import Order
    from schema.touchpoints import Touchpoint

ContactRef = Annotated["Contact", strawberry.lazy("schema.contacts")]
EmployeeRef = Annotated["Employee", strawberry.lazy("schema.catalog")]
OrderRef = Annotated["Order", strawberry.lazy("schema.orders")]
ProductRef = Annotated["Product", strawberry.lazy("schema.catalog")]
SourceRef = Annotated["AcquisitionSource", strawberry.lazy("schema.catalog")]
TouchpointRef = Annotated["Touchpoint", strawberry.lazy("schema.touchpoints")]
InfluenceRef = Annotated["Influence", strawberry.lazy("schema.influence")]
ConsentStateRef = Annotated["ConsentState", strawberry.lazy("schema.consent")]
GoalRef = Annotated["Goal", strawberry.lazy("schema.goals")]


@strawberry.enum(description="Where a customer is in their relationship with us.")
class LifecycleStage(Enum):
    LEAD = "LEAD"
    PROSPECT = "PROSPECT"
    CUSTOMER = "CUSTOMER"
    FORMER = "FORMER"


@strawberry.enum
class CustomerKind(Enum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"


@strawberry.enum(description="The order of a customer list; ties are broken by id.")
class CustomerOrder(Enum):
    NAME_ASC = "NAME_ASC"
    NAME_DESC = "NAME_DESC"
    CREATED_AT_ASC = "CREATED_AT_ASC"
    CREATED_AT_DESC = "CREATED_AT_DESC"
    LIFETIME_REVENUE_ASC = "LIFETIME_REVENUE_ASC"
    LIFETIME_REVENUE_DESC = "LIFETIME_REVENUE_DESC"
    LAST_CONTACT_AT_ASC = "LAST_CONTACT_AT_ASC"
    LAST_CONTACT_AT_DESC = "LAST_CONTACT_AT_DESC"


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
    lifecycle_stage: LifecycleStage = strawberry.field(
        description="LEAD → PROSPECT → CUSTOMER, any stage → FORMER, FORMER back to any other: "
        "the order `advanceLead` keeps. `updateCustomer` and the upserts may set any stage "
        "(corrections); every change is kept in `lifecycleHistory`."
    )
    key_account: bool = strawberry.field(
        description="One of the accounts the business serves first: its complaints are due "
        "sooner (the service-level table)."
    )
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
    consent: list[ConsentStateRef] = strawberry.field(
        description="The current consent: the latest event of each purpose and channel."
    )
    consent_history: list[ConsentStateRef] = strawberry.field(
        description="Every consent event, newest first (append-only). " + UNPAGED
    )
    goals: list[GoalRef] = strawberry.field(
        description="The goals set for this customer, the latest period first. " + UNPAGED
    )
    lifecycle_history: list[LifecycleChange] = strawberry.field(
        description="Every stage the customer has had, newest first (the latest 100), whichever "
        "write changed it."
    )
    converted_at: datetime | None = strawberry.field(
        description="When the lead became a buyer: the placing time of the first completed "
        "order placed since the customer was created. Null if none, or if the customer was "
        "not created as a LEAD (the first entry of `lifecycleHistory`)."
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
    ) -> list[InfluenceRef]:
        return from_row(self, info)  # type: ignore[no-any-return]

    @strawberry.field(description="Who influences this customer, strongest first.")
    def influenced_by(
        self,
        info: strawberry.Info,
        min_strength: float | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    ) -> list[InfluenceRef]:
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


@strawberry.input
class ExternalIdInput:
    system: str = strawberry.field(description='The system that issued it, e.g. "shopify".')
    value: str


@strawberry.input
class AddressInput:
    kind: str | None = None
    line1: str | None = None
    line2: str | None = None
    city: str | None = None
    postal_code: str | None = None
    region: str | None = None
    country: str | None = None


@strawberry.input
class DemographicsInput:
    birth_date: date | None = strawberry.field(
        default=UNSET,
        description=(
            f"From {bounds.EARLIEST_BIRTH_YEAR}-01-01 up to today; beyond, VALUE_OUT_OF_RANGE."
        ),
    )
    gender: str | None = UNSET
    occupation: str | None = UNSET
    income_band: str | None = UNSET
    household_size: int | None = UNSET
    industry: str | None = UNSET
    employee_count: int | None = UNSET


@strawberry.input
class PreferencesInput:
    preferred_channel: Channel | None = UNSET
    preferred_language: str | None = UNSET
    do_not_contact: bool | None = UNSET


@strawberry.input
class AcquisitionInput:
    source_id: strawberry.ID
    at: datetime | None = strawberry.field(default=None, description="Default: now.")
    referrer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The referring customer, for a referral."
    )


@strawberry.type
class LifecycleChange:
    stage: LifecycleStage
    at: datetime = strawberry.field(
        description="When the customer took this stage: the creation time for the first entry."
    )
    by: str | None = strawberry.field(
        description="Who changed it: the employee's id, or the API key's id where the key names "
        'no employee; "migration" for the entry of a customer created before histories were '
        "kept. Null for partners."
    )
    reason: str | None = strawberry.field(description="Given to `advanceLead`; else null.")


@strawberry.input
class CustomerInput:
    name: str = strawberry.field(
        description=f"Visible text of at most {bounds.NAME} characters (TEXT_TOO_LONG beyond)."
    )
    kind: CustomerKind = CustomerKind.PERSON
    lifecycle_stage: LifecycleStage = LifecycleStage.LEAD
    key_account: bool | None = strawberry.field(default=UNSET, description="Default: false.")
    emails: list[str] = strawberry.field(default_factory=list, description=EMAILS)
    phones: list[str] = strawberry.field(default_factory=list, description=PHONES)
    addresses: list[AddressInput] | None = strawberry.field(default=UNSET, description=ADDRESSES)
    demographics: DemographicsInput | None = UNSET
    interests: list[str] | None = strawberry.field(default=UNSET, description=INTERESTS)
    preferences: PreferencesInput | None = UNSET
    notes: str | None = UNSET
    external_ids: list[ExternalIdInput] | None = strawberry.field(
        default=UNSET, description=EXTERNAL_IDS
    )
    acquisition: AcquisitionInput | None = UNSET
    account_owner_id: strawberry.ID | None = UNSET
    created_at: datetime | None = strawberry.field(
        default=UNSET,
        description="When the relationship began, for imports; default now. Used on creation.",
    )


@strawberry.input(description="Only the fields given change; lists given replace the old ones.")
class CustomerPatch:
    name: str | None = UNSET
    kind: CustomerKind | None = UNSET
    lifecycle_stage: LifecycleStage | None = UNSET
    key_account: bool | None = UNSET
    emails: list[str] | None = strawberry.field(default=UNSET, description=EMAILS)
    phones: list[str] | None = strawberry.field(default=UNSET, description=PHONES)
    addresses: list[AddressInput] | None = strawberry.field(default=UNSET, description=ADDRESSES)
    demographics: DemographicsInput | None = UNSET
    interests: list[str] | None = strawberry.field(default=UNSET, description=INTERESTS)
    preferences: PreferencesInput | None = UNSET
    notes: str | None = UNSET
    external_ids: list[ExternalIdInput] | None = strawberry.field(
        default=UNSET, description="Added to the customer's external ids. " + EXTERNAL_IDS
    )
    acquisition: AcquisitionInput | None = UNSET
    account_owner_id: strawberry.ID | None = UNSET


@strawberry.type
class UpsertCustomerPayload:
    customer: Customer
    created: bool
    changed: bool = strawberry.field(description="False when the input matched what was stored.")


@strawberry.input(description="One customer of a bulk upsert, known by its external id.")
class CustomerUpsertRow:
    external_id: ExternalIdInput
    customer: CustomerInput


@strawberry.type(
    description="How many rows of a bulk upsert created, updated or left unchanged a customer."
)
class UpsertCustomersPayload:
    created: int
    updated: int
    unchanged: int = strawberry.field(description="Rows that matched what was stored.")
    customer_ids: list[strawberry.ID] = strawberry.field(
        description="The customer of each row, in the order of the rows."
    )


@strawberry.type(description="What deleting a customer removed and kept.")
class DeleteCustomerPayload:
    id: strawberry.ID
    deleted_touchpoints: int
    deleted_contacts: int
    kept_orders: int = strawberry.field(
        description="Orders stay for the books, detached from the deleted customer."
    )


@strawberry.type
class CustomerQueries:
    # Arguments are declared here for the schema; the resolver reads their coerced values from
    # the selection, where the compiler reads them too.
    @strawberry.field(graphql_type=Customer | None)
    async def customer(self, info: Info, id: strawberry.ID) -> Row | None:
        return await resolve.customer(info.context, selection(info))

    @strawberry.field(
        graphql_type=Customer | None,
        description="The customer a partner or an import knows by this id.",
    )
    async def customer_by_external_id(self, info: Info, system: str, value: str) -> Row | None:
        return await resolve.customer_by_external_id(info.context, selection(info))

    @strawberry.field(
        graphql_type=Connection[Customer],
        description="Customers matching a filter, sorted, a page at a time.",
    )
    async def customers(
        self,
        info: Info,
        filter: CustomerFilter | None = None,
        order_by: CustomerOrder | None = None,
        first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
        after: str | None = None,
    ) -> Row:
        return await resolve.customer_list(info.context, selection(info))

    @strawberry.field(
        graphql_type=list[CustomerSearchHit],
        description="Full-text search over names and e-mails; every word must match "
        "(as a prefix), best first. Case, Latin diacritics and Hebrew points are ignored "
        "(`Berzins` finds `Bērziņš`). At most 256 characters (TEXT_TOO_LONG) and 32 words "
        "(LIST_TOO_LONG).",
    )
    async def search_customers(self, info: Info, text: str, first: int | None = None) -> list[Row]:
        return await resolve.search_customers(info.context, selection(info))


@strawberry.type
class CustomerMutations:
    # Each mutation is one transaction; it returns the changed object as selected.
    @strawberry.field(permission_classes=[MayRun], graphql_type=Customer)
    async def create_customer(self, info: Info, input: CustomerInput) -> Row:
        return await resolve.create_customer(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=Customer)
    async def update_customer(self, info: Info, id: strawberry.ID, input: CustomerPatch) -> Row:
        return await resolve.update_customer(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Customer,
        description="Moves a customer along LEAD → PROSPECT → CUSTOMER, to FORMER from any "
        "stage, or from FORMER back to any other; a move backwards is INVALID_TRANSITION (the "
        "admin corrects a stage with `updateCustomer`). The stage it already has changes "
        "nothing; a move is kept in `lifecycleHistory`.",
    )
    async def advance_lead(
        self,
        info: Info,
        customer: strawberry.ID,
        stage: LifecycleStage,
        reason: Annotated[
            str | None, strawberry.argument(description="Kept in the history; 500 characters.")
        ] = None,
    ) -> Row:
        return await resolve.advance_lead(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=UpsertCustomerPayload,
        description="Create or update the customer known by this external id; the same input "
        "twice changes nothing the second time.",
    )
    async def upsert_customer(
        self, info: Info, external_id: ExternalIdInput, input: CustomerInput
    ) -> Row:
        return await resolve.upsert_customer(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=UpsertCustomersPayload,
        description="upsertCustomer for many rows at once, all or nothing: the first row that "
        "would be refused refuses the request, naming the row.",
    )
    async def upsert_customers(self, info: Info, rows: list[CustomerUpsertRow]) -> Row:
        return await resolve.upsert_customers(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=DeleteCustomerPayload,
        description="Deletes the customer, their touchpoints, contacts, addresses, external ids "
        "and relationships; their orders are kept, detached.",
    )
    async def delete_customer(self, info: Info, id: strawberry.ID) -> Row:
        return await resolve.delete_customer(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=Customer,
        description="The employee owns the account from `since` (default now); the previous "
        "ownership ends then.",
    )
    async def assign_account_owner(
        self,
        info: Info,
        customer_id: strawberry.ID,
        employee_id: strawberry.ID,
        since: datetime | None = None,
    ) -> Row:
        return await resolve.assign_account_owner(info.context, selection(info))

"""Mutation inputs and payloads. Fields left out of a patch are left as they are."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry

from cdp import bounds
from schema.enums import (
    AcquisitionKind,
    Channel,
    ConsentChannel,
    ConsentPurpose,
    ConsentStatus,
    CustomerKind,
    Direction,
    InfluenceKind,
    LifecycleStage,
    OrderStatus,
    PaymentMethod,
    TouchpointKind,
)

if TYPE_CHECKING:
    from schema.customer import Customer

CustomerRef = Annotated["Customer", strawberry.lazy("schema.customer")]
UNSET = strawberry.UNSET
IDEMPOTENCY_KEY = (
    "Your own key for this request (at most 128 characters): a retry with the same key within "
    "24 hours returns the first result and writes nothing; the same key with other input is "
    "a CONFLICT."
)


def _at_most(count: int, what: str) -> str:
    return f"At most {count} {what}; more is refused with LIST_TOO_LONG."


EMAILS = _at_most(bounds.EMAILS, "e-mail addresses, each kept once")
PHONES = _at_most(bounds.PHONES, "numbers, each kept once")
ADDRESSES = _at_most(bounds.ADDRESSES, f"addresses, each line at most {bounds.LABEL} characters")
INTERESTS = _at_most(bounds.INTERESTS, f"interests of at most {bounds.SHORT} characters each")
EXTERNAL_IDS = _at_most(bounds.EXTERNAL_IDS, "external ids")


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


@strawberry.input
class CustomerInput:
    name: str = strawberry.field(
        description=f"Visible text of at most {bounds.NAME} characters (TEXT_TOO_LONG beyond)."
    )
    kind: CustomerKind = CustomerKind.PERSON
    lifecycle_stage: LifecycleStage = LifecycleStage.LEAD
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
    customer: CustomerRef
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


@strawberry.input
class ContactInput:
    name: str
    role: str | None = None
    emails: list[str] = strawberry.field(default_factory=list, description=EMAILS)
    phones: list[str] = strawberry.field(default_factory=list, description=PHONES)
    channels: list[Channel] = strawberry.field(
        default_factory=list, description=_at_most(bounds.CHANNELS, "channels, each kept once")
    )
    person_customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The person's own customer record, if they have one."
    )


@strawberry.input
class TouchpointInput:
    customer_id: strawberry.ID
    channel: Channel
    direction: Direction
    kind: TouchpointKind
    occurred_at: datetime | None = strawberry.field(default=None, description="Default: now.")
    summary: str | None = None
    outcome: str | None = None
    satisfaction: int | None = strawberry.field(default=None, description="1 to 5.")
    resolved: bool = False
    handled_by_id: strawberry.ID | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY_KEY)


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
    status: OrderStatus = OrderStatus.PENDING
    placed_at: datetime | None = None
    payment_method: PaymentMethod | None = None
    currency: str | None = strawberry.field(
        default=None, description="Default: the platform's currency."
    )
    invoice_due_date: date | None = strawberry.field(
        default=None, description="Not before the day the order is placed (UTC)."
    )
    idempotency_key: str | None = strawberry.field(default=None, description=IDEMPOTENCY_KEY)


@strawberry.input
class InfluenceInput:
    from_id: strawberry.ID = strawberry.field(description="The influencing customer.")
    to_id: strawberry.ID = strawberry.field(description="The influenced customer.")
    strength: float = strawberry.field(description="0 to 1.")
    kind: InfluenceKind
    since: datetime | None = None
    evidence: str | None = None


@strawberry.input
class InfluencePairInput:
    from_id: strawberry.ID
    to_id: strawberry.ID


@strawberry.input
class ProductInput:
    sku: str
    name: str
    price: Decimal
    category: str | None = None
    unit_cost: Decimal | None = None
    currency: str | None = None
    active: bool = True


@strawberry.input
class ProductPatch:
    sku: str | None = UNSET
    name: str | None = UNSET
    price: Decimal | None = UNSET
    category: str | None = UNSET
    unit_cost: Decimal | None = UNSET
    active: bool | None = UNSET


@strawberry.input
class AcquisitionSourceInput:
    kind: AcquisitionKind
    name: str


@strawberry.input
class AcquisitionSourcePatch:
    kind: AcquisitionKind | None = UNSET
    name: str | None = UNSET


@strawberry.input
class EmployeeInput:
    name: str
    email: str | None = None
    title: str | None = None
    active: bool = True


@strawberry.input
class EmployeePatch:
    name: str | None = UNSET
    email: str | None = UNSET
    title: str | None = UNSET
    active: bool | None = UNSET


@strawberry.input
class ConsentInput:
    customer_id: strawberry.ID
    purpose: ConsentPurpose
    status: ConsentStatus
    source: str = strawberry.field(description="Where it was given: a form, a call, a partner.")
    channel: ConsentChannel | None = strawberry.field(
        default=None,
        description="For MARKETING: the channel it covers. SHARING and PROFILING have no "
        "channel: one given is refused (BAD_USER_INPUT).",
    )
    at: datetime | None = strawberry.field(default=None, description="Default: now.")

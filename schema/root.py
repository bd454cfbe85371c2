"""The root types and the executable schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.printer import print_schema
from strawberry.scalars import JSON
from strawberry.schema.config import StrawberryConfig

from cdp.compiler.projection import REGISTRY
from cdp.settings import Settings
from resolvers import admin, catalog, nodes, relationships
from resolvers import customers as customer_resolvers
from resolvers.about import resolve_about
from resolvers.access import MayRead, MayRun
from schema import speed
from schema.about import About
from schema.acquisition_source import AcquisitionSource
from schema.admin import ApiKey, AuditRecord, CreatedApiKey, EraseCustomerPayload
from schema.common import Connection, Node
from schema.contact import Contact
from schema.customer import Customer, CustomerSearchHit, Influence
from schema.employee import Employee
from schema.errors import ErrorCodes, LoggedErrors
from schema.inputs import DeleteCustomerPayload, UpsertCustomerPayload, UpsertCustomersPayload
from schema.order import Order
from schema.product import Product
from schema.rows import default_resolver, read_rows
from schema.scalars import SCALAR_OVERRIDES
from schema.speed.document_cache import CACHED_DOCUMENTS
from schema.touchpoint import Touchpoint


@strawberry.type
class Query:
    # Resolvers return rows of the compiled query; `graphql_type` names what they stand for.
    about: About = strawberry.field(
        resolver=resolve_about, description="The service and the Neo4j it runs on."
    )
    customer = strawberry.field(resolver=customer_resolvers.customer, graphql_type=Customer | None)
    customer_by_external_id = strawberry.field(
        resolver=customer_resolvers.customer_by_external_id,
        graphql_type=Customer | None,
        description="The customer a partner or an import knows by this id.",
    )
    node = strawberry.field(
        resolver=nodes.node, graphql_type=Node | None, description="Any object by its id."
    )
    customers = strawberry.field(
        resolver=customer_resolvers.customer_list,
        graphql_type=Connection[Customer],
        description="Customers matching a filter, sorted, a page at a time.",
    )
    search_customers = strawberry.field(
        resolver=customer_resolvers.search_customers,
        graphql_type=list[CustomerSearchHit],
        description="Full-text search over names and e-mails; every word must match "
        "(as a prefix), best first. Case, Latin diacritics and Hebrew points are ignored "
        "(`Berzins` finds `Bērziņš`). At most 256 characters (TEXT_TOO_LONG) and 32 words "
        "(LIST_TOO_LONG).",
    )
    products = strawberry.field(resolver=catalog.products, graphql_type=list[Product])
    acquisition_sources = strawberry.field(
        resolver=catalog.acquisition_sources, graphql_type=list[AcquisitionSource]
    )
    audit_log = strawberry.field(
        resolver=admin.audit_log,
        graphql_type=list[AuditRecord],
        permission_classes=[MayRead],
        description="Admins: the audit log, newest first.",
    )
    api_keys = strawberry.field(
        resolver=admin.api_key_list, graphql_type=list[ApiKey], permission_classes=[MayRead]
    )
    export_customer_data = strawberry.field(
        resolver=admin.export_customer_data,
        permission_classes=[MayRead],
        graphql_type=JSON,
        description="Admins: everything held about a customer, as JSON.",
    )
    employees = strawberry.field(
        resolver=catalog.employees, graphql_type=list[Employee], permission_classes=[MayRead]
    )


@strawberry.type
class Mutation:
    # Each mutation is one transaction; it returns the changed object as selected.
    create_customer = strawberry.field(
        permission_classes=[MayRun],
        resolver=customer_resolvers.create_customer,
        graphql_type=Customer,
    )
    update_customer = strawberry.field(
        permission_classes=[MayRun],
        resolver=customer_resolvers.update_customer,
        graphql_type=Customer,
    )
    upsert_customer = strawberry.field(
        permission_classes=[MayRun],
        resolver=customer_resolvers.upsert_customer,
        graphql_type=UpsertCustomerPayload,
        description="Create or update the customer known by this external id; the same input "
        "twice changes nothing the second time.",
    )
    upsert_customers = strawberry.field(
        permission_classes=[MayRun],
        resolver=customer_resolvers.upsert_customers,
        graphql_type=UpsertCustomersPayload,
        description="upsertCustomer for many rows at once, all or nothing: the first row that "
        "would be refused refuses the request, naming the row.",
    )
    delete_customer = strawberry.field(
        permission_classes=[MayRun],
        resolver=customer_resolvers.delete_customer,
        graphql_type=DeleteCustomerPayload,
        description="Deletes the customer, their touchpoints, contacts, addresses, external ids "
        "and relationships; their orders are kept, detached.",
    )
    assign_account_owner = strawberry.field(
        permission_classes=[MayRun],
        resolver=customer_resolvers.assign_account_owner,
        graphql_type=Customer,
        description="The employee owns the account from `since` (default now); the previous "
        "ownership ends then.",
    )
    add_contact = strawberry.field(
        permission_classes=[MayRun], resolver=relationships.add_contact, graphql_type=Contact
    )
    record_touchpoint = strawberry.field(
        permission_classes=[MayRun],
        resolver=relationships.record_touchpoint,
        graphql_type=Touchpoint,
    )
    place_order = strawberry.field(
        permission_classes=[MayRun], resolver=relationships.place_order, graphql_type=Order
    )
    set_order_status = strawberry.field(
        permission_classes=[MayRun], resolver=relationships.set_order_status, graphql_type=Order
    )
    mark_invoice_paid = strawberry.field(
        permission_classes=[MayRun], resolver=relationships.mark_invoice_paid, graphql_type=Order
    )
    link_influence = strawberry.field(
        permission_classes=[MayRun],
        resolver=relationships.link_influence,
        graphql_type=Influence,
        description="Create or update an influence; `customer` of the result is the influenced.",
    )
    unlink_influence = strawberry.field(
        permission_classes=[MayRun],
        resolver=relationships.unlink_influence,
        description="True if an influence was removed; unlinking twice is harmless.",
    )
    record_consent = strawberry.field(
        permission_classes=[MayRun],
        resolver=relationships.record_consent,
        graphql_type=Customer,
        description="Append a consent event; the customer's current consent follows the latest.",
    )
    erase_customer = strawberry.field(
        permission_classes=[MayRun],
        resolver=admin.erase_customer,
        graphql_type=EraseCustomerPayload,
        description="Remove a customer's personal data and every relationship that identifies "
        "them; order totals stay, anonymized. The customer then reads as not found.",
    )
    create_api_key = strawberry.field(
        permission_classes=[MayRun], resolver=admin.create_api_key, graphql_type=CreatedApiKey
    )
    revoke_api_key = strawberry.field(permission_classes=[MayRun], resolver=admin.revoke_api_key)
    share_customer = strawberry.field(
        permission_classes=[MayRun],
        resolver=admin.share_customer,
        description="Share a customer with a partner (shared: false stops sharing). The "
        "partner sees them only while they consent to sharing.",
    )
    assign_partner_system = strawberry.field(
        permission_classes=[MayRun],
        resolver=admin.assign_partner_system,
        description="Admins: give an external-id system to a partner (assigned: false takes it "
        "back). A partner key writes external ids only in its partner's systems; a system "
        "belongs to one partner at most. True if something changed.",
    )
    create_product = strawberry.field(
        permission_classes=[MayRun], resolver=catalog.create_product, graphql_type=Product
    )
    update_product = strawberry.field(
        permission_classes=[MayRun], resolver=catalog.update_product, graphql_type=Product
    )
    create_acquisition_source = strawberry.field(
        permission_classes=[MayRun],
        resolver=catalog.create_acquisition_source,
        graphql_type=AcquisitionSource,
    )
    update_acquisition_source = strawberry.field(
        permission_classes=[MayRun],
        resolver=catalog.update_acquisition_source,
        graphql_type=AcquisitionSource,
    )
    create_employee = strawberry.field(
        permission_classes=[MayRun], resolver=catalog.create_employee, graphql_type=Employee
    )
    update_employee = strawberry.field(
        permission_classes=[MayRun], resolver=catalog.update_employee, graphql_type=Employee
    )


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The executable schema with the edge's limits; production hides introspection and
    field suggestions. With `speed_paths` on, the pieces of `schema.speed` are installed."""
    settings = settings or Settings()
    fast = speed.pieces(settings)
    # The limits' validation rules are built once, so that a document's validation (rules
    # included) can be cached: clients send the same few documents again and again.
    limits = [
        *QueryDepthLimiter(max_depth=settings.max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
    ]
    extensions: list[Any] = [
        lambda: ErrorCodes(hide_suggestions=settings.production),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        *speed.extensions(fast),
        lambda: AddValidationRules(limits),
        lambda: ValidationCache(maxsize=CACHED_DOCUMENTS),
    ]
    if settings.production:
        extensions.append(DisableIntrospection)
    built = LoggedErrors(
        query=Query,
        mutation=Mutation,
        types=[Contact, Order, Touchpoint],
        extensions=extensions,
        execution_context_class=speed.execution_context(fast),
        config=StrawberryConfig(
            scalar_map=SCALAR_OVERRIDES,
            default_resolver=default_resolver,
            disable_field_suggestions=settings.production,
            batching_config={"max_operations": settings.max_batch_operations},
        ),
    )
    # Types whose objects are rows of the compiled Cypher (`schema.rows`).
    read_rows(built, [*REGISTRY, "CustomerMetrics", "CustomerSearchHit"])
    speed.install(built, fast)
    return built


schema = build_schema()

SDL_PATH = Path(__file__).with_name("schema.graphql")


def sdl() -> str:
    """The schema in SDL, as committed in `schema/schema.graphql`."""
    return print_schema(schema) + "\n"

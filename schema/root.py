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
from strawberry.schema.config import StrawberryConfig

from cdp.read_model import TYPE_NAMES
from cdp.settings import Settings
from resolvers.about import about_service
from resolvers.nodes import node as resolve_node
from schema.about import About
from schema.admin import AdminMutations, AdminQueries
from schema.catalog import CatalogMutations, CatalogQueries
from schema.coercion import ListsCoercedAhead
from schema.common import Node
from schema.consent import ConsentMutations
from schema.contacts import Contact, ContactMutations
from schema.context import Info
from schema.customers import CustomerMutations, CustomerQueries
from schema.document_cache import CACHED_DOCUMENTS, ParseCache
from schema.errors import ErrorCodes, LoggedErrors
from schema.freed import FreedWithResponse
from schema.influence import InfluenceMutations
from schema.orders import Order, OrderMutations
from schema.rows import (
    Row,
    RowExecutionContext,
    default_resolver,
    install_direct_resolvers,
    install_row_resolvers,
)
from schema.scalars import SCALAR_OVERRIDES
from schema.selection import selection
from schema.touchpoints import Touchpoint, TouchpointMutations
from schema.unconverted import skip_conversion


@strawberry.type
class ServiceQueries:
    @strawberry.field(graphql_type=About, description="The service and the Neo4j it runs on.")
    async def about(self, info: Info) -> object:
        return await about_service(info.context)

    @strawberry.field(graphql_type=Node | None, description="Any object by its id.")
    async def node(self, info: Info, id: strawberry.ID) -> Row | None:
        return await resolve_node(info.context, selection(info))


# Each domain contributes its part of the root types; resolvers return rows of the compiled
# query, and `graphql_type` names what they stand for.
@strawberry.type
class Query(ServiceQueries, CustomerQueries, CatalogQueries, AdminQueries):
    pass


@strawberry.type
class Mutation(
    CustomerMutations,
    ContactMutations,
    TouchpointMutations,
    OrderMutations,
    InfluenceMutations,
    ConsentMutations,
    AdminMutations,
    CatalogMutations,
):
    """Each mutation is one transaction; it returns the changed object as selected."""


class ExecutionContext(RowExecutionContext, ListsCoercedAhead, FreedWithResponse):
    """graphql-core's executor as Strawberry runs it, with leaves of rows completed in place,
    list variables coerced by compiled code (or decoded by msgspec, `schema.decoding`), and
    no reference cycle left behind (`schema.freed`)."""


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The executable schema with the edge's limits; production hides introspection and
    field suggestions."""
    settings = settings or Settings()
    # The limits' validation rules are built once, so that a document's validation (rules
    # included) can be cached: clients send the same few documents again and again, and
    # parsing and validating them cost more than the rest of a request.
    limits = [
        *QueryDepthLimiter(max_depth=settings.max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
    ]
    extensions: list[Any] = [
        lambda: ErrorCodes(hide_suggestions=settings.production),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        ParseCache,
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
        execution_context_class=ExecutionContext,
        config=StrawberryConfig(
            scalar_map=SCALAR_OVERRIDES,
            default_resolver=default_resolver,
            disable_field_suggestions=settings.production,
            batching_config={"max_operations": settings.max_batch_operations},
        ),
    )
    install_row_resolvers(built, [*TYPE_NAMES, "CustomerMetrics", "CustomerSearchHit"])
    install_direct_resolvers(built)
    skip_conversion(built, "Mutation", "upsertCustomers", "rows")
    return built


schema = build_schema()

SDL_PATH = Path(__file__).with_name("schema.graphql")


def sdl() -> str:
    """The schema in SDL, as committed in `schema/schema.graphql`."""
    return print_schema(schema) + "\n"

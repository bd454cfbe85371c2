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
from schema import speed
from schema.about import About
from schema.admin import AdminMutations, AdminQueries
from schema.campaigns import CampaignMutations, CampaignQueries
from schema.catalog import CatalogMutations, CatalogQueries
from schema.common import Node
from schema.consent import ConsentMutations
from schema.contact_policy import ContactPolicyMutations, ContactPolicyQueries
from schema.contacts import Contact, ContactMutations
from schema.context import Info
from schema.customers import CustomerMutations, CustomerQueries
from schema.errors import ErrorCodes, LoggedErrors
from schema.goals import GoalMutations, GoalQueries
from schema.influence import InfluenceMutations
from schema.orders import Order, OrderMutations, OrderQueries
from schema.rows import Row, default_resolver, read_rows
from schema.scalars import SCALAR_OVERRIDES
from schema.selection import selection
from schema.speed.document_cache import CACHED_DOCUMENTS
from schema.touchpoints import Touchpoint, TouchpointMutations, TouchpointQueries
from schema.work_queue import WORK_ITEM_TYPES, WorkQueueQueries


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
class Query(
    ServiceQueries,
    CustomerQueries,
    OrderQueries,
    TouchpointQueries,
    CatalogQueries,
    AdminQueries,
    ContactPolicyQueries,
    WorkQueueQueries,
    GoalQueries,
    CampaignQueries,
):
    pass


@strawberry.type
class Mutation(
    CustomerMutations,
    ContactMutations,
    TouchpointMutations,
    OrderMutations,
    InfluenceMutations,
    ConsentMutations,
    ContactPolicyMutations,
    AdminMutations,
    CatalogMutations,
    GoalMutations,
    CampaignMutations,
):
    """Each mutation is one transaction; it returns the changed object as selected."""


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
    production, max_tokens = settings.production, settings.max_tokens  # read once, not per request
    extensions: list[Any] = [
        lambda: ErrorCodes(hide_suggestions=production),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        *speed.extensions(fast),
        lambda: AddValidationRules(limits),
        lambda: ValidationCache(maxsize=CACHED_DOCUMENTS),
    ]
    if production:
        extensions.append(DisableIntrospection)
    built = LoggedErrors(
        query=Query,
        mutation=Mutation,
        types=[Contact, Order, Touchpoint, *WORK_ITEM_TYPES],
        extensions=extensions,
        execution_context_class=speed.execution_context(fast),
        config=StrawberryConfig(
            scalar_map=SCALAR_OVERRIDES,
            default_resolver=default_resolver,
            disable_field_suggestions=production,
            batching_config={"max_operations": settings.max_batch_operations},
        ),
    )
    # Types whose objects are rows of the compiled Cypher (`schema.rows`): the read model's,
    # and the figures compiled by hand.
    computed = ["CustomerMetrics", "CustomerSearchHit", "ServiceStats", "KindStats"]
    read_rows(built, [*TYPE_NAMES, *computed])
    speed.install(built, fast)
    return built


schema = build_schema()

SDL_PATH = Path(__file__).with_name("schema.graphql")


def sdl() -> str:
    """The schema in SDL, as committed in `schema/schema.graphql`."""
    return print_schema(schema) + "\n"

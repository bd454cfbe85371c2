"""The root types and the executable schema."""

from __future__ import annotations

from pathlib import Path

import strawberry
from strawberry.printer import print_schema
from strawberry.schema.config import StrawberryConfig

from cdp.projection import REGISTRY
from resolvers import catalog, nodes
from resolvers import customers as customer_resolvers
from resolvers.about import resolve_about
from schema.about import About
from schema.acquisition_source import AcquisitionSource
from schema.common import Connection, Node
from schema.contact import Contact
from schema.customer import Customer, CustomerSearchHit
from schema.employee import Employee
from schema.errors import ErrorCodes
from schema.order import Order
from schema.product import Product
from schema.rows import default_resolver, install_row_resolvers
from schema.scalars import SCALAR_OVERRIDES
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
        "(as a prefix), best first.",
    )
    products = strawberry.field(resolver=catalog.products, graphql_type=list[Product])
    acquisition_sources = strawberry.field(
        resolver=catalog.acquisition_sources, graphql_type=list[AcquisitionSource]
    )
    employees = strawberry.field(resolver=catalog.employees, graphql_type=list[Employee])


schema = strawberry.Schema(
    query=Query,
    types=[Contact, Order, Touchpoint],
    extensions=[ErrorCodes],
    config=StrawberryConfig(scalar_map=SCALAR_OVERRIDES, default_resolver=default_resolver),
)
install_row_resolvers(schema, [*REGISTRY, "CustomerMetrics", "CustomerSearchHit"])

SDL_PATH = Path(__file__).with_name("schema.graphql")


def sdl() -> str:
    """The schema in SDL, as committed in `schema/schema.graphql`."""
    return print_schema(schema) + "\n"

"""How the reference data is read: products, acquisition sources, employees.

(:Customer)-[:ACQUIRED_VIA]->(:AcquisitionSource), (:Employee)-[:OWNS {since, until}]->
(:Customer), (:Customer)-[:PLACED]->(:Order)-[:CONTAINS]->(:Product).
"""

from __future__ import annotations

from cdp.access.policy import rules
from cdp.campaigns.model import CAMPAIGN_OF_SOURCE
from cdp.compiler.cypher import QueryBuilder, count, exists
from cdp.compiler.projection import (
    NODE,
    Moment,
    ObjectSpec,
    Related,
    expression,
    money,
    prop,
)
from cdp.compiler.selection import Selected
from cdp.goals.model import GOALS_SET_FOR
from cdp.touchpoints.model import service_stats


def _owned_count(qb: QueryBuilder, var: str, _: Selected) -> str:
    """How many customers an employee owns now."""
    a = qb.variable("a")
    return count(f"({var})-[{a}:OWNS]->(:Customer) WHERE {a}.until IS NULL")


def _buyer_count(qb: QueryBuilder, var: str, _: Selected) -> str:
    """How many customers bought a product (in a completed order)."""
    a, b = qb.variable("a"), qb.variable("b")
    return count(
        f"MATCH ({a}:Customer)-[:PLACED]->({b}:Order)-[:CONTAINS]->({var}) "
        f"WHERE {b}.status = 'COMPLETED' RETURN DISTINCT {a}"
    )


def _bought(v: str, x: str, r: str) -> list[str]:
    """Customer `x` bought product `v` (in a completed order)."""
    bought = f"MATCH ({x})-[:PLACED]->({r}:Order)-[:CONTAINS]->({v}) WHERE {r}.status = 'COMPLETED'"
    return [exists(bought)]


SPECS = (
    ObjectSpec(
        "Product",
        interfaces=NODE,
        id_prefix="prd",
        fields={
            "id": prop("id"),
            "sku": prop("sku"),
            "name": prop("name"),
            "category": prop("category"),
            "active": prop("active", "true"),
            "price": expression(lambda v: money(f"{v}.priceMinor", f"{v}.currency")),
            "unitCost": expression(lambda v: money(f"{v}.unitCostMinor", f"{v}.currency")),
            "createdAt": Moment("createdAt"),
            "customerCount": _buyer_count,
            "customers": Related(
                "Customer",
                lambda _, x, __: f"({x}:Customer)",
                pattern_where=_bought,
                order=lambda x: f"{x}.name",
                limit_arg="first",
                default_limit=20,
            ),
        },
    ),
    ObjectSpec(
        "AcquisitionSource",
        interfaces=NODE,
        id_prefix="src",
        fields={
            "id": prop("id"),
            "kind": prop("kind"),
            "name": prop("name"),
            "createdAt": Moment("createdAt"),
            "customerCount": expression(lambda v: count(f"({v})<-[:ACQUIRED_VIA]-(:Customer)")),
            "campaign": CAMPAIGN_OF_SOURCE,
            "customers": Related(
                "Customer",
                lambda v, x, _: f"({v})<-[:ACQUIRED_VIA]-({x}:Customer)",
                order=lambda x: f"{x}.name",
                limit_arg="first",
                default_limit=20,
            ),
        },
    ),
    ObjectSpec(
        "Employee",
        interfaces=NODE,
        id_prefix="emp",
        fields={
            "id": prop("id"),
            "name": prop("name"),
            "email": prop("email"),
            "title": prop("title"),
            "active": prop("active", "true"),
            "createdAt": Moment("createdAt"),
            "customerCount": _owned_count,
            "serviceStats": service_stats,
            "goals": GOALS_SET_FOR,  # an owner's goals (of their accounts together)
            "customers": Related(
                "Customer",
                lambda v, x, r: f"({v})-[{r}:OWNS]->({x}:Customer)",
                order=lambda x: f"{x}.name",
                pattern_where=lambda _, __, r: [f"{r}.until IS NULL"],
                limit_arg="first",
                default_limit=20,
            ),
        },
    ),
)

# Staff records, and who else buys a product or came the same way, are not a partner's business.
ACCESS = rules(
    hidden_from_partner=[
        "Query.employees",
        "AcquisitionSource.customers",
        "Product.customers",
        "AcquisitionSource.customerCount",
        "Product.customerCount",
    ]
)

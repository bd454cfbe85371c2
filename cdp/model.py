"""How every GraphQL object type is read from the graph, field by field.

The graph: (:Customer)-[:IDENTIFIED_BY]->(:ExternalId), -[:HAS_ADDRESS]->(:Address),
-[:HAS_CONTACT]->(:Contact)-[:IS]->(:Customer), -[:ACQUIRED_VIA {at, referrerId}]->
(:AcquisitionSource), (:Customer)-[:REFERRED {at}]->(:Customer), (:Employee)-[:OWNS {since,
until}]->(:Customer), (:Customer)-[:PLACED]->(:Order)-[:CONTAINS {quantity, unitPriceMinor,
position}]->(:Product), (:Customer)-[:HAD]->(:Touchpoint)-[:HANDLED_BY]->(:Employee),
(:Customer)-[:INFLUENCES {strength, kind, since, evidence}]->(:Customer).
Money is stored in integer minor units beside its currency.
"""

from __future__ import annotations

from cdp import validation
from cdp.compiler.cypher import QueryBuilder, map_literal
from cdp.compiler.pagination import Connection, Sort, SortKey
from cdp.compiler.projection import (
    Compile,
    Moment,
    ObjectSpec,
    Related,
    expression,
    nested,
    project,
    prop,
    register,
)
from cdp.compiler.selection import Selected

EPOCH = "datetime('0001-01-01T00:00:00Z')"
NODE = frozenset({"Node"})


def money(minor: str, currency: str) -> str:
    """A `Money` map, as an `expression` template (its braces doubled for `str.format`)."""
    return (
        f"CASE WHEN {minor} IS NULL THEN null ELSE {{{{minor: {minor}, currency: {currency}}}}} END"
    )


def saturated_sum(items: str, item: str, term: str) -> str:
    """The sum of `term` over `items`, at most 2^63-1: records stored before amounts were
    bounded may add up beyond Neo4j's 64-bit integers, and a read must not fail on them."""
    return (
        f"CASE WHEN reduce(s = 0.0, {item} IN {items} | s + toFloat({term})) "
        f">= 9.223372036854776e18 THEN 9223372036854775807 "
        f"ELSE reduce(s = 0, {item} IN {items} | s + {term}) END"
    )


# --- argument filters of nested lists ---------------------------------------------------------
# An `in`-list argument left out (or null) filters nothing; an empty one matches nothing.


def _order_filters(qb: QueryBuilder, x: str, selected: Selected) -> list[str]:
    statuses = validation.choices(selected.args.get("status"), f"{selected.name}.status")
    return [] if statuses is None else [f"{x}.status IN {qb.param(statuses)}"]


def _touchpoint_filters(qb: QueryBuilder, x: str, selected: Selected) -> list[str]:
    conditions = []
    for argument, prop_name in (("channels", "channel"), ("kinds", "kind")):
        values = validation.choices(selected.args.get(argument), f"{selected.name}.{argument}")
        if values is not None:
            conditions.append(f"{x}.{prop_name} IN {qb.param(values)}")
    if selected.args.get("since") is not None:
        conditions.append(f"{x}.occurredAt >= {qb.param(selected.args['since'])}")
    if selected.args.get("until") is not None:
        conditions.append(f"{x}.occurredAt < {qb.param(selected.args['until'])}")
    return conditions


def _strength_filter(qb: QueryBuilder, x: str, selected: Selected) -> list[str]:
    minimum = selected.args.get("min_strength")
    return [f"{x}.strength >= {qb.param(minimum)}"] if minimum is not None else []


def _metrics(qb: QueryBuilder, var: str, selected: Selected) -> str:
    """All selected metrics in one expression; the completed orders are read once.

    Neo4j 5 refuses aggregating functions inside a nested subquery expression (the enclosing
    projection would become an aggregation), so sums and extremes are folded with `reduce`
    over the collected orders instead.
    """
    os, o, t = qb.variable("os"), qb.variable("o"), qb.variable("t")
    revenue = saturated_sum(os, o, f"coalesce({o}.totalMinor, 0)")
    currency = f"{os}[0].currency"
    compilers = {
        "lifetimeRevenue": f"{{minor: {revenue}, currency: {currency}}}",
        "orderCount": f"size({os})",
        "averageOrderValue": (
            f"CASE WHEN size({os}) = 0 THEN null ELSE "
            f"{{minor: toInteger(round(toFloat({revenue}) / size({os}))), "
            f"currency: {currency}}} END"
        ),
        # Date-times as text, as `Moment` sends them.
        "firstPurchaseAt": f"toString({os}[0].placedAt)",
        "lastPurchaseAt": f"toString({os}[-1].placedAt)",
        "lastContactAt": (
            f"toString(COLLECT {{ MATCH ({var})-[:HAD]->({t}:Touchpoint) "
            f"RETURN {t}.occurredAt ORDER BY {t}.occurredAt DESC LIMIT 1 }}[0])"
        ),
        "openComplaints": (
            f"COUNT {{ MATCH ({var})-[:HAD]->({t}:Touchpoint) "
            f"WHERE {t}.kind = 'COMPLAINT' AND NOT coalesce({t}.resolved, false) }}"
        ),
        "__typename": "'CustomerMetrics'",
    }
    body = map_literal({child.key: compilers[child.name] for child in selected.fields})
    completed = (
        f"COLLECT {{ MATCH ({var})-[:PLACED]->({o}:Order) "
        f"WHERE {o}.status = 'COMPLETED' "
        f"RETURN {o} {{.totalMinor, .placedAt, .currency}} ORDER BY {o}.placedAt }}"
    )
    return f"[{os} IN [{completed}] | {body}][0]"


def _products_bought(qb: QueryBuilder, var: str, selected: Selected) -> str:
    """Completed purchases grouped by product: a `PurchasedProduct` per product."""
    x, o, li, lines = qb.variable("x"), qb.variable("o"), qb.variable("li"), qb.variable("l")
    completed = f"({var})-[:PLACED]->({o}:Order)-[{li}:CONTAINS]->({x}_o)"
    return (
        f"COLLECT {{ MATCH {completed.replace(f'({x}_o)', f'({x}_o:Product)')} "
        f"WHERE {o}.status = 'COMPLETED' WITH DISTINCT {var}, {x}_o "
        f"WITH {x}_o, COLLECT {{ MATCH {completed} WHERE {o}.status = 'COMPLETED' "
        f"RETURN {{quantity: {li}.quantity, minor: {li}.quantity * {li}.unitPriceMinor, "
        f"at: {o}.placedAt, currency: {o}.currency}} }} AS {lines} "
        f"WITH {x}_o, {{quantity: reduce(s = 0, l IN {lines} | s + l.quantity), "
        f"revenueMinor: {saturated_sum(lines, 'l', 'l.minor')}, currency: {lines}[0].currency, "
        f"lastPurchasedAt: reduce(m = null, l IN {lines} | "
        f"CASE WHEN m IS NULL OR l.at > m THEN l.at ELSE m END)}} AS {x} "
        f"ORDER BY {x}.quantity DESC, {x}_o.sku "
        f"RETURN {project(qb, 'PurchasedProduct', x, selected)} }}"
    )


def _consent(qb: QueryBuilder, var: str, selected: Selected) -> str:
    """The current consent: the latest event of each purpose and channel."""
    x, e, f = qb.variable("x"), qb.variable("e"), qb.variable("f")
    return (
        f"COLLECT {{ MATCH ({var})-[:GAVE]->({e}:ConsentEvent) "
        f"WITH DISTINCT {var}, {e}.purpose AS purpose, {e}.channel AS channel "
        f"WITH purpose, channel, COLLECT {{ MATCH ({var})-[:GAVE]->({f}:ConsentEvent) "
        f"WHERE {f}.purpose = purpose AND {f}.channel = channel "
        f"RETURN {f} ORDER BY {f}.at DESC, {f}.recordedAt DESC LIMIT 1 }}[0] AS {x} "
        f"ORDER BY purpose, channel "
        f"RETURN {project(qb, 'ConsentState', x, selected)} }}"
    )


def other(type_name: str) -> Compile:
    """The node at the other end of an edge-like object (bound as `{v}_o`)."""

    def compile_other(qb: QueryBuilder, var: str, selected: Selected) -> str:
        return project(qb, type_name, f"{var}_o", selected)

    return compile_other


# --- types ------------------------------------------------------------------------------------

CUSTOMER_SORTS = {
    "NAME_ASC": Sort("NAME_ASC", [SortKey("{x}.name", "string")]),
    "NAME_DESC": Sort("NAME_DESC", [SortKey("{x}.name", "string", descending=True)]),
    "CREATED_AT_ASC": Sort("CREATED_AT_ASC", [SortKey("{x}.createdAt", "datetime")]),
    "CREATED_AT_DESC": Sort(
        "CREATED_AT_DESC", [SortKey("{x}.createdAt", "datetime", descending=True)]
    ),
    "LIFETIME_REVENUE_ASC": Sort(
        "LIFETIME_REVENUE_ASC", [SortKey("coalesce({x}.revenueMinor, 0)", "int")]
    ),
    "LIFETIME_REVENUE_DESC": Sort(
        "LIFETIME_REVENUE_DESC", [SortKey("coalesce({x}.revenueMinor, 0)", "int", True)]
    ),
    "LAST_CONTACT_AT_ASC": Sort(
        "LAST_CONTACT_AT_ASC", [SortKey(f"coalesce({{x}}.lastContactAt, {EPOCH})", "datetime")]
    ),
    "LAST_CONTACT_AT_DESC": Sort(
        "LAST_CONTACT_AT_DESC",
        [SortKey(f"coalesce({{x}}.lastContactAt, {EPOCH})", "datetime", True)],
    ),
}
NEWEST_FIRST_ORDERS = {"NEWEST": Sort("NEWEST", [SortKey("{x}.placedAt", "datetime", True)])}
NEWEST_FIRST_TOUCHPOINTS = {"NEWEST": Sort("NEWEST", [SortKey("{x}.occurredAt", "datetime", True)])}
BY_NAME = {"NAME_ASC": CUSTOMER_SORTS["NAME_ASC"]}

register(
    ObjectSpec(
        "Customer",
        interfaces=NODE,
        fields={
            "id": prop("id"),
            "kind": prop("kind"),
            "name": prop("name"),
            "emails": prop("emails", "[]"),
            "phones": prop("phones", "[]"),
            "interests": prop("interests", "[]"),
            "notes": prop("notes"),
            "lifecycleStage": prop("lifecycleStage"),
            "createdAt": Moment("createdAt"),
            "updatedAt": Moment("updatedAt"),
            "demographics": nested("Demographics", "{v}"),
            "preferences": nested("Preferences", "{v}"),
            "externalIds": Related(
                "ExternalId",
                "({v})-[:IDENTIFIED_BY]->({x}:ExternalId)",
                order="{x}.system, {x}.value",
            ),
            "addresses": Related(
                "Address", "({v})-[:HAS_ADDRESS]->({x}:Address)", order="{x}.position"
            ),
            "contacts": Related(
                "Contact",
                "({v})-[:HAS_CONTACT]->({x}:Contact)",
                order="{x}.name",
                limit_arg="first",
                default_limit=50,
            ),
            "contactOf": Related("Contact", "({v})<-[:IS]-({x}:Contact)", order="{x}.name"),
            "acquisition": Related(
                "Acquisition", "({v})-[{x}:ACQUIRED_VIA]->({x}_o:AcquisitionSource)", single=True
            ),
            "accountOwner": Related(
                "Employee",
                "({v})<-[{r}:OWNS]-({x}:Employee)",
                single=True,
                extra_where=("{r}.until IS NULL",),
            ),
            "ownerHistory": Related(
                "Ownership",
                "({v})<-[{x}:OWNS]-({x}_o:Employee)",
                order="{x}.since DESC, {x}.until IS NULL DESC, {x}.until DESC",
            ),
            "orders": Connection(
                "Order",
                "({v})-[:PLACED]->({x}:Order)",
                NEWEST_FIRST_ORDERS,
                "NEWEST",
                where=_order_filters,
            ),
            "touchpoints": Connection(
                "Touchpoint",
                "({v})-[:HAD]->({x}:Touchpoint)",
                NEWEST_FIRST_TOUCHPOINTS,
                "NEWEST",
                where=_touchpoint_filters,
            ),
            "influences": Related(
                "Influence",
                "({v})-[{x}:INFLUENCES]->({x}_o:Customer)",
                order="{x}.strength DESC, {x}_o.id",
                where=_strength_filter,
                limit_arg="first",
                default_limit=20,
            ),
            "influencedBy": Related(
                "Influence",
                "({v})<-[{x}:INFLUENCES]-({x}_o:Customer)",
                order="{x}.strength DESC, {x}_o.id",
                where=_strength_filter,
                limit_arg="first",
                default_limit=20,
            ),
            "productsBought": _products_bought,
            "metrics": _metrics,
            "consent": _consent,
            "consentHistory": Related(
                "ConsentState",
                "({v})-[:GAVE]->({x}:ConsentEvent)",
                order="{x}.at DESC, {x}.recordedAt DESC",
            ),
        },
    )
)

register(
    ObjectSpec(
        "Demographics",
        fields={
            name: prop(name)
            for name in (
                "birthDate",
                "gender",
                "occupation",
                "incomeBand",
                "householdSize",
                "industry",
                "employeeCount",
            )
        },
    )
)
register(
    ObjectSpec(
        "Preferences",
        fields={
            "preferredChannel": prop("preferredChannel"),
            "preferredLanguage": prop("preferredLanguage"),
            "doNotContact": prop("doNotContact", "false"),
        },
    )
)
register(ObjectSpec("ExternalId", fields={"system": prop("system"), "value": prop("value")}))
register(
    ObjectSpec(
        "Address",
        fields={
            name: prop(name)
            for name in ("kind", "line1", "line2", "city", "postalCode", "region", "country")
        },
    )
)

register(
    ObjectSpec(
        "Contact",
        interfaces=NODE,
        fields={
            "id": prop("id"),
            "name": prop("name"),
            "role": prop("role"),
            "emails": prop("emails", "[]"),
            "phones": prop("phones", "[]"),
            "channels": prop("channels", "[]"),
            "organization": Related(
                "Customer", "({v})<-[:HAS_CONTACT]-({x}:Customer)", single=True
            ),
            "person": Related("Customer", "({v})-[:IS]->({x}:Customer)", single=True),
        },
    )
)

register(
    ObjectSpec(
        "Acquisition",
        fields={
            "at": Moment("at"),
            "source": other("AcquisitionSource"),
            "referrer": Related("Customer", "({x}:Customer {{id: {v}.referrerId}})", single=True),
        },
    )
)

register(
    ObjectSpec(
        "AcquisitionSource",
        interfaces=NODE,
        fields={
            "id": prop("id"),
            "kind": prop("kind"),
            "name": prop("name"),
            "createdAt": Moment("createdAt"),
            "customerCount": expression("COUNT {{ ({v})<-[:ACQUIRED_VIA]-(:Customer) }}"),
            "customers": Related(
                "Customer",
                "({v})<-[:ACQUIRED_VIA]-({x}:Customer)",
                order="{x}.name",
                limit_arg="first",
                default_limit=20,
            ),
        },
    )
)

register(
    ObjectSpec(
        "Employee",
        interfaces=NODE,
        fields={
            "id": prop("id"),
            "name": prop("name"),
            "email": prop("email"),
            "title": prop("title"),
            "active": prop("active", "true"),
            "createdAt": Moment("createdAt"),
            "customerCount": expression(
                "COUNT {{ ({v})-[{a}:OWNS]->(:Customer) WHERE {a}.until IS NULL }}"
            ),
            "customers": Related(
                "Customer",
                "({v})-[{r}:OWNS]->({x}:Customer)",
                order="{x}.name",
                extra_where=("{r}.until IS NULL",),
                limit_arg="first",
                default_limit=20,
            ),
        },
    )
)

register(
    ObjectSpec(
        "Ownership",
        fields={
            "since": Moment("since"),
            "until": Moment("until"),
            "employee": other("Employee"),
        },
    )
)

register(
    ObjectSpec(
        "Product",
        interfaces=NODE,
        fields={
            "id": prop("id"),
            "sku": prop("sku"),
            "name": prop("name"),
            "category": prop("category"),
            "active": prop("active", "true"),
            "price": expression(money("{v}.priceMinor", "{v}.currency")),
            "unitCost": expression(money("{v}.unitCostMinor", "{v}.currency")),
            "createdAt": Moment("createdAt"),
            "customerCount": expression(
                "COUNT {{ MATCH ({a}:Customer)-[:PLACED]->({b}:Order)-[:CONTAINS]->({v}) "
                "WHERE {b}.status = 'COMPLETED' RETURN DISTINCT {a} }}"
            ),
            "customers": Related(
                "Customer",
                "({x}:Customer) WHERE EXISTS {{ "
                "MATCH ({x})-[:PLACED]->({r}:Order)-[:CONTAINS]->({v}) "
                "WHERE {r}.status = 'COMPLETED' }}",
                order="{x}.name",
                limit_arg="first",
                default_limit=20,
            ),
        },
    )
)

register(
    ObjectSpec(
        "PurchasedProduct",
        fields={
            "product": other("Product"),
            "quantity": prop("quantity"),
            "revenue": expression(money("{v}.revenueMinor", "{v}.currency")),
            "lastPurchasedAt": Moment("lastPurchasedAt"),
        },
    )
)

register(
    ObjectSpec(
        "Order",
        interfaces=NODE,
        fields={
            "id": prop("id"),
            "number": prop("number"),
            "system": prop("system", "'cdp'"),
            "status": prop("status"),
            "placedAt": Moment("placedAt"),
            "paymentMethod": prop("paymentMethod"),
            "currency": prop("currency"),
            "total": expression(money("{v}.totalMinor", "{v}.currency")),
            "invoiceDueDate": prop("invoiceDueDate"),
            "paidAt": Moment("paidAt"),
            "items": Related(
                "LineItem", "({v})-[{x}:CONTAINS]->({x}_o:Product)", order="{x}.position"
            ),
            "customer": Related("Customer", "({v})<-[:PLACED]-({x}:Customer)", single=True),
        },
    )
)

register(
    ObjectSpec(
        "LineItem",
        fields={
            "product": other("Product"),
            "quantity": prop("quantity"),
            # Amounts are in the order's currency (the line starts at the order).
            "unitPrice": expression(money("{v}.unitPriceMinor", "startNode({v}).currency")),
            "total": expression(
                money("{v}.quantity * {v}.unitPriceMinor", "startNode({v}).currency")
            ),
        },
    )
)

register(
    ObjectSpec(
        "Touchpoint",
        interfaces=NODE,
        fields={
            "id": prop("id"),
            "channel": prop("channel"),
            "direction": prop("direction"),
            "kind": prop("kind"),
            "occurredAt": Moment("occurredAt"),
            "summary": prop("summary"),
            "outcome": prop("outcome"),
            "satisfaction": prop("satisfaction"),
            "resolved": prop("resolved", "false"),
            "handledBy": Related("Employee", "({v})-[:HANDLED_BY]->({x}:Employee)", single=True),
            "customer": Related("Customer", "({v})<-[:HAD]-({x}:Customer)", single=True),
        },
    )
)

register(
    ObjectSpec(
        "Influence",
        fields={
            "customer": other("Customer"),
            "strength": prop("strength"),
            "kind": prop("kind"),
            "since": Moment("since"),
            "evidence": prop("evidence"),
        },
    )
)

register(
    ObjectSpec(
        "ConsentState",
        fields={
            "purpose": prop("purpose"),
            "channel": expression("CASE {v}.channel WHEN 'ANY' THEN null ELSE {v}.channel END"),
            "status": prop("status"),
            "at": Moment("at"),
            "source": prop("source"),
        },
    )
)

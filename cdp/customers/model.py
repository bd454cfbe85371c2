"""How a customer is read, with the types that hang off it alone: demographics, preferences,
external ids, addresses, acquisition, ownership, and the metrics.

(:Customer)-[:IDENTIFIED_BY]->(:ExternalId), -[:HAS_ADDRESS]->(:Address),
-[:ACQUIRED_VIA {at, referrerId}]->(:AcquisitionSource), (:Customer)-[:REFERRED {at}]->
(:Customer), (:Employee)-[:OWNS {since, until}]->(:Customer),
(:Customer)-[:HAD_STAGE]->(:LifecycleChange {stage, at, by, reason, position}).
"""

from __future__ import annotations

from cdp.access import privacy
from cdp.access.policy import rules
from cdp.compiler.cypher import (
    QueryBuilder,
    collect,
    count,
    map_literal,
    node,
    properties,
    record,
    saturated_sum,
)
from cdp.compiler.pagination import Connection, Sort, SortKey
from cdp.compiler.projection import NODE, Moment, ObjectSpec, Related, nested, other, prop
from cdp.compiler.selection import Selected
from cdp.consent.model import current_consent
from cdp.goals.model import GOALS_SET_FOR
from cdp.influence.model import strength_filter
from cdp.orders.model import ORDER_SORTS, order_filters, products_bought
from cdp.touchpoints.model import TOUCHPOINT_SORTS, touchpoint_filters

EPOCH = "datetime('0001-01-01T00:00:00Z')"

CUSTOMER_SORTS = {
    "NAME_ASC": Sort("NAME_ASC", [SortKey("name", "string")]),
    "NAME_DESC": Sort("NAME_DESC", [SortKey("name", "string", descending=True)]),
    "CREATED_AT_ASC": Sort("CREATED_AT_ASC", [SortKey("createdAt", "datetime")]),
    "CREATED_AT_DESC": Sort("CREATED_AT_DESC", [SortKey("createdAt", "datetime", True)]),
    "LIFETIME_REVENUE_ASC": Sort(
        "LIFETIME_REVENUE_ASC", [SortKey("revenueMinor", "int", default="0")]
    ),
    "LIFETIME_REVENUE_DESC": Sort(
        "LIFETIME_REVENUE_DESC", [SortKey("revenueMinor", "int", True, default="0")]
    ),
    "LAST_CONTACT_AT_ASC": Sort(
        "LAST_CONTACT_AT_ASC", [SortKey("lastContactAt", "datetime", default=EPOCH)]
    ),
    "LAST_CONTACT_AT_DESC": Sort(
        "LAST_CONTACT_AT_DESC", [SortKey("lastContactAt", "datetime", True, default=EPOCH)]
    ),
}


def converted_at(qb: QueryBuilder, var: str, _: Selected) -> str:
    """When a lead became a buyer: the placing time of the first completed order placed since
    the customer was created, for a customer whose history starts as a LEAD (else null)."""
    h, o = qb.variable("h"), qb.variable("o")
    first_stage = collect(
        f"MATCH ({var})-[:HAD_STAGE]->({h}:LifecycleChange) "
        f"RETURN {h}.stage ORDER BY {h}.position LIMIT 1"
    )
    first_completed = collect(
        f"MATCH ({var})-[:PLACED]->({o}:Order) "
        f"WHERE {o}.status = 'COMPLETED' AND {o}.placedAt >= {var}.createdAt "
        f"RETURN {o}.placedAt ORDER BY {o}.placedAt LIMIT 1"
    )
    # A date-time as text, as `Moment` sends them.
    return f"CASE WHEN {first_stage}[0] = 'LEAD' THEN toString({first_completed}[0]) END"


def metrics(qb: QueryBuilder, var: str, selected: Selected) -> str:
    """All selected metrics in one expression; the completed orders are read once.

    Neo4j 5 refuses aggregating functions inside a nested subquery expression (the enclosing
    projection would become an aggregation), so sums and extremes are folded with `reduce`
    over the collected orders instead.
    """
    os, o, t = qb.variable("os"), qb.variable("o"), qb.variable("t")
    revenue = saturated_sum(os, o, f"coalesce({o}.totalMinor, 0)")
    currency = f"{os}[0].currency"
    average = record(minor=f"toInteger(round(toFloat({revenue}) / size({os})))", currency=currency)
    touchpoints = f"MATCH ({var})-[:HAD]->({t}:Touchpoint)"
    last_contact = collect(
        f"{touchpoints} RETURN {t}.occurredAt ORDER BY {t}.occurredAt DESC LIMIT 1"
    )
    compilers = {
        "lifetimeRevenue": record(minor=revenue, currency=currency),
        "orderCount": f"size({os})",
        "averageOrderValue": f"CASE WHEN size({os}) = 0 THEN null ELSE {average} END",
        # Date-times as text, as `Moment` sends them.
        "firstPurchaseAt": f"toString({os}[0].placedAt)",
        "lastPurchaseAt": f"toString({os}[-1].placedAt)",
        "lastContactAt": f"toString({last_contact}[0])",
        "openComplaints": count(
            f"{touchpoints} WHERE {t}.kind = 'COMPLAINT' AND NOT coalesce({t}.resolved, false)"
        ),
        "__typename": "'CustomerMetrics'",
    }
    body = map_literal({child.key: compilers[child.name] for child in selected.fields})
    completed = collect(
        f"MATCH ({var})-[:PLACED]->({o}:Order) WHERE {o}.status = 'COMPLETED' "
        f"RETURN {properties(o, ['totalMinor', 'placedAt', 'currency'])} ORDER BY {o}.placedAt"
    )
    return f"[{os} IN [{completed}] | {body}][0]"


def _person_initials(v: str) -> str:
    """An organization's name is no one's personal data; a person's is."""
    return f"CASE WHEN {v}.kind = 'PERSON' THEN {privacy.initials(v)} ELSE {v}.name END"


SPECS = (
    ObjectSpec(
        "Customer",
        interfaces=NODE,
        audited=True,
        guarded_by="self",
        id_prefix="cus",
        masks={
            "name": _person_initials,
            "emails": privacy.emails,
            "phones": privacy.phones,
            **privacy.hidden("notes"),
        },
        fields={
            "id": prop("id"),
            "kind": prop("kind"),
            "name": prop("name"),
            "emails": prop("emails", "[]"),
            "phones": prop("phones", "[]"),
            "interests": prop("interests", "[]"),
            "notes": prop("notes"),
            "lifecycleStage": prop("lifecycleStage"),
            "keyAccount": prop("keyAccount", "false"),
            "createdAt": Moment("createdAt"),
            "updatedAt": Moment("updatedAt"),
            "demographics": nested("Demographics"),
            "preferences": nested("Preferences"),
            "externalIds": Related(
                "ExternalId",
                lambda v, x, _: f"({v})-[:IDENTIFIED_BY]->({x}:ExternalId)",
                order=lambda x: f"{x}.system, {x}.value",
            ),
            "addresses": Related(
                "Address",
                lambda v, x, _: f"({v})-[:HAS_ADDRESS]->({x}:Address)",
                order=lambda x: f"{x}.position",
            ),
            "contacts": Related(
                "Contact",
                lambda v, x, _: f"({v})-[:HAS_CONTACT]->({x}:Contact)",
                order=lambda x: f"{x}.name",
                limit_arg="first",
                default_limit=50,
            ),
            "contactOf": Related(
                "Contact",
                lambda v, x, _: f"({v})<-[:IS]-({x}:Contact)",
                order=lambda x: f"{x}.name",
            ),
            "acquisition": Related(
                "Acquisition",
                lambda v, x, _: f"({v})-[{x}:ACQUIRED_VIA]->({x}_o:AcquisitionSource)",
                single=True,
            ),
            "accountOwner": Related(
                "Employee",
                lambda v, x, r: f"({v})<-[{r}:OWNS]-({x}:Employee)",
                single=True,
                pattern_where=lambda _, __, r: [f"{r}.until IS NULL"],
            ),
            "ownerHistory": Related(
                "Ownership",
                lambda v, x, _: f"({v})<-[{x}:OWNS]-({x}_o:Employee)",
                order=lambda x: f"{x}.since DESC, {x}.until IS NULL DESC, {x}.until DESC",
            ),
            "orders": Connection(
                "Order",
                lambda v, x: f"({v})-[:PLACED]->({x}:Order)",
                ORDER_SORTS,
                "NEWEST",
                where=order_filters,
            ),
            "touchpoints": Connection(
                "Touchpoint",
                lambda v, x: f"({v})-[:HAD]->({x}:Touchpoint)",
                TOUCHPOINT_SORTS,
                "NEWEST",
                where=touchpoint_filters,
            ),
            "influences": Related(
                "Influence",
                lambda v, x, _: f"({v})-[{x}:INFLUENCES]->({x}_o:Customer)",
                order=lambda x: f"{x}.strength DESC, {x}_o.id",
                where=strength_filter,
                limit_arg="first",
                default_limit=20,
            ),
            "influencedBy": Related(
                "Influence",
                lambda v, x, _: f"({v})<-[{x}:INFLUENCES]-({x}_o:Customer)",
                order=lambda x: f"{x}.strength DESC, {x}_o.id",
                where=strength_filter,
                limit_arg="first",
                default_limit=20,
            ),
            "productsBought": products_bought,
            "metrics": metrics,
            "consent": current_consent,
            "consentHistory": Related(
                "ConsentState",
                lambda v, x, _: f"({v})-[:GAVE]->({x}:ConsentEvent)",
                order=lambda x: f"{x}.at DESC, {x}.recordedAt DESC",
            ),
            "goals": GOALS_SET_FOR,
            "lifecycleHistory": Related(
                "LifecycleChange",
                lambda v, x, _: f"({v})-[:HAD_STAGE]->({x}:LifecycleChange)",
                order=lambda x: f"{x}.position DESC",
            ),
            "convertedAt": converted_at,
        },
    ),
    ObjectSpec(
        "LifecycleChange",
        fields={
            "stage": prop("stage"),
            "at": Moment("at"),
            "by": prop("by"),
            "reason": prop("reason"),
        },
    ),
    ObjectSpec(
        "Demographics",
        masks={"birthDate": privacy.withheld},
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
    ),
    ObjectSpec(
        "Preferences",
        fields={
            "preferredChannel": prop("preferredChannel"),
            "preferredLanguage": prop("preferredLanguage"),
            "doNotContact": prop("doNotContact", "false"),
        },
    ),
    ObjectSpec("ExternalId", fields={"system": prop("system"), "value": prop("value")}),
    ObjectSpec(
        "Address",
        masks=privacy.hidden("line1", "line2", "postalCode"),
        fields={
            name: prop(name)
            for name in ("kind", "line1", "line2", "city", "postalCode", "region", "country")
        },
    ),
    ObjectSpec(
        "Acquisition",
        edge=True,
        fields={
            "at": Moment("at"),
            "source": other("AcquisitionSource"),
            "referrer": Related(
                "Customer",
                lambda v, x, _: node(x, "Customer", id=f"{v}.referrerId"),
                single=True,
            ),
        },
    ),
    ObjectSpec(
        "Ownership",
        edge=True,
        fields={
            "since": Moment("since"),
            "until": Moment("until"),
            "employee": other("Employee"),
        },
    ),
)

# Who works the account and whom a customer sways are staff knowledge, not a partner's.
ACCESS = rules(
    agent=[
        "createCustomer",
        "updateCustomer",
        "upsertCustomer",
        "upsertCustomers",
        "assignAccountOwner",
        "advanceLead",
    ],
    partner=["createCustomer", "updateCustomer", "upsertCustomer", "upsertCustomers"],
    hidden_from_partner=[
        "Customer.accountOwner",
        "Customer.ownerHistory",
        "Customer.influences",
        "Customer.influencedBy",
        "Customer.contactOf",
        "LifecycleChange.by",  # an employee or a key of the business
    ],
)

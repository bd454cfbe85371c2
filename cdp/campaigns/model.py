"""How campaigns are read: the campaign, its period and budget, whom it reached and what they
bought (`attribution`), and for a trade promotion its products, participants and lift (`lift`).

(:AcquisitionSource {kind: CAMPAIGN})-[:OF_CAMPAIGN]->(:Campaign) (one each way),
(:Touchpoint)-[:IN_CAMPAIGN]->(:Campaign), (:Campaign)-[:PROMOTES]->(:Product),
(:Customer)-[:TAKES_PART_IN]->(:Campaign). Money is stored in minor units of `currency`, the
platform's when the campaign was created.
"""

from __future__ import annotations

from cdp import bounds
from cdp.access.policy import rules
from cdp.campaigns import attribution
from cdp.campaigns.lift import lift
from cdp.compiler.cypher import QueryBuilder, collect, count
from cdp.compiler.projection import (
    NODE,
    Moment,
    ObjectSpec,
    Related,
    expression,
    money,
    nested,
    page_size,
    project,
    prop,
)
from cdp.compiler.selection import Selected


def _leads(qb: QueryBuilder, k: str, selected: Selected) -> str:
    """The campaign's leads by name, `first` of them."""
    body, c, _ = attribution.leads_of(qb, k)
    first = qb.param(page_size(selected.args.get("first"), bounds.PAGE, qb.max_page))
    return collect(
        f"{body}WITH {c} ORDER BY {c}.name, {c}.id LIMIT {first} "
        f"RETURN {project(qb, 'Customer', c, selected)}"
    )


def _ratio(part: str, whole: str) -> str:
    """`part` / `whole` as a float; null when `whole` is 0."""
    return f"CASE WHEN {whole} > 0 THEN toFloat({part}) / {whole} END"


def _conversion_rate(qb: QueryBuilder, k: str, _: Selected) -> str:
    r, x = qb.variable("r"), qb.variable("x")
    results = attribution.results(qb, k)
    converted = f"size([{x} IN {r} WHERE size({x}.sales) > 0])"
    return f"[{r} IN [{results}] | {_ratio(converted, f'size({r})')}][0]"


def _revenue(qb: QueryBuilder, k: str, _: Selected) -> str:
    # Bound once: the money map reads its amount twice.
    m = qb.variable("m")
    return f"[{m} IN [{attribution.revenue_minor(qb, k)}] | {money(m, f'{k}.currency')}][0]"


def _customer_of(qb: QueryBuilder, v: str, selected: Selected) -> str:
    # Bound by WITH in a subquery (see `lift.lift`).
    c = qb.variable("c")
    return (
        collect(f"WITH {v}.customer AS {c} RETURN {project(qb, 'Customer', c, selected)}") + "[0]"
    )


def _by_customer(qb: QueryBuilder, v: str, selected: Selected) -> str:
    x = qb.variable("x")
    return collect(f"UNWIND {v}.customers AS {x} RETURN {project(qb, 'CustomerLift', x, selected)}")


# Read from the records of `lift`: {during, before, currency} (and customers for the total).
_LIFT_FIELDS = {
    "during": expression(lambda v: money(f"{v}.during", f"{v}.currency")),
    "before": expression(lambda v: money(f"{v}.before", f"{v}.currency")),
    "ratio": expression(lambda v: _ratio(f"{v}.during", f"{v}.before")),
}

SPECS = (
    ObjectSpec(
        "Campaign",
        interfaces=NODE,
        id_prefix="cmp",
        fields={
            "id": prop("id"),
            "name": prop("name"),
            "kind": prop("kind"),
            "channel": prop("channel"),
            "period": nested("CampaignPeriod"),
            "budget": expression(lambda k: money(f"{k}.budgetMinor", f"{k}.currency")),
            "deal": prop("deal"),
            "acquisitionSource": Related(
                "AcquisitionSource",
                lambda v, x, _: f"({v})<-[:OF_CAMPAIGN]-({x}:AcquisitionSource)",
                single=True,
            ),
            "touchpoints": Related(
                "Touchpoint",
                lambda v, x, _: f"({v})<-[:IN_CAMPAIGN]-({x}:Touchpoint)",
                order=lambda x: f"{x}.occurredAt DESC, {x}.id DESC",
                limit_arg="first",
                default_limit=bounds.PAGE,
            ),
            "touchpointCount": expression(lambda k: count(f"({k})<-[:IN_CAMPAIGN]-(:Touchpoint)")),
            "leads": _leads,
            "leadCount": lambda qb, k, _: attribution.leads(qb, k),
            "conversions": lambda qb, k, _: attribution.conversions(qb, k),
            "conversionRate": _conversion_rate,
            "revenue": _revenue,
            "products": Related(
                "Product",
                lambda v, x, _: f"({v})-[:PROMOTES]->({x}:Product)",
                order=lambda x: f"{x}.name, {x}.id",
                default_limit=bounds.CAMPAIGN_PRODUCTS,
            ),
            "participants": Related(
                "Customer",
                lambda v, x, _: f"({v})<-[:TAKES_PART_IN]-({x}:Customer)",
                order=lambda x: f"{x}.name, {x}.id",
                limit_arg="first",
                default_limit=bounds.PAGE,
            ),
            "lift": lift,
            "createdAt": Moment("createdAt"),
            "createdBy": prop("createdBy"),
            "updatedAt": Moment("updatedAt"),
        },
    ),
    ObjectSpec("CampaignPeriod", fields={"from": prop("periodFrom"), "to": prop("periodTo")}),
    ObjectSpec("PromotionLift", fields={**_LIFT_FIELDS, "byCustomer": _by_customer}),
    ObjectSpec("CustomerLift", fields={**_LIFT_FIELDS, "customer": _customer_of}),
)

# `AcquisitionSource.campaign` and `Touchpoint.campaign`.
CAMPAIGN_OF_SOURCE = Related(
    "Campaign", lambda v, x, _: f"({v})-[:OF_CAMPAIGN]->({x}:Campaign)", single=True
)
CAMPAIGN_OF_TOUCHPOINT = Related(
    "Campaign", lambda v, x, _: f"({v})-[:IN_CAMPAIGN]->({x}:Campaign)", single=True
)

ACCESS = rules(
    agent=["createCampaign", "updateCampaign"],
    # What the business spends and earns on its campaigns: no part of a partner's view.
    hidden_from_partner=[
        "Query.campaigns",
        "Query.campaign",
        "AcquisitionSource.campaign",
        "Touchpoint.campaign",
    ],
)

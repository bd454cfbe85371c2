"""How touchpoints are read: every contact with a customer, and who handled it.

(:Customer)-[:HAD]->(:Touchpoint)-[:HANDLED_BY]->(:Employee).
"""

from __future__ import annotations

from cdp import validation
from cdp.access import privacy
from cdp.access.policy import rules
from cdp.compiler.cypher import QueryBuilder
from cdp.compiler.pagination import Sort, SortKey
from cdp.compiler.projection import NODE, Moment, ObjectSpec, Related, prop
from cdp.compiler.selection import Selected

TOUCHPOINT_SORTS = {"NEWEST": Sort("NEWEST", [SortKey("occurredAt", "datetime", descending=True)])}


def touchpoint_filters(qb: QueryBuilder, x: str, selected: Selected) -> list[str]:
    """The arguments of a customer's touchpoints. A list left out (or null) filters nothing;
    an empty one matches nothing."""
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


SPECS = (
    ObjectSpec(
        "Touchpoint",
        interfaces=NODE,
        owner=lambda customer, n: f"({customer}:Customer)-[:HAD]->({n})",
        id_prefix="tpt",
        masks=privacy.hidden("summary", "outcome"),
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
            "handledBy": Related(
                "Employee",
                lambda v, x, _: f"({v})-[:HANDLED_BY]->({x}:Employee)",
                single=True,
            ),
            "customer": Related(
                "Customer", lambda v, x, _: f"({v})<-[:HAD]-({x}:Customer)", single=True
            ),
        },
    ),
)

ACCESS = rules(
    agent=["recordTouchpoint"],
    partner=["recordTouchpoint"],
    hidden_from_partner=["Touchpoint.handledBy"],  # an employee
)

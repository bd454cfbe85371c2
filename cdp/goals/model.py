"""How goals are read: the goal, its period and target, its progress and the actions against it.

(:Customer)-[:HAS_GOAL]->(:Goal) or (:Employee)-[:HAS_GOAL]->(:Goal); a goal of the business
has neither. `scope` (CUSTOMER, OWNER, BUSINESS) is stored too, so that a goal whose customer
was deleted does not turn into one of the business. `target` is in minor units of `currency`
for REVENUE, a count otherwise. Progress: `cdp.goals.progress`.
"""

from __future__ import annotations

from cdp import bounds
from cdp.access.policy import rules
from cdp.compiler.cypher import QueryBuilder, collect, record
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
from cdp.goals import progress

METRICS = ("REVENUE", "ORDER_COUNT", "OUTBOUND_CONTACTS", "NEW_CUSTOMERS")
MONEY_METRIC = "REVENUE"


def _target(qb: QueryBuilder, g: str, selected: Selected) -> str:
    t = qb.variable("t")
    value = record(metric=f"{g}.metric", amount=f"{g}.target", currency=f"{g}.currency")
    return f"[{t} IN [{value}] | {project(qb, 'GoalValue', t, selected)}][0]"


def _progress(qb: QueryBuilder, g: str, selected: Selected) -> str:
    # Bound once, so that fields reading the actual count it once.
    p = qb.variable("p")
    return f"[{p} IN [{progress.status(qb, g)}] | {project(qb, 'GoalProgress', p, selected)}][0]"


def _actions(qb: QueryBuilder, g: str, selected: Selected) -> str:
    """The touchpoints of the goal's scope in its period, newest first, `first` of them. Each
    is projected where its subquery matched it: Neo4j 5.26 loses a list comprehension's
    variable in the nested subqueries of what is projected from it (a customer's consent)."""
    first = qb.param(page_size(selected.args.get("first"), bounds.PAGE, qb.max_page))
    business, scoped, t = progress.in_scope(qb, g, progress.TOUCHPOINTS)

    def newest(match: str) -> str:
        order = f"{t}.occurredAt DESC, {t}.id DESC"
        return collect(
            f"{match} WITH {t} ORDER BY {order} LIMIT {first} "
            f"RETURN {project(qb, 'Touchpoint', t, selected)}"
        )

    return progress.per_scope(g, newest(business), newest(scoped))


SPECS = (
    ObjectSpec(
        "Goal",
        interfaces=NODE,
        id_prefix="gol",
        fields={
            "id": prop("id"),
            "metric": prop("metric"),
            "scope": prop("scope"),
            "customer": Related(
                "Customer", lambda v, x, _: f"({v})<-[:HAS_GOAL]-({x}:Customer)", single=True
            ),
            "owner": Related(
                "Employee", lambda v, x, _: f"({v})<-[:HAS_GOAL]-({x}:Employee)", single=True
            ),
            "target": _target,
            "period": nested("GoalPeriod"),
            "progress": _progress,
            "actions": _actions,
            "createdAt": Moment("createdAt"),
            "createdBy": prop("createdBy"),
            "updatedAt": Moment("updatedAt"),
        },
    ),
    ObjectSpec("GoalPeriod", fields={"from": prop("periodFrom"), "to": prop("periodTo")}),
    # Read from a record {metric, amount, currency}: an amount of money for REVENUE, else a count.
    ObjectSpec(
        "GoalValue",
        fields={
            "money": expression(
                lambda v: (
                    f"CASE WHEN {v}.metric = '{MONEY_METRIC}' "
                    f"THEN {money(f'{v}.amount', f'{v}.currency')} END"
                )
            ),
            "count": expression(
                lambda v: f"CASE WHEN {v}.metric = '{MONEY_METRIC}' THEN null ELSE {v}.amount END"
            ),
        },
    ),
    # Read from the record of `progress.status`.
    ObjectSpec(
        "GoalProgress",
        fields={
            "actual": nested("GoalValue"),
            "ratio": expression(lambda p: f"toFloat({p}.amount) / {p}.target"),
            "onTrack": expression(progress.on_track),
        },
    ),
)


# `Customer.goals` and `Employee.goals`: the goals set for them, latest period first.
GOALS_SET_FOR = Related(
    "Goal",
    lambda v, x, _: f"({v})-[:HAS_GOAL]->({x}:Goal)",
    order=lambda x: f"{x}.periodFrom DESC, {x}.id DESC",
)


ACCESS = rules(
    agent=["setGoal", "updateGoal", "deleteGoal"],
    # The business's own targets: no part of a partner's view, on any path.
    hidden_from_partner=["Query.goals", "Customer.goals", "Employee.goals"],
)

"""How the items of a work queue are read.

An item is a map the queue's statement builds (`cdp.work_queue.reads`), holding the nodes it is
about (`customer`, `touchpoint`, `order`) beside its own values; the fields of its type read
them from there. `contact`, the contact policy's decision on the contact the item calls for,
is decided in Python after the statement (`cdp.contact_policy.rules`).
"""

from __future__ import annotations

from cdp.access.policy import rules
from cdp.compiler.cypher import QueryBuilder, collect
from cdp.compiler.projection import Compile, Moment, ObjectSpec, expression, money, project, prop
from cdp.compiler.selection import Selected

WORK_ITEM = frozenset({"WorkItem"})


def held(type_name: str, key: str) -> Compile:
    """The node the item holds under `key`, projected as `type_name` (null when it holds none:
    a goal of an owner or of the business is no customer's)."""

    def compile_held(qb: QueryBuilder, var: str, selected: Selected) -> str:
        # Bound by WITH in a subquery, not by a list comprehension: Neo4j 5.26 loses a
        # comprehension's variable in the nested subqueries of what is projected from it (a
        # customer's consent).
        x = qb.variable("x")
        found = f"WITH {var}.{key} AS {x} WHERE {x} IS NOT NULL"
        return collect(f"{found} RETURN {project(qb, type_name, x, selected)}") + "[0]"

    return compile_held


# Filled in after the statement, from the facts read beside each item.
_DECIDED_LATER = expression(lambda _: "null")
_COMMON: dict[str, Compile] = {
    "priority": prop("priority"),
    "reason": prop("reason"),
    "customer": held("Customer", "customer"),
    "contact": _DECIDED_LATER,
}

SPECS = (
    ObjectSpec(
        "ComplaintDue",
        interfaces=WORK_ITEM,
        fields={
            **_COMMON,
            "touchpoint": held("Touchpoint", "touchpoint"),
            "dueAt": Moment("dueAt"),
            "breached": prop("breached"),
        },
    ),
    ObjectSpec(
        "InvoiceReminder",
        interfaces=WORK_ITEM,
        fields={
            **_COMMON,
            "order": held("Order", "invoiced"),
            "daysOverdue": prop("daysOverdue"),
            "amountDue": expression(lambda v: money(f"{v}.amountMinor", f"{v}.currency")),
            "lastReminderAt": Moment("lastReminderAt"),
        },
    ),
    ObjectSpec(
        "FollowUpDue",
        interfaces=WORK_ITEM,
        fields={
            **_COMMON,
            "touchpoint": held("Touchpoint", "touchpoint"),
            "dueAt": Moment("dueAt"),
        },
    ),
    ObjectSpec(
        "GoalAtRisk",
        interfaces=WORK_ITEM,
        fields={**_COMMON, "goal": held("Goal", "goal")},
    ),
    ObjectSpec(
        "GreetingDue",
        interfaces=WORK_ITEM,
        fields={**_COMMON, "occasion": prop("occasion"), "on": prop("on"), "years": prop("years")},
    ),
)

# Staff work the queues; analysts read them; partners see none of it.
ACCESS = rules(hidden_from_partner=["Query.workQueue"])

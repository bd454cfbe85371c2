"""Setting, changing and deleting goals: each one transaction, with its audit record.

A goal is set for one customer, for one owner (their accounts together) or for the business
(neither), never for both; a NEW_CUSTOMERS goal never for one customer, who is only created
once. Its metric and whom it is set for stay as set: another aim is another goal.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from cdp import bounds, business_time, money
from cdp.compiler.selection import Selected
from cdp.errors import BadUserInput, NotFound, ValueOutOfRange
from cdp.goals.model import MONEY_METRIC
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, transaction

Input = dict[str, Any]
# The customer or the employee must exist when the goal is linked to them: the statement
# creates nothing (no row) when the one named is missing. The relationship's creation locks
# them, so a concurrent deletion either waits or is seen.
_SET = """
OPTIONAL MATCH (c:Customer {id: $customerId})
OPTIONAL MATCH (e:Employee {id: $ownerId})
WITH c, e
WHERE ($customerId IS NULL OR c IS NOT NULL) AND ($ownerId IS NULL OR e IS NOT NULL)
CREATE (g:Goal {id: $id})
SET g += $props
FOREACH (holder IN [n IN [c, e] WHERE n IS NOT NULL] | CREATE (holder)-[:HAS_GOAL]->(g))
RETURN g.id AS id
"""
_STORED = """
MATCH (g:Goal {id: $id})
RETURN g.metric AS metric, g.currency AS currency,
       head(COLLECT { MATCH (g)<-[:HAS_GOAL]-(c:Customer) RETURN c.id }) AS customerId
"""
_UPDATE = "MATCH (g:Goal {id: $id}) SET g += $props RETURN g.id AS id"
_DELETE = """
MATCH (g:Goal {id: $id})
WITH g, g.id AS id, head(COLLECT { MATCH (g)<-[:HAS_GOAL]-(c:Customer) RETURN c.id }) AS customerId
DETACH DELETE g
RETURN id, customerId
"""


def scope_of(op: Operation, data: Input) -> tuple[str, str | None, str | None]:
    """Whom a new goal is set for: its scope, the customer's id and the owner's id."""
    customer_id, owner_id = data.get("customer_id"), data.get("owner_id")
    if customer_id is not None and owner_id is not None:
        raise BadUserInput(
            "A goal is set for a customer or for an owner, not both.", field="input.ownerId"
        )
    if customer_id is not None:
        if data["metric"] == "NEW_CUSTOMERS":
            raise BadUserInput(
                "A NEW_CUSTOMERS goal is set for an owner or the business, not a customer.",
                field="input.customerId",
            )
        return "CUSTOMER", op.require_id(customer_id, "Customer", "input.customerId"), None
    if owner_id is not None:
        return "OWNER", None, op.require_id(owner_id, "Employee", "input.ownerId")
    return "BUSINESS", None, None


def target(metric: str, value: Input, currency: str, field: str) -> int:
    """The target in the graph's terms: minor units of `currency` for REVENUE (given as
    `money`), else a count (given as `count`); above zero and within its bound."""
    given: dict[str, Any] = {"money": value.get("money"), "count": value.get("count")}
    wanted, other = ("money", "count") if metric == MONEY_METRIC else ("count", "money")
    if given[other] is not None or given[wanted] is None:
        refused = other if given[other] is not None else wanted
        raise BadUserInput(
            f"A {metric} goal's target is given as {wanted} alone.", field=f"{field}.{refused}"
        )
    if metric == MONEY_METRIC:
        minor = money.to_minor(given["money"], currency, f"{field}.money", maximum=money.MAX_MINOR)
        if minor <= 0:
            raise ValueOutOfRange("Must be above zero.", field=f"{field}.money", limit="> 0")
        return minor
    count = int(given["count"])
    if not 1 <= count <= bounds.GOAL_COUNT:
        limit = f"1..{bounds.GOAL_COUNT}"
        raise ValueOutOfRange(f"Must be from {limit}.", field=f"{field}.count", limit=limit)
    return count


async def set_goal(
    op: Operation, data: Input, selected: Selected, *, currency: str, zone: ZoneInfo
) -> Row:
    """A new goal; NOT_FOUND when the customer or owner it names does not exist."""
    scope, customer_id, owner_id = scope_of(op, data)
    metric = data["metric"]
    currency = money.require_currency(currency, "currency")
    now = datetime.now(UTC)
    props = {
        "metric": metric,
        "scope": scope,
        "target": target(metric, data["target"], currency, "input.target"),
        "currency": currency if metric == MONEY_METRIC else None,
        **business_time.stored_period(data["period"], zone, "input.period"),
        "createdAt": now,
        "createdBy": op.actor,
        "updatedAt": now,
    }
    op.audited.note_customers([customer_id])
    goal_id = op.new_id("Goal")

    async def work(tx: Tx) -> Row:
        params = {"id": goal_id, "customerId": customer_id, "ownerId": owner_id, "props": props}
        if await one(tx, _SET, params) is None:
            if customer_id is not None:
                raise NotFound(f"No customer has id {customer_id!r}.", field="input.customerId")
            raise NotFound(f"No employee has id {owner_id!r}.", field="input.ownerId")
        return await project_one(tx, op, "Goal", goal_id, selected)

    return await transaction(op, work)


async def update_goal(
    op: Operation, goal_id: str, patch: Input, selected: Selected, *, zone: ZoneInfo
) -> Row:
    """A new target or period; what is left out stays."""
    op.require_id(goal_id, "Goal", "id")
    changes: dict[str, Any] = {}
    if patch.get("period") is not None:
        changes.update(business_time.stored_period(patch["period"], zone, "input.period"))

    async def work(tx: Tx) -> Row:
        # The metric and currency never change, so the target is read against them as stored.
        stored = await one(tx, _STORED, {"id": goal_id})
        if stored is None:
            raise NotFound(f"No goal has id {goal_id!r}.", field="id")
        op.audited.note_customers([stored["customerId"]])
        props = dict(changes)
        if patch.get("target") is not None:
            currency = stored["currency"] or ""
            props["target"] = target(stored["metric"], patch["target"], currency, "input.target")
        props["updatedAt"] = datetime.now(UTC)
        await one(tx, _UPDATE, {"id": goal_id, "props": props})
        return await project_one(tx, op, "Goal", goal_id, selected)

    return await transaction(op, work)


async def delete_goal(op: Operation, goal_id: str) -> str:
    """Deletes a goal; NOT_FOUND when there is none (deleted already)."""
    op.require_id(goal_id, "Goal", "id")

    async def work(tx: Tx) -> str:
        deleted = await one(tx, _DELETE, {"id": goal_id})
        if deleted is None:
            raise NotFound(f"No goal has id {goal_id!r}.", field="id")
        op.audited.note_customers([deleted["customerId"]])
        return str(deleted["id"])

    return await transaction(op, work)

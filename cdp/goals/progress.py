"""A goal's progress, compiled from the graph at every read, never stored.

What a goal counts comes from its scope: the customer it is set for, the customers its owner
owns now, or, for the business, every order, touchpoint or customer of the graph (orders kept
from deleted customers among them). Each metric counts what falls in the goal's period, whose
bounds are stored as instants (`startsAt` inclusive, `endsAt` exclusive, from the business's
days when the goal was set):

- REVENUE: the totals of completed orders placed in the period, in the goal's currency (an
  amount in another currency cannot be added to it without a rate, which the platform has not);
- ORDER_COUNT: completed orders placed in the period;
- OUTBOUND_CONTACTS: outbound touchpoints that occurred in the period;
- NEW_CUSTOMERS: customers created in the period.

A goal is on track when its actual reaches the target times the elapsed share of the period:
the days elapsed, today (the business's) included, over the days of the period, within 0..1.
"""

from __future__ import annotations

from collections.abc import Callable

from cdp.compiler.cypher import QueryBuilder, collect, count, record, saturated_sum, where

# What a metric counts: the label, the step to it from a customer of the scope (none: the
# customer itself), and the conditions on it (of its variable and the goal's).
_Counted = tuple[str, str | None, Callable[[str, str], list[str]]]


def _in_period(at: str) -> Callable[[str, str], list[str]]:
    return lambda x, g: [f"{x}.{at} >= {g}.startsAt", f"{x}.{at} < {g}.endsAt"]


def _completed(x: str, g: str) -> list[str]:
    return [f"{x}.status = 'COMPLETED'", *_in_period("placedAt")(x, g)]


ORDERS: _Counted = ("Order", "-[:PLACED]->", _completed)
SALES: _Counted = (
    "Order",
    "-[:PLACED]->",
    lambda x, g: [*_completed(x, g), f"{x}.currency = {g}.currency"],
)
OUTBOUND: _Counted = (
    "Touchpoint",
    "-[:HAD]->",
    lambda x, g: [f"{x}.direction = 'OUTBOUND'", *_in_period("occurredAt")(x, g)],
)
TOUCHPOINTS: _Counted = ("Touchpoint", "-[:HAD]->", _in_period("occurredAt"))
NEW_CUSTOMERS: _Counted = ("Customer", None, _in_period("createdAt"))


def in_scope(qb: QueryBuilder, g: str, counted: _Counted) -> tuple[str, str, str]:
    """The MATCH of what goal `g` counts (`counted`), as a goal of the business reads it and as
    a goal of a customer or an owner does, and the variable both bind.

    The customers of a goal's scope are one pattern for both kinds: from the node the goal is
    set for, no OWNS step (a customer's goal: that customer) or one current one (an owner's:
    the accounts they own now); the zero-step path from an employee ends on no customer.
    """
    label, step, conditions = counted
    x, owns, o = qb.variable("x"), qb.variable("owns"), qb.variable("o")
    c = x if step is None else qb.variable("c")
    customers = f"({g})<-[:HAS_GOAL]-()-[{owns}:OWNS*0..1]->({c}:Customer)"
    counted_step = "" if step is None else f"{step}({x}:{label})"
    scoped = where([f"all({o} IN {owns} WHERE {o}.until IS NULL)", *conditions(x, g)])
    business = f"MATCH ({x}:{label}){where(conditions(x, g))}"
    return business, f"MATCH {customers}{counted_step}{scoped}", x


def per_scope(g: str, business: str, scoped: str) -> str:
    """`business` for a goal of the business, else `scoped`."""
    return f"CASE WHEN {g}.scope = 'BUSINESS' THEN {business} ELSE {scoped} END"


def _counted(qb: QueryBuilder, g: str, counted: _Counted) -> str:
    business, scoped, _ = in_scope(qb, g, counted)
    return per_scope(g, count(business), count(scoped))


def _revenue(qb: QueryBuilder, g: str) -> str:
    business, scoped, x = in_scope(qb, g, SALES)
    totals, v = qb.variable("totals"), qb.variable("v")

    def summed(match: str) -> str:
        amounts = collect(f"{match} RETURN coalesce({x}.totalMinor, 0)")
        # Bound once: the saturated sum reads its list twice.
        return f"[{totals} IN [{amounts}] | {saturated_sum(totals, v, v)}][0]"

    return per_scope(g, summed(business), summed(scoped))


def actual(qb: QueryBuilder, g: str) -> str:
    """What goal `g` has reached: an amount in minor units (REVENUE) or a count."""
    return (
        f"CASE {g}.metric WHEN 'REVENUE' THEN {_revenue(qb, g)} "
        f"WHEN 'ORDER_COUNT' THEN {_counted(qb, g, ORDERS)} "
        f"WHEN 'OUTBOUND_CONTACTS' THEN {_counted(qb, g, OUTBOUND)} "
        f"ELSE {_counted(qb, g, NEW_CUSTOMERS)} END"
    )


def status(qb: QueryBuilder, g: str) -> str:
    """A record of goal `g`'s progress, which `GoalProgress` and the `onTrack` filter read:
    the metric, the actual `amount`, its currency, the target, the days of the period and the
    days since its start, today included (may be below 0 or beyond the period)."""
    # Without a business date (the platform's own work) the database's date stands for it.
    today = f"coalesce({qb.param(qb.business_day())}, date())"
    return record(
        metric=f"{g}.metric",
        amount=actual(qb, g),
        currency=f"{g}.currency",
        target=f"{g}.target",
        days=f"duration.inDays({g}.periodFrom, {g}.periodTo).days + 1",
        sinceStart=f"duration.inDays({g}.periodFrom, {today}).days + 1",
    )


def on_track(p: str) -> str:
    """Progress record `p` (`status`) reaches the target times the elapsed share, compared as
    products (exact for integers below 2^53, and no overflow of 64-bit integers)."""
    elapsed = (
        f"CASE WHEN {p}.sinceStart < 0 THEN 0 WHEN {p}.sinceStart > {p}.days THEN {p}.days "
        f"ELSE {p}.sinceStart END"
    )
    return f"toFloat({p}.amount) * {p}.days >= toFloat({p}.target) * {elapsed}"

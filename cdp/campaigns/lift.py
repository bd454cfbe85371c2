"""A trade promotion's lift: what each participating customer bought of the promoted products
in the promotion's period, against the same number of business days just before it.

Both are the completed orders' lines of the promoted products (quantity times unit price), in the
campaign's currency (a line in another cannot be added without a rate). The period before runs
from `baselineStartsAt`, fixed with the period when it is set.
"""

from __future__ import annotations

from cdp.compiler.cypher import QueryBuilder, collect, record, saturated_sum, where
from cdp.compiler.projection import project
from cdp.compiler.selection import Selected

TRADE_PROMOTION = "TRADE_PROMOTION"


def _promoted_sales(qb: QueryBuilder, k: str, c: str, starts: str, ends: str) -> str:
    """Customer `c`'s completed sales of campaign `k`'s products placed in [starts, ends)."""
    o, li, lines, v = qb.variable("o"), qb.variable("li"), qb.variable("lines"), qb.variable("v")
    counted = [
        f"{o}.status = 'COMPLETED'",
        f"{o}.currency = {k}.currency",
        f"{o}.placedAt >= {starts}",
        f"{o}.placedAt < {ends}",
    ]
    amounts = collect(
        f"MATCH ({c})-[:PLACED]->({o}:Order)-[{li}:CONTAINS]->(:Product)<-[:PROMOTES]-({k})"
        f"{where(counted)} RETURN {li}.quantity * {li}.unitPriceMinor"
    )
    # Bound once: the saturated sum reads its list twice.
    return f"[{lines} IN [{amounts}] | {saturated_sum(lines, v, v)}][0]"


def _participants(qb: QueryBuilder, k: str) -> str:
    """Campaign `k`'s participants by name, each a record {customer, during, before, currency}."""
    c = qb.variable("c")
    each = record(
        customer=c,
        during=_promoted_sales(qb, k, c, f"{k}.startsAt", f"{k}.endsAt"),
        before=_promoted_sales(qb, k, c, f"{k}.baselineStartsAt", f"{k}.startsAt"),
        currency=f"{k}.currency",
    )
    return collect(
        f"MATCH ({c}:Customer)-[:TAKES_PART_IN]->({k}) RETURN {each} ORDER BY {c}.name, {c}.id"
    )


def lift(qb: QueryBuilder, k: str, selected: Selected) -> str:
    """Campaign `k`'s `PromotionLift`: null unless it is a trade promotion. Its records are
    bound by WITH inside a subquery, never by a list comprehension: Neo4j 5.26 loses a
    comprehension's variable in the subqueries of what is projected from it (a customer's
    consent)."""
    parts, x, p = qb.variable("parts"), qb.variable("x"), qb.variable("p")

    def total(key: str) -> str:
        amounts, all_amounts, v = qb.variable("a"), qb.variable("all"), qb.variable("v")
        listed = f"reduce({amounts} = [], {p} IN {parts} | {amounts} + {p}.{key})"
        return f"[{all_amounts} IN [{listed}] | {saturated_sum(all_amounts, v, v)}][0]"

    summary = record(
        during=total("during"),
        before=total("before"),
        currency=f"{k}.currency",
        customers=parts,
    )
    projected = collect(
        f"WITH {_participants(qb, k)} AS {parts} WITH {summary} AS {x} "
        f"RETURN {project(qb, 'PromotionLift', x, selected)}"
    )
    return f"CASE WHEN {k}.kind = '{TRADE_PROMOTION}' THEN {projected}[0] END"

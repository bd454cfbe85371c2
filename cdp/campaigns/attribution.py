"""Which customers a campaign brought, and what they bought from it: first touch.

A campaign touches a customer who was acquired through the campaign's acquisition source (at
the acquisition's time) or who had a touchpoint naming the campaign (when it occurred). Each
customer counts for the campaign that touched it first (on a tie, the campaign of the smaller
id), never for two: that customer is one of the campaign's leads. Its completed orders in the
campaign's currency, placed from that first touch on and within the campaign's period plus
`bounds.CAMPAIGN_WINDOW_DAYS`, are the campaign's revenue; a lead with at least one such order
converted. All of it is read from the graph at each request, never stored.
"""

from __future__ import annotations

from cdp import bounds
from cdp.compiler.cypher import QueryBuilder, braced, collect, record, saturated_sum, where

# Orders placed up to this long after the period's end still count towards the campaign.
WINDOW = f"duration({record(days=str(bounds.CAMPAIGN_WINDOW_DAYS))})"


def _touched(k: str, c: str) -> str:
    """The customers campaign `k` touched, each once, bound as `c`."""
    return (
        f"MATCH ({k})<-[:OF_CAMPAIGN]-(:AcquisitionSource)<-[:ACQUIRED_VIA]-({c}:Customer) "
        f"RETURN {c} "
        f"UNION "
        f"MATCH ({k})<-[:IN_CAMPAIGN]-(:Touchpoint)<-[:HAD]-({c}:Customer) RETURN {c}"
    )


def _first_touch(qb: QueryBuilder, c: str) -> str:
    """Customer `c`'s first touch by any campaign: a record {campaign (its id), at}."""
    a, s, k, t = qb.variable("a"), qb.variable("s"), qb.variable("k"), qb.variable("t")
    acquired = collect(
        f"MATCH ({c})-[{a}:ACQUIRED_VIA]->({s}:AcquisitionSource)-[:OF_CAMPAIGN]->({k}:Campaign) "
        f"RETURN {record(campaign=f'{k}.id', at=f'coalesce({a}.at, {c}.createdAt)')}"
    )
    contacted = collect(
        f"MATCH ({c})-[:HAD]->({t}:Touchpoint)-[:IN_CAMPAIGN]->({k}:Campaign) "
        f"RETURN {record(campaign=f'{k}.id', at=f'{t}.occurredAt')} "
        f"ORDER BY {t}.occurredAt, {k}.id LIMIT 1"
    )
    f, x = qb.variable("f"), qb.variable("x")
    earlier = f"{f} IS NULL OR {x}.at < {f}.at OR ({x}.at = {f}.at AND {x}.campaign < {f}.campaign)"
    touches = f"{acquired} + {contacted}"
    return f"reduce({f} = null, {x} IN {touches} | CASE WHEN {earlier} THEN {x} ELSE {f} END)"


def leads_of(qb: QueryBuilder, k: str) -> tuple[str, str, str]:
    """The start of a subquery over campaign `k`'s leads the viewer may see, to be completed
    by a RETURN: its text, the lead's variable and the variable of the lead's first touch."""
    c, first = qb.variable("c"), qb.variable("first")
    body = (
        f"CALL ({k}) {braced(f' {_touched(k, c)} ')} "
        f"WITH {c}, {_first_touch(qb, c)} AS {first}"
        f"{where([f'{first}.campaign = {k}.id', *qb.visible(c)])} "
    )
    return body, c, first


def _sales(qb: QueryBuilder, k: str, c: str, first: str) -> str:
    """The totals of lead `c`'s orders that count towards campaign `k`, a list."""
    o = qb.variable("o")
    counted = [
        f"{o}.status = 'COMPLETED'",
        f"{o}.currency = {k}.currency",
        f"{o}.placedAt >= {first}.at",
        f"{o}.placedAt >= {k}.startsAt",
        f"{o}.placedAt < {k}.endsAt + {WINDOW}",
    ]
    return collect(
        f"MATCH ({c})-[:PLACED]->({o}:Order){where(counted)} RETURN coalesce({o}.totalMinor, 0)"
    )


def results(qb: QueryBuilder, k: str) -> str:
    """A list of campaign `k`'s leads as records {sales (a list of order totals)}."""
    body, c, first = leads_of(qb, k)
    return collect(f"{body}RETURN {record(sales=_sales(qb, k, c, first))}")


def leads(qb: QueryBuilder, k: str) -> str:
    """How many leads campaign `k` has."""
    return f"size({results(qb, k)})"


def conversions(qb: QueryBuilder, k: str) -> str:
    """How many of campaign `k`'s leads converted."""
    x = qb.variable("x")
    return f"size([{x} IN {results(qb, k)} WHERE size({x}.sales) > 0])"


def revenue_minor(qb: QueryBuilder, k: str) -> str:
    """What campaign `k`'s leads bought within its window, in minor units of its currency."""
    x, totals, v = qb.variable("x"), qb.variable("totals"), qb.variable("v")
    flattened = f"reduce({totals} = [], {x} IN {results(qb, k)} | {totals} + {x}.sales)"
    return f"[{totals} IN [{flattened}] | {saturated_sum(totals, v, v)}][0]"

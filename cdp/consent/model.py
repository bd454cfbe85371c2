"""How consent is read: each event a customer gave, and the state it leaves.

(:Customer)-[:GAVE]->(:ConsentEvent {purpose, channel, status, at, recordedAt, source}).
"""

from __future__ import annotations

from cdp.access.policy import rules
from cdp.compiler.cypher import QueryBuilder, collect
from cdp.compiler.projection import Moment, ObjectSpec, expression, project, prop
from cdp.compiler.selection import Selected


def current_consent(qb: QueryBuilder, var: str, selected: Selected) -> str:
    """A customer's current consent: the latest event of each purpose and channel."""
    x, e, f = qb.variable("x"), qb.variable("e"), qb.variable("f")
    latest = collect(
        f"MATCH ({var})-[:GAVE]->({f}:ConsentEvent) "
        f"WHERE {f}.purpose = purpose AND {f}.channel = channel "
        f"RETURN {f} ORDER BY {f}.at DESC, {f}.recordedAt DESC LIMIT 1"
    )
    return collect(
        f"MATCH ({var})-[:GAVE]->({e}:ConsentEvent) "
        f"WITH DISTINCT {var}, {e}.purpose AS purpose, {e}.channel AS channel "
        f"WITH purpose, channel, {latest}[0] AS {x} "
        f"ORDER BY purpose, channel "
        f"RETURN {project(qb, 'ConsentState', x, selected)}"
    )


SPECS = (
    ObjectSpec(
        "ConsentState",
        fields={
            "purpose": prop("purpose"),
            "channel": expression(
                lambda v: f"CASE {v}.channel WHEN 'ANY' THEN null ELSE {v}.channel END"
            ),
            "status": prop("status"),
            "at": Moment("at"),
            "source": prop("source"),
        },
    ),
)

ACCESS = rules(agent=["recordConsent"], partner=["recordConsent"])

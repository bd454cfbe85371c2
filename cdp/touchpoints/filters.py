"""`TouchpointFilter` compiled into Cypher conditions over a touchpoint variable (and, for the
conditions on the customer it was with, a step to that customer).

Every field is one condition, all of them ANDed; the filter has no nesting, so its size is
bounded by its fields, and its two lists (`kind`, `channel`) by `bounds.CHOICES`. "Now" is the
statement's `datetime()`, the instant `Touchpoint.sla` is read at in the same statement.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdp import validation
from cdp.compiler.cypher import QueryBuilder, exists, node
from cdp.touchpoints.model import breached

Filter = Mapping[str, Any]


def open_complaint(x: str) -> str:
    """Touchpoint `x` is a complaint not resolved yet; never null."""
    return f"({x}.kind = 'COMPLAINT' AND NOT coalesce({x}.resolved, false))"


def follow_up_due(x: str) -> str:
    """Someone should have got back to the customer about touchpoint `x` by now. Null, not
    false, for a touchpoint without a follow-up time."""
    return f"{x}.followUpAt <= datetime()"


def touchpoint_where(qb: QueryBuilder, x: str, spec: Filter | None) -> list[str]:
    """The conditions (to be ANDed) that `spec` puts on touchpoint `x` itself."""
    if not spec:
        return []
    conditions: list[str] = []
    for name, prop_name in (("kind", "kind"), ("channel", "channel")):
        values = validation.choices(spec.get(name), f"filter.{name}")
        if values is not None:  # an empty list matches nothing
            conditions.append(f"{x}.{prop_name} IN {qb.param(values)}")
    if spec.get("direction") is not None:
        conditions.append(f"{x}.direction = {qb.param(spec['direction'])}")
    if spec.get("open") is not None:
        conditions.append(open_complaint(x) if spec["open"] else f"NOT {open_complaint(x)}")
    if spec.get("sla_breached") is not None:
        conditions.append(breached(x) if spec["sla_breached"] else f"NOT {breached(x)}")
    if spec.get("handled_by") is not None:
        handler = node("", "Employee", id=qb.param(spec["handled_by"]))
        conditions.append(exists(f"MATCH ({x})-[:HANDLED_BY]->{handler}"))
    if spec.get("since") is not None:
        conditions.append(f"{x}.occurredAt >= {qb.param(spec['since'])}")
    if spec.get("until") is not None:
        conditions.append(f"{x}.occurredAt < {qb.param(spec['until'])}")
    if spec.get("follow_up_due") is not None:
        due = follow_up_due(x)
        # A touchpoint without a follow-up time is not due: its null counts as false.
        conditions.append(due if spec["follow_up_due"] else f"NOT coalesce({due}, false)")
    return conditions

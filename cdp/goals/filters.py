"""`GoalFilter` compiled into Cypher conditions over a goal variable.

Every field is one condition, all of them ANDed; its lists (`metric`, `scope`) are bounded by
`bounds.CHOICES`. `onTrack` compiles the goal's progress into the condition, so the list is
still one statement.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdp import validation
from cdp.compiler.cypher import QueryBuilder, exists, node
from cdp.goals import progress

Filter = Mapping[str, Any]


def goal_where(qb: QueryBuilder, x: str, spec: Filter | None) -> list[str]:
    """The conditions (to be ANDed) that `spec` puts on goal `x`."""
    if not spec:
        return []
    conditions: list[str] = []
    for key, prop_name in (("metric", "metric"), ("scope", "scope")):
        values = validation.choices(spec.get(key), f"filter.{key}")
        if values is not None:  # an empty list matches nothing
            conditions.append(f"{x}.{prop_name} IN {qb.param(values)}")
    for key, label in (("owner", "Employee"), ("customer", "Customer")):
        if spec.get(key) is not None:
            holder = node("", label, id=qb.param(spec[key]))
            conditions.append(exists(f"({x})<-[:HAS_GOAL]-{holder}"))
    if spec.get("active_on") is not None:
        day = qb.param(spec["active_on"])
        conditions.append(f"{x}.periodFrom <= {day} AND {x}.periodTo >= {day}")
    if spec.get("on_track") is not None:
        p = qb.variable("p")
        on_track = f"[{p} IN [{progress.status(qb, x)}] | {progress.on_track(p)}][0]"
        conditions.append(on_track if spec["on_track"] else f"NOT {on_track}")
    return conditions

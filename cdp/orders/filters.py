"""`OrderFilter` compiled into Cypher conditions over an order variable (and, for the
conditions on who placed it, a step to the customer).

Every field is one condition, all of them ANDed; the filter has no nesting, so its size is
bounded by its fields, and its one list (`status`) by `bounds.CHOICES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from cdp import validation
from cdp.compiler.cypher import QueryBuilder

Filter = Mapping[str, Any]
# Only these orders have an invoice to pay: a PLANNED order is not yet placed, an UNREALIZED one
# fell through.
INVOICED = ("PENDING", "COMPLETED")


def overdue(x: str, today: str) -> str:
    """Order `x` is invoiced, unpaid, and its invoice fell due before `today` (a Cypher date).
    Null, not false, for an order without a due date."""
    invoiced = ", ".join(f"'{status}'" for status in INVOICED)
    return f"({x}.invoiceDueDate < {today} AND {x}.paidAt IS NULL AND {x}.status IN [{invoiced}])"


def order_where(qb: QueryBuilder, x: str, spec: Filter | None, today: date) -> list[str]:
    """The conditions (to be ANDed) that `spec` puts on order `x`; `today` is the business's
    date, which decides `overdue`."""
    if not spec:
        return []
    conditions: list[str] = []
    statuses = validation.choices(spec.get("status"), "filter.status")
    if statuses is not None:  # an empty list matches nothing
        conditions.append(f"{x}.status IN {qb.param(statuses)}")
    if spec.get("unpaid") is not None:
        conditions.append(f"{x}.paidAt IS {'' if spec['unpaid'] else 'NOT '}NULL")
    if spec.get("overdue") is not None:
        late = overdue(x, qb.param(today))
        # An order without a due date is not overdue: its null counts as false.
        conditions.append(late if spec["overdue"] else f"NOT coalesce({late}, false)")
    if spec.get("placed_after") is not None:
        conditions.append(f"{x}.placedAt >= {qb.param(spec['placed_after'])}")
    if spec.get("placed_before") is not None:
        conditions.append(f"{x}.placedAt < {qb.param(spec['placed_before'])}")
    if spec.get("due_before") is not None:
        conditions.append(f"{x}.invoiceDueDate < {qb.param(spec['due_before'])}")
    return conditions

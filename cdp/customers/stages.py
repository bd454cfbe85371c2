"""A customer's lifecycle: the moves `advanceLead` allows between stages.

LEAD → PROSPECT → CUSTOMER, any stage → FORMER, and FORMER → LEAD, PROSPECT or CUSTOMER (a
former customer may come back). A move backwards is refused; the stage a customer already has
is no move. `updateCustomer` and the upserts may set any stage (the admin's correction path):
only `advanceLead` keeps to this order. Every change of stage, by whichever write, is kept in
the customer's history: `(:Customer)-[:HAD_STAGE]->(:LifecycleChange {stage, at, by, reason,
position})`, `position` counting from 0 at the stage the customer was created in.
"""

from __future__ import annotations

from cdp.errors import InvalidTransition

LEAD, PROSPECT, CUSTOMER, FORMER = "LEAD", "PROSPECT", "CUSTOMER", "FORMER"

# Moves go forward (a lead may skip being a prospect); FORMER is reached from every stage.
NEXT = {
    LEAD: frozenset({PROSPECT, CUSTOMER, FORMER}),
    PROSPECT: frozenset({CUSTOMER, FORMER}),
    CUSTOMER: frozenset({FORMER}),
    FORMER: frozenset({LEAD, PROSPECT, CUSTOMER}),
}


def require_move(current: str | None, stage: str, field: str) -> None:
    """Refuse a move backwards from `current` (staying is no move). A customer stored without a
    stage (before stages were required) may take any."""
    if current is None or stage == current or stage in NEXT.get(current, frozenset()):
        return
    raise InvalidTransition(
        f"A customer in stage {current.lower()} cannot go back to {stage.lower()} "
        "(updateCustomer corrects a stage).",
        field=field,
    )

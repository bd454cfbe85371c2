"""An order's life: the states it may start in, and the moves between them.

PLANNED → PENDING → COMPLETED, and PLANNED or PENDING → UNREALIZED. COMPLETED and UNREALIZED
are final: only `reopenOrder`, with a reason, returns such an order to PENDING. Every change is
kept in the order's status history (who, when, why), newest first when read.
"""

from __future__ import annotations

from cdp.errors import InvalidTransition

PLANNED, PENDING, COMPLETED, UNREALIZED = "PLANNED", "PENDING", "COMPLETED", "UNREALIZED"

# An order placed as UNREALIZED would never have been an order: it starts in one of these.
STARTS = frozenset({PLANNED, PENDING, COMPLETED})
NEXT = {
    PLANNED: frozenset({PENDING, UNREALIZED}),
    PENDING: frozenset({COMPLETED, UNREALIZED}),
    COMPLETED: frozenset[str](),
    UNREALIZED: frozenset[str](),
}
REOPENED = PENDING
REOPENABLE = frozenset({COMPLETED, UNREALIZED})
# An invoice exists once an order is expected to be paid: a planned order has none.
INVOICED = frozenset({PENDING, COMPLETED, UNREALIZED})


def require_start(status: str, field: str) -> None:
    if status not in STARTS:
        raise InvalidTransition(
            f"An order starts as {_listed(STARTS)}; it becomes {UNREALIZED.lower()} later.",
            field=field,
        )


def require_move(current: str, status: str, field: str) -> None:
    """Refuse a move the order's rules do not allow from `current` (staying is no move)."""
    if status == current or status in NEXT.get(current, frozenset()):
        return
    hint = " (reopenOrder returns it to pending)" if current in REOPENABLE else ""
    raise InvalidTransition(
        f"A {current.lower()} order cannot become {status.lower()}{hint}.", field=field
    )


def require_reopenable(current: str, field: str) -> None:
    if current not in REOPENABLE:
        raise InvalidTransition(
            f"Only {_listed(REOPENABLE)} orders are reopened; this one is {current.lower()}.",
            field=field,
        )


def _listed(statuses: frozenset[str]) -> str:
    """In the order of an order's life: "planned, pending or completed"."""
    named = [status.lower() for status in NEXT if status in statuses]
    return ", ".join(named[:-1]) + " or " + named[-1] if len(named) > 1 else named[0]

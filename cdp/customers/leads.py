"""Advancing a lead: the one write that keeps a customer's stages in their order.

The customer's write lock is taken first (`_LOCK`); the stage is read after it, so concurrent
moves of one customer queue on it and each checks the stage the one before it left. A move is
kept in the customer's history with who made it and why (`cdp.customers.stages`).
"""

from __future__ import annotations

from datetime import UTC, datetime

from cdp import bounds, validation
from cdp.compiler.selection import Selected
from cdp.customers import stages
from cdp.errors import NotFound
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, transaction

_LOCK = """
MATCH (c:Customer {id: $id})
SET c.updatedAt = $now
RETURN c.id AS id
"""
_STAGE = """
MATCH (c:Customer {id: $id})
RETURN c.lifecycleStage AS stage
"""
_MOVE = """
MATCH (c:Customer {id: $id})
SET c.lifecycleStage = $stage, c.updatedAt = $now
WITH c, COUNT { (c)-[:HAD_STAGE]->(:LifecycleChange) } AS kept
CREATE (c)-[:HAD_STAGE]->(:LifecycleChange {stage: $stage, at: $now, by: $by, reason: $reason,
                                            position: kept})
RETURN c.id AS id
"""


async def advance_lead(
    op: Operation, customer_id: str, stage: str, reason: str | None, selected: Selected
) -> Row:
    """Move the customer to `stage` if the order of stages allows it; the stage it already has
    is no move (a retry records nothing)."""
    op.require_id(customer_id, "Customer", "customer")
    op.audited.note_customers([customer_id])
    reason = validation.optional_text(reason, "reason", max_length=bounds.NAME)

    async def work(tx: Tx) -> Row:
        if await one(tx, _LOCK, {"id": customer_id, "now": datetime.now(UTC)}) is None:
            raise NotFound(f"No customer has id {customer_id!r}.", field="customer")
        current = await one(tx, _STAGE, {"id": customer_id})
        assert current is not None  # the lock's statement found it
        stages.require_move(current["stage"], stage, "stage")
        if stage != current["stage"]:
            params = {
                "id": customer_id,
                "stage": stage,
                "reason": reason,
                "by": op.actor,
                "now": datetime.now(UTC),
            }
            await one(tx, _MOVE, params)
        return await project_one(tx, op, "Customer", customer_id, selected)

    return await transaction(op, work)

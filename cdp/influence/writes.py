"""Influence between customers: who sways whom, how strongly, and why."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from cdp import validation
from cdp.compiler.projection import project
from cdp.compiler.selection import Selected
from cdp.errors import BadUserInput, NotFound
from cdp.request import Operation
from cdp.writes import Row, Tx, one, transaction

# Both customers of a pair are write-locked, always in the order of their ids, before the
# influence between them is read or changed: concurrent links and unlinks of one pair (in either
# direction) queue on the first of them instead of deadlocking or creating the influence twice.
# Setting and removing a property takes the lock and leaves the customer as it was.
_LOCK_PAIR = """
UNWIND $ids AS id
MATCH (n:Customer {id: id})
WITH n ORDER BY n.id
SET n.__lock = true
REMOVE n.__lock
RETURN collect(n.id) AS found
"""
# One influence per ordered pair: linking again updates its strength, kind and evidence.
_LINK = """
MATCH (a:Customer {id: $fromId}), (b:Customer {id: $toId})
MERGE (a)-[i:INFLUENCES]->(b)
ON CREATE SET i.since = coalesce($since, datetime())
SET i.strength = $strength, i.kind = $kind, i.evidence = $evidence,
    i.since = coalesce($since, i.since)
WITH i, b AS i_o
"""


def _pair(op: Operation, data: dict[str, Any]) -> tuple[str, str]:
    from_id = op.require_id(data["from_id"], "Customer", "input.fromId")
    to_id = op.require_id(data["to_id"], "Customer", "input.toId")
    op.audited.note_customers([from_id, to_id])
    if from_id == to_id:
        raise BadUserInput("A customer cannot influence themselves.", field="input.toId")
    return from_id, to_id


async def _lock_customers(tx: Tx, from_id: str, to_id: str) -> None:
    row = await one(tx, _LOCK_PAIR, {"ids": sorted((from_id, to_id))})
    found = set(row["found"]) if row else set()
    if from_id not in found:
        raise NotFound(f"No customer has id {from_id!r}.", field="input.fromId")
    if to_id not in found:
        raise NotFound(f"No customer has id {to_id!r}.", field="input.toId")


async def link_influence(op: Operation, data: dict[str, Any], selected: Selected) -> Row:
    """Create or update the influence of `fromId` on `toId`; the same input twice is a no-op."""
    from_id, to_id = _pair(op, data)
    strength = validation.in_range(float(data["strength"]), 0.0, 1.0, "input.strength")
    since: datetime | None = data.get("since")
    evidence = validation.optional_text(data.get("evidence"), "input.evidence")

    async def work(tx: Tx) -> Row:
        await _lock_customers(tx, from_id, to_id)
        qb = op.query()
        # The influence as seen from its source: `customer` is the influenced one.
        body = project(qb, "Influence", "i", selected)
        row = await one(
            tx,
            f"{_LINK} RETURN {body} AS row",
            {
                "fromId": from_id,
                "toId": to_id,
                "strength": strength,
                "kind": data["kind"],
                "evidence": evidence,
                "since": since,
                **qb.params,
            },
        )
        assert row is not None
        return dict(row["row"])

    return await transaction(op, work)


async def unlink_influence(op: Operation, data: dict[str, Any]) -> bool:
    """Remove the influence of `fromId` on `toId`; True if there was one (idempotent)."""
    from_id, to_id = _pair(op, data)

    async def work(tx: Tx) -> bool:
        await _lock_customers(tx, from_id, to_id)
        row = await one(
            tx,
            "MATCH (:Customer {id: $fromId})-[i:INFLUENCES]->(:Customer "
            "{id: $toId}) DELETE i RETURN count(*) AS removed",
            {"fromId": from_id, "toId": to_id},
        )
        return bool(row and row["removed"])

    return await transaction(op, work)

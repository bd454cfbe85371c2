"""The external-id systems each partner owns: `(:Partner)-[:OWNS_SYSTEM]->(:ExternalSystem)`.

A partner key writes external ids (upsert keys, `externalIds` of its customer writes, and the
other systems a write names) only in the systems an admin assigned to its partner. A system
belongs to one partner at most: otherwise a partner could learn, through a shared system, which
ids another partner's customers have. Staff keys write in every system.
"""

from __future__ import annotations

from typing import Any, LiteralString

from cdp import validation
from cdp.errors import Conflict, NotFound
from cdp.request import Operation
from cdp.store.graph import Graph
from cdp.writes import Tx, one, transaction

# The system's node is merged (its name is uniquely constrained) and write-locked before its
# owner is read: two admins giving one system to two partners at once cannot both succeed.
_ASSIGN: LiteralString = """
MATCH (p:Partner {id: $partnerId})
MERGE (s:ExternalSystem {name: $system})
SET s.name = $system
WITH p, s
OPTIONAL MATCH (s)<-[:OWNS_SYSTEM]-(owner:Partner)
WITH p, s, collect(owner.id) AS owners
CALL (p, s, owners) {
  WITH * WHERE owners = []
  CREATE (p)-[:OWNS_SYSTEM {since: datetime()}]->(s)
}
RETURN owners
"""
_UNASSIGN: LiteralString = """
MATCH (:Partner {id: $partnerId})-[o:OWNS_SYSTEM]->(:ExternalSystem {name: $system})
DELETE o
RETURN count(*) AS removed
"""
_LIST: LiteralString = """
MATCH (p:Partner)-[:OWNS_SYSTEM]->(s:ExternalSystem)
WHERE $partnerId IS NULL OR p.id = $partnerId
RETURN p.id AS partnerId, p.name AS partner, s.name AS system
ORDER BY p.name, s.name
"""
_BY_NAME: LiteralString = "MATCH (p:Partner {name: $name}) RETURN p.id AS id"


def read_system(system: str) -> str:
    """A system's name as external ids store it (the same validation as theirs)."""
    return validation.text(system, "system", max_length=100)


async def assign_system(op: Operation, partner_id: str, system: str, *, assigned: bool) -> bool:
    """Give the system to the partner (or take it back); True if something changed. Refused
    (CONFLICT) when another partner owns the system."""
    name = read_system(system)

    async def work(tx: Tx) -> bool:
        params = {"partnerId": partner_id, "system": name}
        if not assigned:
            removed = await one(tx, _UNASSIGN, params)
            return bool(removed and removed["removed"])
        row = await one(tx, _ASSIGN, params)
        if row is None:
            raise NotFound("No partner has this id.", field="partnerId")
        owners: list[str] = row["owners"]
        if owners and owners != [partner_id]:
            raise Conflict("Another partner owns this system.", field="system")
        return not owners

    return await transaction(op, work)


async def partner_id(graph: Graph, name: str) -> str:
    """The id of the partner called `name`."""
    rows = await graph.read(_BY_NAME, {"name": name})
    if not rows:
        raise NotFound("No partner has this name.", field="partner")
    return str(rows[0]["id"])


async def list_systems(graph: Graph, partner: str | None = None) -> list[dict[str, Any]]:
    """Each partner's systems (of one partner, given its id), by partner name then system."""
    return await graph.read(_LIST, {"partnerId": partner})

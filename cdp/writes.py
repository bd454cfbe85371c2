"""The shape of every mutation: one GraphQL mutation is one managed write transaction, checks
first, then the write, returning the changed object projected as the client selected it, and
ending with the operation's audit record."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from neo4j import AsyncManagedTransaction

from cdp.access import audit
from cdp.compiler.cypher import node
from cdp.compiler.projection import project
from cdp.request import Operation
from cdp.store.graph import release

T = TypeVar("T")
Row = dict[str, Any]
Tx = AsyncManagedTransaction


async def one(tx: Tx, query: str, params: dict[str, Any]) -> Row | None:
    """The first record of a query the project assembled (values only as parameters)."""
    result = await tx.run(query, params)  # compiled from fixed fragments; values as params
    rows = await result.data()
    release(params)
    return rows[0] if rows else None


async def transaction(
    op: Operation, work: Callable[[Tx], Awaitable[T]], *, kind: str = "MUTATION"
) -> T:
    """Run `work` as one transaction: raising a CdpError inside it rolls everything back.
    A mutation served to a client leaves the operation's audit record in the same
    transaction."""

    async def audited(tx: Tx) -> T:
        result = await work(tx)
        record = op.audited.params(kind)
        if record is not None:
            params = {"audit": record}
            await (await tx.run(audit.RECORD, params)).consume()
            release(params)
        return result

    return await op.graph.write(audited)


async def project_one(
    tx: Tx, op: Operation, label: str, node_id: str, selected: Any, prefix: str = ""
) -> Row:
    """Re-read one node (of a label from the allowlist) as the client selected it."""
    row = await project_stored(tx, op, label, node_id, selected, prefix)
    assert row is not None, f"{label} {node_id} vanished inside its own transaction"
    return row


async def project_stored(
    tx: Tx, op: Operation, label: str, node_id: str, selected: Any, prefix: str = ""
) -> Row | None:
    """`project_one` for a node written by an earlier request: None when it is gone."""
    qb = op.query()
    query = (
        f"{prefix}MATCH {node('n', label, id=qb.param(node_id))} "
        f"RETURN {project(qb, label, 'n', selected)} AS row"
    )
    row = await one(tx, query, qb.params)
    return None if row is None else dict(row["row"])

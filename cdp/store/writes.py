"""The shape of every mutation: one managed write transaction, checks first, then the write,
returning the changed object projected as the client selected it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from neo4j import AsyncManagedTransaction

from cdp.access import audit
from cdp.access.policy import current_policy
from cdp.store.graph import Graph, release

if TYPE_CHECKING:
    from cdp.compiler.projection import Registry

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
    graph: Graph, work: Callable[[Tx], Awaitable[T]], *, kind: str = "MUTATION"
) -> T:
    """Run `work` as one transaction: raising a CdpError inside it rolls everything back.
    A mutation served to a client leaves its audit record in the same transaction."""

    async def audited(tx: Tx) -> T:
        result = await work(tx)
        record = audit.params(kind)
        if record is not None:
            params = {"audit": record}
            await (await tx.run(audit.RECORD, params)).consume()
            release(params)
        return result

    return await graph.write(audited)


async def project_one(
    tx: Tx, label: str, node_id: str, selected: Any, prefix: str = "", *, registry: Registry
) -> Row:
    """Re-read one node (of a label from the allowlist) as the client selected it."""
    row = await project_stored(tx, label, node_id, selected, prefix, registry=registry)
    assert row is not None, f"{label} {node_id} vanished inside its own transaction"
    return row


async def project_stored(
    tx: Tx, label: str, node_id: str, selected: Any, prefix: str = "", *, registry: Registry
) -> Row | None:
    """`project_one` for a node written by an earlier request: None when it is gone."""
    from cdp.compiler.cypher import QueryBuilder  # noqa: PLC0415 - avoids a cycle through projection
    from cdp.compiler.projection import MAX_PAGE, project  # noqa: PLC0415

    qb = QueryBuilder(current_policy(), registry, MAX_PAGE.get())
    query = (
        f"{prefix}MATCH (n:{label} {{id: {qb.param(node_id)}}}) "
        f"RETURN {project(qb, label, 'n', selected)} AS row"
    )
    row = await one(tx, query, qb.params)
    return None if row is None else dict(row["row"])

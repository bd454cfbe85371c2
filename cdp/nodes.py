"""Any node by its id: the id's prefix names the label, from the fixed allowlist. And the root
lists of reference nodes (products, acquisition sources, employees)."""

from __future__ import annotations

from typing import Any

from cdp import bounds
from cdp.compiler.cypher import QueryBuilder, Statement, exists, where
from cdp.compiler.cypher import node as node_pattern
from cdp.compiler.projection import page_size, project
from cdp.compiler.selection import Selected
from cdp.request import Operation


def compile_node(qb: QueryBuilder, node_id: str, selected: Selected) -> Statement | None:
    """The node of id `node_id`, None when the id names no label (no node can have it)."""
    label = qb.registry.label_of(node_id)
    if label is None:
        return None
    spec = qb.registry[label]
    conditions = []
    if qb.policy.partner is not None:
        if spec.guarded_by == "self":
            conditions = qb.visible("n")
        elif spec.owner is not None:
            conditions = [exists(f"MATCH {spec.owner('owner', 'n')}{where(qb.visible('owner'))}")]
        elif label == "Employee":
            qb.policy.check_field("Query", "employees")
        elif label == "Goal":  # the business's targets, on no path of a partner's
            qb.policy.check_field("Query", "goals")
        elif label == "Campaign":  # what the business spends and earns, likewise
            qb.policy.check_field("Query", "campaigns")
    body = project(qb, label, "n", selected, typed=True)
    # The label comes from the registry's id prefixes, never from the client's text.
    found = node_pattern("n", label, id=qb.param(node_id))
    return qb.statement(f"MATCH {found}{where(conditions)} RETURN {body} AS row")


_LISTABLE = {
    "Product": "n.name, n.id",
    "AcquisitionSource": "n.name, n.id",
    "Employee": "n.name, n.id",
}


def compile_listing(
    qb: QueryBuilder, label: str, first: int | None, selected: Selected
) -> Statement:
    """Every `label` node by name, at most `first` of them."""
    order = _LISTABLE[label]  # also the allowlist of labels listed this way
    size = page_size(first, bounds.CATALOG_PAGE, qb.max_page)
    return qb.statement(
        f"MATCH (n:{label}) RETURN {project(qb, label, 'n', selected)} AS row "
        f"ORDER BY {order} LIMIT {qb.param(size)}"
    )


async def node(op: Operation, node_id: str, selected: Selected) -> dict[str, Any] | None:
    statement = compile_node(op.query(), node_id, selected)
    return None if statement is None else await op.read_one(statement)


async def listing(
    op: Operation, label: str, first: int | None, selected: Selected
) -> list[dict[str, Any]]:
    return await op.read(compile_listing(op.query(), label, first, selected))

"""Any node by its id: the id's prefix names the label, from the fixed allowlist."""

from __future__ import annotations

from typing import Any

from cdp.compiler.projection import project
from cdp.compiler.selection import Selected
from cdp.customers.reads import audited
from cdp.ids import label_of
from cdp.request import Operation

# How a node of each label hangs off the customer whose visibility it follows.
_OWNER = {
    "Order": "(owner:Customer)-[:PLACED]->(n)",
    "Touchpoint": "(owner:Customer)-[:HAD]->(n)",
    "Contact": "(owner:Customer)-[:HAS_CONTACT]->(n)",
}


async def node(op: Operation, node_id: str, selected: Selected) -> dict[str, Any] | None:
    label = label_of(node_id)
    if label is None:
        return None
    qb = op.query()
    conditions = []
    if op.policy.partner is not None:
        if label == "Customer":
            conditions = qb.visible("n")
        elif label in _OWNER:
            conditions = [
                f"EXISTS {{ MATCH {_OWNER[label]} WHERE {' AND '.join(qb.visible('owner'))} }}"
            ]
        elif label == "Employee":
            op.policy.check_field("Query", "employees")
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    body = project(qb, label, "n", selected, typed=True)
    # The label comes from ids.LABELS, never from the client's text.
    query = f"MATCH (n:{label} {{id: {qb.param(node_id)}}}){where} RETURN {body} AS row"
    rows = await op.graph.read_compiled(query, qb.params)
    await audited(op, qb, rows)
    return rows[0]["row"] if rows else None


_LISTABLE = {
    "Product": "n.name, n.id",
    "AcquisitionSource": "n.name, n.id",
    "Employee": "n.name, n.id",
}


async def listing(
    op: Operation, label: str, first: int, selected: Selected
) -> list[dict[str, Any]]:
    """Every `label` node by name, at most `first` of them."""
    order = _LISTABLE[label]  # also the allowlist of labels listed this way
    qb = op.query()
    query = (
        f"MATCH (n:{label}) RETURN {project(qb, label, 'n', selected)} AS row "
        f"ORDER BY {order} LIMIT {qb.param(first)}"
    )
    rows = await op.graph.read_compiled(query, qb.params)
    await audited(op, qb, rows)
    return [row["row"] for row in rows]

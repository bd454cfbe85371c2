"""Reading the test graph whole: counts by label or type, and snapshots to prove nothing changed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cdp.store.graph import Graph


@dataclass(frozen=True)
class GraphState:
    """Every node and relationship of the graph: counts by label and type, and all content."""

    nodes: Counter[str]
    relationships: Counter[str]
    content: tuple[str, ...]


async def graph_state(graph: Graph) -> GraphState:
    # The audit log records every mutation, even one that changes nothing: it is about the
    # graph, not part of it.
    node_rows = await graph.read(
        "MATCH (n) WHERE NOT n:AuditRecord "
        "RETURN labels(n) AS labels, properties(n) AS props, elementId(n) AS eid"
    )
    rel_rows = await graph.read(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, elementId(a) AS a, elementId(b) AS b, "
        "properties(r) AS props"
    )
    nodes: Counter[str] = Counter()
    relationships: Counter[str] = Counter()
    content: list[str] = []
    for row in node_rows:
        nodes.update(row["labels"])
        content.append(f"({row['eid']}:{sorted(row['labels'])} {sorted(row['props'].items())!r})")
    for row in rel_rows:
        relationships[row["type"]] += 1
        content.append(
            f"({row['a']})-[:{row['type']} {sorted(row['props'].items())!r}]->({row['b']})"
        )
    return GraphState(nodes, relationships, tuple(sorted(content)))


async def count_nodes(graph: Graph, label: str) -> int:
    """How many nodes have this label (one of the model's)."""
    rows = await graph.read(
        "MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n", {"label": label}
    )
    return int(rows[0]["n"])


async def count_relationships(graph: Graph, rel_type: str) -> int:
    rows = await graph.read(
        "MATCH ()-[r]->() WHERE type(r) = $type RETURN count(r) AS n", {"type": rel_type}
    )
    return int(rows[0]["n"])

"""Large benchmark graphs, written straight to Neo4j with batched `UNWIND` statements.

`generate(graph, customers, seed)` writes a graph of the shape and properties the platform's
own write path produces (see `bench.dataset.rows`), the same for the same arguments, ids
included, and leaves a `(:BenchDataset)` marker saying what it holds (`describe`). `probes`
picks request parameters for benchmarks from it. `python -m bench.dataset --customers N
--seed S` does the same from the command line.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from typing import Any, LiteralString

from bench.dataset.rows import generate_rows
from bench.dataset.write import Progress, write_rows
from cdp.store.graph import Graph

# Bump when the generated graph changes, so a stored dataset can be told from a new one.
VERSION = 1

LABELS = (
    "Customer",
    "ExternalId",
    "Address",
    "ConsentEvent",
    "Contact",
    "Order",
    "Touchpoint",
    "Product",
    "Employee",
    "AcquisitionSource",
)
TYPES = (
    "IDENTIFIED_BY",
    "HAS_ADDRESS",
    "GAVE",
    "ACQUIRED_VIA",
    "OWNS",
    "HAS_CONTACT",
    "IS",
    "PLACED",
    "CONTAINS",
    "HAD",
    "HANDLED_BY",
    "REFERRED",
    "INFLUENCES",
)
# Nodes and relationships that are not customer data: the migration chain, API keys, the audit
# log and the marker itself.
BOOKKEEPING_LABELS = (
    "__CdpMigration",
    "__CdpMigrationLock",
    "ApiKey",
    "AuditRecord",
    "BenchDataset",
)
BOOKKEEPING_TYPES = ("NEXT",)


class DatasetError(Exception):
    """The graph cannot take a benchmark dataset."""


@dataclass(frozen=True)
class Stats:
    """What a generated graph holds. `nodes` and `relationships` count everything but the
    bookkeeping (migrations, API keys, audit log, marker); `labels` and `types` count the
    customer graph's node labels and relationship types one by one."""

    customers: int
    seed: int
    version: int
    nodes: int
    relationships: int
    labels: dict[str, int] = field(default_factory=dict)
    types: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "customers": self.customers,
            "seed": self.seed,
            "version": self.version,
            "nodes": self.nodes,
            "relationships": self.relationships,
            "labels": self.labels,
            "types": self.types,
        }


@dataclass(frozen=True)
class Probes:
    """Request parameters for benchmarks, read from the graph (the same graph, the same ones)."""

    customer_ids: list[str]
    leader_ids: list[str]
    search_terms: list[str]
    list_filter: dict[str, str]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


_OCCUPIED: LiteralString = """
RETURN EXISTS { MATCH (:Customer) } AS customers, EXISTS { MATCH (:BenchDataset) } AS marked
"""
_MARK: LiteralString = """
CREATE (:BenchDataset {customers: $customers, seed: $seed, version: $version, nodes: $nodes,
                       relationships: $relationships, counts: $counts})
"""
_MARKER: LiteralString = "MATCH (m:BenchDataset) RETURN m {.*} AS marker LIMIT 1"


async def generate(
    graph: Graph,
    customers: int,
    seed: int,
    *,
    currency: str = "EUR",
    progress: Progress | None = _stderr,
) -> Stats:
    """Write the dataset of `customers` customers and `seed` into a graph without customers."""
    if customers < 1:
        raise ValueError("A dataset needs at least one customer.")
    tell = progress or (lambda _: None)
    [occupied] = await graph.read(_OCCUPIED)
    if occupied["customers"] or occupied["marked"]:
        raise DatasetError("The graph already holds customers: empty it first.")
    started = time.monotonic()
    rows = generate_rows(customers, seed, currency)
    tell(f"generated rows for {customers} customers in {time.monotonic() - started:.1f}s")
    await write_rows(graph, rows, tell)
    stats = await count(graph, customers, seed)
    await graph.write_query(
        _MARK,
        {
            **{k: v for k, v in stats.as_dict().items() if k not in ("labels", "types")},
            "counts": json.dumps({"labels": stats.labels, "types": stats.types}),
        },
    )
    # Index statistics are sampled in the background once enough has changed: until then a
    # plan may be made for the graph as it was before the load (an index believed empty, read
    # in order and filtered). Resample now, so plans are those of a settled database.
    await graph.write_query("CALL db.prepareForReplanning()")
    tell(
        f"wrote {stats.nodes} nodes and {stats.relationships} relationships "
        f"in {time.monotonic() - started:.1f}s"
    )
    return stats


def _counts_query(nodes: tuple[str, ...], relationships: tuple[str, ...]) -> str:
    """One row of counts the database keeps (no scan): `n*`/`r*` for all nodes/relationships,
    `n0`, `n1`, ... label by label, `r0`, `r1`, ... type by type."""
    counts = ["COUNT { MATCH (n) } AS `n*`", "COUNT { MATCH ()-[r]->() } AS `r*`"]
    counts += [f"COUNT {{ MATCH (n:{name}) }} AS n{i}" for i, name in enumerate(nodes)]
    counts += [
        f"COUNT {{ MATCH ()-[r:{name}]->() }} AS r{i}" for i, name in enumerate(relationships)
    ]
    return "RETURN " + ", ".join(counts)


_NODE_NAMES = LABELS + BOOKKEEPING_LABELS
_TYPE_NAMES = TYPES + BOOKKEEPING_TYPES
_COUNTS = _counts_query(_NODE_NAMES, _TYPE_NAMES)


async def count(graph: Graph, customers: int, seed: int) -> Stats:
    """The counts of the graph as it is now."""
    [row] = await graph.read_compiled(_COUNTS, {})
    nodes = {name: row[f"n{i}"] for i, name in enumerate(_NODE_NAMES)}
    relationships = {name: row[f"r{i}"] for i, name in enumerate(_TYPE_NAMES)}
    return Stats(
        customers=customers,
        seed=seed,
        version=VERSION,
        nodes=row["n*"] - sum(nodes[label] for label in BOOKKEEPING_LABELS),
        relationships=row["r*"] - sum(relationships[t] for t in BOOKKEEPING_TYPES),
        labels={label: nodes[label] for label in LABELS},
        types={t: relationships[t] for t in TYPES},
    )


async def describe(graph: Graph) -> Stats | None:
    """What the marker says the graph holds; None for a graph no dataset was generated into."""
    rows = await graph.read(_MARKER)
    if not rows:
        return None
    marker = rows[0]["marker"]
    counts = json.loads(marker["counts"])
    return Stats(
        customers=marker["customers"],
        seed=marker["seed"],
        version=marker["version"],
        nodes=marker["nodes"],
        relationships=marker["relationships"],
        labels=counts["labels"],
        types=counts["types"],
    )


# Customers worth a 360 view: orders and touchpoints, and contacts or influence links.
_TARGETS: LiteralString = """
MATCH (c:Customer)
WHERE c.id IS NOT NULL
  AND EXISTS { (c)-[:PLACED]->(:Order) } AND EXISTS { (c)-[:HAD]->(:Touchpoint) }
  AND (EXISTS { (c)-[:HAS_CONTACT]->(:Contact) } OR EXISTS { (c)-[:INFLUENCES]-(:Customer) })
RETURN c.id AS id ORDER BY c.id LIMIT $count
"""
_LEADERS: LiteralString = """
MATCH (c:Customer)
WITH c.id AS id, COUNT { (c)-[:INFLUENCES]->() } AS influenced
RETURN id ORDER BY influenced DESC, id LIMIT 20
"""
# Surnames from the most to the least common; ten are picked evenly along that list.
_SURNAMES: LiteralString = """
MATCH (c:Customer {kind: 'PERSON'})
WITH toLower(split(c.name, ' ')[-1]) AS surname, count(*) AS people
RETURN surname ORDER BY people DESC, surname
"""
LIST_FILTER = {"stage": "CUSTOMER", "sourceKind": "REFERRAL"}


async def probes(graph: Graph, count: int) -> Probes:
    targets = await graph.read(_TARGETS, {"count": count})
    leaders = await graph.read(_LEADERS)
    surnames = [r["surname"] for r in await graph.read(_SURNAMES)]
    step = max(1, len(surnames) // 10)
    return Probes(
        customer_ids=[r["id"] for r in targets],
        leader_ids=[r["id"] for r in leaders],
        search_terms=surnames[::step][:10],
        list_filter=dict(LIST_FILTER),
    )

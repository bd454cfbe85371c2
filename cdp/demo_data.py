"""A deterministic demo graph, so a newcomer has customers to query from the first minute."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, LiteralString

from neo4j import AsyncManagedTransaction

from cdp.graph import Graph

_FIRST = (
    "Ada",
    "Grace",
    "Alan",
    "Edsger",
    "Barbara",
    "Donald",
    "Frances",
    "Ken",
    "Margaret",
    "Linus",
    "Radia",
    "Tim",
    "Katherine",
    "Dennis",
    "Hedy",
    "John",
    "Sophie",
    "Niklaus",
)
_LAST = (
    "Lovelace",
    "Hopper",
    "Turing",
    "Dijkstra",
    "Liskov",
    "Knuth",
    "Allen",
    "Thompson",
    "Hamilton",
    "Torvalds",
    "Perlman",
    "Berners-Lee",
    "Johnson",
    "Ritchie",
    "Lamarr",
    "Backus",
    "Wilson",
    "Wirth",
)
_STAGES = ("LEAD", "PROSPECT", "CUSTOMER", "CUSTOMER", "CUSTOMER", "FORMER")

_HAS_CUSTOMERS: LiteralString = "RETURN EXISTS { MATCH (:Customer) } AS present"
_CREATE_CUSTOMERS: LiteralString = """
UNWIND $customers AS row
MERGE (c:Customer {id: row.id})
SET c.kind = 'PERSON', c.name = row.name, c.emails = row.emails,
    c.emailText = reduce(text = '', email IN row.emails | text + ' ' + email),
    c.lifecycleStage = row.stage, c.createdAt = datetime(row.createdAt),
    c.updatedAt = datetime(row.createdAt)
"""


async def is_empty(graph: Graph) -> bool:
    rows = await graph.read(_HAS_CUSTOMERS)
    return not rows[0]["present"]


def generate_customers(count: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)  # noqa: S311 - demo data, not secrets
    epoch = datetime(2024, 1, 1, tzinfo=UTC)
    customers = []
    for index in range(count):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        created = epoch + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        customers.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "name": f"{first} {last}",
                "emails": [f"{first}.{last}.{index}@example.com".lower()],
                "stage": rng.choice(_STAGES),
                "createdAt": created.isoformat(),
            }
        )
    return customers


async def load_demo_data(graph: Graph, *, customers: int, seed: int) -> int:
    """Write `customers` generated customers (idempotent for the same seed); returns the count."""
    rows = generate_customers(customers, seed)

    async def work(tx: AsyncManagedTransaction) -> None:
        result = await tx.run(_CREATE_CUSTOMERS, {"customers": rows})
        await result.consume()

    await graph.write(work)
    return len(rows)

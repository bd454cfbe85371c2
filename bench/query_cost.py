"""What an operation costs the database: its round trips and the PROFILE db hits of its Cypher.

The statements a contender sent are captured (`bench.capture`) and replayed here under
PROFILE inside a transaction that is rolled back, so writes leave nothing behind. Db hits are
summed over the whole plan tree of every statement.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from neo4j import AsyncDriver

from cdp.access import api_keys, audit

SNAPSHOT = Path(__file__).resolve().parent / "query_cost.json"
SNAPSHOT_SCALE = "10000"  # the scale the committed snapshot and its test use
DB_HITS_TOLERANCE = 1.10


@dataclass(frozen=True)
class Cost:
    round_trips: int
    db_hits: int


def request_path(statements: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The statements of the operation itself. OURS writes its audit records of reads behind
    the responses, in batches that may land while another request is being captured; and it
    checks that its cached API keys are still valid at most once per `CDP_KEY_CACHE_SECONDS`
    per worker, which a request captured after a pause meets (an authentication cost the other
    contenders, which have none, do not pay; the round-trip tests leave it out too)."""
    left_out = {audit.READ_RECORDS, api_keys.STILL_VALID}
    return [(query, params) for query, params in statements if query not in left_out]


def _plan_hits(plan: dict[str, Any]) -> int:
    return int(plan.get("dbHits", 0)) + sum(_plan_hits(c) for c in plan.get("children", []))


async def profile(
    driver: AsyncDriver, statements: list[tuple[str, dict[str, Any]]], database: str = "neo4j"
) -> Cost:
    hits = 0
    async with driver.session(database=database) as session:
        for query, params in statements:
            tx = await session.begin_transaction()
            try:
                # A captured query, replayed; PROFILE may precede a `CYPHER 5` prefix.
                result = await tx.run(f"PROFILE {query}", params)
                summary = await result.consume()
                hits += _plan_hits(summary.profile or {})
            finally:
                await tx.rollback()
    return Cost(round_trips=len(statements), db_hits=hits)


def load_snapshot() -> dict[str, dict[str, dict[str, dict[str, int]]]]:
    """scale -> operation -> contender -> {round_trips, db_hits}."""
    if not SNAPSHOT.exists():
        return {}
    data: dict[str, dict[str, dict[str, dict[str, int]]]] = json.loads(SNAPSHOT.read_text())
    return data


def save_snapshot(costs: dict[str, dict[str, dict[str, Cost]]]) -> None:
    snapshot = load_snapshot()
    for scale, operations in costs.items():
        snapshot[scale] = {
            operation: {name: asdict(cost) for name, cost in by_contender.items()}
            for operation, by_contender in operations.items()
        }
    SNAPSHOT.write_text(json.dumps(snapshot, indent=2, sort_keys=True) + "\n")

"""`python -m bench.dataset --customers N --seed S`: generate a benchmark graph into the
project's Neo4j (CDP_NEO4J_URI, or the local one of CDP_HOME) and print its stats as JSON."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time

from bench.dataset import DatasetError, describe, generate
from cdp.settings import Settings
from cdp.store.graph import connect


async def main(customers: int, seed: int, *, describe_only: bool) -> int:
    settings = Settings()
    graph = connect(settings)
    try:
        if describe_only:
            found = await describe(graph)
            print(json.dumps(found.as_dict() if found else None, indent=2))
            return 0
        started = time.monotonic()
        try:
            stats = await generate(graph, customers, seed, currency=settings.currency)
        except DatasetError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(json.dumps({**stats.as_dict(), "seconds": round(time.monotonic() - started, 1)}))
        return 0
    finally:
        await graph.driver.close()


def cli() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.dataset", description=__doc__)
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--describe", action="store_true", help="only print what the graph's marker says"
    )
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.customers, args.seed, describe_only=args.describe)))


if __name__ == "__main__":
    cli()

"""OURS: the platform's own app (`cdp.edge.app:create_app`), served by uvicorn as `cdp serve` does,
pointed at the benchmark's Neo4j. Access logging is off, as for every contender."""

from __future__ import annotations

import os

import uvicorn

from bench import capture


def main() -> None:
    if os.environ.get("BENCH_CAPTURE"):
        capture.install(os.environ["BENCH_CAPTURE"])
    os.environ["CDP_NEO4J_URI"] = os.environ["BENCH_NEO4J_URI"]
    os.environ["CDP_NEO4J_USER"] = os.environ["BENCH_NEO4J_USER"]
    os.environ["CDP_NEO4J_PASSWORD"] = os.environ["BENCH_NEO4J_PASSWORD"]
    uvicorn.run(
        "cdp.edge.app:create_app",
        factory=True,
        host="127.0.0.1",
        port=int(os.environ["BENCH_PORT"]),
        log_level="warning",
        access_log=False,
    )


if __name__ == "__main__":
    main()

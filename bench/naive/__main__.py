"""`python -m bench.naive`: serve the naive contender on 127.0.0.1:$BENCH_PORT."""

from __future__ import annotations

import os

import uvicorn

from bench import capture
from bench.naive.app import create_app


def main() -> None:
    if os.environ.get("BENCH_CAPTURE"):
        capture.install(os.environ["BENCH_CAPTURE"])
    app = create_app(
        os.environ["BENCH_NEO4J_URI"],
        os.environ.get("BENCH_NEO4J_USER", "neo4j"),
        os.environ["BENCH_NEO4J_PASSWORD"],
    )
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=int(os.environ["BENCH_PORT"]),
        log_level="warning",
        access_log=False,
    )


if __name__ == "__main__":
    main()

"""The contenders: how each is started and how each asks for an operation.

Every contender is a server process on loopback reading the same Neo4j; the runner starts it
pinned to the same CPU as the others, and sends each operation as the contender expects it
(GraphQL documents for the GraphQL servers, a JSON body for RAW's routes).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
READ_OPERATIONS = ("customer_360", "list_page", "search", "influence_two_hop")


@dataclass(frozen=True)
class Contender:
    name: str
    port: int
    command: tuple[str, ...]
    operations: tuple[str, ...]
    documents: Path | None  # GraphQL documents per operation; None: RAW's plain routes
    authenticated: bool = False

    def url(self, operation: str) -> str:
        if self.documents is None:
            return f"http://127.0.0.1:{self.port}/{operation}"
        return f"http://127.0.0.1:{self.port}/graphql"

    def body(self, operation: str, variables: dict[str, Any]) -> str:
        if self.documents is None:
            return json.dumps(variables)
        document = (self.documents / f"{operation}.graphql").read_text()
        return json.dumps({"query": document, "variables": variables})


def contenders(base_port: int) -> list[Contender]:
    python = sys.executable
    return [
        Contender(
            "RAW",
            base_port,
            (python, "-m", "bench.raw"),
            (*READ_OPERATIONS, "bulk_upsert"),
            None,
        ),
        Contender(
            "OURS",
            base_port + 1,
            (python, "-m", "bench.ours"),
            (*READ_OPERATIONS, "bulk_upsert"),
            BENCH / "operations",
            authenticated=True,
        ),
        Contender(
            "NGQL",
            base_port + 2,
            ("node", str(BENCH / "ngql" / "server.mjs")),
            READ_OPERATIONS,
            BENCH / "ngql" / "operations",
        ),
        Contender(
            "NAIVE",
            base_port + 3,
            (python, "-m", "bench.naive"),
            ("customer_360", "list_page"),
            BENCH / "operations",
        ),
    ]

"""Test-owned local Neo4j servers: their settings, ports and state folders.

Two test runs on one machine keep apart with CDP_TEST_PORT_OFFSET (ports and state folder).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from cdp.access.api_keys import create_key
from cdp.local_neo4j import LocalNeo4j
from cdp.settings import Settings
from cdp.store.graph import connect
from cdp.store.migrations import MigrationRunner

REPO = Path(__file__).resolve().parents[2]
PORT_OFFSET = int(os.environ.get("CDP_TEST_PORT_OFFSET", "0"))
# Tests keep their own state beside the developer's, and share the downloaded jars.
TEST_HOME = REPO / ".cdp" / f"test{PORT_OFFSET or ''}"
SHARED_CACHE = REPO / ".cdp" / "cache"


def local_settings(name: str, bolt_port: int, http_port: int, **overrides: object) -> Settings:
    """Settings for a test-owned local Neo4j in its own state folder, small enough for CI."""
    values: dict[str, object] = {
        "neo4j_uri": None,
        "home": TEST_HOME / name,
        "cache_dir": SHARED_CACHE,
        "neo4j_bolt_port": bolt_port + PORT_OFFSET,
        "neo4j_http_port": http_port + PORT_OFFSET,
        "neo4j_heap": "512m",
        "neo4j_pagecache": "128m",
        "neo4j_connection_timeout": 2.0,
        "neo4j_retry_seconds": 0.0,
        # Long enough that a test's operations never re-check its key.
        "key_cache_seconds": 600.0,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


async def own_neo4j(name: str, bolt_port: int, http_port: int) -> tuple[LocalNeo4j, str]:
    """A fresh Neo4j of a test module's own (for tests that stop or kill it), migrated, and the
    secret of an admin key on it. The caller stops it."""
    server = LocalNeo4j(local_settings(name, bolt_port=bolt_port, http_port=http_port))
    server.stop()
    shutil.rmtree(server.home, ignore_errors=True)
    server.start()
    graph = connect(server.settings)
    try:
        await MigrationRunner(graph.driver, graph.database).migrate()
        key = await create_key(graph, name=name, role="admin")
    finally:
        await graph.driver.close()
    return server, key.secret

"""Neo4j goes away under a running app, then comes back: no restart, no traceback."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager

from cdp.edge.app import create_app
from cdp.local_neo4j import LocalNeo4j
from tests.support.neo4j_server import own_neo4j

ABOUT = {"query": "{ about { neo4jVersion } }"}


@pytest.fixture(scope="module")
async def local() -> AsyncIterator[tuple[LocalNeo4j, str]]:
    """A Neo4j of the module's own, migrated, with an admin key."""
    server, key = await own_neo4j("resilience", bolt_port=37687, http_port=37474)
    try:
        yield server, key
    finally:
        server.stop()


async def test_service_unavailable_then_recovery(local: tuple[LocalNeo4j, str]) -> None:
    local_neo4j, key = local
    app = create_app(local_neo4j.settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        headers = {"Authorization": f"Bearer {key}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers=headers
        ) as client:
            healthy = (await client.post("/graphql", json=ABOUT)).json()
            assert healthy["data"]["about"]["neo4jVersion"].startswith("5.")

            local_neo4j.stop()
            down = await client.post("/graphql", json=ABOUT)
            assert down.status_code == 200
            body = down.json()
            assert body["data"] is None
            [error] = body["errors"]
            assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE"}
            assert error["message"] == "The graph database is unavailable; try again shortly."
            for leak in ("Traceback", "bolt", "127.0.0.1", "Errno", "neo4j."):
                assert leak not in down.text
            assert (await client.get("/healthz")).status_code == 200
            not_ready = await client.get("/readyz")
            assert not_ready.status_code == 503
            assert not_ready.json()["reason"] == "neo4j is unreachable"

            local_neo4j.start()
            recovered = (await client.post("/graphql", json=ABOUT)).json()
            assert "errors" not in recovered
            assert recovered["data"]["about"]["neo4jVersion"].startswith("5.")
            assert (await client.get("/readyz")).status_code == 200

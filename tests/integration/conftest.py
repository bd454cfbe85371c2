"""One real Neo4j for the whole session, or the server of CDP_NEO4J_URI when it is set.

Only the integration tests see these fixtures: the unit tests (tests/unit) cannot ask for a
database, so they never start one. Each test starts from an empty graph: everything but the
project's applied migration chain is deleted before it runs, so tests never see each other's
data. `api` and `refs` call the mutations through the whole app (`tests.support.mutations`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from asgi_lifespan import LifespanManager

from cdp.access.api_keys import create_key
from cdp.edge.app import create_app
from cdp.local_neo4j import LocalNeo4j
from cdp.settings import Settings
from cdp.store.graph import Graph, connect
from cdp.store.migrations import MigrationRunner
from tests.support.mutations import Api, Refs, make_refs
from tests.support.neo4j_server import local_settings

_CLEAN = "MATCH (n) WHERE NOT (n:__CdpMigration AND n.chain = 'cdp') DETACH DELETE n"


@pytest.fixture(scope="session")
def settings() -> Iterator[Settings]:
    if os.environ.get("CDP_NEO4J_URI"):
        yield Settings(
            neo4j_connection_timeout=2.0, neo4j_retry_seconds=0.0, key_cache_seconds=600.0
        )
        return
    test_settings = local_settings("session", bolt_port=17687, http_port=17474)
    local = LocalNeo4j(test_settings)
    local.stop()
    shutil.rmtree(local.home, ignore_errors=True)  # a fresh database for every run
    local.start()
    try:
        yield test_settings
    finally:
        local.stop()


@pytest.fixture(scope="session")
async def session_graph(settings: Settings) -> AsyncIterator[Graph]:
    graph = connect(settings)
    await MigrationRunner(graph.driver, graph.database).migrate()
    try:
        yield graph
    finally:
        await graph.driver.close()


@pytest.fixture
async def graph(session_graph: Graph) -> Graph:
    """The session's graph, emptied of everything but the applied migration chain."""
    await session_graph.driver.execute_query(_CLEAN, database_=session_graph.database)
    return session_graph


@pytest.fixture
async def client(graph: Graph, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the whole app (lifespan included) over the emptied test graph,
    sending an admin API key; `{ __typename }` is asked once so the key is verified (and
    cached) before the test counts anything."""
    key = await create_key(graph, name="tests", role="admin")
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        headers = {"Authorization": f"Bearer {key.secret}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers=headers
        ) as http:
            warm = await http.post("/graphql", json={"query": "{ __typename }"})
            assert warm.status_code == 200, warm.text
            yield http


@pytest.fixture
def env(settings: Settings, graph: Graph) -> dict[str, str]:
    """The CDP_* environment that points the CLI at the test session's Neo4j."""
    if settings.neo4j_uri is not None:
        return {}
    return {
        "CDP_HOME": str(settings.home),
        "CDP_CACHE_DIR": str(settings.cache_dir),
        "CDP_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port),
        "CDP_NEO4J_HTTP_PORT": str(settings.neo4j_http_port),
    }


@pytest.fixture
def api(client: httpx.AsyncClient, graph: Graph) -> Api:
    return Api(client, graph)


@pytest.fixture
async def refs(api: Api) -> Refs:
    return await make_refs(api)

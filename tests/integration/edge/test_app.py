from __future__ import annotations

import httpx
from asgi_lifespan import LifespanManager

from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph
from cdp.store.migrations import MigrationRunner
from tests.support.api import post


async def test_healthz_answers_without_the_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_ready_when_migrations_are_current(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


async def test_readyz_reports_pending_migrations(client: httpx.AsyncClient, graph: Graph) -> None:
    runner = MigrationRunner(graph.driver, graph.database)
    last = (await runner.status()).applied[-1].version
    await graph.write_query(
        "MATCH (m:__CdpMigration {chain: 'cdp', version: $v}) DETACH DELETE m", {"v": last}
    )
    try:
        response = await client.get("/readyz")
        assert response.status_code == 503
        assert response.json() == {
            "status": "unavailable",
            "reason": "1 migration(s) pending: run `cdp migrate`",
        }
    finally:
        assert [m.version for m in await runner.migrate()] == [last]
    assert (await client.get("/readyz")).status_code == 200


async def test_typename(client: httpx.AsyncClient) -> None:
    assert await post(client, "{ __typename }") == {"data": {"__typename": "Query"}}


async def test_about_reads_from_neo4j(client: httpx.AsyncClient, settings: Settings) -> None:
    body = await post(client, "{ about { serviceVersion neo4jVersion neo4jEdition database } }")
    about = body["data"]["about"]
    assert about["neo4jVersion"].startswith("5.")
    assert about["database"] == settings.neo4j_database
    assert about["serviceVersion"] == "0.1.0"


async def test_an_invalid_document_gets_a_code_and_no_detail(client: httpx.AsyncClient) -> None:
    body = await post(client, "{ noSuchField }")
    [error] = body["errors"]
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "noSuchField" in error["message"]


async def test_graphiql_is_served_in_development(client: httpx.AsyncClient) -> None:
    # The page itself needs no key: the key goes into GraphiQL's headers tab.
    response = await client.get("/graphql", headers={"accept": "text/html", "authorization": ""})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()


async def test_graphiql_is_off_in_production(graph: Graph, settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"environment": "production"}))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            page = await http.get("/graphql", headers={"accept": "text/html"})
            assert "graphiql" not in page.text.lower()
            via_get = await http.get("/graphql", params={"query": "{ __typename }"})
            assert via_get.status_code != 200


async def test_graphql_needs_a_valid_key(client: httpx.AsyncClient) -> None:
    for headers in (
        {"authorization": ""},
        {"authorization": "Bearer cdp_nope"},
        {"authorization": "Basic dXNlcjpwYXNz"},
        {"authorization": "Bearer cdp_0123456789abcdef_" + "x" * 43},
    ):
        response = await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
    via_get = await client.get(
        "/graphql",
        params={"query": "{ __typename }"},
        headers={"authorization": "", "accept": "text/html"},
    )
    assert via_get.status_code == 401


async def test_health_endpoints_need_no_key(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz", headers={"authorization": ""})).status_code == 200
    assert (await client.get("/readyz", headers={"authorization": ""})).status_code == 200

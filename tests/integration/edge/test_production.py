"""Production mode: no introspection, no suggestions, no GraphiQL, no GET queries, masked errors;
development keeps the developer's comforts."""

from __future__ import annotations

import pytest

from cdp.store.graph import Graph
from tests.integration.edge.helpers import OpenApp
from tests.support.api import codes, data, post
from tests.support.graph import count_nodes, graph_state

INTROSPECTION = [
    pytest.param("{ __schema { types { name } } }", id="schema"),
    pytest.param('{ __type(name: "Customer") { fields { name } } }', id="type"),
    pytest.param(
        "{ ...Q } fragment Q on Query { __schema { queryType { name } } }", id="in-a-fragment"
    ),
    pytest.param(
        '{ customers { totalCount } __type(name: "Query") { name } }',
        id="beside-a-real-field",
    ),
]

# A misspelling of each kind of name; each answer of development suggests the real name.
MISSPELLINGS = [
    pytest.param("{ customerz { id } }", "customers", id="field"),
    pytest.param("{ customers { nodes { nam } } }", "name", id="nested-field"),
    pytest.param("{ customers(firts: 3) { totalCount } }", "first", id="argument"),
    pytest.param("{ customers(orderBy: NAME_AS) { totalCount } }", "NAME_ASC", id="enum-value"),
    pytest.param(
        '{ customers(filter: {nam: {equals: "x"}}) { totalCount } }', "name", id="input-field"
    ),
    pytest.param(
        "query($f: CustomerFiltr) { customers(filter: $f) { totalCount } }",
        "CustomerFilter",
        id="type",
    ),
]


@pytest.mark.parametrize("query", INTROSPECTION)
async def test_introspection_is_refused_in_production(
    open_app: OpenApp, cypher: list[str], query: str
) -> None:
    async with open_app(environment="production") as http:
        cypher.clear()
        body = await post(http, query)
        assert cypher == []
        assert body.get("data") is None, body
        assert set(codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}, body


async def test_introspection_is_refused_in_a_batch_too(open_app: OpenApp) -> None:
    async with open_app(environment="production") as http:
        response = await http.post(
            "/graphql",
            json=[{"query": "{ __typename }"}, {"query": "{ __schema { types { name } } }"}],
        )
        assert response.status_code == 200
        first, second = response.json()
        assert first == {"data": {"__typename": "Query"}}
        assert second["data"] is None
        assert set(codes(second)) == {"GRAPHQL_VALIDATION_FAILED"}


async def test_typename_stays_available_in_production(open_app: OpenApp) -> None:
    async with open_app(environment="production") as http:
        assert await data(http, "{ __typename customers { __typename } }") == {
            "__typename": "Query",
            "customers": {"__typename": "CustomerConnection"},
        }


async def test_introspection_works_in_development(open_app: OpenApp) -> None:
    async with open_app(environment="development") as http:
        result = await data(http, "{ __schema { types { name } } }")
        names = {t["name"] for t in result["__schema"]["types"]}
        assert {"Customer", "Query", "Mutation", "ConsentState"} <= names


@pytest.mark.parametrize(("query", "real_name"), MISSPELLINGS)
async def test_production_suggests_no_names(open_app: OpenApp, query: str, real_name: str) -> None:
    """With introspection off, "Did you mean" would still reveal the schema one guess at a
    time: production errors say what is wrong, not what exists."""
    async with open_app(environment="production") as http:
        body = await post(http, query)
        assert body.get("data") is None
        assert codes(body), body
        assert set(codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}, body
        for error in body["errors"]:
            assert "Did you mean" not in error["message"], error["message"]
            assert f"'{real_name}'" not in error["message"], error["message"]


@pytest.mark.parametrize(("query", "real_name"), MISSPELLINGS)
async def test_development_suggests_names(open_app: OpenApp, query: str, real_name: str) -> None:
    async with open_app(environment="development") as http:
        body = await post(http, query)
        assert set(codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}, body
        messages = " ".join(error["message"] for error in body["errors"])
        assert "Did you mean" in messages
        assert f"'{real_name}'" in messages


@pytest.mark.parametrize("with_key", [True, False])
async def test_graphiql_is_not_served_in_production(open_app: OpenApp, with_key: bool) -> None:
    async with open_app(environment="production") as http:
        headers = (
            {"accept": "text/html"} if with_key else {"accept": "text/html", "authorization": ""}
        )
        page = await http.get("/graphql", headers=headers)
        assert 400 <= page.status_code < 500, page.status_code
        assert "graphiql" not in page.text.lower()
        assert "<html" not in page.text.lower()


async def test_graphiql_is_served_in_development(open_app: OpenApp) -> None:
    async with open_app(environment="development") as http:
        page = await http.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code == 200
        assert "graphiql" in page.text.lower()


@pytest.mark.parametrize("environment", ["development", "production"])
async def test_get_never_runs_a_mutation(
    open_app: OpenApp, graph: Graph, cypher: list[str], environment: str
) -> None:
    async with open_app(environment=environment) as http:
        before = await graph_state(graph)
        cypher.clear()
        for query in (
            'mutation { createEmployee(input: {name: "Via GET"}) { id } }',
            'mutation M { createEmployee(input: {name: "Via GET"}) { id } }',
            '{ __typename } mutation M { createEmployee(input: {name: "Via GET"}) { id } }',
        ):
            params = {"query": query}
            if query.startswith("{"):
                params["operationName"] = "M"
            response = await http.get("/graphql", params=params)
            assert 400 <= response.status_code < 500, (query, response.status_code)
        assert cypher == []
        assert await graph_state(graph) == before
        assert await count_nodes(graph, "Employee") == 0


async def test_get_queries_are_off_in_production(open_app: OpenApp, cypher: list[str]) -> None:
    async with open_app(environment="production") as http:
        cypher.clear()
        response = await http.get("/graphql", params={"query": "{ customers { totalCount } }"})
        assert 400 <= response.status_code < 500
        assert "totalCount" not in response.text
        assert cypher == []


async def test_get_queries_work_in_development(open_app: OpenApp) -> None:
    async with open_app(environment="development") as http:
        response = await http.get("/graphql", params={"query": "{ customers { totalCount } }"})
        assert response.status_code == 200
        assert response.json() == {"data": {"customers": {"totalCount": 0}}}


# A customer node whose stored values break the API's types: reading it fails unexpectedly.
_BROKEN = """
CREATE (:Customer {id: $id, kind: 'PERSON', name: 'Broken', emails: [], phones: [],
                   lifecycleStage: 'NO SUCH STAGE', createdAt: 'MATCH (n) RETURN n',
                   updatedAt: datetime(), revenueMinor: 0})
"""


@pytest.mark.parametrize("environment", ["development", "production"])
async def test_unexpected_errors_are_masked(
    open_app: OpenApp, graph: Graph, environment: str
) -> None:
    broken = "cus_" + "b" * 32
    await graph.write_query(_BROKEN, {"id": broken})
    async with open_app(environment=environment) as http:
        body = await post(
            http,
            "query($id: ID!) { customer(id: $id) { id lifecycleStage createdAt } }",
            {"id": broken},
        )
        assert body["errors"], body
        for error in body["errors"]:
            assert error["message"] == "An unexpected error occurred.", error
            assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}, error
        text = str(body)
        for leak in ("MATCH", "NO SUCH STAGE", "Traceback", "File ", "neo4j", "Enum", "DateTime"):
            assert leak not in text, (leak, text)

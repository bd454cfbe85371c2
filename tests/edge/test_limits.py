"""The edge's limits: the largest allowed request passes, one over is refused with its stable
code, and the refused one reaches no resolver (no Cypher is sent, a refused mutation writes
nothing).

Small limits (through `settings.model_copy`) keep the documents small.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from graphql.language import Lexer, Source, TokenKind

from cdp.edge import limits
from cdp.store.graph import Graph
from tests.edge.helpers import Json, OpenApp, codes, count_nodes, data, post
from tests.mutations.api import graph_state


def employee(name: str) -> str:
    """A createEmployee field (the smallest mutation)."""
    return f'createEmployee(input: {{name: "{name}"}}) {{ id }}'


def mutation(fields: str) -> str:
    return "mutation { " + fields + " }"


async def seed(http: httpx.AsyncClient) -> dict[str, str]:
    """Two customers, A influencing B, an order and a touchpoint of A: nested lists have rows."""
    ids: dict[str, str] = {}
    for name in ("Ada", "Bob"):
        created = await data(
            http, "mutation($n: String!) { createCustomer(input: {name: $n}) { id } }", {"n": name}
        )
        ids[name] = created["createCustomer"]["id"]
    await data(
        http,
        "mutation($a: ID!, $b: ID!) { linkInfluence(input: {fromId: $a, toId: $b, "
        "strength: 0.5, kind: PEER}) { strength } }",
        {"a": ids["Ada"], "b": ids["Bob"]},
    )
    product = await data(
        http, 'mutation { createProduct(input: {sku: "S1", name: "One", price: "1.00"}) { id } }'
    )
    await data(
        http,
        "mutation($c: ID!, $p: ID!) { placeOrder(input: {customerId: $c, status: COMPLETED, "
        "items: [{productId: $p, quantity: 1}]}) { id } }",
        {"c": ids["Ada"], "p": product["createProduct"]["id"]},
    )
    await data(
        http,
        "mutation($c: ID!) { recordTouchpoint(input: {customerId: $c, channel: PHONE, "
        "direction: INBOUND, kind: INQUIRY}) { id } }",
        {"c": ids["Ada"]},
    )
    return ids


async def assert_refused(
    http: httpx.AsyncClient, graph: Graph, cypher: list[str], query: str, code: str
) -> Json:
    """The operation is refused with `code` alone, no Cypher ran and the graph is unchanged."""
    before = await graph_state(graph)
    cypher.clear()
    body = await post(http, query)
    assert cypher == [], cypher
    assert body.get("data") is None, body
    assert set(codes(body)) == {code}, body
    assert await graph_state(graph) == before
    return body


# --- depth ---------------------------------------------------------------------------------


def deep(depth: int, *, root: str = "customers { nodes") -> str:
    """A query whose deepest field sits at `depth` (the root field is at 0): customers, nodes,
    then influences and customer in turn down to a leaf."""
    names = [*root.split(" { ")]
    while len(names) < depth:
        names.append("influences" if names[-1] in ("nodes", "customer") else "customer")
    leaf = "strength" if names[-1] == "influences" else "id"
    return "{ " + " { ".join(names) + " { " + leaf + " }" * len(names) + " }"


async def test_depth_limit(open_app: OpenApp, graph: Graph, cypher: list[str]) -> None:
    async with open_app(max_depth=5) as http:
        await seed(http)
        cypher.clear()
        allowed = await data(http, deep(5))
        assert cypher, "the allowed query ran"
        # customers 0, nodes 1, influences 2, customer 3, influences 4, strength 5
        assert {"influences": [{"customer": {"influences": []}}]} in allowed["customers"]["nodes"]
        assert deep(6).count("{") == deep(5).count("{") + 1

        body = await assert_refused(http, graph, cypher, deep(6), "DEPTH_LIMIT_EXCEEDED")
        assert "depth" in body["errors"][0]["message"]


async def test_depth_counts_through_nested_fragments(
    open_app: OpenApp, graph: Graph, cypher: list[str]
) -> None:
    fragments = (
        "fragment C on CustomerConnection { nodes { ...I } } "
        "fragment I on Customer { influences { ... on Influence { customer { %s } } } }"
    )
    async with open_app(max_depth=5) as http:
        await seed(http)
        # customers 0, nodes 1, influences 2, customer 3, influences 4, strength 5
        assert await data(http, "{ customers { ...C } } " + fragments % "influences { strength }")
        await assert_refused(
            http,
            graph,
            cypher,
            "{ customers { ...C } } " + fragments % "influences { customer { id } }",
            "DEPTH_LIMIT_EXCEEDED",
        )


async def test_a_mutation_too_deep_writes_nothing(
    open_app: OpenApp, graph: Graph, cypher: list[str]
) -> None:
    selection = "influences { customer { influences { customer { id } } } }"
    async with open_app(max_depth=4) as http:
        # createCustomer 0, influences 1, customer 2, influences 3, customer 4, id 5
        await assert_refused(
            http,
            graph,
            cypher,
            mutation('createCustomer(input: {name: "Deep"}) { ' + selection + " }"),
            "DEPTH_LIMIT_EXCEEDED",
        )
        assert await count_nodes(graph, "Customer") == 0
        allowed = "influences { customer { influences { strength } } }"
        await data(http, mutation('createCustomer(input: {name: "Deep"}) { ' + allowed + " }"))
        assert await count_nodes(graph, "Customer") == 1


# --- aliases -------------------------------------------------------------------------------

ALIASES_ALLOWED = [
    pytest.param(
        "{ a: customers { totalCount } b: customers { totalCount } c: about { neo4jVersion } }",
        id="plain",
    ),
    pytest.param(
        "{ a: customers { ...F } } "
        "fragment F on CustomerConnection { t: totalCount u: totalCount }",
        id="fragment",
    ),
]
ALIASES_REFUSED = [
    pytest.param(
        "{ a: customers { totalCount } b: customers { totalCount } c: about { v: neo4jVersion } }",
        id="plain",
    ),
    pytest.param(
        "{ a: customers { ...F } } "
        "fragment F on CustomerConnection { t: totalCount u: totalCount v: totalCount }",
        id="fragment-spread",
    ),
    pytest.param(
        "{ ...Q } fragment Q on Query { a: customers { ...C } } "
        "fragment C on CustomerConnection { ...D } "
        "fragment D on CustomerConnection { t: totalCount u: totalCount v: totalCount }",
        id="nested-fragments",
    ),
    pytest.param(
        "{ ... on Query { a: customers { ... on CustomerConnection { ...D } } } } "
        "fragment D on CustomerConnection { t: totalCount u: totalCount v: totalCount }",
        id="inline-fragment-around-spread",
    ),
    pytest.param(
        "{ a: customers { ...D } b: customers { ...D } } "
        "fragment D on CustomerConnection { t: totalCount }",
        id="one-fragment-spread-twice",
    ),
    pytest.param(
        "{ customers { nodes { ...P } } } "
        "fragment P on Customer { a: id b: name influences { ...Q } } "
        "fragment Q on Influence { c: strength customer { ...R } } "
        "fragment R on Customer { d: id }",
        id="fragments-at-every-level",
    ),
]


@pytest.mark.parametrize("query", ALIASES_ALLOWED)
async def test_aliases_up_to_the_limit_pass(
    open_app: OpenApp, cypher: list[str], query: str
) -> None:
    async with open_app(max_aliases=3) as http:
        await seed(http)
        cypher.clear()
        assert await data(http, query)
        assert cypher, "the allowed query ran"


@pytest.mark.parametrize("query", ALIASES_REFUSED)
async def test_aliases_over_the_limit_are_refused(
    open_app: OpenApp, graph: Graph, cypher: list[str], query: str
) -> None:
    async with open_app(max_aliases=3) as http:
        await seed(http)
        body = await assert_refused(http, graph, cypher, query, "ALIAS_LIMIT_EXCEEDED")
        assert "4 aliases" in body["errors"][0]["message"]


async def test_aliased_mutations_over_the_limit_write_nothing(
    open_app: OpenApp, graph: Graph, cypher: list[str]
) -> None:
    async with open_app(max_aliases=3) as http:
        await data(http, mutation(" ".join(f"{a}: {employee(a)}" for a in "abc")))
        assert await count_nodes(graph, "Employee") == 3
        hidden = (
            mutation('a: createEmployee(input: {name: "a"}) { ...E } b: ' + employee("b"))
            + " fragment E on Employee { x: id y: name }"
        )
        await assert_refused(http, graph, cypher, hidden, "ALIAS_LIMIT_EXCEEDED")
        four = mutation(" ".join(f"{a}: {employee(a)}" for a in "abcd"))
        await assert_refused(http, graph, cypher, four, "ALIAS_LIMIT_EXCEEDED")
        assert await count_nodes(graph, "Employee") == 3


# --- tokens --------------------------------------------------------------------------------


def tokens(document: str) -> int:
    """How many lexical tokens a document has (what the limit counts)."""
    lexer, count = Lexer(Source(document)), 0
    while lexer.advance().kind != TokenKind.EOF:
        count += 1
    return count


def with_tokens(count: int, operation: str = "{ customers { totalCount %s} }") -> str:
    """`operation` padded with `__typename` fields to exactly `count` tokens."""
    padding = count - tokens(operation % "")
    document = operation % ("__typename " * padding)
    assert tokens(document) == count
    return document


async def test_token_limit(open_app: OpenApp, graph: Graph, cypher: list[str]) -> None:
    async with open_app(max_tokens=100) as http:
        cypher.clear()
        allowed = await data(http, with_tokens(100))
        assert allowed["customers"]["totalCount"] == 0
        assert cypher, "the allowed query ran"
        body = await assert_refused(http, graph, cypher, with_tokens(101), "TOKEN_LIMIT_EXCEEDED")
        assert "100 tokens" in body["errors"][0]["message"]


async def test_a_mutation_over_the_token_limit_writes_nothing(
    open_app: OpenApp, graph: Graph, cypher: list[str]
) -> None:
    operation = 'mutation { createEmployee(input: {name: "T"}) { id %s} }'
    async with open_app(max_tokens=100) as http:
        await assert_refused(
            http, graph, cypher, with_tokens(101, operation), "TOKEN_LIMIT_EXCEEDED"
        )
        assert await count_nodes(graph, "Employee") == 0
        await data(http, with_tokens(100, operation))
        assert await count_nodes(graph, "Employee") == 1


async def test_comments_count_towards_the_token_limit(
    open_app: OpenApp, graph: Graph, cypher: list[str]
) -> None:
    async with open_app(max_tokens=100) as http:
        padded = "{ customers { totalCount }\n" + "# a comment\n" * 200 + "}"
        await assert_refused(http, graph, cypher, padded, "TOKEN_LIMIT_EXCEEDED")


# --- page size -----------------------------------------------------------------------------

LISTS = [
    pytest.param("{ customers(first: %d) { totalCount } }", id="customers"),
    pytest.param("{ customers { nodes { orders(first: %d) { totalCount } } } }", id="orders"),
    pytest.param("{ customers { nodes { influences(first: %d) { strength } } } }", id="influences"),
    pytest.param(
        "{ customers { nodes { influencedBy(first: %d) { strength } } } }", id="influencedBy"
    ),
    pytest.param(
        "{ customers { nodes { touchpoints(first: %d) { totalCount } } } }", id="touchpoints"
    ),
    pytest.param("{ customers { nodes { contacts(first: %d) { id } } } }", id="contacts"),
    pytest.param(
        "{ customers { nodes { influences { customer { orders(first: %d) { totalCount } } } } } }",
        id="orders-deep",
    ),
    pytest.param("{ products(first: %d) { id } }", id="products"),
    pytest.param("{ products { customers(first: %d) { id } } }", id="product-customers"),
    pytest.param("{ employees(first: %d) { id } }", id="employees"),
]


@pytest.mark.parametrize("template", LISTS)
async def test_page_size_limit_at_default(
    open_app: OpenApp, graph: Graph, cypher: list[str], template: str
) -> None:
    async with open_app() as http:
        await seed(http)
        cypher.clear()
        assert await data(http, template % 1000)
        assert cypher, "the allowed query ran"
        for first in (1001, -1):
            body = await assert_refused(http, graph, cypher, template % first, "VALUE_OUT_OF_RANGE")
            assert body["errors"][0]["extensions"]["field"] == "first"


@pytest.mark.parametrize("template", LISTS)
async def test_page_size_limit_follows_the_setting(
    open_app: OpenApp, graph: Graph, cypher: list[str], template: str
) -> None:
    async with open_app(max_page=100) as http:
        await seed(http)
        assert await data(http, template % 100)
        await assert_refused(http, graph, cypher, template % 101, "VALUE_OUT_OF_RANGE")


@pytest.mark.parametrize(
    "query",
    [
        "{ customers { totalCount } }",
        "{ products { id } }",
        "{ customers(first: 5) { nodes { orders { totalCount } contacts { id } } } }",
    ],
)
async def test_lists_without_first_work_under_a_small_page_limit(
    open_app: OpenApp, query: str
) -> None:
    """A client that asks for no page size gets the default page, cut to the limit; it is not
    told that a `first` it never sent is out of range."""
    async with open_app(max_page=5) as http:
        await seed(http)
        assert await data(http, query)


async def test_a_page_too_large_in_a_mutations_selection_writes_nothing(
    open_app: OpenApp, graph: Graph
) -> None:
    async with open_app() as http:
        before = await graph_state(graph)
        body = await post(
            http,
            'mutation { createCustomer(input: {name: "Paged"}) { id orders(first: 1001) '
            "{ totalCount } } }",
        )
        assert codes(body) == ["VALUE_OUT_OF_RANGE"], body
        assert body["data"] is None
        assert await graph_state(graph) == before


# --- operations per batch ------------------------------------------------------------------


def batch(count: int) -> list[Json]:
    return [{"query": mutation(employee(f"E{i}"))} for i in range(count)]


async def test_batch_limit(open_app: OpenApp, graph: Graph, cypher: list[str]) -> None:
    async with open_app(max_batch_operations=3) as http:
        allowed = await http.post("/graphql", json=batch(3))
        assert allowed.status_code == 200, allowed.text
        results = allowed.json()
        assert len(results) == 3
        assert all("errors" not in result for result in results), results
        assert await count_nodes(graph, "Employee") == 3

        before = await graph_state(graph)
        cypher.clear()
        refused = await http.post("/graphql", json=batch(4))
        assert cypher == []
        assert refused.status_code == 400
        assert [e["extensions"]["code"] for e in refused.json()["errors"]] == [
            "BATCH_LIMIT_EXCEEDED"
        ]
        assert await graph_state(graph) == before


@pytest.mark.parametrize(
    "prefix", [pytest.param(b" \n\t", id="whitespace"), pytest.param(b"\xef\xbb\xbf", id="bom")]
)
async def test_batch_limit_whatever_precedes_the_array(
    open_app: OpenApp, graph: Graph, cypher: list[str], prefix: bytes
) -> None:
    async with open_app(max_batch_operations=3) as http:
        before = await graph_state(graph)
        cypher.clear()
        refused = await http.post(
            "/graphql",
            content=prefix + json.dumps(batch(4)).encode(),
            headers={"content-type": "application/json"},
        )
        assert cypher == []
        assert await graph_state(graph) == before
        assert refused.status_code == 400
        assert refused.headers["content-type"].startswith("application/json"), refused.text
        assert [e["extensions"]["code"] for e in refused.json()["errors"]] == [
            "BATCH_LIMIT_EXCEEDED"
        ]


@pytest.mark.parametrize(
    ("body", "answer"),
    [
        pytest.param(b'\xef\xbb\xbf{"query": "{ __typename }"}', 200, id="bom"),
        pytest.param(b'{"query": "{ __typename }", "variables": {"x": NaN}}', 400, id="nan"),
        pytest.param(b'{"query": "{ __typename }"} trailing', 400, id="trailing"),
        pytest.param(b'{"query": "\xff"}', 400, id="not-utf-8"),
    ],
)
async def test_a_body_is_strict_json(open_app: OpenApp, body: bytes, answer: int) -> None:
    async with open_app() as http:
        response = await http.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )
    assert response.status_code == answer, response.text
    if answer == 200:
        assert response.json() == {"data": {"__typename": "Query"}}
    else:
        assert response.json()["errors"] == [
            {"message": "The body is not JSON.", "extensions": {"code": "BAD_REQUEST"}}
        ]


# --- request size --------------------------------------------------------------------------


def body_of(size: int, name: str = "Sized") -> bytes:
    """A createEmployee request of exactly `size` bytes (padded with blanks in the document)."""
    query = mutation(employee(name))
    bare = json.dumps({"query": query}).encode()
    padded = json.dumps({"query": query + " " * (size - len(bare))}).encode()
    assert len(padded) == size
    return padded


async def test_request_size_limit(open_app: OpenApp, graph: Graph, cypher: list[str]) -> None:
    headers = {"content-type": "application/json"}
    async with open_app(max_request_bytes=1024) as http:
        allowed = await http.post("/graphql", content=body_of(1024), headers=headers)
        assert allowed.status_code == 200, allowed.text
        assert "errors" not in allowed.json()
        assert await count_nodes(graph, "Employee") == 1

        before = await graph_state(graph)
        cypher.clear()
        refused = await http.post("/graphql", content=body_of(1025), headers=headers)
        assert cypher == []
        assert refused.status_code == 413
        assert refused.json()["errors"][0]["extensions"] == {"code": "REQUEST_TOO_LARGE"}
        assert await graph_state(graph) == before


async def test_a_streamed_body_over_the_size_limit_is_refused(
    open_app: OpenApp, graph: Graph, cypher: list[str]
) -> None:
    oversized = body_of(4000)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(oversized), 100):
            yield oversized[start : start + 100]

    async with open_app(max_request_bytes=1024) as http:
        cypher.clear()
        refused = await http.post(
            "/graphql", content=chunks(), headers={"content-type": "application/json"}
        )
        assert cypher == []
        assert refused.status_code == 413
        assert refused.json()["errors"][0]["extensions"] == {"code": "REQUEST_TOO_LARGE"}
        assert await count_nodes(graph, "Employee") == 0


async def test_a_get_query_over_the_size_limit_is_refused(
    open_app: OpenApp, cypher: list[str]
) -> None:
    """In development GET queries are on; a query string longer than the limit is as large a
    request as a body would be."""
    async with open_app(max_request_bytes=1024) as http:
        small = await http.get("/graphql", params={"query": "{ customers { totalCount } }"})
        assert small.status_code == 200, small.text
        cypher.clear()
        query = "{ customers { totalCount " + " " * 2000 + "} }"
        refused = await http.get("/graphql", params={"query": query})
        assert cypher == []
        assert refused.status_code == 413, refused.text
        assert refused.json()["errors"][0]["extensions"] == {"code": "REQUEST_TOO_LARGE"}


# --- time ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "{ customers { totalCount nodes { id name orders { totalCount } } } }",
        "{ about { neo4jVersion } }",
    ],
)
async def test_request_timeout(open_app: OpenApp, query: str) -> None:
    async with open_app(request_timeout=0.001) as http:
        response = await http.post("/graphql", json={"query": query})
        assert response.status_code == 504, response.text
        assert response.json() == {
            "errors": [
                {
                    "message": "The request took longer than 0.001 s.",
                    "extensions": {"code": "TIMEOUT"},
                }
            ]
        }


async def test_a_request_body_is_parsed_once(
    open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[object] = []
    original = limits.parse_json

    def counting(body: bytes, bounds: tuple[int, int]) -> object:
        parsed.append(body)
        return original(body, bounds)

    def refused(*args: object, **kwargs: object) -> object:
        raise AssertionError("parsed a second time")

    async with open_app() as http:
        monkeypatch.setattr(limits, "parse_json", counting)
        monkeypatch.setattr(json, "loads", refused)
        query = "query($s: Boolean!) { __typename @skip(if: $s) }"
        body = {"query": query, "variables": {"s": False}}
        response = await http.post("/graphql", json=body)
        monkeypatch.undo()
    assert response.json() == {"data": {"__typename": "Query"}}
    assert len(parsed) == 1

"""Property-based fuzzing of the whole app: valid operations generated from the SDL
(hypothesis-graphql), operations with one schema violation, random text and random JSON bodies,
sent with an admin, an analyst and a partner key.

Whatever comes in, the answer is HTTP 200 or a 4xx (never a 5xx), its body is JSON, no error
message shows a traceback, Cypher or database detail, and every error carries a code of the
platform's vocabulary (INTERNAL_SERVER_ERROR, the code of a masked bug, is not one of them).

Hypothesis drives a synchronous test, so the app runs in a real uvicorn server on a free
loopback port, in a thread with its own event loop and Neo4j driver, over a small graph seeded
through the API; a synchronous httpx client talks to it.
"""

from __future__ import annotations

import asyncio
import gc
import json
import re
import socket
import string
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import graphql
import httpx
import hypothesis_graphql
import pytest
import uvicorn
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis_graphql import nodes

from cdp.access.api_keys import create_key, ensure_partner
from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.edge.helpers import OpenApp
from tests.support.api import Json

# The driver may leave a socket or two of the served app for the garbage collector to close
# (reported separately); that is not what these tests look at.
pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")

SDL = (Path(__file__).resolve().parents[3] / "schema" / "schema.graphql").read_text()
SCHEMA = graphql.build_schema(SDL)
ROLES = ["admin", "analyst", "partner"]

KNOWN_CODES = frozenset(
    {
        "BAD_USER_INPUT",
        "NOT_FOUND",
        "CONFLICT",
        "FORBIDDEN",
        "UNAUTHENTICATED",
        "SERVICE_UNAVAILABLE",
        "GRAPHQL_VALIDATION_FAILED",
        "DEPTH_LIMIT_EXCEEDED",
        "ALIAS_LIMIT_EXCEEDED",
        "TOKEN_LIMIT_EXCEEDED",
        "CONSENT_REQUIRED",
        "TIMEOUT",
        # The bounds of an input (cdp/bounds.py).
        "LIST_TOO_LONG",
        "TEXT_TOO_LONG",
        "FILTER_TOO_BROAD",
        "VALUE_OUT_OF_RANGE",
        # The edge's own refusals of a whole request (cdp/edge/limits.py, README "The edge").
        "BATCH_LIMIT_EXCEEDED",
        "REQUEST_TOO_LARGE",
        "BAD_REQUEST",
        "JSON_TOO_DEEP",
        "JSON_TOO_LARGE",
        "BODY_TIMEOUT",
    }
)
# What must never reach a client: tracebacks, Cypher, the database and its protocol.
LEAKS = [
    re.compile(pattern)
    for pattern in (
        r"Traceback",
        r'File "',
        r"\bMATCH\b",
        r"\bRETURN\b",
        r"Neo\.",
        r"\bneo4j\b",
        r"\bbolt\b",
    )
]

FUZZ_SETTINGS = hypothesis_settings(
    max_examples=100,
    derandomize=True,  # the same examples on every run: CI never fails by chance
    deadline=None,
    database=None,  # nothing written into the repository
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

# --- values for the schema's scalars -----------------------------------------------------

ID_PREFIXES = ("cus", "con", "src", "prd", "ord", "tpt", "emp", "ptn", "aud")


def strings(values: st.SearchStrategy[Any]) -> st.SearchStrategy[graphql.ValueNode]:
    return values.map(nodes.String)


def scalar_strategies(ids: list[str]) -> dict[str, st.SearchStrategy[graphql.ValueNode]]:
    """Mostly well-formed values (ids of seeded rows among them), some garbage."""
    garbage = strings(st.text(max_size=30))
    well_formed_ids = st.builds(
        lambda prefix, digits: f"{prefix}_{digits}",
        st.sampled_from(ID_PREFIXES),
        st.text(alphabet="0123456789abcdef", min_size=32, max_size=32),
    )
    seeded: st.SearchStrategy[str] = st.sampled_from(ids) if ids else well_formed_ids
    times = st.datetimes(
        min_value=datetime(1900, 1, 1),  # naive: the timezone is drawn below
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from([None, UTC]),
    ).map(datetime.isoformat)
    decimals = st.decimals(
        min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2, allow_nan=False
    ).map(str)
    odd_numbers = st.sampled_from(["1e400", "-1e400", "NaN", "Infinity", "-0", "0.001", ""])
    scalars = {
        "ID": strings(st.one_of(seeded, seeded, well_formed_ids, st.text(max_size=40))),
        "DateTime": st.one_of(strings(times), garbage),
        "Date": st.one_of(strings(st.dates(date(1900, 1, 1), date(2100, 1, 1))), garbage),
        "Decimal": st.one_of(strings(decimals), strings(odd_numbers), garbage),
    }
    for type_ in SCHEMA.type_map.values():
        if isinstance(type_, graphql.GraphQLScalarType) and not graphql.is_specified_scalar_type(
            type_
        ):
            scalars.setdefault(type_.name, garbage)  # any scalar added later (JSON, ...)
    return scalars


def operations(ids: list[str], mode: hypothesis_graphql.Mode) -> st.SearchStrategy[str]:
    scalars = scalar_strategies(ids)
    return st.one_of(
        hypothesis_graphql.queries(SCHEMA, custom_scalars=scalars, mode=mode),
        hypothesis_graphql.mutations(SCHEMA, custom_scalars=scalars, mode=mode),
    )


def mangled(documents: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A valid document cut short, or with a few characters inserted."""

    @st.composite
    def mangle(draw: st.DrawFn) -> str:
        document = draw(documents)
        at = draw(st.integers(0, len(document)))
        if draw(st.booleans()):
            return document[:at]
        inserted = draw(st.text(alphabet=string.punctuation + " $@!", min_size=1, max_size=3))
        return document[:at] + inserted + document[at:]

    return mangle()


JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
STATIC_DOCUMENTS = operations([], hypothesis_graphql.Mode.POSITIVE)
OPERATION_LIKE: st.SearchStrategy[Any] = st.fixed_dictionaries(
    {"query": st.one_of(STATIC_DOCUMENTS, st.text(max_size=40), JSON_VALUES)},
    optional={
        "variables": st.one_of(JSON_VALUES, st.dictionaries(st.text(max_size=5), JSON_VALUES)),
        "operationName": st.one_of(st.none(), st.text(max_size=10), JSON_VALUES),
        "extensions": JSON_VALUES,
    },
)
BODIES: st.SearchStrategy[bytes] = st.one_of(
    OPERATION_LIKE.map(json.dumps).map(str.encode),
    st.lists(OPERATION_LIKE, max_size=12).map(json.dumps).map(str.encode),
    JSON_VALUES.map(json.dumps).map(str.encode),
    st.text(max_size=60).map(str.encode),
    st.binary(max_size=60),
)


# --- the seeded graph and the app ----------------------------------------------------------


@dataclass(frozen=True)
class World:
    ids: list[str]
    headers: dict[str, dict[str, str]]


async def _data(
    client: httpx.AsyncClient, query: str, variables: Json | None = None, key: str | None = None
) -> Json:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    body: Json = response.json()
    assert response.status_code == 200, body
    assert "errors" not in body, body
    result: Json = body["data"]
    return result


@pytest.fixture
async def world(client: httpx.AsyncClient, graph: Graph) -> World:
    """A small graph with a row of every kind, keys of each role, a partner's own customer."""
    partner = await ensure_partner(graph, "Fuzz partner")
    keys = {
        "admin": await create_key(graph, name="fuzz admin", role="admin"),
        "analyst": await create_key(graph, name="fuzz analyst", role="analyst"),
        "partner": await create_key(graph, name="fuzz partner", role="partner", partner_id=partner),
    }

    async def run(query: str, variables: Json | None = None, key: str | None = None) -> Json:
        return await _data(client, query, variables, key)

    employee = (await run('mutation { createEmployee(input: {name: "Erin"}) { id } }'))[
        "createEmployee"
    ]["id"]
    source = (
        await run(
            'mutation { createAcquisitionSource(input: {name: "Spring", kind: CAMPAIGN}) { id } }'
        )
    )["createAcquisitionSource"]["id"]
    product = (
        await run(
            'mutation { createProduct(input: {sku: "F1", name: "Fuzz", price: "9.99"}) { id } }'
        )
    )["createProduct"]["id"]
    person = (
        await run(
            "mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }",
            {
                "input": {
                    "name": "Ada Lovelace",
                    "emails": ["ada@example.com"],
                    "phones": ["+371 20000000"],
                    "addresses": [{"line1": "1 Main st", "city": "Riga", "country": "LV"}],
                    "externalIds": [{"system": "crm", "value": "1"}],
                    "acquisition": {"sourceId": source},
                    "accountOwnerId": employee,
                }
            },
        )
    )["createCustomer"]["id"]
    organization = (
        await run('mutation { createCustomer(input: {name: "Acme", kind: ORGANIZATION}) { id } }')
    )["createCustomer"]["id"]
    contact = (
        await run(
            "mutation($o: ID!, $p: ID!) { addContact(organizationId: $o, "
            'input: {name: "Ada", personCustomerId: $p}) { id } }',
            {"o": organization, "p": person},
        )
    )["addContact"]["id"]
    order = (
        await run(
            "mutation($c: ID!, $p: ID!) { placeOrder(input: {customerId: $c, status: COMPLETED, "
            "items: [{productId: $p, quantity: 2}]}) { id } }",
            {"c": person, "p": product},
        )
    )["placeOrder"]["id"]
    touchpoint = (
        await run(
            "mutation($c: ID!, $e: ID!) { recordTouchpoint(input: {customerId: $c, "
            "channel: PHONE, direction: INBOUND, kind: COMPLAINT, handledById: $e}) { id } }",
            {"c": person, "e": employee},
        )
    )["recordTouchpoint"]["id"]
    await run(
        "mutation($a: ID!, $b: ID!) { linkInfluence(input: {fromId: $a, toId: $b, "
        "strength: 0.7, kind: COLLEAGUE}) { strength } }",
        {"a": person, "b": organization},
    )
    for purpose, channel in (("MARKETING", "EMAIL"), ("SHARING", None)):
        await run(
            "mutation($c: ID!, $p: ConsentPurpose!, $ch: ConsentChannel) { recordConsent("
            'input: {customerId: $c, purpose: $p, channel: $ch, status: GRANTED, source: "form"})'
            " { id } }",
            {"c": person, "p": purpose, "ch": channel},
        )
    await run(
        "mutation($c: ID!, $p: ID!) { shareCustomer(customerId: $c, partnerId: $p) }",
        {"c": person, "p": partner},
    )
    partner_key = keys["partner"].secret
    own = (
        await run(
            'mutation { createCustomer(input: {name: "Brought", emails: ["b@example.com"]}) '
            "{ id } }",
            key=partner_key,
        )
    )["createCustomer"]["id"]
    await run(
        "mutation($c: ID!) { recordConsent(input: {customerId: $c, purpose: SHARING, "
        'status: GRANTED, source: "partner"}) { id } }',
        {"c": own},
        key=partner_key,
    )
    seeded = [employee, source, product, person, organization, contact, order, touchpoint]
    return World(
        ids=[*seeded, own, partner],
        headers={role: {"Authorization": f"Bearer {key.secret}"} for role, key in keys.items()},
    )


def _serve(served: uvicorn.Server, listener: socket.socket) -> None:
    # asyncio.run's clean-up (pending tasks cancelled and awaited), and a moment for the
    # sockets the driver closes in the background to finish closing.
    with asyncio.Runner() as runner:
        runner.run(served.serve(sockets=[listener]))
        runner.run(asyncio.sleep(0.2))


@pytest.fixture
def server(world: World, settings: Settings) -> Iterator[httpx.Client]:
    """The whole app (lifespan included) served by uvicorn on a free loopback port."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings), http="h11", ws="none", lifespan="on", log_level="critical"
    )
    served = uvicorn.Server(config)

    thread = threading.Thread(target=_serve, args=(served, listener), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not served.started:
            assert thread.is_alive(), "uvicorn stopped while starting"
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as http:
            yield http
    finally:
        served.should_exit = True
        thread.join(timeout=30)
        listener.close()
        del served, config, thread
        gc.collect()  # what the app left is collected while ResourceWarning is ignored


@pytest.fixture
def valid(world: World) -> st.SearchStrategy[str]:
    return operations(world.ids, hypothesis_graphql.Mode.POSITIVE)


@pytest.fixture
def invalid(world: World) -> st.SearchStrategy[str]:
    documents = operations(world.ids, hypothesis_graphql.Mode.NEGATIVE)
    return st.one_of(
        documents,
        mangled(operations(world.ids, hypothesis_graphql.Mode.POSITIVE)),
        st.text(max_size=80),
        st.text(alphabet="{}()[]:$@!.=|&\"' \nabcquerymutationfragment", max_size=60),
    )


# --- what every answer must be -------------------------------------------------------------


def check(response: httpx.Response) -> None:
    status = response.status_code
    assert status == 200 or 400 <= status < 500, (status, response.text[:500])
    assert response.headers.get("content-type", "").startswith("application/json"), (
        status,
        response.headers.get("content-type"),
        response.text[:300],
    )
    body = response.json()
    results = body if isinstance(body, list) else [body]
    for result in results:
        assert isinstance(result, dict), body
        assert set(result) <= {"data", "errors", "extensions"}, result
        errors = result.get("errors") or []
        assert isinstance(errors, list), result
        for error in errors:
            message = str(error.get("message", ""))
            for leak in LEAKS:
                assert not leak.search(message), (leak.pattern, message)
            code = (error.get("extensions") or {}).get("code")
            assert code in KNOWN_CODES, error


# --- the properties --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
@FUZZ_SETTINGS
@given(draw=st.data())
def test_valid_operations(
    server: httpx.Client,
    world: World,
    valid: st.SearchStrategy[str],
    role: str,
    draw: st.DataObject,
) -> None:
    document = draw.draw(valid, label="document")
    check(server.post("/graphql", json={"query": document}, headers=world.headers[role]))


@pytest.mark.parametrize("role", ROLES)
@FUZZ_SETTINGS
@given(draw=st.data())
def test_invalid_documents(
    server: httpx.Client,
    world: World,
    invalid: st.SearchStrategy[str],
    role: str,
    draw: st.DataObject,
) -> None:
    document = draw.draw(invalid, label="document")
    check(server.post("/graphql", json={"query": document}, headers=world.headers[role]))


@pytest.mark.parametrize("role", ROLES)
@FUZZ_SETTINGS
@given(body=BODIES)
@example(body=b"{nope")  # not JSON
@example(body=b"5")  # JSON, but not an operation
@example(body=b"null")
@example(body=b'["x"]')  # a batch of something else than operations
@example(body=b'{"query": 5}')
def test_random_bodies(server: httpx.Client, world: World, role: str, body: bytes) -> None:
    headers = {**world.headers[role], "content-type": "application/json"}
    check(server.post("/graphql", content=body, headers=headers))


async def test_the_seeded_world_is_visible_to_each_role(
    world: World, client: httpx.AsyncClient
) -> None:
    """The fuzzing touches real rows: each role sees some of the seeded customers."""
    for role in ROLES:
        response = await client.post(
            "/graphql",
            json={"query": "{ customers { totalCount } }"},
            headers=world.headers[role],
        )
        assert response.json()["data"]["customers"]["totalCount"] > 0, role


# --- the counterexamples the fuzzing finds, one by one -------------------------------------


@pytest.mark.parametrize(
    "body",
    [b"5", b'"query"', b"null", b"true", b"[1, 2]", b'["{ __typename }"]', b"[null]"],
    ids=["number", "string", "null", "boolean", "batch-of-numbers", "batch-of-strings", "[null]"],
)
async def test_json_that_is_not_an_operation_is_a_client_error(
    open_app: OpenApp, body: bytes
) -> None:
    async with open_app() as http:
        response = await http.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code == 400, (response.status_code, response.text)
        check(response)


@pytest.mark.parametrize(
    "body",
    [
        b"{nope",
        b"",
        b'{"query": 5}',
        b'{"query": ""}',
        b'{"variables": {}}',
        b'{"query": "{ __typename }", "variables": [1]}',
    ],
    ids=["not-json", "empty", "query-not-a-string", "empty-query", "no-query", "variables-list"],
)
async def test_malformed_requests_get_json_errors_with_a_code(
    open_app: OpenApp, body: bytes
) -> None:
    async with open_app() as http:
        response = await http.post(
            "/graphql", content=body, headers={"content-type": "application/json"}
        )
        assert response.status_code == 400, (response.status_code, response.text)
        check(response)

"""Hostile and slow bodies: nesting is bounded before decoding, a body must arrive in time, a
declared size over the limit is refused unread, and nothing the edge does answers a plain-text
500 or a traceback.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager

import httpx
import pytest
import uvicorn

from cdp.access.api_keys import create_key
from cdp.cli.commands import uvicorn_options
from cdp.edge import limits
from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.edge.helpers import OpenApp
from tests.support.api import Json

DEEP_VARIABLES = b'{"query": "{ __typename }", "variables": {"v": ' + b"[" * 1000 + b"]" * 1000
DEEP_BODY = DEEP_VARIABLES + b"}}"  # the defect's 2 KB body


def nested(levels: int) -> Json:
    """A request whose JSON nests exactly `levels` deep (the body object is level 1)."""
    value: object = 1
    for _ in range(levels - 2):
        value = [value]
    return {"query": "{ __typename }", "variables": {"v": value}}


def assert_too_deep(response: httpx.Response, limit: int = 64) -> None:
    assert response.status_code == 400, response.text
    assert response.json() == {
        "errors": [
            {
                "message": f"The JSON nests deeper than {limit} levels.",
                "extensions": {"code": "JSON_TOO_DEEP"},
            }
        ]
    }


async def test_a_deeply_nested_body_without_a_key_is_refused_unread(open_app: OpenApp) -> None:
    async with open_app() as http:
        response = await http.post(
            "/graphql",
            content=DEEP_BODY,
            headers={"content-type": "application/json", "authorization": ""},
        )
    assert response.status_code == 401, response.text
    assert response.json()["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}


async def test_a_deeply_nested_body_is_a_client_error(open_app: OpenApp) -> None:
    async with open_app() as http:
        response = await http.post(
            "/graphql", content=DEEP_BODY, headers={"content-type": "application/json"}
        )
        assert_too_deep(response)
        batch = b"[" + DEEP_BODY + b"]"
        assert_too_deep(
            await http.post("/graphql", content=batch, headers={"content-type": "application/json"})
        )


async def test_nesting_up_to_the_limit_passes(open_app: OpenApp) -> None:
    async with open_app(max_json_depth=16) as http:
        allowed = await http.post("/graphql", json=nested(16))
        assert allowed.status_code == 200, allowed.text
        assert allowed.json() == {"data": {"__typename": "Query"}}
        assert_too_deep(await http.post("/graphql", json=nested(17)), limit=16)


async def test_get_variables_nesting_too_deep_are_a_client_error(open_app: OpenApp) -> None:
    async with open_app() as http:
        params = {"query": "{ __typename }", "variables": '{"v": ' + "[" * 999 + "]" * 999 + "}"}
        assert_too_deep(await http.get("/graphql", params=params))
        params["variables"] = json.dumps({"v": [[1]]})
        assert (await http.get("/graphql", params=params)).json() == {
            "data": {"__typename": "Query"}
        }


async def test_a_body_with_too_many_values_is_refused(open_app: OpenApp) -> None:
    async with open_app(max_json_values=1000) as http:
        allowed = {"query": "{ __typename }", "variables": {"v": list(range(990))}}
        assert (await http.post("/graphql", json=allowed)).status_code == 200
        refused = await http.post(
            "/graphql", json={"query": "{ __typename }", "variables": {"v": [{}] * 1000}}
        )
    assert refused.status_code == 413, refused.text
    assert refused.json() == {
        "errors": [
            {
                "message": "The JSON holds more than 1000 values.",
                "extensions": {"code": "JSON_TOO_LARGE"},
            }
        ]
    }


async def test_an_unexpected_failure_in_the_edge_answers_json(
    open_app: OpenApp, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object) -> object:
        raise RuntimeError("a defect with a secret in it")

    async with open_app() as http:
        monkeypatch.setattr(limits, "_malformed", broken)
        with caplog.at_level(logging.ERROR):
            response = await http.post("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "errors": [
            {
                "message": "An unexpected error occurred.",
                "extensions": {"code": "INTERNAL_SERVER_ERROR"},
            }
        ]
    }
    [record] = [r for r in caplog.records if r.name == "cdp.edge.unexpected"]
    assert record.getMessage() == "unexpected error on POST /graphql"
    assert record.exc_info is not None  # the server keeps the traceback; the client never does


# --- size declared up front ----------------------------------------------------------------


async def never_sent() -> AsyncIterator[bytes]:
    await asyncio.sleep(3600)
    yield b""


async def test_a_declared_size_over_the_limit_is_refused_before_reading(
    open_app: OpenApp,
) -> None:
    async with open_app(max_request_bytes=1024) as http:
        response = await asyncio.wait_for(
            http.post(
                "/graphql",
                content=never_sent(),
                headers={"content-type": "application/json", "content-length": "1025"},
            ),
            timeout=10,
        )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "REQUEST_TOO_LARGE"}


# --- slow bodies, on a real server ---------------------------------------------------------


def _serve(server: uvicorn.Server, listener: socket.socket) -> None:
    with asyncio.Runner() as runner:
        runner.run(server.serve(sockets=[listener]))


@contextmanager
def served(settings: Settings) -> Iterator[int]:
    """The whole app served by uvicorn in a thread on a free loopback port."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        create_app(settings), http="h11", ws="none", lifespan="on", log_level="critical"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=_serve, args=(server, listener), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert thread.is_alive(), "uvicorn stopped while starting"
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        yield listener.getsockname()[1]
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        listener.close()


def stalled_upload(port: int, key: str) -> tuple[float, bytes]:
    """Send the headers and part of a body, then nothing: the seconds until the server has
    answered and closed the connection, and what it sent."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(
            b"POST /graphql HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\n"
            b"authorization: Bearer " + key.encode() + b"\r\ncontent-length: 100\r\n\r\n"
            b'{"query": '
        )
        started = time.monotonic()
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
        return time.monotonic() - started, received


async def test_a_stalled_body_is_answered_and_closed_within_the_body_timeout(
    graph: Graph, settings: Settings
) -> None:
    key = await create_key(graph, name="slow", role="admin")
    edge = settings.model_copy(update={"body_timeout": 0.5, "request_timeout": 30.0})
    with served(edge) as port:
        seconds, received = await asyncio.to_thread(stalled_upload, port, key.secret)
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408"), received
    assert b"connection: close" in head.lower()
    assert json.loads(body)["errors"][0]["extensions"] == {"code": "BODY_TIMEOUT"}
    assert 0.4 < seconds < 3.0, seconds  # the timeout, not the request timeout of 30 s


def test_serve_hands_uvicorn_its_connection_limits(settings: Settings) -> None:
    options = uvicorn_options(settings, "127.0.0.1", 8000, None)
    assert options["limit_concurrency"] == 512
    assert options["timeout_keep_alive"] == 5.0
    tight = settings.model_copy(update={"limit_concurrency": 3, "keep_alive_timeout": 1.5})
    options = uvicorn_options(tight, "127.0.0.1", 8000, 2)
    assert (options["limit_concurrency"], options["timeout_keep_alive"]) == (3, 1.5)
    assert options["workers"] == 2
    # Every option is one uvicorn knows.
    uvicorn.Config("cdp.edge.app:create_app", **options)

"""The edge's request limits as an ASGI component alone, without an app behind them."""

from __future__ import annotations

import weakref

from starlette.responses import JSONResponse
from starlette.types import Message, Receive, Scope, Send

from cdp.after_response import free_after_response
from cdp.edge import limits


async def test_what_a_request_hands_over_is_freed_after_its_response_is_sent() -> None:
    # A bulk request's rows are freed once the client has its answer, not while it waits.
    class Rows(list[int]):
        pass

    watched: list[weakref.ref[Rows]] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        rows = Rows(range(1000))
        watched.append(weakref.ref(rows))
        free_after_response(rows)
        del rows
        await JSONResponse({"data": {"ok": True}})(scope, receive, send)

    alive_when_sent: list[bool] = []

    async def send(message: Message) -> None:
        if message["type"] == "http.response.body":
            alive_when_sent.append(watched[0]() is not None)

    async def receive() -> Message:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    edge = limits.RequestLimits(app, max_bytes=1000, max_operations=1, timeout=5)
    scope = {"type": "http", "method": "GET", "headers": [], "query_string": b""}
    await edge(scope, receive, send)
    assert alive_when_sent == [True]  # held while the response went out
    assert watched[0]() is None  # and freed once it had

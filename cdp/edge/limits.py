"""Limits at the HTTP edge: request size, time to send the body, JSON nesting, operations per
batch, time per request.

Each refusal is a JSON GraphQL error with a stable code, sent before any resolver runs. A JSON
body parsed here to check it is left in the request's scope (`PARSED_BODY`), where the GraphQL
endpoint takes it instead of parsing the body again.
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import parse_qsl

import anyio.to_thread
import msgspec
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cdp.edge import json_body

# A body at least this large is checked and decoded in a worker thread: the depth scan works a
# slice at a time, so the event loop keeps answering other requests in between.
THREAD_FROM_BYTES = 1 << 20
# The scope key of what a JSON body parsed to (absent when it was not parsed here).
PARSED_BODY = "cdp.parsed_body"


def _error(
    message: str, code: str, status: int, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]},
        status_code=status,
        headers=headers,
    )


class RequestLimits:
    def __init__(
        self,
        app: ASGIApp,
        *,
        max_bytes: int,
        max_operations: int,
        timeout: float,
        max_depth: int = 64,
        max_values: int = 1_000_000,
        body_timeout: float = 10.0,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_operations = max_operations
        self.timeout = timeout
        self.max_depth = max_depth
        self.max_values = max_values
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self._http(scope, receive, send)

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        too_large = _error(
            f"The request is larger than {self.max_bytes} bytes.", "REQUEST_TOO_LARGE", 413
        )
        if len(scope.get("query_string", b"")) > self.max_bytes or (
            self._declared_size(scope) > self.max_bytes
        ):
            await too_large(scope, receive, send)
            return
        if self._query_too_deep(scope):
            await self._too_deep(scope, receive, send)
            return
        try:
            body = await self._body(receive)
        except TimeoutError:
            # The connection is closed after the answer: what is still on its way is not read.
            await _error(
                f"The request body did not arrive within {self.body_timeout:g} s.",
                "BODY_TIMEOUT",
                408,
                {"connection": "close"},
            )(scope, receive, send)
            return
        if body is None:
            await too_large(scope, receive, send)
            return
        try:
            bounds = (self.max_depth, self.max_values)
            if len(body) >= THREAD_FROM_BYTES:
                problem, parsed = await anyio.to_thread.run_sync(_malformed, scope, body, bounds)
            else:
                problem, parsed = _malformed(scope, body, bounds)
        except json_body.JsonTooDeep:
            await self._too_deep(scope, receive, send)
            return
        except json_body.JsonTooLarge as exc:
            await _error(str(exc), "JSON_TOO_LARGE", 413)(scope, receive, send)
            return
        if parsed is not None:
            scope[PARSED_BODY] = parsed
        if problem is not None:
            await _error(problem, "BAD_REQUEST", 400)(scope, receive, send)
            return
        if body.lstrip(_BLANK).startswith(b"["):
            operations = len(parsed) if isinstance(parsed, list) else _count(body, bounds)
            if operations > self.max_operations:
                await _error(
                    f"At most {self.max_operations} operations in one request.",
                    "BATCH_LIMIT_EXCEEDED",
                    400,
                )(scope, receive, send)
                return
        started = False

        async def replay() -> Message:
            nonlocal body
            chunk, body = body, b""
            return {"type": "http.request", "body": chunk, "more_body": False}

        held: Message | None = None

        async def watch(message: Message) -> None:
            # The GraphQL library answers some malformed requests (an unknown operation name)
            # with a plain-text 400: those become JSON errors with a code, like every other.
            nonlocal started, held
            started = True
            if (
                message["type"] == "http.response.start"
                and message["status"] == 400
                and (
                    dict(message.get("headers", [])).get(b"content-type", b"").startswith(b"text/")
                )
            ):
                held = message
                return
            if held is not None and message["type"] == "http.response.body":
                text = message.get("body", b"").decode(errors="replace").strip()
                await _error(text or "Bad request.", "BAD_REQUEST", 400)(scope, receive, send)
                return
            await send(message)

        try:
            async with asyncio.timeout(self.timeout):
                await self.app(scope, replay, watch)
        except TimeoutError:
            if started:
                raise
            await _error(f"The request took longer than {self.timeout:g} s.", "TIMEOUT", 504)(
                scope, receive, send
            )

    async def _body(self, receive: Receive) -> bytes | None:
        """The whole body, or None past the size limit; TimeoutError when it has not all
        arrived within the body timeout (a stalled upload holds a connection and a file)."""
        chunks: list[bytes] = []
        size = 0
        more = True
        async with asyncio.timeout(self.body_timeout):
            while more:
                message = await receive()
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                more = message.get("more_body", False)
                if size > self.max_bytes:
                    return None
        return b"".join(chunks)

    @staticmethod
    def _declared_size(scope: Scope) -> int:
        # A Content-Length over the limit is refused before a byte of the body is read.
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        return int(declared) if declared.isdigit() else 0

    def _query_too_deep(self, scope: Scope) -> bool:
        """Whether the JSON of a GET's `variables` or `extensions` nests too deep."""
        query_string = scope.get("query_string", b"")
        if scope["method"] != "GET" or not query_string:
            return False
        return any(
            json_body.nests_deeper_than(value, self.max_depth)
            for name, value in parse_qsl(query_string.decode("latin-1"))
            if name in ("variables", "extensions")
        )

    async def _too_deep(self, scope: Scope, receive: Receive, send: Send) -> None:
        await _error(f"The JSON nests deeper than {self.max_depth} levels.", "JSON_TOO_DEEP", 400)(
            scope, receive, send
        )


_BOM = b"\xef\xbb\xbf"  # a byte-order mark
_BLANK = _BOM + b" \t\r\n"  # what may precede a batch's opening bracket


def parse_json(body: bytes, bounds: tuple[int, int]) -> Any:
    """A JSON body within its bounds of depth and values (`cdp.edge.json_body`)."""
    max_depth, max_values = bounds
    return json_body.decode(body, max_depth=max_depth, max_values=max_values)


def _count(body: bytes, bounds: tuple[int, int]) -> int:
    try:
        parsed: Any = parse_json(body, bounds)
    except (msgspec.DecodeError, json_body.JsonTooDeep, json_body.JsonTooLarge):
        return 0  # not JSON: the GraphQL endpoint answers that itself
    return len(parsed) if isinstance(parsed, list) else 1


def _malformed(scope: Scope, body: bytes, bounds: tuple[int, int]) -> tuple[str | None, Any | None]:
    """Why a JSON POST is no GraphQL request (an object with a non-empty query string, and
    variables as an object), or None, with what the body parsed to; other requests are left
    to the GraphQL endpoint. Raises JsonTooDeep or JsonTooLarge."""
    if scope["method"] != "POST":
        return None, None
    content_type = dict(scope["headers"]).get(b"content-type", b"application/json")
    if not content_type.startswith(b"application/json"):
        return None, None
    try:
        parsed: Any = parse_json(body, bounds)
    except msgspec.DecodeError:
        return "The body is not JSON.", None
    requests = parsed if isinstance(parsed, list) else [parsed]
    if not requests:
        return "The batch holds no operation.", None
    for request in requests:
        if not isinstance(request, dict):
            return "Each operation is a JSON object with a query.", None
        query = request.get("query")
        if not isinstance(query, str) or not query.strip():
            return "Send a GraphQL document as the query string.", None
        if request.get("variables") is not None and not isinstance(request["variables"], dict):
            return "variables must be a JSON object.", None
    return None, parsed

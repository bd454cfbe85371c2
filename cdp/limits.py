"""Limits at the HTTP edge: request size, operations per batch, time per request.

Each refusal is a JSON GraphQL error with a stable code, sent before any resolver runs.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _error(message: str, code: str, status: int) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status_code=status
    )


class RequestLimits:
    def __init__(
        self, app: ASGIApp, *, max_bytes: int, max_operations: int, timeout: float
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_operations = max_operations
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = b""
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_bytes:
                await _error(
                    f"The request is larger than {self.max_bytes} bytes.", "REQUEST_TOO_LARGE", 413
                )(scope, receive, send)
                return
        if body.lstrip().startswith(b"["):
            operations = _count(body)
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

        async def watch(message: Message) -> None:
            nonlocal started
            started = True
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


def _count(body: bytes) -> int:
    try:
        parsed: Any = json.loads(body)
    except ValueError:
        return 0  # not JSON: the GraphQL endpoint answers that itself
    return len(parsed) if isinstance(parsed, list) else 1

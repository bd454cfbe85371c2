"""The last resort of the edge: a failure nothing else handled still answers in JSON.

Starlette's own fallback answers a plain-text 500 and hands the exception on to the server,
which logs it a second time. Here it is logged once (with its traceback: it is a defect to
fix) and the client gets a GraphQL error with a code, never a traceback.
"""

from __future__ import annotations

import logging

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_logger = logging.getLogger(__name__)

ANSWER = JSONResponse(
    {
        "errors": [
            {
                "message": "An unexpected error occurred.",
                "extensions": {"code": "INTERNAL_SERVER_ERROR"},
            }
        ]
    },
    status_code=500,
)


class UnexpectedErrors:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            _logger.exception("unexpected error on %s %s", scope["method"], scope["path"])
            if not started:
                await ANSWER(scope, receive, send)
            # Once a response has started it cannot be replaced: the server ends the
            # connection when the application returns without finishing it.

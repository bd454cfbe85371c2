"""The ASGI application: Starlette routes, the GraphQL endpoint, one driver for the process.

This is the top of the stack: it composes the core (`cdp`), the GraphQL types (`schema`) and
their resolvers; nothing in the core imports it.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypedDict

from cross_web import StarletteRequestAdapter
from starlette.applications import Starlette
from starlette.authentication import AuthenticationError
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from cdp.access import audit
from cdp.access.api_keys import KeyVerifier
from cdp.edge import json_body
from cdp.edge.authentication import BearerKeys, KeyUser, RequireKey
from cdp.edge.limits import PARSED_BODY, RequestLimits
from cdp.edge.unexpected import UnexpectedErrors
from cdp.errors import ServiceUnavailable
from cdp.read_model import ACCESS_RULES, READ_MODEL
from cdp.request import RequestContext
from cdp.settings import Settings, load_settings
from cdp.store.graph import Graph, connect, translate_errors
from cdp.store.migrations import MigrationError, MigrationRunner
from schema import speed
from schema.root import build_schema


class State(TypedDict):
    graph: Graph
    settings: Settings
    keys: KeyVerifier


class CheckedBody(bytes):
    """A JSON body the edge (RequestLimits) has read and parsed whole, to check it: it stands
    for what it parsed to, and its bytes are not read or copied again (a large body takes
    longer to parse than to execute)."""

    parsed: Any

    def __new__(cls, parsed: Any) -> CheckedBody:
        body = bytes.__new__(cls)
        body.parsed = parsed
        return body


class CheckedRequest(StarletteRequestAdapter):
    """The request as the GraphQL endpoint reads it, with the body the edge parsed."""

    def __init__(self, request: Request) -> None:
        super().__init__(request)
        self.scope = request.scope

    async def get_body(self) -> bytes:
        if PARSED_BODY in self.scope:
            return CheckedBody(self.scope[PARSED_BODY])
        return await super().get_body()


class GraphQLEndpoint(GraphQL[RequestContext, None]):
    max_json_depth = 64
    request_adapter_class = CheckedRequest

    def decode_json(self, data: str | bytes) -> object:
        if isinstance(data, CheckedBody):
            return data.parsed
        # The edge bounds the nesting of every body and query it checks; whatever else
        # arrives here is bounded too, before a recursive decoder sees it (a 400).
        if json_body.nests_deeper_than(data, self.max_json_depth):
            raise json.JSONDecodeError("The JSON nests too deep.", "", 0)
        return super().decode_json(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> RequestContext:
        # RequireKey lets no anonymous request reach here but GraphiQL's page.
        user = request.scope.get("user")
        viewer = user.viewer if isinstance(user, KeyUser) else None
        return RequestContext(
            request.state.graph, request.state.settings, READ_MODEL, ACCESS_RULES, viewer
        )


def _auth_error(_: HTTPConnection, exc: AuthenticationError) -> Response:
    # The only failure BearerKeys raises: the graph holding the keys is unreachable.
    return JSONResponse(
        {"errors": [{"message": str(exc), "extensions": {"code": "SERVICE_UNAVAILABLE"}}]},
        status_code=503,
    )


async def healthz(_: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    graph: Graph = request.state.graph
    try:
        await graph.read("RETURN 1 AS ok")
        async with translate_errors():
            status = await MigrationRunner(graph.driver, graph.database).status()
    except ServiceUnavailable:
        return _not_ready("neo4j is unreachable")
    except MigrationError as exc:
        return _not_ready(f"migrations cannot be checked: {exc}")
    if status.problems:
        return _not_ready("applied migrations do not match their files")
    if status.pending:
        return _not_ready(f"{len(status.pending)} migration(s) pending: run `cdp migrate`")
    return JSONResponse({"status": "ready"})


def _not_ready(reason: str) -> Response:
    return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)


def create_app(settings: Settings | None = None) -> Starlette:
    """Build the application; settings default to the `CDP_*` environment."""
    settings = settings or load_settings()

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[State]:
        graph = connect(settings)
        speed.tune_process(speed.pieces(settings))  # after all the process keeps is built
        try:
            yield {
                "graph": graph,
                "settings": settings,
                "keys": KeyVerifier(graph, settings.key_cache_seconds),
            }
        finally:
            await audit.reads(graph).close()
            await graph.driver.close()

    graphql = GraphQLEndpoint(
        build_schema(settings),
        graphql_ide=None if settings.production else "graphiql",
        allow_queries_via_get=not settings.production,
    )
    graphql.max_json_depth = settings.max_json_depth
    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route(
            "/graphql",
            # A request without a valid key is refused before its body is read.
            RequireKey(
                RequestLimits(
                    graphql,
                    max_bytes=settings.max_request_bytes,
                    max_operations=settings.max_batch_operations,
                    timeout=settings.request_timeout,
                    max_depth=settings.max_json_depth,
                    max_values=settings.max_json_values,
                    body_timeout=settings.body_timeout,
                ),
                ide_page=not settings.production,
            ),
            methods=["GET", "POST"],
        ),
    ]
    middleware = [
        Middleware(UnexpectedErrors),
        Middleware(AuthenticationMiddleware, backend=BearerKeys(), on_error=_auth_error),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)

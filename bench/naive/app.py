"""The Starlette app: GraphQL at /graphql, one async Neo4j driver for the app's lifetime."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from neo4j import AsyncDriver, AsyncGraphDatabase
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from bench.naive.loaders import Loaders
from bench.naive.types import Context, schema


class NaiveGraphQL(GraphQL[Context, None]):
    def __init__(self) -> None:
        super().__init__(schema, graphql_ide=None)
        self.driver: AsyncDriver | None = None

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        assert self.driver is not None, "the driver opens with the app"
        return Context(driver=self.driver, loaders=Loaders(self.driver))


def create_app(uri: str, user: str, password: str) -> Starlette:
    graphql = NaiveGraphQL()

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        driver = AsyncGraphDatabase.driver(uri, auth=(user, password))
        graphql.driver = driver
        try:
            yield
        finally:
            graphql.driver = None
            await driver.close()

    return Starlette(
        routes=[Route("/graphql", graphql, methods=["GET", "POST"])], lifespan=lifespan
    )

"""The app twice on the test graph: with every speed piece, and on the libraries' own paths
(`speed_paths` off), whatever CDP_SPEED_PATHS says; both send the same admin key."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import pytest
from asgi_lifespan import LifespanManager

from cdp.access.api_keys import create_key
from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph
from schema.speed import collector


@asynccontextmanager
async def _opened(settings: Settings, secret: str) -> AsyncIterator[httpx.AsyncClient]:
    async with LifespanManager(create_app(settings)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        headers = {"Authorization": f"Bearer {secret}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers=headers
        ) as http:
            yield http


@pytest.fixture
async def both_ways(
    graph: Graph, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """(fast, library): clients of the app with and without the speed pieces. The collector
    of the test process is left as it is."""
    monkeypatch.setattr(collector, "_tuned", True)
    key = await create_key(graph, name="both ways", role="admin")
    fast = settings.model_copy(update={"speed_paths": True})
    library = settings.model_copy(update={"speed_paths": False})
    async with _opened(fast, key.secret) as fast_http, _opened(library, key.secret) as lib_http:
        yield fast_http, lib_http

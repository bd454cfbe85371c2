"""Fixtures of the touchpoint-list tests: the keys of each role, the hand-built world
(`list_world`) and an HTTP client on the whole app that sends no key of its own."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager

from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.access.support import Keys, make_keys
from tests.integration.touchpoints.list_world import TouchpointWorld, seed_touchpoint_world


@pytest.fixture
async def list_keys(graph: Graph) -> Keys:
    return await make_keys(graph)


@pytest.fixture
async def list_world(graph: Graph, list_keys: Keys) -> TouchpointWorld:
    return await seed_touchpoint_world(graph, list_keys.partner_id)


@pytest.fixture
async def keyless_client(settings: Settings, graph: Graph) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http

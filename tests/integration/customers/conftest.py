"""The seeded test world of the read-API tests."""

from __future__ import annotations

import pytest

from cdp.store.graph import Graph
from tests.integration.customers.seed import World, seed_world


@pytest.fixture
async def world(graph: Graph) -> World:
    return await seed_world(graph)

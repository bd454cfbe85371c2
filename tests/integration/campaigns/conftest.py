"""Fixtures of the campaign tests: the keys of each role and the hand-built world."""

from __future__ import annotations

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.access.support import Keys, make_keys
from tests.integration.campaigns.world import CampaignWorld, seed_campaign_world


@pytest.fixture
async def keys(graph: Graph) -> Keys:
    return await make_keys(graph)


@pytest.fixture
async def world(graph: Graph, client: httpx.AsyncClient) -> CampaignWorld:
    return await seed_campaign_world(graph, client)

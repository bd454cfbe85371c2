"""The mutation tests' `api` (over the shared `client` fixture) and reference data."""

from __future__ import annotations

import httpx
import pytest

from cdp.store.graph import Graph
from tests.mutations.api import Api, Refs, make_refs


@pytest.fixture
def api(client: httpx.AsyncClient, graph: Graph) -> Api:
    return Api(client, graph)


@pytest.fixture
async def refs(api: Api) -> Refs:
    return await make_refs(api)

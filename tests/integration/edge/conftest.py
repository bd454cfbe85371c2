"""Apps with edge settings of a test's choosing, and a log of every Cypher statement sent.

`open_app(**overrides)` builds the whole application (lifespan included) on the emptied test
graph with `settings.model_copy(update=overrides)` and yields an HTTP client that sends a fresh
key of the given role. Application errors come back as HTTP 500 responses (as a real server
would send them) instead of being raised into the test.

`cypher` records the text of every statement the driver runs (auto-commit, explicit and
managed transactions), so a test can prove that a refused request reached no resolver.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import neo4j
import pytest
from asgi_lifespan import LifespanManager

from cdp.access.api_keys import create_key, ensure_partner
from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.edge.helpers import OpenApp


@pytest.fixture
def open_app(graph: Graph, settings: Settings) -> OpenApp:
    @asynccontextmanager
    async def opened(role: str = "admin", **overrides: object) -> AsyncIterator[httpx.AsyncClient]:
        partner = await ensure_partner(graph, "Edge partner") if role == "partner" else None
        key = await create_key(graph, name=f"edge {role}", role=role, partner_id=partner)
        app = create_app(settings.model_copy(update=overrides))
        async with LifespanManager(app) as manager:
            transport = httpx.ASGITransport(app=manager.app, raise_app_exceptions=False)
            headers = {"Authorization": f"Bearer {key.secret}"}
            async with httpx.AsyncClient(
                transport=transport, base_url="http://test", headers=headers
            ) as http:
                # Any route verifies (and caches) the key: later counts see only the request.
                assert (await http.get("/healthz")).status_code == 200
                yield http

    return opened


@pytest.fixture
def cypher(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every Cypher statement run from now on, in order."""
    log: list[str] = []

    def counting(original: Callable[..., Any]) -> Callable[..., Any]:
        async def run(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            log.append(str(getattr(query, "text", query)))
            return await original(self, query, *args, **kwargs)

        return run

    for cls in (neo4j.AsyncSession, neo4j.AsyncTransaction, neo4j.AsyncManagedTransaction):
        monkeypatch.setattr(cls, "run", counting(cls.run))
    return log

"""Fixtures of the order-list tests: the keys of each role, the hand-built world
(`list_world`), the business's clock fixed at `list_world.NOW`, and the app in UTC."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime

import httpx
import pytest

from cdp import business_time
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.access.support import Keys, make_keys
from tests.integration.orders.list_world import NOW, OrderWorld, seed_order_world, serving


@pytest.fixture
async def order_keys(graph: Graph) -> Keys:
    return await make_keys(graph)


@pytest.fixture
async def order_world(graph: Graph, order_keys: Keys) -> OrderWorld:
    return await seed_order_world(graph, order_keys.partner_id)


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The business's clock reads `NOW`; the zone still turns it into the day."""
    real_today = business_time.today

    def today(settings: Settings, *, now: datetime | None = None) -> date:
        return real_today(settings, now=NOW)

    monkeypatch.setattr(business_time, "today", today)
    return NOW


@pytest.fixture
async def utc_client(
    settings: Settings, graph: Graph, frozen_clock: datetime
) -> AsyncIterator[httpx.AsyncClient]:
    async with serving(settings, "UTC") as http:
        yield http

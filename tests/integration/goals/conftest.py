"""Fixtures of the goal tests: the keys of each role, the business's clock fixed at
`world.NOW`, the app in Berlin, and the hand-built world with its goals set."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime

import httpx
import pytest

from cdp import business_time
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.access.support import Keys, make_keys
from tests.integration.goals.world import (
    BERLIN,
    NOW,
    GoalWorld,
    seed_goal_world,
    serving,
    set_goals,
)


@pytest.fixture
async def goal_keys(graph: Graph) -> Keys:
    return await make_keys(graph)


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The business's clock reads `NOW`; the zone still turns it into the day."""
    real_today = business_time.today

    def today(settings: Settings, *, now: datetime | None = None) -> date:
        return real_today(settings, now=NOW)

    monkeypatch.setattr(business_time, "today", today)
    return NOW


@pytest.fixture
async def berlin(
    settings: Settings, graph: Graph, frozen_clock: datetime
) -> AsyncIterator[httpx.AsyncClient]:
    async with serving(settings, BERLIN) as http:
        yield http


@pytest.fixture
async def goal_world(graph: Graph, berlin: httpx.AsyncClient, goal_keys: Keys) -> GoalWorld:
    """The world, its goals set in Berlin by an agent."""
    world = await seed_goal_world(graph)
    await set_goals(berlin, world, goal_keys.agent)
    return world

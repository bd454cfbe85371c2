"""Each metric in each scope on the hand-built world (`world`): exact actuals, ratios and
on/off track at the fixed instant, in Berlin and, for the same goals, in UTC, where it is a day
earlier; and the actions of a goal's scope in its period."""

from __future__ import annotations

import httpx
import pytest

from cdp.settings import Settings
from tests.integration.access.support import Keys
from tests.integration.goals.world import GOALS, GoalWorld, serving
from tests.support.api import data

PROGRESS = """
query ($id: ID!) {
  node(id: $id) {
    ... on Goal {
      metric scope period { from to }
      customer { id } owner { id }
      target { money { amount currency } count }
      progress { actual { money { amount currency } count } ratio onTrack }
    }
  }
}
"""


@pytest.mark.parametrize("name", list(GOALS))
async def test_progress_in_berlin(
    name: str, berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    expected = GOALS[name]
    goal = (await data(berlin, PROGRESS, {"id": goal_world.goals[name]}, key=goal_keys.analyst))[
        "node"
    ]
    assert goal["metric"] == expected.metric
    assert goal["period"] == expected.period
    assert goal["target"] == expected.target
    assert goal["progress"]["actual"] == expected.actual
    assert goal["progress"]["ratio"] == pytest.approx(expected.ratio)
    assert goal["progress"]["onTrack"] is expected.berlin
    kind, holder = expected.scope or ("business", None)
    assert goal["scope"] == {"customer": "CUSTOMER", "owner": "OWNER"}.get(kind, "BUSINESS")
    customer = goal_world.customers[holder] if kind == "customer" and holder else None
    owner = goal_world.employees[holder] if kind == "owner" and holder else None
    assert (goal["customer"] or {}).get("id") == customer
    assert (goal["owner"] or {}).get("id") == owner


async def test_a_day_earlier_in_utc(
    settings: Settings, frozen_clock: object, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    """The same goals (their periods set in Berlin) read where today is still 10 March: one
    day less elapsed puts two of them back on track."""
    async with serving(settings, "UTC") as utc_http:
        for name, expected in GOALS.items():
            goal = (
                await data(utc_http, PROGRESS, {"id": goal_world.goals[name]}, key=goal_keys.admin)
            )["node"]
            assert goal["progress"]["actual"] == expected.actual, name
            assert goal["progress"]["onTrack"] is expected.utc, name

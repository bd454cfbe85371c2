"""The demo graph's goals: written through the goal writes, reached by some and missed by
others, whatever the day the demo is read."""

from __future__ import annotations

import httpx

from cdp.demo_data import load_demo_data
from cdp.store.graph import Graph
from tests.support.api import data

GOALS = "{ goals(first: 50) { nodes { scope metric progress { ratio onTrack } } } }"


async def test_the_demo_has_goals_on_and_off_track(graph: Graph, client: httpx.AsyncClient) -> None:
    await load_demo_data(graph, customers=40, seed=5)
    listed = (await data(client, GOALS))["goals"]["nodes"]
    assert sorted((goal["scope"], goal["metric"]) for goal in listed) == [
        ("BUSINESS", "NEW_CUSTOMERS"),
        ("BUSINESS", "ORDER_COUNT"),
        ("OWNER", "OUTBOUND_CONTACTS"),
        ("OWNER", "REVENUE"),
        ("OWNER", "REVENUE"),
    ]
    # Some reached, some missed.
    assert {goal["progress"]["onTrack"] for goal in listed} == {True, False}
    # Periods are over: on track exactly when the target was reached.
    assert all(goal["progress"]["onTrack"] is (goal["progress"]["ratio"] >= 1) for goal in listed)

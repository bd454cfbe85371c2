"""The root list of goals on the hand-built world: each filter alone and combined, the order,
pages, the actions of each scope, and the goals read from a customer and an employee."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.access.support import Keys, consent_event
from tests.integration.goals.world import GOALS, GoalWorld
from tests.support.api import Json, data, post

LIST = """
query ($filter: GoalFilter, $first: Int, $after: String) {
  goals(filter: $filter, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage endCursor }
  }
}
"""


def names(world: GoalWorld, ids: list[str]) -> set[str]:
    by_id = {goal_id: name for name, goal_id in world.goals.items()}
    return {by_id[goal_id] for goal_id in ids}


async def listed(http: httpx.AsyncClient, keys: Keys, world: GoalWorld, spec: Json) -> set[str]:
    page = (await data(http, LIST, {"filter": spec, "first": 50}, key=keys.analyst))["goals"]
    assert page["totalCount"] == len(page["nodes"])
    return names(world, [node["id"] for node in page["nodes"]])


def where(test: Any) -> set[str]:
    return {name for name, expected in GOALS.items() if test(expected)}


async def test_every_goal_unfiltered(
    berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    assert await listed(berlin, goal_keys, goal_world, {}) == set(GOALS)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"owner": "Eve"}, {"eve revenue", "eve new customers"}),
        ({"owner": "Finn"}, {"finn orders"}),
        ({"customer": "Ada"}, {"ada revenue", "ada orders", "ada contacts"}),
        ({"customer": "Bob"}, set()),
        ({"metric": ["REVENUE"]}, where(lambda e: e.metric == "REVENUE")),
        (
            {"metric": ["NEW_CUSTOMERS", "OUTBOUND_CONTACTS"]},
            where(lambda e: e.metric in ("NEW_CUSTOMERS", "OUTBOUND_CONTACTS")),
        ),
        ({"metric": []}, set()),
        ({"scope": ["BUSINESS"]}, where(lambda e: e.scope is None)),
        ({"scope": ["OWNER", "CUSTOMER"]}, where(lambda e: e.scope is not None)),
        ({"activeOn": "2026-04-30"}, {"april revenue"}),
        ({"activeOn": "2026-02-01"}, {"february orders", "february revenue"}),
        ({"activeOn": "2026-03-31"}, where(lambda e: e.period["from"] == "2026-03-01")),
        ({"onTrack": False}, where(lambda e: not e.berlin)),
        ({"onTrack": True}, where(lambda e: e.berlin)),
        ({"onTrack": False, "metric": ["REVENUE"]}, {"eve revenue", "february revenue"}),
        ({"owner": "Eve", "onTrack": True}, {"eve new customers"}),
    ],
)
async def test_filters(
    berlin: httpx.AsyncClient,
    goal_keys: Keys,
    goal_world: GoalWorld,
    spec: Json,
    expected: set[str],
) -> None:
    ids = {**goal_world.customers, **goal_world.employees}
    given = {
        key: ids[value] if key in ("owner", "customer") else value for key, value in spec.items()
    }
    assert await listed(berlin, goal_keys, goal_world, given) == expected


async def test_latest_period_first_in_pages(
    berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    """April, then March (ties by id, descending), then February; pages of five lose and
    repeat nothing."""
    by_start = sorted(
        GOALS, key=lambda name: (GOALS[name].period["from"], goal_world.goals[name]), reverse=True
    )
    seen: list[str] = []
    after = None
    while True:
        variables = {"first": 5, "after": after}
        page = (await data(berlin, LIST, variables, key=goal_keys.admin))["goals"]
        seen += [node["id"] for node in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [goal_world.goals[name] for name in by_start]
    assert by_start[0] == "april revenue"
    assert by_start[-2:] == sorted(
        ["february orders", "february revenue"], key=goal_world.goals.__getitem__, reverse=True
    )


ACTIONS = """
query ($id: ID!, $first: Int) {
  node(id: $id) { ... on Goal { actions(first: $first) { id direction occurredAt } } }
}
"""


@pytest.mark.parametrize(
    ("goal", "first", "expected"),
    [
        # Ada's touchpoints in March, newest first (02-27 is before it).
        ("ada revenue", None, ["Ada 03-04", "Ada 03-03"]),
        # Eve's accounts now: Ada and Bob (Cy went to Finn).
        ("eve revenue", None, ["Bob 03-09", "Ada 03-04", "Ada 03-03"]),
        ("finn orders", None, ["Cy 03-10"]),
        (
            "business contacts",
            None,
            ["Cy 03-10", "Bob 03-09", "Dee 03-05", "Ada 03-04", "Ada 03-03"],
        ),
        ("business contacts", 2, ["Cy 03-10", "Bob 03-09"]),
        ("february orders", None, ["Ada 02-27"]),
        ("april revenue", None, []),
    ],
)
async def test_actions(
    berlin: httpx.AsyncClient,
    goal_keys: Keys,
    goal_world: GoalWorld,
    goal: str,
    first: int | None,
    expected: list[str],
) -> None:
    variables = {"id": goal_world.goals[goal], "first": first}
    actions = (await data(berlin, ACTIONS, variables, key=goal_keys.agent))["node"]["actions"]
    assert [action["id"] for action in actions] == [goal_world.touchpoints[t] for t in expected]


async def test_actions_first_is_bounded(
    berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    variables = {"id": goal_world.goals["ada revenue"], "first": 100_000}
    body = await post(berlin, ACTIONS, variables, key=goal_keys.admin)
    assert body["errors"][0]["extensions"]["code"] == "VALUE_OUT_OF_RANGE"


HOLDERS = """
query ($customer: ID!, $employee: ID!) {
  customer(id: $customer) { goals { id progress { onTrack } } }
  node(id: $employee) { ... on Employee { goals { id metric } } }
}
"""


async def test_goals_of_a_customer_and_of_an_employee(
    berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    variables = {
        "customer": goal_world.customers["Ada"],
        "employee": goal_world.employees["Eve"],
    }
    answer = await data(berlin, HOLDERS, variables, key=goal_keys.analyst)
    ada = answer["customer"]["goals"]
    assert names(goal_world, [goal["id"] for goal in ada]) == {
        "ada revenue", "ada orders", "ada contacts"
    }  # fmt: skip
    assert {goal["id"]: goal["progress"]["onTrack"] for goal in ada} == {
        goal_world.goals[name]: GOALS[name].berlin
        for name in ("ada revenue", "ada orders", "ada contacts")
    }
    eve = answer["node"]["goals"]
    assert names(goal_world, [goal["id"] for goal in eve]) == {"eve revenue", "eve new customers"}


async def test_an_actions_customer_reads_as_any_customer_does(
    graph: Graph, berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    await consent_event(graph, goal_world.customers["Ada"], "GRANTED", purpose="MARKETING")
    query = """
    query ($id: ID!) {
      node(id: $id) { ... on Goal { actions { customer { name consent { purpose } } } } }
    }
    """
    for goal in ("ada revenue", "business contacts"):
        variables = {"id": goal_world.goals[goal]}
        actions = (await data(berlin, query, variables, key=goal_keys.admin))["node"]["actions"]
        adas = [a["customer"] for a in actions if a["customer"]["name"] == "Ada"]
        assert len(adas) == 2
        assert all(c["consent"] == [{"purpose": "MARKETING"}] for c in adas)

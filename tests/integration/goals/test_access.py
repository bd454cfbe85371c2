"""Who may do what with goals: admins and agents set, change and delete them, analysts read
them, partners reach none of it (no list, no goal by id, none through a customer) and run none
of the mutations."""

from __future__ import annotations

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.access.support import Keys, brought_by, consent_event
from tests.integration.customers.seed import utc
from tests.integration.goals.world import MARCH, GoalWorld
from tests.support.api import codes, data, post
from tests.support.graph import graph_state

SET = "mutation ($input: GoalInput!) { setGoal(input: $input) { id } }"
UPDATE = "mutation ($id: ID!) { updateGoal(id: $id, input: {target: {count: 7}}) { id } }"
DELETE = "mutation ($id: ID!) { deleteGoal(id: $id) }"
BUSINESS_GOAL = {"metric": "ORDER_COUNT", "target": {"count": 5}, "period": MARCH}


@pytest.mark.parametrize("role", ["admin", "agent"])
async def test_staff_set_update_and_delete(
    berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld, role: str
) -> None:
    key = goal_keys.of(role)
    goal_id = (await data(berlin, SET, {"input": BUSINESS_GOAL}, key=key))["setGoal"]["id"]
    assert (await data(berlin, UPDATE, {"id": goal_id}, key=key))["updateGoal"]["id"] == goal_id
    assert (await data(berlin, DELETE, {"id": goal_id}, key=key))["deleteGoal"] == goal_id


@pytest.mark.parametrize("role", ["analyst", "partner"])
async def test_analysts_and_partners_change_nothing(
    graph: Graph, berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld, role: str
) -> None:
    goal_id = goal_world.goals["business revenue"]
    before = await graph_state(graph)
    for mutation, variables, name in (
        (SET, {"input": BUSINESS_GOAL}, "setGoal"),
        (UPDATE, {"id": goal_id}, "updateGoal"),
        (DELETE, {"id": goal_id}, "deleteGoal"),
    ):
        body = await post(berlin, mutation, variables, key=goal_keys.of(role))
        assert codes(body) == ["FORBIDDEN"], body
        assert body["errors"][0]["extensions"]["field"] == name
    assert await graph_state(graph) == before


async def test_analysts_read_goals(
    berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    page = await data(berlin, "{ goals(first: 50) { totalCount } }", key=goal_keys.analyst)
    assert page["goals"]["totalCount"] == len(goal_world.goals)


async def test_partners_reach_no_goal(
    graph: Graph, berlin: httpx.AsyncClient, goal_keys: Keys, goal_world: GoalWorld
) -> None:
    """Not by the list, not by id (an id that names no goal answers the same), not through a
    customer the partner may see."""
    ada = goal_world.customers["Ada"]
    await brought_by(graph, goal_keys.partner_id, ada)
    await consent_event(graph, ada, "GRANTED", at=utc(2026, 1, 1))
    seen = await data(berlin, "query ($id: ID!) { customer(id: $id) { id } }", {"id": ada},
                      key=goal_keys.partner)  # fmt: skip
    assert seen == {"customer": {"id": ada}}  # the partner sees Ada herself
    reads: tuple[tuple[str, dict[str, str]], ...] = (
        ("{ goals { totalCount } }", {}),
        ("query ($id: ID!) { node(id: $id) { id } }", {"id": goal_world.goals["ada revenue"]}),
        (
            "query ($id: ID!) { node(id: $id) { __typename } }",
            {"id": "gol_00000000000000000000000000000000"},
        ),
        ("query ($id: ID!) { customer(id: $id) { goals { id } } }", {"id": ada}),
    )
    for query, variables in reads:
        body = await post(berlin, query, variables, key=goal_keys.partner)
        assert codes(body) == ["FORBIDDEN"], (query, body)
        assert not any((body.get("data") or {}).values())

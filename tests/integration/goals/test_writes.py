"""Setting, changing and deleting goals: what is stored, each refusal with its code and field
(writing nothing), updates, deletion, and the audit record each leaves."""

from __future__ import annotations

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.access.support import Keys
from tests.integration.goals.world import MARCH, GoalWorld, seed_goal_world
from tests.support.api import Json, codes, data, post
from tests.support.graph import graph_state

SET = """
mutation ($input: GoalInput!) {
  setGoal(input: $input) {
    id metric scope createdBy createdAt updatedAt period { from to }
    target { money { amount currency } count } progress { actual { count } }
  }
}
"""
UPDATE = """
mutation ($id: ID!, $input: GoalPatch!) {
  updateGoal(id: $id, input: $input) {
    id period { from to } target { money { amount } count } progress { ratio onTrack }
  }
}
"""
DELETE = "mutation ($id: ID!) { deleteGoal(id: $id) }"
READ = "query ($id: ID!) { node(id: $id) { id } }"


@pytest.fixture
async def world(graph: Graph, berlin: httpx.AsyncClient) -> GoalWorld:
    return await seed_goal_world(graph)


async def test_set_stores_the_goal_and_who_set_it(
    graph: Graph, berlin: httpx.AsyncClient, goal_keys: Keys, world: GoalWorld
) -> None:
    spec = {"metric": "REVENUE", "target": {"money": "1234.5"}, "period": MARCH}
    goal = (await data(berlin, SET, {"input": spec}, key=goal_keys.agent))["setGoal"]
    assert goal["id"].startswith("gol_")
    assert (goal["metric"], goal["scope"]) == ("REVENUE", "BUSINESS")
    assert goal["createdBy"] == goal_keys.ids["agent"]
    assert goal["createdAt"] == goal["updatedAt"]
    assert goal["period"] == MARCH
    assert goal["target"] == {"money": {"amount": "1234.50", "currency": "EUR"}, "count": None}
    assert goal["progress"]["actual"]["count"] is None
    [stored] = await graph.read(
        "MATCH (g:Goal {id: $id}) RETURN g.target AS target, g.currency AS currency, "
        "toString(g.startsAt) AS starts, toString(g.endsAt) AS ends",
        {"id": goal["id"]},
    )
    # Minor units; the period's bounds are Berlin's midnights: CET, then CEST from 29 March.
    assert stored == {
        "target": 123450,
        "currency": "EUR",
        "starts": "2026-02-28T23:00:00Z",
        "ends": "2026-03-31T22:00:00Z",
    }
    [audit] = await graph.read(
        "MATCH (a:AuditRecord {operation: 'setGoal'}) RETURN a.kind AS kind, a.by AS by"
    )
    assert audit == {"kind": "MUTATION", "by": goal_keys.ids["agent"]}


async def test_a_customer_goal_is_audited_with_its_customer(
    graph: Graph, berlin: httpx.AsyncClient, goal_keys: Keys, world: GoalWorld
) -> None:
    ada = world.customers["Ada"]
    spec = {"metric": "ORDER_COUNT", "target": {"count": 3}, "period": MARCH, "customerId": ada}
    goal = (await data(berlin, SET, {"input": spec}, key=goal_keys.admin))["setGoal"]
    await data(berlin, DELETE, {"id": goal["id"]}, key=goal_keys.admin)
    rows = await graph.read(
        "MATCH (a:AuditRecord) RETURN a.operation AS operation, a.customerIds AS customers "
        "ORDER BY a.at"
    )
    assert rows == [
        {"operation": "setGoal", "customers": [ada]},
        {"operation": "deleteGoal", "customers": [ada]},
    ]


def refused(**given: object) -> Json:
    spec: Json = {"metric": "ORDER_COUNT", "target": {"count": 5}, "period": MARCH}
    spec.update(given)
    return spec


REFUSALS = [
    # (name, input (ids by name), code, field, limit)
    ("new customers of one customer", refused(metric="NEW_CUSTOMERS", customerId="Ada"),
     "BAD_USER_INPUT", "input.customerId", None),
    ("customer and owner", refused(customerId="Ada", ownerId="Eve"),
     "BAD_USER_INPUT", "input.ownerId", None),
    ("not a customer id", refused(customerId="emp_0123"),
     "BAD_USER_INPUT", "input.customerId", None),
    ("no such customer", refused(customerId="cus_00000000000000000000000000000000"),
     "NOT_FOUND", "input.customerId", None),
    ("no such owner", refused(ownerId="emp_00000000000000000000000000000000"),
     "NOT_FOUND", "input.ownerId", None),
    ("to before from", refused(period={"from": "2026-03-02", "to": "2026-03-01"}),
     "VALUE_OUT_OF_RANGE", "input.period.to", ">= from"),
    ("367 days", refused(period={"from": "2026-01-01", "to": "2027-01-02"}),
     "VALUE_OUT_OF_RANGE", "input.period.to", 366),
    ("year 3000", refused(period={"from": "3000-01-01", "to": "3000-01-31"}),
     "VALUE_OUT_OF_RANGE", "input.period.from", "2000-01-01..2999-12-31"),
    ("count for revenue", refused(metric="REVENUE", target={"count": 5}),
     "BAD_USER_INPUT", "input.target.count", None),
    ("money for a count", refused(target={"money": "5"}),
     "BAD_USER_INPUT", "input.target.money", None),
    ("no target", refused(target={}), "BAD_USER_INPUT", "input.target.count", None),
    ("zero count", refused(target={"count": 0}), "VALUE_OUT_OF_RANGE", "input.target.count",
     "1..10000000"),
    ("count too large", refused(target={"count": 10_000_001}), "VALUE_OUT_OF_RANGE",
     "input.target.count", "1..10000000"),
    ("zero money", refused(metric="REVENUE", target={"money": "0.00"}),
     "VALUE_OUT_OF_RANGE", "input.target.money", "> 0"),
    ("negative money", refused(metric="REVENUE", target={"money": "-5"}),
     "VALUE_OUT_OF_RANGE", "input.target.money", "> 0"),
    ("money too large", refused(metric="REVENUE", target={"money": "10000000000000.01"}),
     "VALUE_OUT_OF_RANGE", "input.target.money", "10000000000000.00"),
    ("a third decimal", refused(metric="REVENUE", target={"money": "1.005"}),
     "BAD_USER_INPUT", "input.target.money", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("spec", "code", "field", "limit"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
async def test_refusals_write_nothing(
    graph: Graph,
    berlin: httpx.AsyncClient,
    goal_keys: Keys,
    world: GoalWorld,
    spec: Json,
    code: str,
    field: str,
    limit: object,
) -> None:
    ids = {**world.customers, **world.employees}
    for key in ("customerId", "ownerId"):
        if key in spec:
            spec = {**spec, key: ids.get(spec[key], spec[key])}
    before = await graph_state(graph)
    body = await post(berlin, SET, {"input": spec}, key=goal_keys.admin)
    assert codes(body) == [code], body
    extensions = body["errors"][0]["extensions"]
    assert extensions.get("field") == field
    assert extensions.get("limit") == limit
    assert body["data"] is None
    assert await graph_state(graph) == before


async def test_update_changes_target_and_period_only(
    berlin: httpx.AsyncClient, goal_keys: Keys, world: GoalWorld
) -> None:
    eve = world.employees["Eve"]
    spec = {"metric": "REVENUE", "target": {"money": "1000"}, "period": MARCH, "ownerId": eve}
    goal = (await data(berlin, SET, {"input": spec}, key=goal_keys.agent))["setGoal"]
    # 35000 of 100000 is off track on 11 March (see world.GOALS["eve revenue"]).
    first = await data(berlin, UPDATE, {"id": goal["id"], "input": {}}, key=goal_keys.agent)
    assert first["updateGoal"]["progress"] == {"ratio": pytest.approx(0.35), "onTrack": False}
    # Half the target: on track.
    patch = {"target": {"money": "500"}}
    second = await data(berlin, UPDATE, {"id": goal["id"], "input": patch}, key=goal_keys.agent)
    assert second["updateGoal"]["target"] == {"money": {"amount": "500.00"}, "count": None}
    assert second["updateGoal"]["progress"] == {"ratio": pytest.approx(0.7), "onTrack": True}
    # March's first week only: still Ada's A1 and A2 and Bob's B1; the week is over and its
    # target was not reached.
    patch = {"period": {"from": "2026-03-01", "to": "2026-03-07"}}
    third = await data(berlin, UPDATE, {"id": goal["id"], "input": patch}, key=goal_keys.agent)
    assert third["updateGoal"]["period"] == {"from": "2026-03-01", "to": "2026-03-07"}
    assert third["updateGoal"]["progress"] == {"ratio": pytest.approx(0.7), "onTrack": False}
    assert third["updateGoal"]["target"]["money"] == {"amount": "500.00"}


@pytest.mark.parametrize(
    ("patch", "code", "field"),
    [
        ({"target": {"count": 4}}, "BAD_USER_INPUT", "input.target.count"),
        ({"target": {"money": "0"}}, "VALUE_OUT_OF_RANGE", "input.target.money"),
        (
            {"period": {"from": "2026-03-01", "to": "2027-03-02"}},  # 367 days
            "VALUE_OUT_OF_RANGE",
            "input.period.to",
        ),
    ],
)
async def test_update_refusals(
    graph: Graph,
    berlin: httpx.AsyncClient,
    goal_keys: Keys,
    world: GoalWorld,
    patch: Json,
    code: str,
    field: str,
) -> None:
    spec = {"metric": "REVENUE", "target": {"money": "10"}, "period": MARCH}
    goal = (await data(berlin, SET, {"input": spec}, key=goal_keys.agent))["setGoal"]
    before = await graph_state(graph)
    body = await post(berlin, UPDATE, {"id": goal["id"], "input": patch}, key=goal_keys.agent)
    assert codes(body) == [code]
    assert body["errors"][0]["extensions"]["field"] == field
    assert await graph_state(graph) == before


async def test_delete_once(
    graph: Graph, berlin: httpx.AsyncClient, goal_keys: Keys, world: GoalWorld
) -> None:
    spec = {"metric": "NEW_CUSTOMERS", "target": {"count": 2}, "period": MARCH}
    spec["ownerId"] = world.employees["Finn"]
    goal_id = (await data(berlin, SET, {"input": spec}, key=goal_keys.agent))["setGoal"]["id"]
    assert (await data(berlin, DELETE, {"id": goal_id}, key=goal_keys.agent)) == {
        "deleteGoal": goal_id
    }
    assert (await data(berlin, READ, {"id": goal_id}, key=goal_keys.admin)) == {"node": None}
    [left] = await graph.read(
        "MATCH (e:Employee {id: $id}) RETURN COUNT { (e)-[:HAS_GOAL]->() } AS goals",
        {"id": world.employees["Finn"]},
    )
    assert left == {"goals": 0}
    for mutation, variables in (
        (DELETE, {"id": goal_id}),
        (UPDATE, {"id": goal_id, "input": {"target": {"count": 3}}}),
    ):
        body = await post(berlin, mutation, variables, key=goal_keys.agent)
        assert codes(body) == ["NOT_FOUND"]
        assert body["errors"][0]["extensions"]["field"] == "id"


async def test_a_goal_of_a_deleted_customer_stays_a_customer_goal(
    graph: Graph, berlin: httpx.AsyncClient, goal_keys: Keys, world: GoalWorld
) -> None:
    """Its customer reads null and it counts nothing: it does not become the business's."""
    spec = {"metric": "ORDER_COUNT", "target": {"count": 1}, "period": MARCH}
    spec["customerId"] = world.customers["Bob"]
    goal_id = (await data(berlin, SET, {"input": spec}, key=goal_keys.agent))["setGoal"]["id"]
    await graph.write_query(
        "MATCH (c:Customer {id: $id}) DETACH DELETE c", {"id": world.customers["Bob"]}
    )
    query = (
        "query ($id: ID!) { node(id: $id) { ... on Goal { scope customer { id } "
        "progress { actual { count } } actions { id } } } }"
    )
    goal = (await data(berlin, query, {"id": goal_id}, key=goal_keys.admin))["node"]
    assert goal == {
        "scope": "CUSTOMER",
        "customer": None,
        "progress": {"actual": {"count": 0}},
        "actions": [],
    }

"""linkInfluence and unlinkInfluence: one influence per ordered pair, idempotent unlinking."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.api import Json
from tests.support.graph import count_relationships, graph_state
from tests.support.mutations import UNKNOWN_CUSTOMER, Api, iso

INFLUENCE_FIELDS = "customer { id name } strength kind since evidence"
LINK = (
    f"mutation($input: InfluenceInput!) {{ linkInfluence(input: $input) {{ {INFLUENCE_FIELDS} }} }}"
)
UNLINK = "mutation($input: InfluencePairInput!) { unlinkInfluence(input: $input) }"
BOTH_SIDES = f"influences {{ {INFLUENCE_FIELDS} }} influencedBy {{ {INFLUENCE_FIELDS} }}"


@dataclass(frozen=True)
class Pair:
    leader: str
    follower: str


@pytest.fixture
async def pair(api: Api) -> Pair:
    return Pair(
        leader=await api.create_customer("Leader"),
        follower=await api.create_customer("Follower"),
    )


async def link(api: Api, values: Json) -> Json:
    result: Json = (await api.data(LINK, {"input": values}))["linkInfluence"]
    return result


async def test_link_influence_shows_on_both_customers(api: Api, pair: Pair) -> None:
    before = datetime.now(UTC)
    linked = await link(
        api,
        {
            "fromId": pair.leader,
            "toId": pair.follower,
            "strength": 0.6,
            "kind": "OPINION_LEADER",
            "evidence": " Follows every recommendation ",
        },
    )
    # `customer` of the result is the influenced one.
    assert linked["customer"] == {"id": pair.follower, "name": "Follower"}
    assert linked["strength"] == 0.6
    assert linked["kind"] == "OPINION_LEADER"
    assert linked["evidence"] == "Follows every recommendation"
    assert before - timedelta(seconds=1) <= iso(linked["since"]) <= datetime.now(UTC)

    leader = await api.customer(pair.leader, BOTH_SIDES)
    assert leader == {"influences": [linked], "influencedBy": []}
    follower = await api.customer(pair.follower, BOTH_SIDES)
    assert follower == {
        "influences": [],
        "influencedBy": [{**linked, "customer": {"id": pair.leader, "name": "Leader"}}],
    }
    assert await count_relationships(api.graph, "INFLUENCES") == 1


async def test_linking_the_same_pair_again_updates_the_one_influence(api: Api, pair: Pair) -> None:
    first = await link(
        api,
        {
            "fromId": pair.leader,
            "toId": pair.follower,
            "strength": 0.3,
            "kind": "PEER",
            "since": "2020-02-02T00:00:00Z",
        },
    )
    second = await link(
        api,
        {
            "fromId": pair.leader,
            "toId": pair.follower,
            "strength": 0.9,
            "kind": "FAMILY",
            "evidence": "Siblings",
        },
    )
    assert second["strength"] == 0.9
    assert second["kind"] == "FAMILY"
    assert second["evidence"] == "Siblings"
    assert second["since"] == first["since"]  # kept when not given
    assert iso(second["since"]) == datetime(2020, 2, 2, tzinfo=UTC)
    assert await count_relationships(api.graph, "INFLUENCES") == 1
    leader = await api.customer(pair.leader, f"influences {{ {INFLUENCE_FIELDS} }}")
    assert leader == {"influences": [second]}

    # The same input once more writes nothing.
    state = await graph_state(api.graph)
    third = await link(
        api,
        {
            "fromId": pair.leader,
            "toId": pair.follower,
            "strength": 0.9,
            "kind": "FAMILY",
            "evidence": "Siblings",
        },
    )
    assert third == second
    assert await graph_state(api.graph) == state


async def test_influence_in_both_directions_are_two(api: Api, pair: Pair) -> None:
    await link(api, {"fromId": pair.leader, "toId": pair.follower, "strength": 0.8, "kind": "PEER"})
    await link(
        api, {"fromId": pair.follower, "toId": pair.leader, "strength": 0.1, "kind": "COLLEAGUE"}
    )
    assert await count_relationships(api.graph, "INFLUENCES") == 2
    leader = await api.customer(pair.leader, "influences { strength } influencedBy { strength }")
    assert leader == {"influences": [{"strength": 0.8}], "influencedBy": [{"strength": 0.1}]}


@pytest.mark.parametrize("strength", [0.0, 1.0])
async def test_strength_bounds_are_allowed(api: Api, pair: Pair, strength: float) -> None:
    linked = await link(
        api, {"fromId": pair.leader, "toId": pair.follower, "strength": strength, "kind": "PEER"}
    )
    assert linked["strength"] == strength


PairCase = tuple[str, Callable[[Pair], Json], str, str]
LINK_ERRORS: list[PairCase] = [
    (
        "strength below 0",
        lambda p: {"fromId": p.leader, "toId": p.follower, "strength": -0.01},
        "BAD_USER_INPUT",
        "input.strength",
    ),
    (
        "strength above 1",
        lambda p: {"fromId": p.leader, "toId": p.follower, "strength": 1.01},
        "BAD_USER_INPUT",
        "input.strength",
    ),
    (
        "self-influence",
        lambda p: {"fromId": p.leader, "toId": p.leader, "strength": 0.5},
        "BAD_USER_INPUT",
        "input.toId",
    ),
    (
        "unknown influencer",
        lambda p: {"fromId": UNKNOWN_CUSTOMER, "toId": p.follower, "strength": 0.5},
        "NOT_FOUND",
        "input.fromId",
    ),
    (
        "unknown influenced",
        lambda p: {"fromId": p.leader, "toId": UNKNOWN_CUSTOMER, "strength": 0.5},
        "NOT_FOUND",
        "input.toId",
    ),
    (
        "malformed influencer",
        lambda p: {"fromId": "leader", "toId": p.follower, "strength": 0.5},
        "BAD_USER_INPUT",
        "input.fromId",
    ),
    (
        "malformed influenced",
        lambda p: {"fromId": p.leader, "toId": "emp_" + "1" * 32, "strength": 0.5},
        "BAD_USER_INPUT",
        "input.toId",
    ),
    (
        "evidence too long",
        lambda p: {
            "fromId": p.leader,
            "toId": p.follower,
            "strength": 0.5,
            "evidence": "e" * 10_001,
        },
        "TEXT_TOO_LONG",
        "input.evidence",
    ),
]


@pytest.mark.parametrize(
    ("make_input", "code", "field"),
    [pytest.param(i, c, f, id=name) for name, i, c, f in LINK_ERRORS],
)
async def test_link_influence_rejects(
    api: Api, pair: Pair, make_input: Callable[[Pair], Json], code: str, field: str
) -> None:
    # An existing influence, which a rejected link must leave as it is.
    await link(api, {"fromId": pair.leader, "toId": pair.follower, "strength": 0.4, "kind": "PEER"})
    await api.rejected(
        LINK, {"input": {"kind": "REFERRAL", **make_input(pair)}}, code=code, field=field
    )


async def test_link_influence_rejects_unknown_kinds(api: Api, pair: Pair) -> None:
    await api.rejected(
        f'mutation {{ linkInfluence(input: {{fromId: "{pair.leader}", toId: "{pair.follower}", '
        "strength: 0.5, kind: GURU}) { strength } }",
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


# --- unlinkInfluence --------------------------------------------------------------------------


async def test_unlink_influence_is_idempotent(api: Api, pair: Pair) -> None:
    await link(api, {"fromId": pair.leader, "toId": pair.follower, "strength": 0.5, "kind": "PEER"})
    await link(api, {"fromId": pair.follower, "toId": pair.leader, "strength": 0.2, "kind": "PEER"})

    pair_input = {"fromId": pair.leader, "toId": pair.follower}
    assert await api.data(UNLINK, {"input": pair_input}) == {"unlinkInfluence": True}
    assert await api.customer(pair.leader, "influences { strength }") == {"influences": []}
    assert await api.customer(pair.follower, "influencedBy { strength }") == {"influencedBy": []}
    # The other direction is another influence and stays.
    assert await api.customer(pair.follower, "influences { customer { id } }") == {
        "influences": [{"customer": {"id": pair.leader}}]
    }
    assert await count_relationships(api.graph, "INFLUENCES") == 1

    state = await graph_state(api.graph)
    assert await api.data(UNLINK, {"input": pair_input}) == {"unlinkInfluence": False}
    assert await graph_state(api.graph) == state


async def test_unlink_of_a_pair_never_linked_is_false(api: Api, pair: Pair) -> None:
    await link(api, {"fromId": pair.leader, "toId": pair.follower, "strength": 0.5, "kind": "PEER"})
    reverse = {"fromId": pair.follower, "toId": pair.leader}
    assert await api.data(UNLINK, {"input": reverse}) == {"unlinkInfluence": False}
    assert await count_relationships(api.graph, "INFLUENCES") == 1


UNLINK_ERRORS: list[PairCase] = [
    ("self", lambda p: {"fromId": p.leader, "toId": p.leader}, "BAD_USER_INPUT", "input.toId"),
    (
        "unknown influencer",
        lambda p: {"fromId": UNKNOWN_CUSTOMER, "toId": p.follower},
        "NOT_FOUND",
        "input.fromId",
    ),
    (
        "unknown influenced",
        lambda p: {"fromId": p.leader, "toId": UNKNOWN_CUSTOMER},
        "NOT_FOUND",
        "input.toId",
    ),
    (
        "malformed influencer",
        lambda p: {"fromId": "cus-1", "toId": p.follower},
        "BAD_USER_INPUT",
        "input.fromId",
    ),
    (
        "malformed influenced",
        lambda p: {"fromId": p.leader, "toId": ""},
        "BAD_USER_INPUT",
        "input.toId",
    ),
]


@pytest.mark.parametrize(
    ("make_input", "code", "field"),
    [pytest.param(i, c, f, id=name) for name, i, c, f in UNLINK_ERRORS],
)
async def test_unlink_influence_rejects(
    api: Api, pair: Pair, make_input: Callable[[Pair], Json], code: str, field: str
) -> None:
    await link(api, {"fromId": pair.leader, "toId": pair.follower, "strength": 0.4, "kind": "PEER"})
    await api.rejected(UNLINK, {"input": make_input(pair)}, code=code, field=field)


async def test_50_concurrent_links_and_unlinks_of_one_pair(api: Api, pair: Pair) -> None:
    """Links and unlinks of one pair, in both directions, interleaved: none fails, and each
    direction ends with one influence or none, never two."""
    forward = {"fromId": pair.leader, "toId": pair.follower}
    backward = {"fromId": pair.follower, "toId": pair.leader}
    calls = []
    for n in range(50):
        if n % 5 == 4:
            calls.append(api.post(UNLINK, {"input": forward}))
        elif n % 5 == 3:
            calls.append(api.post(UNLINK, {"input": backward}))
        else:
            ends = backward if n % 5 == 2 else forward
            values = {**ends, "strength": round(0.01 * n, 2), "kind": "PEER"}
            calls.append(api.post(LINK, {"input": values}))
    results = await asyncio.gather(*calls)
    assert [body.get("errors") for body in results] == [None] * 50
    rows = await api.graph.read(
        "MATCH (a:Customer)-[i:INFLUENCES]->(b:Customer) RETURN a.id AS a, b.id AS b"
    )
    directions = [(row["a"], row["b"]) for row in rows]
    assert len(directions) == len(set(directions)), directions
    assert set(directions) <= {(pair.leader, pair.follower), (pair.follower, pair.leader)}
    # And the pair keeps working afterwards.
    await link(api, {**forward, "strength": 0.5, "kind": "PEER"})
    assert await count_relationships(api.graph, "INFLUENCES") in (1, 2)

"""The "nothing was written" checks compare whole-graph snapshots: they must see any change."""

from __future__ import annotations

from tests.support.graph import graph_state
from tests.support.mutations import Api, Refs


async def test_graph_state_notices_a_changed_property(api: Api, refs: Refs) -> None:
    before = await graph_state(api.graph)
    await api.data(
        'mutation($id: ID!) { updateEmployee(id: $id, input: {title: "Lead"}) { id } }',
        {"id": refs.employee},
    )
    after = await graph_state(api.graph)
    assert after.nodes == before.nodes
    assert after.relationships == before.relationships
    assert after.content != before.content


async def test_graph_state_notices_a_changed_relationship_property(api: Api, refs: Refs) -> None:
    await api.link(refs.person, refs.organization, 0.5)
    before = await graph_state(api.graph)
    await api.link(refs.person, refs.organization, 0.6)
    after = await graph_state(api.graph)
    assert after.relationships == before.relationships
    assert after.content != before.content


async def test_graph_state_is_stable_without_writes(api: Api, refs: Refs) -> None:
    assert await graph_state(api.graph) == await graph_state(api.graph)

"""A partner writes external ids only in its own systems, and learns nothing of customers it may
not see through them: no existence, no internal id, on the single and the bulk path.

The world is `test_idor`'s: the partner owns `crm` (where all fifty hidden customers have an
id) and the other partner owns `other`, where one of the other partner's customers has an id.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cdp.access.policy import FULL_ACCESS
from cdp.partners.systems import assign_system
from cdp.read_model import READ_MODEL
from cdp.request import Operation
from cdp.store.graph import Graph
from tests.integration.access.support import Keys, make_keys
from tests.integration.access.test_idor import IdorWorld, seed_idor_world
from tests.support.api import Json, data, post
from tests.support.graph import graph_state

UPSERT = """
mutation($key: ExternalIdInput!, $input: CustomerInput!) {
  upsertCustomer(externalId: $key, input: $input) { customer { id name } created }
}
"""
CREATE = "mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }"
UPDATE = (
    "mutation($id: ID!, $input: CustomerPatch!) { updateCustomer(id: $id, input: $input) { id } }"
)
BULK = """
mutation($rows: [CustomerUpsertRow!]!) {
  upsertCustomers(rows: $rows) { created updated unchanged customerIds }
}
"""
ASSIGN = """
mutation($p: ID!, $s: String!, $a: Boolean!) {
  assignPartnerSystem(partnerId: $p, system: $s, assigned: $a)
}
"""


@pytest.fixture
async def keys(graph: Graph) -> Keys:
    return await make_keys(graph, "Systems Partner")


@pytest.fixture
async def world(graph: Graph, keys: Keys) -> IdorWorld:
    w = await seed_idor_world(graph, keys.partner_id)
    op = Operation.of(graph, FULL_ACCESS, "assignPartnerSystem", registry=READ_MODEL)
    await assign_system(op, w.other_partner, "other", assigned=True)
    # One of the other partner's customers, known in its system.
    await graph.write_query(
        "MATCH (c:Customer {id: $id}) CREATE (c)-[:IDENTIFIED_BY]->(:ExternalId "
        "{system: 'other', value: 'O-1'})",
        {"id": w.hidden_in("other partner's")[0].id},
    )
    return w


async def refused(
    client: httpx.AsyncClient, graph: Graph, key: str, query: str, variables: Json
) -> Json:
    """Post as `key`; the first error, after checking that nothing at all was written and that
    no message names a customer."""
    before = await graph_state(graph)
    body = await post(client, query, variables, key=key)
    assert body.get("errors"), body
    assert body.get("data") is None, body
    assert await graph_state(graph) == before, body
    for error in body["errors"]:
        assert "cus_" not in error["message"], error
    first: Json = body["errors"][0]
    return first


def row(system: str, value: str, **customer: Any) -> Json:
    return {
        "externalId": {"system": system, "value": value},
        "customer": {"name": value, **customer},
    }


async def test_a_hidden_customer_through_the_partners_own_system_is_refused_without_an_id(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    """The partner's own key points at a customer it may no longer (or never) see: refused,
    nothing written, the same answer on the single and the bulk path, and no id."""
    for category in sorted({person.category for person in world.hidden}):
        hidden = world.hidden_in(category)[0]
        single = await refused(
            client,
            graph,
            keys.partner,
            UPSERT,
            {"key": {"system": "crm", "value": hidden.external}, "input": {"name": "Taken Over"}},
        )
        assert single["extensions"] == {"code": "NOT_FOUND", "field": "externalId"}, category
        rows = [row("crm", "fresh-row"), row("crm", hidden.external)]
        bulk = await refused(client, graph, keys.partner, BULK, {"rows": rows})
        assert bulk["extensions"] == {"code": "NOT_FOUND", "field": "rows[1].externalId"}
        assert bulk["message"] == single["message"], category
        assert hidden.id not in str(single) + str(bulk)


async def test_a_hidden_customers_id_in_a_create_is_a_conflict_without_an_id(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    hidden = world.hidden_in("consent withdrawn")[0]
    visible = world.visible[0]
    for holder in (hidden, visible):  # the same answer whoever holds the id
        taken = [{"system": "crm", "value": "fresh"}, {"system": "crm", "value": holder.external}]
        error = await refused(
            client, graph, keys.partner, CREATE, {"input": {"name": "X", "externalIds": taken}}
        )
        assert error["extensions"] == {"code": "CONFLICT", "field": "input.externalIds[1]"}
        assert holder.external not in error["message"]


SYSTEM_WRITES: list[tuple[str, str, Any, str]] = [
    (
        "upsert key",
        UPSERT,
        lambda system, value, w: {
            "key": {"system": system, "value": value},
            "input": {"name": "X"},
        },
        "externalId.system",
    ),
    (
        "upsert input",
        UPSERT,
        lambda system, value, w: {
            "key": {"system": "crm", "value": "fresh"},
            "input": {"name": "X", "externalIds": [{"system": system, "value": value}]},
        },
        "input.externalIds[0].system",
    ),
    (
        "create",
        CREATE,
        lambda system, value, w: {
            "input": {
                "name": "X",
                "externalIds": [
                    {"system": "crm", "value": "fresh"},
                    {"system": system, "value": value},
                ],
            }
        },
        "input.externalIds[1].system",
    ),
    (
        "update",
        UPDATE,
        lambda system, value, w: {
            "id": w.visible[0].id,
            "input": {"externalIds": [{"system": system, "value": value}]},
        },
        "input.externalIds[0].system",
    ),
    (
        "bulk key",
        BULK,
        lambda system, value, w: {"rows": [row("crm", "fresh"), row(system, value)]},
        "rows[1].externalId.system",
    ),
    (
        "bulk input",
        BULK,
        lambda system, value, w: {
            "rows": [row("crm", "fresh", externalIds=[{"system": system, "value": value}])]
        },
        "rows[0].customer.externalIds[0].system",
    ),
]


@pytest.mark.parametrize(
    ("query", "make", "field"),
    [pytest.param(q, m, f, id=name) for name, q, m, f in SYSTEM_WRITES],
)
async def test_another_partners_or_an_unassigned_system_is_forbidden_on_the_system(
    client: httpx.AsyncClient,
    graph: Graph,
    keys: Keys,
    world: IdorWorld,
    query: str,
    make: Any,
    field: str,
) -> None:
    """Refused on the system, whether or not a customer holds the id: the answer cannot tell."""
    answers = []
    for system, value in (("other", "O-1"), ("other", "absent"), ("nobody's", "O-1")):
        error = await refused(client, graph, keys.partner, query, make(system, value, world))
        assert error["extensions"] == {"code": "FORBIDDEN", "field": field}, (system, value)
        answers.append(error["message"])
    assert len(set(answers)) == 1


async def test_staff_write_in_every_system(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    other = world.hidden_in("other partner's")[0]
    for key in (keys.admin, keys.agent):
        upserted = await data(
            client,
            UPSERT,
            {"key": {"system": "other", "value": "O-1"}, "input": {"name": "Renamed"}},
            key=key,
        )
        assert upserted["upsertCustomer"]["customer"]["id"] == other.id
        assert upserted["upsertCustomer"]["created"] is False
    created = await data(
        client, BULK, {"rows": [row("unowned", "U-1"), row("other", "O-2")]}, key=keys.agent
    )
    assert created["upsertCustomers"]["created"] == 2


async def test_admins_assign_and_take_back_systems_through_the_api(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    new_key = {"key": {"system": "erp", "value": "E-1"}, "input": {"name": "Erin"}}
    error = await refused(client, graph, keys.partner, UPSERT, new_key)
    assert error["extensions"] == {"code": "FORBIDDEN", "field": "externalId.system"}

    assign = {"p": keys.partner_id, "s": "erp", "a": True}
    assert (await data(client, ASSIGN, assign, key=keys.admin))["assignPartnerSystem"] is True
    assert (await data(client, ASSIGN, assign, key=keys.admin))["assignPartnerSystem"] is False
    created = await data(client, UPSERT, new_key, key=keys.partner)
    assert created["upsertCustomer"]["created"] is True

    # One owner per system; only admins assign; an unknown partner is not found.
    taken = await refused(
        client, graph, keys.admin, ASSIGN, {"p": world.other_partner, "s": "erp", "a": True}
    )
    assert taken["extensions"] == {"code": "CONFLICT", "field": "system"}
    for role in ("agent", "partner"):
        body = await post(client, ASSIGN, assign, key=keys.of(role))
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", role
    unknown = {"p": "ptn_" + "0" * 32, "s": "erp2", "a": True}
    missing = await refused(client, graph, keys.admin, ASSIGN, unknown)
    assert missing["extensions"] == {"code": "NOT_FOUND", "field": "partnerId"}

    taken_back = {"p": keys.partner_id, "s": "erp", "a": False}
    assert (await data(client, ASSIGN, taken_back, key=keys.admin))["assignPartnerSystem"] is True
    error = await refused(client, graph, keys.partner, UPSERT, new_key)
    assert error["extensions"] == {"code": "FORBIDDEN", "field": "externalId.system"}


async def test_updating_a_hidden_customer_answers_as_for_an_unknown_id(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    """Whatever else the input gets wrong, a customer the partner may not see is not found
    first, with the very answer an id nobody has gets."""
    bad_source = {"acquisition": {"sourceId": "src_" + "0" * 32}}
    taken = {"externalIds": [{"system": "crm", "value": world.visible[0].external}]}
    for patch in (bad_source, taken, {"name": "X"}):
        unknown = await refused(
            client, graph, keys.partner, UPDATE, {"id": "cus_" + "0" * 32, "input": patch}
        )
        for category in sorted({person.category for person in world.hidden}):
            hidden = world.hidden_in(category)[0]
            error = await refused(
                client, graph, keys.partner, UPDATE, {"id": hidden.id, "input": patch}
            )
            assert error == unknown, (category, patch)
    assert unknown["extensions"] == {"code": "NOT_FOUND", "field": "id"}

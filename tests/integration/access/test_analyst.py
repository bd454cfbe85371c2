"""Names and e-mails as oracles: without `pii:read` a key may not filter, sort or search by them,
nor learn them from the order or the cursors of a customer list; with it, an analyst reads
everything unmasked, exactly as an admin does.

The world: four customers created in an order unlike their names' (Zed, Ada, Mia, then the
organization Nova Works), every personal field set, all visible to the partner.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import httpx
import pytest

from cdp.store.graph import Graph
from tests.integration.access.support import (
    Keys,
    add_full_address,
    add_full_contact,
    add_full_customer,
    brought_by,
    consent_event,
    make_keys,
)
from tests.integration.customers.seed import add_touchpoint, influence, new_id, utc
from tests.support.api import Json, codes, data, post

NO_PII_ROLES = ("agent", "analyst", "partner")


@dataclass
class AnalystWorld:
    zed: str
    ada: str
    mia: str
    nova: str
    names: dict[str, str]  # id -> name, in creation order


async def seed_analyst_world(graph: Graph, partner_id: str) -> AnalystWorld:
    people = [
        ("Zed Zimmer", "PERSON", ["zed@zimmer.example"]),
        ("Ada Lovelace", "PERSON", ["ada@example.com", "ada.lovelace@analytical.org"]),
        ("Mia Miller", "PERSON", ["mia@miller.example"]),
        ("Nova Works", "ORGANIZATION", ["hello@nova.example"]),
    ]
    names: dict[str, str] = {}
    for month, (name, kind, emails) in enumerate(people, start=1):
        customer = await add_full_customer(
            graph,
            new_id("cus"),
            name,
            kind=kind,
            created_at=utc(2024, month, 1),
            emails=emails,
            phones=[f"+44 20 7946 000{month}"],
        )
        names[customer] = name
        await add_full_address(graph, customer)
        await add_touchpoint(
            graph,
            customer,
            "PHONE",
            "INQUIRY",
            utc(2024, month, 2),
            summary=f"Call with {name}",
        )
        await brought_by(graph, partner_id, customer)
        await consent_event(graph, customer, "GRANTED", at=utc(2024, 1, 1))
    zed, ada, mia, nova = names
    await add_full_contact(graph, new_id("con"), nova, ada, "Ada Lovelace")
    await influence(graph, ada, zed, 0.7, "PEER")
    await graph.write_query(
        "MATCH (:Customer)-[:HAD]->(t:Touchpoint) SET t.outcome = 'Promised a discount'"
    )
    return AnalystWorld(zed=zed, ada=ada, mia=mia, nova=nova, names=names)


@pytest.fixture
async def keys(graph: Graph) -> Keys:
    return await make_keys(graph, "Analyst Partner")


@pytest.fixture
async def world(graph: Graph, keys: Keys) -> AnalystWorld:
    return await seed_analyst_world(graph, keys.partner_id)


LIST = """
query($filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(filter: $filter, orderBy: $orderBy, first: 100) {
    totalCount nodes { id name emails }
  }
}
"""
SEARCH = 'query { searchCustomers(text: "ada") { score customer { id name emails } } }'

# Every way the filter can carry a condition on a name or an e-mail.
PII_FILTERS: list[tuple[str, Json]] = [
    ("name contains", {"name": {"contains": "lov"}}),
    ("name equals", {"name": {"equals": "Ada Lovelace"}}),
    ("name startsWith", {"name": {"startsWith": "Ad"}}),
    ("email contains", {"email": {"contains": "analytical"}}),
    ("email equals", {"email": {"equals": "ada@example.com"}}),
    ("email startsWith", {"email": {"startsWith": "ada"}}),
    ("in AND", {"AND": [{"kind": "PERSON"}, {"name": {"startsWith": "A"}}]}),
    ("in OR", {"OR": [{"kind": "ORGANIZATION"}, {"email": {"contains": "example.com"}}]}),
    ("in NOT", {"NOT": {"name": {"contains": "z"}}}),
    ("in influences", {"influences": {"name": {"startsWith": "Zed"}}}),
    ("in influencedBy", {"influencedBy": {"email": {"contains": "ada"}}}),
    (
        "deeply nested",
        {"AND": [{"OR": [{"NOT": {"influencedBy": {"name": {"equals": "Ada Lovelace"}}}}]}]},
    ),
]
PII_SORTS = ("NAME_ASC", "NAME_DESC")


def assert_forbidden(body: Json, field: str) -> None:
    assert codes(body) == ["FORBIDDEN"], body
    assert body["errors"][0]["extensions"] == {"code": "FORBIDDEN", "field": field}, body
    assert body.get("data") is None, body


# --- without pii:read ---------------------------------------------------------------------


@pytest.mark.parametrize("role", NO_PII_ROLES)
@pytest.mark.parametrize(("label", "spec"), PII_FILTERS, ids=[label for label, _ in PII_FILTERS])
async def test_filtering_by_names_or_emails_needs_pii_read(
    role: str, label: str, spec: Json, client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    assert (await data(client, LIST, {"filter": spec}, key=keys.admin))["customers"]["totalCount"]
    body = await post(client, LIST, {"filter": spec}, key=keys.of(role))
    assert_forbidden(body, "filter")


@pytest.mark.parametrize("role", NO_PII_ROLES)
@pytest.mark.parametrize("order", PII_SORTS)
async def test_sorting_by_name_needs_pii_read(
    role: str, order: str, client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    body = await post(client, LIST, {"orderBy": order}, key=keys.of(role))
    assert_forbidden(body, "orderBy")


@pytest.mark.parametrize("role", NO_PII_ROLES)
async def test_searching_needs_pii_read(
    role: str, client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    assert (await data(client, SEARCH, key=keys.admin))["searchCustomers"]
    body = await post(client, SEARCH, key=keys.of(role))
    assert_forbidden(body, "text")


@pytest.mark.parametrize("role", NO_PII_ROLES)
async def test_other_filters_and_sorts_work_masked_without_pii_read(
    role: str, client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    variables = {"filter": {"kind": "PERSON"}, "orderBy": "CREATED_AT_DESC"}
    listed = (await data(client, LIST, variables, key=keys.of(role)))["customers"]
    assert [node["id"] for node in listed["nodes"]] == [world.mia, world.ada, world.zed]
    assert [node["name"] for node in listed["nodes"]] == ["M. M. ", "A. L. ", "Z. Z. "]
    assert listed["nodes"][1]["emails"] == ["a***@example.com", "a***@analytical.org"]


CURSORS = """
query {
  customers(first: 2) {
    edges { cursor node { id } }
    pageInfo { startCursor endCursor hasNextPage }
  }
}
"""


def decoded(cursor: str) -> str:
    return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()


@pytest.mark.parametrize("role", NO_PII_ROLES)
async def test_customer_cursors_carry_no_names_without_pii_read(
    role: str, client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    """A cursor holds the sort key of its customer: with the default sort by name, it would
    hand out the very name the page masks (cdp/compiler/pagination.py: without pii:read the default
    order is by creation)."""
    page = (await data(client, CURSORS, key=keys.of(role)))["customers"]
    cursors = [edge["cursor"] for edge in page["edges"]]
    cursors += [page["pageInfo"]["startCursor"], page["pageInfo"]["endCursor"]]
    leaks = [
        (decoded(cursor), name)
        for cursor in cursors
        for name in world.names.values()
        if name in decoded(cursor) or name.split()[1] in decoded(cursor)
    ]
    assert not leaks, f"{role} cursors carry names: {leaks}"


@pytest.mark.parametrize("role", NO_PII_ROLES)
async def test_default_customer_order_without_pii_read_is_by_creation(
    role: str, client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    """Sorting by name is refused without pii:read (its order reveals the masked names); the
    default order must not reveal them either."""
    by_name = (await data(client, "{ customers { nodes { id } } }", key=keys.admin))["customers"]
    assert [node["id"] for node in by_name["nodes"]] == [
        world.ada,
        world.mia,
        world.nova,
        world.zed,
    ]
    listed = (await data(client, "{ customers { nodes { id } } }", key=keys.of(role)))["customers"]
    assert [node["id"] for node in listed["nodes"]] == list(world.names)


# --- with pii:read ------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "spec"), PII_FILTERS, ids=[label for label, _ in PII_FILTERS])
async def test_an_analyst_with_pii_read_filters_by_names_and_emails(
    label: str, spec: Json, client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    admin = await data(client, LIST, {"filter": spec}, key=keys.admin)
    analyst = await data(client, LIST, {"filter": spec}, key=keys.analyst_pii)
    assert analyst == admin
    assert admin["customers"]["totalCount"] > 0


@pytest.mark.parametrize("order", PII_SORTS)
async def test_an_analyst_with_pii_read_sorts_by_name(
    order: str, client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    analyst = (await data(client, LIST, {"orderBy": order}, key=keys.analyst_pii))["customers"]
    names = sorted(world.names.values(), reverse=order == "NAME_DESC")
    assert [node["name"] for node in analyst["nodes"]] == names
    assert analyst == (await data(client, LIST, {"orderBy": order}, key=keys.admin))["customers"]


async def test_an_analyst_with_pii_read_searches(
    client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    analyst = (await data(client, SEARCH, key=keys.analyst_pii))["searchCustomers"]
    assert [hit["customer"]["id"] for hit in analyst] == [world.ada]
    assert analyst[0]["customer"]["emails"] == ["ada@example.com", "ada.lovelace@analytical.org"]
    assert analyst == (await data(client, SEARCH, key=keys.admin))["searchCustomers"]


EVERY_PII_FIELD = """
query($id: ID!, $org: ID!) {
  customer(id: $id) {
    id name emails phones notes
    demographics { birthDate }
    addresses { line1 line2 postalCode city }
    contactOf { name emails phones }
    touchpoints { nodes { summary outcome } }
    influences { customer { name emails } }
  }
  org: customer(id: $org) { name contacts { name emails phones person { name emails } } }
  customers(first: 10) { edges { cursor node { name emails phones notes } } }
}
"""


async def test_an_analyst_with_pii_read_sees_nothing_masked(
    client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    variables = {"id": world.ada, "org": world.nova}
    admin = await data(client, EVERY_PII_FIELD, variables, key=keys.admin)
    analyst = await data(client, EVERY_PII_FIELD, variables, key=keys.analyst_pii)
    assert analyst == admin
    ada = analyst["customer"]
    assert ada["name"] == "Ada Lovelace"
    assert ada["phones"] == ["+44 20 7946 0002"]
    assert ada["notes"] == "Private notes about Ada Lovelace."
    assert ada["demographics"] == {"birthDate": "1815-12-10"}
    assert ada["addresses"][0]["line1"] == "12 St James Square"
    assert ada["touchpoints"]["nodes"] == [
        {"summary": "Call with Ada Lovelace", "outcome": "Promised a discount"}
    ]
    # The same read without the scope is masked: the scope is what makes the difference.
    masked = await data(client, EVERY_PII_FIELD, variables, key=keys.analyst)
    assert masked["customer"]["name"] == "A. L. "
    assert masked["customer"]["touchpoints"]["nodes"] == [
        {"summary": "[masked]", "outcome": "[masked]"}
    ]


async def test_pii_read_lets_an_analyst_read_not_write(
    client: httpx.AsyncClient, keys: Keys, world: AnalystWorld
) -> None:
    body = await post(
        client,
        'mutation($id: ID!) { updateCustomer(id: $id, input: {notes: "x"}) { id } }',
        {"id": world.ada},
        key=keys.analyst_pii,
    )
    assert_forbidden(body, "updateCustomer")
    body = await post(client, "{ auditLog { id } }", key=keys.analyst_pii)
    assert codes(body) == ["FORBIDDEN"], body


INFLUENCE_EVIDENCE = """
query($ada: ID!, $zed: ID!) {
  ada: customer(id: $ada) { influences { evidence } }
  zed: customer(id: $zed) { influencedBy { evidence } }
  customers(first: 10) { nodes { influencedBy { evidence } influences { evidence } } }
}
"""


async def test_influence_evidence_is_masked_without_pii_read(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: AnalystWorld
) -> None:
    """Why one customer influences another is an employee's free text, naming people and
    their addresses: it reads as any other personal free text does."""
    evidence = "Ada Lovelace (ada@example.com) recommended us to Zed at the club"
    await graph.write_query(
        "MATCH (:Customer {id: $ada})-[i:INFLUENCES]->(:Customer {id: $zed}) "
        "SET i.evidence = $evidence",
        {"ada": world.ada, "zed": world.zed, "evidence": evidence},
    )
    variables = {"ada": world.ada, "zed": world.zed}

    def read(answer: Json) -> set[str | None]:
        values = {answer["ada"]["influences"][0]["evidence"]}
        values.add(answer["zed"]["influencedBy"][0]["evidence"])
        for node in answer["customers"]["nodes"]:
            values |= {i["evidence"] for i in node["influences"] + node["influencedBy"]}
        return values

    for key in (keys.admin, keys.analyst_pii):
        assert read(await data(client, INFLUENCE_EVIDENCE, variables, key=key)) == {evidence}
    for key in (keys.agent, keys.analyst):
        assert read(await data(client, INFLUENCE_EVIDENCE, variables, key=key)) == {"[masked]"}

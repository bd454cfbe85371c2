"""A partner asks for customers it is not entitled to, by every door the API has, and gets none.

The partner sees a customer only if it brought them or the customer was shared with it, and
only while the customer's latest SHARING consent is GRANTED. The world holds three customers it
may see and fifty it may not:

- 12 brought by another partner (with consent), 2 shared with another partner (with consent);
- 10 it brought without any sharing consent (5 of them consented to marketing only);
- 4 it brought whose sharing consent was DENIED;
- 10 it brought whose consent was GRANTED, then WITHDRAWN;
- 2 shared with it whose consent was GRANTED, then WITHDRAWN;
- 10 staff-only (no partner), with consent; 5 of them organizations with a contact.

Every one of them is a CUSTOMER person or organization acquired through the same source, with
an external id, a completed order of the same product and a touchpoint, so any filter that
matches the visible ones would match them too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import LiteralString

import httpx
import pytest

from cdp.access.api_keys import create_key, ensure_partner
from cdp.access.viewer import PII_READ
from cdp.customers.search_text import email_text, name_text
from cdp.store.graph import Graph
from tests.integration.access.support import Keys, make_keys
from tests.integration.customers.seed import add_product, add_source, influence, new_id, utc
from tests.support.api import Json, codes, data, post
from tests.support.graph import graph_state


@dataclass
class Person:
    id: str
    name: str
    kind: str
    external: str
    order: str
    touchpoint: str
    category: str
    contact: str | None = None


@dataclass
class IdorWorld:
    partner: str
    other_partner: str
    source: str
    product: str
    visible: list[Person] = field(default_factory=list)
    hidden: list[Person] = field(default_factory=list)
    # The brought organization the partner sees, its contact (whose person is hidden), and a
    # hidden customer who referred it.
    org: Person | None = None
    org_contact: str = ""
    shared: Person | None = None

    def hidden_in(self, category: str) -> list[Person]:
        return [person for person in self.hidden if person.category == category]


_CUSTOMERS: LiteralString = """
MATCH (s:AcquisitionSource {id: $source}), (prd:Product {id: $product})
UNWIND $rows AS row
CREATE (c:Customer {id: row.id, kind: row.kind, name: row.name, emails: row.emails,
                    nameText: row.nameText, emailText: row.emailText,
                    phones: ['+44 20 7946 0000'], interests: [],
                    lifecycleStage: 'CUSTOMER', createdAt: row.createdAt,
                    updatedAt: row.createdAt, revenueMinor: 4999, notes: 'secret'})
CREATE (c)-[:IDENTIFIED_BY]->(:ExternalId {system: 'crm', value: row.external})
CREATE (c)-[:ACQUIRED_VIA {at: row.createdAt, referrerId: row.referrer}]->(s)
CREATE (c)-[:PLACED]->(o:Order {id: row.order, number: row.number, status: 'COMPLETED',
                                placedAt: row.createdAt, currency: 'EUR', totalMinor: 4999})
CREATE (o)-[:CONTAINS {quantity: 1, unitPriceMinor: 4999, position: 0}]->(prd)
CREATE (c)-[:HAD]->(:Touchpoint {id: row.touchpoint, channel: 'PHONE', direction: 'INBOUND',
                                 kind: 'INQUIRY', occurredAt: row.createdAt, resolved: false,
                                 summary: 'private call'})
WITH c, row
CALL (c, row) {
  UNWIND row.broughtBy AS partnerId
  MATCH (p:Partner {id: partnerId})
  CREATE (p)-[:BROUGHT {at: row.createdAt}]->(c)
}
CALL (c, row) {
  UNWIND row.sharedWith AS partnerId
  MATCH (p:Partner {id: partnerId})
  CREATE (c)-[:SHARED_WITH]->(p)
}
CALL (c, row) {
  UNWIND row.consents AS e
  CREATE (c)-[:GAVE]->(:ConsentEvent {purpose: e.purpose, channel: e.channel,
                                      status: e.status, at: e.at, source: 'test',
                                      recordedAt: datetime()})
}
CALL (c, row) {
  WITH c, row WHERE row.contact IS NOT NULL
  CREATE (c)-[:HAS_CONTACT]->(:Contact {id: row.contact, name: 'Hidden Contact',
                                        emails: ['contact@hidden.example'], phones: [],
                                        channels: []})
}
"""


def sharing(*statuses: str) -> list[Json]:
    """SHARING consent events, one a day from 2024-01-01, in this order."""
    return [
        {"purpose": "SHARING", "channel": "ANY", "status": status, "at": utc(2024, 1, 1 + day)}
        for day, status in enumerate(statuses)
    ]


MARKETING_ONLY = [
    {"purpose": "MARKETING", "channel": "EMAIL", "status": "GRANTED", "at": utc(2024, 1, 1)}
]


async def seed_idor_world(graph: Graph, partner: str) -> IdorWorld:
    other = await ensure_partner(graph, "Other Partner")
    w = IdorWorld(
        partner=partner,
        other_partner=other,
        source=await add_source(graph, "CAMPAIGN", "Spring campaign", utc(2023, 1, 1)),
        product=await add_product(graph, "KB-1", "Keyboard", 4999, created_at=utc(2023, 1, 1)),
    )
    rows: list[Json] = []

    def person(
        category: str,
        *,
        brought: list[str] | None = None,
        shared: list[str] | None = None,
        consents: list[Json] | None = None,
        kind: str = "PERSON",
        contact: bool = False,
        referrer: str | None = None,
    ) -> Person:
        index = len(rows)
        created = utc(2024, 1, 1) if index % 2 else utc(2024, 2, 1)
        p = Person(
            id=new_id("cus"),
            name=f"Person {index} {category}",
            kind=kind,
            external=f"EXT-{index}",
            order=new_id("ord"),
            touchpoint=new_id("tpt"),
            category=category,
            contact=new_id("con") if contact else None,
        )
        emails = [f"person{index}@example.com"]
        rows.append(
            {
                "id": p.id,
                "kind": kind,
                "name": p.name,
                "emails": emails,
                "nameText": name_text(p.name),
                "emailText": email_text(emails),
                "createdAt": created,
                "external": p.external,
                "order": p.order,
                "number": f"ORD-{index}",
                "touchpoint": p.touchpoint,
                "broughtBy": brought or [],
                "sharedWith": shared or [],
                "consents": consents or [],
                "contact": p.contact,
                "referrer": referrer,
            }
        )
        return p

    granted = sharing("GRANTED")
    for _ in range(12):
        w.hidden.append(person("other partner's", brought=[other], consents=granted))
    for _ in range(2):
        w.hidden.append(person("shared with another", shared=[other], consents=granted))
    for i in range(10):
        consents = MARKETING_ONLY if i % 2 else []
        w.hidden.append(person("no sharing consent", brought=[partner], consents=consents))
    for _ in range(4):
        w.hidden.append(person("consent denied", brought=[partner], consents=sharing("DENIED")))
    for _ in range(10):
        consents = sharing("GRANTED", "WITHDRAWN")
        w.hidden.append(person("consent withdrawn", brought=[partner], consents=consents))
    for _ in range(2):
        consents = sharing("GRANTED", "WITHDRAWN")
        w.hidden.append(person("shared, withdrawn", shared=[partner], consents=consents))
    for i in range(10):
        kind = "ORGANIZATION" if i < 5 else "PERSON"
        w.hidden.append(person("staff only", consents=granted, kind=kind, contact=i < 5))
    assert len(w.hidden) == 50

    referrer = w.hidden_in("staff only")[-1].id
    w.org = person(
        "visible org",
        brought=[partner],
        consents=granted,
        kind="ORGANIZATION",
        contact=True,
        referrer=referrer,
    )
    w.shared = person("visible shared", shared=[partner], consents=granted)
    regranted = person(
        "visible again", brought=[partner], consents=sharing("GRANTED", "WITHDRAWN", "GRANTED")
    )
    w.visible = [w.org, w.shared, regranted]
    await graph.write_query(_CUSTOMERS, {"source": w.source, "product": w.product, "rows": rows})
    # The visible organization's contact is a hidden person; a hidden customer influences it.
    assert w.org.contact is not None
    w.org_contact = w.org.contact
    await graph.write_query(
        "MATCH (k:Contact {id: $contact}), (p:Customer {id: $person}) CREATE (k)-[:IS]->(p)",
        {"contact": w.org_contact, "person": w.hidden_in("staff only")[5].id},
    )
    await influence(graph, w.hidden_in("other partner's")[0].id, w.org.id, 0.9, "PEER")
    await influence(graph, w.org.id, w.hidden_in("consent withdrawn")[0].id, 0.7, "PEER")
    return w


@pytest.fixture
async def keys(graph: Graph) -> Keys:
    return await make_keys(graph, "Idor Partner")


@pytest.fixture
async def world(graph: Graph, keys: Keys) -> IdorWorld:
    return await seed_idor_world(graph, keys.partner_id)


def visible_ids(world: IdorWorld) -> set[str]:
    return {person.id for person in world.visible}


def by_id(door: str, person: Person) -> Json:
    return {"ext": person.external} if door == "customerByExternalId" else {"id": person.id}


# --- by id --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "door",
    [
        "customer(id)",
        "node(id)",
        "customerByExternalId",
    ],
)
async def test_partner_reads_no_hidden_customer_by_its_id(
    door: str, client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    queries = {
        "customer(id)": "query($id: ID!) { found: customer(id: $id) { id name } }",
        "node(id)": "query($id: ID!) { found: node(id: $id) { id ... on Customer { name } } }",
        "customerByExternalId": (
            "query($ext: String!) "
            '{ found: customerByExternalId(system: "crm", value: $ext) { id name } }'
        ),
    }
    query = queries[door]
    leaked = []
    for person in world.hidden:
        variables = by_id(door, person)
        assert (await data(client, query, variables, key=keys.admin))["found"]["id"] == person.id
        found = (await data(client, query, variables, key=keys.partner))["found"]
        if found is not None:
            leaked.append((person.category, found))
    assert not leaked, f"{len(leaked)} of 50 hidden customers read by {door}: {leaked}"
    for person in world.visible:
        variables = by_id(door, person)
        assert (await data(client, query, variables, key=keys.partner))["found"]["id"] == person.id


# --- lists --------------------------------------------------------------------------------

LIST = """
query($filter: CustomerFilter) {
  customers(filter: $filter, first: 1000) { totalCount nodes { id } edges { node { id } } }
}
"""


def filters(world: IdorWorld) -> list[tuple[str, Json | None]]:
    return [
        ("no filter", None),
        ("lifecycleStage", {"lifecycleStage": ["CUSTOMER"]}),
        ("kind", {"kind": "PERSON"}),
        ("acquisitionSourceId", {"acquisitionSourceId": world.source}),
        ("acquisitionSourceKind", {"acquisitionSourceKind": "CAMPAIGN"}),
        ("boughtProductId", {"boughtProductId": world.product}),
        ("hasOrderWithStatus", {"hasOrderWithStatus": "COMPLETED"}),
        ("createdAt", {"createdAt": {"gte": "2023-01-01T00:00:00Z"}}),
        ("OR", {"OR": [{"kind": "PERSON"}, {"kind": "ORGANIZATION"}]}),
        ("NOT", {"NOT": {"lifecycleStage": ["LEAD"]}}),
    ]


async def test_partner_lists_only_its_entitled_customers(
    client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    problems = []
    for label, spec in filters(world):
        variables = {"filter": spec}
        everyone = (await data(client, LIST, variables, key=keys.admin))["customers"]
        listed = (await data(client, LIST, variables, key=keys.partner))["customers"]
        admin_ids = {node["id"] for node in everyone["nodes"]}
        expected = admin_ids & visible_ids(world)
        assert admin_ids & {person.id for person in world.hidden}, f"{label} matches no hidden one"
        node_ids = {node["id"] for node in listed["nodes"]}
        edge_ids = {edge["node"]["id"] for edge in listed["edges"]}
        if listed["totalCount"] != len(expected):
            problems.append(f"{label}: totalCount {listed['totalCount']}, expected {len(expected)}")
        if node_ids != expected or edge_ids != expected:
            problems.append(f"{label}: listed {node_ids | edge_ids}, expected {expected}")
    assert not problems, "\n".join(problems)


async def test_partner_filters_see_no_hidden_customer_through_influence(
    client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    """The visible organization is influenced by a hidden customer and influences another:
    a filter on influence must not match it through them."""
    assert world.org is not None
    for spec in (
        {"influencedBy": {"lifecycleStage": ["CUSTOMER"]}},
        {"influences": {"lifecycleStage": ["CUSTOMER"]}},
    ):
        everyone = (await data(client, LIST, {"filter": spec}, key=keys.admin))["customers"]
        assert world.org.id in {node["id"] for node in everyone["nodes"]}
        listed = (await data(client, LIST, {"filter": spec}, key=keys.partner))["customers"]
        assert listed["totalCount"] == 0, (spec, listed)
        assert listed["nodes"] == []


async def test_partner_may_not_filter_by_account_owner(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    """A partner may not read who owns a customer, so it may not ask by trial and error
    either: a filter on the owner, however nested, is FORBIDDEN on that filter field."""
    owner = (
        await data(
            client, 'mutation { createEmployee(input: {name: "Erin"}) { id } }', key=keys.admin
        )
    )["createEmployee"]["id"]
    on_owner = {"accountOwnerId": owner}
    cases = {
        "filter.accountOwnerId": on_owner,
        "filter.OR[1].accountOwnerId": {"OR": [{"kind": "PERSON"}, on_owner]},
        "filter.AND[0].accountOwnerId": {"AND": [on_owner]},
        "filter.NOT.accountOwnerId": {"NOT": on_owner},
        "filter.influencedBy.accountOwnerId": {"influencedBy": on_owner},
        "filter.influences.NOT.accountOwnerId": {"influences": {"NOT": on_owner}},
    }
    for path, spec in cases.items():
        body = await post(client, LIST, {"filter": spec}, key=keys.partner)
        assert body.get("data") is None, (path, body)
        assert [error["extensions"] for error in body["errors"]] == [
            {"code": "FORBIDDEN", "field": path}
        ], spec
        for role in ("admin", "agent", "analyst"):  # staff may
            listed = await data(client, LIST, {"filter": spec}, key=keys.of(role))
            assert listed["customers"]["totalCount"] >= 0


async def test_partner_with_pii_read_finds_no_hidden_customer(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    key = await create_key(
        graph, name="partner with pii", role="partner", scopes=[PII_READ], partner_id=world.partner
    )
    query = 'query { searchCustomers(text: "Person", first: 100) { customer { id } } }'
    everyone = (await data(client, query, key=keys.admin))["searchCustomers"]
    assert len(everyone) == 53
    hits = (await data(client, query, key=key.secret))["searchCustomers"]
    assert {hit["customer"]["id"] for hit in hits} == visible_ids(world)
    # Filters on names and e-mails are open to it now, and still bounded by its entitlement.
    for spec in ({"name": {"contains": "Person"}}, {"email": {"contains": "@"}}):
        listed = (await data(client, LIST, {"filter": spec}, key=key.secret))["customers"]
        assert listed["totalCount"] == len(world.visible), spec
        assert {node["id"] for node in listed["nodes"]} == visible_ids(world)


# --- nested -------------------------------------------------------------------------------


async def test_relationships_of_a_visible_customer_lead_to_no_hidden_one(
    client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    assert world.org is not None
    query = """
    query($id: ID!, $contact: ID!) {
      customer(id: $id) {
        id
        contacts { id person { id name } organization { id } }
        acquisition { at referrer { id name } }
      }
      node(id: $contact) { ... on Contact { id person { id } organization { id } } }
    }
    """
    variables = {"id": world.org.id, "contact": world.org_contact}
    everything = await data(client, query, variables, key=keys.admin)
    hidden_person = everything["customer"]["contacts"][0]["person"]
    assert hidden_person is not None
    assert everything["customer"]["acquisition"]["referrer"] is not None
    seen = await data(client, query, variables, key=keys.partner)
    assert seen["customer"]["id"] == world.org.id
    assert seen["customer"]["contacts"] == [
        {
            "id": world.org_contact,
            "person": None,
            "organization": {"id": world.org.id},
        }
    ]
    assert seen["customer"]["acquisition"]["referrer"] is None
    assert seen["node"] == {
        "id": world.org_contact,
        "person": None,
        "organization": {"id": world.org.id},
    }


@pytest.mark.parametrize("what", ["order", "touchpoint", "contact"])
async def test_partner_reads_nothing_hanging_off_a_hidden_customer(
    what: str, client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    query = """
    query($id: ID!) {
      node(id: $id) {
        id
        ... on Order { number orderOf: customer { id } }
        ... on Touchpoint { summary touchpointOf: customer { id } }
        ... on Contact { name organization { id } }
      }
    }
    """
    targets: list[str] = [
        getattr(person, what) for person in world.hidden if getattr(person, what) is not None
    ]
    assert targets
    leaked = []
    for target in targets:
        assert (await data(client, query, {"id": target}, key=keys.admin))["node"] is not None
        found = (await data(client, query, {"id": target}, key=keys.partner))["node"]
        if found is not None:
            leaked.append(found)
    assert not leaked, leaked
    # The visible ones' are there.
    for person in world.visible:
        value = getattr(person, what)
        if value is not None:
            node = (await data(client, query, {"id": value}, key=keys.partner))["node"]
            assert node is not None
            assert node["id"] == value


async def test_orders_and_touchpoints_of_visible_customers_stay_visible(
    client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    query = """
    query($order: ID!, $touchpoint: ID!) {
      order: node(id: $order) { ... on Order { id customer { id } } }
      touchpoint: node(id: $touchpoint) { ... on Touchpoint { id customer { id } } }
    }
    """
    for person in world.visible:
        seen = await data(
            client,
            query,
            {"order": person.order, "touchpoint": person.touchpoint},
            key=keys.partner,
        )
        assert seen == {
            "order": {"id": person.order, "customer": {"id": person.id}},
            "touchpoint": {"id": person.touchpoint, "customer": {"id": person.id}},
        }


# --- writes -------------------------------------------------------------------------------

UPDATE = 'mutation($id: ID!) { updateCustomer(id: $id, input: {notes: "mine now"}) { id } }'
PLACE = """
mutation($id: ID!, $product: ID!) {
  placeOrder(input: {customerId: $id, items: [{productId: $product, quantity: 1}]}) { id }
}
"""
TOUCH = """
mutation($id: ID!) {
  recordTouchpoint(input: {customerId: $id, channel: CHAT, direction: INBOUND, kind: INQUIRY}) {
    id
  }
}
"""
WRITES = [
    ("updateCustomer", UPDATE, "id"),
    ("placeOrder", PLACE, "input.customerId"),
    ("recordTouchpoint", TOUCH, "input.customerId"),
]


@pytest.mark.parametrize(("mutation", "query", "field"), WRITES, ids=[w[0] for w in WRITES])
async def test_partner_writes_to_no_hidden_customer(
    mutation: str,
    query: str,
    field: str,
    client: httpx.AsyncClient,
    graph: Graph,
    keys: Keys,
    world: IdorWorld,
) -> None:
    problems = []
    categories = sorted({person.category for person in world.hidden})
    for category in categories:
        for person in world.hidden_in(category)[:2]:
            before = await graph_state(graph)
            body = await post(
                client, query, {"id": person.id, "product": world.product}, key=keys.partner
            )
            errors = body.get("errors") or [{}]
            if errors[0].get("extensions") != {"code": "NOT_FOUND", "field": field}:
                problems.append(f"{category}: {mutation} answered {body}")
            if body.get("data") is not None:
                problems.append(f"{category}: {mutation} returned data {body['data']}")
            if await graph_state(graph) != before:
                problems.append(f"{category}: {mutation} wrote to the graph")
    for person in world.visible:
        body = await post(
            client, query, {"id": person.id, "product": world.product}, key=keys.partner
        )
        if body.get("errors"):
            problems.append(f"{person.category}: {mutation} refused: {body['errors']}")
    assert not problems, "\n".join(problems)


async def test_partner_upserts_no_hidden_customer_by_external_id(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    query = """
    mutation($value: String!) {
      upsertCustomer(externalId: {system: "crm", value: $value}, input: {name: "Taken Over"}) {
        customer { id name } created
      }
    }
    """
    for category in sorted({person.category for person in world.hidden}):
        person = world.hidden_in(category)[0]
        before = await graph_state(graph)
        body = await post(client, query, {"value": person.external}, key=keys.partner)
        assert codes(body) == ["NOT_FOUND"], (category, body)
        assert body.get("data") is None
        assert await graph_state(graph) == before, category


async def test_partner_records_no_consent_for_customers_it_has_no_claim_to(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    """Consent may be recorded for customers the partner brought or was shared (before they
    consent, so that they may); for anyone else's it reads NOT_FOUND, and grants nothing."""
    query = """
    mutation($id: ID!) {
      recordConsent(input: {customerId: $id, purpose: SHARING, status: GRANTED,
                            source: "partner"}) { id }
    }
    """
    for category in ("other partner's", "shared with another", "staff only"):
        person = world.hidden_in(category)[0]
        before = await graph_state(graph)
        body = await post(client, query, {"id": person.id}, key=keys.partner)
        assert codes(body) == ["NOT_FOUND"], (category, body)
        assert await graph_state(graph) == before, category
        found = await data(
            client,
            "query($id: ID!) { customer(id: $id) { id } }",
            {"id": person.id},
            key=keys.partner,
        )
        assert found["customer"] is None


# --- sharing and consent change what the partner sees ------------------------------------


CUSTOMER = "query($id: ID!) { customer(id: $id) { id } }"


async def test_a_customer_shared_with_the_partner_is_visible_while_consent_stands(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    assert world.shared is not None
    shared = world.shared
    assert (await data(client, CUSTOMER, {"id": shared.id}, key=keys.partner))["customer"] == {
        "id": shared.id
    }
    by_external = await data(
        client,
        'query($v: String!) { customerByExternalId(system: "crm", value: $v) { id } }',
        {"v": shared.external},
        key=keys.partner,
    )
    assert by_external["customerByExternalId"] == {"id": shared.id}
    listed = await data(client, LIST, {"filter": {"kind": "PERSON"}}, key=keys.partner)
    assert shared.id in {node["id"] for node in listed["customers"]["nodes"]}

    # Withdrawn (later than the grant): gone.
    await graph.write_query(
        "MATCH (c:Customer {id: $id}) CREATE (c)-[:GAVE]->(:ConsentEvent {purpose: 'SHARING', "
        "channel: 'ANY', status: 'WITHDRAWN', at: datetime(), source: 'test', "
        "recordedAt: datetime()})",
        {"id": shared.id},
    )
    assert (await data(client, CUSTOMER, {"id": shared.id}, key=keys.partner))["customer"] is None
    listed = await data(client, LIST, {"filter": {"kind": "PERSON"}}, key=keys.partner)
    assert shared.id not in {node["id"] for node in listed["customers"]["nodes"]}


async def test_unsharing_hides_a_customer(
    client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    assert world.shared is not None
    unshare = """
    mutation($c: ID!, $p: ID!) { shareCustomer(customerId: $c, partnerId: $p, shared: false) }
    """
    result = await data(client, unshare, {"c": world.shared.id, "p": world.partner}, key=keys.admin)
    assert result["shareCustomer"] is True
    assert (await data(client, CUSTOMER, {"id": world.shared.id}, key=keys.partner))[
        "customer"
    ] is None


async def test_sharing_a_customer_without_consent_shows_nothing(
    client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    """Sharing alone is not enough: a customer of another partner, shared with this one, stays
    hidden until their latest sharing consent is GRANTED (here: withdrawn)."""
    withdrawn = world.hidden_in("consent withdrawn")[0]
    staff = world.hidden_in("no sharing consent")[0]
    share = "mutation($c: ID!, $p: ID!) { shareCustomer(customerId: $c, partnerId: $p) }"
    for person in (withdrawn, staff):
        await data(client, share, {"c": person.id, "p": world.partner}, key=keys.admin)
        assert (await data(client, CUSTOMER, {"id": person.id}, key=keys.partner))[
            "customer"
        ] is None


async def test_a_withdrawal_the_partner_records_hides_the_customer_at_once(
    client: httpx.AsyncClient, keys: Keys, world: IdorWorld
) -> None:
    assert world.org is not None
    org = world.org
    assert (await data(client, CUSTOMER, {"id": org.id}, key=keys.partner))["customer"] is not None
    withdraw = """
    mutation($id: ID!) {
      recordConsent(input: {customerId: $id, purpose: SHARING, status: WITHDRAWN,
                            source: "customer's request"}) { id }
    }
    """
    await data(client, withdraw, {"id": org.id}, key=keys.partner)
    assert (await data(client, CUSTOMER, {"id": org.id}, key=keys.partner))["customer"] is None
    node = await data(
        client, "query($id: ID!) { node(id: $id) { id } }", {"id": org.order}, key=keys.partner
    )
    assert node["node"] is None
    listed = await data(client, LIST, {"filter": None}, key=keys.partner)
    assert listed["customers"]["totalCount"] == len(world.visible) - 1


# --- references to hidden customers and staff inside a partner's own writes --------------

REFERRED = """
mutation($id: ID!, $source: ID!, $referrer: ID!) {
  updateCustomer(id: $id, input: {acquisition: {sourceId: $source, referrerId: $referrer}}) {
    id acquisition { referrer { id } }
  }
}
"""


async def test_partner_cannot_name_a_hidden_customer_as_referrer(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    """A hidden customer must read as not found here too: naming one as the referrer of the
    partner's own customer would tie a REFERRED relationship to a customer it may not see,
    and answering differently for hidden and unknown ids tells it which ids exist."""
    assert world.shared is not None
    unknown = "cus_" + "0" * 32
    variables = {"id": world.shared.id, "source": world.source, "referrer": unknown}
    body = await post(client, REFERRED, variables, key=keys.partner)
    assert body["errors"][0]["extensions"] == {
        "code": "NOT_FOUND",
        "field": "input.acquisition.referrerId",
    }
    problems = []
    for category in sorted({person.category for person in world.hidden}):
        hidden = world.hidden_in(category)[0]
        before = await graph_state(graph)
        body = await post(client, REFERRED, {**variables, "referrer": hidden.id}, key=keys.partner)
        errors = body.get("errors") or [{}]
        if errors[0].get("extensions") != {
            "code": "NOT_FOUND",
            "field": "input.acquisition.referrerId",
        }:
            problems.append(f"{category}: answered {body}")
        if await graph_state(graph) != before:
            problems.append(f"{category}: wrote a referral from a customer it may not see")
    assert not problems, "\n".join(problems)


async def test_partner_cannot_assign_account_owners_through_customer_writes(
    client: httpx.AsyncClient, graph: Graph, keys: Keys, world: IdorWorld
) -> None:
    """A partner may not run assignAccountOwner nor read owners (staff records are not its
    business): setting `accountOwnerId` in its customer writes must be refused as well."""
    assert world.shared is not None
    employee = (
        await data(
            client,
            'mutation { createEmployee(input: {name: "Erin Owner"}) { id } }',
            key=keys.admin,
        )
    )["createEmployee"]["id"]
    writes = {
        "updateCustomer": (
            "mutation($id: ID!, $owner: ID!) "
            "{ updateCustomer(id: $id, input: {accountOwnerId: $owner}) { id } }",
            {"id": world.shared.id, "owner": employee},
        ),
        "createCustomer": (
            "mutation($owner: ID!) "
            '{ createCustomer(input: {name: "Own Customer", accountOwnerId: $owner}) { id } }',
            {"owner": employee},
        ),
    }
    problems = []
    for mutation, (query, variables) in writes.items():
        before = await graph_state(graph)
        body = await post(client, query, variables, key=keys.partner)
        if codes(body)[:1] != ["FORBIDDEN"]:
            problems.append(f"{mutation} with accountOwnerId answered {body}")
        if await graph_state(graph) != before:
            owns = await graph.read(
                "MATCH (e:Employee {id: $e})-[o:OWNS]->(c) RETURN c.id AS customer",
                {"e": employee},
            )
            problems.append(f"{mutation} wrote ownerships {owns}")
    assert not problems, "\n".join(problems)

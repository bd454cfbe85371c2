"""Seeding the customer graph for tests with plain parameterised Cypher, following `cdp.read_model`.

Each helper writes one thing (a node and its relationships) in one query and returns its id.
The helpers keep the customer's derived properties the way the write path does: `nameText` and
`emailText` (the name and every address, folded by `cdp.customers.search_text`, read by the
full-text index), `revenueMinor` (the total of the completed orders)
and `lastContactAt` (the newest touchpoint).

`seed_world` builds the small, hand-checked graph most read tests use; `World` names its ids.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import LiteralString, NamedTuple

from cdp.customers.search_text import email_text, name_text
from cdp.store.graph import Graph


def new_id(prefix: str) -> str:
    """`cus_…`, `src_…`, `emp_…`: a type prefix and 32 hex digits, as `cdp.ids` makes them."""
    return f"{prefix}_{uuid.uuid4().hex}"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


class Line(NamedTuple):
    """One line of an order: a product, how many, at which unit price (minor units)."""

    product_id: str
    quantity: int
    unit_price_minor: int


_CUSTOMER: LiteralString = """
CREATE (c:Customer {
    id: $id, kind: $kind, name: $name, nameText: $nameText, emails: $emails, emailText: $emailText,
    phones: $phones,
    interests: $interests, notes: $notes, lifecycleStage: $stage,
    createdAt: $createdAt, updatedAt: $updatedAt, revenueMinor: $revenueMinor,
    birthDate: $birthDate, occupation: $occupation, industry: $industry,
    employeeCount: $employeeCount, preferredChannel: $preferredChannel,
    preferredLanguage: $preferredLanguage, doNotContact: $doNotContact
})
"""


async def add_customer(
    graph: Graph,
    name: str,
    *,
    created_at: datetime,
    kind: str = "PERSON",
    emails: Sequence[str] = (),
    phones: Sequence[str] = (),
    stage: str = "CUSTOMER",
    interests: Sequence[str] = (),
    notes: str | None = None,
    updated_at: datetime | None = None,
    revenue_minor: int | None = 0,
    birth_date: str | None = None,
    occupation: str | None = None,
    industry: str | None = None,
    employee_count: int | None = None,
    preferred_channel: str | None = None,
    preferred_language: str | None = None,
    do_not_contact: bool | None = None,
    customer_id: str | None = None,
) -> str:
    customer_id = customer_id or new_id("cus")
    await graph.write_query(
        _CUSTOMER,
        {
            "id": customer_id,
            "kind": kind,
            "name": name,
            "emails": list(emails),
            "nameText": name_text(name),
            "emailText": email_text(list(emails)),
            "phones": list(phones),
            "interests": list(interests),
            "notes": notes,
            "stage": stage,
            "createdAt": created_at,
            "updatedAt": updated_at or created_at,
            "revenueMinor": revenue_minor,
            "birthDate": datetime.fromisoformat(birth_date).date() if birth_date else None,
            "occupation": occupation,
            "industry": industry,
            "employeeCount": employee_count,
            "preferredChannel": preferred_channel,
            "preferredLanguage": preferred_language,
            "doNotContact": do_not_contact,
        },
    )
    return customer_id


async def add_external_id(graph: Graph, customer_id: str, system: str, value: str) -> None:
    await graph.write_query(
        "MATCH (c:Customer {id: $customer}) "
        "CREATE (c)-[:IDENTIFIED_BY]->(:ExternalId {system: $system, value: $value})",
        {"customer": customer_id, "system": system, "value": value},
    )


async def add_address(
    graph: Graph, customer_id: str, *, position: int, kind: str, line1: str, city: str, country: str
) -> None:
    await graph.write_query(
        "MATCH (c:Customer {id: $customer}) "
        "CREATE (c)-[:HAS_ADDRESS]->(:Address {position: $position, kind: $kind, "
        "line1: $line1, city: $city, country: $country})",
        {
            "customer": customer_id,
            "position": position,
            "kind": kind,
            "line1": line1,
            "city": city,
            "country": country,
        },
    )


async def add_source(graph: Graph, kind: str, name: str, created_at: datetime) -> str:
    source_id = new_id("src")
    await graph.write_query(
        "CREATE (:AcquisitionSource {id: $id, kind: $kind, name: $name, createdAt: $createdAt})",
        {"id": source_id, "kind": kind, "name": name, "createdAt": created_at},
    )
    return source_id


async def acquire(
    graph: Graph, customer_id: str, source_id: str, at: datetime, referrer_id: str | None = None
) -> None:
    await graph.write_query(
        "MATCH (c:Customer {id: $customer}), (s:AcquisitionSource {id: $source}) "
        "CREATE (c)-[:ACQUIRED_VIA {at: $at, referrerId: $referrer}]->(s)",
        {"customer": customer_id, "source": source_id, "at": at, "referrer": referrer_id},
    )


async def add_employee(
    graph: Graph,
    name: str,
    *,
    email: str,
    title: str,
    created_at: datetime,
    active: bool = True,
) -> str:
    employee_id = new_id("emp")
    await graph.write_query(
        "CREATE (:Employee {id: $id, name: $name, email: $email, title: $title, "
        "active: $active, createdAt: $createdAt})",
        {
            "id": employee_id,
            "name": name,
            "email": email,
            "title": title,
            "active": active,
            "createdAt": created_at,
        },
    )
    return employee_id


async def own(
    graph: Graph,
    employee_id: str,
    customer_id: str,
    since: datetime,
    until: datetime | None = None,
) -> None:
    """An ownership period; `until` None is the current owner."""
    await graph.write_query(
        "MATCH (e:Employee {id: $employee}), (c:Customer {id: $customer}) "
        "CREATE (e)-[:OWNS {since: $since, until: $until}]->(c)",
        {"employee": employee_id, "customer": customer_id, "since": since, "until": until},
    )


async def add_product(
    graph: Graph,
    sku: str,
    name: str,
    price_minor: int,
    *,
    created_at: datetime,
    currency: str = "EUR",
    category: str | None = None,
    unit_cost_minor: int | None = None,
    active: bool = True,
) -> str:
    product_id = new_id("prd")
    await graph.write_query(
        "CREATE (:Product {id: $id, sku: $sku, name: $name, priceMinor: $price, "
        "currency: $currency, category: $category, unitCostMinor: $cost, active: $active, "
        "createdAt: $createdAt})",
        {
            "id": product_id,
            "sku": sku,
            "name": name,
            "price": price_minor,
            "currency": currency,
            "category": category,
            "cost": unit_cost_minor,
            "active": active,
            "createdAt": created_at,
        },
    )
    return product_id


_ORDER: LiteralString = """
MATCH (c:Customer {id: $customer})
CREATE (c)-[:PLACED]->(o:Order {
    id: $id, number: $number, status: $status, placedAt: $placedAt, currency: $currency,
    totalMinor: $totalMinor, paymentMethod: $paymentMethod
})
SET c.revenueMinor = coalesce(c.revenueMinor, 0)
    + CASE WHEN $status = 'COMPLETED' THEN $totalMinor ELSE 0 END
CREATE (o)-[:HAD_STATUS]->(:OrderStatusChange {status: $status, at: $placedAt, by: 'migration',
                                               position: 0})
WITH o
UNWIND $lines AS line
MATCH (p:Product {id: line.product})
CREATE (o)-[:CONTAINS {
    quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, position: line.position
}]->(p)
"""


async def add_order(
    graph: Graph,
    customer_id: str,
    number: str,
    status: str,
    placed_at: datetime,
    lines: Sequence[Line],
    *,
    currency: str = "EUR",
    payment_method: str | None = "CARD",
) -> str:
    """An order with its lines; its total is the sum of the lines. A completed order adds to
    the customer's `revenueMinor`."""
    order_id = new_id("ord")
    await graph.write_query(
        _ORDER,
        {
            "customer": customer_id,
            "id": order_id,
            "number": number,
            "status": status,
            "placedAt": placed_at,
            "currency": currency,
            "totalMinor": sum(line.quantity * line.unit_price_minor for line in lines),
            "paymentMethod": payment_method,
            "lines": [
                {
                    "product": line.product_id,
                    "quantity": line.quantity,
                    "unitPriceMinor": line.unit_price_minor,
                    "position": position,
                }
                for position, line in enumerate(lines, start=1)
            ],
        },
    )
    return order_id


_TOUCHPOINT: LiteralString = """
MATCH (c:Customer {id: $customer})
CREATE (c)-[:HAD]->(t:Touchpoint {
    id: $id, channel: $channel, direction: $direction, kind: $kind, occurredAt: $occurredAt,
    resolved: $resolved, summary: $summary
})
SET c.lastContactAt = CASE WHEN c.lastContactAt IS NULL OR c.lastContactAt < $occurredAt
    THEN $occurredAt ELSE c.lastContactAt END
WITH t
OPTIONAL MATCH (e:Employee {id: $handledBy})
FOREACH (employee IN CASE WHEN e IS NULL THEN [] ELSE [e] END |
    CREATE (t)-[:HANDLED_BY]->(employee))
"""


async def add_touchpoint(
    graph: Graph,
    customer_id: str,
    channel: str,
    kind: str,
    occurred_at: datetime,
    *,
    direction: str = "INBOUND",
    resolved: bool | None = False,
    handled_by: str | None = None,
    summary: str | None = None,
) -> str:
    """A touchpoint; it moves the customer's `lastContactAt` forward. `resolved` None leaves the
    property out."""
    touchpoint_id = new_id("tpt")
    await graph.write_query(
        _TOUCHPOINT,
        {
            "customer": customer_id,
            "id": touchpoint_id,
            "channel": channel,
            "direction": direction,
            "kind": kind,
            "occurredAt": occurred_at,
            "resolved": resolved,
            "summary": summary,
            "handledBy": handled_by,
        },
    )
    return touchpoint_id


async def influence(
    graph: Graph,
    influencer_id: str,
    influenced_id: str,
    strength: float,
    kind: str,
    since: datetime | None = None,
    evidence: str | None = None,
) -> None:
    await graph.write_query(
        "MATCH (a:Customer {id: $from}), (b:Customer {id: $to}) "
        "CREATE (a)-[:INFLUENCES {strength: $strength, kind: $kind, since: $since, "
        "evidence: $evidence}]->(b)",
        {
            "from": influencer_id,
            "to": influenced_id,
            "strength": strength,
            "kind": kind,
            "since": since,
            "evidence": evidence,
        },
    )


async def add_contact(
    graph: Graph,
    organization_id: str,
    name: str,
    *,
    role: str | None = None,
    emails: Sequence[str] = (),
    channels: Sequence[str] = (),
    person_id: str | None = None,
) -> str:
    """A person at an organization customer, linked to their own customer record if given."""
    contact_id = new_id("con")
    await graph.write_query(
        "MATCH (org:Customer {id: $organization}) "
        "CREATE (org)-[:HAS_CONTACT]->(k:Contact {id: $id, name: $name, role: $role, "
        "emails: $emails, phones: [], channels: $channels}) "
        "WITH k OPTIONAL MATCH (p:Customer {id: $person}) "
        "FOREACH (person IN CASE WHEN p IS NULL THEN [] ELSE [p] END | "
        "CREATE (k)-[:IS]->(person))",
        {
            "organization": organization_id,
            "id": contact_id,
            "name": name,
            "role": role,
            "emails": list(emails),
            "channels": list(channels),
            "person": person_id,
        },
    )
    return contact_id


# --- the shared test world ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """What a sort needs to know of a customer."""

    id: str
    name: str
    created_at: datetime
    revenue_minor: int
    last_contact_at: datetime | None


@dataclass
class World:
    """Ids of the hand-checked graph `seed_world` writes; see there for what is true of it."""

    alice: str = ""
    bob: str = ""
    carol: str = ""
    referral: str = ""
    website: str = ""
    campaign: str = ""
    keyboard: str = ""
    mouse: str = ""
    monitor: str = ""
    cable: str = ""
    ada: str = ""
    grace: str = ""
    alan: str = ""
    edsger: str = ""
    barbara: str = ""
    engines: str = ""
    nevada: str = ""
    babbage_contact: str = ""
    ada_contact: str = ""
    ada_orders: dict[str, str] = field(default_factory=dict)  # number -> id
    ada_touchpoints: dict[str, str] = field(default_factory=dict)  # short name -> id
    rows: list[Row] = field(default_factory=list)

    def name_of(self, customer_id: str) -> str:
        return next(row.name for row in self.rows if row.id == customer_id)


async def seed_world(graph: Graph) -> World:
    """Seven customers with everything a read can select.

    Customers (name, kind, stage, created, completed revenue, last contact):
      Ada Lovelace         PERSON       CUSTOMER  2024-01-10  311.48  2024-08-01
      Grace Hopper         PERSON       CUSTOMER  2023-11-05  199.00  2024-03-01
      Alan Turing          PERSON       PROSPECT  2024-02-20    0.00  -
      Edsger Dijkstra      PERSON       LEAD      2024-04-01   25.00  2024-04-02
      Barbara Liskov       PERSON       FORMER    2024-04-01    0.00  -
      Analytical Engines   ORGANIZATION CUSTOMER  2023-06-01  199.00  -
      Nevada Trading Co    ORGANIZATION LEAD      2024-09-01    0.00  2024-09-02
    Owners: Ada (Bob until 2024-06-01, then Alice), Grace (Alice), Alan (Alice until
    2024-02-25, then Bob), Edsger (Alice until 2024-05-01, nobody now), Engines (Bob),
    Nevada (Alice). Sources: Ada and Nevada by REFERRAL (referred by Grace and Ada), Grace and
    Barbara by WEBSITE, Alan and Engines by CAMPAIGN, Edsger none.
    Influences: Ada→Grace 0.8, Ada→Alan 0.3, Edsger→Ada 0.6, Grace→Barbara 0.5.
    """
    w = World()
    w.alice = await add_employee(
        graph,
        "Alice Archer",
        email="alice@cdp.example",
        title="Account manager",
        created_at=utc(2022, 1, 1),
    )
    w.bob = await add_employee(
        graph, "Bob Baker", email="bob@cdp.example", title="Sales", created_at=utc(2022, 2, 1)
    )
    w.carol = await add_employee(
        graph,
        "Carol Cole",
        email="carol@cdp.example",
        title="Support",
        created_at=utc(2022, 3, 1),
        active=False,
    )
    w.referral = await add_source(graph, "REFERRAL", "Friends program", utc(2023, 1, 1))
    w.website = await add_source(graph, "WEBSITE", "Web shop", utc(2023, 1, 2))
    w.campaign = await add_source(graph, "CAMPAIGN", "Spring campaign", utc(2023, 1, 3))
    w.keyboard = await add_product(
        graph,
        "KB-1",
        "Keyboard",
        4999,
        created_at=utc(2023, 1, 1),
        category="Input",
        unit_cost_minor=2500,
    )
    w.mouse = await add_product(graph, "MS-1", "Mouse", 1250, created_at=utc(2023, 1, 1))
    w.monitor = await add_product(graph, "MN-1", "Monitor", 19900, created_at=utc(2023, 1, 1))
    w.cable = await add_product(graph, "CB-1", "Cable", 500, created_at=utc(2023, 1, 1))

    w.grace = await add_customer(
        graph,
        "Grace Hopper",
        created_at=utc(2023, 11, 5),
        emails=["grace@navy.example"],
        stage="CUSTOMER",
    )
    w.ada = await add_customer(
        graph,
        "Ada Lovelace",
        created_at=utc(2024, 1, 10),
        updated_at=utc(2024, 6, 2, 9, 30),
        emails=["ada@example.com", "ada.lovelace@analytical.org"],
        phones=["+44 20 7946 0001"],
        interests=["mathematics", "poetry"],
        notes="Prefers e-mail.",
        stage="CUSTOMER",
        birth_date="1815-12-10",
        occupation="Mathematician",
        preferred_channel="EMAIL",
        preferred_language="en",
        do_not_contact=False,
    )
    w.alan = await add_customer(
        graph,
        "Alan Turing",
        created_at=utc(2024, 2, 20),
        emails=["alan@bletchley.example"],
        stage="PROSPECT",
    )
    w.edsger = await add_customer(
        graph,
        "Edsger Dijkstra",
        created_at=utc(2024, 4, 1),
        emails=["edsger@eindhoven.example", "ewd@utexas.example"],
        stage="LEAD",
    )
    w.barbara = await add_customer(
        graph,
        "Barbara Liskov",
        created_at=utc(2024, 4, 1),
        emails=["barbara@mit.example"],
        stage="FORMER",
    )
    w.engines = await add_customer(
        graph,
        "Analytical Engines Ltd",
        kind="ORGANIZATION",
        created_at=utc(2023, 6, 1),
        emails=["sales@engines.example"],
        stage="CUSTOMER",
        industry="Machinery",
        employee_count=40,
    )
    w.nevada = await add_customer(
        graph, "Nevada Trading Co", kind="ORGANIZATION", created_at=utc(2024, 9, 1), stage="LEAD"
    )

    await add_external_id(graph, w.ada, "shopify", "SH-42")
    await add_external_id(graph, w.ada, "zendesk", "ZD-7")
    await add_external_id(graph, w.grace, "shopify", "SH-43")
    await add_address(
        graph, w.ada, position=1, kind="HOME", line1="12 St James's Sq", city="London", country="GB"
    )

    await acquire(graph, w.ada, w.referral, utc(2024, 1, 10), referrer_id=w.grace)
    await acquire(graph, w.nevada, w.referral, utc(2024, 9, 1), referrer_id=w.ada)
    await acquire(graph, w.grace, w.website, utc(2023, 11, 5))
    await acquire(graph, w.barbara, w.website, utc(2024, 4, 1))
    await acquire(graph, w.alan, w.campaign, utc(2024, 2, 20))
    await acquire(graph, w.engines, w.campaign, utc(2023, 6, 1))

    await own(graph, w.bob, w.ada, utc(2024, 1, 10), utc(2024, 6, 1))
    await own(graph, w.alice, w.ada, utc(2024, 6, 1))
    await own(graph, w.alice, w.grace, utc(2023, 11, 5))
    await own(graph, w.alice, w.alan, utc(2024, 2, 20), utc(2024, 2, 25))
    await own(graph, w.bob, w.alan, utc(2024, 2, 25))
    await own(graph, w.alice, w.edsger, utc(2024, 4, 1), utc(2024, 5, 1))
    await own(graph, w.bob, w.engines, utc(2023, 6, 1))
    await own(graph, w.alice, w.nevada, utc(2024, 9, 1))

    # Ada: two completed orders (112.48 + 199.00), one pending, one unrealized.
    w.ada_orders["ORD-1001"] = await add_order(
        graph,
        w.ada,
        "ORD-1001",
        "COMPLETED",
        utc(2024, 2, 1, 10),
        [Line(w.keyboard, 2, 4999), Line(w.mouse, 1, 1250)],
    )
    w.ada_orders["ORD-1002"] = await add_order(
        graph,
        w.ada,
        "ORD-1002",
        "COMPLETED",
        utc(2024, 5, 15, 12),
        [Line(w.monitor, 1, 19900)],
        payment_method="INVOICE",
    )
    w.ada_orders["ORD-1003"] = await add_order(
        graph,
        w.ada,
        "ORD-1003",
        "PENDING",
        utc(2024, 7, 1, 8),
        [Line(w.cable, 1, 500), Line(w.keyboard, 1, 4999)],
    )
    w.ada_orders["ORD-1004"] = await add_order(
        graph, w.ada, "ORD-1004", "UNREALIZED", utc(2024, 3, 1, 9), [Line(w.mouse, 3, 1250)]
    )
    await add_order(
        graph, w.grace, "ORD-2001", "COMPLETED", utc(2024, 3, 3), [Line(w.monitor, 1, 19900)]
    )
    await add_order(
        graph, w.alan, "ORD-3001", "PENDING", utc(2024, 2, 21), [Line(w.keyboard, 1, 4999)]
    )
    await add_order(
        graph, w.edsger, "ORD-4001", "COMPLETED", utc(2024, 4, 5), [Line(w.mouse, 2, 1250)]
    )
    await add_order(
        graph, w.engines, "ORD-5001", "COMPLETED", utc(2024, 1, 20), [Line(w.monitor, 1, 19900)]
    )

    # Ada: five touchpoints, two complaints still open.
    tp = w.ada_touchpoints
    tp["inquiry"] = await add_touchpoint(
        graph,
        w.ada,
        "EMAIL",
        "INQUIRY",
        utc(2024, 1, 15, 9),
        resolved=True,
        handled_by=w.alice,
        summary="Asked about keyboards",
    )
    tp["complaint_phone"] = await add_touchpoint(
        graph, w.ada, "PHONE", "COMPLAINT", utc(2024, 3, 2, 14), handled_by=w.bob
    )
    tp["complaint_chat"] = await add_touchpoint(
        graph, w.ada, "CHAT", "COMPLAINT", utc(2024, 4, 10, 16), resolved=True
    )
    tp["offer"] = await add_touchpoint(
        graph, w.ada, "EMAIL", "OFFER", utc(2024, 6, 20, 11), direction="OUTBOUND"
    )
    tp["complaint_late"] = await add_touchpoint(
        graph, w.ada, "PHONE", "COMPLAINT", utc(2024, 8, 1, 10)
    )
    await add_touchpoint(graph, w.grace, "EMAIL", "SALE", utc(2024, 3, 1))
    await add_touchpoint(graph, w.edsger, "PHONE", "INQUIRY", utc(2024, 4, 2), resolved=True)
    await add_touchpoint(
        graph, w.nevada, "EMAIL", "MARKETING", utc(2024, 9, 2), direction="OUTBOUND"
    )

    await influence(graph, w.ada, w.grace, 0.8, "OPINION_LEADER", utc(2024, 3, 1), "Forum posts")
    await influence(graph, w.ada, w.alan, 0.3, "PEER")
    await influence(graph, w.edsger, w.ada, 0.6, "COLLEAGUE", utc(2024, 4, 1))
    await influence(graph, w.grace, w.barbara, 0.5, "FAMILY")

    w.babbage_contact = await add_contact(
        graph, w.engines, "Charles Babbage", role="Founder", emails=["charles@engines.example"]
    )
    w.ada_contact = await add_contact(
        graph,
        w.engines,
        "Ada Lovelace",
        role="Advisor",
        emails=["ada@example.com"],
        channels=["EMAIL"],
        person_id=w.ada,
    )

    w.rows = [
        Row(w.ada, "Ada Lovelace", utc(2024, 1, 10), 31148, utc(2024, 8, 1, 10)),
        Row(w.grace, "Grace Hopper", utc(2023, 11, 5), 19900, utc(2024, 3, 1)),
        Row(w.alan, "Alan Turing", utc(2024, 2, 20), 0, None),
        Row(w.edsger, "Edsger Dijkstra", utc(2024, 4, 1), 2500, utc(2024, 4, 2)),
        Row(w.barbara, "Barbara Liskov", utc(2024, 4, 1), 0, None),
        Row(w.engines, "Analytical Engines Ltd", utc(2023, 6, 1), 19900, None),
        Row(w.nevada, "Nevada Trading Co", utc(2024, 9, 1), 0, utc(2024, 9, 2)),
    ]
    return w

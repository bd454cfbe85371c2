"""The role-by-field matrix: every field of every object type of the SDL, read by every role.

The fields come from `schema/schema.graphql` (parsed with graphql-core), the expected letter of
each role from `tests/integration/access/expectations.py`. Every type is reached at the top
level where the API offers it (`customer(id)`, `node(id)` with an inline fragment,
`customerByExternalId`, `customers`, `orders`, `touchpoints`, `products`, `acquisitionSources`,
`employees`) and nested (a customer through an order, a touchpoint, a contact, a referral...).
For each path and role the fields the table allows are read in one query (then one by one if it
fails, to name the culprit); each field the table forbids is read on its own. Mutations that
answer with an object are paths too (their answer is masked like any read). Every mutation of
the SDL is run by every role as well.

The world: three customers (Ada, a person with every personal field set; Engines Ltd, an
organization whose contact is Ada; Grace, a person), all brought by the partner with a
standing consent to sharing, so the partner may see each of them.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path as FilePath
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLInterfaceType,
    GraphQLObjectType,
    build_schema,
    get_named_type,
    is_non_null_type,
)
from graphql.pyutils import Undefined

from cdp.access.api_keys import create_key, revoke_key
from cdp.access.viewer import PII_READ
from cdp.store.graph import Graph
from tests.integration.access.expectations import EXPECT, ROLES, expected
from tests.integration.access.support import (
    Keys,
    add_full_address,
    add_full_contact,
    add_full_customer,
    brought_by,
    consent_event,
    make_keys,
)
from tests.integration.customers.seed import (
    Line,
    acquire,
    add_customer,
    add_employee,
    add_external_id,
    add_order,
    add_product,
    add_source,
    add_touchpoint,
    influence,
    new_id,
    own,
    utc,
)
from tests.support.api import Json, codes, post
from tests.support.graph import graph_state

SDL_PATH = FilePath(__file__).resolve().parents[3] / "schema" / "schema.graphql"
SDL = build_schema(SDL_PATH.read_text())
TYPES: dict[str, GraphQLObjectType] = {
    name: graphql_type
    for name, graphql_type in sorted(SDL.type_map.items())
    if isinstance(graphql_type, GraphQLObjectType) and not name.startswith("__")
}
SDL_FIELDS = {
    f"{name}.{field}" for name, graphql_type in TYPES.items() for field in graphql_type.fields
}
ROOT_MUTATION = "Mutation"
READ_TYPES = [name for name in TYPES if name != ROOT_MUTATION]


# --- the world --------------------------------------------------------------------------------


@dataclass
class MatrixWorld:
    partner: str = ""
    ada: str = ""
    grace: str = ""
    engines: str = ""
    contact: str = ""
    order: str = ""
    touchpoint: str = ""
    complaint: str = ""  # open, due in the future
    emp: str = ""
    emp_before: str = ""
    src: str = ""
    prd: str = ""
    key: str = ""  # an API key that expires and was revoked
    staff_key: str = ""  # an API key that acts for an employee
    audit: str = ""  # an audit record
    goal: str = ""  # Ada's revenue goal for February 2024
    owner_goal: str = ""  # Erin's goal of outbound contacts, February 2024
    campaign: str = ""  # the winter campaign (MARKETING), 15 January to 29 February 2024
    campaign_src: str = ""  # its acquisition source (kind CAMPAIGN): Engines came through it
    campaign_touchpoint: str = ""  # Ada's inquiry naming the winter campaign, 20 January 2024
    promotion: str = ""  # the keyboard week (TRADE_PROMOTION), 1-7 February 2024, Ada taking part
    # Filled per request: a customer to delete, a unique value.
    extra: dict[str, str] = field(default_factory=dict)


async def seed_matrix_world(graph: Graph, partner_id: str) -> MatrixWorld:
    """Names sort as the customers were created (Ada, Engines, Grace), so a list reads in the
    same order whether it is sorted by name (admins) or by creation (keys without pii:read)."""
    w = MatrixWorld(partner=partner_id)
    w.emp_before = await add_employee(
        graph,
        "Oscar Previous",
        email="oscar@cdp.example",
        title="Sales",
        created_at=utc(2022, 1, 1),
    )
    w.emp = await add_employee(
        graph,
        "Erin Owner",
        email="erin@cdp.example",
        title="Account manager",
        created_at=utc(2022, 2, 1),
    )
    w.src = await add_source(graph, "REFERRAL", "Friends program", utc(2023, 1, 1))
    w.prd = await add_product(
        graph,
        "KB-1",
        "Keyboard",
        4999,
        created_at=utc(2023, 1, 1),
        category="Input",
        unit_cost_minor=2500,
    )
    w.ada = await add_full_customer(
        graph,
        new_id("cus"),
        "Ada Lovelace",
        created_at=utc(2024, 1, 1),
        emails=["ada@example.com", "ada.lovelace@analytical.org"],
        phones=["+44 20 7946 0001"],
    )
    w.engines = await add_full_customer(
        graph,
        new_id("cus"),
        "Engines Ltd",
        kind="ORGANIZATION",
        created_at=utc(2024, 2, 1),
        emails=["sales@engines.example"],
        phones=["+44 20 7946 0999"],
        stage="LEAD",
    )
    w.grace = await add_full_customer(
        graph,
        new_id("cus"),
        "Grace Hopper",
        created_at=utc(2024, 3, 1),
        emails=["grace@navy.example"],
        phones=["+1 555 0100"],
        stage="PROSPECT",
    )
    await add_external_id(graph, w.ada, "crm", "ADA-1")
    await add_external_id(graph, w.ada, "shopify", "SH-1")
    await add_external_id(graph, w.grace, "crm", "GRACE-1")
    await add_full_address(graph, w.ada)
    await acquire(graph, w.ada, w.src, utc(2024, 1, 1), referrer_id=w.grace)
    await acquire(graph, w.grace, w.src, utc(2024, 3, 1), referrer_id=w.ada)
    await own(graph, w.emp_before, w.ada, utc(2024, 1, 1), utc(2024, 6, 1))
    await own(graph, w.emp, w.ada, utc(2024, 6, 1))
    w.order = await add_order(
        graph,
        w.ada,
        "ORD-1",
        "COMPLETED",
        utc(2024, 2, 1, 10),
        [Line(w.prd, 2, 4999)],
        payment_method="INVOICE",
    )
    await graph.write_query(
        "MATCH (o:Order {id: $id})-[:HAD_STATUS]->(s:OrderStatusChange) "
        "SET o.invoiceDueDate = date('2024-03-01'), o.paidAt = $paid, s.reason = 'Paid at once'",
        {"id": w.order, "paid": utc(2024, 2, 20)},
    )
    await graph.write_query(
        "MATCH (c:Customer {id: $id}) CREATE (c)-[:HAD_STAGE]->(:LifecycleChange {stage: "
        "'LEAD', at: c.createdAt, by: 'key_matrix', reason: 'Imported', position: 0})",
        {"id": w.ada},
    )
    w.touchpoint = await add_touchpoint(
        graph,
        w.ada,
        "EMAIL",
        "INQUIRY",
        utc(2024, 2, 2, 9),
        resolved=True,
        handled_by=w.emp,
        summary="Asked about keyboards",
    )
    await graph.write_query(
        "MATCH (t:Touchpoint {id: $id}) SET t.outcome = 'Sent a quote', t.satisfaction = 4, "
        "t.resolvedAt = t.occurredAt, t.resolution = 'Quote accepted', "
        "t.firstContactResolution = true, t.followUpAt = datetime('2024-02-09T09:00:00Z')",
        {"id": w.touchpoint},
    )
    w.complaint = await add_touchpoint(
        graph, w.ada, "PHONE", "COMPLAINT", utc(2024, 2, 3, 9), resolved=False, handled_by=w.emp
    )
    await graph.write_query(
        "MATCH (t:Touchpoint {id: $id}) SET t.dueAt = $due, t.summary = 'Keys stick', "
        "t.outcome = 'Sent a spare', t.resolution = 'Spare keys on the way'",
        {"id": w.complaint, "due": datetime.now(UTC) + timedelta(days=30)},
    )
    # Made over the policy, deliberately, in reply to the inquiry.
    await graph.write_query(
        "MATCH (t:Touchpoint {id: $id}), (asked:Touchpoint {id: $asked}), (o:Order {id: $order}) "
        "CREATE (t)-[:REPLIES_TO]->(asked), (t)-[:REMINDS]->(o) "
        "SET t.overPolicy = true, t.policyReasons = ['WEEKLY_LIMIT'], "
        "t.policyMessages = ['Too many contacts this week.'], "
        "t.overrideReason = 'Urgent recall', t.overriddenBy = $emp",
        {"id": w.complaint, "asked": w.touchpoint, "emp": w.emp, "order": w.order},
    )
    # A contact with Grace yesterday, under a policy of one a week: she may be called again
    # in six days.
    await add_touchpoint(
        graph,
        w.grace,
        "PHONE",
        "SERVICE",
        datetime.now(UTC) - timedelta(days=1),
        direction="OUTBOUND",
    )
    await graph.write_query("CREATE (:ContactPolicy {id: 'policy', weeklyLimit: 1})")
    # Resolved at first contact, in time.
    resolved = await add_touchpoint(
        graph, w.ada, "CHAT", "COMPLAINT", utc(2024, 2, 4, 9), resolved=True, handled_by=w.emp
    )
    await graph.write_query(
        "MATCH (t:Touchpoint {id: $id}) SET t.dueAt = t.occurredAt + duration('PT8H'), "
        "t.resolvedAt = t.occurredAt, t.firstContactResolution = true",
        {"id": resolved},
    )
    await influence(graph, w.ada, w.grace, 0.8, "OPINION_LEADER", utc(2024, 3, 1), "Forum posts")
    await influence(graph, w.grace, w.ada, 0.4, "PEER", utc(2024, 3, 2), "Same club")
    w.contact = await add_full_contact(graph, new_id("con"), w.engines, w.ada, "Ada Lovelace")
    for customer in (w.ada, w.engines, w.grace):
        await brought_by(graph, partner_id, customer)
        await consent_event(graph, customer, "GRANTED", at=utc(2024, 1, 1))
    await consent_event(
        graph, w.ada, "GRANTED", at=utc(2024, 1, 2), purpose="MARKETING", channel="EMAIL"
    )
    key = await create_key(
        graph,
        name="revoked integration",
        role="partner",
        scopes=[PII_READ],
        partner_id=partner_id,
        expires_at=datetime.now(UTC) + timedelta(days=30),
    )
    await revoke_key(graph, key.id)
    w.key = key.id
    w.staff_key = (await create_key(graph, name="erin", role="agent", employee_id=w.emp)).id
    w.goal = await add_goal(graph, "REVENUE", 50000, customer=w.ada)
    w.owner_goal = await add_goal(graph, "OUTBOUND_CONTACTS", 3, owner=w.emp)
    # Erin's work queue today: an overdue invoice of Ada's, Ada's birthday, and her goal of
    # this year, far from its target (with the open complaint and the follow-up above).
    await add_order(graph, w.ada, "LATE-1", "PENDING", utc(2024, 4, 1), [Line(w.prd, 1, 4999)])
    reminder = await add_touchpoint(
        graph, w.ada, "EMAIL", "REMINDER", utc(2024, 5, 10), direction="OUTBOUND"
    )
    await graph.write_query(
        "MATCH (t:Touchpoint {id: $id}), (o:Order {number: 'LATE-1'}) CREATE (t)-[:REMINDS]->(o)",
        {"id": reminder},
    )
    await graph.write_query(
        "MATCH (o:Order {number: 'LATE-1'}) SET o.invoiceDueDate = date('2024-05-01') "
        "WITH o MATCH (c:Customer {id: $ada}) "
        "SET c.birthDate = date({year: 1990, month: date().month, day: date().day})",
        {"ada": w.ada},
    )
    await graph.write_query(
        "MATCH (c:Customer {id: $ada}) "
        "CREATE (c)-[:HAS_GOAL]->(:Goal {id: $id, metric: 'ORDER_COUNT', scope: 'CUSTOMER', "
        "target: 1000, periodFrom: date({year: date().year, month: 1, day: 1}), "
        "periodTo: date({year: date().year, month: 12, day: 31}), "
        "startsAt: datetime({year: date().year, month: 1, day: 1}), "
        "endsAt: datetime({year: date().year + 1, month: 1, day: 1}), "
        "createdAt: datetime(), createdBy: 'key_matrix', updatedAt: datetime()})",
        {"ada": w.ada, "id": new_id("gol")},
    )
    w.audit = f"aud_{uuid.uuid4().hex}"
    await graph.write_query(
        "CREATE (:AuditRecord {id: $id, at: datetime(), keyId: $key, by: $key, role: 'agent', "
        "operation: 'updateCustomer', kind: 'MUTATION', customerIds: [$ada], "
        "fields: ['Customer.notes']})",
        {"id": w.audit, "key": key.id, "ada": w.ada},
    )
    await add_campaigns(graph, w)
    return w


async def add_goal(
    graph: Graph, metric: str, target: int, *, customer: str = "", owner: str = ""
) -> str:
    """A goal for February 2024 (in UTC), set for `customer`, `owner` or the business."""
    goal_id = new_id("gol")
    scope = "CUSTOMER" if customer else "OWNER" if owner else "BUSINESS"
    await graph.write_query(
        "CREATE (g:Goal {id: $id, metric: $metric, scope: $scope, target: $target, "
        "currency: CASE WHEN $metric = 'REVENUE' THEN 'EUR' END, "
        "periodFrom: date('2024-02-01'), periodTo: date('2024-02-29'), "
        "startsAt: datetime('2024-02-01T00:00:00Z'), endsAt: datetime('2024-03-01T00:00:00Z'), "
        "createdAt: datetime('2024-01-15T00:00:00Z'), createdBy: 'key_matrix', "
        "updatedAt: datetime('2024-01-15T00:00:00Z')}) "
        "WITH g OPTIONAL MATCH (holder {id: $holder}) WHERE holder:Customer OR holder:Employee "
        "FOREACH (h IN CASE WHEN holder IS NULL THEN [] ELSE [holder] END | "
        "CREATE (h)-[:HAS_GOAL]->(g))",
        {"id": goal_id, "metric": metric, "scope": scope, "target": target,
         "holder": customer or owner or None},
    )  # fmt: skip
    return goal_id


async def add_campaign(
    graph: Graph,
    name: str,
    kind: str,
    first: datetime,
    last: datetime,
    *,
    channel: str | None = None,
    budget_minor: int | None = None,
    deal: str | None = None,
) -> tuple[str, str]:
    """A campaign over the days of `first` to `last` (midnights in UTC), in euros, and the
    acquisition source of kind CAMPAIGN that stands for it: their ids."""
    campaign_id, source_id = new_id("cmp"), new_id("src")
    starts, ends = first, last + timedelta(days=1)
    created = utc(2024, 1, 10)
    await graph.write_query(
        "CREATE (:AcquisitionSource {id: $source, kind: 'CAMPAIGN', name: $name, "
        "createdAt: $created})-[:OF_CAMPAIGN]->(:Campaign {id: $id, name: $name, kind: $kind, "
        "channel: $channel, periodFrom: $first, periodTo: $last, startsAt: $starts, "
        "endsAt: $ends, baselineStartsAt: $baseline, budgetMinor: $budget, currency: 'EUR', "
        "deal: $deal, createdAt: $created, createdBy: 'key_matrix', updatedAt: $created})",
        {"source": source_id, "id": campaign_id, "name": name, "kind": kind, "channel": channel,
         "first": first.date(), "last": last.date(), "starts": starts, "ends": ends,
         "baseline": starts - (ends - starts), "budget": budget_minor, "deal": deal,
         "created": created},
    )  # fmt: skip
    return campaign_id, source_id


async def add_campaigns(graph: Graph, w: MatrixWorld) -> None:
    """The winter campaign: Engines came through its source (1 February 2024), Ada by an
    inquiry naming it (20 January 2024), her first touch; her completed orders WIN-1 (26
    January) and ORD-1 (1 February) count towards it. The keyboard week promotes the Keyboard
    with Ada taking part: ORD-1 (2 x 49.99) in its days, WIN-1 (1 x 49.99) in the seven before."""
    w.campaign, w.campaign_src = await add_campaign(
        graph,
        "Winter launch",
        "MARKETING",
        utc(2024, 1, 15),
        utc(2024, 2, 29),
        channel="EMAIL",
        budget_minor=150000,
    )
    w.promotion, _ = await add_campaign(
        graph,
        "Keyboard week",
        "TRADE_PROMOTION",
        utc(2024, 2, 1),
        utc(2024, 2, 7),
        deal="Three keyboards for the price of two.",
    )
    await acquire(graph, w.engines, w.campaign_src, utc(2024, 2, 1))
    w.campaign_touchpoint = await add_touchpoint(
        graph,
        w.ada,
        "EMAIL",
        "INQUIRY",
        utc(2024, 1, 20, 9),
        resolved=True,
        handled_by=w.emp,
        summary="Asked about the winter offer",
    )
    await graph.write_query(
        "MATCH (t:Touchpoint {id: $id}), (k:Campaign {id: $campaign}) "
        "CREATE (t)-[:IN_CAMPAIGN]->(k) "
        "SET t.outcome = 'Sent the offer', t.resolvedAt = t.occurredAt, "
        "t.resolution = 'Offer taken up'",
        {"id": w.campaign_touchpoint, "campaign": w.campaign},
    )
    await add_order(
        graph, w.ada, "WIN-1", "COMPLETED", utc(2024, 1, 26, 10), [Line(w.prd, 1, 4999)]
    )
    await graph.write_query(
        "MATCH (k:Campaign {id: $id}), (p:Product {id: $prd}), (c:Customer {id: $ada}) "
        "CREATE (k)-[:PROMOTES]->(p), (c)-[:TAKES_PART_IN]->(k)",
        {"id": w.promotion, "prd": w.prd, "ada": w.ada},
    )


@pytest.fixture
async def keys(graph: Graph) -> Keys:
    return await make_keys(graph, "Matrix Partner")


@pytest.fixture
async def world(graph: Graph, keys: Keys) -> MatrixWorld:
    return await seed_matrix_world(graph, keys.partner_id)


# --- how each type is reached -------------------------------------------------------------


@dataclass(frozen=True)
class Path:
    """A query reaching objects of one type: `<S>` is where a field is selected, `<name>` an
    id of the world (quoted). `at` walks the data to the object(s): a key (mapped over a list),
    or `*name` to pick the list item whose `probeId` is that world id. `blocked` names the
    roles for which the path itself is forbidden (every field reads FORBIDDEN): a field the
    path passes through, or a mutation the role may not run."""

    label: str
    query: str
    at: tuple[str, ...]
    blocked: tuple[str, ...] = ()
    probes: tuple[tuple[str, str], ...] = ()
    # Fields a mutation path sets anew on every run (ids, times): only read, not compared.
    unstable: tuple[str, ...] = ()
    # Fields the path's objects cannot have (a mutation's input does not give them): read on
    # the type's other paths only.
    without: tuple[str, ...] = ()


# What a field of an object type selects under it: a part no role sees masked.
PROBES = {
    "About": "database",
    "ApiKey": "id",
    "AuditRecord": "id",
    "CreatedApiKey": "id",
    "EraseCustomerPayload": "erasedId",
    "Acquisition": "at",
    "AcquisitionSource": "id",
    "Address": "city",
    "ConsentState": "purpose status",
    "Contact": "id",
    "Customer": "id",
    "CustomerConnection": "totalCount",
    "CustomerEdge": "node { id }",
    "CustomerMetrics": "orderCount",
    "CustomerSearchHit": "score",
    "Demographics": "gender",
    "Employee": "id",
    "ExternalId": "system value",
    "Influence": "strength",
    "LineItem": "quantity",
    "Money": "amount currency",
    "Node": "id",
    "Order": "id",
    "OrderConnection": "totalCount",
    "OrderEdge": "node { id }",
    "OrderStatusChange": "status",
    "LifecycleChange": "stage",
    "SlaStatus": "dueAt",
    "ContactPolicy": "weeklyLimit",
    "ComplaintDue": "priority",
    "WorkItem": "priority",
    "InvoiceReminder": "priority",
    "GoalAtRisk": "priority",
    "FollowUpDue": "priority",
    "GreetingDue": "priority",
    "ContactDecision": "allowed",
    "ContactReason": "rule",
    "ContactOverride": "reason",
    "ServiceStats": "complaints",
    "KindStats": "kind",
    "Ownership": "since",
    "PageInfo": "hasNextPage",
    "Preferences": "doNotContact",
    "Product": "id",
    "PurchasedProduct": "quantity",
    "Touchpoint": "id",
    "Goal": "id",
    "GoalPeriod": "from",
    "GoalValue": "count money { amount }",
    "GoalProgress": "onTrack",
    "GoalConnection": "totalCount",
    "GoalEdge": "node { id }",
    "Campaign": "id",
    "CampaignPeriod": "from",
    "PromotionLift": "ratio",
    "CustomerLift": "ratio",
    "CampaignConnection": "totalCount",
    "CampaignEdge": "node { id }",
    "TouchpointConnection": "totalCount",
    "TouchpointEdge": "node { id }",
}
# Arguments of fields that have required ones (or that the matrix narrows).
ARGS = {
    "Query.customer": "(id: <ada>)",
    "Query.customerByExternalId": '(system: "crm", value: "ADA-1")',
    "Query.node": "(id: <ada>)",
    "Query.searchCustomers": '(text: "Ada")',
    "Query.customers": "(first: 50)",
    "Query.orders": "(first: 50)",
    "Query.touchpoints": "(first: 50)",
    "Query.goals": "(first: 50)",
    "Query.campaigns": "(first: 50)",
    "Query.campaign": "(id: <campaign>)",
    "Query.exportCustomerData": "(id: <ada>)",
    "Query.contactAllowed": "(customer: <grace>, channel: PHONE, kind: SERVICE)",
    "Query.workQueue": "(owner: <emp>)",
}
PARTNER = ("partner",)
ANALYST = ("analyst",)
# Organizations have contacts, Ada is a person: her `contacts` is rightly empty.
# Items of the work queue that call for no contact have no contact decision.
EMPTY_OK = {"Customer.contacts", "ComplaintDue.contact", "GoalAtRisk.contact"}

ON_ORDER = "{ node(id: <order>) { ... on Order { %s } } }"
ON_TOUCHPOINT = "{ node(id: <touchpoint>) { ... on Touchpoint { %s } } }"
ON_CONTACT = "{ node(id: <contact>) { ... on Contact { %s } } }"
ADA = "{ customer(id: <ada>) { %s } }"
QUEUE = "{ workQueue(owner: <emp>) { __typename %s } }"
ON_GOAL = "{ node(id: <goal>) { ... on Goal { %s } } }"
ON_CAMPAIGN = "{ node(id: <campaign>) { ... on Campaign { %s } } }"
ON_PROMOTION = "{ node(id: <promotion>) { ... on Campaign { %s } } }"

PATHS: dict[str, list[Path]] = {
    "Query": [Path("root", "{ <S> }", ())],
    "About": [Path("about", "{ about { <S> } }", ("about",))],
    "Customer": [
        Path("customer(id)", "{ customer(id: <ada>) { <S> } }", ("customer",)),
        Path("node(id)", "{ node(id: <ada>) { ... on Customer { <S> } } }", ("node",)),
        Path(
            "customerByExternalId",
            '{ customerByExternalId(system: "crm", value: "ADA-1") { <S> } }',
            ("customerByExternalId",),
        ),
        Path(
            "customers.nodes",
            "{ customers(first: 50) { nodes { <S> } } }",
            ("customers", "nodes", "*ada"),
        ),
        Path(
            "customers.edges.node",
            "{ customers(first: 50, filter: {lifecycleStage: [CUSTOMER]}) "
            "{ edges { node { <S> } } } }",
            ("customers", "edges", "node", "*ada"),
        ),
        Path("Order.customer", ON_ORDER % "customer { <S> }", ("node", "customer")),
        Path("Touchpoint.customer", ON_TOUCHPOINT % "customer { <S> }", ("node", "customer")),
        Path("Contact.person", ON_CONTACT % "person { <S> }", ("node", "person")),
        Path(
            "Contact.organization.contacts.person",
            ON_CONTACT % "organization { contacts { probeId: id person { <S> } } }",
            ("node", "organization", "contacts", "*contact", "person"),
        ),
        Path(
            "Acquisition.referrer",
            "{ customer(id: <grace>) { acquisition { referrer { <S> } } } }",
            ("customer", "acquisition", "referrer"),
        ),
        Path(
            "Influence.customer",
            "{ customer(id: <grace>) { influencedBy { customer { <S> } } } }",
            ("customer", "influencedBy", "customer", "*ada"),
            blocked=PARTNER,
        ),
        Path(
            "Employee.customers",
            "{ employees { probeId: id customers { <S> } } }",
            ("employees", "*emp", "customers", "*ada"),
            blocked=PARTNER,
        ),
        Path(
            "AcquisitionSource.customers",
            "{ acquisitionSources { probeId: id customers { <S> } } }",
            ("acquisitionSources", "*src", "customers", "*ada"),
            blocked=PARTNER,
        ),
        Path(
            "Product.customers",
            "{ products { probeId: id customers { <S> } } }",
            ("products", "*prd", "customers", "*ada"),
            blocked=PARTNER,
        ),
        Path(
            "Campaign.leads",
            ON_CAMPAIGN % "leads { <S> }",
            ("node", "leads", "*ada"),
            blocked=PARTNER,
        ),
        Path(
            "CustomerLift.customer",
            ON_PROMOTION % "lift { byCustomer { customer { <S> } } }",
            ("node", "lift", "byCustomer", "customer"),
            blocked=PARTNER,
        ),
        Path(
            "InvoiceReminder.customer",
            QUEUE % "... on InvoiceReminder { customer { <S> } }",
            ("workQueue", "@InvoiceReminder", "customer"),
            blocked=PARTNER,
        ),
        # Mutations answer with the changed object, masked as any read (last: they write).
        Path(
            "updateCustomer",
            'mutation { updateCustomer(id: <ada>, input: {interests: ["mathematics", "poetry"]}) '
            "{ <S> } }",
            ("updateCustomer",),
            blocked=ANALYST,
            unstable=("updatedAt",),
        ),
        Path(
            "createCustomer",
            'mutation { createCustomer(input: {name: "Alan Turing", emails: ["alan@b.example"], '
            'phones: ["+44 1908 640404"], notes: "Codebreaker.", interests: ["chess"], '
            'demographics: {birthDate: "1912-06-23", gender: "male"}, '
            'preferences: {preferredChannel: EMAIL, preferredLanguage: "en"}, '
            'externalIds: [{system: "new", value: <fresh>}], '
            'addresses: [{kind: "HOME", line1: "Bletchley Park", line2: "Hut 8", city: "Milton '
            'Keynes", postalCode: "MK3 6EB", region: "Bucks", country: "GB"}], '
            'acquisition: {sourceId: <src>, at: "2024-01-01T00:00:00Z"}, '
            'createdAt: "2024-04-01T00:00:00Z"}) { <S> } }',
            ("createCustomer",),
            blocked=ANALYST,
            unstable=("id", "updatedAt", "externalIds"),
        ),
    ],
    "Demographics": [
        Path("Customer.demographics", ADA % "demographics { <S> }", ("customer", "demographics")),
        Path(
            "Contact.person.demographics",
            ON_CONTACT % "person { demographics { <S> } }",
            ("node", "person", "demographics"),
        ),
        Path(
            "customers.nodes.demographics",
            "{ customers(first: 50) { nodes { probeId: id demographics { <S> } } } }",
            ("customers", "nodes", "*ada", "demographics"),
        ),
    ],
    "Preferences": [
        Path("Customer.preferences", ADA % "preferences { <S> }", ("customer", "preferences")),
        Path(
            "Order.customer.preferences",
            ON_ORDER % "customer { preferences { <S> } }",
            ("node", "customer", "preferences"),
        ),
    ],
    "ExternalId": [
        Path("Customer.externalIds", ADA % "externalIds { <S> }", ("customer", "externalIds")),
        Path(
            "customerByExternalId.externalIds",
            '{ customerByExternalId(system: "crm", value: "ADA-1") { externalIds { <S> } } }',
            ("customerByExternalId", "externalIds"),
        ),
        Path(
            "Order.customer.externalIds",
            ON_ORDER % "customer { externalIds { <S> } }",
            ("node", "customer", "externalIds"),
        ),
    ],
    "Address": [
        Path("Customer.addresses", ADA % "addresses { <S> }", ("customer", "addresses")),
        Path(
            "Touchpoint.customer.addresses",
            ON_TOUCHPOINT % "customer { addresses { <S> } }",
            ("node", "customer", "addresses"),
        ),
        Path(
            "Contact.person.addresses",
            ON_CONTACT % "person { addresses { <S> } }",
            ("node", "person", "addresses"),
        ),
    ],
    "Acquisition": [
        Path("Customer.acquisition", ADA % "acquisition { <S> }", ("customer", "acquisition")),
        Path(
            "Order.customer.acquisition",
            ON_ORDER % "customer { acquisition { <S> } }",
            ("node", "customer", "acquisition"),
        ),
        Path(
            "customers.nodes.acquisition",
            "{ customers(first: 50) { nodes { probeId: id acquisition { <S> } } } }",
            ("customers", "nodes", "*ada", "acquisition"),
        ),
    ],
    "AcquisitionSource": [
        Path(
            "acquisitionSources", "{ acquisitionSources { <S> } }", ("acquisitionSources", "*src")
        ),
        Path("node(id)", "{ node(id: <src>) { ... on AcquisitionSource { <S> } } }", ("node",)),
        Path(
            "node(id) of a campaign's",
            "{ node(id: <campaign_src>) { ... on AcquisitionSource { <S> } } }",
            ("node",),
        ),
        Path(
            "Campaign.acquisitionSource",
            ON_CAMPAIGN % "acquisitionSource { <S> }",
            ("node", "acquisitionSource"),
            blocked=PARTNER,
        ),
        Path(
            "Acquisition.source",
            ADA % "acquisition { source { <S> } }",
            ("customer", "acquisition", "source"),
        ),
    ],
    "CustomerMetrics": [
        Path("Customer.metrics", ADA % "metrics { <S> }", ("customer", "metrics")),
        Path(
            "Touchpoint.customer.metrics",
            ON_TOUCHPOINT % "customer { metrics { <S> } }",
            ("node", "customer", "metrics"),
        ),
        Path(
            "customers.nodes.metrics",
            "{ customers(first: 50) { nodes { probeId: id metrics { <S> } } } }",
            ("customers", "nodes", "*ada", "metrics"),
        ),
    ],
    "ConsentState": [
        Path("Customer.consent", ADA % "consent { <S> }", ("customer", "consent")),
        Path(
            "Customer.consentHistory",
            ADA % "consentHistory { <S> }",
            ("customer", "consentHistory"),
        ),
        Path(
            "Order.customer.consent",
            ON_ORDER % "customer { consent { <S> } }",
            ("node", "customer", "consent"),
        ),
    ],
    "PurchasedProduct": [
        Path(
            "Customer.productsBought",
            ADA % "productsBought { <S> }",
            ("customer", "productsBought"),
        ),
        Path(
            "Order.customer.productsBought",
            ON_ORDER % "customer { productsBought { <S> } }",
            ("node", "customer", "productsBought"),
        ),
    ],
    "Influence": [
        Path("Customer.influences", ADA % "influences { <S> }", ("customer", "influences")),
        Path("Customer.influencedBy", ADA % "influencedBy { <S> }", ("customer", "influencedBy")),
        Path(
            "Order.customer.influences",
            ON_ORDER % "customer { influences { <S> } }",
            ("node", "customer", "influences"),
        ),
        Path(
            "linkInfluence",
            "mutation { linkInfluence(input: {fromId: <ada>, toId: <grace>, strength: 0.8, "
            'kind: OPINION_LEADER, since: "2024-03-01T00:00:00Z", evidence: "Forum posts"}) '
            "{ <S> } }",
            ("linkInfluence",),
            blocked=(*ANALYST, *PARTNER),
        ),
    ],
    "Ownership": [
        Path("Customer.ownerHistory", ADA % "ownerHistory { <S> }", ("customer", "ownerHistory")),
        Path(
            "Order.customer.ownerHistory",
            ON_ORDER % "customer { ownerHistory { <S> } }",
            ("node", "customer", "ownerHistory"),
        ),
    ],
    "CustomerConnection": [
        Path("customers", "{ customers(first: 50) { <S> } }", ("customers",)),
        Path(
            "customers(filter, orderBy)",
            "{ customers(first: 50, filter: {lifecycleStage: [CUSTOMER, LEAD, PROSPECT]}, "
            "orderBy: CREATED_AT_ASC) { <S> } }",
            ("customers",),
        ),
    ],
    # The default order: by name for admins, by creation for keys without pii:read.
    "CustomerEdge": [
        Path(
            "customers.edges", "{ customers(first: 50) { edges { <S> } } }", ("customers", "edges")
        ),
    ],
    "CustomerSearchHit": [
        Path("searchCustomers", '{ searchCustomers(text: "Ada") { <S> } }', ("searchCustomers",)),
    ],
    "Contact": [
        Path("node(id)", ON_CONTACT % "<S>", ("node",)),
        Path(
            "Customer.contacts",
            "{ customer(id: <engines>) { contacts { <S> } } }",
            ("customer", "contacts", "*contact"),
        ),
        Path(
            "Customer.contactOf",
            ADA % "contactOf { <S> }",
            ("customer", "contactOf", "*contact"),
            blocked=PARTNER,
        ),
        Path(
            "addContact",
            'mutation { addContact(organizationId: <engines>, input: {name: "Ada Lovelace", '
            'role: "Advisor", emails: ["ada@example.com"], phones: ["+44 20 7946 0001"], '
            "channels: [EMAIL], personCustomerId: <ada>}) { <S> } }",
            ("addContact",),
            blocked=(*ANALYST, *PARTNER),
            unstable=("id",),
        ),
    ],
    "Order": [
        Path("node(id)", ON_ORDER % "<S>", ("node",)),
        Path(
            "Customer.orders.nodes",
            ADA % "orders { nodes { <S> } }",
            ("customer", "orders", "nodes", "*order"),
        ),
        Path(
            "Customer.orders.edges.node",
            ADA % "orders(status: [COMPLETED]) { edges { node { <S> } } }",
            ("customer", "orders", "edges", "node", "*order"),
        ),
        Path(
            "Touchpoint.customer.orders",
            ON_TOUCHPOINT % "customer { orders { nodes { <S> } } }",
            ("node", "customer", "orders", "nodes", "*order"),
        ),
        Path(
            "placeOrder",
            "mutation { placeOrder(input: {customerId: <ada>, status: COMPLETED, "
            'placedAt: "2024-02-01T10:00:00Z", paymentMethod: INVOICE, '
            'invoiceDueDate: "2024-03-01", items: [{productId: <prd>, quantity: 2}]}) '
            "{ <S> } }",
            ("placeOrder",),
            blocked=ANALYST,
            unstable=("id", "number"),
        ),
    ],
    "OrderConnection": [
        Path("Customer.orders", ADA % "orders { <S> }", ("customer", "orders")),
        Path("Query.orders", "{ orders(first: 50) { <S> } }", ("orders",)),
        Path(
            "Touchpoint.customer.orders",
            ON_TOUCHPOINT % "customer { orders(first: 5) { <S> } }",
            ("node", "customer", "orders"),
        ),
    ],
    "OrderStatusChange": [
        Path("Order.statusHistory", ON_ORDER % "statusHistory { <S> }", ("node", "statusHistory")),
    ],
    "LifecycleChange": [
        Path(
            "Customer.lifecycleHistory",
            ADA % "lifecycleHistory { <S> }",
            ("customer", "lifecycleHistory"),
        ),
    ],
    "OrderEdge": [
        Path(
            "Customer.orders.edges",
            ADA % "orders { edges { <S> } }",
            ("customer", "orders", "edges"),
        ),
    ],
    "LineItem": [
        Path("Order.items", ON_ORDER % "items { <S> }", ("node", "items")),
        Path(
            "Customer.orders.nodes.items",
            ADA % "orders { nodes { probeId: id items { <S> } } }",
            ("customer", "orders", "nodes", "*order", "items"),
        ),
    ],
    "Money": [
        Path(
            "Product.price",
            "{ products { probeId: id price { <S> } } }",
            ("products", "*prd", "price"),
        ),
        Path("Order.total", ON_ORDER % "total { <S> }", ("node", "total")),
        Path(
            "LineItem.unitPrice",
            ON_ORDER % "items { unitPrice { <S> } }",
            ("node", "items", "unitPrice"),
        ),
        Path(
            "CustomerMetrics.lifetimeRevenue",
            ADA % "metrics { lifetimeRevenue { <S> } }",
            ("customer", "metrics", "lifetimeRevenue"),
        ),
        Path(
            "PurchasedProduct.revenue",
            ADA % "productsBought { revenue { <S> } }",
            ("customer", "productsBought", "revenue"),
        ),
        Path(
            "Campaign.revenue",
            ON_CAMPAIGN % "revenue { <S> }",
            ("node", "revenue"),
            blocked=PARTNER,
        ),
    ],
    "Touchpoint": [
        Path("node(id)", ON_TOUCHPOINT % "<S>", ("node",)),
        Path(
            "Customer.touchpoints.nodes",
            ADA % "touchpoints { nodes { <S> } }",
            ("customer", "touchpoints", "nodes", "*touchpoint"),
        ),
        Path(
            "Customer.touchpoints.edges.node",
            ADA % "touchpoints(kinds: [INQUIRY]) { edges { node { <S> } } }",
            ("customer", "touchpoints", "edges", "node", "*touchpoint"),
        ),
        Path(
            "Order.customer.touchpoints",
            ON_ORDER % "customer { touchpoints { nodes { <S> } } }",
            ("node", "customer", "touchpoints", "nodes", "*touchpoint"),
        ),
        Path(
            "node(id) naming a campaign",
            "{ node(id: <campaign_touchpoint>) { ... on Touchpoint { <S> } } }",
            ("node",),
        ),
        Path(
            "Campaign.touchpoints",
            ON_CAMPAIGN % "touchpoints { <S> }",
            ("node", "touchpoints", "*campaign_touchpoint"),
            blocked=PARTNER,
        ),
        Path(
            "recordTouchpoint",
            "mutation { recordTouchpoint(input: {customerId: <ada>, channel: EMAIL, "
            'direction: INBOUND, kind: INQUIRY, occurredAt: "2024-02-02T09:00:00Z", '
            'summary: "Asked about keyboards", outcome: "Sent a quote", satisfaction: 4, '
            "resolved: true, handledById: <emp>}) { <S> } }",
            ("recordTouchpoint",),
            blocked=ANALYST,
            unstable=("id",),
            without=("resolution",),  # given by resolveComplaint only
        ),
        Path(
            "recordTouchpoint naming a campaign",
            "mutation { recordTouchpoint(input: {customerId: <ada>, channel: EMAIL, "
            'direction: INBOUND, kind: INQUIRY, occurredAt: "2024-01-20T09:00:00Z", '
            'summary: "Asked about the winter offer", outcome: "Sent the offer", '
            "resolved: true, handledById: <emp>, campaignId: <campaign>}) { <S> } }",
            ("recordTouchpoint",),
            blocked=(*ANALYST, *PARTNER),  # a partner may not name a campaign
            unstable=("id",),
            without=("resolution",),  # given by resolveComplaint only
        ),
        Path(
            "Customer.touchpoints(kinds: COMPLAINT)",
            ADA % "touchpoints(kinds: [COMPLAINT]) { nodes { <S> } }",
            ("customer", "touchpoints", "nodes", "*complaint"),
        ),
    ],
    **{
        name: [
            Path(
                f"workQueue.{name}",
                QUEUE % f"... on {name} {{ <S> }}",
                ("workQueue", f"@{name}"),
                blocked=PARTNER,
            )
        ]
        for name in ("ComplaintDue", "InvoiceReminder", "GoalAtRisk", "FollowUpDue", "GreetingDue")
    },
    "ContactPolicy": [
        Path("contactPolicy", "{ contactPolicy { <S> } }", ("contactPolicy",), blocked=PARTNER),
    ],
    "ContactDecision": [
        Path(
            "contactAllowed",
            "{ contactAllowed(customer: <grace>, channel: PHONE, kind: SERVICE) { <S> } }",
            ("contactAllowed",),
            blocked=PARTNER,
        ),
    ],
    "ContactReason": [
        Path(
            "Touchpoint.policyReasons",
            ADA % "touchpoints(kinds: [COMPLAINT]) { nodes { probeId: id policyReasons { <S> } } }",
            ("customer", "touchpoints", "nodes", "*complaint", "policyReasons"),
        ),
        Path(
            "ContactDecision.reasons",
            "{ contactAllowed(customer: <grace>, channel: PHONE, kind: SERVICE) "
            "{ reasons { <S> } } }",
            ("contactAllowed", "reasons"),
            blocked=PARTNER,
        ),
    ],
    "ContactOverride": [
        Path(
            "Touchpoint.override",
            ADA % "touchpoints(kinds: [COMPLAINT]) { nodes { probeId: id override { <S> } } }",
            ("customer", "touchpoints", "nodes", "*complaint", "override"),
            blocked=PARTNER,
        ),
    ],
    "SlaStatus": [
        Path(
            "Touchpoint.sla",
            ADA % "touchpoints(kinds: [COMPLAINT]) { nodes { probeId: id sla { <S> } } }",
            ("customer", "touchpoints", "nodes", "*complaint", "sla"),
            blocked=PARTNER,
            unstable=("remaining",),  # seconds, counted at each read
        ),
    ],
    "ServiceStats": [
        Path(
            "Employee.serviceStats",
            "{ node(id: <emp>) { ... on Employee { serviceStats { <S> } } } }",
            ("node", "serviceStats"),
            blocked=PARTNER,
        ),
    ],
    "KindStats": [
        Path(
            "ServiceStats.byKind",
            "{ node(id: <emp>) { ... on Employee { serviceStats { byKind { <S> } } } } }",
            ("node", "serviceStats", "byKind"),
            blocked=PARTNER,
        ),
    ],
    "TouchpointConnection": [
        Path("Customer.touchpoints", ADA % "touchpoints { <S> }", ("customer", "touchpoints")),
        Path("Query.touchpoints", "{ touchpoints(first: 50) { <S> } }", ("touchpoints",)),
        Path(
            "Order.customer.touchpoints",
            ON_ORDER % "customer { touchpoints { <S> } }",
            ("node", "customer", "touchpoints"),
        ),
    ],
    "TouchpointEdge": [
        Path(
            "Customer.touchpoints.edges",
            ADA % "touchpoints { edges { <S> } }",
            ("customer", "touchpoints", "edges"),
        ),
    ],
    "PageInfo": [
        Path(
            "Customer.orders.pageInfo",
            ADA % "orders(first: 1) { pageInfo { <S> } }",
            ("customer", "orders", "pageInfo"),
        ),
        Path(
            "Customer.touchpoints.pageInfo",
            ADA % "touchpoints(first: 1) { pageInfo { <S> } }",
            ("customer", "touchpoints", "pageInfo"),
        ),
    ],
    "Product": [
        Path("products", "{ products { <S> } }", ("products", "*prd")),
        Path("node(id)", "{ node(id: <prd>) { ... on Product { <S> } } }", ("node",)),
        Path(
            "LineItem.product", ON_ORDER % "items { product { <S> } }", ("node", "items", "product")
        ),
        Path(
            "PurchasedProduct.product",
            ADA % "productsBought { product { <S> } }",
            ("customer", "productsBought", "product"),
        ),
        Path(
            "Campaign.products",
            ON_PROMOTION % "products { <S> }",
            ("node", "products", "*prd"),
            blocked=PARTNER,
        ),
    ],
    "Employee": [
        Path("employees", "{ employees { <S> } }", ("employees", "*emp")),
        Path("node(id)", "{ node(id: <emp>) { ... on Employee { <S> } } }", ("node",)),
        Path("Customer.accountOwner", ADA % "accountOwner { <S> }", ("customer", "accountOwner")),
        Path("Touchpoint.handledBy", ON_TOUCHPOINT % "handledBy { <S> }", ("node", "handledBy")),
        Path(
            "Ownership.employee",
            ADA % "ownerHistory { employee { <S> } }",
            ("customer", "ownerHistory", "employee", "*emp"),
        ),
    ],
    "ApiKey": [
        Path("apiKeys", "{ apiKeys { <S> } }", ("apiKeys", "*key")),
        Path("apiKeys(employee)", "{ apiKeys { <S> } }", ("apiKeys", "*staff_key")),
    ],
    "AuditRecord": [
        Path("auditLog", "{ auditLog { <S> } }", ("auditLog", "*audit")),
        Path(
            "auditLog(customerId)",
            "{ auditLog(customerId: <ada>) { <S> } }",
            ("auditLog", "*audit"),
        ),
    ],
    "Goal": [
        Path("node(id)", ON_GOAL % "<S>", ("node",), blocked=PARTNER),
        Path(
            "node(id) of an owner's goal",
            "{ node(id: <owner_goal>) { ... on Goal { <S> } } }",
            ("node",),
            blocked=PARTNER,
        ),
        Path(
            "goals.nodes",
            "{ goals(first: 50) { nodes { <S> } } }",
            ("goals", "nodes", "*goal"),
            blocked=PARTNER,
        ),
        Path(
            "Customer.goals", ADA % "goals { <S> }", ("customer", "goals", "*goal"), blocked=PARTNER
        ),
        Path(
            "Employee.goals",
            "{ node(id: <emp>) { ... on Employee { goals { <S> } } } }",
            ("node", "goals", "*owner_goal"),
            blocked=PARTNER,
        ),
        Path(
            "setGoal",
            "mutation { setGoal(input: {metric: REVENUE, customerId: <ada>, "
            'target: {money: "500.00"}, period: {from: "2024-02-01", to: "2024-02-29"}}) '
            "{ <S> } }",
            ("setGoal",),
            blocked=(*ANALYST, *PARTNER),
            unstable=("id", "createdAt", "createdBy", "updatedAt"),
        ),
        Path(
            "updateGoal",
            'mutation { updateGoal(id: <goal>, input: {target: {money: "500.00"}}) { <S> } }',
            ("updateGoal",),
            blocked=(*ANALYST, *PARTNER),
            unstable=("updatedAt",),
        ),
    ],
    "GoalPeriod": [
        Path("Goal.period", ON_GOAL % "period { <S> }", ("node", "period"), blocked=PARTNER)
    ],
    "GoalValue": [
        Path("Goal.target", ON_GOAL % "target { <S> }", ("node", "target"), blocked=PARTNER),
        Path(
            "GoalProgress.actual of a count",
            "{ node(id: <owner_goal>) { ... on Goal { progress { actual { <S> } } } } }",
            ("node", "progress", "actual"),
            blocked=PARTNER,
        ),
    ],
    "GoalProgress": [
        Path("Goal.progress", ON_GOAL % "progress { <S> }", ("node", "progress"), blocked=PARTNER)
    ],
    "GoalConnection": [
        Path("Query.goals", "{ goals(first: 50) { <S> } }", ("goals",), blocked=PARTNER),
    ],
    "GoalEdge": [
        Path(
            "goals.edges",
            "{ goals(first: 50) { edges { <S> } } }",
            ("goals", "edges"),
            blocked=PARTNER,
        ),
    ],
    "Campaign": [
        Path("node(id)", ON_CAMPAIGN % "<S>", ("node",), blocked=PARTNER),
        Path("node(id) of a trade promotion", ON_PROMOTION % "<S>", ("node",), blocked=PARTNER),
        Path(
            "campaign(id)", "{ campaign(id: <promotion>) { <S> } }", ("campaign",), blocked=PARTNER
        ),
        Path(
            "campaigns.nodes",
            "{ campaigns(first: 50) { nodes { <S> } } }",
            ("campaigns", "nodes", "*campaign"),
            blocked=PARTNER,
        ),
        Path(
            "AcquisitionSource.campaign",
            "{ node(id: <campaign_src>) { ... on AcquisitionSource { campaign { <S> } } } }",
            ("node", "campaign"),
            blocked=PARTNER,
        ),
        Path(
            "Touchpoint.campaign",
            "{ node(id: <campaign_touchpoint>) { ... on Touchpoint { campaign { <S> } } } }",
            ("node", "campaign"),
            blocked=PARTNER,
        ),
        Path(
            "createCampaign",
            'mutation { createCampaign(input: {name: "Keyboard week", kind: TRADE_PROMOTION, '
            'period: {from: "2024-02-01", to: "2024-02-07"}, channel: EMAIL, budget: "800.00", '
            'deal: "Three keyboards for the price of two.", productIds: [<prd>], '
            "participantIds: [<ada>]}) { <S> } }",
            ("createCampaign",),
            blocked=(*ANALYST, *PARTNER),
            unstable=("id", "acquisitionSource", "createdAt", "createdBy", "updatedAt"),
        ),
        Path(
            "updateCampaign",
            'mutation { updateCampaign(id: <campaign>, input: {budget: "1500.00"}) { <S> } }',
            ("updateCampaign",),
            blocked=(*ANALYST, *PARTNER),
            unstable=("updatedAt",),
        ),
    ],
    "CampaignPeriod": [
        Path(
            "Campaign.period", ON_CAMPAIGN % "period { <S> }", ("node", "period"), blocked=PARTNER
        ),
    ],
    "PromotionLift": [
        Path("Campaign.lift", ON_PROMOTION % "lift { <S> }", ("node", "lift"), blocked=PARTNER),
    ],
    "CustomerLift": [
        Path(
            "PromotionLift.byCustomer",
            ON_PROMOTION % "lift { byCustomer { <S> } }",
            ("node", "lift", "byCustomer"),
            blocked=PARTNER,
        ),
    ],
    "CampaignConnection": [
        Path(
            "Query.campaigns", "{ campaigns(first: 50) { <S> } }", ("campaigns",), blocked=PARTNER
        ),
        Path(
            "campaigns(filter)",
            '{ campaigns(first: 50, filter: {kind: [MARKETING], activeOn: "2024-02-03"}) { <S> } }',
            ("campaigns",),
            blocked=PARTNER,
        ),
    ],
    "CampaignEdge": [
        Path(
            "campaigns.edges",
            "{ campaigns(first: 50) { edges { <S> } } }",
            ("campaigns", "edges"),
            blocked=PARTNER,
        ),
    ],
    # Payloads exist only as the answer of their mutation: each read runs it anew.
    "CreatedApiKey": [
        Path(
            "createApiKey",
            'mutation { createApiKey(input: {name: "matrix", role: ANALYST}) { <S> } }',
            ("createApiKey",),
        ),
    ],
    "EraseCustomerPayload": [
        Path(
            "eraseCustomer", "mutation { eraseCustomer(id: <victim>) { <S> } }", ("eraseCustomer",)
        ),
    ],
    "UpsertCustomerPayload": [
        Path(
            "upsertCustomer",
            'mutation { upsertCustomer(externalId: {system: "matrix", value: <fresh>}, '
            'input: {name: "Upserted Org", kind: ORGANIZATION}) { <S> } }',
            ("upsertCustomer",),
            probes=(("Customer", "kind lifecycleStage"),),
        ),
    ],
    "UpsertCustomersPayload": [
        Path(
            "upsertCustomers",
            'mutation { upsertCustomers(rows: [{externalId: {system: "matrix", value: <fresh>}, '
            'customer: {name: "Bulk Org", kind: ORGANIZATION}}]) { <S> } }',
            ("upsertCustomers",),
            unstable=("customerIds",),
        ),
    ],
    "DeleteCustomerPayload": [
        Path(
            "deleteCustomer",
            "mutation { deleteCustomer(id: <victim>) { <S> } }",
            ("deleteCustomer",),
        ),
    ],
}


# --- running the matrix ---------------------------------------------------------------------

_TOKEN = re.compile(r"<(\w+)>")


async def render(graph: Graph, world: MatrixWorld, template: str, selection: str) -> str:
    """The query of a path with `selection` in place of `<S>` and the world's ids quoted."""
    if "<victim>" in template:
        world.extra["victim"] = await add_customer(
            graph, "Victim Org", kind="ORGANIZATION", created_at=utc(2024, 5, 1)
        )
    if "<open_complaint>" in template:
        world.extra["open_complaint"] = await add_touchpoint(
            graph, world.ada, "EMAIL", "COMPLAINT", utc(2024, 4, 2), resolved=False
        )
    if "<overdue>" in template:
        world.extra["overdue"] = await add_order(
            graph,
            world.ada,
            "LATE-" + uuid.uuid4().hex,
            "PENDING",
            utc(2024, 4, 1),
            [Line(world.prd, 1, 4999)],
        )
        await graph.write_query(
            "MATCH (o:Order {id: $id}) SET o.invoiceDueDate = date('2024-05-01')",
            {"id": world.extra["overdue"]},
        )
    if "<victim_goal>" in template:
        world.extra["victim_goal"] = await add_goal(graph, "NEW_CUSTOMERS", 2)
    if "<completed>" in template:
        world.extra["completed"] = await add_order(
            graph,
            world.ada,
            "DONE-" + uuid.uuid4().hex,
            "COMPLETED",
            utc(2024, 4, 1),
            [Line(world.prd, 1, 4999)],
        )
    world.extra["fresh"] = uuid.uuid4().hex

    def token(match: re.Match[str]) -> str:
        name = match[1]
        value = world.extra[name] if name in world.extra else getattr(world, name)
        return json.dumps(value)

    return _TOKEN.sub(token, template.replace("<S>", selection))


def field_selection(type_name: str, field_name: str, path: Path) -> str:
    definition = TYPES[type_name].fields[field_name]
    args = ARGS.get(f"{type_name}.{field_name}", "")
    for arg_name, arg in definition.args.items():
        if is_non_null_type(arg.type) and arg.default_value is Undefined:
            assert f"{arg_name}:" in args, f"{type_name}.{field_name} needs ARGS for {arg_name}"
    named = get_named_type(definition.type)
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        probes = dict(path.probes)
        probe = probes.get(named.name) or PROBES.get(named.name)
        assert probe, f"no probe selection for type {named.name} (add it to PROBES)"
        return f"{field_name}{args} {{ {probe} }}"
    return f"{field_name}{args}"


def selection_of(type_name: str, fields: list[str], path: Path) -> str:
    parts = [field_selection(type_name, name, path) for name in fields]
    if "id" in TYPES[type_name].fields:
        parts.insert(0, "probeId: id")
    return " ".join(parts)


_MISSING = object()


def walk(world: MatrixWorld, payload: Any, steps: tuple[str, ...]) -> Any:
    """The object(s) a path reaches in the response data, or `_MISSING`."""
    value = payload
    for step in steps:
        if value is None:
            return _MISSING
        if step.startswith("*"):
            wanted = getattr(world, step[1:])
            assert isinstance(value, list), (step, value)
            found = [item for item in value if item is not None and item.get("probeId") == wanted]
            if len(found) != 1:
                return _MISSING
            value = found[0]
        elif step.startswith("@"):  # the items of one type, in a list of an interface's
            assert isinstance(value, list), (step, value)
            value = [item for item in value if item is not None and item["__typename"] == step[1:]]
            if not value:
                return _MISSING
        elif isinstance(value, list):
            value = [item[step] for item in value]
        else:
            value = value[step]
    return _MISSING if value is None else value


def pick(host: Any, field_name: str) -> Any:
    if isinstance(host, list):
        return [pick(item, field_name) for item in host]
    return host[field_name]


def present(value: Any) -> bool:
    """Whether a value shows something (so that masking it would be observable)."""
    if value is None:
        return False
    if isinstance(value, list):
        return any(present(item) for item in value)
    if isinstance(value, dict):
        return any(present(item) for key, item in value.items() if key != "probeId")
    return True


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    return []


def nothing_read(body: Json) -> bool:
    """No root field of the answer carries data."""
    payload = body.get("data")
    return payload is None or all(value is None for value in payload.values())


def judge(
    letter: str, key: str, value: Any, admin_value: Any, *, unstable: bool = False
) -> str | None:
    """The problem with an answered (error-free) value, if any."""
    if letter == "F":
        return f"{key}: expected FORBIDDEN, read {value!r}"
    if value is _MISSING:
        return f"{key}: the object was not found"
    if letter == "A" and value != admin_value and not unstable:
        return f"{key}: expected the admin's {admin_value!r}, read {value!r}"
    if letter == "M":
        if value == admin_value:
            return f"{key}: expected masked, read the admin's {value!r}"
        leaked = [
            s for s in strings(admin_value) if len(s) > 3 and any(s in t for t in strings(value))
        ]
        if leaked:
            return f"{key}: masked value {value!r} still contains {leaked!r}"
    return None


@dataclass
class Matrix:
    client: httpx.AsyncClient
    graph: Graph
    keys: Keys
    world: MatrixWorld
    problems: list[str] = field(default_factory=list)
    admin_values: dict[str, list[Any]] = field(default_factory=dict)

    async def ask(self, role: str, path: Path, type_name: str, fields: list[str]) -> Json:
        query = await render(
            self.graph, self.world, path.query, selection_of(type_name, fields, path)
        )
        return await post(self.client, query, key=self.keys.of(role))

    def letter(self, role: str, path: Path, key: str) -> str:
        return "F" if role in path.blocked else expected(key, role)

    async def admin_baseline(self, type_name: str, path: Path, fields: list[str]) -> dict[str, Any]:
        batch = await self.ask("admin", path, type_name, fields)
        values: dict[str, Any] = {}
        for name in fields:
            key = f"{type_name}.{name}"
            body = batch
            if batch.get("errors"):  # one by one, to name the field that failed
                body = await self.ask("admin", path, type_name, [name])
                if body.get("errors"):
                    self.problems.append(f"[{path.label}] admin: {key}: {body['errors']}")
                    continue
            host = walk(self.world, body["data"], path.at)
            if host is _MISSING:
                self.problems.append(f"[{path.label}] admin: {key}: the object was not found")
                continue
            values[name] = pick(host, name)
            self.admin_values.setdefault(key, []).append(values[name])
            if "M" in EXPECT[key] and not present(values[name]):
                self.problems.append(
                    f"[{path.label}] {key}: the world gives it no value, so masking is unobservable"
                )
        return values

    async def role(
        self, role: str, type_name: str, path: Path, fields: list[str], admin: dict[str, Any]
    ) -> None:
        where = f"[{path.label}] {role}"
        allowed = [name for name in fields if self.letter(role, path, f"{type_name}.{name}") != "F"]
        forbidden = [name for name in fields if name not in allowed]
        if role in path.blocked:
            body = await self.ask(role, path, type_name, fields)
            if "FORBIDDEN" not in codes(body) or not nothing_read(body):
                self.problems.append(f"{where}: the path is forbidden, answered {body}")
            return
        if allowed:
            body = await self.ask(role, path, type_name, allowed)
            if body.get("errors"):
                for name in allowed:  # one by one, to name the field that failed
                    await self.one(role, type_name, path, name, admin)
            else:
                host = walk(self.world, body["data"], path.at)
                for name in allowed:
                    key = f"{type_name}.{name}"
                    value = _MISSING if host is _MISSING else pick(host, name)
                    problem = judge(
                        self.letter(role, path, key),
                        key,
                        value,
                        admin.get(name),
                        unstable=name in path.unstable,
                    )
                    if problem:
                        self.problems.append(f"{where}: {problem}")
        for name in forbidden:
            await self.one(role, type_name, path, name, admin)

    async def one(
        self, role: str, type_name: str, path: Path, name: str, admin: dict[str, Any]
    ) -> None:
        key = f"{type_name}.{name}"
        letter = self.letter(role, path, key)
        where = f"[{path.label}] {role}"
        body = await self.ask(role, path, type_name, [name])
        if body.get("errors"):
            if letter != "F" or "FORBIDDEN" not in codes(body):
                self.problems.append(
                    f"{where}: {key}: expected {letter}, answered {body['errors']}"
                )
            elif not nothing_read(body):
                self.problems.append(
                    f"{where}: {key}: FORBIDDEN but data came along: {body['data']}"
                )
            return
        host = walk(self.world, body["data"], path.at)
        value = _MISSING if host is _MISSING else pick(host, name)
        problem = judge(letter, key, value, admin.get(name), unstable=name in path.unstable)
        if problem:
            self.problems.append(f"{where}: {problem}")


# --- the table against the SDL ----------------------------------------------------------------


def test_every_sdl_field_has_an_expectation() -> None:
    missing = sorted(SDL_FIELDS - EXPECT.keys())
    assert not missing, (
        f"fields of the SDL with no entry in tests/integration/access/expectations.py: {missing}"
    )


def test_every_expectation_names_an_sdl_field() -> None:
    stale = sorted(EXPECT.keys() - SDL_FIELDS)
    assert not stale, (
        f"entries of tests/integration/access/expectations.py the SDL no longer has: {stale}"
    )


def test_expectations_are_four_letters_and_admins_see_everything() -> None:
    for key, letters in EXPECT.items():
        assert re.fullmatch(r"[AMF]{4}", letters), (key, letters)
        assert letters[0] == "A", f"{key}: admins see everything"
        if key.startswith(f"{ROOT_MUTATION}."):
            assert "M" not in letters, f"{key}: a mutation is run or forbidden, never masked"


def test_every_type_has_a_path() -> None:
    assert sorted(PATHS) == sorted(READ_TYPES)


# --- reading every field ------------------------------------------------------------------


@pytest.mark.parametrize("type_name", READ_TYPES)
async def test_field_matrix(
    type_name: str, client: httpx.AsyncClient, graph: Graph, keys: Keys, world: MatrixWorld
) -> None:
    fields = list(TYPES[type_name].fields)
    unlisted = [name for name in fields if f"{type_name}.{name}" not in EXPECT]
    assert not unlisted, f"{type_name} fields with no expectation: {unlisted}"
    assert PATHS.get(type_name), f"no path reaches {type_name}"
    matrix = Matrix(client, graph, keys, world)
    for path in PATHS[type_name]:
        read = [name for name in fields if name not in path.without]
        admin = await matrix.admin_baseline(type_name, path, read)
        await asyncio.gather(
            *(matrix.role(role, type_name, path, read, admin) for role in ROLES[1:])
        )
    for name in fields:
        key = f"{type_name}.{name}"
        if key not in EMPTY_OK and not any(present(v) for v in matrix.admin_values.get(key, [])):
            matrix.problems.append(f"{key}: no path shows it a value, so the matrix checks nothing")
    assert not matrix.problems, "\n".join(matrix.problems)


# --- running every mutation -----------------------------------------------------------------

# A valid call of each mutation on the world; the partner's targets are customers it may write.
MUTATION_CALLS = {
    "createCustomer": 'createCustomer(input: {name: "New Org", kind: ORGANIZATION}) { id }',
    "updateCustomer": 'updateCustomer(id: <ada>, input: {interests: ["chess"]}) { id }',
    "upsertCustomer": (
        'upsertCustomer(externalId: {system: "matrix", value: <fresh>}, '
        'input: {name: "Upserted Org", kind: ORGANIZATION}) { created }'
    ),
    "upsertCustomers": (
        'upsertCustomers(rows: [{externalId: {system: "matrix", value: <fresh>}, '
        'customer: {name: "Bulk Org", kind: ORGANIZATION}}]) { created }'
    ),
    "deleteCustomer": "deleteCustomer(id: <victim>) { id }",
    "assignAccountOwner": "assignAccountOwner(customerId: <grace>, employeeId: <emp>) { id }",
    "advanceLead": 'advanceLead(customer: <grace>, stage: FORMER, reason: "Matrix") { id }',
    "addContact": 'addContact(organizationId: <engines>, input: {name: "New Contact"}) { id }',
    "recordTouchpoint": (
        "recordTouchpoint(input: {customerId: <ada>, channel: CHAT, direction: INBOUND, "
        "kind: INQUIRY}) { id }"
    ),
    "placeOrder": (
        "placeOrder(input: {customerId: <ada>, items: [{productId: <prd>, quantity: 1}]}) { id }"
    ),
    "setOrderStatus": "setOrderStatus(id: <order>, status: COMPLETED) { id }",
    "reopenOrder": 'reopenOrder(id: <completed>, reason: "Goods returned") { id }',
    "recordInvoiceReminder": (
        'recordInvoiceReminder(order: <overdue>, channel: EMAIL, override: {reason: "Matrix"}) '
        "{ id }"
    ),
    "setContactPolicy": "setContactPolicy(input: {invoiceReminderDays: 7}) { weeklyLimit }",
    "resolveComplaint": 'resolveComplaint(id: <open_complaint>, resolution: "Refunded") { id }',
    "updateTouchpoint": "updateTouchpoint(id: <touchpoint>, input: {satisfaction: 5}) { id }",
    "markInvoicePaid": "markInvoicePaid(orderId: <order>) { id }",
    "linkInfluence": (
        "linkInfluence(input: {fromId: <grace>, toId: <engines>, strength: 0.5, kind: PEER}) "
        "{ strength }"
    ),
    "unlinkInfluence": "unlinkInfluence(input: {fromId: <ada>, toId: <grace>})",
    "recordConsent": (
        "recordConsent(input: {customerId: <ada>, purpose: MARKETING, status: GRANTED, "
        'source: "call", channel: SMS}) { id }'
    ),
    "createProduct": 'createProduct(input: {sku: <fresh>, name: "Mouse", price: "12.50"}) { id }',
    "updateProduct": 'updateProduct(id: <prd>, input: {name: "Keyboard II"}) { id }',
    "createAcquisitionSource": (
        "createAcquisitionSource(input: {kind: EVENT, name: <fresh>}) { id }"
    ),
    "updateAcquisitionSource": "updateAcquisitionSource(id: <src>, input: {name: <fresh>}) { id }",
    "createEmployee": 'createEmployee(input: {name: "New Hire"}) { id }',
    "updateEmployee": 'updateEmployee(id: <emp>, input: {title: "Lead"}) { id }',
    "eraseCustomer": "eraseCustomer(id: <victim>) { erasedId }",
    "createApiKey": 'createApiKey(input: {name: "new key", role: ANALYST}) { id }',
    "revokeApiKey": "revokeApiKey(id: <key>)",
    "shareCustomer": "shareCustomer(customerId: <grace>, partnerId: <partner>)",
    "assignPartnerSystem": "assignPartnerSystem(partnerId: <partner>, system: <fresh>)",
    "setGoal": (
        "setGoal(input: {metric: ORDER_COUNT, target: {count: 3}, "
        'period: {from: "2024-02-01", to: "2024-02-29"}}) { id }'
    ),
    "updateGoal": 'updateGoal(id: <goal>, input: {target: {money: "600.00"}}) { id }',
    "deleteGoal": "deleteGoal(id: <victim_goal>)",
    "createCampaign": (
        'createCampaign(input: {name: "Spring launch", period: {from: "2024-03-01", '
        'to: "2024-03-31"}}) { id }'
    ),
    "updateCampaign": "updateCampaign(id: <campaign>, input: {channel: SMS}) { id }",
}


def test_every_mutation_has_a_call() -> None:
    assert sorted(MUTATION_CALLS) == sorted(TYPES[ROOT_MUTATION].fields)


@pytest.mark.parametrize("mutation", list(TYPES[ROOT_MUTATION].fields))
async def test_mutation_matrix(
    mutation: str, client: httpx.AsyncClient, graph: Graph, keys: Keys, world: MatrixWorld
) -> None:
    key = f"{ROOT_MUTATION}.{mutation}"
    assert key in EXPECT, f"{key} has no expectation"
    problems = []
    for role in ROLES:
        query = await render(graph, world, "mutation { " + MUTATION_CALLS[mutation] + " }", "")
        before = await graph_state(graph)
        body = await post(client, query, key=keys.of(role))
        if expected(key, role) == "A":
            if body.get("errors") or body["data"][mutation] is None:
                problems.append(f"{role}: {mutation} should run, answered {body}")
            continue
        if codes(body) != ["FORBIDDEN"] or body.get("data") is not None:
            problems.append(f"{role}: {mutation} should be FORBIDDEN, answered {body}")
        elif body["errors"][0]["extensions"].get("field") != mutation:
            problems.append(f"{role}: FORBIDDEN should name {mutation}: {body['errors'][0]}")
        if await graph_state(graph) != before:
            problems.append(f"{role}: the forbidden {mutation} wrote to the graph")
    assert not problems, "\n".join(problems)

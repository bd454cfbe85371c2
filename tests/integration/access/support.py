"""What the access tests share: API keys per role and seeding helpers.

Keys are made with `cdp.access.api_keys.create_key` exactly as an admin would make them; agent,
analyst and partner keys carry no scope (so personal data is masked for them), `analyst_pii`
is an analyst key with `pii:read`. The partner owns the systems `PARTNER_SYSTEMS`. A call made
with one passes its secret as `key=` to `tests.support.api`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import LiteralString

from cdp.access.api_keys import create_key, ensure_partner
from cdp.access.policy import FULL_ACCESS
from cdp.access.viewer import PII_READ
from cdp.customers.search_text import email_text, name_text
from cdp.partners.systems import assign_system
from cdp.read_model import READ_MODEL
from cdp.request import Operation
from cdp.store.graph import Graph


@dataclass(frozen=True)
class Keys:
    """The bearer secret of one key per role (the partner's names `partner_id`)."""

    admin: str
    agent: str
    analyst: str
    partner: str
    analyst_pii: str
    partner_id: str
    ids: dict[str, str]  # role -> key id

    def of(self, role: str) -> str:
        secret: str = getattr(self, role)
        return secret


# The external-id systems the tests' partner owns (and so may write in).
PARTNER_SYSTEMS = ("crm", "shop", "new", "matrix")


async def make_keys(graph: Graph, partner_name: str = "Acme Partner") -> Keys:
    partner_id = await ensure_partner(graph, partner_name)
    for system in PARTNER_SYSTEMS:
        await assign_system(
            Operation.of(graph, FULL_ACCESS, "assignPartnerSystem", registry=READ_MODEL),
            partner_id,
            system,
            assigned=True,
        )
    admin = await create_key(graph, name="access admin", role="admin")
    agent = await create_key(graph, name="access agent", role="agent")
    analyst = await create_key(graph, name="access analyst", role="analyst")
    partner = await create_key(graph, name="access partner", role="partner", partner_id=partner_id)
    analyst_pii = await create_key(
        graph, name="access analyst with pii", role="analyst", scopes=[PII_READ]
    )
    return Keys(
        admin=admin.secret,
        agent=agent.secret,
        analyst=analyst.secret,
        partner=partner.secret,
        analyst_pii=analyst_pii.secret,
        partner_id=partner_id,
        ids={
            "admin": admin.id,
            "agent": agent.id,
            "analyst": analyst.id,
            "partner": partner.id,
            "analyst_pii": analyst_pii.id,
        },
    )


# --- seeding ----------------------------------------------------------------------------------

_PERSON: LiteralString = """
CREATE (c:Customer {
    id: $id, kind: $kind, name: $name, nameText: $nameText, emails: $emails, emailText: $emailText,
    phones: $phones,
    interests: $interests, notes: $notes, lifecycleStage: $stage,
    createdAt: $createdAt, updatedAt: $updatedAt, revenueMinor: 0,
    birthDate: date($birthDate), gender: $gender, occupation: $occupation,
    incomeBand: $incomeBand, householdSize: $householdSize, industry: $industry,
    employeeCount: $employeeCount, preferredChannel: 'EMAIL', preferredLanguage: 'en',
    doNotContact: false
})
"""


async def add_full_customer(
    graph: Graph,
    customer_id: str,
    name: str,
    *,
    created_at: datetime,
    kind: str = "PERSON",
    emails: list[str],
    phones: list[str],
    stage: str = "CUSTOMER",
) -> str:
    """A customer with every property the API reads set (demographics, preferences, notes)."""
    await graph.write_query(
        _PERSON,
        {
            "id": customer_id,
            "kind": kind,
            "name": name,
            "emails": emails,
            "nameText": name_text(name),
            "emailText": email_text(emails),
            "phones": phones,
            "interests": ["mathematics", "poetry"],
            "notes": f"Private notes about {name}.",
            "stage": stage,
            "createdAt": created_at,
            "updatedAt": created_at,
            "birthDate": "1815-12-10",
            "gender": "female",
            "occupation": "Mathematician",
            "incomeBand": "HIGH",
            "householdSize": 3,
            "industry": "Computing",
            "employeeCount": 12,
        },
    )
    return customer_id


async def add_full_address(graph: Graph, customer_id: str) -> None:
    await graph.write_query(
        "MATCH (c:Customer {id: $customer}) "
        "CREATE (c)-[:HAS_ADDRESS]->(:Address {position: 0, kind: 'HOME', "
        "line1: '12 St James Square', line2: 'Flat 3', city: 'London', "
        "postalCode: 'SW1Y 4JH', region: 'Greater London', country: 'GB'})",
        {"customer": customer_id},
    )


async def add_full_contact(
    graph: Graph, contact_id: str, organization_id: str, person_id: str | None, name: str
) -> str:
    await graph.write_query(
        "MATCH (org:Customer {id: $organization}) "
        "CREATE (org)-[:HAS_CONTACT]->(k:Contact {id: $id, name: $name, role: 'Advisor', "
        "emails: ['ada@example.com'], phones: ['+44 20 7946 0001'], channels: ['EMAIL']}) "
        "WITH k OPTIONAL MATCH (person:Customer {id: $person}) "
        "FOREACH (p IN CASE WHEN person IS NULL THEN [] ELSE [person] END | "
        "CREATE (k)-[:IS]->(p))",
        {"organization": organization_id, "id": contact_id, "name": name, "person": person_id},
    )
    return contact_id


async def brought_by(graph: Graph, partner_id: str, customer_id: str) -> None:
    await graph.write_query(
        "MATCH (p:Partner {id: $partner}), (c:Customer {id: $customer}) "
        "MERGE (p)-[:BROUGHT {at: datetime()}]->(c)",
        {"partner": partner_id, "customer": customer_id},
    )


async def shared_with(graph: Graph, customer_id: str, partner_id: str) -> None:
    await graph.write_query(
        "MATCH (p:Partner {id: $partner}), (c:Customer {id: $customer}) "
        "MERGE (c)-[:SHARED_WITH]->(p)",
        {"partner": partner_id, "customer": customer_id},
    )


async def consent_event(
    graph: Graph,
    customer_id: str,
    status: str,
    *,
    at: datetime | None = None,
    purpose: str = "SHARING",
    channel: str = "ANY",
) -> None:
    """A consent event as `cdp.consent.writes` records it; `at` None is now."""
    await graph.write_query(
        "MATCH (c:Customer {id: $customer}) "
        "CREATE (c)-[:GAVE]->(:ConsentEvent {purpose: $purpose, channel: $channel, "
        "status: $status, at: coalesce($at, datetime()), source: 'test', "
        "recordedAt: datetime()})",
        {
            "customer": customer_id,
            "purpose": purpose,
            "channel": channel,
            "status": status,
            "at": at,
        },
    )

"""addContact, end to end over HTTP."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.support.api import Json
from tests.support.graph import count_nodes, count_relationships
from tests.support.mutations import UNKNOWN_CUSTOMER, Api, Refs

CONTACT_FIELDS = "id name role emails phones channels organization { id } person { id }"
ADD_CONTACT = (
    "mutation($org: ID!, $input: ContactInput!) "
    f"{{ addContact(organizationId: $org, input: $input) {{ {CONTACT_FIELDS} }} }}"
)


async def test_add_contact_links_organization_and_person(api: Api, refs: Refs) -> None:
    values = {
        "name": " Ann Analyst ",
        "role": "Buyer",
        "emails": ["Ann@Acme.example", "ann@acme.example"],
        "phones": ["+44 20 7946 0001"],
        "channels": ["PHONE", "EMAIL", "PHONE"],
        "personCustomerId": refs.person,
    }
    contact = (await api.data(ADD_CONTACT, {"org": refs.organization, "input": values}))[
        "addContact"
    ]
    assert contact["id"].startswith("con_")
    assert contact == {
        "id": contact["id"],
        "name": "Ann Analyst",
        "role": "Buyer",
        "emails": ["ann@acme.example"],
        "phones": ["+44 20 7946 0001"],
        "channels": ["EMAIL", "PHONE"],
        "organization": {"id": refs.organization},
        "person": {"id": refs.person},
    }
    assert await api.node(contact["id"], f"... on Contact {{ {CONTACT_FIELDS} }}") == contact
    assert await api.customer(refs.organization, "contacts { id name }") == {
        "contacts": [{"id": contact["id"], "name": "Ann Analyst"}]
    }
    assert await api.customer(refs.person, "contactOf { id organization { id } }") == {
        "contactOf": [{"id": contact["id"], "organization": {"id": refs.organization}}]
    }


async def test_add_contact_without_a_person(api: Api, refs: Refs) -> None:
    contact = (await api.data(ADD_CONTACT, {"org": refs.organization, "input": {"name": "Bob"}}))[
        "addContact"
    ]
    assert contact["person"] is None
    assert contact["role"] is None
    assert contact["emails"] == []
    assert contact["channels"] == []
    assert await count_nodes(api.graph, "Contact") == 1
    assert await count_relationships(api.graph, "IS") == 0
    assert await api.customer(refs.organization, "contacts { name person { id } }") == {
        "contacts": [{"name": "Bob", "person": None}]
    }


ContactCase = tuple[str, Callable[[Refs], str], Callable[[Refs], Json], str, str]
CONTACT_ERRORS: list[ContactCase] = [
    (
        "a PERSON customer",
        lambda r: r.person,
        lambda r: {"name": "Ann"},
        "BAD_USER_INPUT",
        "organizationId",
    ),
    (
        "unknown org",
        lambda r: UNKNOWN_CUSTOMER,
        lambda r: {"name": "Ann"},
        "NOT_FOUND",
        "organizationId",
    ),
    (
        "malformed org",
        lambda r: "acme",
        lambda r: {"name": "Ann"},
        "BAD_USER_INPUT",
        "organizationId",
    ),
    (
        "an employee as org",
        lambda r: r.employee,
        lambda r: {"name": "Ann"},
        "BAD_USER_INPUT",
        "organizationId",
    ),
    (
        "empty name",
        lambda r: r.organization,
        lambda r: {"name": " "},
        "BAD_USER_INPUT",
        "input.name",
    ),
    (
        "bad e-mail",
        lambda r: r.organization,
        lambda r: {"name": "Ann", "emails": ["ann@"]},
        "BAD_USER_INPUT",
        "input.emails[0]",
    ),
    (
        "bad phone",
        lambda r: r.organization,
        lambda r: {"name": "Ann", "phones": ["+1 555 0100", "x"]},
        "BAD_USER_INPUT",
        "input.phones[1]",
    ),
    (
        "unknown person",
        lambda r: r.organization,
        lambda r: {"name": "Ann", "personCustomerId": UNKNOWN_CUSTOMER},
        "NOT_FOUND",
        "input.personCustomerId",
    ),
    (
        "malformed person",
        lambda r: r.organization,
        lambda r: {"name": "Ann", "personCustomerId": "cus_"},
        "BAD_USER_INPUT",
        "input.personCustomerId",
    ),
    (
        "an organization as person",
        lambda r: r.organization,
        lambda r: {"name": "Ann", "personCustomerId": r.organization},
        "BAD_USER_INPUT",
        "input.personCustomerId",
    ),
    (
        "role too long",
        lambda r: r.organization,
        lambda r: {"name": "Ann", "role": "r" * 201},
        "TEXT_TOO_LONG",
        "input.role",
    ),
]


@pytest.mark.parametrize(
    ("make_org", "make_input", "code", "field"),
    [pytest.param(o, i, c, f, id=name) for name, o, i, c, f in CONTACT_ERRORS],
)
async def test_add_contact_rejects(
    api: Api,
    refs: Refs,
    make_org: Callable[[Refs], str],
    make_input: Callable[[Refs], Json],
    code: str,
    field: str,
) -> None:
    await api.rejected(
        ADD_CONTACT, {"org": make_org(refs), "input": make_input(refs)}, code=code, field=field
    )


async def test_add_contact_rejects_unknown_channels(api: Api, refs: Refs) -> None:
    await api.rejected(
        f'mutation {{ addContact(organizationId: "{refs.organization}", '
        'input: {name: "Ann", channels: [PIGEON]}) { id } }',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )

"""Contacts: the people at an organization customer."""

from __future__ import annotations

from typing import Any

from cdp import bounds, validation
from cdp.compiler.selection import Selected
from cdp.errors import BadUserInput, NotFound
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, transaction

_CHECK = """
OPTIONAL MATCH (org:Customer {id: $organizationId})
OPTIONAL MATCH (person:Customer {id: $personId})
RETURN org.kind AS organizationKind, person.kind AS personKind
"""
_ADD = """
MATCH (org:Customer {id: $organizationId})
CREATE (org)-[:HAS_CONTACT]->(k:Contact {id: $id})
SET k += $props
WITH k
CALL (k) {
  MATCH (person:Customer {id: $personId})
  CREATE (k)-[:IS]->(person)
}
"""


async def add_contact(
    op: Operation, organization_id: str, data: dict[str, Any], selected: Selected
) -> Row:
    """A person at an organization; `personCustomerId` links their own customer record."""
    op.require_id(organization_id, "Customer", "organizationId")
    op.audited.note_customers([organization_id, data.get("person_customer_id")])
    person_id = data.get("person_customer_id")
    if person_id:
        op.require_id(person_id, "Customer", "input.personCustomerId")
    emails = validation.emails(data.get("emails") or [], "input.emails")
    props = {
        "name": validation.text(data.get("name") or "", "input.name"),
        "role": validation.optional_text(data.get("role"), "input.role", max_length=200),
        "emails": emails,
        "phones": validation.phones(data.get("phones") or [], "input.phones"),
        "channels": validation.choices(
            data.get("channels") or [], "input.channels", bounds.CHANNELS
        ),
    }
    contact_id = op.new_id("Contact")

    async def work(tx: Tx) -> Row:
        found = await one(tx, _CHECK, {"organizationId": organization_id, "personId": person_id})
        assert found is not None
        if found["organizationKind"] is None:
            raise NotFound(f"No customer has id {organization_id!r}.", field="organizationId")
        if found["organizationKind"] != "ORGANIZATION":
            raise BadUserInput("Contacts belong to organization customers.", field="organizationId")
        if person_id and found["personKind"] is None:
            raise NotFound(f"No customer has id {person_id!r}.", field="input.personCustomerId")
        if person_id and found["personKind"] != "PERSON":
            raise BadUserInput(
                "A contact's own record must be a person customer.", field="input.personCustomerId"
            )
        result = await tx.run(
            _ADD,
            {
                "organizationId": organization_id,
                "personId": person_id,
                "id": contact_id,
                "props": props,
            },
        )
        await result.consume()
        return await project_one(tx, op, "Contact", contact_id, selected)

    return await transaction(op, work)

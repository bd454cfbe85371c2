"""Who acts: a key that names an employee acts as them, one that names none as itself; audit
records say so in `by`."""

from __future__ import annotations

import uuid

import httpx

from cdp.access import audit
from cdp.access.api_keys import create_key
from cdp.store.graph import Graph
from tests.integration.customers.seed import add_employee, new_id, utc
from tests.support.api import Json, data, post

_CREATE_KEY = """
mutation($input: ApiKeyInput!) { createApiKey(input: $input) { id key } }"""
_CREATE_CUSTOMER = """
mutation($name: String!) {
  createCustomer(input: {name: $name, emails: ["x@example.com"]}) { id }
}"""
_LOG = "query($k: String) { auditLog(keyId: $k) { keyId by operation kind customerIds } }"


async def new_employee(graph: Graph) -> str:
    return await add_employee(
        graph, "Erin Agent", email="erin@cdp.example", title="Sales", created_at=utc(2024, 1, 1)
    )


async def audit_log(client: httpx.AsyncClient, key_id: str) -> list[Json]:
    records: list[Json] = (await data(client, _LOG, {"k": key_id}))["auditLog"]
    return sorted(records, key=lambda record: str(record["kind"]))


async def test_a_key_naming_an_employee_acts_as_that_employee(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    employee = await new_employee(graph)
    spec = {"name": "erin", "role": "AGENT", "scopes": ["pii:read"], "employeeId": employee}
    created = await data(client, _CREATE_KEY, {"input": spec})
    key = created["createApiKey"]
    listed = await data(client, "{ apiKeys { id employeeId } }")
    assert {"id": key["id"], "employeeId": employee} in listed["apiKeys"]
    made = await data(client, _CREATE_CUSTOMER, {"name": "Ada Lovelace"}, key=key["key"])
    customer = made["createCustomer"]["id"]
    read = "query($id: ID!) { customer(id: $id) { name } }"
    await data(client, read, {"id": customer}, key=key["key"])
    await audit.flush_reads()
    assert await audit_log(client, key["id"]) == [
        {
            "keyId": key["id"],
            "by": employee,
            "operation": "createCustomer",
            "kind": "MUTATION",
            "customerIds": [customer],
        },
        {
            "keyId": key["id"],
            "by": employee,
            "operation": "customer",
            "kind": "READ",
            "customerIds": [customer],
        },
    ]


async def test_a_key_naming_no_employee_acts_as_itself(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    key = await create_key(graph, name="crm integration", role="agent")
    listed = await data(client, "{ apiKeys { id employeeId } }")
    assert {"id": key.id, "employeeId": None} in listed["apiKeys"]
    made = await data(client, _CREATE_CUSTOMER, {"name": "Grace Hopper"}, key=key.secret)
    customer = made["createCustomer"]["id"]
    [record] = await audit_log(client, key.id)
    assert record["by"] == key.id
    assert record["customerIds"] == [customer]


async def test_an_unknown_or_malformed_employee_is_refused(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    for employee, code in ((new_id("emp"), "NOT_FOUND"), (new_id("cus"), "BAD_USER_INPUT")):
        refused = await post(
            client, _CREATE_KEY, {"input": {"name": "x", "role": "AGENT", "employeeId": employee}}
        )
        assert refused["data"] is None
        assert refused["errors"][0]["extensions"] == {"code": code, "field": "employeeId"}
    assert await graph.read("MATCH (k:ApiKey {name: 'x'}) RETURN k.id AS id") == []


async def test_a_partner_key_names_no_employee(client: httpx.AsyncClient, graph: Graph) -> None:
    employee = await new_employee(graph)
    refused = await post(
        client,
        _CREATE_KEY,
        {
            "input": {
                "name": "shop sync",
                "role": "PARTNER",
                "partnerName": "Shopify",
                "employeeId": employee,
            }
        },
    )
    assert refused["data"] is None
    assert refused["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "employeeId"}
    assert await graph.read("MATCH (k:ApiKey {name: 'shop sync'}) RETURN k.id AS id") == []


async def test_records_written_before_read_by_as_null(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    key_id = uuid.uuid4().hex[:16]
    await graph.write_query(
        "CREATE (:AuditRecord {id: $id, at: datetime(), keyId: $key, role: 'agent', "
        "operation: 'updateCustomer', kind: 'MUTATION', customerIds: [], fields: []})",
        {"id": f"aud_{uuid.uuid4().hex}", "key": key_id},
    )
    [record] = await audit_log(client, key_id)
    assert record["keyId"] == key_id
    assert record["by"] is None

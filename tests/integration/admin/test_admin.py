"""Audit log, API keys through the API, export and erasure of a customer, sharing."""

from __future__ import annotations

import httpx

from cdp.access import audit
from cdp.access.api_keys import create_key, ensure_partner
from cdp.store.graph import Graph
from tests.support.api import Json, post


async def new_customer(client: httpx.AsyncClient, name: str = "Ada Lovelace") -> str:
    body = await post(
        client,
        """
        mutation($name: String!) {
          createCustomer(input: {name: $name, emails: ["ada@example.com"],
                                 phones: ["+371 20000000"],
                                 addresses: [{line1: "1 Main st", city: "Riga", country: "LV"}],
                                 externalIds: [{system: "shop", value: "7"}]}) { id }
        }""",
        {"name": name},
    )
    assert "errors" not in body, body
    return str(body["data"]["createCustomer"]["id"])


async def audit_records(graph: Graph) -> list[Json]:
    return await graph.read(
        "MATCH (r:AuditRecord) RETURN r.operation AS operation, r.kind AS kind, "
        "r.customerIds AS customers, r.fields AS fields, r.role AS role ORDER BY r.at"
    )


async def test_each_mutation_leaves_exactly_one_audit_record(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    customer = await new_customer(client)
    body = await post(
        client,
        'mutation($id: ID!) { updateCustomer(id: $id, input: {notes: "vip"}) { id } }',
        {"id": customer},
    )
    assert "errors" not in body
    failed = await post(
        client,
        'mutation { updateCustomer(id: "cus_' + "0" * 32 + '", input: {notes: "x"}) { id } }',
    )
    assert failed["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    records = [r for r in await audit_records(graph) if r["kind"] == "MUTATION"]
    assert [(r["operation"], r["customers"], r["role"]) for r in records] == [
        ("createCustomer", [customer], "admin"),
        ("updateCustomer", [customer], "admin"),
    ]


async def test_reads_of_unmasked_pii_are_audited_masked_ones_are_not(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    customer = await new_customer(client)
    await graph.write_query("MATCH (r:AuditRecord) DELETE r")
    query = "query($id: ID!) { customer(id: $id) { id name emails } }"
    assert "errors" not in await post(client, query, {"id": customer})
    analyst = await create_key(graph, name="analyst", role="analyst")
    masked = await post(client, query, {"id": customer}, key=analyst.secret)
    assert masked["data"]["customer"]["emails"] == ["a***@example.com"]
    no_pii = await post(
        client, "query($id: ID!) { customer(id: $id) { lifecycleStage } }", {"id": customer}
    )
    assert "errors" not in no_pii
    assert [r for r in await audit_records(graph) if r["kind"] == "READ"] == [], (
        "read records are written behind the response, not in its round trip"
    )
    await audit.flush_reads()
    records = await audit_records(graph)
    assert records == [
        {
            "operation": "customer",
            "kind": "READ",
            "customers": [customer],
            "fields": ["Customer.emails", "Customer.name"],
            "role": "admin",
        }
    ]


async def test_each_root_field_is_an_operation_of_its_own(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    ada, grace, alan = [
        (
            await post(
                client,
                "mutation($n: String!) { createCustomer(input: {name: $n, "
                'emails: ["x@example.com"]}) { id } }',
                {"n": name},
            )
        )["data"]["createCustomer"]["id"]
        for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing")
    ]
    await graph.write_query("MATCH (r:AuditRecord) DELETE r")
    both = await post(
        client,
        'mutation($a: ID!, $t: ID!) { updateCustomer(id: $a, input: {notes: "vip"}) { id } '
        "deleteCustomer(id: $t) { id } }",
        {"a": ada, "t": alan},
    )
    assert "errors" not in both, both
    # Sibling root query fields are resolved concurrently, each with its own record.
    read = await post(
        client,
        "query($a: ID!, $g: ID!, $t: ID!) { first: customer(id: $a) { name } "
        "second: customer(id: $g) { emails } gone: customer(id: $t) { name } }",
        {"a": ada, "g": grace, "t": alan},
    )
    assert read["data"]["gone"] is None
    await audit.flush_reads()
    records = [
        (r["operation"], r["kind"], r["customers"], r["fields"]) for r in await audit_records(graph)
    ]
    assert sorted(records) == [
        ("customer", "READ", [ada], ["Customer.name"]),
        ("customer", "READ", [grace], ["Customer.emails"]),
        ("deleteCustomer", "MUTATION", [alan], []),
        ("updateCustomer", "MUTATION", [ada], []),
    ]  # the root field that found no customer read nothing personal: no record


async def test_the_audit_log_is_for_admins(client: httpx.AsyncClient, graph: Graph) -> None:
    customer = await new_customer(client)
    body = await post(
        client,
        "query($c: ID) { auditLog(customerId: $c) { operation kind customerIds role keyId at } }",
        {"c": customer},
    )
    [record] = body["data"]["auditLog"]
    assert record["operation"] == "createCustomer"
    assert record["customerIds"] == [customer]
    agent = await create_key(graph, name="agent", role="agent")
    refused = await post(client, "{ auditLog { id } }", key=agent.secret)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert (
        "auditRecord"
        not in str(await post(client, "{ __schema { mutationType { fields { name } } } }")).lower()
    )


async def test_export_returns_everything_held(client: httpx.AsyncClient, graph: Graph) -> None:
    customer = await new_customer(client)
    body = await post(client, "query($id: ID!) { exportCustomerData(id: $id) }", {"id": customer})
    data = body["data"]["exportCustomerData"]
    assert data["id"] == customer
    assert data["emails"] == ["ada@example.com"]
    assert data["externalIds"] == [{"system": "shop", "value": "7"}]
    assert data["addresses"][0]["city"] == "Riga"
    assert "emailText" not in data
    missing = await post(client, 'query { exportCustomerData(id: "cus_' + "0" * 32 + '") }')
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_erasure_keeps_order_totals_and_nothing_personal(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    customer = await new_customer(client)
    product = await post(
        client,
        'mutation { createProduct(input: {sku: "S1", name: "Widget", price: "10.00"}) { id } }',
    )
    product_id = product["data"]["createProduct"]["id"]
    order = await post(
        client,
        "mutation($c: ID!, $p: ID!) { placeOrder(input: {customerId: $c, "
        "status: COMPLETED, items: [{productId: $p, quantity: 2}]}) { id } }",
        {"c": customer, "p": product_id},
    )
    order_id = order["data"]["placeOrder"]["id"]
    erased = await post(
        client, "mutation($id: ID!) { eraseCustomer(id: $id) { erasedId } }", {"id": customer}
    )
    erased_id = erased["data"]["eraseCustomer"]["erasedId"]
    after = await post(
        client,
        "query($id: ID!) { customer(id: $id) { id } "
        'customerByExternalId(system: "shop", value: "7") { id } }',
        {"id": customer},
    )
    assert after["data"] == {"customer": None, "customerByExternalId": None}
    [remains] = await graph.read(
        "MATCH (e:ErasedCustomer {id: $id})-[:PLACED]->(o:Order) "
        "RETURN e.revenueMinor AS revenue, e.orderCount AS orders, o.id AS order, "
        "o.formerCustomerId AS former, keys(e) AS keys",
        {"id": erased_id},
    )
    assert remains["revenue"] == 2000
    assert remains["orders"] == 1
    assert remains["order"] == order_id
    assert remains["former"] is None
    leftovers = await graph.read(
        "MATCH (n) WHERE n:Address OR n:ExternalId OR n:Customer RETURN count(n) AS n"
    )
    assert leftovers == [{"n": 0}]
    records = [r["operation"] for r in await audit_records(graph)]
    assert records.count("eraseCustomer") == 1


async def test_api_keys_through_the_api(client: httpx.AsyncClient, graph: Graph) -> None:
    created = await post(
        client,
        'mutation { createApiKey(input: {name: "crm", role: AGENT, '
        'scopes: ["pii:read"]}) { id key } }',
    )
    key = created["data"]["createApiKey"]
    assert key["key"].startswith(f"cdp_{key['id']}_")
    listed = await post(client, "{ apiKeys { id role scopes revokedAt } }")
    assert {"id": key["id"], "role": "AGENT", "scopes": ["pii:read"], "revokedAt": None} in (
        listed["data"]["apiKeys"]
    )
    assert key["key"] not in str(listed)
    ok = await post(client, "{ __typename }", key=key["key"])
    assert ok["data"] == {"__typename": "Query"}
    refused = await post(
        client, 'mutation { createApiKey(input: {name: "x", role: ADMIN}) { id } }', key=key["key"]
    )
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    revoked = await post(client, "mutation($id: ID!) { revokeApiKey(id: $id) }", {"id": key["id"]})
    assert revoked["data"] == {"revokeApiKey": True}
    response = await client.post(
        "/graphql",
        json={"query": "{ __typename }"},
        headers={"Authorization": f"Bearer {key['key']}"},
    )
    assert response.status_code == 401
    stored = await graph.read("MATCH (k:ApiKey {id: $id}) RETURN k.hash AS hash", {"id": key["id"]})
    secret = key["key"].removeprefix(f"cdp_{key['id']}_")
    assert len(secret) == 43
    assert secret not in stored[0]["hash"]


async def test_sharing_needs_consent_too(client: httpx.AsyncClient, graph: Graph) -> None:
    customer = await new_customer(client)
    partner = await ensure_partner(graph, "Reseller")
    key = await create_key(graph, name="reseller", role="partner", partner_id=partner)
    query = "query($id: ID!) { customer(id: $id) { id } }"
    shared = await post(
        client,
        "mutation($c: ID!, $p: ID!) { shareCustomer(customerId: $c, partnerId: $p) }",
        {"c": customer, "p": partner},
    )
    assert shared["data"] == {"shareCustomer": True}
    assert (await post(client, query, {"id": customer}, key=key.secret))["data"] == {
        "customer": None
    }
    consent = await post(
        client,
        "mutation($c: ID!) { recordConsent(input: {customerId: $c, "
        'purpose: SHARING, status: GRANTED, source: "form"}) { id } }',
        {"c": customer},
    )
    assert "errors" not in consent
    assert (await post(client, query, {"id": customer}, key=key.secret))["data"] == {
        "customer": {"id": customer}
    }
    await post(
        client,
        "mutation($c: ID!) { recordConsent(input: {customerId: $c, "
        'purpose: SHARING, status: WITHDRAWN, source: "call"}) { id } }',
        {"c": customer},
    )
    assert (await post(client, query, {"id": customer}, key=key.secret))["data"] == {
        "customer": None
    }


async def test_an_api_key_input_has_bounds(client: httpx.AsyncClient, graph: Graph) -> None:
    create = "mutation($input: ApiKeyInput!) { createApiKey(input: $input) { id } }"
    many_scopes = {"name": "crm", "role": "AGENT", "scopes": ["pii:read"] * 11}
    long_name = {"name": "n" * 201, "role": "AGENT"}
    for variables, code, field, limit in (
        (many_scopes, "LIST_TOO_LONG", "scopes", 10),
        (long_name, "TEXT_TOO_LONG", "name", 200),
    ):
        refused = await post(client, create, {"input": variables})
        assert refused["data"] is None
        extensions = refused["errors"][0]["extensions"]
        assert extensions == {"code": code, "field": field, "limit": limit}
    repeated = await post(
        client, create, {"input": {"name": "crm", "role": "AGENT", "scopes": ["pii:read"] * 3}}
    )
    key_id = repeated["data"]["createApiKey"]["id"]
    [stored] = await graph.read("MATCH (k:ApiKey {id: $id}) RETURN k.scopes AS s", {"id": key_id})
    assert stored["s"] == ["pii:read"]

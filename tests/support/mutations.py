"""Calling the mutations through POST /graphql, and proving that a rejected one wrote nothing.

`Api` wraps the HTTP client: `data` fails the test on any error, `rejected` checks the first
error's `extensions` (code and field) and that the graph is exactly as it was before the call.
The `create_*` helpers set up reference data through the API's own mutations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from cdp.store.graph import Graph
from tests.support.api import Json, data, post
from tests.support.graph import graph_state

UNKNOWN_CUSTOMER = "cus_" + "0" * 32
UNKNOWN_EMPLOYEE = "emp_" + "0" * 32
UNKNOWN_PRODUCT = "prd_" + "0" * 32
UNKNOWN_SOURCE = "src_" + "0" * 32
UNKNOWN_ORDER = "ord_" + "0" * 32
MALFORMED_IDS = ("nope", "cus_123", "CUS_" + "a" * 32, "")


class Api:
    def __init__(self, client: httpx.AsyncClient, graph: Graph) -> None:
        self.client = client
        self.graph = graph

    async def post(self, query: str, variables: Json | None = None) -> Json:
        return await post(self.client, query, variables)

    async def data(self, query: str, variables: Json | None = None) -> Json:
        """The response's data; fails the test on any error."""
        return await data(self.client, query, variables)

    async def rejected(
        self, query: str, variables: Json | None = None, *, code: str, field: str | None
    ) -> Json:
        """Post a mutation that must fail with `code` naming `field`, and write nothing."""
        before = await graph_state(self.graph)
        body = await self.post(query, variables)
        assert body.get("errors"), body
        error: Json = body["errors"][0]
        expected: Json = {"code": code} if field is None else {"code": code, "field": field}
        # A bound's limit is checked by the tests of bounds (tests/integration/edge/test_bounds.py).
        extensions = {k: v for k, v in (error.get("extensions") or {}).items() if k != "limit"}
        assert extensions == expected, error
        assert body.get("data") is None, body
        after = await graph_state(self.graph)
        assert after.nodes == before.nodes
        assert after.relationships == before.relationships
        assert after.content == before.content
        return error

    # --- set-up through the API itself ------------------------------------------------------

    async def create_employee(self, name: str = "Erin Owner", **extra: Any) -> str:
        result = await self.data(
            "mutation($input: EmployeeInput!) { createEmployee(input: $input) { id } }",
            {"input": {"name": name, **extra}},
        )
        return str(result["createEmployee"]["id"])

    async def create_product(
        self, sku: str, price: str = "10.00", name: str | None = None, **extra: Any
    ) -> str:
        result = await self.data(
            "mutation($input: ProductInput!) { createProduct(input: $input) { id } }",
            {"input": {"sku": sku, "name": name or f"Product {sku}", "price": price, **extra}},
        )
        return str(result["createProduct"]["id"])

    async def create_source(self, name: str = "Spring campaign", kind: str = "CAMPAIGN") -> str:
        result = await self.data(
            "mutation($input: AcquisitionSourceInput!) "
            "{ createAcquisitionSource(input: $input) { id } }",
            {"input": {"name": name, "kind": kind}},
        )
        return str(result["createAcquisitionSource"]["id"])

    async def create_customer(self, name: str = "Ada Lovelace", **extra: Any) -> str:
        result = await self.data(
            "mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }",
            {"input": {"name": name, **extra}},
        )
        return str(result["createCustomer"]["id"])

    async def place_order(
        self, customer_id: str, items: list[Json], selection: str = "id", **extra: Any
    ) -> Json:
        result = await self.data(
            f"mutation($input: OrderInput!) {{ placeOrder(input: $input) {{ {selection} }} }}",
            {"input": {"customerId": customer_id, "items": items, **extra}},
        )
        order: Json = result["placeOrder"]
        return order

    async def record_touchpoint(self, customer_id: str, **extra: Any) -> str:
        values: Json = {
            "customerId": customer_id,
            "channel": "EMAIL",
            "direction": "INBOUND",
            "kind": "INQUIRY",
            **extra,
        }
        result = await self.data(
            "mutation($input: TouchpointInput!) { recordTouchpoint(input: $input) { id } }",
            {"input": values},
        )
        return str(result["recordTouchpoint"]["id"])

    async def link(
        self, from_id: str, to_id: str, strength: float = 0.5, kind: str = "PEER"
    ) -> None:
        await self.data(
            "mutation($input: InfluenceInput!) { linkInfluence(input: $input) { strength } }",
            {"input": {"fromId": from_id, "toId": to_id, "strength": strength, "kind": kind}},
        )

    async def customer(self, customer_id: str, selection: str) -> Json | None:
        result = await self.data(
            f"query($id: ID!) {{ customer(id: $id) {{ {selection} }} }}", {"id": customer_id}
        )
        found: Json | None = result["customer"]
        return found

    async def node(self, node_id: str, selection: str) -> Json | None:
        result = await self.data(
            f"query($id: ID!) {{ node(id: $id) {{ {selection} }} }}", {"id": node_id}
        )
        found: Json | None = result["node"]
        return found


def iso(value: str) -> datetime:
    """A DateTime of a response, parsed (the API always answers with an offset)."""
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return parsed


@dataclass(frozen=True)
class Refs:
    """Reference data most tests need, made through the API."""

    employee: str
    other_employee: str
    source: str
    person: str  # a PERSON customer known as crm:taken
    organization: str  # an ORGANIZATION customer
    product: str  # EUR 10.00


async def make_refs(api: Api) -> Refs:
    return Refs(
        employee=await api.create_employee("Erin Owner", email="erin@example.com"),
        other_employee=await api.create_employee("Oscar Other"),
        source=await api.create_source("Spring campaign", "CAMPAIGN"),
        person=await api.create_customer(
            "Taken Person", externalIds=[{"system": "crm", "value": "taken"}]
        ),
        organization=await api.create_customer("Acme Ltd", kind="ORGANIZATION"),
        product=await api.create_product("SKU-REF", "10.00"),
    )

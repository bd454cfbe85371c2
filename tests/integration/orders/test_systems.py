"""Order numbers are unique per numbering system; a partner numbers orders only in its own."""

from __future__ import annotations

import asyncio

import pytest
from neo4j import exceptions as neo4j_errors

from cdp.access.api_keys import create_key, ensure_partner
from cdp.store.migrations import DEFAULT_DIRECTORY, split_statements
from tests.integration.access.support import brought_by, consent_event
from tests.support.api import Json, post
from tests.support.graph import count_nodes, graph_state
from tests.support.mutations import Api

PLACE = "mutation($input: OrderInput!) { placeOrder(input: $input) { id number system } }"


@pytest.fixture
async def buyer(api: Api) -> tuple[str, str]:
    return await api.create_customer("Numbered buyer"), await api.create_product("N-1", "10.00")


def order(buyer: tuple[str, str], **extra: object) -> Json:
    customer, product = buyer
    return {
        "input": {"customerId": customer, "items": [{"productId": product, "quantity": 1}]} | extra
    }


async def test_orders_are_the_business_own_unless_told(api: Api, buyer: tuple[str, str]) -> None:
    placed = (await api.data(PLACE, order(buyer, number="A-1")))["placeOrder"]
    assert placed["system"] == "cdp"
    assert await api.node(placed["id"], "... on Order { system number }") == {
        "system": "cdp",
        "number": "A-1",
    }


async def test_one_number_in_two_systems_is_two_orders(api: Api, buyer: tuple[str, str]) -> None:
    ours = (await api.data(PLACE, order(buyer, number="A-1")))["placeOrder"]
    shop = (await api.data(PLACE, order(buyer, number="A-1", system="shop")))["placeOrder"]
    assert shop["system"] == "shop"
    assert shop["id"] != ours["id"]
    await api.rejected(
        PLACE, order(buyer, number="A-1", system="shop"), code="CONFLICT", field="input.number"
    )
    await api.rejected(PLACE, order(buyer, number="A-1"), code="CONFLICT", field="input.number")
    assert await count_nodes(api.graph, "Order") == 2


async def test_the_database_holds_numbers_unique_per_system(
    api: Api, buyer: tuple[str, str]
) -> None:
    await api.data(PLACE, order(buyer, number="A-1", system="shop"))
    create = "CREATE (:Order {id: $id, system: $system, number: 'A-1'})"
    with pytest.raises(neo4j_errors.ConstraintError):
        await api.graph.driver.execute_query(
            create, {"id": "ord_x", "system": "shop"}, database_=api.graph.database
        )
    await api.graph.driver.execute_query(
        create, {"id": "ord_y", "system": "other"}, database_=api.graph.database
    )


async def test_50_concurrent_orders_with_one_number_make_one(
    api: Api, buyer: tuple[str, str]
) -> None:
    results = await asyncio.gather(
        *(
            api.post(PLACE, order(buyer, number="RACE-1", system="shop", status="COMPLETED"))
            for _ in range(50)
        )
    )
    placed = [body for body in results if "errors" not in body]
    refused = [body["errors"][0]["extensions"] for body in results if "errors" in body]
    assert len(placed) == 1
    assert refused == [{"code": "CONFLICT", "field": "input.number"}] * 49
    assert await count_nodes(api.graph, "Order") == 1
    rows = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN c.revenueMinor AS minor", {"id": buyer[0]}
    )
    assert rows[0]["minor"] == 1000


class Partners:
    def __init__(self, api: Api, secret: str) -> None:
        self.api = api
        self.secret = secret

    async def post(self, variables: Json) -> Json:
        return await post(self.api.client, PLACE, variables, key=self.secret)


@pytest.fixture
async def partner(api: Api, buyer: tuple[str, str]) -> Partners:
    acme = await ensure_partner(api.graph, "Acme")
    rival = await ensure_partner(api.graph, "Rival")
    await api.graph.write_query(
        "MATCH (a:Partner {id: $acme}), (r:Partner {id: $rival}) "
        "CREATE (a)-[:OWNS_SYSTEM]->(:ExternalSystem {name: 'acme-shop'}), "
        "(r)-[:OWNS_SYSTEM]->(:ExternalSystem {name: 'rival-shop'})",
        {"acme": acme, "rival": rival},
    )
    await brought_by(api.graph, acme, buyer[0])
    await consent_event(api.graph, buyer[0], "GRANTED")
    key = await create_key(api.graph, name="acme", role="partner", partner_id=acme)
    return Partners(api, key.secret)


async def test_a_partner_numbers_orders_in_its_own_system(
    api: Api, buyer: tuple[str, str], partner: Partners
) -> None:
    body = await partner.post(order(buyer, number="A-1", system="acme-shop"))
    assert "errors" not in body, body
    assert body["data"]["placeOrder"]["system"] == "acme-shop"
    # A generated number needs no system: it is the business's own.
    body = await partner.post(order(buyer))
    assert "errors" not in body, body
    assert body["data"]["placeOrder"]["system"] == "cdp"


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param({"number": "A-1", "system": "rival-shop"}, id="another partner's"),
        pytest.param({"number": "A-1", "system": "cdp"}, id="the business's own"),
        pytest.param({"number": "A-1", "system": "nobody-owns"}, id="nobody's"),
        pytest.param({"number": "A-1"}, id="a number without a system"),
        pytest.param({"system": "rival-shop"}, id="a generated number in another's"),
    ],
)
async def test_a_partner_may_not_number_orders_in_another_system(
    api: Api, buyer: tuple[str, str], partner: Partners, extra: Json
) -> None:
    # The rival's order with that number: the refusal must not depend on it.
    await api.data(PLACE, order(buyer, number="A-1", system="rival-shop"))
    before = await graph_state(api.graph)
    body = await partner.post(order(buyer, **extra))
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "FORBIDDEN", "field": "input.system"}
    assert await graph_state(api.graph) == before


async def test_the_migration_gives_old_orders_the_business_system(
    api: Api, buyer: tuple[str, str]
) -> None:
    [path] = DEFAULT_DIRECTORY.glob("V0007__*.cypher")
    [statement] = [s for s in split_statements(path.read_text()) if "o.system IS NULL" in s]
    await api.graph.write_query(
        "MATCH (c:Customer {id: $id}) CREATE (c)-[:PLACED]->(:Order {id: $order, number: 'OLD-9', "
        "status: 'PENDING', totalMinor: 100, currency: 'EUR', placedAt: datetime()})",
        {"id": buyer[0], "order": "ord_" + "9" * 32},
    )
    await api.graph.write_compiled(statement, {})
    rows = await api.graph.read("MATCH (o:Order) RETURN o.system AS system")
    assert rows == [{"system": "cdp"}]
    await api.rejected(PLACE, order(buyer, number="OLD-9"), code="CONFLICT", field="input.number")
    constraints = await api.graph.read(
        "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties WHERE 'Order' IN labelsOrTypes "
        "RETURN name, properties ORDER BY name"
    )
    assert {"name": "order_system_number", "properties": ["system", "number"]} in constraints
    assert "order_number" not in [row["name"] for row in constraints]

"""Products, acquisition sources and employees: create and update, end to end over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.api import Json
from tests.support.graph import count_nodes
from tests.support.mutations import (
    UNKNOWN_CUSTOMER,
    UNKNOWN_EMPLOYEE,
    UNKNOWN_PRODUCT,
    UNKNOWN_SOURCE,
    Api,
    iso,
)

PRODUCT_FIELDS = (
    "id sku name category active createdAt "
    "price { amount minorUnits currency } unitCost { amount minorUnits currency }"
)
CREATE_PRODUCT = (
    f"mutation($input: ProductInput!) {{ createProduct(input: $input) {{ {PRODUCT_FIELDS} }} }}"
)
UPDATE_PRODUCT = (
    "mutation($id: ID!, $input: ProductPatch!) "
    f"{{ updateProduct(id: $id, input: $input) {{ {PRODUCT_FIELDS} }} }}"
)
SOURCE_FIELDS = "id kind name createdAt customerCount"
CREATE_SOURCE = (
    "mutation($input: AcquisitionSourceInput!) "
    f"{{ createAcquisitionSource(input: $input) {{ {SOURCE_FIELDS} }} }}"
)
UPDATE_SOURCE = (
    "mutation($id: ID!, $input: AcquisitionSourcePatch!) "
    f"{{ updateAcquisitionSource(id: $id, input: $input) {{ {SOURCE_FIELDS} }} }}"
)
EMPLOYEE_FIELDS = "id name email title active createdAt customerCount"
CREATE_EMPLOYEE = (
    f"mutation($input: EmployeeInput!) {{ createEmployee(input: $input) {{ {EMPLOYEE_FIELDS} }} }}"
)
UPDATE_EMPLOYEE = (
    "mutation($id: ID!, $input: EmployeePatch!) "
    f"{{ updateEmployee(id: $id, input: $input) {{ {EMPLOYEE_FIELDS} }} }}"
)


def money(amount: str, minor: int, currency: str = "EUR") -> Json:
    return {"amount": amount, "minorUnits": minor, "currency": currency}


def recent(value: str) -> bool:
    return datetime.now(UTC) - timedelta(seconds=30) <= iso(value) <= datetime.now(UTC)


# --- createProduct ----------------------------------------------------------------------------


async def test_create_product_stores_it(api: Api) -> None:
    values = {
        "sku": " TEA-01 ",
        "name": "Green tea",
        "price": "19.90",
        "category": "Drinks",
        "unitCost": "7.5",
    }
    product = (await api.data(CREATE_PRODUCT, {"input": values}))["createProduct"]
    assert product["id"].startswith("prd_")
    assert product["sku"] == "TEA-01"
    assert product["name"] == "Green tea"
    assert product["category"] == "Drinks"
    assert product["active"] is True
    assert product["price"] == money("19.90", 1990)  # the platform's currency by default
    assert product["unitCost"] == money("7.50", 750)
    assert recent(product["createdAt"])

    assert await api.node(product["id"], f"... on Product {{ {PRODUCT_FIELDS} }}") == product
    listed = await api.data(f"{{ products {{ {PRODUCT_FIELDS} }} }}")
    assert listed["products"] == [product]


@pytest.mark.parametrize(
    ("currency", "price", "expected"),
    [
        pytest.param("usd", "5", money("5.00", 500, "USD"), id="lower-case code"),
        pytest.param("JPY", "1500", money("1500", 1500, "JPY"), id="no minor unit"),
        pytest.param("KWD", "1.234", money("1.234", 1234, "KWD"), id="three decimals"),
    ],
)
async def test_create_product_in_a_currency(
    api: Api, currency: str, price: str, expected: Json
) -> None:
    values = {"sku": "X-1", "name": "X", "price": price, "currency": currency, "active": False}
    product = (await api.data(CREATE_PRODUCT, {"input": values}))["createProduct"]
    assert product["price"] == expected
    assert product["active"] is False
    assert product["unitCost"] is None
    stored = await api.node(product["id"], "... on Product { price { amount currency } active }")
    assert stored == {
        "price": {"amount": expected["amount"], "currency": expected["currency"]},
        "active": False,
    }


ProductCase = tuple[str, Json, str, str]
CREATE_PRODUCT_ERRORS: list[ProductCase] = [
    ("duplicate SKU", {"sku": "DUP-1"}, "CONFLICT", "input.sku"),
    ("duplicate SKU with spaces", {"sku": " DUP-1 "}, "CONFLICT", "input.sku"),
    ("empty SKU", {"sku": "  "}, "BAD_USER_INPUT", "input.sku"),
    ("SKU too long", {"sku": "S" * 65}, "TEXT_TOO_LONG", "input.sku"),
    ("empty name", {"name": ""}, "BAD_USER_INPUT", "input.name"),
    ("negative price", {"price": "-0.01"}, "BAD_USER_INPUT", "input.price"),
    ("too many decimals", {"price": "1.999"}, "BAD_USER_INPUT", "input.price"),
    ("decimals in yen", {"price": "1.5", "currency": "JPY"}, "BAD_USER_INPUT", "input.price"),
    ("negative unit cost", {"unitCost": "-1"}, "BAD_USER_INPUT", "input.unitCost"),
    ("not a currency", {"currency": "EURO"}, "BAD_USER_INPUT", "input.currency"),
    ("digits as currency", {"currency": "123"}, "BAD_USER_INPUT", "input.currency"),
]


@pytest.mark.parametrize(
    ("override", "code", "field"),
    [pytest.param(o, c, f, id=name) for name, o, c, f in CREATE_PRODUCT_ERRORS],
)
async def test_create_product_rejects(api: Api, override: Json, code: str, field: str) -> None:
    await api.create_product("DUP-1")
    values = {"sku": "NEW-1", "name": "New", "price": "1.00", **override}
    await api.rejected(CREATE_PRODUCT, {"input": values}, code=code, field=field)


async def test_create_product_with_a_price_too_large_is_bad_input(api: Api) -> None:
    """A price beyond what the graph can store (64-bit minor units) is the client's error."""
    await api.rejected(
        CREATE_PRODUCT,
        {"input": {"sku": "BIG", "name": "Big", "price": "99999999999999999999"}},
        code="BAD_USER_INPUT",
        field="input.price",
    )


async def test_create_product_rejects_a_price_that_is_no_decimal(api: Api) -> None:
    await api.rejected(
        'mutation { createProduct(input: {sku: "A", name: "A", price: "ten"}) { id } }',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


# --- updateProduct ----------------------------------------------------------------------------


async def test_update_product_changes_only_what_is_given(api: Api) -> None:
    product_id = await api.create_product("TEA-01", "19.90", name="Green tea", category="Drinks")
    before = await api.node(product_id, f"... on Product {{ {PRODUCT_FIELDS} }}")
    assert before is not None
    patch = {"name": "Sencha", "price": "21.5", "unitCost": "8.00", "active": False}
    updated = (await api.data(UPDATE_PRODUCT, {"id": product_id, "input": patch}))["updateProduct"]
    assert updated == {
        **before,
        "name": "Sencha",
        "price": money("21.50", 2150),
        "unitCost": money("8.00", 800),
        "active": False,
    }
    assert await api.node(product_id, f"... on Product {{ {PRODUCT_FIELDS} }}") == updated

    # Its own SKU is no clash; a null category clears it.
    again = (
        await api.data(
            UPDATE_PRODUCT, {"id": product_id, "input": {"sku": "TEA-01", "category": None}}
        )
    )["updateProduct"]
    assert again["sku"] == "TEA-01"
    assert again["category"] is None
    assert await api.node(product_id, "... on Product { category }") == {"category": None}


async def test_update_product_sku(api: Api) -> None:
    product_id = await api.create_product("OLD-1")
    updated = (await api.data(UPDATE_PRODUCT, {"id": product_id, "input": {"sku": "NEW-1"}}))[
        "updateProduct"
    ]
    assert updated["sku"] == "NEW-1"
    assert await api.node(product_id, "... on Product { sku }") == {"sku": "NEW-1"}


async def test_update_product_price_in_the_products_currency(api: Api) -> None:
    """A price patch is in the product's own currency, not the platform's."""
    yen = await api.create_product("JP-1", "100", currency="JPY")
    updated = (await api.data(UPDATE_PRODUCT, {"id": yen, "input": {"price": "200"}}))[
        "updateProduct"
    ]
    assert updated["price"] == money("200", 200, "JPY")
    assert await api.node(yen, "... on Product { price { amount minorUnits } }") == {
        "price": {"amount": "200", "minorUnits": 200}
    }


async def test_update_product_price_with_three_decimals(api: Api) -> None:
    dinar = await api.create_product("KW-1", "1.000", currency="KWD")
    updated = (await api.data(UPDATE_PRODUCT, {"id": dinar, "input": {"price": "2.345"}}))[
        "updateProduct"
    ]
    assert updated["price"] == money("2.345", 2345, "KWD")


UpdateCase = tuple[str, Callable[[str], str], Json, str, str]
UPDATE_PRODUCT_ERRORS: list[UpdateCase] = [
    ("unknown id", lambda own: UNKNOWN_PRODUCT, {"name": "X"}, "NOT_FOUND", "id"),
    ("malformed id", lambda own: "prd_1", {"name": "X"}, "BAD_USER_INPUT", "id"),
    ("a customer id", lambda own: UNKNOWN_CUSTOMER, {"name": "X"}, "BAD_USER_INPUT", "id"),
    ("SKU of another product", lambda own: own, {"sku": "OTHER-1"}, "CONFLICT", "input.sku"),
    ("empty SKU", lambda own: own, {"sku": ""}, "BAD_USER_INPUT", "input.sku"),
    ("empty name", lambda own: own, {"name": " "}, "BAD_USER_INPUT", "input.name"),
    ("negative price", lambda own: own, {"price": "-5"}, "BAD_USER_INPUT", "input.price"),
    ("too many decimals", lambda own: own, {"price": "0.001"}, "BAD_USER_INPUT", "input.price"),
    ("negative unit cost", lambda own: own, {"unitCost": "-1"}, "BAD_USER_INPUT", "input.unitCost"),
    # A product always has a name, a SKU and a price (non-null in the schema).
    ("null name", lambda own: own, {"name": None}, "BAD_USER_INPUT", "input.name"),
    ("null SKU", lambda own: own, {"sku": None}, "BAD_USER_INPUT", "input.sku"),
]


@pytest.mark.parametrize(
    ("make_id", "patch", "code", "field"),
    [pytest.param(i, p, c, f, id=name) for name, i, p, c, f in UPDATE_PRODUCT_ERRORS],
)
async def test_update_product_rejects(
    api: Api, make_id: Callable[[str], str], patch: Json, code: str, field: str
) -> None:
    own = await api.create_product("OWN-1")
    await api.create_product("OTHER-1")
    await api.rejected(UPDATE_PRODUCT, {"id": make_id(own), "input": patch}, code=code, field=field)


async def test_update_product_refuses_to_remove_the_price(api: Api) -> None:
    """`Product.price` is non-null: a patch setting it to null must be refused, and the stored
    price kept (checked first, so that a failure shows whether the price was lost)."""
    product_id = await api.create_product("OWN-1", "4.20")
    body = await api.post(UPDATE_PRODUCT, {"id": product_id, "input": {"price": None}})
    rows = await api.graph.read(
        "MATCH (p:Product {id: $id}) RETURN p.priceMinor AS minor", {"id": product_id}
    )
    assert rows == [{"minor": 420}]
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "input.price"}


# --- acquisition sources ----------------------------------------------------------------------


async def test_create_acquisition_source(api: Api) -> None:
    source = (
        await api.data(CREATE_SOURCE, {"input": {"kind": "PARTNER", "name": " Partner Co "}})
    )["createAcquisitionSource"]
    assert source["id"].startswith("src_")
    assert source["kind"] == "PARTNER"
    assert source["name"] == "Partner Co"
    assert source["customerCount"] == 0
    assert recent(source["createdAt"])
    assert await api.node(source["id"], f"... on AcquisitionSource {{ {SOURCE_FIELDS} }}") == source
    assert (await api.data(f"{{ acquisitionSources {{ {SOURCE_FIELDS} }} }}")) == {
        "acquisitionSources": [source]
    }


async def test_update_acquisition_source(api: Api) -> None:
    source_id = await api.create_source("Old name", "WEBSITE")
    await api.create_customer("Acquired", acquisition={"sourceId": source_id})
    before = await api.node(source_id, f"... on AcquisitionSource {{ {SOURCE_FIELDS} }}")
    assert before is not None
    renamed = (await api.data(UPDATE_SOURCE, {"id": source_id, "input": {"name": "New name"}}))[
        "updateAcquisitionSource"
    ]
    assert renamed == {**before, "name": "New name", "customerCount": 1}
    rekinded = (await api.data(UPDATE_SOURCE, {"id": source_id, "input": {"kind": "SOCIAL"}}))[
        "updateAcquisitionSource"
    ]
    assert rekinded == {**renamed, "kind": "SOCIAL"}
    stored = await api.node(source_id, f"... on AcquisitionSource {{ {SOURCE_FIELDS} }}")
    assert stored == rekinded


async def test_create_acquisition_source_rejects_an_empty_name(api: Api) -> None:
    await api.rejected(
        CREATE_SOURCE,
        {"input": {"kind": "EVENT", "name": "   "}},
        code="BAD_USER_INPUT",
        field="input.name",
    )


async def test_create_acquisition_source_rejects_unknown_kinds(api: Api) -> None:
    await api.rejected(
        'mutation { createAcquisitionSource(input: {kind: BILLBOARD, name: "A"}) { id } }',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


SOURCE_ERRORS: list[UpdateCase] = [
    ("unknown id", lambda own: UNKNOWN_SOURCE, {"name": "X"}, "NOT_FOUND", "id"),
    ("malformed id", lambda own: "src-1", {"name": "X"}, "BAD_USER_INPUT", "id"),
    ("a product id", lambda own: UNKNOWN_PRODUCT, {"name": "X"}, "BAD_USER_INPUT", "id"),
    ("empty name", lambda own: own, {"name": ""}, "BAD_USER_INPUT", "input.name"),
    ("null name", lambda own: own, {"name": None}, "BAD_USER_INPUT", "input.name"),
]


@pytest.mark.parametrize(
    ("make_id", "patch", "code", "field"),
    [pytest.param(i, p, c, f, id=name) for name, i, p, c, f in SOURCE_ERRORS],
)
async def test_update_acquisition_source_rejects(
    api: Api, make_id: Callable[[str], str], patch: Json, code: str, field: str
) -> None:
    own = await api.create_source()
    await api.rejected(UPDATE_SOURCE, {"id": make_id(own), "input": patch}, code=code, field=field)


async def test_update_acquisition_source_rejects_unknown_kinds(api: Api) -> None:
    own = await api.create_source()
    await api.rejected(
        f'mutation {{ updateAcquisitionSource(id: "{own}", input: {{kind: BILLBOARD}}) {{ id }} }}',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


# --- employees --------------------------------------------------------------------------------


async def test_create_employee(api: Api) -> None:
    values = {"name": " Erin ", "email": "Erin@Example.COM", "title": "Account manager"}
    employee = (await api.data(CREATE_EMPLOYEE, {"input": values}))["createEmployee"]
    assert employee["id"].startswith("emp_")
    assert employee["name"] == "Erin"
    assert employee["email"] == "erin@example.com"
    assert employee["title"] == "Account manager"
    assert employee["active"] is True
    assert employee["customerCount"] == 0
    assert recent(employee["createdAt"])
    assert await api.node(employee["id"], f"... on Employee {{ {EMPLOYEE_FIELDS} }}") == employee
    assert (await api.data(f"{{ employees {{ {EMPLOYEE_FIELDS} }} }}")) == {"employees": [employee]}


async def test_create_employee_minimal(api: Api) -> None:
    employee = (await api.data(CREATE_EMPLOYEE, {"input": {"name": "Min", "active": False}}))[
        "createEmployee"
    ]
    assert employee["email"] is None
    assert employee["title"] is None
    assert employee["active"] is False
    assert await count_nodes(api.graph, "Employee") == 1


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        pytest.param({"name": "  "}, "input.name", "BAD_USER_INPUT", id="empty name"),
        pytest.param(
            {"name": "E", "email": "erin-at-example.com"},
            "input.email",
            "BAD_USER_INPUT",
            id="bad e-mail",
        ),
        pytest.param(
            {"name": "E", "title": "t" * 201}, "input.title", "TEXT_TOO_LONG", id="title too long"
        ),
    ],
)
async def test_create_employee_rejects(api: Api, values: Json, field: str, code: str) -> None:
    await api.create_employee("Existing")
    await api.rejected(CREATE_EMPLOYEE, {"input": values}, code=code, field=field)


async def test_update_employee(api: Api) -> None:
    employee_id = await api.create_employee("Erin", email="erin@example.com", title="Rep")
    customer = await api.create_customer("Owned", accountOwnerId=employee_id)
    before = await api.node(employee_id, f"... on Employee {{ {EMPLOYEE_FIELDS} }}")
    assert before is not None
    updated = (
        await api.data(
            UPDATE_EMPLOYEE,
            {"id": employee_id, "input": {"title": "Senior rep", "active": False, "email": None}},
        )
    )["updateEmployee"]
    assert updated == {
        **before,
        "title": "Senior rep",
        "active": False,
        "email": None,
        "customerCount": 1,
    }
    assert await api.node(employee_id, f"... on Employee {{ {EMPLOYEE_FIELDS} }}") == updated
    owner = await api.customer(customer, "accountOwner { id active }")
    assert owner == {"accountOwner": {"id": employee_id, "active": False}}


EMPLOYEE_ERRORS: list[UpdateCase] = [
    ("unknown id", lambda own: UNKNOWN_EMPLOYEE, {"name": "X"}, "NOT_FOUND", "id"),
    ("malformed id", lambda own: "emp_", {"name": "X"}, "BAD_USER_INPUT", "id"),
    ("a source id", lambda own: UNKNOWN_SOURCE, {"name": "X"}, "BAD_USER_INPUT", "id"),
    ("empty name", lambda own: own, {"name": ""}, "BAD_USER_INPUT", "input.name"),
    ("null name", lambda own: own, {"name": None}, "BAD_USER_INPUT", "input.name"),
    ("bad e-mail", lambda own: own, {"email": "erin@"}, "BAD_USER_INPUT", "input.email"),
]


@pytest.mark.parametrize(
    ("make_id", "patch", "code", "field"),
    [pytest.param(i, p, c, f, id=name) for name, i, p, c, f in EMPLOYEE_ERRORS],
)
async def test_update_employee_rejects(
    api: Api, make_id: Callable[[str], str], patch: Json, code: str, field: str
) -> None:
    own = await api.create_employee("Own", email="own@example.com")
    await api.rejected(
        UPDATE_EMPLOYEE, {"id": make_id(own), "input": patch}, code=code, field=field
    )

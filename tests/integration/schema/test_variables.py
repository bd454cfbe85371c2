"""Invalid values sent as variables: the document is fine, the values are not.

Clients send inputs as variables; an unknown enum value or an unparsable scalar there is the
client's error exactly as it is when written inline, so it must come back with the same code
(GRAPHQL_VALIDATION_FAILED), not be masked as an internal error, and nothing is written.
"""

from __future__ import annotations

import pytest

from tests.support.api import Json
from tests.support.mutations import Api, Refs


async def test_inline_unknown_enum_value_is_a_validation_error(api: Api) -> None:
    await api.rejected(
        'mutation { createCustomer(input: {name: "X", kind: ROBOT}) { id } }',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


CASES: list[tuple[str, str, Json]] = [
    (
        "unknown enum in an input",
        "mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }",
        {"input": {"name": "X", "kind": "ROBOT"}},
    ),
    (
        "unknown enum as an argument",
        "mutation($id: ID!, $s: OrderStatus!) { setOrderStatus(id: $id, status: $s) { id } }",
        {"id": "ord_" + "0" * 32, "s": "SHIPPED"},
    ),
    (
        "unknown enum in a list",
        "mutation($org: ID!, $input: ContactInput!) "
        "{ addContact(organizationId: $org, input: $input) { id } }",
        {"org": "cus_" + "0" * 32, "input": {"name": "Ann", "channels": ["PIGEON"]}},
    ),
    (
        "unparsable DateTime",
        "mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }",
        {"input": {"name": "X", "createdAt": "yesterday"}},
    ),
    (
        "unparsable Decimal",
        "mutation($input: ProductInput!) { createProduct(input: $input) { id } }",
        {"input": {"sku": "A", "name": "A", "price": "ten"}},
    ),
    (
        "missing required field",
        "mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }",
        {"input": {"emails": []}},
    ),
]


@pytest.mark.parametrize(
    ("query", "variables"), [pytest.param(q, v, id=name) for name, q, v in CASES]
)
async def test_invalid_variables_are_validation_errors(
    api: Api, refs: Refs, query: str, variables: Json
) -> None:
    await api.rejected(query, variables, code="GRAPHQL_VALIDATION_FAILED", field=None)

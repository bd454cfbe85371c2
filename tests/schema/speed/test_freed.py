"""What a request is done with is freed by reference counting, not left to the collector: the
executor once its response is built, a bulk request's rows once their statement has run."""

from __future__ import annotations

import httpx
import pytest

from schema.speed import ExecutionContext
from tests.customers.api import Json, data
from tests.cyclic_garbage import cyclic_garbage
from tests.schema.speed.support import FAST

BULK = "mutation($rows: [CustomerUpsertRow!]!) { upsertCustomers(rows: $rows) { created } }"


async def test_an_executed_operation_leaves_no_executor_to_the_collector() -> None:
    with cyclic_garbage() as garbage:
        result = await FAST.execute("query Probe { __typename }")
        assert result.errors is None
        assert result.data == {"__typename": "Query"}
        del result
    assert [o for o in garbage if isinstance(o, ExecutionContext)] == []


@pytest.mark.parametrize(
    "address",
    [None, [{"city": "Lyon", "country": "FR"}]],
    ids=["merged", "checked-then-written"],
)
async def test_the_rows_are_freed_with_the_request_not_left_to_the_collector(
    both_ways: tuple[httpx.AsyncClient, httpx.AsyncClient], address: list[Json] | None
) -> None:
    fast, _ = both_ways
    extra = {} if address is None else {"addresses": address}
    rows = [
        {
            "externalId": {"system": "shop", "value": f"freed-{i}"},
            "customer": {"name": "F", **extra},
        }
        for i in range(3)
    ]
    with cyclic_garbage() as garbage:
        result = await data(fast, BULK, {"rows": rows})
        assert result["upsertCustomers"]["created"] == 3
        del result, rows
    holding = [
        held for held in garbage if isinstance(held, dict | list) and "freed-1" in repr(held)
    ]
    assert holding == []

"""An operation's executor is freed by reference counting once its response is built."""

from __future__ import annotations

from schema.root import ExecutionContext, build_schema
from tests.cyclic_garbage import cyclic_garbage


async def test_an_executed_operation_leaves_no_executor_to_the_collector() -> None:
    schema = build_schema()
    with cyclic_garbage() as garbage:
        result = await schema.execute("query Probe { __typename }")
        assert result.errors is None
        assert result.data == {"__typename": "Query"}
        del result
    assert [o for o in garbage if isinstance(o, ExecutionContext)] == []

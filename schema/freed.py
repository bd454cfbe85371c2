"""An operation's executor, and its variables with it, freed when the response is built.

graphql-core's executor hands resolvers helpers made of its own bound methods
(`async_helpers`): the executor refers to itself. Reference counting alone never frees such a
cycle, so the executor and every value it holds (a bulk upsert's decoded rows, thousands of
maps) lived on after the response, until the cycle collector next ran. Bulk requests made
enough of that garbage to run the collector every few requests, about 10 ms each time at
1,000 rows. The helpers serve resolvers during execution only: once the response is built
they are dropped, which breaks the cycle and frees the executor at once.
"""

from __future__ import annotations

from typing import Any

from graphql import ExecutionResult
from graphql.execution import ExperimentalIncrementalExecutionResults
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


class FreedWithResponse(StrawberryGraphQLCoreExecutionContext):
    def build_response(
        self, data: dict[str, Any] | None
    ) -> ExecutionResult | ExperimentalIncrementalExecutionResults:
        response = super().build_response(data)
        del self.async_helpers
        return response

"""An operation's executor freed when its response is built (`schema.speed`, piece "freed")."""

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

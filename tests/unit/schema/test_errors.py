"""The error edge on a schema of its own, so every kind of failure can be raised on purpose."""

from __future__ import annotations

import strawberry

from cdp.errors import BadUserInput, NotFound, ServiceUnavailable
from schema.errors import ErrorCodes


@strawberry.type
class Query:
    @strawberry.field
    def crash(self) -> str | None:
        raise RuntimeError("MATCH (secret:Internal) RETURN secret -- server detail")

    @strawberry.field
    def missing(self) -> str | None:
        raise NotFound("No customer has id 42.", field="id")

    @strawberry.field
    def bad(self) -> str:
        raise BadUserInput("Strength must be between 0 and 1.", field="strength")

    @strawberry.field
    def down(self) -> str:
        raise ServiceUnavailable()


schema = strawberry.Schema(query=Query, extensions=[ErrorCodes])


async def test_unexpected_failures_are_masked() -> None:
    result = await schema.execute("{ crash }")
    assert result.errors is not None
    [error] = result.errors
    assert error.message == "An unexpected error occurred."
    assert error.extensions == {"code": "INTERNAL_SERVER_ERROR"}
    assert "MATCH" not in str(error.formatted)


async def test_expected_failures_keep_message_code_and_field() -> None:
    result = await schema.execute("{ missing }")
    assert result.errors is not None
    assert result.errors[0].formatted["extensions"] == {"code": "NOT_FOUND", "field": "id"}
    assert result.errors[0].message == "No customer has id 42."

    result = await schema.execute("{ bad }")
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_USER_INPUT", "field": "strength"}


async def test_service_unavailable_has_its_code() -> None:
    result = await schema.execute("{ down }")
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "SERVICE_UNAVAILABLE"}


async def test_each_error_of_a_partial_result_is_handled_alone() -> None:
    result = await schema.execute("{ crash missing }")
    assert result.errors is not None
    codes = sorted(error.extensions["code"] for error in result.errors if error.extensions)
    assert codes == ["INTERNAL_SERVER_ERROR", "NOT_FOUND"]

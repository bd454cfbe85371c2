"""What the log keeps of an error: a client's error is one line with its code and where it
is, never the value sent nor a traceback; an unexpected failure keeps its traceback."""

from __future__ import annotations

import logging

import pytest

from cdp.store.graph import Graph
from tests.integration.edge.helpers import OpenApp
from tests.support.api import codes, post

SECRET = "zz-secret-value-zz"


def ours(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """What the service logged at INFO or above (the test's HTTP client logs too)."""
    return [r for r in caplog.records if r.levelno >= logging.INFO and r.name != "httpx"]


def logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(caplog.text.splitlines() + [r.getMessage() for r in caplog.records])


async def test_a_client_error_is_one_line_without_its_value(
    open_app: OpenApp, caplog: pytest.LogCaptureFixture
) -> None:
    async with open_app() as http:
        with caplog.at_level(logging.DEBUG):
            body = await post(
                http,
                'mutation($e: String!) { createCustomer(input: {name: "Ann", emails: [$e]}) '
                "{ id } }",
                {"e": SECRET},
            )
    assert codes(body) == ["BAD_USER_INPUT"]
    records = ours(caplog)
    assert [r.getMessage() for r in records] == [
        "client error BAD_USER_INPUT path=createCustomer field=input.emails[0]"
    ]
    assert records[0].exc_info is None
    assert SECRET not in logged(caplog)
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize(
    ("query", "variables", "line"),
    [
        pytest.param(
            "query($n: Int!) { customers(first: $n) { totalCount } }",
            {"n": SECRET},
            "client error GRAPHQL_VALIDATION_FAILED path=- field=-",
            id="a variable of the wrong type",
        ),
        pytest.param(
            "{ customers { " + SECRET.replace("-", "") + " } }",
            {},
            "client error GRAPHQL_VALIDATION_FAILED path=- field=-",
            id="an unknown field",
        ),
    ],
)
async def test_a_document_error_is_one_line_without_its_value(
    open_app: OpenApp,
    caplog: pytest.LogCaptureFixture,
    query: str,
    variables: dict[str, object],
    line: str,
) -> None:
    async with open_app() as http:
        with caplog.at_level(logging.DEBUG):
            body = await post(http, query, variables)
    assert codes(body) == ["GRAPHQL_VALIDATION_FAILED"]
    assert [r.getMessage() for r in ours(caplog)] == [line]
    assert SECRET not in logged(caplog)
    assert SECRET.replace("-", "") not in logged(caplog)


_BROKEN = """
CREATE (:Customer {id: $id, kind: 'PERSON', name: 'Broken', emails: [], phones: [],
                   lifecycleStage: 'NO SUCH STAGE', createdAt: datetime(),
                   updatedAt: datetime(), revenueMinor: 0})
"""


async def test_an_unexpected_error_keeps_its_traceback_in_the_log(
    open_app: OpenApp, graph: Graph, caplog: pytest.LogCaptureFixture
) -> None:
    broken = "cus_" + "b" * 32
    await graph.write_query(_BROKEN, {"id": broken})
    async with open_app() as http:
        with caplog.at_level(logging.DEBUG):
            body = await post(
                http, "query($id: ID!) { customer(id: $id) { lifecycleStage } }", {"id": broken}
            )
    assert codes(body) == ["INTERNAL_SERVER_ERROR"]
    [record] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert record.name == "strawberry.execution"
    assert record.exc_info is not None

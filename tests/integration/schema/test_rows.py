"""Leaves of rows completed in place answer exactly as graphql-core's full path does."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from cdp.store.graph import Graph
from schema.rows import RowExecutionContext
from tests.integration.customers.seed import World, seed_world
from tests.integration.customers.test_read_api import CUSTOMER_360
from tests.support.api import Json, post

# Aliases, enums, lists of strings and of enums, dates, nulls in nullable leaves.
ALIASED = """
query($id: ID!) {
  customer(id: $id) {
    key: id
    name
    who: kind
    stage: lifecycleStage
    emails
    interests
    notes
    createdAt
    preferences { channel: preferredChannel doNotContact }
    touchpoints(first: 3) { nodes { at: occurredAt channel kind } }
  }
}
"""


@pytest.fixture
def full_path(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Switch the short way off: every field takes graphql-core's own path."""

    def switch_off() -> None:
        def execute_field(self: RowExecutionContext, *args: Any) -> Any:
            return super(RowExecutionContext, self).execute_field(*args)

        monkeypatch.setattr(RowExecutionContext, "execute_field", execute_field)

    return switch_off


async def both(client: httpx.AsyncClient, full_path: Any, query: str, variables: Json) -> Json:
    short = await post(client, query, variables)
    full_path()
    assert await post(client, query, variables) == short
    return short


@pytest.mark.parametrize("query", [CUSTOMER_360, ALIASED], ids=["customer-360", "aliased"])
async def test_the_short_way_answers_as_the_full_path(
    client: httpx.AsyncClient, graph: Graph, full_path: Any, query: str
) -> None:
    world: World = await seed_world(graph)
    answer = await both(client, full_path, query, {"id": world.ada})
    assert "errors" not in answer
    assert answer["data"]["customer"] is not None


async def test_a_null_where_none_may_be_is_reported_as_the_full_path_does(
    client: httpx.AsyncClient, graph: Graph, full_path: Any
) -> None:
    await graph.write_query(
        "CREATE (:Customer {id: 'cus_00000000000000000000000000000001', kind: 'PERSON'})"
    )
    answer = await both(
        client,
        full_path,
        "query($id: ID!) { customer(id: $id) { id name emails } }",
        {"id": "cus_00000000000000000000000000000001"},
    )
    assert answer["data"] == {"customer": None}
    assert [error["path"] for error in answer["errors"]] == [["customer", "name"]]

"""Reads answer exactly alike with the speed pieces and on the libraries' own paths: documents
parsed once and cached, rows read by response key either way."""

from __future__ import annotations

import httpx
import pytest

from cdp.store.graph import Graph
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
Both = tuple[httpx.AsyncClient, httpx.AsyncClient]


async def same(both_ways: Both, query: str, variables: Json) -> Json:
    fast, library = both_ways
    answer = await post(fast, query, variables)
    assert await post(library, query, variables) == answer
    assert await post(fast, query, variables) == answer  # a cached document, once more
    return answer


@pytest.mark.parametrize("query", [CUSTOMER_360, ALIASED], ids=["customer-360", "aliased"])
async def test_the_fast_way_answers_as_the_libraries_do(
    both_ways: Both, graph: Graph, query: str
) -> None:
    world: World = await seed_world(graph)
    answer = await same(both_ways, query, {"id": world.ada})
    assert "errors" not in answer
    assert answer["data"]["customer"] is not None


async def test_a_null_where_none_may_be_is_reported_as_the_libraries_do(
    both_ways: Both, graph: Graph
) -> None:
    await graph.write_query(
        "CREATE (:Customer {id: 'cus_00000000000000000000000000000001', kind: 'PERSON'})"
    )
    answer = await same(
        both_ways,
        "query($id: ID!) { customer(id: $id) { id name emails } }",
        {"id": "cus_00000000000000000000000000000001"},
    )
    assert answer["data"] == {"customer": None}
    assert [error["path"] for error in answer["errors"]] == [["customer", "name"]]


async def test_a_list_page_and_a_syntax_error_answer_as_the_libraries_do(
    both_ways: Both, graph: Graph
) -> None:
    await seed_world(graph)
    page = (
        "{ customers(first: 3) { totalCount edges { cursor node { id name } } "
        "pageInfo { hasNextPage endCursor } } }"
    )
    answer = await same(both_ways, page, {})
    assert len(answer["data"]["customers"]["edges"]) == 3
    broken = await same(both_ways, "{ customers(first: 3) { totalCount ", {})
    assert broken["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"

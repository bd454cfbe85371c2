"""Helpers of the edge tests: posting operations, reading error codes, counting nodes."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import httpx

from cdp.store.graph import Graph

Json = dict[str, Any]
# open_app(role="admin", **settings overrides) -> async context manager of an HTTP client.
OpenApp = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


async def post(http: httpx.AsyncClient, query: str, variables: Json | None = None) -> Json:
    """POST one operation; the answer must be HTTP 200 with a JSON object."""
    response = await http.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


async def data(http: httpx.AsyncClient, query: str, variables: Json | None = None) -> Json:
    """The data of an operation that must succeed without any error."""
    body = await post(http, query, variables)
    assert "errors" not in body, body["errors"]
    result: Json = body["data"]
    return result


def codes(body: Json) -> list[str | None]:
    return [(error.get("extensions") or {}).get("code") for error in body.get("errors") or []]


async def count_nodes(graph: Graph, label: str) -> int:
    rows = await graph.read(
        "MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n", {"label": label}
    )
    return int(rows[0]["n"])

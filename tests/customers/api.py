"""Calling the GraphQL endpoint: POST /graphql, then the data or the errors' codes."""

from __future__ import annotations

from typing import Any

import httpx

Json = dict[str, Any]


async def post(client: httpx.AsyncClient, query: str, variables: Json | None = None) -> Json:
    response = await client.post("/graphql", json={"query": query, "variables": variables or {}})
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


async def data(client: httpx.AsyncClient, query: str, variables: Json | None = None) -> Json:
    """The response's data; fails the test on any error."""
    body = await post(client, query, variables)
    assert "errors" not in body, body["errors"]
    result: Json = body["data"]
    return result


async def error_codes(
    client: httpx.AsyncClient, query: str, variables: Json | None = None
) -> list[str]:
    """The `extensions.code` of every error of the response (which must have errors)."""
    body = await post(client, query, variables)
    assert body.get("errors"), body
    return [error.get("extensions", {}).get("code") for error in body["errors"]]

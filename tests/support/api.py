"""Calling the GraphQL endpoint: POST /graphql, then the whole body, the data or the error codes.

Every call goes through the client's default key unless `key` names another bearer secret.
"""

from __future__ import annotations

from typing import Any

import httpx

Json = dict[str, Any]


async def post(
    client: httpx.AsyncClient, query: str, variables: Json | None = None, *, key: str | None = None
) -> Json:
    """POST one operation; the answer must be HTTP 200 with a JSON object."""
    headers = {"Authorization": f"Bearer {key}"} if key is not None else None
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: Json = response.json()
    return body


async def data(
    client: httpx.AsyncClient, query: str, variables: Json | None = None, *, key: str | None = None
) -> Json:
    """The response's data; fails the test on any error."""
    body = await post(client, query, variables, key=key)
    assert "errors" not in body, body["errors"]
    result: Json = body["data"]
    return result


def codes(body: Json) -> list[str | None]:
    """The `extensions.code` of every error of a response body, in order (none: empty)."""
    return [(error.get("extensions") or {}).get("code") for error in body.get("errors") or []]


async def error_codes(
    client: httpx.AsyncClient, query: str, variables: Json | None = None, *, key: str | None = None
) -> list[str | None]:
    """The error codes of an operation that must fail."""
    body = await post(client, query, variables, key=key)
    assert body.get("errors"), body
    return codes(body)

"""How many of the project's files one customer-360 request passes through.

A reader follows a request file by file; the fewer files, the easier the code is to see and to
change. Every Python frame the request runs is recorded (`sys.setprofile`), from the moment the
HTTP request enters the app until its response is read, and the project files among them are
counted. The key is verified and cached before, as on a warm server.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[3]
PROJECT = tuple(str(REPO / folder) + "/" for folder in ("cdp", "schema", "resolvers"))
# A ratchet: the count may only go down (the layout aims at 12).
MOST_FILES = 32

CUSTOMER_360 = """
query ($id: ID!) {
  customer(id: $id) {
    name emails
    orders(first: 5) { nodes { number total { amount currency } } }
    touchpoints(first: 5) { nodes { kind occurredAt } }
    accountOwner { name }
    metrics { lifetimeRevenue { amount } orderCount }
  }
}
"""


async def files_of_request(client: httpx.AsyncClient, body: dict[str, Any]) -> list[str]:
    seen: set[str] = set()

    def record(frame: FrameType, event: str, _: Any) -> None:
        if event == "call":
            name = frame.f_code.co_filename
            if name.startswith(PROJECT):
                seen.add(name)

    sys.setprofile(record)
    try:
        response = await client.post("/graphql", json=body)
    finally:
        sys.setprofile(None)
    assert response.status_code == 200, response.text
    assert "errors" not in response.json(), response.json()
    return sorted(str(Path(name).relative_to(REPO)) for name in seen)


async def test_a_customer_360_request_crosses_few_files(client: httpx.AsyncClient) -> None:
    created = await client.post(
        "/graphql",
        json={"query": 'mutation { createCustomer(input: {name: "Ada"}) { id } }'},
    )
    customer_id = created.json()["data"]["createCustomer"]["id"]
    body = {"query": CUSTOMER_360, "variables": {"id": customer_id}}
    # The document is parsed and validated once before, as on a warm server.
    await files_of_request(client, body)
    files = await files_of_request(client, body)
    print("\n".join(files))
    assert len(files) <= MOST_FILES, files

"""The event loop stays free while the largest legal requests are served: `/healthz` keeps
answering within a bound during a bulk upsert at the row limit and during a body at the size
limit."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx

from cdp.settings import Settings
from tests.integration.edge.helpers import OpenApp

BULK = (
    "mutation($rows: [CustomerUpsertRow!]!) "
    "{ upsertCustomers(rows: $rows) { created updated unchanged } }"
)
# The longest /healthz may wait while the loop serves another request. Measured on a shared,
# loaded 2-core machine; a loop blocked by a whole request's work would wait tens of seconds.
HEALTHZ_BOUND = 1.5


def rows(count: int) -> list[dict[str, Any]]:
    return [
        {
            "externalId": {"system": "shop", "value": f"S-{n:06d}"},
            "customer": {
                "name": f"Customer {n}",
                "emails": [f"c{n}@example.com", f"c{n}@example.org"],
                "phones": ["+33 1 23 45 67 89"],
                "addresses": [{"city": "Lyon", "country": "FR"}],
                "lifecycleStage": "CUSTOMER",
            },
        }
        for n in range(count)
    ]


async def healthz_while(http: httpx.AsyncClient, work: asyncio.Task[httpx.Response]) -> list[float]:
    """How late each /healthz answered, asked every 10 ms until `work` is done: the time from
    when it was due (the end of the pause before it) to its answer, so a loop held by other
    work shows whether it held the pause or the request."""
    waits = []
    while not work.done():
        due = time.perf_counter() + 0.01
        await asyncio.sleep(0.01)
        response = await http.get("/healthz")
        waits.append(time.perf_counter() - due)
        assert response.status_code == 200
    return waits


async def test_healthz_answers_during_a_bulk_upsert_at_the_row_limit(
    open_app: OpenApp, settings: Settings
) -> None:
    body = {"query": BULK, "variables": {"rows": rows(settings.max_bulk_rows)}}
    # The limits of time are not what is measured here: a loaded machine may be slow. The
    # speed paths are on whatever CDP_SPEED_PATHS says: the libraries' own paths coerce and
    # convert the rows in one go, holding the loop meanwhile (README, "Speed paths").
    overrides = {"cypher_timeout": 300.0, "request_timeout": 300.0, "speed_paths": True}
    async with open_app(**overrides) as http:
        started = time.perf_counter()
        work = asyncio.create_task(http.post("/graphql", json=body, timeout=300))
        waits = await healthz_while(http, work)
        response = await work
        took = time.perf_counter() - started
    assert response.status_code == 200, response.text
    assert response.json()["data"]["upsertCustomers"]["created"] == settings.max_bulk_rows
    print(
        f"bulk {len(json.dumps(body)) / 1e6:.1f} MB in {took:.2f} s; healthz max "
        f"{max(waits):.3f} s over {len(waits)}"
    )
    assert max(waits) < HEALTHZ_BOUND, (took, sorted(waits)[-5:])


async def test_healthz_answers_during_a_body_at_the_size_limit(
    open_app: OpenApp, settings: Settings
) -> None:
    # A legal request whose unused variable fills the size limit with as many values as
    # allowed (an object and a comma each).
    each = '{"name": "' + "n" * 24 + '"}'
    count = min(
        (settings.max_request_bytes - 200) // (len(each) + 1), settings.max_json_values // 2 - 10
    )
    filler = ",".join([each] * count)
    content = ('{"query": "{ __typename }", "variables": {"unused": [' + filler + "]}}").encode()
    assert len(content) <= settings.max_request_bytes
    async with open_app() as http:
        started = time.perf_counter()
        work = asyncio.create_task(
            http.post(
                "/graphql",
                content=content,
                headers={"content-type": "application/json"},
                timeout=300,
            )
        )
        waits = await healthz_while(http, work)
        response = await work
        took = time.perf_counter() - started
    assert response.json() == {"data": {"__typename": "Query"}}
    print(
        f"body {len(content) / 1e6:.1f} MB in {took:.2f} s; healthz max "
        f"{max(waits):.3f} s over {len(waits)}"
    )
    assert max(waits) < HEALTHZ_BOUND, (took, sorted(waits)[-5:])

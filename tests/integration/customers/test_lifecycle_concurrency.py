"""A customer's lifecycle history under concurrent writes of its stage, over HTTP.

Every write of a stage (`updateCustomer`, `upsertCustomers`, `advanceLead`) takes the customer's
write lock before it reads the stage it changes, so the writes of one customer queue and the
history is what they would have left one after the other: each entry a change from the one
before it, positions 0, 1, 2, ... with no gap and no clash, the newest entry the stage the
customer has. The requests are fired at once (the ASGI app runs them concurrently, each in its
own transaction); the database, not the order of arrival, must keep the history whole.

A write's answer is read in its own transaction, under that lock: it shows the history as the
write left it. That is what tells the changes apart from the writes that changed nothing: an
`updateCustomer` that changed the stage answers with its own entry first, made at the moment it
also stored as `updatedAt`.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from tests.integration.customers.test_lifecycle import (
    ADVANCE,
    CREATED_AT,
    HISTORY,
    advance,
    history,
    stages,
)
from tests.support.api import Json
from tests.support.mutations import Api

CONCURRENT = 40
STAGES = ("LEAD", "PROSPECT", "CUSTOMER", "FORMER")  # updateCustomer may set any of them
SET_STAGE = (
    "mutation($id: ID!, $stage: LifecycleStage!) "
    "{ updateCustomer(id: $id, input: {lifecycleStage: $stage}) "
    f"{{ lifecycleStage updatedAt {HISTORY} }} }}"
)
BULK_COUNTS = (
    "mutation($rows: [CustomerUpsertRow!]!) "
    "{ upsertCustomers(rows: $rows) { created updated unchanged customerIds } }"
)
KEY = {"system": "crm", "value": "L-1"}
NAME = "Lena Lead"
# Rows naming addresses take the bulk write's checked path, rows of properties only its merge.
ADDRESSES = [{"kind": "HOME", "city": "Ghent", "country": "BE"}]


@pytest.fixture
async def key_id(api: Api) -> str:
    """The id of the key the test client sends: with no employee, it is who acts."""
    rows = await api.graph.read("MATCH (k:ApiKey {name: 'tests'}) RETURN k.id AS id")
    return str(rows[0]["id"])


def bulk_row(stage: str, *, addresses: bool = False, key: Json = KEY, name: str = NAME) -> Json:
    customer: Json = {"name": name, "lifecycleStage": stage}
    if addresses:
        customer["addresses"] = ADDRESSES
    return {"externalId": key, "customer": customer}


async def all_at_once(api: Api, calls: list[tuple[str, Json]]) -> list[Json]:
    """Post every call at once; none may fail."""
    bodies = await asyncio.gather(*(api.post(query, variables) for query, variables in calls))
    assert [b["errors"] for b in bodies if b.get("errors")] == []
    return bodies


async def warm_up(api: Api, *calls: tuple[str, Json]) -> None:
    """Each statement once, on another customer: the database plans a statement on its first
    use, which on a busy machine takes long enough to count against the transaction timeout of
    every call queued behind the first one's lock."""
    for query, variables in calls:
        await api.data(query, variables)


async def positions(api: Api, customer: str) -> list[int]:
    """The stored positions of the customer's history, highest first."""
    rows = await api.graph.read(
        "MATCH (:Customer {id: $id})-[:HAD_STAGE]->(h:LifecycleChange) "
        "RETURN h.position AS position ORDER BY position DESC",
        {"id": customer},
    )
    return [row["position"] for row in rows]


async def whole_history(api: Api, customer: str, key_id: str) -> list[Json]:
    """The customer's history, checked to be one the writes could have left one after the
    other; newest first."""
    entries = await history(api, customer)
    found = await api.node(customer, "... on Customer { lifecycleStage }")
    assert found is not None
    assert entries[0]["stage"] == found["lifecycleStage"]
    # An unchanged stage writes no entry: no entry repeats the one before it.
    repeats = [a for a, b in itertools.pairwise(entries) if a["stage"] == b["stage"]]
    assert repeats == [], stages(entries)
    assert await positions(api, customer) == list(reversed(range(len(entries))))
    assert {entry["by"] for entry in entries} == {key_id}
    return entries


def changes_made(answers: list[Json], requested: list[str], entries: list[Json]) -> list[Json]:
    """The answers of the `updateCustomer` calls that changed the stage, each checked against
    the final history `entries`: every write set its stage, saw its stage as the newest entry,
    and saw a history that no later write lost or rewrote."""
    made = []
    for answer, stage in zip(answers, requested, strict=True):
        seen = answer["lifecycleHistory"]
        assert answer["lifecycleStage"] == stage
        assert seen[0]["stage"] == stage
        assert seen == entries[len(entries) - len(seen) :]
        if seen[0]["at"] == answer["updatedAt"]:  # its own entry
            made.append(answer)
    return made


async def test_concurrent_updates_keep_one_entry_per_change(api: Api, key_id: str) -> None:
    """Forty corrections of one customer, cycling through every stage: the history holds the
    creation's entry and one entry per update that changed the stage, made by that update."""
    lead = await api.create_customer(NAME, createdAt=CREATED_AT)
    other = await api.create_customer("Warm Up")
    await warm_up(
        api,
        (SET_STAGE, {"id": other, "stage": "PROSPECT"}),
        (SET_STAGE, {"id": other, "stage": "PROSPECT"}),
    )
    requested = [STAGES[n % len(STAGES)] for n in range(CONCURRENT)]
    bodies = await all_at_once(
        api, [(SET_STAGE, {"id": lead, "stage": stage}) for stage in requested]
    )

    entries = await whole_history(api, lead, key_id)
    assert entries[-1] == {
        "stage": "LEAD",
        "at": "2026-01-05T10:00:00+00:00",
        "by": key_id,
        "reason": None,
    }
    made = changes_made([b["data"]["updateCustomer"] for b in bodies], requested, entries)
    assert made  # a PROSPECT, at least, found another stage or came after a change
    assert len(entries) == 1 + len(made)
    assert sorted(e["at"] for e in entries[:-1]) == sorted(a["updatedAt"] for a in made)


async def test_concurrent_bulk_rows_and_updates_keep_one_entry_per_change(
    api: Api, key_id: str
) -> None:
    """Bulk loads of the customer's row (merged, and through the checked path for rows with
    addresses) mixed with updates, each setting one of the stages: the updates' changes are
    each one entry, and every other entry is a bulk load's, one at most per request."""
    created = await api.data(BULK_COUNTS, {"rows": [bulk_row("LEAD")]})
    lead = created["upsertCustomers"]["customerIds"][0]
    warm_key = {"system": "crm", "value": "warm"}
    warm = await api.data(BULK_COUNTS, {"rows": [bulk_row("LEAD", key=warm_key, name="Warm")]})
    other = warm["upsertCustomers"]["customerIds"][0]
    await warm_up(
        api,
        (BULK_COUNTS, {"rows": [bulk_row("PROSPECT", key=warm_key, name="Warm")]}),
        (BULK_COUNTS, {"rows": [bulk_row("CUSTOMER", key=warm_key, name="Warm", addresses=True)]}),
        (SET_STAGE, {"id": other, "stage": "FORMER"}),
    )

    calls: list[tuple[str, Json]] = []
    updates: list[tuple[int, str]] = []  # the call and the stage of each update
    for n in range(CONCURRENT):
        stage = STAGES[n % len(STAGES)]
        if n % 3 == 2:
            updates.append((n, stage))
            calls.append((SET_STAGE, {"id": lead, "stage": stage}))
        else:
            calls.append((BULK_COUNTS, {"rows": [bulk_row(stage, addresses=n % 3 == 1)]}))
    bodies = await all_at_once(api, calls)

    entries = await whole_history(api, lead, key_id)
    assert entries[-1]["stage"] == "LEAD"
    answers = [bodies[n]["data"]["updateCustomer"] for n, _ in updates]
    made = [a["updatedAt"] for a in changes_made(answers, [s for _, s in updates], entries)]
    bulks = [b["data"]["upsertCustomers"] for n, b in enumerate(bodies) if n % 3 != 2]
    assert {customer for bulk in bulks for customer in bulk["customerIds"]} == {lead}
    kept = [e["at"] for e in entries[:-1]]
    # A bulk request makes its entry at its own time: two entries of one time would be one
    # request's change kept twice. Only a row the request reports as updated makes one.
    by_bulks = [at for at in kept if at not in made]
    assert len(set(by_bulks)) == len(by_bulks)
    assert len(by_bulks) <= sum(bulk["updated"] for bulk in bulks)
    assert sorted(kept) == sorted(made + by_bulks)  # each update's change is one entry
    assert len(entries) == 1 + len(made) + len(by_bulks)
    assert len(entries) > 1  # a PROSPECT, at least, changed the stage or came after a change


async def test_concurrent_advances_to_one_stage_make_one_entry(api: Api) -> None:
    """Thirty callers moving a prospect on to CUSTOMER, each with its reason: the first to hold
    the customer's lock moves it; each other finds it there and answers with that one move."""
    lead = await api.create_customer(NAME, createdAt=CREATED_AT)
    await advance(api, lead, "PROSPECT", "asked for a quote")
    calls = [(ADVANCE, {"c": lead, "stage": "CUSTOMER", "reason": f"r{n}"}) for n in range(30)]
    bodies = await all_at_once(api, calls)

    entries = await history(api, lead)
    assert stages(entries) == ["CUSTOMER", "PROSPECT", "LEAD"]
    assert entries[0]["reason"] in {variables["reason"] for _, variables in calls}
    assert await positions(api, lead) == [2, 1, 0]
    for body in bodies:
        moved: dict[str, Any] = body["data"]["advanceLead"]
        assert moved["lifecycleStage"] == "CUSTOMER"
        assert moved["lifecycleHistory"] == entries

"""A customer's lifecycle: advanceLead's moves, the history every write of a stage keeps,
the migration that starts it, and when a lead converted."""

from __future__ import annotations

import asyncio
import importlib.util
import itertools
from pathlib import Path
from typing import Any

import pytest

from cdp.ids import new_ids
from tests.support.api import Json, codes
from tests.support.mutations import Api

MIGRATION_STEP = (
    Path(__file__).resolve().parents[3] / "graph_migrations" / "V0012__lifecycle_history.py"
)
HISTORY = "lifecycleHistory { stage at by reason }"
ADVANCE = (
    "mutation($c: ID!, $stage: LifecycleStage!, $reason: String) "
    "{ advanceLead(customer: $c, stage: $stage, reason: $reason) "
    f"{{ id lifecycleStage {HISTORY} }} }}"
)
UPDATE = (
    "mutation($id: ID!, $input: CustomerPatch!) "
    f"{{ updateCustomer(id: $id, input: $input) {{ lifecycleStage {HISTORY} }} }}"
)
BULK = "mutation($rows: [CustomerUpsertRow!]!) { upsertCustomers(rows: $rows) { customerIds } }"
CREATED_AT = "2026-01-05T10:00:00Z"


@pytest.fixture
async def key_id(api: Api) -> str:
    """The id of the key the test client sends: with no employee, it is who acts."""
    rows = await api.graph.read("MATCH (k:ApiKey {name: 'tests'}) RETURN k.id AS id")
    return str(rows[0]["id"])


@pytest.fixture
async def lead(api: Api) -> str:
    return await api.create_customer("Lena Lead", createdAt=CREATED_AT)


async def advance(api: Api, customer: str, stage: str, reason: str | None = None) -> Json:
    variables = {"c": customer, "stage": stage, "reason": reason}
    result: Json = (await api.data(ADVANCE, variables))["advanceLead"]
    return result


async def history(api: Api, customer: str) -> list[Json]:
    found = await api.node(customer, f"... on Customer {{ {HISTORY} }}")
    assert found is not None
    entries: list[Json] = found["lifecycleHistory"]
    return entries


def stages(entries: list[Json]) -> list[str]:
    return [entry["stage"] for entry in entries]


# --- advanceLead -------------------------------------------------------------------------------


async def test_a_new_customer_starts_its_history_when_created(
    api: Api, lead: str, key_id: str
) -> None:
    assert await history(api, lead) == [
        {"stage": "LEAD", "at": "2026-01-05T10:00:00+00:00", "by": key_id, "reason": None}
    ]


async def test_the_way_through_is_kept_newest_first(api: Api, lead: str, key_id: str) -> None:
    await advance(api, lead, "PROSPECT", "asked for a quote")
    await advance(api, lead, "CUSTOMER", "signed")
    await advance(api, lead, "FORMER", "moved away")
    back = await advance(api, lead, "PROSPECT", "came back")
    assert back["lifecycleStage"] == "PROSPECT"
    entries = back["lifecycleHistory"]
    assert stages(entries) == ["PROSPECT", "FORMER", "CUSTOMER", "PROSPECT", "LEAD"]
    assert [e["reason"] for e in entries] == [
        "came back",
        "moved away",
        "signed",
        "asked for a quote",
        None,
    ]
    assert {e["by"] for e in entries} == {key_id}
    times = [e["at"] for e in entries]
    assert times == sorted(times, reverse=True)


async def test_a_lead_may_skip_being_a_prospect(api: Api, lead: str) -> None:
    assert (await advance(api, lead, "CUSTOMER"))["lifecycleStage"] == "CUSTOMER"


@pytest.mark.parametrize(
    ("way", "refused"),
    [(["PROSPECT"], "LEAD"), (["CUSTOMER"], "LEAD"), (["PROSPECT", "CUSTOMER"], "PROSPECT")],
)
async def test_moves_backwards_are_refused(
    api: Api, lead: str, way: list[str], refused: str
) -> None:
    for stage in way:
        await advance(api, lead, stage)
    await api.rejected(
        ADVANCE, {"c": lead, "stage": refused}, code="INVALID_TRANSITION", field="stage"
    )
    assert len(await history(api, lead)) == 1 + len(way)


async def test_the_stage_it_has_is_no_move(api: Api, lead: str) -> None:
    await advance(api, lead, "PROSPECT")
    again = await advance(api, lead, "PROSPECT", "again")
    assert stages(again["lifecycleHistory"]) == ["PROSPECT", "LEAD"]


async def test_a_reason_has_a_bound(api: Api, lead: str) -> None:
    await api.rejected(
        ADVANCE,
        {"c": lead, "stage": "PROSPECT", "reason": "x" * 501},
        code="TEXT_TOO_LONG",
        field="reason",
    )


async def test_an_unknown_customer_is_not_found(api: Api) -> None:
    missing = new_ids("cus", 1)[0]
    await api.rejected(
        ADVANCE, {"c": missing, "stage": "PROSPECT"}, code="NOT_FOUND", field="customer"
    )


@pytest.mark.parametrize("target", ["PROSPECT", "FORMER"])
async def test_concurrent_moves_make_one_change(api: Api, lead: str, target: str) -> None:
    """Twenty callers at once moving a lead on: the first to hold the customer's lock moves it,
    every other finds it there already (no move) and records nothing."""
    bodies = await asyncio.gather(
        *(api.post(ADVANCE, {"c": lead, "stage": target, "reason": f"n{n}"}) for n in range(20))
    )
    assert [codes(b) for b in bodies if b.get("errors")] == []
    entries = await history(api, lead)
    assert stages(entries) == [target, "LEAD"]
    assert all(b["data"]["advanceLead"]["lifecycleStage"] == target for b in bodies)


async def test_concurrent_moves_to_either_stage_make_one_change_each(api: Api, lead: str) -> None:
    """Half to PROSPECT, half to FORMER: whichever comes first, each later caller is checked
    against the stage the one before it left, and the history follows the stored stage."""
    bodies = await asyncio.gather(
        *(
            api.post(ADVANCE, {"c": lead, "stage": "PROSPECT" if n % 2 else "FORMER"})
            for n in range(20)
        )
    )
    assert all(codes(b) == [] for b in bodies)  # FORMER ↔ PROSPECT are both allowed
    entries = await history(api, lead)
    found = await api.node(lead, "... on Customer { lifecycleStage }")
    assert found is not None
    assert entries[0]["stage"] == found["lifecycleStage"]
    assert entries[-1]["stage"] == "LEAD"
    # No entry repeats the one before it: each is a change.
    assert all(a["stage"] != b["stage"] for a, b in itertools.pairwise(entries))
    assert len(entries) <= 21


# --- other writes of a stage -------------------------------------------------------------------


async def test_update_records_a_new_stage_and_may_correct_backwards(
    api: Api, lead: str, key_id: str
) -> None:
    await advance(api, lead, "CUSTOMER")
    corrected: Json = (await api.data(UPDATE, {"id": lead, "input": {"lifecycleStage": "LEAD"}}))[
        "updateCustomer"
    ]
    assert corrected["lifecycleStage"] == "LEAD"
    assert stages(corrected["lifecycleHistory"]) == ["LEAD", "CUSTOMER", "LEAD"]
    assert corrected["lifecycleHistory"][0]["by"] == key_id
    same: Json = (
        await api.data(UPDATE, {"id": lead, "input": {"lifecycleStage": "LEAD", "notes": "n"}})
    )["updateCustomer"]
    assert len(same["lifecycleHistory"]) == 3
    other: Json = (await api.data(UPDATE, {"id": lead, "input": {"notes": "m"}}))["updateCustomer"]
    assert len(other["lifecycleHistory"]) == 3


async def test_upsert_records_the_first_stage_and_changes(api: Api) -> None:
    upsert = (
        "mutation($input: CustomerInput!) { upsertCustomer(externalId: "
        '{system: "crm", value: "L-1"}, input: $input) '
        f"{{ customer {{ id {HISTORY} }} }} }}"
    )
    first = await api.data(upsert, {"input": {"name": "Uma", "lifecycleStage": "PROSPECT"}})
    customer = first["upsertCustomer"]["customer"]
    assert stages(customer["lifecycleHistory"]) == ["PROSPECT"]
    await api.data(upsert, {"input": {"name": "Uma", "lifecycleStage": "PROSPECT"}})
    moved = await api.data(upsert, {"input": {"name": "Uma", "lifecycleStage": "CUSTOMER"}})
    assert stages(moved["upsertCustomer"]["customer"]["lifecycleHistory"]) == [
        "CUSTOMER",
        "PROSPECT",
    ]


def _row(value: str, stage: str, **extra: Any) -> Json:
    return {
        "externalId": {"system": "crm", "value": value},
        "customer": {"name": f"Row {value}", "lifecycleStage": stage, **extra},
    }


@pytest.mark.parametrize("addresses", [False, True], ids=["merge", "checked"])
async def test_bulk_upsert_records_created_and_changed_rows_only(
    api: Api, key_id: str, addresses: bool
) -> None:
    """Both ways of a bulk load: rows of properties only (merged) and rows with more."""
    extra: dict[str, Any] = (
        {"addresses": [{"kind": "HOME", "city": "Ghent", "country": "BE"}]} if addresses else {}
    )
    rows = [_row("B-1", "LEAD", **extra), _row("B-2", "PROSPECT", **extra)]
    ids = (await api.data(BULK, {"rows": rows}))["upsertCustomers"]["customerIds"]
    again = [_row("B-1", "CUSTOMER", **extra), _row("B-2", "PROSPECT", **extra)]
    await api.data(BULK, {"rows": again})
    first, second = [await history(api, customer) for customer in ids]
    assert stages(first) == ["CUSTOMER", "LEAD"]
    assert stages(second) == ["PROSPECT"]
    assert {e["by"] for e in first + second} == {key_id}
    created = await api.node(ids[1], "... on Customer { createdAt }")
    assert created is not None
    assert second[0]["at"] == created["createdAt"]


# --- customers created before histories were kept ---------------------------------------------


async def test_the_migration_starts_every_old_customer_s_history(api: Api) -> None:
    old = new_ids("cus", 3)
    await api.graph.write_query(
        "UNWIND range(0, 2) AS n "
        "CREATE (:Customer {id: $ids[n], name: 'Old ' + n, kind: 'PERSON', revenueMinor: 0, "
        "lifecycleStage: CASE n WHEN 0 THEN 'LEAD' ELSE 'FORMER' END, "
        "createdAt: datetime('2024-01-0' + (n + 1) + 'T08:00:00Z'), "
        "updatedAt: datetime('2024-01-0' + (n + 1) + 'T08:00:00Z')})",
        {"ids": old},
    )
    spec = importlib.util.spec_from_file_location("lifecycle_history", MIGRATION_STEP)
    assert spec is not None
    assert spec.loader is not None
    step = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(step)
    setattr(step, "BATCH", 2)  # noqa: B010 - more than one batch
    for _ in range(2):  # a re-run finds nothing to do
        await step.migrate(api.graph.driver, api.graph.database)
    assert await history(api, old[2]) == [
        {"stage": "FORMER", "at": "2024-01-03T08:00:00+00:00", "by": "migration", "reason": None}
    ]
    rows = await api.graph.read(
        "MATCH (c:Customer) RETURN c.id AS id, COUNT { (c)-[:HAD_STAGE]->() } AS entries"
    )
    assert {row["id"]: row["entries"] for row in rows} == dict.fromkeys(old, 1)


# --- conversion --------------------------------------------------------------------------------


async def _order(api: Api, customer: str, product: str, status: str, placed_at: str) -> None:
    await api.place_order(
        customer, [{"productId": product, "quantity": 1}], status=status, placedAt=placed_at
    )


async def test_a_lead_converts_at_its_first_completed_order(api: Api, lead: str) -> None:
    product = await api.create_product("WID-1", "12.50", name="Widget")
    await _order(api, lead, product, "COMPLETED", "2026-01-01T09:00:00Z")  # before it was a lead
    await _order(api, lead, product, "PENDING", "2026-01-10T09:00:00Z")
    await _order(api, lead, product, "COMPLETED", "2026-02-03T09:00:00Z")
    await _order(api, lead, product, "COMPLETED", "2026-03-01T09:00:00Z")
    found = await api.node(lead, "... on Customer { convertedAt }")
    assert found == {"convertedAt": "2026-02-03T09:00:00+00:00"}


async def test_no_conversion_without_an_order_or_a_start_as_lead(api: Api, lead: str) -> None:
    assert await api.node(lead, "... on Customer { convertedAt }") == {"convertedAt": None}
    product = await api.create_product("WID-1", "12.50", name="Widget")
    prospect = await api.create_customer(
        "Pia Prospect", createdAt=CREATED_AT, lifecycleStage="PROSPECT"
    )
    await advance(api, prospect, "FORMER")
    await advance(api, prospect, "LEAD")
    await _order(api, prospect, product, "COMPLETED", "2026-02-03T09:00:00Z")
    assert await api.node(prospect, "... on Customer { convertedAt }") == {"convertedAt": None}

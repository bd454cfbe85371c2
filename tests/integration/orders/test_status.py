"""An order's life: where it may start, which moves are allowed, reopening, and its history."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from typing import Any

import pytest

from cdp.ids import new_ids
from tests.support.api import Json, codes
from tests.support.mutations import Api

MIGRATION_STEP = (
    Path(__file__).resolve().parents[3] / "graph_migrations" / "V0009__order_status_history.py"
)
HISTORY = "statusHistory { status at by reason }"
SET_STATUS = (
    "mutation($id: ID!, $status: OrderStatus!, $reason: String, $due: Date) "
    "{ setOrderStatus(id: $id, status: $status, reason: $reason, invoiceDueDate: $due) "
    f"{{ id status invoiceDueDate {HISTORY} }} }}"
)
REOPEN = (
    "mutation($id: ID!, $reason: String!) "
    f"{{ reopenOrder(id: $id, reason: $reason) {{ id status {HISTORY} }} }}"
)
PLACED_AT = "2026-03-02T09:30:00Z"


@pytest.fixture
async def line(api: Api) -> list[Json]:
    product = await api.create_product("WID-1", "12.50", name="Widget")
    return [{"productId": product, "quantity": 2}]


@pytest.fixture
async def customer(api: Api) -> str:
    return await api.create_customer("Buyer")


@pytest.fixture
async def key_id(api: Api) -> str:
    """The id of the key the test client sends: with no employee, it is who acts."""
    rows = await api.graph.read("MATCH (k:ApiKey {name: 'tests'}) RETURN k.id AS id")
    return str(rows[0]["id"])


async def place(api: Api, customer: str, line: list[Json], status: str, **extra: Any) -> Json:
    return await api.place_order(
        customer, line, f"id status {HISTORY}", status=status, placedAt=PLACED_AT, **extra
    )


async def move(api: Api, order: str, status: str, **extra: Any) -> Json:
    result: Json = (await api.data(SET_STATUS, {"id": order, "status": status, **extra}))[
        "setOrderStatus"
    ]
    return result


async def revenue_minor(api: Api, customer: str) -> int:
    rows = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN c.revenueMinor AS minor", {"id": customer}
    )
    return int(rows[0]["minor"])


# --- where an order starts --------------------------------------------------------------------


@pytest.mark.parametrize("status", ["PLANNED", "PENDING", "COMPLETED"])
async def test_an_order_starts_its_history_where_it_is_placed(
    api: Api, customer: str, line: list[Json], key_id: str, status: str
) -> None:
    order = await place(api, customer, line, status)
    assert order["status"] == status
    assert order["statusHistory"] == [
        {"status": status, "at": "2026-03-02T09:30:00+00:00", "by": key_id, "reason": None}
    ]


async def test_an_order_cannot_start_unrealized(api: Api, customer: str, line: list[Json]) -> None:
    await api.rejected(
        "mutation($input: OrderInput!) { placeOrder(input: $input) { id } }",
        {"input": {"customerId": customer, "items": line, "status": "UNREALIZED"}},
        code="INVALID_TRANSITION",
        field="input.status",
    )


async def test_a_planned_order_has_no_invoice(api: Api, customer: str, line: list[Json]) -> None:
    await api.rejected(
        "mutation($input: OrderInput!) { placeOrder(input: $input) { id } }",
        {
            "input": {
                "customerId": customer,
                "items": line,
                "status": "PLANNED",
                "invoiceDueDate": "2026-04-01",
            }
        },
        code="BAD_USER_INPUT",
        field="input.invoiceDueDate",
    )


# --- moves ------------------------------------------------------------------------------------


async def test_the_way_through_is_kept_newest_first(
    api: Api, customer: str, line: list[Json], key_id: str
) -> None:
    order = (await place(api, customer, line, "PLANNED"))["id"]
    pending = await move(api, order, "PENDING", reason="Confirmed by phone", due="2026-04-01")
    assert pending["status"] == "PENDING"
    assert pending["invoiceDueDate"] == "2026-04-01"
    assert await revenue_minor(api, customer) == 0

    done = await move(api, order, "COMPLETED")
    assert done["status"] == "COMPLETED"
    assert [(h["status"], h["by"], h["reason"]) for h in done["statusHistory"]] == [
        ("COMPLETED", key_id, None),
        ("PENDING", key_id, "Confirmed by phone"),
        ("PLANNED", key_id, None),
    ]
    moments = [h["at"] for h in done["statusHistory"]]
    assert moments[0] >= moments[1] > moments[2] == "2026-03-02T09:30:00+00:00"
    assert await revenue_minor(api, customer) == 2500


@pytest.mark.parametrize(
    ("start", "path", "refused"),
    [
        ("PLANNED", [], "COMPLETED"),  # a planned order is confirmed first
        ("PENDING", [], "PLANNED"),
        ("COMPLETED", [], "PENDING"),  # only reopenOrder goes back
        ("COMPLETED", [], "UNREALIZED"),
        ("COMPLETED", [], "PLANNED"),
        ("PENDING", ["UNREALIZED"], "PENDING"),
        ("PENDING", ["UNREALIZED"], "COMPLETED"),
        ("PLANNED", ["UNREALIZED"], "PLANNED"),
    ],
)
async def test_moves_outside_the_rules_are_refused(
    api: Api, customer: str, line: list[Json], start: str, path: list[str], refused: str
) -> None:
    order = (await place(api, customer, line, start))["id"]
    for status in path:
        await move(api, order, status)
    error = await api.rejected(
        SET_STATUS, {"id": order, "status": refused}, code="INVALID_TRANSITION", field="status"
    )
    assert "reopenOrder" in error["message"] or start != "COMPLETED"


async def test_the_status_it_has_is_no_move(api: Api, customer: str, line: list[Json]) -> None:
    order = (await place(api, customer, line, "COMPLETED"))["id"]
    again = await move(api, order, "COMPLETED", reason="retried")
    assert [h["status"] for h in again["statusHistory"]] == ["COMPLETED"]


async def test_an_invoice_due_before_placing_is_refused(
    api: Api, customer: str, line: list[Json]
) -> None:
    order = (await place(api, customer, line, "PLANNED"))["id"]
    await api.rejected(
        SET_STATUS,
        {"id": order, "status": "PENDING", "due": "2026-03-01"},
        code="VALUE_OUT_OF_RANGE",
        field="invoiceDueDate",
    )


async def test_a_reason_has_a_bound(api: Api, customer: str, line: list[Json]) -> None:
    order = (await place(api, customer, line, "PENDING"))["id"]
    await api.rejected(
        SET_STATUS,
        {"id": order, "status": "COMPLETED", "reason": "x" * 501},
        code="TEXT_TOO_LONG",
        field="reason",
    )


async def test_concurrent_moves_from_one_status_make_one_change(
    api: Api, customer: str, line: list[Json]
) -> None:
    """Twenty callers at once, half completing a pending order and half giving it up: the
    first to hold the customer's lock moves it, every other is refused from where it went."""
    order = (await place(api, customer, line, "PENDING"))["id"]
    bodies = await asyncio.gather(
        *(
            api.post(SET_STATUS, {"id": order, "status": "COMPLETED" if n % 2 else "UNREALIZED"})
            for n in range(20)
        )
    )
    moved = [b["data"]["setOrderStatus"]["status"] for b in bodies if not b.get("errors")]
    refused = [codes(b) for b in bodies if b.get("errors")]
    final = await api.node(order, f"... on Order {{ status {HISTORY} }}")
    assert final is not None
    assert [h["status"] for h in final["statusHistory"]] == [final["status"], "PENDING"]
    # The winner, and every caller after it who asked for the same status (no move).
    assert set(moved) == {final["status"]}
    assert len(moved) + len(refused) == 20
    assert all(c == ["INVALID_TRANSITION"] for c in refused)
    expected_revenue = 2500 if final["status"] == "COMPLETED" else 0
    assert await revenue_minor(api, customer) == expected_revenue


# --- reopening --------------------------------------------------------------------------------


async def test_reopening_a_completed_order_takes_its_revenue_back(
    api: Api, customer: str, line: list[Json], key_id: str
) -> None:
    order = (await place(api, customer, line, "COMPLETED"))["id"]
    assert await revenue_minor(api, customer) == 2500
    reopened = (await api.data(REOPEN, {"id": order, "reason": " Goods returned "}))["reopenOrder"]
    assert reopened["status"] == "PENDING"
    assert [(h["status"], h["by"], h["reason"]) for h in reopened["statusHistory"]] == [
        ("PENDING", key_id, "Goods returned"),
        ("COMPLETED", key_id, None),
    ]
    assert await revenue_minor(api, customer) == 0
    # Reopened, it may complete again.
    assert (await move(api, order, "COMPLETED"))["status"] == "COMPLETED"
    assert await revenue_minor(api, customer) == 2500


async def test_an_unrealized_order_is_reopened(api: Api, customer: str, line: list[Json]) -> None:
    order = (await place(api, customer, line, "PLANNED"))["id"]
    await move(api, order, "UNREALIZED", reason="Budget cut")
    reopened = (await api.data(REOPEN, {"id": order, "reason": "Budget back"}))["reopenOrder"]
    assert [h["status"] for h in reopened["statusHistory"]] == ["PENDING", "UNREALIZED", "PLANNED"]


@pytest.mark.parametrize("status", ["PLANNED", "PENDING"])
async def test_only_final_orders_are_reopened(
    api: Api, customer: str, line: list[Json], status: str
) -> None:
    order = (await place(api, customer, line, status))["id"]
    await api.rejected(
        REOPEN, {"id": order, "reason": "why not"}, code="INVALID_TRANSITION", field="id"
    )


async def test_reopening_needs_a_reason(api: Api, customer: str, line: list[Json]) -> None:
    order = (await place(api, customer, line, "COMPLETED"))["id"]
    await api.rejected(REOPEN, {"id": order, "reason": "  "}, code="BAD_USER_INPUT", field="reason")


# --- orders placed before histories were kept -------------------------------------------------


async def test_the_migration_starts_every_old_order_s_history(api: Api, customer: str) -> None:
    old = new_ids("ord", 3)
    await api.graph.write_query(
        "MATCH (c:Customer {id: $c}) UNWIND range(0, 2) AS n "
        "CREATE (c)-[:PLACED]->(:Order {id: $ids[n], number: 'OLD-' + n, system: 'cdp', "
        "status: CASE n WHEN 0 THEN 'COMPLETED' ELSE 'UNREALIZED' END, totalMinor: 100, "
        "currency: 'EUR', placedAt: datetime('2024-01-0' + (n + 1) + 'T08:00:00Z')})",
        {"c": customer, "ids": old},
    )
    spec = importlib.util.spec_from_file_location("order_status_history", MIGRATION_STEP)
    assert spec is not None
    assert spec.loader is not None
    step = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(step)
    setattr(step, "BATCH", 2)  # noqa: B010 - more than one batch
    for _ in range(2):  # a re-run finds nothing to do
        await step.migrate(api.graph.driver, api.graph.database)
    assert await api.node(old[2], f"... on Order {{ {HISTORY} }}") == {
        "statusHistory": [
            {
                "status": "UNREALIZED",
                "at": "2024-01-03T08:00:00+00:00",
                "by": "migration",
                "reason": None,
            }
        ]
    }
    rows = await api.graph.read(
        "MATCH (o:Order) RETURN o.id AS id, COUNT { (o)-[:HAD_STATUS]->() } AS entries"
    )
    assert {row["id"]: row["entries"] for row in rows} == dict.fromkeys(old, 1)

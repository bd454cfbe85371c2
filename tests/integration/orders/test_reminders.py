"""recordInvoiceReminder: a REMINDER touchpoint for an overdue invoice, held to the policy."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.api import Json
from tests.support.mutations import Api

REMIND = """
mutation($order: ID!, $channel: Channel!, $override: ContactOverrideInput) {
  recordInvoiceReminder(order: $order, channel: $channel, override: $override) {
    kind direction channel order { id } handledBy { id } overPolicy
    policyReasons { rule } override { reason }
  }
}"""


@pytest.fixture
async def owner(api: Api) -> str:
    return await api.create_employee("Erin Owner")


@pytest.fixture
async def customer(api: Api, owner: str) -> str:
    customer = await api.create_customer("Late Payer")
    await api.data(
        "mutation($c: ID!, $e: ID!) { assignAccountOwner(customerId: $c, employeeId: $e) { id } }",
        {"c": customer, "e": owner},
    )
    return customer


async def order(api: Api, customer: str, **extra: Any) -> str:
    product = await api.create_product(f"P-{len(extra)}-{extra.get('status', 'x')}", "10.00")
    values: Json = {"placedAt": "2026-01-05T10:00:00Z", "invoiceDueDate": "2026-02-04", **extra}
    placed = await api.place_order(customer, [{"productId": product, "quantity": 1}], **values)
    return str(placed["id"])


async def test_an_overdue_invoice_is_reminded_of_once_a_week(
    api: Api, customer: str, owner: str
) -> None:
    overdue = await order(api, customer)
    reminder = (await api.data(REMIND, {"order": overdue, "channel": "EMAIL"}))[
        "recordInvoiceReminder"
    ]
    assert reminder == {
        "kind": "REMINDER",
        "direction": "OUTBOUND",
        "channel": "EMAIL",
        "order": {"id": overdue},
        "handledBy": {"id": owner},
        "overPolicy": False,
        "policyReasons": [],
        "override": None,
    }
    error = await api.rejected(
        REMIND, {"order": overdue, "channel": "PHONE"}, code="CONTACT_PRESSURE", field="order"
    )
    assert "reminded of less than 7 days ago" in error["message"]
    again = (
        await api.data(
            REMIND,
            {"order": overdue, "channel": "PHONE", "override": {"reason": "Promised today"}},
        )
    )["recordInvoiceReminder"]
    assert again["overPolicy"] is True
    assert again["policyReasons"] == [{"rule": "REMINDER_INTERVAL"}]
    assert again["override"] == {"reason": "Promised today"}


@pytest.mark.parametrize(
    "extra",
    [
        {"invoiceDueDate": "2099-01-01"},  # not due yet
        {"status": "PLANNED", "invoiceDueDate": None},  # no invoice
        {"invoiceDueDate": None},  # no due date
    ],
)
async def test_only_an_overdue_invoice_is_reminded_of(api: Api, customer: str, extra: Json) -> None:
    target = await order(api, customer, **extra)
    await api.rejected(
        REMIND, {"order": target, "channel": "EMAIL"}, code="CONFLICT", field="order"
    )


async def test_a_paid_invoice_is_not_reminded_of(api: Api, customer: str) -> None:
    paid = await order(api, customer)
    await api.data("mutation($id: ID!) { markInvoicePaid(orderId: $id) { id } }", {"id": paid})
    await api.rejected(REMIND, {"order": paid, "channel": "EMAIL"}, code="CONFLICT", field="order")


async def test_do_not_contact_holds_reminders_back(api: Api) -> None:
    quiet = await api.create_customer("Quiet", preferences={"doNotContact": True})
    overdue = await order(api, quiet)
    await api.rejected(
        REMIND, {"order": overdue, "channel": "POST"}, code="DO_NOT_CONTACT", field="order"
    )


async def test_an_unknown_order(api: Api) -> None:
    await api.rejected(
        REMIND, {"order": "ord_" + "0" * 32, "channel": "EMAIL"}, code="NOT_FOUND", field="order"
    )

"""The hand-built graph of the order-list tests, and the app serving it in a chosen business
time zone at a fixed instant.

The instant is 23:30 UTC on 10 March 2026: still the 10th in UTC, already the 11th in
Europe/Berlin. Orders (times UTC; total in minor units; none paid unless said):

| order | customer | status     | placed            | due        | total | overdue UTC / Berlin |
| A1    | Ada      | PENDING    | 02-01 10:00       | 03-01      | 10000 | yes / yes            |
| A2    | Ada      | COMPLETED  | 02-15 10:00       | 03-10      | 25000 | no / yes             |
| A3    | Ada      | COMPLETED  | 01-10 09:00       | 02-01      |  5000 | paid 01-30           |
| B1    | Bob      | PLANNED    | 03-01 00:00       | 03-05      |  7000 | no: planned          |
| B2    | Bob      | UNREALIZED | 01-20 12:00       | 02-20      |  3000 | no: unrealized       |
| B3    | Bob      | PENDING    | 03-05 08:00       | 03-09      | 40000 | yes / yes            |
| C1    | Cy       | COMPLETED  | 03-10 22:00       | none       | 15000 | no: nothing due      |
| C2    | Cy       | PENDING    | 03-08 16:00       | 03-11      | 25000 | no / no              |
| D1    | Dee      | PENDING    | 02-01 10:00       | 03-02      |  8000 | yes / yes            |
| X1    | deleted  | COMPLETED  | 02-25 11:00       | 03-02      | 12000 | yes / yes            |

Ties on purpose: A1 and D1 were placed at the same instant, D1 and X1 fall due the same day,
A2 and C2 have the same total. Eve owns Ada's account and used to own Bob's, which Finn owns
now. The partner brought Ada and Dee and was shared Cy; Ada and Cy consent to sharing, Dee
withdrew it, so the partner sees Ada's and Cy's orders only. X1's customer was deleted.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import httpx
from asgi_lifespan import LifespanManager

from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.access.support import brought_by, consent_event, shared_with
from tests.integration.customers.seed import add_customer, add_employee, own, utc

NOW = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Placed:
    """One order of the world, as the tests compute expectations from it."""

    number: str
    customer: str | None  # the customer's name; None: deleted
    status: str
    placed_at: datetime
    due: date | None
    total_minor: int
    paid_at: datetime | None = None
    id: str = field(default_factory=lambda: f"ord_{uuid.uuid4().hex}")


ORDERS = (
    Placed("A1", "Ada", "PENDING", utc(2026, 2, 1, 10), date(2026, 3, 1), 10000),
    Placed("A2", "Ada", "COMPLETED", utc(2026, 2, 15, 10), date(2026, 3, 10), 25000),
    Placed(
        "A3",
        "Ada",
        "COMPLETED",
        utc(2026, 1, 10, 9),
        date(2026, 2, 1),
        5000,
        paid_at=utc(2026, 1, 30),
    ),
    Placed("B1", "Bob", "PLANNED", utc(2026, 3, 1), date(2026, 3, 5), 7000),
    Placed("B2", "Bob", "UNREALIZED", utc(2026, 1, 20, 12), date(2026, 2, 20), 3000),
    Placed("B3", "Bob", "PENDING", utc(2026, 3, 5, 8), date(2026, 3, 9), 40000),
    Placed("C1", "Cy", "COMPLETED", utc(2026, 3, 10, 22), None, 15000),
    Placed("C2", "Cy", "PENDING", utc(2026, 3, 8, 16), date(2026, 3, 11), 25000),
    Placed("D1", "Dee", "PENDING", utc(2026, 2, 1, 10), date(2026, 3, 2), 8000),
    Placed("X1", None, "COMPLETED", utc(2026, 2, 25, 11), date(2026, 3, 2), 12000),
)


@dataclass
class OrderWorld:
    customers: dict[str, str]  # name -> id
    employees: dict[str, str]  # name -> id
    orders: tuple[Placed, ...] = ORDERS


async def add_order(graph: Graph, order: Placed, customer_id: str | None) -> None:
    await graph.write_query(
        "CREATE (o:Order {id: $id, number: $number, system: 'cdp', status: $status, "
        "placedAt: $placedAt, currency: 'EUR', totalMinor: $total, paymentMethod: 'INVOICE', "
        "invoiceDueDate: $due, paidAt: $paidAt}) "
        "WITH o MATCH (c:Customer {id: $customer}) CREATE (c)-[:PLACED]->(o)",
        {
            "id": order.id,
            "number": order.number,
            "status": order.status,
            "placedAt": order.placed_at,
            "total": order.total_minor,
            "due": order.due,
            "paidAt": order.paid_at,
            "customer": customer_id,
        },
    )


async def seed_order_world(graph: Graph, partner_id: str) -> OrderWorld:
    customers = {
        name: await add_customer(graph, name, created_at=utc(2025, 12, day))
        for day, name in enumerate(("Ada", "Bob", "Cy", "Dee"), start=1)
    }
    employees = {
        name: await add_employee(
            graph,
            name,
            email=f"{name.lower()}@example.com",
            title="Sales",
            created_at=utc(2025, 1, 1),
        )
        for name in ("Eve", "Finn")
    }
    await own(graph, employees["Eve"], customers["Ada"], utc(2025, 12, 1))
    await own(graph, employees["Eve"], customers["Bob"], utc(2025, 12, 2), until=utc(2026, 1, 1))
    await own(graph, employees["Finn"], customers["Bob"], utc(2026, 1, 1))
    await brought_by(graph, partner_id, customers["Ada"])
    await brought_by(graph, partner_id, customers["Dee"])
    await shared_with(graph, customers["Cy"], partner_id)
    await consent_event(graph, customers["Ada"], "GRANTED", at=utc(2025, 12, 1))
    await consent_event(graph, customers["Cy"], "GRANTED", at=utc(2025, 12, 3))
    await consent_event(graph, customers["Dee"], "GRANTED", at=utc(2025, 12, 4))
    await consent_event(graph, customers["Dee"], "WITHDRAWN", at=utc(2026, 1, 4))
    for order in ORDERS:
        await add_order(graph, order, customers.get(order.customer or ""))
    return OrderWorld(customers, employees)


@asynccontextmanager
async def serving(settings: Settings, zone: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the whole app whose business time zone is `zone` (keys sent per
    call)."""
    app = create_app(settings.model_copy(update={"business_timezone": zone}))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http

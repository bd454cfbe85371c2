"""The hand-built graph of the goal tests, and the goals set on it through the API.

The business's zone is Europe/Berlin (UTC+1 in March 2026, before summer time) and its clock
reads 23:30 UTC on 10 March 2026: already 11 March in Berlin, still the 10th in UTC. Goals for
March (31 days) are 11 days in there, 10 in UTC. Times below are UTC.

| customer | created            | owner now           |
| Ada      | 2025-06-01         | Eve                 |
| Bob      | 2026-03-03         | Eve                 |
| Cy       | 2026-03-05         | Finn (Eve until 03-06) |
| Dee      | 02-28 23:30 (Berlin: 1 March) | none     |
| Zed      | 02-28 22:30 (Berlin: 28 February) | none |

| order | customer | status    | placed (UTC)  | Berlin day | total | currency |
| A1    | Ada      | COMPLETED | 03-02 10:00   | 03-02      | 10000 | EUR      |
| A2    | Ada      | COMPLETED | 02-28 23:30   | 03-01      |  5000 | EUR      |
| A3    | Ada      | PENDING   | 03-04 10:00   | 03-04      |  7000 | EUR      |
| A4    | Ada      | COMPLETED | 02-28 22:30   | 02-28      |  3000 | EUR      |
| A5    | Ada      | COMPLETED | 03-06 10:00   | 03-06      |  2000 | USD      |
| B1    | Bob      | COMPLETED | 03-07 10:00   | 03-07      | 20000 | EUR      |
| C1    | Cy       | COMPLETED | 03-08 10:00   | 03-08      | 40000 | EUR      |
| X1    | deleted  | COMPLETED | 03-09 10:00   | 03-09      |  1000 | EUR      |

Touchpoints: Ada OUTBOUND 02-27 10:00 (before March), Ada OUTBOUND 03-03 10:00, Ada INBOUND
03-04 10:00, Dee INBOUND 03-05 10:00, Bob OUTBOUND 03-09 10:00, Cy OUTBOUND 03-10 10:00.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx
from asgi_lifespan import LifespanManager

from cdp.edge.app import create_app
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.customers.seed import (
    Line,
    add_customer,
    add_employee,
    add_order,
    add_product,
    add_touchpoint,
    own,
    utc,
)
from tests.support.api import Json, data

NOW = datetime(2026, 3, 10, 23, 30, tzinfo=UTC)
BERLIN = "Europe/Berlin"
MARCH = {"from": "2026-03-01", "to": "2026-03-31"}

SET = """
mutation ($input: GoalInput!) { setGoal(input: $input) { id } }
"""


@dataclass
class GoalWorld:
    customers: dict[str, str] = field(default_factory=dict)  # name -> id
    employees: dict[str, str] = field(default_factory=dict)
    touchpoints: dict[str, str] = field(default_factory=dict)  # "Ada 03-03" -> id
    goals: dict[str, str] = field(default_factory=dict)  # name -> id


async def seed_goal_world(graph: Graph) -> GoalWorld:
    w = GoalWorld()
    for name in ("Eve", "Finn"):
        w.employees[name] = await add_employee(
            graph,
            name,
            email=f"{name.lower()}@cdp.example",
            title="Sales",
            created_at=utc(2025, 1, 1),
        )
    created = {
        "Ada": utc(2025, 6, 1),
        "Bob": utc(2026, 3, 3, 9),
        "Cy": utc(2026, 3, 5, 9),
        "Dee": utc(2026, 2, 28, 23, 30),
        "Zed": utc(2026, 2, 28, 22, 30),
        "Xavier": utc(2025, 1, 1),
    }
    for name, at in created.items():
        w.customers[name] = await add_customer(graph, name, created_at=at)
    eve, finn = w.employees["Eve"], w.employees["Finn"]
    await own(graph, eve, w.customers["Ada"], utc(2025, 6, 1))
    await own(graph, eve, w.customers["Bob"], utc(2026, 3, 3, 9))
    await own(graph, eve, w.customers["Cy"], utc(2026, 3, 5, 9), until=utc(2026, 3, 6))
    await own(graph, finn, w.customers["Cy"], utc(2026, 3, 6))
    product = await add_product(graph, "G-1", "Gadget", 100, created_at=utc(2025, 1, 1))
    orders = (
        ("Ada", "A1", "COMPLETED", utc(2026, 3, 2, 10), 10000, "EUR"),
        ("Ada", "A2", "COMPLETED", utc(2026, 2, 28, 23, 30), 5000, "EUR"),
        ("Ada", "A3", "PENDING", utc(2026, 3, 4, 10), 7000, "EUR"),
        ("Ada", "A4", "COMPLETED", utc(2026, 2, 28, 22, 30), 3000, "EUR"),
        ("Ada", "A5", "COMPLETED", utc(2026, 3, 6, 10), 2000, "USD"),
        ("Bob", "B1", "COMPLETED", utc(2026, 3, 7, 10), 20000, "EUR"),
        ("Cy", "C1", "COMPLETED", utc(2026, 3, 8, 10), 40000, "EUR"),
        ("Xavier", "X1", "COMPLETED", utc(2026, 3, 9, 10), 1000, "EUR"),
    )
    for name, number, status, placed, total, currency in orders:
        line = Line(product, total // 100, 100)
        await add_order(graph, w.customers[name], number, status, placed, [line], currency=currency)
    touchpoints = (
        ("Ada", "OUTBOUND", utc(2026, 2, 27, 10)),
        ("Ada", "OUTBOUND", utc(2026, 3, 3, 10)),
        ("Ada", "INBOUND", utc(2026, 3, 4, 10)),
        ("Dee", "INBOUND", utc(2026, 3, 5, 10)),
        ("Bob", "OUTBOUND", utc(2026, 3, 9, 10)),
        ("Cy", "OUTBOUND", utc(2026, 3, 10, 10)),
    )
    for name, direction, at in touchpoints:
        w.touchpoints[f"{name} {at:%m-%d}"] = await add_touchpoint(
            graph, w.customers[name], "EMAIL", "SALE", at, direction=direction
        )
    # X1 stays for the books; its customer is gone.
    await graph.write_query(
        "MATCH (c:Customer {id: $id}) DETACH DELETE c", {"id": w.customers.pop("Xavier")}
    )
    return w


# Each goal: its input (the world's ids by name) and its expected progress in Berlin on
# 11 March (actual, ratio, onTrack) and in UTC on 10 March (onTrack).
@dataclass(frozen=True)
class Expected:
    metric: str
    scope: tuple[str, str] | None  # ("customer", "Ada"), ("owner", "Eve"); None: the business
    target: Json
    actual: Json
    ratio: float
    berlin: bool
    utc: bool
    period: Json = field(default_factory=lambda: MARCH)


def money(amount: str) -> Json:
    return {"money": {"amount": amount, "currency": "EUR"}, "count": None}


def count(n: int) -> Json:
    return {"money": None, "count": n}


GOALS = {
    # A1 + A2 (A2 is 1 March in Berlin); A3 pending, A4 February, A5 in USD.
    # 15000 * 31 = 465000 >= 30000 * 11.
    "ada revenue": Expected(
        "REVENUE", ("customer", "Ada"), money("300.00"), money("150.00"), 0.5, True, True
    ),
    # A1, A2, A5. 3 * 31 = 93 < 9 * 11 = 99 in Berlin; >= 9 * 10 = 90 in UTC.
    "ada orders": Expected(
        "ORDER_COUNT", ("customer", "Ada"), count(9), count(3), 1 / 3, False, True
    ),
    # Ada 03-03 (02-27 is before March, 03-04 is inbound).
    "ada contacts": Expected(
        "OUTBOUND_CONTACTS", ("customer", "Ada"), count(2), count(1), 0.5, True, True
    ),
    # Ada's and Bob's (Eve owns them now; Cy went to Finn): 15000 + 20000.
    # 35000 * 31 = 1085000 < 100000 * 11 in Berlin; >= 100000 * 10 in UTC.
    "eve revenue": Expected(
        "REVENUE", ("owner", "Eve"), money("1000.00"), money("350.00"), 0.35, False, True
    ),
    # Bob (created 03-03, Eve's); Cy is Finn's now, Ada is older.
    "eve new customers": Expected(
        "NEW_CUSTOMERS", ("owner", "Eve"), count(2), count(1), 0.5, True, True
    ),
    "finn orders": Expected("ORDER_COUNT", ("owner", "Finn"), count(1), count(1), 1.0, True, True),
    # Every completed EUR order of March in Berlin, X1 of the deleted customer included.
    "business revenue": Expected(
        "REVENUE", None, money("500.00"), money("760.00"), 1.52, True, True
    ),
    # Ada 03-03, Bob 03-09, Cy 03-10.
    "business contacts": Expected("OUTBOUND_CONTACTS", None, count(4), count(3), 0.75, True, True),
    # Bob, Cy and Dee (1 March in Berlin); not Zed (28 February in Berlin).
    "business new customers": Expected("NEW_CUSTOMERS", None, count(5), count(3), 0.6, True, True),
    # Not begun: nothing is expected yet.
    "april revenue": Expected(
        "REVENUE",
        None,
        money("100.00"),
        money("0.00"),
        0.0,
        True,
        True,
        {"from": "2026-04-01", "to": "2026-04-30"},
    ),
    # Ended: on track only when reached. February in Berlin holds A4 (28 February, 23:30).
    "february orders": Expected(
        "ORDER_COUNT",
        None,
        count(1),
        count(1),
        1.0,
        True,
        True,
        {"from": "2026-02-01", "to": "2026-02-28"},
    ),
    "february revenue": Expected(
        "REVENUE",
        None,
        money("1000.00"),
        money("30.00"),
        0.03,
        False,
        False,
        {"from": "2026-02-01", "to": "2026-02-28"},
    ),
}


def goal_input(world: GoalWorld, expected: Expected) -> Json:
    target = expected.target
    given: Json = (
        {"money": target["money"]["amount"]} if target["money"] else {"count": target["count"]}
    )
    spec: Json = {"metric": expected.metric, "target": given, "period": expected.period}
    if expected.scope is not None:
        kind, name = expected.scope
        if kind == "customer":
            spec["customerId"] = world.customers[name]
        else:
            spec["ownerId"] = world.employees[name]
    return spec


async def set_goals(http: httpx.AsyncClient, world: GoalWorld, key: str) -> None:
    for name, expected in GOALS.items():
        answer = await data(http, SET, {"input": goal_input(world, expected)}, key=key)
        world.goals[name] = answer["setGoal"]["id"]


@asynccontextmanager
async def serving(settings: Settings, zone: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client on the whole app in business time zone `zone` (keys sent per call)."""
    app = create_app(settings.model_copy(update={"business_timezone": zone}))
    async with LifespanManager(app) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http

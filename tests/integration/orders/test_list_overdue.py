"""Overdue orders: the exact list on the hand-built world (`list_world`), and the business
time zone deciding which day is today near midnight."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.access.support import Keys
from tests.integration.customers.seed import add_customer, utc
from tests.integration.orders.list_world import OrderWorld, Placed, add_order, serving
from tests.support.api import data

OVERDUE = """
query ($overdue: Boolean!) {
  orders(filter: { overdue: $overdue }, orderBy: DUE_DATE_ASC, first: 50) {
    totalCount nodes { number invoiceDueDate }
  }
}
"""


async def overdue(http: httpx.AsyncClient, keys: Keys, *, late: bool = True) -> list[str]:
    listed = (await data(http, OVERDUE, {"overdue": late}, key=keys.admin))["orders"]
    assert listed["totalCount"] == len(listed["nodes"])
    return [node["number"] for node in listed["nodes"]]


def by_id(world: OrderWorld, *numbers: str) -> list[str]:
    """Orders due the same day, in the order the list breaks their tie: by id."""
    ids = {order.number: order.id for order in world.orders}
    return sorted(numbers, key=ids.__getitem__)


async def test_the_overdue_orders_in_utc(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    # Today is 10 March in UTC: A2, due that day, is not late yet; B1 (PLANNED) and B2
    # (UNREALIZED) have nothing to pay; A3 is paid; C1 has no due date; C2 is due tomorrow.
    assert await overdue(utc_client, order_keys) == ["A1", *by_id(order_world, "D1", "X1"), "B3"]


async def test_not_overdue_is_every_other_order(
    utc_client: httpx.AsyncClient, order_keys: Keys, order_world: OrderWorld
) -> None:
    # C1, without a due date, is among them (last: no due date sorts last).
    assert await overdue(utc_client, order_keys, late=False) == ["A3", "B2", "B1", "A2", "C2", "C1"]


async def test_in_berlin_it_is_already_tomorrow(
    settings: Settings, frozen_clock: datetime, order_keys: Keys, order_world: OrderWorld
) -> None:
    # 23:30 UTC is 00:30 on 11 March in Berlin: A2, due on the 10th, is now overdue; C2, due
    # on the 11th, is not yet.
    async with serving(settings, "Europe/Berlin") as berlin:
        assert await overdue(berlin, order_keys) == [
            "A1", *by_id(order_world, "D1", "X1"), "B3", "A2"
        ]  # fmt: skip
        assert await overdue(berlin, order_keys, late=False) == ["A3", "B2", "B1", "C2", "C1"]


async def test_west_of_utc_it_is_still_the_same_day(
    settings: Settings, frozen_clock: datetime, order_keys: Keys, order_world: OrderWorld
) -> None:
    async with serving(settings, "America/Los_Angeles") as los_angeles:  # 15:30 on the 10th
        assert await overdue(los_angeles, order_keys) == [
            "A1", *by_id(order_world, "D1", "X1"), "B3"
        ]  # fmt: skip


@pytest.mark.parametrize(("zone", "late"), [("Pacific/Kiritimati", True), ("Etc/GMT+12", False)])
async def test_the_real_clock_in_the_zones_a_day_apart(
    settings: Settings, graph: Graph, order_keys: Keys, zone: str, late: bool
) -> None:
    """Without a fixed clock: UTC+14 and UTC-12 are always on different days (26 hours
    apart), so an order due the day before Kiritimati's today is overdue there and not yet
    in the zone of UTC-12, whenever the test runs."""
    customer = await add_customer(graph, "Kai", created_at=utc(2025, 1, 1))
    kiritimati_today = datetime.now(UTC).astimezone(ZoneInfo("Pacific/Kiritimati")).date()
    due = kiritimati_today - timedelta(days=1)
    order = Placed("K1", "Kai", "PENDING", utc(2025, 1, 1), due, 100)
    await add_order(graph, order, customer)
    async with serving(settings, zone) as http:
        assert await overdue(http, order_keys) == (["K1"] if late else [])
        assert await overdue(http, order_keys, late=False) == ([] if late else ["K1"])

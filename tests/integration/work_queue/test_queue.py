"""An owner's work queue on a hand-built graph: which items, in which order, with the contact
policy's decisions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cdp.access.api_keys import create_key
from tests.support.api import codes, post
from tests.support.mutations import Api

QUEUE = """
query($owner: ID, $on: Date) {
  workQueue(owner: $owner, on: $on) {
    __typename priority reason customer { name }
    contact { allowed reasons { rule } }
    ... on ComplaintDue { touchpoint { id } breached }
    ... on InvoiceReminder { order { number } daysOverdue amountDue { amount } lastReminderAt }
    ... on FollowUpDue { touchpoint { id } }
    ... on GreetingDue { occasion years }
    ... on GoalAtRisk { goal { id } }
  }
}"""
TODAY = datetime.now(UTC).date()
REPO = Path(__file__).resolve().parents[3]


def days_ago(days: int) -> str:
    return (TODAY - timedelta(days=days)).isoformat()


async def overdue_order(api: Api, customer: str, number: str, price: str, days: int) -> str:
    product = await api.create_product(f"SKU-{number}", price)
    placed = await api.place_order(
        customer,
        [{"productId": product, "quantity": 1}],
        number=number,
        placedAt=f"{days_ago(days + 30)}T10:00:00Z",
        invoiceDueDate=days_ago(days),
    )
    return str(placed["id"])


@pytest.fixture
async def world(api: Api) -> dict[str, str]:
    owner = await api.create_employee("Erin Owner")
    ann = await api.create_customer(
        "Ann", lifecycleStage="CUSTOMER", preferences={"doNotContact": True}
    )
    bob = await api.create_customer(
        "Bob", lifecycleStage="CUSTOMER", demographics={"birthDate": f"1992-{TODAY:%m-%d}"}
    )
    nobody = await api.create_customer("Una")
    for customer in (ann, bob):
        await api.data(
            "mutation($c: ID!, $e: ID!) { assignAccountOwner(customerId: $c, employeeId: $e) "
            "{ id } }",
            {"c": customer, "e": owner},
        )
    breached = await api.record_touchpoint(ann, kind="COMPLAINT", occurredAt="2026-03-04T09:00:00Z")
    fresh = await api.record_touchpoint(bob, kind="COMPLAINT")
    await overdue_order(api, ann, "A-1", "100.00", 10)  # 100.00 x 10 days
    await overdue_order(api, bob, "B-1", "50.00", 40)  # 50.00 x 40 days: first
    follow = await api.record_touchpoint(
        ann,
        occurredAt=f"{days_ago(3)}T09:00:00Z",
        followUpAt=(datetime.now(UTC) - timedelta(hours=2)).isoformat(),
    )
    await api.record_touchpoint(nobody, kind="COMPLAINT")
    # Three orders this year, none done yet: off track for the owner; the business's is met.
    period = {"from": f"{TODAY.year}-01-01", "to": f"{TODAY.year}-12-31"}
    set_goal = "mutation($input: GoalInput!) { setGoal(input: $input) { id } }"
    goal = (
        await api.data(
            set_goal,
            {
                "input": {
                    "metric": "ORDER_COUNT",
                    "target": {"count": 3},
                    "period": period,
                    "ownerId": owner,
                }
            },
        )
    )["setGoal"]["id"]
    await api.data(
        set_goal,
        {"input": {"metric": "NEW_CUSTOMERS", "target": {"count": 1}, "period": period}},
    )
    return {
        "goal": goal,
        "owner": owner,
        "bob": bob,
        "breached": breached,
        "fresh": fresh,
        "follow": follow,
    }


async def test_the_queue_comes_most_pressing_first(api: Api, world: dict[str, str]) -> None:
    queue = (await api.data(QUEUE, {"owner": world["owner"], "on": TODAY.isoformat()}))["workQueue"]
    names = [(i["__typename"], i["priority"], (i["customer"] or {}).get("name")) for i in queue]
    assert names == [
        ("ComplaintDue", 1, "Ann"),
        ("ComplaintDue", 2, "Bob"),
        ("InvoiceReminder", 3, "Bob"),
        ("InvoiceReminder", 4, "Ann"),
        ("GoalAtRisk", 5, None),
        ("FollowUpDue", 6, "Ann"),
        ("GreetingDue", 7, "Bob"),
    ]
    breached, fresh, bob_invoice, ann_invoice, goal, follow, greeting = queue
    assert goal["goal"] == {"id": world["goal"]}
    assert goal["reason"] == "Goal off track: order_count"
    assert goal["contact"] is None
    assert breached["touchpoint"] == {"id": world["breached"]}
    assert breached["breached"] is True
    assert breached["reason"] == "Complaint past its due time"
    assert breached["contact"] is None  # a complaint calls for no new contact
    assert fresh["touchpoint"] == {"id": world["fresh"]}
    assert fresh["breached"] is False
    assert bob_invoice["order"] == {"number": "B-1"}
    assert bob_invoice["daysOverdue"] == 40
    assert bob_invoice["amountDue"] == {"amount": "50.00"}
    assert bob_invoice["reason"] == "Invoice 40 days overdue"
    assert bob_invoice["lastReminderAt"] is None
    assert bob_invoice["contact"] == {"allowed": True, "reasons": []}
    # Ann asked not to be contacted: the reminder is shown, with the reason.
    assert ann_invoice["contact"] == {"allowed": False, "reasons": [{"rule": "DO_NOT_CONTACT"}]}
    assert follow["touchpoint"] == {"id": world["follow"]}
    assert greeting["occasion"] == "BIRTHDAY"
    assert greeting["years"] == TODAY.year - 1992
    assert greeting["reason"] == "Birthday"


async def test_a_reminded_invoice_shows_when_it_was(api: Api, world: dict[str, str]) -> None:
    orders = await api.graph.read("MATCH (o:Order {number: 'B-1'}) RETURN o.id AS id")
    await api.data(
        "mutation($o: ID!) { recordInvoiceReminder(order: $o, channel: EMAIL) { id } }",
        {"o": orders[0]["id"]},
    )
    queue = (await api.data(QUEUE, {"owner": world["owner"]}))["workQueue"]
    invoice = next(i for i in queue if i.get("order") == {"number": "B-1"})
    assert invoice["lastReminderAt"] is not None
    assert invoice["contact"]["allowed"] is False
    assert {"rule": "REMINDER_INTERVAL"} in invoice["contact"]["reasons"]


async def test_customers_nobody_owns_are_the_admins_queue(api: Api, world: dict[str, str]) -> None:
    queue = (await api.data(QUEUE, {}))["workQueue"]
    # The business's goal is met (Una, Ann and Bob are new this year): only Una's complaint.
    assert [(i["__typename"], i["customer"]["name"]) for i in queue] == [("ComplaintDue", "Una")]


async def test_an_anniversary_is_a_greeting(api: Api) -> None:
    owner = await api.create_employee("Erin Owner")
    since = f"{TODAY.year - 3}-{TODAY:%m-%d}T12:00:00Z"
    loyal = await api.create_customer("Loyal", createdAt=since, accountOwnerId=owner)
    queue = (await api.data(QUEUE, {"owner": owner}))["workQueue"]
    assert [(i["__typename"], i.get("occasion"), i.get("years")) for i in queue] == [
        ("GreetingDue", "ANNIVERSARY", 3)
    ]
    assert queue[0]["reason"] == "Customer for 3 years"
    assert loyal


async def test_an_unknown_owner_has_an_empty_queue_and_a_bad_id_is_refused(api: Api) -> None:
    assert (await api.data(QUEUE, {"owner": "emp_" + "0" * 32}))["workQueue"] == []
    body = await api.post(QUEUE, {"owner": "cus_" + "0" * 32})
    assert codes(body) == ["BAD_USER_INPUT"]


async def test_only_admins_see_the_unassigned_queue(api: Api, world: dict[str, str]) -> None:
    agent = (await create_key(api.graph, name="agent", role="agent")).secret
    assert codes(await post(api.client, QUEUE, {}, key=agent)) == ["FORBIDDEN"]
    own = await post(api.client, QUEUE, {"owner": world["owner"]}, key=agent)
    assert len(own["data"]["workQueue"]) == 7


async def test_the_documented_morning_queue_runs(api: Api, world: dict[str, str]) -> None:
    document = (REPO / "docs" / "examples" / "morning-work-queue.graphql").read_text()
    queue = (await api.data(document, {"owner": world["owner"]}))["workQueue"]
    assert [item["priority"] for item in queue] == [1, 2, 3, 4, 5, 6, 7]
    assert queue[2]["order"]["number"] == "B-1"


async def test_an_items_customer_reads_as_any_customer_does(
    api: Api, world: dict[str, str]
) -> None:
    await api.data(
        "mutation($c: ID!) { recordConsent(input: {customerId: $c, purpose: MARKETING, "
        'status: GRANTED, source: "form", channel: EMAIL}) { id } }',
        {"c": world["bob"]},
    )
    query = (
        "query($owner: ID) { workQueue(owner: $owner) { customer { name consent { purpose } "
        "orders(first: 1) { totalCount } } } }"
    )
    queue = (await api.data(query, {"owner": world["owner"]}))["workQueue"]
    customers = [item["customer"] for item in queue if item["customer"] is not None]
    bobs = [c for c in customers if c["name"] == "Bob"]
    assert bobs
    assert all(c["consent"] == [{"purpose": "MARKETING"}] for c in bobs)
    assert all(c["orders"]["totalCount"] >= 1 for c in bobs)

"""The hand-built graph of the touchpoint-list tests.

Ten touchpoints with four customers, in 2024 (times UTC; "2060" stands for not yet, whatever
the clock says):

| tp | customer | kind      | channel    | dir | occurred    | due         | resolved             |
|----|----------|-----------|------------|-----|-------------|-------------|----------------------|
| A1 | Ada      | COMPLAINT | PHONE      | IN  | 01-10 09:00 | 01-11 09:00 | 01-11 08:00, in time |
| A2 | Ada      | COMPLAINT | EMAIL      | IN  | 02-01 10:00 | 02-02 10:00 | 02-03 12:00, late    |
| A3 | Ada      | SALE      | STORE      | IN  | 02-15 14:00 |             |                      |
| B1 | Bob      | COMPLAINT | PHONE      | IN  | 03-01 08:00 | 03-01 12:00 | open, past due       |
| B2 | Bob      | COMPLAINT | CHAT       | IN  | 03-05 09:00 | 2060        | open, not yet due    |
| B3 | Bob      | MARKETING | EMAIL      | OUT | 01-20 12:00 |             |                      |
| C1 | Cy       | COMPLAINT | EMAIL      | IN  | 02-01 10:00 | none (old)  | open                 |
| C2 | Cy       | INQUIRY   | PHONE      | OUT | 03-10 16:00 |             |                      |
| D1 | Dee      | COMPLAINT | PHONE      | IN  | 02-20 11:00 | 02-21 11:00 | 02-21 11:00, at due  |
| D2 | Dee      | SERVICE   | VIDEO_CALL | IN  | 01-05 10:00 |             | (no such property)   |

C1 was recorded before service levels were kept. Follow-ups: A3 at 02-20 and C2 at 03-11 (both
due), B2 in 2060 (not yet). Handled by Eve: A1, A3, C2, D1; Gus: A2, C1; Finn: B1, B2; B3 and
D2 by nobody.

So: open complaints B1, B2, C1; breached A2 (late) and B1 (open past due), not A1 (in time),
D1 (resolved exactly when due), B2 (not yet due) nor C1 (no due time); follow-ups due A3, C2.

Ties on purpose: A2 and C1 occurred at the same instant; the five touchpoints without a due
time tie in the due-time sort. Eve owns Ada's account and used to own Bob's, which Finn owns
now; nobody owns Cy's or Dee's. The partner brought Ada and Dee and was shared Cy; Ada and Cy
consent to sharing, Dee withdrew it, so the partner sees Ada's and Cy's touchpoints only.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from cdp.store.graph import Graph
from tests.integration.access.support import brought_by, consent_event, shared_with
from tests.integration.customers.seed import add_customer, add_employee, own, utc

# Not yet, whenever the tests run; yet near enough for `sla.remaining`, seconds in a 32-bit Int.
LATER = utc(2060, 1, 1)


@dataclass(frozen=True)
class Had:
    """One touchpoint of the world, as the tests compute expectations from it."""

    name: str
    customer: str
    kind: str
    channel: str
    direction: str
    occurred_at: datetime
    due_at: datetime | None = None
    resolved: bool | None = False  # None: the property is not set
    resolved_at: datetime | None = None
    follow_up_at: datetime | None = None
    handled_by: str | None = None
    summary: str | None = None
    id: str = field(default_factory=lambda: f"tpt_{uuid.uuid4().hex}")


TOUCHPOINTS = (
    Had(
        "A1", "Ada", "COMPLAINT", "PHONE", "INBOUND", utc(2024, 1, 10, 9), utc(2024, 1, 11, 9),
        resolved=True, resolved_at=utc(2024, 1, 11, 8), handled_by="Eve", summary="Late parcel",
    ),
    Had(
        "A2", "Ada", "COMPLAINT", "EMAIL", "INBOUND", utc(2024, 2, 1, 10), utc(2024, 2, 2, 10),
        resolved=True, resolved_at=utc(2024, 2, 3, 12), handled_by="Gus",
    ),
    Had(
        "A3", "Ada", "SALE", "STORE", "INBOUND", utc(2024, 2, 15, 14),
        follow_up_at=utc(2024, 2, 20), handled_by="Eve",
    ),
    Had(
        "B1", "Bob", "COMPLAINT", "PHONE", "INBOUND", utc(2024, 3, 1, 8), utc(2024, 3, 1, 12),
        handled_by="Finn",
    ),
    Had(
        "B2", "Bob", "COMPLAINT", "CHAT", "INBOUND", utc(2024, 3, 5, 9), LATER,
        follow_up_at=LATER, handled_by="Finn",
    ),
    Had("B3", "Bob", "MARKETING", "EMAIL", "OUTBOUND", utc(2024, 1, 20, 12)),
    Had("C1", "Cy", "COMPLAINT", "EMAIL", "INBOUND", utc(2024, 2, 1, 10), handled_by="Gus"),
    Had(
        "C2", "Cy", "INQUIRY", "PHONE", "OUTBOUND", utc(2024, 3, 10, 16),
        follow_up_at=utc(2024, 3, 11), handled_by="Eve",
    ),
    Had(
        "D1", "Dee", "COMPLAINT", "PHONE", "INBOUND", utc(2024, 2, 20, 11), utc(2024, 2, 21, 11),
        resolved=True, resolved_at=utc(2024, 2, 21, 11), handled_by="Eve",
    ),
    Had("D2", "Dee", "SERVICE", "VIDEO_CALL", "INBOUND", utc(2024, 1, 5, 10), resolved=None),
)  # fmt: skip


@dataclass
class TouchpointWorld:
    customers: dict[str, str]  # name -> id
    employees: dict[str, str]  # name -> id
    touchpoints: tuple[Had, ...] = TOUCHPOINTS

    def id_of(self, name: str) -> str:
        return by_name(name).id


def by_name(name: str) -> Had:
    return next(touchpoint for touchpoint in TOUCHPOINTS if touchpoint.name == name)


_TOUCHPOINT = """
MATCH (c:Customer {id: $customer})
CREATE (c)-[:HAD]->(t:Touchpoint {id: $id})
SET t += $props
WITH t
OPTIONAL MATCH (e:Employee {id: $handledBy})
FOREACH (employee IN CASE WHEN e IS NULL THEN [] ELSE [e] END |
    CREATE (t)-[:HANDLED_BY]->(employee))
"""


async def add_had(graph: Graph, had: Had, customer_id: str, employee_id: str | None) -> None:
    props = {
        "channel": had.channel,
        "direction": had.direction,
        "kind": had.kind,
        "occurredAt": had.occurred_at,
        "dueAt": had.due_at,
        "resolved": had.resolved,
        "resolvedAt": had.resolved_at,
        "followUpAt": had.follow_up_at,
        "summary": had.summary,
    }
    await graph.write_query(
        _TOUCHPOINT,
        {
            "customer": customer_id,
            "id": had.id,
            # Null values set no property, as the write path leaves them out.
            "props": {name: value for name, value in props.items() if value is not None},
            "handledBy": employee_id,
        },
    )


async def seed_touchpoint_world(graph: Graph, partner_id: str) -> TouchpointWorld:
    customers = {
        name: await add_customer(graph, name, created_at=utc(2023, 12, day))
        for day, name in enumerate(("Ada", "Bob", "Cy", "Dee"), start=1)
    }
    employees = {
        name: await add_employee(
            graph,
            name,
            email=f"{name.lower()}@example.com",
            title="Service",
            created_at=utc(2023, 1, 1),
        )
        for name in ("Eve", "Finn", "Gus")
    }
    await own(graph, employees["Eve"], customers["Ada"], utc(2023, 12, 1))
    await own(graph, employees["Eve"], customers["Bob"], utc(2023, 12, 2), until=utc(2024, 1, 1))
    await own(graph, employees["Finn"], customers["Bob"], utc(2024, 1, 1))
    await brought_by(graph, partner_id, customers["Ada"])
    await brought_by(graph, partner_id, customers["Dee"])
    await shared_with(graph, customers["Cy"], partner_id)
    await consent_event(graph, customers["Ada"], "GRANTED", at=utc(2023, 12, 1))
    await consent_event(graph, customers["Cy"], "GRANTED", at=utc(2023, 12, 3))
    await consent_event(graph, customers["Dee"], "GRANTED", at=utc(2023, 12, 4))
    await consent_event(graph, customers["Dee"], "WITHDRAWN", at=utc(2024, 1, 4))
    for had in TOUCHPOINTS:
        employee = employees[had.handled_by] if had.handled_by else None
        await add_had(graph, had, customers[had.customer], employee)
    return TouchpointWorld(customers, employees)

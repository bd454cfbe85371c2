"""recordTouchpoint, end to end over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.api import Json
from tests.support.graph import count_relationships
from tests.support.mutations import UNKNOWN_CUSTOMER, UNKNOWN_EMPLOYEE, Api, Refs, iso

TOUCHPOINT_FIELDS = (
    "id channel direction kind occurredAt summary outcome satisfaction resolved "
    "handledBy { id } customer { id }"
)
RECORD = (
    "mutation($input: TouchpointInput!) "
    f"{{ recordTouchpoint(input: $input) {{ {TOUCHPOINT_FIELDS} }} }}"
)
METRICS = "metrics { lastContactAt openComplaints }"


def touchpoint(customer: str, **extra: object) -> Json:
    return {
        "customerId": customer,
        "channel": "PHONE",
        "direction": "INBOUND",
        "kind": "INQUIRY",
        **extra,
    }


async def test_record_touchpoint_stores_it(api: Api, refs: Refs) -> None:
    values = touchpoint(
        refs.person,
        kind="SERVICE",
        occurredAt="2024-02-03T10:00:00Z",
        summary=" Asked about delivery ",
        outcome="Resolved on the call",
        satisfaction=4,
        resolved=True,
        handledById=refs.employee,
    )
    recorded = (await api.data(RECORD, {"input": values}))["recordTouchpoint"]
    assert recorded["id"].startswith("tpt_")
    assert recorded == {
        "id": recorded["id"],
        "channel": "PHONE",
        "direction": "INBOUND",
        "kind": "SERVICE",
        "occurredAt": recorded["occurredAt"],
        "summary": "Asked about delivery",
        "outcome": "Resolved on the call",
        "satisfaction": 4,
        "resolved": True,
        "handledBy": {"id": refs.employee},
        "customer": {"id": refs.person},
    }
    assert iso(recorded["occurredAt"]) == datetime(2024, 2, 3, 10, tzinfo=UTC)
    stored = await api.node(recorded["id"], f"... on Touchpoint {{ {TOUCHPOINT_FIELDS} }}")
    assert stored == recorded
    listed = await api.customer(refs.person, "touchpoints { totalCount nodes { id } }")
    assert listed == {"touchpoints": {"totalCount": 1, "nodes": [{"id": recorded["id"]}]}}


async def test_record_touchpoint_defaults(api: Api, refs: Refs) -> None:
    before = datetime.now(UTC)
    recorded = (await api.data(RECORD, {"input": touchpoint(refs.person, summary="  ")}))[
        "recordTouchpoint"
    ]
    assert before - timedelta(seconds=1) <= iso(recorded["occurredAt"]) <= datetime.now(UTC)
    assert recorded["resolved"] is False
    assert recorded["satisfaction"] is None
    assert recorded["summary"] is None
    assert recorded["handledBy"] is None
    assert await count_relationships(api.graph, "HANDLED_BY") == 0


async def test_record_touchpoint_updates_the_customers_metrics(api: Api, refs: Refs) -> None:
    assert await api.customer(refs.person, METRICS) == {
        "metrics": {"lastContactAt": None, "openComplaints": 0}
    }
    await api.record_touchpoint(refs.person, occurredAt="2024-05-01T08:00:00Z")
    assert await api.customer(refs.person, METRICS) == {
        "metrics": {"lastContactAt": "2024-05-01T08:00:00+00:00", "openComplaints": 0}
    }

    # An open complaint, a later one.
    await api.record_touchpoint(
        refs.person, kind="COMPLAINT", resolved=False, occurredAt="2024-05-02T08:00:00Z"
    )
    metrics = await api.customer(refs.person, METRICS)
    assert metrics == {
        "metrics": {"lastContactAt": "2024-05-02T08:00:00+00:00", "openComplaints": 1}
    }

    # A resolved complaint does not count; an older touchpoint does not move lastContactAt back.
    await api.record_touchpoint(
        refs.person, kind="COMPLAINT", resolved=True, occurredAt="2023-01-01T00:00:00Z"
    )
    await api.record_touchpoint(refs.person, kind="COMPLAINT", occurredAt="2024-04-01T00:00:00Z")
    metrics = await api.customer(refs.person, METRICS)
    assert metrics == {
        "metrics": {"lastContactAt": "2024-05-02T08:00:00+00:00", "openComplaints": 2}
    }
    # The stored sort key follows the newest touchpoint too.
    rows = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN c.lastContactAt AS at", {"id": refs.person}
    )
    assert rows[0]["at"].to_native() == datetime(2024, 5, 2, 8, tzinfo=UTC)
    # Another customer is untouched.
    assert await api.customer(refs.organization, METRICS) == {
        "metrics": {"lastContactAt": None, "openComplaints": 0}
    }


TouchpointCase = tuple[str, Callable[[Refs], Json], str, str]
TOUCHPOINT_ERRORS: list[TouchpointCase] = [
    (
        "satisfaction 0",
        lambda r: touchpoint(r.person, satisfaction=0),
        "BAD_USER_INPUT",
        "input.satisfaction",
    ),
    (
        "satisfaction 6",
        lambda r: touchpoint(r.person, satisfaction=6),
        "BAD_USER_INPUT",
        "input.satisfaction",
    ),
    (
        "unknown customer",
        lambda r: touchpoint(UNKNOWN_CUSTOMER),
        "NOT_FOUND",
        "input.customerId",
    ),
    (
        "malformed customer",
        lambda r: touchpoint("someone"),
        "BAD_USER_INPUT",
        "input.customerId",
    ),
    (
        "an employee as customer",
        lambda r: touchpoint(r.employee),
        "BAD_USER_INPUT",
        "input.customerId",
    ),
    (
        "unknown handler",
        lambda r: touchpoint(r.person, handledById=UNKNOWN_EMPLOYEE),
        "NOT_FOUND",
        "input.handledById",
    ),
    (
        "malformed handler",
        lambda r: touchpoint(r.person, handledById="emp_x"),
        "BAD_USER_INPUT",
        "input.handledById",
    ),
    (
        "summary too long",
        lambda r: touchpoint(r.person, summary="s" * 10_001),
        "TEXT_TOO_LONG",
        "input.summary",
    ),
]


@pytest.mark.parametrize(
    ("make_input", "code", "field"),
    [pytest.param(i, c, f, id=name) for name, i, c, f in TOUCHPOINT_ERRORS],
)
async def test_record_touchpoint_rejects(
    api: Api, refs: Refs, make_input: Callable[[Refs], Json], code: str, field: str
) -> None:
    await api.rejected(RECORD, {"input": make_input(refs)}, code=code, field=field)


@pytest.mark.parametrize(
    "override",
    ["channel: PIGEON", "direction: SIDEWAYS", "kind: GOSSIP"],
)
async def test_record_touchpoint_rejects_unknown_enum_values(
    api: Api, refs: Refs, override: str
) -> None:
    fields = {"channel": "channel: EMAIL", "direction": "direction: INBOUND", "kind": "kind: SALE"}
    fields[override.split(":")[0]] = override
    literal = ", ".join([f'customerId: "{refs.person}"', *fields.values()])
    await api.rejected(
        f"mutation {{ recordTouchpoint(input: {{{literal}}}) {{ id }} }}",
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


async def test_50_concurrent_touchpoints_keep_the_latest_contact(api: Api) -> None:
    """The stored lastContactAt (the sort key of customer lists) is the latest of 50 contacts
    recorded at once, whatever order they commit in."""
    customer = await api.create_customer("Busy line")
    start = datetime(2024, 5, 1, tzinfo=UTC)
    mutation = "mutation($input: TouchpointInput!) { recordTouchpoint(input: $input) { id } }"
    results = await asyncio.gather(
        *(
            api.post(
                mutation,
                {
                    "input": {
                        "customerId": customer,
                        "channel": "PHONE",
                        "direction": "INBOUND",
                        "kind": "INQUIRY",
                        "occurredAt": (start + timedelta(minutes=n)).isoformat(),
                    }
                },
            )
            for n in range(50)
        )
    )
    assert all("errors" not in body for body in results)
    rows = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN toString(c.lastContactAt) AS stored",
        {"id": customer},
    )
    assert rows[0]["stored"] == "2024-05-01T00:49:00Z"

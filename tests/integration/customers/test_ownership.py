"""assignAccountOwner: the current owner, the ownership history, and what it refuses."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.api import Json
from tests.support.graph import count_relationships, graph_state
from tests.support.mutations import UNKNOWN_CUSTOMER, UNKNOWN_EMPLOYEE, Api, Refs, iso

OWNERSHIP = "accountOwner { id } ownerHistory { since until employee { id } }"
ASSIGN = (
    "mutation($customer: ID!, $employee: ID!, $since: DateTime) "
    "{ assignAccountOwner(customerId: $customer, employeeId: $employee, since: $since) "
    f"{{ id updatedAt {OWNERSHIP} }} }}"
)


async def assign(api: Api, customer: str, employee: str, since: str | None = None) -> Json:
    result: Json = (
        await api.data(ASSIGN, {"customer": customer, "employee": employee, "since": since})
    )["assignAccountOwner"]
    return result


async def owned_count(api: Api, employee: str) -> int:
    found = await api.node(employee, "... on Employee { customerCount customers { id } }")
    assert found is not None
    assert found["customerCount"] == len(found["customers"])
    return int(found["customerCount"])


async def test_assigning_another_owner_closes_the_current_ownership(api: Api, refs: Refs) -> None:
    customer = await api.create_customer(
        "Owned", accountOwnerId=refs.employee, createdAt="2020-05-01T00:00:00Z"
    )
    before = datetime.now(UTC)
    result = await assign(api, customer, refs.other_employee)
    after = datetime.now(UTC)

    assert result["id"] == customer
    assert result["accountOwner"] == {"id": refs.other_employee}
    newest, older = result["ownerHistory"]  # newest first
    assert newest["employee"] == {"id": refs.other_employee}
    assert newest["until"] is None
    assert before - timedelta(seconds=1) <= iso(newest["since"]) <= after
    assert older["employee"] == {"id": refs.employee}
    assert iso(older["since"]) == datetime(2020, 5, 1, tzinfo=UTC)
    assert older["until"] is not None
    assert iso(older["until"]) == iso(newest["since"])

    assert await api.customer(customer, f"id updatedAt {OWNERSHIP}") == result
    assert await owned_count(api, refs.employee) == 0
    assert await owned_count(api, refs.other_employee) == 1
    assert await count_relationships(api.graph, "OWNS") == 2


async def test_assigning_the_current_owner_again_changes_nothing(api: Api, refs: Refs) -> None:
    customer = await api.create_customer("Owned", accountOwnerId=refs.employee)
    first = await assign(api, customer, refs.other_employee)
    again = await assign(api, customer, refs.other_employee)
    assert again["accountOwner"] == first["accountOwner"]
    assert again["ownerHistory"] == first["ownerHistory"]
    assert await count_relationships(api.graph, "OWNS") == 2
    reread = await api.customer(customer, OWNERSHIP)
    assert reread is not None
    assert reread["ownerHistory"] == first["ownerHistory"]


async def test_assigning_the_current_owner_again_keeps_updated_at(api: Api, refs: Refs) -> None:
    """Nothing changes, so nothing is written: not even the customer's updatedAt."""
    customer = await api.create_customer("Owned", accountOwnerId=refs.employee)
    first = await assign(api, customer, refs.other_employee)
    state = await graph_state(api.graph)
    again = await assign(api, customer, refs.other_employee)
    assert again["updatedAt"] == first["updatedAt"]
    assert await graph_state(api.graph) == state


async def test_update_customer_owner_after_a_future_assignment_keeps_history_consistent(
    api: Api, refs: Refs
) -> None:
    """assignAccountOwner may schedule an owner from a future date; changing the owner through
    updateCustomer afterwards must not end that ownership before it starts (or must refuse,
    as assignAccountOwner does, with a CONFLICT)."""
    customer = await api.create_customer("Owned", accountOwnerId=refs.employee)
    next_month = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    await assign(api, customer, refs.other_employee, since=next_month)

    body = await api.post(
        "mutation($id: ID!, $owner: ID!) "
        "{ updateCustomer(id: $id, input: {accountOwnerId: $owner}) { id } }",
        {"id": customer, "owner": refs.employee},
    )
    if body.get("errors"):
        assert body["errors"][0]["extensions"] == {
            "code": "CONFLICT",
            "field": "input.accountOwnerId",
        }
    reread = await api.customer(customer, OWNERSHIP)
    assert reread is not None
    for ownership in reread["ownerHistory"]:
        if ownership["until"] is not None:
            assert iso(ownership["until"]) >= iso(ownership["since"]), ownership
    assert sum(o["until"] is None for o in reread["ownerHistory"]) == 1


async def test_assigning_an_owner_with_a_start(api: Api, refs: Refs) -> None:
    customer = await api.create_customer(
        "Owned", accountOwnerId=refs.employee, createdAt="2020-01-01T00:00:00Z"
    )
    result = await assign(api, customer, refs.other_employee, since="2021-06-15T12:00:00+02:00")
    newest, older = result["ownerHistory"]
    assert iso(newest["since"]) == datetime(2021, 6, 15, 10, tzinfo=UTC)
    assert iso(older["until"]) == datetime(2021, 6, 15, 10, tzinfo=UTC)
    # A start equal to the current one's is allowed; going back is not (below).
    third = await api.create_employee("Third")
    later = await assign(api, customer, third, since="2021-06-15T10:00:00Z")
    assert later["accountOwner"] == {"id": third}
    assert len(later["ownerHistory"]) == 3
    assert await count_relationships(api.graph, "OWNS") == 3


async def test_owner_history_lists_the_current_ownership_first_on_equal_starts(
    api: Api, refs: Refs
) -> None:
    """Two ownerships starting at the same instant (the first lasted no time): "newest first"
    must still put the current one (until null) first."""
    customer = await api.create_customer(
        "Owned", accountOwnerId=refs.employee, createdAt="2020-01-01T00:00:00Z"
    )
    # The same instant, written with another offset.
    await assign(api, customer, refs.other_employee, since="2021-06-15T12:00:00+02:00")
    third = await api.create_employee("Third")
    result = await assign(api, customer, third, since="2021-06-15T10:00:00Z")
    assert result["accountOwner"] == {"id": third}
    history = [(o["employee"]["id"], o["until"] is None) for o in result["ownerHistory"]]
    expected = [(third, True), (refs.other_employee, False), (refs.employee, False)]
    assert history == expected
    reread = await api.customer(customer, "ownerHistory { until employee { id } }")
    assert reread is not None
    assert [(o["employee"]["id"], o["until"] is None) for o in reread["ownerHistory"]] == expected


async def test_assigning_a_first_owner(api: Api, refs: Refs) -> None:
    result = await assign(api, refs.person, refs.employee)
    assert result["accountOwner"] == {"id": refs.employee}
    assert len(result["ownerHistory"]) == 1
    assert result["ownerHistory"][0]["until"] is None
    assert await api.customer(refs.person, OWNERSHIP) == {
        "accountOwner": result["accountOwner"],
        "ownerHistory": result["ownerHistory"],
    }


async def test_an_ownership_cannot_start_before_the_current_one(api: Api, refs: Refs) -> None:
    customer = await api.create_customer(
        "Owned", accountOwnerId=refs.employee, createdAt="2022-01-01T00:00:00Z"
    )
    await api.rejected(
        ASSIGN,
        {"customer": customer, "employee": refs.other_employee, "since": "2021-12-31T23:59:59Z"},
        code="CONFLICT",
        field="since",
    )
    reread = await api.customer(customer, OWNERSHIP)
    assert reread is not None
    assert reread["accountOwner"] == {"id": refs.employee}
    assert len(reread["ownerHistory"]) == 1


@pytest.mark.parametrize(
    ("which", "value", "code", "field"),
    [
        pytest.param(
            "customer", UNKNOWN_CUSTOMER, "NOT_FOUND", "customerId", id="unknown customer"
        ),
        pytest.param("customer", "cus_1", "BAD_USER_INPUT", "customerId", id="malformed customer"),
        pytest.param(
            "employee", UNKNOWN_EMPLOYEE, "NOT_FOUND", "employeeId", id="unknown employee"
        ),
        pytest.param("employee", "", "BAD_USER_INPUT", "employeeId", id="empty employee"),
        pytest.param(
            "employee", UNKNOWN_CUSTOMER, "BAD_USER_INPUT", "employeeId", id="customer as employee"
        ),
    ],
)
async def test_assign_account_owner_rejects(
    api: Api, refs: Refs, which: str, value: str, code: str, field: str
) -> None:
    variables: Json = {"customer": refs.person, "employee": refs.employee, which: value}
    await api.rejected(ASSIGN, variables, code=code, field=field)


async def test_assign_to_a_deleted_customer_is_not_found(api: Api, refs: Refs) -> None:
    customer = await api.create_customer("Gone")
    await api.data("mutation($id: ID!) { deleteCustomer(id: $id) { id } }", {"id": customer})
    state = await graph_state(api.graph)
    await api.rejected(
        ASSIGN,
        {"customer": customer, "employee": refs.employee},
        code="NOT_FOUND",
        field="customerId",
    )
    assert await graph_state(api.graph) == state


OPEN_OWNERSHIPS = (
    "MATCH (:Customer {id: $id})<-[o:OWNS]-(:Employee) WHERE o.until IS NULL RETURN count(o) AS n"
)
UPDATE_OWNER = (
    "mutation($id: ID!, $owner: ID!) "
    "{ updateCustomer(id: $id, input: {accountOwnerId: $owner}) { id } }"
)


async def open_ownerships(api: Api, customer: str) -> int:
    [row] = await api.graph.read(OPEN_OWNERSHIPS, {"id": customer})
    return int(row["n"])


async def test_50_concurrent_assignments_leave_one_current_owner(api: Api, refs: Refs) -> None:
    customer = await api.create_customer("Contested")
    await assign(api, customer, refs.employee)  # plans warmed before the burst
    owners = [refs.employee, refs.other_employee]
    answers = await asyncio.gather(
        *(
            api.post(ASSIGN, {"customer": customer, "employee": owners[n % 2], "since": None})
            for n in range(50)
        )
    )
    assert [a for a in answers if "errors" in a] == []
    assert await open_ownerships(api, customer) == 1


async def test_50_concurrent_owner_updates_leave_one_current_owner(api: Api, refs: Refs) -> None:
    customer = await api.create_customer("Contested")
    await api.data(UPDATE_OWNER, {"id": customer, "owner": refs.employee})
    owners = [refs.employee, refs.other_employee]
    answers = await asyncio.gather(
        *(api.post(UPDATE_OWNER, {"id": customer, "owner": owners[n % 2]}) for n in range(50))
    )
    assert [a for a in answers if "errors" in a] == []
    assert await open_ownerships(api, customer) == 1

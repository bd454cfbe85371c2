"""createCustomer, updateCustomer, upsertCustomer and deleteCustomer, end to end over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.api import Json
from tests.support.graph import count_nodes, count_relationships, graph_state
from tests.support.mutations import (
    UNKNOWN_CUSTOMER,
    UNKNOWN_EMPLOYEE,
    UNKNOWN_SOURCE,
    Api,
    Refs,
    iso,
)

FIELDS = """
id kind name emails phones interests notes lifecycleStage createdAt updatedAt
demographics { birthDate gender occupation incomeBand householdSize industry employeeCount }
preferences { preferredChannel preferredLanguage doNotContact }
externalIds { system value }
addresses { kind line1 line2 city postalCode region country }
acquisition { source { id name } at referrer { id } }
accountOwner { id }
ownerHistory { since until employee { id } }
"""
CREATE = f"mutation($input: CustomerInput!) {{ createCustomer(input: $input) {{ {FIELDS} }} }}"
UPDATE = (
    "mutation($id: ID!, $input: CustomerPatch!) "
    f"{{ updateCustomer(id: $id, input: $input) {{ {FIELDS} }} }}"
)
UPSERT = (
    "mutation($key: ExternalIdInput!, $input: CustomerInput!) "
    "{ upsertCustomer(externalId: $key, input: $input) "
    f"{{ created changed customer {{ {FIELDS} }} }} }}"
)
DELETE = (
    "mutation($id: ID!) { deleteCustomer(id: $id) "
    "{ id deletedTouchpoints deletedContacts keptOrders } }"
)

InputOf = Callable[[Refs], Json]


def rich_input(refs: Refs) -> Json:
    return {
        "name": "  Grace Hopper  ",
        "kind": "PERSON",
        "lifecycleStage": "PROSPECT",
        "emails": ["Grace@Example.COM", "grace@example.com", "g.hopper@navy.mil"],
        "phones": ["+1 (555) 010-2000", "+1 (555) 010-2000"],
        "interests": ["compilers", "cobol", "compilers"],
        "notes": "Met at the conference.",
        "demographics": {
            "birthDate": "1906-12-09",
            "occupation": "Rear admiral",
            "householdSize": 1,
        },
        "preferences": {
            "preferredChannel": "EMAIL",
            "preferredLanguage": "en",
            "doNotContact": False,
        },
        "externalIds": [{"system": "shopify", "value": "gh-1"}],
        "addresses": [
            {"kind": "home", "line1": "1 Navy Way", "city": "Arlington", "country": "US"},
            {"kind": "work", "line1": "2 Pentagon", "postalCode": "22202"},
        ],
        "acquisition": {
            "sourceId": refs.source,
            "at": "2021-03-04T05:06:07Z",
            "referrerId": refs.person,
        },
        "accountOwnerId": refs.employee,
        "createdAt": "2021-03-01T09:00:00Z",
    }


async def test_create_customer_stores_every_part(api: Api, refs: Refs) -> None:
    before = await count_nodes(api.graph, "Customer")
    created = (await api.data(CREATE, {"input": rich_input(refs)}))["createCustomer"]

    assert created["id"].startswith("cus_")
    assert created["name"] == "Grace Hopper"
    assert created["kind"] == "PERSON"
    assert created["lifecycleStage"] == "PROSPECT"
    assert created["emails"] == ["grace@example.com", "g.hopper@navy.mil"]
    assert created["phones"] == ["+1 (555) 010-2000"]
    assert created["interests"] == ["cobol", "compilers"]
    assert created["notes"] == "Met at the conference."
    assert iso(created["createdAt"]) == datetime(2021, 3, 1, 9, tzinfo=UTC)
    assert created["demographics"] == {
        "birthDate": "1906-12-09",
        "gender": None,
        "occupation": "Rear admiral",
        "incomeBand": None,
        "householdSize": 1,
        "industry": None,
        "employeeCount": None,
    }
    assert created["preferences"] == {
        "preferredChannel": "EMAIL",
        "preferredLanguage": "en",
        "doNotContact": False,
    }
    assert created["externalIds"] == [{"system": "shopify", "value": "gh-1"}]
    assert created["addresses"] == [
        {
            "kind": "home",
            "line1": "1 Navy Way",
            "line2": None,
            "city": "Arlington",
            "postalCode": None,
            "region": None,
            "country": "US",
        },
        {
            "kind": "work",
            "line1": "2 Pentagon",
            "line2": None,
            "city": None,
            "postalCode": "22202",
            "region": None,
            "country": None,
        },
    ]
    assert created["acquisition"]["source"] == {"id": refs.source, "name": "Spring campaign"}
    assert iso(created["acquisition"]["at"]) == datetime(2021, 3, 4, 5, 6, 7, tzinfo=UTC)
    assert created["acquisition"]["referrer"] == {"id": refs.person}
    assert created["accountOwner"] == {"id": refs.employee}
    # A new customer's first owner owns them from the start of the relationship.
    assert created["ownerHistory"] == [
        {"since": created["createdAt"], "until": None, "employee": {"id": refs.employee}}
    ]

    # Re-read: everything returned was stored.
    assert await api.customer(created["id"], FIELDS) == created
    by_external = await api.data(
        'query { customerByExternalId(system: "shopify", value: "gh-1") { id } }'
    )
    assert by_external["customerByExternalId"] == {"id": created["id"]}
    assert await count_nodes(api.graph, "Customer") == before + 1
    assert await count_relationships(api.graph, "REFERRED") == 1
    referrer = await api.data(
        "query($id: ID!) { node(id: $id) { ... on AcquisitionSource { customerCount } } }",
        {"id": refs.source},
    )
    assert referrer["node"] == {"customerCount": 1}


async def test_create_customer_defaults(api: Api) -> None:
    started = datetime.now(UTC)
    created = (await api.data(CREATE, {"input": {"name": "Plain"}}))["createCustomer"]
    assert created["kind"] == "PERSON"
    assert created["lifecycleStage"] == "LEAD"
    assert created["emails"] == []
    assert created["phones"] == []
    assert created["externalIds"] == []
    assert created["accountOwner"] is None
    assert created["ownerHistory"] == []
    assert created["acquisition"] is None
    assert created["preferences"]["doNotContact"] is False
    created_at = iso(created["createdAt"])
    assert started - timedelta(seconds=1) <= created_at <= datetime.now(UTC)
    assert created["updatedAt"] == created["createdAt"]
    assert await api.customer(created["id"], FIELDS) == created
    # Empty lists and texts are stored as no property at all; reads give them back empty.
    stored = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN keys(c) AS keys", {"id": created["id"]}
    )
    assert not {"emails", "emailText", "phones", "interests"} & set(stored[0]["keys"])


async def test_a_list_emptied_removes_its_property_and_an_empty_one_changes_nothing(
    api: Api,
) -> None:
    customer_id = await api.create_customer("Listed", phones=["+33 1 23 45 67 89"])
    update = "mutation($id: ID!, $p: CustomerPatch!) { updateCustomer(id: $id, input: $p) { id } }"
    await api.data(update, {"id": customer_id, "p": {"phones": []}})
    stored = await api.graph.read(
        "MATCH (c:Customer {id: $id}) RETURN c.phones AS phones, c.updatedAt AS at",
        {"id": customer_id},
    )
    assert stored[0]["phones"] is None
    assert await api.customer(customer_id, "phones emails") == {"phones": [], "emails": []}
    upsert = (
        "mutation($k: ExternalIdInput!, $c: CustomerInput!) "
        "{ upsertCustomer(externalId: $k, input: $c) { changed } }"
    )
    key = {"system": "crm", "value": "listed"}
    given = {"k": key, "c": {"name": "Listed"}}
    await api.data(update, {"id": customer_id, "p": {"externalIds": [key]}})
    await api.data(upsert, given)
    await api.graph.write_query(  # as written before empty lists were left out
        "MATCH (c:Customer {id: $id}) SET c.emails = [], c.emailText = ''", {"id": customer_id}
    )
    result = await api.data(upsert, given)
    assert result["upsertCustomer"]["changed"] is False  # stored [] and '' equal none given


CREATE_ERRORS: list[tuple[str, InputOf, str, str]] = [
    ("empty name", lambda r: {"name": "   "}, "BAD_USER_INPUT", "input.name"),
    (
        "bad e-mail",
        lambda r: {"name": "X", "emails": ["ok@example.com", "not-an-email"]},
        "BAD_USER_INPUT",
        "input.emails[1]",
    ),
    (
        "e-mail with a space",
        lambda r: {"name": "X", "emails": ["a b@example.com"]},
        "BAD_USER_INPUT",
        "input.emails[0]",
    ),
    ("bad phone", lambda r: {"name": "X", "phones": ["12"]}, "BAD_USER_INPUT", "input.phones[0]"),
    (
        "second phone bad",
        lambda r: {"name": "X", "phones": ["+49 30 1234567", "call me"]},
        "BAD_USER_INPUT",
        "input.phones[1]",
    ),
    (
        "createdAt in the future",
        lambda r: {
            "name": "X",
            "createdAt": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
        },
        "BAD_USER_INPUT",
        "input.createdAt",
    ),
    (
        "unknown owner",
        lambda r: {"name": "X", "accountOwnerId": UNKNOWN_EMPLOYEE},
        "NOT_FOUND",
        "input.accountOwnerId",
    ),
    (
        "malformed owner",
        lambda r: {"name": "X", "accountOwnerId": "emp_42"},
        "BAD_USER_INPUT",
        "input.accountOwnerId",
    ),
    (
        "a customer as owner",
        lambda r: {"name": "X", "accountOwnerId": r.person},
        "BAD_USER_INPUT",
        "input.accountOwnerId",
    ),
    (
        "unknown source",
        lambda r: {"name": "X", "acquisition": {"sourceId": UNKNOWN_SOURCE}},
        "NOT_FOUND",
        "input.acquisition.sourceId",
    ),
    (
        "malformed source",
        lambda r: {"name": "X", "acquisition": {"sourceId": "campaign-7"}},
        "BAD_USER_INPUT",
        "input.acquisition.sourceId",
    ),
    (
        "unknown referrer",
        lambda r: {
            "name": "X",
            "acquisition": {"sourceId": r.source, "referrerId": UNKNOWN_CUSTOMER},
        },
        "NOT_FOUND",
        "input.acquisition.referrerId",
    ),
    (
        "malformed referrer",
        lambda r: {"name": "X", "acquisition": {"sourceId": r.source, "referrerId": r.employee}},
        "BAD_USER_INPUT",
        "input.acquisition.referrerId",
    ),
    (
        "external id of another customer",
        lambda r: {
            "name": "X",
            "externalIds": [{"system": "crm", "value": "new"}, {"system": "crm", "value": "taken"}],
        },
        "CONFLICT",
        "input.externalIds[1]",
    ),
    (
        "empty external id system",
        lambda r: {"name": "X", "externalIds": [{"system": " ", "value": "1"}]},
        "BAD_USER_INPUT",
        "input.externalIds[0].system",
    ),
    (
        "empty external id value",
        lambda r: {"name": "X", "externalIds": [{"system": "crm", "value": ""}]},
        "BAD_USER_INPUT",
        "input.externalIds[0].value",
    ),
    (
        "household of zero",
        lambda r: {"name": "X", "demographics": {"householdSize": 0}},
        "BAD_USER_INPUT",
        "input.demographics.householdSize",
    ),
    (
        "negative employee count",
        lambda r: {"name": "X", "kind": "ORGANIZATION", "demographics": {"employeeCount": -3}},
        "BAD_USER_INPUT",
        "input.demographics.employeeCount",
    ),
    (
        "blank interest",
        lambda r: {"name": "X", "interests": ["golf", " "]},
        "BAD_USER_INPUT",
        "input.interests",
    ),
    ("name too long", lambda r: {"name": "x" * 501}, "TEXT_TOO_LONG", "input.name"),
]


@pytest.mark.parametrize(
    ("make_input", "code", "field"),
    [pytest.param(make, code, field, id=name) for name, make, code, field in CREATE_ERRORS],
)
async def test_create_customer_rejects(
    api: Api, refs: Refs, make_input: InputOf, code: str, field: str
) -> None:
    await api.rejected(CREATE, {"input": make_input(refs)}, code=code, field=field)


@pytest.mark.parametrize(
    "literal",
    ['{name: "X", kind: ROBOT}', '{name: "X", lifecycleStage: CHURNED}'],
)
async def test_create_customer_rejects_unknown_enum_values(api: Api, literal: str) -> None:
    await api.rejected(
        f"mutation {{ createCustomer(input: {literal}) {{ id }} }}",
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


# --- updateCustomer ---------------------------------------------------------------------------


async def test_update_customer_changes_only_what_is_given(api: Api, refs: Refs) -> None:
    created = (await api.data(CREATE, {"input": rich_input(refs)}))["createCustomer"]
    patch = {
        "name": "Grace B. Hopper",
        "lifecycleStage": "CUSTOMER",
        "emails": ["AMAZING@grace.org"],
        "notes": "  ",
        "externalIds": [{"system": "zendesk", "value": "77"}],
        "demographics": {"gender": "female"},
        "preferences": {"doNotContact": True},
    }
    updated = (await api.data(UPDATE, {"id": created["id"], "input": patch}))["updateCustomer"]

    assert updated["id"] == created["id"]
    assert updated["name"] == "Grace B. Hopper"
    assert updated["lifecycleStage"] == "CUSTOMER"
    assert updated["emails"] == ["amazing@grace.org"]  # a given list replaces the old one
    assert updated["notes"] is None  # blank text clears
    # External ids given are added to the old ones.
    assert updated["externalIds"] == [
        {"system": "shopify", "value": "gh-1"},
        {"system": "zendesk", "value": "77"},
    ]
    assert updated["demographics"]["gender"] == "female"
    assert updated["demographics"]["occupation"] == "Rear admiral"
    assert updated["preferences"] == {
        "preferredChannel": "EMAIL",
        "preferredLanguage": "en",
        "doNotContact": True,
    }
    # What the patch leaves out stays as it was.
    for unchanged in (
        "kind",
        "phones",
        "interests",
        "addresses",
        "acquisition",
        "accountOwner",
        "ownerHistory",
        "createdAt",
    ):
        assert updated[unchanged] == created[unchanged], unchanged
    assert iso(updated["updatedAt"]) > iso(created["updatedAt"])

    assert await api.customer(created["id"], FIELDS) == updated
    assert await count_nodes(api.graph, "ExternalId") == 3  # crm:taken, shopify:gh-1, zendesk:77


async def test_update_customer_replaces_addresses_and_acquisition(api: Api, refs: Refs) -> None:
    created = (await api.data(CREATE, {"input": rich_input(refs)}))["createCustomer"]
    other_source = await api.create_source("Trade fair", "EVENT")
    patch = {
        "addresses": [{"kind": "home", "city": "Boston"}],
        "acquisition": {"sourceId": other_source, "at": "2022-01-01T00:00:00Z"},
        "accountOwnerId": refs.other_employee,
    }
    updated = (await api.data(UPDATE, {"id": created["id"], "input": patch}))["updateCustomer"]
    assert [a["city"] for a in updated["addresses"]] == ["Boston"]
    assert updated["acquisition"]["source"]["id"] == other_source
    assert updated["acquisition"]["referrer"] is None
    assert updated["accountOwner"] == {"id": refs.other_employee}
    assert [o["employee"]["id"] for o in updated["ownerHistory"]] == [
        refs.other_employee,
        refs.employee,
    ]
    assert updated["ownerHistory"][1]["until"] is not None
    assert await api.customer(created["id"], FIELDS) == updated
    assert await count_nodes(api.graph, "Address") == 1
    assert await count_relationships(api.graph, "ACQUIRED_VIA") == 1
    assert await count_relationships(api.graph, "REFERRED") == 0


async def test_update_customer_may_repeat_its_own_external_id(api: Api, refs: Refs) -> None:
    patch = {"externalIds": [{"system": "crm", "value": "taken"}]}
    updated = (await api.data(UPDATE, {"id": refs.person, "input": patch}))["updateCustomer"]
    assert updated["externalIds"] == [{"system": "crm", "value": "taken"}]
    assert await count_nodes(api.graph, "ExternalId") == 1


UPDATE_ERRORS: list[tuple[str, Callable[[Refs], str], InputOf, str, str]] = [
    ("unknown id", lambda r: UNKNOWN_CUSTOMER, lambda r: {"name": "X"}, "NOT_FOUND", "id"),
    ("malformed id", lambda r: "cus_xyz", lambda r: {"name": "X"}, "BAD_USER_INPUT", "id"),
    ("an employee's id", lambda r: r.employee, lambda r: {"name": "X"}, "BAD_USER_INPUT", "id"),
    ("empty name", lambda r: r.person, lambda r: {"name": ""}, "BAD_USER_INPUT", "input.name"),
    ("null name", lambda r: r.person, lambda r: {"name": None}, "BAD_USER_INPUT", "input.name"),
    (
        "bad e-mail",
        lambda r: r.person,
        lambda r: {"emails": ["x@@y"]},
        "BAD_USER_INPUT",
        "input.emails[0]",
    ),
    (
        "bad phone",
        lambda r: r.person,
        lambda r: {"phones": ["+1 555 0100", "phone"]},
        "BAD_USER_INPUT",
        "input.phones[1]",
    ),
    (
        "external id of another customer",
        lambda r: r.organization,
        lambda r: {"externalIds": [{"system": "crm", "value": "taken"}]},
        "CONFLICT",
        "input.externalIds[0]",
    ),
    (
        "referring themselves",
        lambda r: r.person,
        lambda r: {"acquisition": {"sourceId": r.source, "referrerId": r.person}},
        "CONFLICT",
        "input.acquisition.referrerId",
    ),
    (
        "unknown owner",
        lambda r: r.person,
        lambda r: {"accountOwnerId": UNKNOWN_EMPLOYEE},
        "NOT_FOUND",
        "input.accountOwnerId",
    ),
    (
        "unknown source",
        lambda r: r.person,
        lambda r: {"acquisition": {"sourceId": UNKNOWN_SOURCE}},
        "NOT_FOUND",
        "input.acquisition.sourceId",
    ),
    (
        "zero household",
        lambda r: r.person,
        lambda r: {"demographics": {"householdSize": 0}},
        "BAD_USER_INPUT",
        "input.demographics.householdSize",
    ),
]


@pytest.mark.parametrize(
    ("make_id", "make_input", "code", "field"),
    [pytest.param(i, m, c, f, id=name) for name, i, m, c, f in UPDATE_ERRORS],
)
async def test_update_customer_rejects(
    api: Api,
    refs: Refs,
    make_id: Callable[[Refs], str],
    make_input: InputOf,
    code: str,
    field: str,
) -> None:
    await api.rejected(
        UPDATE, {"id": make_id(refs), "input": make_input(refs)}, code=code, field=field
    )


async def test_update_customer_rejects_unknown_enum_values(api: Api, refs: Refs) -> None:
    await api.rejected(
        f'mutation {{ updateCustomer(id: "{refs.person}", input: {{kind: ROBOT}}) {{ id }} }}',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


# --- upsertCustomer ---------------------------------------------------------------------------


async def upsert(api: Api, key: Json, values: Json) -> Json:
    result: Json = (await api.data(UPSERT, {"key": key, "input": values}))["upsertCustomer"]
    return result


async def test_upsert_creates_then_changes_nothing_for_the_same_input(api: Api, refs: Refs) -> None:
    key = {"system": "shopify", "value": "cust-1"}
    values = {"name": "Linus", "emails": ["linus@example.com"], "lifecycleStage": "PROSPECT"}

    first = await upsert(api, key, values)
    assert first["created"] is True
    assert first["changed"] is True
    assert first["customer"]["name"] == "Linus"
    assert first["customer"]["externalIds"] == [key]
    state = await graph_state(api.graph)

    second = await upsert(api, key, values)
    assert second["created"] is False
    assert second["changed"] is False
    assert second["customer"]["id"] == first["customer"]["id"]
    assert second["customer"]["updatedAt"] == first["customer"]["updatedAt"]
    assert second["customer"] == first["customer"]
    assert await graph_state(api.graph) == state  # nothing at all was written

    stored = await api.data(
        'query { customerByExternalId(system: "shopify", value: "cust-1") { id updatedAt } }'
    )
    assert stored["customerByExternalId"] == {
        "id": first["customer"]["id"],
        "updatedAt": first["customer"]["updatedAt"],
    }


async def test_upsert_with_every_part_is_idempotent(api: Api, refs: Refs) -> None:
    key = {"system": "erp", "value": "E-9"}
    values = rich_input(refs)
    first = await upsert(api, key, values)
    assert first["created"] is True
    state = await graph_state(api.graph)

    second = await upsert(api, key, values)
    assert (second["created"], second["changed"]) == (False, False)
    assert second["customer"]["updatedAt"] == first["customer"]["updatedAt"]
    assert await graph_state(api.graph) == state


async def test_upsert_with_a_changed_input_updates_the_same_customer(api: Api) -> None:
    key = {"system": "shopify", "value": "cust-2"}
    first = await upsert(api, key, {"name": "Margaret", "phones": ["+44 20 7946 0000"]})
    changed = await upsert(api, key, {"name": "Margaret H.", "phones": ["+44 20 7946 0000"]})

    assert changed["created"] is False
    assert changed["changed"] is True
    assert changed["customer"]["id"] == first["customer"]["id"]
    assert changed["customer"]["name"] == "Margaret H."
    assert iso(changed["customer"]["updatedAt"]) > iso(first["customer"]["updatedAt"])
    assert changed["customer"]["createdAt"] == first["customer"]["createdAt"]
    assert await count_nodes(api.graph, "Customer") == 1
    reread = await api.customer(first["customer"]["id"], "name updatedAt")
    assert reread == {"name": "Margaret H.", "updatedAt": changed["customer"]["updatedAt"]}

    # And once more with that input: nothing changes.
    again = await upsert(api, key, {"name": "Margaret H.", "phones": ["+44 20 7946 0000"]})
    assert (again["created"], again["changed"]) == (False, False)


async def test_upsert_with_another_external_id_creates_another_customer(api: Api) -> None:
    values = {"name": "Twin"}
    first = await upsert(api, {"system": "shopify", "value": "a"}, values)
    other = await upsert(api, {"system": "shopify", "value": "b"}, values)
    assert other["created"] is True
    assert other["changed"] is True
    assert other["customer"]["id"] != first["customer"]["id"]
    assert other["customer"]["externalIds"] == [{"system": "shopify", "value": "b"}]
    assert await count_nodes(api.graph, "Customer") == 2
    assert await count_nodes(api.graph, "ExternalId") == 2


UPSERT_ERRORS: list[tuple[str, Json, InputOf, str, str]] = [
    (
        "empty key system",
        {"system": " ", "value": "1"},
        lambda r: {"name": "X"},
        "BAD_USER_INPUT",
        "externalId.system",
    ),
    (
        "empty key value",
        {"system": "crm", "value": ""},
        lambda r: {"name": "X"},
        "BAD_USER_INPUT",
        "externalId.value",
    ),
    (
        "bad e-mail",
        {"system": "crm", "value": "new"},
        lambda r: {"name": "X", "emails": ["nope"]},
        "BAD_USER_INPUT",
        "input.emails[0]",
    ),
    (
        "empty name",
        {"system": "crm", "value": "new"},
        lambda r: {"name": ""},
        "BAD_USER_INPUT",
        "input.name",
    ),
    (
        "another customer's external id in the input",
        {"system": "crm", "value": "new"},
        lambda r: {"name": "X", "externalIds": [{"system": "crm", "value": "taken"}]},
        "CONFLICT",
        "input.externalIds[0]",
    ),
    (
        "unknown owner",
        {"system": "crm", "value": "new"},
        lambda r: {"name": "X", "accountOwnerId": UNKNOWN_EMPLOYEE},
        "NOT_FOUND",
        "input.accountOwnerId",
    ),
    (
        "createdAt in the future",
        {"system": "crm", "value": "new"},
        lambda r: {"name": "X", "createdAt": "2999-01-01T00:00:00Z"},
        "BAD_USER_INPUT",
        "input.createdAt",
    ),
]


@pytest.mark.parametrize(
    ("key", "make_input", "code", "field"),
    [pytest.param(k, m, c, f, id=name) for name, k, m, c, f in UPSERT_ERRORS],
)
async def test_upsert_customer_rejects(
    api: Api, refs: Refs, key: Json, make_input: InputOf, code: str, field: str
) -> None:
    await api.rejected(UPSERT, {"key": key, "input": make_input(refs)}, code=code, field=field)


async def test_upsert_of_an_existing_customer_rejects_bad_input(api: Api, refs: Refs) -> None:
    key = {"system": "crm", "value": "taken"}
    await api.rejected(
        UPSERT,
        {"key": key, "input": {"name": "Taken Person", "phones": ["??"]}},
        code="BAD_USER_INPUT",
        field="input.phones[0]",
    )


async def test_upsert_customer_rejects_unknown_enum_values(api: Api) -> None:
    await api.rejected(
        'mutation { upsertCustomer(externalId: {system: "a", value: "b"}, '
        'input: {name: "X", lifecycleStage: CHURNED}) { created } }',
        code="GRAPHQL_VALIDATION_FAILED",
        field=None,
    )


# --- deleteCustomer ---------------------------------------------------------------------------


async def test_delete_customer_removes_the_customer_and_keeps_orders(api: Api, refs: Refs) -> None:
    org = await api.create_customer(
        "Doomed Corp",
        kind="ORGANIZATION",
        externalIds=[{"system": "crm", "value": "doomed"}],
        addresses=[{"city": "Berlin"}],
        accountOwnerId=refs.employee,
        acquisition={"sourceId": refs.source},
    )
    friend = await api.create_customer("Friend")
    fan = await api.create_customer("Fan")
    await api.link(org, friend, 0.7)
    await api.link(fan, org, 0.4)
    await api.link(fan, friend, 0.2)  # not the deleted customer's: stays
    contact_ids = []
    for name, person in (("Ann", refs.person), ("Bob", None)):
        result = await api.data(
            "mutation($org: ID!, $input: ContactInput!) "
            "{ addContact(organizationId: $org, input: $input) { id } }",
            {"org": org, "input": {"name": name, "personCustomerId": person}},
        )
        contact_ids.append(result["addContact"]["id"])
    touchpoint_ids = [await api.record_touchpoint(org, handledById=refs.employee) for _ in range(3)]
    friend_touchpoint = await api.record_touchpoint(friend)
    order_ids = [
        (await api.place_order(org, [{"productId": refs.product, "quantity": n}]))["id"]
        for n in (1, 2)
    ]
    await api.place_order(friend, [{"productId": refs.product, "quantity": 1}])

    deleted = (await api.data(DELETE, {"id": org}))["deleteCustomer"]
    assert deleted == {
        "id": org,
        "deletedTouchpoints": 3,
        "deletedContacts": 2,
        "keptOrders": 2,
    }

    assert await api.customer(org, "id") is None
    for node_id in [*touchpoint_ids, *contact_ids]:
        assert await api.node(node_id, "id") is None, node_id
    for order_id in order_ids:
        order = await api.node(order_id, "... on Order { id number customer { id } }")
        assert order is not None
        assert order["id"] == order_id
        assert order["number"].startswith("ORD-")
        assert order["customer"] is None
    influence = "influences { customer { id } } influencedBy { customer { id } }"
    assert await api.customer(friend, influence) == {
        "influences": [],
        "influencedBy": [{"customer": {"id": fan}}],
    }
    assert await api.customer(fan, influence) == {
        "influences": [{"customer": {"id": friend}}],
        "influencedBy": [],
    }
    # The contact's own person record stays, no longer a contact of anyone.
    assert await api.customer(refs.person, "id contactOf { id }") == {
        "id": refs.person,
        "contactOf": [],
    }
    assert await api.node(friend_touchpoint, "id") == {"id": friend_touchpoint}
    gone = await api.data('query { customerByExternalId(system: "crm", value: "doomed") { id } }')
    assert gone["customerByExternalId"] is None
    owner = await api.node(refs.employee, "... on Employee { customerCount }")
    assert owner == {"customerCount": 0}

    assert await count_nodes(api.graph, "Touchpoint") == 1
    assert await count_nodes(api.graph, "Contact") == 0
    assert await count_nodes(api.graph, "Order") == 3
    assert await count_nodes(api.graph, "Address") == 0
    assert await count_nodes(api.graph, "ExternalId") == 1  # crm:taken of refs.person
    assert await count_relationships(api.graph, "INFLUENCES") == 1
    assert await count_relationships(api.graph, "OWNS") == 0
    assert await count_relationships(api.graph, "ACQUIRED_VIA") == 0

    # Deleting again: the customer is not found, and nothing changes.
    await api.rejected(DELETE, {"id": org}, code="NOT_FOUND", field="id")

    # The external id is free again.
    reborn = await upsert(api, {"system": "crm", "value": "doomed"}, {"name": "Doomed Corp"})
    assert reborn["created"] is True
    assert reborn["customer"]["id"] != org


async def test_delete_customer_without_anything_attached(api: Api) -> None:
    lonely = await api.create_customer("Lonely")
    deleted = (await api.data(DELETE, {"id": lonely}))["deleteCustomer"]
    assert deleted == {"id": lonely, "deletedTouchpoints": 0, "deletedContacts": 0, "keptOrders": 0}
    assert await count_nodes(api.graph, "Customer") == 0


@pytest.mark.parametrize(
    ("customer_id", "code"),
    [
        pytest.param(UNKNOWN_CUSTOMER, "NOT_FOUND", id="unknown"),
        pytest.param("cus_123", "BAD_USER_INPUT", id="malformed"),
        pytest.param(UNKNOWN_EMPLOYEE, "BAD_USER_INPUT", id="an employee id"),
    ],
)
async def test_delete_customer_rejects(api: Api, refs: Refs, customer_id: str, code: str) -> None:
    await api.rejected(DELETE, {"id": customer_id}, code=code, field="id")

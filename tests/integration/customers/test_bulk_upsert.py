"""upsertCustomers: many customers by external id in one transaction, end to end over HTTP."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import neo4j
import pytest
from asgi_lifespan import LifespanManager

from cdp.access.api_keys import create_key
from cdp.customers import bulk_upsert
from cdp.edge.app import create_app
from cdp.read_model import READ_MODEL
from cdp.settings import Settings
from cdp.store.graph import Graph
from tests.integration.access.support import make_keys
from tests.support.api import Json, post
from tests.support.graph import count_nodes, count_relationships, graph_state
from tests.support.mutations import UNKNOWN_CUSTOMER, UNKNOWN_EMPLOYEE, UNKNOWN_SOURCE, Api, Refs

BULK = (
    "mutation($rows: [CustomerUpsertRow!]!) "
    "{ upsertCustomers(rows: $rows) { created updated unchanged customerIds } }"
)
FIELDS = """
id name emails lifecycleStage createdAt updatedAt externalIds { system value }
addresses { city } acquisition { source { id } referrer { id } } accountOwner { id }
"""


def row(value: str, **customer: Any) -> Json:
    return {
        "externalId": {"system": "shop", "value": value},
        "customer": {"name": value, **customer},
    }


async def bulk(api: Api, rows: list[Json]) -> Json:
    result: Json = (await api.data(BULK, {"rows": rows}))["upsertCustomers"]
    return result


async def test_creates_updates_and_leaves_unchanged_rows(api: Api, refs: Refs) -> None:
    rich = row(
        "rich",
        emails=["Rich@Example.com"],
        lifecycleStage="CUSTOMER",
        addresses=[{"city": "Lyon", "country": "FR"}],
        acquisition={"sourceId": refs.source, "referrerId": refs.person},
        accountOwnerId=refs.employee,
        externalIds=[{"system": "erp", "value": "E-1"}],
        createdAt="2020-01-02T03:04:05Z",
    )
    first = await bulk(api, [rich, row("plain")])
    assert (first["created"], first["updated"], first["unchanged"]) == (2, 0, 0)
    rich_id, plain_id = first["customerIds"]
    stored = await api.customer(rich_id, FIELDS)
    assert stored is not None
    assert stored["name"] == "rich"
    assert stored["emails"] == ["rich@example.com"]
    assert stored["createdAt"] == "2020-01-02T03:04:05+00:00"
    assert sorted(x["value"] for x in stored["externalIds"]) == ["E-1", "rich"]
    assert stored["addresses"] == [{"city": "Lyon"}]
    assert stored["acquisition"] == {"source": {"id": refs.source}, "referrer": {"id": refs.person}}
    assert stored["accountOwner"] == {"id": refs.employee}
    before = await api.customer(rich_id, "updatedAt")

    second = await bulk(api, [rich, row("plain", lifecycleStage="PROSPECT"), row("new")])
    assert (second["created"], second["updated"], second["unchanged"]) == (1, 1, 1)
    assert second["customerIds"][:2] == [rich_id, plain_id]
    assert second["customerIds"][2] not in (rich_id, plain_id)
    assert await api.customer(rich_id, "updatedAt") == before  # the unchanged row wrote nothing
    assert await api.customer(plain_id, "lifecycleStage") == {"lifecycleStage": "PROSPECT"}
    assert await count_nodes(api.graph, "Customer") == 2 + 3  # the refs' two, rich, plain, new
    assert await count_relationships(api.graph, "OWNS") == 1

    state = await graph_state(api.graph)
    third = await bulk(api, [rich, row("plain", lifecycleStage="PROSPECT"), row("new")])
    assert (third["created"], third["updated"], third["unchanged"]) == (0, 0, 3)
    assert third["customerIds"] == second["customerIds"]
    assert await graph_state(api.graph) == state


@pytest.mark.parametrize("chunk", [1000, 2], ids=["one-statement", "chunks"])
@pytest.mark.parametrize("rows", [[row("a"), row("b"), row("c")], [row("d")]], ids=["3", "1"])
async def test_one_audit_record_names_every_customer(
    api: Api, monkeypatch: pytest.MonkeyPatch, chunk: int, rows: list[Json]
) -> None:
    monkeypatch.setattr(bulk_upsert, "MERGE_CHUNK", chunk)
    result = await bulk(api, rows)
    records = await api.graph.read(
        "MATCH (r:AuditRecord {operation: 'upsertCustomers'}) RETURN r.customerIds AS ids"
    )
    assert [r["ids"] for r in records] == [sorted(result["customerIds"])]


@pytest.mark.parametrize("chunk", [1000, 2], ids=["one-statement", "chunks"])
async def test_the_audit_record_of_a_merge_names_each_customer_once_held_or_new(
    api: Api, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    monkeypatch.setattr(bulk_upsert, "MERGE_CHUNK", chunk)
    keys = [{"system": "shop", "value": "two-1"}, {"system": "shop", "value": "two-2"}]
    held = await api.create_customer("Two keys", externalIds=keys)
    before = await bulk(api, [row("held")])
    rows = [row("two-1"), row("new-1"), row("held"), row("two-2"), row("new-2")]
    result = await bulk(api, rows)
    assert result["customerIds"][0::3] == [held, held]  # one customer, known by either key
    assert result["customerIds"][2] == before["customerIds"][0]
    records = await api.graph.read(
        "MATCH (r:AuditRecord) RETURN r.operation AS operation, r.customerIds AS ids, "
        "r.keyId AS keyId, r.role AS role, r.kind AS kind, r.fields AS fields ORDER BY r.at"
    )
    assert [r["operation"] for r in records] == ["createCustomer", *["upsertCustomers"] * 2]
    assert records[-1]["ids"] == sorted(set(result["customerIds"]))  # four customers
    assert len(records[-1]["ids"]) == 4
    # The rest as a record written on its own (by the single create) says it.
    written_alone = {**records[0], "operation": None, "ids": None}
    assert {**records[-1], "operation": None, "ids": None} == written_alone


async def test_an_invalid_row_refuses_the_whole_request(api: Api) -> None:
    await bulk(api, [row("kept")])
    await api.rejected(
        BULK,
        {"rows": [row("kept", lifecycleStage="CUSTOMER"), row("a"), row("b", emails=["nope"])]},
        code="BAD_USER_INPUT",
        field="rows[2].customer.emails[0]",
    )


@pytest.mark.parametrize(
    ("rows", "field"),
    [
        pytest.param([row("same"), row("other"), row("same")], "rows[2].externalId", id="keys"),
        pytest.param(
            [row("one"), row("two", externalIds=[{"system": "shop", "value": "one"}])],
            "rows[1].customer.externalIds",
            id="a key among another row's ids",
        ),
    ],
)
async def test_an_external_id_in_two_rows_is_refused(
    api: Api, rows: list[Json], field: str
) -> None:
    error = await api.rejected(BULK, {"rows": rows}, code="BAD_USER_INPUT", field=field)
    assert "rows[" in error["message"]


async def test_another_customers_external_id_is_a_conflict(api: Api, refs: Refs) -> None:
    taken = {"system": "crm", "value": "taken"}  # refs.person's
    await api.rejected(
        BULK,
        {"rows": [row("free"), row("grabs", externalIds=[taken])]},
        code="CONFLICT",
        field="rows[1].customer.externalIds[0]",
    )


Refer = Callable[[Refs], Json]
UNKNOWN: list[tuple[str, Refer, str]] = [
    (
        "source",
        lambda r: {"acquisition": {"sourceId": UNKNOWN_SOURCE}},
        "rows[1].customer.acquisition.sourceId",
    ),
    (
        "referrer",
        lambda r: {"acquisition": {"sourceId": r.source, "referrerId": UNKNOWN_CUSTOMER}},
        "rows[1].customer.acquisition.referrerId",
    ),
    ("owner", lambda r: {"accountOwnerId": UNKNOWN_EMPLOYEE}, "rows[1].customer.accountOwnerId"),
]


@pytest.mark.parametrize(
    ("refer", "field"), [pytest.param(m, f, id=name) for name, m, f in UNKNOWN]
)
async def test_unknown_referenced_ids_are_not_found(
    api: Api, refs: Refs, refer: Refer, field: str
) -> None:
    rows = [row("fine", accountOwnerId=refs.employee), row("refers", **refer(refs))]
    await api.rejected(BULK, {"rows": rows}, code="NOT_FOUND", field=field)


async def test_a_partner_writes_only_customers_it_may_and_brings_the_new_ones(
    client: httpx.AsyncClient, api: Api
) -> None:
    keys = await make_keys(api.graph, "Bulk Partner")
    stranger = await api.create_customer(
        "Stranger", externalIds=[{"system": "shop", "value": "stranger"}]
    )
    rows = [row("brought-1"), row("stranger")]
    before = await graph_state(api.graph)
    body = await post(client, BULK, {"rows": rows}, key=keys.partner)
    assert body["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "rows[1].externalId"}
    assert stranger not in body["errors"][0]["message"]
    assert await graph_state(api.graph) == before

    created = await post(client, BULK, {"rows": [row("brought-1"), row("b-2")]}, key=keys.partner)
    assert created["data"]["upsertCustomers"]["created"] == 2
    brought = await api.graph.read(
        "MATCH (:Partner {id: $p})-[:BROUGHT]->(c:Customer) RETURN c.id AS id ORDER BY id",
        {"p": keys.partner_id},
    )
    assert [r["id"] for r in brought] == sorted(created["data"]["upsertCustomers"]["customerIds"])

    # Shared with the partner and consenting: now the partner may update the stranger.
    await api.data(
        "mutation($c: ID!, $p: ID!) { shareCustomer(customerId: $c, partnerId: $p) }",
        {"c": stranger, "p": keys.partner_id},
    )
    await api.data(
        "mutation($c: ID!) { recordConsent(input: {customerId: $c, purpose: SHARING, "
        'status: GRANTED, source: "form"}) { id } }',
        {"c": stranger},
    )
    updated = await post(client, BULK, {"rows": [row("stranger", notes="hi")]}, key=keys.partner)
    assert updated["data"]["upsertCustomers"] == {
        "created": 0,
        "updated": 1,
        "unchanged": 0,
        "customerIds": [stranger],
    }
    owner = await post(
        client, BULK, {"rows": [row("b-3", accountOwnerId=UNKNOWN_EMPLOYEE)]}, key=keys.partner
    )
    assert owner["errors"][0]["extensions"] == {
        "code": "FORBIDDEN",
        "field": "rows[0].customer.accountOwnerId",
    }


@pytest.fixture
async def small_bulk_client(graph: Graph, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    key = await create_key(graph, name="bulk limit", role="admin")
    app = create_app(settings.model_copy(update={"max_bulk_rows": 2}))
    async with (
        LifespanManager(app) as manager,
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=manager.app),
            base_url="http://test",
            headers={"Authorization": f"Bearer {key.secret}"},
        ) as http,
    ):
        yield http


async def test_more_rows_than_the_limit_are_refused(
    small_bulk_client: httpx.AsyncClient, graph: Graph
) -> None:
    api = Api(small_bulk_client, graph)
    await api.rejected(
        BULK, {"rows": [row("a"), row("b"), row("c")]}, code="BULK_LIMIT_EXCEEDED", field="rows"
    )
    assert (await bulk(api, [row("a"), row("b")]))["created"] == 2


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every Cypher statement run from now on (as in the round-trip tests)."""
    log: list[str] = []

    def counting(original: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def run(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            log.append(str(getattr(query, "text", query)))
            return await original(self, query, *args, **kwargs)

        return run

    for cls in (neo4j.AsyncSession, neo4j.AsyncTransaction, neo4j.AsyncManagedTransaction):
        monkeypatch.setattr(cls, "run", counting(cls.run))
    return log


async def test_statements_do_not_grow_with_the_rows(
    api: Api, refs: Refs, statements: list[str]
) -> None:
    def rows(prefix: str, n: int) -> list[Json]:
        return [
            row(
                f"{prefix}-{i}",
                addresses=[{"city": "Oslo"}],
                acquisition={"sourceId": refs.source},
                accountOwnerId=refs.employee,
            )
            for i in range(n)
        ]

    runs = []
    for prefix, n in (("one", 1), ("many", 200), ("many", 200)):  # created, then unchanged
        statements.clear()
        result = await bulk(api, rows(prefix, n))
        runs.append((result["created"] + result["unchanged"], statements[:]))
    assert [n for n, _ in runs] == [1, 200, 200]
    # The check, the write, the audit record: the same statements for 1 row as for 200.
    assert [len(texts) for _, texts in runs] == [3, 3, 3]
    assert runs[0][1] == runs[1][1]
    assert all("UNWIND $rows" in text for text in runs[1][1][:2])


async def test_rows_of_properties_only_are_one_statement_leaving_the_audit_record(
    api: Api, statements: list[str]
) -> None:
    first = await bulk(api, [row("p-1"), row("p-2", lifecycleStage="LEAD")])
    assert (first["created"], first["updated"], first["unchanged"]) == (2, 0, 0)
    assert len(statements) == 1  # the merge of every row, which leaves the audit record
    assert statements[0].lstrip().startswith("UNWIND $order")
    one_id, two_id = first["customerIds"]
    assert one_id != two_id
    assert READ_MODEL.label_of(one_id) == READ_MODEL.label_of(two_id) == "Customer"
    created = await api.customer(one_id, FIELDS)
    assert created is not None
    assert created["createdAt"] is not None  # a new customer is created now unless told
    assert created["externalIds"] == [{"system": "shop", "value": "p-1"}]
    before = await api.customer(two_id, "updatedAt")

    statements.clear()
    rows = [row("p-1", notes="called"), row("p-2", lifecycleStage="LEAD"), row("p-3")]
    second = await bulk(api, rows)
    assert (second["created"], second["updated"], second["unchanged"]) == (1, 1, 1)
    assert second["customerIds"][:2] == [one_id, two_id]
    assert len(statements) == 1
    assert await api.customer(two_id, "updatedAt") == before  # the unchanged row wrote nothing
    updated = await api.customer(one_id, "notes createdAt")
    assert updated == {"notes": "called", "createdAt": created["createdAt"]}
    assert await count_nodes(api.graph, "ExternalId") == 3
    assert await count_relationships(api.graph, "IDENTIFIED_BY") == 3

    state = await graph_state(api.graph)
    third = await bulk(api, rows)
    assert (third["created"], third["updated"], third["unchanged"]) == (0, 0, 3)
    assert third["customerIds"] == second["customerIds"]
    assert await graph_state(api.graph) == state


async def test_a_merged_row_may_say_when_its_customer_was_created(
    api: Api, statements: list[str]
) -> None:
    result = await bulk(api, [row("dated", createdAt="2020-01-02T03:04:05Z"), row("undated")])
    assert len(statements) == 1  # merged
    dated, undated = [await api.customer(i, "createdAt") for i in result["customerIds"]]
    assert dated == {"createdAt": "2020-01-02T03:04:05+00:00"}
    assert undated is not None
    assert undated["createdAt"] > "2021"  # now


async def test_a_key_held_by_a_customer_created_one_by_one_is_updated(api: Api) -> None:
    held = await api.create_customer("Held", externalIds=[{"system": "shop", "value": "held"}])
    result = await bulk(api, [row("held", lifecycleStage="CUSTOMER")])
    assert (result["created"], result["updated"], result["customerIds"]) == (0, 1, [held])
    assert await api.customer(held, "name lifecycleStage") == {
        "name": "held",
        "lifecycleStage": "CUSTOMER",
    }


async def test_rows_of_properties_only_are_merged_a_chunk_per_statement(
    api: Api, statements: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_upsert, "MERGE_CHUNK", 2)
    first = await bulk(api, [row("c-1"), row("c-2"), row("c-3")])
    assert (first["created"], first["updated"], first["unchanged"]) == (3, 0, 0)
    statements.clear()
    rows = [row(f"c-{i}", notes="again" if i == 3 else None) for i in range(5, 0, -1)]
    second = await bulk(api, rows)
    # c-5, c-4 | c-3, c-2 | c-1: three merges, the last leaving the audit record.
    assert len(statements) == 3
    assert all(text.lstrip().startswith("UNWIND $order") for text in statements[:3])
    assert (second["created"], second["updated"], second["unchanged"]) == (2, 1, 2)
    assert second["customerIds"][2:] == first["customerIds"][::-1]
    named = [await api.customer(i, "name notes") for i in second["customerIds"]]
    assert [n["name"] for n in named if n] == ["c-5", "c-4", "c-3", "c-2", "c-1"]
    assert [n["notes"] for n in named if n] == [None, None, "again", None, None]


@pytest.mark.parametrize(
    ("last", "code", "field"),
    [
        pytest.param(row("late", emails=["nope"]), "BAD_USER_INPUT", "rows[4].customer.emails[0]"),
        pytest.param(row("d-1"), "BAD_USER_INPUT", "rows[4].externalId", id="a key seen before"),
    ],
)
async def test_a_bad_row_after_chunks_were_sent_rolls_them_back(
    api: Api, monkeypatch: pytest.MonkeyPatch, last: Json, code: str, field: str
) -> None:
    monkeypatch.setattr(bulk_upsert, "MERGE_CHUNK", 2)
    rows = [row("d-1"), row("d-2"), row("d-3"), row("d-4"), last]
    await api.rejected(BULK, {"rows": rows}, code=code, field=field)


async def test_a_stored_empty_list_equals_none_given(api: Api) -> None:
    first = await bulk(api, [row("empty-1"), row("empty-2", addresses=[])])
    assert first["created"] == 2
    await api.graph.write_query(  # as written before empty lists were left out
        "MATCH (c:Customer) WHERE c.id IN $ids SET c.emails = [], c.phones = [], c.emailText = ''",
        {"ids": first["customerIds"]},
    )
    # Properties only (merged in one statement), then a row with addresses (checked first).
    again = await bulk(api, [row("empty-1")])
    assert (again["updated"], again["unchanged"]) == (0, 1)
    again = await bulk(api, [row("empty-1"), row("empty-2", addresses=[])])
    assert (again["updated"], again["unchanged"]) == (0, 2)


async def test_the_driver_debug_log_holds_no_row_data(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        result = await bulk(api, [row("secret-1", emails=["hidden@example.com"]), row("secret-2")])
    assert result["created"] == 2
    runs = [r.getMessage() for r in caplog.records if "C: RUN" in r.getMessage()]
    assert any("<2 items>" in message for message in runs)  # the rows, named by their count
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "hidden@example.com" not in logged
    assert "secret-1" not in logged

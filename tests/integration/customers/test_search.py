"""`searchCustomers` in the languages of our users, end to end: every write path stores the
folded search text, the migration folds what was stored before, and no search text, however
long or odd, reaches Lucene as something it cannot run."""

from __future__ import annotations

import asyncio
import random
import shutil
import time
import uuid
from pathlib import Path

import httpx

from cdp.customers.reads import MAX_SEARCH_CHARACTERS, MAX_SEARCH_TERMS
from cdp.store.graph import Graph
from cdp.store.migrations import DEFAULT_DIRECTORY, MigrationRunner
from tests.support.api import Json, data, post

SEARCH = """
query ($text: String!) { searchCustomers(text: $text) { score customer { id name } } }
"""
CREATE = "mutation($input: CustomerInput!) { createCustomer(input: $input) { id } }"
UPDATE = """
mutation($id: ID!, $input: CustomerPatch!) { updateCustomer(id: $id, input: $input) { id } }
"""
UPSERT = """
mutation($key: ExternalIdInput!, $input: CustomerInput!) {
  upsertCustomer(externalId: $key, input: $input) { customer { id } created }
}"""
UPSERT_MANY = """
mutation($rows: [CustomerUpsertRow!]!) { upsertCustomers(rows: $rows) { customerIds } }
"""


async def found(client: httpx.AsyncClient, text: str, *, expect: set[str]) -> set[str]:
    """The ids `text` finds, asked again for up to five seconds until they are `expect` (the
    full-text index is updated eventually)."""
    deadline = time.monotonic() + 5
    while True:
        hits = (await data(client, SEARCH, {"text": text}))["searchCustomers"]
        ids = {hit["customer"]["id"] for hit in hits}
        if ids == expect or time.monotonic() > deadline:
            return ids
        await asyncio.sleep(0.2)


async def create(client: httpx.AsyncClient, name: str, *emails: str) -> str:
    created = await data(client, CREATE, {"input": {"name": name, "emails": list(emails)}})
    return str(created["createCustomer"]["id"])


# --- the seeds' languages ----------------------------------------------------------------------


async def test_latvian_names_are_found_without_diacritics_and_in_capitals(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    janis = await create(client, "Jānis Bērziņš", "janis@pasts.example")
    liga = await create(client, "Līga Ozoliņa")
    await create(client, "Janet Berg")
    assert await found(client, "Berzins", expect={janis}) == {janis}
    assert await found(client, "JANIS", expect={janis}) == {janis}
    assert await found(client, "bērziņš", expect={janis}) == {janis}
    assert await found(client, "ozolin", expect={liga}) == {liga}  # a prefix, folded
    assert await found(client, "LĪGA OZOLIŅA", expect={liga}) == {liga}
    hits = (await data(client, SEARCH, {"text": "berzins"}))["searchCustomers"]
    assert [hit["customer"]["name"] for hit in hits] == ["Jānis Bērziņš"]  # shown as given


async def test_hebrew_names_are_found_without_points(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    shalom = await create(client, "שָׁלוֹם כֹּהֵן")
    levi = await create(client, "דָּוִד לֵוִי")
    assert await found(client, "כהן", expect={shalom}) == {shalom}
    assert await found(client, "שלום כהן", expect={shalom}) == {shalom}
    assert await found(client, "כֹּהֵן", expect={shalom}) == {shalom}
    assert await found(client, "לו", expect={levi}) == {levi}  # a prefix
    assert await found(client, "כהנא", expect=set()) == set()


# --- every write keeps the search text current ------------------------------------------------


async def test_updates_of_name_and_emails_move_the_search_text(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    ada = await create(client, "Jānis Bērziņš", "old@pasts.example")
    assert await found(client, "berzins", expect={ada}) == {ada}
    await data(client, UPDATE, {"id": ada, "input": {"name": "Pēteris Kalniņš"}})
    assert await found(client, "kalnins", expect={ada}) == {ada}
    assert await found(client, "berzins", expect=set()) == set()
    assert await found(client, "old@pasts.example", expect={ada}) == {ada}  # emails untouched
    await data(client, UPDATE, {"id": ada, "input": {"emails": ["Pēteris@Jauns.example"]}})
    assert await found(client, "peteris@jauns.example", expect={ada}) == {ada}
    assert await found(client, "old", expect=set()) == set()
    assert await found(client, "kalnins", expect={ada}) == {ada}  # the name untouched


async def test_upserts_one_and_many_store_the_search_text(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    one = await data(
        client, UPSERT, {"key": {"system": "shop", "value": "1"}, "input": {"name": "Ērika Liepa"}}
    )
    erika = one["upsertCustomer"]["customer"]["id"]
    assert await found(client, "erika", expect={erika}) == {erika}

    def rows(names: list[str], **extra: object) -> list[Json]:
        return [
            {"externalId": {"system": "shop", "value": f"b{i}"}, "customer": {"name": n, **extra}}
            for i, n in enumerate(names)
        ]

    # Properties and a key only (the merge of many rows), then with more (the checked path).
    plain = await data(client, UPSERT_MANY, {"rows": rows(["Māris Vītols", "רָחֵל"])})
    maris, rachel = plain["upsertCustomers"]["customerIds"]
    assert await found(client, "maris vitols", expect={maris}) == {maris}
    assert await found(client, "רחל", expect={rachel}) == {rachel}
    checked = await data(client, UPSERT_MANY, {"rows": rows(["Dāvids Šmits", "רָחֵל"], addresses=[])})
    assert checked["upsertCustomers"]["customerIds"] == [maris, rachel]
    assert await found(client, "smits", expect={maris}) == {maris}
    assert await found(client, "vitols", expect=set()) == set()


# --- the migration folds what was stored before -----------------------------------------------

_OLD_CUSTOMER = """
UNWIND $rows AS row
CREATE (:Customer {id: row.id, kind: 'PERSON', name: row.name, emails: row.emails,
                   emailText: row.emailText, createdAt: datetime(), revenueMinor: 0})
"""


async def test_the_migration_folds_the_text_of_existing_customers(
    client: httpx.AsyncClient, graph: Graph, tmp_path: Path
) -> None:
    """Customers written before V0008 have no `nameText` and an unfolded `emailText`: the
    migration's data step stores both, and search finds them."""
    rows = [
        {"id": f"cus_{uuid.uuid4().hex}", "name": name, "emails": emails, "emailText": text}
        for name, emails, text in (
            ("Jānis Bērziņš", ["jānis@pasts.example"], "jānis@pasts.example"),
            ("שָׁלוֹם כֹּהֵן", None, None),
        )
    ]
    await graph.write_query(_OLD_CUSTOMER, {"rows": rows})
    janis, shalom = (str(row["id"]) for row in rows)
    assert await found(client, "berzins", expect=set()) == set()
    for step in DEFAULT_DIRECTORY.glob("V0008__*"):
        shutil.copy(step, tmp_path / step.name)
    runner = MigrationRunner(graph.driver, graph.database, tmp_path, chain=f"t-{uuid.uuid4()}")
    assert [m.version for m in await runner.migrate()] == [8]
    stored = await graph.read(
        "MATCH (c:Customer) RETURN c.id AS id, c.nameText AS name, c.emailText AS emails"
    )
    assert {row["id"]: (row["name"], row["emails"]) for row in stored} == {
        janis: ("janis berzins", "janis@pasts.example"),
        shalom: ("שלום כהן", None),
    }
    assert await found(client, "Berzins", expect={janis}) == {janis}
    assert await found(client, "janis@pasts", expect={janis}) == {janis}
    assert await found(client, "כהן", expect={shalom}) == {shalom}


# --- bounds and odd text -----------------------------------------------------------------------


async def search_error(client: httpx.AsyncClient, text: str) -> Json:
    body = await post(client, SEARCH, {"text": text})
    assert body.get("data") is None, body
    [error] = body["errors"]
    extensions: Json = error["extensions"]
    assert text[:50] not in error["message"]
    return extensions


async def test_a_search_has_a_bounded_number_of_words(client: httpx.AsyncClient) -> None:
    many = " ".join(f"w{i}" for i in range(600))
    assert await search_error(client, many) == {
        "code": "LIST_TOO_LONG",
        "field": "text",
        "limit": MAX_SEARCH_TERMS,
    }
    # Words joined by punctuation are as many terms for Lucene.
    assert (await search_error(client, "-".join("ab" for _ in range(40))))["code"] == (
        "LIST_TOO_LONG"
    )
    words = " ".join(f"w{i}" for i in range(MAX_SEARCH_TERMS))
    assert (await data(client, SEARCH, {"text": words}))["searchCustomers"] == []


async def test_a_search_has_a_bounded_length(client: httpx.AsyncClient) -> None:
    assert await search_error(client, "a" * 10_001) == {
        "code": "TEXT_TOO_LONG",
        "field": "text",
        "limit": MAX_SEARCH_CHARACTERS,
    }
    # Folding can lengthen a text (one ligature, four letters): the bound holds after it too.
    assert (await search_error(client, "\ufdfa" * 20))["code"] == "TEXT_TOO_LONG"
    longest = "a" * MAX_SEARCH_CHARACTERS
    assert (await data(client, SEARCH, {"text": longest}))["searchCustomers"] == []


ODD = [
    *'+-&|!(){}[]^"~*?:\\/',
    "a+b",
    "a-b",
    "-a",
    "+a",
    "!a",
    "a!",
    "a^2",
    "a~2",
    "a~",
    "ab*c",
    "*a",
    "?a",
    "a\\",
    "\\a",
    '"a',
    'a"',
    '"unterminated phrase',
    "a:b",
    "name:ada",
    "/regex/",
    "/a",
    "a && b",
    "a || b",
    "AND",
    "OR",
    "NOT",
    "a AND",
    "OR b",
    "NOT a",
    "(a",
    "a)",
    "{a TO b}",
    "[a TO b]",
    "a b c d e f g h",
    "\uff0a\uff0b\uff08\uff09\uff1a",  # full-width * + ( ) :
    "צה״ל",
    "\u05e6\u05f3",  # with a geresh
    "ad\u0000a",
    "\u200b",
    "a\u0301",
    "\U0001d51e\U0001d521\U0001d51e",  # mathematical letters
    "東京都",
    "東" * MAX_SEARCH_CHARACTERS,
    "a_" * 16,
    "Ada.Lovelace@example.com",
]


async def test_no_search_text_reaches_lucene_as_an_error(
    client: httpx.AsyncClient, graph: Graph
) -> None:
    ada = await create(client, "Ada Lovelace", "ada@example.com")
    assert await found(client, "ada", expect={ada}) == {ada}
    alphabet = 'aAdāכ+-&|!(){}[]^"~*?:\\/ _.@'
    rng = random.Random(17)  # noqa: S311 (a repeatable sample, no secret)
    texts = [*ODD, *("".join(rng.choices(alphabet, k=rng.randint(1, 40))) for _ in range(150))]
    problems = []
    for text in texts:
        body = await post(client, SEARCH, {"text": text})
        codes = {error["extensions"].get("code") for error in body.get("errors") or []}
        if not codes <= {"BAD_USER_INPUT", "LIST_TOO_LONG"}:
            problems.append((text, body))
    assert not problems, problems
    assert await found(client, "ada+", expect={ada}) == {ada}
    assert await found(client, '"ada"', expect={ada}) == {ada}

"""A bulk upsert answers exactly alike with the speed pieces (rows decoded ahead by msgspec,
not converted by Strawberry) and on the libraries' own paths, for valid rows and for each way
rows can be refused."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.api import Json, post

BULK = (
    "mutation($rows: [CustomerUpsertRow!]!) "
    "{ upsertCustomers(rows: $rows) { created updated unchanged } }"
)


def _row(value: str, **customer: Any) -> dict[str, Any]:
    return {
        "externalId": {"system": "shop", "value": value},
        "customer": {"name": value, **customer},
    }


@pytest.mark.parametrize(
    "rows",
    [
        [_row("a"), _row("b", lifecycleStage="CUSTOMER", emails=["b@example.com"])],
        _row("lone"),  # a single row where a list is expected
        [_row("c", lifecycleStage="NOBODY")],
        [_row("d", acquisition={"sourceId": 7})],
        [{"customer": {"name": "no key"}}],
        [_row("e", createdAt="yesterday")],
        [_row("f", unknown=1)],
    ],
    ids=["valid", "lone", "enum", "int-id", "missing", "date", "unknown"],
)
async def test_the_app_answers_as_the_libraries_do(
    both_ways: tuple[httpx.AsyncClient, httpx.AsyncClient], rows: Any
) -> None:
    fast, library = both_ways
    answer = await post(fast, BULK, {"rows": rows})
    assert await post(library, BULK, {"rows": rows}) == {
        **answer,
        **({"data": {"upsertCustomers": _unchanged(answer)}} if _wrote(answer) else {}),
    }


def _wrote(answer: Json) -> bool:
    return bool((answer.get("data") or {}).get("upsertCustomers"))


def _unchanged(answer: Json) -> Json:
    """What the same rows sent again answer: every row found, none changed."""
    counts = answer["data"]["upsertCustomers"]
    rows = counts["created"] + counts["updated"] + counts["unchanged"]
    return {"created": 0, "updated": 0, "unchanged": rows}

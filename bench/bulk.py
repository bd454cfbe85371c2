"""Bulk upsert requests: the same customers, shaped for RAW's route and for OURS's mutation.

Request k of size n covers external ids [k*n/2, k*n/2 + n): its first half was created by
request k-1 and is now renamed (a real update), its second half is new (a create). Each
contender writes under its own external-id system, so neither sees the other's rows.
"""

from __future__ import annotations

import json
from typing import LiteralString, NamedTuple

from cdp.customers.search_text import email_text, name_text

SYSTEM = "bench-bulk"
SIZES = (100, 1_000, 10_000)

_MUTATION = (
    "mutation Bulk($rows: [CustomerUpsertRow!]!) "
    "{ upsertCustomers(rows: $rows) { created updated unchanged } }"
)

CLEAN_UP: LiteralString = """
MATCH (x:ExternalId) WHERE x.system STARTS WITH 'bench-bulk'
OPTIONAL MATCH (x)<-[:IDENTIFIED_BY]-(c:Customer)
CALL (x, c) {
  FOREACH (entry IN COLLECT { MATCH (c)-[:HAD_STAGE]->(h:LifecycleChange) RETURN h } |
    DETACH DELETE entry)
  DETACH DELETE x, c
} IN TRANSACTIONS OF 5000 ROWS
"""


class _Customer(NamedTuple):
    value: str  # its external id's value
    props: dict[str, object]  # the customer as the mutation's input names it
    search_text: dict[str, str | None]  # what the platform stores for its search


def _customer(contender: str, size: int, request: int, i: int) -> _Customer:
    value = f"{contender.lower()}-{size}-{i}"
    name, emails = f"Bulk {value} r{request}", [f"{value}@bulk.example"]
    props: dict[str, object] = {
        "name": name,
        "emails": emails,
        "lifecycleStage": "LEAD",
        "kind": "PERSON",
    }
    # RAW's rows bring it too: the full-text index reads these properties, not name and emails.
    return _Customer(value, props, {"nameText": name_text(name), "emailText": email_text(emails)})


def bodies(contender: str, size: int, first: int, requests: int) -> list[str]:
    half = size // 2
    out = []
    for k in range(first, first + requests):
        rows = [_customer(contender, size, k, i) for i in range(k * half, k * half + size)]
        if contender == "RAW":
            raw_rows = [
                {
                    "system": SYSTEM,
                    "value": value,
                    "id": f"cus_bulk{value.replace('-', '')}",
                    "props": {**props, **search_text},
                }
                for value, props, search_text in rows
            ]
            out.append(json.dumps({"rows": raw_rows}))
        else:
            gql_rows = [
                {"externalId": {"system": SYSTEM, "value": value}, "customer": props}
                for value, props, _ in rows
            ]
            out.append(json.dumps({"query": _MUTATION, "variables": {"rows": gql_rows}}))
    return out

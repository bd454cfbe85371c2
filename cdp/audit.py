"""The audit log: who (key, role) did or read what (operation, customers, fields), and when.

Every mutation served to a client leaves exactly one record, written in its own transaction
(so a mutation that fails leaves none, and none is lost for one that succeeds). Every read that
returns unmasked personal data leaves one too, written right after it. Records are never
changed or deleted through the API; erasing a customer keeps the records that name its id.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, LiteralString

from cdp.graph import Graph
from cdp.policy import current_policy

_RECORD: LiteralString = """
CREATE (:AuditRecord {id: $id, at: datetime(), keyId: $keyId, role: $role,
                      operation: $operation, kind: $kind, customerIds: $customerIds,
                      fields: $fields})
"""


@dataclass
class Audited:
    """What the operation being served has touched so far."""

    operation: str
    customers: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)


_CURRENT: ContextVar[Audited | None] = ContextVar("audited", default=None)


def begin(operation: str) -> None:
    """Start auditing a root field (each root field is one operation of the log)."""
    _CURRENT.set(Audited(operation))


def note_customers(ids: Iterable[str | None]) -> None:
    audited = _CURRENT.get()
    if audited is not None:
        audited.customers.update(i for i in ids if i)


def note_fields(names: Iterable[str]) -> None:
    audited = _CURRENT.get()
    if audited is not None:
        audited.fields.update(names)


def params(kind: str) -> dict[str, Any] | None:
    """The parameters of the record for the operation being served, None outside requests."""
    audited = _CURRENT.get()
    viewer = current_policy().viewer
    if audited is None or viewer.key_id == "system":
        return None
    return {
        "id": f"aud_{secrets.token_hex(16)}",
        "keyId": viewer.key_id,
        "role": viewer.role.value,
        "operation": audited.operation,
        "kind": kind,
        "customerIds": sorted(audited.customers),
        "fields": sorted(audited.fields),
    }


RECORD = _RECORD


async def record_read(graph: Graph, rows: Any) -> None:
    """After a read: one record if it returned unmasked personal data."""
    audited = _CURRENT.get()
    if audited is None or not audited.fields:
        return
    note_customers(_audit_ids(rows))
    record = params("READ")
    if record is not None and audited.customers:
        await graph.write_query(_RECORD, record)


def _audit_ids(value: Any) -> Iterable[str]:
    """The ids the compiled query tagged (`__audit`) in a result, at any depth."""
    if isinstance(value, dict):
        if "__audit" in value:
            yield value["__audit"]
        for item in value.values():
            yield from _audit_ids(item)
    elif isinstance(value, list):
        for item in value:
            yield from _audit_ids(item)


_LOG: LiteralString = """
MATCH (r:AuditRecord)
WHERE ($customerId IS NULL OR $customerId IN r.customerIds)
  AND ($keyId IS NULL OR r.keyId = $keyId)
RETURN r {.id, .at, .keyId, .role, .operation, .kind, .customerIds, .fields} AS record
ORDER BY r.at DESC, r.id DESC
LIMIT $first
"""


async def log(
    graph: Graph, *, customer_id: str | None, key_id: str | None, first: int
) -> list[dict[str, Any]]:
    rows = await graph.read(_LOG, {"customerId": customer_id, "keyId": key_id, "first": first})
    return [row["record"] for row in rows]

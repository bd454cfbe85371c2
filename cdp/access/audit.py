"""The audit log: who (key, role) did or read what (operation, customers, fields), and when.

`by` names who acted (`Viewer.actor`): the employee the key names, or else the key itself.
Records written before keys named employees have no `by`; they read as null.

Every mutation served to a client leaves exactly one record, written in its own transaction
(so a mutation that fails leaves none, and none is lost for one that succeeds): by a statement
of its own at the end (`cdp.writes.transaction`), or by the last statement of a bulk write.
Every read that returns unmasked personal data leaves one too, written behind the response in
batches (`ReadAudits`) so that a read costs its client no second round trip. Records are never
changed or deleted through the API; erasing a customer keeps the records that name its id.

Each root field of a request is one operation of the log, with an `Audited` of its own that the
code serving it is handed (`cdp.request.Operation`) and notes what it touched on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, LiteralString
from weakref import WeakKeyDictionary

from cdp.access.viewer import Viewer
from cdp.store.graph import Graph, Many

_logger = logging.getLogger(__name__)

# A record from `$audit` (the parameters `params` gives) naming the customers `customerIds`.
_CREATE: LiteralString = """
CREATE (:AuditRecord {id: $audit.id, at: datetime(), keyId: $audit.keyId, by: $audit.by,
                      role: $audit.role, operation: $audit.operation, kind: $audit.kind,
                      customerIds: customerIds, fields: $audit.fields})
"""


@dataclass
class Audited:
    """What one operation (a root field) has touched so far, and who asked. The platform's own
    work (the system viewer) leaves no record."""

    operation: str
    viewer: Viewer
    customers: set[str] = field(default_factory=set)
    fields: set[str] = field(default_factory=set)

    def note_customers(self, ids: Iterable[str | None]) -> None:
        self.customers.update(i for i in ids if i)

    def note_fields(self, names: Iterable[str]) -> None:
        self.fields.update(names)

    def params(self, kind: str, customers: Iterable[str] = ()) -> dict[str, Any] | None:
        """The parameters of the record (naming the customers noted and `customers`), None for
        the platform's own work."""
        if self.viewer.key_id == "system":
            return None
        return {
            "id": f"aud_{secrets.token_hex(16)}",
            "keyId": self.viewer.key_id,
            "by": self.viewer.actor,
            "role": self.viewer.role.value,
            "operation": self.operation,
            "kind": kind,
            "customerIds": Many(sorted(self.customers.union(customers))),
            "fields": sorted(self.fields),
        }

    async def record_read(self, graph: Graph, rows: Any) -> None:
        """After a read: one record if it returned unmasked personal data."""
        if not self.fields:
            return
        self.note_customers(_audit_ids(rows))
        record = self.params("READ")
        if record is not None and self.customers:
            reads(graph).add({**record, "at": datetime.now(UTC)})


# The record as a statement of its own.
RECORD: LiteralString = "WITH $audit.customerIds AS customerIds" + _CREATE

# The record left by the last statement of a bulk write, saving the statement of its own:
# `written` is the list of the customers the statement wrote, added to those in `$audit`.
RECORD_OF_WRITTEN: LiteralString = (
    """
CALL (written) {
  UNWIND $audit.customerIds + written AS customerId
  WITH DISTINCT customerId ORDER BY customerId
  WITH collect(customerId) AS customerIds"""
    + _CREATE
    + "}\n"
)


READ_RECORDS: LiteralString = """
UNWIND $records AS record
CREATE (:AuditRecord {id: record.id, at: record.at, keyId: record.keyId, by: record.by,
                      role: record.role, operation: record.operation, kind: record.kind,
                      customerIds: record.customerIds, fields: record.fields})
"""


class ReadAudits:
    """The records of reads of personal data, written behind the responses in batches.

    A batch is written every `interval` seconds, as soon as `batch` records wait, and when the
    app stops. If Neo4j is away the records wait for the next attempt (at most `keep` of
    them). The trade: a crash of the process loses at most the last interval's read records,
    never a mutation's.
    """

    def __init__(
        self, graph: Graph, *, interval: float = 0.5, batch: int = 500, keep: int = 100_000
    ) -> None:
        self.graph = graph
        self.interval = interval
        self.batch = batch
        self.keep = keep
        self._pending: list[dict[str, Any]] = []
        self._full = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self._writing = asyncio.Lock()

    def add(self, record: dict[str, Any]) -> None:
        self._pending.append(record)
        if len(self._pending) > self.keep:
            del self._pending[: len(self._pending) - self.keep]
            _logger.warning("audit records of reads dropped: Neo4j has not taken them")
        if len(self._pending) >= self.batch:
            self._full.set()
        if not self._closing and (self._task is None or self._task.done()):
            self._task = asyncio.create_task(self._flush_periodically())

    async def flush(self) -> None:
        """Write what waits; returns once it is written (after a write already under way)."""
        async with self._writing:
            records, self._pending = self._pending, []
            self._full.clear()
            if not records:
                return
            try:
                await self.graph.write_query(READ_RECORDS, {"records": records})
            except Exception:  # the next attempt retries: a read must not fail on its record
                _logger.warning("audit records of reads not written yet; retrying", exc_info=True)
                self._pending[:0] = records

    async def close(self) -> None:
        """Write what waits. The writer is woken, not cancelled: a write cancelled halfway
        would leave its connection to the garbage collector."""
        self._closing = True
        self._full.set()
        if self._task is not None:
            await self._task
            self._task = None
        await self.flush()

    async def _flush_periodically(self) -> None:
        while self._pending and not self._closing:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._full.wait(), timeout=self.interval)
            await self.flush()


_READS: WeakKeyDictionary[Graph, ReadAudits] = WeakKeyDictionary()


def reads(graph: Graph) -> ReadAudits:
    """The read records waiting to be written to `graph`."""
    if graph not in _READS:
        _READS[graph] = ReadAudits(graph)
    return _READS[graph]


async def flush_reads() -> None:
    """Write every waiting read record now (each graph's batch in one transaction)."""
    for waiting in list(_READS.values()):
        await waiting.flush()


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
RETURN r {.id, .at, .keyId, .by, .role, .operation, .kind, .customerIds, .fields} AS record
ORDER BY r.at DESC, r.id DESC
LIMIT $first
"""


async def log(
    graph: Graph, *, customer_id: str | None, key_id: str | None, first: int
) -> list[dict[str, Any]]:
    rows = await graph.read(_LOG, {"customerId": customer_id, "keyId": key_id, "first": first})
    return [row["record"] for row in rows]

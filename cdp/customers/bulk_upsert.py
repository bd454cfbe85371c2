"""Upserting many customers by external id: one transaction.

Each row is read and validated as `upsertCustomer` reads its input. The check query first locks
every row's external ids (a partner's only in systems it owns), then looks at every row at once
(who holds its external id, whether that customer may be written, whether the source, referrer
and owner it names exist, whether its other external ids are free); the first row with a
problem refuses the whole request. The write query creates the new customers
and applies every row that would change its stored customer (compared in Cypher), with the
same `APPLY` as a single customer write.

Most loads name only properties and the key (a partner sync, a CRM export). When every row does
and the viewer may write every customer, nothing can be refused in the database: one statement
per chunk of rows merges the keys, creates (each row brings an id, kept if it is new) or
updates, and says each row's customer and how many changed, the way a hand-written
`UNWIND ... MERGE` would (each key locked before its holder is read); each chunk is prepared
while the database writes the one before, and the last one leaves the audit record too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from neo4j import AsyncResult

from cdp.access import audit
from cdp.compiler.cypher import seen_by_viewer
from cdp.compiler.projection import Registry
from cdp.customers.writes import (
    DIFFERS,
    LOCK_EXTERNAL_IDS,
    RECORD_STAGE,
    CustomerChange,
    apply_cypher,
    change_values,
    lock_order,
    props_differ,
    read_upsert,
    refuse_foreign_system,
    system_fields,
)
from cdp.errors import BadUserInput, BulkLimitExceeded, CdpError, Conflict, Forbidden, NotFound
from cdp.request import Operation
from cdp.store.graph import Many, release
from cdp.writes import Tx, one, transaction

# One result row for all rows: the systems named that are not the partner's own, who holds each
# row's key, and each row's first problem, in the order `_check` of a single customer write finds
# them. First, as a single write does, every external id of every row is merged and write-locked
# in one sorted order (`lock_order`), so that what is read next cannot change before the write.
# A row's customer and referrer count only if the viewer may see them (`seen_by_viewer`; null,
# as for a customer without any sharing consent, is not visible either).
_CHECK_ROWS = (
    LOCK_EXTERNAL_IDS
    + """UNWIND $rows AS row
OPTIONAL MATCH (c:Customer)-[:IDENTIFIED_BY]->(:ExternalId {system: row.system, value: row.value})
WITH foreignSystems, row, c, CASE
  WHEN c IS NOT NULL AND NOT coalesce("""
    + seen_by_viewer("c")
    + """, false) THEN ['hidden']
  WHEN row.sourceId IS NOT NULL AND NOT EXISTS { (:AcquisitionSource {id: row.sourceId}) }
    THEN ['source']
  WHEN row.referrerId IS NOT NULL AND NOT EXISTS { (:Customer {id: row.referrerId}) }
    THEN ['referrer']
  WHEN row.referrerId IS NOT NULL AND row.referrerId = c.id THEN ['selfReferral']
  WHEN row.referrerId IS NOT NULL
       AND NOT EXISTS { MATCH (r:Customer {id: row.referrerId}) WHERE """
    + seen_by_viewer("r")
    + """ }
    THEN ['referrer']
  WHEN row.ownerId IS NOT NULL AND NOT EXISTS { (:Employee {id: row.ownerId}) } THEN ['owner']
  ELSE [x IN row.externalIds WHERE EXISTS {
          MATCH (other:Customer)-[:IDENTIFIED_BY]->(:ExternalId {system: x.system,
                                                                 value: x.value})
          WHERE c IS NULL OR other <> c } | ['taken', x.index]][0]
END AS problem
WITH foreignSystems, row, c, CASE
  WHEN problem IS NULL AND c IS NOT NULL AND row.ownerId IS NOT NULL AND EXISTS {
         MATCH (c)<-[o:OWNS]-(e:Employee)
         WHERE o.until IS NULL AND e.id <> row.ownerId AND o.since > datetime() }
    THEN ['ownerNotStarted']
  ELSE problem
END AS problem
RETURN head(collect(foreignSystems)) AS foreignSystems,
       collect(CASE WHEN c IS NOT NULL THEN [row.index, c.id] END) AS existing,
       collect(CASE WHEN problem IS NOT NULL THEN [row.index] + problem END) AS problems
"""
)

# New customers are created; existing ones are written only when the row would change them.
# Between the head and the tail (`_write_rows`): the parts of `apply_cypher` the rows need, and
# `_BROUGHT` for a partner.
_WRITE_ROWS_HEAD = (
    """
UNWIND $rows AS change
OPTIONAL MATCH (c:Customer {id: change.existingId})
WITH change, c WHERE change.existingId IS NULL OR (c IS NOT NULL AND """
    + DIFFERS
    + """)
OPTIONAL CALL (change) {
  WITH * WHERE change.existingId IS NULL
  CREATE (new:Customer {id: change.id, createdAt: coalesce(change.createdAt, $now),
                         revenueMinor: 0})
  RETURN new
}
WITH change, coalesce(c, new) AS c
"""
)
_WRITE_ROWS_TAIL = """
RETURN count(change.existingId) AS updated
"""
# Rows of properties and a key only, for a viewer who may write every customer: the key is
# merged, its customer created or (when the row would change it) updated. The rows come as
# columns, one list per value (row i is item i of each): a map per row would repeat every key
# name a thousand times, to be written by the driver and read back by the database, which cost
# more than the rest of what the statement does beyond a hand-written `UNWIND ... MERGE`.
# Rows are taken in `lock_order` of their keys, and each key is write-locked (set to the value it
# has) before its holder is read, as every customer write does: a concurrent write of the same
# key waits, then reads what this one wrote.
# A row's values are taken into variables before anything is written: read after the writes,
# the planner could not tell them from the properties being set and would hold every row back
# until all were written (an Eager). The last statement leaves the audit record too
# (`audit.RECORD_OF_WRITTEN`, between head and tail).
_MERGE_ROWS_HEAD = (
    """
UNWIND $order AS index
WITH index, $props[index] AS props, $createdAts[index] AS createdAt
MERGE (x:ExternalId {system: $systems[index], value: $values[index]})
SET x.system = $systems[index]
WITH x, index, props, createdAt
OPTIONAL MATCH (x)<-[:IDENTIFIED_BY]-(c:Customer)
WITH x, index, props, createdAt, c,
     CASE WHEN c IS NULL THEN $ids[index] ELSE c.id END AS id,
     c IS NOT NULL AND """
    + props_differ("props")
    + """ AS changed
CALL (x, id, props, createdAt, c) {
  WITH * WHERE c IS NULL
  CREATE (new:Customer {id: id, createdAt: coalesce(createdAt, $now), revenueMinor: 0,
                         updatedAt: $now})-[:IDENTIFIED_BY]->(x)
  SET new += props
  // A new customer's first stage is the row's: its entry needs nothing read back.
  FOREACH (stage IN CASE WHEN props.lifecycleStage IS NULL THEN []
                         ELSE [props.lifecycleStage] END |
    CREATE (new)-[:HAD_STAGE]->(:LifecycleChange {stage: stage, position: 0, by: $by,
                                                  at: coalesce(createdAt, $now)}))
}
CALL (props, c, changed) {
  WITH * WHERE changed
  SET c.updatedAt = $now
  WITH c, props, c.lifecycleStage AS stageBefore, $now AS stageAt
  SET c += props
  WITH c, stageBefore, stageAt
"""
    + RECORD_STAGE
    + """}
WITH index, id, c IS NOT NULL AS found, changed ORDER BY index
WITH collect(id) AS written, count(CASE WHEN found THEN 1 END) AS found,
     count(CASE WHEN changed THEN 1 END) AS updated
"""
)
_MERGE_ROWS_TAIL = """
RETURN written, found, updated
"""
_MERGE_ROWS = _MERGE_ROWS_HEAD + _MERGE_ROWS_TAIL
_MERGE_ROWS_RECORDED = _MERGE_ROWS_HEAD + audit.RECORD_OF_WRITTEN + _MERGE_ROWS_TAIL
# Rows per statement of the merge. Large enough that a statement's own cost (a cached plan, a
# round trip's bookkeeping) stays small beside its rows, small enough that the first chunk is
# sent soon and the others are prepared while the database writes.
MERGE_CHUNK = 1000
# What `mark_brought` does, for the new customers of the rows.
_BROUGHT = """
CALL (c, change) {
  WITH * WHERE change.existingId IS NULL
  MATCH (p:Partner {id: $partner})
  CREATE (p)-[:BROUGHT {at: datetime()}]->(c)
}
"""


@dataclass(frozen=True)
class BulkUpserted:
    created: int
    updated: int
    unchanged: int
    customer_ids: list[str]  # in row order


class _Row(NamedTuple):  # thousands per request: a tuple is built fastest
    number: int  # its index in the request
    key: dict[str, str]
    change: CustomerChange

    @property
    def field(self) -> str:
        return f"rows[{self.number}]"


async def upsert_customers(
    op: Operation, rows: list[dict[str, Any]], max_rows: int
) -> BulkUpserted:
    """Create or update the customer known by each row's external id, all or nothing."""
    if len(rows) > max_rows:
        raise BulkLimitExceeded(f"At most {max_rows} rows in one request.", field="rows")
    if _plain(op, rows):
        return await _merge(op, rows)
    read = [_read(op.registry, index, row) for index, row in enumerate(rows)]
    _refuse_duplicates(read, {})
    if op.policy.partner is not None:
        for row in read:
            if row.change.owner_id:
                raise Forbidden(
                    "A partner key may not assign account owners.",
                    field=f"{row.field}.customer.accountOwnerId",
                )

    async def work(tx: Tx) -> BulkUpserted:
        existing = await _check(tx, op, read)
        now = datetime.now(UTC)
        fresh = op.new_ids("Customer", len(read))
        ids = [existing.get(row.number) or fresh[row.number] for row in read]
        written = await one(
            tx,
            _write_query(op, read),
            {
                "rows": Many(
                    _write_values(row, customer_id, existing.get(row.number))
                    for row, customer_id in zip(read, ids, strict=True)
                ),
                "now": now,
                "partner": op.policy.partner,
                "by": op.actor,
            },
        )
        assert written is not None
        op.audited.note_customers(ids)
        updated = int(written["updated"])
        return BulkUpserted(
            created=len(read) - len(existing),
            updated=updated,
            unchanged=len(existing) - updated,
            customer_ids=ids,
        )

    return await transaction(op, work)


def _plain(op: Operation, rows: list[dict[str, Any]]) -> bool:
    """Whether no row can be refused by the database: properties and the key only, written by
    a viewer who may write every customer. (The keys below are those `read_input` turns into
    anything but properties.)"""
    if op.policy.partner is not None:  # a partner sees only some customers
        return False
    return all(
        customer.get("addresses") is None
        and not customer.get("acquisition")
        and not customer.get("account_owner_id")
        and not customer.get("external_ids")
        for customer in (row["customer"] for row in rows)
    )


async def _merge(op: Operation, rows: list[dict[str, Any]]) -> BulkUpserted:
    """The rows merged, MERGE_CHUNK at a time, the last statement leaving the audit record.
    Rows that fit in one statement are one transaction of one round trip, as a hand-written
    `UNWIND ... MERGE` would be."""
    if len(rows) > MERGE_CHUNK:
        return await op.graph.write(lambda tx: _merge_chunks(tx, op, rows))
    merged = _Merged(op, rows)
    params = merged.params(merged.read(0), op.audited.params("MUTATION"))
    written = await op.graph.write_compiled(_merge_query(params), params)
    release(params)
    merged.add(written[0])
    return merged.outcome()


async def _merge_chunks(tx: Tx, op: Operation, rows: list[dict[str, Any]]) -> BulkUpserted:
    """Each chunk is read, validated and sent while the database writes the one before
    (statements of a transaction are pipelined), so most of the reading costs no time. A bad
    row rolls back the chunks sent before it."""
    merged = _Merged(op, rows)
    sent: list[tuple[AsyncResult, dict[str, Any]]] = []

    async def receive() -> None:
        for result, params in sent:  # in the order sent: the ids follow the rows
            merged.add(await result.single(strict=True))
            release(params)
        sent.clear()

    last = (len(rows) - 1) // MERGE_CHUNK * MERGE_CHUNK
    for start in range(0, last, MERGE_CHUNK):
        params = merged.params(merged.read(start), None)
        sent.append((await tx.run(_MERGE_ROWS, params), params))
    # The record names the customers of the chunks before: known once those are written.
    read = merged.read(last)
    await receive()
    params = merged.params(read, op.audited.params("MUTATION", merged.ids))
    sent.append((await tx.run(_merge_query(params), params), params))
    await receive()
    return merged.outcome()


class _Merged:
    """The rows of a merge, read a chunk at a time, and what the statements say of them."""

    def __init__(self, op: Operation, rows: list[dict[str, Any]]) -> None:
        self.op = op
        self.rows = rows
        self.ids: list[str] = []  # the customer of each row written so far
        self.now = datetime.now(UTC)
        self.first: dict[tuple[str, str], int] = {}  # the row of each external id read
        self.found = self.updated = 0

    def read(self, start: int) -> list[_Row]:
        """The MERGE_CHUNK rows from `start`, read and validated."""
        end = min(start + MERGE_CHUNK, len(self.rows))
        read = [_read(self.op.registry, index, self.rows[index]) for index in range(start, end)]
        _refuse_duplicates(read, self.first)
        return read

    def params(self, read: list[_Row], record: dict[str, Any] | None) -> dict[str, Any]:
        """The parameters of the statement merging rows read (a column per value), leaving
        `record` if any."""
        created = [row.change.created_at for row in read]
        keys = [(row.key["system"], row.key["value"]) for row in read]
        return {
            # The rows in the order their keys are locked (`lock_order`).
            "order": Many(sorted(range(len(read)), key=keys.__getitem__)),
            "systems": Many(row.key["system"] for row in read),
            "values": Many(row.key["value"] for row in read),
            # Drawn for every row, kept by the new ones: in increasing order (`cdp.ids`), which
            # Neo4j's randomUUID() could not give.
            "ids": Many(self.op.new_ids("Customer", len(read))),
            "props": Many(row.change.props for row in read),
            # Most loads give no creation times: an empty column reads as null for every row.
            "createdAts": Many(created) if any(created) else [],
            "now": self.now,
            "by": self.op.actor,
            "audit": record,
        }

    def add(self, written: Mapping[str, Any]) -> None:
        """What a statement says of its rows: the customer of each (the row's drawn id for a
        new one), how many were found by their key and how many of those changed."""
        self.ids += written["written"]
        self.found += written["found"]
        self.updated += written["updated"]

    def outcome(self) -> BulkUpserted:
        return BulkUpserted(
            created=len(self.rows) - self.found,
            updated=self.updated,
            unchanged=self.found - self.updated,
            customer_ids=self.ids,
        )


def _merge_query(params: dict[str, Any]) -> str:
    return _MERGE_ROWS if params["audit"] is None else _MERGE_ROWS_RECORDED


def _write_values(row: _Row, customer_id: str, existing_id: str | None) -> dict[str, Any]:
    values = change_values(row.change, customer_id, create=existing_id is None)
    if existing_id is not None:
        # The customer holding the key is linked to it already: only other ids are news.
        others = [x for x in row.change.external_ids if x != row.key]
        values["externalIds"] = others
    return {**values, "existingId": existing_id}


def _write_query(op: Operation, rows: list[_Row]) -> str:
    parts = apply_cypher(
        addresses=any(row.change.addresses is not None for row in rows),
        acquisition=any(row.change.acquisition is not None for row in rows),
        owner=any(row.change.owner_id is not None for row in rows),
    )
    brought = _BROUGHT if op.policy.partner is not None else ""
    return _WRITE_ROWS_HEAD + parts + "\n" + brought + _WRITE_ROWS_TAIL


def _read(registry: Registry, index: int, row: dict[str, Any]) -> _Row:
    try:
        key, change = read_upsert(
            registry, row["external_id"], row["customer"], "externalId", "customer"
        )
    except CdpError as exc:
        exc.within(f"rows[{index}]")
        raise
    return _Row(index, key, change)


def _refuse_duplicates(rows: list[_Row], first: dict[tuple[str, str], int]) -> None:
    """Every external id may appear in one row only (a row's key among its own ids is fine).
    `first` holds the row of each id seen so far, for rows read in parts."""
    for row in rows:
        for external in row.change.external_ids:
            pair = (external["system"], external["value"])
            seen = first.setdefault(pair, row.number)
            if seen != row.number:
                where = "externalId" if external == row.key else "customer.externalIds"
                raise BadUserInput(
                    f"This external id is also in rows[{seen}].",
                    field=f"{row.field}.{where}",
                )


async def _check(tx: Tx, op: Operation, rows: list[_Row]) -> dict[int, str]:
    """Lock every row's external ids; the id of the customer holding each row's key (rows
    absent: new customers)."""
    partner = op.policy.partner
    fields = (
        [
            named
            for row in rows
            for named in system_fields(
                row.change,
                row.key,
                key_field=f"{row.field}.externalId",
                prefix=f"{row.field}.customer",
            )
        ]
        if partner is not None
        else []
    )
    params = [_check_values(row) for row in rows]
    found = await one(
        tx,
        _CHECK_ROWS,
        {
            "rows": Many(params),
            "partner": partner,
            "systems": sorted({system for _, system in fields}),
            "locks": Many(lock_order(x for row in rows for x in row.change.external_ids)),
        },
    )
    assert found is not None
    refuse_foreign_system(found["foreignSystems"] or [], fields)
    if found["problems"]:
        index, problem, *detail = min(found["problems"])
        raise _refusal(rows[index], problem, detail)
    return {index: customer_id for index, customer_id in found["existing"]}


def _check_values(row: _Row) -> dict[str, Any]:
    # The key's holder is the row's customer by definition: only other ids can be taken.
    others = [
        {**x, "index": index} for index, x in enumerate(row.change.external_ids) if x != row.key
    ]
    values = {"index": row.number, **row.key, "externalIds": others}
    if row.change.acquisition is not None:
        values["sourceId"] = row.change.acquisition["sourceId"]
        values["referrerId"] = row.change.acquisition["referrerId"]
    if row.change.owner_id is not None:
        values["ownerId"] = row.change.owner_id
    return values


def _refusal(row: _Row, problem: str, detail: list[Any]) -> CdpError:
    customer = f"{row.field}.customer"
    if problem == "hidden":
        # As the single upsert answers: no id, nothing said of who holds the key.
        return NotFound(
            "No customer you may write has this external id.", field=f"{row.field}.externalId"
        )
    if problem == "source":
        return NotFound(
            "No acquisition source has this id.", field=f"{customer}.acquisition.sourceId"
        )
    if problem == "referrer":
        return NotFound("No customer has this id.", field=f"{customer}.acquisition.referrerId")
    if problem == "selfReferral":
        return Conflict(
            "A customer cannot refer themselves.", field=f"{customer}.acquisition.referrerId"
        )
    if problem == "owner":
        return NotFound("No employee has this id.", field=f"{customer}.accountOwnerId")
    if problem == "taken":
        return Conflict(
            "This external id belongs to another customer.",
            field=f"{customer}.externalIds[{detail[0]}]",
        )
    return Conflict(
        "The current ownership has not started yet: the new one cannot end it.",
        field=f"{customer}.accountOwnerId",
    )

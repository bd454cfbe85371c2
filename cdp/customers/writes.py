"""Writing customers: create, update, upsert by external id, delete, account ownership.

Every function is one transaction: a first query locks the external ids the input names and
checks what the input refers to (and, for an upsert, finds the key's holder and reads its state),
a second writes and projects the result. A failed check raises before anything is written.
One external id (system, value) belongs to at most one customer under any concurrency: the
`ExternalId` node of the pair is uniquely constrained, and every write locks it before it reads
who holds it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cdp import bounds, validation
from cdp.compiler.cypher import node, seen_by_viewer
from cdp.compiler.projection import Registry, project
from cdp.compiler.selection import Selected
from cdp.customers.search_text import email_text, name_text
from cdp.errors import BadUserInput, CdpError, Conflict, Forbidden, NotFound
from cdp.request import Operation
from cdp.writes import Row, Tx, one, transaction

Input = dict[str, Any]
_DEMOGRAPHICS = {
    "birth_date": "birthDate",
    "gender": "gender",
    "occupation": "occupation",
    "income_band": "incomeBand",
    "household_size": "householdSize",
    "industry": "industry",
    "employee_count": "employeeCount",
}
_PREFERENCES = {
    "preferred_channel": "preferredChannel",
    "preferred_language": "preferredLanguage",
    "do_not_contact": "doNotContact",
}
_DEMOGRAPHIC_TEXTS = {
    key: _DEMOGRAPHICS[key] for key in ("gender", "occupation", "income_band", "industry")
}


@dataclass(slots=True)  # thousands per bulk request
class CustomerChange:
    """What an input asks to change; None means leave as it is."""

    props: dict[str, Any] = field(default_factory=dict)
    addresses: list[dict[str, Any]] | None = None
    external_ids: list[dict[str, str]] = field(default_factory=list)
    acquisition: dict[str, Any] | None = None
    owner_id: str | None = None
    created_at: datetime | None = None  # only used when the customer is created

    @property
    def address_fingerprint(self) -> str | None:
        if self.addresses is None:
            return None
        canonical = json.dumps(self.addresses, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def read_input(registry: Registry, data: Input, prefix: str = "input") -> CustomerChange:
    """Validate a CustomerInput or CustomerPatch (absent keys are left alone)."""
    try:
        return _read_input(registry, data)
    except CdpError as exc:
        exc.within(prefix)
        raise


def _read_input(registry: Registry, data: Input) -> CustomerChange:
    # Fields are named within the input; `read_input` adds where it sits to an error only (a
    # bulk load reads thousands of inputs, and would spell every field of each).
    # An empty list or text is stored as no property (every read takes a missing one as empty):
    # a bulk load of customers without phones writes no `phones` on each of them.
    change = CustomerChange()
    props = change.props
    if "name" in data:
        props["name"] = validation.text(data["name"] or "", "name")
        props["nameText"] = name_text(props["name"])  # what search finds (cdp.search_text)
    if (kind := data.get("kind")) is not None:
        props["kind"] = kind
    if (stage := data.get("lifecycle_stage")) is not None:
        props["lifecycleStage"] = stage
    if (key_account := data.get("key_account")) is not None:
        props["keyAccount"] = key_account
    if "emails" in data:
        emails = validation.emails(data["emails"] or (), "emails")
        props["emails"] = emails or None
        props["emailText"] = email_text(emails)
    if "phones" in data:
        phones = data["phones"]  # most customers of a bulk load have none
        props["phones"] = (validation.phones(phones, "phones") or None) if phones else None
    if "interests" in data:
        interests = validation.texts(data["interests"] or (), "interests", limit=bounds.INTERESTS)
        props["interests"] = interests or None
    if "notes" in data:
        props["notes"] = validation.optional_text(data["notes"], "notes")
    if demographics := data.get("demographics"):
        for key, value in demographics.items():
            props[_DEMOGRAPHICS[key]] = value
        validation.labels(demographics, _DEMOGRAPHIC_TEXTS, "demographics")
        validation.birth_date(demographics.get("birth_date"), "demographics.birthDate")
        if props.get("householdSize") is not None and props["householdSize"] < 1:
            validation.positive(props["householdSize"], "demographics.householdSize")
        if props.get("employeeCount") is not None and props["employeeCount"] < 1:
            validation.positive(props["employeeCount"], "demographics.employeeCount")
    if preferences := data.get("preferences"):
        for key, value in preferences.items():
            props[_PREFERENCES[key]] = value
        validation.labels(preferences, {"preferred_language": "preferredLanguage"}, "preferences")
    if (addresses := data.get("addresses")) is not None:
        change.addresses = validation.addresses(addresses, "addresses")
    validation.bounded(data.get("external_ids") or (), bounds.EXTERNAL_IDS, "externalIds")
    for index, external in enumerate(data.get("external_ids") or ()):
        change.external_ids.append(
            {
                "system": validation.text(
                    external["system"], f"externalIds[{index}].system", max_length=100
                ),
                "value": validation.text(external["value"], f"externalIds[{index}].value"),
            }
        )
    acquisition = data.get("acquisition")
    if acquisition:
        change.acquisition = {
            "sourceId": registry.require_id(
                acquisition["source_id"], "AcquisitionSource", "acquisition.sourceId"
            ),
            "at": acquisition.get("at") or datetime.now(UTC),
            "referrerId": (
                registry.require_id(
                    acquisition["referrer_id"], "Customer", "acquisition.referrerId"
                )
                if acquisition.get("referrer_id")
                else None
            ),
        }
    if data.get("created_at") is not None:
        if data["created_at"] > datetime.now(UTC):
            raise BadUserInput("Must not be in the future.", field="createdAt")
        change.created_at = data["created_at"]
    if data.get("account_owner_id"):
        change.owner_id = registry.require_id(
            data["account_owner_id"], "Employee", "accountOwnerId"
        )
    return change


# The first query of every customer write. The external ids the write names are merged (their
# uniqueness constraint makes each node stand for its pair) and write-locked, in the caller's
# sorted order, before anything is read: a concurrent write of the same ids waits here until this
# transaction ends, then reads what it wrote. Setting a property to the value it has takes the
# node's lock and changes nothing, so an upsert that changes nothing writes nothing.
# A partner's ids are locked only once every system they name is the partner's own; otherwise
# the write is refused on the system and nothing of its customers is read out.
# Then: who holds the key (an upsert), whether that customer, the source, referrer and owner the
# input names exist (and may be seen), which other ids are taken, and the customer's state.
# The customer and the referrer count only if the viewer may see them (`seen_by_viewer`; null,
# as for a customer without any sharing consent, is not visible).
LOCK_EXTERNAL_IDS = """
WITH CASE WHEN $partner IS NULL THEN [] ELSE [system IN $systems WHERE NOT EXISTS {
       MATCH (:Partner {id: $partner})-[:OWNS_SYSTEM]->(:ExternalSystem {name: system}) }]
     END AS foreignSystems
CALL (foreignSystems) {
  WITH * WHERE foreignSystems = []
  UNWIND $locks AS lock
  MERGE (x:ExternalId {system: lock.system, value: lock.value})
  SET x.system = lock.system
}
"""
_CHECK = (
    LOCK_EXTERNAL_IDS
    + """WITH foreignSystems, COLLECT {
  MATCH (held:Customer)-[:IDENTIFIED_BY]->(:ExternalId {system: $key.system, value: $key.value})
  RETURN held.id ORDER BY held.createdAt, held.id LIMIT 1 }[0] AS holder
OPTIONAL MATCH (c:Customer {id: coalesce(holder, $customerId)})
OPTIONAL MATCH (s:AcquisitionSource {id: $sourceId})
OPTIONAL MATCH (r:Customer {id: $referrerId}) WHERE """
    + seen_by_viewer("r")
    + """
OPTIONAL MATCH (e:Employee {id: $ownerId})
WITH foreignSystems, c, s, r, e, coalesce(c IS NOT NULL AND """
    + seen_by_viewer("c")
    + """, false) AS visible
RETURN foreignSystems, c.id AS customerId, c IS NOT NULL AS customerFound,
       visible AS customerVisible,
       s IS NOT NULL AS sourceFound, r IS NOT NULL AS referrerFound, e IS NOT NULL AS ownerFound,
       [x IN $externalIds WHERE EXISTS {
           MATCH (other:Customer)-[:IDENTIFIED_BY]->(:ExternalId {system: x.system,
                                                                  value: x.value})
           WHERE c IS NULL OR other <> c } | x.index] AS takenExternalIds,
       CASE WHEN NOT visible THEN null ELSE c {.*,
           externalIds: COLLECT { MATCH (c)-[:IDENTIFIED_BY]->(x:ExternalId)
                                  RETURN {system: x.system, value: x.value} },
           acquisition: head(COLLECT { MATCH (c)-[a:ACQUIRED_VIA]->(src:AcquisitionSource)
                                       RETURN {sourceId: src.id, at: a.at,
                                               referrerId: a.referrerId} }),
           ownerId: head(COLLECT { MATCH (c)<-[o:OWNS]-(emp:Employee) WHERE o.until IS NULL
                                   RETURN emp.id }),
           ownerSince: head(COLLECT { MATCH (c)<-[o:OWNS]-(:Employee) WHERE o.until IS NULL
                                      RETURN o.since })} END AS current
"""
)

# A history entry when customer `c` changed stage, or took its first: `stageBefore` read under
# the customer's write lock, `stageAt` when the stage was taken (a new customer's creation),
# `$by` who acts. A customer stored without a stage records none until it gets one.
RECORD_STAGE = """
CALL (c, stageBefore, stageAt) {
  WITH * WHERE c.lifecycleStage IS NOT NULL
               AND coalesce(stageBefore <> c.lifecycleStage, true)
  WITH c, stageAt, COUNT { (c)-[:HAD_STAGE]->(:LifecycleChange) } AS kept
  CREATE (c)-[:HAD_STAGE]->(:LifecycleChange {stage: c.lifecycleStage, at: stageAt, by: $by,
                                              position: kept})
}
"""

# The write of one change to customer `c`: properties, then each part the change gives (parts
# left out are untouched). Every value is read from `change`, a map of `change_values`: bound
# from one parameter for a single customer, or from each row of an UNWIND for many.
# The stage before the change is read once the customer's write lock is held (the first SET
# takes it), so a concurrent change of stage has committed or waits: each change of stage
# records exactly one history entry (`RECORD_STAGE`).
_PROPERTIES = (
    """
SET c.updatedAt = $now
WITH c, change, c.lifecycleStage AS stageBefore
SET c += change.props
WITH c, change, stageBefore,
     CASE WHEN change.created THEN c.createdAt ELSE $now END AS stageAt
"""
    + RECORD_STAGE
    + """WITH c, change
"""
)
_ADDRESSES = """
CALL (c, change) {
  WITH * WHERE change.addresses IS NOT NULL
  OPTIONAL MATCH (c)-[:HAS_ADDRESS]->(old:Address)
  DETACH DELETE old
}
CALL (c, change) {
  UNWIND coalesce(change.addresses, []) AS address
  CREATE (c)-[:HAS_ADDRESS]->(a:Address)
  SET a = address
}
SET c.addressFingerprint = coalesce(change.addressFingerprint, c.addressFingerprint)
WITH c, change
"""
_EXTERNAL_IDS = """
CALL (c, change) {
  UNWIND change.externalIds AS external
  MERGE (x:ExternalId {system: external.system, value: external.value})
  MERGE (c)-[:IDENTIFIED_BY]->(x)
}
"""
_ACQUISITION = """
CALL (c, change) {
  WITH * WHERE change.acquisition IS NOT NULL
  OPTIONAL MATCH (c)-[old:ACQUIRED_VIA]->(:AcquisitionSource)
  DELETE old
  WITH DISTINCT c, change
  MATCH (s:AcquisitionSource {id: change.acquisition.sourceId})
  CREATE (c)-[:ACQUIRED_VIA {at: change.acquisition.at,
                             referrerId: change.acquisition.referrerId}]->(s)
  WITH c, change
  OPTIONAL MATCH (c)<-[oldReferral:REFERRED]-(:Customer)
  DELETE oldReferral
  WITH DISTINCT c, change
  MATCH (r:Customer {id: change.acquisition.referrerId})
  CREATE (r)-[:REFERRED {at: change.acquisition.at}]->(c)
}
"""
_OWNER = """
CALL (c, change) {
  WITH * WHERE change.ownerId IS NOT NULL
  AND NOT EXISTS { (c)<-[o:OWNS]-(:Employee {id: change.ownerId}) WHERE o.until IS NULL }
  OPTIONAL MATCH (c)<-[current:OWNS]-(:Employee) WHERE current.until IS NULL
  SET current.until = $now
  WITH DISTINCT c, change
  MATCH (e:Employee {id: change.ownerId})
  CREATE (e)-[:OWNS {since: coalesce(change.ownerSince, $now)}]->(c)
}
"""


def apply_cypher(*, addresses: bool = True, acquisition: bool = True, owner: bool = True) -> str:
    """The write of a change; a part no change of the statement gives may be left out (for many
    rows at once, each part costs a pass over all of them)."""
    return "".join(
        (
            _PROPERTIES,
            _ADDRESSES if addresses else "",
            _EXTERNAL_IDS,
            _ACQUISITION if acquisition else "",
            _OWNER if owner else "",
        )
    )


APPLY = apply_cypher()


def props_differ(props: str) -> str:
    """Whether the properties in the map `props` (a Cypher variable or expression of the
    project's own) would alter the stored customer `c`."""
    return f"""any(key IN keys({props})
      WHERE NOT coalesce(c[key] = {props}[key], false)
      AND NOT ((c[key] IS NULL OR c[key] IN [[], ''])
               AND ({props}[key] IS NULL OR {props}[key] IN [[], ''])))"""


# Whether `change` would alter the stored customer `c`: `_differs` in Cypher, for many rows.
DIFFERS = (
    "(\n  "
    + props_differ("change.props")
    + """
  OR coalesce(c.addressFingerprint <> change.addressFingerprint,
              change.addressFingerprint IS NOT NULL)
  OR any(x IN change.externalIds
         WHERE NOT EXISTS { (c)-[:IDENTIFIED_BY]->(:ExternalId {system: x.system,
                                                                 value: x.value}) })
  OR (change.acquisition IS NOT NULL
      AND NOT EXISTS { (c)-[a:ACQUIRED_VIA]->(:AcquisitionSource {id: change.acquisition.sourceId})
                       WHERE coalesce(a.referrerId = change.acquisition.referrerId,
                                      a.referrerId IS NULL
                                      AND change.acquisition.referrerId IS NULL) })
  OR (change.ownerId IS NOT NULL
      AND NOT EXISTS { (c)<-[o:OWNS]-(:Employee {id: change.ownerId}) WHERE o.until IS NULL })
)"""
)


def change_values(change: CustomerChange, customer_id: str, *, create: bool) -> dict[str, Any]:
    """The `change` map APPLY reads: what to write to the customer `customer_id`. Parts the
    change leaves alone are left out (read as null); times default to `$now` in the Cypher."""
    values = {
        "id": customer_id,
        "props": change.props,
        "addresses": change.addresses,
        "addressFingerprint": change.address_fingerprint,
        "externalIds": change.external_ids,
        "acquisition": change.acquisition,
        "ownerId": change.owner_id,
        # A new customer's first owner owns them from the start of the relationship.
        "ownerSince": change.created_at if create else None,
        "createdAt": change.created_at,
        # A new customer's first stage is taken when it is created.
        "created": True if create else None,
    }
    return {key: value for key, value in values.items() if value is not None}


async def create_customer(op: Operation, data: Input, selected: Selected) -> Row:
    change = read_input(op.registry, data)
    customer_id = op.new_id("Customer")

    async def work(tx: Tx) -> Row:
        await _check(tx, op, change, customer_id=customer_id)
        return await _write(tx, op, customer_id, change, selected, create=True)

    return await transaction(op, work)


async def update_customer(op: Operation, customer_id: str, data: Input, selected: Selected) -> Row:
    op.require_id(customer_id, "Customer", "id")
    change = read_input(op.registry, data)

    async def work(tx: Tx) -> Row:
        await _check(tx, op, change, customer_id=customer_id, must_exist=True)
        return await _write(tx, op, customer_id, change, selected, create=False)

    return await transaction(op, work)


def read_upsert(
    registry: Registry,
    external_id: dict[str, str],
    data: Input,
    key_field: str = "externalId",
    prefix: str = "input",
) -> tuple[dict[str, str], CustomerChange]:
    """Validate an upsert's key and input; the key joins the input's external ids."""
    change = read_input(registry, data, prefix)
    try:
        key = {
            "system": validation.text(external_id["system"], "system", max_length=100),
            "value": validation.text(external_id["value"], "value"),
        }
    except CdpError as exc:
        exc.within(key_field)
        raise
    if key not in change.external_ids:
        change.external_ids.append(key)
    return key, change


def system_fields(
    change: CustomerChange,
    key: dict[str, str] | None,
    *,
    key_field: str = "externalId",
    prefix: str = "input",
) -> list[tuple[str, str]]:
    """Each system the write names, with the field that names it (the key's first): where a
    partner writing in another's system is refused."""
    fields = [(f"{key_field}.system", key["system"])] if key is not None else []
    for index, external in enumerate(change.external_ids):
        if external != key:  # the key, appended to the input's ids, is named above
            fields.append((f"{prefix}.externalIds[{index}].system", external["system"]))
    return fields


def lock_order(external_ids: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """External ids to lock, each once, in the one order every write takes them (so that two
    writes locking some of the same ids never wait for each other in a cycle)."""
    pairs = sorted({(x["system"], x["value"]) for x in external_ids})
    return [{"system": system, "value": value} for system, value in pairs]


def refuse_foreign_system(foreign: list[str], fields: list[tuple[str, str]]) -> None:
    """FORBIDDEN on the first field naming a system that is not the partner's own."""
    for field_name, system in fields:
        if system in foreign:
            raise Forbidden(
                "A partner key writes external ids only in the systems assigned to its partner.",
                field=field_name,
            )


@dataclass(frozen=True)
class Upserted:
    customer: Row
    created: bool
    changed: bool


async def upsert_customer(
    op: Operation, external_id: dict[str, str], data: Input, selected: Selected
) -> Upserted:
    """Create or update the customer known by `external_id`; unchanged input writes nothing.
    Concurrent upserts of one key make one customer: the others update it."""
    key, change = read_upsert(op.registry, external_id, data)

    async def work(tx: Tx) -> Upserted:
        customer_id, current = await _check(
            tx, op, change, customer_id=op.new_id("Customer"), key=key
        )
        if current is not None and not _differs(current, change):
            qb = op.query()
            query = (
                f"MATCH {node('c', 'Customer', id=qb.param(customer_id))} "
                f"RETURN {project(qb, 'Customer', 'c', selected)} AS row"
            )
            row = await one(tx, query, qb.params)
            assert row is not None
            return Upserted(row["row"], created=False, changed=False)
        row = await _write(tx, op, customer_id, change, selected, create=current is None)
        return Upserted(row, created=current is None, changed=True)

    return await transaction(op, work)


async def _check(
    tx: Tx,
    op: Operation,
    change: CustomerChange,
    *,
    customer_id: str,
    key: dict[str, str] | None = None,
    must_exist: bool = False,
) -> tuple[str, dict[str, Any] | None]:
    """Lock the write's external ids and check everything the input refers to; the customer
    written (the key's holder, for an upsert) and its current state (None: a new one)."""
    partner = op.policy.partner
    if change.owner_id and partner is not None:
        raise Forbidden(
            "A partner key may not assign account owners.", field="input.accountOwnerId"
        )
    acquisition = change.acquisition or {}
    fields = system_fields(change, key)
    found = await one(
        tx,
        _CHECK,
        {
            "partner": partner,
            "systems": sorted({system for _, system in fields}),
            "locks": lock_order(change.external_ids),
            "key": key,
            "customerId": customer_id,
            "sourceId": acquisition.get("sourceId"),
            "referrerId": acquisition.get("referrerId"),
            "ownerId": change.owner_id,
            # The key's holder is the customer written: only the other ids can be taken.
            "externalIds": [
                {**external, "index": index}
                for index, external in enumerate(change.external_ids)
                if external != key
            ],
        },
    )
    assert found is not None
    refuse_foreign_system(found["foreignSystems"], fields)
    # A customer the viewer may not see reads as one that does not exist, and no message says
    # which customer holds what.
    if must_exist and not found["customerVisible"]:
        raise NotFound("No customer has this id.", field="id")
    if found["customerFound"] and not found["customerVisible"]:
        raise NotFound("No customer you may write has this external id.", field="externalId")
    customer_id = found["customerId"] or customer_id
    if change.acquisition and not found["sourceFound"]:
        raise NotFound("No acquisition source has this id.", field="input.acquisition.sourceId")
    if acquisition.get("referrerId") and not found["referrerFound"]:
        raise NotFound("No customer has this id.", field="input.acquisition.referrerId")
    if acquisition.get("referrerId") == customer_id:
        raise Conflict("A customer cannot refer themselves.", field="input.acquisition.referrerId")
    if change.owner_id and not found["ownerFound"]:
        raise NotFound("No employee has this id.", field="input.accountOwnerId")
    if found["takenExternalIds"]:
        raise Conflict(
            "This external id belongs to another customer.",
            field=f"input.externalIds[{min(found['takenExternalIds'])}]",
        )
    current: dict[str, Any] | None = found["current"]
    if (
        current is not None
        and change.owner_id
        and current["ownerId"] != change.owner_id
        and current["ownerSince"] is not None
        and _native(current["ownerSince"]) > datetime.now(UTC)
    ):
        raise Conflict(
            "The current ownership has not started yet: the new one cannot end it.",
            field="input.accountOwnerId",
        )
    return customer_id, current


# A partner brings the customers it creates (what lets it see them, with their consent).
_BROUGHT = """
WITH c
MATCH (p:Partner {id: $partner})
CREATE (p)-[:BROUGHT {at: datetime()}]->(c)
"""


async def _write(
    tx: Tx,
    op: Operation,
    customer_id: str,
    change: CustomerChange,
    selected: Selected,
    *,
    create: bool,
) -> Row:
    now = datetime.now(UTC)
    qb = op.query()
    op.audited.note_customers([customer_id])
    start = (
        "CREATE (c:Customer {id: change.id, createdAt: coalesce(change.createdAt, $now), "
        "revenueMinor: 0})"
        if create
        else "MATCH (c:Customer {id: change.id})"
    )
    partner = op.policy.partner
    brought = _BROUGHT if create and partner is not None else ""
    body = project(qb, "Customer", "c", selected)
    row = await one(
        tx,
        f"WITH $change AS change\n{start}\n{APPLY}\n{brought}\nRETURN {body} AS row",
        {
            "change": change_values(change, customer_id, create=create),
            "now": now,
            "partner": partner,
            "by": op.actor,
            **qb.params,
        },
    )
    assert row is not None
    return dict(row["row"])


# Stored or given, each means no value (and an empty value is not stored).
_EMPTY: tuple[Any, ...] = (None, [], "")


def _differs(current: dict[str, Any], change: CustomerChange) -> bool:
    """Whether applying `change` would alter the stored customer (for idempotent upserts)."""
    for key, value in change.props.items():
        if _native(current.get(key)) != value and not (
            current.get(key) in _EMPTY and value in _EMPTY
        ):
            return True
    if (
        change.address_fingerprint is not None
        and current.get("addressFingerprint") != change.address_fingerprint
    ):
        return True
    stored_ids = {(x["system"], x["value"]) for x in current["externalIds"]}
    if any((x["system"], x["value"]) not in stored_ids for x in change.external_ids):
        return True
    if change.acquisition is not None:
        stored = current["acquisition"] or {}
        if (
            stored.get("sourceId") != change.acquisition["sourceId"]
            or stored.get("referrerId") != change.acquisition["referrerId"]
        ):
            return True
    return change.owner_id is not None and current["ownerId"] != change.owner_id


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


_DELETE = """
MATCH (c:Customer {id: $customerId})
OPTIONAL MATCH (c)-[:PLACED]->(o:Order)
SET o.formerCustomerId = c.id
WITH c, count(o) AS keptOrders
CALL (c) {
  OPTIONAL MATCH (c)-[:HAD]->(t:Touchpoint)
  DETACH DELETE t
  RETURN count(t) AS deletedTouchpoints
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_CONTACT]->(k:Contact)
  DETACH DELETE k
  RETURN count(k) AS deletedContacts
}
CALL (c) {
  OPTIONAL MATCH (c)-[:HAS_ADDRESS|IDENTIFIED_BY]->(owned:Address|ExternalId)
  DETACH DELETE owned
}
DETACH DELETE c
RETURN keptOrders, deletedTouchpoints, deletedContacts
"""


async def delete_customer(op: Operation, customer_id: str) -> dict[str, int]:
    """Delete a customer with their touchpoints, contacts, addresses and external ids, and
    every relationship (influence, ownership, acquisition, referral). Orders are kept for the
    books, detached, with the id they belonged to in `formerCustomerId`."""
    op.require_id(customer_id, "Customer", "id")

    op.audited.note_customers([customer_id])

    async def work(tx: Tx) -> dict[str, int]:
        row = await one(tx, _DELETE, {"customerId": customer_id})
        if row is None:
            raise NotFound("No customer has this id.", field="id")
        return {key: int(value) for key, value in row.items()}

    return await transaction(op, work)


_ASSIGN = """
MATCH (c:Customer {id: $customerId}), (e:Employee {id: $employeeId})
CALL (c, e) {
  WITH c, e WHERE NOT EXISTS { (c)<-[o:OWNS]-(e) WHERE o.until IS NULL }
  OPTIONAL MATCH (c)<-[current:OWNS]-(:Employee) WHERE current.until IS NULL
  SET current.until = $since
  WITH DISTINCT c, e
  CREATE (e)-[:OWNS {since: $since}]->(c)
  SET c.updatedAt = $now
}
"""


_LOCK_CUSTOMER = "MATCH (c:Customer {id: $c}) SET c.__lock = true REMOVE c.__lock"


async def assign_account_owner(
    op: Operation, customer_id: str, employee_id: str, since: datetime | None, selected: Selected
) -> Row:
    """Make `employee_id` the owner from `since` (default now), closing the current ownership;
    assigning the current owner again changes nothing."""
    op.require_id(customer_id, "Customer", "customerId")
    op.audited.note_customers([customer_id])
    op.require_id(employee_id, "Employee", "employeeId")

    async def work(tx: Tx) -> Row:
        # The customer's write lock first: concurrent assignments queue here, and each reads
        # the ownership the one before it left (otherwise two could both close the same one
        # and leave two current owners). Its time is taken once the lock is held.
        await (await tx.run(_LOCK_CUSTOMER, {"c": customer_id})).consume()
        now = datetime.now(UTC)
        found = await one(
            tx,
            "OPTIONAL MATCH (c:Customer {id: $c}) OPTIONAL MATCH "
            "(e:Employee {id: $e}) RETURN c IS NOT NULL AS c, "
            "e IS NOT NULL AS e, head(COLLECT { MATCH (c)<-[o:OWNS]-(:Employee)"
            " WHERE o.until IS NULL RETURN o.since }) AS since",
            {"c": customer_id, "e": employee_id},
        )
        assert found is not None
        if not found["c"]:
            raise NotFound("No customer has this id.", field="customerId")
        if not found["e"]:
            raise NotFound("No employee has this id.", field="employeeId")
        start = since or now
        if found["since"] is not None and _native(found["since"]) > start:
            raise Conflict("The new ownership cannot start before the current one.", field="since")
        qb = op.query()
        body = project(qb, "Customer", "c", selected)
        row = await one(
            tx,
            f"{_ASSIGN}\nRETURN {body} AS row",
            {
                "customerId": customer_id,
                "employeeId": employee_id,
                "since": start,
                "now": now,
                **qb.params,
            },
        )
        assert row is not None
        return dict(row["row"])

    return await transaction(op, work)

"""Creating and changing campaigns: each one transaction, with its audit record.

A campaign is reached by one acquisition source of kind CAMPAIGN, which stands for it: the
one named when it is created (linked under the source's write lock, so that two campaigns never
share one), or a new one of the campaign's name. Customers acquired through that source are
the campaign's, as are those with a touchpoint naming it. Its kind and source stay as created;
a trade promotion's products and participants are replaced as a whole by an update.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cdp import bounds, business_time, money, validation
from cdp.campaigns.lift import TRADE_PROMOTION
from cdp.compiler.selection import Selected
from cdp.errors import BadUserInput, Conflict, NotFound, ValueOutOfRange
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, transaction

Input = dict[str, Any]
CAMPAIGN_SOURCE = "CAMPAIGN"

# The named source's write lock first: whether another campaign has it is then read as the
# last writer committed it.
_LOCK_SOURCE = """
MATCH (s:AcquisitionSource {id: $sourceId})
SET s.__lock = true
REMOVE s.__lock
RETURN s.kind AS kind, EXISTS { (s)-[:OF_CAMPAIGN]->(:Campaign) } AS taken
"""
_NEW_SOURCE = """
CREATE (s:AcquisitionSource {id: $sourceId, kind: 'CAMPAIGN', name: $name, createdAt: $now})
"""
_CREATE = """
MATCH (s:AcquisitionSource {id: $sourceId})
CREATE (s)-[:OF_CAMPAIGN]->(k:Campaign {id: $id})
SET k += $props
RETURN k.id AS id
"""
# The campaign's write lock: concurrent updates of its lists apply one after the other.
_LOCK = """
MATCH (k:Campaign {id: $id})
SET k.__lock = true
REMOVE k.__lock
RETURN k.kind AS kind, k.currency AS currency
"""
_UPDATE = "MATCH (k:Campaign {id: $id}) SET k += $props"
# Replaces the products (or participants) with those named, and answers the ids not found.
_PRODUCTS = """
MATCH (k:Campaign {id: $id})
OPTIONAL MATCH (k)-[old:PROMOTES]->(:Product)
DELETE old
WITH DISTINCT k
UNWIND $ids AS wanted
OPTIONAL MATCH (p:Product {id: wanted})
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (k)-[:PROMOTES]->(p))
WITH wanted, p WHERE p IS NULL
RETURN collect(wanted) AS missing
"""
_PARTICIPANTS = """
MATCH (k:Campaign {id: $id})
OPTIONAL MATCH (k)<-[old:TAKES_PART_IN]-(:Customer)
DELETE old
WITH DISTINCT k
UNWIND $ids AS wanted
OPTIONAL MATCH (c:Customer {id: wanted})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | CREATE (c)-[:TAKES_PART_IN]->(k))
WITH wanted, c WHERE c IS NULL
RETURN collect(wanted) AS missing
"""


@dataclass(frozen=True)
class _TradeList:
    """A list only a trade promotion has: where the input gives it, what its ids name, its
    bound, and the statement that replaces it."""

    key: str  # in the input, as the resolver gives it
    field: str  # in GraphQL
    label: str
    limit: int
    replace: str


_TRADE_LISTS = (
    _TradeList("product_ids", "productIds", "Product", bounds.CAMPAIGN_PRODUCTS, _PRODUCTS),
    _TradeList(
        "participant_ids", "participantIds", "Customer", bounds.CAMPAIGN_PARTICIPANTS, _PARTICIPANTS
    ),
)


def _period(value: Input, zone: ZoneInfo, field: str) -> dict[str, Any]:
    """The stored period, and the start of the same number of business days before it (what a
    trade promotion's lift compares with)."""
    stored = business_time.stored_period(value, zone, field)
    days = (stored["periodTo"] - stored["periodFrom"]).days + 1
    before = stored["periodFrom"] - timedelta(days=days)
    stored["baselineStartsAt"] = business_time.day_starts(before, zone)
    return stored


def _budget(value: Any, currency: str, field: str) -> int | None:
    if value is None:
        return None
    minor = money.to_minor(value, currency, field, maximum=money.MAX_MINOR)
    if minor < 0:
        raise ValueOutOfRange("Must not be below zero.", field=field, limit=">= 0")
    return minor


def _ids(op: Operation, values: Sequence[str], label: str, limit: int, field: str) -> list[str]:
    """Distinct ids of `label`, at most `limit` (LIST_TOO_LONG), in the order given."""
    validation.bounded(values, limit, field)
    return list(
        dict.fromkeys(op.require_id(v, label, f"{field}[{i}]") for i, v in enumerate(values))
    )


def _props(data: Input, prefix: str, *, currency: str, zone: ZoneInfo) -> dict[str, Any]:
    """What `data` sets of the campaign's own properties."""
    props: dict[str, Any] = {}
    if "name" in data:
        props["name"] = validation.text(data["name"], f"{prefix}.name")
    if "channel" in data:
        props["channel"] = data["channel"]
    if "deal" in data:
        props["deal"] = validation.optional_text(data["deal"], f"{prefix}.deal")
    if "budget" in data:
        props["budgetMinor"] = _budget(data["budget"], currency, f"{prefix}.budget")
    if data.get("period") is not None:
        props.update(_period(data["period"], zone, f"{prefix}.period"))
    return props


def _trade_lists(op: Operation, data: Input, kind: str, prefix: str) -> dict[_TradeList, list[str]]:
    """The products and participants `data` names: only a trade promotion has them."""
    named: dict[_TradeList, list[str]] = {}
    for listed in _TRADE_LISTS:
        values = data.get(listed.key)
        if values is None:
            continue
        field = f"{prefix}.{listed.field}"
        if kind != TRADE_PROMOTION and values:
            raise BadUserInput("Only a trade promotion has products and participants.", field=field)
        named[listed] = _ids(op, values, listed.label, listed.limit, field)
    return named


async def _replace_lists(
    tx: Tx, campaign_id: str, named: dict[_TradeList, list[str]], prefix: str
) -> None:
    for listed, ids in named.items():
        found = await one(tx, listed.replace, {"id": campaign_id, "ids": ids})
        missing = [] if found is None else found["missing"]
        if missing:
            field = f"{prefix}.{listed.field}[{ids.index(missing[0])}]"
            raise NotFound(f"No {listed.label.lower()} has id {missing[0]!r}.", field=field)


async def create_campaign(
    op: Operation, data: Input, selected: Selected, *, currency: str, zone: ZoneInfo
) -> Row:
    """A new campaign and, unless it names one, its acquisition source."""
    currency = money.require_currency(currency, "currency")
    kind = data.get("kind") or "MARKETING"
    now = datetime.now(UTC)
    props = {
        **_props(data, "input", currency=currency, zone=zone),
        "kind": kind,
        "currency": currency,
        "createdAt": now,
        "createdBy": op.actor,
        "updatedAt": now,
    }
    named = _trade_lists(op, data, kind, "input")
    source_id = data.get("acquisition_source_id")
    if source_id is not None:
        op.require_id(source_id, "AcquisitionSource", "input.acquisitionSourceId")
    campaign_id = op.new_id("Campaign")

    async def work(tx: Tx) -> Row:
        source = source_id
        if source is None:
            source = op.new_id("AcquisitionSource")
            params = {"sourceId": source, "name": props["name"], "now": now}
            await (await tx.run(_NEW_SOURCE, params)).consume()
        else:
            await _require_free_source(tx, source)
        await one(tx, _CREATE, {"sourceId": source, "id": campaign_id, "props": props})
        await _replace_lists(tx, campaign_id, named, "input")
        return await project_one(tx, op, "Campaign", campaign_id, selected)

    return await transaction(op, work)


async def _require_free_source(tx: Tx, source_id: str) -> None:
    """The named source exists, is of kind CAMPAIGN and stands for no other campaign."""
    field = "input.acquisitionSourceId"
    found = await one(tx, _LOCK_SOURCE, {"sourceId": source_id})
    if found is None:
        raise NotFound(f"No acquisition source has id {source_id!r}.", field=field)
    if found["kind"] != CAMPAIGN_SOURCE:
        raise BadUserInput("A campaign's acquisition source is of kind CAMPAIGN.", field=field)
    if found["taken"]:
        raise Conflict("This acquisition source stands for another campaign.", field=field)


async def update_campaign(
    op: Operation, campaign_id: str, patch: Input, selected: Selected, *, zone: ZoneInfo
) -> Row:
    """New values for what the patch gives; what it leaves out stays."""
    op.require_id(campaign_id, "Campaign", "id")
    for key in ("name", "period"):
        if key in patch and patch[key] is None:
            raise BadUserInput(f"A campaign keeps a {key}.", field=f"input.{key}")

    async def work(tx: Tx) -> Row:
        stored = await one(tx, _LOCK, {"id": campaign_id})
        if stored is None:
            raise NotFound(f"No campaign has id {campaign_id!r}.", field="id")
        props = _props(patch, "input", currency=stored["currency"], zone=zone)
        named = _trade_lists(op, patch, stored["kind"], "input")
        props["updatedAt"] = datetime.now(UTC)
        await (await tx.run(_UPDATE, {"id": campaign_id, "props": props})).consume()
        await _replace_lists(tx, campaign_id, named, "input")
        return await project_one(tx, op, "Campaign", campaign_id, selected)

    return await transaction(op, work)

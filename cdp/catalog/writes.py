"""Creating and updating the graph's reference nodes: products, acquisition sources, employees."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cdp import money, validation
from cdp.compiler.cypher import camel_case
from cdp.compiler.selection import Selected
from cdp.errors import BadUserInput, Conflict, NotFound
from cdp.request import Operation
from cdp.writes import Row, Tx, one, project_one, transaction

Input = dict[str, Any]
# The labels written here, and the create/update statements of each (labels never from input).
_CREATE = {
    "Product": "CREATE (n:Product {id: $id, createdAt: $now}) SET n += $props",
    "AcquisitionSource": "CREATE (n:AcquisitionSource {id: $id, createdAt: $now}) SET n += $props",
    "Employee": "CREATE (n:Employee {id: $id, createdAt: $now}) SET n += $props",
}
_UPDATE = {
    "Product": "MATCH (n:Product {id: $id}) SET n += $props RETURN n.id AS id",
    "AcquisitionSource": "MATCH (n:AcquisitionSource {id: $id}) SET n += $props RETURN n.id AS id",
    "Employee": "MATCH (n:Employee {id: $id}) SET n += $props RETURN n.id AS id",
}


def product_props(data: Input, *, currency: str, prefix: str = "input") -> dict[str, Any]:
    props: dict[str, Any] = {}
    if "sku" in data:
        props["sku"] = validation.text(data["sku"], f"{prefix}.sku", max_length=64)
    if "name" in data:
        props["name"] = validation.text(data["name"], f"{prefix}.name")
    if "category" in data:
        props["category"] = validation.optional_text(
            data["category"], f"{prefix}.category", max_length=100
        )
    if "active" in data and data["active"] is not None:
        props["active"] = data["active"]
    code = money.require_currency(data.get("currency") or currency, f"{prefix}.currency")
    if data.get("currency") is not None:
        props["currency"] = code
    for key, graph_key in (("price", "priceMinor"), ("unit_cost", "unitCostMinor")):
        if key in data:
            if data[key] is None and key == "price":
                raise BadUserInput("A product must have a price.", field=f"{prefix}.price")
            if data[key] is None:
                props[graph_key] = None
                continue
            minor = money.to_minor(data[key], code, f"{prefix}.{camel_case(key)}")
            if minor < 0:
                raise BadUserInput("Must not be negative.", field=f"{prefix}.{camel_case(key)}")
            props[graph_key] = minor
    return props


def source_props(data: Input, prefix: str = "input") -> dict[str, Any]:
    props: dict[str, Any] = {}
    if "name" in data:
        props["name"] = validation.text(data["name"], f"{prefix}.name")
    if data.get("kind") is not None:
        props["kind"] = data["kind"]
    return props


def employee_props(data: Input, prefix: str = "input") -> dict[str, Any]:
    props: dict[str, Any] = {}
    if "name" in data:
        props["name"] = validation.text(data["name"], f"{prefix}.name")
    if "email" in data:
        props["email"] = (
            validation.email(data["email"], f"{prefix}.email") if data["email"] else None
        )
    if "title" in data:
        props["title"] = validation.optional_text(data["title"], f"{prefix}.title", max_length=200)
    if "active" in data and data["active"] is not None:
        props["active"] = data["active"]
    return props


async def create(op: Operation, label: str, props: dict[str, Any], selected: Selected) -> Row:
    node_id = op.new_id(label)

    async def work(tx: Tx) -> Row:
        await _unique_sku(tx, label, props, node_id)
        result = await tx.run(
            _CREATE[label],
            {"id": node_id, "now": datetime.now(UTC), "props": props},
        )
        await result.consume()
        return await project_one(tx, op, label, node_id, selected)

    return await transaction(op, work)


async def update(
    op: Operation, label: str, node_id: str, props: dict[str, Any], selected: Selected
) -> Row:
    op.require_id(node_id, label, "id")

    async def work(tx: Tx) -> Row:
        await _unique_sku(tx, label, props, node_id)
        await _keeps_its_campaign(tx, label, props, node_id)
        if await one(tx, _UPDATE[label], {"id": node_id, "props": props}) is None:
            raise NotFound(f"No {label} has id {node_id!r}.", field="id")
        return await project_one(tx, op, label, node_id, selected)

    return await transaction(op, work)


async def update_product(op: Operation, node_id: str, data: Input, selected: Selected) -> Row:
    """Amounts of a patch are read in the product's own currency, which a patch cannot change."""
    op.require_id(node_id, "Product", "id")

    async def work(tx: Tx) -> Row:
        found = await one(
            tx, "MATCH (p:Product {id: $id}) RETURN p.currency AS currency", {"id": node_id}
        )
        if found is None:
            raise NotFound(f"No Product has id {node_id!r}.", field="id")
        props = product_props(data, currency=found["currency"])
        await _unique_sku(tx, "Product", props, node_id)
        await one(tx, _UPDATE["Product"], {"id": node_id, "props": props})
        return await project_one(tx, op, "Product", node_id, selected)

    return await transaction(op, work)


# The source's write lock first, as a campaign's creation takes it: a source never loses its
# kind CAMPAIGN while a campaign is being linked to it.
_CAMPAIGN_OF_SOURCE = """
MATCH (s:AcquisitionSource {id: $id})
SET s.__lock = true
REMOVE s.__lock
RETURN EXISTS { (s)-[:OF_CAMPAIGN]->(:Campaign) } AS linked
"""


async def _keeps_its_campaign(tx: Tx, label: str, props: dict[str, Any], node_id: str) -> None:
    """A source that stands for a campaign stays of kind CAMPAIGN."""
    if label != "AcquisitionSource" or props.get("kind") in (None, "CAMPAIGN"):
        return
    found = await one(tx, _CAMPAIGN_OF_SOURCE, {"id": node_id})
    if found is not None and found["linked"]:
        raise BadUserInput(
            "This source stands for a campaign: it stays of kind CAMPAIGN.", field="input.kind"
        )


async def _unique_sku(tx: Tx, label: str, props: dict[str, Any], node_id: str) -> None:
    # Checked first so the client learns which field clashes (the constraint would only say so).
    if label == "Product" and "sku" in props:
        clash = await one(
            tx,
            "MATCH (p:Product {sku: $sku}) WHERE p.id <> $id RETURN p.id AS id",
            {"sku": props["sku"], "id": node_id},
        )
        if clash is not None:
            raise Conflict(f"Another product has SKU {props['sku']!r}.", field="input.sku")

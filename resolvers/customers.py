"""Root fields about customers: reads compile the selection into one query; each write is one
transaction."""

from __future__ import annotations

from typing import Any

from cdp.compiler.selection import Selected
from cdp.customers import bulk_upsert, leads, reads, writes
from cdp.errors import BadUserInput
from cdp.request import RequestContext

Row = dict[str, Any]


async def customer(ctx: RequestContext, selected: Selected) -> Row | None:
    customer_id = selected.args["id"]
    if ctx.registry.label_of(customer_id) != "Customer":
        return None
    return await reads.customer(ctx.operation(selected.name), customer_id, selected)


async def customer_by_external_id(ctx: RequestContext, selected: Selected) -> Row | None:
    system, value = selected.args["system"], selected.args["value"]
    if not system or not value:
        raise BadUserInput("Give both the system and the value.", field="system")
    return await reads.customer_by_external_id(
        ctx.operation(selected.name), system, value, selected
    )


async def customer_list(ctx: RequestContext, selected: Selected) -> Row:
    return await reads.customers(ctx.operation(selected.name), selected)


async def search_customers(ctx: RequestContext, selected: Selected) -> list[Row]:
    return await reads.search(
        ctx.operation(selected.name), selected.args["text"], selected.args.get("first"), selected
    )


async def create_customer(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.create_customer(
        ctx.operation(selected.name), selected.args["input"], selected
    )


async def update_customer(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.update_customer(
        ctx.operation(selected.name), selected.args["id"], selected.args["input"], selected
    )


async def advance_lead(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await leads.advance_lead(
        ctx.operation(selected.name), args["customer"], args["stage"], args.get("reason"), selected
    )


async def upsert_customer(ctx: RequestContext, selected: Selected) -> Row:
    customer_fields = Selected(
        "customer",
        "customer",
        fields=tuple(field for child in selected.children("customer") for field in child.fields),
    )
    upserted = await writes.upsert_customer(
        ctx.operation(selected.name),
        selected.args["external_id"],
        selected.args["input"],
        customer_fields,
    )
    return {"customer": upserted.customer, "created": upserted.created, "changed": upserted.changed}


async def upsert_customers(ctx: RequestContext, selected: Selected) -> Row:
    upserted = await bulk_upsert.upsert_customers(
        ctx.operation(selected.name), selected.args["rows"], ctx.settings.max_bulk_rows
    )
    return {
        "created": upserted.created,
        "updated": upserted.updated,
        "unchanged": upserted.unchanged,
        "customer_ids": upserted.customer_ids,
    }


async def delete_customer(ctx: RequestContext, selected: Selected) -> Row:
    customer_id = selected.args["id"]
    summary = await writes.delete_customer(ctx.operation(selected.name), customer_id)
    return {
        "id": customer_id,
        "deleted_touchpoints": summary["deletedTouchpoints"],
        "deleted_contacts": summary["deletedContacts"],
        "kept_orders": summary["keptOrders"],
    }


async def assign_account_owner(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.assign_account_owner(
        ctx.operation(selected.name),
        args["customer_id"],
        args["employee_id"],
        args.get("since"),
        selected,
    )

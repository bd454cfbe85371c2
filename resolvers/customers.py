"""Root fields that read customers: each compiles the selection and makes one query."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry

from cdp import bounds
from cdp.compiler.selection import Selected
from cdp.customers import bulk_upsert
from cdp.customers import reads as customers
from cdp.customers import writes as customer_writes
from cdp.errors import BadUserInput
from cdp.ids import label_of
from cdp.read_model import READ_MODEL
from resolvers.access import query_builder
from schema import paging
from schema.context import Info
from schema.customer import CustomerFilter
from schema.enums import CustomerOrder
from schema.inputs import CustomerInput, CustomerPatch, CustomerUpsertRow, ExternalIdInput
from schema.rows import Row
from schema.selection import selection


async def customer(info: Info, id: strawberry.ID) -> Row | None:
    if label_of(id) != "Customer":
        return None
    return await customers.customer(info.context.graph, query_builder(info), id, selection(info))


async def customer_by_external_id(info: Info, system: str, value: str) -> Row | None:
    if not system or not value:
        raise BadUserInput("Give both the system and the value.", field="system")
    return await customers.customer_by_external_id(
        info.context.graph, query_builder(info), system, value, selection(info)
    )


async def customer_list(
    info: Info,
    filter: CustomerFilter | None = None,  # the argument's public name
    order_by: CustomerOrder | None = None,
    first: Annotated[int | None, paging.first(bounds.PAGE)] = bounds.PAGE,
    after: str | None = None,
) -> Row:
    return await customers.customers(info.context.graph, query_builder(info), selection(info))


async def search_customers(info: Info, text: str, first: int | None = None) -> list[Row]:
    return await customers.search(
        info.context.graph, query_builder(info), text, first, selection(info)
    )


# --- mutations ----------------------------------------------------------------------------


async def create_customer(info: Info, input: CustomerInput) -> Row:
    selected = selection(info)
    return await customer_writes.create_customer(
        info.context.graph, selected.args["input"], selected, registry=READ_MODEL
    )


async def update_customer(info: Info, id: strawberry.ID, input: CustomerPatch) -> Row:
    selected = selection(info)
    return await customer_writes.update_customer(
        info.context.graph, id, selected.args["input"], selected, registry=READ_MODEL
    )


async def upsert_customer(
    info: Info,
    external_id: ExternalIdInput,
    input: CustomerInput,
) -> dict[str, Any]:
    selected = selection(info)
    customer_fields = Selected(
        "customer",
        "customer",
        fields=tuple(field for child in selected.children("customer") for field in child.fields),
    )
    upserted = await customer_writes.upsert_customer(
        info.context.graph,
        selected.args["external_id"],
        selected.args["input"],
        customer_fields,
        registry=READ_MODEL,
    )
    return {"customer": upserted.customer, "created": upserted.created, "changed": upserted.changed}


async def upsert_customers(info: Info, rows: list[CustomerUpsertRow]) -> dict[str, Any]:
    # `rows` arrives empty (see `schema.unconverted`): they are read from the selection.
    selected = selection(info)
    upserted = await bulk_upsert.upsert_customers(
        info.context.graph, selected.args["rows"], info.context.settings.max_bulk_rows
    )
    return {
        "created": upserted.created,
        "updated": upserted.updated,
        "unchanged": upserted.unchanged,
        "customer_ids": upserted.customer_ids,
    }


async def delete_customer(info: Info, id: strawberry.ID) -> dict[str, Any]:
    summary = await customer_writes.delete_customer(info.context.graph, id)
    return {
        "id": id,
        "deleted_touchpoints": summary["deletedTouchpoints"],
        "deleted_contacts": summary["deletedContacts"],
        "kept_orders": summary["keptOrders"],
    }


async def assign_account_owner(
    info: Info,
    customer_id: strawberry.ID,
    employee_id: strawberry.ID,
    since: datetime | None = None,
) -> Row:
    return await customer_writes.assign_account_owner(
        info.context.graph, customer_id, employee_id, since, selection(info), registry=READ_MODEL
    )

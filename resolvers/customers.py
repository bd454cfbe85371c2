"""Root fields that read customers: each compiles the selection and makes one query."""

from __future__ import annotations

import strawberry

from cdp import customers
from cdp.errors import BadUserInput
from cdp.ids import label_of
from resolvers.selection import selection
from schema.context import Info
from schema.customer import CustomerFilter
from schema.enums import CustomerOrder
from schema.rows import Row


async def customer(info: Info, id: strawberry.ID) -> Row | None:
    if label_of(id) != "Customer":
        return None
    return await customers.customer(info.context.graph, id, selection(info))


async def customer_by_external_id(info: Info, system: str, value: str) -> Row | None:
    if not system or not value:
        raise BadUserInput("Give both the system and the value.", field="system")
    return await customers.customer_by_external_id(
        info.context.graph, system, value, selection(info)
    )


async def customer_list(
    info: Info,
    filter: CustomerFilter | None = None,  # the argument's public name
    order_by: CustomerOrder = CustomerOrder.NAME_ASC,
    first: int | None = 20,
    after: str | None = None,
) -> Row:
    return await customers.customers(info.context.graph, selection(info))


async def search_customers(info: Info, text: str, first: int | None = 20) -> list[Row]:
    return await customers.search(info.context.graph, text, first, selection(info))

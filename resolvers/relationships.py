"""Mutations that add to a customer's graph: contacts, touchpoints, orders, influence."""

from __future__ import annotations

from datetime import datetime

import strawberry

from cdp.consent import writes as consent
from cdp.contacts import writes as contacts
from cdp.influence import writes as influence
from cdp.orders import writes as orders
from cdp.read_model import READ_MODEL
from cdp.touchpoints import writes as touchpoints
from schema.context import Info
from schema.enums import OrderStatus
from schema.inputs import (
    ConsentInput,
    ContactInput,
    InfluenceInput,
    InfluencePairInput,
    OrderInput,
    TouchpointInput,
)
from schema.rows import Row
from schema.selection import selection


async def add_contact(info: Info, organization_id: strawberry.ID, input: ContactInput) -> Row:
    selected = selection(info)
    return await contacts.add_contact(
        info.context.graph, organization_id, selected.args["input"], selected, registry=READ_MODEL
    )


async def record_touchpoint(info: Info, input: TouchpointInput) -> Row:
    selected = selection(info)
    return await touchpoints.record_touchpoint(
        info.context.graph, selected.args["input"], selected, registry=READ_MODEL
    )


async def place_order(info: Info, input: OrderInput) -> Row:
    selected = selection(info)
    return await orders.place_order(
        info.context.graph,
        selected.args["input"],
        selected,
        default_currency=info.context.settings.currency,
        registry=READ_MODEL,
    )


async def set_order_status(info: Info, id: strawberry.ID, status: OrderStatus) -> Row:
    return await orders.set_order_status(
        info.context.graph, id, status.value, selection(info), registry=READ_MODEL
    )


async def mark_invoice_paid(
    info: Info, order_id: strawberry.ID, paid_at: datetime | None = None
) -> Row:
    return await orders.mark_invoice_paid(
        info.context.graph, order_id, paid_at, selection(info), registry=READ_MODEL
    )


async def link_influence(info: Info, input: InfluenceInput) -> Row:
    selected = selection(info)
    return await influence.link_influence(
        info.context.graph, selected.args["input"], selected, registry=READ_MODEL
    )


async def unlink_influence(info: Info, input: InfluencePairInput) -> bool:
    return await influence.unlink_influence(info.context.graph, selection(info).args["input"])


async def record_consent(info: Info, input: ConsentInput) -> Row:
    selected = selection(info)
    return await consent.record_consent(
        info.context.graph, selected.args["input"], selected, registry=READ_MODEL
    )

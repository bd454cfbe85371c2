"""Root fields about orders: each is one transaction."""

from __future__ import annotations

from typing import Any

from cdp.compiler.selection import Selected
from cdp.orders import writes
from cdp.read_model import READ_MODEL
from cdp.request import RequestContext

Row = dict[str, Any]


async def place_order(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.place_order(
        ctx.graph,
        selected.args["input"],
        selected,
        default_currency=ctx.settings.currency,
        registry=READ_MODEL,
    )


async def set_order_status(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.set_order_status(
        ctx.graph, args["id"], args["status"], selected, registry=READ_MODEL
    )


async def mark_invoice_paid(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.mark_invoice_paid(
        ctx.graph, args["order_id"], args.get("paid_at"), selected, registry=READ_MODEL
    )

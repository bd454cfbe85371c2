"""Root fields about orders: the list is one compiled read; each write is one transaction."""

from __future__ import annotations

from typing import Any

from cdp import business_time
from cdp.compiler.selection import Selected
from cdp.orders import reads, reminders, writes
from cdp.request import RequestContext

Row = dict[str, Any]


async def place_order(ctx: RequestContext, selected: Selected) -> Row:
    return await writes.place_order(
        ctx.operation(selected.name),
        selected.args["input"],
        selected,
        default_currency=ctx.settings.currency,
    )


async def set_order_status(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.set_order_status(
        ctx.operation(selected.name),
        args["id"],
        args["status"],
        selected,
        reason=args.get("reason"),
        invoice_due_date=args.get("invoice_due_date"),
    )


async def reopen_order(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.reopen_order(
        ctx.operation(selected.name), args["id"], args["reason"], selected
    )


async def mark_invoice_paid(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.mark_invoice_paid(
        ctx.operation(selected.name), args["order_id"], args.get("paid_at"), selected
    )


async def order_list(ctx: RequestContext, selected: Selected) -> Row:
    # The business's date is read once per request, before the statement is compiled.
    return await reads.orders(
        ctx.operation(selected.name), selected, business_time.today(ctx.settings)
    )


async def record_invoice_reminder(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    override = args.get("override")
    return await reminders.record_invoice_reminder(
        ctx.operation(selected.name),
        args["order"],
        args["channel"],
        selected,
        today=business_time.today(ctx.settings),
        override=override["reason"] if override else None,
    )

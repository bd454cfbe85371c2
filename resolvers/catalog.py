"""Root fields about the catalog: products, acquisition sources, employees."""

from __future__ import annotations

from typing import Any

from cdp import nodes
from cdp.catalog import writes
from cdp.compiler.selection import Selected
from cdp.request import RequestContext

Row = dict[str, Any]


async def products(ctx: RequestContext, selected: Selected) -> list[Row]:
    return await _listing(ctx, "Product", selected)


async def acquisition_sources(ctx: RequestContext, selected: Selected) -> list[Row]:
    return await _listing(ctx, "AcquisitionSource", selected)


async def employees(ctx: RequestContext, selected: Selected) -> list[Row]:
    return await _listing(ctx, "Employee", selected)


async def _listing(ctx: RequestContext, label: str, selected: Selected) -> list[Row]:
    first = selected.args.get("first")
    return await nodes.listing(ctx.operation(selected.name), label, first, selected)


async def create_product(ctx: RequestContext, selected: Selected) -> Row:
    currency = ctx.settings.currency
    props = writes.product_props(selected.args["input"], currency=currency)
    props.setdefault("currency", currency)
    return await writes.create(ctx.operation(selected.name), "Product", props, selected)


async def update_product(ctx: RequestContext, selected: Selected) -> Row:
    args = selected.args
    return await writes.update_product(
        ctx.operation(selected.name), args["id"], args["input"], selected
    )


async def create_acquisition_source(ctx: RequestContext, selected: Selected) -> Row:
    props = writes.source_props(selected.args["input"])
    return await writes.create(ctx.operation(selected.name), "AcquisitionSource", props, selected)


async def update_acquisition_source(ctx: RequestContext, selected: Selected) -> Row:
    props = writes.source_props(selected.args["input"])
    return await writes.update(
        ctx.operation(selected.name), "AcquisitionSource", selected.args["id"], props, selected
    )


async def create_employee(ctx: RequestContext, selected: Selected) -> Row:
    props = writes.employee_props(selected.args["input"])
    return await writes.create(ctx.operation(selected.name), "Employee", props, selected)


async def update_employee(ctx: RequestContext, selected: Selected) -> Row:
    props = writes.employee_props(selected.args["input"])
    return await writes.update(
        ctx.operation(selected.name), "Employee", selected.args["id"], props, selected
    )

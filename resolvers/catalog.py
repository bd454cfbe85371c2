"""Root lists of the graph's reference nodes: products, acquisition sources, employees."""

from __future__ import annotations

from typing import Annotated

import strawberry

from cdp import bounds, nodes
from cdp.catalog import writes as reference_writes
from cdp.read_model import READ_MODEL
from resolvers.access import query_builder
from schema import paging
from schema.context import Info
from schema.inputs import (
    AcquisitionSourceInput,
    AcquisitionSourcePatch,
    EmployeeInput,
    EmployeePatch,
    ProductInput,
    ProductPatch,
)
from schema.rows import Row
from schema.selection import selection


async def products(
    info: Info,
    first: Annotated[int | None, paging.first(bounds.CATALOG_PAGE)] = bounds.CATALOG_PAGE,
) -> list[Row]:
    return await nodes.listing(
        info.context.graph,
        query_builder(info),
        "Product",
        first,
        selection(info),
    )


async def acquisition_sources(
    info: Info,
    first: Annotated[int | None, paging.first(bounds.CATALOG_PAGE)] = bounds.CATALOG_PAGE,
) -> list[Row]:
    return await nodes.listing(
        info.context.graph,
        query_builder(info),
        "AcquisitionSource",
        first,
        selection(info),
    )


async def employees(
    info: Info,
    first: Annotated[int | None, paging.first(bounds.CATALOG_PAGE)] = bounds.CATALOG_PAGE,
) -> list[Row]:
    return await nodes.listing(
        info.context.graph,
        query_builder(info),
        "Employee",
        first,
        selection(info),
    )


# --- mutations ----------------------------------------------------------------------------


async def create_product(info: Info, input: ProductInput) -> Row:
    selected = selection(info)
    props = reference_writes.product_props(
        selected.args["input"], currency=info.context.settings.currency
    )
    props.setdefault("currency", info.context.settings.currency)
    return await reference_writes.create(
        info.context.graph, "Product", props, selected, registry=READ_MODEL
    )


async def update_product(info: Info, id: strawberry.ID, input: ProductPatch) -> Row:
    selected = selection(info)
    return await reference_writes.update_product(
        info.context.graph, id, selected.args["input"], selected, registry=READ_MODEL
    )


async def create_acquisition_source(info: Info, input: AcquisitionSourceInput) -> Row:
    selected = selection(info)
    props = reference_writes.source_props(selected.args["input"])
    return await reference_writes.create(
        info.context.graph, "AcquisitionSource", props, selected, registry=READ_MODEL
    )


async def update_acquisition_source(
    info: Info,
    id: strawberry.ID,
    input: AcquisitionSourcePatch,
) -> Row:
    selected = selection(info)
    props = reference_writes.source_props(selected.args["input"])
    return await reference_writes.update(
        info.context.graph, "AcquisitionSource", id, props, selected, registry=READ_MODEL
    )


async def create_employee(info: Info, input: EmployeeInput) -> Row:
    selected = selection(info)
    props = reference_writes.employee_props(selected.args["input"])
    return await reference_writes.create(
        info.context.graph, "Employee", props, selected, registry=READ_MODEL
    )


async def update_employee(info: Info, id: strawberry.ID, input: EmployeePatch) -> Row:
    selected = selection(info)
    props = reference_writes.employee_props(selected.args["input"])
    return await reference_writes.update(
        info.context.graph, "Employee", id, props, selected, registry=READ_MODEL
    )

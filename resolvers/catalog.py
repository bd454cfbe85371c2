"""Root lists of the graph's reference nodes: products, acquisition sources, employees."""

from __future__ import annotations

from cdp import nodes
from cdp.pagination import page_size
from resolvers.selection import selection
from schema.context import Info
from schema.rows import Row


async def products(info: Info, first: int | None = 100) -> list[Row]:
    return await nodes.listing(
        info.context.graph, "Product", page_size(first, 100), selection(info)
    )


async def acquisition_sources(info: Info, first: int | None = 100) -> list[Row]:
    return await nodes.listing(
        info.context.graph, "AcquisitionSource", page_size(first, 100), selection(info)
    )


async def employees(info: Info, first: int | None = 100) -> list[Row]:
    return await nodes.listing(
        info.context.graph, "Employee", page_size(first, 100), selection(info)
    )

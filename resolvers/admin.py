"""Administration root fields: audit log, API keys, export, erasure, sharing with partners,
the external-id systems partners own."""

from __future__ import annotations

import re
from typing import Annotated, Any

import strawberry

from cdp import bounds
from cdp.access import api_keys, audit, entitlement
from cdp.compiler.projection import page_size
from cdp.customers import personal_data as customer_data
from cdp.errors import BadUserInput
from cdp.partners import systems as partners
from schema import paging
from schema.admin import ApiKeyInput
from schema.context import Info
from schema.selection import selection


async def audit_log(
    info: Info,
    customer_id: strawberry.ID | None = None,
    key_id: str | None = None,
    first: Annotated[int | None, paging.first(bounds.CATALOG_PAGE)] = bounds.CATALOG_PAGE,
) -> list[dict[str, Any]]:
    selection(info)
    records = await audit.log(
        info.context.graph,
        customer_id=customer_id,
        key_id=key_id,
        first=page_size(first, bounds.CATALOG_PAGE, info.context.settings.max_page),
    )
    return [_python_names(record) for record in records]


async def api_key_list(info: Info) -> list[dict[str, Any]]:
    selection(info)
    return [_python_names(key) for key in await api_keys.list_keys(info.context.graph)]


async def export_customer_data(info: Info, id: strawberry.ID) -> dict[str, Any]:
    selection(info)
    return await customer_data.export_customer(info.context.graph, id)


async def erase_customer(info: Info, id: strawberry.ID) -> dict[str, Any]:
    selection(info)
    return {"erased_id": await customer_data.erase_customer(info.context.graph, id)}


async def create_api_key(info: Info, input: ApiKeyInput) -> dict[str, Any]:
    selected = selection(info).args["input"]
    graph = info.context.graph
    partner_id = (
        await api_keys.ensure_partner(graph, selected["partner_name"])
        if selected.get("partner_name")
        else None
    )
    created = await api_keys.create_key(
        graph,
        name=selected["name"],
        role=selected["role"],
        scopes=selected.get("scopes"),
        partner_id=partner_id,
        expires_at=selected.get("expires_at"),
    )
    return {"id": created.id, "key": created.secret}


async def revoke_api_key(info: Info, id: strawberry.ID) -> bool:
    selection(info)
    await api_keys.revoke_key(info.context.graph, id)
    return True


async def share_customer(
    info: Info, customer_id: strawberry.ID, partner_id: strawberry.ID, shared: bool = True
) -> bool:
    selection(info)
    if not partner_id.startswith("ptn_"):
        raise BadUserInput("This is not the id of a partner.", field="partnerId")
    return await entitlement.share(info.context.graph, customer_id, partner_id, shared=shared)


async def assign_partner_system(
    info: Info, partner_id: strawberry.ID, system: str, assigned: bool = True
) -> bool:
    selection(info)
    if not partner_id.startswith("ptn_"):
        raise BadUserInput("This is not the id of a partner.", field="partnerId")
    return await partners.assign_system(info.context.graph, partner_id, system, assigned=assigned)


def _python_names(row: dict[str, Any]) -> dict[str, Any]:
    """Graph property names (camelCase) as the Python names Strawberry reads."""
    return {_CAMEL.sub("_", key).lower(): value for key, value in row.items()}


_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")

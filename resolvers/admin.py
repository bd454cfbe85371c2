"""Administration root fields: audit log, API keys, export, erasure, sharing with partners,
the external-id systems partners own."""

from __future__ import annotations

import re
from typing import Any

from cdp import bounds, entitlement
from cdp.access import api_keys, audit
from cdp.compiler.projection import page_size
from cdp.compiler.selection import Selected
from cdp.customers import personal_data
from cdp.errors import BadUserInput
from cdp.partners import systems
from cdp.request import RequestContext

Row = dict[str, Any]


async def audit_log(ctx: RequestContext, selected: Selected) -> list[Row]:
    args = selected.args
    records = await audit.log(
        ctx.graph,
        customer_id=args.get("customer_id"),
        key_id=args.get("key_id"),
        first=page_size(args.get("first"), bounds.CATALOG_PAGE, ctx.settings.max_page),
    )
    return [_python_names(record) for record in records]


async def api_key_list(ctx: RequestContext, _: Selected) -> list[Row]:
    return [_python_names(key) for key in await api_keys.list_keys(ctx.graph)]


async def export_customer_data(ctx: RequestContext, selected: Selected) -> Row:
    return await personal_data.export_customer(ctx.operation(selected.name), selected.args["id"])


async def erase_customer(ctx: RequestContext, selected: Selected) -> Row:
    return {
        "erased_id": await personal_data.erase_customer(
            ctx.operation(selected.name), selected.args["id"]
        )
    }


async def create_api_key(ctx: RequestContext, selected: Selected) -> Row:
    spec = selected.args["input"]
    employee_id = spec.get("employee_id")
    if employee_id is not None:
        ctx.registry.require_id(employee_id, "Employee", "employeeId")
    partner_id = (
        await api_keys.ensure_partner(ctx.graph, spec["partner_name"])
        if spec.get("partner_name")
        else None
    )
    created = await api_keys.create_key(
        ctx.graph,
        name=spec["name"],
        role=spec["role"],
        scopes=spec.get("scopes"),
        partner_id=partner_id,
        employee_id=employee_id,
        expires_at=spec.get("expires_at"),
    )
    return {"id": created.id, "key": created.secret}


async def revoke_api_key(ctx: RequestContext, selected: Selected) -> bool:
    await api_keys.revoke_key(ctx.graph, selected.args["id"])
    return True


async def share_customer(ctx: RequestContext, selected: Selected) -> bool:
    args = selected.args
    partner_id = _partner_id(args["partner_id"])
    return await entitlement.share(
        ctx.operation(selected.name),
        args["customer_id"],
        partner_id,
        shared=args.get("shared", True),
    )


async def assign_partner_system(ctx: RequestContext, selected: Selected) -> bool:
    args = selected.args
    partner_id = _partner_id(args["partner_id"])
    return await systems.assign_system(
        ctx.operation(selected.name),
        partner_id,
        args["system"],
        assigned=args.get("assigned", True),
    )


def _partner_id(partner_id: str) -> str:
    if not partner_id.startswith("ptn_"):
        raise BadUserInput("This is not the id of a partner.", field="partnerId")
    return partner_id


def _python_names(row: Row) -> Row:
    """Graph property names (camelCase) as the Python names Strawberry reads."""
    return {_CAMEL.sub("_", key).lower(): value for key, value in row.items()}


_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")

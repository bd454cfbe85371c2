"""Administration: API keys, the audit log, erasure, partners."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.scalars import JSON

from cdp import bounds
from resolvers import admin as resolve
from schema import paging
from schema.context import Info
from schema.permissions import MayRead, MayRun
from schema.rows import Row
from schema.selection import selection


@strawberry.enum(description="What an API key may do.")
class Role(Enum):
    ADMIN = "admin"
    AGENT = "agent"
    ANALYST = "analyst"
    PARTNER = "partner"


@strawberry.type(description="Who did or read what, and when. Never changed through the API.")
class AuditRecord:
    id: strawberry.ID
    at: datetime
    key_id: str
    by: str | None = strawberry.field(
        description="Who acted: the employee the key names, else the key's id. Null on records "
        "written before keys named employees."
    )
    role: Role
    operation: str
    kind: str = strawberry.field(description="MUTATION, or READ of unmasked personal data.")
    customer_ids: list[strawberry.ID]
    fields: list[str] = strawberry.field(description="The personal-data fields it returned.")


@strawberry.type(description="An API key; its secret is shown once, at creation.")
class ApiKey:
    id: strawberry.ID
    name: str
    role: Role
    scopes: list[str]
    partner_id: strawberry.ID | None
    employee_id: strawberry.ID | None = strawberry.field(
        description="The employee the key acts for, if it names one."
    )
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None


@strawberry.type
class CreatedApiKey:
    id: strawberry.ID
    key: str = strawberry.field(description="The key to send as a bearer token: shown this once.")


@strawberry.input
class ApiKeyInput:
    name: str
    role: Role
    scopes: list[str] = strawberry.field(default_factory=list, description="e.g. pii:read")
    partner_name: str | None = strawberry.field(
        default=None, description="For partner keys: the partner (created if new)."
    )
    employee_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The employee the key acts for: audit records name them as who acted. "
        "Partner keys name none.",
    )
    expires_at: datetime | None = None


@strawberry.type
class EraseCustomerPayload:
    erased_id: strawberry.ID = strawberry.field(
        description="The anonymous record that keeps the erased customer's order totals."
    )


@strawberry.type
class AdminQueries:
    @strawberry.field(
        graphql_type=list[AuditRecord],
        permission_classes=[MayRead],
        description="Admins: the audit log, newest first.",
    )
    async def audit_log(
        self,
        info: Info,
        customer_id: strawberry.ID | None = None,
        key_id: str | None = None,
        first: Annotated[int | None, paging.first(bounds.CATALOG_PAGE)] = bounds.CATALOG_PAGE,
    ) -> list[Row]:
        return await resolve.audit_log(info.context, selection(info))

    @strawberry.field(graphql_type=list[ApiKey], permission_classes=[MayRead])
    async def api_keys(self, info: Info) -> list[Row]:
        return await resolve.api_key_list(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRead],
        graphql_type=JSON,
        description="Admins: everything held about a customer, as JSON.",
    )
    async def export_customer_data(self, info: Info, id: strawberry.ID) -> Row:
        return await resolve.export_customer_data(info.context, selection(info))


@strawberry.type
class AdminMutations:
    @strawberry.field(
        permission_classes=[MayRun],
        graphql_type=EraseCustomerPayload,
        description="Remove a customer's personal data and every relationship that identifies "
        "them; order totals stay, anonymized. The customer then reads as not found.",
    )
    async def erase_customer(self, info: Info, id: strawberry.ID) -> Row:
        return await resolve.erase_customer(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun], graphql_type=CreatedApiKey)
    async def create_api_key(self, info: Info, input: ApiKeyInput) -> Row:
        return await resolve.create_api_key(info.context, selection(info))

    @strawberry.field(permission_classes=[MayRun])
    async def revoke_api_key(self, info: Info, id: strawberry.ID) -> bool:
        return await resolve.revoke_api_key(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        description="Share a customer with a partner (shared: false stops sharing). The "
        "partner sees them only while they consent to sharing.",
    )
    async def share_customer(
        self,
        info: Info,
        customer_id: strawberry.ID,
        partner_id: strawberry.ID,
        shared: bool = True,
    ) -> bool:
        return await resolve.share_customer(info.context, selection(info))

    @strawberry.field(
        permission_classes=[MayRun],
        description="Admins: give an external-id system to a partner (assigned: false takes it "
        "back). A partner key writes external ids only in its partner's systems; a system "
        "belongs to one partner at most. True if something changed.",
    )
    async def assign_partner_system(
        self, info: Info, partner_id: strawberry.ID, system: str, assigned: bool = True
    ) -> bool:
        return await resolve.assign_partner_system(info.context, selection(info))

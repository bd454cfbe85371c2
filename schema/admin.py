"""Administration: the audit log, API keys, a customer's data (export, erasure), sharing."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.enums import Role


@strawberry.type(description="Who did or read what, and when. Never changed through the API.")
class AuditRecord:
    id: strawberry.ID
    at: datetime
    key_id: str
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
    expires_at: datetime | None = None


@strawberry.type
class EraseCustomerPayload:
    erased_id: strawberry.ID = strawberry.field(
        description="The anonymous record that keeps the erased customer's order totals."
    )

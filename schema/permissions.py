"""The permission every mutation field and every staff-only root field carries."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from schema.context import Info


class MayRun(BasePermission):
    """The key's role may run this mutation (admins: all; the domains' `ACCESS` rules)."""

    message = "This key's role may not run this mutation."
    error_extensions = {"code": "FORBIDDEN"}  # noqa: RUF012 - Strawberry reads it per class

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        # Raises Forbidden, which carries the code and the mutation's name as the field.
        info.context.policy.check_mutation(info.field_name)
        return True


class MayRead(BasePermission):
    """The key's role may read this root field (the domains' and the platform's access rules)."""

    message = "This key's role may not read this field."
    error_extensions = {"code": "FORBIDDEN"}  # noqa: RUF012

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.policy.check_field("Query", info.field_name)
        return True

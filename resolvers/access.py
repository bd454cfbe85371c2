"""The viewer's policy for a resolver, and the permission every mutation field carries."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from cdp.access.policy import Policy
from cdp.compiler.cypher import QueryBuilder
from cdp.read_model import READ_MODEL
from schema.context import Info


def policy_of(info: Info) -> Policy:
    return info.context.policy


class MayRun(BasePermission):
    """The key's role may run this mutation (admins: all; see cdp.access.policy.MUTATIONS)."""

    message = "This key's role may not run this mutation."
    error_extensions = {"code": "FORBIDDEN"}  # noqa: RUF012 - Strawberry reads it per class

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        # Raises Forbidden, which carries the code and the mutation's name as the field.
        policy_of(info).check_mutation(info.field_name)
        return True


class MayRead(BasePermission):
    """The key's role may read this root field (see cdp.access.policy.FORBIDDEN)."""

    message = "This key's role may not read this field."
    error_extensions = {"code": "FORBIDDEN"}  # noqa: RUF012

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        policy_of(info).check_field("Query", info.field_name)
        return True


def query_builder(info: Info) -> QueryBuilder:
    """A builder for one statement compiled for this request: its viewer's policy, the read
    model and the page limit."""
    return QueryBuilder(policy_of(info), READ_MODEL, info.context.settings.max_page)

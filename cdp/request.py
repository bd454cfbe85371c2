"""The one context of a request, built by the edge and passed explicitly down the layers.

A request may hold several root fields; each is one operation of the audit log, served with an
`Operation` of its own: the request's graph, policy and page limit, and its own audit record.
Every domain reads through it: a compiled statement, run once (`Operation.read`).
graphql-core resolves sibling root query fields concurrently, so nothing of one operation is
shared with another.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from cdp import business_time, ids
from cdp.access.audit import Audited
from cdp.access.policy import AccessRules, Policy
from cdp.access.viewer import Viewer
from cdp.bounds import PAGE_LIMIT
from cdp.compiler.cypher import QueryBuilder, Statement
from cdp.compiler.projection import Registry
from cdp.errors import Unauthenticated
from cdp.settings import Settings
from cdp.store.graph import Graph


@dataclass
class RequestContext:
    graph: Graph
    settings: Settings
    registry: Registry  # how each type is read (`cdp.read_model`)
    rules: AccessRules  # who may read and change what (`cdp.read_model`)
    viewer: Viewer | None = None

    @property
    def who(self) -> Viewer:
        """The viewer of an authenticated request (the edge lets no other run an operation)."""
        if self.viewer is None:
            raise Unauthenticated()
        return self.viewer

    @property
    def policy(self) -> Policy:
        return Policy(self.who, self.rules)

    def operation(self, name: str) -> Operation:
        """The context of the root field `name`, with a new audit record."""
        policy = self.policy
        return Operation(
            self.graph,
            policy,
            Audited(name, policy.viewer),
            self.registry,
            max_page=self.settings.max_page,
            business_day=functools.partial(business_time.today, self.settings),
        )


@dataclass(frozen=True)
class Operation:
    """One operation (a root field): what its reads and writes run under, and its audit record.

    The platform's own work (CLI, demo data) makes one with `Operation.of` and the full-access
    policy, which leaves no audit record; demo data also gives `ids`, a seeded generator that
    makes its ids reproducible."""

    graph: Graph
    policy: Policy
    audited: Audited
    registry: Registry
    max_page: int
    ids: random.Random | None = None
    # Reads the business's date (`cdp.business_time`); None: the database's date stands for it.
    business_day: Callable[[], date] | None = None

    @classmethod
    def of(
        cls,
        graph: Graph,
        policy: Policy,
        name: str,
        *,
        registry: Registry,
        max_page: int = PAGE_LIMIT,
        ids: random.Random | None = None,
    ) -> Operation:
        audited = Audited(name, policy.viewer)
        return cls(graph, policy, audited, registry, max_page=max_page, ids=ids)

    @property
    def actor(self) -> str:
        """Who acts in this operation, as a history's `by` names them."""
        return self.policy.viewer.actor

    @functools.cached_property
    def today(self) -> date | None:
        """The business's date, read once per operation (all it compiles agrees on the day),
        and only if something it reads asks for it."""
        return None if self.business_day is None else self.business_day()

    def query(self) -> QueryBuilder:
        """A builder for one statement compiled under this operation's policy, read model and
        page limit."""
        return QueryBuilder(
            self.policy, self.registry, self.max_page, business_day=lambda: self.today
        )

    async def read_records(self, statement: Statement) -> list[dict[str, Any]]:
        """Every record of a compiled read, run once. Its `row` column is what the client is
        shown: the operation's audit record follows when that holds unmasked personal data."""
        records = await self.graph.read_compiled(statement.text, dict(statement.params))
        self.audited.note_fields(statement.pii_read)
        await self.audited.record_read(self.graph, [record["row"] for record in records])
        return records

    async def read(self, statement: Statement) -> list[dict[str, Any]]:
        """The `row` column of every record of a compiled read (`read_records`)."""
        return [record["row"] for record in await self.read_records(statement)]

    async def read_one(self, statement: Statement) -> dict[str, Any] | None:
        """The one row of a compiled read (a root field of one object), None if none."""
        rows = await self.read(statement)
        return rows[0] if rows else None

    def new_id(self, label: str) -> str:
        return ids.new_id(self.registry.id_prefix(label), self.ids)

    def new_ids(self, label: str, count: int) -> list[str]:
        return ids.new_ids(self.registry.id_prefix(label), count, self.ids)

    def require_id(self, node_id: str, label: str, field: str) -> str:
        """`node_id` if it is an id of a `label`, else BAD_USER_INPUT naming `field`."""
        return self.registry.require_id(node_id, label, field)

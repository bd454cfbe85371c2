"""Access to Neo4j: one driver per process, reads routed to readers, writes in managed transactions.

Driver exceptions are translated into the platform's errors here and nowhere else.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import (
    AsyncDriver,
    AsyncGraphDatabase,
    AsyncManagedTransaction,
    NotificationMinimumSeverity,
    RoutingControl,
)
from neo4j import exceptions as neo4j_errors

from cdp.errors import Conflict, ServiceUnavailable, Timeout
from cdp.local_neo4j import LocalNeo4j
from cdp.settings import Settings

T = TypeVar("T")
Params = dict[str, Any]

_UNAVAILABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.DriverError,  # connection-level failures that are not ServiceUnavailable
    ConnectionError,
    OSError,
)


def open_driver(uri: str, user: str, password: str, settings: Settings) -> AsyncDriver:
    return AsyncGraphDatabase.driver(
        uri,
        auth=(user, password),
        connection_timeout=settings.neo4j_connection_timeout,
        connection_acquisition_timeout=settings.neo4j_connection_timeout * 2,
        max_transaction_retry_time=settings.neo4j_retry_seconds,
        # Pooled connections to a restarted server, or dropped by a firewall while idle, are
        # dead: one idle for a while is tested before use. One used within the last seconds is
        # trusted (a test is a round trip of its own); if it fails all the same, the managed
        # transaction is retried on a fresh connection.
        liveness_check_timeout=2.0,
        # Schema notices (an unknown property in an empty graph) are not the client's concern.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )


class Many(list[Any]):
    """A list parameter of many items (a bulk load's rows, its customer ids). The driver
    formats every statement's parameters for its debug log even when debug logging is off (a
    `repr` of every row), and an enabled log would hold every customer's personal data: the
    log names such a list by its length instead."""

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


def release(params: dict[str, Any]) -> None:
    """Empty the `Many` lists of a statement whose result has been read. The driver keeps a
    statement's parameters on its result, which sits in reference cycles of the driver's own:
    without this, a bulk load's rows outlived the request until the cycle collector ran."""
    for value in params.values():
        if isinstance(value, Many):
            value.clear()
        elif isinstance(value, dict):  # a map parameter (an audit record) may hold some too
            release(value)


class Graph:
    """The one way the platform talks to Neo4j."""

    def __init__(
        self, driver: AsyncDriver, database: str, *, timeout: float, retry_seconds: float = 3.0
    ) -> None:
        self.driver = driver
        self.database = database
        self.timeout = timeout
        self.retry_seconds = retry_seconds

    async def read(
        self, query: LiteralString, params: Params | None = None
    ) -> list[dict[str, Any]]:
        """Run one read query (routed to a reader in a cluster) and return its rows."""
        return await self._query(query, params, RoutingControl.READ)

    async def read_compiled(self, query: str, params: Params) -> list[dict[str, Any]]:
        """`read` for a query the compiler assembled from the project's own fragments; every
        value in it travels as a parameter."""
        # One round trip: an auto-commit read sends its query and pulls the rows at once, where
        # a managed transaction adds a COMMIT after them. A failure the driver calls retryable
        # (a dead pooled connection, a leader change) is retried here, as a managed transaction
        # would be, and reads follow the same bookmarks as `execute_query`, so they see the
        # platform's own writes in a cluster.
        deadline = time.monotonic() + self.retry_seconds
        pause = 0.05
        async with translate_errors():
            while True:
                try:
                    return await self._auto_commit_read(query, params)
                except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:
                    if not exc.is_retryable() or time.monotonic() + pause > deadline:
                        raise
                await asyncio.sleep(pause)
                pause *= 2

    async def _auto_commit_read(self, query: str, params: Params) -> list[dict[str, Any]]:
        async with self.driver.session(
            database=self.database,
            default_access_mode=neo4j.READ_ACCESS,
            bookmark_manager=self.driver.execute_query_bookmark_manager,
        ) as session:
            result = await session.run(neo4j.Query(query, timeout=self.timeout), params)
            keys = result.keys()
            # Compiled queries return maps, lists and values, never nodes: rows are taken as
            # the driver built them, without the copy `Record.data()` makes to turn nodes
            # into maps.
            return [dict(zip(keys, record, strict=True)) async for record in result]

    async def write(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Run `work` in one managed write transaction; it may be retried, so keep it idempotent.
        Its bookmark joins those of `execute_query`, which the reads follow: in a cluster a
        read after it sees what it wrote."""
        timed = neo4j.unit_of_work(timeout=self.timeout)(work)
        async with (
            translate_errors(),
            self.driver.session(
                database=self.database,
                bookmark_manager=self.driver.execute_query_bookmark_manager,
            ) as session,
        ):
            return await session.execute_write(timed)

    async def write_query(
        self, query: LiteralString, params: Params | None = None
    ) -> list[dict[str, Any]]:
        """Run a single write query in its own managed transaction."""
        return await self._query(query, params, RoutingControl.WRITE)

    async def write_compiled(self, query: str, params: Params) -> list[dict[str, Any]]:
        """`write_query` for a statement the project assembled (every value a parameter) that
        returns maps, lists and values: its BEGIN goes with it, and its rows are taken as the
        driver built them (`Record.data()` would copy each of them in Python)."""
        result = await self._execute(query, params, RoutingControl.WRITE)
        return [dict(zip(result.keys, record, strict=True)) for record in result.records]

    async def _query(
        self, query: LiteralString, params: Params | None, routing: RoutingControl
    ) -> list[dict[str, Any]]:
        result = await self._execute(query, params or {}, routing)
        return [record.data() for record in result.records]

    async def _execute(
        self, query: str, params: Params, routing: RoutingControl
    ) -> neo4j.EagerResult:
        """One statement as its own transaction, BEGIN sent with it, retried by the driver."""
        async with translate_errors():
            return await self.driver.execute_query(
                neo4j.Query(query, timeout=self.timeout),
                params,
                routing_=routing,
                database_=self.database,
            )


@asynccontextmanager
async def translate_errors() -> AsyncIterator[None]:
    try:
        yield
    except neo4j_errors.ConstraintError as exc:
        raise Conflict("This would duplicate a value that must be unique.") from exc
    except neo4j_errors.Neo4jError as exc:
        if timed_out(exc):  # Neo4j stopped the statement at its transaction timeout
            raise Timeout(
                "The database stopped a statement that ran too long; narrow the request."
            ) from exc
        if isinstance(exc, neo4j_errors.TransientError):
            # The database is starting, stopping or overloaded: the client may retry.
            raise ServiceUnavailable() from exc
        raise  # a bug or a server-side failure: masked at the edge
    except _UNAVAILABLE as exc:
        raise ServiceUnavailable() from exc


def timed_out(exc: neo4j_errors.Neo4jError) -> bool:
    """Whether Neo4j stopped the statement at its transaction timeout: ours, sent with every
    statement (`...TransactionTimedOutClientConfiguration`), or the server's own."""
    return ".Transaction.TransactionTimedOut" in (exc.code or "")


def connect(settings: Settings) -> Graph:
    """A Graph on CDP_NEO4J_URI when set, else on the project's local Neo4j."""
    if settings.neo4j_uri is not None:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        uri, user = settings.neo4j_uri, settings.neo4j_user
    else:
        local = LocalNeo4j(settings)
        uri, user, password = local.uri, "neo4j", local.password()
    driver = open_driver(uri, user, password, settings)
    return Graph(
        driver,
        settings.neo4j_database,
        # Neo4j stops a statement at this timeout (15 s), before the edge gives its request
        # up (30 s): it does not work on for a client that is gone.
        timeout=settings.cypher_timeout,
        retry_seconds=settings.neo4j_retry_seconds,
    )

"""Versioned graph migrations: immutable Cypher files applied in order, recorded in the graph.

Each applied file is recorded as a `__CdpMigration` node (version, checksum, when, by whom),
linked to the one before it by `NEXT`, so the applied chain lives beside the data it describes.
A `__CdpMigrationLock` node, unique per chain, keeps two processes from migrating at once.
Neo4j runs schema commands in their own transactions, so each statement of a file runs in its own
auto-commit transaction; write statements with `IF NOT EXISTS` / `MERGE` so a re-run is harmless.

A file may have a data step beside it: a Python file of the same name (`V0008__x.py`) whose
`async def migrate(driver, database)` runs after the file's statements, for derived values that
the platform computes in Python (folded search text). Its text is part of the checksum.

A file edited after graphs applied it, without a change to what it does (a module it imports
moved), lists the checksums it had in `edited.toml` beside the files; a graph that recorded one
of them is current.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import socket
import time
import tomllib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, LiteralString, cast

from neo4j import AsyncDriver, AsyncManagedTransaction, Query, RoutingControl
from neo4j import exceptions as neo4j_errors

DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "graph_migrations"
DEFAULT_CHAIN = "cdp"
_FILE_NAME = re.compile(r"^V(?P<version>\d+)__(?P<description>\w+)\.cypher$")
_STATEMENT_END = re.compile(r";\s*(?:\n|$)")

_BOOTSTRAP: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT cdp_migration_version IF NOT EXISTS "
    "FOR (m:__CdpMigration) REQUIRE (m.chain, m.version) IS UNIQUE",
    "CREATE CONSTRAINT cdp_migration_lock IF NOT EXISTS "
    "FOR (l:__CdpMigrationLock) REQUIRE l.chain IS UNIQUE",
)
_APPLIED: LiteralString = """
MATCH (m:__CdpMigration {chain: $chain})
RETURN m.version AS version, m.checksum AS checksum, m.description AS description,
       m.installedAt AS installed_at
ORDER BY m.version
"""
_LOCK: LiteralString = """
CREATE (:__CdpMigrationLock {chain: $chain, owner: $owner, lockedAt: datetime()})
"""
_UNLOCK: LiteralString = """
MATCH (l:__CdpMigrationLock {chain: $chain}) WHERE $owner IS NULL OR l.owner = $owner DELETE l
"""
_RECORD: LiteralString = """
OPTIONAL MATCH (previous:__CdpMigration {chain: $chain, version: $previous})
CREATE (m:__CdpMigration {chain: $chain, version: $version, description: $description,
        file: $file, checksum: $checksum, installedAt: datetime(), installedBy: $owner,
        executionMs: $execution_ms})
FOREACH (_ IN CASE WHEN previous IS NULL THEN [] ELSE [1] END | CREATE (previous)-[:NEXT]->(m))
"""


class MigrationError(Exception):
    """The migrations cannot be applied as they are; the message says why."""


class MigrationLocked(MigrationError):
    pass


class ChecksumMismatch(MigrationError):
    pass


@dataclass(frozen=True)
class MigrationFile:
    version: int
    description: str
    path: Path
    checksum: str
    step: Path | None = None  # the Python data step run after the statements, if any
    former: frozenset[str] = frozenset()  # checksums it had when applied (`edited.toml`)

    def statements(self) -> list[str]:
        return split_statements(self.path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class AppliedMigration:
    version: int
    description: str
    checksum: str
    installed_at: datetime | None


@dataclass(frozen=True)
class MigrationStatus:
    applied: list[AppliedMigration]
    pending: list[MigrationFile]
    problems: list[str]

    @property
    def current(self) -> bool:
        return not self.pending and not self.problems


def discover(directory: Path) -> list[MigrationFile]:
    """The migration files of `directory`, ordered by version; odd names are an error."""
    files: list[MigrationFile] = []
    seen: dict[int, Path] = {}
    edited = _edited(directory)
    for lone in sorted(directory.glob("V*.py")):
        if not lone.with_suffix(".cypher").exists():
            raise MigrationError(f"{lone.name}: a data step needs {lone.stem}.cypher beside it")
    for path in sorted(directory.glob("*.cypher")):
        match = _FILE_NAME.match(path.name)
        if match is None:
            raise MigrationError(f"{path.name}: expected a name like V0001__description.cypher")
        version = int(match["version"])
        if version in seen:
            raise MigrationError(f"{path.name} and {seen[version].name} share version {version}")
        seen[version] = path
        digest = hashlib.sha256(_text(path))
        step = path.with_suffix(".py")
        if step.exists():
            digest.update(b"\0" + _text(step))
        files.append(
            MigrationFile(
                version,
                match["description"],
                path,
                digest.hexdigest(),
                step if step.exists() else None,
                frozenset(edited.pop(path.stem, ())),
            )
        )
    if edited:
        raise MigrationError(f"edited.toml names no migration file {', '.join(sorted(edited))}")
    return sorted(files, key=lambda migration: migration.version)


def _edited(directory: Path) -> dict[str, list[str]]:
    """The former checksums of each edited file, by file name without its suffix."""
    path = directory / "edited.toml"
    if not path.exists():
        return {}
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        return {name: [str(c) for c in entry["former"]] for name, entry in table.items()}
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        raise MigrationError(f"edited.toml: {exc}") from exc


def _text(path: Path) -> bytes:
    return path.read_bytes().replace(b"\r\n", b"\n")


def split_statements(text: str) -> list[str]:
    """Split a file on `;` at the end of a line, dropping comment-only lines."""
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    parts = _STATEMENT_END.split("\n".join(lines))
    return [part.strip() for part in parts if part.strip()]


class MigrationRunner:
    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        directory: Path = DEFAULT_DIRECTORY,
        chain: str = DEFAULT_CHAIN,
    ) -> None:
        self.driver = driver
        self.database = database
        self.directory = directory
        self.chain = chain

    async def status(self) -> MigrationStatus:
        files = discover(self.directory)
        applied = await self._applied()
        return _compare(files, applied)

    async def migrate(self) -> list[MigrationFile]:
        """Apply every pending file in order; returns what was applied (empty when current)."""
        await self._bootstrap()
        owner = f"{socket.gethostname()}:{os.getpid()}:{time.time_ns()}"
        await self._lock(owner)
        try:
            status = await self.status()
            if status.problems:
                raise ChecksumMismatch("refusing to migrate:\n  " + "\n  ".join(status.problems))
            applied_versions = [migration.version for migration in status.applied]
            previous = applied_versions[-1] if applied_versions else None
            for migration in status.pending:
                await self._apply(migration, previous, owner)
                previous = migration.version
            return status.pending
        finally:
            await self._run_write(_UNLOCK, {"owner": owner})

    async def unlock(self) -> None:
        """Remove a lock left behind by a process that died while migrating."""
        await self._run_write(_UNLOCK, {"owner": None})

    async def _apply(self, migration: MigrationFile, previous: int | None, owner: str) -> None:
        began = time.monotonic()
        for statement in migration.statements():
            try:
                # Each statement is its own transaction: schema and data changes cannot mix.
                # The text comes from the project's own migration files, never from a user.
                await self.driver.execute_query(
                    Query(statement),
                    routing_=RoutingControl.WRITE,
                    database_=self.database,
                )
            except neo4j_errors.Neo4jError as exc:
                raise MigrationError(f"{migration.path.name} failed: {exc.message or exc}") from exc
        if migration.step is not None:
            await _run_step(migration.step, self.driver, self.database)
        await self._run_write(
            _RECORD,
            {
                "previous": previous,
                "version": migration.version,
                "description": migration.description,
                "file": migration.path.name,
                "checksum": migration.checksum,
                "owner": owner,
                "execution_ms": int((time.monotonic() - began) * 1000),
            },
        )

    async def _bootstrap(self) -> None:
        for statement in _BOOTSTRAP:
            await self.driver.execute_query(statement, database_=self.database)

    async def _lock(self, owner: str) -> None:
        try:
            await self._run_write(_LOCK, {"owner": owner})
        except neo4j_errors.ConstraintError:
            raise MigrationLocked(
                f"another process is migrating chain {self.chain!r}; if none is, "
                "remove the stale lock with `cdp migrate --unlock`"
            ) from None

    async def _applied(self) -> list[AppliedMigration]:
        result = await self.driver.execute_query(
            _APPLIED,
            {"chain": self.chain},
            routing_=RoutingControl.READ,
            database_=self.database,
        )
        return [
            AppliedMigration(
                version=record["version"],
                description=record["description"],
                checksum=record["checksum"],
                installed_at=_native(record["installed_at"]),
            )
            for record in result.records
        ]

    async def _run_write(self, query: LiteralString, params: dict[str, Any]) -> None:
        async def work(tx: AsyncManagedTransaction) -> None:
            result = await tx.run(query, {"chain": self.chain, **params})
            await result.consume()

        async with self.driver.session(database=self.database) as session:
            await session.execute_write(work)


async def _run_step(path: Path, driver: AsyncDriver, database: str) -> None:
    spec = importlib.util.spec_from_file_location(f"cdp_migration_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise MigrationError(f"{path.name} cannot be loaded")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    step: Callable[[AsyncDriver, str], Awaitable[None]] | None = getattr(module, "migrate", None)
    if step is None:
        raise MigrationError(f"{path.name} has no `async def migrate(driver, database)`")
    try:
        await step(driver, database)
    except neo4j_errors.Neo4jError as exc:
        raise MigrationError(f"{path.name} failed: {exc.message or exc}") from exc


def _compare(
    files: Sequence[MigrationFile], applied: Sequence[AppliedMigration]
) -> MigrationStatus:
    by_version = {migration.version: migration for migration in files}
    problems: list[str] = []
    for record in applied:
        file = by_version.get(record.version)
        if file is None:
            problems.append(
                f"V{record.version:04d} ({record.description}) was applied but its file is missing"
            )
        elif record.checksum != file.checksum and record.checksum not in file.former:
            problems.append(
                f"{file.path.name} changed after it was applied (checksum "
                f"{record.checksum[:12]} recorded, {file.checksum[:12]} now): "
                "applied migrations are immutable, add a new one instead"
            )
    last_applied = max((record.version for record in applied), default=0)
    applied_versions = {record.version for record in applied}
    pending = [migration for migration in files if migration.version not in applied_versions]
    for migration in pending:
        if migration.version < last_applied:
            problems.append(
                f"{migration.path.name} is older than the last applied migration "
                f"V{last_applied:04d}: give it a higher version"
            )
    return MigrationStatus(list(applied), pending, problems)


def _native(value: Any) -> datetime | None:
    if value is None:
        return None
    return cast(datetime, value.to_native())

"""Record every Cypher statement a process sends through the neo4j async driver.

`install(path)` patches the driver's `AsyncSession.run` (auto-commit queries) and
`AsyncTransactionBase.run` (explicit and managed transactions, and so `execute_query`), so each
statement is appended to `path` as one JSON line `{"query": ..., "params": ...}`. Temporal values
are tagged (`{"$datetime": iso}`, `{"$date": iso}`) and `load` turns them back into Python ones.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import neo4j.time
from neo4j import Query
from neo4j._async.work.session import AsyncSession
from neo4j._async.work.transaction import AsyncTransactionBase

Statement = tuple[str, dict[str, Any]]
_LOCK = threading.Lock()


def install(path: str) -> Callable[[], None]:
    """Start appending statements to `path`; the returned function undoes the patch."""
    target = Path(path)
    session_run = AsyncSession.run
    transaction_run = AsyncTransactionBase.run

    def record(query: Any, parameters: Mapping[str, Any] | None, extra: Mapping[str, Any]) -> None:
        text = query.text if isinstance(query, Query) else str(query)
        params = {**(parameters or {}), **extra}
        line = json.dumps({"query": text, "params": _encode(params)}, ensure_ascii=False)
        with _LOCK, target.open("a", encoding="utf-8") as out:
            out.write(line + "\n")

    async def run_in_session(
        self: AsyncSession,
        query: Any,
        parameters: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> Any:
        record(query, parameters, kwargs)
        return await session_run(self, query, parameters, **kwargs)

    async def run_in_transaction(
        self: AsyncTransactionBase,
        query: Any,
        parameters: dict[str, Any] | None = None,
        **kwparameters: Any,
    ) -> Any:
        record(query, parameters, kwparameters)
        return await transaction_run(self, query, parameters, **kwparameters)

    AsyncSession.run = run_in_session  # type: ignore[method-assign]
    AsyncTransactionBase.run = run_in_transaction  # type: ignore[method-assign]

    def uninstall() -> None:
        # Only undo our own patch: a later one stacked on top stays in charge.
        if AsyncSession.run is run_in_session:
            AsyncSession.run = session_run  # type: ignore[method-assign]
        if AsyncTransactionBase.run is run_in_transaction:
            AsyncTransactionBase.run = transaction_run  # type: ignore[method-assign]

    return uninstall


def load(path: str) -> list[Statement]:
    """The statements recorded in `path`, in order, their temporal parameters decoded."""
    statements: list[Statement] = []
    with Path(path).open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                entry = json.loads(line, object_hook=_decode)
                statements.append((entry["query"], entry["params"]))
    return statements


def _encode(value: Any) -> Any:
    if isinstance(value, neo4j.time.DateTime | dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, neo4j.time.Date | dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, Mapping):
        return {str(key): _encode(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # times, durations, points: their text is enough to read a capture


def _decode(entry: dict[str, Any]) -> Any:
    if len(entry) == 1:
        if "$datetime" in entry:
            return dt.datetime.fromisoformat(entry["$datetime"])
        if "$date" in entry:
            return dt.date.fromisoformat(entry["$date"])
    return entry

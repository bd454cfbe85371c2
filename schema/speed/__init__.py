"""DRAFT"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from cdp.settings import Settings
from schema.speed import collector
from schema.speed.document_cache import ParseCache
from schema.speed.freed import FreedWithResponse
from schema.speed.leaves import LeavesInPlace, complete_leaves_in_place
from schema.speed.lists_ahead import ListsDecodedAhead
from schema.speed.unconverted import skip_conversion

# Every piece, by name. The benchmark (`bench/speed_paths.py`) leaves them out one at a time.
PIECES = frozenset(
    {
        "parse_cache",
        "leaves",
        "decoding",
        "unconverted",
        "freed",
        "collector",
    }
)
# A piece that works only with others.
_NEEDS = {"decoding": {"unconverted"}}


def pieces(settings: Settings) -> frozenset[str]:
    """The pieces in use: all of them, or none when `speed_paths` is off."""
    if not settings.speed_paths:
        return frozenset()
    chosen = set(PIECES)
    for piece, needed in _NEEDS.items():
        if not needed <= chosen:
            chosen.discard(piece)
    return frozenset(chosen)


def extensions(chosen: Collection[str]) -> list[type[SchemaExtension]]:
    return [ParseCache] if "parse_cache" in chosen else []


class ExecutionContext(LeavesInPlace, ListsDecodedAhead, FreedWithResponse):
    """Strawberry's executor with every piece that overrides it."""


_EXECUTORS = {
    "leaves": LeavesInPlace,
    "decoding": ListsDecodedAhead,
    "freed": FreedWithResponse,
}


def execution_context(
    chosen: Collection[str],
) -> type[StrawberryGraphQLCoreExecutionContext] | None:
    """The executor of these pieces; None for Strawberry's own."""
    bases = tuple(executor for piece, executor in _EXECUTORS.items() if piece in chosen)
    if len(bases) == len(_EXECUTORS):
        return ExecutionContext
    return type("ExecutionContext", bases, {}) if bases else None


def install(
    schema: strawberry.Schema, row_type_names: Iterable[str], chosen: Collection[str]
) -> None:
    """Install the pieces that replace resolvers of the built schema."""
    row_types = list(row_type_names)
    if "leaves" in chosen:
        complete_leaves_in_place(schema, row_types)
    if "unconverted" in chosen:
        skip_conversion(schema, "Mutation", "upsertCustomers", "rows", decode="decoding" in chosen)


def tune_process(chosen: Collection[str]) -> None:
    """What the service process sets once it has started."""
    if "collector" in chosen:
        collector.tune_garbage_collection()

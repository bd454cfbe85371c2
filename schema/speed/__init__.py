"""The speed paths: pieces that replace steps of graphql-core and Strawberry, or tune the
garbage collector, so that a request does less Python work. The setting `speed_paths`
(`CDP_SPEED_PATHS`, on by default) installs all of them; off, none is installed and the
libraries' own paths run, so an upgrade of either library (a security fix) can be served
without a change here. Both ways answer alike (`tests/*/schema/speed/`). What each piece buys is
measured by `bench/speed_paths.py` and written in docs/benchmarks.md ("Speed paths"); pieces
that bought nothing beyond the noise of that measurement were removed.

The pieces, by the name the benchmark gives them:

`parse_cache` (`document_cache.ParseCache`, a schema extension) replaces Strawberry's parse step
with a bounded cache of parsed documents, keyed by their text. Clients send the same few
documents again and again, and parsing one is a good part of a small read's work. A cached
document is also the same object each time, which Strawberry's `ValidationCache` then finds
without comparing two trees. Only a document that parses is
cached: one that does not is left to Strawberry's own parse step, so its syntax error reaches the
client with a code like any other (with Strawberry's `ParserCache`, the error escapes the parse
hook and reaches the client without one).

`unconverted` (`unconverted.skip_conversion`) replaces Strawberry's conversion of the `rows`
argument of `upsertCustomers`. Strawberry converts every argument before it calls a resolver:
for each of thousands of rows, a dispatch on its type and an input object built from it. That
resolver reads its arguments from the selection (`schema.selection`) instead, so the field's
graphql-core resolver is wrapped to hand Strawberry an empty list, which converts at no cost.

`decoding` (`decoding`, `lists_ahead.ListsDecodedAhead`; needs `unconverted`) replaces
graphql-core's coercion of such a list variable, and its conversion to plain values by
`schema.plain`: two walks in Python over every row. msgspec checks the raw variable, in C,
against Struct types derived once from the GraphQL input type, and the plain values are built
from the checked ones by code compiled for the type, which walks only the fields a row gives.
The derived types accept exactly what graphql-core accepts in JSON's usual spelling (unknown
fields refused, nulls only where the type allows them, Int within 32 bits) and a little less (a
lone value where a list is expected, an integer as an ID, anything a custom scalar refuses):
whatever msgspec refuses goes graphql-core's way, which words the errors as it always has. Types
msgspec cannot express (a type nested in itself, a one-of input) are never decoded, nor is a
list whose item type another argument or field takes (only a resolver reading the selection
meets the plain values). The executor hands graphql-core an empty list in the variable's place
(a valid value of every list type) and puts the decoded list where graphql-core keeps coerced
variables.

`collector` (`collector.tune_garbage_collection`, called by the edge once the service has
started) is not GraphQL-specific: only the edge uses it, so it lives here. A bulk upsert builds
hundreds of thousands of small objects; with CPython's default thresholds full collections ran
during such a request, each walking every live object (the schema, the driver, every module).
So what start-up built is frozen (moved where the collector never looks again) and the young
generation is collected every 2,000 allocations rather than 700. Cyclic garbage is still
collected; reference counting frees everything else at once, as before. The young generation
stays small because each pass holds the event loop, and every request in flight waits it out:
a much larger one made those waits long enough to set customer-360's p99
(`docs/benchmarks.md`).

Versions. `decoding` writes the executor's `VariableValues` (its `coerced` and `sources`, new
in graphql-core 3.3) and reads `coerce_default_value` and `MAX_NESTING_DEPTH`, which are not
graphql-core's public API. So it is chosen only under the minor version it was written for
(`DECODING_WRITTEN_FOR`), and imported only when chosen: a newer graphql-core installs and
runs with the other pieces, and bulk rows take the libraries' way until `decoding` has been
checked against it (raise the version here once the suite passes). Against Strawberry the
pieces use `StrawberryGraphQLCoreExecutionContext`, `Schema._schema` and the graphql-core
resolvers Strawberry builds, but copy none of its code. Neither library is pinned to one minor
version; after an upgrade, the tests pass both ways.
"""

from __future__ import annotations

from collections.abc import Collection

import strawberry
from graphql import version_info as graphql_version
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from cdp.settings import Settings
from schema.speed import collector
from schema.speed.document_cache import ParseCache
from schema.speed.unconverted import skip_conversion

# Every piece, by name. The benchmark (`bench/speed_paths.py`) leaves them out one at a time.
PIECES = frozenset({"parse_cache", "unconverted", "decoding", "collector"})
# A piece that works only with others.
_NEEDS = {"decoding": {"unconverted"}}
# The graphql-core (major, minor) whose internals `decoding` reads.
DECODING_WRITTEN_FOR = (3, 3)


def pieces(settings: Settings) -> frozenset[str]:
    """The pieces in use: all of them, or none when `speed_paths` is off."""
    if not settings.speed_paths:
        return frozenset()
    chosen = set(PIECES)
    if (graphql_version.major, graphql_version.minor) != DECODING_WRITTEN_FOR:
        chosen.discard("decoding")
    for piece, needed in _NEEDS.items():
        if not needed <= chosen:
            chosen.discard(piece)
    return frozenset(chosen)


def extensions(chosen: Collection[str]) -> list[type[SchemaExtension]]:
    return [ParseCache] if "parse_cache" in chosen else []


def execution_context(
    chosen: Collection[str],
) -> type[StrawberryGraphQLCoreExecutionContext] | None:
    """The executor of these pieces; None for Strawberry's own."""
    if "decoding" not in chosen:
        return None
    # Imported here: it reads graphql-core internals that another version may not have.
    from schema.speed.lists_ahead import ListsDecodedAhead  # noqa: PLC0415

    return ListsDecodedAhead


def install(schema: strawberry.Schema, chosen: Collection[str]) -> None:
    """Install the pieces that replace resolvers of the built schema."""
    if "unconverted" in chosen:
        skip_conversion(schema, "Mutation", "upsertCustomers", "rows", decode="decoding" in chosen)


def tune_process(chosen: Collection[str]) -> None:
    """What the service process sets once it has started."""
    if "collector" in chosen:
        collector.tune_garbage_collection()

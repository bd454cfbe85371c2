"""Values a request is done with, freed once its response has been sent.

Freeing a bulk request's rows (a map, a list and a few more objects per row, twice over: as
coerced and as sent to Neo4j) took 1.5 ms per 1,000 rows, spent where the values were
dropped: before the response left. The edge (`cdp.edge.limits`) holds what the request hands here
and lets go of it after the response, so the client no longer waits for it. Outside a request
nothing is held and a value is freed where it is dropped, as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# One list per request, shared by every task the request starts (each copies the context, and
# so the reference to this same list).
_HELD: ContextVar[list[object] | None] = ContextVar("freed_after_response", default=None)


@contextmanager
def holding() -> Iterator[None]:
    """Keep what is handed to `free_after_response` within until the block ends."""
    held: list[object] = []
    token = _HELD.set(held)
    try:
        yield
    finally:
        _HELD.reset(token)
        held.clear()  # the values are freed here


def free_after_response(value: object) -> None:
    """Keep `value` alive until the request's response has been sent (no-op outside one)."""
    held = _HELD.get()
    if held is not None:
        held.append(value)

"""The interpreter's garbage collector, set for a server that builds large requests.

A bulk upsert of 10,000 rows builds a few hundred thousand small objects (a map per row and per
input object, coerced, validated, sent). With CPython's defaults (a young collection every 700
allocations, a full one every hundred young ones) full collections run several times during
such a request, and each walks every live object, the schema, the driver and every module
included: measured at 40 % of the request's CPU.

So once the service has started, the objects it keeps for its whole life are frozen (moved
where the collector never looks again), and young collections run every 50,000 allocations.
Cyclic garbage is still collected, only in fewer, larger passes; reference counting frees
everything else at once, as before.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000
_tuned = False


def tune_garbage_collection() -> None:
    """Freeze what start-up built and collect the young generation less often (once per
    process: a second app in the same process, as tests build, changes nothing)."""
    global _tuned
    if _tuned:
        return
    _tuned = True
    _, middle, old = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)

"""The garbage collector tuned for a server of large requests (`schema.speed`, piece
"collector")."""

from __future__ import annotations

import gc

# Small enough that a pass of the young generation stays far below a request's time (a pass
# walks every young object still alive), large enough that passes are few.
YOUNG_THRESHOLD = 2_000
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

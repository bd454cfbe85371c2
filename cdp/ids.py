"""Ids: a type prefix and a UUID, so any id tells which kind of node it names. Each type's
prefix is declared on its spec (`ObjectSpec.id_prefix`); the registry maps them to labels.

New ids are version-7 UUIDs: the time in milliseconds, then random bits, drawn in increasing
order by this process. Each id index of Neo4j is a B-tree: ids that follow each other are
added at its end, on pages already in memory, where random (version-4) ids went each to a page
of its own, so a bulk load touches fewer pages (docs/benchmarks.md). An id so tells when its
node was created, which every node also says itself (`createdAt`). Demo data is drawn from a
seeded generator, so a seed gives the same ids."""

from __future__ import annotations

import random
import re
import uuid

from uuid_utils import uuid7

# A type's prefix (three lowercase letters, declared on its ObjectSpec) and the UUID in hex.
_ID = re.compile(r"^(?P<prefix>[a-z]{3})_[0-9a-f]{32}$")


def new_id(prefix: str, rng: random.Random | None = None) -> str:
    """A new id of the type with this `prefix`: time-ordered, or drawn from `rng` (demo data,
    reproducible)."""
    if rng is not None:
        return f"{prefix}_{uuid.UUID(int=rng.getrandbits(128), version=4).hex}"
    return f"{prefix}_{uuid7().hex}"


def new_ids(prefix: str, count: int, rng: random.Random | None = None) -> list[str]:
    """`count` new ids at once (a bulk load's customers)."""
    return [new_id(prefix, rng) for _ in range(count)]


def prefix_of(node_id: str) -> str | None:
    """The prefix of an id, or None for a string that is no id of ours."""
    match = _ID.match(node_id)
    return match["prefix"] if match else None

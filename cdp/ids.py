"""Ids: a type prefix and a UUID, so any id tells which kind of node it names.

New ids are version-7 UUIDs: the time in milliseconds, then random bits, drawn in increasing
order by this process. Each id index of Neo4j is a B-tree: ids that follow each other are
added at its end, on pages already in memory, where random (version-4) ids went each to a page
of its own, so a bulk load touches fewer pages (docs/benchmarks.md). An id so tells when its node
was created, which every node also says itself
(`createdAt`). Demo data is drawn from a seeded generator, so a seed gives the same ids."""

from __future__ import annotations

import random
import re
import uuid

from uuid_utils import uuid7

from cdp.errors import BadUserInput

# The prefix of each kind of node, and the only labels a client's id can lead a query to.
PREFIXES: dict[str, str] = {
    "Customer": "cus",
    "Contact": "con",
    "AcquisitionSource": "src",
    "Product": "prd",
    "Order": "ord",
    "Touchpoint": "tpt",
    "Employee": "emp",
}
LABELS: dict[str, str] = {prefix: label for label, prefix in PREFIXES.items()}
_ID = re.compile(r"^(?P<prefix>[a-z]{3})_[0-9a-f]{32}$")


def new_id(label: str, rng: random.Random | None = None) -> str:
    """A new id of a `label`: time-ordered, or drawn from `rng` (demo data, reproducible)."""
    if rng is not None:
        return f"{PREFIXES[label]}_{uuid.UUID(int=rng.getrandbits(128), version=4).hex}"
    return f"{PREFIXES[label]}_{uuid7().hex}"


def new_ids(label: str, count: int, rng: random.Random | None = None) -> list[str]:
    """`count` new ids at once (a bulk load's customers)."""
    return [new_id(label, rng) for _ in range(count)]


def label_of(node_id: str) -> str | None:
    """The label an id belongs to, or None for a string that is no id of ours."""
    match = _ID.match(node_id)
    return LABELS.get(match["prefix"]) if match else None


def require_id(node_id: str, label: str, field: str) -> str:
    """`node_id` if it is an id of a `label`, else BAD_USER_INPUT naming `field`."""
    if label_of(node_id) != label:
        raise BadUserInput(f"{node_id!r} is not the id of a {label}.", field=field)
    return node_id

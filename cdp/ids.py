"""Ids: a type prefix and a random UUID, so any id tells which kind of node it names."""

from __future__ import annotations

import os
import random
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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


# Set only while generating demo data, so that a seed reproduces the same ids.
_SEEDED: ContextVar[random.Random | None] = ContextVar("seeded_ids", default=None)


def new_id(label: str) -> str:
    rng = _SEEDED.get()
    value = uuid.uuid4() if rng is None else uuid.UUID(int=rng.getrandbits(128), version=4)
    return f"{PREFIXES[label]}_{value.hex}"


# The bits `uuid.UUID(..., version=4)` sets: the version (4) and the RFC 4122 variant.
_UUID4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID4_SET = (0x4000 << 64) | (0x8000 << 48)


def new_ids(label: str, count: int) -> list[str]:
    """`count` new ids at once: one read of the system's randomness instead of one per id,
    which is most of the cost of a bulk write's ids."""
    if _SEEDED.get() is not None:
        return [new_id(label) for _ in range(count)]
    prefix = PREFIXES[label]
    random_bytes = os.urandom(16 * count)
    return [
        f"{prefix}_{int.from_bytes(random_bytes[i : i + 16]) & _UUID4_CLEAR | _UUID4_SET:032x}"
        for i in range(0, 16 * count, 16)
    ]


@contextmanager
def seeded_ids(seed: int) -> Iterator[None]:
    """New ids drawn from a seeded generator inside the block (demo data), random elsewhere."""
    token = _SEEDED.set(random.Random(seed))  # noqa: S311 - reproducible ids, not secrets
    try:
        yield
    finally:
        _SEEDED.reset(token)


def label_of(node_id: str) -> str | None:
    """The label an id belongs to, or None for a string that is no id of ours."""
    match = _ID.match(node_id)
    return LABELS.get(match["prefix"]) if match else None


def require_id(node_id: str, label: str, field: str) -> str:
    """`node_id` if it is an id of a `label`, else BAD_USER_INPUT naming `field`."""
    if label_of(node_id) != label:
        raise BadUserInput(f"{node_id!r} is not the id of a {label}.", field=field)
    return node_id

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


# A version-4 UUID's 17th hex digit holds its variant (RFC 4122): two bits set to 10.
_VARIANT_DIGIT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def new_ids(label: str, count: int) -> list[str]:
    """`count` new ids at once: one read of the system's randomness instead of one per id
    (most of the cost of a bulk write's ids), spelled as version-4 UUIDs by string slices."""
    if _SEEDED.get() is not None:
        return [new_id(label) for _ in range(count)]
    prefix = PREFIXES[label]
    digits = os.urandom(16 * count).hex()
    return [
        f"{prefix}_{digits[i : i + 12]}4{digits[i + 13 : i + 16]}"
        f"{_VARIANT_DIGIT[digits[i + 16]]}{digits[i + 17 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


def new_id_in_cypher(label: str) -> str:
    """A Cypher expression drawing a new id of a `label`, spelled as `new_id` spells it: for a
    statement that creates nodes only for the rows that need one, known only in the database."""
    return f"'{PREFIXES[label]}_' + replace(randomUUID(), '-', '')"


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

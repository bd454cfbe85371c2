"""The `first` argument of every list: its default stated in the schema, and its maximum."""

from __future__ import annotations

from typing import Any

import strawberry

from cdp import bounds

# An `in`-list argument of enum values.
CHOICES = strawberry.argument(
    description=f"Any of these (at most {bounds.CHOICES}); an empty list matches nothing."
)


def first(default: int) -> Any:
    """The annotation of a list's `first` whose default is `default` (give it as the Python
    default too): without it, a client could not tell how many items it gets."""
    return strawberry.argument(
        description=(
            f"How many items: {default} when left out, at most {bounds.PAGE_LIMIT} (or the"
            " service's lower page limit); more is refused with VALUE_OUT_OF_RANGE."
        )
    )

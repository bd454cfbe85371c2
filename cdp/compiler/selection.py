"""What a client asked for, independent of GraphQL libraries: the input of the Cypher compiler."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Selected:
    """One selected field: its schema name, its key in the response, its arguments, its fields.

    `on` is the type condition it was selected under (an inline fragment or a fragment spread),
    None when it applies whatever the concrete type.
    """

    name: str
    key: str
    args: Mapping[str, Any] = field(default_factory=dict)
    fields: tuple[Selected, ...] = ()
    on: str | None = None

    def child(self, name: str) -> Selected | None:
        """The first selection of field `name`, if any."""
        return next((selected for selected in self.fields if selected.name == name), None)

    def children(self, name: str) -> Iterator[Selected]:
        return (selected for selected in self.fields if selected.name == name)

    def selects(self, name: str) -> bool:
        return any(selected.name == name for selected in self.fields)

    def for_type(self, type_names: frozenset[str]) -> Iterator[Selected]:
        """The fields that apply to an object of one of `type_names` (its type, its interfaces)."""
        return (f for f in self.fields if f.on is None or f.on in type_names)


def merge_by_key(fields: tuple[Selected, ...]) -> list[Selected]:
    """Fields sharing a response key (from several fragments) merged into one, as GraphQL does."""
    merged: dict[str, Selected] = {}
    for selected in fields:
        earlier = merged.get(selected.key)
        merged[selected.key] = (
            selected
            if earlier is None
            else Selected(
                earlier.name,
                earlier.key,
                earlier.args,
                earlier.fields + selected.fields,
                earlier.on,
            )
        )
    return list(merged.values())

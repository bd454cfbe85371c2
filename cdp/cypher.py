"""Building Cypher text safely: values only ever travel as parameters, names from allowlists."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class QueryBuilder:
    """Hands out unique parameter and variable names while one query is compiled."""

    params: dict[str, Any] = field(default_factory=dict)
    _variables: int = 0

    def param(self, value: Any) -> str:
        """Bind `value` to a new parameter and return its placeholder (`$p3`)."""
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"${name}"

    def variable(self, prefix: str = "n") -> str:
        self._variables += 1
        return f"{prefix}{self._variables}"


def map_literal(entries: dict[str, str]) -> str:
    """`{key: expression, ...}`, quoting each key (response keys are GraphQL names or aliases)."""
    return "{" + ", ".join(f"`{key}`: {value}" for key, value in entries.items()) + "}"

"""Building Cypher text safely: values only ever travel as parameters, names from allowlists."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cdp.access.policy import Policy


@dataclass
class QueryBuilder:
    """Hands out unique parameter and variable names while one query is compiled, and carries
    the viewer's policy and the largest page a client may ask for (CDP_MAX_PAGE) into every
    part of it."""

    policy: Policy
    max_page: int
    params: dict[str, Any] = field(default_factory=dict)
    pii_read: set[str] = field(default_factory=set)  # unmasked personal data, for the audit log
    _variables: int = 0

    def visible(self, customer: str) -> list[str]:
        """The conditions under which customer variable `customer` may be seen."""
        partner = self.policy.partner
        if partner is None:
            return []
        if "partner" not in self.params:
            self.params["partner"] = partner
        return self.policy.customer_visible(customer, "$partner")

    def param(self, value: Any) -> str:
        """Bind `value` to a new parameter and return its placeholder (`$p3`)."""
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"${name}"

    def variable(self, prefix: str = "n") -> str:
        self._variables += 1
        return f"{prefix}{self._variables}"


def camel_case(name: str) -> str:
    """A Python name as the graph's property name: `postal_code` → `postalCode`."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def map_literal(entries: dict[str, str]) -> str:
    """`{key: expression, ...}`, quoting each key (response keys are GraphQL names or aliases)."""
    return "{" + ", ".join(f"`{key}`: {value}" for key, value in entries.items()) + "}"

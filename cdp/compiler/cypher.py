"""Building Cypher text safely: values only ever travel as parameters, names from allowlists.

The helpers below write every brace of the Cypher the compiler produces (maps, node
properties, subqueries), so the f-strings that assemble a statement never double one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cdp.access.policy import Policy
    from cdp.compiler.projection import Registry


@dataclass(frozen=True)
class Statement:
    """One compiled statement, ready to run: its text, its parameters, and the personal data
    fields it reads unmasked (`Type.field`, for the audit log)."""

    text: str
    params: Mapping[str, Any]
    pii_read: frozenset[str] = frozenset()


@dataclass
class QueryBuilder:
    """Hands out unique parameter and variable names while one statement is compiled, and
    carries what it is compiled under: the viewer's policy, the specs of the types it reads,
    and the largest page a client may ask for."""

    policy: Policy
    registry: Registry
    max_page: int
    params: dict[str, Any] = field(default_factory=dict)
    pii_read: set[str] = field(default_factory=set)  # unmasked personal data, for the audit log
    _variables: int = 0
    # The business's date the statement reads as today (a goal's elapsed share), asked for only
    # by what needs it and bound as a parameter, so that the text is the same every day; None
    # for the platform's own work.
    business_day: Callable[[], date | None] = lambda: None

    def visible(self, customer: str) -> list[str]:
        """The conditions under which customer variable `customer` may be seen."""
        partner = self.policy.partner
        if partner is None:
            return []
        if "partner" not in self.params:
            self.params["partner"] = partner
        return partner_sees(customer)

    def param(self, value: Any) -> str:
        """Bind `value` to a new parameter and return its placeholder (`$p3`)."""
        name = f"p{len(self.params)}"
        self.params[name] = value
        return f"${name}"

    def variable(self, prefix: str = "n") -> str:
        self._variables += 1
        return f"{prefix}{self._variables}"

    def statement(self, text: str) -> Statement:
        """`text` with the parameters bound so far."""
        return Statement(text, dict(self.params), frozenset(self.pii_read))


def camel_case(name: str) -> str:
    """A Python name as the graph's property name: `postal_code` → `postalCode`."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


# --- text ------------------------------------------------------------------------------------


def braced(inner: str) -> str:
    """`{inner}`: the one place a brace of Cypher is written."""
    return "{" + inner + "}"


def map_literal(entries: Mapping[str, str]) -> str:
    """`{key: expression, ...}`, quoting each key (response keys are GraphQL names or aliases)."""
    return braced(", ".join(f"`{key}`: {value}" for key, value in entries.items()))


def record(**entries: str) -> str:
    """`{key: expression, ...}` with keys the code names (`record(minor=..., currency=...)`)."""
    return braced(", ".join(f"{key}: {value}" for key, value in entries.items()))


def properties(var: str, names: Sequence[str]) -> str:
    """`var {.a, .b}`: a map projection of properties under their own names."""
    return f"{var} {braced(', '.join(f'.{name}' for name in names))}"


def node(var: str = "", label: str = "", **props: str) -> str:
    """A node pattern, `(var:Label {key: expression})`; the label from an allowlist."""
    inner = f"{var}:{label}" if label else var
    if props:
        inner += f" {record(**props)}"
    return f"({inner})"


def collect(query: str) -> str:
    """`COLLECT { query }`: the list of what the subquery returns."""
    return f"COLLECT {braced(f' {query} ')}"


def count(query: str) -> str:
    """`COUNT { query }`: how many rows the subquery (or pattern) matches."""
    return f"COUNT {braced(f' {query} ')}"


def exists(query: str) -> str:
    """`EXISTS { query }`: whether the subquery (or pattern) matches."""
    return f"EXISTS {braced(f' {query} ')}"


def where(conditions: Sequence[str]) -> str:
    """` WHERE a AND b`, or nothing without conditions."""
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


# --- what a partner sees ----------------------------------------------------------------------
# A partner sees the customers it brought or that were shared with it, only while their latest
# consent to sharing stands. Every statement names the partner `$partner`.
SHARING = "SHARING"


def partner_sees(customer: str) -> list[str]:
    """The conditions under which partner `$partner` may see customer variable `customer`."""
    partner = node("", "Partner", id="$partner")
    return [
        f"({exists(f'({customer})<-[:BROUGHT]-{partner}')} "
        f"OR {exists(f'({customer})-[:SHARED_WITH]->{partner}')})",
        f"{latest_sharing(customer)} = 'GRANTED'",
    ]


def seen_by_viewer(customer: str) -> str:
    """Customer `customer` may be seen by whoever runs the statement: staff (`$partner` null) see
    every customer. For statements written once for every viewer (the write checks); the
    compiler adds `partner_sees` only for a partner."""
    return f"($partner IS NULL OR ({' AND '.join(partner_sees(customer))}))"


def latest_sharing(var: str) -> str:
    """The status of customer `var`'s latest SHARING event (null if none): by when it was
    given, then when it was recorded, whatever its channel (events stored with one before
    sharing lost its channel still count). Visibility and the consent guard both read this."""
    return (
        collect(
            f"MATCH ({var})-[:GAVE]->(consent:ConsentEvent) "
            f"WHERE consent.purpose = '{SHARING}' RETURN consent.status "
            f"ORDER BY consent.at DESC, consent.recordedAt DESC LIMIT 1"
        )
        + "[0]"
    )


def saturated_sum(items: str, item: str, term: str) -> str:
    """The sum of `term` over `items` (each bound as `item`), at most 2^63-1: records stored
    before amounts were bounded may add up beyond Neo4j's 64-bit integers, and a read must not
    fail on them."""
    return (
        f"CASE WHEN reduce(s = 0.0, {item} IN {items} | s + toFloat({term})) "
        f">= 9.223372036854776e18 THEN 9223372036854775807 "
        f"ELSE reduce(s = 0, {item} IN {items} | s + {term}) END"
    )

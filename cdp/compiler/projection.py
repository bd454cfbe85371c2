"""Compiles a selection into one Cypher map expression per object: only what was selected.

Each GraphQL object type has an `ObjectSpec` that says, field by field, which Cypher expression
produces it from a variable bound to that object. Relationships become COLLECT/COUNT subqueries
nested inside the map, so a whole tree of selections is read by a single query. Edge-like types
(an influence, an ownership, a line item) are bound to a relationship variable `r`; the node at
its other end is bound as `r_o`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cdp import bounds
from cdp.access.privacy import is_pii
from cdp.compiler.cypher import QueryBuilder, map_literal
from cdp.compiler.selection import Selected, merge_by_key
from cdp.errors import ValueOutOfRange

Compile = Callable[[QueryBuilder, str, Selected], str]
WhereBuilder = Callable[[QueryBuilder, str, Selected], list[str]]
# A step appended to a list's MATCH pattern from `{x}`, with the conditions on what it binds.
AnchorBuilder = Callable[[QueryBuilder, str, Selected], tuple[str, list[str]]]


@dataclass(frozen=True)
class ObjectSpec:
    name: str
    fields: dict[str, Compile]
    interfaces: frozenset[str] = frozenset()

    @property
    def type_names(self) -> frozenset[str]:
        return self.interfaces | {self.name}


REGISTRY: dict[str, ObjectSpec] = {}


def register(spec: ObjectSpec) -> ObjectSpec:
    REGISTRY[spec.name] = spec
    return spec


def project(
    qb: QueryBuilder, type_name: str, var: str, selected: Selected, *, typed: bool = False
) -> str:
    """The map of every field of `selected` that applies to `type_name`, read from `var`;
    `typed` adds `__typename`, which an interface needs to tell the object's type."""
    spec = _spec(type_name)
    entries: dict[str, str] = {"__typename": f"'{spec.name}'"} if typed else {}
    moments: list[str] = []  # keys of date-times, sent as text
    for child in merge_by_key(tuple(selected.for_type(spec.type_names))):
        if child.name == "__typename":
            entries[child.key] = f"'{spec.name}'"  # a name from the registry, never user text
            continue
        qb.policy.check_field(spec.name, child.name)
        masked = qb.policy.mask(spec.name, child.name)
        if masked is not None:
            entries[child.key] = masked.format(v=var)
            continue
        if is_pii(spec.name, child.name):
            qb.pii_read.add(f"{spec.name}.{child.name}")
        compiler = spec.fields[child.name]
        entries[child.key] = compiler(qb, var, child)
        if isinstance(compiler, Moment):
            moments.append(child.key)
    if spec.name == "Customer" and qb.policy.viewer.sees_pii:
        entries["__audit"] = f"{var}.id"  # which customers a read showed, for the audit log
    return as_text(qb, map_projection(var, entries), moments)


def as_text(qb: QueryBuilder, projected: str, keys: Sequence[str]) -> str:
    """The map `projected` with its entries `keys` turned to text. The map is built first and
    converted after, so its properties are still read at once (a `toString` inside the map
    projection would read each of them alone)."""
    if not keys:
        return projected
    m = qb.variable("m")
    texts = ", ".join(f"`{key}`: toString({m}.`{key}`)" for key in keys)
    return f"[{m} IN [{projected}] | {m} {{.*, {texts}}}][0]"


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def map_projection(var: str, entries: dict[str, str]) -> str:
    """`entries` as a map projection of `var` where it can be: a property shown under its own
    name becomes `.name`, which Neo4j reads with the node's other properties (a third fewer
    db hits than `{name: v.name, ...}` for a typical object)."""
    if not _IDENTIFIER.fullmatch(var) or len(set(entries.values())) < len(entries):
        # Neo4j 5.26 returned null for one of two keys of a map projection that read the same
        # property (`x {.id, a: x.id}`, or `x {a: x.id, b: x.id}`, inside a larger query).
        return map_literal(entries)
    shorthand = [key for key, value in entries.items() if value == f"{var}.{key}"]
    if not shorthand:
        return map_literal(entries)
    others = {key: value for key, value in entries.items() if key not in shorthand}
    items = [f".{key}" for key in shorthand]
    items += [f"`{key}`: {value}" for key, value in others.items()]
    return f"{var} {{{', '.join(items)}}}"


def page_size(first: int | None, default: int, limit: int) -> int:
    """`first` of a list, refused beyond the page limit `limit` (CDP_MAX_PAGE;
    VALUE_OUT_OF_RANGE); left out (the schema's default, or null), the default, within it."""
    if first is None or (first == default and default > limit):
        # A client that names no page size is not told that one it never sent is too large.
        return min(default, limit)
    if not 0 <= first <= limit:
        raise ValueOutOfRange(f"first must be between 0 and {limit}.", field="first", limit=limit)
    return first


def _spec(type_name: str) -> ObjectSpec:
    if not REGISTRY:
        # The specs live in cdp.model, which builds on this module: load them on first use.
        import cdp.model  # noqa: F401, PLC0415
    return REGISTRY[type_name]


# --- field compilers -------------------------------------------------------------------------


def prop(name: str, default: str | None = None) -> Compile:
    """A property of the node (or relationship); `default` is a Cypher literal for null."""

    def compile_prop(_: QueryBuilder, var: str, __: Selected) -> str:
        return f"coalesce({var}.{name}, {default})" if default else f"{var}.{name}"

    return compile_prop


@dataclass(frozen=True)
class Moment:
    """A date-time property. It leaves the database as text (`toString`): the driver's turning
    of each into a Python date-time object, and the API's turning it back into text, cost more
    than everything else of a large read."""

    name: str

    def __call__(self, _: QueryBuilder, var: str, __: Selected) -> str:
        return f"{var}.{self.name}"


def expression(template: str) -> Compile:
    """A fixed Cypher expression over `{v}`, the object's variable; `{a}`, `{b}` are fresh
    variable names for its own patterns (a fixed name could capture an outer variable)."""

    def compile_expression(qb: QueryBuilder, var: str, __: Selected) -> str:
        return template.format(v=var, a=qb.variable("a"), b=qb.variable("b"))

    return compile_expression


def nested(type_name: str, template: str) -> Compile:
    """An object computed from the same variable (a group of properties shown as a type)."""

    def compile_nested(qb: QueryBuilder, var: str, selected: Selected) -> str:
        return project(qb, type_name, template.format(v=var), selected)

    return compile_nested


@dataclass(frozen=True)
class Related:
    """Objects reached by a pattern from `{v}`, binding `{x}` (a node or a relationship);
    `{r}` is a fresh name for a helper variable of the pattern."""

    type_name: str
    pattern: str
    order: str = ""
    single: bool = False
    where: WhereBuilder | None = None
    limit_arg: str | None = None
    # Without `limit_arg`, a fixed cap the schema states (the page limit is for `first`).
    default_limit: int = bounds.UNPAGED
    extra_where: Sequence[str] = field(default_factory=tuple)

    def __call__(self, qb: QueryBuilder, var: str, selected: Selected) -> str:
        x, r = qb.variable("x"), qb.variable("r")
        conditions = [c.format(v=var, x=x, r=r) for c in self.extra_where]
        if self.where is not None:
            conditions += self.where(qb, x, selected)
        # Whatever leads to a customer leads only to customers the viewer may see.
        if self.type_name == "Customer":
            conditions += qb.visible(x)
        elif self.type_name == "Influence":
            conditions += qb.visible(f"{x}_o")
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        order = f" ORDER BY {self.order.format(x=x)}" if self.order else ""
        if self.single:
            limit = " LIMIT 1"
        elif self.limit_arg is None:
            limit = f" LIMIT {qb.param(self.default_limit)}"
        else:
            requested = selected.args.get(self.limit_arg)
            limit = f" LIMIT {qb.param(page_size(requested, self.default_limit, qb.max_page))}"
        body = project(qb, self.type_name, x, selected)
        carried = f"{x}, {x}_o" if "{x}_o" in self.pattern else x
        # Sorting and limiting before the projection computes it for the kept rows only.
        query = (
            f"COLLECT {{ MATCH {self.pattern.format(v=var, x=x, r=r)}{where} "
            f"WITH {carried}{order}{limit} RETURN {body} }}"
        )
        return f"head({query})" if self.single else query

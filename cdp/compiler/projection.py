"""Compiles a selection into one Cypher map expression per object: only what was selected.

Each GraphQL object type has an `ObjectSpec` that says, field by field, which Cypher expression
produces it from a variable bound to that object; a `Registry` holds the specs a query may
read. Relationships become COLLECT/COUNT subqueries nested inside the map, so a whole tree of
selections is read by a single query. Edge-like types (an influence, an ownership, a line item)
are bound to a relationship variable `r`; the node at its other end is bound as `r_o`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from cdp import bounds
from cdp.access.privacy import Mask
from cdp.compiler.cypher import QueryBuilder, braced, collect, map_literal, record, where
from cdp.compiler.selection import Selected, merge_by_key
from cdp.errors import BadUserInput, ValueOutOfRange
from cdp.ids import prefix_of

Compile = Callable[[QueryBuilder, str, Selected], str]
WhereBuilder = Callable[[QueryBuilder, str, Selected], list[str]]
# A step appended to a list's MATCH pattern from the variable it binds, with the conditions
# on what the step binds.
AnchorBuilder = Callable[[QueryBuilder, str, Selected], tuple[str, list[str]]]
# A pattern from the object's variable `v`, binding `x`, with `r` free for a helper variable.
Pattern = Callable[[str, str, str], str]

# The Relay interface of every object with an id.
NODE = frozenset({"Node"})


@dataclass(frozen=True)
class ObjectSpec:
    """How one object type is read.

    `audited`: a viewer who sees personal data has the object's id tagged `__audit` in what
    it reads, so the audit log names the records a read showed. `edge`: the object is read
    from a relationship, with the node at its other end bound as `{var}_o`. `guarded_by`:
    an object reached through a relationship follows a customer's partner visibility, the
    object's own (`"self"`) or the node's at its other end (`"other_end"`). `masks`: the
    fields that hold personal data, each with how it reads for a viewer who may not see it
    (partly hidden, keeping what is not personal: an e-mail's domain, a phone's last digits).
    `id_prefix`: a node type's id prefix (`cdp.ids`), which also makes its label one a
    client's id may lead a query to. `owner`: for a node that belongs to a customer, the pattern
    from that customer (its first variable) to the node (its second), so that the node read by
    its id follows the customer's partner visibility too.
    """

    name: str
    fields: Mapping[str, Compile]
    interfaces: frozenset[str] = frozenset()
    audited: bool = False
    edge: bool = False
    guarded_by: Literal["self", "other_end"] | None = None
    masks: Mapping[str, Mask] = dataclasses.field(default_factory=dict)
    id_prefix: str | None = None
    owner: Callable[[str, str], str] | None = None

    @property
    def type_names(self) -> frozenset[str]:
        return self.interfaces | {self.name}


class Registry:
    """The specs of the object types compiled queries read, by type name, and the labels their
    ids name, by prefix."""

    def __init__(self, specs: Iterable[ObjectSpec] = ()) -> None:
        by_name: dict[str, ObjectSpec] = {}
        by_prefix: dict[str, str] = {}
        for spec in specs:
            if spec.name in by_name:
                raise ValueError(f"Two specs read the type {spec.name}.")
            by_name[spec.name] = spec
            if spec.id_prefix is not None:
                if spec.id_prefix in by_prefix:
                    raise ValueError(f"Two types have the id prefix {spec.id_prefix}.")
                by_prefix[spec.id_prefix] = spec.name
        self._specs = MappingProxyType(by_name)
        self._labels = MappingProxyType(by_prefix)

    def __getitem__(self, type_name: str) -> ObjectSpec:
        return self._specs[type_name]

    def __contains__(self, type_name: object) -> bool:
        return type_name in self._specs

    def __iter__(self) -> Iterator[ObjectSpec]:
        return iter(self._specs.values())

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._specs)

    def id_prefix(self, label: str) -> str:
        """The id prefix of a node type (KeyError for a type without ids)."""
        prefix = self._specs[label].id_prefix
        if prefix is None:
            raise KeyError(f"{label} has no ids of its own.")
        return prefix

    def label_of(self, node_id: str) -> str | None:
        """The label an id names, or None for a string that is no id of ours."""
        prefix = prefix_of(node_id)
        return None if prefix is None else self._labels.get(prefix)

    def require_id(self, node_id: str, label: str, field: str) -> str:
        """`node_id` if it is an id of a `label`, else BAD_USER_INPUT naming `field`."""
        if self.label_of(node_id) != label:
            raise BadUserInput(f"{node_id!r} is not the id of a {label}.", field=field)
        return node_id


def project(
    qb: QueryBuilder, type_name: str, var: str, selected: Selected, *, typed: bool = False
) -> str:
    """The map of every field of `selected` that applies to `type_name`, read from `var`;
    `typed` adds `__typename`, which an interface needs to tell the object's type."""
    spec = qb.registry[type_name]
    entries: dict[str, str] = {"__typename": f"'{spec.name}'"} if typed else {}
    moments: list[str] = []  # keys of date-times, sent as text
    for child in merge_by_key(tuple(selected.for_type(spec.type_names))):
        if child.name == "__typename":
            entries[child.key] = f"'{spec.name}'"  # a name from the registry, never user text
            continue
        qb.policy.check_field(spec.name, child.name)
        mask = spec.masks.get(child.name)
        if mask is not None:
            if not qb.policy.viewer.sees_pii:
                entries[child.key] = mask(var)
                continue
            qb.pii_read.add(f"{spec.name}.{child.name}")
        compiler = spec.fields[child.name]
        entries[child.key] = compiler(qb, var, child)
        if isinstance(compiler, Moment):
            moments.append(child.key)
    if spec.audited and qb.policy.viewer.sees_pii:
        entries["__audit"] = f"{var}.id"  # which records a read showed, for the audit log
    return as_text(qb, map_projection(var, entries), moments)


def as_text(qb: QueryBuilder, projected: str, keys: Sequence[str]) -> str:
    """The map `projected` with its entries `keys` turned to text. The map is built first and
    converted after, so its properties are still read at once (a `toString` inside the map
    projection would read each of them alone)."""
    if not keys:
        return projected
    m = qb.variable("m")
    texts = [f"`{key}`: toString({m}.`{key}`)" for key in keys]
    return f"[{m} IN [{projected}] | {m} {braced(', '.join(['.*', *texts]))}][0]"


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
    return f"{var} {braced(', '.join(items))}"


def page_size(first: int | None, default: int, limit: int) -> int:
    """`first` of a list, refused beyond the page `limit` (VALUE_OUT_OF_RANGE); left out (the
    schema's default, or null), the default, within the limit."""
    if first is None or (first == default and default > limit):
        # A client that names no page size is not told that one it never sent is too large.
        return min(default, limit)
    if not 0 <= first <= limit:
        raise ValueOutOfRange(f"first must be between 0 and {limit}.", field="first", limit=limit)
    return first


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


def expression(of: Callable[[str], str]) -> Compile:
    """A fixed Cypher expression of the object's variable."""

    def compile_expression(_: QueryBuilder, var: str, __: Selected) -> str:
        return of(var)

    return compile_expression


def nested(type_name: str) -> Compile:
    """An object read from the same variable (a group of properties shown as a type)."""

    def compile_nested(qb: QueryBuilder, var: str, selected: Selected) -> str:
        return project(qb, type_name, var, selected)

    return compile_nested


def other(type_name: str) -> Compile:
    """The node at the other end of an edge-like object (bound as `{var}_o`)."""

    def compile_other(qb: QueryBuilder, var: str, selected: Selected) -> str:
        return project(qb, type_name, f"{var}_o", selected)

    return compile_other


def money(minor: str, currency: str) -> str:
    """A `Money` map of an amount in minor units and its currency; null without an amount."""
    return f"CASE WHEN {minor} IS NULL THEN null ELSE {record(minor=minor, currency=currency)} END"


@dataclass(frozen=True)
class Related:
    """Objects of `type_name` reached by `pattern` from the object's variable.

    The pattern binds its variable `x` (a node, or a relationship whose other node it binds
    as `{x}_o`); `order` sorts them by expressions of `x`; `pattern_where` adds conditions on
    the pattern's variables.
    """

    type_name: str
    pattern: Pattern
    order: Callable[[str], str] | None = None
    single: bool = False
    where: WhereBuilder | None = None
    limit_arg: str | None = None
    # Without `limit_arg`, a fixed cap the schema states (the page limit is for `first`).
    default_limit: int = bounds.UNPAGED
    pattern_where: Callable[[str, str, str], list[str]] | None = None

    def __call__(self, qb: QueryBuilder, var: str, selected: Selected) -> str:
        x, r = qb.variable("x"), qb.variable("r")
        spec = qb.registry[self.type_name]
        conditions = self.pattern_where(var, x, r) if self.pattern_where else []
        if self.where is not None:
            conditions += self.where(qb, x, selected)
        # Whatever leads to a customer leads only to customers the viewer may see.
        if spec.guarded_by == "self":
            conditions += qb.visible(x)
        elif spec.guarded_by == "other_end":
            conditions += qb.visible(f"{x}_o")
        order = f" ORDER BY {self.order(x)}" if self.order else ""
        if self.single:
            limit = " LIMIT 1"
        elif self.limit_arg is None:
            limit = f" LIMIT {qb.param(self.default_limit)}"
        else:
            requested = selected.args.get(self.limit_arg)
            limit = f" LIMIT {qb.param(page_size(requested, self.default_limit, qb.max_page))}"
        body = project(qb, self.type_name, x, selected)
        carried = f"{x}, {x}_o" if spec.edge else x
        # Sorting and limiting before the projection computes it for the kept rows only.
        query = collect(
            f"MATCH {self.pattern(var, x, r)}{where(conditions)} "
            f"WITH {carried}{order}{limit} RETURN {body}"
        )
        return f"head({query})" if self.single else query

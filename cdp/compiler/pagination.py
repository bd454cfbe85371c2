"""Cursor pagination inside the query: keyset cursors over a sort key and the id, so pages never
skip or repeat an item while others write."""

from __future__ import annotations

import base64
import binascii
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from cdp import bounds
from cdp.compiler.cypher import QueryBuilder, collect, count, map_literal, where
from cdp.compiler.projection import AnchorBuilder, WhereBuilder, page_size, project
from cdp.compiler.selection import Selected
from cdp.errors import BadUserInput

Kind = Literal["string", "int", "float", "datetime", "date"]


@dataclass(frozen=True)
class SortKey:
    """A property to sort by; `default`, a Cypher literal, stands for null (a cursor's values
    are never null)."""

    prop: str
    kind: Kind
    descending: bool = False
    default: str | None = None

    def expression(self, x: str) -> str:
        value = f"{x}.{self.prop}"
        return f"coalesce({value}, {self.default})" if self.default else value


@dataclass(frozen=True)
class Sort:
    name: str  # part of every cursor, so a cursor is only used with the sort that made it
    keys: Sequence[SortKey]


def encode_cursor(sort_name: str, values: Sequence[Any]) -> str:
    raw = json.dumps([sort_name, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: Sort) -> list[Any]:
    """The values of a cursor of `sort`; anything this API could not have returned for it is
    refused with BAD_USER_INPUT on `after`, before Neo4j sees it."""
    if len(cursor) > bounds.CURSOR:
        raise _foreign()
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        decoded = json.loads(base64.urlsafe_b64decode(padded.encode()), parse_constant=_no_constant)
    except (binascii.Error, ValueError, UnicodeError, RecursionError):
        raise _foreign() from None
    if (
        not isinstance(decoded, list)
        or len(decoded) != len(sort.keys) + 2
        or decoded[0] != sort.name
    ):
        raise BadUserInput("This cursor belongs to another list or sort order.", field="after")
    *values, last_id = decoded[1:]
    if not all(_valid(key.kind, value) for key, value in zip(sort.keys, values, strict=True)):
        raise _foreign()
    if not isinstance(last_id, str):
        raise _foreign()
    return decoded[1:]


def _foreign() -> BadUserInput:
    return BadUserInput("This cursor is not one this API returned.", field="after")


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity: JSON has no such numbers


_INT64 = range(-(2**63), 2**63)
# Temporal sort keys travel in cursors as Neo4j's toString writes them.
_TEMPORAL = frozenset({"datetime", "date"})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A date-time as Neo4j's toString writes one (an offset within Neo4j's ±18:00, no zone name).
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-](0\d|1[0-7]):[0-5]\d|[+-]18:00)?"
)


def _valid(kind: Kind, value: Any) -> bool:
    """Whether `value` is a sort key of `kind` that Neo4j takes as a parameter."""
    if kind == "string":
        return isinstance(value, str)
    if isinstance(value, bool):
        return False
    if kind == "int":
        return isinstance(value, int) and value in _INT64
    if kind == "float":
        if isinstance(value, int):
            return value in _INT64
        return isinstance(value, float) and math.isfinite(value)
    if kind == "date":
        return isinstance(value, str) and _is_date(value)
    return isinstance(value, str) and _is_datetime(value)


@dataclass(frozen=True)
class Connection:
    """A Relay connection of `node_type` objects matched by `pattern`: from the object's
    variable (none for a root list), binding the variable it is given."""

    node_type: str
    pattern: Callable[[str, str], str]
    sorts: dict[str, Sort]
    default_sort: str
    where: WhereBuilder | None = None
    anchor: AnchorBuilder | None = None
    default_first: int = 20
    fallback_sort: str = ""  # the default for viewers who may not see the default's values

    def __post_init__(self) -> None:
        if not self.fallback_sort:
            object.__setattr__(self, "fallback_sort", self.default_sort)

    def __call__(self, qb: QueryBuilder, var: str, selected: Selected) -> str:
        x = qb.variable("x")
        sort = self._sort(selected, qb)
        # Page arguments are checked whatever is selected, so a bad one never passes unseen.
        first = page_size(selected.args.get("first"), self.default_first, qb.max_page)
        after = selected.args.get("after")
        after_values = decode_cursor(after, sort) if after is not None else None
        step, conditions = self.anchor(qb, x, selected) if self.anchor else ("", [])
        conditions += self.where(qb, x, selected) if self.where else []
        match = f"MATCH {self.pattern(var, x)}{step}"
        entries: dict[str, str] = {}
        if selected.selects("totalCount"):
            entries["totalCount"] = count(f"{match}{where(conditions)}")
        edge_node, nodes = _node_selections(selected)
        if edge_node is None and nodes is None and not selected.selects("pageInfo"):
            return map_literal(entries)
        page_conditions = list(conditions)
        if after_values is not None:
            page_conditions.append(_after(qb, x, sort, after_values))
        keys = [key.expression(x) for key in sort.keys]
        cursor = (
            "["
            + ", ".join(
                f"toString({k})" if key.kind in _TEMPORAL else k
                for k, key in zip(keys, sort.keys, strict=True)
            )
            + f", {x}.id]"
        )
        order = (
            ", ".join(
                f"{k}{' DESC' if key.descending else ''}"
                for k, key in zip(keys, sort.keys, strict=True)
            )
            + f", {x}.id{' DESC' if sort.keys[-1].descending else ''}"
        )
        # `edges { node }` and `nodes` are projected apart: each keeps its aliases and arguments.
        # Cursors are read only when the client can receive one (edges or pageInfo).
        wants_cursor = selected.selects("edges") or selected.selects("pageInfo")
        row = {"cursor": cursor} if wants_cursor else {}
        if edge_node is not None:
            row["node"] = project(qb, self.node_type, x, edge_node)
        if nodes is not None:
            row["item"] = project(qb, self.node_type, x, nodes)
        entries["first"] = qb.param(first)
        entries["after"] = qb.param(after is not None)
        entries["sort"] = qb.param(sort.name)
        if "totalCount" in entries and (conditions or step) and after_values is None:
            # A filtered first page with its count: the matches are read once, sorted and
            # counted together, instead of once to count and again to page. (Unfiltered, the
            # count comes from Neo4j's counts and the page from a top-k sort: two passes are
            # cheaper there, and pages after the first count more than they page.)
            matching = qb.variable("matching")
            entries["totalCount"] = f"size({matching})"
            entries["rows"] = f"[{x} IN {matching}[..{qb.param(first + 1)}] | {map_literal(row)}]"
            # (A list bound by a one-item comprehension: an aggregation inside the subquery
            # would make Neo4j group the enclosing projection by its other columns.)
            matches = collect(f"{match}{where(conditions)} WITH {x} ORDER BY {order} RETURN {x}")
            return f"[{matching} IN [{matches}] | {map_literal(entries)}][0]"
        entries["rows"] = collect(
            f"{match}{where(page_conditions)} "
            f"WITH {x} ORDER BY {order} LIMIT {qb.param(first + 1)} "
            f"RETURN {map_literal(row)}"
        )
        return map_literal(entries)

    def _sort(self, selected: Selected, qb: QueryBuilder) -> Sort:
        # Without a sort asked for, viewers who may not read names get the creation order.
        default = self.default_sort if qb.policy.viewer.sees_pii else self.fallback_sort
        name = selected.args.get("order_by") or default
        if name not in self.sorts:
            raise BadUserInput(f"Unknown sort order {name!r}.", field="orderBy")
        return self.sorts[name]


def _after(qb: QueryBuilder, x: str, sort: Sort, values: list[Any]) -> str:
    """`(k1, ..., id) > (v1, ..., vid)` in the sort's direction, written out lexicographically."""
    *key_values, last_id = values
    terms = [
        (key.expression(x), _typed(qb, key.kind, value), key.descending)
        for key, value in zip(sort.keys, key_values, strict=True)
    ]
    terms.append((f"{x}.id", qb.param(last_id), sort.keys[-1].descending))
    alternatives = []
    for index, (expression, value, descending) in enumerate(terms):
        equal_before = [f"{e} = {v}" for e, v, _ in terms[:index]]
        alternatives.append(
            " AND ".join([*equal_before, f"{expression} {'<' if descending else '>'} {value}"])
        )
    return "(" + " OR ".join(f"({a})" for a in alternatives) + ")"


def _typed(qb: QueryBuilder, kind: Kind, value: Any) -> str:
    placeholder = qb.param(value)
    # `kind` is one of the code's own names, never a client's text.
    return f"{kind}({placeholder})" if kind in _TEMPORAL else placeholder


def _node_selections(selected: Selected) -> tuple[Selected | None, Selected | None]:
    """What `edges { node }` and what `nodes` select, each merged over its aliases."""
    edge_fields = [
        field
        for edges in selected.children("edges")
        for node in edges.children("node")
        for field in node.fields
    ]
    node_fields = [field for nodes in selected.children("nodes") for field in nodes.fields]
    edge_node = (
        Selected("node", "node", fields=tuple(edge_fields)) if selected.selects("edges") else None
    )
    nodes = Selected("nodes", "nodes", fields=tuple(node_fields)) if node_fields else None
    return edge_node, nodes


def _is_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)  # a real day (no 30 February)
    except ValueError:
        return False
    return True


def _is_datetime(value: str) -> bool:
    if not _DATETIME.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)  # a real day and time (no 30 February, no 25:00)
    except ValueError:
        return False
    return True

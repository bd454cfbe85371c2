"""`CustomerFilter` compiled into a Cypher predicate over a customer variable.

A filter is measured before it is compiled: its size is what Neo4j plans and evaluates for
every customer, so its breadth, its nesting and its operands have bounds (`cdp.bounds`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdp import bounds
from cdp.compiler.cypher import QueryBuilder, camel_case, exists, node, where
from cdp.errors import FilterTooBroad, ListTooLong, TextTooLong

MAX_DEPTH = bounds.FILTER_DEPTH
Filter = Mapping[str, Any]
_NESTED = {"not_": "NOT", "influences": "influences", "influenced_by": "influencedBy"}
_LISTS = {"and_": "AND", "or_": "OR"}
_STRINGS = ("name", "email")


def customer_anchor(qb: QueryBuilder, c: str, spec: Filter | None) -> tuple[str, list[str]]:
    """A top-level acquisition filter as a step of the MATCH pattern, with its conditions.

    A customer has at most one acquisition, so matching through it neither repeats nor loses a
    customer; and as a pattern the planner may start from the source (a dense node, whose
    customers it reaches by relationship type) instead of testing every customer's
    relationships one by one, as an EXISTS predicate makes it do.
    """
    if not spec or not (spec.get("acquisition_source_id") or spec.get("acquisition_source_kind")):
        return "", []
    s = qb.variable("s")
    conditions = []
    if spec.get("acquisition_source_id"):
        conditions.append(f"{s}.id = {qb.param(spec['acquisition_source_id'])}")
    if spec.get("acquisition_source_kind"):
        conditions.append(f"{s}.kind = {qb.param(spec['acquisition_source_kind'])}")
    return f"-[:ACQUIRED_VIA]->({s}:AcquisitionSource)", conditions


def customer_where(
    qb: QueryBuilder, c: str, spec: Filter | None, depth: int = 0, *, anchored: bool = False
) -> list[str]:
    """The conditions (to be ANDed) that `spec` puts on customer `c`; `anchored`: the
    acquisition conditions are already in the pattern (`customer_anchor`)."""
    if not spec:
        return []
    if depth == 0:
        measure(spec)
    conditions: list[str] = []
    if spec.get("name"):
        conditions += _string(qb, f"{c}.name", spec["name"])
    if spec.get("email"):
        e = qb.variable("e")
        inner = _string(qb, e, spec["email"], lower=True)
        if inner:
            conditions.append(f"any({e} IN coalesce({c}.emails, []){where(inner)})")
    if spec.get("lifecycle_stage") is not None:  # an empty list matches nobody
        conditions.append(f"{c}.lifecycleStage IN {qb.param(spec['lifecycle_stage'])}")
    if spec.get("kind"):
        conditions.append(f"{c}.kind = {qb.param(spec['kind'])}")
    if spec.get("acquisition_source_id") and not anchored:
        source = node("", "AcquisitionSource", id=qb.param(spec["acquisition_source_id"]))
        conditions.append(exists(f"({c})-[:ACQUIRED_VIA]->{source}"))
    if spec.get("acquisition_source_kind") and not anchored:
        s = qb.variable("s")
        conditions.append(
            exists(
                f"MATCH ({c})-[:ACQUIRED_VIA]->({s}:AcquisitionSource) "
                f"WHERE {s}.kind = {qb.param(spec['acquisition_source_kind'])}"
            )
        )
    if spec.get("account_owner_id"):
        conditions.append(owned_now(qb, c, spec["account_owner_id"]))
    if spec.get("created_at"):
        conditions += _range(qb, f"{c}.createdAt", spec["created_at"])
    if spec.get("has_order_with_status"):
        o = qb.variable("o")
        conditions.append(
            exists(
                f"MATCH ({c})-[:PLACED]->({o}:Order) "
                f"WHERE {o}.status = {qb.param(spec['has_order_with_status'])}"
            )
        )
    if spec.get("bought_product_id"):
        o = qb.variable("o")
        product = node("", "Product", id=qb.param(spec["bought_product_id"]))
        conditions.append(
            exists(
                f"MATCH ({c})-[:PLACED]->({o}:Order)-[:CONTAINS]->{product} "
                f"WHERE {o}.status = 'COMPLETED'"
            )
        )
    for key, arrow in (("influences", "-[:INFLUENCES]->"), ("influenced_by", "<-[:INFLUENCES]-")):
        if spec.get(key) is not None:
            other = qb.variable("c")
            inner = [*qb.visible(other), *customer_where(qb, other, spec[key], depth + 1)]
            conditions.append(exists(f"MATCH ({c}){arrow}({other}:Customer){where(inner)}"))
    if spec.get("and_"):  # `AND: []` asks for no condition: all of none hold
        conditions += [_all(customer_where(qb, c, part, depth + 1)) for part in spec["and_"]]
    if spec.get("or_") is not None:  # `OR: []` matches nobody, as `lifecycleStage: []` does
        parts = [_all(customer_where(qb, c, part, depth + 1)) for part in spec["or_"]]
        conditions.append("(" + " OR ".join(parts) + ")" if parts else "false")
    if spec.get("not_") is not None:
        conditions.append(f"NOT {_all(customer_where(qb, c, spec['not_'], depth + 1))}")
    return conditions


def measure(spec: Filter, field: str = "filter") -> None:
    """Refuse a filter beyond its bounds (FILTER_TOO_BROAD: conditions, AND/OR items,
    nesting; LIST_TOO_LONG, TEXT_TOO_LONG: its lists and texts), naming where it is."""
    _measure(spec, field, 0, [0])


def _measure(spec: Filter, field: str, depth: int, count: list[int]) -> None:
    if depth > MAX_DEPTH:
        raise FilterTooBroad(
            f"Filters nest at most {MAX_DEPTH} levels deep.", field=field, limit=MAX_DEPTH
        )
    for key, value in spec.items():
        if value is None:
            continue
        if key in _LISTS:
            name = f"{field}.{_LISTS[key]}"
            if len(value) > bounds.FILTER_BRANCHES:
                raise FilterTooBroad(
                    f"At most {bounds.FILTER_BRANCHES} filters in one {_LISTS[key]} list.",
                    field=name,
                    limit=bounds.FILTER_BRANCHES,
                )
            _count(count, field, len(value) or 1)  # an empty OR is a condition: false
            for index, part in enumerate(value):
                _measure(part, f"{name}[{index}]", depth + 1, count)
        elif key in _NESTED:
            _count(count, field, 1)
            _measure(value, f"{field}.{_NESTED[key]}", depth + 1, count)
        else:
            _count(count, field, 1)
            _operands(key, value, f"{field}.{camel_case(key)}")


def _count(count: list[int], field: str, more: int) -> None:
    """Add `more` conditions to the filter's `count`; each nested filter counts as one, as
    does each field given anywhere in it."""
    count[0] += more
    if count[0] > bounds.FILTER_CONDITIONS:
        raise FilterTooBroad(
            f"A filter holds at most {bounds.FILTER_CONDITIONS} conditions, nested ones included.",
            field=field,
            limit=bounds.FILTER_CONDITIONS,
        )


def _operands(key: str, value: Any, field: str) -> None:
    if key == "lifecycle_stage" and len(value) > bounds.CHOICES:
        raise ListTooLong(f"At most {bounds.CHOICES} items.", field=field, limit=bounds.CHOICES)
    if key in _STRINGS:
        for operator, operand in value.items():
            if isinstance(operand, str) and len(operand) > bounds.FILTER_TEXT:
                raise TextTooLong(
                    f"At most {bounds.FILTER_TEXT} characters.",
                    field=f"{field}.{camel_case(operator)}",
                    limit=bounds.FILTER_TEXT,
                )


def _all(conditions: list[str]) -> str:
    return "(" + " AND ".join(conditions) + ")" if conditions else "true"


def _string(qb: QueryBuilder, subject: str, spec: Filter, *, lower: bool = False) -> list[str]:
    """equals is exact (emails: case-insensitive); contains and startsWith ignore case."""
    conditions = []
    if spec.get("equals") is not None:
        if lower:
            conditions.append(f"toLower({subject}) = {qb.param(spec['equals'].lower())}")
        else:
            conditions.append(f"{subject} = {qb.param(spec['equals'])}")
    if spec.get("contains") is not None:
        conditions.append(f"toLower({subject}) CONTAINS {qb.param(spec['contains'].lower())}")
    if spec.get("starts_with") is not None:
        conditions.append(f"toLower({subject}) STARTS WITH {qb.param(spec['starts_with'].lower())}")
    return conditions


def _range(qb: QueryBuilder, subject: str, spec: Filter) -> list[str]:
    conditions = []
    if spec.get("gte") is not None:
        conditions.append(f"{subject} >= {qb.param(spec['gte'])}")
    if spec.get("lt") is not None:
        conditions.append(f"{subject} < {qb.param(spec['lt'])}")
    return conditions


def owned_now(qb: QueryBuilder, c: str, owner_id: str) -> str:
    """Customer `c` is owned now (an `OWNS` without `until`) by the employee `owner_id`."""
    o = qb.variable("o")
    owner = node("", "Employee", id=qb.param(owner_id))
    return exists(f"MATCH ({c})<-[{o}:OWNS]-{owner} WHERE {o}.until IS NULL")


def customer_step(qb: QueryBuilder, spec: Filter | None, via: str) -> tuple[str, list[str]]:
    """For a list of a customer's records (orders, touchpoints): the step from a record to its
    customer (`via`, the relationship as seen from the record) with the conditions on that
    customer: who may see it, and the filter's `customer` and `accountOwner`. No step when
    nothing asks about the customer (so records of deleted customers stay listed).

    A record has at most one customer, so the step neither repeats nor loses one; and as a
    pattern the planner may start from the customer (one, by its id) instead of testing every
    record.
    """
    spec = spec or {}
    c = qb.variable("c")
    conditions = list(qb.visible(c))
    if spec.get("customer") is not None:
        conditions.append(f"{c}.id = {qb.param(spec['customer'])}")
    if spec.get("account_owner") is not None:
        conditions.append(owned_now(qb, c, spec["account_owner"]))
    if not conditions:
        return "", []
    return f"{via}({c}:Customer)", conditions

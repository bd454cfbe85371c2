"""`CustomerFilter` compiled into a Cypher predicate over a customer variable."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cdp.cypher import QueryBuilder
from cdp.errors import BadUserInput

MAX_DEPTH = 5
Filter = Mapping[str, Any]


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
    if depth > MAX_DEPTH:
        raise BadUserInput(f"Filters nest at most {MAX_DEPTH} levels deep.", field="filter")
    conditions: list[str] = []
    if spec.get("name"):
        conditions += _string(qb, f"{c}.name", spec["name"])
    if spec.get("email"):
        e = qb.variable("e")
        inner = _string(qb, e, spec["email"], lower=True)
        if inner:
            conditions.append(f"any({e} IN coalesce({c}.emails, []) WHERE {' AND '.join(inner)})")
    if spec.get("lifecycle_stage") is not None:  # an empty list matches nobody
        conditions.append(f"{c}.lifecycleStage IN {qb.param(spec['lifecycle_stage'])}")
    if spec.get("kind"):
        conditions.append(f"{c}.kind = {qb.param(spec['kind'])}")
    if spec.get("acquisition_source_id") and not anchored:
        conditions.append(
            f"EXISTS {{ ({c})-[:ACQUIRED_VIA]->(:AcquisitionSource "
            f"{{id: {qb.param(spec['acquisition_source_id'])}}}) }}"
        )
    if spec.get("acquisition_source_kind") and not anchored:
        s = qb.variable("s")
        conditions.append(
            f"EXISTS {{ MATCH ({c})-[:ACQUIRED_VIA]->({s}:AcquisitionSource) "
            f"WHERE {s}.kind = {qb.param(spec['acquisition_source_kind'])} }}"
        )
    if spec.get("account_owner_id"):
        o = qb.variable("o")
        conditions.append(
            f"EXISTS {{ MATCH ({c})<-[{o}:OWNS]-(:Employee "
            f"{{id: {qb.param(spec['account_owner_id'])}}}) "
            f"WHERE {o}.until IS NULL }}"
        )
    if spec.get("created_at"):
        conditions += _range(qb, f"{c}.createdAt", spec["created_at"])
    if spec.get("has_order_with_status"):
        o = qb.variable("o")
        conditions.append(
            f"EXISTS {{ MATCH ({c})-[:PLACED]->({o}:Order) "
            f"WHERE {o}.status = {qb.param(spec['has_order_with_status'])} }}"
        )
    if spec.get("bought_product_id"):
        o = qb.variable("o")
        conditions.append(
            f"EXISTS {{ MATCH ({c})-[:PLACED]->({o}:Order)-[:CONTAINS]->(:Product "
            f"{{id: {qb.param(spec['bought_product_id'])}}}) WHERE {o}.status = 'COMPLETED' }}"
        )
    for key, arrow in (("influences", "-[:INFLUENCES]->"), ("influenced_by", "<-[:INFLUENCES]-")):
        if spec.get(key) is not None:
            other = qb.variable("c")
            inner = [*qb.visible(other), *customer_where(qb, other, spec[key], depth + 1)]
            where = f" WHERE {' AND '.join(inner)}" if inner else ""
            conditions.append(f"EXISTS {{ MATCH ({c}){arrow}({other}:Customer){where} }}")
    if spec.get("and_"):
        conditions += [_all(customer_where(qb, c, part, depth + 1)) for part in spec["and_"]]
    if spec.get("or_"):
        parts = [_all(customer_where(qb, c, part, depth + 1)) for part in spec["or_"]]
        conditions.append("(" + " OR ".join(parts) + ")")
    if spec.get("not_") is not None:
        conditions.append(f"NOT {_all(customer_where(qb, c, spec['not_'], depth + 1))}")
    return conditions


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

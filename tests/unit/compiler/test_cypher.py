"""The helpers that write Cypher text, and the one convention the compiler keeps."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cdp.access.policy import FULL_ACCESS
from cdp.compiler.cypher import (
    QueryBuilder,
    braced,
    camel_case,
    collect,
    count,
    exists,
    map_literal,
    node,
    properties,
    record,
    where,
)
from cdp.compiler.projection import Registry

REPO = Path(__file__).resolve().parents[3]


def test_node_patterns() -> None:
    assert node() == "()"
    assert node("c") == "(c)"
    assert node("c", "Customer") == "(c:Customer)"
    assert node("", "ExternalId", system="$p0", value="$p1") == (
        "(:ExternalId {system: $p0, value: $p1})"
    )


def test_maps() -> None:
    assert braced("") == "{}"
    assert record(minor="o.totalMinor", currency="o.currency") == (
        "{minor: o.totalMinor, currency: o.currency}"
    )
    # Response keys are quoted: an alias may be any GraphQL name.
    assert map_literal({"id": "c.id", "first": "$p1"}) == "{`id`: c.id, `first`: $p1}"
    assert map_literal({}) == "{}"
    assert properties("o", ["totalMinor", "placedAt"]) == "o {.totalMinor, .placedAt}"


def test_subqueries_and_conditions() -> None:
    assert collect("MATCH (x) RETURN x") == "COLLECT { MATCH (x) RETURN x }"
    assert count("(c)-[:HAD]->()") == "COUNT { (c)-[:HAD]->() }"
    assert exists("MATCH (c) WHERE c.a") == "EXISTS { MATCH (c) WHERE c.a }"
    assert where([]) == ""
    assert where(["a", "b"]) == " WHERE a AND b"


def test_camel_case() -> None:
    assert camel_case("postal_code") == "postalCode"
    assert camel_case("acquisition_source_id") == "acquisitionSourceId"
    assert camel_case("name") == "name"


def test_parameters_and_variables_are_numbered_per_statement() -> None:
    qb = QueryBuilder(FULL_ACCESS, Registry(), 1000)
    assert (qb.param("a"), qb.param(2), qb.variable("x"), qb.variable()) == (
        "$p0",
        "$p1",
        "x1",
        "n2",
    )
    statement = qb.statement("RETURN $p0, $p1")
    assert statement.params == {"p0": "a", "p1": 2}
    assert statement.pii_read == frozenset()
    assert qb.visible("c") == []  # staff see every customer


# Every module of the core writes Cypher one way (see cdp/compiler/__init__.py).
CORE_MODULES = sorted((REPO / "cdp").rglob("*.py"))
# What `str.replace` does outside Cypher, by module.
_NOT_CYPHER = {
    "customers/reads.py": 2,  # Lucene's escaping of a search phrase
    "edge/json_body.py": 3,  # escapes removed from a JSON body before its structure is scanned
    "cli/commands.py": 1,  # a date-time given without a time zone
    "store/migrations.py": 1,  # line endings of a migration file
    "demo_data.py": 1,  # a kind's name in a demo summary
}


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda path: str(path.relative_to(REPO / "cdp")))
def test_cypher_is_written_one_way(path: Path) -> None:
    source = path.read_text()
    # (A closing pair is Python's too: a dict inside a dict.)
    assert "{{" not in source, "a brace of Cypher outside the helpers"
    assert ".format(" not in source, "a template filled in later"
    replaced = len(re.findall(r"\.replace\(", source))
    assert replaced == _NOT_CYPHER.get(str(path.relative_to(REPO / "cdp")), 0)

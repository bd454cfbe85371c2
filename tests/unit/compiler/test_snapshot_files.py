"""Every snapshot belongs to a case, and the layout of a statement loses nothing."""

from __future__ import annotations

import importlib
import re

import pytest

from tests.unit.compiler.support import SNAPSHOTS, layout

FOLDERS = {
    "access": "test_access",
    "campaigns": "test_campaigns",
    "customer_fields": "test_customer_fields",
    "documents": "test_documents",
    "filters": "test_filters",
    "goals": "test_goals",
    "nodes_and_catalog": "test_nodes_and_catalog",
    "orders": "test_orders",
    "pages": "test_pages",
    "touchpoints": "test_touchpoints",
    "work_queue": "test_work_queue",
}


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_every_snapshot_is_of_a_case(folder: str) -> None:
    cases = importlib.import_module(f"tests.unit.compiler.{FOLDERS[folder]}").CASES
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "two cases of one name"
    stored = sorted(path.stem for path in (SNAPSHOTS / folder).glob("*.cypher"))
    assert stored == sorted(names), "a snapshot of no case (delete it) or a case without one"


def test_the_folders_are_all_known() -> None:
    assert sorted(path.name for path in SNAPSHOTS.iterdir()) == sorted(FOLDERS)


@pytest.mark.parametrize(
    "text",
    [
        "MATCH (c) WHERE c.a RETURN c",
        "MATCH (c)  WHERE c.a RETURN 'x WHERE y' AS `a WITH b`",
        "RETURN COLLECT { MATCH (x) WITH x LIMIT 1 RETURN x } AS row",
    ],
)
def test_the_layout_of_a_statement_only_breaks_lines(text: str) -> None:
    assert re.sub(r"\n *", " ", layout(text)) == text


def test_the_layout_breaks_no_line_inside_quotes() -> None:
    laid_out = layout("MATCH (c) RETURN 'x WHERE y' AS `a WITH b`, \"c MATCH d\"")
    assert laid_out == "MATCH (c)\nRETURN 'x WHERE y' AS `a WITH b`, \"c MATCH d\""


def test_the_layout_indents_subqueries() -> None:
    laid_out = layout("RETURN {a: COLLECT { MATCH (x) WHERE EXISTS { MATCH (y) } RETURN x }}")
    assert laid_out.split("\n") == [
        "RETURN {a: COLLECT {",
        "  MATCH (x)",
        "  WHERE EXISTS {",
        "    MATCH (y) }",
        "  RETURN x }}",
    ]

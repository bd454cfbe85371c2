"""Migration files as they are found and read, before any is applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from cdp.store.migrations import DEFAULT_DIRECTORY, MigrationError, discover, split_statements

# A data step (its content is not read: the missing .cypher file is refused first).
_STEP = "async def migrate(driver: object, database: str) -> None: ...\n"


def test_a_data_step_needs_its_cypher_file(tmp_path: Path) -> None:
    (tmp_path / "V0001__a.py").write_text(_STEP)
    with pytest.raises(MigrationError, match=r"needs V0001__a\.cypher beside it"):
        discover(tmp_path)


def test_badly_named_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "add_customers.cypher").write_text("RETURN 1;")
    with pytest.raises(MigrationError, match="V0001__description"):
        discover(tmp_path)


def test_duplicate_versions_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "V0001__a.cypher").write_text("RETURN 1;")
    (tmp_path / "V1__b.cypher").write_text("RETURN 2;")
    with pytest.raises(MigrationError, match="share version 1"):
        discover(tmp_path)


def test_statements_split_on_line_ending_semicolons() -> None:
    text = "// header\nCREATE (:A {text: 'a;b'});\n\nMATCH (a:A)\nRETURN a;\n"
    assert split_statements(text) == ["CREATE (:A {text: 'a;b'})", "MATCH (a:A)\nRETURN a"]


def test_the_project_migrations_are_well_formed() -> None:
    files = discover(DEFAULT_DIRECTORY)
    assert [m.version for m in files] == list(range(1, len(files) + 1))
    assert all(m.statements() for m in files)

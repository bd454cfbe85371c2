"""Migration files as they are found and read, before any is applied."""

from __future__ import annotations

from pathlib import Path

import pytest

from cdp.store.migrations import (
    DEFAULT_DIRECTORY,
    AppliedMigration,
    MigrationError,
    _compare,
    discover,
    split_statements,
)

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
    assert all(m.statements() or m.step is not None for m in files)  # each does something


def test_an_edited_file_is_current_for_graphs_that_applied_it_before(tmp_path: Path) -> None:
    (tmp_path / "V0001__a.cypher").write_text("RETURN 1;")
    before = discover(tmp_path)[0].checksum
    (tmp_path / "V0001__a.cypher").write_text("// a comment\nRETURN 1;")
    now = discover(tmp_path)[0]
    applied = [AppliedMigration(1, "a", before, None)]
    assert _compare([now], applied).problems != []  # an edit is refused...
    (tmp_path / "edited.toml").write_text(f'[V0001__a]\nformer = ["{before}"]\n')
    now = discover(tmp_path)[0]
    assert now.former == {before}
    assert _compare([now], applied).current  # ...unless the file lists what it was
    other = [AppliedMigration(1, "a", "0" * 64, None)]
    assert _compare([now], other).problems != []  # any other checksum still is


def test_edited_toml_names_only_files_that_exist(tmp_path: Path) -> None:
    (tmp_path / "V0001__a.cypher").write_text("RETURN 1;")
    (tmp_path / "edited.toml").write_text('[V0002__b]\nformer = ["x"]\n')
    with pytest.raises(MigrationError, match="V0002__b"):
        discover(tmp_path)

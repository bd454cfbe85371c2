"""The Neo4j distribution's version and how Java is found; nothing here runs Java or Maven."""

from __future__ import annotations

from pathlib import Path

import pytest

from cdp.local_neo4j import distribution
from cdp.local_neo4j.distribution import DistributionError, find_java


def test_the_pinned_version_is_a_526_lts() -> None:
    assert distribution.neo4j_version().startswith("5.26.")


def test_no_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(distribution, "_DEFAULT_JAVA_HOMES", ())
    with pytest.raises(DistributionError, match="No Java found"):
        find_java(tmp_path / "no-such-jdk")


def test_java_home_setting_wins(tmp_path: Path) -> None:
    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\n")
    java.chmod(0o755)
    assert find_java(tmp_path) == java

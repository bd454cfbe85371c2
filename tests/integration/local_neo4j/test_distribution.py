from __future__ import annotations

from pathlib import Path

import pytest

from cdp.local_neo4j.distribution import DistributionError, ensure_distribution, find_java
from tests.support.neo4j_server import SHARED_CACHE


def test_the_cache_is_reused(tmp_path: Path) -> None:
    java = find_java(None)
    first = ensure_distribution(SHARED_CACHE, java)
    assert (first.lib / f"neo4j-{first.version}.jar").is_file()
    stamp = (first.lib.parent / ".complete").stat().st_mtime_ns
    again = ensure_distribution(SHARED_CACHE, java)
    assert again == first
    assert (first.lib.parent / ".complete").stat().st_mtime_ns == stamp


def test_an_unreachable_registry_is_a_clear_error(tmp_path: Path) -> None:
    # Maven, with an empty local repository, pointed at a mirror on a closed loopback port.
    settings = tmp_path / "settings.xml"
    settings.write_text(
        f"""<settings>
  <localRepository>{tmp_path / "m2"}</localRepository>
  <mirrors><mirror><id>closed</id><mirrorOf>*</mirrorOf>
    <url>http://127.0.0.1:9/</url></mirror></mirrors>
</settings>"""
    )
    with pytest.raises(DistributionError, match=r"Could not download Neo4j .* reachable"):
        ensure_distribution(tmp_path / "cache", find_java(None), settings)
    assert not any((tmp_path / "cache").glob("neo4j-*/.complete"))

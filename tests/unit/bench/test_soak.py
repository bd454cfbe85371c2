"""The soak's arithmetic and its report (the soak itself runs in `make bench`)."""

from __future__ import annotations

import os
from pathlib import Path

from bench import soak
from bench.report import soak_section, with_soak_section


def test_rss_is_read_from_the_process_status(tmp_path: Path) -> None:
    (tmp_path / "42").mkdir()
    (tmp_path / "42" / "status").write_text("Name:\tpython\nVmPeak:\t 900 kB\nVmRSS:\t 812 kB\n")
    assert soak.rss_kib(42, proc=tmp_path) == 812
    assert soak.rss_kib(os.getpid()) > 1024  # this test process holds more than 1 MiB


def test_growth_is_the_end_against_after_the_warm_up() -> None:
    run = soak.Soak(clients=32, seconds=180, rss_after_warm_up_kib=100_000, rss_at_end_kib=109_000)
    assert round(run.rss_growth, 3) == 0.09
    assert run.met
    assert not soak.Soak(32, 180, errors=1, rss_after_warm_up_kib=1, rss_at_end_kib=1).met
    assert not soak.Soak(32, 180, rss_after_warm_up_kib=100, rss_at_end_kib=110).met


def test_every_client_alternates_operations() -> None:
    assert soak.interleaved(["a1", "a2", "a3"], ["b1"]) == ["a1", "b1", "a2", "b1", "a3", "b1"]


def _results(errors: int, end_kib: int) -> dict[str, object]:
    run = soak.Soak(32, 180, 9000, errors, None, 200 * 1024, end_kib).as_json()
    return {"started": "2026-12-04T12:00:00+00:00", "scales": [{"scale": 10000, "soak": run}]}


def test_the_soak_table_shows_growth_and_whether_the_target_is_met() -> None:
    met = soak_section(_results(0, 210 * 1024), "x.md")
    assert "| 10,000 | 32 | 180 | 9,000 | 50 | 0 | 200 | 210 | +5.0% | ✅ |" in met
    missed = soak_section(_results(3, 230 * 1024), "x.md")
    assert "| +15.0% | ❌ |" in missed


def test_the_soak_section_of_the_docs_is_replaced_or_added() -> None:
    page = "# Benchmarks\n\ntables\n\n## How to read it\n\n- p50\n"
    added = with_soak_section(page, "## Soak\n\nfirst\n")
    assert added == "# Benchmarks\n\ntables\n\n## Soak\n\nfirst\n\n## How to read it\n\n- p50\n"
    replaced = with_soak_section(added, "## Soak\n\nsecond\n")
    assert replaced == added.replace("first", "second")

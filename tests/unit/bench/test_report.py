"""The report's target table: ratios shown so a reader can tell a miss from a pass."""

from __future__ import annotations

from bench.report import _by_round, _shown, kept_sections


def test_a_ratio_is_shown_with_two_decimals_unless_they_would_print_its_bound() -> None:
    assert _shown(0.8634, 0.85) == "0.86"
    assert _shown(0.8497, 0.85) == "0.8497"
    assert _shown(0.8512, 0.85) == "0.851"
    assert _shown(0.85, 0.85) == "0.85"
    assert _shown(1.2049, 1.2) == "1.205"


def test_bulk_rounds_are_listed_as_ours_over_raw_in_the_order_run() -> None:
    by = {"RAW": [100.0, 200.0, 0.0], "OURS": [90.0, 170.0, 5.0]}
    assert _by_round(by) == "0.90, 0.85"
    assert _by_round({"OURS": [1.0]}) == ""


def test_a_new_docs_page_keeps_the_sections_other_benchmarks_wrote() -> None:
    page = (
        "# Benchmarks\n\nold tables\n\n## Soak\n\nold soak\n\n"
        "## Speed paths\n\nwhat each piece buys\n\n### Runs\n\nfigures\n\n"
        "## How to read it\n\n- p50\n"
    )
    assert kept_sections(page) == (
        "## Speed paths\n\nwhat each piece buys\n\n### Runs\n\nfigures\n\n"
    )
    assert kept_sections("# Benchmarks\n\n## How to read it\n") == ""

"""The dated markdown report and its chart, from a run's results.

Ratios are medians of per-round ratios (round r of OURS against round r of the other), so a
slow moment of the machine weighs on both sides of a ratio alike. Latency percentiles pool the
rounds' samples.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from bench import soak

ORDER = ("RAW", "OURS", "NGQL", "NAIVE")
OPERATIONS = ("customer_360", "list_page", "search", "influence_two_hop")


def _pct(samples: list[list[float]], q: float) -> float:
    pooled = [x for round_ in samples for x in round_]
    return float(np.percentile(pooled, q)) if pooled else float("nan")


def _round_ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(x / y for x, y in zip(a, b, strict=False) if y)


def _per_round(samples: list[list[float]], q: float) -> list[float]:
    return [float(np.percentile(r, q)) for r in samples if r]


def ratios(scale: dict[str, Any]) -> dict[str, float]:
    """The ratios the targets speak of, for one scale."""
    lat, thr, out = scale["latency"], scale["throughput"], {}
    for op in ("customer_360", "list_page"):
        by = lat.get(op, {})
        if "OURS" in by and "RAW" in by:
            out[f"{op} p50 OURS/RAW"] = _round_ratio(
                _per_round(by["OURS"], 50), _per_round(by["RAW"], 50)
            )
            out[f"{op} p99 OURS/RAW"] = _round_ratio(
                _per_round(by["OURS"], 99), _per_round(by["RAW"], 99)
            )
        if "OURS" in by and "NAIVE" in by:
            out[f"{op} p50 OURS/NAIVE"] = _round_ratio(
                _per_round(by["OURS"], 50), _per_round(by["NAIVE"], 50)
            )
    for op in OPERATIONS:
        by_t = thr.get(op, {})
        if "OURS" in by_t and "NGQL" in by_t:
            out[f"{op} throughput OURS/NGQL"] = _round_ratio(by_t["OURS"], by_t["NGQL"])
        costs = scale["costs"].get(op, {})
        if "OURS" in costs and "NGQL" in costs and costs["NGQL"]["db_hits"]:
            out[f"{op} db hits OURS/NGQL"] = costs["OURS"]["db_hits"] / costs["NGQL"]["db_hits"]
        if "OURS" in costs and "NAIVE" in costs and costs["NAIVE"]["db_hits"]:
            out[f"{op} db hits OURS/NAIVE"] = costs["OURS"]["db_hits"] / costs["NAIVE"]["db_hits"]
    for size, by_b in scale.get("bulk", {}).items():
        if "OURS" in by_b and "RAW" in by_b:
            out[f"bulk {size} rows/s OURS/RAW"] = _round_ratio(by_b["OURS"], by_b["RAW"])
    return out


TARGETS: list[tuple[str, str, float]] = [
    ("customer_360 p50 OURS/RAW", "<=", 1.3),
    ("customer_360 p99 OURS/RAW", "<=", 1.5),
    ("list_page p50 OURS/RAW", "<=", 1.4),
    ("customer_360 throughput OURS/NGQL", ">=", 1.0),
    ("list_page throughput OURS/NGQL", ">=", 1.0),
    ("customer_360 db hits OURS/NGQL", "<=", 1.0),
    ("list_page db hits OURS/NGQL", "<=", 1.0),
    ("search db hits OURS/NGQL", "<=", 1.0),
    ("influence_two_hop db hits OURS/NGQL", "<=", 1.0),
    ("customer_360 p50 OURS/NAIVE", "<=", 0.5),
    ("bulk 1000 rows/s OURS/RAW", ">=", 0.85),
    ("bulk 10000 rows/s OURS/RAW", ">=", 0.85),
]


def _met(value: float, op: str, bound: float) -> bool:
    return value <= bound if op == "<=" else value >= bound


def _shown(value: float, bound: float) -> str:
    """Two decimals, or as many more as it takes not to print the bound itself (0.8497 is
    not 0.85)."""
    for digits in range(2, 7):
        shown = f"{value:.{digits}f}"
        if value == bound or shown != f"{bound:.{digits}f}":
            break
    return shown


def _by_round(by: dict[str, list[float]]) -> str:
    """OURS/RAW of each bulk round, in the order run (the target is their median)."""
    if "RAW" not in by:
        return ""
    return ", ".join(f"{o / r:.2f}" for o, r in zip(by["OURS"], by["RAW"], strict=False) if r)


def tables(results: dict[str, Any]) -> str:
    """The markdown tables (shared by the dated report and docs/benchmarks.md)."""
    lines: list[str] = []
    scales = results["scales"]
    for scale in scales:
        ds = scale.get("dataset") or {}
        lines += [
            f"### {scale['scale']:,} customers",
            "",
            f"Dataset: {ds.get('customers', '?'):,} customers, {ds.get('nodes', '?'):,} nodes, "
            f"{ds.get('relationships', '?'):,} relationships.",
            "",
            "| operation | contender | p50 ms | p99 ms | at req/s | peak req/s "
            "| round trips | db hits |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for op in OPERATIONS:
            for name in ORDER:
                samples = scale["latency"].get(op, {}).get(name)
                if samples is None:
                    continue
                peak = statistics.median(scale["throughput"][op][name])
                cost = scale["costs"].get(op, {}).get(name, {})
                lines.append(
                    f"| {op} | {name} | {_pct(samples, 50):.1f} | {_pct(samples, 99):.1f} | "
                    f"{scale['rates'][op]:.0f} | {peak:.0f} | {cost.get('round_trips', '-')} | "
                    f"{cost.get('db_hits', '-')} |"
                )
        if scale.get("bulk"):
            lines += [
                "",
                "| bulk upsert rows/request | contender | rows/s (median of rounds) "
                "| OURS/RAW by round |",
                "|---:|---|---:|---|",
            ]
            for size, by in scale["bulk"].items():
                for name in ORDER:
                    if name in by:
                        by_round = _by_round(by) if name == "OURS" else ""
                        lines.append(
                            f"| {int(size):,} | {name} | {statistics.median(by[name]):,.0f} "
                            f"| {by_round} |"
                        )
        lines.append("")
    lines += [
        "### Targets",
        "",
        "| target | bound | " + " | ".join(f"{s['scale']:,}" for s in scales) + " |",
        "|---|---|" + "---:|" * len(scales),
    ]
    per_scale = [ratios(s) for s in scales]
    for key, op, bound in TARGETS:
        cells = []
        for r in per_scale:
            if key in r:
                cells.append(f"{_shown(r[key], bound)} {'✅' if _met(r[key], op, bound) else '❌'}")
            else:
                cells.append("-")
        lines.append(f"| {key} | {op} {bound} | " + " | ".join(cells) + " |")
    if len(scales) >= 2:
        small, large = scales[0], scales[-1]
        a = _per_round(small["latency"]["customer_360"]["OURS"], 50)
        b = _per_round(large["latency"]["customer_360"]["OURS"], 50)
        growth = statistics.median(b) / statistics.median(a)
        lines.append(
            f"| customer_360 p50 OURS {large['scale']:,} / {small['scale']:,} | <= 1.2 | "
            f"{growth:.2f} {'✅' if growth <= 1.2 else '❌'} |"
        )
    return "\n".join(lines) + "\n"


def _p50_of(scale: dict[str, Any]) -> Callable[[str, str], float]:
    return lambda op, name: _pct(scale["latency"][op][name], 50)


def _peak_of(scale: dict[str, Any]) -> Callable[[str, str], float]:
    return lambda op, name: statistics.median(scale["throughput"][op][name])


def chart(results: dict[str, Any], path: Path) -> None:
    scales = results["scales"]
    fig, axes = plt.subplots(2, len(scales), figsize=(6 * len(scales), 8), squeeze=False)
    width = 0.2
    for col, scale in enumerate(scales):
        panels = (
            ("p50 latency (ms, lower is better)", _p50_of(scale)),
            ("peak throughput (req/s, higher is better)", _peak_of(scale)),
        )
        for row, (title, value) in enumerate(panels):
            ax = axes[row][col]
            x = np.arange(len(OPERATIONS))
            for i, name in enumerate(ORDER):
                heights = [
                    value(op, name) if name in scale["latency"].get(op, {}) else 0.0
                    for op in OPERATIONS
                ]
                ax.bar(x + (i - 1.5) * width, heights, width, label=name)
            ax.set_xticks(x, [op.replace("_", "\n") for op in OPERATIONS])
            ax.set_title(f"{scale['scale']:,} customers: {title}", fontsize=10)
            ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


HOW_TO_READ = """\
## How to read it

- **p50 / p99 ms**: latency percentiles at a fixed arrival rate (*at req/s*, the same for every
  contender of an operation: half the slowest contender's peak), timed from each request's
  *scheduled* send, so time spent waiting behind a busy server counts.
- **peak req/s**: completed requests per second with 16 concurrent connections (median of rounds).
- **round trips**: Cypher statements the contender sent to Neo4j for one request.
- **db hits**: the PROFILE db hits of those statements, summed (replayed on the same data).
- **Targets**: each ratio is the median of per-round ratios (round *r* of OURS against round *r*
  of the other contender), so a slow moment of the shared machine weighs on both sides alike.
- RAW is the floor (one hand-written query behind a plain route, no GraphQL, no auth); OURS runs
  with an agent key holding `pii:read`, so authentication, masking checks and the audit of
  personal-data reads are all paid; NGQL and NAIVE have no authentication at all.
- **bulk rows/s**: rows written per second by one connection sending requests of that many rows
  one after another, half of each request renaming customers the one before created, half new
  (30,000 rows per contender, size and round, and at least 6 requests). Each size of each round
  starts from the generated dataset: the bulk rows written before are removed and each
  contender's first request is written unmeasured, so every round measures the scale its
  dataset says. Within it RAW and OURS take turns request by request (each pair's order flipped
  from the last), so what one's writes leave Neo4j to do afterwards weighs on both alike. RAW
  sends its `UNWIND … MERGE` the rows as given and writes the customer graph OURS writes
  (`tests/integration/bench/test_bulk.py`): each row brings the search text the full-text index
  reads (the folded name and e-mails, as the platform stores them), and each customer's stage
  history starts with an entry. OURS coerces and validates every row, refuses duplicate keys,
  locks each key, compares each existing customer with its row, answers the customer ids in row
  order and writes an audit record, all in the request's transaction.
  `python -m bench.bulk_split` shows how much of that is the service's own work and how much
  its statement in Neo4j. Bulk has rounds of its own (nine by default: each is short, so their
  ratios spread wide); *OURS/RAW by round* lists them in the order run, and the bulk targets
  are their medians.
- A ratio printed with more than two decimals is one two decimals would round onto its bound.
"""


SOAK_HEADING = "## Soak"


def soak_section(results: dict[str, Any], report_name: str) -> str:
    """The soak's table: errors and the server's memory growth under sustained load."""
    scales = [s for s in results["scales"] if s.get("soak")]
    if not scales:
        return ""
    lines = [
        SOAK_HEADING,
        "",
        f"Run {results['started']} (report: `bench/results/{report_name}`). OURS alone; each "
        "client sends customer-360 and list-page requests in turn, the next as soon as the last "
        f"is answered. Targets: {soak.MAX_ERRORS} errors; RSS at the end less than "
        f"{soak.MAX_RSS_GROWTH:.0%} above RSS after a {soak.WARM_UP_SECONDS:g} s warm-up.",
        "",
        "| customers | clients | seconds | requests | req/s | errors | RSS after warm-up MiB "
        "| RSS at end MiB | growth | target |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for scale in scales:
        run = scale["soak"]
        met = run["errors"] <= soak.MAX_ERRORS and run["rss_growth"] < soak.MAX_RSS_GROWTH
        lines.append(
            f"| {scale['scale']:,} | {run['clients']} | {run['seconds']:g} | {run['requests']:,} "
            f"| {run['requests'] / run['seconds']:.0f} | {run['errors']} "
            f"| {run['rss_after_warm_up_kib'] / 1024:.0f} | {run['rss_at_end_kib'] / 1024:.0f} "
            f"| {run['rss_growth']:+.1%} | {'✅' if met else '❌'} |"
        )
    for scale in scales:
        if scale["soak"]["first_error"]:
            lines += ["", f"First error at {scale['scale']:,}: `{scale['soak']['first_error']}`"]
    return "\n".join(lines) + "\n"


def with_soak_section(page: str, section: str) -> str:
    """`page` with its soak section replaced by `section` (added before "How to read it")."""
    start = page.find(f"\n{SOAK_HEADING}\n")
    if start == -1:
        anchor = page.find("\n## How to read it")
        at = anchor if anchor != -1 else len(page)
        return page[:at].rstrip("\n") + "\n\n" + section + page[at:]
    end = page.find("\n## ", start + 1)
    rest = page[end:] if end != -1 else "\n"
    return page[:start].rstrip("\n") + "\n\n" + section + rest


# Sections of docs/benchmarks.md written by other benchmarks (`bench/speed_paths.py`, by hand
# from its runs): a new `make bench` page keeps them as they are.
KEPT_SECTIONS = ("## Speed paths",)


def kept_sections(page: str) -> str:
    """The sections of `page` that `docs_page` keeps, each up to the next `## ` heading."""
    kept = []
    for heading in KEPT_SECTIONS:
        start = page.find(f"\n{heading}\n")
        if start == -1:
            continue
        end = page.find("\n## ", start + 1)
        kept.append(page[start + 1 : end + 1 if end != -1 else len(page)].rstrip("\n") + "\n")
    return "".join(section + "\n" for section in kept)


def docs_page(results: dict[str, Any], report_name: str, previous: str = "") -> str:
    """`docs/benchmarks.md`: the latest tables, the sections of `previous` (the page as it was)
    that other benchmarks wrote, and how to read them."""
    return (
        "# Benchmarks\n\n"
        "`make bench` measures the platform (OURS) against the physical limit of the stack (RAW), "
        "the best GraphQL layer for Neo4j (NGQL: `@neo4j/graphql` on `graphql-yoga`) and what a "
        "Python team would typically write (NAIVE: Strawberry with DataLoaders), on the same "
        "Neo4j, data and machine. See `bench/` for the harness.\n\n"
        f"Latest run: {results['started']} (report: `bench/results/{report_name}`).\n\n"
        + tables(results)
        + "\n"
        + soak_section(results, report_name)
        + "\n"
        + kept_sections(previous)
        + HOW_TO_READ
    )


def write(results: dict[str, Any], markdown: Path, png: Path) -> None:
    chart(results, png)
    header = [
        f"# Benchmark run of {results['started']}",
        "",
        f"{results['rounds']} interleaved rounds; peak throughput with "
        f"{results['connections']} connections; latency at a fixed arrival rate (half the "
        "slowest contender's peak for that operation), timed from each request's scheduled "
        "send. Contenders on one CPU, the load process on the other; Neo4j on both.",
        "",
        f"![chart]({png.name})",
        "",
    ]
    body = tables(results) + "\n" + soak_section(results, markdown.name)
    markdown.write_text("\n".join(header) + body + "\n" + HOW_TO_READ)

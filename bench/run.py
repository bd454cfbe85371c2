"""`make bench`: every contender, operation and scale in one run, then the report.

For each scale: start the benchmark's Neo4j (its own home per scale, so a dataset is generated
once and reused), capture each contender's Cypher for each operation and PROFILE it, then
measure in interleaved rounds (for each round, each operation, each contender in turn):
peak throughput with a fixed number of connections, then latency at a fixed arrival rate
(half the slowest contender's peak for that operation, the same rate for all), then bulk
upserts. Results go to `bench/results/<date>-*.json`, the report and its chart beside them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import urllib.request
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import bulk, capture, dataset, report, soak
from bench.contenders import ROOT, Contender, contenders
from bench.query_cost import Cost, profile, request_path, save_snapshot
from bench.stand import (
    CONTENDER_PORTS,
    LoadProcess,
    Running,
    bench_settings,
    ensure_node_modules,
    install_apoc,
    local_neo4j,
    start,
    started,
)
from cdp.access.api_keys import create_key
from cdp.settings import Settings
from cdp.store.graph import Graph, open_driver
from cdp.store.migrations import MigrationRunner

RESULTS = ROOT / "bench" / "results"
CONNECTIONS = 16
# Rows each contender writes per size and round; the largest requests are still sent 6 times
# (one 10,000-row request's time varies by a third with its commit).
BULK_ROWS_PER_ROUND = 30_000
BULK_MIN_REQUESTS = 6


def _post(url: str, body: str, headers: dict[str, str]) -> dict[str, Any]:
    request = urllib.request.Request(  # noqa: S310 - loopback, fixed URL
        url, data=body.encode(), headers={"content-type": "application/json", **headers}
    )
    with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310
        answer: dict[str, Any] = json.loads(response.read())
    return answer


async def remove_bulk_rows(graph: Graph) -> None:
    """Remove what earlier bulk upserts created (in batches: an auto-commit query)."""
    async with graph.driver.session(database=graph.database) as session:
        await (await session.run(bulk.CLEAN_UP)).consume()


async def prepare(settings: Settings, customers: int, seed: int) -> tuple[Graph, str]:
    local = local_neo4j(settings)
    driver = open_driver(local.uri, "neo4j", local.password(), settings)
    graph = Graph(driver, "neo4j", timeout=600)
    await MigrationRunner(driver, "neo4j").migrate()
    await remove_bulk_rows(graph)
    held = await dataset.describe(graph)
    if held is None:
        print(f"generating {customers} customers (seed {seed})", file=sys.stderr)
        await dataset.generate(graph, customers, seed)
    elif held.customers != customers:
        raise SystemExit(f"{settings.home} holds another dataset: remove it first")
    else:
        _refuse_altered(settings, held, await dataset.count(graph, held.customers, held.seed))
    key = await create_key(graph, name="bench", role="agent", scopes=["pii:read"])
    return graph, key.secret


def _refuse_altered(settings: Settings, generated: dataset.Stats, now: dataset.Stats) -> None:
    """Stop unless the graph holds what was generated into it: writes by anything but the
    benchmark's own bulk requests (removed above) would measure a graph the report does not
    describe."""
    changed = [
        f"{name}: {now_count} held, {generated_count} generated"
        for name, generated_count, now_count in (
            *((label, generated.labels[label], now.labels[label]) for label in now.labels),
            *((kind, generated.types[kind], now.types[kind]) for kind in now.types),
        )
        if now_count != generated_count
    ]
    if changed:
        raise SystemExit(
            f"{settings.home} no longer holds the generated dataset "
            f"({'; '.join(changed)}): remove it first"
        )


def _variables(operation: str, probes: dataset.Probes, i: int) -> dict[str, Any]:
    if operation in ("customer_360",):
        return {"id": probes.customer_ids[i % len(probes.customer_ids)]}
    if operation == "influence_two_hop":
        return {"id": probes.leader_ids[i % len(probes.leader_ids)]}
    if operation == "search":
        return {"text": probes.search_terms[i % len(probes.search_terms)]}
    return dict(probes.list_filter)


def _bodies(contender: Contender, operation: str, probes: dataset.Probes) -> list[str]:
    count = len(probes.customer_ids) if operation == "customer_360" else 20
    return [contender.body(operation, _variables(operation, probes, i)) for i in range(count)]


def _headers(contender: Contender, key: str) -> dict[str, str]:
    return {"authorization": f"Bearer {key}"} if contender.authenticated else {}


async def _costs(
    graph: Graph,
    all_contenders: list[Contender],
    env: dict[str, str],
    key: str,
    probes: dataset.Probes,
    logs: Path,
) -> dict[str, dict[str, Cost]]:
    costs: dict[str, dict[str, Cost]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for contender in all_contenders:
            path = Path(tmp) / f"{contender.name}.jsonl"
            running = start(contender, env, logs, capture=path)
            try:
                for operation in contender.operations:
                    if operation == "bulk_upsert":
                        continue
                    body = contender.body(operation, _variables(operation, probes, 0))
                    headers = _headers(contender, key)
                    _post(contender.url(operation), body, headers)  # warm: key cache, plans
                    path.write_text("")
                    answer = _post(contender.url(operation), body, headers)
                    if "errors" in answer:
                        raise RuntimeError(f"{contender.name} {operation}: {answer['errors']}")
                    statements = request_path(capture.load(str(path)))
                    costs.setdefault(operation, {})[contender.name] = await profile(
                        graph.driver, statements
                    )
            finally:
                running.stop()
    return costs


def _measure(
    load: LoadProcess,
    running: list[Contender],
    key: str,
    probes: dataset.Probes,
    rounds: int,
    duration: float,
) -> dict[str, Any]:
    operations = sorted({op for c in running for op in c.operations if op != "bulk_upsert"})
    bodies = {
        (c.name, op): _bodies(c, op, probes)
        for c in running
        for op in c.operations
        if op != "bulk_upsert"
    }

    def send(contender: Contender, operation: str, **mode: Any) -> dict[str, Any]:
        outcome = load.run(
            url=contender.url(operation),
            headers=_headers(contender, key),
            bodies=bodies[(contender.name, operation)],
            **mode,
        )
        _check(outcome, contender, operation)
        return outcome

    pairs = [(c, op) for op in operations for c in running if op in c.operations]
    for contender, operation in pairs:  # warm-up: JIT, plan caches, page cache
        send(contender, operation, mode="throughput", concurrency=CONNECTIONS, duration=2.0)
    throughput: dict[str, dict[str, list[float]]] = {}
    for round_ in range(rounds):
        print(f"  throughput round {round_ + 1}/{rounds}", file=sys.stderr)
        for contender, operation in pairs:
            outcome = send(
                contender, operation, mode="throughput", concurrency=CONNECTIONS, duration=duration
            )
            rps = outcome["completed"] / outcome["elapsed"]
            throughput.setdefault(operation, {}).setdefault(contender.name, []).append(rps)
    rates = {
        op: round(0.5 * min(sorted(v)[len(v) // 2] for v in by.values()), 1)
        for op, by in throughput.items()
    }
    latency: dict[str, dict[str, list[list[float]]]] = {}
    for round_ in range(rounds):
        print(f"  latency round {round_ + 1}/{rounds}", file=sys.stderr)
        for contender, operation in pairs:
            rate = rates[operation]
            seconds = min(max(duration, 200 / rate), 10.0)
            outcome = send(contender, operation, mode="rate", rate=rate, duration=seconds)
            latency.setdefault(operation, {}).setdefault(contender.name, []).append(
                outcome["latencies_ms"]
            )
    return {"throughput": throughput, "rates": rates, "latency": latency}


async def _bulk(
    load: LoadProcess, running: list[Contender], key: str, rounds: int, graph: Graph
) -> dict[str, dict[str, list[float]]]:
    """rows/s per size and contender, one value per round.

    Each size of each round starts from the dataset as generated: the rows the last size wrote
    are removed, then each contender's first request is written unmeasured (the rows the
    measured ones rename, and a warm start). Otherwise every round would measure a larger graph
    than the last (five rounds added some 450,000 customers to either scale).

    Within a size the contenders take turns request by request (the order of each pair flipped
    from one to the next): what one contender's writes leave Neo4j to do afterwards (a
    collection of its heap, a merge of index segments, a checkpoint) falls on both alike, not
    on whichever comes second."""
    results: dict[str, dict[str, list[float]]] = {}
    writers = [c for c in running if "bulk_upsert" in c.operations]
    for round_ in range(rounds):
        print(f"  bulk round {round_ + 1}/{rounds}", file=sys.stderr)
        for size in bulk.SIZES:
            requests = max(BULK_MIN_REQUESTS, BULK_ROWS_PER_ROUND // size)
            await remove_bulk_rows(graph)
            for contender in writers:
                _post(
                    contender.url("bulk_upsert"),
                    bulk.bodies(contender.name, size, 0, 1)[0],
                    _headers(contender, key),
                )
            bodies = {c.name: bulk.bodies(c.name, size, 1, requests) for c in writers}
            seconds = dict.fromkeys(bodies, 0.0)
            for i in range(requests):
                for contender in writers if i % 2 == 0 else writers[::-1]:
                    outcome = load.run(
                        mode="throughput",
                        url=contender.url("bulk_upsert"),
                        headers=_headers(contender, key),
                        bodies=[bodies[contender.name][i]],
                        concurrency=1,
                        duration=0.0,
                        count=1,
                    )
                    _check(outcome, contender, f"bulk {size}")
                    seconds[contender.name] += outcome["latencies_ms"][0] / 1000
            for name, spent in seconds.items():
                results.setdefault(str(size), {}).setdefault(name, []).append(
                    requests * size / spent
                )
    await remove_bulk_rows(graph)
    return results


def _soak(
    load: LoadProcess, ours: Running, key: str, probes: dataset.Probes, args: argparse.Namespace
) -> soak.Soak:
    print(
        f"  soak: {args.soak_clients} clients, {args.soak_seconds:g} s after a "
        f"{soak.WARM_UP_SECONDS:g} s warm-up",
        file=sys.stderr,
    )
    bodies = soak.interleaved(
        _bodies(ours.contender, "customer_360", probes),
        _bodies(ours.contender, "list_page", probes),
    )
    return soak.run(
        load,
        ours,
        bodies,
        _headers(ours.contender, key),
        clients=args.soak_clients,
        seconds=args.soak_seconds,
    )


def _check(outcome: dict[str, Any], contender: Contender, operation: str) -> None:
    if outcome["errors"]:
        raise RuntimeError(
            f"{contender.name} {operation}: {outcome['errors']} errors, first: "
            f"{outcome['first_error']}"
        )


async def run_scale(args: argparse.Namespace, scale: int) -> dict[str, Any]:
    settings = bench_settings(scale, args.heap, args.pagecache)
    local = local_neo4j(settings)
    print(f"scale {scale}: starting Neo4j", file=sys.stderr)
    if "NGQL" in args.contenders:
        install_apoc(settings)
    local.start()
    load = LoadProcess()
    try:
        graph, key = await prepare(settings, scale, args.seed)
        stats = await dataset.describe(graph)
        probes = await dataset.probes(graph, 50)
        env = {
            "BENCH_NEO4J_URI": local.uri,
            "BENCH_NEO4J_USER": "neo4j",
            "BENCH_NEO4J_PASSWORD": local.password(),
        }
        chosen = [c for c in contenders(CONTENDER_PORTS) if c.name in args.contenders]
        logs = RESULTS / "logs"
        costs: dict[str, dict[str, Cost]] = {}
        measured: dict[str, Any] = {}
        if not args.only_soak:
            print("  capturing Cypher for round trips and db hits", file=sys.stderr)
            costs = await _costs(graph, chosen, env, key, probes, logs)
        with started(chosen, env, logs) as running:
            if not args.only_soak:
                measured = _measure(load, chosen, key, probes, args.rounds, args.duration)
                measured["bulk"] = await _bulk(load, chosen, key, args.bulk_rounds, graph)
            if args.soak_seconds > 0:
                measured["soak"] = _soak(load, running["OURS"], key, probes, args).as_json()
        await graph.driver.close()
    finally:
        load.close()
        local.stop()
    return {
        "scale": scale,
        "dataset": asdict(stats) if stats is not None else None,
        "costs": {op: {n: asdict(c) for n, c in by.items()} for op, by in costs.items()},
        **measured,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5)
    # Bulk rounds are short (about two seconds per contender at 1,000 rows) and their ratios
    # spread wider than the latency rounds' (0.80 to 0.94 in one run): a median of nine moves
    # less from one run to the next than a median of five.
    parser.add_argument("--bulk-rounds", type=int, default=9)
    parser.add_argument("--duration", type=float, default=4.0, help="seconds per measurement")
    parser.add_argument("--contenders", default="RAW,OURS,NGQL,NAIVE")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="4g")
    parser.add_argument("--no-snapshot", action="store_true", help="leave query_cost.json alone")
    parser.add_argument("--soak-seconds", type=float, default=soak.SECONDS, help="0: no soak")
    parser.add_argument("--soak-clients", type=int, default=soak.CLIENTS)
    parser.add_argument(
        "--only-soak",
        action="store_true",
        help="run only the soak (OURS alone); its report replaces the soak section of the docs",
    )
    args = parser.parse_args(argv)
    args.contenders = ["OURS"] if args.only_soak else args.contenders.split(",")
    if "NGQL" in args.contenders:
        ensure_node_modules()
    started_at = datetime.now(UTC)
    scales = [int(s) for s in args.scales.split(",")]
    results = {
        "started": started_at.isoformat(timespec="seconds"),
        "rounds": args.rounds,
        "connections": CONNECTIONS,
        "scales": [asyncio.run(run_scale(args, scale)) for scale in scales],
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    # The start time is in the name: a second run on the same day keeps the first one's report.
    stem = f"{started_at:%Y-%m-%d-%H%M}-" + "-".join(str(s) for s in scales)
    if args.only_soak:
        _write_soak(results, f"{stem}-soak")
        return
    (RESULTS / f"{stem}.json").write_text(json.dumps(results, indent=1) + "\n")
    report.write(results, RESULTS / f"{stem}.md", RESULTS / f"{stem}.png")
    docs = ROOT / "docs" / "benchmarks.md"
    previous = docs.read_text() if docs.exists() else ""
    docs.write_text(report.docs_page(results, f"{stem}.md", previous))
    if not args.no_snapshot:
        save_snapshot(
            {
                str(s["scale"]): {
                    op: {n: Cost(**c) for n, c in by.items()} for op, by in s["costs"].items()
                }
                for s in results["scales"]
            }
        )
    print(f"report: {RESULTS / f'{stem}.md'}", file=sys.stderr)


def _write_soak(results: dict[str, Any], stem: str) -> None:
    (RESULTS / f"{stem}.json").write_text(json.dumps(results, indent=1) + "\n")
    section = report.soak_section(results, f"{stem}.md")
    (RESULTS / f"{stem}.md").write_text(f"# Soak run of {results['started']}\n\n{section}")
    docs = ROOT / "docs" / "benchmarks.md"
    docs.write_text(report.with_soak_section(docs.read_text(), section))
    print(f"report: {RESULTS / f'{stem}.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()

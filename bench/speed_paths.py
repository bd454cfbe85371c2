"""`python -m bench.speed_paths`: what the speed pieces (`schema/speed/`) buy, on and off.

The platform runs as `cdp serve` does (uvicorn, one process) several times over, each process a
configuration: every piece (twice: the second is the noise control), none (`CDP_SPEED_PATHS=
false`, the libraries' own paths) and every piece but one, for each piece. They read the
benchmark's own Neo4j (`.cdp/speed-bench`, bolt 48687, http 48474; a 10,000-customer dataset of
`bench.dataset`, generated on first use). One client sends one request at a time.

Each round measures every configuration in turn (the order rotates from round to round):
customer-360 latency (p50 of its requests), the latency of a list page of 100 customers (p50)
and bulk upserts of 1,000 rows (rows/s; each round starts from the dataset as generated, and
the configurations take turns request by request). Beside each, the CPU time the server process
spent per request (all its threads, from /proc: Linux), which a busy machine disturbs far less
than it disturbs latencies. A ratio is taken within each round, so a
machine busy with something else weighs on both sides of it alike, and the median of the rounds
is reported, with the quartiles. A ratio above 1 means the piece makes the operation faster.
Results go to `bench/results/<date>-<time>-speed-paths.json` and a table to stdout
(`python -m bench.speed_paths report FILE` prints the table of a saved run again).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import bulk, dataset
from bench.contenders import BENCH, ROOT
from cdp.access.api_keys import create_key
from cdp.local_neo4j import LocalNeo4j
from cdp.settings import Settings
from cdp.store.graph import Graph, open_driver
from cdp.store.migrations import MigrationRunner

CUSTOMERS = 10_000
BULK_ROWS = 1_000
FIRST_PORT = 48900
CONTROL = "all again"  # every piece, a second process: the noise of the measurement itself
LIST_PAGE = """
query ListPage($stage: LifecycleStage!) {
  customers(filter: { lifecycleStage: [$stage] }, orderBy: CREATED_AT_DESC, first: 100) {
    totalCount
    edges { node { id name emails lifecycleStage createdAt } }
  }
}
"""
# Pieces outside `schema/speed/` (the core may not import it), left out by patching the server
# process for the measurement alone.
CORE_PIECES = ("many_repr", "release")


def bench_settings() -> Settings:
    return Settings(
        home=ROOT / ".cdp" / "speed-bench",
        cache_dir=ROOT / ".cdp" / "cache",
        neo4j_bolt_port=48687,
        neo4j_http_port=48474,
        neo4j_heap="1g",
        neo4j_pagecache="512m",
    )


@dataclass(frozen=True)
class Config:
    name: str
    leave_out: str | None = None  # a piece; None: every piece
    speed_paths: bool = True


def configs(pieces: list[str]) -> list[Config]:
    return [
        Config("all"),
        Config(CONTROL),
        Config("none", speed_paths=False),
        *(Config(f"all but {piece}", leave_out=piece) for piece in pieces),
    ]


# --- the server processes ------------------------------------------------------------------


def serve(port: int, leave_out: str | None) -> None:
    """One configuration's server (run in a process of its own by `Server`)."""
    import uvicorn  # noqa: PLC0415 - only the server processes need it

    from schema import speed  # noqa: PLC0415

    if leave_out in CORE_PIECES:
        _leave_out_core(leave_out)
    elif leave_out is not None:
        speed.PIECES = speed.PIECES - {leave_out}
    uvicorn.run(
        "cdp.edge.app:create_app",
        factory=True,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=600,  # the client's connection waits while the others are measured
    )


def _leave_out_core(piece: str) -> None:
    import cdp.edge.app  # noqa: F401, PLC0415 - every module that may hold `release`
    from cdp.store import graph  # noqa: PLC0415

    if piece == "many_repr":
        graph.Many.__repr__ = list.__repr__  # type: ignore[method-assign]
        return

    def keep(_: dict[str, Any]) -> None:
        return None

    release = graph.release
    for module in list(sys.modules.values()):
        if getattr(module, "release", None) is release:
            module.release = keep  # type: ignore[attr-defined]


class Server:
    def __init__(self, config: Config, port: int, neo4j: dict[str, str], logs: Any) -> None:
        self.config = config
        self.port = port
        command = [sys.executable, "-m", "bench.speed_paths", "serve", "--port", str(port)]
        if config.leave_out is not None:
            command += ["--leave-out", config.leave_out]
        env = {**os.environ, **neo4j, "CDP_SPEED_PATHS": str(config.speed_paths).lower()}
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=logs, stderr=subprocess.STDOUT
        )
        self.connection: http.client.HTTPConnection | None = None

    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.config.name}: the server exited")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                connection.request("GET", "/healthz")
                connection.getresponse().read()
                connection.close()
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"{self.config.name}: no answer within {timeout:.0f} s")

    def post(self, body: bytes, key: str) -> float:
        """Seconds from sending `body` to the last byte of an answer without errors."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = {"content-type": "application/json", "authorization": f"Bearer {key}"}
        started = time.perf_counter()
        self.connection.request("POST", "/graphql", body, headers)
        response = self.connection.getresponse()
        answer = response.read()
        elapsed = time.perf_counter() - started
        if response.status != 200 or b'"errors"' in answer:
            raise RuntimeError(f"{self.config.name}: {response.status} {answer[:500]!r}")
        return elapsed

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far, all its threads (Linux)."""
        tasks = Path(f"/proc/{self.process.pid}/task")
        total = 0
        for task in tasks.iterdir():
            with contextlib.suppress(FileNotFoundError):  # a thread that has just ended
                total += int((task / "schedstat").read_text().split()[0])
        return total / 1e9

    def stop(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def started(chosen: list[Config], neo4j: dict[str, str]) -> Iterator[list[Server]]:
    logs_dir = BENCH / "results" / "logs"
    logs_dir.mkdir(parents=True, exist_ok=True)
    servers: list[Server] = []
    with (logs_dir / "speed-paths.log").open("ab") as logs:
        try:
            for i, config in enumerate(chosen):
                servers.append(Server(config, FIRST_PORT + i, neo4j, logs))
            for server in servers:
                server.wait_ready()
            yield servers
        finally:
            for server in servers:
                server.stop()


# --- the graph -----------------------------------------------------------------------------


async def prepare(settings: Settings) -> tuple[str, list[str]]:
    """The benchmark graph migrated, its dataset generated (once), last bulk rows removed: an
    API key and the customers worth a 360 view."""
    local = LocalNeo4j(settings)
    driver = open_driver(local.uri, "neo4j", local.password(), settings)
    graph = Graph(driver, "neo4j", timeout=600)
    try:
        await MigrationRunner(driver, "neo4j").migrate()
        await remove_bulk_rows(graph)
        held = await dataset.describe(graph)
        if held is None:
            await dataset.generate(graph, CUSTOMERS, seed=1)
        elif held.customers != CUSTOMERS:
            raise SystemExit(f"{settings.home} holds another dataset: remove it first")
        key = await create_key(graph, name="speed paths", role="agent", scopes=["pii:read"])
        probes = await dataset.probes(graph, 50)
    finally:
        await driver.close()
    return key.secret, probes.customer_ids


async def remove_bulk_rows(graph: Graph) -> None:
    async with graph.driver.session(database=graph.database) as session:
        await (await session.run(bulk.CLEAN_UP)).consume()


def clean(settings: Settings) -> None:
    async def run() -> None:
        local = LocalNeo4j(settings)
        driver = open_driver(local.uri, "neo4j", local.password(), settings)
        try:
            await remove_bulk_rows(Graph(driver, "neo4j", timeout=600))
        finally:
            await driver.close()

    asyncio.run(run())


# --- measuring -----------------------------------------------------------------------------


@dataclass
class Bodies:
    customer_360: list[bytes]
    list_page: list[bytes]

    @classmethod
    def of(cls, customer_ids: list[str]) -> Bodies:
        query = (BENCH / "operations" / "customer_360.graphql").read_text()
        stages = ["CUSTOMER", "LEAD", "PROSPECT", "FORMER"]
        return cls(
            [_body(query, {"id": customer_id}) for customer_id in customer_ids],
            [_body(LIST_PAGE, {"stage": stage}) for stage in stages],
        )


def _body(query: str, variables: dict[str, Any]) -> bytes:
    return json.dumps({"query": query, "variables": variables}).encode()


def bulk_bodies(config: Config, first: int, count: int) -> list[bytes]:
    name = "speed-" + config.name.replace(" ", "-")
    return [body.encode() for body in bulk.bodies(name, BULK_ROWS, first, count)]


def reads(server: Server, bodies: list[bytes], count: int, key: str) -> tuple[float, float]:
    """The median latency of `count` requests cycling through `bodies`, and the server's CPU
    time per request, both in ms."""
    cpu = server.cpu_seconds()
    latencies = [server.post(bodies[i % len(bodies)], key) for i in range(count)]
    cpu = server.cpu_seconds() - cpu
    return 1000 * statistics.median(latencies), 1000 * cpu / count


Round = dict[str, dict[str, float]]  # configuration: measure: value


def measure(
    servers: list[Server], settings: Settings, key: str, bodies: Bodies, args: argparse.Namespace
) -> list[Round]:
    """Per round and configuration: customer_360 and list_page p50 and CPU per request (ms),
    bulk_upsert rows/s and CPU per 1,000 rows (ms)."""
    print("warming up", file=sys.stderr)
    clean(settings)
    for server in servers:  # plans, caches, and a collector that has seen bulk requests
        reads(server, bodies.customer_360, 30, key)
        reads(server, bodies.list_page, 10, key)
        for body in bulk_bodies(server.config, 0, args.warm_up):
            server.post(body, key)
    rounds: list[Round] = []
    for round_ in range(args.rounds):
        print(f"round {round_ + 1}/{args.rounds}", file=sys.stderr)
        shift = round_ % len(servers)
        order = servers[shift:] + servers[:shift]
        results: Round = {s.config.name: {} for s in servers}
        for server in order:
            out = results[server.config.name]
            out["customer_360"], out["customer_360_cpu"] = reads(
                server, bodies.customer_360, args.reads, key
            )
            out["list_page"], out["list_page_cpu"] = reads(
                server, bodies.list_page, args.reads // 2, key
            )
        clean(settings)
        requests = {s.config.name: bulk_bodies(s.config, 0, args.bulk + 1) for s in servers}
        for server in order:  # unmeasured: the rows the measured requests rename
            server.post(requests[server.config.name][0], key)
        spent = dict.fromkeys(requests, 0.0)
        cpu = dict.fromkeys(requests, 0.0)
        for i in range(1, args.bulk + 1):
            for server in order if i % 2 else order[::-1]:
                name = server.config.name
                before = server.cpu_seconds()
                spent[name] += server.post(requests[name][i], key)
                cpu[name] += server.cpu_seconds() - before
        for name, seconds in spent.items():
            results[name]["bulk_upsert"] = args.bulk * BULK_ROWS / seconds
            results[name]["bulk_upsert_cpu"] = 1000 * cpu[name] / args.bulk
        rounds.append(results)
    clean(settings)
    return rounds


# --- the report ----------------------------------------------------------------------------

MEASURES = {  # measure: True where larger is better
    "customer_360": False,
    "list_page": False,
    "bulk_upsert": True,
    "customer_360_cpu": False,
    "list_page_cpu": False,
    "bulk_upsert_cpu": False,
}


def gains(rounds: list[Round], name: str, reference: str) -> dict[str, list[float]]:
    """What `reference` gains over `name`, per measure and round (above 1: faster)."""
    out: dict[str, list[float]] = {}
    for measure, larger_is_better in MEASURES.items():
        for results in rounds:
            a, b = results[reference][measure], results[name][measure]
            out.setdefault(measure, []).append(a / b if larger_is_better else b / a)
    return out


def quartiles(values: list[float]) -> tuple[float, float, float]:
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, median, q3


def table(rounds: list[Round], names: list[str]) -> str:
    """Median gain of the rounds (quartiles), per comparison and measure."""
    lines = [
        "| comparison | customer-360 p50 | list page (100) p50 | bulk upsert 1,000 rows "
        "| customer-360 CPU | list page CPU | bulk upsert CPU |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    pairs = [(f"all vs {CONTROL} (noise)", CONTROL, "all"), ("all vs none", "none", "all")]
    pairs += [
        (f"{name.removeprefix('all but ')}: all vs all but it", name, "all")
        for name in names
        if name.startswith("all but ")
    ]
    for label, name, reference in pairs:
        cells = []
        for values in gains(rounds, name, reference).values():
            q1, median, q3 = quartiles(values)
            cells.append(f"{median:.2f} ({q1:.2f} to {q3:.2f})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for name in ("all", "none"):
        values = [statistics.median(r[name][m] for r in rounds) for m in MEASURES]
        lines.append(f"| median, {name} | " + " | ".join(f"{v:,.1f}" for v in values) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.speed_paths", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    serving = sub.add_parser("serve", help="one configuration's server (used by the benchmark)")
    serving.add_argument("--port", type=int, required=True)
    serving.add_argument("--leave-out", default=None)
    reporting = sub.add_parser("report", help="the table of a saved run")
    reporting.add_argument("file")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--reads", type=int, default=40, help="customer-360 requests per round")
    parser.add_argument("--bulk", type=int, default=3, help="measured bulk requests per round")
    parser.add_argument("--warm-up", type=int, default=4, help="bulk requests before round 1")
    parser.add_argument(
        "--pieces", default=None, help="the pieces to leave out one by one (default: all)"
    )
    parser.add_argument("--keep-neo4j", action="store_true", help="leave the Neo4j running")
    args = parser.parse_args(argv)
    if args.command == "serve":
        serve(args.port, args.leave_out)
        return
    if args.command == "report":
        saved = json.loads(Path(args.file).read_text())
        print(table(saved["rounds"], saved["configs"]))
        return
    from schema import speed  # noqa: PLC0415

    pieces = args.pieces.split(",") if args.pieces else [*sorted(speed.PIECES), *CORE_PIECES]
    chosen = configs([p for p in pieces if p])
    settings = bench_settings()
    local = LocalNeo4j(settings)
    local.start()
    try:
        key, customer_ids = asyncio.run(prepare(settings))
        neo4j = {
            "CDP_NEO4J_URI": local.uri,
            "CDP_NEO4J_USER": "neo4j",
            "CDP_NEO4J_PASSWORD": local.password(),
        }
        started_at = datetime.now(UTC)
        with started(chosen, neo4j) as servers:
            rounds = measure(servers, settings, key, Bodies.of(customer_ids), args)
    finally:
        if not args.keep_neo4j:
            local.stop()
    results = {
        "started": started_at.isoformat(timespec="seconds"),
        "customers": CUSTOMERS,
        "rounds": rounds,
        "configs": [c.name for c in chosen],
        "reads": args.reads,
        "bulk_requests": args.bulk,
        "warm_up": args.warm_up,
    }
    out = BENCH / "results" / f"{started_at:%Y-%m-%d-%H%M}-speed-paths.json"
    out.write_text(json.dumps(results, indent=1) + "\n")
    print(table(rounds, [c.name for c in chosen]))
    print(f"results: {out}", file=sys.stderr)


if __name__ == "__main__":
    main()

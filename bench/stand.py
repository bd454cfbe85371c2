"""The test stand: the benchmark's own Neo4j, the contender processes and the load process.

CPU pinning (two cores): every contender runs alone on the last CPU, the load generator on the
first; Neo4j may use both. All contenders are started, but only the one being measured
receives requests.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from bench.contenders import BENCH, ROOT, Contender
from cdp.local_neo4j import LocalNeo4j
from cdp.local_neo4j.distribution import DEPENDENCY_PLUGIN
from cdp.settings import Settings

LOAD_CPU = "0"


def server_cpu() -> str:
    count = os.cpu_count() or 1
    return str(count - 1)


def pinned(command: tuple[str, ...] | list[str], cpu: str) -> list[str]:
    if shutil.which("taskset"):
        return ["taskset", "-c", cpu, *command]
    return list(command)


# The benchmark's ports sit below Linux's ephemeral range (32768 to 60999): a port in it may be
# taken, as the local end of one of the many connections a run opens, just before a contender
# listens on it.
BOLT_PORT = 27687
HTTP_PORT = 27474
CONTENDER_PORTS = 27800  # RAW, then OURS, NGQL and NAIVE on the ports after it


def bench_settings(scale: int, heap: str, pagecache: str) -> Settings:
    return Settings(
        home=ROOT / ".cdp" / "bench" / str(scale),
        cache_dir=ROOT / ".cdp" / "cache",
        neo4j_bolt_port=BOLT_PORT,
        neo4j_http_port=HTTP_PORT,
        neo4j_heap=heap,
        neo4j_pagecache=pagecache,
    )


def local_neo4j(settings: Settings) -> LocalNeo4j:
    return LocalNeo4j(settings)


APOC = "org.neo4j.procedure:apoc-core:5.26.0:jar:core"
APOC_JAR = "apoc-core-5.26.0-core.jar"


def install_apoc(settings: Settings) -> None:
    """Put APOC Core into the benchmark Neo4j's plugins: NGQL formats every DateTime it
    returns with an APOC function. Only the benchmark's Neo4j gets it."""
    cache = ROOT / ".cdp" / "cache" / "apoc"
    jar = cache / APOC_JAR
    if not jar.exists():
        mvn = shutil.which("mvn")
        if mvn is None:
            raise SystemExit("NGQL needs the APOC plugin, fetched with Maven (mvn)")
        subprocess.run(
            [
                mvn,
                "-B",
                "-q",
                f"{DEPENDENCY_PLUGIN}:copy",
                f"-Dartifact={APOC}",
                f"-DoutputDirectory={cache}",
            ],
            check=True,
        )
    plugins = LocalNeo4j(settings).home / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    if not (plugins / APOC_JAR).exists():
        shutil.copy2(jar, plugins / APOC_JAR)


def ensure_node_modules() -> None:
    ngql = BENCH / "ngql"
    lock = ngql / "package-lock.json"
    stamp = ngql / "node_modules" / ".bench-lock"
    if stamp.exists() and stamp.read_text() == lock.read_text():
        return
    subprocess.run(
        [_npm(), "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ngql, check=True
    )
    stamp.write_text(lock.read_text())


def _npm() -> str:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("NGQL needs Node.js 20 and npm on the PATH")
    return npm


class Running:
    """A started contender process."""

    def __init__(self, contender: Contender, process: subprocess.Popen[bytes], log: Path) -> None:
        self.contender = contender
        self.process = process
        self.log = log

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(
    contender: Contender, env: dict[str, str], logs: Path, capture: Path | None = None
) -> Running:
    logs.mkdir(parents=True, exist_ok=True)
    log = logs / f"{contender.name.lower()}.log"
    full_env = {**os.environ, **env, "BENCH_PORT": str(contender.port)}
    full_env.pop("BENCH_CAPTURE", None)
    if capture is not None:
        full_env["BENCH_CAPTURE"] = str(capture)
    with log.open("ab") as out:
        # The log is appended to by every run: each start is headed, so a line can be dated.
        purpose = "capturing Cypher" if capture is not None else "measuring"
        started_at = f"{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC"
        out.write(f"--- {started_at}, started for {purpose}\n".encode())
        out.flush()
        process = subprocess.Popen(
            pinned(contender.command, server_cpu()),
            cwd=ROOT,
            env=full_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = Running(contender, process, log)
    _wait_ready(running)
    return running


def _wait_ready(running: Running, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{running.contender.port}/"
    while time.monotonic() < deadline:
        if running.process.poll() is not None:
            raise RuntimeError(
                f"{running.contender.name} exited: {running.log.read_text()[-2000:]}"
            )
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return  # it answers (404/405 is fine)
        except OSError:
            time.sleep(0.2)
    running.stop()
    raise RuntimeError(f"{running.contender.name} did not answer within {timeout:.0f} s")


@contextmanager
def started(
    contenders: list[Contender], env: dict[str, str], logs: Path
) -> Iterator[dict[str, Running]]:
    running: dict[str, Running] = {}
    try:
        for contender in contenders:
            running[contender.name] = start(contender, env, logs)
        yield running
    finally:
        for process in running.values():
            process.stop()


class LoadProcess:
    """The load generator, a separate process pinned to its own CPU."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            pinned([sys.executable, "-m", "bench.load"], LOAD_CPU),
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, **command: Any) -> dict[str, Any]:
        stdin: IO[str] | None = self.process.stdin
        stdout: IO[str] | None = self.process.stdout
        assert stdin is not None
        assert stdout is not None
        stdin.write(json.dumps(command) + "\n")
        stdin.flush()
        line = stdout.readline()
        if not line:
            raise RuntimeError("the load process died")
        result: dict[str, Any] = json.loads(line)
        return result

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)

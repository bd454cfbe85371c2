"""The soak: many clients for minutes on customer-360 and list pages against OURS alone.

It answers two questions the short measurements cannot: does anything fail under sustained
load (every non-200 answer and every GraphQL error counts), and does the server's memory keep
growing? Memory is the server process's resident set (RSS), sampled through the run; growth is
RSS at the end against RSS after the warm-up, when caches, pools and the allocator have
settled.
"""

from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.stand import LoadProcess, Running

CLIENTS = 32
SECONDS = 180.0
WARM_UP_SECONDS = 30.0
SAMPLE_EVERY = 5.0
# The targets: no error, and RSS at the end within this share above RSS after the warm-up.
MAX_ERRORS = 0
MAX_RSS_GROWTH = 0.10


@dataclass
class Soak:
    clients: int
    seconds: float
    requests: int = 0
    errors: int = 0
    first_error: str | None = None
    rss_after_warm_up_kib: int = 0
    rss_at_end_kib: int = 0
    # (seconds since the measured part began, RSS in KiB), every SAMPLE_EVERY seconds.
    rss_samples: list[tuple[float, int]] = field(default_factory=list)

    @property
    def rss_growth(self) -> float:
        if not self.rss_after_warm_up_kib:
            return float("nan")
        return self.rss_at_end_kib / self.rss_after_warm_up_kib - 1

    @property
    def met(self) -> bool:
        return self.errors <= MAX_ERRORS and self.rss_growth < MAX_RSS_GROWTH

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "rss_growth": self.rss_growth}


def rss_kib(pid: int, proc: Path = Path("/proc")) -> int:
    """The resident set of process `pid`, in KiB (Linux)."""
    for line in (proc / str(pid) / "status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"process {pid} reports no resident set")


class _Sampler(threading.Thread):
    """Samples a process's RSS in the background while the load process runs."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.samples: list[tuple[float, int]] = []
        self._done = threading.Event()

    def run(self) -> None:
        start = time.monotonic()
        while not self._done.wait(SAMPLE_EVERY):
            self.samples.append((round(time.monotonic() - start, 1), rss_kib(self.pid)))

    def stop(self) -> list[tuple[float, int]]:
        self._done.set()
        self.join()
        return self.samples


def run(
    load: LoadProcess,
    server: Running,
    bodies: list[str],
    headers: dict[str, str],
    *,
    clients: int = CLIENTS,
    seconds: float = SECONDS,
) -> Soak:
    """Warm up, then `clients` connections send `bodies` in turn for `seconds`."""
    url = server.contender.url("customer_360")
    soak = Soak(clients=clients, seconds=seconds)
    command = {"mode": "throughput", "url": url, "headers": headers, "bodies": bodies}
    # Each body once, one at a time, first: Neo4j plans each query shape once, instead of every
    # client planning the same one at the same moment on a cold server.
    first = load.run(**command, concurrency=1, duration=0.0, count=len(bodies))
    warm_up = load.run(**command, concurrency=clients, duration=WARM_UP_SECONDS)
    soak.rss_after_warm_up_kib = rss_kib(server.process.pid)
    sampler = _Sampler(server.process.pid)
    sampler.start()
    try:
        measured = load.run(**command, concurrency=clients, duration=seconds)
    finally:
        soak.rss_samples = sampler.stop()
    soak.rss_at_end_kib = rss_kib(server.process.pid)
    soak.requests = measured["completed"]
    soak.errors = first["errors"] + warm_up["errors"] + measured["errors"]
    soak.first_error = first["first_error"] or warm_up["first_error"] or measured["first_error"]
    return soak


def interleaved(*lists: list[str]) -> list[str]:
    """One body of each list in turn, so every client alternates operations."""
    longest = max(len(bodies) for bodies in lists)
    return [bodies[i % len(bodies)] for i in range(longest) for bodies in lists]

"""The load generator: a separate process the runner drives with one JSON command per line on
stdin, answering one JSON result per line on stdout.

Two modes:
- `rate`: requests sent at a fixed arrival rate; each latency is timed from the request's
  *scheduled* send time, so time spent queueing behind a slow server counts (no coordinated
  omission).
- `throughput`: a fixed number of connections, each sending its next request as soon as the
  previous answer arrived; reports completed requests per second.

A response counts as an error when its status is not 200 or its body carries GraphQL `errors`.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import asdict, dataclass, field
from typing import Any

import aiohttp

_MAX_IN_FLIGHT = 2000  # beyond this the server is hopelessly behind; stop adding load


@dataclass
class Command:
    mode: str
    url: str
    bodies: list[str]
    duration: float
    headers: dict[str, str] = field(default_factory=dict)
    rate: float = 0.0
    concurrency: int = 1
    count: int = 0  # throughput mode: stop after this many requests instead of at `duration`


@dataclass
class Outcome:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    first_error: str | None = None
    elapsed: float = 0.0
    dropped: int = 0

    @property
    def completed(self) -> int:
        return len(self.latencies_ms)


async def _send(
    session: aiohttp.ClientSession, command: Command, body: str, since: float, outcome: Outcome
) -> None:
    try:
        async with session.post(command.url, data=body, headers=command.headers) as response:
            payload = await response.read()
        ok = response.status == 200 and b'"errors"' not in payload
        detail = payload[:300].decode(errors="replace")
    except (aiohttp.ClientError, TimeoutError) as exc:
        ok, detail = False, repr(exc)
    if ok:
        outcome.latencies_ms.append((time.perf_counter() - since) * 1000)
    else:
        outcome.errors += 1
        outcome.first_error = outcome.first_error or detail


async def _at_rate(session: aiohttp.ClientSession, command: Command) -> Outcome:
    outcome = Outcome()
    interval = 1.0 / command.rate
    count = int(command.duration * command.rate)
    tasks: set[asyncio.Task[None]] = set()
    start = time.perf_counter()
    for i in range(count):
        scheduled = start + i * interval
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if len(tasks) >= _MAX_IN_FLIGHT:
            outcome.dropped += 1
            continue
        body = command.bodies[i % len(command.bodies)]
        task = asyncio.create_task(_send(session, command, body, scheduled, outcome))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks)
    outcome.elapsed = time.perf_counter() - start
    return outcome


async def _closed_loop(session: aiohttp.ClientSession, command: Command) -> Outcome:
    outcome = Outcome()
    start = time.perf_counter()
    deadline = start + command.duration

    def more(i: int) -> bool:
        return i < command.count if command.count else time.perf_counter() < deadline

    async def worker(offset: int) -> None:
        i = offset
        while more(i):
            body = command.bodies[i % len(command.bodies)]
            await _send(session, command, body, time.perf_counter(), outcome)
            i += command.concurrency

    await asyncio.gather(*(worker(n) for n in range(command.concurrency)))
    outcome.elapsed = time.perf_counter() - start
    return outcome


async def run(command: Command) -> Outcome:
    connector = aiohttp.TCPConnector(limit=max(command.concurrency, 512), force_close=False)
    timeout = aiohttp.ClientTimeout(total=120)
    headers = {"content-type": "application/json", **command.headers}
    command.headers = headers
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        if command.mode == "rate":
            return await _at_rate(session, command)
        return await _closed_loop(session, command)


def main() -> None:
    for line in sys.stdin:
        if not line.strip():
            continue
        command = Command(**json.loads(line))
        outcome = asyncio.run(run(command))
        result: dict[str, Any] = asdict(outcome)
        result["completed"] = outcome.completed
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

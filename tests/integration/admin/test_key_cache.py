"""The key cache never outlives a key: an expiry is exact, and a revocation made anywhere (the
CLI, another worker) reaches every worker within `CDP_KEY_CACHE_SECONDS` (0.5 s) plus one
query, here measured against `cdp serve` with two workers."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager
from typer.testing import CliRunner

from cdp.access.api_keys import create_key
from cdp.cli import commands as cli
from cdp.edge.app import create_app
from cdp.local_neo4j import LocalNeo4j
from cdp.settings import Settings
from cdp.store.graph import Graph

TYPENAME = json.dumps({"query": "{ __typename }"})


async def status_with(http: httpx.AsyncClient, key: str) -> int:
    response = await http.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"authorization": f"Bearer {key}"}
    )
    return response.status_code


async def test_a_cached_key_stops_working_when_it_expires(graph: Graph, settings: Settings) -> None:
    # The test settings cache keys for ten minutes: only the expiry itself can end this key.
    async with LifespanManager(create_app(settings)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            expires_at = datetime.now(UTC) + timedelta(seconds=1.5)
            key = await create_key(graph, name="brief", role="admin", expires_at=expires_at)
            assert await status_with(http, key.secret) == 200
            assert await status_with(http, key.secret) == 200  # from the cache
            await asyncio.sleep((expires_at - datetime.now(UTC)).total_seconds() + 0.01)
            assert await status_with(http, key.secret) == 401


async def test_a_revocation_made_elsewhere_reaches_a_worker(
    graph: Graph, settings: Settings
) -> None:
    # Another process revokes the key: this one's cache is not cleared, it checks again.
    key = await create_key(graph, name="elsewhere", role="agent")
    fast = settings.model_copy(update={"key_cache_seconds": 0.5})
    async with LifespanManager(create_app(fast)) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            assert await status_with(http, key.secret) == 200
            await graph.write_query(
                "MATCH (k:ApiKey {id: $id}) SET k.revokedAt = datetime()", {"id": key.id}
            )
            revoked = time.monotonic()
            statuses = []
            while time.monotonic() - revoked < 1.5:
                statuses.append((time.monotonic() - revoked, await status_with(http, key.secret)))
                await asyncio.sleep(0.05)
    assert all(status == 401 for after, status in statuses if after > 0.6), statuses


# --- two workers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def worker_of(client_port: int, server_port: int, workers: set[int]) -> int | None:
    """The worker holding the server side of the connection from `client_port`."""
    inodes: set[str] = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = (int(a.rpartition(":")[2], 16) for a in fields[1:3])
        if local == server_port and remote == client_port:
            inodes.add(fields[9])
    for pid in workers:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                return pid
    return None


@contextmanager
def two_workers(settings: Settings, home: Path) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """`cdp serve` with CDP_WORKERS=2 against the test Neo4j, on a free port."""
    port = free_port()
    uri = settings.neo4j_uri or LocalNeo4j(settings).uri
    password = (
        settings.neo4j_password.get_secret_value()
        if settings.neo4j_password
        else LocalNeo4j(settings).password()
    )
    env = {name: value for name, value in os.environ.items() if not name.startswith("CDP_")}
    env |= {
        "CDP_NEO4J_URI": uri,
        "CDP_NEO4J_USER": settings.neo4j_user,
        "CDP_NEO4J_PASSWORD": password,
        "CDP_NEO4J_DATABASE": settings.neo4j_database,
        "CDP_HOME": str(home),
        "CDP_PORT": str(port),
        "CDP_WORKERS": "2",
    }
    command = [str(Path(sys.executable).with_name("cdp")), "serve", "--no-prepare"]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, "cdp serve stopped"
            assert time.monotonic() < deadline, "cdp serve did not start"
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                probe.request("GET", "/healthz")
                if probe.getresponse().status == 200 and len(children(server.pid)) >= 2:
                    break
            except OSError:
                pass
            finally:
                probe.close()
            time.sleep(0.2)
        yield port, server
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@contextmanager
def closing_all(connections: list[http.client.HTTPConnection]) -> Iterator[None]:
    try:
        yield
    finally:
        for conn in connections:
            conn.close()


def ask(conn: http.client.HTTPConnection, key: str) -> int:
    conn.request(
        "POST",
        "/graphql",
        body=TYPENAME,
        headers={"content-type": "application/json", "authorization": f"Bearer {key}"},
    )
    response = conn.getresponse()
    response.read()
    return response.status


async def test_a_cli_revocation_reaches_both_workers_within_a_second(
    graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    key = await create_key(graph, name="two workers", role="admin")
    opened: list[http.client.HTTPConnection] = []
    with two_workers(settings, tmp_path) as (port, server), closing_all(opened):
        # Connections stay with the worker that accepted them: open them until each worker
        # holds some, and each has verified (and cached) the key.
        by_worker: dict[int, list[http.client.HTTPConnection]] = {}
        for _ in range(60):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            opened.append(conn)
            assert ask(conn, key.secret) == 200
            assert conn.sock is not None
            worker = worker_of(conn.sock.getsockname()[1], port, children(server.pid))
            assert worker is not None
            by_worker.setdefault(worker, []).append(conn)
            if len(by_worker) == 2 and all(len(held) >= 2 for held in by_worker.values()):
                break
        assert len(by_worker) == 2, "the connections all went to one worker"
        for held in by_worker.values():
            assert all(ask(conn, key.secret) == 200 for conn in held)

        runner = CliRunner()
        env = {
            "CDP_NEO4J_URI": settings.neo4j_uri or LocalNeo4j(settings).uri,
            "CDP_NEO4J_PASSWORD": (
                settings.neo4j_password.get_secret_value()
                if settings.neo4j_password
                else LocalNeo4j(settings).password()
            ),
        }
        result = await asyncio.to_thread(
            runner.invoke, cli.app, ["keys", "revoke", key.id], env=env
        )
        assert result.exit_code == 0, result.output
        revoked = time.monotonic()

        answers: list[tuple[int, float, int]] = []
        while time.monotonic() - revoked < 2.5:
            for worker, held in by_worker.items():
                for conn in held:
                    answers.append((worker, time.monotonic() - revoked, ask(conn, key.secret)))
            await asyncio.sleep(0.02)
    late = [(worker, status) for worker, after, status in answers if after > 1.0]
    assert {worker for worker, _ in late} == set(by_worker)  # both were asked after 1 s
    assert all(status == 401 for _, status in late), answers

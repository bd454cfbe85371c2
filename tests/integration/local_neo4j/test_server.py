"""The lifecycle of a real local Neo4j, in a state folder of its own."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from cdp.local_neo4j import LocalNeo4j, Neo4jStartError, PortInUse
from tests.support.neo4j_server import PORT_OFFSET, local_settings


@pytest.fixture(scope="module")
def local() -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(local_settings("lifecycle", bolt_port=27687, http_port=27474))
    server.stop()
    shutil.rmtree(server.home, ignore_errors=True)
    try:
        yield server
    finally:
        server.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_start_stop_and_idempotent_start(local: LocalNeo4j) -> None:
    first = local.start()
    assert not first.already_running
    assert local.running_pid() == first.pid

    with neo4j.GraphDatabase.driver(local.uri, auth=("neo4j", local.password())) as driver:
        records, _, _ = driver.execute_query("RETURN 41 + 1 AS answer", database_="neo4j")
    assert records[0]["answer"] == 42

    second = local.start()
    assert second.already_running
    assert second.pid == first.pid

    status = local.status()
    assert status.running
    assert status.answering
    assert status.pid == first.pid

    assert local.stop() is True
    assert local.running_pid() is None
    assert not Path(f"/proc/{first.pid}").exists()
    assert not local.pid_file.exists()
    assert local.stop() is False
    assert not local.status().running


def test_it_listens_on_loopback_only(local: LocalNeo4j) -> None:
    local.start()
    conf = (local.config.conf_dir / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "dbms.usage_report.enabled=false" in conf
    listening = Path("/proc/net/tcp").read_text() + Path("/proc/net/tcp6").read_text()
    port = f"{local.settings.neo4j_bolt_port:04X}"  # the port after CDP_TEST_PORT_OFFSET
    # /proc/net/tcp writes 127.0.0.1 as 0100007F; a wildcard bind would be all zeros.
    assert f"0100007F:{port}" in listening
    assert f"00000000:{port}" not in listening
    assert f"00000000000000000000000000000000:{port}" not in listening


def test_it_keeps_at_most_a_gigabyte_of_transaction_logs(local: LocalNeo4j) -> None:
    local.start()
    with neo4j.GraphDatabase.driver(local.uri, auth=("neo4j", local.password())) as driver:
        records, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value "
            "WHERE name = 'db.tx_log.rotation.retention_policy' RETURN value",
            database_="system",
        )
    assert [record["value"] for record in records] == ["2 days 1G"]


def test_the_password_is_generated_and_private(local: LocalNeo4j) -> None:
    local.start()
    assert len(local.password()) >= 24
    assert oct(local.password_file.stat().st_mode & 0o777) == "0o600"
    with (
        neo4j.GraphDatabase.driver(local.uri, auth=("neo4j", "neo4j")) as driver,
        pytest.raises(neo4j.exceptions.AuthError),
    ):
        driver.verify_connectivity()


def test_a_stale_pid_file_does_not_stop_a_start(local: LocalNeo4j) -> None:
    local.stop()
    local.pid_file.write_text(f"{dead_pid()}\n")
    assert local.running_pid() is None
    assert not local.pid_file.exists()

    local.pid_file.write_text(f"{os.getpid()}\n")  # alive, but not a Neo4j of ours
    result = local.start()
    assert not result.already_running
    assert result.pid != os.getpid()
    local.stop()


def test_a_port_in_use_is_refused_with_its_name() -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        # local_settings shifts ports by the run's offset: the squatted port is asked for as is.
        bolt_port = port - PORT_OFFSET
        server = LocalNeo4j(
            local_settings("port-in-use", bolt_port=bolt_port, http_port=free_port())
        )
        with pytest.raises(PortInUse, match=f"Port {port} .* CDP_NEO4J_BOLT_PORT"):
            server.start()
        assert server.running_pid() is None


def test_neo4j_exiting_at_start_shows_its_last_log_lines() -> None:
    server = LocalNeo4j(local_settings("unstartable", bolt_port=free_port(), http_port=free_port()))
    shutil.rmtree(server.home, ignore_errors=True)
    server.password()
    # A file where Neo4j keeps its databases: it cannot create the system database and exits.
    server.config.data_dir.mkdir(parents=True)
    (server.config.data_dir / "databases").write_text("not a folder")
    with pytest.raises(Neo4jStartError, match="exited while starting") as raised:
        server.start()
    assert "Last log lines" in str(raised.value)
    assert "databases" in str(raised.value)
    assert server.running_pid() is None

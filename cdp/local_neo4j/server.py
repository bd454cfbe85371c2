"""The lifecycle of the local Neo4j: one JVM per state folder, started detached, stopped cleanly."""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

import neo4j
from neo4j import exceptions as neo4j_errors

from cdp.local_neo4j.config import JVM_FLAGS, LocalConfig
from cdp.local_neo4j.distribution import DistributionError, ensure_distribution, find_java
from cdp.settings import Settings

MAIN_CLASS = "org.neo4j.server.CommunityEntryPoint"
ADMIN_CLASS = "org.neo4j.server.startup.Neo4jAdminCommand"
USER = "neo4j"


class Neo4jStartError(DistributionError):
    """Neo4j did not come up: the message carries the reason and the last log lines."""


class PortInUse(Neo4jStartError):
    pass


@dataclass(frozen=True)
class StartResult:
    pid: int
    already_running: bool
    seconds: float


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    answering: bool
    uri: str


class LocalNeo4j:
    """A Neo4j Community server owned by this project, under `<CDP_HOME>/neo4j`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.home = (settings.home / "neo4j").resolve()
        self.cache_dir = (settings.cache_dir or settings.home / "cache").resolve()
        self.config = LocalConfig(
            home=self.home,
            bolt_port=settings.neo4j_bolt_port,
            http_port=settings.neo4j_http_port,
            heap=settings.neo4j_heap,
            pagecache=settings.neo4j_pagecache,
        )
        self.pid_file = self.home / "neo4j.pid"
        self.password_file = self.home / "password"
        self.console_log = self.config.logs_dir / "console.log"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.settings.neo4j_bolt_port}"

    def password(self) -> str:
        """The generated password of the `neo4j` user, created on first use (mode 0600)."""
        if not self.password_file.is_file():
            self.home.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                # Hex: a password starting with "-" would read as an option to neo4j-admin.
                handle.write(secrets.token_hex(24) + "\n")
        return self.password_file.read_text().strip()

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> StartResult:
        began = time.monotonic()
        pid = self.running_pid()
        if pid is not None:
            self._wait_until_answering(pid, began)
            return StartResult(pid, already_running=True, seconds=time.monotonic() - began)

        java = find_java(self.settings.java_home)
        distribution = ensure_distribution(self.cache_dir, java, self.settings.maven_settings)
        for port, variable in (
            (self.settings.neo4j_bolt_port, "CDP_NEO4J_BOLT_PORT"),
            (self.settings.neo4j_http_port, "CDP_NEO4J_HTTP_PORT"),
        ):
            if not _port_is_free(port):
                raise PortInUse(
                    f"Port {port} on 127.0.0.1 is already in use by another program: "
                    f"stop it or choose another port with {variable}."
                )
        self.config.write()
        self._set_initial_password(java, distribution.classpath)

        self.console_log.write_text("")
        log_fd = os.open(self.console_log, os.O_WRONLY | os.O_APPEND)
        try:
            argv = [
                str(java),
                "-cp",
                # Plugins join the classpath as with Neo4j's own launcher (extensions such as
                # APOC's configuration are found there), after Neo4j's own jars so that the
                # libraries a plugin bundles cannot replace newer ones Neo4j needs.
                f"{distribution.classpath}:{self.home / 'plugins'}/*",
                f"-Xms{self.settings.neo4j_heap}",
                f"-Xmx{self.settings.neo4j_heap}",
                *JVM_FLAGS,
                MAIN_CLASS,
                f"--home-dir={self.home}",
                f"--config-dir={self.config.conf_dir}",
                "--console-mode",
            ]
            pid = os.posix_spawn(
                str(java),
                argv,
                self._java_env(java),
                file_actions=[
                    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                    (os.POSIX_SPAWN_DUP2, log_fd, 1),
                    (os.POSIX_SPAWN_DUP2, log_fd, 2),
                ],
                # Its own session: a Ctrl-C meant for the CLI does not reach the JVM.
                setsid=True,
            )
        finally:
            os.close(log_fd)
        self.pid_file.write_text(f"{pid}\n")
        try:
            self._wait_until_answering(pid, began)
        except Neo4jStartError:
            self._terminate(pid, timeout=10)
            raise
        return StartResult(pid, already_running=False, seconds=time.monotonic() - began)

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server if it runs (SIGTERM, then SIGKILL after `timeout`); True if it ran."""
        pid = self.running_pid()
        if pid is None:
            return False
        self._terminate(pid, timeout)
        return True

    def status(self) -> Status:
        pid = self.running_pid()
        return Status(
            running=pid is not None,
            pid=pid,
            answering=pid is not None and self._answers(),
            uri=self.uri,
        )

    def running_pid(self) -> int | None:
        """The pid of our running server; a stale pid file is removed."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if _is_alive(pid) and self._is_ours(pid):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    def log_tail(self, lines: int = 40) -> str:
        try:
            with self.console_log.open(errors="replace") as handle:
                return "".join(deque(handle, maxlen=lines))
        except FileNotFoundError:
            return ""

    # --- internals -------------------------------------------------------------------------

    def _java_env(self, java: Path) -> dict[str, str]:
        return {
            **os.environ,
            "JAVA_HOME": str(java.parent.parent),
            "NEO4J_HOME": str(self.home),
            "NEO4J_CONF": str(self.config.conf_dir),
        }

    def _set_initial_password(self, java: Path, classpath: str) -> None:
        databases = self.config.data_dir / "databases"
        auth_file = self.config.data_dir / "dbms" / "auth.ini"
        if databases.exists() or auth_file.exists():
            if not self.password_file.is_file():
                raise Neo4jStartError(
                    f"{self.config.data_dir} holds a database but its password file "
                    f"{self.password_file} is gone: delete {self.home} to start afresh."
                )
            return
        command = [
            str(java),
            "-cp",
            classpath,
            ADMIN_CLASS,
            "dbms",
            "set-initial-password",
            self.password(),
        ]
        completed = subprocess.run(
            command, env=self._java_env(java), capture_output=True, text=True, check=False
        )
        if completed.returncode != 0:
            raise Neo4jStartError(
                "Could not set the initial Neo4j password:\n"
                + (completed.stdout + completed.stderr)[-2000:]
            )

    def _wait_until_answering(self, pid: int, began: float) -> None:
        deadline = began + self.settings.neo4j_start_timeout
        while time.monotonic() < deadline:
            if not _is_alive(pid):
                self.pid_file.unlink(missing_ok=True)
                raise Neo4jStartError(
                    "Neo4j exited while starting. Last log lines:\n" + self.log_tail()
                )
            if self._answers():
                return
            time.sleep(0.25)
        raise Neo4jStartError(
            f"Neo4j did not answer on {self.uri} within {self.settings.neo4j_start_timeout:.0f}s "
            "(raise CDP_NEO4J_START_TIMEOUT on a slow machine). Last log lines:\n" + self.log_tail()
        )

    def _answers(self) -> bool:
        try:
            driver = neo4j.GraphDatabase.driver(
                self.uri, auth=(USER, self.password()), connection_timeout=2
            )
            # A plain session run: execute_query would retry (and log) while Neo4j boots.
            with driver, driver.session(database=self.settings.neo4j_database) as session:
                session.run("RETURN 1").consume()
        except (neo4j_errors.DriverError, neo4j_errors.Neo4jError, OSError):
            return False
        return True

    def _is_ours(self, pid: int) -> bool:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return False
        return MAIN_CLASS.encode() in cmdline and f"--home-dir={self.home}".encode() in cmdline

    def _terminate(self, pid: int, timeout: float) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _is_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _is_alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            while _is_alive(pid):
                time.sleep(0.05)
        self.pid_file.unlink(missing_ok=True)


def _is_alive(pid: int) -> bool:
    """True while any thread of `pid` runs; reaps it when it is our exited child."""
    with contextlib.suppress(ChildProcessError):
        reaped, _ = os.waitpid(pid, os.WNOHANG)
        if reaped == pid:
            return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        threads = sum(1 for _ in Path(f"/proc/{pid}/task").iterdir())
    except (OSError, IndexError):
        return False
    # A JVM's main thread may end before its other threads: a zombie leader with live threads
    # is still a running process.
    return state != "Z" or threads > 1


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True

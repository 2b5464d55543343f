"""The project's own Neo4j Community server, for machines without Docker.

Its jars come from Maven Central through `graph/neo4j-jars/pom.xml`, downloaded once into a cache
shared by every server folder; each folder (`home`) holds one server's config, data, logs, pid and
generated password, so the demo server and the test server never touch each other's data.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors

from graph.database import ConnectionInfo
from graph.errors import LocalServerError
from graph.settings import PROJECT_ROOT

POM = PROJECT_ROOT / "graph" / "neo4j-jars" / "pom.xml"
USER = "neo4j"


@dataclass(frozen=True)
class ServerConfig:
    home: Path
    version: str
    browser_version: str
    jar_cache: Path
    bolt_port: int
    http_port: int
    heap: str
    pagecache: str
    start_timeout_s: float = 120.0


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    bolt_uri: str
    browser_url: str


def _java_executable() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java or not Path(java).exists():
        raise LocalServerError(
            "Java is not installed. Neo4j needs a Java 17 (or newer) runtime: "
            "install it with `apt-get install openjdk-17-jre-headless` or set JAVA_HOME."
        )
    return java


def java_major_version(java: str) -> int:
    output = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', output)
    if not match:
        raise LocalServerError(f"cannot read the Java version from: {output.strip()!r}")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def required_java(version: str) -> int:
    """Neo4j 5.x runs on Java 17; the calendar-versioned releases from 2025.10 on need Java 21."""
    year, _, month = version.partition(".")
    if len(year) == 4 and (int(year), int(month.split(".")[0])) >= (2025, 10):
        return 21
    return 17


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap(pid: int) -> bool:
    """Collects `pid` if it is our child and has exited (else it lingers as a zombie)."""
    try:
        reaped, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return reaped == pid


def terminate(
    pid: int, timeout_s: float, signal_with: Callable[[int, int], None] = os.kill
) -> None:
    """Asks `pid` to stop (SIGTERM), waits up to `timeout_s` for it, then kills it (SIGKILL).
    `signal_with` is `os.killpg` for a server started as its own process group."""
    signal_with(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while not reap(pid) and pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if pid_alive(pid):
        signal_with(pid, signal.SIGKILL)


class LocalNeo4j:
    """Start, stop and describe one local Neo4j server."""

    def __init__(self, config: ServerConfig) -> None:
        self.config = config
        self.home = config.home

    @property
    def lib_dir(self) -> Path:
        return self.config.jar_cache / f"neo4j-{self.config.version}" / "lib"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.config.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.config.http_port}/browser/"

    def connection_info(self) -> ConnectionInfo:
        if not self.password_file.exists():
            raise LocalServerError(
                f"the local Neo4j in {self.home} has never been started: "
                "run `talentgraph neo4j start`"
            )
        return ConnectionInfo(self.bolt_uri, USER, self.password_file.read_text().strip())

    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if pid_alive(pid) else None

    def status(self) -> ServerStatus:
        pid = self._pid()
        running = pid is not None and port_open(self.config.bolt_port)
        return ServerStatus(running, pid, self.bolt_uri, self.browser_url)

    def ensure_jars(self) -> Path:
        """Downloads the server's jars once; later calls return the cached folder at once."""
        if self.lib_dir.exists():
            return self.lib_dir
        mvn = shutil.which("mvn")
        if mvn is None:
            raise LocalServerError(
                "Maven is not installed. It fetches the Neo4j jars from Maven Central once: "
                "install it with `apt-get install maven`, or set NEO4J_URI to a running Neo4j."
            )
        self.lib_dir.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.lib_dir.parent / ".lock"
        with lock_path.open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.lib_dir.exists():
                return self.lib_dir
            staging = self.lib_dir.parent / "lib.partial"
            shutil.rmtree(staging, ignore_errors=True)
            completed = subprocess.run(
                [
                    mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
                    f"-DoutputDirectory={staging}", "-DincludeScope=runtime",
                    f"-Dneo4j.version={self.config.version}",
                    f"-Dneo4j.browser.version={self.config.browser_version}",
                ],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if completed.returncode != 0:
                shutil.rmtree(staging, ignore_errors=True)
                raise LocalServerError(
                    "Maven could not fetch the Neo4j jars:\n" + completed.stdout[-2000:]
                )
            staging.rename(self.lib_dir)
        return self.lib_dir

    def _write_config(self) -> Path:
        conf_dir = self.home / "conf"
        conf_dir.mkdir(parents=True, exist_ok=True)
        settings = {
            "server.default_listen_address": "127.0.0.1",
            "server.bolt.listen_address": f"127.0.0.1:{self.config.bolt_port}",
            "server.http.listen_address": f"127.0.0.1:{self.config.http_port}",
            "server.http.advertised_address": f"127.0.0.1:{self.config.http_port}",
            "server.bolt.advertised_address": f"127.0.0.1:{self.config.bolt_port}",
            "server.https.enabled": "false",
            "server.directories.data": str(self.home / "data"),
            "server.directories.logs": str(self.home / "logs"),
            "server.directories.run": str(self.home / "run"),
            "dbms.security.auth_enabled": "true",
            "server.memory.heap.initial_size": self.config.heap,
            "server.memory.heap.max_size": self.config.heap,
            "server.memory.pagecache.size": self.config.pagecache,
            "db.tx_log.rotation.retention_policy": "1 files",
            "dbms.usage_report.enabled": "false",
            "browser.remote_content_hostname_whitelist": "localhost,127.0.0.1",
        }
        (conf_dir / "neo4j.conf").write_text(
            "".join(f"{key}={value}\n" for key, value in settings.items())
        )
        return conf_dir

    def _environment(self, conf_dir: Path) -> dict[str, str]:
        return {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(conf_dir)}

    def _set_initial_password(self, java: str, conf_dir: Path) -> None:
        if (self.home / "data" / "dbms" / "auth.ini").exists() and self.password_file.exists():
            return
        password = secrets.token_urlsafe(18)
        completed = subprocess.run(
            [java, "-cp", f"{self.lib_dir}/*", "org.neo4j.cli.AdminTool",
             "dbms", "set-initial-password", password],
            env=self._environment(conf_dir), capture_output=True, text=True, check=False,
        )  # fmt: skip
        if completed.returncode != 0:
            raise LocalServerError("could not set the Neo4j password: " + completed.stdout)
        self.password_file.write_text(password + "\n")
        self.password_file.chmod(0o600)

    def start(self) -> ServerStatus:
        """Starts the server in the background and waits until Bolt answers; a running one is
        reused as it is."""
        current = self.status()
        if current.running:
            return current
        for port in (self.config.bolt_port, self.config.http_port):
            if port_open(port):
                raise LocalServerError(
                    f"port {port} is taken by another process; choose other ports with "
                    "TALENTGRAPH_NEO4J_BOLT_PORT / TALENTGRAPH_NEO4J_HTTP_PORT"
                )
        java = _java_executable()
        needed = required_java(self.config.version)
        if java_major_version(java) < needed:
            raise LocalServerError(
                f"Neo4j {self.config.version} needs Java {needed} or newer; point JAVA_HOME at one"
            )
        self.ensure_jars()
        for folder in ("data", "logs", "run"):
            (self.home / folder).mkdir(parents=True, exist_ok=True)
        self.home.chmod(0o700)
        conf_dir = self._write_config()
        self._set_initial_password(java, conf_dir)
        log_fd = os.open(self.log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            # A detached daemon that no Popen object owns: it outlives the command starting it.
            pid = os.posix_spawn(
                java,
                [java, "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow",
                 "-XX:+DisableExplicitGC", "-cp", f"{self.lib_dir}/*",
                 "org.neo4j.server.CommunityEntryPoint",
                 f"--home-dir={self.home}", f"--config-dir={conf_dir}"],
                self._environment(conf_dir),
                file_actions=[
                    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                    (os.POSIX_SPAWN_DUP2, log_fd, 1),
                    (os.POSIX_SPAWN_DUP2, log_fd, 2),
                ],
                setsid=True,
            )  # fmt: skip
        finally:
            os.close(log_fd)
        self.pid_file.write_text(str(pid))
        self._wait_until_ready(pid)
        return self.status()

    def _wait_until_ready(self, pid: int) -> None:
        info = self.connection_info()
        deadline = time.monotonic() + self.config.start_timeout_s
        while time.monotonic() < deadline:
            if reap(pid) or not pid_alive(pid):
                raise LocalServerError(
                    "Neo4j exited during start-up; its log says:\n" + self._log_tail()
                )
            if port_open(self.config.bolt_port):
                with (
                    contextlib.suppress(neo4j_errors.Neo4jError, neo4j_errors.DriverError, OSError),
                    GraphDatabase.driver(info.uri, auth=(info.user, info.password)) as driver,
                ):
                    driver.verify_connectivity()
                    return
            time.sleep(0.5)
        self.stop()
        raise LocalServerError(
            f"Neo4j did not answer on {self.bolt_uri} within {self.config.start_timeout_s:.0f}s:\n"
            + self._log_tail()
        )

    def _log_tail(self) -> str:
        lines: list[str] = []
        for log in (self.log_file, self.home / "logs" / "neo4j.log"):
            if log.exists():
                lines += log.read_text(errors="replace").splitlines()[-15:]
        return "\n".join(lines)

    def stop(self, timeout_s: float = 60.0) -> bool:
        """Stops the server; returns whether one was running."""
        pid = self._pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        terminate(pid, timeout_s)
        self.pid_file.unlink(missing_ok=True)
        return True

    def env_lines(self) -> list[str]:
        info = self.connection_info()
        return [
            f"export NEO4J_URI={info.uri}",
            f"export NEO4J_USER={info.user}",
            f"export NEO4J_PASSWORD={info.password}",
        ]

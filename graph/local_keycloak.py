"""The project's own OpenID Connect provider: Keycloak, for machines without Docker.

Started the way the local Neo4j is: the server distribution comes from Maven Central through
`graph/keycloak/pom.xml`, unpacked once into a cache shared by every server folder; each folder
(`home`) holds one server's data, log, pid and generated admin password. The server runs in
development mode on an in-memory database, so every start imports the talentgraph realm
(`graph/keycloak/talentgraph-realm.json`: clients, groups `hr` and `admin`, demo users) afresh
through the admin API, and nothing of a previous run survives.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from graph.errors import LocalServerError
from graph.local_server import java_major_version, pid_alive, port_open, reap, terminate

KEYCLOAK_DIR = Path(__file__).resolve().parent / "keycloak"
POM = KEYCLOAK_DIR / "pom.xml"
REALM_FILE = KEYCLOAK_DIR / "talentgraph-realm.json"
REALM = "talentgraph"
ADMIN = "admin"
NEEDED_JAVA = 21
JVM_FOLDER = Path("/usr/lib/jvm")


@dataclass(frozen=True)
class KeycloakConfig:
    home: Path
    version: str
    cache: Path
    port: int
    java_home: Path | None = None
    heap: str = "512m"
    start_timeout_s: float = 600.0


@dataclass(frozen=True)
class KeycloakStatus:
    running: bool
    pid: int | None
    issuer: str


def find_java(java_home: Path | None) -> str:
    """A Java 21+ executable: `java_home` if given, else JAVA_HOME, `java` on PATH, or the newest
    JDK under /usr/lib/jvm."""
    candidates: list[Path] = []
    if java_home is not None:
        candidates.append(java_home / "bin" / "java")
    else:
        if os.environ.get("JAVA_HOME"):
            candidates.append(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
        on_path = shutil.which("java")
        if on_path:
            candidates.append(Path(on_path))
        if JVM_FOLDER.is_dir():
            candidates += sorted(JVM_FOLDER.glob("*/bin/java"), reverse=True)
    for java in candidates:
        if java.exists() and java_major_version(str(java)) >= NEEDED_JAVA:
            return str(java)
    raise LocalServerError(
        f"Keycloak needs Java {NEEDED_JAVA} or newer and none was found "
        f"({', '.join(map(str, candidates)) or 'no java at all'}); "
        "set TALENTGRAPH_KEYCLOAK_JAVA_HOME to one"
    )


class KeycloakAdmin:
    """The admin API of a Keycloak (the local one, or one given by `TALENTGRAPH_KEYCLOAK_URL`):
    what the project asks of it is to create the realm and to enrol demo people."""

    def __init__(self, base_url: str, password: str, user: str = ADMIN) -> None:
        self.base_url = base_url.rstrip("/")
        self.user = user
        self.password = password

    def _headers(self) -> dict[str, str]:
        try:
            response = httpx.post(
                f"{self.base_url}/realms/master/protocol/openid-connect/token",
                data={
                    "grant_type": "password",
                    "client_id": "admin-cli",
                    "username": self.user,
                    "password": self.password,
                },
                timeout=30.0,
            )
        except httpx.HTTPError as error:
            raise LocalServerError(
                f"Keycloak at {self.base_url} does not answer: {error}"
            ) from error
        if response.status_code != 200:
            raise LocalServerError(f"Keycloak refused its admin: {response.text[:300]}")
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    def import_realm(self, realm: dict[str, Any]) -> None:
        """Creates a realm (one that exists is left as it is)."""
        response = httpx.post(
            f"{self.base_url}/admin/realms", json=realm, headers=self._headers(), timeout=120.0
        )
        if response.status_code not in (201, 409):
            raise LocalServerError(
                f"Keycloak did not import the realm ({response.status_code}): {response.text[:500]}"
            )

    def add_user(
        self, email: str, first_name: str, last_name: str, password: str, groups: list[str]
    ) -> None:
        """Enrols a person who can sign in (or resets the password of one who is enrolled)."""
        headers = self._headers()
        users = f"{self.base_url}/admin/realms/{REALM}/users"
        credential = {"type": "password", "value": password, "temporary": False}
        user = {
            "username": email.lower(),
            "email": email,
            "emailVerified": True,
            "firstName": first_name,
            "lastName": last_name,
            "enabled": True,
            "groups": groups,
            "credentials": [credential],
        }
        created = httpx.post(users, json=user, headers=headers, timeout=30.0)
        if created.status_code == 409:
            found = httpx.get(
                users, params={"email": email, "exact": "true"}, headers=headers, timeout=30.0
            ).json()
            httpx.put(
                f"{users}/{found[0]['id']}/reset-password",
                json=credential,
                headers=headers,
                timeout=30.0,
            ).raise_for_status()
        elif created.status_code != 201:
            raise LocalServerError(f"Keycloak did not enrol {email}: {created.text[:300]}")


class LocalKeycloak:
    """Start, stop and describe one local Keycloak server."""

    def __init__(self, config: KeycloakConfig) -> None:
        self.config = config
        self.home = config.home

    @property
    def dist_dir(self) -> Path:
        return self.config.cache / f"keycloak-{self.config.version}"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.config.port}"

    @property
    def issuer(self) -> str:
        return f"{self.base_url}/realms/{REALM}"

    @property
    def pid_file(self) -> Path:
        return self.home / "keycloak.pid"

    @property
    def log_file(self) -> Path:
        return self.home / "keycloak.log"

    @property
    def admin_password_file(self) -> Path:
        return self.home / "admin-password"

    def _pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if pid_alive(pid) else None

    def status(self) -> KeycloakStatus:
        pid = self._pid()
        return KeycloakStatus(pid is not None and self._realm_answers(), pid, self.issuer)

    def _realm_answers(self) -> bool:
        try:
            response = httpx.get(f"{self.issuer}/.well-known/openid-configuration", timeout=2.0)
        except httpx.HTTPError:
            return False
        return response.status_code == 200

    def ensure_dist(self) -> Path:
        """Unpacks the server distribution once; later calls return the cached folder at once."""
        if self.dist_dir.exists():
            return self.dist_dir
        mvn = shutil.which("mvn")
        if mvn is None:
            raise LocalServerError(
                "Maven is not installed. It fetches Keycloak from Maven Central once: "
                "install it with `apt-get install maven`, or set TALENTGRAPH_OIDC_ISSUER to a "
                "running identity provider."
            )
        self.config.cache.mkdir(parents=True, exist_ok=True)
        with (self.config.cache / ".keycloak.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.dist_dir.exists():
                return self.dist_dir
            staging = self.config.cache / f"keycloak-{self.config.version}.partial"
            shutil.rmtree(staging, ignore_errors=True)
            completed = subprocess.run(
                [
                    mvn, "-q", "-B", "-f", str(POM), "dependency:unpack-dependencies",
                    f"-DoutputDirectory={staging}", f"-Dkeycloak.version={self.config.version}",
                ],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            unpacked = staging / f"keycloak-{self.config.version}"
            if completed.returncode != 0 or not unpacked.is_dir():
                shutil.rmtree(staging, ignore_errors=True)
                raise LocalServerError(
                    "Maven could not fetch Keycloak:\n" + completed.stdout[-2000:]
                )
            unpacked.rename(self.dist_dir)
            shutil.rmtree(staging, ignore_errors=True)
        return self.dist_dir

    def _prepare_home(self) -> None:
        """The server's own folder: its data (transaction logs, temporary files) stay here, not
        in the shared distribution; its libraries, providers and themes are the distribution's."""
        self.home.mkdir(parents=True, exist_ok=True)
        self.home.chmod(0o700)
        for shared in ("lib", "providers", "themes"):
            link = self.home / shared
            if not link.exists():
                link.symlink_to(self.dist_dir / shared)
        shutil.rmtree(self.home / "data", ignore_errors=True)
        if not self.admin_password_file.exists():
            self.admin_password_file.write_text(secrets.token_urlsafe(18) + "\n")
            self.admin_password_file.chmod(0o600)

    def admin_password(self) -> str:
        return self.admin_password_file.read_text().strip()

    def start(self) -> KeycloakStatus:
        """Starts the server in the background, waits until it answers and imports the realm; a
        running one is reused as it is."""
        current = self.status()
        if current.running:
            return current
        if port_open(self.config.port):
            raise LocalServerError(
                f"port {self.config.port} is taken by another process; choose another with "
                "TALENTGRAPH_KEYCLOAK_PORT (TALENTGRAPH_TEST_KEYCLOAK_PORT for the tests)"
            )
        java = find_java(self.config.java_home)
        self.ensure_dist()
        self._prepare_home()
        environment = {
            **os.environ,
            "JAVA_HOME": str(Path(java).parent.parent),
            "JAVA_OPTS_KC_HEAP": f"-Xms64m -Xmx{self.config.heap}",
            "KC_BOOTSTRAP_ADMIN_USERNAME": ADMIN,
            "KC_BOOTSTRAP_ADMIN_PASSWORD": self.admin_password(),
        }
        log_fd = os.open(self.log_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            # A detached daemon in its own process group: it outlives the command starting it,
            # and stop() ends the launcher script and its JVM together.
            pid = os.posix_spawn(
                "/bin/sh",
                ["/bin/sh", str(self.dist_dir / "bin" / "kc.sh"), f"-Dkc.home.dir={self.home}",
                 "start-dev", "--db=dev-mem", "--http-host=127.0.0.1",
                 f"--http-port={self.config.port}", "--log-console-color=false"],
                environment,
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
        self.import_realm()
        return self.status()

    def _wait_until_ready(self, pid: int) -> None:
        deadline = time.monotonic() + self.config.start_timeout_s
        while time.monotonic() < deadline:
            if reap(pid) or not pid_alive(pid):
                raise LocalServerError(
                    "Keycloak exited during start-up; its log says:\n" + self._log_tail()
                )
            try:
                if httpx.get(f"{self.base_url}/realms/master", timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise LocalServerError(
            f"Keycloak did not answer on {self.base_url} within "
            f"{self.config.start_timeout_s:.0f}s:\n" + self._log_tail()
        )

    def _log_tail(self) -> str:
        if not self.log_file.exists():
            return ""
        return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-15:])

    def admin(self) -> KeycloakAdmin:
        return KeycloakAdmin(self.base_url, self.admin_password())

    def import_realm(self) -> None:
        """Creates the talentgraph realm from its file (the server keeps nothing between runs)."""
        self.admin().import_realm(json.loads(REALM_FILE.read_text()))

    def password_token(
        self, username: str, password: str, client_id: str = "talentgraph-cli", realm: str = REALM
    ) -> str:
        """An access token by the password grant of a development client (scripts and tests)."""
        response = httpx.post(
            f"{self.base_url}/realms/{realm}/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "client_id": client_id,
                "username": username,
                "password": password,
            },
            timeout=30.0,
        )
        if response.status_code != 200:
            raise LocalServerError(f"Keycloak refused to sign {username} in: {response.text[:300]}")
        token: str = response.json()["access_token"]
        return token

    def stop(self, timeout_s: float = 60.0) -> bool:
        """Stops the server; returns whether one was running."""
        pid = self._pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        terminate(pid, timeout_s, os.killpg)
        self.pid_file.unlink(missing_ok=True)
        return True

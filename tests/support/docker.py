"""Whether the tests may start Neo4j in a container: a Docker daemon must answer, not only exist."""

from __future__ import annotations

import docker
import requests
from docker.errors import DockerException


def docker_answers(timeout_s: float = 2.0) -> bool:
    """Whether a Docker daemon answers a ping, through the `docker` client testcontainers uses
    (it reads DOCKER_HOST and the other DOCKER_* settings as the containers will)."""
    try:
        client = docker.from_env(timeout=int(max(timeout_s, 1)))
    except DockerException:
        return False
    try:
        return bool(client.ping())
    except (DockerException, requests.RequestException):
        return False
    finally:
        client.close()

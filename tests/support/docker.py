"""Whether the tests may start Neo4j in a container: a Docker daemon must answer, not only exist."""

from __future__ import annotations

import gc
import warnings

import docker
import requests
from docker.errors import DockerException


def docker_answers(timeout_s: int = 2) -> bool:
    """Whether a Docker daemon answers a ping, through the `docker` client testcontainers uses
    (it reads DOCKER_HOST and the other DOCKER_* settings as the containers will)."""
    with warnings.catch_warnings():
        # a refused connection leaves its socket to the garbage collector: collect it here
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            client = docker.from_env(timeout=timeout_s)
            try:
                return bool(client.ping())
            finally:
                client.close()
        except (DockerException, requests.RequestException):
            return False
        finally:
            gc.collect()

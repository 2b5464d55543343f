"""The API benchmark's HTTP clients, in a process of their own, as cheap as a client can be.

    python -m benchmarks.http_load < job.json

`job.json`: {"port": P, "token": T, "clients": C, "per_client": N, "bodies": [...]} where
`bodies` are the GraphQL request bodies (JSON text), request i sending `bodies[i]`. C loops
each hold one HTTP/1.1 keep-alive connection to 127.0.0.1:P and send POST /graphql; first one
request each (warm-up), then N each, timed. Each response must be 200 with `data` and without
`errors`. Prints `measuring` when the timed requests begin and `measured` when they end (so the
caller can read the CPU clocks of the service and of Neo4j over exactly them), then one line of
JSON: the latencies (ms), the elapsed time and this process's CPU time over the timed requests,
and the first failure, if any.

No HTTP library: a request is one prepared byte string, a response is read by its
Content-Length, so that the client spends next to nothing of the cores the service and Neo4j
share with it.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from typing import Any

import orjson


class Failure(Exception):
    """A response that is not a complete GraphQL answer."""


class Connection:
    """One keep-alive HTTP/1.1 connection sending prepared requests."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    @classmethod
    async def open(cls, port: int) -> Connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        return cls(reader, writer)

    async def send(self, request: bytes) -> None:
        self.writer.write(request)
        status = await self.reader.readline()
        length = -1
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length < 0:
            raise Failure(f"no Content-Length in the response {status!r}")
        body = await self.reader.readexactly(length)
        if not status.startswith(b"HTTP/1.1 200"):
            raise Failure(f"{status.decode().strip()}: {body[:500].decode(errors='replace')}")
        answer = orjson.loads(body)
        if "errors" in answer or not answer.get("data"):
            raise Failure(f"unexpected response {body[:500].decode(errors='replace')}")

    def close(self) -> None:
        self.writer.close()


def requests(job: dict[str, Any]) -> list[bytes]:
    head = (
        "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Accept: application/json\r\nAuthorization: Bearer {job['token']}\r\n"
    )
    return [
        f"{head}Content-Length: {len(body.encode())}\r\n\r\n{body}".encode()
        for body in job["bodies"]
    ]


async def run(job: dict[str, Any]) -> dict[str, Any]:
    prepared = requests(job)
    clients, per_client = job["clients"], job["per_client"]
    connections = [await Connection.open(job["port"]) for _ in range(clients)]
    try:
        await asyncio.gather(*(c.send(prepared[i]) for i, c in enumerate(connections)))
        samples: list[float] = []

        async def loop(client: int) -> None:
            for n in range(per_client):
                began = time.perf_counter()
                await connections[client].send(prepared[client * per_client + n])
                samples.append((time.perf_counter() - began) * 1000)

        print("measuring", flush=True)
        cpu_before, began = sum(os.times()[:2]), time.perf_counter()
        failure = None
        try:
            await asyncio.gather(*(loop(c) for c in range(clients)))
        except Failure as error:
            failure = str(error)
        elapsed, cpu = time.perf_counter() - began, sum(os.times()[:2]) - cpu_before
        print("measured", flush=True)
        return {"samples_ms": samples, "elapsed_s": elapsed, "cpu_s": cpu, "failure": failure}
    finally:
        for connection in connections:
            connection.close()


def main() -> None:
    result = asyncio.run(run(orjson.loads(sys.stdin.buffer.read())))
    sys.stdout.write(orjson.dumps(result).decode() + "\n")


if __name__ == "__main__":
    main()

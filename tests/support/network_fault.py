"""A TCP relay between the app and the real Neo4j that a test can cut and restore, as a network
fault or a crashed database would: cut drops every open connection and refuses new ones; hold
drops them too but accepts new ones and never answers, as a Neo4j still starting up holds them."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from urllib.parse import urlparse

from graph.database import ConnectionInfo


class CuttableRelay:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.cut = False
        self.held = False
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", 0)

    async def stop(self) -> None:
        self.sever()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()

    def sever(self) -> None:
        """Drops every open connection; new ones are closed as soon as they arrive."""
        self.cut = True
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    def hold(self) -> None:
        """Drops every open connection; new ones are accepted and get no answer."""
        self.sever()
        self.cut, self.held = False, True

    def restore(self) -> None:
        self.cut = self.held = False
        self.sever()  # held connections included
        self.cut = False

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.cut:
            writer.transport.abort()
            return
        if self.held:
            self._writers.add(writer)
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._writers.update({writer, upstream_writer})
        await asyncio.gather(
            self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer)
        )

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError, asyncio.IncompleteReadError):
            while chunk := await reader.read(65536):
                writer.write(chunk)
                await writer.drain()
        self._writers.discard(writer)
        writer.transport.abort()


@contextlib.asynccontextmanager
async def relayed(info: ConnectionInfo) -> AsyncIterator[tuple[CuttableRelay, ConnectionInfo]]:
    """A relay to the Neo4j of `info`, and the connection that goes through it."""
    url = urlparse(info.uri)
    relay = CuttableRelay(url.hostname or "127.0.0.1", url.port or 7687)
    await relay.start()
    try:
        yield relay, replace(info, uri=f"bolt://127.0.0.1:{relay.port}")
    finally:
        await relay.stop()

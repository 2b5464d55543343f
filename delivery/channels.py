"""What every channel offers the worker: send one message, or say why it could not."""

from __future__ import annotations

from typing import Protocol

from delivery.messages import Message


class SendFailed(Exception):
    """A message did not reach the channel's server. `permanent` when trying again cannot help
    (the server refused the address, the channel is not configured)."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


class Sender(Protocol):
    async def send(self, message: Message) -> None: ...

    async def close(self) -> None: ...

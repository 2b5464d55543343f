"""E-mail through the organisation's SMTP server (aiosmtplib): plain text and HTML alternatives,
calendar attachments, a stable Message-ID per delivery and one-click unsubscribe headers
(RFC 8058). Connections are kept open and reused by up to `SmtpSettings.connections` senders at
once; a connection that fails is dropped and the next message opens a new one."""

from __future__ import annotations

import asyncio
from email.message import EmailMessage
from email.utils import formataddr, formatdate

import aiosmtplib

from delivery.channels import SendFailed
from delivery.messages import Message
from graph.settings import SmtpSettings


def email_message(message: Message, sender: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = formataddr((message.recipient["name"], message.address))
    mail["Subject"] = message.subject
    mail["Date"] = formatdate(usegmt=True)
    mail["Message-ID"] = message.message_id
    mail["X-Talentgraph-Kind"] = message.kind
    if message.unsubscribe:
        mail["List-Unsubscribe"] = f"<{message.unsubscribe[0].url}>"
        mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail.set_content(message.text)
    mail.add_alternative(message.html, subtype="html")
    for attachment in message.attachments:
        mail.add_attachment(
            attachment.content,
            maintype="text",
            subtype="calendar",
            filename=attachment.filename,
            params={"method": attachment.method},
        )
    return mail


class EmailSender:
    """Sends messages over a pool of SMTP connections (or a new connection per message with
    `reuse_connections=False`, the baseline the benchmark compares against)."""

    def __init__(self, settings: SmtpSettings, *, reuse_connections: bool = True) -> None:
        self.settings = settings
        self.reuse_connections = reuse_connections
        self._slots = asyncio.Semaphore(max(1, settings.connections))
        self._idle: list[aiosmtplib.SMTP] = []

    def _client(self) -> aiosmtplib.SMTP:
        settings = self.settings
        return aiosmtplib.SMTP(
            hostname=settings.host,
            port=settings.port,
            use_tls=settings.security == "tls",
            start_tls=settings.security == "starttls",
            username=settings.username,
            password=settings.password,
            timeout=settings.timeout_s,
        )

    async def _connection(self) -> aiosmtplib.SMTP:
        while self._idle:
            client = self._idle.pop()
            if client.is_connected:
                return client
        client = self._client()
        await client.connect()
        return client

    async def send(self, message: Message) -> None:
        mail = email_message(message, self.settings.sender)
        async with self._slots:
            client: aiosmtplib.SMTP | None = None
            try:
                client = await self._connection()
                await client.send_message(mail)
            except aiosmtplib.SMTPRecipientsRefused as error:
                await self._release(client)
                codes = [refusal.code for refusal in error.recipients]
                reason = "; ".join(f"{r.code} {r.message}" for r in error.recipients)
                raise SendFailed(reason, permanent=all(code >= 500 for code in codes)) from error
            except aiosmtplib.SMTPResponseException as error:
                _discard(client)
                raise SendFailed(
                    f"{error.code} {error.message}", permanent=error.code >= 500
                ) from error
            except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
                _discard(client)
                raise SendFailed(f"{type(error).__name__}: {error}") from error
            await self._release(client)

    async def _release(self, client: aiosmtplib.SMTP | None) -> None:
        if client is None:
            return
        if self.reuse_connections and client.is_connected:
            self._idle.append(client)
        else:
            await _quit(client)

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        await asyncio.gather(*(_quit(client) for client in idle))


def _discard(client: aiosmtplib.SMTP | None) -> None:
    if client is not None and client.is_connected:
        client.close()


async def _quit(client: aiosmtplib.SMTP) -> None:
    try:
        await client.quit()
    except (aiosmtplib.SMTPException, OSError):
        client.close()
